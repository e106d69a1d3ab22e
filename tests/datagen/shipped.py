"""Where the shipped catalog and ESCO files are, and the hour ranges per kind the issue sets
(written here, not imported from the generator, so the tests check the generator against them)."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ESCO = ROOT / "data" / "esco"
SHIPPED = ROOT / "data" / "catalog" / "credentials.jsonl.gz"
HOURS = {
    "badge": (4, 20),
    "course": (15, 60),
    "certificate": (60, 200),
    "certification": (20, 120),
    "nano_degree": (120, 400),
    "stackable_program": (120, 400),
}
