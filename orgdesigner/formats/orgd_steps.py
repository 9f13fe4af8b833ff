""".orgd text built a piece at a time, so the app can snapshot a large design between events.

`orgd.dumps` of a 50,000-unit group costs about half a second of CPU (turning the model
into plain data, then encoding it with formats/json_text.py). Autosave ran it in one go on
the GUI thread a few seconds after every pause in editing, so the window froze each time.
`text_steps` does the same work as a generator: the caller runs it in short slices and gets
exactly `orgd.dumps(design)` at the end.

The first phase reads the live model: if the design changes between two slices of it, the
caller must drop the generator (the text would mix two states) and start again later. The
second phase (the generator yields True there) encodes plain data that no longer refers to
the model, so edits made while it runs cannot reach it.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Design
from . import json_text, orgd

#: Units or flows turned into data between two yields (about 4 ms at 2,000 units).
CHUNK = 2000
#: Rows (units, flows) encoded between two yields (about 6 ms at 700 units).
ROWS = 700


def text_steps(design: Design, chunk: int | None = None,
               rows: int | None = None) -> Iterator[bool | str]:
    """Yield after each piece of work — False while the model is still being read, True once
    only plain data is left to encode — and, last, the whole text (== `orgd.dumps`)."""
    chunk, rows = chunk or CHUNK, rows or ROWS
    if design.scenarios is not None:  # proposals are stored as deltas: built in one go
        data = orgd.to_data(design)
    else:
        units: list = []
        for i, u in enumerate(list(design.units.values()), 1):
            units.append(orgd._unit_data(u))
            if i % chunk == 0:
                yield False
        flows: list = []
        for i, f in enumerate(list(design.flows.values()), 1):
            flows.append(orgd._flow_data(f))
            if i % chunk == 0:
                yield False
        data = orgd._design_data(design, units=units, flows=flows)
    for step in json_text.text_steps(data, orgd.INDENT, rows=rows, end="\n"):  # as orgd.dumps
        yield True if step is None else step
