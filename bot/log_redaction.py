"""Personal data out of the logs: every log record is redacted when it is made.

Installed in Rasa's process (by bot/privacy_channel.py and the tracker store,
which Rasa imports before it handles a message) and in the action server (by
actions/__init__.py). A record factory, not a handler filter, because Rasa,
Sanic and the SDK each add handlers of their own: the factory sees every
record of every logger, whichever handler writes it.
"""
import logging

from bot.redaction import redact


def redact_record(record: logging.LogRecord) -> None:
    """The record's message (and its traceback) with personal data masked, in place."""
    try:
        message = record.getMessage()
    except Exception:  # a broken format string: logging reports that itself, later
        return
    clean = redact(message)
    if clean != message:
        record.msg, record.args = clean, ()
    if record.exc_info and not record.exc_text:
        # Exception texts can quote what the user typed; format them now, masked.
        record.exc_text = redact(logging.Formatter().formatException(record.exc_info))


def install() -> None:
    """From now on every log record of this process is redacted (twice is harmless)."""
    make_record = logging.getLogRecordFactory()
    if getattr(make_record, "redacts", False):
        return

    def redacting_record(*args, **kwargs) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        redact_record(record)
        return record

    redacting_record.redacts = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(redacting_record)
