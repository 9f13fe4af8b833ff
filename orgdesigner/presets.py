"""The palette's unit presets (DESIGN.md §2): a name, a kind and functions, ready to drop.

Qt-free so the palette, the tests and any future CLI use the same catalogue. A drag in the
GUI carries only a preset's `id`; the unit is built from this table on drop.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Company, CompanyKind, CsirtPlan, Design, Function, Unit, UnitKind

#: The palette's groups, in display order: (id, English, Japanese).
GROUPS: tuple[tuple[str, str, str], ...] = (
    ("management", "Management and executives", "経営層・役員"),
    ("departments", "Departments by function", "機能別の部門"),
    ("csirt", "CSIRT", "CSIRT"),
    ("teams", "Teams", "チーム"),
    ("external", "External parties", "外部組織"),
    ("company", "Company frame", "会社（枠）"),
)

#: Preset id of the company frame (the one preset that is not a unit).
COMPANY_PRESET = "company"


@dataclass(frozen=True)
class Preset:
    id: str
    group: str
    name: str  # Japanese
    name_en: str
    kind: UnitKind | None  # None for the company frame
    functions: tuple[Function, ...] = ()

    def label(self, lang: str = "en") -> str:
        return self.name if lang == "ja" else self.name_en

    @property
    def is_company(self) -> bool:
        return self.kind is None


def _dept(pid: str, ja: str, en: str, *fns: Function) -> Preset:
    return Preset(pid, "departments", ja, en, UnitKind.DEPARTMENT, fns)


F = Function
PRESETS: tuple[Preset, ...] = (
    Preset("management", "management", "経営層", "Management", UnitKind.MANAGEMENT),
    Preset("cio", "management", "CIO", "CIO", UnitKind.EXECUTIVE, (F.INFORMATION_PLANNING,)),
    Preset("ciso", "management", "CISO", "CISO", UnitKind.EXECUTIVE, (F.SECURITY_CENTER,)),
    _dept("it_operations", "情報システム運用部", "IT Operations Dept.", F.IT_OPERATIONS),
    _dept("system_development", "システム開発部", "System Development Dept.",
          F.SYSTEM_DEVELOPMENT),
    _dept("information_planning", "情報企画部", "Information Planning Dept.",
          F.INFORMATION_PLANNING),
    _dept("security_center", "セキュリティセンター", "Security Center", F.SECURITY_CENTER),
    _dept("risk_management", "リスク管理部", "Risk Management Dept.", F.RISK_MANAGEMENT),
    _dept("administration", "管理部", "Administration Dept.", F.ADMINISTRATION),
    _dept("general_affairs", "総務部", "General Affairs Dept.", F.GENERAL_AFFAIRS),
    _dept("legal", "法務部", "Legal Dept.", F.LEGAL),
    _dept("media_relations", "広報部", "Media Relations Dept.", F.MEDIA_RELATIONS),
    _dept("customer_service", "お客様サービス部", "Customer Service Dept.", F.CUSTOMER_SERVICE),
    _dept("sales", "営業部", "Sales Dept.", F.SALES),
    _dept("marketing", "マーケティング部", "Marketing Dept.", F.MARKETING),
    _dept("internal_audit", "内部監査室", "Internal Audit Office", F.INTERNAL_AUDIT),
    _dept("department", "その他の部", "Other Dept."),
    Preset("division", "departments", "本部", "Division", UnitKind.DIVISION),
    Preset("section", "departments", "課", "Section", UnitKind.SECTION),
    Preset("csirt", "csirt", "CSIRT", "CSIRT", UnitKind.CSIRT),
    Preset("disaster_team", "teams", "災害対策チーム", "Disaster Response Team", UnitKind.TEAM,
           (F.DISASTER_RESPONSE,)),
    Preset("team", "teams", "チーム", "Team", UnitKind.TEAM),
    Preset("nca", "external", "日本シーサート協議会", "NCA (Nippon CSIRT Association)",
           UnitKind.EXTERNAL),
    Preset("jpcert", "external", "JPCERT/CC", "JPCERT/CC", UnitKind.EXTERNAL),
    Preset("specialist", "external", "外部専門家", "Outside specialist", UnitKind.EXTERNAL),
    Preset("mssp", "external", "MSSP", "MSSP", UnitKind.EXTERNAL),
    Preset("police", "external", "警察", "Police", UnitKind.EXTERNAL),
    Preset("other_csirt", "external", "他組織の CSIRT", "Other CSIRT", UnitKind.EXTERNAL),
    Preset(COMPANY_PRESET, "company", "新しい会社", "New company", None),
)
_BY_ID = {p.id: p for p in PRESETS}

#: The size of a new company frame dropped from the palette.
COMPANY_SIZE = (480.0, 320.0)


class UnknownPresetError(KeyError):
    def __str__(self) -> str:
        return f"no unit preset {self.args[0]!r}"


def preset(preset_id: str) -> Preset:
    try:
        return _BY_ID[preset_id]
    except KeyError:
        raise UnknownPresetError(preset_id) from None


def in_group(group_id: str) -> list[Preset]:
    return [p for p in PRESETS if p.group == group_id]


def make_unit(design: Design, preset_id: str, x: float, y: float, company: str = "") -> Unit:
    """A new unit for `design` (fresh id) from a preset, centred at (x, y).

    A CSIRT starts with an empty plan so its inspector page has something to edit.
    """
    p = preset(preset_id)
    if p.kind is None:
        raise ValueError(f"preset {preset_id!r} is a company frame, not a unit")
    return Unit(design.new_id("u"), p.name, p.kind, name_en=p.name_en, functions=p.functions,
                company=company, x=float(x), y=float(y),
                plan=CsirtPlan() if p.kind is UnitKind.CSIRT else None)


def make_company(design: Design, x: float, y: float) -> Company:
    """A new company frame whose top-left corner is at (x, y)."""
    p = preset(COMPANY_PRESET)
    kind = CompanyKind.PARENT if not design.companies else CompanyKind.SUBSIDIARY
    w, h = COMPANY_SIZE
    return Company(design.new_id("c"), p.name, p.name_en, kind, x=float(x), y=float(y),
                   width=w, height=h)
