"""The budget (no Qt): a cost model over the CSIRT plan and cost items, and the approval
workbook (.xlsx) whose every total is a live formula equal to the model's total.

`write_workbook` lives in `orgdesigner.budget.workbook` and imports openpyxl when called.
"""

from .assumptions import Assumptions, FiscalYear, role_key
from .defaults import BudgetDefaults, BudgetError, CostPreset, load_defaults
from .model import Budget, ItemLine, PersonnelLine, compute_budget

__all__ = [
    "Assumptions", "Budget", "BudgetDefaults", "BudgetError", "CostPreset", "FiscalYear",
    "ItemLine", "PersonnelLine", "compute_budget", "load_defaults", "role_key",
]
