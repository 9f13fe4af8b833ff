"""The design model (no Qt): vocabulary, entities, the Design with its invariants, events
and undoable operations."""

from . import events, ops
from .design import Design
from .entities import (
    BudgetInputs,
    Company,
    CostItem,
    CsirtPlan,
    Flow,
    Member,
    Metadata,
    Unit,
    display_name,
)
from .enums import (
    SERVICES,
    TRAINING_SERVICES,
    AllocationKey,
    Authority,
    BudgetStatus,
    CompanyKind,
    CostCategory,
    Expenditure,
    FlowKind,
    Function,
    ProcessStatus,
    Sector,
    ServiceHours,
    SocOption,
    Staffing,
    UnitKind,
    service_label,
)
from .errors import (
    DuplicateIdError,
    InvalidValueError,
    ModelError,
    ReportingCycleError,
    SecondSuperiorError,
    UnknownReferenceError,
)
from .process import STEP_KEYS, STEPS, Step

__all__ = [
    "SERVICES", "STEPS", "STEP_KEYS", "TRAINING_SERVICES", "AllocationKey", "Authority",
    "BudgetInputs", "BudgetStatus", "SocOption", "Staffing",
    "Company", "CompanyKind", "CostCategory", "CostItem", "CsirtPlan", "Design",
    "DuplicateIdError", "Expenditure", "Flow", "FlowKind", "Function", "InvalidValueError",
    "Member", "Metadata", "ModelError", "ProcessStatus", "ReportingCycleError",
    "SecondSuperiorError", "Sector", "ServiceHours", "Step", "Unit", "UnitKind",
    "UnknownReferenceError",
    "display_name", "events", "ops", "service_label",
]
