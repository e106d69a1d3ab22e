"""The employer's flow in a real browser: an API key kept in session storage, the tenant's
private opening, candidates ranked with coverage, matched skills with each badge's verification
(verified / not verified / failed with its reason), missing essentials and the plan; adding a
candidate; and a bad or read-only key shown in plain words."""

from __future__ import annotations

import json
import re

import httpx
import pytest

from tests.browser.support import ob2_hosted

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def use_key(page, key: str) -> None:
    page.fill("#api-key", key)
    page.click("#key-use")


def rank_my_opening(page, employer) -> None:
    use_key(page, employer.key)
    page.get_by_text(f"Key in use for {employer.tenant}").wait_for()
    page.click("#load-mine")
    opening = page.locator("#openings li", has_text=employer.opening_title)
    opening.wait_for()
    assert opening.locator(".tag").inner_text() == "private"
    opening.get_by_role("button", name=f"Rank candidates for {employer.opening_title}").click()
    page.locator("#ranking:not([hidden]) #ranking-table").wait_for()


def test_employer_flow(page, live_server, employer, screenshot):
    page.goto(live_server.url + "/#employer")
    assert page.locator("h1:visible").inner_text() == "Match candidates to your openings"
    assert page.get_attribute("a[href='#employer']", "aria-current") == "page"
    rank_my_opening(page, employer)
    # the key stays in this tab's session storage, never in local storage
    stored = page.evaluate(
        "() => [sessionStorage.getItem('skillmatch.apiKey'), localStorage.length]"
    )
    assert stored == [employer.key, 0]

    rows = page.locator("#ranking-table tbody tr")
    names = [rows.nth(i).locator("td").nth(1).inner_text() for i in range(rows.count())]
    assert {"Ana Costa", "Ben Osei", "Chloé Martin"} <= set(names)
    assert names[0] == "Ana Costa"  # five essentials from a verified badge
    cells = [rows.nth(i).locator("td").nth(2).inner_text() for i in range(3)]
    weighted = [float(re.search(r"([\d.]+)% weighted", c).group(1)) for c in cells]
    assert weighted == sorted(weighted, reverse=True)  # the ranking's order

    def card(name: str):
        return page.locator("article.candidate", has=page.get_by_role("heading", name=name))

    ana = card("Ana Costa")
    assert ana.locator("ul.badges .tag").inner_text() == "verified"
    matched = ana.locator("ul.matched").inner_text()
    assert "Data analysis with SQL" in matched and "verified" in matched
    assert ana.locator("ul.missing li").count() >= 1
    assert ana.locator(".cand-plan").count() == 1

    ben = card("Ben Osei")
    assert ben.locator("ul.badges .tag").inner_text() == "not verified"

    chloe = card("Chloé Martin")
    badge = chloe.locator("ul.badges li")
    assert badge.locator(".tag").inner_text() == "failed"
    assert "Reason: bad_signature" in badge.inner_text()
    assert "Applied statistics" not in chloe.locator("ul.matched").inner_text()  # no evidence
    assert page.evaluate("document.activeElement.id") == "ranking-title"
    screenshot(page, "employer-ranking")


def test_add_a_candidate(page, live_server, employer, screenshot, tmp_path):
    page.goto(live_server.url + "/#employer")
    rank_my_opening(page, employer)
    before = page.locator("#ranking-table tbody tr").count()
    badge = tmp_path / "dashboards.json"
    badge.write_text(
        json.dumps(ob2_hosted("Dashboards", employer.essential[:3], "dana@example.org"))
    )
    page.fill("#cand-name", "Dana Kim")
    page.fill("#cand-ids", "dana@example.org")
    page.fill("#cand-skills", "\n".join(s["uri"] for s in employer.essential[7:9]))
    page.set_input_files("#cand-badges", str(badge))
    page.click("#cand-submit")
    result = page.locator("#cand-result")
    result.get_by_text("Dana Kim was added").wait_for()
    assert "not verified" in result.inner_text()
    page.locator("#ranking-table tbody tr").nth(before).wait_for()  # ranked again
    assert "Dana Kim" in page.inner_text("#ranking-table")
    screenshot(page, "employer-add-candidate")
    cid = int(result.inner_text().split("(id ")[1].split(")")[0])
    r = httpx.delete(
        f"{live_server.url}/v1/candidates/{cid}",
        headers={"Authorization": f"Bearer {employer.key}"},
    )
    assert r.status_code == 204


def test_invalid_key_is_shown_in_plain_words(page, live_server, screenshot):
    page.goto(live_server.url + "/#employer")
    use_key(page, "sm_this-key-does-not-exist")
    error = page.locator("#key-error")  # beside the key
    error.locator("h3").wait_for()
    text = error.inner_text()
    assert "Your API key was not accepted." in text
    assert "The API key is unknown or revoked" in text
    assert "Field: API key" in text
    assert page.get_attribute("#api-key", "aria-invalid") == "true"
    assert page.inner_text("#key-state") == "No key in use."
    assert page.evaluate("sessionStorage.getItem('skillmatch.apiKey')") is None
    screenshot(page, "employer-invalid-key")


def test_read_only_key_cannot_add_a_candidate(page, live_server, employer, screenshot):
    page.goto(live_server.url + "/#employer")
    use_key(page, employer.read_only_key)
    page.get_by_text("scopes: read").wait_for()
    page.fill("#cand-name", "Eve")
    page.fill("#cand-skills", employer.essential[0]["uri"])
    page.click("#cand-submit")
    error = page.locator("#cand-error")  # beside the form
    error.locator("h3").wait_for()
    assert "Your API key is not allowed to do this." in error.inner_text()
    assert "lacks the 'write' scope" in error.inner_text()
    screenshot(page, "employer-read-only-key")


def test_public_postings_and_narrow_screen(page_factory, live_server, employer, screenshot):
    page = page_factory(375, 800)
    page.goto(live_server.url + "/#employer")
    page.fill("#posting-q", "software developer")
    page.press("#posting-q", "Enter")
    page.locator("#openings li").first.wait_for()
    assert page.locator("#openings li .tag", has_text="public").count() >= 1
    rank_my_opening(page, employer)
    for summary in page.locator("#ranking details summary").all():
        summary.click()
    sizes = page.evaluate(
        "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert sizes[0] <= sizes[1], f"page is {sizes[0]} px wide in a {sizes[1]} px window"
    screenshot(page, "employer-narrow")
