"""The staff report: the tracker store's conversations as a digest (make report).

    .venv/bin/python scripts/report.py [--endpoints endpoints.postgres.yml] [--out results/report]

Reads the `events` table of the tracker store that the endpoints file
configures (default endpoints.yml: SQLite var/tracker.db; PostgreSQL with
endpoints.postgres.yml and RASA_TRACKER_DB), the thumbs up / down of FEEDBACK_DB
(default var/feedback.sqlite3) and the handoff tickets of HANDOFF_DB (default
var/handoff.sqlite3); a database that is missing counts as empty. Writes into
--out: report.md, answers_per_topic.csv, no_answers.csv, thumbs_down.csv,
daily.csv and chart.png. The digest itself is bot/report.py.
"""
import argparse
import os
import sqlite3
import sys
from contextlib import closing
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Dict, Iterator, List, Mapping, Optional, Tuple

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from bot.report import build_digest, render_markdown, write_csvs  # noqa: E402
from bot.tracker_check import TrackerStoreUnavailable, read_tracker_store_config  # noqa: E402

DEFAULT_FEEDBACK_DB = "var/feedback.sqlite3"
DEFAULT_HANDOFF_DB = "var/handoff.sqlite3"
DEFAULT_TIMEZONE = "Europe/Amsterdam"  # the staff's days
EVENT_TYPES = ("user", "bot", "slot")  # the rest (actions, featurization) says nothing to the staff
Notes = List[str]


class ReportError(RuntimeError):
    """The report cannot be made; the message says why."""


def tracker_events(url: str) -> Iterator[Dict[str, object]]:
    """The user, bot and slot events of every conversation, in stored order (streamed)."""
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            if not sa.inspect(connection).has_table("events"):
                return  # Rasa makes the table on first start: no conversations yet
            rows = connection.execution_options(stream_results=True).execute(
                sa.text("SELECT sender_id, type_name, timestamp, data FROM events "
                        "WHERE type_name IN ('user', 'bot', 'slot') ORDER BY id"))
            for sender_id, type_name, timestamp, data in rows:
                yield {"sender_id": sender_id, "type_name": type_name, "timestamp": timestamp, "data": data}
    except sa.exc.SQLAlchemyError as error:
        first = (str(error).strip().splitlines() or [repr(error)])[0]
        raise ReportError(f"Cannot read the tracker store at {engine.url!r}: {first}") from None
    finally:
        engine.dispose()


