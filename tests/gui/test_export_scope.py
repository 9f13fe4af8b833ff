"""The export dialog's scope and paper (the CLI's `--scope` and `--paper`), driven like a user:
the written PDF read back with pypdf (pages, page size, links), the choices remembered,
everything reachable by keyboard and named for a screen reader, in English and Japanese."""

from __future__ import annotations

import io
import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from orgdesigner import synthetic
from orgdesigner.gui.dialogs import export_dialog as ed
from orgdesigner.gui.i18n import language as i18n
from orgdesigner.render import paper as paper_mod

pypdf = pytest.importorskip("pypdf")
pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def fresh_choices(monkeypatch):
    for name in ("last_format", "last_scope", "last_company", "last_paper"):
        monkeypatch.setattr(ed.ExportDialog, name, getattr(ed.ExportDialog, name))
    yield
    i18n.install_translators("en")


@pytest.fixture(scope="module")
def group():
    """Large enough for the worker thread and for a PDF unreadable on one page."""
    return synthetic.generate(ed.BACKGROUND_UNITS + 100, companies=4)


@pytest.fixture
def boxes(monkeypatch) -> list[dict]:
    shown: list[dict] = []

    def fake_exec(box):
        shown.append({"name": box.objectName(), "info": box.informativeText()})
        return int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    return shown


def make(qtbot, design, path, **kw) -> ed.ExportDialog:
    dialog = ed.ExportDialog(design, start_path=path, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def export(qtbot, dialog) -> list[tuple[int, int]]:
    """Press Export and wait for the file; the page progress reported meanwhile."""
    seen: list[tuple[int, int]] = []
    with qtbot.waitSignal(dialog.exported, timeout=180000):
        dialog.accept()
        if dialog.job is not None:  # queued signals: nothing was delivered yet
            dialog.job.progressed.connect(lambda d, t: seen.append((d, t)))
    return seen


def read(path):
    return read_bytes(path.read_bytes())


def read_bytes(data: bytes):
    return pypdf.PdfReader(io.BytesIO(data))


def size(page) -> tuple[float, float]:
    return float(page.mediabox.width), float(page.mediabox.height)


def _branches_of(design) -> list[tuple[str, int]]:
    from orgdesigner.render.scope import top_units

    return top_units(design, 2)


def pick(combo: QComboBox, data) -> None:
    combo.setCurrentIndex(combo.findData(data))
    combo.activated.emit(combo.currentIndex())  # what a user's choice emits


def test_whole_group_pdf_is_the_linked_book_on_the_chosen_paper(qtbot, group, tmp_path,
                                                                 boxes):
    target = tmp_path / "group.pdf"
    dialog = make(qtbot, group, target)
    assert dialog.scope.whole.isChecked() and dialog.paper_combo.isEnabled()
    assert dialog.paper_combo.currentData() == paper_mod.DEFAULT
    pick(dialog.paper_combo, "a3")
    assert dialog.options().scope == "all" and dialog.options().paper == "a3"
    progress = export(qtbot, dialog)
    reader = read(target)
    companies = [c.display_name("en") for c in group.companies.values()]
    assert len(reader.pages) >= 1 + len(companies)  # more when a company is split
    assert {size(p) for p in reader.pages} == {paper_mod.page_size("a3")}
    tops = [o.title for o in reader.outline if not isinstance(o, list)]
    assert tops == ["Overview", *companies, "Units in no company"]
    assert len(reader.pages[0]["/Annots"]) == len(companies)
    assert progress and progress[-1] == (len(reader.pages), len(reader.pages))
    assert [b["name"] for b in boxes] == ["exportNotesBox"]  # told it became several pages
    assert f"{len(reader.pages)} pages" in boxes[0]["info"]
    render = pytest.importorskip("orgdesigner.render.export")  # the CLI's book, page for page
    same = read_bytes(render.diagram_bytes(group, "pdf", scope="all", paper="a3"))
    assert len(same.pages) == len(reader.pages)
    assert [o.title for o in same.outline if not isinstance(o, list)] == tops
    assert "--" not in boxes[0]["info"]  # the dialog's terms, not the CLI's options


@pytest.mark.parametrize("kind", ["overview", "company", "branch"])
def test_one_part_is_one_page(qtbot, group, tmp_path, boxes, kind):
    target = tmp_path / f"{kind}.pdf"
    dialog = make(qtbot, group, target)
    second = list(group.companies)[1]
    if kind == "overview":
        dialog.scope.overview.setChecked(True)
        expected = "overview"
    elif kind == "company":
        pick(dialog.scope.company_combo, second)  # choosing a company chooses the scope
        assert dialog.scope.company.isChecked()
        expected = f"company:{second}"
    else:
        division = next(uid for uid, depth in _branches_of(group) if depth == 2)
        pick(dialog.scope.branch_combo, division)
        assert dialog.scope.branch.isChecked()
        expected = f"branch:{division}"
    assert dialog.options().scope == expected
    export(qtbot, dialog)
    reader = read(target)
    assert len(reader.pages) == 1 and "/Annots" not in reader.pages[0]
    assert size(reader.pages[0]) == paper_mod.page_size(paper_mod.DEFAULT)
    text = reader.pages[0].extract_text()
    names = [c.display_name("en") for c in group.companies.values()]
    shown = [n for n in names if re.search(rf"\b{n}\b", text)]
    if kind == "overview":
        assert shown == names
    elif kind == "company":
        assert shown == [group.companies[second].display_name("en")]
    else:
        unit = group.units[division]
        assert len(shown) == 1 and unit.display_name("en").split()[0] in text


def test_selected_unit_is_the_offered_branch(qtbot, group, tmp_path):
    uid = next(u for u, depth in _branches_of(group) if depth == 1)
    dialog = make(qtbot, group, tmp_path / "b.svg", root=uid)
    assert dialog.scope.branch_combo.currentData() == uid
    assert dialog.scope.branch_combo.currentText().startswith("Selected: ")
    dialog.scope.branch.setChecked(True)
    assert dialog.options().scope == f"branch:{uid}"


def test_choices_are_remembered_for_the_next_export(qtbot, group, tmp_path, boxes):
    dialog = make(qtbot, group, tmp_path / "o.pdf")
    dialog.scope.overview.setChecked(True)
    pick(dialog.paper_combo, "a3-landscape")
    export(qtbot, dialog)
    again = make(qtbot, group, tmp_path / "o2.pdf")
    assert again.scope.overview.isChecked()
    assert again.paper_combo.currentData() == "a3-landscape"
    again.path_edit.setText(str(tmp_path / "t.csv"))  # a table has no scope ...
    assert not again.scope.isEnabled() and not again.paper_combo.isEnabled()
    export(qtbot, again)
    third = make(qtbot, group, tmp_path / "o3.svg")
    assert third.scope.overview.isChecked()  # ... and does not forget the diagram's


def test_paper_and_overview_follow_the_format(qtbot, group, tmp_path):
    dialog = make(qtbot, group, tmp_path / "x.svg")
    assert not dialog.paper_combo.isEnabled() and dialog.options().scope is None
    dialog.scope.overview.setChecked(True)
    dialog.path_edit.setText(str(tmp_path / "x.csv"))  # a table is the whole design
    assert not dialog.scope.isEnabled() and dialog.options().scope is None
    dialog.path_edit.setText(str(tmp_path / "x.pdf"))
    assert dialog.paper_combo.isEnabled() and dialog.scope.overview.isChecked()
    assert dialog.options().scope == "overview"


def _controls(dialog) -> list[QWidget]:
    kinds = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox)
    return [w for w in dialog.findChildren(QWidget) if w.isVisible() and isinstance(w, kinds)
            and w.objectName() != "qt_spinbox_lineedit"]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_control_is_named_and_reached_by_tab(qtbot, group, tmp_path, lang):
    i18n.install_translators(lang)
    dialog = make(qtbot, group, tmp_path / "k.pdf", root=next(iter(group.units)))
    controls = _controls(dialog)
    assert len(controls) >= 15
    unnamed = [w.objectName() for w in controls
               if not (QAccessible.queryAccessibleInterface(w)
                       .text(QAccessible.Text.Name).strip())]
    assert unnamed == []
    if lang == "ja":
        assert dialog.scope.whole.text() == "設計全体(&W)"
        assert dialog.paper_combo.itemText(0) == "A4 横"
    # mnemonics: one letter each
    texts = [w.text() for w in controls if isinstance(w, QAbstractButton)]

    texts += [label.text() for label in dialog.findChildren(QLabel) if label.isVisible()]
    keys = [m.lower() for t in texts for m in re.findall(r"&(\w)", t)]
    assert len(keys) == len(set(keys)), keys
    # Tab from the file box reaches the scope pickers and the paper
    dialog.path_edit.setFocus()
    reached = set()
    for _ in range(40):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        reached.add(dialog.focusWidget())
    for w in (dialog.paper_combo, dialog.scope.company_combo, dialog.scope.branch_combo):
        assert w in reached, w.objectName()
    assert {dialog.scope.whole, dialog.scope.overview, dialog.scope.company,
            dialog.scope.branch} & reached  # the checked radio of the group takes the focus


