// Badge files picked by the user: Open Badges JSON (2.0 assertions, 3.0 credentials, a list of
// them), a VC-JWT, or a baked badge (a PNG or SVG image with the badge inside, as Credly and
// Badgr export them). Read in the browser and sent as they are (an image as a data: URL); the
// server unbakes and verifies them.

const MAX_FILE_BYTES = 1024 * 1024;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function base64urlJson(part) {
  const b64 = part.replace(/-/g, "+").replace(/_/g, "/");
  const padded = b64 + "=".repeat((4 - (b64.length % 4)) % 4);
  const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes));
}

function nameOf(value) {
  if (!value) return null;
  if (typeof value === "string") return value;
  if (typeof value === "object") return value.name || value["@value"] || null;
  return null;
}

const BAKED = { "image/png": "PNG", "image/svg+xml": "SVG" };

function bakedKind(file) {
  const name = (file.name || "").toLowerCase();
  if (BAKED[file.type]) return file.type;
  if (name.endsWith(".png")) return "image/png";
  if (name.endsWith(".svg")) return "image/svg+xml";
  return null;
}

async function dataUrl(file, type) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return `data:${type};base64,${btoa(binary)}`;
}

/** A title to show for a badge document (JSON object, JWT string or baked image). */
export function badgeTitle(doc) {
  let body = doc;
  if (typeof doc === "string" && doc.startsWith("data:image/")) {
    return `a baked badge (${BAKED[doc.slice(5).split(";")[0]] || "image"})`;
  }
  if (typeof doc === "string") {
    try {
      const payload = base64urlJson(doc.split(".")[1]);
      body = payload.vc || payload;
    } catch {
      return "a signed badge (JWT)";
    }
  }
  if (!body || typeof body !== "object") return "a badge";
  const subject = Array.isArray(body.credentialSubject)
    ? body.credentialSubject[0]
    : body.credentialSubject;
  const title =
    nameOf(subject && subject.achievement && subject.achievement.name) ||
    nameOf(body.badge && body.badge.name) ||
    nameOf(body.name);
  return title ? String(title) : "a badge without a name";
}

function documentsIn(text) {
  const trimmed = text.trim();
  if (!trimmed) throw new Error("the file is empty");
  if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
    let parsed;
    try {
      parsed = JSON.parse(trimmed);
    } catch (exc) {
      throw new Error(`the file is not valid JSON (${exc.message})`);
    }
    const docs = Array.isArray(parsed) ? parsed : [parsed];
    if (!docs.length) throw new Error("the file holds an empty list");
    for (const d of docs) {
      if (!(d && typeof d === "object") && !(typeof d === "string" && JWT.test(d.trim()))) {
        throw new Error("each badge must be a JSON object or a JWT");
      }
    }
    return docs.map((d) => (typeof d === "string" ? d.trim() : d));
  }
  const compact = trimmed.replace(/\s+/g, "");
  if (JWT.test(compact)) return [compact];
  throw new Error("the file is neither Open Badges JSON nor a JWT");
}

/** Read the picked files: [{file, doc, title}] for the good ones, [{file, error}] for the rest. */
export async function readBadgeFiles(fileList) {
  const out = [];
  for (const file of Array.from(fileList || [])) {
    if (file.size > MAX_FILE_BYTES) {
      out.push({ file: file.name, error: "the file is larger than 1 MB" });
      continue;
    }
    const baked = bakedKind(file);
    if (baked) {
      const doc = await dataUrl(file, baked);
      out.push({ file: file.name, doc, title: `${file.name}: ${badgeTitle(doc)}` });
      continue;
    }
    try {
      for (const doc of documentsIn(await file.text())) {
        out.push({ file: file.name, doc, title: badgeTitle(doc) });
      }
    } catch (exc) {
      out.push({ file: file.name, error: exc.message });
    }
  }
  return out;
}
