// The learner page's search boxes (credentials, skills): a query, a list of results, and an
// Add/Remove toggle button on each result.

import { clearError, showError } from "./api.js";
import { busy, clear, h, plural } from "./dom.js";

export function toggleButton(pressed, addText, removeText, what) {
  return h(
    "button",
    { type: "button", class: "secondary small", "aria-pressed": pressed ? "true" : "false" },
    pressed ? removeText : addText,
    h("span", { class: "visually-hidden" }, `: ${what}`),
  );
}

export function setToggle(button, pressed, addText, removeText, what) {
  button.setAttribute("aria-pressed", pressed ? "true" : "false");
  clear(button).append(pressed ? removeText : addText, h("span", { class: "visually-hidden" }, `: ${what}`));
}

/** Set each result's toggle of `results` (an element) to whether `has(key)`. */
export function syncToggles(results, has) {
  for (const button of results.querySelectorAll("button[data-key]")) {
    setToggle(button, has(button.dataset.key), button.dataset.add, "Remove", button.dataset.what);
  }
}

/** Search `load(q)` and list the results with `item`; errors go to `errorBox`. */
export async function runSearch({ input, button, results, label, load, item, errorBox }) {
  const q = input.value.trim();
  clearError(errorBox);
  if (!q) {
    clear(results).appendChild(h("p", { class: "empty" }, `Type something to search ${label}.`));
    input.focus();
    return;
  }
  await busy(button, async () => {
    clear(results).appendChild(h("p", { class: "empty" }, "Searching…"));
    try {
      const items = await load(q);
      clear(results);
      if (!items.length) {
        results.appendChild(h("p", { class: "empty" }, `No ${label} found for “${q}”.`));
        return;
      }
      results.appendChild(
        h("p", { class: "visually-hidden" }, `${plural(items.length, "result")} for “${q}”.`),
      );
      results.appendChild(h("ul", { class: "result-list", "aria-label": `${label} found` }, items.map(item)));
    } catch (err) {
      clear(results);
      showError(errorBox, err);
    }
  });
}
