"""The model's field names ("unit name", "member 2 FTE") in Japanese.

The validators name the field they refuse in English; wrapping that name in a `Field` lets a
message show it in the reader's language. Names not listed stay as written (they are the
JSON keys a file uses, which a reader can search for).
"""

from __future__ import annotations

import re

JA: dict[str, str] = {
    "unit name": "部署名",
    "English name": "英語名",
    "unit kind": "部署の種別",
    "function": "機能",
    "headcount": "人数",
    "notes": "メモ",
    "company": "会社",
    "x": "X 座標",
    "y": "Y 座標",
    "width": "幅",
    "height": "高さ",
    "flow source": "線の始点",
    "flow target": "線の終点",
    "flow kind": "線の種類",
    "flow label": "線のラベル",
    "company name": "会社名",
    "company kind": "会社の種別",
    "company id": "会社 ID",
    "in_scope": "対象範囲（in_scope）",
    "cost item name": "費用項目名",
    "cost category": "費用区分",
    "expenditure type (capex/opex)": "支出区分（capex/opex）",
    "recurring": "毎年発生（recurring）",
    "currency": "通貨",
    "title": "題名",
    "English title": "英語の題名",
    "author": "作成者",
    "organisation": "組織名",
    "description": "説明",
    "English description": "英語の説明",
    "source": "出典",
    "created": "作成日",
    "template": "テンプレート",
    "revision": "版",
    "role": "役割",
    "first fiscal year": "初年度",
    "number of years": "年数",
    "fiscal year start month": "年度開始月",
    "overhead multiplier": "法定福利費・間接費係数",
    "name": "名前",
    "name_en": "英語名（name_en）",
    "home unit": "所属部署",
    "FTE": "FTE",
    "dedicated": "専任",
    "start year": "開始年度",
    "service": "サービス",
    "service hours value": "対応時間",
    "point of contact": "窓口（連絡先）",
    "mandate": "権限の承認（mandate）",
    "authority level": "権限の型",
    "membership": "加盟団体",
    "unit id": "部署 ID",
    "flow id": "線の ID",
    "cost item id": "費用項目 ID",
    "id": "ID",
    "unit": "部署",
    "flow": "線",
    "cost item": "費用項目",
    "metadata": "文書情報",
    "budget": "予算",
    "plan": "CSIRT 計画",
    "member": "メンバー",
    "parent": "上位部署",
    "kind": "種別",
    "label": "ラベル",
    "from": "元",
    "to": "先",
    "language": "言語",
    "process step": "プロセスの段階",
    "process status": "プロセスの状態",
    "functions": "機能（functions）",
    "amounts": "金額（amounts）",
    "members": "メンバー（members）",
    "services": "サービス（services）",
    "memberships": "加盟団体（memberships）",
    "flows": "線の一覧",
    "companies": "会社の一覧",
    "supplier": "調達先（グループ会社）",
    "taxable": "課税対象",
    "vendor": "見積・委託先",
    "contract term": "契約期間",
    "FX date": "為替レートの基準日",
    "bonus months": "賞与月数",
    "statutory welfare rate": "法定福利費率",
    "office and equipment per head": "1 名あたりオフィス・機器費",
    "annual pay rise": "昇給率",
    "contingency": "予備費率",
    "consumption tax rate": "消費税率",
    "depreciation years": "償却年数",
    "24x7 option": "24 時間体制の方式",
    "outsourced SOC price": "外部 SOC 委託費",
    "allocation key": "配賦基準",
    "subject": "件名",
    "purpose": "目的・期待効果",
    "budget status": "予算区分",
    "account code": "勘定科目",
    "drafting department": "起案部署",
    "consultee": "合議先",
    "consultees": "合議先の一覧",
    "staffing": "要員区分",
}

#: a member's fields ("member 2 name" is the member's name, not a unit's)
MEMBER_JA: dict[str, str] = {"name": "氏名", "role": "役割", "home unit": "所属部署", "FTE": "FTE",
                             "dedicated": "専任", "start year": "開始年度",
                             "staffing": "要員区分"}

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"member (\d+) (.+)"), "メンバー {0} の{1}"),
    (re.compile(r"member (.+)"), "メンバーの{0}"),
    (re.compile(r"amount for year (\d+)"), "{0} 年目の金額"),
    (re.compile(r"rate for (.+)"), "「{0}」の単価"),
    (re.compile(r"FX rate (.+)"), "{0} の為替レート"),
    (re.compile(r"share (.+)"), "{0} の配賦比率"),
]


def field_name(what: str, lang: str = "en") -> str:
    """`what` in `lang`; unknown names are returned unchanged."""
    if lang != "ja":
        return what
    if what in JA:
        return JA[what]
    for pattern, template in _PATTERNS:
        m = pattern.fullmatch(what)
        if m:
            parts = list(m.groups())
            if pattern.pattern.startswith("member"):
                parts[-1] = MEMBER_JA.get(parts[-1], field_name(parts[-1], lang))
            return template.format(*parts)
    return what


class Field(str):
    """A field name that shows itself in the reader's language inside a Message."""

    def text(self, lang: str = "en") -> str:
        return field_name(str.__str__(self), lang)

    def __str__(self) -> str:
        return str.__str__(self)
