"""The one undo command: a model operation and its inverse (STYLE.md practice 3).

Every user action becomes an `orgdesigner.model.ops.Op` (usually a `Batch`). The command
only ever touches the model; the scene follows the model's events, so undo and redo never
write the view and cannot get out of step with it.
"""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtGui import QUndoCommand

from orgdesigner.model import Design
from orgdesigner.model.ops import Op

#: QUndoCommand.id() of commands that may merge (consecutive edits of one field).
MERGEABLE_ID = 4242


class OpCommand(QUndoCommand):
    """Redo applies `forward` and keeps the inverse; undo applies the inverse likewise.

    The operation has already been applied once when the command is pushed (so a refused
    edit never reaches the stack); the first `redo()` that `QUndoStack.push` calls is skipped.
    """

    def __init__(self, design: Design, forward: Op, backward: Op, text: str,
                 merge_key: Hashable | None = None, texts: dict[str, str] | None = None) -> None:
        super().__init__(text)
        self.texts = texts or {}  # the step's name per language, when the caller knows it
        self._design = design
        self._forward = forward
        self._backward = backward
        self._merge_key = merge_key
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True
            return
        self._backward = self._forward.apply(self._design)

    def undo(self) -> None:
        self._forward = self._backward.apply(self._design)

    def id(self) -> int:
        return MERGEABLE_ID if self._merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing into one field (or spinning a number) is one undo step, not one per key.

        The merged command keeps the oldest inverse, which restores the value before the
        first edit, and the newest forward op.
        """
        if not isinstance(other, OpCommand) or other._merge_key != self._merge_key:
            return False
        self._forward = other._forward
        return True
