""".orgd text built a piece at a time, so the app can snapshot a large design between events.

`orgd.dumps` of a 50,000-unit group costs about 1.2 s of CPU (0.2 s turning the model into
plain data, 1 s encoding it: with `indent` the json module uses its pure-Python encoder).
Autosave ran it in one go on the GUI thread a few seconds after every pause in editing, so
the window froze for a second each time. `text_steps` does the same work as a generator:
the caller runs it in short slices and gets exactly `orgd.dumps(design)` at the end.

The first phase reads the live model: if the design changes between two slices of it, the
caller must drop the generator (the text would mix two states) and start again later. The
second phase (the generator yields True there) encodes plain data that no longer refers to
the model, so edits made while it runs cannot reach it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..model import Design
from . import orgd

#: Units or flows turned into data between two yields (about 4 ms at 2,000 units).
CHUNK = 2000
#: Encoded pieces between two yields (json's iterencode yields a piece per token).
PIECES = 20000


def text_steps(design: Design, chunk: int | None = None,
               pieces: int | None = None) -> Iterator[bool | str]:
    """Yield after each piece of work — False while the model is still being read, True once
    only plain data is left to encode — and, last, the whole text (== `orgd.dumps`)."""
    chunk, pieces = chunk or CHUNK, pieces or PIECES
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
    yield from _encode(data, pieces)


def _encode(data: dict, pieces: int) -> Iterator[bool | str]:
    encoder = json.JSONEncoder(ensure_ascii=False, indent=1)  # as orgd.dumps
    chunks: list[str] = []  # joined as they come: one join of millions of pieces took 0.1 s
    out: list[str] = []
    for i, piece in enumerate(encoder.iterencode(data), 1):
        out.append(piece)
        if i % pieces == 0:
            chunks.append("".join(out))
            out.clear()
            yield True
    out.append("\n")
    chunks.append("".join(out))
    yield "".join(chunks)
