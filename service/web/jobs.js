// "Jobs you named": the jobs read from the learner's words (POST /v1/skills/extract with
// jobs: true, as the API reads learner.text), each with the words it came from, what it counts
// (the skills the job needs, as weaker evidence than a skill listed) and a Remove control.
//
// A job the words name but the reading missed is added from a search of the occupations (GET
// /v1/occupations), like a skill.
//
// What is sent: the jobs listed go as learner.jobs (ESCO occupation URIs); a removed job is not
// sent, and stays removed while the text still names it. What the learner sees listed counts.

import { api } from "./api.js";
import { $, clear, h, onEnter, plural } from "./dom.js";
import { chip, focusNear } from "./chips.js";
import { runSearch, setToggle, syncToggles, toggleButton } from "./search.js";

const state = {
  jobs: new Map(), // occupation uri -> {label, phrase, n, added}: listed, sent
  removed: new Map(), // the same, for jobs read from the words and removed
};

/** The URIs of the jobs to send, as listed. */
export function aboutJobs() {
  return [...state.jobs.keys()];
}

/** The URIs of the jobs read from the text and removed. */
export function removedJobs() {
  return [...state.removed.keys()];
}

/** The jobs the learner added by hand, as [uri, label] (a saved plan, a shared link). */
export function addedJobs() {
  return [...state.jobs].filter(([, job]) => job.added).map(([uri, job]) => [uri, job.label]);
}

/** List a job by hand (a search result, a saved plan): it stays when the words are read again. */
export function addJob(uri, label) {
  if (state.jobs.has(uri)) return false;
  state.removed.delete(uri);
  state.jobs.set(uri, { label, phrase: "", n: null, added: true });
  render();
  return true;
}

/** The labels of the jobs listed, by URI. */
export function jobLabels() {
  return new Map([...state.jobs].map(([uri, job]) => [uri, job.label]));
}

/** The jobs read from the latest text (the extract answer's `jobs`) replace those read
 * before; one removed stays removed while the text names it. */
export function applyJobs(found) {
  const read = new Map(
    found.map((j) => [j.occupation.uri, { label: j.occupation.preferred_label, phrase: j.phrase, n: j.n_essential }]),
  );
  for (const uri of [...state.removed.keys()]) {
    if (!read.has(uri)) state.removed.delete(uri);
  }
  const added = [...state.jobs].filter(([uri, job]) => job.added && !read.has(uri));
  state.jobs = new Map([...[...read].filter(([uri]) => !state.removed.has(uri)), ...added]);
  render();
}

/** Remove the listed jobs of `uris` (a saved plan's choices). */
export function removeJobs(uris) {
  for (const uri of uris) {
    const job = state.jobs.get(uri);
    if (!job) continue;
    state.jobs.delete(uri);
    state.removed.set(uri, job);
  }
  render();
}

function meta(job) {
  if (job.added) return "added by you: counts the skills this job needs, as weaker evidence";
  return `from your words “${job.phrase}”: counts the ${plural(job.n, "skill")} this job needs, as weaker evidence`;
}

function removeJob(uri) {
  const job = state.jobs.get(uri);
  const index = [...state.jobs.keys()].indexOf(uri);
  if (job.added) {
    state.jobs.delete(uri); // added by hand: gone, not kept as removed
    render();
  } else removeJobs([uri]);
  syncToggles($("job-results"), (key) => state.jobs.has(key));
  $("about-status").textContent = `Removed the job “${job.label}”: it is not sent, nor the skills it needs.`;
  focusNear($("job-list"), index, $("jobs-title"));
}

function putBack(uri) {
  const job = state.removed.get(uri);
  const index = [...state.removed.keys()].indexOf(uri);
  state.removed.delete(uri);
  state.jobs.set(uri, job);
  render();
  $("about-status").textContent = `Put back the job “${job.label}”.`;
  // the next removed one, else the job put back (its Remove button)
  const back = [...$("job-list").querySelectorAll("li.chip")].find((li) => li.dataset.uri === uri);
  focusNear($("job-removed"), index, back ? back.querySelector("button") : $("jobs-title"));
}

function render() {
  const list = clear($("job-list"));
  for (const [uri, job] of state.jobs) {
    list.appendChild(chip(uri, { label: job.label, meta: meta(job) }, { action: "Remove", onAction: removeJob }));
  }
  const removed = clear($("job-removed"));
  for (const [uri, job] of state.removed) {
    removed.appendChild(chip(uri, { label: job.label, meta: meta(job) }, { action: "Put back", onAction: putBack }));
  }
  $("jobs-box").hidden = state.jobs.size === 0 && state.removed.size === 0;
  $("jobs-removed-box").hidden = state.removed.size === 0;
  $("jobs-title").textContent = state.jobs.size ? `Jobs you named (${state.jobs.size})` : "Jobs you named";
}

// ------------------------------------------------------------------ adding a job by hand

function jobItem(o) {
  const button = toggleButton(state.jobs.has(o.uri), "Add", "Added", o.preferred_label);
  Object.assign(button.dataset, { key: o.uri, what: o.preferred_label, add: "Add", done: "Added" });
  button.addEventListener("click", () => {
    if (!addJob(o.uri, o.preferred_label)) {
      $("about-status").textContent = `“${o.preferred_label}” is already in your jobs; remove it there if it is wrong.`;
      return;
    }
    setToggle(button, true, "Add", "Added", o.preferred_label);
    $("about-status").textContent = `Added the job “${o.preferred_label}”: the skills it needs count, as weaker evidence.`;
  });
  const via = o.matched_label && o.matched_label.toLowerCase() !== o.preferred_label.toLowerCase() ? `also called “${o.matched_label}”` : "";
  return h(
    "li",
    {},
    h("span", { class: "item-text" }, h("span", { class: "item-title" }, o.preferred_label), via ? h("span", { class: "item-meta" }, via) : null),
    button,
  );
}

export function initJobs() {
  const search = {
    input: $("job-q"),
    button: $("job-search"),
    results: $("job-results"),
    label: "jobs",
    load: async (q) => (await api("/v1/occupations", { query: { q, limit: 5 } })).items,
    item: jobItem,
    errorBox: $("about-error"),
  };
  search.button.addEventListener("click", () => runSearch(search));
  onEnter(search.input, () => runSearch(search));
  render();
}
