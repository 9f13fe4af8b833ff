"""The JSON form of a `Comparison` (schema `orgdesigner-compare`, version 1; README.md).

Stable like `check`'s: keys are only ever added. Every unit appears as {"id", "name"}; ids
are those of the design the item belongs to ("after" unless it was removed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..model import Design
from .findings import Finding

if TYPE_CHECKING:  # pragma: no cover
    from .comparison import Comparison
    from .footprint import Item
    from .report import CheckReport


def fy_label(number: int, lang: str) -> str:
    return f"{number}年度" if lang == "ja" else f"FY{number}"


def _title(d: Design, lang: str) -> str:
    m = d.metadata
    return (m.title_en or m.title) if lang == "en" else (m.title or m.title_en)


def comparison_json(c: Comparison, lang: str = "en") -> dict[str, Any]:
    from .comparison import SCHEMA, SCHEMA_VERSION

    d = c.diff

    def unit(uid: str | None, before: bool = False) -> dict | None:
        return None if uid is None else {"id": uid, "name": c.name(uid, lang, before)}

    def flow(fid: str, report: CheckReport) -> dict[str, Any]:
        return report._flow(fid, lang)

    def finding(f: Finding, before: bool) -> dict[str, Any]:
        return {"id": f.id, "severity": f.severity.value, "message": f.message(lang),
                "units": [unit(u, before) for u in f.units]}

    def items(xs: list[Item]) -> dict[str, Any]:
        return {"count": len(xs) if xs is not c.footprint.people else c.footprint.people_count,
                "items": [{**unit(i.unit), "reasons": list(i.reasons), "people": i.people,
                           "detail": i.detail} for i in xs]}

    def authority(r: CheckReport) -> dict[str, Any]:
        a = r.authority
        return {"style": a.style, "label": a.label(lang), "explanation": a.explanation(lang),
                "evidence": [flow(f, r) for f in a.evidence]}

    cost = c.cost
    return {
        "schema": SCHEMA,
        "schema_version": SCHEMA_VERSION,
        "before": {"name": c.before_name, "scenario": c.before_scenario,
                   "title": _title(c.before, lang),
                   "units": len(c.before.units), "flows": len(c.before.flows)},
        "after": {"name": c.after_name, "scenario": c.after_scenario,
                  "title": _title(c.after, lang),
                  "units": len(c.after.units), "flows": len(c.after.flows)},
        "identical": d.is_empty(),
        "units": {
            "added": [unit(u) for u in d.units_added],
            "removed": [unit(u, True) for u in d.units_removed],
            "renamed": [{**unit(x.after_id), "before_id": x.before_id,
                         "before": x.old[0] or x.old[1], "after": x.new[0] or x.new[1]}
                        for x in d.renamed],
            "moved": [{**unit(x.after_id), "from": unit(x.old, True), "to": unit(x.new)}
                      for x in d.moved],
            "rekinded": [{**unit(x.after_id), "before": x.old.value, "after": x.new.value}
                         for x in d.rekinded],
            "changed": [{**unit(x.after_id), "fields": list(x.new)} for x in d.changed],
        },
        "flows": {
            "added": [flow(f, c.report_after) for f in d.flows_added],
            "removed": [flow(f, c.report_before) for f in d.flows_removed],
            "changed": [{**flow(x.after_id, c.report_after), "before_id": x.before_id,
                         "fields": list(x.fields)} for x in d.flows_changed],
        },
        "authority": {"before": authority(c.report_before),
                      "after": authority(c.report_after)},
        "findings": {
            "counts": {"before": c.report_before.counts(), "after": c.report_after.counts()},
            "resolved": [finding(f, True) for f in c.resolved],
            "new": [finding(f, False) for f in c.new],
            "remaining": [finding(f, False) for f in c.remaining],
        },
        "cost": {
            "currency": c.after.metadata.currency,
            "years": [{"fiscal_year": y, "label": fy_label(y, lang), "before": b0, "after": b1,
                       "delta": b1 - b0,
                       "new_money": None if cost.new_money is None else cost.new_money[i]}
                      for i, (y, b0, b1) in enumerate(zip(cost.years, cost.before, cost.after,
                                                          strict=False))],
            "total": {"before": sum(cost.before), "after": sum(cost.after),
                      "delta": sum(cost.after) - sum(cost.before),
                      "new_money": None if cost.new_money is None else sum(cost.new_money)},
        },
        "footprint": {
            "numbers": c.footprint.numbers(),
            "moved": items(c.footprint.moved),
            "people": items(c.footprint.people),
            "authority": items(c.footprint.authority),
            "must_agree": items(c.footprint.must_agree),
        },
    }
