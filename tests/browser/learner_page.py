"""What the learner page's browser tests share: the learner's words, and the steps of the flow
(reading the words, looking up a title, searching, the requests the page sends, the keyboard)."""

from __future__ import annotations

import json
import re

# a barista's words: one job named ("barista"), its skills spelled out
BARISTA = (
    "I have worked four years as a barista in a busy coffee shop. I make espresso drinks, "
    "handle the till and cash, train new staff and open and close the shop."
)
ABOUT = (
    "I have worked three years as a sales assistant. I analyse data in Excel, write SQL "
    "queries, do data mining and present reports to managers. I speak English and Portuguese."
)


def add_from_search(page, box: str, query: str, title: str) -> None:
    """Search in one of the search boxes (cred, skill) and press the result's button."""
    page.fill(f"#{box}-q", query)
    page.press(f"#{box}-q", "Enter")
    item = page.locator(f"#{box}-results li", has_text=title).first
    item.wait_for()
    item.get_by_role("button").click()
    assert item.get_by_role("button").get_attribute("aria-pressed") == "true"


def chips(page, list_id: str = "skill-list") -> list[dict]:
    """The skills listed: uri, label and the line that says where each came from."""
    return page.eval_on_selector_all(
        f"#{list_id} li.chip",
        """els => els.map(e => ({uri: e.dataset.uri,
            label: e.querySelector('.item-title').textContent,
            evidence: e.querySelector('.chip-evidence').textContent}))""",
    )


def read_my_words(page, text: str = ABOUT) -> list[dict]:
    page.fill("#about-text", text)
    page.click("#about-read")
    wait_for_reading(page)
    return chips(page)


def wait_for_reading(page) -> None:
    """Until the page says it read the words (the page's CSP forbids wait_for_function)."""
    page.locator("#about-status", has_text=re.compile(r"^Read \d")).wait_for()


def look_up_title(page, title: str) -> None:
    page.fill("#occ-q", title)
    page.press("#occ-q", "Enter")
    page.locator("#role-resolution input[name=role-pick]").first.wait_for()


def role_options(page) -> list[dict]:
    """The roles offered for the typed title: the one it reads as first, then alternatives."""
    return page.eval_on_selector_all(
        "#role-resolution input[name=role-pick]",
        """els => els.map(e => ({id: Number(e.value), checked: e.checked,
            label: e.closest('label').querySelector('.item-title').textContent}))""",
    )


def requests_to(page, path: str) -> list[dict]:
    """The JSON bodies the page POSTs to `path`, as they go."""
    bodies: list[dict] = []

    def seen(request) -> None:
        if request.method == "POST" and request.url.endswith(path):
            bodies.append(json.loads(request.post_data))

    page.on("request", seen)
    return bodies


def wait_for_plan(page) -> None:
    page.locator("#learner-results:not([hidden]) .plan-section").wait_for()


def tab_to(page, selector: str, text: str = "", limit: int = 60) -> None:
    """Press Tab until the focused element matches `selector` (and its list item holds
    `text`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            """([s, t]) => { const el = document.activeElement;
                const item = el.closest('li') || el;
                return el.matches(s) && (!t || item.textContent.includes(t)); }""",
            [selector, text],
        ):
            return
    raise AssertionError(f"{selector} {text!r} not reached with Tab")


def focus_ring(page) -> str:
    return page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
                   return `${s.outlineStyle} ${s.outlineWidth}`; }"""
    )


def plan_reshaped(page, live_server, shape) -> dict:
    """Ask for a plan for "data analyst" with no skills; the answer changed by `shape(data)` on
    its way to the page; the answer the page got."""
    got: dict = {}

    def answer(route):
        data = route.fetch().json()
        shape(data)
        got.update(data)
        route.fulfill(status=200, content_type="application/json", body=json.dumps(data))

    page.route("**/v1/recommendations", answer)
    page.goto(live_server.url + "/")
    page.fill("#occ-q", "data analyst")
    page.click("#learner-submit")
    wait_for_plan(page)
    return got