def test_a_book_can_be_cancelled_between_pages(qtbot, group, tmp_path, boxes, monkeypatch):
    from PySide6.QtWidgets import QDialog, QPushButton

    page = ed.ExportJob._page

    def held(job, done, total):  # the second page waits for the click: no race with it
        if done == 2:
            job.cancelled.wait(60)
        page(job, done, total)

    monkeypatch.setattr(ed.ExportJob, "_page", held)

    target = tmp_path / "stop.pdf"
    dialog = make(qtbot, group, target)
    dialog.accept()
    job = dialog.job
    assert job is not None and dialog.progress is not None
    assert not dialog.progress.findChildren(QPushButton)  # no Cancel while a page is drawn
    qtbot.waitUntil(lambda: bool(dialog.progress.findChildren(QPushButton)), timeout=120000)
    cancel = dialog.progress.findChildren(QPushButton)[0]
    with qtbot.waitSignal(job.finished, timeout=120000):
        cancel.click()
        assert dialog.progress.isVisible() and "Cancelling" in dialog.progress.labelText()
    assert not target.exists() and boxes == []
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.buttons.isEnabled() and dialog.job is None


def test_a_large_group_starts_on_the_overview_like_the_cli(qtbot, tmp_path):
    from orgdesigner.render.scope import AUTO_OVERVIEW_UNITS

    big = synthetic.generate(AUTO_OVERVIEW_UNITS + 50, companies=5)
    dialog = make(qtbot, big, tmp_path / "big.pdf")
    assert dialog.scope.overview.isChecked() and dialog.options().scope == "overview"
    small = make(qtbot, synthetic.generate(100), tmp_path / "small.pdf")
    assert small.scope.whole.isChecked()
