"""The budget (no Qt): a cost model over the CSIRT plan and cost items, and the approval
workbook (.xlsx) whose every total is a live formula stored with the model's value.

Public API for other packages: `compute_budget` (every line), `fy_totals` (per fiscal year:
new money and total cost), `allocate` (each group company's 負担金), `role_options` (the
roles the budget prices, with en/ja labels). `write_workbook` lives in
`orgdesigner.budget.workbook` and imports XlsxWriter when called.
"""

from .assumptions import Assumptions, FiscalYear, RoleOption, role_key, role_label, role_options
from .defaults import BudgetDefaults, BudgetError, CostPreset, load_defaults
from .groups import CompanyShare, allocate
from .model import Budget, ItemLine, PersonnelLine, compute_budget
from .summary import YearTotals, fy_totals, year_totals

__all__ = [
    "Assumptions", "Budget", "BudgetDefaults", "BudgetError", "CompanyShare", "CostPreset",
    "FiscalYear", "ItemLine", "PersonnelLine", "RoleOption", "YearTotals", "allocate",
    "compute_budget", "fy_totals", "load_defaults", "role_key", "role_label", "role_options",
    "year_totals",
]
