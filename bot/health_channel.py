"""Health of the conversation store: GET /webhooks/health/ (credentials.yml: `bot.health_channel.HealthCheck:`).

    200 {"status": "ok", "tracker_store": "SQLTrackerStore", "database": "reachable", ...}
    503 {"status": "unhealthy", "tracker_store": ..., "database": ..., "reason": "..."}

    GET /webhooks/health/public: the same check, up or down only
    200 {"status": "ok"}   503 {"status": "unhealthy"}

The details name the store and the database's errors: for the operators on
the machine. In production mode nginx answers /webhooks/health/ from the
public route (deploy/nginx.conf.template), so the outside sees up or down only.

Unhealthy when Rasa keeps conversations in memory although the endpoints
configure a database (it fell back at start), when conversations were kept in
memory after the database failed, or when the database does not answer
`SELECT 1` (and a read of the `events` table) within a short timeout.

The channel also makes Rasa refuse instead of forgetting: Rasa wraps the store
in FailSafeTrackerStore, which on a database error starts each conversation
afresh and keeps it in memory. From server start on, such an error fails the
message (the user gets an error, the log an error line) and nothing is kept in
memory; the conversation goes on from the database once it is back.
scripts/assistant_process.py calls the health check after every start.
"""
import asyncio
import logging
import sys
import time
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore, TrackerStore

from bot.tracker_check import (IN_MEMORY_TYPES, TrackerStoreUnavailable, endpoints_from_argv,
                               read_tracker_store_config)

logger = logging.getLogger(__name__)

PROBE_TIMEOUT = 2.0
Health = Tuple[int, Dict[str, Any]]


def unwrap(store: Optional[TrackerStore]) -> List[TrackerStore]:
    """The store and the stores it wraps, outermost first (FailSafe -> Awaitable -> SQL)."""
    chain: List[TrackerStore] = []
    while store is not None and store not in chain:
        chain.append(store)
        store = getattr(store, "_tracker_store", None)
    return chain


class RefuseMemoryFallback:
    """FailSafeTrackerStore's error callback: raise instead of falling back to memory.

    Raising in the callback stops FailSafeTrackerStore before it starts the
    conversation afresh (retrieve) or saves it in memory (save).
    """

    def __init__(self) -> None:
        self.failures = 0
        self.last_error: Optional[str] = None
        self.last_failure: Optional[float] = None

    def __call__(self, error: Exception) -> None:
        self.failures += 1
        self.last_error = first_line(error)
        self.last_failure = time.time()
        logger.error("The tracker store failed (%s): this message is refused, and no conversation "
                     "is kept in memory instead.", self.last_error)
        raise TrackerStoreUnavailable(f"the tracker store failed: {self.last_error}") from error


def refuse_memory_fallback(store: Optional[TrackerStore]) -> Optional[RefuseMemoryFallback]:
    """Installs RefuseMemoryFallback on the FailSafeTrackerStore in `store` (once); returns it."""
    failsafe = next((s for s in unwrap(store) if isinstance(s, FailSafeTrackerStore)), None)
    if failsafe is None:
        return None
    if not isinstance(failsafe._on_tracker_store_error, RefuseMemoryFallback):
        failsafe._on_tracker_store_error = RefuseMemoryFallback()
    return failsafe._on_tracker_store_error


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def probe_database(engine: Any) -> None:
    """SELECT 1, and the events table is there (a database that was made anew has none).

    A pooled connection that the server closed (it restarted, or cut us off)
    fails once and makes SQLAlchemy empty the pool: the second try tells
    whether the database itself answers.
    """
    import sqlalchemy as sa

    for last_try in (False, True):
        try:
            with engine.connect() as connection:
                connection.execute(sa.text("SELECT 1")).fetchall()
                connection.execute(sa.text("SELECT 1 FROM events LIMIT 1")).fetchall()
            return
        except sa.exc.DBAPIError as error:
            if last_try or not error.connection_invalidated:
                raise


