"""Across rows: ids, parents by id or name, companies, flow ends, and reporting cycles.

The design's own `add_flow` refuses a cycle one line at a time; a sheet with three loops
deserves three clear errors, each listing the whole loop, before anything is built. So the
reporting forest is checked here over the whole sheet (linear in the number of rows).
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field

from ..messages import Field, Label, Message, Seq, msg
from ..model import Company, CompanyKind, FlowKind, Unit
from .table_problems import ERROR, WARNING, TableProblem
from .table_rows import CompanyRow, FlowRow, Parsed, UnitRow

MAX_SUGGESTIONS = 50  # difflib over thousands of names is slow; suggest for the first few


def name_key(name: str) -> str:
    """Names match ignoring case, width and runs of spaces (not punctuation: 'IT-1' ≠ 'IT1')."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


@dataclass
class Plan:
    """Everything needed to build the design, already checked across rows (the problems
    found are added to the `Parsed` sheet they belong to)."""

    companies: list[Company] = field(default_factory=list)
    units: list[tuple[int, Unit]] = field(default_factory=list)  # (row, unit)
    reporting: list[tuple[str, str, str]] = field(default_factory=list)  # parent, child, label
    flows: list[tuple[str, int, str, str, FlowKind, str]] = field(default_factory=list)


class _Index:
    """Look units up by id, then by unique name; say clearly when neither works."""

    def __init__(self, rows: list[UnitRow]):
        self.rows: dict[str, UnitRow] = {}
        for r in rows:
            self.rows.setdefault(r.id, r)
        self._all = rows
        self._names: dict[str, list[UnitRow]] | None = None
        self.suggested = 0

    @property
    def names(self) -> dict[str, list[UnitRow]]:
        """Rows by normalised name, made when a reference first is no id (a sheet whose
        parents are all ids — an exported one — never pays for normalising every name)."""
        if self._names is None:
            self._names = {}
            for r in self._all:
                for n in {name_key(r.name), name_key(r.name_en)} - {""}:
                    self._names.setdefault(n, []).append(r)
        return self._names

    def find(self, ref: str, what: str) -> tuple[str | None, str]:  # what: a Field name
        """(unit id, "") or (None, error message)."""
        if ref in self.rows:
            return ref, ""
        found = self.names.get(name_key(ref), [])
        if len(found) == 1:
            return found[0].id, ""
        if found:
            where = Seq((msg("table.row_id", row=r.row, id=r.id) for r in found[:6]), ", ", "、")
            return None, msg("table.ambiguous_unit", what=Field(what), ref=ref,
                             count=len(found), where=where)
        return None, msg("table.unknown_unit", what=Field(what), ref=ref, hint=self._hint(ref))

    def _hint(self, ref: str) -> str:
        self.suggested += 1
        if self.suggested > MAX_SUGGESTIONS:
            return ""
        choices = list(self.rows) + [r.name or r.name_en for r in self.rows.values()]
        close = difflib.get_close_matches(ref, choices, n=1, cutoff=0.7)
        return msg("hint.did_you_mean", choice=close[0]) if close else ""


def resolve(units: Parsed, flows: Parsed | None, companies: Parsed | None) -> Plan:
    plan = Plan()

    def err(sheet: Parsed, row: int, column: str, message: str, sev: str = ERROR) -> None:
        sheet.problems.append(TableProblem(sheet.sheet, row, sheet.header.letter(column)
                                           if sheet.header else "", message, sev))

    rows: list[UnitRow] = units.rows
    _assign_ids(units, rows, err)
    index = _Index(rows)
    company_of = _companies(units, companies, rows, plan, err)

    up: dict[str, tuple[str, str, Parsed, int, str]] = {}  # child → parent, label, origin
    for r in rows:
        if not r.parent:
            continue
        pid, message = index.find(r.parent, "parent")
        if pid is None:
            err(units, r.row, "parent", message)
        elif pid == r.id:
            err(units, r.row, "parent", msg("table.self_parent", id=r.id))
        else:
            up[r.id] = (pid, "", units, r.row, "parent")

    if flows is not None:
        _flows(flows, index, up, plan, err)
    for cycle in _cycles(list(index.rows), up):
        start = min(range(len(cycle)), key=lambda i: (index.rows[cycle[i]].row, cycle[i]))
        cycle = cycle[start:] + cycle[:start]
        _, _, sheet, row, column = up[cycle[0]]
        names = Seq((msg("table.cycle_step", id=u, row=index.rows[u].row)
                     for u in cycle + [cycle[0]]), " → ")
        err(sheet, row, column, msg("table.cycle", names=names))

    for r in rows:
        plan.units.append((r.row, Unit(
            id=r.id, name=r.name, name_en=r.name_en, kind=r.kind, functions=r.functions,
            headcount=r.headcount, notes=r.notes, company=company_of.get(r.row, ""))))
        if r.id in up:
            parent, label = up[r.id][:2]
            plan.reporting.append((parent, r.id, label))
    return plan


