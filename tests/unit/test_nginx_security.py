"""Production mode's nginx (deploy/nginx.conf.template): no CORS of its own, health without details.

nginx runs for real in front of a stand-in Rasa that records what it is asked
(nginx comes from `make prod-deps`, which CI runs; skipped without it).
"""
import json
import re
import shutil
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from scripts.assistant_process import PROJECT_ROOT, answers, free_port
from scripts.production import NGINX_TEMPLATE, render_nginx_conf

TEMPLATE = (PROJECT_ROOT / NGINX_TEMPLATE).read_text()
DETAILS = {"status": "ok", "tracker_store": "SQLTrackerStore", "database": "reachable"}


def test_nginx_adds_no_cors_headers():
    assert not re.search(r"add_header\s+Access-Control", TEMPLATE, re.IGNORECASE)
    assert not re.search(r"add_header[^;]*\*", TEMPLATE)


class StandInRasa(BaseHTTPRequestHandler):
    """Answers like Rasa's health routes; records each path it is asked for."""

    paths: list = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        self.paths.append(self.path)
        body = {"status": "ok"} if self.path == "/webhooks/health/public" else DETAILS
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def nginx(tmp_path_factory):
    binary = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/usr/local/sbin")
    if binary is None:
        pytest.fail("nginx is not installed: `make prod-deps` installs Debian's package", pytrace=False)
    rasa = ThreadingHTTPServer(("127.0.0.1", 0), StandInRasa)
    threading.Thread(target=rasa.serve_forever, daemon=True).start()
    run_dir = tmp_path_factory.mktemp("nginx")
    for folder in ("logs", "temp"):
        (run_dir / folder).mkdir()
    port = free_port()
    conf = run_dir / "nginx.conf"
    conf.write_text(render_nginx_conf(TEMPLATE, listen_port=port, upstream_ports=[rasa.server_address[1]],
                                      run_dir=run_dir, access_log=run_dir / "logs" / "access.log",
                                      client_max_body_size="64k"))
    process = subprocess.Popen([binary, "-p", str(run_dir), "-c", str(conf), "-e", "stderr"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while not answers(f"{url}/webhooks/health/"):
            assert process.poll() is None, process.stderr.read().decode()
            assert time.monotonic() < deadline
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(10)
        rasa.shutdown()


@pytest.mark.parametrize("path", ["/webhooks/health/", "/webhooks/health", "/webhooks/health/?verbose=1",
                                  "/webhooks/health/public"])
def test_the_outside_sees_health_as_up_or_down_only(nginx, path):
    StandInRasa.paths.clear()
    reply = requests.get(nginx + path, timeout=10)
    assert reply.status_code == 200 and reply.json() == {"status": "ok"}
    assert StandInRasa.paths == ["/webhooks/health/public"]


def test_rasas_api_is_not_reachable_through_nginx(nginx):
    StandInRasa.paths.clear()
    for path in ("/status", "/conversations/x/tracker", "/model"):
        assert requests.get(nginx + path, timeout=10).status_code == 404
    assert StandInRasa.paths == []


def test_nginx_answers_another_origin_with_no_cors_headers(nginx):
    reply = requests.get(f"{nginx}/webhooks/web/widget.js", headers={"Origin": "https://evil.example"}, timeout=10)
    assert not [h for h in reply.headers if h.lower().startswith("access-control-")]
