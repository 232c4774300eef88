"""Is the tracker store that an endpoints file configures really there?

Rasa keeps conversations in the tracker store of endpoints*.yml, but it is
quiet when that goes wrong: with PostgreSQL down it retries forever before it
answers at all, an unknown store type becomes an in-memory store with a
warning, and a database that fails while it runs is replaced by memory
(FailSafeTrackerStore). Conversations are then lost at the next restart.

This module is what scripts/assistant_process.py checks with, before Rasa
starts (`check_database`) and in Rasa's log after (`fallback_lines`), and what
bot/health_channel.py and scripts/report.py read the configuration with. It
imports neither Rasa nor SQLAlchemy (PyYAML; psycopg2 only to check PostgreSQL).
"""
import os
import re
import socket
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import List, Mapping, Optional, Sequence, Union
from urllib.parse import quote, urlsplit

PathLike = Union[str, Path]
DEFAULT_ENDPOINTS = "endpoints.yml"  # what `rasa run` reads without --endpoints
CHECK_TIMEOUT = 3.0
IN_MEMORY_TYPES = ("", "in_memory", "inmemory", "inmemorytrackerstore")
# Rasa's SQL store, and ours that stores it redacted (bot/redacting_tracker_store.py): same settings, same tables.
SQL_TYPES = ("sql", "bot.redacting_tracker_store.redactingsqltrackerstore")
MEMORY_SQLITE = ("", ":memory:")

# What Rasa 3.6 logs when it keeps conversations in memory instead of the configured store.
FALLBACK_PATTERNS = (
    re.compile(r"Using `?InMemoryTrackerStore`? instead"),           # unknown store type, at start
    re.compile(r"Falling back to use the '?InMemoryTrackerStore"),  # FailSafeTrackerStore, while running
)

_VARIABLE = re.compile(r"\$\{([^}]*)\}")


class TrackerStoreUnavailable(RuntimeError):
    """The configured tracker store cannot keep conversations; the message names it and says why."""


@dataclass(frozen=True)
class TrackerStoreConfig:
    """The `tracker_store` section of an endpoints file, with ${VARIABLES} filled in."""

    endpoints: str  # the file it comes from, for messages
    type: str = ""
    dialect: str = "sqlite"
    host: Optional[str] = None
    port: Optional[int] = None
    db: str = "rasa.db"  # Rasa's default
    username: Optional[str] = None
    password: Optional[str] = None
    login_db: Optional[str] = None

    @property
    def persistent(self) -> bool:
        """Whether conversations are meant to outlive Rasa (anything but the in-memory store)."""
        return self.type.lower() not in IN_MEMORY_TYPES

    @property
    def is_sql(self) -> bool:
        return self.type.lower() in SQL_TYPES

    @property
    def is_sqlite(self) -> bool:
        return self.is_sql and self.dialect.split("+")[0] == "sqlite"

    def sqlite_path(self, project_dir: PathLike) -> Path:
        """The SQLite file, relative to the folder Rasa runs in (the project)."""
        return Path(project_dir) / self.db

    def describe(self) -> str:
        """The database in words, for messages: "PostgreSQL database 'rasa' on 127.0.0.1:5432"."""
        if not self.is_sql:
            return f"tracker store of type {self.type!r}"
        if self.is_sqlite:
            return f"SQLite database {self.db}"
        name = {"postgresql": "PostgreSQL"}.get(self.dialect.split("+")[0], self.dialect)
        return f"{name} database {self.db!r} on {self.host or 'localhost'}:{self.port or '(default port)'}"

    def sqlalchemy_url(self, project_dir: PathLike) -> str:
        """The URL SQLAlchemy connects with, as Rasa's SQLTrackerStore builds it."""
        if not self.is_sql:
            raise TrackerStoreUnavailable(f"{self.endpoints}: the tracker store is not SQL ({self.type!r}).")
        if self.is_sqlite:
            return f"sqlite:///{self.sqlite_path(project_dir)}"
        auth = ""
        if self.username:
            auth = quote(self.username, safe="")
            if self.password:
                auth += ":" + quote(self.password, safe="")
            auth += "@"
        port = f":{self.port}" if self.port else ""
        return f"{self.dialect}://{auth}{self.host or 'localhost'}{port}/{quote(self.db, safe='')}"


def expand_variables(value: str, env: Mapping[str, str], where: str) -> str:
    """${NAME} replaced from `env`, as Rasa does; an unset one is an error, as in Rasa."""
    def replace(match: "re.Match[str]") -> str:
        name = match.group(1)
        if name not in env:
            raise TrackerStoreUnavailable(f"{where} uses ${{{name}}}, which is not set.")
        return env[name]

    return _VARIABLE.sub(replace, value)


