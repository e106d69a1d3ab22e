"""A request's deadline: the work of a heavy request stops once its client has had a 503.

The timeout middleware (service/api/limits.py) gives each request a `Deadline` (in the ASGI
scope, under DEADLINE_SCOPE_KEY) and cancels it when it answers 503. The work calls
`deadline.check` between units (a batch of the linker's queries, a sentence, a planner step);
after the cancellation the next check raises `TimedOut`, so the worker thread is free again a
fraction of a second after the 503, instead of finishing an answer nobody will read.

The core (indexing/, service/matching/) sees only the plain callable `check`; this module has no
web framework in it.
"""

from __future__ import annotations

import math
import threading
import time

from service.errors import DomainError

DEADLINE_SCOPE_KEY = "skillmatch.deadline"


class TimedOut(DomainError):
    """The request ran out of time: its client has had a 503 already."""

    status_code = 503


class Deadline:
    """When a request's work must stop: once `cancel()` was called (by whoever answered the
    client). `seconds` (None: no limit) is the time allowed; `remaining()` says what is left of
    it, for work that is given a time limit rather than checking (a MILP solver)."""

    def __init__(self, seconds: float | None = None) -> None:
        self.expires_at = None if seconds is None else time.monotonic() + seconds
        self._cancelled = threading.Event()
        self.stopped = False  # a check raised: the work stopped early

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    def remaining(self) -> float:
        """Seconds left (0 once cancelled; infinity without a limit)."""
        if self.cancelled:
            return 0.0
        if self.expires_at is None:
            return math.inf
        return max(0.0, self.expires_at - time.monotonic())

    def check(self) -> None:
        """Raise TimedOut once the deadline is cancelled; otherwise nothing (microseconds)."""
        if self._cancelled.is_set():
            self.stopped = True
            raise TimedOut("the request ran out of time; its work was stopped")
