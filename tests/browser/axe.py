"""axe-core in the browser tests: inject it into a page and list the violations of WCAG 2.x A
and AA rules (and axe's best practices) at the impacts that block people.

axe-core comes from npm (`make axe`, part of `make test`: node_modules/axe-core, gitignored);
SKILLMATCH_AXE_JS names another copy of axe.min.js. Without it the checks skip, with the reason.

    from tests.browser.axe import assert_no_serious_violations
    assert_no_serious_violations(page, "learner page, start, 390x844")
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_JS = Path(
    os.environ.get("SKILLMATCH_AXE_JS") or REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
)
BLOCKING = ("serious", "critical")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_missing() -> str | None:
    """Why axe-core cannot run here, or None."""
    if AXE_JS.exists():
        return None
    return f"axe-core is not installed ({AXE_JS} is missing): run `make axe` (needs npm)"


def axe_violations(page, *, impacts: tuple[str, ...] = BLOCKING) -> list[dict]:
    """The violations on the page as it is now, at these impacts: [{id, impact, help, nodes:
    [the first targets]}]. axe is evaluated in the page through the DevTools protocol, which
    the page's Content-Security-Policy does not block (a <script> tag would be)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE_JS.read_text(encoding="utf-8"))
    result = page.evaluate(
        """tags => window.axe.run(document, {runOnly: {type: 'tag', values: tags},
                                           resultTypes: ['violations']})""",
        TAGS,
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [" ".join(map(str, n["target"])) for n in v["nodes"][:5]],
        }
        for v in result["violations"]
        if v["impact"] in impacts
    ]


def assert_no_serious_violations(page, where: str) -> None:
    """Skip (with the reason) without axe-core; else fail listing each serious or critical
    violation and where it is."""
    reason = axe_missing()
    if reason:
        pytest.skip(reason)
    found = axe_violations(page)
    lines = [f"{v['impact']} {v['id']}: {v['help']} at {v['nodes']}" for v in found]
    assert not found, f"axe-core on {where}:\n" + "\n".join(lines)
