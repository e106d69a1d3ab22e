// "About you": the learner's own words (a CV or a few lines) -> POST /v1/skills/extract (with
// jobs: true) -> the skills read from them, and the jobs they name (jobs.js), each shown with
// the words it came from and a Remove control; more skills added from the taxonomy search.
//
// What is sent: the skills listed (read from the text and kept, or added) go as the learner's
// declared skills (learner.skills, by URI), the jobs listed as learner.jobs; the text itself is
// not sent, so a skill or job the learner removed is not read again on the server. What the
// learner sees listed is what counts.

import { api, ApiError, clearError, showError } from "./api.js";
import { chip, focusNear } from "./chips.js";
import { $, busy, clear, h, onEnter, plural } from "./dom.js";
import { addedJobs, addJob, applyJobs, removedJobs, removeJobs } from "./jobs.js";
import { runSearch, syncToggles, toggleButton, setToggle } from "./search.js";

const MAX_READ = 25; // skills read from one text (the server's extract_max_skills)

const state = {
  skills: new Map(), // uri -> {label, origin: "text" | "added", evidence: [span text]}
  removed: new Map(), // uri -> the same, for skills read from the text and removed
  lastRead: "", // the text the listed "text" skills were read from
  reading: null, // {text, promise} while a read is in flight
  seq: 0,
};

/** The URIs of the skills to send, as listed. */
export function aboutSkills() {
  return [...state.skills.keys()];
}

/** What the learner changed by hand: skills and jobs added ([uri, label]) and read skills
 * and jobs removed (their URIs, together). */
export function skillChoices() {
  const added = [...state.skills].filter(([, s]) => s.origin === "added").map(([uri, s]) => [uri, s.label]);
  return { added, jobs: addedJobs(), removed: [...state.removed.keys(), ...removedJobs()] };
}

/** Put back a learner's words and choices (a saved plan or a shared link): read the text,
 * remove what they removed, add what they added. Resolves to false when the text could not
 * be read. */
export async function restoreAbout(text, { added = [], jobs = [], removed = [] } = {}) {
  $("about-text").value = text || "";
  const ok = await readAbout({ force: Boolean(text) });
  for (const uri of removed) {
    const skill = state.skills.get(uri);
    if (skill && skill.origin === "text") {
      state.skills.delete(uri);
      state.removed.set(uri, skill);
    }
  }
  removeJobs(removed);
  for (const [uri, label] of jobs) addJob(uri, label);
  for (const [uri, label] of added) {
    if (!state.skills.has(uri)) state.skills.set(uri, { label, origin: "added", evidence: [] });
  }
  render();
  return ok;
}

// ------------------------------------------------------------------ the lists

function evidenceLine(skill) {
  if (skill.origin === "added") return "added by you";
  const quotes = skill.evidence.slice(0, 2).map((t) => `“${t}”`);
  return quotes.length ? `from your words: ${quotes.join(", ")}` : "from your words";
}

function removeSkill(uri) {
  const skill = state.skills.get(uri);
  const index = [...state.skills.keys()].indexOf(uri);
  state.skills.delete(uri);
  if (skill.evidence.length) state.removed.set(uri, skill); // read from the text: stays removed
  render();
  syncToggles($("skill-results"), (key) => state.skills.has(key));
  $("about-status").textContent = `Removed “${skill.label}”: it is not sent.`;
  focusNear($("skill-list"), index, $("skills-title"));
}

function putBack(uri) {
  const skill = state.removed.get(uri);
  const index = [...state.removed.keys()].indexOf(uri);
  state.removed.delete(uri);
  state.skills.set(uri, skill);
  render();
  $("about-status").textContent = `Put back “${skill.label}”.`;
  focusNear($("skill-removed"), index, $("skills-title"));
}

function render() {
  const item = (skill) => ({ label: skill.label, meta: evidenceLine(skill) });
  const list = clear($("skill-list"));
  for (const [uri, skill] of state.skills) {
    list.appendChild(chip(uri, item(skill), { action: "Remove", onAction: removeSkill }));
  }
  const removed = clear($("skill-removed"));
  for (const [uri, skill] of state.removed) {
    removed.appendChild(chip(uri, item(skill), { action: "Put back", onAction: putBack }));
  }
  $("removed-box").hidden = state.removed.size === 0;
  $("skills-title").textContent = state.skills.size
    ? `Your skills (${state.skills.size})`
    : "Your skills";
}

// ------------------------------------------------------------------ reading the text

/** The skills (and jobs) read from `text` replace those read from the last text; added ones
 * stay, and removed ones stay removed. */
