"""The export dialog's "what to draw" and "on what paper" choices: the same scopes as the
CLI's `export --scope all|overview|company:ID|branch:ID` (render/scope.py) and its
`--paper` (render/paper.py).

A company is picked by name from the design's companies; a branch is the unit selected on the
canvas or one of the top levels of each company (management and the two levels below it:
deeper units are reached by selecting them first), so the list stays short at 50,000 units.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QRadioButton,
    QWidget,
)

from orgdesigner.model import Design
from orgdesigner.render import paper as paper_mod
from orgdesigner.render.scope import AUTO_OVERVIEW_UNITS, top_units

KINDS = ("whole", "overview", "company", "branch")
# How deep the branch list goes below each company's top (0 = management).
BRANCH_LEVELS = 2


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a helper's strings under ""


def default_kind(design: Design) -> str:
    """The first export's scope: what the CLI draws without `--scope` for a large group's
    PNG or PDF (the overview), else the whole design. The whole of a large group, a PDF
    book that takes minutes at 50,000 units, is one click away."""
    return "overview" if len(design.units) > AUTO_OVERVIEW_UNITS else "whole"


def paper_names() -> dict[str, str]:
    return {"a4-landscape": tr("A4 landscape"), "a4": tr("A4 portrait"),
            "a3-landscape": tr("A3 landscape"), "a3": tr("A3 portrait")}


def paper_combo(current: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("exportPaper")
    for key, name in paper_names().items():
        combo.addItem(name, key)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else combo.findData(paper_mod.DEFAULT))
    combo.setToolTip(tr("The PDF page the diagram is fitted and centred on."))
    return combo


class ScopeChooser(QWidget):
    """Whole design / overview / one company / one branch, with the pickers beside them."""

    def __init__(self, design: Design, *, lang: str, root: str | None, kind: str,
                 company: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportScope")
        self.design = design
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.whole = QRadioButton(tr("&Whole design"))
        self.whole.setObjectName("exportScopeWhole")
        self.whole.setToolTip(tr("Everything. A PDF that would be unreadable on one page "
                                 "becomes the overview followed by each company's page, a "
                                 "large company's big branches on pages of their own, all "
                                 "linked to each other; a PNG that would be a sliver "
                                 "becomes the overview."))
        self.overview = QRadioButton(tr("O&verview: companies and their top levels"))
        self.overview.setObjectName("exportScopeOverview")
        self.overview.setToolTip(tr("Every company with its top levels; each box says how "
                                    "many units it hides."))
        self.company = QRadioButton(tr("One co&mpany:"))
        self.company.setObjectName("exportScopeCompany")
        self.branch = QRadioButton(tr("One bra&nch:"))
        self.branch.setObjectName("exportScopeBranch")
        self.company_combo = QComboBox()
        self.company_combo.setObjectName("exportCompany")
        self.company_combo.setAccessibleName(tr("Company to export"))
        used = {u.company for u in design.units.values()}
        for c in design.companies.values():
            if c.id in used:
                self.company_combo.addItem(c.display_name(lang), c.id)
        self.branch_combo = QComboBox()
        self.branch_combo.setObjectName("exportBranch")
        self.branch_combo.setAccessibleName(tr("Branch to export (the unit and those below it)"))
        self._fill_branches(lang, root)
        self.group = QButtonGroup(self)
        for i, button in enumerate((self.whole, self.overview, self.company, self.branch)):
            self.group.addButton(button, i)
        grid.addWidget(self.whole, 0, 0, 1, 2)
        grid.addWidget(self.overview, 1, 0, 1, 2)
        grid.addWidget(self.company, 2, 0)
        grid.addWidget(self.company_combo, 2, 1)
        grid.addWidget(self.branch, 3, 0)
        grid.addWidget(self.branch_combo, 3, 1)
        grid.setColumnStretch(1, 1)
        # picking from a list chooses that scope
        self.company_combo.activated.connect(lambda _i: self.company.setChecked(True))
        self.branch_combo.activated.connect(lambda _i: self.branch.setChecked(True))
        if company is not None and self.company_combo.findData(company) >= 0:
            self.company_combo.setCurrentIndex(self.company_combo.findData(company))
        self.set_kind(kind)

    def _fill_branches(self, lang: str, root: str | None) -> None:
        units = self.design.units
        if root is not None and root in units:
            self.branch_combo.addItem(tr("Selected: {0}").format(units[root].display_name(lang)),
                                      root)
        companies = self.design.companies
        for uid, depth in top_units(self.design, BRANCH_LEVELS):
            if uid == root:
                continue
            u = units[uid]
            where = companies[u.company].display_name(lang) if u.company in companies else ""
            text = "\u2003" * depth + u.display_name(lang).replace("\n", " ")
            if where and not depth:  # a company's top says which company it is
                text = f"{text}（{where}）" if lang == "ja" else f"{text} ({where})"
            self.branch_combo.addItem(text, uid)

    # ---- state ------------------------------------------------------------------------------
    def kind(self) -> str:
        return KINDS[max(self.group.checkedId(), 0)]

    def set_kind(self, kind: str) -> None:
        button = {"whole": self.whole, "overview": self.overview, "company": self.company,
                  "branch": self.branch}.get(kind, self.whole)
        if not button.isEnabledTo(self):
            button = self.whole
        button.setChecked(True)

    def company_id(self) -> str | None:
        return self.company_combo.currentData()

    def set_diagram(self, diagram: bool) -> None:
        """Greyed out for a table (always the whole design), the choice kept for the next
        diagram format."""
        self.setEnabled(diagram)
        self.company.setEnabled(self.company_combo.count() > 0)
        self.company_combo.setEnabled(self.company_combo.count() > 0)
        self.branch.setEnabled(self.branch_combo.count() > 0)
        self.branch_combo.setEnabled(self.branch_combo.count() > 0)
        checked = self.group.checkedButton()
        if checked is None or not checked.isEnabledTo(self):
            self.whole.setChecked(True)

    def scope(self, fmt: str) -> str | None:
        """The `--scope` text for `fmt`, None for the CLI's default (the whole design, or the
        overview with a note when a PNG or PDF of it would be an unreadable sliver). A PDF of
        the whole of a group is the book: overview plus one linked page per company."""
        if not self.isEnabled():
            return None
        kind = self.kind()
        if kind == "overview":
            return "overview"
        if kind == "company" and self.company_id():
            return f"company:{self.company_id()}"
        if kind == "branch" and self.branch_combo.currentData():
            return f"branch:{self.branch_combo.currentData()}"
        if fmt == "pdf" and len(self.design.companies) > 1:
            return "all"
        return None


def note_text(note: object, lang: str) -> str:
    """A note of the export (messages/cat_output.py) said in the dialog's terms: the CLI's
    wording names options (`--scope branch:ID`) that are choices here."""
    from orgdesigner.messages import text_of

    key = getattr(note, "key", "")
    p = getattr(note, "params", {})
    papers = paper_names()

    def paper(value: object) -> str:
        return papers.get(str(value).lower(), str(value))

    if key == "export.pdf_book":
        return tr("The whole design would be unreadable on one {0} page, so the PDF has {1} "
                  "pages: the overview first, then each company's page, a large company's big "
                  "branches on pages of their own. Each company on the overview and each "
                  "folded branch links to its page, and the bookmarks list them.").format(
                      paper(p["paper"]), p["pages"])
    if key == "export.pdf_book_small":
        return tr("{0} company pages still have labels under 6 pt. For those, export one "
                  "branch, or choose A3 paper.").format(p["count"])
    if key == "export.auto_overview":
        return tr("The whole design ({0} units) would be an unreadable sliver, so the overview "
                  "(companies and their top levels) was drawn instead. For all units, export "
                  "one company or one branch, or the whole design as PDF.").format(
                      f"{p['count']:,}")
    if key == "export.small_text":
        return tr("Fitted on {0}, labels are {1} pt (under 6 pt, hard to read). Choose the "
                  "overview, one company or A3 paper.").format(paper(p["paper"]),
                                                              f"{p['pt']:.1f}")
    return text_of(note, lang)
