// A chosen item as a chip (the skills and the jobs of "About you"): its label, a line of what it
// is from, and one button (Remove, Put back) that names the item to a screen reader.

import { h } from "./dom.js";

/** A chip for `item` ({label, meta}) under `uri`; the button calls onAction(uri). */
export function chip(uri, item, { action, onAction }) {
  return h(
    "li",
    { class: "chip", dataset: { uri } },
    h(
      "span",
      { class: "item-text" },
      h("span", { class: "item-title" }, item.label),
      h("span", { class: "item-meta chip-evidence" }, item.meta),
    ),
    h(
      "button",
      { type: "button", class: "secondary small", onclick: () => onAction(uri) },
      action,
      h("span", { class: "visually-hidden" }, `: ${item.label}`),
    ),
  );
}

/** Focus the button of the item at `index` of `list`, else the one before, else `fallback`. */
export function focusNear(list, index, fallback) {
  const buttons = list.querySelectorAll("li button");
  const next = buttons[Math.min(index, buttons.length - 1)];
  (next || fallback).focus();
}
