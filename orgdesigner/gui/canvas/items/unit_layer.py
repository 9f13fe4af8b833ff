"""Far out, every unit drawn as a plain box by one item.

Below `FAR_LOD` a unit is a few pixels: its label is not drawn, its shape cannot be told
apart, and painting 5,000 separate items (one Python call and one cached pixmap each) took
~100 ms for a fitted 5,000-unit group. In "far" mode the unit items keep their place in the
scene (hit tests, selection, rubber band) but draw nothing, and this layer draws all of them
as boxes in a few `drawRects` calls, one per fill and border colour. It reads the boxes from
the scene's Qt-free table (unit_boxes.py), so a unit need not have an item to be drawn: a
50,000-unit group zoomed out creates none.

If something renders the scene at a readable scale while far mode is on (printing, an
export of the canvas), the layer paints each unit properly instead, so the output never
depends on how far the user happens to be zoomed out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from orgdesigner.gui.canvas.items.unit_item import SELECTION, paint_kit

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.items.units import SceneUnits

#: Beyond this many changed boxes the minimap redraws everything instead of their region.
DIRTY_MAX = 256
#: Below this zoom the canvas draws units as plain boxes (their labels went at 0.4).
FAR_LOD = 0.25

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


class UnitLayer(QGraphicsItem):
    def __init__(self, units: SceneUnits) -> None:
        super().__init__()
        self.units = units  # the scene's units: their boxes, and the items made so far
        self.active = False
        self._groups: list[tuple[QPen, QBrush, list[QRectF]]] | None = None
        # the shown units' boxes by group; None: regroup every unit when next asked
        self._members: dict[tuple[int, int], dict[str, QRectF]] | None = None
        self._where: dict[str, tuple[int, int]] = {}  # each grouped unit's group
        self._kits: dict[tuple[int, int], tuple[QPen, QBrush]] = {}
        self._style_keys: dict[object, tuple[int, int]] = {}
        self._bounds = QRectF()
        #: Boxes (before and after) regrouped since the minimap last took them; None: every
        #: unit (a full regroup, or too many to be worth a partial redraw).
        self.dirty: list[QRectF] | None = None
        self.painted = 0  # boxes drawn by the last far paint (tests read it)
        self.setZValue(2.0)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(NO_CONTENTS, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)

    def set_active(self, on: bool) -> None:
        """Switch far mode: unit items stop (or resume) painting themselves."""
        if on == self.active:
            return
        self.active = on
        for item in self.units.items.values():
            item.setFlag(NO_CONTENTS, on)
        self.setFlag(NO_CONTENTS, not on)
        self._groups = None  # the extent is taken again
        self.prepareGeometryChange()
        self.update()

    def invalidate(self, uids: Iterable[str] | None = None) -> None:
        """Units changed, appeared, went or were hidden: regroup them (`uids`), or every
        unit when next asked (None: once for a whole batch — an auto layout moves every
        unit, one event each). An edit of one unit of 50,000 regroups that one: dropping
        and rebuilding the groups' 50,000 boxes took 0.1 s per edit, and the minimap's
        redraw again as much."""
        if self._members is None:
            return  # a full regroup is pending already
        if uids is None:
            self._members = None
            self.dirty = None
            self._groups = None
        else:
            self._regroup(uids)
        if self.active:
            self.prepareGeometryChange()
            self.update()

    def groups(self) -> list[tuple[QPen, QBrush, list[QRectF]]]:
        """The shown units' boxes by border and fill colour (the minimap draws them too)."""
        return self._fresh()

    def _fresh(self) -> list[tuple[QPen, QBrush, list[QRectF]]]:
        if self._members is None:
            self._rebuild()
        if self._groups is None:
            kits, members = self._kits, self._members or {}
            self._groups = [(*kits[key], list(boxes.values()))
                            for key, boxes in members.items() if boxes]
            box = self.units.boxes.bounds(self.units.scene.hidden_units)
            # callers announced the change (prepareGeometryChange)
            self._bounds = QRectF(*box) if box is not None else QRectF()
        return self._groups

    def _key(self, uid: str) -> tuple[int, int]:
        """The group (border and fill colour) of a unit's style; its pens made once."""
        style = self.units.boxes.styles[uid]
        key = self._style_keys.get(style)
        if key is None:
            pen, brush, _text = paint_kit(style)
            key = self._style_keys[style] = (pen.color().rgba(), brush.color().rgba())
            if key not in self._kits:
                # one pixel at any zoom: never vanishes
                self._kits[key] = (QPen(pen.color(), 0), brush)
        return key

    def _rebuild(self) -> None:
        members: dict[tuple[int, int], dict[str, QRectF]] = {}
        where: dict[str, tuple[int, int]] = {}
        hidden = self.units.scene.hidden_units
        key_of = self._key
        for uid, r in self.units.boxes.rects.items():
            if uid in hidden:
                continue
            key = where[uid] = key_of(uid)
            group = members.get(key)
            if group is None:
                group = members[key] = {}
            group[uid] = QRectF(*r)
        self._members, self._where, self._groups = members, where, None

    def _regroup(self, uids: Iterable[str]) -> None:
        members = self._members
        assert members is not None
        boxes, hidden = self.units.boxes, self.units.scene.hidden_units
        dirty = self.dirty
        for uid in uids:
            old = self._where.pop(uid, None)
            if old is not None:
                was = members[old].pop(uid, None)
                if dirty is not None and was is not None:
                    dirty.append(was)
            r = boxes.rects.get(uid)
            if r is not None and uid not in hidden:
                key = self._where[uid] = self._key(uid)
                box = members.setdefault(key, {})[uid] = QRectF(*r)
                if dirty is not None:
                    dirty.append(box)
        if dirty is not None and len(dirty) > DIRTY_MAX:
            self.dirty = None
        self._groups = None

    def take_dirty(self) -> list[QRectF] | None:
        """The boxes regrouped since the last call (None: redraw everything), and start
        counting again."""
        dirty, self.dirty = self.dirty, []
        return None if self._members is None else dirty

    def groups_of(self, uids: Iterable[str]) -> list[tuple[QPen, QBrush, list[QRectF]]]:
        """`groups()` restricted to `uids` (hidden ones left out), in the same group order:
        what a redraw of part of the minimap draws, so its pixels are the full redraw's."""
        self._fresh()
        members, where = self._members or {}, self._where
        picked: dict[tuple[int, int], list[QRectF]] = {}
        for uid in uids:
            key = where.get(uid)
            if key is not None:
                picked.setdefault(key, []).append(members[key][uid])
        return [(*self._kits[key], picked[key]) for key in members if key in picked]

    def boundingRect(self) -> QRectF:
        if not self.active:  # regrouped for the minimap meanwhile: no extent of its own
            return QRectF()
        self._fresh()
        return self._bounds

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        if not self.active:
            return
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod >= FAR_LOD * 1.5:
            self._paint_items(painter, option)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        n = 0
        for pen, brush, rects in self._fresh():
            painter.setPen(pen)
            painter.setBrush(brush)
            painter.drawRects(rects)
            n += len(rects)
        self.painted = n
        selected = [i for i in self.units.items.values() if i.isSelected() and i.isVisible()]
        if selected:
            pen = QPen(SELECTION, 2.0)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRects([i.scene_box().adjusted(-4, -4, 4, 4) for i in selected])

    def _paint_items(self, painter: QPainter, option: QStyleOptionGraphicsItem) -> None:
        """A readable-scale render while far mode is on: every unit in full."""
        exposed = option.exposedRect
        self.units.realize_rect(exposed.left(), exposed.top(), exposed.right(), exposed.bottom())
        for item in list(self.units.items.values()):
            if item.isVisible() and item.sceneBoundingRect().intersects(exposed):
                painter.save()
                painter.translate(item.pos())
                item.paint(painter, option)
                painter.restore()
