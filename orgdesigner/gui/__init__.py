"""The desktop app (PySide6): main window, document controller, canvas, palette, inspector.

Qt is imported only in this package; everything it edits lives in `orgdesigner.model`.
"""