function applyRead(text, found, jobs = []) {
  const read = new Map();
  for (const s of found) {
    read.set(s.uri, { label: s.preferred_label, origin: "text", evidence: s.evidence.map((e) => e.text) });
  }
  for (const [uri, skill] of [...state.skills]) {
    if (skill.origin === "text" && !read.has(uri)) state.skills.delete(uri);
  }
  for (const uri of [...state.removed.keys()]) {
    if (!read.has(uri)) state.removed.delete(uri);
  }
  for (const [uri, skill] of read) {
    if (state.removed.has(uri)) continue;
    const had = state.skills.get(uri);
    if (had && had.origin === "added") had.evidence = skill.evidence;
    else state.skills.set(uri, skill);
  }
  state.lastRead = text;
  applyJobs(jobs);
  render();
  syncToggles($("skill-results"), (key) => state.skills.has(key));
}

function readMessage(found, jobs) {
  if (!found.length && !jobs.length) {
    return "No skill found in your words. Write a little more about what you did, or add skills with the search below.";
  }
  const kept = found.filter((s) => !state.removed.has(s.uri)).length;
  const dropped = found.length - kept;
  const named = jobs.length ? ` and ${plural(jobs.length, "job")}` : "";
  return (
    `Read ${plural(found.length, "skill")}${named} from your words.` +
    (dropped ? ` ${plural(dropped, "skill")} you removed ${dropped === 1 ? "stays" : "stay"} removed.` : "") +
    " Remove any that are wrong."
  );
}

/** An error of the extract call names its own fields (text, max_skills, jobs): name the box. */
function asLearnerText(err) {
  if (err instanceof ApiError && (!err.field || /^(body\.)?(text|max_skills|jobs|body)/.test(err.field))) {
    err.field = "learner.text";
  }
  return err;
}

async function read(text) {
  const seq = ++state.seq;
  const status = $("about-status");
  clearError($("about-error"));
  status.textContent = "Reading your words…";
  try {
    const body = { text, max_skills: MAX_READ, jobs: true };
    const data = await api("/v1/skills/extract", { method: "POST", body });
    if (seq !== state.seq) return true; // a newer text is being read
    applyRead(text, data.skills, data.jobs || []);
    status.textContent = readMessage(data.skills, data.jobs || []);
    return true;
  } catch (err) {
    if (seq === state.seq) {
      status.textContent = "";
      showError($("about-error"), asLearnerText(err));
    }
    return false;
  }
}

/**
 * Read the text if it changed since it was last read (or `force`); resolves to false when the
 * reading failed (the error is shown beside the box). An empty box drops the skills read from
 * the text.
 */
export function readAbout({ force = false } = {}) {
  const text = $("about-text").value.trim();
  if (state.reading && state.reading.text === text) return state.reading.promise;
  if (!text) {
    state.seq += 1; // an answer still on its way is for text that is gone
    if (state.lastRead) {
      applyRead("", []);
      $("about-status").textContent = "Your text is empty: the skills and jobs read from it are gone.";
    }
    clearError($("about-error"));
    return Promise.resolve(true);
  }
  if (text === state.lastRead && !force) return Promise.resolve(true);
  const promise = read(text).finally(() => {
    if (state.reading && state.reading.promise === promise) state.reading = null;
  });
  state.reading = { text, promise };
  return promise;
}

// ------------------------------------------------------------------ adding from the taxonomy

function skillItem(s) {
  const button = toggleButton(state.skills.has(s.uri), "Add", "Added", s.preferred_label);
  Object.assign(button.dataset, { key: s.uri, what: s.preferred_label, add: "Add", done: "Added" });
  button.addEventListener("click", () => {
    if (state.skills.has(s.uri)) {
      $("about-status").textContent = `“${s.preferred_label}” is already in your skills; remove it there if it is wrong.`;
      return;
    }
    state.removed.delete(s.uri);
    state.skills.set(s.uri, { label: s.preferred_label, origin: "added", evidence: [] });
    setToggle(button, true, "Add", "Added", s.preferred_label);
    render();
    $("about-status").textContent = `Added “${s.preferred_label}” to your skills.`;
  });
  const via = s.matched_label && s.matched_label !== s.preferred_label ? `also called “${s.matched_label}”` : "";
  return h(
    "li",
    {},
    h(
      "span",
      { class: "item-text" },
      h("span", { class: "item-title" }, s.preferred_label),
      via ? h("span", { class: "item-meta" }, via) : null,
    ),
    button,
  );
}

export function initAbout() {
  const readButton = $("about-read");
  readButton.addEventListener("click", () => busy(readButton, () => readAbout({ force: true })));
  $("about-text").addEventListener("blur", () => readAbout());
  const search = {
    input: $("skill-q"),
    button: $("skill-search"),
    results: $("skill-results"),
    label: "skills",
    load: async (q) => (await api("/v1/skills", { query: { q, limit: 8 } })).items,
    item: skillItem,
    errorBox: $("about-error"),
  };
  search.button.addEventListener("click", () => runSearch(search));
  onEnter(search.input, () => runSearch(search));
  render();
}
