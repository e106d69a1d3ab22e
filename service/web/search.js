// The learner page's search boxes (credentials, skills): a query, a list of results, and an
// Add button on each result. Once added, the button says so ("Added") and does nothing more:
// removing is done in the list of what you added, never by a second press in place.

import { clearError, showError } from "./api.js";
import { busy, clear, h, plural } from "./dom.js";

export function toggleButton(pressed, addText, removeText, what) {
  const button = h("button", { type: "button", class: "secondary small" });
  setToggle(button, pressed, addText, removeText, what);
  return button;
}

/** pressed: the result is added (or chosen); the button says `removeText` ("Added", "Chosen")
 * and is marked done (aria-disabled), so pressing it again changes nothing. */
export function setToggle(button, pressed, addText, removeText, what) {
  button.setAttribute("aria-pressed", pressed ? "true" : "false");
  if (pressed) button.setAttribute("aria-disabled", "true");
  else button.removeAttribute("aria-disabled");
  button.classList.toggle("done", pressed);
  clear(button).append(pressed ? removeText : addText, h("span", { class: "visually-hidden" }, `: ${what}`));
}

/** Set each result's button of `results` (an element) to whether `has(key)`. */
export function syncToggles(results, has) {
  for (const button of results.querySelectorAll("button[data-key]")) {
    setToggle(button, has(button.dataset.key), button.dataset.add, button.dataset.done || "Added", button.dataset.what);
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
