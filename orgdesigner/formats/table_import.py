"""Import an organisation from an HR spreadsheet (.xlsx or .csv) — DESIGN.md §8.

One unit per row under a header row (`id, name, parent, kind, functions, headcount, company`,
or the Japanese `部署ID, 部署名, 上位部署, 種別, 機能, 人数, 会社`; see `table_aliases` for
every accepted spelling). `parent` is the superior's id or its unique name. Optional:
`name_en`/`英語名` and `notes`/`備考` columns, a `flows` sheet (`from, to, kind, label`) and a
`companies` sheet. For a CSV, the flows and companies come from `NAME.flows.csv` and
`NAME.companies.csv` beside it when present (or from `flows_path`).

The import is all-or-nothing: every problem of every sheet is collected with its sheet, row
and column, and if any is an error `TableImportError` is raised and no design exists. Defaults
that were applied (an empty kind read as department, a made-up id) come back as warnings.
The design is laid out with the reporting-tree layout, ready to open.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import gc_pause
from ..messages import Field, Seq, message_of, msg
from ..model import Design, Flow, FlowKind, ModelError, Unit
from ..model.bulk import add_flows, add_units, place_units
from .table_problems import ERROR, INFO, WARNING, TableImportError, TableProblem
from .table_read import RawSheet, read_csv, read_xlsx, table_kind
from .table_resolve import resolve
from .table_rows import (
    FLOW_HEADER_WORDS,
    CompanyRow,
    FlowRow,
    Parsed,
    UnitRow,
    parse_companies,
    parse_flows,
    parse_units,
    text,
)

__all__ = ["ImportResult", "TableImportError", "TableProblem", "UnitRow", "FlowRow",
           "CompanyRow", "read_table", "ERROR", "WARNING", "INFO"]


@dataclass
class ImportResult:
    design: Design
    warnings: list[TableProblem] = field(default_factory=list)
    rows: list[UnitRow] = field(default_factory=list)  # the units as read, for a preview
    sources: list[str] = field(default_factory=list)  # sheets read, e.g. "units.csv"


def read_table(path: str | os.PathLike, *, flows_path: str | os.PathLike | None = None,
               sheet: str | None = None, encoding: str | None = None,
               companies_path: str | os.PathLike | None = None,
               layout: bool = True) -> ImportResult:
    """Read a units sheet (and its flows and companies) into a new, laid-out Design.

    `sheet` names the units sheet of a workbook; `encoding` forces a CSV encoding instead
    of detecting it. Raises `TableImportError` listing every problem when any is an error.
    """
    with gc_pause.paused():  # (50,000 rows: a third of the time went to its passes)
        return _read_table(Path(path), flows_path, sheet, encoding, companies_path, layout)


def _read_table(path: Path, flows_path: str | os.PathLike | None, sheet: str | None,
                encoding: str | None, companies_path: str | os.PathLike | None,
                layout: bool) -> ImportResult:
    notes: list[TableProblem] = []
    units_raw, flows_raw, companies_raw = _sheets(path, sheet, encoding, notes)
    if flows_path is not None:
        flows_raw = _side_sheet(Path(flows_path), encoding, "flows", notes)
    if companies_path is not None:
        companies_raw = _side_sheet(Path(companies_path), encoding, "companies", notes)
    for raw in (units_raw, flows_raw, companies_raw):
        if raw is not None:
            notes.extend(raw.notes)

    units = parse_units(units_raw)
    if units.header is not None and not any(n > units.header.row for n, _ in units_raw.rows):
        # a header and nothing under it: an empty design is no import
        notes.append(TableProblem(units.sheet, units.header.row, "", msg("table.no_units")))
    flows = parse_flows(flows_raw) if flows_raw is not None else None
    companies = parse_companies(companies_raw) if companies_raw is not None else None
    sheets = [p for p in (units, flows, companies) if p is not None]
    _merge_warnings(units_raw, units)
    plan = None if _fatal(sheets) else resolve(units, flows, companies)
    problems = notes + sorted((p for s in sheets for p in s.problems),
                              key=lambda p: (p.sort_key()))
    if plan is None or any(p.fatal for p in problems):
        raise TableImportError(problems, units.rows, units.sheet)

    design = Design()
    built: list[TableProblem] = []

    def attempt(sheet_name: str, row: int, fn) -> None:  # type: ignore[no-untyped-def]
        try:
            fn()
        except ModelError as exc:  # the model's own checks, should the sheet slip past ours
            built.append(TableProblem(sheet_name, row, "", message_of(exc)))

    for company in plan.companies:
        attempt(units.sheet, 0, lambda c=company: design.add_company(c))
    if not add_units(design, [_unit_data(u) for _, u in plan.units]):
        for row, unit in plan.units:  # one by one: each refusal said at its row
            attempt(units.sheet, row, lambda u=unit: design.add_unit(u))
    rows_by_id = {u.id: row for row, u in plan.units}
    # ids drawn before adding, so the bulk and the one-by-one road give the same ids
    reporting = [(fid, *link) for fid, link in zip(
        design.new_ids("f", len(plan.reporting)), plan.reporting, strict=True)]
    if not add_flows(design, [_flow_data(fid, p, c, FlowKind.REPORTING, lb)
                              for fid, p, c, lb in reporting]):
        for fid, parent, child, label in reporting:
            attempt(units.sheet, rows_by_id.get(child, 0), lambda f=fid, p=parent, c=child,
                    lb=label: design.add_flow(Flow(f, p, c, FlowKind.REPORTING, lb),
                                              check_cycle=False))  # resolve() refused cycles
    cycle = design.reporting_cycle()  # (and once more, linearly, to be sure)
    if cycle is not None:
        built.append(TableProblem(units.sheet, 0, "", message_of(cycle)))
    others = [(fid, *flow) for fid, flow in zip(
        design.new_ids("f", len(plan.flows)), plan.flows, strict=True)]
    # a reporting line here is checked for a cycle as it is added, to name its row
    if any(f[5] is FlowKind.REPORTING for f in others) or not add_flows(
            design, [_flow_data(fid, s, d, k, lb) for fid, _, _, s, d, k, lb in others]):
        for fid, sheet_name, row, src, dst, kind, label in others:
            attempt(sheet_name, row, lambda f=fid, s=src, d=dst, k=kind, lb=label:
                    design.add_flow(Flow(f, s, d, k, lb)))
    if built:
        raise TableImportError(problems + built, units.rows, units.sheet)
    if layout:
        _lay_out(design)
    return ImportResult(design, problems, units.rows,
                        [s.sheet for s in sheets])


def _unit_data(u: Unit) -> dict[str, Any]:
    """A unit as plain data, for `model.bulk.add_units` (a sheet's units have no plan)."""
    return {"id": u.id, "name": u.name, "name_en": u.name_en, "kind": u.kind.value,
            "functions": [f.value for f in u.functions], "headcount": u.headcount,
            "notes": u.notes, "company": u.company, "x": u.x, "y": u.y}


def _flow_data(fid: str, source: str, target: str, kind: FlowKind, label: str
               ) -> dict[str, Any]:
    return {"id": fid, "source": source, "target": target, "kind": kind.value, "label": label}


def _fatal(sheets: list[Parsed]) -> bool:
    """A sheet whose header is missing or wrong cannot be resolved meaningfully."""
    for s in sheets:
        if s.header is None:
            return True
        if any(p.fatal and p.row == s.header.row for p in s.problems):
            return True
    return False


def _lay_out(design: Design) -> None:
    """The tidy arrangement of the new design: units placed in one go (a design being built
    keeps no undo), company frames through the usual operations (a handful)."""
    from ..model import ops
    from ..render.layout import compute_layout, frame_ops, layout_ops

    lay = compute_layout(design)
    if place_units(design, lay.positions):
        ops.Batch(frame_ops(design, lay), "Auto layout").apply(design)
    else:  # refused: the operations move them one by one (and say why)
        layout_ops(design, lay=lay).apply(design)


def _sheets(path: Path, sheet: str | None, encoding: str | None, notes: list[TableProblem]
            ) -> tuple[RawSheet, RawSheet | None, RawSheet | None]:
    """The units sheet, and the flows and companies sheets that go with it, if any."""
    if table_kind(path) == "csv":
        if sheet:
            notes.append(TableProblem(path.name, 0, "", msg("table.csv_sheet_ignored",
                                                            sheet=sheet), WARNING))
        units = read_csv(path, encoding)
        side = {}
        for role in ("flows", "companies"):
            sibling = path.with_name(f"{path.stem}.{role}{path.suffix or '.csv'}")
            if sibling.is_file():
                side[role] = read_csv(sibling, encoding)
                notes.append(TableProblem(sibling.name, 0, "", msg(
                    "table.side_read", role=Field(role), name=sibling.name), INFO))
        return units, side.get("flows"), side.get("companies")
    workbook = read_xlsx(path)
    if encoding:
        notes.append(TableProblem(path.name, 0, "", msg("table.encoding_ignored"), WARNING))
    return _pick(workbook, sheet, path.name)


def _pick(workbook: list[RawSheet], sheet: str | None, where: str
          ) -> tuple[RawSheet, RawSheet | None, RawSheet | None]:
    if not workbook:
        raise TableImportError([TableProblem(where, 0, "", msg("table.no_sheets"))])
    flows = next((s for s in workbook if s.role == "flows"), None)
    companies = next((s for s in workbook if s.role == "companies"), None)
    if sheet is not None:
        units = next((s for s in workbook if s.name == sheet), None) or next(
            (s for s in workbook if s.name.strip().casefold() == sheet.strip().casefold()), None)
        if units is None:
            names = Seq((msg("quote.name", value=s.name) for s in workbook), ", ", "、")
            raise TableImportError([TableProblem(where, 0, "", msg(
                "table.no_such_sheet", sheet=sheet, names=names))])
    else:
        units = next((s for s in workbook if s.role == "units"), None) or next(
            (s for s in workbook if s.role is None and not _looks_like_flows(s)), workbook[0])
    if flows is None:
        flows = next((s for s in workbook if s is not units and s is not companies
                      and _looks_like_flows(s)), None)
    return units, (flows if flows is not units else None), (
        companies if companies is not units else None)


def _looks_like_flows(sheet: RawSheet) -> bool:
    for _, cells in sheet.rows[:5]:
        known = {FLOW_HEADER_WORDS.get(text(c)) for c in cells}
        if {"from", "to"} <= known:
            return True
    return False


def _side_sheet(path: Path, encoding: str | None, role: str, notes: list[TableProblem]
                ) -> RawSheet:
    if table_kind(path) == "csv":
        return read_csv(path, encoding)
    workbook = read_xlsx(path)
    found = next((s for s in workbook if s.role == role), None)
    if found is None and role == "flows":
        found = next((s for s in workbook if _looks_like_flows(s)), None)
    return found or workbook[0]


def _merge_warnings(raw: RawSheet, units: Parsed) -> None:
    """Say where merged cells were spread over several rows, so the user can check it."""
    if units.header is None:
        return
    used = set(units.header.columns.values())
    for ref, r1, c1, r2, _c2 in raw.merges:
        if r2 > r1 and r1 > units.header.row and c1 - 1 in used:
            col = next(k for k, v in units.header.columns.items() if v == c1 - 1)
            units.add(r1, units.header.letter(col), msg("table.merged", ref=ref, first=r1,
                                                        last=r2), WARNING)


def name_after_sheet(design: Design, sheet_path: str | os.PathLike) -> None:
    """An imported organisation without a title is named after its sheet ("人事部署一覧.xlsx"
    → "人事部署一覧"), so title blocks and the window say what it is."""
    if not (design.metadata.title or design.metadata.title_en):
        design.update_metadata(title=Path(sheet_path).stem)
