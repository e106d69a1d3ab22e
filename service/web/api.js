// The JSON API of this origin, and its errors in plain words.
// The API answers errors as RFC 9457 problem details {"detail": ..., "field": ..., "code": ...};
// this module turns them, and network failures, into a message a person can act on, naming the field at fault.

import { clear, h } from "./dom.js";

export class ApiError extends Error {
  constructor(status, message, field = null, retryAfter = null) {
    super(message);
    this.name = "ApiError";
    this.status = status; // 0: the request never got an answer
    this.field = field;
    this.retryAfter = retryAfter;
  }
}

/** A check the page makes itself before calling the API (same display as an API error). */
export class InputError extends ApiError {
  constructor(message, field) {
    super(-1, message, field);
    this.name = "InputError";
  }
}

export async function api(path, { method = "GET", body, key, query } = {}) {
  const url = new URL(path, window.location.origin);
  for (const [name, value] of Object.entries(query || {})) {
    if (value === undefined || value === null || value === "") continue;
    for (const v of Array.isArray(value) ? value : [value]) url.searchParams.append(name, v);
  }
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  if (key) headers.Authorization = `Bearer ${key}`;
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit",
      cache: "no-store",
    });
  } catch (exc) {
    throw new ApiError(0, exc && exc.message ? exc.message : "network error");
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    const err = data || {};
    const message = (typeof err.detail === "string" && err.detail) || response.statusText;
    throw new ApiError(
      response.status,
      message || `HTTP ${response.status}`,
      err.field || null,
      response.headers.get("Retry-After"),
    );
  }
  return data;
}

// Field paths the API names -> what the page calls them, and the control to fix.
const FIELDS = [
  [/^authorization$|^scope$/, "API key", "api-key"],
  [/^(body\.)?constraints\.max_hours/, "Most hours of study", "max-hours"],
  [/^(body\.)?constraints\.max_cost/, "Most money to spend", "max-cost"],
  [/^(body\.)?constraints/, "Your limits", "max-hours"],
  [/^(body\.)?target\.description/, "Job posting text", "posting-text"],
  [/^(body\.)?target\.title/, "Job title", "occ-q"],
  [/^(body\.)?target/, "The role you want", "occ-q"],
  [/^(body\.)?learner\.badges\[(\d+)\]/, (m) => `Badge file ${Number(m[2]) + 1}`, "badge-files"],
  [/^(body\.)?learner\.credentials/, "Credentials you hold", "cred-q"],
  [/^(body\.)?learner\.skills/, "Your skills", "skill-q"],
  [/^(body\.)?learner\.identifiers/, "Your email, web address or DID", "identifiers"],
  [/^(body\.)?learner\.text/, "About you", "about-text"],
  [/^(body\.)?learner$/, "About you", "about-text"],
  [/^(body\.)?badges\[(\d+)\]/, (m) => `Badge file ${Number(m[2]) + 1}`, "cand-badges"],
  [/^(body\.)?skills/, "Skills", "cand-skills"],
  [/^(body\.)?name/, "Name", "cand-name"],
  [/^(body\.)?identifiers/, "Email, web address or DID", "cand-ids"],
  [/^(body\.)?text/, "CV text", "cand-text"],
  [/^op-title$/, "Job title", "op-title"],
  [/^op-add-q$/, "Skills of the opening", "op-add-q"],
  [/^imp-text$/, "CVs", "imp-text"],
  [/^imp-badges$/, "Badge files", "imp-badges"],
  [/^(body\.)?items\[(\d+)\]/, (m) => `Candidate ${Number(m[2]) + 1}`, "imp-text"],
  [/^(body\.)?items/, "Candidates", "imp-text"],
  [/^(body\.)?(add|remove)/, "The skill", null],
  [/^posting_id$|^path\.posting_id/, "Opening", null],
  [/^(query\.)?q$/, "Search text", null],
  [/^body$/, "What was sent", null],
];

export function describeField(field) {
  if (!field) return { label: null, control: null };
  for (const [pattern, label, control] of FIELDS) {
    const m = field.match(pattern);
    if (m) return { label: typeof label === "function" ? label(m) : label, control };
  }
  return { label: "What was sent", control: null }; // never an API field name
}

function waitText(retryAfter) {
  const s = Number(retryAfter);
  if (!Number.isFinite(s) || s <= 0) return "a moment";
  return s === 1 ? "1 second" : `${Math.ceil(s)} seconds`;
}

/** Why a typed title matched no role, where the service says more than that it did not (its
 * detail before "no occupation matches ...": a title that names only a level, as "trainee",
 * with the fix), as a sentence; "" otherwise. The rest of the detail (the closest roles with
 * scores, the API's advice to programmers) stays out: the closest roles are listed to pick. */
