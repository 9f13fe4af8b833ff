"""Dialogs: modal and one-shot windows and the file operations they front.

Here live the import, export, deck, settings, gallery, help, recovery and print dialogs and
`documents` (open, save, save-as, revert, close confirmations). A dialog receives what it
works on — a controller, a design, a parent widget, or a narrow host object for the few
that open documents — and may import `gui.canvas`, `gui.panels`, `gui.i18n` and the
Qt-free core, but never the shell (import-linter enforces this). A new export format's or
command's dialog goes here; the menu entry that opens it goes into the shell.
"""
