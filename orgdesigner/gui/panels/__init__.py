"""Panels: the docked side views that follow the current document.

Here live the findings panel, the budget panel and its input tables, the inspector and its
pages, the palette, and the scenario switcher and compare view. A panel receives the
current `DocumentController` (usually via a `set_controller` slot the shell connects to the
"current document changed" signal) and may import `gui.canvas`, `gui.i18n`, `gui.dialogs`
for a file chooser, and the Qt-free core; it never imports the shell (import-linter enforces
this). A new dock or side view goes here as its own module; the shell's `docks.py` installs
it in the window.
"""
