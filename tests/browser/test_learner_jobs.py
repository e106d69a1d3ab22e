"""Jobs the learner names in their words ("I have worked four years as a barista"): listed under
"Jobs you named" with the words each came from and what it counts, sent as learner.jobs (a
removed one is not, and stays removed when the words are read again), and counted in the plan's
held coverage, as the API counts learner.text. By keyboard and on a narrow screen too."""

from __future__ import annotations

import re

import pytest

from tests.browser.learner_page import (
    BARISTA,
    chips,
    look_up_title,
    read_my_words,
    requests_to,
    tab_to,
    wait_for_plan,
    wait_for_reading,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def held_share(page) -> float:
    """The plan's "You hold N% of what the role asks for"."""
    m = re.search(
        r"You hold ([\d.]+)% of what the role asks for", page.inner_text("#learner-output")
    )
    assert m, page.inner_text("#learner-output")
    return float(m.group(1))


def plan_for(page, title: str) -> dict:
    """Ask for the plan; the answer the page got."""
    look_up_title(page, title)
    with page.expect_response(lambda r: r.url.endswith("/v1/recommendations")) as answer:
        page.click("#learner-submit")
    wait_for_plan(page)
    return answer.value.json()


def test_a_named_job_is_listed_sent_and_counted_in_the_plan(page, live_server, screenshot):
    page.goto(live_server.url + "/")
    extracts = requests_to(page, "/v1/skills/extract")
    sent = requests_to(page, "/v1/recommendations")
    read_my_words(page, BARISTA)
    assert extracts[-1]["jobs"] is True
    (job,) = chips(page, "job-list")
    assert job["label"] == "barista"
    assert "“barista”" in job["evidence"] and "skills this job needs" in job["evidence"]
    assert page.inner_text("#jobs-title") == "Jobs you named (1)"
    assert re.match(r"Read \d+ skills? and 1 job from your words", page.inner_text("#about-status"))
    answer = plan_for(page, "cafe manager")
    assert sent[-1]["learner"]["jobs"] == [job["uri"]]
    assert "text" not in sent[-1]["learner"]  # the words are not sent: what is listed counts
    assert answer["gap"]["coverage_held"] > 0 and held_share(page) > 0
    # a skill the job needs is said to come from it, not to be one the learner listed
    assert "(needed by a job you named, not evidenced)" in page.inner_text("#learner-output")
    assert "1 job of yours" in page.inner_text("#learner-summary-text")
    screenshot(page, "learner-jobs")


def test_a_removed_job_is_not_sent_and_stays_removed(page, live_server):
    page.goto(live_server.url + "/")
    sent = requests_to(page, "/v1/recommendations")
    read_my_words(page, BARISTA)
    (job,) = chips(page, "job-list")
    page.locator(f"#job-list li.chip[data-uri='{job['uri']}'] button").click()
    assert chips(page, "job-list") == [] and chips(page, "job-removed")[0]["uri"] == job["uri"]
    assert page.evaluate("document.activeElement.id") == "jobs-title"  # none left to focus
    assert "not sent" in page.inner_text("#about-status")
    page.click("#about-read")  # read again: the job stays removed
    wait_for_reading(page)
    assert chips(page, "job-list") == [] and len(chips(page, "job-removed")) == 1
    plan_for(page, "cafe manager")
    assert sent[-1]["learner"]["jobs"] == []
    assert "1 job" not in page.inner_text("#learner-summary-text")


def test_jobs_by_keyboard_on_a_narrow_screen(page_factory, live_server, screenshot):
    page = page_factory(375, 800)
    page.goto(live_server.url + "/")
    tab_to(page, "#about-text")
    page.keyboard.type(BARISTA)
    page.keyboard.press("Tab")  # leaving the box reads it
    wait_for_reading(page)
    tab_to(page, "#job-list li button", "barista")
    page.keyboard.press("Enter")  # removed; focus falls back to the list's title
    assert page.evaluate("document.activeElement.id") == "jobs-title"
    tab_to(page, "#job-removed li button", "barista")
    page.keyboard.press("Enter")  # put back; focus on its Remove button
    assert page.evaluate("document.activeElement.closest('#job-list') !== null")
    sizes = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert sizes[0] <= sizes[1], f"page is {sizes[0]} px wide in a {sizes[1]} px window"
    screenshot(page, "learner-jobs-narrow")


def test_a_removed_job_stays_removed_in_a_shared_link(page_factory, live_server):
    page = page_factory()
    page.goto(live_server.url + "/")
    read_my_words(page, BARISTA)
    (job,) = chips(page, "job-list")
    page.locator(f"#job-list li.chip[data-uri='{job['uri']}'] button").click()
    plan_for(page, "cafe manager")
    page.click("#plan-share")
    link = page.input_value("#plan-link")

    other = page_factory()  # another browser: the link alone
    sent = requests_to(other, "/v1/recommendations")
    other.goto(link)
    wait_for_plan(other)
    assert chips(other, "job-list") == [] and chips(other, "job-removed")[0]["uri"] == job["uri"]
    assert sent[-1]["learner"]["jobs"] == []
