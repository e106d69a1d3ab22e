// Small DOM helpers. Everything the API returns is put on the page as text (textContent), never
// as HTML, so names and titles from uploaded documents cannot inject markup.

/**
 * h("p", {class: "x", onclick: fn, "aria-label": "..."}, "text", node, [more], null)
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function $(id) {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no element #${id}`);
  return el;
}

const numberFormat = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
const moneyFormat = new Intl.NumberFormat("en", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

export function hours(value) {
  if (value === null || value === undefined) return "hours unknown";
  return `${numberFormat.format(value)} h`;
}

export function money(value, currency) {
  if (value === null || value === undefined) return "cost unknown";
  if (value === 0) return "free";
  return `${moneyFormat.format(value)} ${currency || ""}`.trim();
}

export function percent(share) {
  const p = Math.round((share || 0) * 1000) / 10;
  return `${p}%`;
}

export function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many || `${one}s`}`;
}

export function tag(text, kind) {
  return h("span", { class: `tag tag-${kind}` }, text);
}

/** Mark a button busy without disabling it (a disabled button loses keyboard focus). */
export async function busy(button, work) {
  if (button.getAttribute("aria-disabled") === "true") return undefined;
  button.setAttribute("aria-disabled", "true");
  try {
    return await work();
  } finally {
    button.removeAttribute("aria-disabled");
  }
}

/** Run `search` when Enter is pressed in `input` (instead of submitting the form). */
export function onEnter(input, search) {
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.isComposing) {
      event.preventDefault();
      search();
    }
  });
}
