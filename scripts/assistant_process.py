"""Start and stop the assistant: Rasa's server and the action server, as two children.

scripts/serve.py (make serve, make run), the tests and the evaluation and
benchmark tools all start the assistant through this module:

    from scripts.assistant_process import start_assistant

    with start_assistant() as assistant:          # newest models/*.tar.gz, free ports
        requests.post(f"{assistant.url}/webhooks/rest/webhook",
                      json={"sender": "t1", "message": "hello"}, timeout=30)

`start_assistant` returns once both servers answer and stops both when the
`with` block ends (or on `assistant.stop()`). Standard library only, so it runs
under the venv's Python without importing Rasa itself (bot/tracker_check.py,
which checks the tracker store's database, adds PyYAML and psycopg2). The start
is refused, naming the database, when it does not answer before start, or when
Rasa keeps conversations in memory after (GET /webhooks/health/): both servers
are stopped. scripts/production.py (several Rasa servers behind nginx) builds
on Child and the helpers below.
"""

import atexit
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import deque
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Union

PROJECT_ROOT = Path(__file__).resolve().parent.parent
if str(PROJECT_ROOT) not in sys.path:
    sys.path.insert(0, str(PROJECT_ROOT))

from bot import security_settings  # noqa: E402 - standard library only, like this module
HOST = "127.0.0.1"
START_TIMEOUT = 300.0  # loading TensorFlow and a model takes 20-60 s on 2 cores
STOP_TIMEOUT = 10.0
POLL_INTERVAL = 0.25
LOG_TAIL_LINES = 30
HEALTH_PATH = "/webhooks/health/"  # bot/health_channel.py

PathLike = Union[str, Path]

# Every child runs with these: no telemetry anywhere, quiet TensorFlow and
# SQLAlchemy, logs written as they happen. (PYTHONWARNINGS would not help:
# a library that `rasa run` imports resets the warning filters.)
QUIET_ENV = {
    "RASA_TELEMETRY_ENABLED": "false",
    "TF_CPP_MIN_LOG_LEVEL": "2",
    "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    "PYTHONUNBUFFERED": "1",
}

# Urllib must not send requests for our own loopback servers through a proxy.
_http = urllib.request.build_opener(urllib.request.ProxyHandler({}))


class AssistantError(RuntimeError):
    """The assistant could not start, or one of its servers stopped."""


