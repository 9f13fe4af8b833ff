"""The text form of a comparison (`orgdesigner compare`), for people, in English or Japanese."""

from __future__ import annotations

from .comparison import Comparison
from .comparison_json import fy_label
from .findings import Text
from .roadmap import roadmap

T = {
    "title": Text("Comparison: {a} → {b}", "比較：{a} → {b}"),
    "identical": Text("No differences.", "差分はありません。"),
    "units": Text("Units", "部署"),
    "added": Text("added", "新設"), "removed": Text("removed", "廃止"),
    "renamed": Text("renamed", "名称変更"), "moved": Text("moved", "移管"),
    "rekinded": Text("kind changed", "種別変更"), "changed": Text("changed", "変更"),
    "flows": Text("Flows", "線"),
    "authority": Text("Authority style", "権限の型"),
    "findings": Text("Findings", "指摘"),
    "resolved": Text("resolved", "解消"), "new": Text("new", "新規"),
    "remaining": Text("remaining", "残存"),
    "cost": Text("Cost per fiscal year", "年度別費用"),
    "footprint": Text("Change footprint", "変更の影響"),
    "fp_moved": Text("units moved", "移管される部署"),
    "fp_people": Text("people affected", "影響を受ける人数"),
    "fp_authority": Text("departments whose authority changes", "権限が変わる部署"),
    "fp_must_agree": Text("must agree (合議先)", "合議先"),
    "roadmap": Text("Roadmap", "ロードマップ"),
}
REASONS = {
    "moved": Text("moved", "移管"), "old_superior": Text("loses a unit", "部署が移る元"),
    "new_superior": Text("receives a unit", "部署の移管先"),
    "receives_command": Text("receives command from the CSIRT", "CSIRT から指示を受ける"),
    "delegates": Text("delegates authority to the CSIRT", "CSIRT に権限を委譲"),
    "loses_function": Text("loses a function", "機能を失う"),
    "loses_unit": Text("a unit moves away", "配下の部署が移る"),
    "executive_above": Text("executive above an affected department", "影響部署の上位役員"),
    "member": Text("new CSIRT member", "新たな CSIRT メンバー"),
}


def format_comparison(x: Comparison, lang: str = "en", with_roadmap: bool = True) -> str:
    t = {k: v(lang) for k, v in T.items()}
    d = x.diff
    out = [t["title"].format(a=x.before_name or "A", b=x.after_name or "B"), ""]
    if d.is_empty():
        out += [t["identical"], ""]
    ja = lang == "ja"
    sep = "、" if ja else ", "
    c = "：" if ja else ": "

    def par(x: object) -> str:
        return f"（{x}）" if ja else f" ({x})"

    def names(ids: list[str], before: bool = False) -> str:
        return sep.join(x.name(u, lang, before) for u in ids)

    rows = [("added", names(d.units_added)), ("removed", names(d.units_removed, True)),
            ("renamed", names([x.after_id for x in d.renamed])),
            ("moved", names([x.after_id for x in d.moved])),
            ("rekinded", names([x.after_id for x in d.rekinded])),
            ("changed", names([x.after_id for x in d.changed]))]
    out.append(f"{t['units']}{c.strip()}")
    out += [f"  {t[k]}{par(len(v.split(sep)))}{c}{v}" for k, v in rows if v]
    n = d.counts()
    out.append(f"{t['flows']}{c}+{n['flows_added']} −{n['flows_removed']} "
               f"~{n['flows_changed']}")
    a0, a1 = x.report_before.authority, x.report_after.authority
    out.append(f"{t['authority']}{c}{a0.label(lang)} → {a1.label(lang)}")
    out.append(f"{t['findings']}{c}{t['resolved']} {len(x.resolved)}{sep}{t['new']} "
               f"{len(x.new)}{sep}{t['remaining']} {len(x.remaining)}")
    def fid(f: object) -> str:  # rule ids for readers of English; the message says it all
        return "" if ja else f"{f.id}{c}"  # type: ignore[attr-defined]

    out += [f"  − {fid(f)}{f.message(lang)}" for f in x.resolved]
    out += [f"  + {fid(f)}{f.message(lang)}" for f in x.new]
    currency = x.after.metadata.currency
    out.append(f"{t['cost']}{par('円' if ja and currency == 'JPY' else currency)}{c.strip()}")
    for y, b0, b1 in zip(x.cost.years, x.cost.before, x.cost.after, strict=False):
        out.append(f"  {fy_label(y, lang)}{c}{b0:,} → {b1:,}{par(f'{b1 - b0:+,}')}")
    fp = x.footprint
    out.append(f"{t['footprint']}{c.strip()}")
    for key, items, number in (("fp_moved", fp.moved, len(fp.moved)),
                               ("fp_people", fp.people, fp.people_count),
                               ("fp_authority", fp.authority, len(fp.authority)),
                               ("fp_must_agree", fp.must_agree, len(fp.must_agree))):
        out.append(f"  {t[key]}{c}{number}")
        for i in items:
            why = sep.join(REASONS[r](lang) for r in i.reasons)
            extra = f" ×{i.people}" if i.people > 1 else (f" {i.detail}" if i.detail else "")
            out.append(f"    {x.name(i.unit, lang)}{extra}{par(why)}")
    if with_roadmap and not d.is_empty():
        out.append(f"{t['roadmap']}{c.strip()}")
        for i, p in enumerate(roadmap(x), start=1):
            out.append(f"  {i}. {p.title(lang)}{par(fy_label(p.fiscal_year, lang))}")
            out += [f"     - {x(lang)}" for x in p.changes]
    return "\n".join(out) + "\n"
