"""`make audit` (scripts/audit.py): which pip-audit findings fail it, and SECURITY.md's list of accepted ones."""
import re
from pathlib import Path

from scripts.audit import accepted_ids, describe, read_report, verdict

REPO = Path(__file__).resolve().parents[2]
SECURITY_MD = (REPO / "SECURITY.md").read_text()


def report(*dependencies):
    return {"dependencies": list(dependencies), "fixes": []}


def dep(name, version, *vulns):
    return {"name": name, "version": version,
            "vulns": [{"id": v[0], "aliases": list(v[1:]), "fix_versions": ["9.9"]} for v in vulns]}


ACCEPTED = accepted_ids("# Security\n\n## Accepted findings\n\n| aiohttp | CVE-2024-52304 |\n\n"
                        "## Later\n\nCVE-2099-0001 is only mentioned here.\n")


def test_only_the_accepted_section_counts():
    assert ACCEPTED == {"CVE-2024-52304"}


def test_no_findings_pass():
    assert verdict(read_report(report(dep("requests", "2.34.2"))), ACCEPTED) == 0


def test_a_finding_accepted_under_one_of_its_aliases_passes():
    audit = read_report(report(dep("aiohttp", "3.9.5", ("GHSA-8495-4g3g-x7pr", "CVE-2024-52304"))))
    assert verdict(audit, ACCEPTED) == 0
    assert "accepted in SECURITY.md" in "\n".join(describe(audit, ACCEPTED))


def test_a_finding_not_accepted_fails():
    audit = read_report(report(dep("aiohttp", "3.9.5", ("GHSA-8495-4g3g-x7pr", "CVE-2024-52304")),
                               dep("jinja2", "3.1.6", ("PYSEC-2099-1", "CVE-2099-0001"))))
    assert verdict(audit, ACCEPTED) == 1
    assert "NEW: not accepted" in "\n".join(describe(audit, ACCEPTED))


def test_an_audit_that_could_not_look_a_dependency_up_is_no_pass():
    skipped = {"name": "sanic", "skip_reason": "Dependency not found on PyPI and could not be audited: sanic (21.12.2)"}
    audit = read_report(report(dep("requests", "2.34.2"), skipped))
    assert verdict(audit, ACCEPTED) == 2
    assert "Could NOT audit 1" in "\n".join(describe(audit, ACCEPTED))


def test_accepted_ids_no_longer_found_are_named():
    assert "no longer found" in "\n".join(describe(read_report(report(dep("aiohttp", "3.9.5"))), ACCEPTED))


def pins():
    text = (REPO / "constraints.txt").read_text()
    return {name.lower().replace("_", "-"): version
            for name, version in re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", text, re.MULTILINE)}


def test_security_md_accepts_findings_and_names_their_current_pins():
    accepted = accepted_ids(SECURITY_MD)
    assert "CVE-2024-3660" in accepted and len(accepted) >= 10
    section = SECURITY_MD.split("## Accepted findings", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| ([a-z0-9_-]+) ([0-9][^ |]*) \|", section, re.MULTILINE)
    assert rows
    current = pins()
    stale = [f"{name} {version} (constraints.txt: {current.get(name)})"
             for name, version in rows if current.get(name) != version]
    assert not stale, "SECURITY.md accepts findings of versions no longer pinned: " + ", ".join(stale)
