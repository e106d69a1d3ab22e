"""The learner's target role in a real browser: a weak title (the warning and the alternatives
to pick), a title no role matches (the closest roles in plain words, to pick from), and "roles
that fit you" (POST /v1/roles/suggest, stubbed here with real occupations: the page asks with
the skills listed and pages on; where the server lacks the route, the section says so)."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.browser.learner_page import (
    chips,
    look_up_title,
    read_my_words,
    requests_to,
    role_options,
    wait_for_plan,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

FIT_TITLES = [
    "data analyst",
    "statistician",
    "data scientist",
    "business analyst",
    "database administrator",
    "web developer",
    "software developer",
]


def test_a_weak_title_shows_the_warning_and_alternatives(page, live_server, screenshot):
    """A title typed and sent without a look-up: the plan comes with the role it was read as,
    the low-confidence warning and the alternatives; picking one plans for it."""
    page.goto(live_server.url + "/")
    sent = requests_to(page, "/v1/recommendations")
    page.fill("#occ-q", "data analist")
    page.click("#learner-submit")
    wait_for_plan(page)
    assert sent[-1]["target"] == {"title": "data analist"}
    warning = page.locator("#role-resolution .role-warning")
    assert warning.inner_text().startswith("Low confidence")
    options = role_options(page)
    assert 2 <= len(options) <= 5 and options[0]["checked"]
    assert f"“data analist” reads as {options[0]['label']}." in page.inner_text("#role-resolution")
    assert page.inner_text("#occ-chosen").startswith(f"Target role: {options[0]['label']}.")
    # the plan says the match is loose, with a way back to the roles to pick from
    assert "matched this role only loosely" in page.inner_text("#learner-output")
    page.click("#role-other")
    assert page.locator("#learner-form").is_visible()
    other = options[-1]
    page.check(f"#role-resolution input[name=role-pick][value='{other['id']}']")
    assert page.inner_text("#occ-chosen") == f"Target role: {other['label']}."
    screenshot(page, "learner-title-weak")
    page.click("#learner-submit")
    page.locator(".role-line", has_text=f"Target role: {other['label']}").wait_for()
    assert sent[-1]["target"] == {"occupation_id": other["id"]}


NO_MATCH = "qwzx plorf <img src=x onerror=window.pwned=1>"  # and markup, shown as text


def test_a_title_without_a_match_shows_the_closest_roles(page, live_server, screenshot):
    page.goto(live_server.url + "/")
    page.fill("#occ-q", NO_MATCH)
    page.click("#learner-submit")
    error = page.locator("#role-error")  # beside the job title
    error.locator("h3").wait_for()
    text = error.inner_text()
    assert "No role matches this job title confidently." in text
    assert "Field: Job title" in text
    assert "GET /v1/occupations" not in text  # the API's advice to programmers stays out
    assert page.get_attribute("#occ-q", "aria-invalid") == "true"
    page.locator("#role-resolution input[name=role-pick]").first.wait_for()
    assert f"No role matches “{NO_MATCH}” confidently." in page.inner_text("#role-resolution")
    assert page.locator("#role-resolution img").count() == 0
    assert page.evaluate("window.pwned") is None
    options = role_options(page)
    assert options and not any(o["checked"] for o in options)  # nothing is picked for you
    assert page.inner_text("#occ-chosen").startswith("No role chosen yet.")
    screenshot(page, "learner-title-no-match")
    page.check(f"#role-resolution input[name=role-pick][value='{options[0]['id']}']")
    assert page.inner_text("#occ-chosen") == f"Target role: {options[0]['label']}."
    page.click("#learner-submit")
    wait_for_plan(page)
    assert page.inner_text("#role-error") == ""
    assert page.get_attribute("#occ-q", "aria-invalid") is None
    assert f"Target role: {options[0]['label']}" in page.inner_text("#learner-output")


def suggested(live_server) -> list[dict]:
    """Real occupations, as POST /v1/roles/suggest answers them (closest first)."""
    with httpx.Client(base_url=live_server.url, timeout=60) as http:
        occupations = [
            http.get("/v1/occupations", params={"q": t, "limit": 1}).json()["items"][0]
            for t in FIT_TITLES
        ]
    return [
        {
            "rank": i + 1,
            "occupation": {k: o[k] for k in ("id", "uri", "preferred_label", "isco_code")},
            "score": round(0.45 - i * 0.05, 4),
            "coverage": round(0.5 - i * 0.05, 4),
            "coverage_held": round(0.6 - i * 0.05, 4),
            "n_essential": 12,
            "n_missing_essential": 5 + i,
            "counts": {"covered": 7 - i, "partial": 0, "missing": 5 + i},
            "open_weight": 5.0 + i,
            "carried_by": [],
            "level_step": 2 if i == 1 else 0,
            "to_close": {
                "planner": "greedy",
                "feasible": i != 1,
                "message": "",
                "total_hours": 40.0 + i,
                "total_cost": 300.0,
                "currency": "EUR",
                "credentials": [],
                "coverage_after": 1.0,
                "uncoverable": [],
                "unmet": [],
            },
        }
        for i, o in enumerate(occupations)
    ]


def test_roles_that_fit_you(page, live_server, screenshot):
    items = suggested(live_server)
    asked: list[dict] = []

    def answer(route):
        body = json.loads(route.request.post_data)
        asked.append(body)
        more = body.get("cursor") == "NQ"
        page_items = items[5:] if more else items[:5]
        route.fulfill(
            json={
                "total": len(items),
                "items": page_items,
                "next_cursor": None if more else "NQ",
                "learner": {"skills": [], "held_credentials": [], "badges": [], "warnings": []},
                "warnings": [],
                "timings_ms": {},
            }
        )

    page.goto(live_server.url + "/")
    page.route("**/v1/roles/suggest", answer)
    page.click("#roles-suggest")  # nothing about you yet: nothing to rank by
    assert page.inner_text("#roles-note").startswith("Write about yourself or add a skill first")
    assert asked == []

    read_my_words(page)
    page.fill("#max-hours", "100")
    page.click("#roles-suggest")
    results = page.locator("#roles-results li")
    results.nth(4).wait_for()
    assert asked[0]["learner"]["skills"] == [c["uri"] for c in chips(page)]
    assert asked[0]["limit"] == 5 and "cursor" not in asked[0]
    assert asked[0]["constraints"] == {"max_hours": 100}
    assert page.inner_text("#roles-note") == "5 roles that fit you, the closest first."
    first = results.first.inner_text()
    assert FIT_TITLES[0] in first and "you have 7 of 12 essential skills" in first
    # the order's score, and coverage held and weighed by how well each skill is backed
    assert "match 45%" in first
    assert "60% of its essential skills held, 50% counting how well each is backed" in first
    assert "to close the gap: 40 h, 300.00 EUR" in first
    # the greedy plan leaves an essential skill open (for the limits or not): said as such
    assert "(does not close every essential skill)" in results.nth(1).inner_text()
    # two ISCO levels above the learner's job: said in words beside the role's name
    assert "usually needs a higher qualification" in results.nth(1).inner_text()
    assert "usually needs a higher qualification" not in first
    page.click("#roles-more")
    results.nth(6).wait_for()
    assert asked[1]["cursor"] == "NQ"
    # focus goes to the first role of the new page
    assert page.evaluate("document.activeElement.closest('li').textContent").startswith(
        items[5]["occupation"]["preferred_label"]
    )
    assert page.locator("#roles-more").count() == 0  # the last page

    pick = items[2]["occupation"]
    results.nth(2).get_by_role("button").click()
    assert results.nth(2).get_by_role("button").get_attribute("aria-pressed") == "true"
    assert page.inner_text("#occ-chosen") == f"Target role: {pick['preferred_label']}."
    assert page.input_value("#occ-q") == pick["preferred_label"]
    screenshot(page, "learner-roles-that-fit")
    sent = requests_to(page, "/v1/recommendations")
    page.click("#learner-submit")
    wait_for_plan(page)
    assert sent[-1]["target"] == {"occupation_id": pick["id"]}
    assert f"Target role: {pick['preferred_label']}" in page.inner_text("#learner-output")


@pytest.mark.parametrize("status", [404, 405])
def test_roles_that_fit_you_where_the_server_lacks_them(page, live_server, status):
    """A server without POST /v1/roles/suggest (404 without a field, or 405): a short note
    instead of the button, focus on it, and the rest of the page works."""

    def answer(route):
        message = "Not Found" if status == 404 else "Method Not Allowed"
        route.fulfill(status=status, json={"status": status, "detail": message, "field": None})

    page.goto(live_server.url + "/")
    page.route("**/v1/roles/suggest", answer)
    read_my_words(page)
    page.click("#roles-suggest")
    note = page.locator("#roles-note")
    note.get_by_text("not available on this server yet").wait_for()
    assert not page.locator("#roles-suggest").is_visible()
    assert page.evaluate("document.activeElement.id") == "roles-note"
    assert page.inner_text("#roles-error") == "" and page.inner_text("#learner-error") == ""
    look_up_title(page, "data analyst")
    page.click("#learner-submit")
    wait_for_plan(page)


def test_a_title_looked_up_first_keeps_its_warning_on_the_plan(page, live_server, screenshot):
    """A weak title looked up before the plan sends the role by its id, so the answer has no
    warning of its own: the plan still says the title it was read from and the weak match,
    with the way back; an alternative picked instead is planned without the warning."""
    page.goto(live_server.url + "/")
    assert not page.locator("#learner-summary").is_visible()  # no empty summary before a plan
    sent = requests_to(page, "/v1/recommendations")
    look_up_title(page, "data analist")
    options = role_options(page)
    page.click("#learner-submit")
    wait_for_plan(page)
    assert sent[-1]["target"] == {"occupation_id": options[0]["id"]}
    line = page.inner_text("#learner-output .role-line")
    assert line.startswith(f"Target role: {options[0]['label']}")
    assert line.endswith("Read from your title “data analist”.")
    assert "matched this role only loosely" in page.inner_text("#learner-output")
    screenshot(page, "learner-title-looked-up-weak")
    page.click("#role-other")
    other = options[1]
    page.check(f"#role-resolution input[name=role-pick][value='{other['id']}']")
    page.click("#learner-submit")
    page.locator(".role-line", has_text=f"Target role: {other['label']}").wait_for()
    assert sent[-1]["target"] == {"occupation_id": other["id"]}
    assert "only loosely" not in page.inner_text("#learner-output")
    assert page.locator("#role-other").count() == 0


def test_a_title_of_a_level_only_says_what_to_add(page, live_server):
    """A title of a level only ("trainee") names no job: the service says so, and the page
    passes that on (beside the title when the plan is asked for, and under it when the title
    is looked up) instead of only "no role matches"."""
    page.goto(live_server.url + "/")
    page.fill("#occ-q", "trainee")
    page.click("#learner-submit")
    error = page.locator("#role-error")
    error.locator("h3").wait_for()
    assert "says only a level" in error.inner_text() and "add the trade" in error.inner_text()
    assert "GET /v1/occupations" not in error.inner_text()
    page.fill("#occ-q", "")
    page.fill("#occ-q", "junior")
    page.press("#occ-q", "Enter")
    reason = page.locator("#role-resolution .miss-reason")
    reason.wait_for()
    assert "add the trade" in reason.inner_text()
