// The learner's flow: their own words (skills read from them, kept or removed, more added), a
// target role (a typed title resolved on the server, or a role that fits them, or a job
// posting), limits, and optionally held credentials and badge files -> POST
// /v1/recommendations -> the gap as a chart, the plan, what it stacks into, badge verification
// and warnings. The input parts live in about.js and role.js.

import { readAbout, aboutSkills, initAbout } from "./about.js";
import { api, clearError, describeField, InputError, showError } from "./api.js";
import { readBadgeFiles } from "./badges.js";
import { $, busy, clear, h, hours, money, onEnter, percent, plural, tag } from "./dom.js";
import { renderPlan } from "./plan.js";
import { initRole, isTitleMiss, roleTarget, showTitleAnswer, showTitleMiss } from "./role.js";
import { runSearch, setToggle, syncToggles, toggleButton } from "./search.js";

const state = {
  credentials: new Map(), // id -> credential summary
  badges: [], // {file, doc, title}
};

// ------------------------------------------------------------------ optional: what you hold

function credentialMeta(c) {
  const parts = [c.kind, hours(c.hours), money(c.cost, c.currency)];
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
  const button = toggleButton(state.credentials.has(c.id), "Add", "Remove", c.title);
  Object.assign(button.dataset, { key: String(c.id), what: c.title, add: "Add" });
  button.addEventListener("click", () => {
    if (state.credentials.has(c.id)) state.credentials.delete(c.id);
    else state.credentials.set(c.id, c);
    setToggle(button, state.credentials.has(c.id), "Add", "Remove", c.title);
    renderHeld();
  });
  return h(
    "li",
    {},
    h("span", { class: "item-text" }, h("span", { class: "item-title" }, c.title), h("span", { class: "item-meta" }, credentialMeta(c))),
    button,
  );
}

/** An error about a control in the collapsed optional section opens it, so the mark shows. */
function revealControl(err) {
  const { control } = describeField(err && err.field);
  const el = control && document.getElementById(control);
  const extras = $("extras");
  if (el && extras.contains(el)) extras.open = true;
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

// ------------------------------------------------------------------ the answer

const STATUS_WORDS = { covered: "Covered", partial: "Partly covered", missing: "Missing" };

function gapBuckets(items, statusOf = (it) => it.status) {
  const make = () => ({ covered: 0, partial: 0, missing: 0, n: { covered: 0, partial: 0, missing: 0 } });
  const all = make();
  const essential = make();
  for (const it of items) {
    const status = statusOf(it);
    for (const b of it.essential ? [all, essential] : [all]) {
      b[status] += it.weight;
      b.n[status] += 1;
    }
  }
  return { all, essential };
}

const RANK = { missing: 0, partial: 1, covered: 2 };

/** Each gap skill's status once the plan is done: the best status a step leaves it in. */
function statusAfterPlan(plan) {
  const after = new Map();
  for (const step of (plan && plan.steps) || []) {
    for (const cv of step.covers) {
      const before = after.get(cv.skill_id);
      if (!before || RANK[cv.status] > RANK[before]) after.set(cv.skill_id, cv.status);
    }
  }
  return (it) => {
    const planned = after.get(it.skill_id);
    return planned && RANK[planned] > RANK[it.status] ? planned : it.status;
  };
}

function share(bucket, status) {
  return bucket[status] / (bucket.covered + bucket.partial + bucket.missing || 1);
}

function chartRow(name, bucket) {
  const total = bucket.covered + bucket.partial + bucket.missing || 1;
  const shares = Object.fromEntries(["covered", "partial", "missing"].map((k) => [k, bucket[k] / total]));
  const words = `${percent(shares.covered)} covered, ${percent(shares.partial)} partly covered, ${percent(shares.missing)} missing`;
  const bar = h("div", { class: "bar", role: "img", "aria-label": `${name}: ${words}, by weight` });
  for (const k of ["covered", "partial", "missing"]) {
    if (shares[k] <= 0) continue;
    const seg = h("span", { class: `seg seg-${k}` });
    seg.style.width = `${shares[k] * 100}%`;
    bar.appendChild(seg);
  }
  return h(
    "div",
    { class: "chart-row" },
    h("div", { class: "chart-row-label", "aria-hidden": "true" }, h("span", {}, name), h("span", { class: "chart-row-figures" }, words)),
    bar,
  );
}

function gapTable(now, after) {
  const pair = (a, b) => (after ? `${a} → ${b}` : a);
  const row = (status) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, STATUS_WORDS[status]),
      h("td", { class: "num" }, pair(now.essential.n[status], after && after.essential.n[status])),
      h("td", { class: "num" }, pair(now.all.n[status], after && after.all.n[status])),
      h("td", { class: "num" }, pair(now.all[status].toFixed(1), after && after.all[status].toFixed(1))),
      h("td", { class: "num" }, pair(percent(share(now.all, status)), after && percent(share(after.all, status)))),
    );
  return h(
    "div",
    { class: "table-wrap" },
    h(
      "table",
      { id: "gap-table" },
      h(
        "caption",
        {},
        after ? "The gap in numbers, now → after the plan" : "The gap in numbers",
        h("span", { class: "hint" }, " (essential skills weigh 1, optional 0.5, tools 0.3)"),
      ),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Status"),
          h("th", { scope: "col", class: "num" }, "Essential skills"),
          h("th", { scope: "col", class: "num" }, "All skills"),
          h("th", { scope: "col", class: "num" }, "Weight"),
          h("th", { scope: "col", class: "num" }, "Share by weight"),
        ),
      ),
      h("tbody", {}, ["covered", "partial", "missing"].map(row)),
    ),
  );
}

