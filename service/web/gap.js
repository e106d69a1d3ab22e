// The learner's gap to the target role: first in plain words (what you already have, what the
// role needs that you lack, which of your skills count only partly and how to strengthen them),
// then as a chart by weight with its table, then the full lists.

import { h, percent, plural, tag } from "./dom.js";

export const STATUS_WORDS = { covered: "Covered", partial: "Partly covered", missing: "Missing" };

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
    // a scroll region on a narrow screen: reachable and named for the keyboard
    { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "The gap in numbers (scrolls sideways)" },
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

/** Held on text evidence only: the page sends no text, so the skill is one a job it lists
 * needs (learner.jobs), not one the learner listed. */
function fromJob(it) {
  return Boolean(it.evidence_kinds && it.evidence_kinds.length) && it.evidence_kinds.every((k) => k === "text");
}

/** Why a skill counts only partly, in words: declared (or needed by a job named) and not
 * backed, or a related skill. */
export function partlyWhy(it) {
  if (it.held && it.weak && fromJob(it)) return `a job you named needs it, but nothing backs it yet: it counts ${percent(it.credit)}`;
  if (it.held && it.weak) return `you listed it, but nothing backs it yet: it counts ${percent(it.credit)}`;
  if (!it.held && it.status !== "missing") return `a related skill you have counts ${percent(it.credit)} towards it`;
  return "";
}

function skillLine(it) {
  const why = partlyWhy(it);
  return h(
    "li",
    {},
    it.label,
    it.essential ? tag("essential", "essential") : null,
    why ? h("span", { class: "evidence" }, why) : null,
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

const SHOWN = 8; // skills named in a plain-words line; the lists below have them all

function names(items) {
  const shown = items.slice(0, SHOWN).map((it) => it.label);
  const more = items.length - shown.length;
  return shown.join(", ") + (more > 0 ? ` and ${more} more` : "");
}

/** The skills held on weak evidence, grouped by their note ("declared, not evidenced"), said
 * once after each group (not after every skill), and how to strengthen them. */
function partlyWords(weak) {
  const it = weak.length === 1 ? "it" : "them";
  const note = (w) => (fromJob(w) ? "needed by a job you named, not evidenced" : w.note || "");
  const groups = new Map(); // note -> skills, in the order of their heaviest
  for (const w of weak) groups.set(note(w), [...(groups.get(note(w)) || []), w]);
  const said = [...groups].map(([why, items]) => (why ? `${names(items)} (${why})` : names(items)));
  return (
    `${said.join("; ")}. Nothing checked backs ${it} yet. ` +
    `To strengthen ${it}, add a badge or certificate that shows ${it} under “Optional”, or write ` +
    `in your own words where you used ${it}.`
  );
}

/** What you have, what you lack and what counts only partly, in sentences. */
function inWords(gap) {
  const byWeight = (a, b) => b.weight - a.weight || a.label.localeCompare(b.label);
  const essential = gap.items.filter((it) => it.essential);
  const have = gap.items.filter((it) => it.status === "covered").sort(byWeight);
  const weak = gap.items.filter((it) => it.held && it.weak).sort(byWeight);
  const related = gap.items.filter((it) => !it.held && it.status === "partial").sort(byWeight);
  const lack = essential.filter((it) => it.status === "missing").sort(byWeight);
  const heldEssential = essential.filter((it) => it.status !== "missing").length;
  const line = (cls, title, text) => h("li", { class: cls }, h("strong", {}, `${title} `), text);
  return h(
    "ul",
    { class: "gap-words" },
    line(
      "words-have",
      "What you already have:",
      have.length
        ? `${plural(have.length, "skill")} this role asks for: ${names(have)}.`
        : "none of this role's skills yet. Add the skills you use at work above, in your own words or by name.",
    ),
    weak.length ? line("words-partly", "Counts only partly:", partlyWords(weak)) : null,
    related.length
      ? line("words-related", "Close to what you have:", `${names(related)}: a related skill of yours counts partly towards each.`)
      : null,
    line(
      "words-lack",
      "What the role needs that you lack:",
      lack.length ? `${plural(lack.length, "essential skill")}: ${names(lack)}.` : "no essential skill is missing.",
    ),
    line("words-count", "Essential skills:", `you have ${heldEssential} of the ${essential.length} this role needs.`),
  );
}

/** The two coverages in words: the share held, then the trust-weighted one with what makes it
 * differ. It is lower where a skill is held on weak evidence (credit under 1) and higher where a
 * skill you lack gets part credit from a related one you have (docs/planning.md): each reason is
 * said only when it is there, and one number when the two read the same. */
function coverageWords(gap) {
  const held = `You hold ${percent(gap.coverage_held)} of what the role asks for, by weight.`;
  if (percent(gap.coverage) === percent(gap.coverage_held)) return held;
  const reasons = [];
  if (gap.items.some((it) => it.held && it.credit < 1)) {
    reasons.push("how well each skill you hold is backed (a skill you only listed counts less than one a checked badge shows)");
  }
  if (gap.items.some((it) => !it.held && it.credit > 0)) {
    reasons.push("part credit for skills you lack that are close to ones you have");
  }
  if (!reasons.length) return `${held} Weighted by the evidence, that is ${percent(gap.coverage)}.`;
  return `${held} Counting ${reasons.join(", and ")}, that is ${percent(gap.coverage)}.`;
}

export function renderGap(gap, plan) {
  const buckets = gapBuckets(gap.items);
  const after = plan ? gapBuckets(gap.items, statusAfterPlan(plan)) : null;
  return h(
    "section",
    { class: "gap", "aria-labelledby": "gap-title" },
    h("h3", { id: "gap-title" }, "What you have and what you need"),
    inWords(gap),
    h("p", { class: "coverage-line" }, coverageWords(gap)),
    h(
      "details",
      { class: "gap-detail" },
      h("summary", {}, "The gap as a chart, and every skill"),
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
    ),
  );
}

