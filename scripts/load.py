"""A bounded load on the assistant's REST channel, on loopback only.

    .venv/bin/python scripts/load.py --url http://127.0.0.1:5005 --users 10 --messages 500 [--seconds 120]

U simulated users send at once. Each runs short real conversations (a question,
then follow-ups that read the conversation context and run the knowledge-base
action; partner-city questions; an out-of-scope one), each conversation under a
fresh sender id, and sends its next message as soon as the reply to the last
one came. The run stops by itself after --messages messages or --seconds
seconds, whichever comes first; both have hard upper limits. Only loopback
addresses are accepted as targets. Through nginx (production mode) every
message carries the same X-Real-IP, so start the servers with RATE_LIMIT=off
(bot/rate_limit.py), as `make bench` does.

Reports the messages sent, errors (non-2xx, a reply that is not a list of
messages, timeouts after 30 s, connection errors), p50/p95/max latency of the
successful replies and messages per second (successful replies over the wall
time of the run). From Python: `run_load(url, users, messages, seconds)`; with
`think_seconds=(low, high)` each user waits a random while in that range
before its next message, and `on_reply` gets every Exchange (message, status,
bot messages, seconds): the soak (scripts/soak.py) records every reply so.
"""
import argparse
import asyncio
import ipaddress
import json
import math
import random
import statistics
import sys
import time
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple
from urllib.parse import urlsplit

import aiohttp

REQUEST_TIMEOUT = 30.0
MAX_MESSAGES = 20_000
MAX_SECONDS = 1_800.0
MAX_USERS = 200
WEBHOOK = "/webhooks/rest/webhook"

# What a newcomer asks, as conversations: follow-ups ("who are the partners?",
# "and Murmansk?") only make sense with the context the action keeps, so every
# turn goes through the knowledge-base action and the tracker store.
CONVERSATIONS: List[List[str]] = [
    ["Tell me about the HECTOR project", "who are the partners?", "when does it end?"],
    ["Is Bremen a partner city?", "and Murmansk?"],
    ["which partner cities are in China?", "who keeps the link with San Carlos?"],
    ["What is Interreg North Sea Region?", "which programme is HyTrEc2 part of?"],
    ["how many hydrogen vehicles does the city buy?", "what powers the refuelling point?"],
    ["Is there anyone who helps internationals settle in?", "does the city help foreign companies?"],
    ["which projects is Aberdeen in?", "which German partners are in HECTOR?"],
    ["hello", "What's the weather in Groningen tomorrow?"],  # out of scope
    ["Wie onderhoudt de band met San Carlos?", "What is HECTOR's budget?"],
]


class NotLoopback(ValueError):
    """The target is not an address on this machine's loopback."""


def check_loopback(url: str) -> None:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        pass
    raise NotLoopback(f"{url}: the load generator only targets loopback (127.0.0.0/8, ::1, localhost)")


def percentile(values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile (share 0.95 for p95); NaN for no values."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(share * len(ordered)) - 1))]


@dataclass
class LoadResult:
    users: int
    sent: int = 0
    ok: int = 0
    errors: int = 0
    errors_by_kind: Dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    latencies: List[float] = field(default_factory=list, repr=False)  # successful replies, seconds

    @property
    def p50_ms(self) -> float:
        return 1000 * statistics.median(self.latencies) if self.latencies else float("nan")

    @property
    def p95_ms(self) -> float:
        return 1000 * percentile(self.latencies, 0.95)

    @property
    def max_ms(self) -> float:
        return 1000 * max(self.latencies) if self.latencies else float("nan")

    @property
    def per_second(self) -> float:
        return self.ok / self.seconds if self.seconds else 0.0

    def error(self, kind: str) -> None:
        self.errors += 1
        self.errors_by_kind[kind] = self.errors_by_kind.get(kind, 0) + 1

    def summary(self) -> str:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.errors_by_kind.items()))
        return (f"{self.users} users: {self.sent} messages in {self.seconds:.1f} s, "
                f"{self.per_second:.1f} msg/s, p50 {self.p50_ms:.0f} ms, p95 {self.p95_ms:.0f} ms, "
                f"max {self.max_ms:.0f} ms, errors {self.errors}" + (f" ({kinds})" if kinds else ""))

    def to_dict(self) -> Dict[str, object]:
        figures = {k: v for k, v in asdict(self).items() if k != "latencies"}
        figures.update(p50_ms=self.p50_ms, p95_ms=self.p95_ms, max_ms=self.max_ms, per_second=self.per_second)
        return figures


@dataclass(frozen=True)
class Exchange:
    """One message and what came back."""
    sender: str
    text: str
    status: Optional[int]  # None: no HTTP answer (timeout, connection error)
    messages: Optional[List[Dict[str, Any]]]  # the reply when it was a JSON list
    seconds: float
    problem: Optional[str] = None  # the error kind, as counted in LoadResult.errors_by_kind


OnReply = Callable[[Exchange], None]


class _Budget:
    """Hands out message slots until the count or the time runs out."""

    def __init__(self, messages: int, deadline: float) -> None:
        self.left = messages
        self.deadline = deadline

    def take(self) -> bool:
        if self.left <= 0 or time.monotonic() >= self.deadline:
            return False
        self.left -= 1
        return True


