// The learner's flow: their own words (skills read from them, kept or removed, more added), a
// target role (a typed title resolved on the server, or a role that fits them, or a job
// posting), limits, and optionally held credentials and badge files -> POST
// /v1/recommendations -> the answer first: the form folds to a one-line summary, the plan
// scrolls into view, and is marked out of date when the inputs change. The input parts live in
// about.js and role.js, the answer in results.js, gap.js and plan.js; comparing two roles in
// compare.js, saving, sharing and printing in keep.js.

import { aboutSkills, initAbout, readAbout, restoreAbout, skillChoices } from "./about.js";
import { aboutJobs, initJobs } from "./jobs.js";
import { api, clearError, describeField, InputError, showError } from "./api.js";
import { readBadgeFiles } from "./badges.js";
import { renderCompare } from "./compare.js";
import { $, busy, clear, h, hours, money, onEnter, percent, plural } from "./dom.js";
import { forgetSaved, keepBar, linkedInputs, savedInputs } from "./keep.js";
import { kindWords } from "./plan.js";
import { chooseRole, chosenRole, initRole, isTitleMiss, roleLookup, roleTarget, showTitleAnswer, showTitleMiss } from "./role.js";
import { renderResult } from "./results.js";
import { runSearch, setToggle, syncToggles, toggleButton } from "./search.js";

const state = {
  credentials: new Map(), // id -> credential summary
  badges: [], // {file, doc, title}
  last: null, // {request, answer, inputs} of the plan shown
  errorBox: null, // the box beside a control that shows the last plan's error
};

// the box beside each control for a message about it (else the one under the button)
const BOX_OF = {
  "about-text": "about-error",
  "skill-q": "about-error",
  "occ-q": "role-error",
  "posting-text": "posting-error",
  "max-hours": "limits-error",
  "max-cost": "limits-error",
  "cred-q": "cred-error",
  "badge-files": "badge-error",
  identifiers: "identifiers-error",
};

// ------------------------------------------------------------------ optional: what you hold

function credentialMeta(c) {
  const parts = [kindWords(c.kind), hours(c.hours), money(c.cost, c.currency)];
  if (c.issuer && c.issuer.name) parts.push(c.issuer.name);
  return parts.join(" · ");
}

/** The collapsed section's summary says how much it holds. */
function countExtras() {
  const n = state.credentials.size + state.badges.length;
  $("extras-count").textContent = n ? `(${plural(n, "item")} added)` : "";
}

function renderHeld() {
  const list = clear($("held-list"));
  for (const [id, c] of state.credentials) {
    list.appendChild(
      h(
        "li",
        {},
        h("span", { class: "item-text" }, h("span", { class: "item-title" }, c.title), h("span", { class: "item-meta" }, credentialMeta(c))),
        h(
          "button",
          {
            type: "button",
            class: "secondary small",
            onclick: () => {
              state.credentials.delete(id);
              renderHeld();
              syncToggles($("cred-results"), (key) => state.credentials.has(Number(key)));
              $("cred-q").focus();
            },
          },
          "Remove",
          h("span", { class: "visually-hidden" }, `: ${c.title}`),
        ),
      ),
    );
  }
  countExtras();
}

function renderBadges() {
  const list = clear($("badge-list"));
  state.badges.forEach((b, i) => {
    list.appendChild(
      h(
        "li",
        {},
        h("span", { class: "item-text" }, h("span", { class: "item-title" }, b.title), h("span", { class: "item-meta" }, `from ${b.file}`)),
        h(
          "button",
          {
            type: "button",
            class: "secondary small",
            onclick: () => {
              state.badges.splice(i, 1);
              renderBadges();
              $("badge-files").focus();
            },
          },
          "Remove",
          h("span", { class: "visually-hidden" }, `: ${b.title}`),
        ),
      ),
    );
  });
  countExtras();
}

function credentialItem(c) {
  const button = toggleButton(state.credentials.has(c.id), "Add", "Added", c.title);
  Object.assign(button.dataset, { key: String(c.id), what: c.title, add: "Add", done: "Added" });
  button.addEventListener("click", () => {
    if (state.credentials.has(c.id)) return; // removed in the list of credentials you hold
    state.credentials.set(c.id, c);
    setToggle(button, true, "Add", "Added", c.title);
    renderHeld();
  });
  return h(
    "li",
    {},
    h("span", { class: "item-text" }, h("span", { class: "item-title" }, c.title), h("span", { class: "item-meta" }, credentialMeta(c))),
    button,
  );
}

/** Show a plan's error beside the control at fault (the optional section and the folded form
 * open to show it), else under the button; focus goes to the control. */
