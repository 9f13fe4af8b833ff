"""The desktop app (PySide6), in layers: `shell` on top of `dialogs` and `panels`, on top of
`canvas`, on top of `i18n`.

Qt is imported only in this package; everything it edits lives in `orgdesigner.model`.
Each sub-package's docstring says what lives there, what it may import and where a new
feature's code goes; `lint-imports` (run by `make test`) enforces the layers.
"""
