"""`orgdesigner info FILE`: what a design holds, at a glance."""

from __future__ import annotations

import argparse

from ..model import FlowKind, UnitKind
from .common import load_design


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("info", help="summarise a design: companies, units, flows, CSIRT")
    p.add_argument("file")
    p.add_argument("--lang", choices=("en", "ja"), default="en")
    p.set_defaults(handler=info)


def info(ns: argparse.Namespace) -> int:
    design = load_design(ns.file)
    lang = ns.lang
    m = design.metadata
    print(f"{m.title_en if lang == 'en' and m.title_en else m.title or '(untitled)'}")
    print(f"companies: {len(design.companies)}")
    for c in design.companies.values():
        n = sum(1 for _ in design.units_in(c.id))
        print(f"  {c.display_name(lang)} ({c.kind.label(lang)}): {n} units")
    summary = design.summary()
    print(f"units: {len(design.units)}")
    for kind in UnitKind:
        if summary["units"].get(kind.value):
            print(f"  {kind.label(lang)}: {summary['units'][kind.value]}")
    print(f"flows: {len(design.flows)}")
    for kind in FlowKind:
        if summary["flows"].get(kind.value):
            print(f"  {kind.label(lang)}: {summary['flows'][kind.value]}")
    for csirt in design.csirts():
        plan = csirt.plan
        members = plan.members if plan else []
        total = sum(x.fte for x in members)
        dedicated = sum(x.fte for x in members if x.dedicated)
        print(f"CSIRT {csirt.display_name(lang)}: {len(members)} members, "
              f"{total:.1f} FTE ({dedicated:.1f} dedicated)")
        for x in members:
            home = design.units[x.home_unit].display_name(lang) if x.home_unit in design.units \
                else x.home_unit or "-"
            kind = "dedicated" if x.dedicated else "concurrent"
            print(f"  {x.name} — {x.role}, {home}, {x.fte:g} FTE, {kind}")
    return 0
