"""Timing helpers shared by the benchmarks: medians (the machines are noisy) and Graphviz
dot on exactly the reporting tree the tidy layout lays out."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_time(fn: Callable[[], object], repeat: int) -> float:
    """Median wall time of `repeat` calls, in seconds."""
    return median_wall_cpu(fn, repeat)[0]


def median_wall_cpu(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(wall, CPU) medians. CPU time is what to compare when other jobs share the machine."""
    wall, cpu = [], []
    for _ in range(max(1, repeat)):
        start, start_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


def dot_seconds(design) -> float:  # type: ignore[no-untyped-def]
    """One run of Graphviz dot on the design's reporting forest, with the tidy layout's box
    sizes, no clusters and no overlay flows (dot's easiest case)."""
    from orgdesigner.render.dot_layout import tree_graph
    from orgdesigner.render.style import box_size

    ids = list(design.units)
    sizes = {u: box_size(design.units[u]) for u in ids}
    g = tree_graph(design, ids, sizes, overlays=False, clusters=False)
    start = time.perf_counter()
    g.layout(prog="dot")
    return time.perf_counter() - start


def installed_bytecode() -> None:
    """Compile the package's modules into `__pycache__`, as installing it does (pip compiles
    a wheel's modules; a source checkout writes them on its first start). Without this, a
    machine with PYTHONDONTWRITEBYTECODE set (this one) recompiles every module in every
    fresh process the benchmarks start — 0.3 s of "start-up" no user waits for."""
    import compileall
    from pathlib import Path

    import orgdesigner

    compileall.compile_dir(str(Path(orgdesigner.__file__).parent), quiet=1)


def host_speed() -> float:
    """Seconds a fixed pure-Python loop takes now (about 0.17 s on the development machine
    at its usual speed). This shared host's speed drifts by half over minutes; printed beside
    a figure, it tells a slow period of the host from a slower program."""
    start = time.perf_counter()
    sum(i * i for i in range(3_000_000))
    return time.perf_counter() - start


def fresh_app_env() -> dict[str, str]:
    """The environment for an app process measured as a new user's: offscreen, its own
    empty settings, data and cache folders (and the package's bytecode compiled)."""
    import os
    import tempfile

    installed_bytecode()
    home = tempfile.mkdtemp(prefix="orgd-bench-home-")
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=home,
                XDG_CONFIG_HOME=os.path.join(home, ".config"),
                XDG_DATA_HOME=os.path.join(home, ".local", "share"),
                XDG_CACHE_HOME=os.path.join(home, ".cache"))


def main_window():  # type: ignore[no-untyped-def]
    """The app as `orgdesigner` starts it (settings, translations, the main window fitted
    to the screen and shown), in a benchmark's child process: (app, window, settings)."""
    from orgdesigner.gui.i18n.language import install_translators
    from orgdesigner.gui.shell.app import fit_to_screen, make_app
    from orgdesigner.gui.shell.main_window import MainWindow
    from orgdesigner.settings import load_settings

    app = make_app([])
    settings = load_settings()
    install_translators(settings.language)
    window = MainWindow(settings.language)
    fit_to_screen(window)
    window.show()
    return app, window, settings
