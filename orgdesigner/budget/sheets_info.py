"""The supporting sheets: Findings (the checker), Organisation, Process (8 steps), Diagram.

They hold no formulas; they let an approver see why the budget asks for what it asks.
"""

from __future__ import annotations

from ..messages import message_of, msg
from ..model import STEPS, Design, ProcessStatus
from .defaults import BudgetError
from .labels import t
from .xlsx import YEAR, Sheet, png_size

#: The Diagram sheet's picture fits one A4 page below the title, in pixels (96 per inch):
#: (width, height) on a landscape page for a wide drawing, then on a portrait one for a tall.
PICTURE_BOX = ((940, 560), (660, 880))

_SEVERITY = {"error": ("Error", "重大"), "warning": ("Warning", "警告"), "info": ("Info", "情報")}


def _severity(value: object, lang: str) -> str:
    en, ja = _SEVERITY.get(str(getattr(value, "value", value)), (str(value), str(value)))
    return ja if lang == "ja" else en


def _unit_names(design: Design, ids: tuple[str, ...] | list[str], lang: str) -> str:
    sep = "、" if lang == "ja" else ", "
    return sep.join(design.units[u].display_name(lang) if u in design.units else u for u in ids)


def write_findings(sh: Sheet, design: Design, lang: str) -> None:
    sh.title(t("fi.heading", lang))
    try:
        from ..analysis import check
    except ImportError:
        sh.text(3, 1, t("fi.unavailable", lang), fit=False)
        sh.finish(landscape=True)
        return
    report = check(design)
    r = 3
    facts = [(t("fi.authority", lang), report.authority.explanation(lang))]
    if report.nearest:
        best = report.nearest[0]
        facts.append((t("fi.nearest", lang), f"{best.name(lang)} ({best.score:.0%})"))
    for label, text in facts:
        sh.text(r, 1, label, "bold", "top")
        sh.merge(r, 2, 6, text, "wrap", lines_width=100)
        r += 1
    r += 1
    header = r
    sh.headers(r, [t(k, lang) for k in ("fi.severity", "fi.id", "fi.message", "fi.units",
                                         "fi.source", "fi.suggestion")])
    r += 1
    for f in report.findings:
        sh.text(r, 1, _severity(f.severity, lang), "top")
        sh.text(r, 2, f.id, "top")
        sh.text(r, 3, f.message(lang), "wrap")
        sh.text(r, 4, _unit_names(design, f.units, lang), "wrap")
        sh.text(r, 5, f.source_text(lang), "wrap")
        sh.text(r, 6, f.suggestion(lang), "wrap")
        r += 1
    if not report.findings:
        sh.text(r, 1, t("fi.none", lang), fit=False)
    for col, cap in ((1, 10), (2, 20), (3, 40), (4, 18), (5, 30), (6, 40)):
        sh.widths[col] = min(sh.widths.get(col, 0), cap)
    sh.finish(header_row=header, freeze=(header + 1, 1))


#: The organisation sheet's wrapping columns and the width each is capped at.
_ORG_WRAP = {2: 24, 3: 24, 5: 18, 7: 16, 8: 20}


def write_organisation(sh: Sheet, design: Design, lang: str) -> None:
    sh.title(t("or.heading", lang))
    keys = ("or.id", "or.name", "or.name_en", "or.kind", "or.functions", "or.headcount",
            "or.company", "or.superior")
    sh.headers(3, [t(k, lang) for k in keys])
    sep = "、" if lang == "ja" else ", "
    companies = {cid: c.display_name(lang) for cid, c in design.companies.items()}
    kinds: dict[object, str] = {}
    units = design.units
    for r, (uid, u) in enumerate(units.items(), start=4):
        kind = kinds.get(u.kind) or kinds.setdefault(u.kind, u.kind.label(lang))
        sup = design.superior(uid)
        sh.row(r, [uid, u.name, u.name_en, kind, sep.join(f.label(lang) for f in u.functions),
                   u.headcount, companies.get(u.company, u.company),
                   units[sup].display_name(lang) if sup else ""], _ORG_WRAP)
    for col, cap in _ORG_WRAP.items():
        sh.widths[col] = min(sh.widths.get(col, 0), cap)
    sh.finish(header_row=3, freeze=(4, 3))


def write_process(sh: Sheet, design: Design, lang: str) -> None:
    sh.title(t("pr.heading", lang))
    sh.headers(3, [t(k, lang) for k in ("pr.step", "pr.japan", "pr.status", "pr.certcc",
                                         "pr.status")])
    by_track: dict[str, list] = {}
    for step in STEPS:
        by_track.setdefault(step.track, []).append(step)
    for i, (jp, cc) in enumerate(zip(by_track["japan"], by_track["certcc"], strict=True)):
        r = 4 + i
        sh.number(r, 1, jp.number, YEAR, "center")
        for col, step in ((2, jp), (4, cc)):
            status = design.process.get(step.key, ProcessStatus.NOT_STARTED)
            sh.text(r, col, step.title(lang))
            sh.text(r, col + 1, status.label(lang))
    sh.finish(header_row=3)


def write_diagram(sh: Sheet, png: bytes | None, lang: str) -> None:
    sh.title(t("di.heading", lang))
    if not png:
        sh.text(3, 1, t("di.none", lang), fit=False)
        sh.finish()
        return
    try:
        width, height = png_size(png)
    except ValueError as exc:
        raise BudgetError(msg("budget.bad_diagram", detail=message_of(exc))) from None
    # fit one A4 page (96 px per inch, below the title and the page header), never enlarge;
    # a tall diagram prints on a portrait page
    landscape = width >= height
    max_w, max_h = PICTURE_BOX[0] if landscape else PICTURE_BOX[1]
    scale = min(1.0, max_w / max(width, 1), max_h / max(height, 1))
    import io

    sh.ws.insert_image(2, 0, "diagram.png", {"image_data": io.BytesIO(png),
                                             "x_scale": scale, "y_scale": scale,
                                             "object_position": 3})
    sh.max_row = max(sh.max_row, 3 + int(height * scale / 20) + 1)
    sh.max_col = max(sh.max_col, int(width * scale / 64) + 1)
    sh.finish(landscape=landscape)
    sh.ws.fit_to_pages(1, 1)
