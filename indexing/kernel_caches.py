"""Bounds on oneDNN's per-shape kernel caches, set before torch is imported (docs/quality.md,
"A cheaper encoder for short spans": "Memory under load").

The bfloat16 short-span encoder (`indexing.short_encoder`) runs its Linear layers through
oneDNN (via ideep). Both keep every kernel they build, keyed by the exact input shape, up to
1,024 each: ideep's cache (`LRU_CACHE_CAPACITY`) and oneDNN's primitive cache
(`ONEDNN_PRIMITIVE_CACHE_CAPACITY`). Extraction's short spans come in batches of every size
and padded length, so a serving worker builds new kernels for most requests and keeps them:
in the mixed load test workers grew 11-13% with bfloat16 short spans against 3% with float32.
With both caches at 16 the growth was that of float32 (only both together: either alone did not
help), at the same speed (short spans are batched per request, so a kernel is reused within a
call). The float32 path does not go through these caches.

Both are read from the environment when torch is loaded, so `bound_kernel_caches` only sets
them (where not set already: an operator's values win) while torch is not yet imported; it is
called where the model is first loaded and where a serving process first imports torch.
"""

from __future__ import annotations

import os
import sys

ENV = ("LRU_CACHE_CAPACITY", "ONEDNN_PRIMITIVE_CACHE_CAPACITY")
DEFAULT_CAPACITY = 16


def bound_kernel_caches(capacity: int = DEFAULT_CAPACITY) -> bool:
    """Set both caches' capacity to `capacity` (where the environment does not set it) if torch
    is not imported yet; returns whether it was in time to take effect."""
    if "torch" in sys.modules:
        return False
    for name in ENV:
        os.environ.setdefault(name, str(capacity))
    return True
