"""The .pptx opened by another program: LibreOffice Impress converts every slide to PDF, and
the Japanese labels come out as text (not missing glyphs)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from orgdesigner import synthetic, templates
from orgdesigner.render.deck import DeckOptions, deck_bytes
from orgdesigner.render.pptx_out import Options, pptx_bytes


def _impress() -> bool:
    """soffice with Impress (a machine may have only Calc, for the workbook tests)."""
    exe = shutil.which("soffice")
    if exe is None:
        return False
    program = Path(exe).resolve().parent
    return any((p / "libsdlo.so").exists() or (p / "simpress").exists()
               for p in (program, Path("/usr/lib/libreoffice/program")))


pytestmark = pytest.mark.skipif(not _impress() or shutil.which("pdfinfo") is None,
                                reason="LibreOffice Impress or poppler-utils not installed")


def to_pdf(pptx: Path, tmp: Path) -> Path:
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/lo",
                    "--convert-to", "pdf", "--outdir", str(tmp), str(pptx)],
                   check=True, capture_output=True, timeout=240)
    return tmp / (pptx.stem + ".pdf")


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(next(line.split()[-1] for line in info.stdout.splitlines()
                    if line.startswith("Pages:")))


def test_split_diagram_and_deck_convert_slide_for_slide(tmp_path: Path) -> None:
    big = tmp_path / "big.pptx"
    big.write_bytes(pptx_bytes(synthetic.generate(120, seed=2), Options(lang="ja")))
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(deck_bytes(templates.load("model-2"), DeckOptions(lang="ja")))
    for path in (big, deck):
        assert pages(to_pdf(path, tmp_path)) == len(Presentation(str(path)).slides)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(tmp_path / "deck.pdf"), "-"],
                              capture_output=True, text=True, check=True).stdout
        for word in ("現在の組織", "経営層", "年度別の費用"):
            assert word in text.replace(" ", "")
