"""One BLAS thread for a block of many small matrix products (`single_threaded_blas`).

numpy's OpenBLAS splits a product over its threads from a few million multiply-adds on: for the
small products of extraction (a unit's n-grams against its candidate skills' labels: 20 x 384 x
500) the threads' start and join cost several times the work. Measured on 2 shared cores:
q (20 x 384) @ labels (500 x 384).T took 2.3 ms with 2 threads, 0.29 ms with one.

The thread count of a pthreads OpenBLAS (numpy's) is a process-wide setting, so concurrent
blocks share one counter: the first in sets one thread, the last out restores what was there.
OpenMP builds (faiss's) keep the setting per thread and are left alone. Without a pthreads
OpenBLAS (or without threadpoolctl) the block runs unchanged.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager

_lock = threading.Lock()
_state = {"inside": 0, "before": None}
_libs: list | None = None


def _openblas() -> list:
    global _libs
    if _libs is None:
        try:
            from threadpoolctl import ThreadpoolController

            _libs = [
                lib
                for lib in ThreadpoolController().lib_controllers
                if lib.internal_api == "openblas" and lib.threading_layer == "pthreads"
            ]
        except Exception:  # noqa: BLE001 - no controller: run as is
            _libs = []
    return _libs


@contextmanager
def single_threaded_blas():
    """The block's BLAS products on one thread (module docstring)."""
    libs = _openblas()
    if not libs:
        yield
        return
    with _lock:
        if _state["inside"] == 0:
            _state["before"] = [lib.get_num_threads() for lib in libs]
            for lib in libs:
                lib.set_num_threads(1)
        _state["inside"] += 1
    try:
        yield
    finally:
        with _lock:
            _state["inside"] -= 1
            if _state["inside"] == 0:
                for lib, n in zip(libs, _state["before"], strict=True):
                    lib.set_num_threads(n)
