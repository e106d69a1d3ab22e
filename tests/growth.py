"""Hostile-input timing by growth, not by the wall clock: a reading that is linear in its input
takes about `factor` times as long on an input `factor` times longer, a quadratic one
`factor` squared. A ratio measured in one run holds on a loaded machine, where a fixed bound in
seconds fails (or, set loose enough not to, misses a quadratic reading on a small input)."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable


def seconds(fn: Callable[[], object], repeat: int = 5) -> float:
    """The fastest of `repeat` runs of fn(), the garbage collector off while each runs (a
    collection in one run and not in another is noise, not growth)."""
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            t0 = time.perf_counter()
            fn()
            best = min(best, time.perf_counter() - t0)
        finally:
            gc.enable()
    return best


def assert_linear(
    read: Callable[[str], object],
    make: Callable[[int], str],
    n: int = 5_000,
    factor: int = 4,
    slack: float = 2.0,
) -> None:
    """read(make(n * factor)) takes at most factor x slack times read(make(n)), plus 20 ms of
    noise: a linear reading passes, a quadratic one (factor squared) fails."""
    small_text, large_text = make(n), make(n * factor)
    read(small_text)  # warm up (regex compilation, caches)
    small = seconds(lambda: read(small_text))
    large = seconds(lambda: read(large_text))
    assert large < factor * slack * small + 0.02, (small, large)
