// The learner's plan: the steps that close essential skills in order (what each closes, what it
// builds on, what it stacks into), the optional steps apart, totals with estimated and unknown
// hours or prices said as such, and the other ways.

import { api } from "./api.js";
import { h, hours, money, percent, plural, tag } from "./dom.js";

// the catalog's kinds in a learner's words (`stackable_program` and the like stay out of sight)
const KIND_WORDS = {
  stackable_program: "programme of several badges",
  nano_degree: "nano degree",
  micro_credential: "micro-credential",
};

export function kindWords(kind) {
  return KIND_WORDS[kind] || String(kind || "").replace(/_/g, " ");
}

function names(list, n = 4) {
  const more = list.length - n;
  return list.slice(0, n).join(", ") + (more > 0 ? ` and ${more} more` : "");
}

/** One sentence: why this step is in the plan. `have`: the ids of the role's skills the
 * learner already has (the gap's held items): a step that covers one of them, held on their
 * word or a job's, backs it, it does not teach a skill they lack. */
export function whyStep(step, name, have = new Set()) {
  if (step.reason === "prerequisite") {
    return `It is needed before ${step.required_by.map(name).join(", ") || "a later step"}.`;
  }
  const essential = step.covers.filter((c) => c.essential);
  const full = essential.filter((c) => c.status === "covered" && !have.has(c.skill_id)).map((c) => c.label);
  const part = partly(step, have);
  const backs = essential.filter((c) => have.has(c.skill_id)).map((c) => c.label);
  const backing = backs.length ? `backs ${plural(backs.length, "essential skill")} you have but nothing shows yet: ${names(backs)}.` : "";
  let lack = "";
  if (full.length) lack = `It teaches ${plural(full.length, "essential skill")} you lack: ${names(full)}.`;
  else if (part.length) lack = `It takes you part of the way on ${plural(part.length, "essential skill")} you lack: ${names(part)}.`;
  if (lack) return backing ? `${lack} It also ${backing}` : lack;
  if (backing) return `It ${backing}`;
  const other = step.covers.map((c) => c.label);
  return other.length ? `It adds other skills the role asks for: ${names(other)}.` : "It completes a programme the plan builds on.";
}

/** '12 h', 'about 12 h (estimate: median of 305 badges that state hours)' or 'hours not stated'. */
export function stepHours(c) {
  if (c.hours !== null && c.hours !== undefined) return c.hours_note ? `${hours(c.hours)} (${c.hours_note})` : hours(c.hours);
  if (c.hours_estimate !== null && c.hours_estimate !== undefined) return `about ${hours(c.hours_estimate)} (${c.hours_note || "estimate"})`;
  return "hours not stated";
}

/** '300 EUR', 'free', 'about 45 EUR (estimate: …)' or 'price not stated' — never free when unknown. */
export function stepPrice(c) {
  if (c.cost !== null && c.cost !== undefined) return money(c.cost, c.currency);
  if (c.cost_estimate !== null && c.cost_estimate !== undefined) return `about ${money(c.cost_estimate, c.currency)} (${c.cost_note || "estimate"})`;
  return "price not stated";
}

// why the steps come in this order (service/matching/order.py), for a learner who asks
const ORDER_WORDS =
  "In the order to take them: a step another one needs comes first, then the steps closest to " +
  "what the role is about, and courses of more than 40 hours after shorter ones.";

// the page is in English: a credential taught in another language says so
const LANGUAGES = { de: "German", fr: "French", es: "Spanish", pt: "Portuguese", it: "Italian", nl: "Dutch", pl: "Polish" };

function languageWords(code) {
  const lang = String(code || "").toLowerCase().split("-")[0];
  if (!lang || lang === "en") return "";
  return `in ${LANGUAGES[lang] || lang.toUpperCase()}`;
}

function line(label, text) {
  return h("p", { class: "step-line" }, h("strong", {}, `${label}: `), text);
}

/** The essential skills a step adds credit to without covering them fully (of those the
 * learner lacks, when `have` is given). */
function partly(step, have = new Set()) {
  return step.covers.filter((c) => c.essential && c.status !== "covered" && !have.has(c.skill_id)).map((c) => c.label);
}

function renderStep(step, { titles, held, programs, have }) {
  const c = step.credential;
  const meta = [kindWords(c.kind), languageWords(c.language), stepHours(c), stepPrice(c), c.issuer, c.level].filter(Boolean).join(" · ");
  const name = (x) => (held.has(x) ? `${held.get(x)} (held)` : titles.get(x) || x);
  const builds = [...step.builds_on.credentials.map(name), ...step.builds_on.skills.map((s) => `${s} (you have it)`)];
  return h(
    "li",
    { class: step.optional ? "step optional" : "step" },
    h(
      "h4",
      {},
      h("span", { class: "visually-hidden" }, `Step ${step.order}: `),
      // the credential's own page once known (linkSteps), its record here until then
      h("a", { class: "step-link", href: `/v1/credentials/${c.id}`, dataset: { credentialId: String(c.id) } }, c.title),
    ),
    h("p", { class: "step-meta" }, meta),
    h("p", { class: "step-why" }, whyStep(step, name, have)),
    // the sentence above names what it closes; what it adds to in part, when not said there
    partly(step, have).length && step.closes.length ? line("Also partly covers", partly(step, have).join(", ")) : null,
    step.reason === "prerequisite"
      ? h("p", {}, tag("prerequisite", "partial"), ` Needed first by: ${step.required_by.map(name).join(", ") || "a later step"}.`)
      : null,
    builds.length ? line("Builds on", builds.join(", ")) : null,
    step.stacks_into.length ? line("Stacks into", step.stacks_into.map((p) => programs.get(p) || name(p)).join(", ")) : null,
    step.covers.length
      ? h(
          "details",
          {},
          h("summary", {}, `Skills this step covers (${step.covers.length})`),
          step.explanation ? h("p", { class: "explanation" }, step.explanation) : null,
          h(
            "ul",
            { class: "covers" },
            step.covers.map((cv) =>
              h(
                "li",
                {},
                cv.label,
                cv.essential ? tag("essential", "essential") : null,
                cv.status !== "covered" ? tag("partly", "partial") : null,
                cv.evidence ? h("span", { class: "evidence" }, `“${cv.evidence}”`) : null,
              ),
            ),
          ),
        )
      : null,
  );
}

