"""Exceptions raised when an edit would break the design's invariants.

Every message names the offending object so the GUI can show it as-is in a status bar
and the CLI can print it as one line.
"""

from __future__ import annotations


class ModelError(ValueError):
    """An edit or a value that the design refuses."""


class DuplicateIdError(ModelError):
    pass


class UnknownReferenceError(ModelError):
    pass


class ReportingCycleError(ModelError):
    """A reporting line that would close a loop; `cycle` lists the unit ids in order."""

    def __init__(self, message: str, cycle: list[str]):
        super().__init__(message)
        self.cycle = cycle


class SecondSuperiorError(ModelError):
    pass


class InvalidValueError(ModelError):
    pass
