"""The learner's flow in a real browser: the learner's own words (the skills read from them,
each with its evidence, one removed, one added), a typed title (the role it reads as and the
alternatives), limits, and the optional credentials and badge files -> the gap chart, the
ordered plan, what it stacks into, badge verification and warnings. Also keyboard-only use,
small screens, and the API's errors in plain words (test_learner_role.py: weak and unmatched
titles, roles that fit you)."""

from __future__ import annotations

import json

import pytest

from tests.browser.learner_page import (
    ABOUT,
    add_from_search,
    chips,
    focus_ring,
    look_up_title,
    read_my_words,
    requests_to,
    role_options,
    tab_to,
    wait_for_plan,
    wait_for_reading,
)
from tests.browser.support import ob3_badge, signed, tampered

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LEARNER_DID = "did:example:learner-7"


@pytest.fixture(scope="module")
def badge_files(live_server):
    """Three badge files: a signed VC-JWT (verified), the same with a forged payload (failed),
    an unsigned OB 3.0 credential (unverified)."""
    import httpx
    from cryptography.hazmat.primitives.asymmetric import ed25519

    from tests.browser.support import occupation_skills
    from tests.verify.signing import did_key

    with httpx.Client(base_url=live_server.url, timeout=60) as http:
        _oid, essential, _optional = occupation_skills(http, "data analyst")
    essential = sorted(essential, key=lambda s: s["preferred_label"])
    signer = ed25519.Ed25519PrivateKey.generate()
    issuer = did_key(signer)  # the issuer is the header key: verifiable offline
    good = ob3_badge("Data visualisation", essential[:4], issuer=issuer, subject=LEARNER_DID)
    forged = ob3_badge("Data modelling", essential[4:8], issuer=issuer, subject=LEARNER_DID)
    plain = ob3_badge("Report writing", essential[8:10], issuer=issuer, subject=LEARNER_DID)
    folder = live_server.root / "learner-badges"
    folder.mkdir(exist_ok=True)
    files = {
        "verified": folder / "data-visualisation.jwt",
        "failed": folder / "data-modelling.jwt",
        "unverified": folder / "report-writing.json",
    }
    files["verified"].write_text(signed(good, signer))
    files["failed"].write_text(tampered(signed(forged, signer), forged))
    files["unverified"].write_text(json.dumps(plain, indent=2))
    return files


def test_page_starts_from_your_own_words(page_factory, live_server, screenshot):
    for width, height, name in [(1280, 900, "learner-start"), (390, 844, "learner-start-narrow")]:
        page = page_factory(width, height)
        page.goto(live_server.url + "/")
        assert page.title().startswith("Plan your learning")
        assert page.locator("h1:visible").inner_text() == "Plan your learning"
        # the first thing to fill in is the box for the learner's own words
        first = page.evaluate(
            "document.querySelector('#learner-form textarea, #learner-form input').id"
        )
        assert first == "about-text"
        # held credentials and badges are optional, further down and collapsed
        assert page.locator("#extras").get_attribute("open") is None
        assert not page.locator("#cred-q").is_visible()
        assert not page.locator("#badge-files").is_visible()
        # every visible form control has a label (or an aria-label)
        unlabelled = page.evaluate(
            """() => [...document.querySelectorAll('input, textarea, select, button')]
                .filter(el => el.offsetParent !== null)
                .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label')
                              && !el.textContent.trim())
                .map(el => el.id || el.outerHTML)"""
        )
        assert unlabelled == []
        assert page.locator("[role=alert]#learner-error").count() == 1
        assert page.locator("[role=status]#learner-status").count() == 1
        assert page.locator("[role=alert]#about-error").count() == 1
        assert read_my_words(page)
        sizes = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert sizes[0] <= sizes[1], f"page is {sizes[0]} px wide in a {sizes[1]} px window"
        screenshot(page, name, full_page=False)


