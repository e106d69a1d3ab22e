"""Torch's intra-op threads per serving process (`SKILLMATCH_TORCH_THREADS`).

torch starts one intra-op thread per core in every process. `serve --workers N` runs N processes
on the same cores, so N x cores threads contend for them, and torch's threads wait for each
other by spinning: on 2 shared cores one encode of a posting's sentences took 2.82 s with 2
threads and 1.07 s with 1 (docs/operations.md, "Load"). So `serve --workers N` gives each
worker the cores divided by N (at least 1) unless the setting names a count; one process keeps
torch's default unless it does. In the mixed load test (8 clients, 2 workers, 2 cores) one and
two threads per worker gave the same 33.6 req/s: it matters when other work shares the cores.
"""

from __future__ import annotations

import logging
import os

from indexing.kernel_caches import bound_kernel_caches

log = logging.getLogger("skillmatch")
ENV = "SKILLMATCH_TORCH_THREADS"


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity where the OS says, else all)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def worker_threads(configured: int, workers: int, cores: int | None = None) -> int:
    """Threads for each of `workers` processes: `configured` when set (> 0), else the cores
    divided among the workers, at least one."""
    if configured > 0:
        return configured
    return max(1, (cores or available_cores()) // max(1, workers))


def apply_torch_threads(n: int) -> bool:
    """Set torch's intra-op threads to `n` in this process (0: leave torch's default). Returns
    whether it set them (torch imports here, in a serving process about to load the model)."""
    if n <= 0:
        return False
    bound_kernel_caches()  # before torch loads (indexing.kernel_caches)
    import torch

    torch.set_num_threads(n)
    log.info("torch intra-op threads: %d", n)
    return True