function errorBeside(err) {
  const { control, label } = describeField(err && err.field);
  const el = control && document.getElementById(control);
  unfold();
  if (el && $("extras").contains(el)) $("extras").open = true;
  const box = el && BOX_OF[control] ? $(BOX_OF[control]) : $("learner-error");
  state.errorBox = box;
  showError(box, err);
  if (el && box.id !== "learner-error") {
    $("learner-status").textContent = `Your plan could not be made: see the message beside “${label}”.`;
    el.focus();
  }
}

// ------------------------------------------------------------------ the request

function numberOrNull(id, field) {
  const el = $(id);
  const raw = el.value.trim();
  if (!raw) {
    if (el.validity && el.validity.badInput) throw new InputError("please enter a number", field);
    return null;
  }
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new InputError("please enter a number", field);
  return value;
}

/** The learner and the limits, as the form holds them (the text's skills as read so far). */
function learnerAndLimits() {
  const constraints = {};
  const maxHours = numberOrNull("max-hours", "constraints.max_hours");
  const maxCost = numberOrNull("max-cost", "constraints.max_cost");
  if (maxHours !== null) constraints.max_hours = maxHours;
  if (maxCost !== null) constraints.max_cost = maxCost;
  const identifiers = $("identifiers")
    .value.split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  return {
    learner: {
      credentials: [...state.credentials.keys()],
      badges: state.badges.map((b) => b.doc),
      identifiers,
      skills: aboutSkills(), // the skills listed: read from the text and kept, or added
      jobs: aboutJobs(), // the jobs listed: read from the text and kept
    },
    constraints,
  };
}

/** For roles that fit you: the learner once the text is read (null when it could not be). */
async function learnerBody() {
  if (!(await readAbout())) return null;
  return learnerAndLimits();
}

function buildRequest() {
  const target = roleTarget();
  return { ...learnerAndLimits(), target };
}

// ------------------------------------------------------------------ wiring

function initExtras() {
  const search = {
    input: $("cred-q"),
    button: $("cred-search"),
    results: $("cred-results"),
    label: "credentials",
    load: async (q) => (await api("/v1/credentials", { query: { q, limit: 8 } })).items,
    item: credentialItem,
    errorBox: $("cred-error"),
  };
  search.button.addEventListener("click", () => runSearch(search));
  onEnter(search.input, () => runSearch(search));

  $("badge-files").addEventListener("change", async (event) => {
    const read = await readBadgeFiles(event.target.files);
    const bad = read.filter((r) => r.error);
    state.badges.push(...read.filter((r) => !r.error));
    renderBadges();
    event.target.value = "";
    if (bad.length) {
      showError(
        $("badge-error"),
        new InputError(bad.map((b) => `${b.file}: ${b.error}`).join("; "), "learner.badges[0]"),
      );
    } else {
      clearError($("badge-error"));
      $("badge-status").textContent = `${plural(read.length, "badge")} added.`;
    }
  });
  renderHeld();
  renderBadges();
}

// ------------------------------------------------------------------ the answer first

/** The inputs as a saved plan or a shared link holds them (keep.js). */
function snapshot(request) {
  const role = chosenRole();
  const target = request.target;
  return {
    v: 1,
    text: $("about-text").value.trim(),
    ...skillChoices(),
    role: role ? { id: role.id, label: role.label } : target.title ? { title: target.title } : null,
    hours: $("max-hours").value.trim(),
    cost: $("max-cost").value.trim(),
  };
}

function limitsWords(c, currency) {
  const parts = [];
  if (c.max_hours !== undefined) parts.push(`at most ${hours(c.max_hours)}`);
  if (c.max_cost !== undefined) parts.push(`at most ${money(c.max_cost, currency)}`);
  return parts.length ? parts.join(" and ") : "no limits";
}

/** The filled form folds to a summary of what was asked, with a way back to it. */
function fold(request, answer) {
  const n = request.learner.skills.length;
  const jobs = request.learner.jobs.length ? ` and ${plural(request.learner.jobs.length, "job")}` : "";
  clear($("learner-summary-text")).append(
    "For ",
    h("strong", {}, answer.role.title),
    `, from ${plural(n, "skill")}${jobs} of yours, with ${limitsWords(request.constraints, answer.plan && answer.plan.currency)}.`,
  );
  $("learner-summary").hidden = false;
  $("learner-form").hidden = true;
}

function unfold() {
  $("learner-form").hidden = false;
  $("learner-summary").hidden = true;
}

/** The plan shown no longer matches the form: say so on the plan (until a new one). */
function markStale() {
  if (!state.last || $("learner-results").classList.contains("stale")) return;
  $("learner-results").classList.add("stale");
  $("stale-note").hidden = false;
}

function unmarkStale() {
  $("learner-results").classList.remove("stale");
  $("stale-note").hidden = true;
}

