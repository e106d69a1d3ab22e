// The learner's answer: the role (flagged when the profession is regulated), the gap in plain
// words, the plan, what it stacks into, each badge's check in a learner's words, and notes on
// the input.

import { $, clear, h, plural, tag } from "./dom.js";
import { renderGap } from "./gap.js";
import { renderPlan } from "./plan.js";

/** The note on a regulated profession (ESCO marks them), or null. */
export function regulatedNote(role) {
  if (!role.regulated) return null;
  return h(
    "p",
    { class: "regulated" },
    tag("regulated profession", "partial"),
    ` In many countries you need a recognised qualification (often a degree) and a registration to work as ${role.title}. ` +
      "The credentials below help you prepare; they do not replace that qualification.",
  );
}

function renderStacks(stacks) {
  const out = h("section", { "aria-labelledby": "stacks-title" }, h("h3", { id: "stacks-title" }, "What the plan adds up to"));
  if (!stacks || !stacks.length) {
    out.appendChild(h("p", { class: "empty" }, "The plan's credentials are not part of a larger programme."));
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

// a badge's check in a learner's words; the reasons of a failed one (service/verify/result.py)
const BADGE_STATUS = { verified: "checked", unverified: "could not be checked offline", failed: "failed" };
const FAILED_BECAUSE = {
  bad_signature: "the badge was changed after it was signed",
  expired: "it has expired",
  not_yet_valid: "it is not valid yet",
  revoked: "its issuer withdrew it",
  suspended: "its issuer suspended it",
  recipient_mismatch: "it was issued to someone else",
  issuer_mismatch: "it names another issuer than the one who signed it",
  claim_mismatch: "its contents do not match what was signed",
  unknown_key: "the key that signed it is not known",
  unbound_key: "the key that signed it does not belong to its issuer",
  malformed: "the file is not a readable badge",
  unsupported_proof: "it is signed in a way this service cannot check",
};

export function badgeWords(o) {
  if (o.status === "failed") return `failed: ${FAILED_BECAUSE[o.reason] || "it did not pass the check"}`;
  return BADGE_STATUS[o.status] || o.status;
}

function badgeExplanation(o) {
  if (o.status === "verified") return "Its signature and dates were checked on this server: its skills count fully.";
  if (o.status === "unverified") {
    return (
      "This does not mean it is fake: some badges can only be checked on their issuer's website, " +
      "and this service checks offline. Its skills count like skills you list yourself."
    );
  }
  return "Not counted.";
}

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
          return h("li", {}, h("strong", {}, b.title), " ", tag("a description", "public"), h("span", { class: "evidence" }, "A badge's description, not a badge awarded to you: its skills count like skills you list yourself."));
        }
        return h(
          "li",
          {},
          h("strong", {}, b.title),
          " ",
          tag(badgeWords(o), o.status),
          h("span", { class: "evidence" }, badgeExplanation(o)),
          o.message ? h("details", { class: "jargon" }, h("summary", {}, "Technical details"), h("p", {}, o.message)) : null,
        );
      }),
    ),
  );
  return out;
}

/** "learner.badges[1]" -> "badge “Data modelling” (data-modelling.jwt)"; other fields in words. */
function warningSubject(field, sentBadges) {
  const m = /^learner\.badges\[(\d+)\]/.exec(field || "");
  const badge = m && sentBadges[Number(m[1])];
  if (badge) return `badge “${badge.title}” (${badge.file})`;
  return { "learner.skills": "your skills", "learner.text": "your words", "target.title": "the job title" }[field] || "what you entered";
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

/** The role line: the role planned for, and the typed title it was read from when they differ. */
function roleLine(role, lookup) {
  const typed = lookup && lookup.title.trim().toLowerCase() !== role.title.toLowerCase() ? lookup.title : "";
  return h(
    "p",
    { class: "role-line" },
    "Target role: ",
    h("strong", {}, role.title),
    ` — ${plural(role.n_skills, "skill")}, ${role.n_essential} essential.`,
    typed ? h("span", { class: "role-from" }, ` Read from your title “${typed}”.`) : null,
  );
}

/** `lookup` ({title, warning} or null, role.js roleLookup): the typed title the role was read
 * from. A title looked up before the plan was asked for sends the role by its id, so the answer
 * carries no warning of its own: the look-up's weak-match warning is said on the plan all the
 * same, while its best match is the role planned for. */
export function renderResult(data, sentBadges, lookup = null) {
  const role = data.role;
  const output = clear($("learner-output"));
  output.appendChild(roleLine(role, lookup));
  const weak = (role.warnings || []).find((w) => w.field === "target.title") || (lookup && lookup.warning ? { message: lookup.warning } : null);
  if (weak) {
    output.appendChild(
      h(
        "div",
        { class: "role-warning" },
        h("p", {}, `Your job title matched this role only loosely: ${weak.message}`),
        h("button", { type: "button", id: "role-other", class: "secondary small" }, "Pick another role"),
      ),
    );
  }
  const regulated = regulatedNote(role);
  if (regulated) output.appendChild(regulated);
  output.appendChild(renderGap(data.gap, data.plan));
  if (data.plan) {
    // the role's skills the learner has already (some on their word only): a step backs them
    const have = new Set(data.gap.items.filter((it) => it.held).map((it) => it.skill_id));
    output.appendChild(renderPlan(data.plan, role, (data.learner && data.learner.held_credential_items) || [], have));
    output.appendChild(renderStacks(data.plan.stacks_into));
  }
  output.appendChild(renderBadgeOutcomes(data.learner.badges, sentBadges));
  const warnings = renderWarnings(data.learner.warnings, sentBadges);
  if (warnings) output.appendChild(warnings);
}
