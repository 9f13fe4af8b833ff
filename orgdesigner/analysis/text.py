"""Plain-text rendering of a check, for the terminal and for logs."""

from __future__ import annotations

from ..model import ProcessStatus
from .findings import Severity
from .process import track_name
from .report import CheckReport

_MARK = {ProcessStatus.DONE: "[x]", ProcessStatus.IN_PROGRESS: "[~]",
         ProcessStatus.NOT_STARTED: "[ ]"}
_W = {"en": {"authority": "Authority style", "evidence": "evidence", "partial": "also",
             "nearest": "Nearest reference models", "matched": "matched",
             "differed": "differed", "findings": "Findings", "none": "none",
             "units": "units", "source": "source", "suggestion": "suggestion",
             "fix": "quick fix", "process": "Process", "next": "Next step",
             "all_done": "all steps done", "step": "Step"},
      "ja": {"authority": "権限の型", "evidence": "根拠", "partial": "その他",
             "nearest": "近い参照モデル", "matched": "一致", "differed": "相違",
             "findings": "指摘事項", "none": "なし", "units": "対象", "source": "出典",
             "suggestion": "対策", "fix": "クイック修正", "process": "構築プロセス",
             "next": "次のステップ", "all_done": "全ステップ完了", "step": "ステップ"}}


def format_text(report: CheckReport, lang: str = "en", top: int = 3) -> str:
    w = _W["ja" if lang == "ja" else "en"]
    d = report.design
    out: list[str] = []
    m = d.metadata
    title = (m.title_en or m.title) if lang == "en" else (m.title or m.title_en)
    if title:
        out += [title, ""]

    def flow_line(fid: str) -> str:
        f = d.flows.get(fid)
        if f is None:
            return fid
        return (f"{report.unit_name(f.source, lang)} → {report.unit_name(f.target, lang)}"
                f" ({f.kind.label(lang)})")

    a = report.authority
    out.append(f"{w['authority']}: {a.label(lang)}")
    out.append(f"  {a.explanation(lang)}")
    for key, ids in (("evidence", a.evidence), ("partial", a.partial)):
        for fid in ids:
            out.append(f"  {w[key]}: {flow_line(fid)}")
    out.append("")

    out.append(f"{w['nearest']}:")
    for i, n in enumerate(report.nearest[:top], start=1):
        out.append(f"  {i}. {n.name(lang)} ({n.template_id})  {n.score:.2f}")
        if n.matched_text(lang):
            out.append(f"     {w['matched']}: " + "; ".join(n.matched_text(lang)))
        if n.differed_text(lang):
            out.append(f"     {w['differed']}: " + "; ".join(n.differed_text(lang)))
    if not report.nearest:
        out.append(f"  ({w['none']})")
    out.append("")

    counts = report.counts()
    summary = ", ".join(f"{s.label(lang)} {counts[s.value]}" for s in Severity)
    out.append(f"{w['findings']} ({summary}):")
    for sev in Severity:
        group = [f for f in report.findings if f.severity is sev]
        if not group:
            continue
        out.append(f"  {sev.label(lang).upper()}")
        for f in group:
            out.append(f"  - [{f.id}] {f.message(lang)}")
            if f.units:
                names = ", ".join(report.unit_name(u, lang) for u in f.units[:8])
                more = f" (+{len(f.units) - 8})" if len(f.units) > 8 else ""
                out.append(f"      {w['units']}: {names}{more}")
            out.append(f"      {w['suggestion']}: {f.suggestion(lang)}")
            if f.has_fix:
                out.append(f"      {w['fix']}: {f.fix_label(lang)}")
            out.append(f"      {w['source']}: {f.source_text(lang)}")
    if not report.findings:
        out.append(f"  ({w['none']})")
    out.append("")

    p = report.process
    out.append(f"{w['process']} ({track_name('japan', lang)} | {track_name('certcc', lang)}):")
    for jp, cc in zip(p.tracks["japan"], p.tracks["certcc"], strict=True):
        out.append(f"  {jp.step.number}. {_MARK[jp.status]} {jp.step.title(lang)}"
                   f"  |  {_MARK[cc.status]} {cc.step.title(lang)}")
    current = p.current_track()
    for track in (current, "certcc" if current == "japan" else "japan"):
        step = p.next_step(track)
        where = f"{track_name(track, lang)}"
        text = (f"{w['step']} {step.number} — {step.title(lang)}" if step else w["all_done"])
        out.append(f"{w['next']} ({where}): {text}")
    return "\n".join(out) + "\n"
