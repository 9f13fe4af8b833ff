"""The check report as SARIF 2.1.0, so a design review shows up in code-scanning UIs
(GitHub code scanning, GitLab, VS Code's SARIF viewer) beside the code reviews.

Built from the stable JSON report (`CheckReport.to_json`), not from the checker's internals:
one rule per finding id (the source — the talk's slide or the framework's clause — is its
help text), one result per finding with its level, message and suggestion, and the units
concerned as logical locations (their ids). When the design came from a file, each result
also points at the file and at the line where its first unit is defined, because code
scanning UIs only list results with a physical location.
"""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _unit_lines(text: str) -> dict[str, int]:
    """Line number (1-based) of each `"id": "…"` in a .orgd file: where units are defined
    (companies and flows have ids too; the first occurrence of a unit id is the unit when
    ids are unique, which the format guarantees)."""
    lines: dict[str, int] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        match = re.search(r'"id"\s*:\s*("(?:[^"\\]|\\.)*")', line)
        if match:
            try:
                value = json.loads(match.group(1))
            except ValueError:
                continue
            lines.setdefault(value, number)
    return lines


def _location(uri: str | None, line: int | None, units: list[dict[str, Any]]) -> dict:
    location: dict[str, Any] = {}
    if uri:
        physical: dict[str, Any] = {"artifactLocation": {"uri": uri, "index": 0}}
        physical["region"] = {"startLine": line or 1}
        location["physicalLocation"] = physical
    if units:
        location["logicalLocations"] = [
            {"name": u["id"], "fullyQualifiedName": f"units/{u['id']}", "kind": "object",
             "properties": {"displayName": u["name"]}} for u in units]
    return location


def to_sarif(report: dict[str, Any], *, uri: str | None = None, text: str | None = None,
             version: str = "", lang: str = "en") -> dict[str, Any]:
    """The SARIF log of one check. `report` is `CheckReport.to_json(lang)`; `uri` the
    design's path as the user gave it (relative paths stay relative, as code scanning
    expects), `text` its content (for line numbers)."""
    findings = report.get("findings", [])
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    for f in findings:
        if f["id"] in index:
            continue
        index[f["id"]] = len(rules)
        rules.append({
            "id": f["id"],
            "shortDescription": {"text": f["message"]},
            "help": {"text": f["source"]},
            "defaultConfiguration": {"level": LEVELS.get(f["severity"], "warning")},
        })
    lines = _unit_lines(text) if text else {}
    results = []
    for f in findings:
        units = [u for u in f.get("units", []) if u]
        first = units[0]["id"] if units else None
        message = f["message"]
        if f.get("suggestion"):
            message = f"{message}\n{f['suggestion']}"
        key = "|".join([f["id"], *sorted(u["id"] for u in units), *sorted(f.get("flows", []))])
        result: dict[str, Any] = {
            "ruleId": f["id"], "ruleIndex": index[f["id"]],
            "level": LEVELS.get(f["severity"], "warning"),
            "message": {"text": message},
            # the same finding on the same units is the same alert across runs and languages
            "partialFingerprints": {
                "orgdesignerFinding/v1": hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]},
            "properties": {"severity": f["severity"], "source": f["source"],
                           "flows": list(f.get("flows", [])),
                           "quickFix": (f.get("fix") or {}).get("label")},
        }
        location = _location(uri, lines.get(first) if first else None, units)
        if location:
            result["locations"] = [location]
        results.append(result)
    run: dict[str, Any] = {
        "tool": {"driver": {"name": "OrgDesigner", "version": version or "0",
                            "rules": rules}},
        "language": "ja" if lang == "ja" else "en",
        "results": results,
        "properties": {"design": report.get("design"), "counts": report.get("counts"),
                       "authorityStyle": (report.get("authority") or {}).get("style")},
    }
    if uri:
        run["artifacts"] = [{"location": {"uri": uri}, "mimeType": "application/json"}]
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}
