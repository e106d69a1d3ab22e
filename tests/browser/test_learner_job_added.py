"""A job the learner's words name but the reading missed (a warehouse operative's "Before that a
postman for 12 years." read no job) is added by hand: searched by title (GET /v1/occupations),
listed under "Jobs you named" as added by them, kept when the words are read again, sent as
learner.jobs, carried by a shared link, and gone (not kept as removed) when removed."""

from __future__ import annotations

import pytest

from tests.browser.learner_page import (
    BARISTA,
    chips,
    look_up_title,
    read_my_words,
    requests_to,
    wait_for_plan,
    wait_for_reading,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def search_jobs(page, query: str):
    page.fill("#job-q", query)
    page.press("#job-q", "Enter")
    done = page.locator("#job-results li, #job-results p.empty:not(:has-text('Searching'))")
    done.or_(page.locator("#about-error h3")).first.wait_for()
    return page.locator("#job-results li")


def add_postman(page) -> dict:
    results = search_jobs(page, "postman")
    item = results.filter(has_text="postman/postwoman").first
    item.get_by_role("button").click()
    assert item.get_by_role("button").get_attribute("aria-pressed") == "true"
    assert "Added the job “postman/postwoman”" in page.inner_text("#about-status")
    return next(j for j in chips(page, "job-list") if j["label"] == "postman/postwoman")


def test_a_missed_job_is_added_sent_and_kept(page_factory, live_server):
    page = page_factory()
    page.goto(live_server.url + "/")
    sent = requests_to(page, "/v1/recommendations")
    read_my_words(page, BARISTA)
    (barista,) = chips(page, "job-list")
    postman = add_postman(page)
    assert postman["evidence"].startswith("added by you")
    assert page.inner_text("#jobs-title") == "Jobs you named (2)"
    page.click("#about-read")  # the words read again: the job added by hand stays
    wait_for_reading(page)
    assert [j["uri"] for j in chips(page, "job-list")] == [barista["uri"], postman["uri"]]

    look_up_title(page, "cafe manager")
    page.click("#learner-submit")
    wait_for_plan(page)
    assert sent[-1]["learner"]["jobs"] == [barista["uri"], postman["uri"]]
    assert "2 jobs of yours" in page.inner_text("#learner-summary-text")
    page.click("#plan-share")
    link = page.input_value("#plan-link")

    other = page_factory()  # another browser: the link alone
    sent_there = requests_to(other, "/v1/recommendations")
    other.goto(link)
    wait_for_plan(other)
    assert [j["label"] for j in chips(other, "job-list")] == ["barista", "postman/postwoman"]
    assert sent_there[-1]["learner"]["jobs"] == [barista["uri"], postman["uri"]]
    # removing a skill after the plan marks it out of date (it did not: the list re-rendered
    # before the form heard the click)
    other.click("#learner-change")
    assert other.locator("#stale-note").is_hidden()
    other.locator("#skill-list li.chip button").first.click()
    assert other.locator("#stale-note").is_visible()

    page.click("#learner-change")
    page.locator(f"#job-list li.chip[data-uri='{postman['uri']}'] button").click()
    assert [j["uri"] for j in chips(page, "job-list")] == [barista["uri"]]
    assert chips(page, "job-removed") == []  # added by hand: gone, not kept as removed
    button = page.locator("#job-results li", has_text="postman/postwoman").get_by_role("button")
    assert button.get_attribute("aria-pressed") == "false"  # can be added again
    assert page.locator("#stale-note").is_visible()  # the plan no longer fits the answers


def test_a_long_repeated_job_search_is_answered_in_words(page, live_server):
    page.goto(live_server.url + "/")
    results = search_jobs(page, "postman " * 600)  # 4,800 characters
    said = page.inner_text("#job-results") + page.inner_text("#about-error")
    assert said.strip(), "the search said nothing"
    assert results.count() <= 5
    assert chips(page, "job-list") == []  # nothing added by a search alone
