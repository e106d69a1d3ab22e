"""Offline Open Badges verification: pure functions over a badge and caller-supplied material.

No network, no database: keys, revocation lists and JSON-LD contexts come from the caller.
Entry point: `verify_badge`; see its docstring for the accepted inputs.
"""

from service.verify.canonical import ContextStore
from service.verify.result import VerificationResult
from service.verify.verify import verify_badge

__all__ = ["ContextStore", "VerificationResult", "verify_badge"]
