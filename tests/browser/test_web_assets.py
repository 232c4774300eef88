"""The widget's files as Rasa serves them (bot/web_channel.py), and what the widget's source never does."""
import re

import pytest
import requests

from scripts.assistant_process import PROJECT_ROOT

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name,content_type", [
    ("demo", "text/html; charset=utf-8"),
    ("widget.js", "text/javascript; charset=utf-8"),
    ("widget.css", "text/css; charset=utf-8"),
])
def test_the_files_come_with_their_type_and_caching(assistant, name, content_type):
    reply = requests.get(f"{assistant.url}/webhooks/web/{name}", timeout=10)
    assert reply.status_code == 200
    assert reply.headers["Content-Type"] == content_type
    assert reply.headers["Cache-Control"] == "no-cache"
    assert reply.headers["X-Content-Type-Options"] == "nosniff"
    again = requests.get(f"{assistant.url}/webhooks/web/{name}", timeout=10,
                         headers={"If-None-Match": reply.headers["ETag"]})
    assert again.status_code == 304 and not again.content


def test_the_demo_page_embeds_the_widget_with_one_script_tag(assistant):
    reply = requests.get(f"{assistant.url}/webhooks/web/demo", timeout=10)
    assert re.findall(r"<script[^>]*>", reply.text) == ['<script src="widget.js" defer>']
    assert "script-src 'self'" in reply.headers["Content-Security-Policy"]


@pytest.mark.parametrize("path", [
    "../credentials.yml", "%2e%2e/credentials.yml", "%2e%2e%2fcredentials.yml", "..%2f..%2fcredentials.yml",
    "widget.js/../../credentials.yml", "demo.html", "web/widget.js", "", "widget.js%00.css",
])
def test_nothing_else_is_served(assistant, path):
    reply = requests.get(f"{assistant.url}/webhooks/web/{path}", timeout=10)
    assert reply.status_code == 404
    assert "SafeRestInput" not in reply.text


def test_the_widget_never_writes_html():
    source = (PROJECT_ROOT / "web" / "widget.js").read_text()
    for risky in (".innerHTML", ".outerHTML", ".insertAdjacentHTML", "document.write", "eval(", "new Function("):
        assert risky not in source, f"web/widget.js uses {risky}"
