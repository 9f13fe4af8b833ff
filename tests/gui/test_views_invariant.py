"""The scene–model invariant under every edit (issue 14), driven by a Hypothesis state
machine through the real main window and `DocumentController`, offscreen.

Each step is something a user does — edit, undo, redo, paste, merge an import, apply a
quick fix, collapse or focus a branch, open, switch or close a document — and after each
one `view_problems` (views_invariant.py) must find nothing: every unit, flow, frame and
badge drawn as the model says, the overlay layers' index answering for exactly the
current flows, and the findings and budget docks showing the current document.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication, QMessageBox

from orgdesigner import presets, templates
from orgdesigner.gui.dialogs import documents
from orgdesigner.model import Flow, FlowKind, ops
from tests.gui.conftest import sample_design
from tests.gui.views_invariant import RepaintWatch, picture_problems, view_problems

pytestmark = pytest.mark.gui

TEMPLATES = ["model-1", "model-2", "consensual", "cert-coordinating"]
PRESETS = [p.id for p in presets.PRESETS]
MAX_DOCS = 3
MAX_EXAMPLES, STEPS = 9, 34  # ≈300 steps: long sequences, CI time kept reasonable


class EditorMachine(RuleBasedStateMachine):
    """A user at the editor. `window` is the real MainWindow."""

    window = None  # set by the test
    repaints: RepaintWatch
    checked = 0  # invariant checks run (the test asserts the sequences were long)
    pictures = False  # also compare the flow layers' kept pictures with a fresh drawing

    @initialize()
    def start(self) -> None:
        self.repaints = RepaintWatch()
        w = self.window
        w.act.overlay_selection.setChecked(False)  # the window outlives an example:
        QApplication.clipboard().clear()  # nothing carried over from the last one
        for c in list(w.documents()):
            c.undo_stack.setClean()
            w.shell.close(c)
        w.open_design(sample_design(), None)
        QApplication.processEvents()

    # ---- helpers ---------------------------------------------------------------------------
    @property
    def ctrl(self):
        return self.window.current_controller()

    def _pick(self, data, pool, n=1):
        pool = list(pool)
        if not pool:
            return []
        return data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=n, unique=True))

    def has_doc(self) -> bool:
        return self.window.current_controller() is not None

    def has_units(self) -> bool:
        c = self.window.current_controller()
        return c is not None and bool(c.design.units)

    # ---- edits -------------------------------------------------------------------------------
    @precondition(has_doc)
    @rule(preset=st.sampled_from(PRESETS), x=st.integers(-600, 900), y=st.integers(-400, 700),
          onto_unit=st.booleans(), data=st.data())
    def add_unit(self, preset, x, y, onto_unit, data) -> None:
        ctrl = self.ctrl
        at = QPointF(x, y)
        if onto_unit and ctrl.design.units:
            (uid,) = self._pick(data, ctrl.design.units)
            at = ctrl.scene.unit_items[uid].pos()
        ctrl.scene.drop_preset(preset, at)

    @precondition(has_units)
    @rule(kind=st.sampled_from(list(FlowKind)), data=st.data())
    def connect(self, kind, data) -> None:
        ctrl = self.ctrl
        a, b = data.draw(st.sampled_from(list(ctrl.design.units))), \
            data.draw(st.sampled_from(list(ctrl.design.units)))
        if a != b:
            ctrl.scene.connect_units(a, b, kind)

    @precondition(has_units)
    @rule(data=st.data(), flows=st.booleans())
    def delete(self, data, flows) -> None:
        ctrl = self.ctrl
        if flows and ctrl.design.flows:
            ctrl.scene.select_ids(flows=self._pick(data, ctrl.design.flows, 2))
        else:
            ctrl.scene.select_ids(units=self._pick(data, ctrl.design.units, 2))
        self.window.edit.delete()

    @precondition(has_units)
    @rule(data=st.data(), dx=st.integers(-300, 300), dy=st.integers(-300, 300))
    def move(self, data, dx, dy) -> None:
        ctrl = self.ctrl
        ids = self._pick(data, ctrl.design.units, 3)
        d = ctrl.design
        ctrl.push(ops.Batch([ops.UpdateUnit(u, {"x": d.units[u].x + dx, "y": d.units[u].y + dy})
                             for u in ids]), "Move")

    @precondition(has_units)
    @rule(data=st.data(), keys=st.lists(st.sampled_from(["up", "down", "left", "right"]),
                                        min_size=1, max_size=5))
    def nudge(self, data, keys) -> None:
        """Shift+arrows: consecutive nudges merge into one undo step (mergeWith)."""
        from PySide6.QtCore import Qt

        from orgdesigner.gui.canvas import navigate

        ctrl = self.ctrl
        ctrl.select_units(self._pick(data, ctrl.design.units, 2), center=False)
        for k in keys:
            navigate.nudge(ctrl.scene, getattr(Qt.Key, f"Key_{k.capitalize()}"))

    @precondition(has_units)
    @rule(data=st.data(), name=st.text("あいう部課ITSales ", min_size=1, max_size=30))
    def rename(self, data, name) -> None:
        ctrl = self.ctrl
        (uid,) = self._pick(data, ctrl.design.units)
        ctrl.push(ops.UpdateUnit(uid, {"name": name}), "Rename unit")

    @precondition(lambda self: self.has_doc() and bool(self.ctrl.design.flows))
    @rule(data=st.data(), kind=st.sampled_from(list(FlowKind)), label=st.sampled_from(
        ["", "承認", "escalation"]))
    def retype_flow(self, data, kind, label) -> None:
        ctrl = self.ctrl
        (fid,) = self._pick(data, ctrl.design.flows)
        ctrl.push(ops.UpdateFlow(fid, {"kind": kind, "label": label}), "Change flow")

    @precondition(has_doc)
    @rule(n=st.integers(1, 4))
    def undo(self, n) -> None:
        for _ in range(n):
            self.ctrl.undo_stack.undo()

    @precondition(has_doc)
    @rule(n=st.integers(1, 4))
    def redo(self, n) -> None:
        for _ in range(n):
            self.ctrl.undo_stack.redo()

    @precondition(has_units)
    @rule(data=st.data(), duplicate=st.booleans())
    def copy_paste(self, data, duplicate) -> None:
        ctrl = self.ctrl
        ctrl.select_units(self._pick(data, ctrl.design.units, 3), center=False)
        if duplicate:
            self.window.edit.duplicate()
        else:
            self.window.edit.copy()
            self.window.edit.paste()

    @precondition(has_doc)
    @rule(template=st.sampled_from(TEMPLATES))
    def merge_import(self, template) -> None:
        from orgdesigner.gui.dialogs.import_dialog import ImportDialog, apply_import

        apply_import(self.window, templates.load(template), ImportDialog.MERGE)

    @precondition(has_doc)
    @rule(data=st.data())
    def quick_fix(self, data) -> None:
        panel = self.window.analysis.findings
        panel.refresh()
        tree = panel.findings_tree
        fixable = [tree.topLevelItem(i).child(j) for i in range(tree.topLevelItemCount())
                   for j in range(tree.topLevelItem(i).childCount())
                   if panel.report.findings[tree.topLevelItem(i).child(j).data(0, 256)].has_fix]
        if fixable:
            tree.setCurrentItem(data.draw(st.sampled_from(fixable)))
            panel.apply_fix()

    @precondition(has_units)
    @rule(data=st.data(), how=st.sampled_from(["collapse", "expand", "focus", "whole",
                                               "all"]))
    def branch(self, data, how) -> None:
        b = self.ctrl.scene.branches
        ids = self._pick(data, self.ctrl.design.units, 2)
        {"collapse": lambda: b.collapse(ids), "expand": lambda: b.expand(ids),
         "focus": lambda: b.focus_on(ids[0]), "whole": b.show_whole,
         "all": b.expand_all}[how]()

    @precondition(has_doc)
    @rule(on=st.booleans(), data=st.data())
    def overlay_selection(self, on, data) -> None:
        self.window.act.overlay_selection.setChecked(on)
        if on and self.ctrl.design.units:
            self.ctrl.select_units(self._pick(data, self.ctrl.design.units, 2), center=False)

    # ---- documents --------------------------------------------------------------------------
    @precondition(lambda self: len(self.window.documents()) < MAX_DOCS)
    @rule(template=st.sampled_from([None, *TEMPLATES]))
    def open_document(self, template) -> None:
        d = sample_design() if template is None else templates.load(template)
        self.window.open_design(d, None)

    @precondition(lambda self: len(self.window.documents()) > 1)
    @rule(data=st.data())
    def switch_document(self, data) -> None:
        self.window.activate(data.draw(st.sampled_from(self.window.documents())))

    @precondition(has_doc)
    @rule(data=st.data())
    def close_document(self, data) -> None:
        c = data.draw(st.sampled_from(self.window.documents()))
        self.window.shell.close(c)  # the unsaved-changes box answers Discard (patched)
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, 52)  # DeferredDelete: the closed controller goes

    @precondition(has_doc)
    @rule(dx=st.integers(-400, 400), dy=st.integers(-400, 400),
          zoom=st.sampled_from([None, None, "in", "out", 0.37]))
    def look_around(self, dx, dy, zoom) -> None:
        """Scroll the canvas by some pixels, and perhaps zoom (what a user does between
        edits; a layer drawn from a picture of the view moves it along)."""
        view = self.ctrl.scene.views()[0]
        if zoom == "in":
            view.zoom_in()
        elif zoom == "out":
            view.zoom_out()
        elif zoom is not None:
            view.set_zoom(zoom)
        for bar, d in ((view.horizontalScrollBar(), dx), (view.verticalScrollBar(), dy)):
            bar.setValue(bar.value() + d)
        QApplication.processEvents()

    # ---- the invariant ------------------------------------------------------------------------
    @invariant()
    def views_show_the_model(self) -> None:
        EditorMachine.checked += 1
        QApplication.processEvents()
        ctrl = self.window.current_controller()
        docks = self.window.analysis
        if ctrl is None:
            assert docks.findings.controller is None and docks.budget.ctrl is None
            return
        problems = self.repaints.problems(ctrl.scene)  # first: it sees what changed
        problems += view_problems(ctrl.design, ctrl.scene, docks, ctrl)
        if self.pictures:
            problems += picture_problems(ctrl.scene)
        assert not problems, "\n".join(problems[:12])
        for other in self.window.documents():  # documents in the background too
            if other is not ctrl:
                problems = view_problems(other.design, other.scene)
                assert not problems, "\n".join(problems[:12])


def run_editor(qtbot, monkeypatch, size, examples, at_least, *, docks=False,
               pictures=False):
    """Run the editor machine in a real main window of `size`; at least `at_least`
    invariant checks must have run (long sequences really ran)."""
    from orgdesigner.gui.shell.main_window import MainWindow

    monkeypatch.setattr(documents, "_exec", lambda box: QMessageBox.StandardButton.Discard)
    w = MainWindow(lang="en")
    qtbot.addWidget(w)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    if docks:
        w.analysis.findings_dock.show()
        w.analysis.findings_dock.raise_()
    EditorMachine.window = w
    EditorMachine.checked = 0
    EditorMachine.pictures = pictures
    try:
        run_state_machine_as_test(EditorMachine, settings=settings(
            max_examples=examples, stateful_step_count=STEPS, deadline=None, derandomize=True,
            suppress_health_check=list(HealthCheck)))
        assert EditorMachine.checked >= at_least
    finally:
        EditorMachine.window = None
        EditorMachine.pictures = False
        for c in list(w.documents()):
            c.undo_stack.setClean()


def test_every_view_shows_the_model_after_any_sequence(qtbot, monkeypatch):
    """Hundreds of steps per run: max_examples × stateful_step_count ≈ 300."""
    run_editor(qtbot, monkeypatch, (1400, 900), MAX_EXAMPLES, 220, docks=True)


def test_every_view_shows_the_model_with_lazy_items_and_background_routing(qtbot,
                                                                         monkeypatch):
    """The same machine on the big-design path, forced on small designs: unit items made
    only where the canvas is looked at (or asked for), every overlay flow routed by the
    background job — the invariant then also checks the box table, that no unit in a
    realised part lacks an item, items made on demand, and the flows once routed."""
    from orgdesigner.gui.canvas.items.flows import SceneFlows
    from orgdesigner.gui.canvas.items.units import SceneUnits

    monkeypatch.setattr(SceneUnits, "lazy_above", 0)
    monkeypatch.setattr(SceneFlows, "background", 0)
    monkeypatch.setattr(SceneFlows, "lazy_above", 0)
    monkeypatch.setattr(SceneFlows, "step_moves_above", 0)
    # a small window: part of each design stays without items
    run_editor(qtbot, monkeypatch, (700, 500), 4, 100)


def test_flow_pictures_show_the_model_after_any_sequence(qtbot, monkeypatch):
    """The same machine with every flow layer drawn from its kept picture of the view (as
    large layers are): after each step the view must look exactly as drawn afresh."""
    from orgdesigner.gui.canvas.items import flow_layer, view_picture

    monkeypatch.setattr(flow_layer, "PICTURE_MIN", 0)
    # as for a layer large enough for a picture (more flows than SMOOTH_LIMIT): aliased,
    # so the picture copies exactly the pixels a direct drawing makes
    monkeypatch.setattr(flow_layer, "SMOOTH_LIMIT", -1)
    monkeypatch.setattr(flow_layer, "REPAINT_SPACING", 0.0)
    # and every changed part drawn over turns of the event loop, one piece a turn
    monkeypatch.setattr(view_picture, "STEP_BUDGET", 0.0)
    monkeypatch.setattr(flow_layer, "STEP_LINES", 4)
    monkeypatch.setattr(flow_layer, "STEP_HEADS", 2)
    run_editor(qtbot, monkeypatch, (900, 640), 4, 100, pictures=True)


def test_the_checker_sees_a_stale_layer(qtbot, window, doc):
    """The invariant can fail: a flow left out of its layer's index is reported."""
    ctrl, _view = doc
    assert view_problems(ctrl.design, ctrl.scene) == []
    layer = ctrl.scene.flow_layers[FlowKind.COMMAND]
    layer._unindex("k1")
    assert any("index" in p for p in view_problems(ctrl.design, ctrl.scene))
    ctrl.push(ops.AddFlow(Flow("z", "s", "it", FlowKind.SUPPORT)), "Connect")
    ctrl.scene.unit_items["s"].setPos(999, 999)  # an item that no longer follows its unit
    assert any(p.startswith("unit s") for p in view_problems(ctrl.design, ctrl.scene))


