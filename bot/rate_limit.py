"""How many messages one sender, and one address, may send in a while.

A sliding window per key: at most `limit` messages in any `seconds`. Plain
Python with an injectable clock, so the tests need no waiting. The number of
keys kept is bounded: a flood of made-up sender ids cannot fill the memory.

Settings (environment of the Rasa process, read once at start):
    RATE_LIMIT=off                 no limits (the benchmark and load tools set it)
    RATE_LIMIT_SENDER=20/60        messages per seconds, per conversation
    RATE_LIMIT_ADDRESS=120/60      per client address (behind a proxy: its X-Real-IP)
"""
import math
import os
import time
from collections import OrderedDict, deque
from dataclasses import dataclass
from typing import Callable, Deque, Mapping, Optional

DEFAULT_SENDER = "20/60"
DEFAULT_ADDRESS = "120/60"
MAX_KEYS = 50_000


@dataclass(frozen=True)
class Rate:
    limit: int
    seconds: float

    @classmethod
    def parse(cls, text: str) -> "Rate":
        """'20/60' -> 20 messages per 60 seconds; ValueError naming the setting's shape."""
        try:
            limit, seconds = text.split("/")
            rate = cls(int(limit), float(seconds))
        except ValueError:
            raise ValueError(f"a rate is MESSAGES/SECONDS, e.g. 20/60, not {text!r}") from None
        if rate.limit < 1 or rate.seconds <= 0:
            raise ValueError(f"a rate needs at least 1 message in more than 0 seconds, not {text!r}")
        return rate


class SlidingWindow:
    """At most rate.limit hits per key in any rate.seconds."""

    def __init__(self, rate: Rate, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = MAX_KEYS) -> None:
        self.rate = rate
        self._clock = clock
        self._max_keys = max_keys
        self._hits: "OrderedDict[str, Deque[float]]" = OrderedDict()

    def wait_seconds(self, key: str) -> float:
        """0 when `key` may go on (the hit is counted), else whole seconds until it may."""
        now = self._clock()
        hits = self._hits.pop(key, None) or deque()
        while hits and hits[0] <= now - self.rate.seconds:
            hits.popleft()
        self._hits[key] = hits  # most recently used last
        if len(hits) >= self.rate.limit:
            return max(1.0, math.ceil(hits[0] + self.rate.seconds - now))
        hits.append(now)
        while len(self._hits) > self._max_keys:
            self._hits.popitem(last=False)
        return 0.0


class RateLimiter:
    """The per-sender and per-address windows together; None windows are off."""

    def __init__(self, per_sender: Optional[SlidingWindow], per_address: Optional[SlidingWindow]) -> None:
        self.per_sender = per_sender
        self.per_address = per_address

    def wait_seconds(self, sender: str, address: Optional[str]) -> float:
        """0 when the message may go on, else seconds to wait. A limited message is not counted twice."""
        if self.per_address is not None and address is not None:
            wait = self.per_address.wait_seconds(address)
            if wait:
                return wait
        if self.per_sender is not None:
            return self.per_sender.wait_seconds(sender)
        return 0.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> "RateLimiter":
        if env.get("RATE_LIMIT", "on").strip().lower() in ("off", "0", "false", "no"):
            return cls(None, None)
        return cls(SlidingWindow(Rate.parse(env.get("RATE_LIMIT_SENDER", DEFAULT_SENDER))),
                   SlidingWindow(Rate.parse(env.get("RATE_LIMIT_ADDRESS", DEFAULT_ADDRESS))))


LOOPBACK = ("127.", "::1", "::ffff:127.")


def client_address(peer: str, headers: Mapping[str, str]) -> Optional[str]:
    """The address to limit, or None for a local tool.

    Only a proxy on this machine (nginx in production mode) is trusted to say
    who its client is (X-Real-IP). A request from loopback without that header
    comes from this machine itself: the terminal chat, the evaluation, the
    tests. The public never reaches the server directly on loopback.
    """
    if peer.startswith(LOOPBACK):
        forwarded = (headers.get("x-real-ip") or "").strip()
        return forwarded or None
    return peer or None
