"""Lint findings as SARIF 2.1.0, GitHub workflow annotations and JUnit XML."""
from __future__ import annotations

import json
from xml.sax.saxutils import escape, quoteattr

from .. import __version__

SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def sarif(findings, rules) -> str:
    used = sorted({f.code for f in findings} | set(rules))
    driver = {"name": "attribution", "version": __version__, "informationUri": "https://pypi.org/project/attribution/",
              "rules": [{"id": code, "name": rules[code].name,
                         "shortDescription": {"text": rules[code].summary},
                         "fullDescription": {"text": rules[code].why},
                         "help": {"text": f"{rules[code].why} Fix: {rules[code].fix}"},
                         "defaultConfiguration": {"level": SARIF_LEVEL[rules[code].severity]}}
                        for code in used if code in rules]}
    index = {r["id"]: i for i, r in enumerate(driver["rules"])}
    results = [{"ruleId": f.code, "ruleIndex": index[f.code], "level": SARIF_LEVEL[f.severity],
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": f.path},
                    "region": {"startLine": f.line, "startColumn": f.col, "charOffset": f.start,
                               "charLength": f.end - f.start}}}]} for f in findings]
    log = {"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
           "runs": [{"tool": {"driver": driver}, "results": results}]}
    return json.dumps(log, ensure_ascii=False, indent=2)


def github(findings) -> str:
    """``::error file=…,line=…,col=…,title=CODE::message`` lines for GitHub Actions."""
    kind = {"error": "error", "warning": "warning", "info": "notice"}

    def clean(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    return "\n".join(f"::{kind[f.severity]} file={clean(f.path)},line={f.line},col={f.col},title={f.code}::"
                     f"{clean(f.message)}" for f in findings)


def junit(findings, files: list[str]) -> str:
    """One test case per checked file; its findings are the failures."""
    by_file: dict[str, list] = {path: [] for path in files}
    for f in findings:
        by_file.setdefault(f.path, []).append(f)
    failing = sum(1 for items in by_file.values() if items)
    cases = []
    for path, items in by_file.items():
        body = "".join(
            f'<failure type={quoteattr(f.code)} message={quoteattr(f.message)}>'
            f"{escape(f'{f.path}:{f.line}:{f.col}: {f.code} [{f.severity}] {f.message}')}</failure>" for f in items)
        cases.append(f'<testcase classname="attribution.lint" name={quoteattr(path)}>{body}</testcase>')
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="attribution lint" tests="{len(by_file)}" '
            f'failures="{failing}">' + "".join(cases) + "</testsuite>\n")
