// The employer's flow: an API key (session storage only), an opening (the tenant's own or a
// public posting), POST /v1/openings/{id}/candidates -> ranked candidates with coverage, matched
// skills with evidence and each badge's verification, missing essentials and the plan to close
// them; and a form to add a candidate.

import { api, clearError, InputError, showError } from "./api.js";
import { readBadgeFiles } from "./badges.js";
import { $, busy, clear, h, hours, money, onEnter, percent, plural, tag } from "./dom.js";
import { candidateSkills, importCandidates } from "./employer_candidates.js";
import { initOpeningForm } from "./employer_opening.js";

const KEY_STORAGE = "skillmatch.apiKey";
let currentOpening = null; // {id, title}

function storedKey() {
  try {
    return window.sessionStorage.getItem(KEY_STORAGE) || "";
  } catch {
    return "";
  }
}

function setKey(key) {
  try {
    if (key) window.sessionStorage.setItem(KEY_STORAGE, key);
    else window.sessionStorage.removeItem(KEY_STORAGE);
  } catch {
    // storage blocked: the key lives in the field only
  }
}

function requireKey() {
  const key = $("api-key").value.trim() || storedKey();
  if (!key) throw new InputError("paste your API key first, then choose “Use this key”", "authorization");
  return key;
}

const errorBox = () => $("employer-error");
const status = () => $("employer-status");
const WEAK_MATCH = 0.5; // a posting search score below this is not about the words asked

// each error appears beside the control that caused it: the key's, the openings', the form's
function fail(err, box = errorBox()) {
  status().textContent = "";
  showError(box, err);
}

// ------------------------------------------------------------------ the key

async function useKey() {
  const key = $("api-key").value.trim();
  clearError($("key-error"));
  if (!key) {
    fail(new InputError("paste your API key first", "authorization"), $("key-error"));
    $("api-key").focus();
    return;
  }
  status().textContent = "Checking the key…";
  try {
    const who = await api("/v1/tenant", { key });
    setKey(key);
    $("key-state").textContent = `Key in use for ${who.tenant.name} (scopes: ${who.scopes.join(", ")}).`;
    status().textContent = "Key accepted.";
  } catch (err) {
    setKey("");
    $("key-state").textContent = "No key in use.";
    fail(err, $("key-error"));
  }
}

function forgetKey() {
  setKey("");
  $("api-key").value = "";
  $("key-state").textContent = "No key in use.";
  status().textContent = "The key was removed from this tab.";
  clear($("openings"));
  $("ranking").hidden = true;
  currentOpening = null;
}

// ------------------------------------------------------------------ openings

function openingItem(p) {
  const title = p.title || `Opening ${p.id}`;
  const role = p.occupation && p.occupation.preferred_label ? `role: ${p.occupation.preferred_label}` : null;
  const meta = [role, p.employer, p.location, p.private ? p.external_id : null].filter(Boolean).join(" · ");
  return h(
    "li",
    {},
    h(
      "span",
      { class: "item-text" },
      h("span", { class: "item-title" }, title),
      p.private ? tag("private", "private") : tag("public", "public"),
      meta ? h("span", { class: "item-meta" }, meta) : null,
    ),
    h(
      "button",
      { type: "button", class: "primary small", onclick: (e) => rank({ id: p.id, title }, e.currentTarget) },
      "Rank candidates",
      h("span", { class: "visually-hidden" }, ` for ${title}`),
    ),
  );
}

async function listOpenings(button, query, label, { needKey }) {
  const box0 = $("openings-error");
  clearError(box0);
  let key = $("api-key").value.trim() || storedKey();
  if (needKey) {
    try {
      key = requireKey();
    } catch (err) {
      fail(err, box0);
      return;
    }
  }
  await busy(button, async () => {
    const box = clear($("openings"));
    box.appendChild(h("p", { class: "empty" }, "Loading…"));
    try {
      const page = await api("/v1/postings", { key, query: { ...query, limit: 20 } });
      clear(box);
      if (!page.items.length) {
        box.appendChild(h("p", { class: "empty" }, `No ${label} found.`));
        return;
      }
      box.appendChild(h("h3", { class: "list-title" }, `${label[0].toUpperCase()}${label.slice(1)} (${page.items.length})`));
      const best = Math.max(...page.items.map((p) => (p.score == null ? 1 : p.score)));
      if (query.q && best < WEAK_MATCH) {
        box.appendChild(h("p", { class: "notice" }, `No public posting is close to “${query.q}”; these are the nearest, and none is a good match.`));
      }
      box.appendChild(h("ul", { class: "result-list", "aria-label": label }, page.items.map(openingItem)));
      status().textContent = `${plural(page.items.length, "opening")} listed.`;
    } catch (err) {
      clear(box);
      fail(err, box0);
    }
  });
}

