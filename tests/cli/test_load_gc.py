"""A large design loaded by a command is frozen out of the cyclic garbage collector's walks
(it lives as long as the command); a small one is left alone."""

from __future__ import annotations

import gc
from pathlib import Path

from orgdesigner.cli.common import GC_FREEZE_UNITS, load_design
from orgdesigner.formats import orgd
from orgdesigner.synthetic import generate


def test_large_designs_are_frozen_small_ones_not(tmp_path: Path) -> None:
    small, large = tmp_path / "small.orgd", tmp_path / "large.orgd"
    orgd.save(generate(50), small)
    orgd.save(generate(GC_FREEZE_UNITS), large)
    gc.unfreeze()
    try:
        assert len(load_design(str(small)).units) < GC_FREEZE_UNITS
        assert gc.get_freeze_count() == 0
        design = load_design(str(large))
        assert len(design.units) >= GC_FREEZE_UNITS
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
