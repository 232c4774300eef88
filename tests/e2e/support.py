"""Helpers the end-to-end tests share: the current model and a PostgreSQL cursor."""
import functools
import subprocess
import sys
from contextlib import contextmanager

import psycopg2

from scripts.assistant_process import PROJECT_ROOT


@functools.lru_cache(maxsize=None)
def current_model() -> str:
    """The model for the current data: train_if_changed.py trains if needed; its last line is the path."""
    out = subprocess.run([sys.executable, str(PROJECT_ROOT / "scripts" / "train_if_changed.py")],
                         check=True, capture_output=True, text=True, cwd=PROJECT_ROOT)
    return out.stdout.strip().splitlines()[-1]


@contextmanager
def postgres(database: str = "postgres"):
    """An autocommit cursor on `database`; the connection is closed after."""
    connection = psycopg2.connect(host="127.0.0.1", port=5432, user="postgres", dbname=database)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            yield cursor
    finally:
        connection.close()


def sqlite_endpoints(folder, database=None):
    """endpoints.yml with its SQLite tracker store at `database` (default: tracker.db in `folder`)."""
    endpoints = folder / "endpoints.yml"
    endpoints.write_text((PROJECT_ROOT / "endpoints.yml").read_text().replace(
        "db: var/tracker.db", f"db: {database or folder / 'tracker.db'}"))
    return endpoints


def scratch_stores(folder):
    """The endpoints and environment of an assistant that keeps everything in `folder`."""
    return sqlite_endpoints(folder), {"HANDOFF_DB": str(folder / "handoff.sqlite3"),
                                      "FEEDBACK_DB": str(folder / "feedback.sqlite3")}
