"""`orgdesigner export`: every suffix, the options, and one-line errors that write nothing."""

from __future__ import annotations

import csv
import io
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from orgdesigner.cli import main
from orgdesigner.formats import orgd
from orgdesigner.model import Design, Flow, FlowKind, Unit, UnitKind

NASTY = '<b>"R&D" \\n 研究'
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def design_file(tmp_path: Path) -> Path:
    d = Design()
    d.add_unit(Unit(id="top", name="経営層", kind=UnitKind.MANAGEMENT))
    d.add_unit(Unit(id="rd", name=NASTY))
    d.add_unit(Unit(id="sec", name="情報セキュリティ課"))
    d.add_unit(Unit(id="csirt", name="CSIRT", kind=UnitKind.CSIRT))
    d.add_flow(Flow(id="f1", source="top", target="rd", kind=FlowKind.REPORTING))
    d.add_flow(Flow(id="f2", source="rd", target="sec", kind=FlowKind.REPORTING))
    d.add_flow(Flow(id="f3", source="top", target="csirt", kind=FlowKind.REPORTING))
    path = tmp_path / "d.orgd"
    orgd.save(d, path)
    return path


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def texts(path: Path) -> list[str]:
    return ["".join(t.itertext()) for t in ET.parse(path).getroot().iter(f"{SVG}text")]


def test_svg_with_options(design_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "o.svg"
    code, stdout, _ = run(capsys, "export", str(design_file), "-o", str(out), "--no-legend",
                          "--layout", "dot", "--orientation", "lr")
    assert code == 0 and "wrote" in stdout
    t = texts(out)
    assert NASTY in t and "経営層" in t and "Legend" not in t


def test_root_exports_the_sub_tree(design_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "o.svg"
    assert run(capsys, "export", str(design_file), "-o", str(out), "--root", "rd")[0] == 0
    t = texts(out)
    assert NASTY in t and "情報セキュリティ課" in t and "経営層" not in t and "CSIRT" not in t


@pytest.mark.parametrize("suffix,magic", [(".png", b"\x89PNG"), (".pdf", b"%PDF"),
                                          (".dot", b"//"), (".graphml", b"<?xml")])
def test_each_diagram_format(design_file: Path, tmp_path: Path, capsys, suffix: str,
                             magic: bytes) -> None:
    out = tmp_path / f"o{suffix}"
    code, _, err = run(capsys, "export", str(design_file), "-o", str(out), "--dpi", "96",
                       "--compact", "--lang", "ja")
    assert code == 0, err
    assert out.read_bytes().startswith(magic)
    if suffix == ".graphml":
        g = nx.read_graphml(out, force_multigraph=True)
        assert set(g.nodes) == {"top", "rd", "sec", "csirt"}


def test_table_suffixes_go_to_the_table_export(design_file: Path, tmp_path: Path,
                                               capsys) -> None:
    out = tmp_path / "o.csv"
    code, _, err = run(capsys, "export", str(design_file), "-o", str(out))
    assert code == 0, err
    assert "経営層" in out.read_text(encoding="utf-8-sig")
    code, _, err = run(capsys, "export", str(design_file), "-o", str(out), "--root", "rd")
    assert code == 0, err  # one branch: rd and the units below it
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))[1:]
    assert [r[0] for r in rows] == ["rd", "sec"]


@pytest.mark.parametrize("args,message", [
    (["-o", "OUT.bmp"], "unknown output format"),
    (["-o", "OUT.svg", "--root", "nope"], "no unit with id 'nope'"),
    (["-o", "OUT.png", "--dpi", "0"], "--dpi"),
    (["-o", "NOFOLDER/OUT.svg"], "does not exist"),
])
def test_errors_are_one_line_and_write_nothing(design_file: Path, tmp_path: Path, capsys,
                                               args: list[str], message: str) -> None:
    args = [a.replace("OUT", str(tmp_path / "out")).replace("NOFOLDER", str(tmp_path / "no"))
            for a in args]
    before = set(tmp_path.iterdir())
    code, _, err = run(capsys, "export", str(design_file), *args)
    assert code == 2
    assert message in err and len(err.strip().splitlines()) == 1
    assert set(tmp_path.iterdir()) == before


def test_missing_design_file(tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "export", str(tmp_path / "none.orgd"), "-o",
                       str(tmp_path / "x.svg"))
    assert code == 2 and "none.orgd" in err


def test_pptx_and_drawio(design_file: Path, tmp_path: Path, capsys) -> None:
    from pptx import Presentation

    out = tmp_path / "o.pptx"
    assert run(capsys, "export", str(design_file), "-o", str(out), "--aspect", "4:3",
               "--lang", "ja")[0] == 0
    prs = Presentation(str(out))
    assert prs.slide_width == 9144000
    texts = {sh.text_frame.text.replace("\n", "") for sh in prs.slides[0].shapes
             if sh.name.startswith("unit:")}
    assert NASTY in texts and "経営層" in texts
    out = tmp_path / "o.drawio"
    assert run(capsys, "export", str(design_file), "-o", str(out))[0] == 0
    values = {c.get("value") for c in ET.parse(out).getroot().iter("mxCell")}
    assert NASTY in values


def test_deck_command(design_file: Path, tmp_path: Path, capsys) -> None:
    from pptx import Presentation

    out = tmp_path / "deck.pptx"
    code, stdout, _ = run(capsys, "deck", str(design_file), "-o", str(out), "--lang", "ja")
    assert code == 0 and "書き出しました" in stdout
    titles = [s.shapes.title.text_frame.text for s in Presentation(str(out)).slides
              if s.shapes.title]
    for expected in ("現在の組織", "権限と指摘事項", "検討プロセスの現在地", "年度別の費用（円）",
                     "ご決裁いただきたい事項"):
        assert expected in titles
    code, _, err = run(capsys, "deck", str(design_file), "-o", str(tmp_path / "d.pdf"))
    assert code == 2 and ".pptx" in err
    code, _, err = run(capsys, "deck", str(design_file), "-o", str(out), "--template",
                       str(tmp_path / "missing.pptx"))
    assert code == 2 and "missing.pptx" in err
    code, _, err = run(capsys, "deck", str(design_file), "-o", str(out), "--years", "0",
                       "--lang", "ja")
    assert code == 2 and "--years は 1～20" in err
