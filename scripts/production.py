"""Production mode: nginx in front of several Rasa servers that share their state.

scripts/prod.py (make prod) and tests/e2e/test_scale_out.py start it here:

    from scripts.production import start_production

    with start_production(instances=2, port=None) as production:   # None: free ports
        requests.post(f"{production.url}/webhooks/rest/webhook",
                      json={"sender": "u1", "message": "hello"}, timeout=30)

One action server, `instances` `rasa run` servers with endpoints.prod.yml
(conversations in PostgreSQL, conversation locks in Redis) on consecutive
loopback ports, and nginx on `port` balancing over them, with its
configuration, pid file, temporary folders and logs in `run_dir` (var/prod).
The children are scripts/assistant_process.py's: own process groups, logs,
stopped in order. docs/SCALING.md explains the parts.
"""

import atexit
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import security_settings  # noqa: E402
from scripts.assistant_process import (  # noqa: E402
    HOST,
    PROJECT_ROOT,
    START_TIMEOUT,
    STOP_TIMEOUT,
    AssistantError,
    Child,
    PathLike,
    action_server_args,
    free_port,
    newest_model,
    port_is_free,
    rasa_server_args,
    server_env,
    wait_until_answering,
)

DEFAULT_PORT = 8080  # nginx
DEFAULT_RASA_PORT = 5010  # the first instance; the others follow: 5011, 5012, ...
DEFAULT_ACTIONS_PORT = 5060
DEFAULT_TRACKER_DB = "rasa"
DEFAULT_LOCK_DB = 1
DEFAULT_BODY_LIMIT = "64k"  # a chat message is well under 1 KB; Rasa's own limit is 100 MB
POSTGRES_PORT = 5432  # endpoints.prod.yml names these two
REDIS_PORT = 6379
NGINX_TEMPLATE = "deploy/nginx.conf.template"
CHECK_TIMEOUT = 3.0


class ProductionError(AssistantError):
    """Production mode could not start, or one of its processes stopped."""


def check_postgres(database: str, timeout: float = CHECK_TIMEOUT) -> None:
    """PostgreSQL answers on 127.0.0.1 as user postgres; makes `database` if it is missing.

    Making it here, before the instances start, keeps them from racing to make it.
    """
    if not re.fullmatch(r"[a-z_][a-z0-9_]{0,62}", database):
        raise ProductionError(
            f"Tracker database name {database!r}: use lower-case letters, digits and _ only."
        )
    import psycopg2  # Rasa's dependency, in the venv

    try:
        connection = psycopg2.connect(
            host=HOST, port=POSTGRES_PORT, user="postgres", dbname="postgres",
            connect_timeout=max(1, int(timeout)),
        )  # fmt: skip
    except psycopg2.OperationalError as error:
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else repr(error)
        raise ProductionError(
            f"PostgreSQL does not answer on {HOST}:{POSTGRES_PORT} as user postgres ({first_line}). "
            "Production mode keeps conversations there: start PostgreSQL first "
            "(.ci/run shows how)."
        ) from None
    try:
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,))
            if cursor.fetchone() is None:
                cursor.execute(f'CREATE DATABASE "{database}"')
    finally:
        connection.close()


def check_redis(db: int, timeout: float = CHECK_TIMEOUT) -> None:
    """Redis answers PING on 127.0.0.1 and has database number `db`."""

    def command(sock: socket.socket, *words: str) -> bytes:
        request = f"*{len(words)}\r\n" + "".join(f"${len(w)}\r\n{w}\r\n" for w in words)
        sock.sendall(request.encode())
        return sock.recv(256)

    try:
        with socket.create_connection((HOST, REDIS_PORT), timeout=timeout) as sock:
            pong = command(sock, "PING")
            selected = command(sock, "SELECT", str(db)) if pong.startswith(b"+PONG") else b""
    except OSError as error:
        raise ProductionError(
            f"Redis does not answer on {HOST}:{REDIS_PORT} ({error}). Production mode keeps "
            "its conversation locks there: start Redis first (.ci/run shows how)."
        ) from None
    if not pong.startswith(b"+PONG"):
        raise ProductionError(
            f"{HOST}:{REDIS_PORT} does not answer PING like Redis: {pong[:80]!r}"
        )
    if not selected.startswith(b"+OK"):
        raise ProductionError(f"Redis has no database {db}: {selected.strip().decode(errors='replace')}")


def consecutive_free_ports(count: int, attempts: int = 50) -> int:
    """The first of `count` consecutive ports on 127.0.0.1 that are free right now."""
    for _ in range(attempts):
        first = free_port()
        if first + count <= 65536 and all(port_is_free(first + i) for i in range(1, count)):
            return first
    raise ProductionError(f"Found no {count} consecutive free ports on {HOST}.")


