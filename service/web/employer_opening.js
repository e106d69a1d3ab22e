// Create an opening from a job title or a pasted job ad: the skills read from it are shown and
// can be removed or added before it is saved (POST /v1/postings, a private opening of the key's
// tenant, with exactly these skills as essential).

import { api, clearError, InputError, showError } from "./api.js";
import { $, busy, clear, h, plural } from "./dom.js";
import { skillPicker } from "./skill_picker.js";

const MAX_READ = 15; // skills taken from an ad or a role, before the employer edits them
let draft = []; // [{id, uri, label, from}]

const errorBox = () => $("op-error");

function fail(err) {
  $("op-status").textContent = "";
  showError(errorBox(), err);
}

function renderDraft() {
  const list = clear($("op-skills"));
  $("op-skills-title").textContent = `Skills the opening asks for (${draft.length})`;
  draft.forEach((s, i) => {
    list.appendChild(
      h(
        "li",
        {},
        h("span", { class: "chip-label" }, s.label),
        s.from ? h("span", { class: "evidence" }, `from “${s.from}”`) : null,
        h(
          "button",
          {
            type: "button",
            class: "link-button",
            onclick: () => {
              draft.splice(i, 1);
              renderDraft();
              $("op-status").textContent = `Removed ${s.label}.`;
              const rest = $("op-skills").querySelectorAll("button");
              (rest[Math.min(i, rest.length - 1)] || $("op-add-q")).focus();
            },
          },
          "Remove",
          h("span", { class: "visually-hidden" }, ` ${s.label}`),
        ),
      ),
    );
  });
  $("op-draft").hidden = false;
}

async function skillsOfTitle(title) {
  const hits = (await api("/v1/occupations", { query: { q: title, limit: 1 } })).items;
  if (!hits.length) throw new InputError(`no role matches “${title}”; paste the job ad instead`, "op-title");
  const occ = await api(`/v1/occupations/${hits[0].id}`);
  $("op-status").textContent = `Skills of the role “${occ.preferred_label}”.`;
  return occ.essential_skills.slice(0, MAX_READ).map((s) => ({ id: s.id, uri: s.uri, label: s.preferred_label, from: null }));
}

async function skillsOfAd(text) {
  const out = await api("/v1/skills/extract", { method: "POST", body: { text, max_skills: MAX_READ } });
  return out.skills.map((s) => ({
    id: s.id,
    uri: s.uri,
    label: s.preferred_label,
    from: s.evidence && s.evidence[0] ? s.evidence[0].text : null,
  }));
}

async function readSkills() {
  clearError(errorBox());
  const title = $("op-title").value.trim();
  const ad = $("op-ad").value.trim();
  if (!title && !ad) {
    fail(new InputError("type a job title or paste the job ad", "op-title"));
    $("op-title").focus();
    return;
  }
  $("op-status").textContent = "Reading the skills…";
  try {
    draft = ad ? await skillsOfAd(ad) : await skillsOfTitle(title);
    renderDraft();
    $("op-status").textContent = `${plural(draft.length, "skill")} read. Remove the wrong ones, add missing ones, then save.`;
    $("op-skills-title").focus();
  } catch (err) {
    fail(err);
  }
}

async function saveOpening(key, onSaved) {
  clearError(errorBox());
  const title = $("op-title").value.trim() || ($("op-ad").value.trim().split("\n")[0] || "").slice(0, 120);
  if (!title) return fail(new InputError("give the opening a title", "op-title"));
  if (!draft.length) return fail(new InputError("the opening needs at least one skill", "op-add-q"));
  const body = {
    external_id: `page-${Date.now()}`,
    title,
    description: $("op-ad").value.trim() || title,
    skills: draft.map((s) => ({ uri: s.uri, relation: "essential" })),
  };
  $("op-status").textContent = "Saving the opening…";
  try {
    const out = await api("/v1/postings", { method: "POST", key, body: { documents: [body] } });
    const item = out.items[0];
    if (!item || !item.id) {
      const why = item && item.errors && item.errors[0] ? item.errors[0].message : "it was not saved";
      throw new InputError(why, "op-title");
    }
    $("op-status").textContent = `Saved “${title}” with ${plural(draft.length, "skill")}.`;
    await onSaved({ id: item.id, title });
  } catch (err) {
    fail(err);
  }
}

/** Wire the form; requireKey() gives the key or throws; onSaved({id, title}) ranks it. */
export function initOpeningForm(requireKey, onSaved) {
  $("op-picker").appendChild(
    skillPicker("op-add", "Add a skill", (hit) => {
      if (draft.some((s) => s.id === hit.id)) {
        $("op-status").textContent = `${hit.preferred_label} is already listed.`;
        return;
      }
      draft.push({ id: hit.id, uri: hit.uri, label: hit.preferred_label, from: null });
      renderDraft();
      $("op-status").textContent = `Added ${hit.preferred_label}.`;
    }),
  );
  $("op-read").addEventListener("click", (e) => busy(e.currentTarget, readSkills));
  $("op-save").addEventListener("click", (e) => {
    let key;
    try {
      key = requireKey();
    } catch (err) {
      fail(err);
      return;
    }
    busy(e.currentTarget, () => saveOpening(key, onSaved));
  });
}
