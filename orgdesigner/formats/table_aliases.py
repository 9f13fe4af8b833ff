"""Words the table import understands, in English and Japanese (DESIGN.md §8).

HR spreadsheets are written by people, not programs: headers and values come in either
language, in any case, with stray spaces, full-width letters (`ＩＤ`) or an abbreviation.
Every cell is compared after `normalise()` — Unicode NFKC (full-width → half-width), case
folded, spaces, `_`, `-`, `.`, `・` and `/` removed — so `Unit ID`, `unit_id` and `ＵＮＩＴ　ＩＤ`
are the same word. Anything not listed is reported with a "did you mean" suggestion.

Column headers (units sheet; `name` or `name_en` is the only required column):

- id: id, unit id, code, unit code, dept id, department id — 部署ID, 部署コード, 組織ID,
  組織コード, コード
- name: name, unit name, unit, department name, dept name — 部署名, 組織名, 名称, 部署, 名前,
  部門名
- name_en: name_en, english name, name (english), name (en) — 英語名, 英文名, 英語表記,
  部署名（英語）
- parent: parent, parent id, parent name, reports to, superior — 上位部署, 上位組織, 親部署,
  上位, 上位部署ID, 所属, 報告先
- kind: kind, type, unit type — 種別, 区分, 種類, 組織種別
- functions: functions, function, role, roles — 機能, 業務, 役割
- headcount: headcount, head count, staff, people, employees, members — 人数, 人員, 在籍人数,
  社員数, 要員数
- company: company, company name, company id, entity — 会社, 会社名, 所属会社, 法人
- notes: notes, note, remarks, comment, comments, memo, description — 備考, メモ, 説明, 摘要

Other columns are ignored, each with a warning.

Flows sheet (sheet `flows` / `フロー`, or a second CSV; `NAME.flows.csv` beside a CSV is
found by itself):

- from: from, source, src, from id — 元, 起点, 送信元, 発
- to: to, target, dst, to id — 先, 終点, 宛先, 着
- kind: kind, type, flow kind — 種別, 区分, 種類
- label: label, text, description — ラベル, 説明, 内容

Companies sheet (optional; sheet `companies` / `会社`, or `NAME.companies.csv`):

- id: id, company id, code — 会社ID, 会社コード, コード
- name: name, company, company name — 会社名, 会社, 名称
- name_en: name_en, english name, name (english) — 英語名, 英文名, 英語表記
- kind: kind, type — 種別, 区分
- in_scope: in_scope, in scope, scope — 対象, 対象範囲
- notes: notes, note, remarks, memo — 備考, メモ

Without a companies sheet, each distinct value of the units' `company` column becomes a
company (the first one the parent company, the others group companies, with a warning).

Unit kinds (the `kind` column; empty → department, with a warning):

- management: board, president, top management, 経営層, 経営陣, 経営, 取締役会, 社長
- executive: officer, exec, CxO, CIO, CISO, 役員, 執行役員, 担当役員, 取締役
- department: dept, office, 部, 室
- division: div, business unit, headquarters, 本部, 事業部, 事業本部, 部門, 本部・事業部
- section: group, 課, 係, グループ
- csirt: CERT, SIRT, シーサート, インシデント対応チーム
- team: task force, committee, チーム, タスクフォース, 委員会
- external: external party, outside, vendor, partner, 外部, 外部組織, 外部機関, 社外, 委託先,
  ベンダー

Functions (the `functions` column; several separated by `;`, `,`, `、` or a line break):

- it_operations: IT operations, IT ops, 情報システム運用, システム運用, IT運用, 運用,
  情報システム, 情シス
- system_development: development, dev, システム開発, 開発
- information_planning: IT planning, 情報企画, IT企画, システム企画, 情報戦略
- security_center: security centre, security, SOC, セキュリティセンター, セキュリティ,
  情報セキュリティ
- risk_management: risk, リスク管理, リスクマネジメント
- administration: admin, 管理, 管理部門
- general_affairs: 総務
- legal: compliance, 法務, コンプライアンス
- media_relations: PR, public relations, 広報
- customer_service: customer support, 顧客サービス, お客様サービス, カスタマーサポート,
  カスタマーサービス, 顧客対応
- sales: 営業
- marketing: マーケティング, 販売促進
- profit_center: profit centre, business, 収益部門, プロフィットセンター, 事業
- disaster_response: BCP, 災害対応, 防災, 事業継続
- internal_audit: audit, 内部監査, 監査

Flow kinds (the flows sheet's `kind` column; required):

- reporting: reporting line, reports to, 指揮命令系統, 報告ライン, 所属, 上下関係
- command: instruct, order, 指示, 命令, 指示・命令, 指揮
- delegation: delegate, authority, 権限委譲, 委譲, 委任
- consensus: agreement, consult, 合意, 協議, 合意・協議
- support: 支援, 技術支援
- report: incident report, escalation, 報告, インシデント報告, エスカレーション
- coordination: liaison, 連携, 外部連携, 調整

Company kinds: parent (親会社, 本社), subsidiary (group company, 子会社, グループ会社),
it_subsidiary (IT subsidiary, 情報システム子会社, IT子会社). In-scope flags: yes/no, はい/いいえ,
対象/対象外, ○/×.

Every enum value itself and its English and Japanese display label (`UnitKind.label()`, …)
are accepted as well.
"""