def render_nginx_conf(
    template: str,
    *,
    listen_port: int,
    upstream_ports: List[int],
    run_dir: Path,
    access_log: Path,
    client_max_body_size: str,
) -> str:
    """deploy/nginx.conf.template with its {{fields}} filled in."""
    fields = {
        "listen": f"{HOST}:{listen_port}",
        "upstream_servers": "\n".join(
            f"        server {HOST}:{port} max_fails=1 fail_timeout=5s;" for port in upstream_ports
        ),
        "run_dir": str(run_dir),
        "error_log": "stderr",  # into the nginx child's log, next to the Rasa logs
        "access_log": str(access_log),
        "client_max_body_size": client_max_body_size,
    }
    for path in (run_dir, access_log):
        if re.search(r'[\s;{}"\'$]', str(path)):
            raise ProductionError(f"nginx cannot take this path as it is: {path}")
    text = template
    for name, value in fields.items():
        text = text.replace("{{" + name + "}}", value)
    left = re.findall(r"\{\{\w+\}\}", text)
    if left:
        raise ProductionError(f"{NGINX_TEMPLATE} has fields nobody fills in: {sorted(set(left))}")
    return text


class Production:
    """The action server, `instances` Rasa servers and nginx, on loopback ports.

    Ports given as None are picked free (tests). Paths are relative to
    `project_dir`. `tracker_db` (PostgreSQL database) and `lock_db` (Redis
    database number) reach endpoints.prod.yml as RASA_TRACKER_DB and RASA_LOCK_DB.
    """

    def __init__(
        self,
        model: Optional[PathLike] = None,
        *,
        instances: int = 2,
        port: Optional[int] = DEFAULT_PORT,
        rasa_port: Optional[int] = DEFAULT_RASA_PORT,
        actions_port: Optional[int] = DEFAULT_ACTIONS_PORT,
        project_dir: PathLike = PROJECT_ROOT,
        endpoints: PathLike = "endpoints.prod.yml",
        credentials: PathLike = "credentials.yml",
        tracker_db: str = DEFAULT_TRACKER_DB,
        lock_db: int = DEFAULT_LOCK_DB,
        run_dir: PathLike = "var/prod",
        client_max_body_size: str = DEFAULT_BODY_LIMIT,
        cors: Sequence[str] = (),
        env: Optional[Dict[str, str]] = None,
        python: str = sys.executable,
        nginx: str = "nginx",
    ) -> None:
        if instances < 1:
            raise ProductionError(f"instances must be at least 1, not {instances}.")
        self.project_dir = Path(project_dir).resolve()
        self.model = self._existing(model or newest_model(self.project_dir / "models"))
        self.endpoints = self._existing(endpoints)
        self.credentials = self._existing(credentials)
        self.nginx_template = self._existing(NGINX_TEMPLATE)
        # Debian puts it in /usr/sbin, which a user's PATH may lack.
        self.nginx = shutil.which(nginx) or shutil.which(nginx, path="/usr/sbin:/usr/local/sbin")
        if self.nginx is None:
            raise ProductionError(
                f"{nginx} is not installed: `make prod-deps` installs it (apt-get install nginx)."
            )
        self.tracker_db = tracker_db
        self.lock_db = int(lock_db)
        self.client_max_body_size = client_max_body_size
        try:  # exact website origins only: Rasa allows credentials, so never "*"
            self.cors = security_settings.cors_origins(cors)
        except security_settings.SettingsError as error:
            raise ProductionError(f"Not starting production mode: {error}") from None

        self.port = port or free_port()
        first = rasa_port or consecutive_free_ports(instances)
        self.rasa_ports = [first + i for i in range(instances)]
        self.actions_port = actions_port or free_port()
        ports = [self.port, self.actions_port, *self.rasa_ports]
        if len(set(ports)) != len(ports):
            raise ProductionError(
                f"Ports overlap: nginx {self.port}, actions {self.actions_port}, "
                f"Rasa {self.rasa_ports[0]}-{self.rasa_ports[-1]}."
            )
        self.url = f"http://{HOST}:{self.port}"
        self.instance_urls = [f"http://{HOST}:{p}" for p in self.rasa_ports]
        self.actions_url = f"http://{HOST}:{self.actions_port}"
        self.startup_seconds: Optional[float] = None
        self._extra_env = dict(env or {})
        self._started = False

        self.run_dir = self.project_dir / run_dir
        self.log_dir = self.run_dir / "logs"
        self.nginx_conf = self.run_dir / "nginx.conf"
        self.access_log = self.log_dir / "nginx-access.log"
        self.actions = Child(
            "action server",
            action_server_args(python, self.actions_port),
            self.log_dir / f"actions-{self.actions_port}.log",
        )
        self.instances = [
            Child(
                f"Rasa server {i + 1} (:{port})",
                rasa_server_args(python, self.model, self.endpoints, self.credentials, port, self.cors),
                self.log_dir / f"rasa-{port}.log",
            )
            for i, port in enumerate(self.rasa_ports)
        ]
        self.nginx_child = Child("nginx", self._nginx_args(), self.log_dir / "nginx.log")

    def _existing(self, path: PathLike) -> Path:
        path = self.project_dir / path  # an absolute path stays as it is
        if not path.exists():
            raise ProductionError(f"{path} does not exist.")
        return path

    def _nginx_args(self, *extra: str) -> List[str]:
        # -e: errors go to stderr from the first moment, before the
        # configuration (which says the same) is read.
        return [self.nginx, *extra, "-p", str(self.run_dir), "-c", str(self.nginx_conf), "-e", "stderr"]

    @property
    def children(self) -> List[Child]:
        """In stopping order: nginx first (no new requests), the action server last."""
        return [self.nginx_child, *self.instances, self.actions]

    def child_env(self) -> Dict[str, str]:
        """The environment of the Rasa servers and the action server: what endpoints.prod.yml reads."""
        env = server_env(self.project_dir, self._extra_env)
        env["ACTION_ENDPOINT_URL"] = f"{self.actions_url}/webhook"
        env["RASA_TRACKER_DB"] = self.tracker_db
        env["RASA_LOCK_DB"] = str(self.lock_db)
        return env

    def check_services(self) -> None:
        """PostgreSQL and Redis answer; ProductionError says which does not."""
        check_postgres(self.tracker_db)
        check_redis(self.lock_db)

    def write_nginx_conf(self) -> None:
        """Renders the template into run_dir and lets nginx check it (nginx -t)."""
        for folder in (self.log_dir, self.run_dir / "temp"):
            folder.mkdir(parents=True, exist_ok=True)
        self.nginx_conf.write_text(
            render_nginx_conf(
                self.nginx_template.read_text(),
                listen_port=self.port,
                upstream_ports=self.rasa_ports,
                run_dir=self.run_dir,
                access_log=self.access_log,
                client_max_body_size=self.client_max_body_size,
            )
        )
        test = subprocess.run(self._nginx_args("-t", "-q"), capture_output=True, text=True)
        if test.returncode != 0:
            raise ProductionError(f"nginx rejects {self.nginx_conf}:\n{test.stderr.strip()}")

    def start(self, timeout: float = START_TIMEOUT) -> float:
        """Starts everything and waits until nginx and every server answer; returns the seconds taken.

        On failure (a service or port missing, a child exits, `timeout`
        passes) everything started is stopped and ProductionError (or
        AssistantError) says why, with the last lines of the log.
        """
        if self._started:
            raise ProductionError("This production mode was started already.")
        self._started = True
        began = time.monotonic()
        for port, what in [(self.port, "nginx"), (self.actions_port, "the action server")] + [
            (p, f"Rasa server {i + 1}") for i, p in enumerate(self.rasa_ports)
        ]:
            if not port_is_free(port):
                raise ProductionError(f"Port {port} on {HOST} (for {what}) is in use: is production mode running already?")
        self.check_services()
        self.write_nginx_conf()

        env = self.child_env()
        atexit.register(self.stop)
        try:
            self.actions.start(self.project_dir, {**env, "SANIC_HOST": HOST})
            for instance in self.instances:
                instance.start(self.project_dir, env)
            self.nginx_child.start(self.project_dir, env)
            pending = {self.actions: f"{self.actions_url}/health"}
            pending.update({child: f"{url}/" for child, url in zip(self.instances, self.instance_urls)})
            wait_until_answering(pending, began + timeout)
            # Last: nginx answers / once one instance does; now all do.
            wait_until_answering({self.nginx_child: f"{self.url}/"}, began + timeout)
        except BaseException:
            self.stop()
            raise
        self.startup_seconds = time.monotonic() - began
        return self.startup_seconds

    def exited_child(self) -> Optional[Child]:
        """The first process that is no longer running, if any."""
        return next((child for child in self.children if child.has_exited()), None)

    def check(self) -> None:
        """Raises ProductionError if a process has exited."""
        child = self.exited_child()
        if child is not None:
            raise ProductionError(child.describe_exit())

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Stops nginx, then the Rasa servers (together), then the action server. Safe to call again."""
        self.nginx_child.stop(timeout)
        for instance in self.instances:
            instance.request_stop()  # all at once: each takes 1-2 s
        for instance in self.instances:
            instance.stop(timeout)
        self.actions.stop(timeout)
        atexit.unregister(self.stop)

    @property
    def log_paths(self) -> List[Path]:
        return [child.log_path for child in self.children] + [self.access_log]

    def __enter__(self) -> "Production":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


def start_production(
    model: Optional[PathLike] = None,
    *,
    instances: int = 2,
    timeout: float = START_TIMEOUT,
    **options: object,
) -> Production:
    """Starts production mode and returns once nginx and every server answer.

    Use the result in a `with` block, or call its stop() yourself. `options`
    are Production's: port, rasa_port, actions_port (None: free ports),
    project_dir, endpoints, credentials, tracker_db, lock_db, run_dir,
    client_max_body_size, cors (website origins), env (extra variables for the servers), python, nginx.
    """
    production = Production(model, instances=instances, **options)  # type: ignore[arg-type]
    production.start(timeout)
    return production
