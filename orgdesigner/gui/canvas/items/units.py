"""Every unit of a scene: the Qt-free table of boxes (unit_boxes.py) for all of them, and a
`UnitItem` for the part of the canvas that has been looked at.

A big design (more than `lazy_above` units) opens without unit items: the view asks for the
region it is about to paint (plus a margin) and the items there are created then, cell by
cell of the box table's grid (`realize_rect`); code that needs one unit's item (selection,
find, the inspector, keyboard navigation, a click) gets it created on demand (`item`).
Once a cell is realised, every unit whose box touches it has an item, and a unit moved or
added into a realised cell gets one at once — so "no item" always means "outside what has
been looked at", which the views invariant checks. Items are never dropped again while the
document is open (a user who scrolls over all of a 50,000-unit group pays for the items,
in memory, as before).

Far out, the unit layer draws every unit from the table (unit_layer.py), so zooming out
realises nothing; printing realises everything (`realize_all`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from orgdesigner.gui.canvas.items.unit_item import UnitItem
from orgdesigner.gui.canvas.items.unit_layer import NO_CONTENTS
from orgdesigner.gui.canvas.unit_boxes import UnitBoxes, cell_rect, cells_of

if TYPE_CHECKING:
    from orgdesigner.gui.canvas.scene import DiagramScene

LAZY_UNITS = 3000


class SceneUnits:
    #: More units than this: items only where the canvas is looked at (tests lower it to
    #: cover that path with small designs).
    lazy_above = LAZY_UNITS

    def __init__(self, scene: DiagramScene) -> None:
        self.scene = scene
        self.boxes = UnitBoxes()
        self.items: dict[str, UnitItem] = {}
        self.cells: set[tuple[int, int]] = set()  # realised grid cells
        self.everything = False  # every unit has an item (a small design, or printing)

    # ---- building --------------------------------------------------------------------------
    def build(self) -> None:
        scene = self.scene
        self.boxes.fill(scene.design.units.values(), scene.lang)
        if len(self.boxes) <= self.lazy_above:
            self.realize_all()

    def item(self, uid: str) -> UnitItem | None:
        """The unit's item, created if it has none yet; None for an unknown unit."""
        item = self.items.get(uid)
        if item is None and uid in self.boxes and uid in self.scene.design.units:
            item = self._make(uid)
        return item

    def _make(self, uid: str) -> UnitItem:
        scene = self.scene
        item = UnitItem(uid)
        item.sync(scene.design.units[uid], scene.lang)
        branches = scene.branches
        item.set_branch(branches.subordinates.get(uid, 0), uid in branches.collapsed,
                        branches.below.get(uid, 0))
        if uid in scene.hidden_units:
            item.setVisible(False)
        if scene.unit_layer.active:
            item.setFlag(NO_CONTENTS, True)
        scene.addItem(item)
        self.items[uid] = item
        return item

    def realize_rect(self, x0: float, y0: float, x1: float, y1: float) -> int:
        """Create the items of every unit in the grid cells the rectangle touches; how many
        were created."""
        made = 0
        if self.everything:
            return made
        items, boxes = self.items, self.boxes
        for cell in cells_of(x0, y0, x1, y1):
            if cell in self.cells:
                continue
            self.cells.add(cell)
            for uid in boxes.in_rect(*cell_rect(cell)):
                if uid not in items:
                    self._make(uid)
                    made += 1
        return made

    def realize_all(self) -> None:
        """An item for every unit (small designs; printing renders the whole scene)."""
        items = self.items
        for uid in self.scene.design.units:
            if uid not in items and uid in self.boxes:
                self._make(uid)
        self.everything = True

    def in_realised(self, uid: str) -> bool:
        """Whether the unit's box touches a realised cell (then it must have an item)."""
        if self.everything:
            return True
        r = self.boxes.rects.get(uid)
        if r is None:
            return False
        return any(c in self.cells for c in cells_of(r[0], r[1], r[0] + r[2], r[1] + r[3]))

    # ---- model events ----------------------------------------------------------------------
    def added(self, uid: str) -> None:
        self.boxes.set(self.scene.design.units[uid], self.scene.lang)
        self._make(uid)  # just made, most likely where the user looks

    def removed(self, uid: str) -> None:
        item = self.items.pop(uid, None)
        if item is not None:
            self.scene.removeItem(item)
        self.boxes.remove(uid)

    def changed(self, uid: str) -> bool:
        """The unit changed in the model; True when its box moved or resized."""
        unit = self.scene.design.units[uid]
        moved = self.boxes.set(unit, self.scene.lang)
        item = self.items.get(uid)
        if item is not None:
            item.sync(unit, self.scene.lang)
        elif self.in_realised(uid):
            self._make(uid)
        return moved

    def drawn_at(self, uid: str, x: float, y: float) -> bool:
        """Feedback during a drag: the unit is drawn centred at (x, y); True when it moved."""
        moved = self.boxes.move_to(uid, x, y)
        item = self.items.get(uid)
        if item is not None:
            item.setPos(x, y)
        elif moved and self.in_realised(uid):
            self._make(uid).setPos(x, y)
        return moved

    def relabel(self) -> None:
        """The language changed: new label sizes for every unit."""
        scene = self.scene
        units = scene.design.units
        for uid in units:
            self.boxes.set(units[uid], scene.lang)
        for uid, item in self.items.items():
            item.sync(units[uid], scene.lang)
        for uid in [u for u in units if u not in self.items and self.in_realised(u)]:
            self._make(uid)
