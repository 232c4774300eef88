"""`make audit`: known vulnerabilities in the pinned dependencies, against what SECURITY.md accepts.

    .venv-audit/bin/python scripts/audit.py [--pip-audit PATH] [--requirements constraints.txt]

Runs pip-audit on constraints.txt (every pinned version, no resolving, so it
cannot touch the project's venv) and compares each finding with the IDs listed
under "## Accepted findings" in SECURITY.md (a finding matches by its own ID or
any alias: CVE, GHSA or PYSEC). Exit status:

    0  no finding, or only accepted ones
    1  a finding SECURITY.md does not accept: upgrade it, or explain it there
    2  the audit could not be done (pip-audit failed, or it could not look a
       dependency up: then "no findings" would not mean anything)

Standard library only.
"""
import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any, Dict, Iterable, List, NamedTuple, Optional, Set

PROJECT_ROOT = Path(__file__).resolve().parent.parent
ACCEPTED_HEADING = "## Accepted findings"
ADVISORY_ID = re.compile(r"\b(?:CVE-\d{4}-\d{4,}|GHSA(?:-[2-9a-z]{4}){3}|PYSEC-\d{4}-\d+)\b")
SERVICE_TIMEOUT = 900


class Finding(NamedTuple):
    package: str
    version: str
    id: str
    aliases: List[str]
    fix_versions: List[str]

    @property
    def ids(self) -> Set[str]:
        return {self.id, *self.aliases}


class Audit(NamedTuple):
    findings: List[Finding]
    not_audited: List[str]  # pip-audit's reasons, each naming the package
    audited: int


def accepted_ids(security_md: str) -> Set[str]:
    """The advisory IDs in the "Accepted findings" section of SECURITY.md."""
    start = security_md.find(ACCEPTED_HEADING)
    if start < 0:
        return set()
    rest = security_md[start + len(ACCEPTED_HEADING):]
    end = re.search(r"^## ", rest, re.MULTILINE)
    return set(ADVISORY_ID.findall(rest[:end.start()] if end else rest))


def read_report(report: Dict[str, Any]) -> Audit:
    """pip-audit's JSON report (`-f json`) as findings and the dependencies it could not look up."""
    findings, not_audited, audited = [], [], 0
    for dependency in report.get("dependencies", []):
        name, version = dependency.get("name", "?"), dependency.get("version", "?")
        if "skip_reason" in dependency:  # it names the package and its version
            not_audited.append(dependency["skip_reason"])
            continue
        audited += 1
        for vuln in dependency.get("vulns", []):
            findings.append(Finding(name, version, vuln["id"], list(vuln.get("aliases", [])),
                                    list(vuln.get("fix_versions", []))))
    return Audit(findings, not_audited, audited)


def verdict(audit: Audit, accepted: Set[str]) -> int:
    """The exit status for this audit (see the module's text)."""
    if audit.not_audited:
        return 2
    return 1 if any(not (f.ids & accepted) for f in audit.findings) else 0


def describe(audit: Audit, accepted: Set[str]) -> List[str]:
    lines = [f"Audited {audit.audited} pinned dependencies: {len(audit.findings)} finding(s)."]
    for f in sorted(audit.findings, key=lambda f: (f.package, f.id)):
        status = "accepted in SECURITY.md" if f.ids & accepted else "NEW: not accepted in SECURITY.md"
        fix = ", ".join(f.fix_versions) or "none"
        lines.append(f"  {f.package} {f.version}  {f.id} ({', '.join(f.aliases) or 'no aliases'})  "
                     f"fixed in: {fix}  [{status}]")
    found = set().union(*(f.ids for f in audit.findings)) if audit.findings else set()
    stale = sorted(accepted - found)
    if stale and not audit.not_audited:
        lines.append("Accepted in SECURITY.md but no longer found (remove them there): " + ", ".join(stale))
    if audit.not_audited:
        lines.append(f"Could NOT audit {len(audit.not_audited)} dependencies, so the result means nothing "
                     "(is the vulnerability service reachable? AUDIT_SERVICE=osv tries osv.dev):")
        lines += [f"  {line}" for line in audit.not_audited[:10]]
        if len(audit.not_audited) > 10:
            lines.append(f"  ... and {len(audit.not_audited) - 10} more")
    return lines


def run_pip_audit(pip_audit: str, requirements: Path, service: str) -> Optional[Dict[str, Any]]:
    """pip-audit's JSON report, or None when it failed (its error is printed)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "audit.json"
        command = [pip_audit, "-r", str(requirements), "--no-deps", "--disable-pip", "-s", service,
                   "-f", "json", "-o", str(out), "--progress-spinner", "off"]
        print("+ " + " ".join(command), flush=True)
        done = subprocess.run(command, capture_output=True, text=True, timeout=SERVICE_TIMEOUT)
        # pip-audit exits 1 when it finds something; the report says what.
        if not out.is_file():
            print(done.stderr.strip()[-2000:], file=sys.stderr)
            return None
        return json.loads(out.read_text())


def main(argv: Optional[Iterable[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pip-audit", default=str(PROJECT_ROOT / ".venv-audit" / "bin" / "pip-audit"))
    parser.add_argument("--requirements", default=str(PROJECT_ROOT / "constraints.txt"))
    parser.add_argument("--accepted", default=str(PROJECT_ROOT / "SECURITY.md"))
    parser.add_argument("--service", default="pypi", help="pip-audit's vulnerability service: pypi or osv")
    args = parser.parse_args(list(argv) if argv is not None else None)

    accepted = accepted_ids(Path(args.accepted).read_text())
    report = run_pip_audit(args.pip_audit, Path(args.requirements), args.service)
    if report is None:
        print("audit: pip-audit failed, see above", file=sys.stderr)
        return 2
    audit = read_report(report)
    print("\n".join(describe(audit, accepted)))
    return verdict(audit, accepted)


if __name__ == "__main__":
    sys.exit(main())
