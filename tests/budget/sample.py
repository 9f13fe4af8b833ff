"""A small, realistic design for budget tests: a Japanese company with one CSIRT, members of
every kind (known and unknown roles, dedicated and concurrent, late starters), and cost items
in three currencies, one-off and recurring, CAPEX and OPEX — plus hostile names."""

from __future__ import annotations

from decimal import Decimal

from orgdesigner.model import (
    Company,
    CostCategory,
    CostItem,
    CsirtPlan,
    Design,
    Expenditure,
    Flow,
    FlowKind,
    Function,
    Member,
    Metadata,
    ProcessStatus,
    Unit,
    UnitKind,
)

INJECTIONS = ["=1+1", "+SUM(A1:A9)", "-2+3", "@cmd", '=HYPERLINK("http://x","y")']


def sample_design(hostile: bool = False) -> Design:
    d = Design(Metadata(title="全社 CSIRT 設置計画", title_en="Company-wide CSIRT plan",
                        author="情報セキュリティ部 山田", organisation="サンプル株式会社",
                        created="2026-05-10"))
    d.add_company(Company("c1", "サンプル株式会社", "Sample Co., Ltd."))
    units = [
        ("mg", "経営層", "Management", UnitKind.MANAGEMENT, ()),
        ("cio", "CIO", "CIO", UnitKind.EXECUTIVE, (Function.INFORMATION_PLANNING,)),
        ("it", "情報システム部", "IT Operations Dept.", UnitKind.DEPARTMENT,
         (Function.IT_OPERATIONS,)),
        ("legal", "法務部", "Legal Dept.", UnitKind.DEPARTMENT, (Function.LEGAL,)),
        ("cs", "CSIRT", "CSIRT", UnitKind.CSIRT, (Function.SECURITY_CENTER,)),
    ]
    for uid, name, en, kind, funcs in units:
        d.add_unit(Unit(uid, name, kind, name_en=en, functions=funcs, headcount=12,
                        company="c1"))
    for i, (a, b) in enumerate([("mg", "cio"), ("cio", "it"), ("mg", "legal"), ("cio", "cs")]):
        d.add_flow(Flow(f"r{i}", a, b, FlowKind.REPORTING))
    d.add_flow(Flow("f1", "cs", "it", FlowKind.COMMAND))
    d.add_flow(Flow("f2", "cs", "mg", FlowKind.REPORT))
    members = [
        Member("佐藤 一郎", "manager", "cs", 1.0, True, 0),
        Member("鈴木 花子", "analyst", "cs", 1.0, True, 0),
        Member("田中 次郎", "engineer", "it", 0.3, False, 0),
        Member("高橋 三郎", "Shift analyst", "it", 0.5, False, 1),
        Member("伊藤 四郎", "legal counsel", "legal", 0.2, False, 2),
        # 6,000,010 × 1.3 × 0.5 = 3,900,006.5 exactly: a rounding edge for the spreadsheet
        Member("渡辺 五郎", "edge", "cs", 0.5, True, 0),
    ]
    if hostile:
        members += [Member(name, name, "cs", 0.1, False, 0) for name in INJECTIONS]
        members.append(Member("長" * 500, "analyst", "cs", 0.1, False, 0))
    d.set_plan("cs", CsirtPlan(members, ["incident_analysis", "exercises"]))
    d.update_budget(role_rates={"edge": 6_000_010})
    items = [
        CostItem("k1", "SIEM ライセンス", CostCategory.TOOLS, Expenditure.OPEX, True,
                 [Decimal("12000000")]),
        CostItem("k2", "FIRST 年会費", CostCategory.MEMBERSHIPS, Expenditure.OPEX, True,
                 [Decimal("2800")], "USD"),
        CostItem("k3", "FIRST 初回費用", CostCategory.MEMBERSHIPS, Expenditure.OPEX, False,
                 [Decimal("1000")], "USD"),
        CostItem("k4", "Forensics training", CostCategory.TRAINING, Expenditure.OPEX, True,
                 [Decimal("4999.99"), Decimal("5250.50")], "EUR"),
        CostItem("k5", "分析用ワークステーション", CostCategory.FACILITIES, Expenditure.CAPEX,
                 False, [Decimal("0"), Decimal("3500000")]),
        CostItem("k6", "外部フォレンジック契約", CostCategory.EXTERNAL, Expenditure.OPEX, True,
                 [Decimal("1800000"), Decimal("1800000"), Decimal("2400000")],
                 notes="年 2 件想定"),
    ]
    if hostile:
        items += [CostItem(f"h{i}", name, CostCategory.OTHER, Expenditure.OPEX, True,
                           [Decimal(1000 * (i + 1))], notes=name)
                  for i, name in enumerate(INJECTIONS)]
        items.append(CostItem("long", "X" * 500, CostCategory.OTHER, Expenditure.CAPEX, False,
                              [Decimal(1)], notes="N" * 40_000))
    for item in items:
        d.add_cost(item)
    d.set_process("japan.1", ProcessStatus.DONE)
    d.set_process("japan.8", ProcessStatus.IN_PROGRESS)
    return d