function skillLine(it) {
  return h(
    "li",
    {},
    it.label,
    it.essential ? tag("essential", "essential") : null,
    it.status === "partial" ? h("span", { class: "evidence" }, `credit ${percent(it.credit)}`) : null,
    it.note ? h("span", { class: "evidence" }, it.note) : null,
  );
}

function gapLists(items) {
  return ["missing", "partial", "covered"].map((status) => {
    const these = items.filter((it) => it.status === status).sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label));
    return h(
      "details",
      { class: `gap-${status}` },
      h("summary", {}, `${STATUS_WORDS[status]}: ${plural(these.length, "skill")}`),
      these.length ? h("ul", { class: "skill-list" }, these.map(skillLine)) : h("p", { class: "empty" }, "None."),
    );
  });
}

function renderGap(gap, plan) {
  const buckets = gapBuckets(gap.items);
  const after = plan ? gapBuckets(gap.items, statusAfterPlan(plan)) : null;
  return h(
    "section",
    { class: "gap", "aria-labelledby": "gap-title" },
    h("h3", { id: "gap-title" }, "Your skill gap"),
    h(
      "p",
      {},
      `You hold ${percent(gap.coverage_held)} of the role's skills, by weight ` +
        `(${percent(gap.coverage)} weighted by how well each is evidenced).`,
    ),
    h(
      "figure",
      { class: "chart", "aria-labelledby": "gap-chart-caption" },
      h("figcaption", { id: "gap-chart-caption", class: "visually-hidden" }, "Covered, partly covered and missing skills by weight"),
      chartRow("Essential skills, now", buckets.essential),
      after ? chartRow("Essential skills, after the plan", after.essential) : null,
      chartRow("All skills, now", buckets.all),
      after ? chartRow("All skills, after the plan", after.all) : null,
      h(
        "ul",
        { class: "legend", "aria-label": "Legend" },
        ["covered", "partial", "missing"].map((k) =>
          h("li", {}, h("span", { class: `swatch swatch-${k}`, "aria-hidden": "true" }), STATUS_WORDS[k]),
        ),
      ),
    ),
    gapTable(buckets, after),
    gapLists(gap.items),
  );
}

function renderStacks(stacks) {
  const out = h("section", { "aria-labelledby": "stacks-title" }, h("h3", { id: "stacks-title" }, "What the plan stacks into"));
  if (!stacks || !stacks.length) {
    out.appendChild(h("p", { class: "empty" }, "The plan's credentials are not part of a stackable programme."));
    return out;
  }
  out.appendChild(
    h(
      "ul",
      { class: "stacks" },
      stacks.map((s) =>
        h(
          "li",
          {},
          h("strong", {}, s.title),
          ": ",
          `${s.held} held and ${s.planned} planned of ${s.total} parts`,
          s.completed ? tag("completed", "covered") : ` — ${plural(s.remaining.length, "part")} left after the plan`,
        ),
      ),
    ),
  );
  return out;
}

const BADGE_STATUS = { verified: "verified", unverified: "not verified", failed: "failed" };