def test_learner_flow(page, live_server, badge_files, screenshot):
    page.goto(live_server.url + "/")
    sent = requests_to(page, "/v1/recommendations")
    read = read_my_words(page)
    assert len(read) >= 3
    for chip in read:  # each skill shows the words it was read from
        quoted = [q.split("”")[0] for q in chip["evidence"].split("“")[1:]]
        assert quoted and all(q in ABOUT for q in quoted), chip
    assert page.inner_text("#about-status").startswith(f"Read {len(read)} skills")

    dropped = read[1]
    page.locator(f"#skill-list li.chip[data-uri='{dropped['uri']}'] button").click()
    assert dropped["uri"] not in [c["uri"] for c in chips(page)]
    assert [c["uri"] for c in chips(page, "skill-removed")] == [dropped["uri"]]
    assert page.inner_text("#about-status") == f"Removed “{dropped['label']}”: it is not sent."
    # focus goes to the next skill's button, not to the top of the page
    assert page.evaluate("document.activeElement.closest('#skill-list') !== null")
    add_from_search(page, "skill", "Python", "Python (computer programming)")
    python = [c for c in chips(page) if c["label"] == "Python (computer programming)"]
    assert python and python[0]["evidence"] == "added by you"
    # pressed again, the result's button does not take the skill away (no undo in place)
    again = page.locator("#skill-results li", has_text="Python (computer programming)").first
    assert again.get_by_role("button").inner_text().startswith("Added")
    assert again.get_by_role("button").get_attribute("aria-disabled") == "true"
    again.get_by_role("button").click(force=True)  # marked done, but a person may press it
    assert "already in your skills" in page.inner_text("#about-status")
    assert "Python (computer programming)" in [c["label"] for c in chips(page)]

    look_up_title(page, "data analyst")
    options = role_options(page)
    assert options[0]["label"] == "data analyst" and options[0]["checked"]
    assert 2 <= len(options) <= 5  # the role it reads as and up to four alternatives
    assert "“data analyst” reads as data analyst." in page.inner_text("#role-resolution")
    assert page.locator("#role-resolution .role-warning").count() == 0
    assert page.inner_text("#occ-chosen") == "Target role: data analyst."

    page.click("#extras summary")  # the optional extras
    add_from_search(page, "cred", "Data Models and Mining", "Data Models and Mining")
    assert "Data Models and Mining" in page.inner_text("#held-list")
    page.set_input_files("#badge-files", [str(p) for p in badge_files.values()])
    page.locator("#badge-list li").nth(2).wait_for()
    assert "Data visualisation" in page.inner_text("#badge-list")
    assert page.inner_text("#extras-count") == "(4 items added)"
    page.fill("#identifiers", LEARNER_DID)
    page.fill("#max-hours", "80")
    page.fill("#max-cost", "800")
    page.click("#learner-submit")
    wait_for_plan(page)

    # what was sent: the skills listed (the removed one not), not the text; the chosen role
    learner = sent[-1]["learner"]
    assert learner["skills"] == [c["uri"] for c in chips(page)]
    assert dropped["uri"] not in learner["skills"] and "text" not in learner
    assert sent[-1]["target"] == {"occupation_id": options[0]["id"]}
    status = page.inner_text("#learner-status")
    assert status.startswith("Plan ready:"), status
    assert page.evaluate("document.activeElement.id") == "learner-results-title"
    # the answer first: the form folds to a summary, the plan's title is in view
    assert page.locator("#learner-form").is_hidden()
    summary = page.inner_text("#learner-summary")
    assert "For data analyst, from" in summary and "at most 80 h and at most 800.00 EUR" in summary
    top = page.evaluate(
        "document.querySelector('#learner-results-title').getBoundingClientRect().y"
    )
    assert 0 <= top < 300
    out = page.locator("#learner-output")
    assert "Target role: data analyst" in out.inner_text()
    # the gap: a chart with a text alternative on every bar, and the table
    bars = page.locator(".chart .bar[role=img]")
    assert bars.count() == 4
    for label in bars.evaluate_all("els => els.map(e => e.getAttribute('aria-label'))"):
        assert "covered" in label and "missing" in label
    assert page.locator("#gap-table tbody tr").count() == 3
    # the plan: ordered steps with hours, cost, explanation and the skills each covers
    steps = page.locator("ol.plan > li")
    assert steps.count() >= 1
    first = steps.first
    assert " h" in first.locator(".step-meta").inner_text()
    assert first.locator(".step-why").inner_text().startswith("It ")  # one sentence: why
    link = first.locator("a.step-link")
    assert link.inner_text() and link.get_attribute("href").startswith(("http", "/v1/credentials/"))
    first.locator("summary").click()
    assert first.locator(".covers li").count() >= 1
    assert first.locator(".explanation").inner_text().startswith("Covers")
    totals = page.locator(".summary-grid").inner_text()
    assert "Hours" in totals and "Cost" in totals
    hours_total = float(
        page.locator(".summary-grid li").nth(1).locator(".figure-value").inner_text().split()[0]
    )
    assert hours_total <= 80
    assert page.locator("#stacks-title").is_visible()
    # the badges in a learner's words: checked, failed with its reason, not checked offline
    badges = page.locator("ul.badges > li")
    assert badges.count() == 3
    assert badges.nth(0).locator(".tag").inner_text() == "checked"
    assert badges.nth(1).locator(".tag").inner_text() == (
        "failed: the badge was changed after it was signed"
    )
    assert "Not counted" in badges.nth(1).inner_text()
    assert badges.nth(2).locator(".tag").inner_text() == "could not be checked offline"
    assert "does not mean it is fake" in badges.nth(2).inner_text()
    # the notes name the failed badge by its title and file
    notes = page.inner_text("ul.warnings")
    assert "Not counted: The signature does not match" in notes
    assert "(data-modelling.jwt)" in notes
    screenshot(page, "learner-plan")
    # a change after the plan marks it out of date until it is made again
    assert page.locator("#stale-note").is_hidden()
    page.click("#learner-change")
    assert page.locator("#learner-form").is_visible()
    assert page.evaluate("document.activeElement.id") == "about-text"
    page.fill("#max-hours", "60")
    assert page.locator("#stale-note").is_visible()
    assert "learner-results" in page.evaluate(
        "[...document.querySelectorAll('.stale')].map(e => e.id).join(' ')"
    )
    page.click("#stale-update")
    page.locator("#learner-results:not(.stale)").wait_for()
    assert sent[-1]["constraints"]["max_hours"] == 60
    assert page.locator("#stale-note").is_hidden()


