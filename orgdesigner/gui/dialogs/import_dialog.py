"""File › Import…: read an HR sheet, show what was understood, and only then change anything.

The dialog parses the sheet with `formats.table_import.read_table` and shows the units as
read (id, name, parent, kind, functions, headcount, company) beside every problem with its
sheet, row and column. Nothing is touched until the user picks "Import as new document" or
"Merge into current document"; the dialog then hands back the parsed, laid-out design and
the choice, and `apply_import` opens it or merges it as one undo step.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from orgdesigner.formats.merge import merge_ops, merged_ids
from orgdesigner.formats.table_import import (
    ImportResult,
    TableImportError,
    UnitRow,
    name_after_sheet,
    read_table,
)
from orgdesigner.formats.table_problems import ERROR, WARNING, TableProblem
from orgdesigner.formats.table_read import sheet_names
from orgdesigner.model import Design

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.host import DocumentHost

SHEET_FILTER = QT_TRANSLATE_NOOP("ImportDialog",
                                 "Spreadsheets (*.xlsx *.csv *.txt);;All files (*)")
ENCODINGS = (("", QT_TRANSLATE_NOOP("ImportDialog", "Automatic")), ("utf-8", "UTF-8"),
             ("cp932", "Shift_JIS (CP932)"), ("utf-16", "UTF-16"))
_ERROR_BG = QColor("#FDE2DD")
_WARN_FG = QColor("#8A5A00")
_ERROR_FG = QColor("#B00020")
Index = QModelIndex | QPersistentModelIndex


class UnitPreviewModel(QAbstractTableModel):
    """The units as read from the sheet; rows with an error are tinted."""

    COLUMNS = ("row", "id", "name", "parent", "kind", "functions", "headcount", "company")

    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.rows: list[UnitRow] = []
        self.bad_rows: set[int] = set()
        self.titles = {
            "row": self.tr("Row"), "id": self.tr("ID"), "name": self.tr("Name"),
            "parent": self.tr("Parent"), "kind": self.tr("Kind"),
            "functions": self.tr("Functions"), "headcount": self.tr("Headcount"),
            "company": self.tr("Company")}

    def set_rows(self, rows: list[UnitRow], bad_rows: set[int]) -> None:
        self.beginResetModel()
        self.rows, self.bad_rows = list(rows), set(bad_rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[self.COLUMNS[section]]
        return None

    def cell(self, row: UnitRow, column: str) -> str:
        if column == "row":
            return str(row.row)
        if column == "name":
            return row.name or row.name_en
        if column == "kind":
            return row.kind.label(self.lang)
        if column == "functions":
            return "、".join(f.label("ja") for f in row.functions) if self.lang == "ja" \
                else ", ".join(f.label("en") for f in row.functions)
        if column == "headcount":
            return str(row.headcount) if row.headcount else ""
        return str(getattr(row, column))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, column)
        if role == Qt.ItemDataRole.BackgroundRole and row.row in self.bad_rows:
            return QBrush(_ERROR_BG)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("row", "headcount"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def row_of(self, sheet_row: int) -> int:
        """The model row showing sheet row `sheet_row`, or -1."""
        for i, r in enumerate(self.rows):
            if r.row == sheet_row:
                return i
        return -1


class ProblemModel(QAbstractTableModel):
    """Errors first, then warnings and notes, each with its sheet and cell."""

    def __init__(self, parent: QWidget | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.lang = lang  # the problems' own wording (messages.py) follows the UI language
        self.problems: list[TableProblem] = []
        self.titles = (self.tr("Severity"), self.tr("Where"), self.tr("Problem"))
        self.severity = {ERROR: self.tr("Error"), WARNING: self.tr("Warning")}

    def set_problems(self, problems: list[TableProblem]) -> None:
        self.beginResetModel()
        order = {ERROR: 0, WARNING: 1}
        self.problems = sorted(problems, key=lambda p: (order.get(p.severity, 2), p.sort_key()))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        p = self.problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() == 0:
                return self.severity.get(p.severity, self.tr("Note"))
            if index.column() == 1:
                return f"{p.sheet} {p.cell_text(self.lang)}".strip()
            return p.message_text(self.lang)
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 0:
            return QBrush(_ERROR_FG if p.fatal else _WARN_FG)
        return None


class ImportDialog(QDialog):
    """Choose a sheet, see what it holds, then import it as a new document or merge it."""

    NEW, MERGE = "new", "merge"

    def __init__(self, parent: QWidget | None = None, *, can_merge: bool = True,
                 lang: str = "en") -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import organisation from a spreadsheet"))
        self.lang = lang
        self.can_merge = can_merge
        self.design: Design | None = None
        self.result_data: ImportResult | None = None
        self.choice: str | None = None
        self._build()
        self.resize(960, 640)

    # ---- layout --------------------------------------------------------------------------
    def _build(self) -> None:
        self.path_edit = QLineEdit(objectName="importPath")
        self.flows_edit = QLineEdit(objectName="importFlowsPath")
        self.flows_edit.setPlaceholderText(self.tr("optional: the workbook's flows sheet, or "
                                                   "NAME.flows.csv beside a CSV"))
        self.sheet_combo = QComboBox(objectName="importSheet")
        self.encoding_combo = QComboBox(objectName="importEncoding")
        for code, label in ENCODINGS:
            self.encoding_combo.addItem(self.tr(label), code)
        browse = QPushButton(self.tr("Browse…"), objectName="importBrowse")
        browse.clicked.connect(self._browse)
        browse_flows = QPushButton(self.tr("Browse…"), objectName="importBrowseFlows")
        browse_flows.clicked.connect(self._browse_flows)
        self.reload_button = QPushButton(self.tr("Reload"), objectName="importReload")
        self.reload_button.clicked.connect(self.reload)
        form = QFormLayout()
        form.addRow(self.tr("Units sheet:"), _row(self.path_edit, browse))
        form.addRow(self.tr("Flows (optional):"), _row(self.flows_edit, browse_flows))
        form.addRow(self.tr("Sheet:"), _row(self.sheet_combo, QLabel(self.tr("Encoding:")),
                                           self.encoding_combo, self.reload_button))

        self.summary = QLabel(objectName="importSummary")
        self.summary.setWordWrap(True)
        self.preview_model = UnitPreviewModel(self.lang, self)
        self.preview = _table(self.preview_model, "importPreview")
        self.problem_model = ProblemModel(self, self.lang)
        self.problems = _table(self.problem_model, "importProblems")
        self.problems.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems.doubleClicked.connect(self._show_problem_row)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.preview)
        split.addWidget(self.problems)
        split.setSizes([400, 160])

        self.new_button = QPushButton(self.tr("Import as New Document"),
                                      objectName="importNewButton")
        self.merge_button = QPushButton(self.tr("Merge into Current Document"),
                                        objectName="importMergeButton")
        cancel = QPushButton(self.tr("Cancel"), objectName="importCancel")
        self.new_button.clicked.connect(lambda: self._confirm(self.NEW))
        self.merge_button.clicked.connect(lambda: self._confirm(self.MERGE))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(cancel)
        self.new_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    # ---- loading -------------------------------------------------------------------------
    def load(self, path: str | Path, flows_path: str | Path | None = None,
             sheet: str | None = None, encoding: str | None = None) -> bool:
        """Parse the sheet and show it; True when it can be imported. Changes no document."""
        self.path_edit.setText(str(path))
        self.flows_edit.setText(str(flows_path) if flows_path else "")
        self._fill_sheets(Path(path), sheet)
        index = self.encoding_combo.findData(encoding or "")
        self.encoding_combo.setCurrentIndex(max(index, 0))
        return self.reload()

    def reload(self) -> bool:
        path = Path(self.path_edit.text().strip())
        flows = self.flows_edit.text().strip() or None
        sheet = self.sheet_combo.currentData() or None
        encoding = self.encoding_combo.currentData() or None
        self.design, self.result_data = None, None
        try:
            result = read_table(path, flows_path=flows, sheet=sheet, encoding=encoding)
        except TableImportError as exc:
            rows, problems, units_sheet = exc.preview, exc.problems, exc.sheet
        else:
            name_after_sheet(result.design, path)
            self.design, self.result_data = result.design, result
            rows, problems, units_sheet = result.rows, result.warnings, ""
        bad = {p.row for p in problems if p.fatal and p.row and p.sheet == units_sheet}
        self.preview_model.set_rows(rows, bad)
        self.preview.resizeColumnsToContents()
        self.problem_model.set_problems(problems)
        self.summary.setText(self._summary(rows, problems))
        self._update_buttons()
        return self.design is not None

    def _fill_sheets(self, path: Path, wanted: str | None) -> None:
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItem(self.tr("(automatic)"), "")
        try:
            names = sheet_names(path)
        except TableImportError:
            names = []  # the reload reports why the file cannot be read
        for name in names:
            self.sheet_combo.addItem(name, name)
        self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(wanted or ""), 0))
        self.sheet_combo.setEnabled(bool(names))
        self.sheet_combo.blockSignals(False)

    def _summary(self, rows: list[UnitRow], problems: list[TableProblem]) -> str:
        errors = sum(1 for p in problems if p.fatal)
        warnings = sum(1 for p in problems if p.severity == WARNING)
        if self.design is not None:
            d = self.design
            return (self.tr("%1 units, %2 flows, %3 companies ready to import; %4 warning(s).")
                    .replace("%1", str(len(d.units))).replace("%2", str(len(d.flows)))
                    .replace("%3", str(len(d.companies))).replace("%4", str(warnings)))
        return (self.tr("%1 error(s) — nothing can be imported until they are fixed in the "
                        "spreadsheet. %2 row(s) read. Fix them and press Reload.")
                .replace("%1", str(errors)).replace("%2", str(len(rows))))

    def _update_buttons(self) -> None:
        ok = self.design is not None
        self.new_button.setEnabled(ok)
        self.merge_button.setEnabled(ok and self.can_merge)

    # ---- actions -------------------------------------------------------------------------
    def _confirm(self, choice: str) -> None:
        if self.design is None:
            return
        self.choice = choice
        self.accept()

    def _show_problem_row(self, index: QModelIndex) -> None:
        problem = self.problem_model.problems[index.row()]
        row = self.preview_model.row_of(problem.row) if problem.row else -1
        if row >= 0:
            self.preview.selectRow(row)
            self.preview.scrollTo(self.preview_model.index(row, 0))

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import organisation"),
                                              self.path_edit.text(), self.tr(SHEET_FILTER))
        if path:
            self.load(path, self.flows_edit.text().strip() or None)

    def _browse_flows(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Flows sheet"),
                                              self.flows_edit.text() or self.path_edit.text(),
                                              self.tr(SHEET_FILTER))
        if path:
            self.flows_edit.setText(path)
            self.reload()


def _row(*widgets: QWidget) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    for w in widgets:
        layout.addWidget(w, 1 if isinstance(w, (QLineEdit, QComboBox)) else 0)
    return box


def _table(model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView(objectName=name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    # Column widths from the first rows only: measuring 5,000 rows would double the wait.
    view.verticalHeader().setResizeContentsPrecision(200)
    view.horizontalHeader().setResizeContentsPrecision(200)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.horizontalHeader().setStretchLastSection(True)
    view.setAlternatingRowColors(True)
    return view


def apply_import(window: DocumentHost, design: Design, choice: str) -> Any:
    """Open the imported design, or merge it into the current document as one undo step.
    Returns the controller that received it, or None when a merge was refused."""
    if choice == ImportDialog.MERGE and window.current_controller() is not None:
        ctrl = window.current_controller()
        text = QCoreApplication.translate("ImportDialog", "Import")
        batch = merge_ops(ctrl.design, design, text)
        if not ctrl.push(batch, text):
            return None
        ctrl.select_units(merged_ids(batch))
        return ctrl
    ctrl = window.open_design(design, None)
    ctrl.undo_stack.resetClean()  # never saved: closing it must ask
    return ctrl


def run_import(window: DocumentHost, path: str | Path | None = None) -> Any:
    """File › Import…: pick a sheet, preview it, and import it if the user confirms."""
    if path is None:
        from orgdesigner.gui.dialogs.documents import start_folder

        path, _ = QFileDialog.getOpenFileName(
            window, QCoreApplication.translate("ImportDialog", "Import organisation"),
            str(start_folder(window.current_controller())),
            QCoreApplication.translate("ImportDialog", SHEET_FILTER))
        if not path:
            return None
    dialog = ImportDialog(window, can_merge=window.current_controller() is not None,
                          lang=getattr(window, "lang", "en"))
    dialog.load(path)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.design is None:
        return None
    return apply_import(window, dialog.design, dialog.choice or ImportDialog.NEW)


