"""The learner page checked with axe-core (tests/browser/axe.py) at desktop 1280x900 and phone
390x844, at the start and with a plan open: no serious or critical violation. And what axe
does not check: a neutral focus ring, every scroll region reachable from the keyboard."""

from __future__ import annotations

import pytest

from tests.browser.axe import assert_no_serious_violations, axe_missing, axe_violations
from tests.browser.learner_page import look_up_title, read_my_words, tab_to, wait_for_plan

pytestmark = [pytest.mark.browser, pytest.mark.slow]

VIEWPORTS = [(1280, 900), (390, 844)]


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
def test_axe_finds_nothing_serious_on_the_learner_page(page_factory, live_server, width, height):
    page = page_factory(width, height)
    page.goto(live_server.url + "/")
    where = f"the learner page at {width}x{height}"
    assert_no_serious_violations(page, f"{where}, at the start")
    read_my_words(page)
    look_up_title(page, "data analyst")
    page.fill("#max-hours", "-1")  # an error beside its control
    page.click("#learner-submit")
    page.locator("#limits-error h3").wait_for()
    assert_no_serious_violations(page, f"{where}, with an error")
    page.fill("#max-hours", "80")
    page.click("#learner-submit")
    wait_for_plan(page)
    for summary in page.locator("#learner-output details summary").all():
        summary.click()  # every folded part open
    page.fill("#compare-q", "statistician")
    page.click("#compare-go")
    page.locator("#compare-table").wait_for()
    assert_no_serious_violations(page, f"{where}, with a plan and a comparison")


def test_the_axe_helper_reports_what_it_finds(page, live_server):
    """The check can fail: an image without a text alternative and a button without a name."""
    if axe_missing():
        pytest.skip(axe_missing())
    page.goto(live_server.url + "/")
    page.evaluate(
        """() => { const img = document.createElement('img'); img.src = '/static/favicon.svg';
                   const b = document.createElement('button');
                   document.querySelector('#learner-form').append(img, b); }"""
    )
    found = {v["id"]: v for v in axe_violations(page)}
    assert {"image-alt", "button-name"} <= set(found), found
    assert found["image-alt"]["impact"] == "critical"


def test_the_focus_ring_is_neutral_not_the_error_colour(page, live_server):
    page.goto(live_server.url + "/")
    tab_to(page, "#about-text")
    ring = page.evaluate(
        """() => { const s = getComputedStyle(document.activeElement);
                   return [s.outlineStyle, s.outlineColor]; }"""
    )
    error = page.evaluate(
        "() => getComputedStyle(document.documentElement).getPropertyValue('--bad-text').trim()"
    )
    assert ring[0] == "solid"
    assert ring[1] == "rgb(31, 35, 40)" and error == "#a40e26"  # the text colour, not the red


def test_every_scroll_region_can_be_reached_from_the_keyboard(page_factory, live_server):
    page = page_factory(390, 844)
    page.goto(live_server.url + "/")
    read_my_words(page)
    look_up_title(page, "data analyst")
    page.click("#learner-submit")
    wait_for_plan(page)
    for summary in page.locator("#learner-output details summary").all():
        summary.click()
    unreachable = page.evaluate(
        """() => [...document.querySelectorAll('body *')].filter(el => {
              const s = getComputedStyle(el), can = v => ['auto', 'scroll'].includes(v);
              const scrolls = can(s.overflowX) && el.scrollWidth > el.clientWidth
                           || can(s.overflowY) && el.scrollHeight > el.clientHeight;
              const inner = el.querySelector('a, button, input, [tabindex]');
              return scrolls && el.tabIndex < 0 && !inner;
            }).map(el => el.id || el.className)"""
    )
    assert unreachable == []
    regions = page.locator(".table-wrap[tabindex='0'][role=region]")
    assert regions.count() >= 1 and all(r.get_attribute("aria-label") for r in regions.all())
