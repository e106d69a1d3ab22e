// Entry point: one page, two views (#learner, #employer) switched by the address's fragment,
// so the browser's back button and links work; the other fragments (#main, #cand-3) are left
// to the browser.

import { initEmployer } from "./employer.js";
import { initLearner } from "./learner.js";

const VIEWS = {
  learner: "Plan your learning · skillmatch",
  employer: "Match candidates · skillmatch",
};

function show(view, { focus }) {
  for (const section of document.querySelectorAll("[data-view]")) {
    section.hidden = section.dataset.view !== view;
  }
  for (const link of document.querySelectorAll("[data-view-link]")) {
    if (link.dataset.viewLink === view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  document.title = VIEWS[view];
  if (focus) document.getElementById(`${view}-title`).focus();
}

function route({ focus }) {
  const name = window.location.hash.slice(1);
  if (name in VIEWS) show(name, { focus });
}

function start() {
  initLearner();
  initEmployer();
  const name = window.location.hash.slice(1);
  show(name in VIEWS ? name : "learner", { focus: false });
  window.addEventListener("hashchange", () => route({ focus: true }));
}

start();