def newest_model(models_dir: PathLike = PROJECT_ROOT / "models") -> Path:
    """The most recently written models/*.tar.gz."""
    models = sorted(Path(models_dir).glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    if not models:
        raise AssistantError(f"No model in {models_dir}: run `make train` first.")
    return models[-1]


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
        return True


def answers(url: str, timeout: float = 2.0) -> bool:
    """True when a GET of `url` gets a 2xx reply."""
    try:
        with _http.open(url, timeout=timeout) as response:
            return 200 <= response.status < 300
    except (urllib.error.URLError, OSError):
        return False


class Child:
    """One server process, in its own process group, logging to a file."""

    def __init__(self, name: str, args: List[str], log_path: Path) -> None:
        self.name = name
        self.args = args
        self.log_path = log_path
        self.process: Optional[subprocess.Popen] = None
        self._terminated = False

    def start(self, cwd: Path, env: Dict[str, str]) -> None:
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._terminated = False
        with open(self.log_path, "wb") as log:
            # Own session: a Ctrl-C on the terminal reaches the supervisor only,
            # which then stops the children in order.
            self.process = subprocess.Popen(
                self.args,
                cwd=cwd,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def exit_code(self) -> Optional[int]:
        """None while running (or never started)."""
        return None if self.process is None else self.process.poll()

    def has_exited(self) -> bool:
        return self.exit_code() is not None

    def request_stop(self) -> None:
        """SIGTERM to the process group (once) without waiting: stop() waits.

        Lets a supervisor stop several children at the same time.
        """
        if self.process is not None and self.process.poll() is None and not self._terminated:
            self._terminated = True
            self._signal_group(signal.SIGTERM)

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """SIGTERM to the process group, then SIGKILL if it is still there."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.request_stop()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self._signal_group(signal.SIGKILL)
                self.process.wait()
        # Anything the child left behind in its group goes too.
        self._signal_group(signal.SIGKILL)

    def _signal_group(self, signum: int) -> None:
        try:
            os.killpg(self.process.pid, signum)
        except (ProcessLookupError, PermissionError):
            pass

    def log_tail(self, lines: int = LOG_TAIL_LINES) -> str:
        try:
            with open(self.log_path, errors="replace") as log:
                return "".join(deque(log, maxlen=lines))
        except OSError:
            return ""

    def describe_exit(self) -> str:
        code = self.exit_code()
        how = f"was killed by {signal.Signals(-code).name}" if code < 0 else f"exited with code {code}"
        return f"The {self.name} {how}. Last lines of {self.log_path}:\n{self.log_tail()}"


def action_server_args(python: str, port: int) -> List[str]:
    """The command of an action server for actions/ on HOST:`port`, taking only calls with ACTION_SERVER_TOKEN.

    actions/server.py: rasa-sdk's server, on loopback, behind the shared secret.
    """
    return [python, "-m", "actions.server", "--actions", "actions", "--port", str(port)]


def rasa_server_args(
    python: str, model: Path, endpoints: Path, credentials: Path, port: int, cors: Sequence[str] = ()
) -> List[str]:
    """The command of `rasa run` for `model` on HOST:`port`.

    bot/rasa_server.py is `rasa run` plus the HTTP API's arguments from the
    environment (off unless RASA_ENABLE_API; never without a token).
    """
    args = [
        python, "-m", "bot.rasa_server", "run",
        "--model", str(model),
        "--endpoints", str(endpoints),
        "--credentials", str(credentials),
        "--port", str(port),
        "--interface", HOST,
    ]  # fmt: skip
    if cors:
        args += ["--cors", *cors]
    return args


def server_env(project_dir: Path, extra: Optional[Dict[str, str]] = None) -> Dict[str, str]:
    """This environment, `extra`, QUIET_ENV, ACTION_SERVER_TOKEN and the project on PYTHONPATH.

    AssistantError when the security settings would open the assistant too
    wide (bot/security_settings.py): the HTTP API on without a token.
    """
    env = dict(os.environ)
    # endpoints*.yml name these; Rasa stops on an unset one.
    env.setdefault("RASA_TRACKER_DB", "rasa")
    env.update(extra or {})
    env.update(QUIET_ENV)
    try:
        # The secret Rasa sends the action server: one per start unless given.
        env[security_settings.ACTION_SERVER_TOKEN] = security_settings.action_server_token(env)
        security_settings.rasa_api_arguments(env)  # refused here, before any server starts
    except security_settings.SettingsError as error:
        raise AssistantError(f"Not starting the assistant: {error}") from None
    # Rasa imports our channel and components (bot.*), the SDK our actions.
    env["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(project_dir), env.get("PYTHONPATH", "")) if p
    )
    return env


def wait_until_answering(pending: Dict[Child, str], deadline: float) -> None:
    """Waits until a GET of each child's URL answers; AssistantError when one exits or time runs out."""
    pending = dict(pending)
    while pending:
        for child, url in list(pending.items()):
            if child.has_exited():
                raise AssistantError(child.describe_exit())
            if answers(url):
                del pending[child]
        if not pending:
            return
        if time.monotonic() > deadline:
            raise AssistantError(
                "Gave up waiting for the "
                + " and the ".join(child.name for child in pending)
                + "".join(f"\nLast lines of {c.log_path}:\n{c.log_tail()}" for c in pending)
            )
        time.sleep(POLL_INTERVAL)


class Assistant:
    """Rasa's server and the action server for one model, on loopback ports.

    Ports left as None are picked free, so tests never clash with a running
    `make serve`. Paths are relative to `project_dir`.
    """

    def __init__(
        self,
        model: Optional[PathLike] = None,
        *,
        project_dir: PathLike = PROJECT_ROOT,
        endpoints: PathLike = "endpoints.yml",
        credentials: PathLike = "credentials.yml",
        rasa_port: Optional[int] = None,
        actions_port: Optional[int] = None,
        cors: Sequence[str] = (),
        env: Optional[Dict[str, str]] = None,
        log_dir: Optional[PathLike] = None,
        python: str = sys.executable,
    ) -> None:
        self.project_dir = Path(project_dir).resolve()
        self.model = self._existing(model or newest_model(self.project_dir / "models"))
        self.endpoints = self._existing(endpoints)
        self.credentials = self._existing(credentials)
        self.rasa_port = rasa_port or free_port()
        self.actions_port = actions_port or free_port()
        if self.rasa_port == self.actions_port:
            raise AssistantError(f"Rasa and the action server both got port {self.rasa_port}.")
        self.url = f"http://{HOST}:{self.rasa_port}"
        self.actions_url = f"http://{HOST}:{self.actions_port}"
        self.startup_seconds: Optional[float] = None
        self._extra_env = dict(env or {})
        self._started = False

        log_dir = self.project_dir / (log_dir or "var/logs")
        self.actions = Child(
            "action server",
            action_server_args(python, self.actions_port),
            log_dir / f"actions-{self.actions_port}.log",
        )
        try:  # exact website origins only: Rasa allows credentials, so never "*"
            self.cors = security_settings.cors_origins(cors)
        except security_settings.SettingsError as error:
            raise AssistantError(f"Not starting the assistant: {error}") from None
        rasa_args = rasa_server_args(
            python, self.model, self.endpoints, self.credentials, self.rasa_port, self.cors
        )
        self.rasa = Child("Rasa server", rasa_args, log_dir / f"rasa-{self.rasa_port}.log")

    @property
    def children(self) -> List[Child]:
        return [self.rasa, self.actions]

    def _existing(self, path: PathLike) -> Path:
        path = self.project_dir / path  # an absolute path stays as it is
        if not path.exists():
            raise AssistantError(f"{path} does not exist.")
        return path

    def child_env(self) -> Dict[str, str]:
        """The environment both children run with."""
        env = server_env(self.project_dir, self._extra_env)
        env["ACTION_ENDPOINT_URL"] = f"{self.actions_url}/webhook"
        return env

    def start(self, timeout: float = START_TIMEOUT) -> float:
        """Starts both servers and waits until they answer; returns the seconds taken.

        On failure (a port taken, a server exits, `timeout` passes) both are
        stopped and AssistantError says why, with the last lines of the log.
        """
        if self._started:
            raise AssistantError("This assistant was started already.")
        self._started = True
        for port in (self.rasa_port, self.actions_port):
            if not port_is_free(port):
                raise AssistantError(f"Port {port} on {HOST} is in use: is the assistant running already?")

        began = time.monotonic()
        env = self.child_env()
        self._check_tracker_database(env)
        atexit.register(self.stop)
        try:
            # Actions first: Rasa may call them as soon as it answers.
            self.actions.start(self.project_dir, {**env, "SANIC_HOST": HOST})
            self.rasa.start(self.project_dir, env)
            self._wait_until_ready(began + timeout)
            self._check_tracker_health()
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - began
        return self.startup_seconds

    def _wait_until_ready(self, deadline: float) -> None:
        wait_until_answering(
            {self.actions: f"{self.actions_url}/health", self.rasa: f"{self.url}/"}, deadline
        )

    def _check_tracker_database(self, env: Dict[str, str]) -> None:
        """AssistantError naming the database when the endpoints' tracker store cannot be reached."""
        from bot import tracker_check

        try:
            config = tracker_check.read_tracker_store_config(self.endpoints, env)
            tracker_check.check_database(config, self.project_dir)
        except tracker_check.TrackerStoreUnavailable as error:
            raise AssistantError(f"Not starting the assistant. {error}") from None

    def _check_tracker_health(self) -> None:
        """AssistantError when Rasa, now answering, does not keep conversations where it should."""
        from bot import tracker_check

        health_url = f"{self.url}{HEALTH_PATH}"
        try:
            with _http.open(health_url, timeout=10) as reply:
                status, body = reply.status, reply.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        except (urllib.error.URLError, OSError) as error:
            status, body = None, str(error).encode()
        problem = None
        if status not in (200, 404):  # 404: credentials without the health channel
            try:
                problem = json.loads(body).get("reason")
            except (ValueError, AttributeError):
                problem = None
            problem = problem or f"{health_url} answered {status}: {body[:200]!r}"
        fallback = tracker_check.fallback_lines(self.rasa.log_tail(2000))
        if problem is None and fallback:
            problem = f"it keeps conversations in memory; its log says: {fallback[0]}"
        if problem:
            raise AssistantError(
                f"Rasa started but its tracker store is unhealthy: {problem}. Stopped both servers "
                f"(log: {self.rasa.log_path}).")

    def exited_child(self) -> Optional[Child]:
        """The first server that is no longer running, if any."""
        return next((child for child in self.children if child.has_exited()), None)

    def check(self) -> None:
        """Raises AssistantError if a server has exited (for long test sessions)."""
        child = self.exited_child()
        if child is not None:
            raise AssistantError(child.describe_exit())

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Stops Rasa, then the action server. Safe to call more than once."""
        for child in self.children:
            child.stop(timeout)
        atexit.unregister(self.stop)

    @property
    def log_paths(self) -> List[Path]:
        return [child.log_path for child in self.children]

    def __enter__(self) -> "Assistant":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def start_assistant(
    model: Optional[PathLike] = None,
    *,
    timeout: float = START_TIMEOUT,
    **options: object,
) -> Assistant:
    """Starts Rasa and the action server and returns once both answer.

    Use the result in a `with` block, or call its stop() yourself. `options`
    are Assistant's: project_dir, endpoints, credentials, rasa_port,
    actions_port (None: a free port), cors, env (extra variables for both
    servers), log_dir, python.
    """
    assistant = Assistant(model, **options)  # type: ignore[arg-type]
    assistant.start(timeout)
    return assistant
