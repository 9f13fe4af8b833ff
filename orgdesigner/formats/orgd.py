"""The native `.orgd` file: JSON, UTF-8, `{"format": "orgdesigner", "version": N, ...}`.

Loading is two-phase (STYLE.md §7): parse to plain data and migrate it to the current
version, then build the model, collecting every problem with its JSON path
(`units[3].kind: 'departmnt' is not a unit kind; did you mean 'department'?`).
Saving is deterministic, so save → load → save is byte-identical, and atomic.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter
from typing import Any

from ..gc_pause import paused
from ..messages import Field, message_of, msg, text_of
from ..model import (
    Company,
    CostItem,
    CsirtPlan,
    Design,
    Flow,
    Member,
    ModelError,
    Unit,
    bulk,
)
from ..model.process import STEP_KEYS
from . import json_text, orgd_scenarios
from .atomic import atomic_write
from .safe_read import ReadRefused, read_capped

FORMAT_NAME = "orgdesigner"
FORMAT_VERSION = 2  # 2: scenarios (orgd_scenarios.py)
# A 10,000-unit group is about 4 MB; 32 MB leaves room for ~80,000 units and refuses
# anything that is clearly not a design before it is read into memory.
MAX_BYTES = 32 * 1024 * 1024

#: version n → function that turns version-n data into version n+1 data.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {1: orgd_scenarios.v1_to_v2}


@dataclass(frozen=True)
class Problem:
    path: str
    message: str  # English; a `messages.Message` (also a str) can show itself in Japanese

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else str(self.message)

    def text(self, lang: str = "en") -> str:
        """The problem in `lang` ("en" gives exactly `str(self)`)."""
        if lang != "ja":
            return str(self)
        message = text_of(self.message, lang)
        return f"{self.path}：{message}" if self.path else message


class LoadError(Exception):
    """A file that cannot be opened; `problems` lists every problem found."""

    def __init__(self, problems: list[Problem], source: str = ""):
        self.problems = problems
        self.source = source
        super().__init__(self.text("en"))

    def text(self, lang: str = "en") -> str:
        """One line: the first problem and how many more, in `lang`."""
        problems = self.problems
        first = problems[0].text(lang) if problems else msg("orgd.unreadable").text(lang)
        more = (msg("orgd.more_problems", count=len(problems) - 1).text(lang)
                if len(problems) > 1 else "")
        return f"{self.source + ': ' if self.source else ''}{first}{more}"

    def lines(self, lang: str = "en") -> list[str]:
        """Every problem, one per line, in `lang`."""
        prefix = f"{self.source}: " if self.source else ""
        return [prefix + p.text(lang) for p in self.problems]


class UnsupportedVersionError(LoadError):
    pass


# ---- writing -------------------------------------------------------------------------------

def _money(d: Decimal) -> str:
    return format(d.normalize(), "f") if d == d.to_integral_value() else str(d)


def _num(x: float) -> float | int:
    r = round(x if type(x) is float else float(x), 3)
    return int(r) if r.is_integer() else r


def to_data(design: Design) -> dict[str, Any]:
    data = _design_data(orgd_scenarios.top_design(design))
    scenarios = orgd_scenarios.scenarios_data(design, _design_data, data)
    if scenarios is not None:
        data["scenarios"] = scenarios
    return data


def _design_data(design: Design, units: list | None = None,
                 flows: list | None = None) -> dict[str, Any]:
    """`units` and `flows`, when given, are the lists already built (formats/orgd_steps.py
    builds them a piece at a time)."""
    m = design.metadata
    b = design.budget
    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "metadata": {k: getattr(m, k) for k in m.__dataclass_fields__},
        "companies": [_company_data(c) for c in design.companies.values()],
        "units": units if units is not None else [_unit_data(u) for u in design.units.values()],
        "flows": flows if flows is not None else [_flow_data(f) for f in design.flows.values()],
        "costs": [_cost_data(c) for c in design.costs.values()],
        "process": {k: design.process[k].value for k in sorted(design.process)},
        "budget": {
            "first_year": b.first_year,
            "years": b.years,
            "fy_start_month": b.fy_start_month,
            "role_rates": dict(b.role_rates),
            "fx_rates": {k: _money(v) for k, v in b.fx_rates.items()},
            "fx_date": b.fx_date,
            **{k: _opt(getattr(b, k)) for k in _BUDGET_OPTIONAL},
            "soc": b.soc.value,
            "allocation": b.allocation.value,
            "shares": {k: _money(v) for k, v in b.shares.items()},
            "subject": b.subject,
            "purpose": b.purpose,
            "budget_status": b.budget_status.value,
            "account": b.account,
            "department": b.department,
            "consultees": list(b.consultees),
        },
    }
    return data


_BUDGET_OPTIONAL = ("bonus_months", "welfare_rate", "office_per_head", "pay_rise",
                    "contingency", "tax_rate", "depreciation_years", "soc_price")


def _opt(value: Any) -> Any:
    if isinstance(value, Decimal):
        return _money(value)
    return value


def _company_data(c: Company) -> dict[str, Any]:
    return {"id": c.id, "name": c.name, "name_en": c.name_en, "kind": c.kind.value,
            "in_scope": c.in_scope, "x": _num(c.x), "y": _num(c.y), "width": _num(c.width),
            "height": _num(c.height), "notes": c.notes}


# `_value_` (set by `Labelled.__new__`), not the `.value` descriptor: a third of to_data at 50k
_values = attrgetter("_value_")


def _unit_data(u: Unit) -> dict[str, Any]:
    d: dict[str, Any] = {"id": u.id, "name": u.name, "name_en": u.name_en,
                         "kind": u.kind._value_, "functions": list(map(_values, u.functions)),
                         "headcount": u.headcount, "company": u.company, "x": _num(u.x),
                         "y": _num(u.y), "notes": u.notes}
    if u.plan is not None:
        p = u.plan
        d["plan"] = {
            "members": [{"name": x.name, "role": x.role, "home_unit": x.home_unit,
                         "fte": _num(x.fte), "dedicated": x.dedicated,
                         "start_year": x.start_year,
                         **({"staffing": x.staffing.value} if x.staffing else {})}
                        for x in p.members],
            "services": list(p.services),
            "hours": p.hours.value,
            "contact": p.contact,
            "mandate": p.mandate,
            "authority": p.authority.value,
            "memberships": list(p.memberships),
        }
    return d


def _flow_data(f: Flow) -> dict[str, Any]:
    return {"id": f.id, "source": f.source, "target": f.target, "kind": f.kind._value_,
            "label": f.label}


def _cost_data(c: CostItem) -> dict[str, Any]:
    return {"id": c.id, "name": c.name, "category": c.category.value,
            "expenditure": c.expenditure.value, "recurring": c.recurring,
            "amounts": [_money(a) for a in c.amounts], "currency": c.currency, "notes": c.notes,
            "company": c.company, "supplier": c.supplier, "taxable": c.taxable,
            "vendor": c.vendor, "contract": c.contract}


INDENT = 1  # json.dumps(..., indent=INDENT)


def dumps(design: Design) -> str:
    """`json.dumps(to_data(design), ensure_ascii=False, indent=1)` and a newline, written by
    formats/json_text.py (the same text in a third of the time)."""
    with paused():  # as loads
        return json_text.dumps(to_data(design), INDENT, end="\n")


def save(design: Design, path: str | os.PathLike) -> None:
    """Write atomically, keeping the previous file as `PATH.bak`."""
    atomic_write(path, dumps(design), backup=True)


# ---- reading -------------------------------------------------------------------------------

def read_bytes(path: str | os.PathLike) -> bytes:
    """The file's bytes, at most `MAX_BYTES`: devices, pipes and folders are refused (see
    `safe_read`), and a size is never taken on trust from `st_size`."""
    src = str(path)
    try:
        return read_capped(path, MAX_BYTES)
    except ReadRefused as exc:
        message = exc.message if not exc.size else msg(
            "orgd.too_big", size=exc.size / 1e6, limit=MAX_BYTES // (1024 * 1024))
        raise LoadError([Problem("", message)], src) from None
    except FileNotFoundError:
        raise LoadError([Problem("", msg("file.not_found"))], src) from None
    except PermissionError:
        raise LoadError([Problem("", msg("file.permission"))], src) from None
    except OSError as exc:
        raise LoadError([Problem("", msg("file.os_error", reason=exc.strerror or str(exc)))],
                        src) from None


def parse(raw: bytes | str, source: str = "") -> dict[str, Any]:
    """Phase 1: bytes → plain data of the current version (migrated)."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_BYTES:
            raise LoadError([Problem("", msg("orgd.too_large"))], source)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise LoadError([Problem("", msg("orgd.not_utf8", offset=exc.start))],
                            source) from None
    else:
        text = raw
    try:
        data = json.loads(text, parse_float=_parse_float, parse_int=_parse_int,
                          parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except json.JSONDecodeError as exc:
        raise LoadError([Problem("", msg("orgd.not_json", detail=exc.msg, line=exc.lineno,
                                         column=exc.colno))], source) from None
    except RecursionError:
        raise LoadError([Problem("", msg("orgd.too_deep"))], source) from None
    except ValueError as exc:
        raise LoadError([Problem("", message_of(exc))], source) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise LoadError([Problem("format", msg("orgd.not_design", format=FORMAT_NAME))], source)
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise LoadError([Problem("version", msg("orgd.bad_version", version=version))], source)
    if version > FORMAT_VERSION:
        raise UnsupportedVersionError([Problem("version", msg(
            "orgd.newer", version=version, supported=FORMAT_VERSION))], source)
    while version < FORMAT_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
        data["version"] = version
    return data


#: No value in a design needs more digits than this (amounts are capped far below).
MAX_DIGITS = 40


def _parse_int(text: str) -> int:
    if len(text) > MAX_DIGITS:
        raise ValueError(msg("orgd.number_too_long", digits=len(text.lstrip("-"))))
    return int(text)


def _parse_float(text: str) -> float:
    if len(text) > MAX_DIGITS + 10:
        raise ValueError(msg("orgd.number_too_long", digits=len(text)))
    return float(text)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON allows a key twice (the last wins); in a design that hides an edit, so refuse."""
    data = dict(pairs)
    if len(data) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError(msg("orgd.duplicate_key", key=key))
            seen.add(key)
    return data


def _reject_constant(name: str) -> Any:
    raise ValueError(msg("orgd.bad_constant", name=name))


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def run(self, path: str, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except ModelError as exc:
            self.problems.append(Problem(path, message_of(exc)))
        except (TypeError, KeyError, AttributeError, ValueError) as exc:
            self.problems.append(Problem(path, _plain(exc)))
        return None


def _plain(exc: Exception) -> str:
    if isinstance(exc, KeyError):
        return msg("orgd.missing_field", name=exc.args[0])
    return message_of(exc)


def _obj(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise TypeError(msg("orgd.not_object", what=Field(what), type=type(value).__name__))
    return value


def _list(data: dict, key: str) -> list:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise LoadError([Problem(key, msg("orgd.not_list", type=type(value).__name__))])
    return value


def build(data: dict[str, Any], source: str = "") -> Design:
    """Phase 2: plain data → Design, reporting every problem with its path."""
    design = Design()
    col = _Collector()
    try:
        sections = {k: _list(data, k) for k in ("companies", "units", "flows", "costs")}
    except LoadError as exc:
        raise LoadError(exc.problems, source) from None
    meta = data.get("metadata", {})
    col.run("metadata", lambda: design.update_metadata(**_obj(meta, "metadata")))
    for i, c in enumerate(sections["companies"]):
        col.run(f"companies[{i}]", lambda c=c: design.add_company(_company(c)))
    if not _bulk_units(design, sections["units"]):  # else one by one, naming each problem
        for i, u in enumerate(sections["units"]):
            col.run(f"units[{i}]", lambda u=u, i=i: _add_unit(design, u, i, col))
    index_of: dict[str, int] = {}
    in_bulk = bulk.add_flows(design, _plain_rows(sections["flows"], Flow, _FLOW_REQUIRED))
    if not in_bulk:
        for i, f in enumerate(sections["flows"]):
            if col.run(f"flows[{i}]", lambda f=f: _add_flow(design, f)) is not None:
                index_of[f["id"]] = i
    cycle = design.reporting_cycle()  # once, linear: per flow it would be quadratic
    if cycle is not None:  # reported at the line that closed it, as a per-flow check would
        if in_bulk:
            index_of = {f["id"]: i for i, f in enumerate(sections["flows"])}
        closing = max(index_of.get(design.reporting_flow(u) or "", -1) for u in cycle.cycle)
        col.problems.append(Problem(f"flows[{closing}]", message_of(cycle)))
    for i, c in enumerate(sections["costs"]):
        col.run(f"costs[{i}]", lambda c=c: design.add_cost(_cost(c)))
    process = data.get("process", {})
    if not isinstance(process, dict):
        col.problems.append(Problem("process", msg("orgd.process_not_object")))
    else:
        for key, status in process.items():
            if key not in STEP_KEYS:
                col.problems.append(Problem(f"process.{key}", msg("orgd.not_step")))
                continue
            col.run(f"process.{key}", lambda k=key, s=status: design.set_process(k, s))
    budget = data.get("budget", {})
    if isinstance(budget, dict):  # the single overhead multiplier became the cost model
        budget = {k: v for k, v in budget.items() if k != "multiplier"}
    col.run("budget", lambda: design.update_budget(**_obj(budget, "budget")))
    col.problems += orgd_scenarios.attach(design, data, build, Problem, LoadError)
    if col.problems:
        raise LoadError(col.problems, source)
    return design


_UNIT_REQUIRED = ("id", "name", "kind")
_FLOW_REQUIRED = ("id", "source", "target", "kind")


def _plain_rows(rows: list, cls: type, required: tuple[str, ...]) -> list[dict[str, Any]]:
    """`rows` when every one is an object with the required fields and no unknown one (what
    `_fields` checks row by row), else [] with a non-empty input (so the bulk add declines)."""
    allowed = cls.__dataclass_fields__.keys()
    need = set(required)
    if all(type(r) is dict and r.keys() <= allowed and r.keys() >= need for r in rows):
        return rows
    return [{}] if rows else []


def _bulk_units(design: Design, rows: list) -> bool:
    """Every unit added at once (`model.bulk`), when every row is plainly valid."""
    rows = _plain_rows(rows, Unit, _UNIT_REQUIRED)
    plans: dict[int, CsirtPlan] = {}
    for i, r in enumerate(rows):
        p = r.get("plan")
        if p is not None:
            try:
                plans[i] = _plan(p)
            except (TypeError, KeyError, AttributeError, ValueError, ModelError):
                return False
    if plans:
        rows = [{k: val for k, val in r.items() if k != "plan"} if "plan" in r else r
                for r in rows]
    return bulk.add_units(design, rows, plans)


def _fields(d: dict[str, Any], cls: type, required: tuple[str, ...], what: str) -> dict:
    _obj(d, what)
    allowed = set(cls.__dataclass_fields__)
    unknown = sorted(set(d) - allowed)
    if unknown:
        raise TypeError(msg("orgd.unknown_field", name=unknown[0]))
    for r in required:
        if r not in d:
            raise KeyError(r)
    return d


def _company(d: dict[str, Any]) -> Company:
    return Company(**_fields(d, Company, ("id", "name"), "company"))


def _add_unit(design: Design, d: dict[str, Any], i: int, col: _Collector) -> None:
    d = dict(_fields(d, Unit, ("id", "name", "kind"), "unit"))
    plan_data = d.pop("plan", None)
    plan = None
    if plan_data is not None:
        plan = col.run(f"units[{i}].plan", lambda: _plan(plan_data))
        if plan is None:
            return
    if not isinstance(d.get("functions", []), list):
        raise TypeError(msg("orgd.field_not_list", what=Field("functions")))
    d["functions"] = tuple(d.get("functions", ()))
    design.add_unit(Unit(**d, plan=plan))


def _plan(d: dict[str, Any]) -> CsirtPlan:
    d = dict(_fields(d, CsirtPlan, (), "plan"))
    members = d.pop("members", [])
    if not isinstance(members, list):
        raise TypeError(msg("orgd.field_not_list", what=Field("members")))
    out = []
    for j, m in enumerate(members):
        try:
            out.append(Member(**_fields(m, Member, ("name",), "member")))
        except (TypeError, KeyError) as exc:
            raise TypeError(msg("prefix.path", path=f"members[{j}]", message=_plain(exc))) from None
    for key in ("services", "memberships"):
        if key in d and not isinstance(d[key], list):
            raise TypeError(msg("orgd.field_not_list", what=Field(key)))
    return CsirtPlan(members=out, **d)


def _flow(d: dict[str, Any]) -> Flow:
    return Flow(**_fields(d, Flow, ("id", "source", "target", "kind"), "flow"))


def _add_flow(design: Design, d: dict[str, Any]) -> bool:
    design.add_flow(_flow(d), check_cycle=False)
    return True


def _cost(d: dict[str, Any]) -> CostItem:
    return CostItem(**_fields(d, CostItem, ("id", "name"), "cost item"))


def loads(raw: bytes | str, source: str = "") -> Design:
    with paused():  # reading 50,000 units: many new objects, nothing to collect
        return build(parse(raw, source), source)


def load(path: str | os.PathLike) -> Design:
    return loads(read_bytes(path), str(path))
