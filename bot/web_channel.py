"""The website chat widget, served by Rasa itself: GET /webhooks/web/{demo,widget.js,widget.css}.

A Rasa input channel that takes no messages (the widget talks to our REST
channel, bot/channels.py); it only serves the three files of web/, so the demo
page, the widget and the assistant share one origin and need no CORS. Another
website embeds the widget with one script tag pointing here (README, "The
website widget"); its origin must then be allowed with RASA_CORS.

Only these fixed names are served, each mapped to one file: a request path
never becomes a file path, so there is no directory traversal to guard against.
"""
import hashlib
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, NamedTuple, Optional, Text

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from rasa.core.channels.channel import InputChannel, UserMessage

WEB_DIR = Path(__file__).resolve().parent.parent / "web"

# The demo page runs no inline script and loads nothing from elsewhere.
DEMO_CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            "connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
            "frame-ancestors 'none'")


class Asset(NamedTuple):
    filename: str
    content_type: str
    extra_headers: Dict[str, str]


ASSETS = {
    "demo": Asset("demo.html", "text/html; charset=utf-8",
                  {"Content-Security-Policy": DEMO_CSP, "Referrer-Policy": "no-referrer"}),
    "widget.js": Asset("widget.js", "text/javascript; charset=utf-8", {}),
    "widget.css": Asset("widget.css", "text/css; charset=utf-8", {}),
}

# Browsers keep the files but ask each time whether they changed (ETag), so a
# new widget reaches every site that embeds it at once.
CACHE_CONTROL = "no-cache"


def asset_response(asset: Asset, if_none_match: Optional[str], web_dir: Path = WEB_DIR) -> HTTPResponse:
    """The file of `asset` with its type and caching headers, 304 when unchanged, 404 when missing."""
    try:
        body = (web_dir / asset.filename).read_bytes()
    except OSError:
        return response.text("not found", status=404)
    etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
    headers = {"Cache-Control": CACHE_CONTROL, "ETag": etag, "X-Content-Type-Options": "nosniff",
               **asset.extra_headers}
    if if_none_match and etag in (tag.strip() for tag in if_none_match.split(",")):
        return response.empty(status=304, headers=headers)
    return response.raw(body, content_type=asset.content_type, headers=headers)


class WebAssets(InputChannel):
    """credentials.yml: `bot.web_channel.WebAssets:` (no settings)."""

    @classmethod
    def name(cls) -> Text:
        return "web"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        web = Blueprint("web_assets", __name__)

        def route(path: str, asset: Asset) -> None:
            async def serve(request: Request) -> HTTPResponse:
                return asset_response(asset, request.headers.get("if-none-match"))

            web.add_route(serve, f"/{path}", methods=["GET", "HEAD"], name=path.replace(".", "_"))

        for path, asset in ASSETS.items():
            route(path, asset)
        return web