def test_learner_with_a_job_posting_text(page, live_server, screenshot):
    page.goto(live_server.url + "/")
    page.check("input[name=target-kind][value=posting]")
    assert page.locator("#posting-text").is_visible()
    assert not page.locator("#occ-q").is_visible()
    page.fill(
        "#posting-text",
        "We are hiring a junior web developer. You write JavaScript and Python, design SQL "
        "databases, use Git, test your code, and explain technical choices to clients.",
    )
    add_from_search(page, "skill", "JavaScript", "JavaScript")
    page.fill("#max-hours", "40")
    page.click("#learner-submit")
    wait_for_plan(page)
    assert "Target role:" in page.inner_text("#learner-output")
    assert page.locator(".chart .bar").count() >= 2
    screenshot(page, "learner-posting")


def test_keyboard_only(page, live_server, screenshot):
    page.goto(live_server.url + "/")
    tab_to(page, ".skip-link")
    assert page.locator(".skip-link").bounding_box()["y"] >= 0  # shown when focused
    tab_to(page, "#about-text")
    page.keyboard.type(ABOUT)
    page.keyboard.press("Tab")  # leaving the box reads it
    assert page.evaluate("document.activeElement.id") == "about-read"
    wait_for_reading(page)
    read = chips(page)
    tab_to(page, "#skill-list li button")
    assert focus_ring(page).startswith("solid")
    page.keyboard.press("Enter")  # removes the first skill; focus moves to the next one's
    assert [c["uri"] for c in chips(page)] == [c["uri"] for c in read[1:]]
    assert page.evaluate("document.activeElement.closest('li').dataset.uri") == read[1]["uri"]

    tab_to(page, "#skill-q")
    page.keyboard.type("Python")
    page.keyboard.press("Enter")  # searches; does not submit the form
    page.locator("#skill-results li").first.wait_for()
    assert page.locator("#learner-results").is_hidden()
    tab_to(page, "#skill-results li button", "Python (computer programming)")
    page.keyboard.press("Enter")
    assert "Python (computer programming)" in [c["label"] for c in chips(page)]

    tab_to(page, "#occ-q")
    page.keyboard.type("data analyst")
    page.keyboard.press("Enter")
    page.locator("#role-resolution input[name=role-pick]").first.wait_for()
    options = role_options(page)
    tab_to(page, "#role-resolution input[name=role-pick]")  # the checked one: the role read
    page.keyboard.press("ArrowDown")  # an alternative
    assert page.inner_text("#occ-chosen") == f"Target role: {options[1]['label']}."
    page.keyboard.press("ArrowUp")
    assert page.inner_text("#occ-chosen") == "Target role: data analyst."

    tab_to(page, "#max-hours")
    page.keyboard.type("60")
    tab_to(page, "#extras summary")
    page.keyboard.press("Enter")  # opens the optional extras
    tab_to(page, "#cred-q")
    page.keyboard.type("Data Models and Mining")
    page.keyboard.press("Enter")
    page.locator("#cred-results li").first.wait_for()
    tab_to(page, "#cred-results li button", "Data Models and Mining")
    page.keyboard.press("Enter")
    assert "Data Models and Mining" in page.inner_text("#held-list")

    tab_to(page, "#learner-submit")
    assert focus_ring(page).startswith("solid")
    page.keyboard.press("Enter")
    wait_for_plan(page)
    assert page.evaluate("document.activeElement.id") == "learner-results-title"
    # the plan's step details open from the keyboard too
    tab_to(page, "ol.plan > li summary")
    page.keyboard.press("Enter")
    assert page.locator("ol.plan > li details[open]").count() == 1
    screenshot(page, "learner-keyboard")


