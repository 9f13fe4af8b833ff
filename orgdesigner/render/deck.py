"""The approval deck (`orgdesigner deck`, File › Export Approval Deck…): the slides a CISO takes
into the approval meeting, in the order the meeting reads them.

Title; the current organisation; each proposal (a list of (name, design) pairs drives this,
so scenarios plug in without changing the slides); the authority style and the findings by
severity with their sources; where we are in the 8-step process; the cost per fiscal year;
what we ask the meeting to decide. Plain styling, so `--template their.pptx` restyles it.
"""

from __future__ import annotations

import datetime as _dt
import io
import os
from dataclasses import dataclass, field

from pptx.dml.color import RGBColor
from pptx.util import Pt

from ..model import Design, ProcessStatus
from .diagram import design_title
from .pptx_doc import Deck, add_slide, add_table, fill_text, new_deck, text_box
from .pptx_out import Options, add_diagram_slides

TOP_FINDINGS = 5
_SEVERITY_MARK = {"error": "■", "warning": "▲", "info": "●"}


@dataclass
class DeckOptions:
    lang: str = "en"
    template: str | os.PathLike | None = None
    aspect: str | None = None
    date: str | None = None
    years: int | None = None
    proposals: list[tuple[str, Design]] = field(default_factory=list)
    recommended: str | None = None  # the name of the recommended proposal
    overrides: object | None = None  # the user's budget rate settings


def _t(lang: str, en: str, ja: str) -> str:
    return ja if lang == "ja" else en


def document_deck(doc: Design, o: DeckOptions) -> tuple[Design, DeckOptions]:
    """The current organisation (現状) of a document and the options with its proposals and
    the recommended one filled in (unless the caller set them): what `deck_bytes` needs to
    show each proposal after the current organisation."""
    import dataclasses

    from ..model import scenarios as sc

    if o.proposals or doc.scenarios is None or len(sc.scenarios_of(doc).items) < 2:
        return doc, o
    rows = sc.list_scenarios(doc)
    base = next(d for s, d in rows if s.id == sc.BASELINE)
    proposals = [(s.display_name(o.lang), d) for s, d in rows if s.id != sc.BASELINE]
    rec = sc.scenarios_of(doc).recommended()
    return base, dataclasses.replace(
        o, proposals=proposals,
        recommended=o.recommended or (rec.display_name(o.lang) if rec is not None else None))


def deck_bytes(design: Design, o: DeckOptions | None = None) -> bytes:
    """The approval deck of `design`; a document with proposals shows its current
    organisation, then each proposal (see `document_deck`)."""
    design, o = document_deck(design, o or DeckOptions())
    deck = new_deck(o.lang, template=o.template, aspect=o.aspect)
    lang = o.lang
    _title_slide(deck, design, o)
    diagram = Options(lang=lang, date=o.date)
    add_diagram_slides(deck, design, diagram,
                       heading=_t(lang, "Current organisation", "現在の組織"))
    for name, proposal in o.proposals:
        heading = name if name.startswith(("案", "Option", "Proposal")) else _t(
            lang, f"Proposal: {name}", f"案：{name}")
        add_diagram_slides(deck, proposal, diagram, heading=heading)
        _findings_slide(deck, proposal, heading)
    if not o.proposals:
        _findings_slide(deck, design, None)
    _process_slide(deck, design)
    _cost_slide(deck, design, o)
    _decision_slide(deck, design, o)
    buf = io.BytesIO()
    deck.prs.save(buf)  # type: ignore[attr-defined]
    return buf.getvalue()


