"""Change notification without Qt: the design calls its listeners with an `Event`.

The GUI scene subscribes and mirrors the model; nothing in the model knows who listens.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# Event types
UNIT_ADDED = "unit_added"
UNIT_REMOVED = "unit_removed"
UNIT_CHANGED = "unit_changed"
FLOW_ADDED = "flow_added"
FLOW_REMOVED = "flow_removed"
FLOW_CHANGED = "flow_changed"
COMPANY_ADDED = "company_added"
COMPANY_REMOVED = "company_removed"
COMPANY_CHANGED = "company_changed"
PLAN_CHANGED = "plan_changed"
COST_ADDED = "cost_added"
COST_REMOVED = "cost_removed"
COST_CHANGED = "cost_changed"
PROCESS_CHANGED = "process_changed"
METADATA_CHANGED = "metadata_changed"
BUDGET_CHANGED = "budget_changed"


@dataclass(frozen=True)
class Event:
    type: str
    id: str = ""
    fields: tuple[str, ...] = ()
    old: dict[str, Any] = field(default_factory=dict, compare=False)


Listener = Callable[[Event], None]


class Emitter:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        if listener not in self._listeners:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def listening(self) -> bool:
        """Whether anyone listens (a loader building a design skips making the events)."""
        return bool(self._listeners)

    def emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)
