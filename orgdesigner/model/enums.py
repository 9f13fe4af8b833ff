"""The vocabulary of DESIGN.md §2 as enumerations, each with English and Japanese labels.

Values are the strings stored in `.orgd` files, so they never change once released.
"""

from __future__ import annotations

from enum import Enum


class Labelled(str, Enum):
    """A string enum whose members carry a display label per language."""

    def __new__(cls, value: str, en: str, ja: str) -> Labelled:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.en = en  # type: ignore[attr-defined]
        obj.ja = ja  # type: ignore[attr-defined]
        return obj

    def label(self, lang: str = "en") -> str:
        return self.ja if lang == "ja" else self.en  # type: ignore[attr-defined]

    def __str__(self) -> str:
        return self.value


class UnitKind(Labelled):
    MANAGEMENT = ("management", "Management", "経営層")
    EXECUTIVE = ("executive", "Executive", "役員")
    DEPARTMENT = ("department", "Department", "部")
    DIVISION = ("division", "Division", "本部・事業部")
    SECTION = ("section", "Section", "課")
    CSIRT = ("csirt", "CSIRT", "CSIRT")
    TEAM = ("team", "Team", "チーム")
    EXTERNAL = ("external", "External party", "外部組織")


class Function(Labelled):
    IT_OPERATIONS = ("it_operations", "IT operations", "情報システム運用")
    SYSTEM_DEVELOPMENT = ("system_development", "System development", "システム開発")
    INFORMATION_PLANNING = ("information_planning", "Information planning", "情報企画")
    SECURITY_CENTER = ("security_center", "Security center", "セキュリティセンター")
    RISK_MANAGEMENT = ("risk_management", "Risk management", "リスク管理")
    ADMINISTRATION = ("administration", "Administration", "管理部門")
    GENERAL_AFFAIRS = ("general_affairs", "General affairs", "総務")
    LEGAL = ("legal", "Legal", "法務")
    MEDIA_RELATIONS = ("media_relations", "Media relations", "広報")
    CUSTOMER_SERVICE = ("customer_service", "Customer service", "顧客サービス")
    SALES = ("sales", "Sales", "営業")
    MARKETING = ("marketing", "Marketing", "マーケティング")
    PROFIT_CENTER = ("profit_center", "Profit center", "プロフィットセンター")
    DISASTER_RESPONSE = ("disaster_response", "Disaster response", "災害対応")
    INTERNAL_AUDIT = ("internal_audit", "Internal audit", "内部監査")


class FlowKind(Labelled):
    REPORTING = ("reporting", "Reporting line", "指揮命令系統")
    COMMAND = ("command", "Command", "インシデント時の指示")
    DELEGATION = ("delegation", "Delegation of authority", "権限委譲")
    CONSENSUS = ("consensus", "Consensus", "合意・協議")
    SUPPORT = ("support", "Support", "支援")
    REPORT = ("report", "Incident report", "インシデント報告")
    COORDINATION = ("coordination", "External coordination", "外部連携")


class CompanyKind(Labelled):
    PARENT = ("parent", "Parent company", "親会社")
    SUBSIDIARY = ("subsidiary", "Group company", "グループ会社")
    IT_SUBSIDIARY = ("it_subsidiary", "IT subsidiary", "情報システム子会社")


class Sector(Labelled):
    """The design's industry (metadata). The critical-infrastructure sectors follow NISC's
    list of critical infrastructure (the talk: "Public Sector: CEPTOAR-Council"); rules use
    them where a sector raises the stakes (24x7 service, sector information sharing)."""

    UNSET = ("", "Not set", "未設定")
    FINANCE = ("finance", "Finance (banking, insurance, securities)", "金融（銀行・保険・証券）")
    TELECOM = ("telecom", "Information and communications", "情報通信")
    ENERGY = ("energy", "Electricity and gas", "電力・ガス")
    TRANSPORT = ("transport", "Transport (aviation, railways, logistics)",
                 "運輸（航空・鉄道・物流）")
    HEALTHCARE = ("healthcare", "Healthcare", "医療")
    WATER = ("water", "Water supply", "水道")
    PUBLIC = ("public", "Public sector and administrative services", "公共・行政サービス")
    MANUFACTURING = ("manufacturing", "Manufacturing", "製造")
    RETAIL = ("retail", "Retail and distribution", "小売・流通")
    OTHER = ("other", "Other", "その他")

    @property
    def critical(self) -> bool:
        """A critical-infrastructure sector (finance included), where NISC and the sector's
        CEPTOAR expect round-the-clock incident handling and information sharing."""
        return self in _CRITICAL


