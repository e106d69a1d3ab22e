"""Torch's threads per serving process (service/threads.py): `serve --workers N` shares the
cores among the workers through the environment it hands them; a count set wins."""

from __future__ import annotations

import argparse
import os

import pytest

from service.cli import main as cli
from service.config import Settings
from service.threads import ENV, apply_torch_threads, worker_threads


@pytest.mark.parametrize(
    ("configured", "workers", "cores", "want"),
    [(0, 1, 2, 2), (0, 2, 2, 1), (0, 4, 2, 1), (0, 2, 16, 8), (3, 2, 2, 3), (0, 0, 2, 2)],
)
def test_the_cores_are_shared_among_the_workers(configured, workers, cores, want):
    assert worker_threads(configured, workers, cores) == want


def test_a_count_is_applied_and_zero_leaves_torch_alone():
    torch = pytest.importorskip("torch")
    before = torch.get_num_threads()
    try:
        assert apply_torch_threads(0) is False and torch.get_num_threads() == before
        assert apply_torch_threads(1) is True and torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)


def test_serve_with_workers_hands_them_the_count_and_puts_the_environment_back(monkeypatch):
    seen = {}

    def run(*args, **kwargs):  # instead of starting the workers: what they would read
        seen["threads"] = os.environ.get(ENV)
        seen["workers"] = kwargs.get("workers")
        seen["settings"] = Settings()

    import uvicorn

    monkeypatch.setattr(uvicorn, "run", run)
    monkeypatch.delenv(ENV, raising=False)
    monkeypatch.setattr("service.threads.available_cores", lambda: 2)
    args = argparse.Namespace(workers=2, init=False, host="127.0.0.1", port=0)
    assert cli.cmd_serve(args, Settings()) == 0
    assert seen["workers"] == 2 and seen["threads"] == "1"
    assert seen["settings"].torch_threads == 1  # what each worker's Settings() reads
    assert ENV not in os.environ
    assert cli.cmd_serve(args, Settings(torch_threads=3)) == 0
    assert seen["threads"] == "3"