def _assign_ids(units: Parsed, rows: list[UnitRow], err) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, int] = {}
    for r in rows:
        if r.id_given:
            if r.id in seen:
                err(units, r.row, "id", msg("table.duplicate_id", id=r.id, row=seen[r.id]))
            else:
                seen[r.id] = r.row
    has_id_column = units.header is not None and "id" in units.header.columns
    if not has_id_column and rows and units.header is not None:
        err(units, units.header.row, "", msg("table.no_id_column"), WARNING)
    for r in rows:
        if r.id_given:
            continue
        candidate, n = f"u{r.row}", 1
        while candidate in seen:
            n += 1
            candidate = f"u{r.row}-{n}"
        r.id = candidate
        seen[candidate] = r.row
        if has_id_column:
            err(units, r.row, "id", msg("table.id_made_up", id=candidate), WARNING)


def _companies(units: Parsed, companies: Parsed | None, rows: list[UnitRow], plan: Plan,
               err) -> dict[int, str]:  # type: ignore[no-untyped-def]
    """Company id per unit row. Without a companies sheet each distinct name becomes one."""
    by_id: dict[str, str] = {}
    by_name: dict[str, list[str]] = {}
    if companies is not None:
        taken = {c.id for c in companies.rows if c.id}
        n = 0
        for c in companies.rows:
            c_row: CompanyRow = c
            cid = c_row.id
            if not cid:
                n += 1
                while f"c{n}" in taken:
                    n += 1
                cid = f"c{n}"
                taken.add(cid)
            elif cid in by_id:
                err(companies, c_row.row, "id", msg("table.duplicate_company", id=cid))
                continue
            by_id[cid] = cid
            for key in {name_key(c_row.name), name_key(c_row.name_en)} - {""}:
                by_name.setdefault(key, []).append(cid)
            plan.companies.append(Company(cid, c_row.name, c_row.name_en, c_row.kind,
                                          c_row.in_scope, notes=c_row.notes))
    out: dict[int, str] = {}
    created: list[Message] = []
    for r in rows:
        if not r.company:
            continue
        if r.company in by_id:
            out[r.row] = by_id[r.company]
            continue
        found = by_name.get(name_key(r.company), [])
        if len(found) == 1:
            out[r.row] = found[0]
        elif found:
            err(units, r.row, "company", msg("table.ambiguous_company", name=r.company,
                                             ids=Seq(found, ", ", "、")))
        elif companies is not None:
            err(units, r.row, "company", msg("table.unknown_company", name=r.company,
                                             sheet=companies.sheet))
        else:
            cid = f"c{len(plan.companies) + 1}"
            kind = CompanyKind.PARENT if not plan.companies else CompanyKind.SUBSIDIARY
            plan.companies.append(Company(cid, r.company, kind=kind))
            by_name[name_key(r.company)] = [cid]
            created.append(msg("table.created_company", name=r.company,
                               kind=Label(kind, kind.label("en").lower())))
            out[r.row] = cid
    if created:
        err(units, units.header.row if units.header else 0, "company",
            msg("table.companies_created", names=Seq(created[:10], ", ", "、"),
                more=" …" if len(created) > 10 else ""), WARNING)
    return out


def _flows(flows: Parsed, index: _Index, up: dict, plan: Plan, err) -> None:  # type: ignore[no-untyped-def]
    seen: dict[tuple[str, str, FlowKind], int] = {}
    for f in flows.rows:
        fr: FlowRow = f
        ends: list[str | None] = []
        for column, ref in (("from", fr.source), ("to", fr.target)):
            if not ref:
                ends.append(None)
                continue
            uid, message = index.find(ref, "unit")
            if uid is None:
                err(flows, fr.row, column, message)
            ends.append(uid)
        src, dst = ends
        if src is None or dst is None or fr.kind is None:
            continue
        if src == dst:
            err(flows, fr.row, "to", msg("table.flow_same_unit", id=src))
            continue
        key = (src, dst, fr.kind)
        if key in seen:
            err(flows, fr.row, "", msg("table.same_flow", row=seen[key]), WARNING)
            continue
        seen[key] = fr.row
        if fr.kind is FlowKind.REPORTING:
            current = up.get(dst)
            if current is None:
                up[dst] = (src, fr.label, flows, fr.row, "from")
            elif current[0] == src:  # the parent column says the same: keep the label
                up[dst] = (src, fr.label or current[1], *current[2:])
            else:
                err(flows, fr.row, "from", msg("table.second_superior", child=dst,
                                               parent=current[0], sheet=current[2].sheet,
                                               row=current[3]))
            continue
        plan.flows.append((flows.sheet, fr.row, src, dst, fr.kind, fr.label))


def _cycles(ids: list[str], up: dict[str, tuple]) -> list[list[str]]:
    """Every loop in the child → parent map, each listed once from its first unit."""
    done: set[str] = set()
    cycles = []
    for start in ids:
        path: list[str] = []
        on_path: dict[str, int] = {}
        node: str | None = start
        while node is not None and node not in done and node not in on_path:
            on_path[node] = len(path)
            path.append(node)
            node = up[node][0] if node in up else None
        if node is not None and node in on_path:
            cycles.append(path[on_path[node]:])
        done.update(path)
    return cycles
