"""An edit leaves the view where it is: deleting, renaming or adding a unit (or a flow)
changes what the scene holds, and with it the scene rect the view scrolls over — the part
of the diagram on screen must not jump (a small chart fitted to the window moved 110–140 px
after a delete)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication

from orgdesigner import templates
from orgdesigner.model import Unit, UnitKind, ops

pytestmark = pytest.mark.gui


def looked_at(view) -> QPointF:
    return view.mapToScene(view.viewport().rect().center())


edits = st.lists(st.tuples(st.sampled_from(["delete", "rename", "add", "far", "flow"]),
                           st.integers(0, 10_000)), min_size=1, max_size=8)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["model-1", "model-3", "model-4"]), st.sampled_from(["fit", "zoom"]),
       edits)
def test_an_edit_does_not_move_the_view(window, name, start, steps) -> None:
    ctrl = window.open_design(templates.load(name), None)
    QApplication.processEvents()
    view = window.current_view()
    if start == "fit":
        view.fit_to_window()
    else:  # zoomed in on a corner: the view scrolls over the scene rect
        view.set_zoom(2.0)
        view.centerOn(view.sceneRect().topLeft())
    QApplication.processEvents()
    for what, k in steps:
        before = looked_at(view)
        units = sorted(ctrl.design.units)
        uid = units[k % len(units)] if units else None
        if what == "delete" and uid is not None:
            ctrl.push(ops.RemoveUnit(uid), "Delete")
        elif what == "rename" and uid is not None:
            ctrl.push(ops.UpdateUnit(uid, {"name": "名称を大きく変更した部署" * (1 + k % 3)}),
                      "Rename")
        elif what == "add":
            ctrl.push(ops.AddUnit(Unit(f"n{k}", "新設部署", UnitKind.DEPARTMENT,
                                       x=-3000 + k, y=2000)), "Add")
        elif what == "far" and uid is not None:  # moved far out: the scene rect grows
            u = ctrl.design.units[uid]
            ctrl.push(ops.UpdateUnit(uid, {"x": u.x + 5000, "y": u.y - 4000}), "Move")
        elif what == "flow" and ctrl.design.flows:
            fid = sorted(ctrl.design.flows)[k % len(ctrl.design.flows)]
            ctrl.push(ops.RemoveFlow(fid), "Delete")
        QApplication.processEvents()
        after = looked_at(view)
        assert abs(after.x() - before.x()) < 1 and abs(after.y() - before.y()) < 1, (what, uid)
    while ctrl.undo_stack.canUndo():  # and undoing does not move it either
        before = looked_at(view)
        ctrl.undo_stack.undo()
        QApplication.processEvents()
        after = looked_at(view)
        assert abs(after.x() - before.x()) < 1 and abs(after.y() - before.y()) < 1
    ctrl.undo_stack.setClean()
    window.remove_document(ctrl)