from __future__ import annotations

import difflib
import functools
import re
import unicodedata
from enum import Enum
from typing import TypeVar

from ..model import CompanyKind, FlowKind, Function, UnitKind

E = TypeVar("E", bound=Enum)

_STRIP = re.compile(r"[\s_\-.・/]+")


@functools.lru_cache(maxsize=8192)  # a sheet repeats the same few kinds thousands of times
def normalise(text: str) -> str:
    """The comparison key of a header or a value (see the module docstring)."""
    return _STRIP.sub("", unicodedata.normalize("NFKC", text).casefold())


UNIT_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "unit id", "code", "unit code", "dept id", "department id", "部署ID",
           "部署コード", "組織ID", "組織コード", "コード"),
    "name": ("name", "unit name", "unit", "department name", "dept name", "部署名", "組織名",
             "名称", "部署", "名前", "部門名"),
    "name_en": ("name_en", "english name", "name (english)", "name (en)", "英語名", "英文名",
                "英語表記", "部署名（英語）", "部署名(英語)"),
    "parent": ("parent", "parent id", "parent name", "reports to", "superior", "上位部署",
               "上位組織", "親部署", "上位", "上位部署ID", "所属", "報告先"),
    "kind": ("kind", "type", "unit type", "種別", "区分", "種類", "組織種別"),
    "functions": ("functions", "function", "role", "roles", "機能", "業務", "役割"),
    "headcount": ("headcount", "head count", "staff", "people", "employees", "members",
                  "人数", "人員", "在籍人数", "社員数", "要員数"),
    "company": ("company", "company name", "company id", "entity", "会社", "会社名",
                "所属会社", "法人"),
    "notes": ("notes", "note", "remarks", "comment", "comments", "memo", "description",
              "備考", "メモ", "説明", "摘要"),
}
FLOW_COLUMNS: dict[str, tuple[str, ...]] = {
    "from": ("from", "source", "src", "from id", "元", "起点", "送信元", "発"),
    "to": ("to", "target", "dst", "to id", "先", "終点", "宛先", "着"),
    "kind": ("kind", "type", "flow kind", "種別", "区分", "種類"),
    "label": ("label", "text", "description", "ラベル", "説明", "内容"),
}
COMPANY_COLUMNS: dict[str, tuple[str, ...]] = {
    "id": ("id", "company id", "code", "会社ID", "会社コード", "コード"),
    "name": ("name", "company", "company name", "会社名", "会社", "名称"),
    "name_en": ("name_en", "english name", "name (english)", "英語名", "英文名", "英語表記"),
    "kind": ("kind", "type", "種別", "区分"),
    "in_scope": ("in_scope", "in scope", "scope", "対象", "対象範囲"),
    "notes": ("notes", "note", "remarks", "memo", "備考", "メモ"),
}
#: Japanese headers the exporter writes (the first Japanese alias of each column).
UNIT_HEADERS_JA = {"id": "部署ID", "name": "部署名", "name_en": "英語名", "parent": "上位部署",
                   "kind": "種別", "functions": "機能", "headcount": "人数", "company": "会社",
                   "notes": "備考"}