// ------------------------------------------------------------------ ranking

const BADGE_WORDS = { verified: "verified", unverified: "not verified", failed: "failed" };

function badgeTag(status) {
  return tag(BADGE_WORDS[status] || status, status);
}

const SOURCE_WORDS = {
  declared: "declared",
  text: "CV text",
  "text:role": "CV text, read for this opening",
  badge: "badge",
};

function evidenceLine(ev) {
  if (ev.badge) {
    return h("span", { class: "evidence" }, "badge “", ev.badge.title || "untitled", "” ", badgeTag(ev.badge.status));
  }
  const source = SOURCE_WORDS[ev.source] || ev.source;
  const quote = ev.text && !/^(https?:|urn:)/.test(ev.text) ? `: “${ev.text}”` : "";
  return h("span", { class: "evidence" }, source, quote);
}

function matchedList(matched) {
  if (!matched.length) return h("p", { class: "empty" }, "No skill of the opening matched.");
  const sorted = [...matched].sort((a, b) => b.weight * b.credit - a.weight * a.credit);
  return h(
    "ul",
    { class: "skill-list matched" },
    sorted.map((m) =>
      h(
        "li",
        {},
        m.label,
        m.essential ? tag("essential", "essential") : null,
        m.status !== "covered" ? tag("partly", "partial") : null,
        m.via ? h("span", { class: "evidence" }, `through “${m.via.label}”`) : null,
        m.note ? h("span", { class: "evidence" }, m.note) : null,
        (m.evidence || []).slice(0, 2).map(evidenceLine),
      ),
    ),
  );
}

function badgesList(badges) {
  if (!badges || !badges.length) return h("p", { class: "empty" }, "No badges.");
  return h(
    "ul",
    { class: "badges" },
    badges.map((b) =>
      h(
        "li",
        {},
        h("strong", {}, b.title || "Untitled badge"),
        " ",
        badgeTag(b.status),
        b.issuer ? h("span", { class: "evidence" }, `Issuer: ${b.issuer}`) : null,
        b.status === "failed"
          ? h("span", { class: "evidence" }, `Reason: ${b.reason} — ${b.message}`)
          : h("span", { class: "evidence" }, b.message),
      ),
    ),
  );
}

function planBlock(plan) {
  if (!plan) return h("p", {}, "Nothing to close: every essential skill is covered.");
  const steps = plan.steps || [];
  return h(
    "div",
    { class: "cand-plan" },
    h("p", {}, `${plural(steps.length, "step")}, ${hours(plan.total_hours)}, ${money(plan.total_cost, plan.currency)}; essential coverage ${percent(plan.coverage_before)} → ${percent(plan.coverage_after)}.`),
    steps.length
      ? h(
          "ol",
          { class: "plan" },
          steps.map((s) =>
            h(
              "li",
              {},
              h("h5", { class: "visually-hidden" }, `Step ${s.order}`),
              h("strong", {}, s.credential.title),
              h("p", { class: "step-meta" }, [s.credential.kind, hours(s.credential.hours), money(s.credential.cost, s.credential.currency)].join(" · ")),
              s.explanation ? h("p", { class: "explanation" }, s.explanation) : null,
            ),
          ),
        )
      : null,
    plan.uncoverable && plan.uncoverable.length
      ? h("p", { class: "evidence" }, `No credential in the catalog teaches: ${plan.uncoverable.map((u) => u.label).join(", ")}.`)
      : null,
  );
}

function candidateName(item) {
  return item.candidate.name || `Candidate ${item.candidate.id}`;
}

