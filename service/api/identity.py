"""Whose rate-limit bucket a request draws on: a valid API key's, else its client address's.

A presented key gets a bucket of its own only once it is known to be valid: an invented key
(on a route that never checks keys, say) draws on the address's bucket, so inventing keys buys
nothing. Keys are validated against the database through `service.employer.tenants.authenticate` and
remembered for `ttl_s` seconds, valid and invalid ones in separate bounded caches (so a flood
of invented keys cannot push the valid ones out). A key not remembered yet is looked up at the
cost of a token of the address's lookup bucket (RateLimitMiddleware in service/api/limits.py):
a client cannot make the service query the database more often than the rate limit, and an
address whose lookup bucket is empty gets 429 without any lookup. An invented key's request
is then charged to the address's bucket too.

A key revoked meanwhile keeps its own bucket until its entry expires (authentication itself
asks the database on every request, so it is refused at once).

The address is the connecting peer's (`scope["client"]`); the server replaces it with the one
in X-Forwarded-For only for the proxies in the `forwarded_allow_ips` setting (service/cli/main.py).
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

import anyio
from sqlmodel import Session
from starlette.types import Scope

from service.employer.tenants import authenticate

log = logging.getLogger("skillmatch")

# a key's validity, True or False; None when it cannot be told now (the service is loading)
KeyLookup = Callable[[str], bool | None]


def key_digest(key: str) -> str:
    """How a key is named in buckets and caches: never the key itself."""
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def client_address(scope: Scope) -> str:
    client = scope.get("client")
    return client[0] if client else "unknown"


class KnownKeys:
    """Presented keys known valid or invalid lately, by digest, each for `ttl_s` seconds."""

    def __init__(
        self,
        lookup: KeyLookup,
        *,
        ttl_s: float = 60.0,
        max_entries: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._lookup = lookup
        self.ttl_s = ttl_s
        self.max_entries = max_entries
        self._clock = clock
        self._known: dict[bool, OrderedDict[str, float]] = {
            True: OrderedDict(),
            False: OrderedDict(),
        }
        self._lock = threading.Lock()
        self._threads = anyio.CapacityLimiter(8)  # lookups run here, not on the event loop
        self.lookups = 0  # database lookups made (for tests and curiosity)

    def cached(self, digest: str) -> bool | None:
        """True or False if the key was looked up in the last ttl_s seconds, else None."""
        now = self._clock()
        with self._lock:
            for valid, entries in self._known.items():
                expires = entries.get(digest)
                if expires is None:
                    continue
                if expires > now:
                    return valid
                del entries[digest]
        return None

    def remember(self, digest: str, valid: bool) -> None:
        with self._lock:
            entries = self._known[valid]
            self._known[not valid].pop(digest, None)
            entries[digest] = self._clock() + self.ttl_s
            entries.move_to_end(digest)
            while len(entries) > self.max_entries:
                entries.popitem(last=False)

    def look_up(self, key: str) -> bool | None:
        """Ask the database (blocking), and remember the answer."""
        with self._lock:
            self.lookups += 1
        try:
            valid = self._lookup(key)
        except Exception as exc:  # a database trouble: the key counts as unknown this time
            log.warning("API key lookup for the rate limit failed: %s", exc)
            return None
        if valid is not None:
            self.remember(key_digest(key), valid)
        return valid

    async def look_up_async(self, key: str) -> bool | None:
        return await anyio.to_thread.run_sync(self.look_up, key, limiter=self._threads)


def database_lookup(app) -> KeyLookup:
    """Validity of a key in the database of `app`'s runtime (None while it is loading)."""

    def lookup(key: str) -> bool | None:
        runtime = getattr(app.state, "runtime", None)
        if runtime is None:
            return None
        with Session(runtime.engine) as session:
            return authenticate(session, key) is not None

    return lookup
