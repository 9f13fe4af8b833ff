"""View › Overlay Flows of the Selection Only: view state that hides other units' overlay
flows, never the reporting lines, and never touches the design or the undo stack."""

from __future__ import annotations

import pytest

from orgdesigner import templates
from orgdesigner.formats import orgd
from orgdesigner.gui.canvas.controller import DocumentController
from orgdesigner.model import FlowKind

pytestmark = pytest.mark.gui


def _drawn(scene) -> dict[FlowKind, set[str]]:
    return {kind: set(layer.items) for kind, layer in scene.flow_layers.items()}


@pytest.fixture
def ctrl(qtbot):
    c = DocumentController(templates.load("model-2"), None, "en")
    yield c
    c.close()


def test_filter_shows_only_the_selections_overlays(ctrl, qtbot):
    scene, design = ctrl.scene, ctrl.design
    before = orgd.dumps(design)
    everything = _drawn(scene)
    reporting = everything[FlowKind.REPORTING]
    assert sum(len(v) for k, v in everything.items() if k is not FlowKind.REPORTING) > 0

    scene.overlay.set_enabled(True)  # nothing selected: reporting lines only
    drawn = _drawn(scene)
    assert drawn[FlowKind.REPORTING] == reporting
    assert all(not v for k, v in drawn.items() if k is not FlowKind.REPORTING)

    ctrl.select_units(["gsc"], center=False)
    qtbot.waitUntil(lambda: scene.overlay.units == {"gsc"})
    drawn = _drawn(scene)
    touching = {f.id for f in design.flows.values() if "gsc" in (f.source, f.target)
                and f.kind is not FlowKind.REPORTING}
    shown = set().union(*(v for k, v in drawn.items() if k is not FlowKind.REPORTING))
    assert shown == touching and touching

    scene.overlay.set_enabled(False)
    assert _drawn(scene) == everything
    assert orgd.dumps(design) == before
    assert ctrl.undo_stack.count() == 0


def test_window_action_toggles_the_filter(qtbot):
    from orgdesigner.gui.shell.main_window import MainWindow

    w = MainWindow(lang="en")
    qtbot.addWidget(w)
    c = w.open_design(templates.load("model-1"), None)
    act = w.act.overlay_selection
    assert act.objectName() == "actionOverlaySelectionOnly" and act.isCheckable()
    act.setChecked(True)
    assert c.scene.overlay.enabled
    act.setChecked(False)
    assert not c.scene.overlay.enabled
    c.undo_stack.setClean()