function rankingTable(items) {
  const table = h(
    "table",
    { class: "stack-on-narrow", id: "ranking-table", role: "table" },
    h("caption", {}, "Candidates by skill coverage, weighted by the strength of the evidence"),
    h(
      "thead",
      { role: "rowgroup" },
      h(
        "tr",
        { role: "row" },
        ["Rank", "Candidate", "Coverage", "In one sentence", "Matched skills", "Missing essential skills", "Badges"].map((t) =>
          h("th", { scope: "col", role: "columnheader" }, t),
        ),
      ),
    ),
    h(
      "tbody",
      { role: "rowgroup" },
      items.map((it) => {
        const counts = { verified: 0, unverified: 0, failed: 0 };
        for (const b of it.badges || []) counts[b.status] = (counts[b.status] || 0) + 1;
        const badgeText = (it.badges || []).length
          ? ["verified", "unverified", "failed"].filter((s) => counts[s]).map((s) => `${counts[s]} ${BADGE_WORDS[s]}`).join(", ")
          : "none";
        const bar = h("span", { class: "mini-bar", "aria-hidden": "true" }, h("span"));
        bar.firstChild.style.width = `${Math.round(it.coverage_held * 100)}%`;
        return h(
          "tr",
          { role: "row" },
          h("td", { "data-label": "Rank", role: "cell" }, String(it.rank)),
          h("td", { "data-label": "Candidate", role: "cell" }, h("a", { href: `#cand-${it.candidate.id}` }, candidateName(it))),
          h(
            "td",
            { "data-label": "Coverage", class: "coverage-cell", role: "cell" },
            `${percent(it.coverage_held)} held`,
            bar,
            h("span", { class: "evidence" }, `${percent(it.coverage)} weighted by evidence`),
          ),
          h("td", { "data-label": "In one sentence", class: "summary-cell", role: "cell" }, it.summary || ""),
          h("td", { "data-label": "Matched skills", role: "cell" }, String(it.matched.length)),
          h("td", { "data-label": "Missing essential skills", role: "cell" }, String(it.missing_essential.length)),
          h("td", { "data-label": "Badges", role: "cell" }, badgeText),
        );
      }),
    ),
  );
  return h("div", { class: "table-wrap" }, table);
}

function candidateCard(it, notes) {
  const cid = it.candidate.id;
  return h(
    "article",
    { class: "candidate", id: `cand-${cid}`, "aria-labelledby": `cand-${cid}-title` },
    h("h3", { id: `cand-${cid}-title`, tabindex: "-1" }, `${it.rank}. ${candidateName(it)} — ${percent(it.coverage_held)} of the skills held`),
    h("p", { class: "summary" }, it.summary || ""),
    h("p", { class: "status cand-note", id: `cand-${cid}-note`, role: "status" }, notes[cid] || ""),
    h("div", { class: "error", id: `cand-${cid}-error`, role: "alert" }),
    it.detail
      ? h(
          "details",
          { class: "cand-skills-box", open: notes[cid] ? "" : null },
          h("summary", {}, `Skills of ${candidateName(it)} and their evidence (${it.detail.skills.length}): check and correct`),
          candidateSkills(it.detail, candidateName(it), correct),
        )
      : null,
    h("h4", {}, "Badges"),
    badgesList(it.badges),
    h("h4", {}, `Matched skills (${it.matched.length})`),
    matchedList(it.matched),
    h("h4", {}, `Missing essential skills (${it.missing_essential.length})`),
    it.missing_essential.length
      ? h(
          "ul",
          { class: "skill-list missing" },
          it.missing_essential.map((m) => h("li", {}, m.label, m.status === "partial" ? tag("partly", "partial") : null)),
        )
      : h("p", {}, "None."),
    h("h4", {}, "Plan to close them"),
    planBlock(it.plan),
  );
}

/** Correct a candidate's skills, then rank again and say so beside the candidate. */
async function correct(cid, body, done, button) {
  const box = $(`cand-${cid}-error`);
  clearError(box);
  let key;
  try {
    key = requireKey();
    if (button) button.setAttribute("aria-disabled", "true");
    await api(`/v1/candidates/${cid}/skills`, { method: "PATCH", key, body });
  } catch (err) {
    if (button) button.removeAttribute("aria-disabled");
    showError(box, err);
    return;
  }
  await rank(currentOpening, null, { [cid]: `${done}; the ranking was updated.` });
  const heading = $(`cand-${cid}-title`);
  if (heading) heading.focus();
}

