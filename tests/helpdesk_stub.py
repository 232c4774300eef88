"""A real helpdesk stand-in for the tests: an HTTP server on 127.0.0.1 in a thread.

It records every ticket POSTed to it and answers with the statuses it is told
to (503 while "down", 201 when up), so delivery, retries and resending are
tested over real HTTP, not with mocks.
"""
import json
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Dict, Iterator, List, Optional


class HelpdeskStub:
    def __init__(self) -> None:
        self.received: List[Dict[str, Any]] = []  # tickets it accepted
        self.attempts = 0  # every POST, accepted or not
        self.headers: List[Dict[str, str]] = []
        self.down = False
        self.fail_next = 0  # the next N requests get a 503, then it is up again
        self.delay = 0.0  # seconds it waits before it answers: a slow (or hanging) helpdesk
        self._lock = threading.Lock()
        self._server: Optional[ThreadingHTTPServer] = None

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/tickets"

    def status_for_next_request(self) -> int:
        with self._lock:
            self.attempts += 1
            if self.down:
                return 503
            if self.fail_next:
                self.fail_next -= 1
                return 503
            return 201

    def start(self) -> "HelpdeskStub":
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if stub.delay:  # not time.sleep: some tests record the backoff by replacing it
                    threading.Event().wait(stub.delay)
                status = stub.status_for_next_request()
                with stub._lock:
                    stub.headers.append(dict(self.headers))
                    if status < 300:
                        stub.received.append(json.loads(body))
                reply = json.dumps({"ok": status < 300}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()


@contextmanager
def running_helpdesk() -> Iterator[HelpdeskStub]:
    stub = HelpdeskStub().start()
    try:
        yield stub
    finally:
        stub.stop()
