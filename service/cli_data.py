"""CLI commands for records: ingest and bench (issue 3)."""

from __future__ import annotations


def add_data_commands(sub) -> None:
    return None
