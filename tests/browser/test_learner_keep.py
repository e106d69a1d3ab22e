"""Keeping a plan: saved in the browser (localStorage) and opened again, shared as a link that
makes the same plan in another browser, and printed (the print stylesheet shows the plan only).
A link someone tampered with opens the page as usual."""

from __future__ import annotations

import re

import pytest

from tests.browser.learner_page import ABOUT, chips, look_up_title, read_my_words, wait_for_plan

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def make_plan(page, live_server) -> list[dict]:
    page.goto(live_server.url + "/")
    read = read_my_words(page)
    page.locator(f"#skill-list li.chip[data-uri='{read[0]['uri']}'] button").click()  # removed
    look_up_title(page, "data analyst")
    page.fill("#max-hours", "60")
    page.click("#learner-submit")
    wait_for_plan(page)
    return chips(page)


def test_a_plan_shared_as_a_link_is_made_again_elsewhere(page_factory, live_server):
    page = page_factory()
    kept = make_plan(page, live_server)
    steps = page.locator("ol.plan > li h4").all_inner_texts()
    page.click("#plan-share")
    link = page.input_value("#plan-link")
    assert link.startswith(live_server.url + "/?plan=") and link.endswith("#learner")
    # the status follows the clipboard's answer (asynchronous): wait for it, then read it
    page.locator("#keep-status").filter(has_text=re.compile("Link copied|Copy the link")).wait_for()

    other = page_factory()  # another browser: nothing saved there
    other.goto(link)
    wait_for_plan(other)
    assert [c["uri"] for c in chips(other)] == [c["uri"] for c in kept]  # the removed one too
    assert other.input_value("#about-text") == ABOUT
    assert other.input_value("#max-hours") == "60"
    assert "Target role: data analyst" in other.inner_text("#learner-output")
    assert other.locator("ol.plan > li h4").all_inner_texts() == steps


def test_a_saved_plan_is_offered_on_the_next_visit(page_factory, live_server):
    page = page_factory()
    make_plan(page, live_server)
    page.click("#plan-save")
    assert page.inner_text("#keep-status").startswith("Saved in this browser")
    again = page.context.new_page()  # the same browser: its localStorage
    again.goto(live_server.url + "/")
    note = again.locator("#saved-note")
    note.wait_for()
    assert "You saved a plan for data analyst" in note.inner_text()
    again.click("#saved-open")
    wait_for_plan(again)
    assert "Target role: data analyst" in again.inner_text("#learner-output")
    third = page.context.new_page()
    third.goto(live_server.url + "/")
    third.locator("#saved-note").wait_for()  # offered until forgotten
    third.click("#saved-forget")
    assert third.locator("#saved-note").is_hidden()
    fourth = page.context.new_page()
    fourth.goto(live_server.url + "/")
    fourth.locator("#about-text").wait_for()
    assert fourth.locator("#saved-note").is_hidden()


def test_printing_shows_the_plan_only(page, live_server):
    make_plan(page, live_server)
    page.emulate_media(media="print")
    shown = page.evaluate(
        """() => Object.fromEntries(['#learner-form', '.site-header', '.site-footer',
            '#learner-summary', '.keep-bar', '.compare', '#learner-results', '.plan-section']
            .map(s => [s, getComputedStyle(document.querySelector(s)).display !== 'none']))"""
    )
    assert shown == {
        "#learner-form": False,
        ".site-header": False,
        ".site-footer": False,
        "#learner-summary": False,
        ".keep-bar": False,
        ".compare": False,
        "#learner-results": True,
        ".plan-section": True,
    }


@pytest.mark.parametrize(
    "query",
    [
        "?plan=not-base64-json!!",
        "?plan=eyJ2IjogOTl9",  # {"v": 99}: a version this page does not know
        "?plan=" + "A" * 5000,
    ],
)
def test_a_tampered_link_opens_the_page_as_usual(page, live_server, query):
    page.goto(live_server.url + "/" + query + "#learner")
    page.locator("#about-text").wait_for()
    assert page.input_value("#about-text") == ""
    assert page.locator("#learner-results").is_hidden()
    assert page.locator("#learner-form").is_visible()
