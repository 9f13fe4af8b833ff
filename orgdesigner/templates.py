"""The shipped templates (DESIGN.md §3): `resources/templates/*.orgd`, in a fixed order."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .formats import orgd
from .model import Design
from .paths import resource

ORDER = (
    "model-1", "model-2", "model-3", "model-4", "strong-authority", "consensual",
    "cert-centralized", "cert-distributed", "cert-combined", "cert-coordinating",
)


class UnknownTemplateError(KeyError):
    def __str__(self) -> str:
        return f"no template {self.args[0]!r}; known templates: {', '.join(ids())}"


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    name: str
    name_en: str
    description: str
    description_en: str
    source: str

    def display_name(self, lang: str = "en") -> str:
        return self.name_en if lang == "en" and self.name_en else self.name

    def display_description(self, lang: str = "en") -> str:
        return self.description_en if lang == "en" and self.description_en else self.description


def ids() -> list[str]:
    folder = resource("templates")
    present = {p.name[:-5] for p in folder.iterdir() if p.name.endswith(".orgd")}
    return [t for t in ORDER if t in present] + sorted(present - set(ORDER))


def load(template_id: str) -> Design:
    node = resource("templates", f"{template_id}.orgd")
    if not node.is_file():
        raise UnknownTemplateError(template_id)
    return orgd.loads(node.read_bytes(), f"template {template_id}")


# The templates name the talk and the file of its transcript in the development tree; users
# have the talk, not that file, so a citation shown to them names the talk and the slide.
_DEV_PATH = re.compile(r"\s*;\s*shared/reference/\S+\s*(?:—\s*)?")


def cite(source: str) -> str:
    """A template's source as users can follow it: the talk and slide, no repository path."""
    return _DEV_PATH.sub(", ", source).strip()


@functools.lru_cache(maxsize=64)
def info(template_id: str) -> TemplateInfo:
    """Name, description and source of a template. Cached: the gallery asks on every
    selection change, and reading the whole design for its metadata each time is waste."""
    m = load(template_id).metadata
    return TemplateInfo(template_id, m.title, m.title_en, m.description, m.description_en,
                        cite(m.source))


def all_info() -> list[TemplateInfo]:
    return [info(t) for t in ids()]
