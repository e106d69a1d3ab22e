// The employer's candidates: several imported at once (CV texts, or badge files, through
// POST /v1/candidate-batches, each answered on its own), and each ranked candidate's skills with
// their evidence, corrected in place (PATCH /v1/candidates/{id}/skills; the ranking is redone).

import { api, clearError, InputError, showError } from "./api.js";
import { readBadgeFiles } from "./badges.js";
import { $, clear, h, plural, tag } from "./dom.js";
import { skillPicker } from "./skill_picker.js";

const MAX_IMPORT = 20;
const KIND = {
  verified: ["verified badge", "verified"],
  unverified: ["badge, not checked", "unverified"],
  declared: ["declared", "declared"],
  text: ["from the CV", "text"],
  "text:role": ["from the CV, read for this opening", "text"],
};

/** Blocks of "name\nCV text" separated by a line of three or more dashes. */
export function cvBlocks(text) {
  return text
    .split(/^\s*-{3,}\s*$/m)
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => {
      const [first, ...rest] = b.split("\n");
      return { name: first.trim().slice(0, 200), text: rest.join("\n").trim() };
    });
}

function skillNames(labels) {
  if (!labels.length) return "no skills were read";
  return labels.join(", ");
}

export async function importCandidates(key, onDone) {
  const box = $("imp-error");
  clearError(box);
  const result = clear($("imp-result"));
  const items = cvBlocks($("imp-text").value).map((b) => ({ name: b.name || null, text: b.text }));
  const read = await readBadgeFiles($("imp-badges").files);
  const bad = read.filter((r) => r.error);
  if (bad.length) return showError(box, new InputError(bad.map((b) => `${b.file}: ${b.error}`).join("; "), "imp-badges"));
  for (const r of read) items.push({ name: r.file.replace(/\.[a-z]+$/i, ""), badges: [r.doc] });
  if (!items.length) return showError(box, new InputError("paste at least one CV or choose badge files", "imp-text"));
  if (items.length > MAX_IMPORT) return showError(box, new InputError(`import at most ${MAX_IMPORT} candidates at once (you gave ${items.length})`, "imp-text"));
  $("imp-status").textContent = `Importing ${plural(items.length, "candidate")}…`;
  try {
    const out = await api("/v1/candidate-batches", { method: "POST", key, body: { items } });
    for (const it of out.items) {
      const name = items[it.position].name || `Candidate ${it.position + 1}`;
      result.appendChild(
        it.status === "created"
          ? h("li", {}, h("strong", {}, name), ` added with ${plural(it.skills.length, "skill")}: ${skillNames(it.skills)}.`)
          : h("li", { class: "failed" }, h("strong", {}, name), " was not added: ", it.errors.map((e) => e.message).join("; "), "."),
      );
    }
    $("imp-status").textContent = `${plural(out.summary.created, "candidate")} added${out.summary.failed ? `, ${out.summary.failed} not added` : ""}.`;
    if (out.summary.created) {
      $("imp-text").value = "";
      $("imp-badges").value = "";
      await onDone();
    }
  } catch (err) {
    $("imp-status").textContent = "";
    showError(box, err);
  }
  return undefined;
}

function evidenceKind(ev, badges) {
  if (ev.source === "badge") {
    const b = badges.find((x) => x.id === ev.badge_id);
    return b && b.status === "verified" ? KIND.verified : KIND.unverified;
  }
  return KIND[ev.source] || [ev.source, "declared"];
}

function quote(ev, badges) {
  if (ev.source === "badge") {
    const b = badges.find((x) => x.id === ev.badge_id);
    return b ? `“${b.title || "untitled badge"}”` : "";
  }
  if (!ev.text || /^(https?:|urn:)/.test(ev.text)) return "";
  return `“${ev.text}”`;
}

/** One skill with its evidence (two kinds at most) and a Remove button. */
function skillItem(s, detail, name, correct) {
  const seen = new Set();
  const kinds = s.evidence
    .map((ev) => [evidenceKind(ev, detail.badges), quote(ev, detail.badges)])
    .filter(([k, q]) => !seen.has(k[0] + q) && seen.add(k[0] + q));
  return h(
    "li",
    {},
    h("span", { class: "chip-label" }, s.label),
    kinds.slice(0, 2).map(([k, q]) => h("span", { class: "evidence" }, tag(k[0], k[1]), q ? ` ${q}` : "")),
    h(
      "button",
      {
        type: "button",
        class: "link-button",
        onclick: (e) => correct(detail.id, { remove: [s.skill_id] }, `Removed ${s.label}`, e.currentTarget),
      },
      "Remove",
      h("span", { class: "visually-hidden" }, ` ${s.label} from ${name}`),
    ),
  );
}

/** A candidate's skills with their evidence, each removable, the CV's readings for openings
 *  apart (counted only where an opening asks for them), and a search to add a skill. */
export function candidateSkills(detail, name, correct) {
  const cid = detail.id;
  const readings = detail.readings || [];
  const list = h(
    "ul",
    { class: "skill-list cand-skills" },
    detail.skills.map((s) => skillItem(s, detail, name, correct)),
  );
  return h(
    "div",
    { class: "cand-skill-editor" },
    detail.skills.length ? list : h("p", { class: "empty" }, "No skills were read for this candidate."),
    readings.length
      ? [
          h("p", { class: "cand-readings-title" }, "Also read from the CV, counted only where an opening asks for them:"),
          h(
            "ul",
            { class: "skill-list cand-readings" },
            readings.map((s) => skillItem(s, detail, name, correct)),
          ),
        ]
      : null,
    skillPicker(`add-${cid}`, `Add a skill ${name} has`, (hit) =>
      correct(cid, { add: [hit.uri] }, `Added ${hit.preferred_label}`, null),
    ),
  );
}
