// "The role you want": a typed job title, resolved on the server (the role it reads as, up to
// four alternatives to pick instead, and a warning when the match is weak; a title that matches
// nothing confidently shows the closest roles to pick from), or a role picked from "roles that
// fit you" (POST /v1/roles/suggest, shown only where the server has it), or a job posting's text.

import { api, ApiError, clearError, InputError, showError, titleMissReason } from "./api.js";
import { $, busy, clear, h, hours, money, onEnter, percent, plural } from "./dom.js";
import { aboutJobs } from "./jobs.js";
import { setToggle, toggleButton } from "./search.js";

const OPTIONS = 5; // the resolved role and up to four alternatives
const SUGGEST_PAGE = 5;
const NOT_CHOSEN = "No role chosen yet.";

const state = {
  occupation: null, // {id, label}
  lookup: null, // the typed title the role was read from: {title, id (its best match), warning}
  cursor: null, // next page of roles that fit you
  learnerBody: async () => null, // () -> {learner, constraints}, or null when it cannot be built
};

function sentence(text) {
  const s = String(text || "").trim();
  return s ? `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? "" : "."}` : "";
}

function targetKind() {
  const checked = document.querySelector('input[name="target-kind"]:checked');
  return checked ? checked.value : "occupation";
}

/** The request's `target`: a posting's text, the chosen occupation, or the typed title. */
export function roleTarget() {
  if (targetKind() === "posting") {
    const text = $("posting-text").value.trim();
    if (!text) throw new InputError("paste the text of a job posting", "target.description");
    return { description: text };
  }
  if (state.occupation) return { occupation_id: state.occupation.id };
  const title = $("occ-q").value.trim();
  if (!title) throw new InputError("type a job title, or pick one of the roles that fit you", "target.title");
  return { title };
}

/** Make `occ` ({id, label}, or null) the target; `note` is said after it. */
function setOccupation(occ, note = "") {
  state.occupation = occ;
  // the note repeats what the panel above shows, for those who hear the page (a live region)
  const said = note ? h("span", { class: "visually-hidden" }, ` ${note}`) : null;
  clear($("occ-chosen")).append(occ ? `Target role: ${occ.label}.` : NOT_CHOSEN, ...(said ? [said] : []));
  for (const button of $("roles-results").querySelectorAll("button[data-key]")) {
    const pressed = Boolean(occ) && button.dataset.key === String(occ.id);
    setToggle(button, pressed, "Choose", "Chosen", button.dataset.what);
  }
}

/** How the chosen role came from a typed title, for the plan to say: {title, warning} (the
 * weak-match warning only while the best match is kept, not once an alternative is picked), or
 * null when the role was not read from a title (a role that fits you, a saved plan). */
export function roleLookup() {
  const { lookup, occupation } = state;
  if (!lookup || !occupation) return null;
  return { title: lookup.title, warning: occupation.id === lookup.id ? lookup.warning : "" };
}

/** The role chosen ({id, label}) or null: for a saved plan or a shared link. */
export function chosenRole() {
  return state.occupation;
}

/** Choose `occ` ({id, label}) as the target, as if picked (a saved plan, a shared link, a
 * compared role). */
export function chooseRole(occ) {
  document.querySelector('input[name="target-kind"][value="occupation"]').checked = true;
  $("target-occupation").hidden = false;
  $("target-posting").hidden = true;
  $("occ-q").value = occ.label;
  clear($("role-resolution"));
  clearError($("role-error"));
  state.lookup = null;
  setOccupation(occ);
}

// ------------------------------------------------------------------ a typed title

function optionMeta(hit, index, miss) {
  const parts = miss ? [] : [index === 0 ? "best match" : "alternative"];
  if (hit.matched_label && hit.matched_label.toLowerCase() !== hit.preferred_label.toLowerCase()) {
    parts.push(`matched “${hit.matched_label}”`);
  }
  parts.push(`title match ${percent(hit.score)}`);
  return parts.join(" · ");
}

function options(hits, checkedId, legend, { miss = false } = {}) {
  return h(
    "fieldset",
    { class: "choice role-options" },
    h("legend", {}, legend),
    hits.slice(0, OPTIONS).map((hit, i) => {
      const input = h("input", { type: "radio", name: "role-pick", value: String(hit.id), checked: hit.id === checkedId });
      input.addEventListener("change", () => {
        if (input.checked) setOccupation({ id: hit.id, label: hit.preferred_label });
      });
      return h(
        "label",
        { class: "radio role-option" },
        input,
        h("span", { class: "item-text" }, h("span", { class: "item-title" }, hit.preferred_label), h("span", { class: "item-meta" }, optionMeta(hit, i, miss))),
      );
    }),
  );
}

