"""Change highlighting on an exported proposal: units added, moved or changed against the
current organisation get a thick Okabe–Ito border (colour-blind safe; the line style tells
them apart in black and white too), and a one-line key sits above the diagram."""

from __future__ import annotations

from html import escape
from typing import Any

#: change kind → (colour, Graphviz style, English, Japanese)
CHANGES = {
    "added": ("#009E73", "solid", "added", "新設"),
    "moved": ("#0072B2", "dashed", "moved", "移管"),
    "changed": ("#E69F00", "dotted", "changed", "変更"),
}
_ROOM = 44.0  # points added above the diagram for the key


def apply_highlight(g: Any, changes: dict[str, str], lang: str = "en") -> None:
    """Mark the units of `changes` (unit id → kind) on a graph made by `to_agraph`."""
    for node in g.nodes():
        uid = (node.attr.get("id") or "")
        if not uid.startswith("unit-"):
            continue
        kind = changes.get(uid[5:])
        if kind in CHANGES:
            colour, style, _en, _ja = CHANGES[kind]
            styles = [s for s in (node.attr.get("style") or "").split(",")
                      if s and s not in ("dashed", "dotted", "solid")]
            node.attr.update(color=colour, penwidth="4", style=",".join(styles + [style]))
    left, bottom, right, top = (float(x) for x in g.graph_attr["bb"].split(","))
    g.graph_attr["bb"] = f"{left:.2f},{bottom:.2f},{right:.2f},{top + _ROOM:.2f}"
    title = ("現状からの変更（枠線）：" if lang == "ja"
             else "Changes from the current organisation (box outline): ")
    cells = "".join(
        f'<TD><FONT COLOR="{c}" POINT-SIZE="14">■</FONT></TD>'
        f'<TD ALIGN="LEFT">{escape(ja if lang == "ja" else en)}　</TD>'
        for c, _s, en, ja in CHANGES.values())
    count = sum(1 for k in changes.values() if k in CHANGES)
    label = (f'<<TABLE BORDER="0" CELLSPACING="2"><TR><TD><B>{escape(title)}</B></TD>{cells}'
             f'<TD>{count}{" 部署" if lang == "ja" else " unit(s)"}</TD></TR></TABLE>>')
    g.add_node("change_key", shape="plain", label=label, id="changes",
               pos=f"{left + 260:.2f},{top + _ROOM / 2:.2f}")