async function rank(opening, button, notes = {}) {
  clearError(errorBox());
  let key;
  try {
    key = requireKey();
  } catch (err) {
    fail(err);
    return;
  }
  currentOpening = opening;
  const run = async () => {
    const panel = $("ranking");
    panel.setAttribute("aria-busy", "true");
    status().textContent = `Ranking candidates for ${opening.title}…`;
    try {
      const data = await api(`/v1/openings/${opening.id}/candidates`, {
        method: "POST",
        key,
        body: { limit: 20, plan: true },
      });
      // each candidate's badges, with the reason a failed one failed
      const details = await Promise.all(
        data.items.map((it) => api(`/v1/candidates/${it.candidate.id}`, { key }).catch(() => null)),
      );
      data.items.forEach((it, i) => {
        it.badges = details[i] ? details[i].badges : [];
        it.detail = details[i];
      });
      const out = clear($("ranking-output"));
      $("ranking-title").textContent = `Candidates for ${data.opening.title}`;
      out.appendChild(
        h("p", {}, `${plural(data.total, "candidate")} ranked against ${plural(data.opening.n_skills, "skill")} of the opening.`),
      );
      if (data.items.length) {
        out.appendChild(rankingTable(data.items));
        out.appendChild(h("div", { class: "candidate-cards" }, data.items.map((it) => candidateCard(it, notes))));
      } else {
        out.appendChild(h("p", { class: "empty" }, "You have no candidates yet: add one below."));
      }
      panel.hidden = false;
      status().textContent = `${plural(data.total, "candidate")} ranked for ${data.opening.title}.`;
      if (!Object.keys(notes).length) $("ranking-title").focus();
    } catch (err) {
      fail(err);
    } finally {
      panel.removeAttribute("aria-busy");
    }
  };
  if (button) await busy(button, run);
  else await run();
}

// ------------------------------------------------------------------ adding a candidate

async function addCandidate() {
  const box = $("cand-error");
  clearError(box);
  const result = clear($("cand-result"));
  let key;
  try {
    key = requireKey();
  } catch (err) {
    fail(err, box);
    return;
  }
  const read = await readBadgeFiles($("cand-badges").files);
  const bad = read.filter((r) => r.error);
  if (bad.length) {
    fail(new InputError(bad.map((b) => `${b.file}: ${b.error}`).join("; "), "badges[0]"), box);
    return;
  }
  const body = {
    name: $("cand-name").value.trim() || null,
    identifiers: $("cand-ids")
      .value.split(",")
      .map((x) => x.trim())
      .filter(Boolean),
    skills: $("cand-skills").value.split("\n").map((x) => x.trim()).filter(Boolean),
    text: $("cand-text").value,
    badges: read.map((r) => r.doc),
  };
  if (!body.skills.length && !body.badges.length && !body.text.trim()) {
    fail(new InputError("give at least one skill, a badge file or CV text", "skills"), box);
    return;
  }
  status().textContent = "Saving the candidate and verifying the badges…";
  try {
    const cand = await api("/v1/candidates", { method: "POST", key, body });
    const names = cand.skills.map((sk) => sk.label).join(", ");
    result.appendChild(h("p", {}, h("strong", {}, `${cand.name || "The candidate"} was added`), ` (id ${cand.id}), with ${plural(cand.skills.length, "skill")}${names ? `: ${names}` : ""}.`));
    if (cand.badges.length) result.appendChild(badgesList(cand.badges));
    if (cand.warnings && cand.warnings.length) {
      result.appendChild(h("ul", { class: "warnings" }, cand.warnings.map((w) => h("li", {}, w.message))));
    }
    status().textContent = `${cand.name || "The candidate"} was added.`;
    $("candidate-form").reset();
    if (currentOpening) await rank(currentOpening, null);
  } catch (err) {
    fail(err, box);
  }
}

// ------------------------------------------------------------------ wiring

export function initEmployer() {
  const key = storedKey();
  if (key) {
    $("api-key").value = key;
    $("key-state").textContent = "A key is stored for this tab.";
  }
  $("key-form").addEventListener("submit", (e) => {
    e.preventDefault();
    busy($("key-use"), useKey);
  });
  $("key-forget").addEventListener("click", forgetKey);
  $("load-mine").addEventListener("click", (e) =>
    listOpenings(e.currentTarget, { mine: "true" }, "your openings", { needKey: true }),
  );
  const search = () => {
    const q = $("posting-q").value.trim();
    listOpenings($("posting-search"), { q }, q ? `postings for “${q}”` : "postings", {
      needKey: false,
    });
  };
  $("posting-search").addEventListener("click", search);
  onEnter($("posting-q"), search);
  initOpeningForm(requireKey, async (opening) => {
    await rank(opening, null);
  });
  $("import-form").addEventListener("submit", (e) => {
    e.preventDefault();
    let key;
    try {
      key = requireKey();
    } catch (err) {
      fail(err, $("imp-error"));
      return;
    }
    busy($("imp-submit"), () => importCandidates(key, async () => {
      if (currentOpening) await rank(currentOpening, null, { imported: "" });
    }));
  });
  $("candidate-form").addEventListener("submit", (e) => {
    e.preventDefault();
    busy($("cand-submit"), addCandidate);
  });
}
