"""The canvas: one open document and the surface it is drawn and edited on.

Here live the `DocumentController` (design, undo stack, path) and its undo commands, the
scene and its items (units, companies, flows and their layers), the view, the mouse and
keyboard interactions, branch folding, the minimap, the legend, auto-arrange, the overlay
filter, navigation and connect hints. The canvas may import the Qt-free core (`model`,
`formats`, `render`, `analysis`, `budget`, `presets`, `settings`) and `gui.i18n`, but no
panel, dialog or shell module (import-linter enforces this): what it needs from the window
it receives as a narrow object (see `host.DocumentHost`). New drawing, routing, selection
or direct-manipulation features go here; anything that adds a menu, a dock or a dialog
belongs to the shell, which wires the canvas up.
"""