def _title_slide(deck: Deck, design: Design, o: DeckOptions) -> None:
    lang = o.lang
    slide, area = add_slide(deck, "title", design_title(design, lang))
    m = design.metadata
    sub = [_t(lang, "CSIRT organisation: for approval", "CSIRT 体制のご承認について")]
    if m.organisation:
        sub.append(m.organisation)
    details = [o.date or _dt.date.today().isoformat()]
    if m.author:
        details.append(_t(lang, f"Prepared by {m.author}", f"作成：{m.author}"))
    sub.append("　".join(details) if lang == "ja" else " · ".join(details))
    ph = next((p for p in slide.placeholders if p.placeholder_format.idx == 1), None)
    paras = [(s, 24 if i == 0 else 16, i == 0, "#333333") for i, s in enumerate(sub)]
    if deck.own:
        title = slide.shapes.title
        title.left, title.top, title.width, title.height = (
            area[0], int(deck.height * 0.28), area[2], int(deck.height * 0.2))
        fill_text(title.text_frame, [(design_title(design, lang), 36, True, "#1A1A1A")], lang)
        rule = slide.shapes.add_connector(1, area[0], int(deck.height * 0.49),
                                          area[0] + area[2] // 3, int(deck.height * 0.49))
        rule.line.color.rgb = RGBColor(0x59, 0x59, 0x59)
        rule.line.width = Pt(1.5)
    if ph is not None and not deck.own:
        fill_text(ph.text_frame, [(s, 0, b, None) for s, _, b, _ in paras], lang, own=False)
        return
    if ph is not None:
        ph._element.getparent().remove(ph._element)  # noqa: SLF001
    text_box(slide, (area[0], int(deck.height * 0.52), area[2], int(deck.height * 0.3)),
             paras, lang, spacing=0.6)


def _findings_slide(deck: Deck, design: Design, heading: str | None) -> None:
    from ..analysis import check

    lang = deck.lang
    report = check(design)
    title = _t(lang, "Authority and findings", "権限と指摘事項")
    if heading:
        title = f"{heading} — {title}" if lang == "en" else f"{heading}　{title}"
    slide, (ax, ay, aw, ah) = add_slide(deck, "title_only", title)
    a = report.authority
    counts = report.counts()
    from ..analysis.findings import Severity

    tally = ("　".join if lang == "ja" else ", ".join)(
        f"{Severity(k).label(lang)} {v}" + ("件" if lang == "ja" else "")
        for k, v in counts.items())
    paras = [(_t(lang, "Authority style: ", "権限の型：") + a.label(lang), 20, True, "#1A1A1A"),
             (a.explanation(lang), 14, False, "#333333"),
             (_t(lang, "Findings: ", "指摘事項：") + tally, 20, True, "#1A1A1A")]
    for f in report.findings[:TOP_FINDINGS]:
        mark = _SEVERITY_MARK.get(f.severity.value, "・")
        paras.append((f"{mark} [{f.severity.label(lang)}] {f.message(lang)}", 14, False,
                      "#1A1A1A"))
        paras.append(("　　" + _t(lang, "Source: ", "出典：") + f.source_text(lang), 11, False,
                      "#555555"))
    rest = len(report.findings) - TOP_FINDINGS
    if rest > 0:
        paras.append((_t(lang, f"… and {rest} more (orgdesigner check)",
                         f"ほか {rest} 件（詳細は orgdesigner check で確認できます）"),
                       12, False, "#555555"))
    if not report.findings:
        paras.append((_t(lang, "No findings.", "指摘事項はありません。"), 20, False, "#1A1A1A"))
    box = text_box(slide, (ax, ay, aw, ah), paras, lang, spacing=0.8)
    box.text_frame.auto_size = None


def _process_slide(deck: Deck, design: Design) -> None:
    from ..analysis.process import process_report, track_name

    lang = deck.lang
    rep = process_report(design)
    track = rep.current_track()
    nxt = rep.next_step(track)
    title = _t(lang, "Where we are in the process", "検討プロセスの現在地")
    slide, (ax, ay, aw, ah) = add_slide(deck, "title_only", title)
    mark = {ProcessStatus.DONE: "✓", ProcessStatus.IN_PROGRESS: "▶",
            ProcessStatus.NOT_STARTED: "　"}
    status = {ProcessStatus.DONE: _t(lang, "done", "完了"),
              ProcessStatus.IN_PROGRESS: _t(lang, "in progress", "実施中"),
              ProcessStatus.NOT_STARTED: _t(lang, "not started", "未着手")}
    head = _t(lang, f"{track_name(track, lang)} track: {rep.done(track)} of "
                    f"{len(rep.tracks[track])} steps done",
              f"{track_name(track, lang)}の手順：全 {len(rep.tracks[track])} ステップ中 "
              f"{rep.done(track)} ステップ完了")
    paras = [(head, 20, True, "#1A1A1A")]
    for s in rep.tracks[track]:
        here = nxt is not None and s.step.key == nxt.key
        text = f"{mark[s.status]} {s.step.number}. {s.step.title(lang)}（{status[s.status]}）" \
            if lang == "ja" else f"{mark[s.status]} {s.step.number}. {s.step.title(lang)} " \
                                 f"({status[s.status]})"
        if here:
            text += _t(lang, "  ← next", "　← 次の手順")
        paras.append((text, 16, here, "#B04A00" if here else "#1A1A1A"))
    text_box(slide, (ax, ay, aw, ah), paras, lang, spacing=0.9)


def _budget(design: Design, o: DeckOptions):  # type: ignore[no-untyped-def]
    from ..budget import BudgetError, compute_budget

    try:
        return compute_budget(design, years=o.years, overrides=o.overrides)
    except BudgetError:
        return None


def _cost_slide(deck: Deck, design: Design, o: DeckOptions) -> None:
    from ..model import CostCategory, Expenditure

    lang = deck.lang
    b = _budget(design, o)
    slide, (ax, ay, aw, ah) = add_slide(deck, "title_only",
                                        _t(lang, "Cost per fiscal year (yen)",
                                           "年度別の費用（円）"))
    if b is None or not b.years:
        text_box(slide, (ax, ay, aw, ah), [(_t(lang, "The budget cannot be computed; see "
                                                    "orgdesigner budget.",
                                                "予算を計算できません。orgdesigner budget で"
                                                "確認してください。"), 14, False, None)], lang)
        return
    years = list(b.years)[:6]
    head = [""] + [y.label(lang) for y in years] + [_t(lang, "Total", "合計")]
    rows = [head]
    for cat in CostCategory:
        vals = list(b.by_category[cat])[:len(years)]
        if any(vals):
            rows.append([cat.label(lang)] + [f"{v:,}" for v in vals] + [f"{sum(vals):,}"])
    for e in Expenditure:
        vals = list(b.by_expenditure[e])[:len(years)]
        rows.append([e.label(lang)] + [f"{v:,}" for v in vals] + [f"{sum(vals):,}"])
    contingency = list(b.contingency)[:len(years)]
    if any(contingency):
        rows.append([_t(lang, "Contingency", "予備費")] + [f"{v:,}" for v in contingency]
                    + [f"{sum(contingency):,}"])
    total = list(b.total_per_year)[:len(years)]
    rows.append([_t(lang, "Total cost (before tax)", "総コスト（税抜）")]
                + [f"{v:,}" for v in total] + [f"{sum(total):,}"])
    for en, ja, values in (("of which new money", "うち新規支出", b.new_money),
                           ("of which existing staff's time (工数振替)", "うち既存社員の工数振替",
                            b.reallocated)):
        vals = list(values)[:len(years)]
        rows.append([_t(lang, en, ja)] + [f"{v:,}" for v in vals] + [f"{sum(vals):,}"])
    size = 12 if len(rows) <= 10 else 10
    table = add_table(slide, (ax, ay, aw, ah - 500000), rows, lang, size=size)
    below = ay + int(table.height) + 150000
    fte = "、".join if lang == "ja" else ", ".join
    note = _t(lang, "CSIRT staff (FTE): ", "CSIRT 要員（FTE）：") + fte(
        f"{y.label(lang)} {b.total_fte(y.index):g}" for y in years)
    text_box(slide, (ax, below, aw, 400000), [(note, 12, False, "#555555")], lang)


def _decision_slide(deck: Deck, design: Design, o: DeckOptions) -> None:
    from ..analysis import check

    lang = deck.lang
    slide, (ax, ay, aw, ah) = add_slide(deck, "title_only",
                                        _t(lang, "For decision", "ご決裁いただきたい事項"))
    paras: list[tuple[str, float, bool, str | None]] = []
    if o.recommended:
        paras.append((_t(lang, f"Recommended option: {o.recommended}",
                         f"推奨案：{o.recommended}"), 24, True, "#1A1A1A"))
    chosen = dict(o.proposals).get(o.recommended or "", design)
    report = check(chosen)
    csirt = report.main_csirt
    if csirt:
        path = [chosen.units[u].display_name(lang)
                for u in reversed(chosen.reporting_path(csirt))]
        paras.append((_t(lang, "Where the CSIRT sits: ", "CSIRT の位置づけ：")
                      + " › ".join(path), 20, False, "#1A1A1A"))
    paras.append((_t(lang, "Authority: ", "権限：") + report.authority.label(lang), 20, False,
                  "#1A1A1A"))
    b = _budget(chosen, o)
    if b is not None and b.years:
        first = b.years[0]
        paras.append((_t(lang, f"Budget: {first.label(lang)} ¥{b.total_per_year[0]:,}; "
                               f"{len(b.years)} years ¥{b.grand_total:,}, of which new money "
                               f"¥{sum(b.new_money):,}",
                         f"予算：{first.label(lang)} {b.total_per_year[0]:,} 円、"
                         f"{len(b.years)} 年間合計 {b.grand_total:,} 円（うち新規支出 "
                         f"{sum(b.new_money):,} 円）"), 20, False, "#1A1A1A"))
    errors = report.counts().get("error", 0)
    if errors:
        paras.append((_t(lang, f"Open issues to resolve first: {errors}",
                         f"先に解消すべき重大な指摘：{errors} 件"), 20, True, "#B00020"))
    text_box(slide, (ax, ay, aw, ah), paras, lang, spacing=1.2)
