// Two target roles side by side: the learner and limits of the last plan, planned again for a
// second job title (POST /v1/recommendations), and a table of what each role asks and costs.

import { api, clearError, InputError, showError } from "./api.js";
import { $, busy, clear, h, hours, money, onEnter, percent, plural } from "./dom.js";

const GAPS_SHOWN = 4;

function essentialCounts(gap) {
  const essential = gap.items.filter((it) => it.essential);
  return { have: essential.filter((it) => it.status !== "missing").length, all: essential.length };
}

function biggestGaps(gap) {
  const lack = gap.items.filter((it) => it.essential && it.status === "missing").sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label));
  const more = lack.length - GAPS_SHOWN;
  return lack.length ? lack.slice(0, GAPS_SHOWN).map((it) => it.label).join(", ") + (more > 0 ? ` and ${more} more` : "") : "none";
}

/** The rows of the comparison: [label, value of an answer]. */
const ROWS = [
  ["Regulated profession", (d) => (d.role.regulated ? "yes: needs a recognised qualification" : "no")],
  ["Essential skills you have", (d) => { const c = essentialCounts(d.gap); return `${c.have} of ${c.all}`; }],
  ["What you hold, by weight", (d) => `${percent(d.gap.coverage_held)} (${percent(d.gap.coverage)} counting how well backed)`],
  ["The plan", (d) => `${plural(d.plan.steps.length, "step")}, ${hours(d.plan.total_hours)}, ${money(d.plan.total_cost, d.plan.currency)}`],
  ["Coverage after the plan", (d) => `${percent(d.plan.coverage_before)} → ${percent(d.plan.coverage_after)}`],
  ["Biggest gaps", (d) => biggestGaps(d.gap)],
];

function table(answers) {
  return h(
    "div",
    { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "The two roles compared (scrolls sideways)" },
    h(
      "table",
      { id: "compare-table" },
      h("caption", {}, "The two roles side by side"),
      h("thead", {}, h("tr", {}, h("td", {}), answers.map((d) => h("th", { scope: "col" }, d.role.title)))),
      h("tbody", {}, ROWS.map(([label, value]) => h("tr", {}, h("th", { scope: "row" }, label), answers.map((d) => h("td", {}, value(d)))))),
    ),
  );
}

/**
 * The comparison box, under the plan. `last()` gives {request, answer} of the plan shown;
 * `planFor(occ)` plans for another role ({id, label}) instead.
 */
export function renderCompare(last, planFor) {
  const input = h("input", { id: "compare-q", type: "search", autocomplete: "off", "aria-describedby": "compare-hint" });
  const button = h("button", { type: "button", id: "compare-go", class: "secondary" }, "Compare");
  const errorBox = h("div", { id: "compare-error", class: "error", role: "alert" });
  const output = h("div", { id: "compare-output", "aria-live": "polite" });
  const run = () =>
    busy(button, async () => {
      clearError(errorBox);
      const title = input.value.trim();
      const { request, answer } = last();
      if (!title) {
        showError(errorBox, new InputError("type the job title of the role to compare with", null));
        input.focus();
        return;
      }
      clear(output).append(h("p", { class: "status" }, `Planning for “${title}” too…`));
      try {
        const other = await api("/v1/recommendations", { method: "POST", body: { ...request, target: { title } } });
        const occ = other.role.title_resolution && other.role.title_resolution[0];
        clear(output).append(table([answer, other]));
        if (occ) {
          const instead = h("button", { type: "button", class: "secondary small", id: "compare-switch" }, `Plan for ${other.role.title} instead`);
          instead.addEventListener("click", () => planFor({ id: occ.id, label: occ.preferred_label }));
          output.append(h("p", {}, instead));
        }
      } catch (err) {
        clear(output);
        showError(errorBox, err);
      }
    });
  button.addEventListener("click", run);
  onEnter(input, run);
  return h(
    "section",
    { class: "compare no-print", "aria-labelledby": "compare-title" },
    h("h3", { id: "compare-title" }, "Compare with another role"),
    h(
      "div",
      { class: "field" },
      h("label", { for: "compare-q" }, "Another job title"),
      h("div", { class: "search-row" }, input, button),
      h("p", { id: "compare-hint", class: "hint" }, "Your skills and limits stay the same; the two roles are shown side by side."),
      errorBox,
    ),
    output,
  );
}