def read_tracker_store_config(endpoints: PathLike, env: Optional[Mapping[str, str]] = None
                              ) -> Optional[TrackerStoreConfig]:
    """The tracker store `endpoints` configures; None when it configures none (Rasa keeps memory)."""
    import yaml  # Rasa's dependency, in the venv

    env = os.environ if env is None else env
    path = Path(endpoints)
    try:
        content = yaml.safe_load(path.read_text()) or {}
    except (OSError, yaml.YAMLError) as error:
        raise TrackerStoreUnavailable(f"Cannot read {path}: {error}") from None
    section = content.get("tracker_store") if isinstance(content, dict) else None
    if not isinstance(section, dict):
        return None

    def field(name: str) -> Optional[str]:
        value = section.get(name)
        return None if value is None else expand_variables(str(value), env, f"{path} (tracker_store.{name})")

    host = field("url")
    port = field("port")
    if host and "://" not in host:  # Rasa allows "host:port" in url
        parsed = urlsplit(f"scheme://{host}")
        host, port = parsed.hostname or host, parsed.port or port
    try:
        port_number = int(port) if port not in (None, "") else None
    except ValueError:
        raise TrackerStoreUnavailable(f"{path}: tracker_store.port {port!r} is not a number.") from None
    return TrackerStoreConfig(
        endpoints=str(path), type=field("type") or "", dialect=field("dialect") or "sqlite",
        host=host, port=port_number, db=field("db") or "rasa.db", username=field("username"),
        password=field("password"), login_db=field("login_db"),
    )


def endpoints_from_argv(argv: Sequence[str]) -> str:
    """The endpoints file of a `rasa run` command line (Rasa's default when it names none)."""
    for i, arg in enumerate(argv):
        if arg == "--endpoints" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--endpoints="):
            return arg.split("=", 1)[1]
    return DEFAULT_ENDPOINTS


def check_database(config: Optional[TrackerStoreConfig], project_dir: PathLike,
                   timeout: float = CHECK_TIMEOUT) -> None:
    """TrackerStoreUnavailable, naming the database, unless the SQL store can keep conversations.

    SQLite: the file can be made and written in its folder (made when missing). PostgreSQL and
    other servers: something answers on host:port; for PostgreSQL a login to
    `login_db` (Rasa makes `db` from there) or else `db` works. Other store
    types are left to the health check after start.
    """
    if config is None or not config.is_sql:
        return
    if config.is_sqlite:
        _check_sqlite(config, Path(project_dir))
    else:
        _check_server(config, timeout)


def _check_sqlite(config: TrackerStoreConfig, project_dir: Path) -> None:
    if config.db in MEMORY_SQLITE:
        raise TrackerStoreUnavailable(
            f"{config.endpoints}: the SQLite tracker store is in memory (db: {config.db!r}); "
            "conversations would be lost at every restart. Name a file, e.g. db: var/tracker.db.")
    path = config.sqlite_path(project_dir)
    problem = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # SQLite makes the file, not its folder
    except OSError as error:
        problem = f"its folder {path.parent} cannot be made ({error.strerror or error})"
    if problem is None:
        try:
            with tempfile.TemporaryFile(dir=path.parent):
                pass
        except OSError as error:
            problem = f"its folder {path.parent} is not writable ({error.strerror or error})"
    if problem is None and path.exists():
        try:
            connection = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=1)
            try:
                connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            finally:
                connection.close()
        except sqlite3.Error as error:
            problem = f"the file cannot be opened for writing ({error})"
    if problem:
        raise TrackerStoreUnavailable(
            f"The tracker store's {config.describe()} ({config.endpoints}) cannot keep conversations: "
            f"{problem}. Fix that, or point tracker_store.db elsewhere.")


def _check_server(config: TrackerStoreConfig, timeout: float) -> None:
    host = config.host or "localhost"
    port = config.port or (5432 if config.dialect.startswith("postgresql") else None)
    where = f"The tracker store's {config.describe()} ({config.endpoints})"
    if port is not None:
        try:
            socket.create_connection((host, port), timeout=timeout).close()
        except OSError as error:
            raise TrackerStoreUnavailable(
                f"{where} does not answer: nothing accepts connections on {host}:{port} "
                f"({error.strerror or error}). Start the database first (.ci/run shows how), "
                "or use endpoints.yml (SQLite).") from None
    if not config.dialect.startswith("postgresql"):
        return
    import psycopg2  # Rasa's dependency, in the venv

    login = config.login_db or config.db
    try:
        psycopg2.connect(host=host, port=port, user=config.username, password=config.password,
                         dbname=login, connect_timeout=max(1, int(timeout))).close()
    except psycopg2.Error as error:
        first_line = (str(error).strip().splitlines() or [repr(error)])[0]
        raise TrackerStoreUnavailable(
            f"{where} does not answer: logging in to database {login!r} as "
            f"{config.username or 'the current user'} failed ({first_line}).") from None


def fallback_lines(log_text: str) -> List[str]:
    """The lines of a Rasa log that say it keeps conversations in memory instead."""
    return [line.strip() for line in log_text.splitlines()
            if any(pattern.search(line) for pattern in FALLBACK_PATTERNS)]