function totalHours(plan) {
  let text = hours(plan.total_hours);
  if (plan.hours_estimated > 0) text += ` (${hours(plan.hours_estimated)} estimated)`;
  if ((plan.hours_unknown || []).length) text += ` + ${plural(plan.hours_unknown.length, "step")} not stated`;
  return text;
}

function totalCost(plan) {
  let text = money(plan.total_cost, plan.currency);
  if (plan.cost_estimated > 0) text += ` (${money(plan.cost_estimated, plan.currency)} estimated)`;
  if ((plan.cost_unknown || []).length) text += ` + ${plural(plan.cost_unknown.length, "price")} not stated`;
  return text;
}

function figure(label, value) {
  return h("li", {}, h("span", { class: "figure-label" }, label), h("span", { class: "figure-value" }, value));
}

/** heldItems: the learner's held credentials as the answer names them ({id, external_id,
 * title}); have: the ids of the role's skills the learner has (the gap's held items). */
export function renderPlan(plan, role, heldItems = [], have = new Set()) {
  const steps = plan.steps || [];
  const main = steps.filter((s) => !s.optional);
  const extra = steps.filter((s) => s.optional);
  const out = h("section", { class: "plan-section", "aria-labelledby": "plan-title" });
  out.appendChild(h("h3", { id: "plan-title" }, "Your learning path"));
  out.appendChild(
    h(
      "ul",
      { class: "summary-grid", "aria-label": "Plan totals" },
      figure("Steps", extra.length ? `${main.length} + ${extra.length} optional` : String(main.length)),
      figure("Hours", totalHours(plan)),
      figure("Cost", totalCost(plan)),
      figure(`Coverage of ${role.title}`, `${percent(plan.coverage_before)} → ${percent(plan.coverage_after)}`),
    ),
  );
  if (plan.message) out.appendChild(h("p", { class: "message" }, plan.message));
  const titles = new Map(steps.map((s) => [s.credential.external_id, s.credential.title]));
  // a step builds on prerequisites by external id: the held ones by their titles
  const held = new Map(heldItems.map((c) => [c.external_id, c.title || c.external_id]));
  const programs = new Map((plan.stacks_into || []).map((p) => [p.program_external_id, p.title]));
  const context = { titles, held, programs, have };
  if (main.length) {
    if (main.length > 1) out.appendChild(h("p", { class: "hint plan-order" }, ORDER_WORDS));
    out.appendChild(h("ol", { class: "plan", "aria-label": "Steps in order" }, main.map((s) => renderStep(s, context))));
  } else if (!extra.length) {
    out.appendChild(h("p", { class: "empty" }, "No credential in the catalog fits your gap within your limits."));
  }
  if (extra.length) {
    out.appendChild(h("h4", { id: "optional-title" }, "Optional extras"));
    out.appendChild(
      h("p", { class: "hint" }, "These close none of the essential skills; they add other skills of the role, and fit your limits once the steps above are done."),
    );
    const ol = h("ol", { class: "plan optional-steps", "aria-labelledby": "optional-title", start: String(main.length + 1) }, extra.map((s) => renderStep(s, context)));
    ol.style.counterReset = `step ${main.length}`; // numbers go on from the steps above
    out.appendChild(ol);
  }
  const alts = Object.entries(plan.alternatives || {});
  if (alts.length) {
    out.appendChild(h("h4", {}, "Other ways"));
    out.appendChild(
      h(
        "ul",
        { class: "other-ways" },
        alts.map(([name, a]) =>
          h(
            "li",
            {},
            h(
              "details",
              {},
              h("summary", {}, `${name}: ${plural(a.titles.length, "step")}, ${hours(a.total_hours)}, ${money(a.total_cost, plan.currency)}, coverage ${percent(a.coverage_after)}`),
              h("ol", {}, a.titles.map((t) => h("li", {}, t))),
            ),
          ),
        ),
      ),
    );
  }
  linkSteps(out);
  return out;
}

/** Point each step's title at the credential's own page (its `url`), where it has one. */
async function linkSteps(root) {
  for (const link of root.querySelectorAll("a.step-link")) {
    try {
      const c = await api(`/v1/credentials/${link.dataset.credentialId}`);
      if (c && c.url && /^https?:\/\//.test(c.url)) link.href = c.url;
    } catch {
      // the record's address stays: a link that works
    }
  }
}
