"""Runtime.once: what a runtime builds on first use (the roles matrix, the skill graph) is built
once, even when request threads race for it."""

from __future__ import annotations

import threading
import time


def test_once_builds_one_value_for_racing_threads(runtime):
    calls = []

    def build():
        calls.append(1)
        time.sleep(0.05)  # long enough for every thread to arrive while it builds
        return object()

    key = "test-once-race"
    runtime.extras.pop(key, None)
    got = []
    threads = [
        threading.Thread(target=lambda: got.append(runtime.once(key, build))) for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert len(got) == 8 and all(g is got[0] for g in got)
    assert runtime.once(key, build) is got[0] and len(calls) == 1
    runtime.extras.pop(key, None)
