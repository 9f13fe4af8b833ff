"""`.pptx` and `.drawio` through the one export entry point (`render.export.diagram_bytes`).

Kept apart from export.py so the Graphviz path and these writers change independently.
"""

from __future__ import annotations

from ..model import Design

OFFICE_FORMATS = ("pptx", "drawio")


def office_bytes(design: Design, fmt: str, *, layout: str = "tidy", legend: bool = True,
                 root: str | None = None, lang: str = "en", orientation: str = "tb",
                 compact: bool = False, date: str | None = None,
                 aspect: str | None = None) -> bytes:
    """The design as PowerPoint slides (`pptx`) or a diagrams.net file (`drawio`)."""
    if fmt == "drawio":
        from .diagram import diagram_for
        from .drawio_out import drawio_bytes

        return drawio_bytes(diagram_for(design, layout=layout, root=root, lang=lang,
                                        orientation=orientation, compact=compact, date=date))
    from .pptx_out import Options, pptx_bytes

    return pptx_bytes(design, Options(layout=layout, lang=lang, orientation=orientation,
                                      compact=compact, root=root, date=date, legend=legend),
                      aspect=aspect)
