"""Issue 19, item 11: `make run` installs what serving needs only; `make test` needs no root and
no apt (it finds a chromium, or says the browser tests will be skipped)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.support import find_chromium

ROOT = Path(__file__).resolve().parents[2]
needs_make = pytest.mark.skipif(shutil.which("make") is None, reason="no make here")


def _dry_run(target: str, env: dict[str, str] | None = None) -> str:
    """The commands `make` would run for `target`, every prerequisite considered out of date."""
    r = subprocess.run(
        ["make", "-n", "-B", target],
        cwd=ROOT,
        env=env or os.environ,
        capture_output=True,
        text=True,
        check=True,
    )
    return r.stdout


@needs_make
def test_make_run_installs_the_package_without_the_dev_tools():
    out = _dry_run("run")
    installs = [line for line in out.splitlines() if "pip install" in line and " -e " in line]
    assert installs and all("[dev" not in line for line in installs), out
    assert "serve" in out


@needs_make
def test_make_test_installs_the_dev_tools():
    assert "-e '.[dev]'" in _dry_run("test")


@needs_make
def test_make_chromium_without_one_or_root_warns_and_succeeds(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("cksum", "cut"):  # what the Makefile itself runs; no chromium, no apt-get, no id
        (bin_dir / tool).symlink_to(shutil.which(tool))
    env = {"PATH": str(bin_dir), "HOME": str(tmp_path)}
    r = subprocess.run(
        [shutil.which("make"), "chromium"], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert r.returncode == 0, r.stderr
    assert "browser tests will be skipped" in r.stderr and "SKILLMATCH_CHROMIUM" in r.stderr


def test_find_chromium_prefers_the_setting_then_path(tmp_path):
    fake = tmp_path / "chromium-browser"
    fake.write_text("#!/bin/sh\n")
    fake.chmod(0o755)
    assert find_chromium({"SKILLMATCH_CHROMIUM": "/opt/c/chrome", "PATH": str(tmp_path)}) == Path(
        "/opt/c/chrome"
    )
    assert find_chromium({"PATH": str(tmp_path)}) == fake
    empty = tmp_path / "empty"
    empty.mkdir()
    found = find_chromium({"PATH": str(empty)})
    assert found is None or found == Path("/usr/bin/chromium")  # Debian's, when installed
