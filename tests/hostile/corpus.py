"""A hostile corpus, generated on demand (no large committed files): designs and sheets that
an attacker or a corrupt disk produces, each small on disk but meant to blow up time, memory
or error handling. `orgd_cases(folder, scale)` and `table_cases(folder, scale)` write them
and return {name: path}; `scale` shrinks the big shapes for the test suite (the benchmark
uses 1.0: a 50,000-deep chain, 50,000 companies, …).
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _base(**extra: Any) -> dict[str, Any]:
    data: dict[str, Any] = {"format": "orgdesigner", "version": 1,
                            "metadata": {"title": "hostile"}, "companies": [], "units": [],
                            "flows": [], "costs": []}
    data.update(extra)
    return data


def _csirt(members: int = 1, **plan: Any) -> dict[str, Any]:
    return {"id": "cs", "name": "CSIRT", "kind": "csirt", "plan": {
        "members": [{"name": f"m{i}", "role": "analyst", "fte": 0.5, "home_unit": "cs"}
                    for i in range(members)], **plan}}


def chain(n: int) -> dict[str, Any]:
    """One reporting chain n units deep, listed top-down (each flow under the last)."""
    units = [{"id": f"u{i}", "name": f"U{i}", "kind": "department"} for i in range(n)]
    units.append(_csirt())
    flows = [{"id": f"f{i}", "source": f"u{i - 1}", "target": f"u{i}", "kind": "reporting"}
             for i in range(1, n)]
    flows.append({"id": "fc", "source": f"u{n - 1}", "target": "cs", "kind": "reporting"})
    return _base(units=units, flows=flows)


def companies(n: int) -> dict[str, Any]:
    comps = [{"id": f"c{i}", "name": f"C{i}"} for i in range(n)]
    units = [{"id": f"u{i}", "name": f"U{i}", "kind": "department", "company": f"c{i}"}
             for i in range(n)]
    units.append(_csirt())
    return _base(companies=comps, units=units)


def wide(n: int) -> dict[str, Any]:
    units = [{"id": "top", "name": "Top", "kind": "management"}]
    units += [{"id": f"u{i}", "name": f"U{i}", "kind": "section"} for i in range(n)]
    units.append(_csirt(members=3))
    flows = [{"id": f"f{i}", "source": "top", "target": f"u{i}", "kind": "reporting"}
             for i in range(n)]
    flows.append({"id": "fc", "source": "top", "target": "cs", "kind": "reporting"})
    return _base(units=units, flows=flows)


def many_flows(n: int) -> dict[str, Any]:
    k = 200
    units = [{"id": f"u{i}", "name": f"U{i}", "kind": "department"} for i in range(k)]
    units.append(_csirt())
    flows = [{"id": f"f{i}", "source": f"u{i % k}", "target": f"u{(i * 7 + 1) % k}"
              if (i * 7 + 1) % k != i % k else "cs", "kind": "support"} for i in range(n)]
    return _base(units=units, flows=flows)


def many_members(n: int) -> dict[str, Any]:
    return _base(units=[_csirt(members=n)])


def many_costs(n: int) -> dict[str, Any]:
    costs = [{"id": f"k{i}", "name": f"item {i}", "amounts": ["1000"] * 5, "recurring": True}
             for i in range(n)]
    return _base(units=[_csirt()], costs=costs)


def _cost(amount: Any) -> dict[str, Any]:
    return _base(units=[_csirt()], costs=[{"id": "k", "name": "k", "amounts": [amount]}])


def _json_cases(scale: float) -> dict[str, Callable[[], Any]]:
    big = max(2000, int(50_000 * scale))
    mega = "x" * 2_000_000
    return {
        "chain": lambda: chain(big),
        "companies": lambda: companies(big),
        "wide": lambda: wide(big),
        "flows": lambda: many_flows(4 * big if scale >= 0.1 else big),
        "members": lambda: many_members(2 * big),
        "costs": lambda: many_costs(big),
        "first_year_9999": lambda: _base(units=[_csirt()],
                                         budget={"first_year": 9999, "years": 20}),
        "bonus_huge": lambda: _base(units=[_csirt()], budget={"bonus_months": "1e999999"}),
        "rate_huge": lambda: _base(units=[_csirt()], budget={"role_rates": {
            "analyst": 10 ** 200}}),
        "amount_exp": lambda: _cost("1e999999"),
        "amount_digits": lambda: _cost("9" * 100_000),
        "amount_tiny": lambda: _cost("1e-999999"),
        "fx_zero": lambda: _base(units=[_csirt()], budget={"fx_rates": {"USD": "0"}}),
        "fx_huge": lambda: _base(units=[_csirt()], costs=[{"id": "k", "name": "k",
                                 "amounts": ["5"], "currency": "USD"}],
                                 budget={"fx_rates": {"USD": "1e300"}}),
        "long_kind": lambda: _base(units=[{"id": "a", "name": "a", "kind": mega}]),
        "long_headcount": lambda: _base(units=[{"id": "a", "name": "a", "kind": "section",
                                                "headcount": mega}]),
        "long_function": lambda: _base(units=[{"id": "a", "name": "a", "kind": "section",
                                               "functions": [mega]}]),
        "long_id": lambda: _base(units=[{"id": mega, "name": "a", "kind": "section"}]),
        "long_key": lambda: _base(metadata={mega: 1}),
        "start_year_huge": lambda: _base(units=[{"id": "cs", "name": "CSIRT", "kind": "csirt",
                                                 "plan": {"members": [{"name": "a",
                                                          "start_year": 10 ** 30}]}}]),
    }


def _raw_cases(scale: float) -> dict[str, bytes]:
    depth = 100_000
    return {
        "surrogate": json.dumps(_base(units=[{"id": "a", "name": "\ud800x",
                                              "kind": "section"}])).encode(),
        "duplicate_keys": b'{"format": "orgdesigner", "version": 1, "units": [], '
                          b'"units": [{"id": "a", "name": "a", "kind": "section"}]}',
        "nested": b'{"format": "orgdesigner", "version": 1, "metadata": '
                  + b"[" * depth + b"]" * depth + b"}",
        "big_int": b'{"format": "orgdesigner", "version": 1, "units": [{"id": "a", '
                   b'"name": "a", "kind": "section", "headcount": ' + b"9" * 100_000 + b"}]}",
        "big_version": b'{"format": "orgdesigner", "version": ' + b"9" * 5000 + b"}",
        "not_utf8": b'{"format": "orgdesigner", "version": 1, "metadata": {"title": "\xff"}}',
    }


def orgd_cases(folder: Path, scale: float = 1.0) -> dict[str, Path]:
    """Every hostile .orgd (and non-file) of the corpus, written into `folder`."""
    out: dict[str, Path] = {}
    for name, make in _json_cases(scale).items():
        p = folder / f"{name}.orgd"
        p.write_text(json.dumps(make(), ensure_ascii=False), encoding="utf-8")
        out[name] = p
    for name, raw in _raw_cases(scale).items():
        p = folder / f"{name}.orgd"
        p.write_bytes(raw)
        out[name] = p
    zero = folder / "dev_zero.orgd"
    zero.symlink_to("/dev/zero")
    out["dev_zero"] = zero
    fifo = folder / "fifo.orgd"
    os.mkfifo(fifo)
    out["fifo"] = fifo
    return out


# ---- sheets ----------------------------------------------------------------------------

def _xlsx(sheet_xml: bytes, shared: bytes | None = None) -> bytes:
    buf = io.BytesIO()
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rns = b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", b'<?xml version="1.0"?><Types xmlns="http://schemas'
                   b'.openxmlformats.org/package/2006/content-types"><Default Extension="xml" '
                   b'ContentType="application/xml"/></Types>')
        z.writestr("_rels/.rels", b'<?xml version="1.0"?><Relationships xmlns="http://schemas.'
                   b'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" '
                   b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
                   b'officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", b'<?xml version="1.0"?><workbook ' + ns + b" " + rns
                   + b'><sheets><sheet name="units" sheetId="1" r:id="rId1"/></sheets>'
                   b"</workbook>")
        rels = (b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>')
        if shared is not None:
            rels += (b'<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/'
                     b'officeDocument/2006/relationships/sharedStrings" '
                     b'Target="sharedStrings.xml"/>')
            z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/_rels/workbook.xml.rels", b'<?xml version="1.0"?><Relationships xmlns="'
                   b'http://schemas.openxmlformats.org/package/2006/relationships">' + rels
                   + b"</Relationships>")
        z.writestr("xl/worksheets/sheet1.xml", sheet_xml)
    return buf.getvalue()


def _sheet(rows: bytes, merges: bytes = b"") -> bytes:
    return (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main"><sheetData>' + rows + b"</sheetData>" + merges
            + b"</worksheet>")


_HEAD = (b'<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr">'
         b'<is><t>name</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is>'
         b'</c><c r="B2" t="inlineStr"><is><t>A</t></is></c></row>')


def table_cases(folder: Path, scale: float = 1.0) -> dict[str, Path]:
    """Every hostile sheet of the corpus, written into `folder`."""
    deep = max(2000, int(99_000 * scale))
    out: dict[str, bytes] = {
        "header_only.csv": b"id,name,parent\n",
        "wide_header.csv": ",".join(f"c{i}" for i in range(1_000_000)).encode() + b"\n",
        "deep_parents.csv": b"id,name,parent\n" + b"".join(
            f"u{i},U{i},{'u' + str(i - 1) if i else ''}\n".encode() for i in range(deep)),
        "mixed_encoding.csv": "id,name\na,本社\n".encode()
                              + "b,営業部\n".encode("cp932"),
        "long_cell.csv": b"id,name\na," + b"x" * 20_000_000 + b"\n",
        "merge_xfc.xlsx": _xlsx(_sheet(
            _HEAD.replace(b'</row><row r="2">', b'<c r="XFC1" t="inlineStr"><is><t>v</t>'
                          b'</is></c></row><row r="2">'),
            b'<mergeCells count="1"><mergeCell ref="XFC1:XFC100000"/></mergeCells>')),
        "merge_many.xlsx": _xlsx(_sheet(_HEAD, b'<mergeCells count="5000">'
                                 + b'<mergeCell ref="B2:B100000"/>' * 5000 + b"</mergeCells>")),
        "shared_bomb.xlsx": _xlsx(_sheet(_HEAD), b'<?xml version="1.0"?><sst xmlns="http://'
                                  b'schemas.openxmlformats.org/spreadsheetml/2006/main">'
                                  + b"<si><t>" + b"y" * 100_000_000 + b"</t></si>" + b"</sst>"),
        "inline_huge.xlsx": _xlsx(_sheet(_HEAD.replace(b"<t>A</t>", b"<t>" + b"z" * 100_000_000
                                                       + b"</t>"))),
    }
    paths = {}
    for name, raw in out.items():
        p = folder / name
        p.write_bytes(raw)
        paths[name] = p
    return paths
