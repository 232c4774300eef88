"""The staff page: the handoff tickets waiting for the Welcome Centre staff.

A Rasa input channel only for its routes (credentials.yml: `bot.staff_channel.StaffPages:`):

    GET  /webhooks/staff/tickets             open and pending tickets, HTML (?format=json: JSON)
    POST /webhooks/staff/tickets/<id>/done   marks a ticket done

Both need the staff token of STAFF_TOKEN, as `Authorization: Bearer <token>`
(or `?token=<token>`, for a browser). Without STAFF_TOKEN the page is off
(503): a deployment never shows tickets because someone forgot a setting.
The tickets come from the local store the action server writes (HANDOFF_DB).
"""
import hmac
import os
from html import escape
from typing import Any, Awaitable, Callable, Dict, List, Mapping, Optional, Text, Tuple
from urllib.parse import quote

from rasa.core.channels.channel import InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.tickets_store import DONE, OPEN, PENDING, StoredTicket, TicketStore

DISABLED = "staff page disabled: set STAFF_TOKEN"


def check_access(configured: Optional[str], authorization: Optional[str],
                 query_token: Optional[str]) -> Optional[Tuple[int, str]]:
    """None when the request may see the tickets, else (status, reason)."""
    if not configured:
        return 503, DISABLED
    given = query_token or ""
    if authorization and authorization.lower().startswith("bearer "):
        given = authorization[len("bearer "):].strip()
    # Constant-time comparison: the time taken says nothing about the token.
    if not given or not hmac.compare_digest(given.encode("utf-8"), configured.encode("utf-8")):
        return 401, "a valid staff token is needed (Authorization: Bearer <token>)"
    return None


def ticket_json(stored: StoredTicket) -> Dict[str, Any]:
    return {**stored.ticket.as_dict(), "status": stored.status, "attempts": stored.attempts,
            "updated_at": stored.updated_at}


def _row(stored: StoredTicket, token_query: str) -> str:
    t = stored.ticket
    lines = "".join(f"<li><b>{escape(line.speaker)}</b>: {escape(line.text)}</li>" for line in t.transcript)
    topics = escape(", ".join(t.answered_topics)) or "none"
    status = "waiting to be sent to the helpdesk" if stored.status == PENDING else stored.status
    done_url = f"tickets/{quote(t.id, safe='')}/done{token_query}"
    return (f"<tr><td>{escape(t.id)}<br><small>{escape(t.created_at)}</small><br><small>{escape(status)}</small></td>"
            f"<td>{escape(t.name)}<br><a href=\"mailto:{escape(t.email, quote=True)}\">{escape(t.email)}</a></td>"
            f"<td lang=\"{escape(t.language, quote=True)}\">{escape(t.question)}"
            f"<br><small>language: {escape(t.language)}; already answered: {topics}</small>"
            f"<details><summary>conversation ({len(t.transcript)} messages)</summary><ul>{lines}</ul></details></td>"
            f"<td><form method=\"post\" action=\"{escape(done_url, quote=True)}\">"
            f"<button type=\"submit\">Mark done</button></form></td></tr>")


def render_page(tickets: List[StoredTicket], token_query: str = "") -> str:
    rows = "".join(_row(t, token_query) for t in tickets) or '<tr><td colspan="4">No open tickets.</td></tr>'
    return ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>Open handoff tickets</title><style>body{font-family:sans-serif;margin:2em}"
            "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.5em;vertical-align:top}</style>"
            f"</head><body><h1>Open handoff tickets ({len(tickets)})</h1>"
            "<table><tr><th>Ticket</th><th>From</th><th>Question</th><th></th></tr>"
            f"{rows}</table></body></html>")


def _denied(problem: Tuple[int, str]) -> HTTPResponse:
    status, reason = problem
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
    return response.json({"error": "unauthorized" if status == 401 else "disabled", "reason": reason},
                         status=status, headers=headers)


def _access(request: Request) -> Optional[Tuple[int, str]]:
    return check_access(os.environ.get("STAFF_TOKEN"), request.headers.get("Authorization"),
                        request.args.get("token"))


def _token_query(args: Mapping[str, Any]) -> str:
    token = args.get("token") if hasattr(args, "get") else None
    return f"?token={quote(token, safe='')}" if token else ""


class StaffPages(InputChannel):
    @classmethod
    def name(cls) -> Text:
        return "staff"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        pages = Blueprint("staff_pages", __name__)

        @pages.route("/tickets", methods=["GET"])
        async def tickets(request: Request) -> HTTPResponse:
            problem = _access(request)
            if problem:
                return _denied(problem)
            waiting = TicketStore.from_environment().with_status(OPEN, PENDING)
            if request.args.get("format") == "json":
                return response.json({"tickets": [ticket_json(t) for t in waiting]})
            return response.html(render_page(waiting, _token_query(request.args)),
                                 headers={"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"})

        @pages.route("/tickets/<ticket_id>/done", methods=["POST"])
        async def done(request: Request, ticket_id: str) -> HTTPResponse:
            problem = _access(request)
            if problem:
                return _denied(problem)
            if not TicketStore.from_environment().set_status(ticket_id, DONE, only_from=(OPEN, PENDING)):
                return response.json({"error": "not_found", "reason": "no open ticket with that id"}, status=404)
            if request.content_type.startswith("application/x-www-form-urlencoded"):
                return response.redirect(f"../../tickets{_token_query(request.args)}", status=303)
            return response.json({"ok": True, "id": ticket_id, "status": DONE})

        return pages