FLOW_HEADERS_JA = {"from": "元", "to": "先", "kind": "種別", "label": "ラベル"}
COMPANY_HEADERS_JA = {"id": "会社ID", "name": "会社名", "name_en": "英語名", "kind": "種別",
                      "in_scope": "対象", "notes": "備考"}

SHEET_NAMES: dict[str, tuple[str, ...]] = {
    "units": ("units", "unit", "organisation", "organization", "org", "部署", "部署一覧",
              "組織", "組織図", "組織一覧"),
    "flows": ("flows", "flow", "links", "relations", "edges", "フロー", "関係", "連携"),
    "companies": ("companies", "company", "会社", "会社一覧"),
}
#: Sheet names the exporter writes, per language.
SHEET_TITLES = {"en": {"units": "units", "flows": "flows", "companies": "companies"},
                "ja": {"units": "部署", "flows": "フロー", "companies": "会社"}}

UNIT_KINDS: dict[UnitKind, tuple[str, ...]] = {
    UnitKind.MANAGEMENT: ("board", "president", "top management", "経営層", "経営陣", "経営",
                          "取締役会", "社長"),
    UnitKind.EXECUTIVE: ("officer", "exec", "CxO", "CIO", "CISO", "役員", "執行役員",
                         "担当役員", "取締役"),
    UnitKind.DEPARTMENT: ("dept", "office", "部", "室"),
    UnitKind.DIVISION: ("div", "business unit", "headquarters", "本部", "事業部", "事業本部",
                        "部門"),
    UnitKind.SECTION: ("group", "課", "係", "グループ"),
    UnitKind.CSIRT: ("CERT", "SIRT", "シーサート", "インシデント対応チーム"),
    UnitKind.TEAM: ("task force", "committee", "チーム", "タスクフォース", "委員会"),
    UnitKind.EXTERNAL: ("external party", "outside", "vendor", "partner", "外部", "外部組織",
                        "外部機関", "社外", "委託先", "ベンダー"),
}
FUNCTIONS: dict[Function, tuple[str, ...]] = {
    Function.IT_OPERATIONS: ("IT ops", "情報システム運用", "システム運用", "IT運用", "運用",
                             "情報システム", "情シス"),
    Function.SYSTEM_DEVELOPMENT: ("development", "dev", "システム開発", "開発"),
    Function.INFORMATION_PLANNING: ("IT planning", "情報企画", "IT企画", "システム企画",
                                    "情報戦略"),
    Function.SECURITY_CENTER: ("security centre", "security", "SOC", "セキュリティセンター",
                               "セキュリティ", "情報セキュリティ"),
    Function.RISK_MANAGEMENT: ("risk", "リスク管理", "リスクマネジメント"),
    Function.ADMINISTRATION: ("admin", "管理", "管理部門"),
    Function.GENERAL_AFFAIRS: ("総務",),
    Function.LEGAL: ("compliance", "法務", "コンプライアンス"),
    Function.MEDIA_RELATIONS: ("PR", "public relations", "広報"),
    Function.CUSTOMER_SERVICE: ("customer support", "顧客サービス", "お客様サービス",
                                "カスタマーサポート", "カスタマーサービス", "顧客対応"),
    Function.SALES: ("営業",),
    Function.MARKETING: ("マーケティング", "販売促進"),
    Function.PROFIT_CENTER: ("profit centre", "business", "収益部門", "プロフィットセンター",
                             "事業"),
    Function.DISASTER_RESPONSE: ("BCP", "災害対応", "防災", "事業継続"),
    Function.INTERNAL_AUDIT: ("audit", "内部監査", "監査"),
}
FLOW_KINDS: dict[FlowKind, tuple[str, ...]] = {
    FlowKind.REPORTING: ("reporting line", "reports to", "指揮命令系統", "報告ライン", "所属",
                         "上下関係"),
    FlowKind.COMMAND: ("instruct", "order", "指示", "命令", "指示・命令", "指揮"),
    FlowKind.DELEGATION: ("delegate", "authority", "権限委譲", "委譲", "委任"),
    FlowKind.CONSENSUS: ("agreement", "consult", "合意", "協議", "合意・協議"),
    FlowKind.SUPPORT: ("支援", "技術支援"),
    FlowKind.REPORT: ("incident report", "escalation", "報告", "インシデント報告",
                      "エスカレーション"),
    FlowKind.COORDINATION: ("liaison", "連携", "外部連携", "調整"),
}
COMPANY_KINDS: dict[CompanyKind, tuple[str, ...]] = {
    CompanyKind.PARENT: ("親会社", "本社"),
    CompanyKind.SUBSIDIARY: ("group company", "子会社", "グループ会社"),
    CompanyKind.IT_SUBSIDIARY: ("IT subsidiary", "情報システム子会社", "IT子会社"),
}
TRUE_WORDS = ("yes", "y", "true", "1", "はい", "対象", "○", "◯", "✓")
FALSE_WORDS = ("no", "n", "false", "0", "いいえ", "対象外", "×")


