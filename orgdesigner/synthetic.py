"""A seeded generator of large synthetic business groups, for benchmarks and scale tests.

`generate(5000)` builds a group of several companies, each a management tree of divisions,
departments and sections, with a head-office CSIRT (members across the group), a CSIRT in
each group company, outside parties, overlay flows of every kind and a few cost items.
The same seed always gives the same design.
"""

from __future__ import annotations

import random
from decimal import Decimal

from .model import (
    Authority,
    Company,
    CompanyKind,
    CostCategory,
    CostItem,
    CsirtPlan,
    Design,
    Flow,
    FlowKind,
    Function,
    Member,
    Metadata,
    ServiceHours,
    Unit,
    UnitKind,
)

_DEPT_FUNCS = [
    (Function.IT_OPERATIONS, "情報システム運用部", "IT Operations Dept."),
    (Function.SYSTEM_DEVELOPMENT, "システム開発部", "System Development Dept."),
    (Function.SALES, "営業部", "Sales Dept."),
    (Function.MARKETING, "マーケティング部", "Marketing Dept."),
    (Function.GENERAL_AFFAIRS, "総務部", "General Affairs Dept."),
    (Function.LEGAL, "法務部", "Legal Dept."),
    (Function.CUSTOMER_SERVICE, "お客様サービス部", "Customer Service Dept."),
    (Function.RISK_MANAGEMENT, "リスク管理部", "Risk Management Dept."),
    (Function.MEDIA_RELATIONS, "広報部", "Media Relations Dept."),
    (Function.PROFIT_CENTER, "事業部", "Business Dept."),
]


def generate(n_units: int, companies: int | None = None, seed: int = 1,
             csirt_members: int = 200) -> Design:
    rng = random.Random(seed)
    n_companies = companies or max(1, min(20, n_units // 250))
    d = Design(Metadata(title=f"合成企業グループ（{n_units} 部署）",
                        title_en=f"Synthetic business group ({n_units} units)",
                        organisation="Synthetic Holdings", created="2026-04-01"))
    per_company = max(3, n_units // n_companies)
    head_csirt = ""
    all_units: list[str] = []
    csirts: list[str] = []
    it_units: list[str] = []
    for ci in range(n_companies):
        cid = f"c{ci + 1}"
        kind = CompanyKind.PARENT if ci == 0 else (
            CompanyKind.IT_SUBSIDIARY if ci == 1 else CompanyKind.SUBSIDIARY)
        d.add_company(Company(cid, f"グループ会社{ci}" if ci else "本社", f"Company {ci}", kind))
        budget = per_company if ci < n_companies - 1 else n_units - len(all_units) - 3
        ids = _company_tree(d, rng, cid, ci, max(3, budget), it_units)
        all_units += ids
        csirt = ids[2]
        csirts.append(csirt)
        if ci == 0:
            head_csirt = csirt
    ext = []
    for i, (name, en) in enumerate([("日本シーサート協議会", "NCA"), ("JPCERT/CC", "JPCERT/CC"),
                                     ("MSSP", "MSSP")]):
        uid = f"x{i + 1}"
        d.add_unit(Unit(uid, name, UnitKind.EXTERNAL, name_en=en, x=-400.0, y=200.0 * i))
        ext.append(uid)
    flow_n = 0

    def flow(src: str, dst: str, kind: FlowKind) -> None:
        nonlocal flow_n
        flow_n += 1
        d.add_flow(Flow(f"o{flow_n}", src, dst, kind))

    for c in csirts[1:]:
        flow(head_csirt, c, FlowKind.COORDINATION)
        flow(c, head_csirt, FlowKind.REPORT)
    flow(head_csirt, ext[0], FlowKind.COORDINATION)
    flow(head_csirt, ext[1], FlowKind.COORDINATION)
    flow(ext[2], head_csirt, FlowKind.SUPPORT)
    for uid in rng.sample(all_units, k=min(len(all_units), n_units // 2)):
        if d.units[uid].kind in (UnitKind.DEPARTMENT, UnitKind.SECTION) and uid not in csirts:
            flow(uid, head_csirt, FlowKind.REPORT)
    for uid in it_units[: max(1, len(it_units) // 3)]:
        flow(head_csirt, uid, rng.choice([FlowKind.COMMAND, FlowKind.SUPPORT, FlowKind.CONSENSUS]))
    members = []
    for i in range(csirt_members):
        home = rng.choice(all_units)
        dedicated = rng.random() < 0.4
        members.append(Member(f"Member {i + 1}", rng.choice(["manager", "analyst", "engineer",
                                                              "coordinator"]),
                              home, 1.0 if dedicated else rng.choice([0.2, 0.3, 0.5]), dedicated,
                              rng.randrange(3)))
    d.set_plan(head_csirt, CsirtPlan(members, ["incident_report_acceptance", "incident_analysis",
                                               "incident_coordination", "exercises"],
                                     ServiceHours.BUSINESS, "csirt@example.co.jp", True,
                                     Authority.SHARED, ["NCA"]))
    for i, (name, cat, amt) in enumerate([("研修", CostCategory.TRAINING, 3_000_000),
                                          ("SIEM ライセンス", CostCategory.TOOLS, 12_000_000),
                                          ("日本シーサート協議会 会費", CostCategory.MEMBERSHIPS,
                                           120_000)]):
        d.add_cost(CostItem(f"k{i + 1}", name, cat, amounts=[Decimal(amt)] * 3))
    return d


def _company_tree(d: Design, rng: random.Random, cid: str, ci: int, budget: int,
                  it_units: list[str]) -> list[str]:
    """A management tree of `budget` units: root, CIO, CSIRT, then breadth-first growth."""
    prefix = f"u{ci + 1}_"
    count = 0

    def unit(name: str, en: str, kind: UnitKind, funcs: tuple[Function, ...] = ()) -> str:
        nonlocal count
        count += 1
        uid = f"{prefix}{count}"
        d.add_unit(Unit(uid, name, kind, name_en=en, functions=funcs,
                        headcount=rng.randrange(5, 200), company=cid))
        return uid

    n_rep = 0

    def report(src: str, dst: str) -> None:
        nonlocal n_rep
        n_rep += 1
        d.add_flow(Flow(f"r{ci + 1}_{n_rep}", src, dst, FlowKind.REPORTING))

    root = unit("経営層", "Management", UnitKind.MANAGEMENT)
    cio = unit("CIO", "CIO", UnitKind.EXECUTIVE, (Function.INFORMATION_PLANNING,))
    csirt = unit("CSIRT", "CSIRT", UnitKind.CSIRT, (Function.SECURITY_CENTER,))
    report(root, cio)
    report(cio, csirt)
    ids = [root, cio, csirt]
    frontier = [root]
    level_kind = [UnitKind.DIVISION, UnitKind.DEPARTMENT, UnitKind.SECTION]
    depth = {root: 0}
    while count < budget:
        parent = frontier.pop(0) if frontier else rng.choice(ids)
        for _ in range(rng.randrange(3, 8)):
            if count >= budget:
                break
            lvl = min(depth[parent], 2)
            func, name, en = rng.choice(_DEPT_FUNCS)
            uid = unit(f"{name}{count}", f"{en} {count}", level_kind[lvl], (func,))
            if func is Function.IT_OPERATIONS:
                it_units.append(uid)
            report(parent, uid)
            depth[uid] = depth[parent] + 1
            ids.append(uid)
            frontier.append(uid)
    return ids
