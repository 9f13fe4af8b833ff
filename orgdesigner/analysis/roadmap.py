"""A roadmap per proposal: its changes in phases, ordered by the talk's Japan track and the
CERT/CC steps, each phase with the fiscal year its cost falls in.

1. Agreement (Japan 1, 2, 7, 8 / CERT/CC 1): persuade the 合議先 and get the budget.
2. Point of contact and incident reports (CERT/CC 6): the CSIRT, its report and escalation
   paths.
3. Organisation and authority (Japan 4 / CERT/CC 4): moves, new units, delegation, command,
   consensus and support.
4. Members (CERT/CC 6): CSIRT staffing and plan changes.
5. External cooperation and service hours (Japan 5 / CERT/CC 7): coordination with outside
   parties, NCA / FIRST, 24×7.
Empty phases are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import FlowKind, UnitKind
from .comparison import Comparison
from .findings import Text

K = FlowKind
PHASES = {
    "agree": (Text("Agreement and budget", "合意形成と予算獲得"), ("japan.1", "japan.2",
                                                                   "japan.7", "japan.8",
                                                                   "certcc.1")),
    "contact": (Text("Point of contact and incident-report paths",
                     "窓口とインシデント報告経路の整備"), ("japan.6", "certcc.6")),
    "authority": (Text("Organisation and authority", "組織と権限の整備"),
                  ("japan.4", "certcc.4")),
    "members": (Text("Members", "メンバーの配置"), ("certcc.6",)),
    "external": (Text("External cooperation and service hours", "外部連携と対応時間"),
                 ("japan.5", "certcc.7")),
}
_CONTACT = (K.REPORT,)
_AUTHORITY = (K.REPORTING, K.DELEGATION, K.COMMAND, K.CONSENSUS, K.SUPPORT)


@dataclass
class Phase:
    key: str
    year: int  # index of the fiscal year (0 = the budget's first)
    fiscal_year: int
    changes: list[Text] = field(default_factory=list)
    units: list[str] = field(default_factory=list)

    def title(self, lang: str = "en") -> str:
        return PHASES[self.key][0](lang)

    @property
    def steps(self) -> tuple[str, ...]:
        return PHASES[self.key][1]


def roadmap(c: Comparison) -> list[Phase]:
    a, b = c.before, c.after
    years = c.cost.years or [0]

    def fy(i: int) -> int:
        return years[min(i, len(years) - 1)]

    ph = {k: Phase(k, i, fy(i)) for k, i in (("agree", 0), ("contact", 0), ("authority", 0),
                                            ("members", 0), ("external", 1))}

    def name(uid: str) -> Text:
        u = b.units.get(uid) or a.units[uid]
        return Text(u.display_name("en"), u.display_name("ja"))

    for item in c.footprint.must_agree:
        n = name(item.unit)
        ph["agree"].changes.append(Text(f"Agree with {n.en}", f"{n.ja}と合議"))
        ph["agree"].units.append(item.unit)
    for uid in c.diff.units_added:
        u = b.units[uid]
        key = ("external" if u.kind is UnitKind.EXTERNAL else
               "contact" if u.kind is UnitKind.CSIRT else "authority")
        n = name(uid)
        ph[key].changes.append(Text(f"Set up {n.en}", f"{n.ja}を新設"))
        ph[key].units.append(uid)
    for m in c.diff.moved:
        n = name(m.after_id)
        to = name(m.new).en if m.new else "the top", name(m.new).ja if m.new else "最上位"
        ph["authority"].changes.append(Text(f"Move {n.en} under {to[0]}",
                                            f"{n.ja}を{to[1]}の下へ移管"))
        ph["authority"].units.append(m.after_id)
    for fid in c.diff.flows_added:
        f = b.flows[fid]
        s, t = name(f.source), name(f.target)
        key = ("contact" if f.kind in _CONTACT else "authority" if f.kind in _AUTHORITY
               else "external")
        if f.kind is K.REPORTING and f.target in {m.after_id for m in c.diff.moved}:
            continue
        ph[key].changes.append(Text(f"{_KIND_EN[f.kind]}: {s.en} → {t.en}",
                                    f"{_KIND_JA[f.kind]}：{s.ja} → {t.ja}"))
        ph[key].units += [f.source, f.target]
    for ch in c.diff.changed:
        if "plan" in ch.new:
            n = name(ch.after_id)
            ph["members"].changes.append(Text(f"Staff and plan of {n.en}",
                                              f"{n.ja}の体制・計画を変更"))
            ph["members"].units.append(ch.after_id)
            plan = b.units[ch.after_id].plan
            if plan and plan.members:
                start = min(m.start_year for m in plan.members)
                ph["members"].year, ph["members"].fiscal_year = start, fy(start)
    return [p for p in ph.values() if p.changes]


_KIND_JA = {K.REPORTING: "報告系統", K.COMMAND: "指示", K.DELEGATION: "権限委譲",
            K.CONSENSUS: "合意・協議", K.SUPPORT: "支援", K.REPORT: "インシデント報告",
            K.COORDINATION: "外部連携"}
_KIND_EN = {K.REPORTING: "Reporting line", K.COMMAND: "Command", K.DELEGATION: "Delegation",
            K.CONSENSUS: "Consensus", K.SUPPORT: "Support", K.REPORT: "Incident reports",
            K.COORDINATION: "Coordination"}