class ServiceHours(Labelled):
    BUSINESS = ("business_hours", "Business hours", "業務時間内")
    ALWAYS = ("24x7", "24×7", "24時間365日")


_CRITICAL = frozenset({Sector.FINANCE, Sector.TELECOM, Sector.ENERGY, Sector.TRANSPORT,
                       Sector.HEALTHCARE, Sector.WATER, Sector.PUBLIC})


class Authority(Labelled):
    """CERT/CC's levels of authority a CSIRT may hold over its constituency."""

    FULL = ("full", "Full authority", "完全な権限")
    SHARED = ("shared", "Shared authority", "共有された権限")
    NONE = ("none", "No authority", "権限なし")


class ProcessStatus(Labelled):
    NOT_STARTED = ("not_started", "Not started", "未着手")
    IN_PROGRESS = ("in_progress", "In progress", "進行中")
    DONE = ("done", "Done", "完了")


class CostCategory(Labelled):
    PERSONNEL = ("personnel", "Personnel", "人件費")
    TRAINING = ("training", "Training", "教育・訓練")
    TOOLS = ("tools", "Tools and licences", "ツール・ライセンス")
    EXTERNAL = ("external", "External specialists", "外部委託費")
    MEMBERSHIPS = ("memberships", "Memberships", "会費")
    FACILITIES = ("facilities", "Facilities", "設備")
    OTHER = ("other", "Other", "その他")


class Expenditure(Labelled):
    CAPEX = ("capex", "CAPEX", "設備投資")
    OPEX = ("opex", "OPEX", "運用費")


class Staffing(Labelled):
    """How a CSIRT member is paid for: only a new hire or a contract is new money."""

    HIRE = ("hire", "New hire", "増員")
    REALLOCATE = ("reallocate", "Existing staff's time", "工数振替")
    OUTSOURCE = ("outsource", "Outsourced", "外部委託")


class AllocationKey(Labelled):
    """How a group splits the CSIRT's cost into each company's share (負担金)."""

    HEADCOUNT = ("headcount", "Headcount", "人数比")
    REVENUE = ("revenue", "Revenue", "売上高比")
    EQUAL = ("equal", "Equal shares", "均等割")
    MANUAL = ("manual", "Manual shares", "個別設定")


class SocOption(Labelled):
    """How a 24×7 service is staffed: own shift analysts or an outsourced SOC/MSS contract."""

    SHIFTS = ("shifts", "Own shift staff", "自社シフト要員")
    OUTSOURCED = ("outsourced", "Outsourced SOC / MSS", "外部 SOC／MSS 委託")


class BudgetStatus(Labelled):
    WITHIN = ("within", "Within budget", "予算内")
    OUTSIDE = ("outside", "Outside budget", "予算外")


# FIRST CSIRT Services Framework v2.1: service areas and the services under them that
# matter for an in-house CSIRT. Ids are stable; labels are for display.
SERVICES: dict[str, tuple[str, str]] = {
    "event_monitoring": ("Monitoring and detection", "監視・検知"),
    "event_analysis": ("Event analysis", "イベント分析"),
    "incident_report_acceptance": ("Incident report acceptance", "インシデント報告受付"),
    "incident_analysis": ("Incident analysis", "インシデント分析"),
    "artifact_forensic_analysis": ("Artifact and forensic evidence analysis",
                                   "アーティファクト・フォレンジック分析"),
    "mitigation_recovery": ("Mitigation and recovery", "緩和・復旧"),
    "incident_coordination": ("Incident coordination", "インシデント調整"),
    "crisis_management_support": ("Crisis management support", "危機管理支援"),
    "vulnerability_discovery": ("Vulnerability discovery and research", "脆弱性の発見・調査"),
    "vulnerability_report_intake": ("Vulnerability report intake", "脆弱性報告受付"),
    "vulnerability_response": ("Vulnerability response", "脆弱性対応"),
    "vulnerability_disclosure": ("Vulnerability disclosure", "脆弱性情報の公開"),
    "situational_awareness": ("Situational awareness", "状況把握"),
    "information_sharing": ("Information sharing and dissemination", "情報共有・発信"),
    "awareness_building": ("Awareness building", "意識向上"),
    "training_education": ("Training and education", "教育・研修"),
    "exercises": ("Exercises", "演習"),
    "technical_advice": ("Technical and policy advisory", "技術・ポリシー助言"),
}

#: Skill-building services (FIRST). The checker counts only `exercises` as staff training:
#: "Training and Education" is a service to the constituency.
TRAINING_SERVICES = frozenset({"exercises", "training_education"})


def service_label(service_id: str, lang: str = "en") -> str:
    en, ja = SERVICES.get(service_id, (service_id, service_id))
    return ja if lang == "ja" else en