/** The role a typed title resolved to (role.title_resolution, best first) and its warning. */
export function showTitleAnswer(title, role) {
  const hits = role.title_resolution || [];
  if (!hits.length) return;
  const warning = (role.warnings || []).find((w) => w.field === "target.title");
  const top = hits[0];
  const panel = clear($("role-resolution"));
  panel.append(h("p", { class: "resolved-line" }, `“${title}” reads as `, h("strong", {}, top.preferred_label), "."));
  if (warning) panel.append(h("p", { class: "role-warning" }, sentence(warning.message)));
  const legend = hits.length > 1 ? "The role to plan for: the best match, or an alternative" : "The role to plan for";
  panel.append(options(hits, top.id, legend));
  state.lookup = { title, id: top.id, warning: warning ? warning.message : "" };
  setOccupation({ id: top.id, label: top.preferred_label }, warning ? sentence(warning.message) : "");
}

/** A title that matches no role confidently (`err`, the 404): why, where the service says, and
 * the closest roles, to pick from. */
export async function showTitleMiss(title, err) {
  let hits = [];
  try {
    hits = (await api("/v1/occupations", { query: { q: title, limit: OPTIONS } })).items;
  } catch {
    hits = []; // the miss is still said; the list is a help
  }
  const panel = clear($("role-resolution"));
  panel.append(h("p", { class: "role-warning" }, `No role matches “${title}” confidently.`));
  const reason = titleMissReason(err);
  if (reason) panel.append(h("p", { class: "miss-reason" }, reason));
  if (hits.length) panel.append(options(hits, null, "The closest roles: pick one, or try other words", { miss: true }));
  else panel.append(h("p", {}, "Try other words, or pick one of the roles that fit you."));
  state.lookup = { title, id: null, warning: "" }; // a closest role picked is read from the title
  setOccupation(null, `No role matches “${title}” confidently: pick one of the closest roles, or try other words.`);
}

export function isTitleMiss(err) {
  return err instanceof ApiError && err.status === 404 && err.field === "target.title";
}

async function findRole() {
  const input = $("occ-q");
  const title = input.value.trim();
  const errorBox = $("role-error");
  clearError(errorBox);
  if (!title) {
    showError(errorBox, new InputError("type a job title, for example “data analyst”", "target.title"));
    input.focus();
    return;
  }
  await busy($("occ-search"), async () => {
    $("occ-chosen").textContent = `Looking up “${title}”…`;
    try {
      const data = await api("/v1/gap", { method: "POST", body: { target: { title } } });
      if (input.value.trim() === title) showTitleAnswer(title, data.role);
    } catch (err) {
      if (input.value.trim() !== title) return;
      if (isTitleMiss(err)) await showTitleMiss(title, err);
      else {
        setOccupation(null);
        showError(errorBox, err);
      }
    }
  });
}

// ------------------------------------------------------------------ roles that fit you

function note(text) {
  $("roles-note").textContent = text;
}

/** The server has no such route (yet): 404 without a field, or 405. */
function routeMissing(err) {
  return err instanceof ApiError && (err.status === 405 || (err.status === 404 && !err.field));
}

function unavailable() {
  $("roles-suggest").hidden = true;
  $("roles-fit-hint").hidden = true;
  clear($("roles-results"));
  note("Roles that fit you are not available on this server yet: type a job title above.");
  $("roles-note").focus();
}

function suggestionMeta(it) {
  const parts = [];
  const counts = it.counts || {};
  if (Number.isFinite(it.n_essential)) {
    const covered = Number.isFinite(counts.covered) ? counts.covered : it.n_essential - (it.n_missing_essential || 0);
    const partly = counts.partial ? `, ${counts.partial} partly` : "";
    parts.push(`you have ${covered} of ${it.n_essential} essential skills${partly}`);
  }
  // the order is the match score; coverage is said twice: held, and weighed by how well backed
  if (Number.isFinite(it.score)) parts.push(`match ${percent(it.score)}`);
  if (Number.isFinite(it.coverage_held) && Number.isFinite(it.coverage) && it.coverage < it.coverage_held) {
    parts.push(`${percent(it.coverage_held)} of its essential skills held, ${percent(it.coverage)} counting how well each is backed`);
  } else if (Number.isFinite(it.coverage)) {
    parts.push(`${percent(it.coverage)} of its essential skills held`);
  }
  const close = closeWords(it.to_close);
  if (close) parts.push(close);
  return parts.join(" · ");
}

/** What closing the gap takes (the greedy plan of the answer's to_close), and what it leaves
 * open: `feasible` is false when an essential skill stays unmet, for the limits or because no
 * step adds enough for its hours, not only for the limits (which may not be set at all). */
function closeWords(close) {
  if (!close || !Number.isFinite(close.total_hours)) return "";
  const steps = (close.credentials || []).length;
  if (!steps && !close.total_hours && close.feasible !== false) return "nothing to close: you have every essential skill";
  const open = (close.unmet || []).filter((u) => u.essential !== false).length;
  let left = "";
  if (close.feasible === false) left = open ? ` (leaves ${plural(open, "essential skill")} open)` : " (does not close every essential skill)";
  return `to close the gap: ${hours(close.total_hours)}, ${money(close.total_cost, close.currency)}${left}`;
}

