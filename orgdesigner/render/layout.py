"""The org-chart layout: the reporting forest drawn as tidy trees, companies side by side.

Used by the canvas's "Auto layout" (through `layout_ops`, one undoable batch), by the importer
(designs arrive without positions) and by every export, so all of them agree.

How a design maps onto the tidy trees of `tidy.py`:
- each company is a block; a reporting line that crosses companies does not bind positions
  (it is drawn between the frames), so frames never overlap;
- units in no company form their own block after the companies; external parties with no
  reporting line are grouped in a column at the side (inside their company's frame if they
  have one); overlay flows (command, support, …) never affect positions;
- siblings keep the order the user gave them on the canvas (left to right, or top to bottom),
  falling back to the order of the reporting lines when positions say nothing;
- in compact mode (top-down only) a unit whose children are all leaves gets them stacked
  vertically below it, which keeps wide charts printable;
- every box is `style.box_size`, so the layout, the canvas and the exports agree on sizes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from operator import add, itemgetter, sub

from ..model import Design, FlowKind, UnitKind, ops
from .style import box_size
from .tidy import tidy_positions

SIBLING_GAP = 16.0
SUBTREE_GAP = 28.0
LEVEL_GAP = 48.0
STACK_GAP = 10.0
STACK_INDENT = 24.0
BLOCK_GAP = 40.0
FRAME_PAD = 16.0
FRAME_TITLE = 26.0
EMPTY_FRAME = (180.0, 90.0)

Rect = tuple[float, float, float, float]


@dataclass
class Layout:
    positions: dict[str, tuple[float, float]]  # unit id → centre
    sizes: dict[str, tuple[float, float]]  # unit id → (width, height)
    company_rects: dict[str, Rect]  # company id → (x, y, width, height)
    orientation: str = "tb"
    stacked: frozenset[str] = field(default_factory=frozenset)  # units in a compact stack

    def rect(self, unit_id: str) -> Rect:
        (cx, cy), (w, h) = self.positions[unit_id], self.sizes[unit_id]
        return (cx - w / 2, cy - h / 2, w, h)

    def bounds(self) -> Rect:
        """The rectangle holding every box and frame (0-size at the origin when empty)."""
        rects = [self.rect(u) for u in self.positions] + list(self.company_rects.values())
        if not rects:
            return (0.0, 0.0, 0.0, 0.0)
        x0 = min(r[0] for r in rects)
        y0 = min(r[1] for r in rects)
        x1 = max(r[0] + r[2] for r in rects)
        y1 = max(r[1] + r[3] for r in rects)
        return (x0, y0, x1 - x0, y1 - y0)


def subtree(design: Design, root: str) -> list[str]:
    """`root` and every unit below it on reporting lines, in design order."""
    design.unit(root)
    kids = design.children()
    seen = {root}
    todo = [root]
    while todo:
        for c in kids.get(todo.pop(), ()):
            if c not in seen:
                seen.add(c)
                todo.append(c)
    return [u for u in design.units if u in seen]


def depth_first(children: Mapping[str, Sequence[str]], roots: Sequence[str]) -> list[str]:
    """`roots` and everything below them in `children` (unit → subordinates), depth first in
    the given order, each once (the canvas's branches and the PDF book walk it the same)."""
    out: list[str] = []
    seen: set[str] = set()
    todo = list(reversed(roots))
    while todo:
        u = todo.pop()
        if u in seen:
            continue
        seen.add(u)
        out.append(u)
        todo.extend(reversed(children.get(u, ())))
    return out


def _arranged(design: Design, ids: list[str], sizes: dict[str, tuple[float, float]],
              orientation: str) -> list[str]:
    """`ids` in the order the user arranged them on the canvas (stable on ties).

    Left edges (not centres) are compared so a compact stack, whose boxes share a left edge,
    keeps its top-to-bottom order. Positions that coincide mean the units were never placed
    (e.g. just imported): then the given order stands.
    """
    if len(ids) < 2:
        return ids
    units = [design.units[u] for u in ids]
    if len({(u.x, u.y) for u in units}) < len(units):
        return ids

    def key(i: int) -> tuple[float, float, int]:
        u = units[i]
        w, h = sizes[u.id]
        left, top = round(u.x - w / 2, 1), round(u.y - h / 2, 1)
        return (left, top, i) if orientation == "tb" else (top, left, i)

    return [ids[i] for i in sorted(range(len(ids)), key=key)]


def _layout_block(roots: list[str], kids: dict[str, list[str]], externals: list[str],
                  bsize: dict[str, float], dsize: dict[str, float], compact: bool,
                  stacked: set[str], sib_gap: float,
                  sub_gap: float) -> dict[str, tuple[float, float]]:
    """Positions of a block's units in (breadth, depth) coordinates, content starting at 0."""
    # Tidy nodes: 0 is a virtual root holding the block's trees; stacked leaves are no nodes.
    ids: list[str] = [""]
    children: list[list[int]] = [[]]
    stacks: dict[int, list[str]] = {}
    todo: list[tuple[str, int]] = [(r, 0) for r in reversed(roots)]
    order: list[tuple[int, int]] = []  # (node, parent) in pre-order
    while todo:
        uid, par = todo.pop()
        node = len(ids)
        ids.append(uid)
        children.append([])
        order.append((node, par))
        ch = kids.get(uid, [])
        if compact and len(ch) >= 2 and not any(kids.get(c) for c in ch):
            stacks[node] = ch
            stacked.update(ch)
            continue
        todo.extend((c, node) for c in reversed(ch))
    for node, par in order:
        children[par].append(node)
    n = len(ids)
    left = [0.0] * n
    right = [0.0] * n
    depth_ext = [0.0] * n
    for v in range(1, n):
        half = bsize[ids[v]] / 2
        left[v] = right[v] = half
        depth_ext[v] = dsize[ids[v]]
        if v in stacks:
            leaves = stacks[v]
            right[v] = max(half, -half + STACK_INDENT + max(bsize[c] for c in leaves))
            depth_ext[v] += sum(STACK_GAP + dsize[c] for c in leaves)
    xs = tidy_positions(children, 0, left, right, sib_gap, sub_gap)
    # Depth bands: every node of one level lies within its band, so levels never collide.
    depth = [0] * n
    for node, par in order:
        depth[node] = depth[par] + 1
    bands: list[float] = []
    for v in range(1, n):
        d = depth[v] - 1
        while len(bands) <= d:
            bands.append(0.0)
        bands[d] = max(bands[d], depth_ext[v])
    starts: list[float] = []
    acc = 0.0
    for b in bands:
        starts.append(acc)
        acc += b + LEVEL_GAP
    pos: dict[str, tuple[float, float]] = {}
    min_b = min((xs[v] - left[v] for v in range(1, n)), default=0.0)
    for v in range(1, n):
        uid = ids[v]
        b = xs[v] - min_b
        top = starts[depth[v] - 1]
        pos[uid] = (b, top + dsize[uid] / 2)
        if v in stacks:
            edge = b - bsize[uid] / 2 + STACK_INDENT
            cursor = top + dsize[uid]
            for leaf in stacks[v]:
                cursor += STACK_GAP
                pos[leaf] = (edge + bsize[leaf] / 2, cursor + dsize[leaf] / 2)
                cursor += dsize[leaf]
    # Isolated external parties: a column after the trees.
    if externals:
        b0 = max((bp + bsize[u] / 2 for u, bp in ((u, p[0]) for u, p in pos.items())),
                 default=-SUBTREE_GAP) + SUBTREE_GAP * 1.5
        width = max(bsize[e] for e in externals)
        cursor = 0.0
        for e in externals:
            pos[e] = (b0 + width / 2, cursor + dsize[e] / 2)
            cursor += dsize[e] + STACK_GAP
    return pos


def compute_layout(design: Design, *, orientation: str = "tb", compact: bool = False,
                   root: str | None = None, lang: str = "en") -> Layout:
    """Lay out the whole design (or the sub-tree under `root`); see the module docstring."""
    if orientation not in ("tb", "lr"):
        raise ValueError(f"orientation must be 'tb' or 'lr', not {orientation!r}")
    tb = orientation == "tb"
    compact = compact and tb
    ids = subtree(design, root) if root else list(design.units)
    include = set(ids)
    units = design.units
    sizes = {u: box_size(units[u], lang) for u in ids}
    breadth, depth = (0, 1) if tb else (1, 0)
    bsize = dict(zip(sizes, map(itemgetter(breadth), sizes.values()), strict=True))
    dsize = dict(zip(sizes, map(itemgetter(depth), sizes.values()), strict=True))
    kids: dict[str, list[str]] = {}
    has_parent: set[str] = set()
    whole = root is None  # every unit included: no need to ask
    reporting = FlowKind.REPORTING
    for f in design.flows.values():
        if (f.kind is reporting and (whole or (f.source in include and f.target in include))
                and units[f.source].company == units[f.target].company):
            kids.setdefault(f.source, []).append(f.target)
            has_parent.add(f.target)
    for k, v in kids.items():
        kids[k] = _arranged(design, v, sizes, orientation)

    groups: list[str] = [c for c in design.companies
                         if root is None or any(units[u].company == c for u in ids)]
    by_group: dict[str, list[str]] = {g: [] for g in [*groups, ""]}
    for u in ids:
        if u not in has_parent:
            by_group.setdefault(units[u].company, []).append(u)
    loose_externals: list[str] = []
    stacked: set[str] = set()
    sib_gap, sub_gap = (SIBLING_GAP, SUBTREE_GAP) if tb else (SIBLING_GAP * 0.6, SUBTREE_GAP * 0.6)
    placed: list[tuple[str, dict[str, tuple[float, float]]]] = []
    for g in [*groups, ""]:
        tops = _arranged(design, by_group.get(g, []), sizes, orientation)
        ext = [u for u in tops if units[u].kind is UnitKind.EXTERNAL and u not in kids]
        ext_set = set(ext)
        trees = [u for u in tops if u not in ext_set]
        if not g:
            loose_externals = ext
            ext = []
        if g or trees:
            placed.append((g, _layout_block(trees, kids, ext, bsize, dsize, compact, stacked,
                                            sib_gap, sub_gap)))
    if loose_externals:
        placed.append(("", _layout_block([], kids, loose_externals, bsize, dsize, False,
                                         stacked, sib_gap, sub_gap)))

    positions: dict[str, tuple[float, float]] = {}
    company_rects: dict[str, Rect] = {}
    cursor = 0.0  # along the breadth axis: x for tb, y for lr
    for g, pos in placed:
        xy = pos if tb else {u: (d, b) for u, (b, d) in pos.items()}
        if xy:  # column by column: a company of 10,000 units
            xs, ys = zip(*xy.values(), strict=True)
            half_w, half_h = zip(*((w / 2, h / 2) for w, h in map(sizes.__getitem__, xy)),
                                 strict=True)
            x0, x1 = min(map(sub, xs, half_w)), max(map(add, xs, half_w))
            y0, y1 = min(map(sub, ys, half_h)), max(map(add, ys, half_h))
        else:
            x0 = y0 = 0.0
            x1, y1 = EMPTY_FRAME[0] - 2 * FRAME_PAD, EMPTY_FRAME[1] - 2 * FRAME_PAD - FRAME_TITLE
        pad, title = (FRAME_PAD, FRAME_TITLE) if g else (0.0, 0.0)
        # Frame (or bare content) top-left goes to (cursor, 0) for tb, (0, cursor) for lr.
        fx, fy = (cursor, 0.0) if tb else (0.0, cursor)
        dx, dy = fx + pad - x0, fy + pad + title - y0
        for u, (x, y) in xy.items():
            positions[u] = (x + dx, y + dy)
        fw, fh = (x1 - x0) + 2 * pad, (y1 - y0) + 2 * pad + title
        if g:
            company_rects[g] = (fx, fy, fw, fh)
        cursor += (fw if tb else fh) + BLOCK_GAP
    return Layout(positions, sizes, company_rects, orientation, frozenset(stacked))


def layout_ops(design: Design, *, orientation: str = "tb", compact: bool = False,
               root: str | None = None, lang: str = "en", lay: Layout | None = None
               ) -> ops.Batch:
    """One undoable "Auto layout": moves units (and, for the whole design, company frames).

    A sub-tree keeps its root where it is, so laying out one branch does not throw it across
    the canvas. `lay`: the arrangement already computed with these arguments.
    """
    if lay is None:
        lay = compute_layout(design, orientation=orientation, compact=compact, root=root,
                             lang=lang)
    dx = dy = 0.0
    if root is not None:
        u = design.units[root]
        dx, dy = u.x - lay.positions[root][0], u.y - lay.positions[root][1]
    batch: list[ops.Op] = []
    for uid, (x, y) in lay.positions.items():
        u = design.units[uid]
        nx, ny = round(x + dx, 2), round(y + dy, 2)
        if (u.x, u.y) != (nx, ny):
            batch.append(ops.UpdateUnit(uid, {"x": nx, "y": ny}))
    if root is None:
        batch += frame_ops(design, lay)
    return ops.Batch(batch, "Auto layout")


def frame_ops(design: Design, lay: Layout) -> list[ops.Op]:
    """The company frames' part of "Auto layout" (an import places its units in bulk)."""
    out: list[ops.Op] = []
    for cid, (x, y, w, h) in lay.company_rects.items():
        c = design.companies[cid]
        new = {"x": round(x, 2), "y": round(y, 2), "width": round(w, 2), "height": round(h, 2)}
        changed = {k: val for k, val in new.items() if getattr(c, k) != val}
        if changed:
            out.append(ops.UpdateCompany(cid, changed))
    return out


def reporting_route(parent: Rect, child: Rect,
                    orientation: str = "tb") -> list[tuple[float, float]]:
    """The org-chart connector from a superior's box to a subordinate's, as a polyline.

    Elbows (down, across, down) rather than diagonals, as printed org charts draw them; a child
    in a compact stack (left edge at the parent's left + STACK_INDENT, below it) is reached by a
    line down the stack's left side. Shared by the canvas and the exports.
    """
    px, py, pw, ph = parent
    cx, cy, cw, ch = child
    if orientation == "lr":
        sx, sy = px + pw, py + ph / 2
        tx, ty = cx, cy + ch / 2
        if tx <= sx:
            return [(sx, sy), (tx, ty)]
        mid = tx - min(LEVEL_GAP / 2, (tx - sx) / 2)
        return [(sx, sy), (mid, sy), (mid, ty), (tx, ty)]
    stacked = abs(cx - (px + STACK_INDENT)) < 0.5 and cy >= py + ph
    if stacked:
        lx = px + STACK_INDENT / 2
        return [(lx, py + ph), (lx, cy + ch / 2), (cx, cy + ch / 2)]
    sx, sy = px + pw / 2, py + ph
    tx, ty = cx + cw / 2, cy
    if ty <= sy:
        return [(sx, sy), (tx, ty)]
    mid = ty - min(LEVEL_GAP / 2, (ty - sy) / 2)
    if abs(sx - tx) < 0.5:  # straight down, and exactly vertical (not off by a fraction)
        return [(sx, sy), (sx, ty)]
    return [(sx, sy), (sx, mid), (tx, mid), (tx, ty)]
