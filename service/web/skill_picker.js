// A skill search beside a list the employer edits (an opening's skills, a candidate's): type,
// choose "Find", then "Add" on one of the skills found. Used by employer_opening.js and
// employer_skills.js.

import { api } from "./api.js";
import { clear, h, onEnter } from "./dom.js";

/** A search field, its button and the hits; onPick(hit) is called with the chosen skill. */
export function skillPicker(idBase, label, onPick) {
  const input = h("input", { id: `${idBase}-q`, type: "search", autocomplete: "off" });
  const hits = h("ul", { class: "skill-hits", id: `${idBase}-hits`, "aria-live": "polite" });
  const find = async () => {
    const q = input.value.trim();
    clear(hits);
    if (!q) {
      hits.appendChild(h("li", { class: "empty" }, "Type a few words first."));
      input.focus();
      return;
    }
    try {
      const found = (await api("/v1/skills", { query: { q, limit: 5 } })).items;
      if (!found.length) hits.appendChild(h("li", { class: "empty" }, `No skill found for “${q}”.`));
      for (const hit of found) {
        hits.appendChild(
          h(
            "li",
            {},
            h("span", {}, hit.preferred_label),
            h(
              "button",
              {
                type: "button",
                class: "secondary small",
                onclick: () => {
                  clear(hits);
                  input.value = "";
                  onPick(hit);
                  input.focus();
                },
              },
              "Add",
              h("span", { class: "visually-hidden" }, ` ${hit.preferred_label}`),
            ),
          ),
        );
      }
    } catch {
      hits.appendChild(h("li", { class: "empty" }, "The skill search did not answer; try again."));
    }
  };
  onEnter(input, find);
  return h(
    "div",
    { class: "field skill-picker" },
    h("label", { for: input.id }, label),
    h("div", { class: "search-row" }, input, h("button", { type: "button", class: "secondary", id: `${idBase}-find`, onclick: find }, "Find")),
    hits,
  );
}