/** A role two or more ISCO skill levels above the learner's job (the API's level_step) usually
 * needs a higher qualification first: said beside its name, not left to the score alone. */
function levelNote(step) {
  if (!Number.isFinite(step) || step < 2) return null;
  return h("span", { class: "tag tag-partial", title: `${step} ISCO skill levels above your current job` },
    "usually needs a higher qualification");
}

function suggestionItem(it) {
  const occ = it.occupation || it;
  const label = occ.preferred_label || occ.title || `occupation ${occ.id}`;
  const chosen = Boolean(state.occupation) && state.occupation.id === occ.id;
  const level = levelNote(it.level_step);
  const button = toggleButton(chosen, "Choose", "Chosen", label);
  Object.assign(button.dataset, { key: String(occ.id), what: label, add: "Choose" });
  button.addEventListener("click", () => {
    $("occ-q").value = label;
    clear($("role-resolution"));
    clearError($("role-error"));
    state.lookup = null;
    setOccupation({ id: occ.id, label });
  });
  return h(
    "li",
    {},
    h(
      "span",
      { class: "item-text" },
      h("span", { class: "item-title" }, label),
      // a space before each tag: read aloud (and as text) apart from the role's name
      aboutJobs().includes(occ.uri) ? [" ", h("span", { class: "tag tag-public" }, "a job you named")] : null,
      occ.regulated ? [" ", h("span", { class: "tag tag-partial" }, "regulated profession")] : null,
      level ? [" ", level] : null,
      h("span", { class: "item-meta" }, suggestionMeta(it)),
    ),
    button,
  );
}

function renderSuggestions(data, more) {
  const results = $("roles-results");
  let list = results.querySelector("ul");
  if (!more || !list) {
    clear(results);
    list = h("ul", { class: "result-list", "aria-label": "Roles that fit you" });
    results.append(list);
  }
  const first = list.children.length;
  for (const it of data.items || []) list.append(suggestionItem(it));
  state.cursor = data.next_cursor || null;
  const old = document.getElementById("roles-more");
  if (old) old.remove();
  if (state.cursor) {
    const button = h("button", { type: "button", id: "roles-more", class: "secondary small" }, "Show more roles");
    button.addEventListener("click", () => suggest(true));
    results.append(button);
  }
  const n = list.children.length;
  note(n ? `${plural(n, "role")} that fit you, the closest first.` : "No role found for your skills yet: add more about yourself.");
  if (more) {
    const next = list.children[first];
    (next ? next.querySelector("button") : $("roles-suggest")).focus();
  }
}

async function suggest(more = false) {
  const errorBox = $("roles-error");
  clearError(errorBox);
  const button = more ? $("roles-more") : $("roles-suggest");
  await busy(button, async () => {
    let body;
    try {
      body = await state.learnerBody();
    } catch (err) {
      showError(errorBox, err);
      return;
    }
    if (!body) return; // the text could not be read: the error is beside the box
    const l = body.learner;
    if (!l.skills.length && !l.credentials.length && !l.badges.length) {
      note("Write about yourself or add a skill first: the roles are ranked by the skills you have.");
      return;
    }
    const request = { learner: l, constraints: body.constraints, limit: SUGGEST_PAGE };
    if (more && state.cursor) request.cursor = state.cursor;
    note("Finding roles that fit you…");
    try {
      renderSuggestions(await api("/v1/roles/suggest", { method: "POST", body: request }), more);
    } catch (err) {
      if (routeMissing(err)) unavailable();
      else {
        note("");
        showError(errorBox, err);
      }
    }
  });
}

// ------------------------------------------------------------------ wiring

/** learnerBody: async () -> {learner, constraints} of the page, or null (for roles that fit). */
export function initRole({ learnerBody }) {
  state.learnerBody = learnerBody;
  $("occ-search").addEventListener("click", () => findRole());
  onEnter($("occ-q"), () => findRole());
  $("occ-q").addEventListener("input", () => {
    // a new title drops the role read from the old one: look it up again, or it is matched
    // when the plan is asked for
    if (!state.occupation && !$("role-resolution").firstChild) return;
    clear($("role-resolution"));
    clearError($("role-error"));
    state.lookup = null;
    setOccupation(null);
  });
  $("roles-suggest").addEventListener("click", () => suggest(false));
  for (const radio of document.querySelectorAll('input[name="target-kind"]')) {
    radio.addEventListener("change", () => {
      const posting = targetKind() === "posting";
      $("target-occupation").hidden = posting;
      $("target-posting").hidden = !posting;
    });
  }
  setOccupation(null);
}
