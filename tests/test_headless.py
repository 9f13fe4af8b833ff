"""The non-Qt packages import and work with PySide6 unavailable (STYLE.md: pure model)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import importlib, pkgutil, sys

    class Block:
        def find_spec(self, name, path=None, target=None):
            if name == "PySide6" or name.startswith("PySide6.") or name.startswith("shiboken6"):
                raise ImportError(f"blocked for this test: {name}")
            return None

    sys.meta_path.insert(0, Block())
    import orgdesigner
    loaded = []
    for info in pkgutil.walk_packages(orgdesigner.__path__, "orgdesigner."):
        if info.name.startswith("orgdesigner.gui"):
            continue
        importlib.import_module(info.name)
        loaded.append(info.name)
    from orgdesigner import templates
    from orgdesigner.formats import orgd
    d = templates.load("model-1")
    assert orgd.dumps(orgd.loads(orgd.dumps(d))) == orgd.dumps(d)
    assert not any(m.startswith("PySide6") for m in sys.modules)
    print(len(loaded), "modules")
""")


def test_non_qt_packages_work_without_pyside6():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert int(out.stdout.split()[0]) >= 10
