"""`orgdesigner info FILE [--format json]`: what a design holds, at a glance.

`--format json` (`"schema": "orgdesigner-info"`, version 1): title, companies with their
unit counts, units and flows per kind, and each CSIRT's members with FTE."""

from __future__ import annotations

import argparse
from typing import Any

from ..model import Design, FlowKind, UnitKind
from .common import load_design, pick
from .output import write_json

#: Companies and members listed one per line; a 50,000-company group is summarised.
MAX_LISTED = 100


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("info", help="summarise a design: companies, units, flows, CSIRT")
    p.add_argument("file", help="the .orgd design ('-': read from stdin)")
    p.add_argument("--format", choices=("text", "json"), default="text",
                   help="text for people (default), json for tools")
    p.add_argument("--lang", choices=("en", "ja"), default="en")
    p.set_defaults(handler=info)


def _role(key: str, lang: str) -> str:
    """A member's role in `lang` (the budget defaults name the shipped roles)."""
    try:
        from ..budget.defaults import load_defaults

        role = load_defaults().roles.get(key)
    except Exception:  # noqa: BLE001 - a role without a label is shown as written
        role = None
    return role.label(lang) if role is not None else key


def info_json(design: Design, lang: str) -> dict[str, Any]:
    """The `--format json` document: names in `lang`, ids and kinds as in the file."""
    m = design.metadata
    summary = design.summary()

    def home_name(unit_id: str) -> str | None:
        unit = design.units.get(unit_id)
        return unit.display_name(lang) if unit else None

    return {
        "schema": "orgdesigner-info", "schema_version": 1,
        "title": (m.title_en if lang == "en" and m.title_en else m.title) or "",
        "companies": [{"id": c.id, "name": c.display_name(lang), "kind": c.kind.value,
                       "units": sum(1 for _ in design.units_in(c.id))}
                      for c in design.companies.values()],
        "units": {"total": len(design.units), "by_kind": dict(summary["units"])},
        "flows": {"total": len(design.flows), "by_kind": dict(summary["flows"])},
        "csirts": [{
            "id": c.id, "name": c.display_name(lang),
            "fte": round(sum(x.fte for x in (c.plan.members if c.plan else [])), 3),
            "dedicated_fte": round(sum(x.fte for x in (c.plan.members if c.plan else [])
                                       if x.dedicated), 3),
            "members": [{"name": x.name, "role": x.role, "role_label": _role(x.role, lang),
                         "home_unit": x.home_unit or None, "home_unit_name": home_name(
                             x.home_unit), "fte": x.fte, "dedicated": x.dedicated}
                        for x in (c.plan.members if c.plan else [])],
        } for c in design.csirts()],
    }


def info(ns: argparse.Namespace) -> int:
    design = load_design(ns.file, ns.lang)
    lang = ns.lang
    if ns.format == "json":
        write_json(info_json(design, lang))
        return 0
    ja = lang == "ja"
    m = design.metadata
    title = m.title_en if lang == "en" and m.title_en else m.title
    print(title or pick(lang, "(untitled)", "(無題)"))
    if m.sector.value:
        critical = pick(lang, " — critical infrastructure", "（重要インフラ）") \
            if m.sector.critical else ""
        print(pick(lang, "sector: ", "業種: ") + m.sector.label(lang) + critical)
    print(pick(lang, f"companies: {len(design.companies)}", f"会社: {len(design.companies)} 社"))
    per_company: dict[str, int] = {}  # one pass over the units, not one per company
    for u in design.units.values():
        per_company[u.company] = per_company.get(u.company, 0) + 1
    for i, c in enumerate(design.companies.values()):
        if i == MAX_LISTED:
            rest = len(design.companies) - MAX_LISTED
            print(pick(lang, f"  … and {rest} more", f"  …ほか {rest} 社"))
            break
        n = per_company.get(c.id, 0)
        print(f"  {c.display_name(lang)} ({c.kind.label(lang)}): "
              + pick(lang, f"{n} units", f"{n} 組織"))
    summary = design.summary()
    print(pick(lang, f"units: {len(design.units)}", f"組織: {len(design.units)}"))
    for kind in UnitKind:
        if summary["units"].get(kind.value):
            print(f"  {kind.label(lang)}: {summary['units'][kind.value]}")
    print(pick(lang, f"flows: {len(design.flows)}", f"線: {len(design.flows)} 本"))
    for kind in FlowKind:
        if summary["flows"].get(kind.value):
            print(f"  {kind.label(lang)}: {summary['flows'][kind.value]}")
    for csirt in design.csirts():
        plan = csirt.plan
        members = plan.members if plan else []
        total = sum(x.fte for x in members)
        dedicated = sum(x.fte for x in members if x.dedicated)
        print(pick(lang, f"CSIRT {csirt.display_name(lang)}: {len(members)} members, "
                         f"{total:.1f} FTE ({dedicated:.1f} dedicated)",
                   f"CSIRT {csirt.display_name(lang)}: メンバー {len(members)} 名、"
                   f"{total:.1f} FTE (うち専任 {dedicated:.1f})"))
        for j, x in enumerate(members):
            if j == MAX_LISTED:
                rest = len(members) - MAX_LISTED
                print(pick(lang, f"  … and {rest} more", f"  …ほか {rest} 名"))
                break
            home = design.units[x.home_unit].display_name(lang) if x.home_unit in design.units \
                else x.home_unit or "-"
            kind = ("専任" if x.dedicated else "兼務") if ja else \
                ("dedicated" if x.dedicated else "concurrent")
            sep = "、" if ja else ", "
            print(f"  {x.name} — {sep.join([_role(x.role, lang), home, f'{x.fte:g} FTE', kind])}")
    _scenarios(design, lang)
    return 0


def _scenarios(design: Design, lang: str) -> None:
    """The document's scenarios, when it has proposals (ids for `compare --scenarios`)."""
    from ..model.scenarios import scenarios_of

    sset = scenarios_of(design)
    if not sset.proposals:
        return
    print(pick(lang, f"scenarios: {len(sset.items)}", f"シナリオ: {len(sset.items)} 件"))
    for i, s in enumerate(sset.items, start=1):
        mark = pick(lang, " (recommended)", "（推奨案）") if s.recommended else ""
        print(f"  {i}. {s.display_name(lang)} [{s.id}]{mark}")
