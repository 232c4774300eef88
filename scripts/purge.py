"""Deletes what is older than the retention: conversations, handoff tickets and feedback (make purge).

    .venv/bin/python scripts/purge.py [--days N] [--endpoints endpoints.postgres.yml]

N defaults to PRIVACY_RETENTION_DAYS (30), the number of days the privacy
notice promises (bot/privacy.py). Conversations are the events of the tracker
store the endpoints file configures (SQLite, or PostgreSQL with RASA_TRACKER_DB);
tickets and email drafts are in HANDOFF_DB, votes in FEEDBACK_DB (bot/retention.py).
Prints what it deleted. Run it daily (cron) to keep the notice's promise.
"""
import argparse
import os
import sys
from pathlib import Path
from typing import List, Optional

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from bot.privacy import RetentionSettingError, retention_days  # noqa: E402
from bot.retention import (DRAFT_DAYS, DRAFTS, TICKETS, VOTES, cutoff, delete_older_events,  # noqa: E402
                           delete_older_rows, iso, path_of)
from bot.tracker_check import TrackerStoreUnavailable, read_tracker_store_config  # noqa: E402


def days_argument(value: str) -> int:
    if not value.strip().isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"a whole number of days, at least 1 (not {value!r})")
    return int(value)


def shown(path: Path) -> str:
    try:
        return str(path.relative_to(PROJECT_ROOT))
    except ValueError:  # outside the project (Path.is_relative_to needs Python 3.9)
        return str(path)


def counted(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def purge(days: int, endpoints: Path) -> List[str]:
    """Deletes what is older than `days`; the lines that say what went.

    TrackerStoreUnavailable when the endpoints configure no SQL tracker store."""
    config = read_tracker_store_config(endpoints)
    if config is None or not config.is_sql:
        raise TrackerStoreUnavailable(f"{endpoints} configures no SQL tracker store: nothing to purge there.")
    before = cutoff(days)
    lines = [f"Deleting what is older than {counted(days, 'day')} (stored before {iso(before)}):"]
    if config.is_sqlite and not config.sqlite_path(PROJECT_ROOT).is_file():
        lines.append(f"  conversations: none ({config.describe()} does not exist)")
    else:
        events, conversations = delete_older_events(config.sqlalchemy_url(PROJECT_ROOT), before)
        lines.append(f"  conversations: {counted(events, 'event')} of {counted(conversations, 'conversation')} "
                     f"({config.describe()})")
    for table, table_days in ((TICKETS, days), (DRAFTS, min(days, DRAFT_DAYS)), (VOTES, days)):
        deleted = delete_older_rows(table, cutoff(table_days))
        age = "" if table_days == days else f" older than {counted(table_days, 'day')}"
        lines.append(f"  {table.what}{age}: {deleted} ({shown(path_of(table))})")
    return lines


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=days_argument,
                        help="keep this many days (default $PRIVACY_RETENTION_DAYS or 30)")
    parser.add_argument("--endpoints", default="endpoints.yml", help="the tracker store (default %(default)s)")
    args = parser.parse_args(argv)
    os.environ.setdefault("RASA_TRACKER_DB", "rasa")  # endpoints*.yml name these; only the store is read
    os.environ.setdefault("ACTION_ENDPOINT_URL", "http://127.0.0.1:5055/webhook")
    os.environ.setdefault("ACTION_SERVER_TOKEN", "unused-by-purge")
    try:
        days = args.days or retention_days()
    except RetentionSettingError as error:
        parser.error(str(error))
    endpoints = Path(args.endpoints)
    endpoints = endpoints if endpoints.is_absolute() else PROJECT_ROOT / endpoints
    try:
        lines = purge(days, endpoints)
    except TrackerStoreUnavailable as error:
        print(f"purge: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # the database's own error, in one line, not a traceback
        print(f"purge: {type(error).__name__}: {(str(error).strip().splitlines() or [''])[0]}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