async def tracker_store_health(store: Optional[TrackerStore], expected_type: Optional[str],
                               timeout: float = PROBE_TIMEOUT) -> Health:
    """(HTTP status, body) for the tracker store in use; `expected_type` is the endpoints' type."""
    if store is None:
        return 503, {"status": "unhealthy", "tracker_store": None, "database": "unknown",
                     "reason": "Rasa has not loaded its agent and tracker store (yet)"}
    chain = unwrap(store)
    inner = chain[-1]
    body: Dict[str, Any] = {"tracker_store": type(inner).__name__}
    failsafe = next((s for s in chain if isinstance(s, FailSafeTrackerStore)), None)
    fallback = failsafe._fallback_tracker_store if failsafe else None
    in_memory = len(getattr(fallback, "store", {}) or {})
    body["conversations_in_memory"] = in_memory
    guard = failsafe._on_tracker_store_error if failsafe else None
    if isinstance(guard, RefuseMemoryFallback):
        body["refused_messages"] = guard.failures

    def unhealthy(database: str, reason: str) -> Health:
        return 503, {"status": "unhealthy", **body, "database": database, "reason": reason}

    persistent_expected = bool(expected_type) and expected_type.lower() not in IN_MEMORY_TYPES
    if isinstance(inner, InMemoryTrackerStore) and persistent_expected:
        return unhealthy("none", f"Rasa keeps conversations in memory (InMemoryTrackerStore) although the "
                                 f"endpoints configure a {expected_type!r} tracker store: it fell back, and "
                                 "conversations are lost at restart")
    if in_memory:
        return unhealthy("unknown", f"{in_memory} conversation(s) were kept in memory after the tracker store "
                                    "failed; they are lost at restart")
    engine = getattr(inner, "engine", None)
    if engine is None:
        return 200, {"status": "ok", **body, "database": "none"}
    try:
        await asyncio.wait_for(asyncio.get_running_loop().run_in_executor(None, probe_database, engine), timeout)
    except asyncio.TimeoutError:
        return unhealthy("unreachable", f"the database did not answer within {timeout:g} s")
    except Exception as error:  # whatever the driver raises: the database is not usable
        return unhealthy("unreachable", f"the database does not answer: {first_line(error)}")
    return 200, {"status": "ok", **body, "database": "reachable"}


def public_view(health: Health) -> Health:
    """The health without details: nothing about the store or its database's errors."""
    status, body = health
    return status, {"status": body.get("status", "unhealthy")}


def configured_type(argv: List[str]) -> Optional[str]:
    """The tracker store type in the endpoints file of this `rasa run` (None: none or unreadable)."""
    try:
        config = read_tracker_store_config(endpoints_from_argv(argv))
    except TrackerStoreUnavailable as error:
        logger.warning("Health check: %s", error)
        return None
    return config.type if config else None


class HealthCheck(InputChannel):
    """credentials.yml: `bot.health_channel.HealthCheck:` (optional setting: timeout, seconds)."""

    def __init__(self, timeout: float = PROBE_TIMEOUT, expected_type: Optional[str] = None) -> None:
        self.timeout = timeout
        self.expected_type = expected_type if expected_type is not None else configured_type(sys.argv)

    @classmethod
    def name(cls) -> Text:
        return "health"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "HealthCheck":
        return cls(timeout=float((credentials or {}).get("timeout", PROBE_TIMEOUT)))

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        health = Blueprint("tracker_store_health", __name__)

        def store_of(app: Any) -> Optional[TrackerStore]:
            agent = getattr(app.ctx, "agent", None)
            return getattr(agent, "tracker_store", None)

        @health.listener("after_server_start")
        async def guard(app: Any, _loop: Any) -> None:
            # The agent is loaded before the server starts: from now on, refuse.
            if refuse_memory_fallback(store_of(app)) is None:
                logger.warning("Health check: no FailSafeTrackerStore found, memory fallback not guarded")

        async def checked(request: Request) -> Health:
            store = store_of(request.app)
            refuse_memory_fallback(store)  # also when the agent was replaced since start
            status, body = await tracker_store_health(store, self.expected_type, self.timeout)
            if status != 200:
                logger.error("Health check: unhealthy: %s", body["reason"])
            return status, body

        @health.route("/", methods=["GET"])
        async def check(request: Request) -> HTTPResponse:
            status, body = await checked(request)
            return response.json(body, status=status)

        @health.route("/public", methods=["GET"])
        async def public_check(request: Request) -> HTTPResponse:
            status, body = public_view(await checked(request))
            return response.json(body, status=status)

        return health
