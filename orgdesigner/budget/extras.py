"""Cost lines the plan implies without the user typing them, and who pays.

- Memberships declared in a CSIRT plan (FIRST, NCA) become fee lines. FIRST bills each
  calendar year in January; against a fiscal year starting in April, the first fiscal year
  carries the joining fee, the joining calendar year pro rata and the next January's invoice.
- A 24x7 plan needs round-the-clock cover (ENISA: about 12 extra staff): either own shift
  staff (new hires) or an outsourced SOC/MSS contract, as the design chooses.
A line the user already budgeted (a membership item naming FIRST, say) is not added again.
"""

from __future__ import annotations

from decimal import Decimal

from ..model import (
    CompanyKind,
    CostCategory,
    CostItem,
    Design,
    Expenditure,
    FlowKind,
    Member,
    ServiceHours,
    SocOption,
    Staffing,
    Unit,
)
from .assumptions import Assumptions, role_key
from .defaults import BudgetDefaults, MembershipFee, load_defaults
from .model import ItemLine, PersonnelLine, item_line, personnel_line

_ALIASES = {"FIRST": ("FIRST",), "NCA": ("NCA", "シーサート協議会", "NIPPON CSIRT")}
SOC_LABEL = ("Outsourced SOC / MSS (24x7 monitoring)", "外部 SOC／MSS 委託（24 時間監視）")
SHIFT_LABEL = ("24x7 shift staff", "24 時間体制 シフト要員")


def payer_company(design: Design, unit: Unit | None, member: Member | None) -> str:
    """The company whose payroll or books carry a line: the member's home unit's company,
    else the CSIRT's, else the parent company."""
    if member is not None and member.home_unit in design.units:
        if c := design.units[member.home_unit].company:
            return c
    if unit is not None and unit.company:
        return unit.company
    for cid, c in design.companies.items():
        if c.kind is CompanyKind.PARENT:
            return cid
    return next(iter(design.companies), "")


def membership_key(text: str) -> str | None:
    up = text.upper()
    for key, words in _ALIASES.items():
        if any(w.upper() in up for w in words):
            return key
    return None


def fee_amounts(fee: MembershipFee, start_month: int, n: int) -> list[Decimal]:
    """Per fiscal year, in the fee's currency. Every 12-month fiscal year holds exactly one
    January; calendar billing adds, in the first year, the joining year pro rata."""
    out = [fee.annual] * n
    if n:
        first = fee.joining + fee.annual
        if fee.billing == "calendar" and start_month > 1:
            first += fee.annual * (13 - start_month) / 12
        out[0] = first
    return out


def _budgeted(design: Design, key: str) -> bool:
    return any(c.category is CostCategory.MEMBERSHIPS and membership_key(c.name) == key
               for c in design.costs.values())


def generated_items(design: Design, a: Assumptions, n: int,
                    defaults: BudgetDefaults | None = None) -> list[ItemLine]:
    d = defaults or load_defaults()
    out = []
    for unit in design.csirts():
        plan = unit.plan
        if plan is None:
            continue
        company = payer_company(design, unit, None)
        seen = set()
        for name in plan.memberships:
            key = membership_key(name)
            if key is None or key in seen or key not in d.memberships or _budgeted(design, key):
                continue
            seen.add(key)
            fee = d.memberships[key]
            item = CostItem(f"auto-{key.lower()}-{unit.id}", fee.en, CostCategory.MEMBERSHIPS,
                            Expenditure.OPEX, False, fee_amounts(fee, a.fy_start_month, n),
                            fee.currency, fee.note, taxable=fee.taxable)
            out.append(item_line(a, item, n, False, company, f"membership:{key}"))
        if plan.hours is ServiceHours.ALWAYS and design.budget.soc is SocOption.OUTSOURCED:
            price = design.budget.soc_price
            if price is None and d.always_on:
                price = d.always_on.soc_price
            item = CostItem(f"auto-soc-{unit.id}", SOC_LABEL[0], CostCategory.EXTERNAL,
                            Expenditure.OPEX, True, [Decimal(price or 0)], a.currency,
                            d.always_on.note if d.always_on else "")
            out.append(item_line(a, item, n, False, company, "soc"))
    return out


def generated_staff(design: Design, a: Assumptions, n: int,
                    defaults: BudgetDefaults | None = None) -> list[PersonnelLine]:
    d = defaults or load_defaults()
    if design.budget.soc is not SocOption.SHIFTS or d.always_on is None:
        return []
    out = []
    role = d.always_on.shift_role
    for unit in design.csirts():
        plan = unit.plan
        if plan is None or plan.hours is not ServiceHours.ALWAYS:
            continue
        have = sum((Decimal(repr(float(m.fte))) for m in plan.members
                    if role_key(m.role) == role), Decimal(0))
        extra = d.always_on.shift_fte - have
        if extra <= 0:
            continue
        m = Member(SHIFT_LABEL[0], role, unit.id, float(extra), True, 0, Staffing.HIRE)
        out.append(personnel_line(a, unit, m, payer_company(design, unit, None), n, "shifts"))
    return out


def generated_label(line: ItemLine | PersonnelLine, lang: str,
                    defaults: BudgetDefaults | None = None) -> str:
    """The name of a generated line in `lang`; a planned line keeps the name typed."""
    d = defaults or load_defaults()
    g = line.generated
    i = 1 if lang == "ja" else 0
    if g.startswith("membership:") and g[11:] in d.memberships:
        fee = d.memberships[g[11:]]
        return fee.ja if lang == "ja" else fee.en
    if g == "soc":
        return SOC_LABEL[i]
    if g == "shifts":
        return SHIFT_LABEL[i]
    return line.member.name if isinstance(line, PersonnelLine) else line.item.name


def generated_note(line: ItemLine, lang: str, defaults: BudgetDefaults | None = None) -> str:
    d = defaults or load_defaults()
    g = line.generated
    if g.startswith("membership:") and g[11:] in d.memberships:
        fee = d.memberships[g[11:]]
        return fee.note_ja if lang == "ja" else fee.note
    if g == "soc" and d.always_on:
        return d.always_on.note_ja if lang == "ja" else d.always_on.note
    return line.item.notes


def consultees(design: Design, lang: str = "en") -> list[str]:
    """合議先: the design's own list, else the units the CSIRT must reach consensus with."""
    if design.budget.consultees:
        return list(design.budget.consultees)
    return consensus_units(design, lang)


def consensus_units(design: Design, lang: str = "en") -> list[str]:
    """The units joined to a CSIRT by a consensus flow (合議・協議), by display name, in the
    order of those flows in the design."""
    csirts = {u.id for u in design.csirts()}
    flows = design.flows
    # only the flows at a CSIRT are looked at (the budget dock asks after every edit; a
    # scan of a 50,000-unit group's 76,000 flows took 20 ms)
    wanted = {fid for c in csirts for fid in design.flow_ids_at(c)
              if flows[fid].kind is FlowKind.CONSENSUS}
    ordered = [fid for fid in flows if fid in wanted] if len(wanted) > 1 else list(wanted)
    out: list[str] = []
    for fid in ordered:
        f = flows[fid]
        for end, other in ((f.source, f.target), (f.target, f.source)):
            if end in csirts and other in design.units and other not in csirts:
                name = design.units[other].display_name(lang)
                if name not in out:
                    out.append(name)
    return out