def test_the_repaint_watch_waits_for_a_debounced_refill(qtbot, window, doc):
    """The overlay filter refills its layers from a 30 ms timer; when that timer fires
    inside the watch's event processing, the layer's repaint comes one pass later — it
    must be seen, not reported as a flow left drawn (a flaky "not erased" of every
    overlay flow)."""
    import time

    ctrl, _view = doc
    watch = RepaintWatch()
    scene = ctrl.scene
    scene.overlay.set_enabled(True)
    ctrl.select_units(["cs"], center=False)
    qtbot.wait(60)
    assert watch.problems(scene) == []
    assert scene.flow_items["k1"].layer is not None
    ctrl.select_units(["m"], center=False)  # k1 (cs → it) is no longer drawn
    time.sleep(0.06)  # the debounce is due: it fires inside the watch's processEvents
    assert watch.problems(scene) == []
    assert scene.flow_items["k1"].layer is None


def test_a_findings_recheck_in_the_same_pass_hides_no_repaint(qtbot, window, doc):
    """Why an immediate findings re-check once made the invariant report a flow "not
    drawn": the re-check ran inside the event-loop pass that checked the views, so the
    overlay filter's 30 ms refill came due inside that same pass; the refill changes the
    layer at once but the scene reports the repaint from a queued call, delivered after
    the pass. The repaint was there; the watch looked too early. It now delivers posted
    events before comparing, so it sees exactly the repaints Qt asked for (the test above
    fails without that; this one runs the two timers of the original failure together)."""
    import time

    ctrl, _view = doc
    watch = RepaintWatch()
    scene = ctrl.scene
    panel = window.analysis.findings
    window.analysis.findings_dock.show()
    panel.refresh()
    scene.overlay.set_enabled(True)
    ctrl.select_units(["m"], center=False)
    qtbot.wait(60)
    assert watch.problems(scene) == []
    assert scene.flow_items["k1"].layer is None
    ctrl.push(ops.UpdateUnit("it", {"name_en": "IT Dept."}), "Rename")  # re-checked next
    ctrl.select_units(["cs"], center=False)  # k1 (cs → it) is to be drawn again
    assert panel.pending
    time.sleep(0.06)  # both due: re-check and refill in one pass
    assert watch.problems(scene) == []
    assert scene.flow_items["k1"].layer is not None
    assert panel.report.unit_name("it") == "IT Dept."
