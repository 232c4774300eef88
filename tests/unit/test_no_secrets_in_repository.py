"""No secret in the repository: every tracked file is scanned for values that look like one.

Secrets come from the environment only (README, "Settings and secrets"). Found:
private keys, provider key formats (AWS, GitHub, Slack, Google, Stripe, JWTs),
passwords inside URLs, and literal values given to names like *token*,
*secret*, *password*, *api_key*. Not found: look-ups (`${VAR}`, `$(...)`,
`os.environ`), names (RASA_API_TOKEN, X-Action-Server-Token: letters only) and
stand-ins that say so: "test", "e2e", "example", "fake", "dummy", "wrong" or
"unused" anywhere; in tests also "token" or "secret", or a value shorter than
12 characters ("hd-secret"). A random value pasted into a test is still caught.
"""
import re
import subprocess
from pathlib import Path
from typing import Iterator, List, Tuple

import pytest

REPO = Path(__file__).resolve().parents[2]
MAX_BYTES = 2_000_000

# Built from parts, so this file does not match itself.
PRIVATE_KEY = re.compile("-----BEGIN [A-Z ]*" + "PRIVATE KEY-----")
PROVIDER_FORMATS = {
    "AWS access key": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b"),
    "Slack token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "Stripe live key": re.compile(r"\b[rs]k_live_[0-9A-Za-z]{16,}"),
    "JSON web token": re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"),
}
URL_PASSWORD = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s/:@'\"]+:([^\s/@'\"]+)@", re.IGNORECASE)
SECRET_NAME = r"[A-Za-z0-9_-]*(?:token|secret|passw(?:or)?d|pwd|api_?key|private_?key|credential)[A-Za-z0-9_-]*"
QUOTED_VALUE = re.compile(rf"(?i)\b{SECRET_NAME}[\"']?\s*(?::|=|:=|\?=)\s*[bru]?[\"']([^\"'\s]+)[\"']")
BARE_VALUE = re.compile(rf"(?im)^\s*(?:export\s+)?{SECRET_NAME}\s*(?::|=|:=|\?=)\s*([^\s\"'#]+)\s*(?:#.*)?$")
STAND_IN = re.compile(r"test|e2e|example|fake|dummy|wrong|unused|placeholder", re.IGNORECASE)
TEST_STAND_IN = re.compile(r"token|s[e3]cret", re.IGNORECASE)  # in tests, a value that names its kind
LOOK_UP = re.compile(r"[${}()<>\[\]]|os\.environ|\.get\b")
NAME_LIKE = re.compile(r"[A-Za-z]+(?:[-_ .][A-Za-z]+)*")  # RASA_API_TOKEN, X-Action-Server-Token, Bearer


def tracked_files() -> List[Path]:
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=REPO, capture_output=True, check=True).stdout
    return [REPO / name for name in listed.decode().split("\0") if name]


def is_secret_value(value: str, in_tests: bool) -> bool:
    value = value.rstrip(",;")
    if len(value) < 8 or LOOK_UP.search(value) or NAME_LIKE.fullmatch(value) or STAND_IN.search(value):
        return False
    if in_tests and (len(value) < 12 or TEST_STAND_IN.search(value)):  # "hd-secret", "s3cret-staff-token"
        return False
    return value not in ("None", "null", "true", "false")


def findings(text: str, in_tests: bool = False) -> Iterator[Tuple[int, str]]:
    """(line number, what) for each secret-looking value in `text`."""
    for number, line in enumerate(text.splitlines(), 1):
        if PRIVATE_KEY.search(line):
            yield number, "a private key"
        for what, pattern in PROVIDER_FORMATS.items():
            if pattern.search(line):
                yield number, f"a {what}"
        for match in URL_PASSWORD.finditer(line):
            if not LOOK_UP.search(match.group(1)) and not STAND_IN.search(match.group(1)):
                yield number, "a password in a URL"
        for pattern in (QUOTED_VALUE, BARE_VALUE):
            for match in pattern.finditer(line):
                if is_secret_value(match.group(1), in_tests):
                    yield number, f"a literal secret value ({match.group(0).strip()[:40]}...)"


def test_no_tracked_file_holds_a_secret():
    found = []
    for path in tracked_files():
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            continue
        raw = path.read_bytes()
        if b"\0" in raw:  # binary
            continue
        relative = path.relative_to(REPO)
        in_tests = relative.parts[0] == "tests"
        found += [f"{relative}:{line}: {what}" for line, what in findings(raw.decode("utf-8", "replace"), in_tests)]
    assert not found, "Secrets belong in the environment, not the repository:\n" + "\n".join(found)


def test_the_scan_covers_the_repository():
    names = {str(p.relative_to(REPO)) for p in tracked_files()}
    assert {"README.md", "endpoints.yml", "Makefile", "bot/staff_channel.py"} <= names


# Planted samples, made at run time so they are in no file.
PLANTED = [
    "-----BEGIN RSA " + "PRIVATE KEY-----",
    "key = 'AKIA" + "ABCDEFGHIJKLMNOP'",
    "url: postgresql://rasa:" + "Xk29fhQp@db.internal:5432/rasa",
    'HELPDESK_TOKEN = "' + "9f86d081884c7d659a2f" + '"',
    "  password: " + "hunter2hunter2",
    "export STAFF_TOKEN=" + "Qm3xv9LpZr7Tb2Wk",
    "jwt = 'eyJ" + "hbGciOiJIUzI1NiJ9.eyJ" + "zdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'",
]
NOT_SECRETS = [
    "  url: ${ACTION_ENDPOINT_URL}",
    "    X-Action-Server-Token: ${ACTION_SERVER_TOKEN}",
    'API_TOKEN = "RASA_API_TOKEN"',
    'ACTION_TOKEN_HEADER = "X-Action-Server-Token"',
    "ACTION_SERVER_TOKEN := $(shell od -An -N24 -tx1 /dev/urandom)",
    'token = os.environ.get("STAFF_TOKEN", "")',
    'STAFF_TOKEN = "e2e-staff-token"',
    "postgresql://postgres@127.0.0.1:5432/rasa",
    "postgresql://user:${RASA_DB_PASSWORD}@127.0.0.1/rasa",
]


@pytest.mark.parametrize("line", PLANTED)
def test_the_scan_finds_planted_secrets(line):
    assert list(findings(line)), line


@pytest.mark.parametrize("line", NOT_SECRETS)
def test_the_scan_leaves_settings_and_stand_ins_alone(line):
    assert not list(findings(line)), line


def test_a_random_value_in_a_test_is_still_found():
    assert list(findings('TOKEN = "' + "Qm3xv9LpZr7Tb2WkYs8" + '"', in_tests=True))
