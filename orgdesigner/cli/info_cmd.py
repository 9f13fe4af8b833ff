"""`orgdesigner info FILE`: what a design holds, at a glance."""

from __future__ import annotations

import argparse

from ..model import Design, FlowKind, UnitKind
from .common import load_design, pick


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("info", help="summarise a design: companies, units, flows, CSIRT")
    p.add_argument("file")
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


def info(ns: argparse.Namespace) -> int:
    design = load_design(ns.file, ns.lang)
    lang = ns.lang
    ja = lang == "ja"
    m = design.metadata
    title = m.title_en if lang == "en" and m.title_en else m.title
    print(title or pick(lang, "(untitled)", "(無題)"))
    print(pick(lang, f"companies: {len(design.companies)}", f"会社: {len(design.companies)} 社"))
    for c in design.companies.values():
        n = sum(1 for _ in design.units_in(c.id))
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
        for x in members:
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