function showAnswer(request, answer, sentBadges) {
  state.last = { request, answer };
  renderResult(answer, sentBadges, request.target.description ? null : roleLookup());
  const output = $("learner-output");
  output.prepend(keepBar(snapshot(request), answer.role.title));
  const plan = output.querySelector(".plan-section");
  (plan || output.lastChild).after(
    renderCompare(
      () => state.last,
      (occ) => {
        chooseRole(occ);
        $("learner-form").requestSubmit();
      },
    ),
  );
  const other = document.getElementById("role-other");
  if (other) {
    other.addEventListener("click", () => {
      unfold();
      const pick = document.querySelector("#role-resolution input[name=role-pick]:checked") || $("occ-q");
      pick.focus();
    });
  }
  unmarkStale();
  fold(request, answer);
  $("learner-results").hidden = false;
  // the summary of what was asked (and "Change my answers") and the plan's heading in view
  $("learner-results-title").focus({ preventScroll: true });
  $("learner-summary").scrollIntoView({ block: "start" });
}

/** Ask for the plan: the text is read first (if it changed), then the request is sent. */
async function askForPlan() {
  const status = $("learner-status");
  const panel = $("learner-results");
  clearError($("learner-error"));
  if (state.errorBox) clearError(state.errorBox);
  if (!(await readAbout())) {
    unfold();
    status.textContent = "Your words could not be read: see the message beside “About you”.";
    $("about-text").focus();
    return;
  }
  let body;
  try {
    body = buildRequest();
  } catch (err) {
    status.textContent = "";
    errorBeside(err);
    return;
  }
  status.textContent = "Working out your plan…";
  panel.setAttribute("aria-busy", "true");
  const sentBadges = [...state.badges];
  try {
    const data = await api("/v1/recommendations", { method: "POST", body });
    if (body.target.title) showTitleAnswer(body.target.title, data.role);
    const steps = data.plan ? data.plan.steps.length : 0;
    status.textContent =
      `Plan ready: ${plural(steps, "step")}, ${hours(data.plan.total_hours)}, ` +
      `${money(data.plan.total_cost, data.plan.currency)}; coverage ` +
      `${percent(data.plan.coverage_before)} → ${percent(data.plan.coverage_after)}.`;
    showAnswer(body, data, sentBadges);
  } catch (err) {
    status.textContent = "";
    errorBeside(err);
    if (isTitleMiss(err)) await showTitleMiss(body.target.title, err);
  } finally {
    panel.removeAttribute("aria-busy");
  }
}

/** Fill the form from a saved plan or a shared link, and ask for the plan. */
async function restore(inputs) {
  await restoreAbout(inputs.text, inputs);
  if (inputs.role && inputs.role.id) chooseRole(inputs.role);
  else if (inputs.role && inputs.role.title) $("occ-q").value = inputs.role.title;
  $("max-hours").value = inputs.hours;
  $("max-cost").value = inputs.cost;
  if (inputs.role) $("learner-form").requestSubmit();
}

function offerSaved() {
  const saved = savedInputs();
  if (!saved) return;
  const when = saved.at ? new Date(saved.at).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" }) : "";
  const open = h("button", { type: "button", id: "saved-open", class: "secondary small" }, "Open it");
  const forget = h("button", { type: "button", id: "saved-forget", class: "secondary small" }, "Forget it");
  const note = $("saved-note");
  clear(note).append(h("p", {}, `You saved a plan${saved.title ? ` for ${saved.title}` : ""}${when ? ` on ${when}` : ""}. `), h("div", { class: "button-row" }, open, forget));
  note.hidden = false;
  open.addEventListener("click", () => {
    note.hidden = true;
    restore(saved.inputs);
  });
  forget.addEventListener("click", () => {
    forgetSaved();
    note.hidden = true;
    $("about-text").focus();
  });
}

export function initLearner() {
  initAbout();
  initJobs();
  initRole({ learnerBody });
  initExtras();
  const form = $("learner-form");
  const submit = $("learner-submit");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    busy(submit, askForPlan);
  });
  // any change to what the plan was made from marks it out of date
  form.addEventListener("input", markStale);
  form.addEventListener("change", markStale);
  // in the capture phase: the button's own handler re-renders its list, and a button taken
  // out of the page is in no list any more (removing a skill or a job after a plan did not
  // mark it out of date)
  form.addEventListener("click", (event) => {
    if (event.target.closest("#skill-list button, #skill-removed button, #skill-results button, #job-list button, #job-removed button, #job-results button, #roles-results button, #held-list button, #cred-results button, #badge-list button")) markStale();
  }, true);
  $("learner-change").addEventListener("click", () => {
    unfold();
    $("about-text").focus();
  });
  $("stale-update").addEventListener("click", () => form.requestSubmit());
  const linked = linkedInputs();
  if (linked) restore(linked);
  else offerSaved();
}