export function titleMissReason(err) {
  const detail = String((err && err.message) || "");
  const at = detail.search(/no occupation matches/i);
  const reason = (at > 0 ? detail.slice(0, at) : "").trim().replace(/[.;:,]+$/, "");
  return reason ? `${reason.charAt(0).toUpperCase()}${reason.slice(1)}.` : "";
}

/** {title, advice} for an error, in plain words. */
export function plainWords(err) {
  const status = err instanceof ApiError ? err.status : null;
  switch (status) {
    case -1:
      return { title: "Please check what you entered.", advice: null };
    case 0:
      return {
        title: "We could not reach the skillmatch service.",
        advice: "Check your connection or whether the service is running, then try again.",
      };
    case 400:
    case 422:
      return { title: "Some of what you entered needs a fix.", advice: null };
    case 401:
      return {
        title: "Your API key was not accepted.",
        advice: "Check that you pasted the whole key, or ask your administrator for a new one.",
      };
    case 403:
      return {
        title: "Your API key is not allowed to do this.",
        advice: "Ask your administrator for a key with the right scope (read to match, write to add candidates).",
      };
    case 404:
      if (err.field === "target.title") {
        const reason = titleMissReason(err);
        return {
          title: "No role matches this job title confidently.",
          // why, where the service says (a title of a level only); else what to do
          advice: reason || "Pick one of the closest roles shown under “Job title”, or try other words.",
          quiet: true, // the closest roles are listed beside the title, to pick from
        };
      }
      return {
        title: "We could not find what you asked for.",
        advice: "It may have been removed, or it belongs to another organisation.",
      };
    case 409:
      return {
        title: "This changed since the page showed it.",
        advice: "Rank the candidates again to see them as they are now.",
      };
    case 413:
      return {
        title: "What you sent is too large.",
        advice: "Send fewer or smaller files, or a shorter text.",
      };
    case 429:
      return {
        title: "Too many requests in a short time.",
        advice: `Please wait ${waitText(err.retryAfter)} and try again.`,
      };
    case 503:
      return {
        title: "The service is busy or still starting up.",
        advice: "Please try again in a minute.",
      };
    default:
      if (status && status >= 500) {
        return {
          title: `The service ran into a problem (error ${status}).`,
          advice: "Please try again later.",
        };
      }
      return { title: "Something went wrong.", advice: null };
  }
}

const marked = new Map(); // error box id -> the controls it marked

/** Show an error in `box` (a role="alert" region) and mark the control at fault. */
export function showError(box, err) {
  clearError(box);
  const words = plainWords(err);
  const isApi = err instanceof ApiError;
  let detail = isApi ? err.message : String((err && err.message) || err);
  if (isApi && err.field && detail.startsWith(`${err.field}: `)) {
    detail = detail.slice(err.field.length + 2); // the field is named on its own line
  }
  const { label, control } = describeField(isApi ? err.field : null);
  box.appendChild(h("h3", {}, words.title));
  if (detail && !(isApi && err.status === 0) && !words.quiet) {
    const sentence = detail.charAt(0).toUpperCase() + detail.slice(1);
    box.appendChild(h("p", { class: "error-message" }, /[.!?]$/.test(sentence) ? sentence : `${sentence}.`));
  }
  if (label) {
    // the field in the page's words only: the API's name for it (constraints.max_hours) stays out
    box.appendChild(h("p", { class: "error-field" }, h("strong", {}, "Field: "), label));
  }
  if (words.advice) box.appendChild(h("p", { class: "error-advice" }, words.advice));
  const el = control ? document.getElementById(control) : null;
  if (el) {
    el.setAttribute("aria-invalid", "true");
    const ids = (el.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (!ids.includes(box.id)) el.setAttribute("aria-describedby", [...ids, box.id].join(" "));
    if (!marked.has(box.id)) marked.set(box.id, new Set());
    marked.get(box.id).add(el);
  }
}

/** Empty `box` and unmark the controls it marked (a control another box marks stays marked). */
export function clearError(box) {
  clear(box);
  for (const el of marked.get(box.id) || []) {
    const ids = (el.getAttribute("aria-describedby") || "").split(" ").filter((x) => x && x !== box.id);
    if (ids.length) el.setAttribute("aria-describedby", ids.join(" "));
    else el.removeAttribute("aria-describedby");
    const still = [...marked.entries()].some(([id, els]) => id !== box.id && els.has(el));
    if (!still) el.removeAttribute("aria-invalid");
  }
  marked.delete(box.id);
}
