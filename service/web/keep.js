// Keeping a plan: save it in this browser (localStorage), share it as a link (the address holds
// the inputs, not the answer: the plan is made again when the link is opened), print it (the
// print stylesheet shows the plan only).

import { $, h } from "./dom.js";

const KEY = "skillmatch.learner.plan";
const PARAM = "plan";
const VERSION = 1;

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const bytes = Uint8Array.from(atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  return new TextDecoder().decode(bytes);
}

const str = (x) => (typeof x === "string" ? x : "");

/** [[uri, label], ...] as saved: anything else dropped. */
function pairs(list) {
  return (Array.isArray(list) ? list : []).filter((a) => Array.isArray(a) && a.length === 2).map(([u, l]) => [str(u), str(l)]);
}

/** Inputs as saved and shared: {v, text, added (skills), jobs (added), removed, role, hours,
 * cost}; null when not. */
function checked(inputs) {
  if (!inputs || typeof inputs !== "object" || inputs.v !== VERSION) return null;
  const role = inputs.role && typeof inputs.role === "object" ? inputs.role : null;
  return {
    v: VERSION,
    text: str(inputs.text).slice(0, 20000),
    added: pairs(inputs.added),
    jobs: pairs(inputs.jobs),
    removed: (Array.isArray(inputs.removed) ? inputs.removed : []).map(str).filter(Boolean),
    role: role && Number.isInteger(role.id) ? { id: role.id, label: str(role.label) } : role && str(role.title) ? { title: str(role.title) } : null,
    hours: str(inputs.hours),
    cost: str(inputs.cost),
  };
}

export function shareLink(inputs) {
  const url = new URL(window.location.href);
  url.search = "";
  url.searchParams.set(PARAM, toBase64Url(JSON.stringify(inputs)));
  url.hash = "learner";
  return url.toString();
}

/** The inputs a shared link carries, or null (none, or not readable). */
export function linkedInputs() {
  const raw = new URL(window.location.href).searchParams.get(PARAM);
  if (!raw) return null;
  try {
    return checked(JSON.parse(fromBase64Url(raw)));
  } catch {
    return null;
  }
}

export function savedInputs() {
  try {
    const saved = JSON.parse(window.localStorage.getItem(KEY) || "null");
    return saved && checked(saved.inputs) ? { inputs: checked(saved.inputs), title: String(saved.title || ""), at: String(saved.at || "") } : null;
  } catch {
    return null;
  }
}

function save(inputs, title) {
  window.localStorage.setItem(KEY, JSON.stringify({ inputs, title, at: new Date().toISOString() }));
}

export function forgetSaved() {
  window.localStorage.removeItem(KEY);
}

/** Print with the plan's folded parts open, closed again after. */
function printPlan() {
  const closed = [...$("learner-results").querySelectorAll("details:not([open])")];
  for (const d of closed) d.open = true;
  window.addEventListener("afterprint", () => closed.forEach((d) => (d.open = false)), { once: true });
  window.print();
}

/** The bar above the plan: save, share, print. `inputs` as the plan was asked for. */
export function keepBar(inputs, roleTitle) {
  const said = h("p", { id: "keep-status", class: "status", role: "status" });
  const linkBox = h("div", { class: "field share-link", hidden: true });
  const saveButton = h("button", { type: "button", id: "plan-save", class: "secondary small" }, "Save this plan");
  saveButton.addEventListener("click", () => {
    try {
      save(inputs, roleTitle);
      said.textContent = "Saved in this browser. Come back to this page to open it again.";
    } catch {
      said.textContent = "This browser does not let the page save (private mode?): use the link instead.";
    }
  });
  const shareButton = h("button", { type: "button", id: "plan-share", class: "secondary small" }, "Share as a link");
  shareButton.addEventListener("click", async () => {
    const link = shareLink(inputs);
    const field = h("input", { id: "plan-link", type: "text", readonly: true, value: link });
    linkBox.replaceChildren(h("label", { for: "plan-link" }, "Link to this plan (it holds your words, skills, role and limits)"), field);
    linkBox.hidden = false;
    field.select();
    try {
      await navigator.clipboard.writeText(link);
      said.textContent = "Link copied. Whoever opens it sees the same plan, worked out again.";
    } catch {
      said.textContent = "Copy the link below. Whoever opens it sees the same plan, worked out again.";
    }
  });
  const printButton = h("button", { type: "button", id: "plan-print", class: "secondary small" }, "Print");
  printButton.addEventListener("click", printPlan);
  return h("div", { class: "keep-bar no-print" }, h("div", { class: "button-row" }, saveButton, shareButton, printButton), said, linkBox);
}
