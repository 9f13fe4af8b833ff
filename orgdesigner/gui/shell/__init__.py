"""The shell: the application and its main window, which wire everything else together.

Here live the app start-up, `MainWindow`, its menus, actions, docks, context menus, the
editing commands (cut, copy, paste, delete, arrange), the clipboard, autosave, the welcome
page, accessibility names and `file_commands` (the File menu's workflows). The shell is
the top layer: it may import every other `gui` sub-package, and nothing below it may import
the shell (import-linter enforces this). New features keep their logic in canvas, panels or
dialogs; the shell only gets the few lines that create, connect and place them.
"""