def test_narrow_screen_has_no_horizontal_scroll(page_factory, live_server, screenshot):
    page = page_factory(375, 800)
    page.goto(live_server.url + "/")

    def no_horizontal_scroll() -> None:
        sizes = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert sizes[0] <= sizes[1], f"page is {sizes[0]} px wide in a {sizes[1]} px window"

    no_horizontal_scroll()
    read_my_words(page)
    look_up_title(page, "data analyst")
    no_horizontal_scroll()
    page.fill("#max-hours", "60")
    page.click("#learner-submit")
    wait_for_plan(page)
    for summary in page.locator("#learner-output details summary").all()[:4]:
        summary.click()  # long skill lists open too
    no_horizontal_scroll()
    screenshot(page, "learner-narrow")


def test_a_huge_limit_wraps_in_the_summary_on_a_narrow_screen(page_factory, live_server):
    """A limit typed as 1e300 is a number the API takes: the folded form's one line says it in
    full, and wraps instead of widening the page."""
    page = page_factory(375, 800)
    page.goto(live_server.url + "/")
    page.fill("#occ-q", "data analyst")
    page.fill("#max-hours", "1e300")
    page.click("#learner-submit")
    wait_for_plan(page)
    assert "with at most 1,000,000,000" in page.inner_text("#learner-summary-text")
    sizes = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert sizes[0] <= sizes[1], f"page is {sizes[0]} px wide in a {sizes[1]} px window"


