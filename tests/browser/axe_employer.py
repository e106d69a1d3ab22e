"""axe-core (npm) in the browser tests of the employer page: the serious and critical
violations on the page as it is now. Small on purpose: a shared helper for both pages is being
written alongside (the learner page's); this one is to be merged into it.

axe.min.js is found at SKILLMATCH_AXE, or var/axe/node_modules/axe-core/axe.min.js, where it is
installed with npm (`npm install --prefix var/axe axe-core@4.10.3`) the first time; without npm
or the registry the check is skipped, with the reason."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
AXE_VERSION = "4.10.3"
PREFIX = REPO_ROOT / "var" / "axe"


def axe_source() -> str:
    given = os.environ.get("SKILLMATCH_AXE")
    path = Path(given) if given else PREFIX / "node_modules" / "axe-core" / "axe.min.js"
    if not path.exists() and not given and shutil.which("npm"):
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(PREFIX),
             f"axe-core@{AXE_VERSION}"],
            check=False, capture_output=True, timeout=300,
        )  # fmt: skip
    if not path.exists():
        pytest.skip(f"axe-core is not available at {path} (npm install axe-core)")
    return path.read_text(encoding="utf-8")


def serious_violations(page) -> list[str]:
    """'rule: help (n nodes: first target)' for each serious or critical axe violation."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # evaluated through the devtools protocol: the page's CSP (default-src 'self') forbids
        # an inline script tag, and rightly so
        page.evaluate(axe_source() + "\n;true")
    result = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    )
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes: {v['nodes'][0]['target']})"
        for v in result
        if v.get("impact") in ("serious", "critical")
    ]
