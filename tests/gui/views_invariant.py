"""The scene–model invariant (issue 14): every view shows exactly the model.

`view_problems(design, scene, docks)` recomputes what each view should show from the
design alone (and the view state the user chose: collapsed branches, focus, the overlay
filter, the language) and lists every difference:

- units: the scene's box table holds every unit with the model's box, shape and style; an
  item exists for every unit whose box touches a realised part of the canvas (a big design
  creates items only where it is looked at, items/units.py), and every item — including a
  few made on demand here for units that had none — sits at the model's position, with the
  model's size, shape, colours, label lines, branch handle and "+N" badge, hidden exactly
  when a collapsed or unfocused branch hides it;
- flows (once the background routing of a big design has finished: it is waited for): one
  item per flow with the model's kind, pens and label, routed between the two units'
  current boxes; each kind's overlay layer holds exactly the shown flows of its
  kind, its spatial index finds each of them (candidates, hit test at the middle of the
  line, arrowheads) and nothing else, its bounds contain them, and a paint of the whole
  layer draws exactly them;
- company frames: one item per company with the model's title and style, and the rect
  the model gives (or the fitted one around its shown units);
- docks: the findings and budget docks follow the current document and show its report
  (pending debounce timers are let run first; nothing is refreshed by force).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from orgdesigner.analysis import check
from orgdesigner.model import Design, FlowKind
from orgdesigner.render.diagram import is_elbow
from orgdesigner.render.style import box_size

R = 2  # decimals compared (geometry is recomputed with the same code, so exact is fair)


def _r(v: float) -> float:
    return round(v, R)


def _hidden(design: Design, branches: Any) -> tuple[set[str], dict[str, int], set[str]]:
    """What collapsing/focusing hides, from the design and the view state alone."""
    children = design.children()

    def below(uid: str) -> list[str]:
        out, seen, stack = [], {uid}, list(children.get(uid, []))
        while stack:
            u = stack.pop()
            if u not in seen:
                seen.add(u)
                out.append(u)
                stack.extend(children.get(u, []))
        return out

    collapsed = {u for u in branches.collapsed if children.get(u) and u in design.units}
    hidden: set[str] = set()
    focus = branches.focus if branches.focus in design.units else None
    if focus is not None:
        keep = {focus, *below(focus)}
        hidden = {u for u in design.units if u not in keep}
    under: dict[str, int] = {}
    for uid in collapsed:
        b = below(uid)
        under[uid] = len(b)
        if uid not in hidden:
            hidden.update(b)
    return hidden, under, collapsed


def _unit_problems(design: Design, scene: Any, hidden: set[str], under: dict[str, int],
                   collapsed: set[str]) -> list[str]:
    from orgdesigner.gui.canvas.unit_boxes import cells_of
    from orgdesigner.render.style import unit_style

    out: list[str] = []
    lang = scene.lang
    if not set(scene.unit_items) <= set(design.units):
        out.append(f"unit items of gone units {sorted(set(scene.unit_items) - set(design.units))}")
    boxes = scene.boxes
    if set(boxes.rects) != set(design.units):
        out.append(f"box table {sorted(set(boxes.rects) ^ set(design.units))}")
    realised, everything = scene.units.cells, scene.units.everything
    itemless = []
    for uid, u in design.units.items():
        w, h = box_size(u, lang)
        box = (u.x - w / 2, u.y - h / 2, w, h)
        style = unit_style(u)
        got_box = boxes.rects.get(uid)
        if got_box is None or tuple(map(_r, got_box)) != tuple(map(_r, box)) or (
                boxes.shapes.get(uid), boxes.styles.get(uid)) != (style.shape, style):
            out.append(f"unit {uid}: box table {got_box} ≠ model {box}")
        if uid not in scene.unit_items:
            if everything or any(c in realised for c in cells_of(box[0], box[1], box[0] + w,
                                                                 box[1] + h)):
                out.append(f"unit {uid}: no item in a realised part of the canvas")
            itemless.append(uid)
    for uid in itemless[:2] + itemless[-1:]:  # made on demand, they must match too
        if scene.unit_item(uid) is None:
            out.append(f"unit {uid}: no item made on demand")
    out += _item_problems(design, scene, hidden, under, collapsed)
    return out


def _item_problems(design: Design, scene: Any, hidden: set[str], under: dict[str, int],
                   collapsed: set[str]) -> list[str]:
    from orgdesigner.gui.canvas.items.unit_item import UnitItem

    out: list[str] = []
    lang = scene.lang
    children = design.children()
    for uid, u in design.units.items():
        item = scene.unit_items.get(uid)
        if item is None:
            continue
        want = UnitItem(uid)
        want.sync(u, lang)
        got = (_r(item.pos().x()), _r(item.pos().y()), item.w, item.h, item.shape_name,
               tuple(item._lines), item._bold, item._pen.color().rgba(),
               item._brush.color().rgba(), item._text_colour.rgba())
        exp = (_r(u.x), _r(u.y), want.w, want.h, want.shape_name, tuple(want._lines),
               want._bold, want._pen.color().rgba(), want._brush.color().rgba(),
               want._text_colour.rgba())
        if got != exp:
            out.append(f"unit {uid}: item {got} ≠ model {exp}")
        badge = (item.subordinates, item.collapsed, item.hidden_below if item.collapsed
                 else 0)
        exp_badge = (len(children.get(uid, [])), uid in collapsed,
                     under.get(uid, 0) if uid in collapsed else 0)
        if badge != exp_badge:
            out.append(f"unit {uid}: handle/badge {badge} ≠ {exp_badge}")
        if item.isVisible() != (uid not in hidden):
            out.append(f"unit {uid}: visible={item.isVisible()}, hidden by branch="
                       f"{uid in hidden}")
        if item.scene() is not scene:
            out.append(f"unit {uid}: item not in the scene")
    return out


def _shown_flow(design: Design, scene: Any, fid: str, hidden: set[str]) -> bool:
    f = design.flows[fid]
    if f.source in hidden or f.target in hidden:
        return False
    focus = scene.overlay.units
    if focus is not None and f.kind is not FlowKind.REPORTING:
        return f.source in focus or f.target in focus
    return True


def _flow_problems(design: Design, scene: Any, hidden: set[str]) -> list[str]:
    from orgdesigner.gui.canvas.items.flow_geom import FlowGeom, pens_of
    from orgdesigner.render.style import flow_label

    out: list[str] = []
    lang = scene.lang
    if set(scene.flow_items) != set(design.flows):
        out.append(f"flow items {sorted(set(scene.flow_items) ^ set(design.flows))}")
    router = scene.flows.router
    drawn: dict[tuple[str, str], dict[tuple, str]] = {}
    for fid, f in design.flows.items():
        item = scene.flows.geoms.get(fid)
        if item is None:
            continue
        label = flow_label(f.kind, f.label, lang)
        if (item.kind, item.label, item.pens) != (f.kind, label, pens_of(f.kind)[0]):
            out.append(f"flow {fid}: kind/label/pens {(item.kind, item.label)} ≠ "
                       f"{(f.kind, label)}")
        src, dst = _model_box(design, scene, f.source), _model_box(design, scene, f.target)
        elbow = is_elbow(f.kind, src, dst)
        routed = None if elbow else router.routes.get(fid)
        if not elbow:
            # the router must know the units where they are now, and its route must run
            # from the source's box to the target's (a stale route would not)
            for uid, unit in ((f.source, src), (f.target, dst)):
                if tuple(_r(v) for v in router.boxes.get(uid, ())) != tuple(
                        _r(v) for v in unit):
                    out.append(f"flow {fid}: the router has a stale box for {uid}")
            if routed is None:
                out.append(f"flow {fid}: overlay flow without a route")
            elif not (_on_box(routed[0], src) and _on_box(routed[-1], dst)):
                out.append(f"flow {fid}: route {routed[0]}…{routed[-1]} does not join its units")
        want = FlowGeom(fid, None)
        want.sync(f, lang)
        want.route(src, dst, routed)
        geo = [tuple(_r(v) for v in s[:4]) for s in item.segs]
        exp = [tuple(_r(v) for v in s[:4]) for s in want.segs]
        if geo != exp or len(item.heads) != len(want.heads):
            out.append(f"flow {fid}: geometry {geo} ≠ route between the units {exp}")
        # a label's spot dodges the units there when the flow was routed: compare the
        # extent of unlabelled flows only (the label text is compared above)
        if not item.label and tuple(_r(v) for v in item.bbox) != tuple(
                _r(v) for v in want.bbox):
            out.append(f"flow {fid}: bbox {item.bbox} ≠ {want.bbox}")
        if item.pending != (not elbow and routed is None):
            out.append(f"flow {fid}: placeholder={item.pending} though routed={routed is not None}")
        shown = _shown_flow(design, scene, fid, hidden)
        if (item.layer is not None) != shown:
            out.append(f"flow {fid}: in a layer={item.layer is not None}, shown={shown}")
        if item.label_item is not None and item.label_item.isVisible() != (
                bool(item.label) and shown):
            out.append(f"flow {fid}: label visible={item.label_item.isVisible()}")
        key = (min(f.source, f.target), max(f.source, f.target))
        seen = drawn.setdefault(key, {})
        if geo and tuple(geo) in seen:
            out.append(f"flows {seen[tuple(geo)]} and {fid} between {key} drawn on top of "
                       "each other")
        seen[tuple(geo)] = fid
    out += _layer_problems(design, scene, hidden)
    return out


def _model_box(design: Design, scene: Any, uid: str) -> tuple[float, float, float, float]:
    u = design.units[uid]
    w, h = box_size(u, scene.lang)
    return (u.x - w / 2, u.y - h / 2, w, h)


def _on_box(p: tuple[float, float], box: tuple[float, float, float, float],
            tol: float = 1.5) -> bool:
    """`p` on the border of (or just inside) the box x, y, w, h: where a route meets a unit."""
    x, y, w, h = box
    return x - tol <= p[0] <= x + w + tol and y - tol <= p[1] <= y + h + tol


def _middle(item: Any) -> QPointF:
    ax, ay, bx, by = item.segs[len(item.segs) // 2]
    if item.curve is not None:
        return item.curve.pointAtPercent(0.5)
    return QPointF((ax + bx) / 2, (ay + by) / 2)


def _layer_problems(design: Design, scene: Any, hidden: set[str]) -> list[str]:
    out: list[str] = []
    for kind, layer in scene.flow_layers.items():
        want = {fid for fid, f in design.flows.items()
                if f.kind is kind and _shown_flow(design, scene, fid, hidden)}
        got = set(layer.items)
        if got != want:
            out.append(f"layer {kind.value}: holds {sorted(got)}, should {sorted(want)}")
        for fid in got & set(scene.flow_items):
            if layer.items[fid] is not scene.flows.geoms[fid]:
                out.append(f"layer {kind.value}: stale item for {fid}")
        indexed = {fid for tile in layer._tiles.values() for fid in tile} | set(layer._long)
        if indexed != got or set(layer._where) != got:
            out.append(f"layer {kind.value}: index holds {sorted(indexed)}, items "
                       f"{sorted(got)}")
        waiting = {fid for fid in got if layer.items[fid].pending}
        if layer._pending != waiting:
            out.append(f"layer {kind.value}: counts {sorted(layer._pending)} as unrouted, "
                       f"not {sorted(waiting)}")
        heads = {fid for tile in layer._head_tiles.values() for fid in tile}
        if not heads <= got:
            out.append(f"layer {kind.value}: arrowheads of gone flows {sorted(heads - got)}")
        bounds = layer.boundingRect()
        roomy = bounds.adjusted(-0.01, -0.01, 0.01, 0.01)  # float sums of the unions
        for fid in got:
            item = layer.items[fid]
            x0, y0, x1, y1 = item.bbox
            if item not in list(layer.candidates(x0, y0, x1, y1)):
                out.append(f"layer {kind.value}: index does not find {fid}")
            if not roomy.contains(item.bounds()):
                out.append(f"layer {kind.value}: bounds miss {fid}")
            if item.segs and item not in layer.hits(_middle(item)):
                out.append(f"layer {kind.value}: hit test misses {fid}")
            n_heads = sum(len(v) for t in layer._head_tiles.values()
                          for f, v in t.items() if f == fid)
            if n_heads != len(item.heads):
                out.append(f"layer {kind.value}: {n_heads} heads indexed for {fid}")
        if got:
            paint_whole(layer)
            if layer.painted != len(got):
                out.append(f"layer {kind.value}: painted {layer.painted} of {len(got)}")
    return out


def paint_whole(layer: Any) -> None:
    """Paint all of a flow layer into a small image (its `painted` then counts what was
    drawn). The whole layer is scaled into the image: a paint draws only what its device
    can show."""
    bounds = layer.boundingRect()
    img = QImage(16, 16, QImage.Format.Format_ARGB32)
    painter = QPainter(img)
    scale = 16 / max(bounds.width(), bounds.height(), 1e-6)
    painter.scale(scale, scale)
    painter.translate(-bounds.left(), -bounds.top())
    option = QStyleOptionGraphicsItem()
    option.exposedRect = QRectF(bounds)
    layer.paint(painter, option)
    painter.end()


def _fitted(design: Design, scene: Any, cid: str, hidden: set[str]) -> QRectF | None:
    from orgdesigner.gui.canvas.items.company_item import MARGIN, TITLE_H

    units = [u for u in design.units.values() if u.company == cid]
    shown = [u for u in units if u.id not in hidden] or units
    rect = QRectF()
    for u in shown:
        w, h = box_size(u, scene.lang)
        box = QRectF(u.x - w / 2, u.y - h / 2, w, h)
        rect = rect.united(box) if not rect.isNull() else box
    if rect.isNull():
        return None
    return rect.adjusted(-MARGIN, -MARGIN - TITLE_H / 2, MARGIN, MARGIN)


def _company_problems(design: Design, scene: Any, hidden: set[str]) -> list[str]:
    from orgdesigner.gui.canvas.items.company_item import CompanyItem

    out: list[str] = []
    if set(scene.company_items) != set(design.companies):
        out.append(f"frames {sorted(set(scene.company_items) ^ set(design.companies))}")
    for cid, c in design.companies.items():
        item = scene.company_items.get(cid)
        if item is None:
            continue
        want = CompanyItem(cid)
        want.sync(c, scene.lang, _fitted(design, scene, cid, hidden))
        got = (item.title, _r(item.pos().x()), _r(item.pos().y()), _r(item.w), _r(item.h),
               item._fill.rgba(), item._pen.color().rgba(), item._pen.style())
        exp = (want.title, _r(want.pos().x()), _r(want.pos().y()), _r(want.w), _r(want.h),
               want._fill.rgba(), want._pen.color().rgba(), want._pen.style())
        if got != exp:
            out.append(f"frame {cid}: {got} ≠ {exp}")
        units = [u for u in design.units.values() if u.company == cid]
        visible = not units or any(u.id not in hidden for u in units)
        if item.isVisible() != visible:
            out.append(f"frame {cid}: visible={item.isVisible()}, should be {visible}")
    return out


def _dock_problems(controller: Any, docks: Any) -> list[str]:
    from orgdesigner.budget import compute_budget

    out: list[str] = []
    findings, budget = docks.findings, docks.budget
    if findings.controller is not controller:
        out.append("findings dock follows another document")
    if budget.ctrl is not controller:
        out.append("budget dock follows another document")
    if controller is None:
        if findings.report is not None:
            out.append("findings dock shows a report with no document open")
        return out
    for panel in (findings, budget):
        if getattr(panel, "pending", False) or panel._timer.isActive():  # what the user
            panel._timer.stop()  # would wait for (a debounce, a posted re-check)
            panel.refresh()
    if findings.isVisible():
        want = [(f.id, f.units, f.flows, f.message(findings.lang))
                for f in check(controller.design).findings]
        got = [(f.id, f.units, f.flows, f.message(findings.lang))
               for f in (findings.report.findings if findings.report else [])]
        if got != want:
            out.append(f"findings dock shows {[g[0] for g in got]}, the design has "
                       f"{[w[0] for w in want]}")
    design = controller.design
    if budget.items.rowCount() != len(design.costs):
        out.append(f"budget dock lists {budget.items.rowCount()} cost items, the design "
                   f"has {len(design.costs)}")
    try:
        expected = compute_budget(design, overrides=budget.overrides)
    except Exception:  # noqa: BLE001 - a refused budget: the dock shows no totals
        expected = None
    if (budget.budget is None) != (expected is None) or (
            expected is not None and budget.budget.grand_total != expected.grand_total):
        out.append("budget dock totals differ from the design's budget")
    return out


def view_problems(design: Design, scene: Any, docks: Any = None,
                  controller: Any = None) -> list[str]:
    """Every way the scene (and the docks, given) differ from `design`; [] when none."""
    scene.flush()
    if scene.branches.pending():
        scene.branches.refresh()
    scene.flows.finish()  # a big design's flows are routed in the background: wait for it
    hidden, under, collapsed = _hidden(design, scene.branches)
    out: list[str] = []
    if hidden != scene.hidden_units:
        out.append(f"hidden units {sorted(scene.hidden_units ^ hidden)} differ")
    out += _unit_problems(design, scene, hidden, under, collapsed)
    out += _flow_problems(design, scene, hidden)
    out += _company_problems(design, scene, hidden)
    if docks is not None:
        out += _dock_problems(controller, docks)
    return out


class RepaintWatch:
    """What Qt repainted between two checks, per scene: a flow that appeared, moved,
    changed kind or went away must have its place repainted, or the screen still shows
    the old picture (issue 14 item 1: the model and the layer's index were right, the
    arrow was not drawn until the next zoom)."""

    def __init__(self) -> None:
        self._regions: dict[int, list[QRectF]] = {}
        self._before: dict[int, dict[str, tuple]] = {}
        self._scenes: dict[int, Any] = {}

    def _snapshot(self, scene: Any) -> dict[str, tuple]:
        out = {}
        for fid, item in scene.flows.geoms.items():
            if item.layer is None or not item.segs:
                continue
            mid = _middle(item)
            out[fid] = (tuple(_r(v) for v in item.bbox), item.kind, _r(mid.x()), _r(mid.y()))
        return out

    def problems(self, scene: Any) -> list[str]:
        from PySide6.QtWidgets import QApplication

        key = id(scene)
        if self._scenes.get(key) is not scene:  # first look at this scene: start watching
            self._scenes[key] = scene
            self._regions[key] = []
            scene.changed.connect(lambda rects, k=key: self._regions[k].extend(rects))
            scene.flush()
            QApplication.processEvents()
            self._regions[key].clear()
            self._before[key] = self._snapshot(scene)
            return []
        scene.flush()
        QApplication.processEvents()
        # A timer that fired inside that pass (the overlay filter's 30 ms refill: due in
        # the pass whenever the pass ran long, as it did with a findings re-check in it)
        # changed a layer and asked for its repaint; the scene reports repaints from a
        # queued call, posted during the pass and so delivered after it. Deliver it before
        # comparing, or the repaint is blamed as missing.
        QApplication.sendPostedEvents()
        now = self._snapshot(scene)
        before = self._before[key]
        regions = self._regions[key]
        out = []
        for fid in set(now) | set(before):
            if now.get(fid) == before.get(fid):
                continue
            for state in (now.get(fid), before.get(fid)):
                if state is None:
                    continue
                point = QPointF(state[2], state[3])
                if not any(r.adjusted(-1, -1, 1, 1).contains(point) for r in regions):
                    what = "drawn" if state is now.get(fid) else "erased"
                    out.append(f"flow {fid}: not {what} at {point.x()},{point.y()} "
                               f"(no repaint there)")
        self._before[key] = now
        regions.clear()
        return out


SCROLL_PIXELS = 4


def picture_problems(scene: Any) -> list[str]:
    """Each view of `scene` looks the same drawn from the flow layers' kept pictures as
    drawn afresh (flow_layer.ViewPicture: a picture not told of a change shows the old
    flows; an old or missing line differs by tens of pixels at least). Two roundings are
    let pass: a channel may differ by one or two levels (a translucent arrowhead blended
    into the picture, then onto the canvas), and up to `SCROLL_PIXELS` pixels may differ
    outright (a scrolled picture is moved by whole pixels; where a line ends on a pixel's
    edge, the rasteriser may round it the other way at the new offset)."""
    from orgdesigner.gui.canvas.items import flow_layer

    out = []
    for view in scene.views():
        port = view.viewport()
        for _ in range(10):  # a long redraw goes on over turns: what it ends showing
            kept = port.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
            busy = [layer._picture for layer in scene.flow_layers.values()
                    if layer._picture.busy]
            if not busy:
                break
            for picture in busy:
                while picture.busy:  # the turns of the event loop that finish it
                    picture._turn()
        saved = flow_layer.PICTURE_MIN
        flow_layer.PICTURE_MIN = 1 << 60
        try:
            fresh = port.grab().toImage().convertToFormat(QImage.Format.Format_ARGB32)
        finally:
            flow_layer.PICTURE_MIN = saved
        if kept.size() != fresh.size():
            out.append(f"view: picture {kept.size()} against {fresh.size()}")
            continue
        if kept == fresh:
            continue
        a, b = bytes(kept.constBits()), bytes(fresh.constBits())
        row = kept.bytesPerLine()
        off = []
        for y in range(kept.height()):
            ra, rb = a[y * row:(y + 1) * row], b[y * row:(y + 1) * row]
            if ra == rb:
                continue
            off += sorted({(i // 4, y) for i in range(kept.width() * 4)
                           if abs(ra[i] - rb[i]) > 2})
        if len(off) > SCROLL_PIXELS:
            out.append(f"view {kept.width()}×{kept.height()}: the kept picture differs from a "
                       f"fresh drawing at {len(off)} pixels, e.g. {off[:4]}")
    return out
