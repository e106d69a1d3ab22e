"""Observer hook on an encoder: every encode call reports (kind, texts, seconds) to observers.

The indexes, the linker and ingest all hold the runtime's one encoder object, so instead of
wrapping it (and finding every holder) the hook replaces that object's two encode methods with
timed ones that call the originals. The hook is installed once per encoder; later calls only add
observers. Bound-method observers are held weakly, so an app that is gone stops being called.
Nothing here knows about metrics libraries: `service/api/observability.py` feeds Prometheus.
"""

from __future__ import annotations

import functools
import inspect
import logging
import threading
import time
import weakref
from collections.abc import Callable

from indexing.encoder import Encoder

log = logging.getLogger("skillmatch")

# kind ("queries" or "documents"), number of texts, seconds the call took
EncodeObserver = Callable[[str, int, float], None]

_OBSERVERS_ATTR = "_skillmatch_encode_observers"
_LOCK = threading.Lock()


def _ref(observer: EncodeObserver) -> Callable[[], EncodeObserver | None]:
    if inspect.ismethod(observer):
        return weakref.WeakMethod(observer)
    return lambda: observer


def _timed(fn: Callable, kind: str, observers: list) -> Callable:
    @functools.wraps(fn)
    def timed(texts, *args, **kwargs):
        if not hasattr(texts, "__len__"):
            texts = list(texts)
        t0 = time.perf_counter()
        out = fn(texts, *args, **kwargs)
        seconds = time.perf_counter() - t0
        for ref in list(observers):
            observer = ref()
            if observer is None:
                continue
            try:
                observer(kind, len(texts), seconds)
            except Exception:  # an observer must never break encoding
                log.debug("encoder observer failed", exc_info=True)
        return out

    return timed


def observe_encoder(encoder: Encoder, observer: EncodeObserver) -> bool:
    """Call `observer(kind, n_texts, seconds)` after each `encode_queries`/`encode_documents`.

    Idempotent: an observer already registered is not added twice. Returns False when the
    encoder's methods cannot be replaced (an object without instance attributes).
    """
    with _LOCK:
        observers = getattr(encoder, "__dict__", {}).get(_OBSERVERS_ATTR)
        if observers is None:
            observers = []
            try:
                for kind in ("queries", "documents"):
                    name = f"encode_{kind}"
                    setattr(encoder, name, _timed(getattr(encoder, name), kind, observers))
                setattr(encoder, _OBSERVERS_ATTR, observers)
            except (AttributeError, TypeError):
                log.warning("cannot time %s calls; no encoder metrics", type(encoder).__name__)
                return False
        observers[:] = [r for r in observers if r() is not None]  # drop observers that are gone
        if not any(r() == observer for r in observers):
            observers.append(_ref(observer))
    return True
