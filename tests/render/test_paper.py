"""PDF exports land on A4/A3 pages (either orientation), fitted and centred; text that
fitting shrinks under 6 pt is reported; the CLI takes --paper."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from orgdesigner import templates
from orgdesigner.render import paper
from orgdesigner.render.export import ExportError, diagram_bytes, export_diagram

pytestmark = pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="needs pdfinfo")


def page_points(path) -> tuple[float, float]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    size = next(line for line in out.splitlines() if line.startswith("Page size"))
    w, _x, h = size.split(":")[1].split()[:3]
    return float(w), float(h)


@pytest.mark.parametrize("name", paper.NAMES)
def test_pdf_is_the_chosen_paper(tmp_path, name):
    out = tmp_path / "d.pdf"
    export_diagram(templates.load("model-1"), out, paper=name)
    w, h = page_points(out)
    pw, ph = paper.page_size(name)
    assert abs(w - pw) <= 1 and abs(h - ph) <= 1
    assert (w > h) == name.endswith("landscape")


def test_a_wide_group_on_a4_warns_about_small_text(tmp_path):
    warnings = export_diagram(templates.load("model-3"), tmp_path / "d.pdf", paper="a4")
    assert warnings and "6 pt" in warnings[0].text("en")
    assert not export_diagram(templates.load("model-1"), tmp_path / "e.pdf", paper="a3")


def test_unknown_paper_is_one_clear_error():
    with pytest.raises(ExportError, match="unknown paper"):
        diagram_bytes(templates.load("model-1"), "pdf", paper="letter")


def test_cli_paper_option(tmp_path):
    src = tmp_path / "m.orgd"
    from orgdesigner.formats import orgd

    orgd.save(templates.load("model-1"), src)
    out = tmp_path / "m.pdf"
    r = subprocess.run([sys.executable, "-m", "orgdesigner", "export", str(src), "-o", str(out),
                        "--paper", "a3-landscape"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    w, h = page_points(out)
    assert (round(w), round(h)) == (1191, 842)