class AliasConflict(ValueError):
    """Two meanings for one spelling: a bug in the tables above, caught at import time."""


def _lookup(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, spellings in table.items():
        for spelling in (canonical, *spellings):
            key = normalise(spelling)
            if out.get(key, canonical) != canonical:
                raise AliasConflict(f"{spelling!r} means both {out[key]!r} and {canonical!r}")
            out[key] = canonical
    return out


def _enum_lookup(table: dict[E, tuple[str, ...]]) -> dict[str, E]:
    """Value, English label, Japanese label and the listed aliases of each member."""
    words: dict[str, tuple[str, ...]] = {
        m.value: (m.en, m.ja, *spellings)  # type: ignore[attr-defined]
        for m, spellings in table.items()}
    members = {m.value: m for m in table}
    return {k: members[v] for k, v in _lookup(words).items()}


class Vocabulary:
    """One alias table: exact lookup of a normalised word, and a suggestion when it fails."""

    def __init__(self, lookup: dict[str, object], display: list[str]) -> None:
        self._lookup = lookup
        self._display = {normalise(d): d for d in display}
        for key in lookup:
            self._display.setdefault(key, key)

    def get(self, word: str) -> object | None:
        return self._lookup.get(normalise(word))

    def suggest(self, word: str) -> str:
        """The nearest known spelling, as the user would type it, or ''."""
        close = difflib.get_close_matches(normalise(word), list(self._display), n=1, cutoff=0.6)
        return self._display[close[0]] if close else ""


def _vocab(table: dict, enum_table: bool = True) -> Vocabulary:
    if not enum_table:
        return Vocabulary(dict(_lookup(table)), list(table))
    lookup = _enum_lookup(table)
    display = [m.value for m in table] + [s for spellings in table.values() for s in spellings]
    display += [m.ja for m in table]  # type: ignore[attr-defined]
    return Vocabulary(dict(lookup), display)


UNIT_KIND_WORDS = _vocab(UNIT_KINDS)
FUNCTION_WORDS = _vocab(FUNCTIONS)
FLOW_KIND_WORDS = _vocab(FLOW_KINDS)
COMPANY_KIND_WORDS = _vocab(COMPANY_KINDS)
UNIT_HEADER_WORDS = _vocab(UNIT_COLUMNS, enum_table=False)
FLOW_HEADER_WORDS = _vocab(FLOW_COLUMNS, enum_table=False)
COMPANY_HEADER_WORDS = _vocab(COMPANY_COLUMNS, enum_table=False)
SHEET_WORDS = _vocab(SHEET_NAMES, enum_table=False)
_BOOLEANS = {**{normalise(w): True for w in TRUE_WORDS},
             **{normalise(w): False for w in FALSE_WORDS}}


def boolean(word: str) -> bool | None:
    """yes/no in either language, or None when the word is neither."""
    return _BOOLEANS.get(normalise(word))


#: Separators between several functions in one cell.
FUNCTION_SEPARATORS = re.compile(r"[;；,，、\n]+")
