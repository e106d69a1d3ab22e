"""The layering rules of DESIGN.md, checked in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize(
    ("modules", "forbidden"),
    [
        (
            "indexing.encoder, indexing.ann.factory, indexing.linker, indexing.label_index",
            ("fastapi", "sqlmodel", "torch", "sentence_transformers"),
        ),
        ("service.matching", ("fastapi", "sqlmodel", "torch")),
        (
            "models.records, models.tables, models.common, models.taxonomy, models.catalog, "
            "models.matching, models.roles, models.employer",
            ("fastapi", "torch"),
        ),
        ("service.api.app, service.cli.main", ("torch", "sentence_transformers")),
    ],
)
def test_imports_stay_light(modules, forbidden):
    code = (
        f"import sys; import {modules}; "
        f"print(','.join(m for m in {forbidden!r} if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{modules} imported {out.stdout.strip()}"