def _messages_and_problem(status: int, body: bytes) -> Tuple[Optional[list], Optional[str]]:
    try:
        parsed = json.loads(body or b"null")
    except ValueError:
        parsed = None
        if 200 <= status < 300:
            return None, "invalid JSON"
    messages = parsed if isinstance(parsed, list) else None
    if not 200 <= status < 300:
        return messages, f"HTTP {status}"
    return messages, None if messages is not None else "not a list of messages"


async def _send(session: aiohttp.ClientSession, endpoint: str, sender: str, text: str,
                result: LoadResult, on_reply: Optional[OnReply] = None) -> None:
    result.sent += 1
    began = time.perf_counter()
    status, messages = None, None
    try:
        async with session.post(endpoint, json={"sender": sender, "message": text}) as response:
            body = await response.read()
            elapsed = time.perf_counter() - began
            status = response.status
            messages, problem = _messages_and_problem(status, body)
    except asyncio.TimeoutError:
        elapsed, problem = time.perf_counter() - began, "timeout"
    except aiohttp.ClientError as error:
        elapsed, problem = time.perf_counter() - began, type(error).__name__
    if on_reply is not None:
        on_reply(Exchange(sender, text, status, messages, elapsed, problem))
    if problem:
        result.error(problem)
        return
    result.ok += 1
    result.latencies.append(elapsed)


async def _user(number: int, session: aiohttp.ClientSession, endpoint: str, budget: _Budget,
                result: LoadResult, run_id: str, conversations: Sequence[Sequence[str]],
                think_seconds: Tuple[float, float], on_reply: Optional[OnReply]) -> None:
    conversation_number = number  # users start at different conversations
    pause = random.Random(f"{run_id}-{number}")  # each user thinks at its own pace
    while True:
        conversation = conversations[conversation_number % len(conversations)]
        sender = f"load-{run_id}-u{number}-c{conversation_number}"
        for text in conversation:
            if not budget.take():
                return
            await _send(session, endpoint, sender, text, result, on_reply)
            if think_seconds[1] > 0:
                await asyncio.sleep(pause.uniform(*think_seconds))
        conversation_number += 1


async def run_load_async(url: str, users: int, messages: int, seconds: float = 120.0,
                         conversations: Sequence[Sequence[str]] = CONVERSATIONS,
                         timeout: float = REQUEST_TIMEOUT, think_seconds: Tuple[float, float] = (0.0, 0.0),
                         on_reply: Optional[OnReply] = None) -> LoadResult:
    check_loopback(url)
    if not 1 <= users <= MAX_USERS:
        raise ValueError(f"users must be 1-{MAX_USERS}")
    if not 1 <= messages <= MAX_MESSAGES:
        raise ValueError(f"messages must be 1-{MAX_MESSAGES}")
    if not 0 < seconds <= MAX_SECONDS:
        raise ValueError(f"seconds must be in (0, {MAX_SECONDS:.0f}]")
    if not 0 <= think_seconds[0] <= think_seconds[1]:
        raise ValueError("think_seconds must be (low, high) with 0 <= low <= high")
    endpoint = url.rstrip("/") + WEBHOOK
    result = LoadResult(users)
    run_id = uuid.uuid4().hex[:8]
    connector = aiohttp.TCPConnector(limit=users, force_close=False)
    client_timeout = aiohttp.ClientTimeout(total=timeout)
    async with aiohttp.ClientSession(connector=connector, timeout=client_timeout) as session:
        began = time.monotonic()
        budget = _Budget(messages, began + seconds)
        await asyncio.gather(*(_user(n, session, endpoint, budget, result, run_id, conversations,
                                     think_seconds, on_reply)
                               for n in range(users)))
        result.seconds = time.monotonic() - began
    return result


def run_load(url: str, users: int, messages: int, seconds: float = 120.0,
             conversations: Sequence[Sequence[str]] = CONVERSATIONS,
             timeout: float = REQUEST_TIMEOUT, think_seconds: Tuple[float, float] = (0.0, 0.0),
             on_reply: Optional[OnReply] = None) -> LoadResult:
    """Sends at most `messages` messages from `users` concurrent users, for at most `seconds` s
    (a request under way then still gets its `timeout`)."""
    return asyncio.run(run_load_async(url, users, messages, seconds, conversations, timeout,
                                      think_seconds, on_reply))


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:5005", help="the assistant (loopback only)")
    parser.add_argument("--users", type=int, default=10, help=f"concurrent users, 1-{MAX_USERS}")
    parser.add_argument("--messages", type=int, default=500, help=f"messages in all, at most {MAX_MESSAGES}")
    parser.add_argument("--seconds", type=float, default=120.0, help=f"time limit, at most {MAX_SECONDS:.0f}")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)
    try:
        result = run_load(args.url, args.users, args.messages, args.seconds)
    except ValueError as error:
        parser.error(str(error))
    print(json.dumps(result.to_dict(), indent=2) if args.json else result.summary())
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
