"""Language: installing translators, switching language live and re-translating what is shown.

Here live `language` (translators, the Qt catalogue compile, the current language),
`switch` (changing language while running), `retranslate` (re-translating a widget tree
from the .ts catalogue), `lang` (the saved UI language) and `undo_text` (re-naming undo
steps in the new language); they import one another without circles. It is the lowest GUI
layer: it imports only Qt, the Qt-free core and, lazily, the canvas's undo command type.
Everything else in `gui` may import it. User-visible strings themselves stay next to the
code that shows them (`self.tr`, `_tr`); only language machinery goes here.
"""