def test_api_error_is_shown_in_plain_words(page, live_server, screenshot):
    """A 422 from the API: the message beside the control that caused it, the field in the
    page's words (not the API's name for it), the control marked and focused."""
    page.goto(live_server.url + "/")
    page.fill("#occ-q", "data analyst")  # a typed title, not looked up: resolved by the API
    page.fill("#max-hours", "-5")
    page.click("#learner-submit")
    error = page.locator("#limits-error")  # in "Your limits", beside the box
    error.locator("h3").wait_for()
    text = error.inner_text()
    assert "Some of what you entered needs a fix." in text
    assert "greater than or equal to 0" in text
    assert "Field: Most hours of study" in text
    assert "constraints" not in text and "max_hours" not in text
    assert page.inner_text("#learner-error") == ""
    assert "beside “Most hours of study”" in page.inner_text("#learner-status")
    assert page.evaluate("document.activeElement.id") == "max-hours"
    assert page.get_attribute("#max-hours", "aria-invalid") == "true"
    assert "limits-error" in page.get_attribute("#max-hours", "aria-describedby")
    screenshot(page, "learner-error-422")
    # fixed: the error and the mark go away
    page.fill("#max-hours", "60")
    page.click("#learner-submit")
    wait_for_plan(page)
    assert page.inner_text("#limits-error") == ""
    assert page.get_attribute("#max-hours", "aria-invalid") is None


def test_words_that_cannot_be_read_are_said_beside_the_box(page, live_server):
    """Too long a text for a caller without a key: the 422 beside the box, the box marked, and
    the plan not asked for until the text is fixed."""
    page.goto(live_server.url + "/")
    sent = requests_to(page, "/v1/recommendations")
    page.fill("#about-text", "I keep the accounts. " * 300)  # 6,300 characters
    page.fill("#occ-q", "data analyst")
    page.click("#learner-submit")
    error = page.locator("#about-error")
    error.locator("h3").wait_for()
    assert "the limit is 5000 without an API key" in error.inner_text()
    assert "Field: About you" in error.inner_text()
    assert page.get_attribute("#about-text", "aria-invalid") == "true"
    assert "about-error" in page.get_attribute("#about-text", "aria-describedby")
    assert "could not be read" in page.inner_text("#learner-status")
    assert sent == []
    page.fill("#about-text", ABOUT)
    page.click("#learner-submit")
    wait_for_plan(page)
    assert page.inner_text("#about-error") == ""
    assert page.get_attribute("#about-text", "aria-invalid") is None
    assert len(sent) == 1 and sent[0]["learner"]["skills"] == [c["uri"] for c in chips(page)]


ANSWERS = {
    404: "We could not find what you asked for.",
    413: "What you sent is too large.",
    429: "Too many requests in a short time.",
    503: "The service is busy or still starting up.",
    500: "The service ran into a problem (error 500).",
}


def test_other_errors_and_network_failure(page, live_server, screenshot):
    """The page's words for the answers a user cannot easily cause here (the API is stubbed
    for /v1/recommendations only), and for a network failure."""
    page.goto(live_server.url + "/")
    page.fill("#occ-q", "data analyst")  # a typed title, not chosen: resolved by the API
    current = {}

    def answer(route):
        status = current["status"]
        if status == 0:
            route.abort("connectionrefused")
            return
        body = {"status": status, "detail": f"stub message {status}", "field": "body"}
        headers = {"Retry-After": "7"} if status == 429 else {}
        route.fulfill(status=status, json=body, headers=headers)

    page.route("**/v1/recommendations", answer)
    for status, words in [*ANSWERS.items(), (0, "We could not reach the skillmatch service.")]:
        current["status"] = status
        page.click("#learner-submit")
        error = page.locator("#learner-error")
        error.get_by_text(words).wait_for()
        if status:
            assert f"Stub message {status}" in error.inner_text()
        if status == 429:
            assert "wait 7 seconds" in error.inner_text()
    screenshot(page, "learner-error-network")