function renderBadgeOutcomes(outcomes, sent) {
  const out = h("section", { "aria-labelledby": "badge-outcomes-title" }, h("h3", { id: "badge-outcomes-title" }, "Your badges"));
  if (!sent.length) {
    out.appendChild(h("p", { class: "empty" }, "You sent no badge files."));
    return out;
  }
  const byPos = new Map((outcomes || []).map((o) => [o.position, o]));
  out.appendChild(
    h(
      "ul",
      { class: "badges" },
      sent.map((b, i) => {
        const o = byPos.get(i);
        if (!o) {
          return h("li", {}, h("strong", {}, b.title), " ", tag("description", "public"), h("span", { class: "evidence" }, "A badge description (not an awarded badge): its skills count as unverified."));
        }
        return h(
          "li",
          {},
          h("strong", {}, b.title),
          " ",
          tag(BADGE_STATUS[o.status] || o.status, o.status),
          h("span", { class: "evidence" }, o.status === "failed" ? `Not counted — ${o.message}` : o.message),
        );
      }),
    ),
  );
  return out;
}

/** "learner.badges[1]" -> "badge “Data modelling” (data-modelling.jwt)"; other fields as sent. */
function warningSubject(field, sentBadges) {
  const m = /^learner\.badges\[(\d+)\]/.exec(field || "");
  const badge = m && sentBadges[Number(m[1])];
  if (badge) return `badge “${badge.title}” (${badge.file})`;
  return { "learner.skills": "your skills", "learner.text": "your CV text" }[field] || field;
}

function renderWarnings(warnings, sentBadges) {
  if (!warnings || !warnings.length) return null;
  return h(
    "section",
    { "aria-labelledby": "warnings-title" },
    h("h3", { id: "warnings-title" }, "Notes on your input"),
    h(
      "ul",
      { class: "warnings" },
      warnings.map((w) =>
        h("li", {}, w.message.charAt(0).toUpperCase() + w.message.slice(1), w.field ? h("span", { class: "evidence" }, `About ${warningSubject(w.field, sentBadges)}`) : null),
      ),
    ),
  );
}

function renderResult(data, sentBadges) {
  const role = data.role;
  const output = clear($("learner-output"));
  const resolved = role.title_resolution && role.title_resolution[0];
  output.appendChild(
    h(
      "p",
      { class: "role-line" },
      "Target role: ",
      h("strong", {}, role.title),
      ` — ${plural(role.n_skills, "skill")}, ${role.n_essential} essential.`,
      resolved ? ` (Your title was matched to “${resolved.preferred_label || role.title}”.)` : "",
    ),
  );
  output.appendChild(renderGap(data.gap, data.plan));
  if (data.plan) {
    output.appendChild(renderPlan(data.plan, role, (data.learner && data.learner.held_credentials) || []));
    output.appendChild(renderStacks(data.plan.stacks_into));
  }
  output.appendChild(renderBadgeOutcomes(data.learner.badges, sentBadges));
  const warnings = renderWarnings(data.learner.warnings, sentBadges);
  if (warnings) output.appendChild(warnings);
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

/** Ask for the plan: the text is read first (if it changed), then the request is sent. */
async function askForPlan() {
  const status = $("learner-status");
  const errorBox = $("learner-error");
  const panel = $("learner-results");
  clearError(errorBox);
  if (!(await readAbout())) {
    status.textContent = "Your words could not be read: see the message under “About you”.";
    $("about-text").focus();
    return;
  }
  let body;
  try {
    body = buildRequest();
  } catch (err) {
    status.textContent = "";
    revealControl(err);
    showError(errorBox, err);
    return;
  }
  status.textContent = "Working out your plan…";
  panel.setAttribute("aria-busy", "true");
  const sentBadges = [...state.badges];
  try {
    const data = await api("/v1/recommendations", { method: "POST", body });
    if (body.target.title) showTitleAnswer(body.target.title, data.role);
    renderResult(data, sentBadges);
    panel.hidden = false;
    const steps = data.plan ? data.plan.steps.length : 0;
    status.textContent =
      `Plan ready: ${plural(steps, "step")}, ${hours(data.plan.total_hours)}, ` +
      `${money(data.plan.total_cost, data.plan.currency)}; coverage ` +
      `${percent(data.plan.coverage_before)} → ${percent(data.plan.coverage_after)}.`;
    $("learner-results-title").focus();
  } catch (err) {
    status.textContent = "";
    revealControl(err);
    showError(errorBox, err);
    if (isTitleMiss(err)) await showTitleMiss(body.target.title);
  } finally {
    panel.removeAttribute("aria-busy");
  }
}

export function initLearner() {
  initAbout();
  initRole({ learnerBody });
  initExtras();
  const submit = $("learner-submit");
  $("learner-form").addEventListener("submit", (event) => {
    event.preventDefault();
    busy(submit, askForPlan);
  });
}