def shown(path: Path) -> str:
    """A path as the staff read it: relative to the project when inside it."""
    try:
        return str(path.resolve().relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def open_read_only(path: Path) -> Optional[sqlite3.Connection]:
    """A read-only connection to an existing SQLite file, else None."""
    if not path.is_file():
        return None
    try:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None


def columns_of(db: sqlite3.Connection, table: str) -> List[str]:
    return [row[1] for row in db.execute(f'PRAGMA table_info("{table}")')]


def read_votes(path: Path, notes: Notes) -> List[Mapping[str, object]]:
    """The votes table of the feedback database (bot/feedback_channel.py); [] when missing."""
    db = open_read_only(path)
    if db is None:
        notes.append(f"No feedback database at {shown(path)}: thumbs up / down counted as none.")
        return []
    wanted = ("created_at", "sender_id", "topic", "vote")
    with closing(db):
        try:
            if not set(wanted) <= set(columns_of(db, "votes")):
                notes.append(f"{shown(path)} has no votes table with {', '.join(wanted)}: thumbs counted as none.")
                return []
            return [dict(zip(wanted, row))
                    for row in db.execute(f"SELECT {', '.join(wanted)} FROM votes ORDER BY rowid")]
        except sqlite3.Error as error:
            notes.append(f"Could not read the votes in {shown(path)} ({error}): thumbs counted as none.")
            return []


def read_ticket_counts(path: Path, notes: Notes) -> Optional[Dict[str, int]]:
    """Tickets per status in the handoff inbox (actions/tickets_store.py); None when there is no inbox."""
    db = open_read_only(path)
    if db is None:
        notes.append(f"No handoff inbox at {shown(path)}: no tickets counted.")
        return None
    with closing(db):
        try:
            tables = [name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            table = next((t for t in ("tickets", "handoffs", "handoff") if t in tables), None)
            if table is None:
                notes.append(f"{shown(path)} has no tickets table: no tickets counted.")
                return None
            if "status" not in columns_of(db, table):
                (total,) = db.execute(f'SELECT count(*) FROM "{table}"').fetchone()
                return {"total": total}
            return {str(status): count for status, count in
                    db.execute(f'SELECT status, count(*) FROM "{table}" GROUP BY status')}
        except sqlite3.Error as error:
            notes.append(f"Could not read the tickets in {shown(path)} ({error}).")
            return None


def local_timezone(name: str) -> tzinfo:
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:  # no time zone data on this machine
        from datetime import timezone

        return timezone.utc


def from_environment(variable: str, default: str) -> Path:
    path = Path(os.environ.get(variable) or default)
    return path if path.is_absolute() else PROJECT_ROOT / path


def make_report(endpoints: Path, out: Path, feedback_db: Path, handoff_db: Path,
                tz_name: str = DEFAULT_TIMEZONE, chart: bool = True) -> Tuple[Path, List[Path]]:
    """Writes the report into `out`; returns report.md and the other files."""
    try:
        config = read_tracker_store_config(endpoints)
    except TrackerStoreUnavailable as error:
        raise ReportError(str(error)) from None
    if config is None or not config.is_sql:
        raise ReportError(f"{endpoints} configures no SQL tracker store: there are no stored conversations to read.")
    url = config.sqlalchemy_url(PROJECT_ROOT)
    if config.is_sqlite and not config.sqlite_path(PROJECT_ROOT).is_file():
        raise ReportError(f"No tracker database at {config.sqlite_path(PROJECT_ROOT)}: "
                          "has the assistant run with this endpoints file?")
    notes: Notes = []
    tz = local_timezone(tz_name)
    votes = read_votes(feedback_db, notes)
    tickets = read_ticket_counts(handoff_db, notes)
    digest = build_digest(tracker_events(url), votes, tickets, tz)

    out.mkdir(parents=True, exist_ok=True)
    files = write_csvs(digest, out)
    if chart:
        from bot.report_chart import draw_chart

        files.append(draw_chart(digest, out / "chart.png"))
    report = out / "report.md"
    source = f"the {config.describe()} ({endpoints.name}), times in {tz_name}"
    report.write_text(render_markdown(digest, source=source, generated=datetime.now(tz),
                                      chart="chart.png" if chart else None, notes=notes), encoding="utf-8")
    return report, files


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--endpoints", default="endpoints.yml", help="the tracker store to read (default %(default)s)")
    parser.add_argument("--out", default="results/report", help="folder for the files (default %(default)s)")
    parser.add_argument("--feedback-db", help=f"votes (default $FEEDBACK_DB or {DEFAULT_FEEDBACK_DB})")
    parser.add_argument("--handoff-db", help=f"tickets (default $HANDOFF_DB or {DEFAULT_HANDOFF_DB})")
    parser.add_argument("--timezone", default=DEFAULT_TIMEZONE, help="whose days (default %(default)s)")
    parser.add_argument("--no-chart", action="store_true", help="skip chart.png")
    args = parser.parse_args(argv)
    os.environ.setdefault("RASA_TRACKER_DB", "rasa")  # endpoints.postgres.yml names it
    os.environ.setdefault("ACTION_ENDPOINT_URL", "http://127.0.0.1:5055/webhook")  # unused here
    os.environ.setdefault("ACTION_SERVER_TOKEN", "unused-by-the-report")  # endpoints*.yml name it

    endpoints = Path(args.endpoints)
    endpoints = endpoints if endpoints.is_absolute() else PROJECT_ROOT / endpoints
    out = Path(args.out)
    out = out if out.is_absolute() else PROJECT_ROOT / out
    try:
        report, files = make_report(
            endpoints, out,
            Path(args.feedback_db) if args.feedback_db else from_environment("FEEDBACK_DB", DEFAULT_FEEDBACK_DB),
            Path(args.handoff_db) if args.handoff_db else from_environment("HANDOFF_DB", DEFAULT_HANDOFF_DB),
            args.timezone, chart=not args.no_chart)
    except ReportError as error:
        print(f"report: {error}", file=sys.stderr)
        return 1
    print(f"Report: {shown(report)}")
    for path in files:
        print(f"        {path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
