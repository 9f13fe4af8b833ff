"""Messages of the model's validation and of reading `.orgd` files.

Japanese style: terse error lines (no です/ます needed), 「」 around names and values as typed.
"""

from __future__ import annotations

LOAD: dict[str, tuple[str, str]] = {
    # -- shared pieces ------------------------------------------------------------------
    "quote.name": ("'{value}'", "「{value}」"),
    "quote.repr": ("{value!r}", "「{value}」"),
    "prefix.path": ("{path}: {message}", "{path}：{message}"),
    "hint.did_you_mean": ("; did you mean '{choice}'?", "。「{choice}」の誤りではありませんか？"),
    # -- field validation (model/validate.py) --------------------------------------------
    "value.not_enum": ("{value!r} is not a {what}{hint}", "{what}「{value}」は不明です{hint}"),
    "value.not_text": ("{what} must be text, not {type}",
                       "{what}は文字列で指定してください（{type} 型は使えません）"),
    "value.empty": ("{what} must not be empty", "{what}が空です"),
    "value.too_long": ("{what} is {length} characters long; the limit is {limit}",
                       "{what}が {length} 文字あります（上限は {limit} 文字）"),
    "value.not_bool": ("{what} must be true or false, not {value!r}",
                       "{what}は true か false で指定してください（「{value}」は不可）"),
    "value.not_int": ("{what} must be a whole number, not {value!r}",
                      "{what}は整数で指定してください（「{value}」は不可）"),
    "value.int_range": ("{what} must be between {low} and {high}, not {value}",
                        "{what}は {low}～{high} の範囲で指定してください（{value} は範囲外）"),
    "value.not_number": ("{what} must be a number, not {value!r}",
                         "{what}は数値で指定してください（「{value}」は不可）"),
    "value.number_range": ("{what} must be between {low:g} and {high:g}, not {value:g}",
                           "{what}は {low:g}～{high:g} の範囲で指定してください"
                           "（{value:g} は範囲外）"),
    "value.not_amount": ("{what} must be an amount, not {value!r}",
                         "{what}は金額で指定してください（「{value}」は不可）"),
    "value.negative_amount": ("{what} must be a non-negative amount, not {value!r}",
                              "{what}は 0 以上の金額で指定してください（「{value}」は不可）"),
    "value.bad_id": ("{what} must be a non-empty text id, not {value!r}",
                     "{what}は空でない文字列で指定してください（「{value}」は不可）"),
    "value.id_too_long": ("{what} is longer than 200 characters",
                          "{what}が 200 文字を超えています"),
    "value.not_list": ("{what} must be a list, not {value!r}",
                       "{what}はリストで指定してください（「{value}」は不可）"),
    # -- the design's invariants (model/design.py) ---------------------------------------
    "design.amounts_too_many": ("amounts cover at most 50 years", "金額は最大 50 年分までです"),
    "design.rates_not_mapping": ("role rates must be a mapping of role to yearly cost",
                                 "役割別単価は「役割 → 年額」の対応表で指定してください"),
    "design.shares_not_mapping": ("allocation shares must be a mapping of company id to a "
                                  "number", "配賦比率は会社 ID と数値の対応で指定してください"),
    "design.fx_not_mapping": ("FX rates must be a mapping of currency to yen",
                              "為替レートは「通貨 → 円」の対応表で指定してください"),
    "design.no_field": ("{what} has no field {name!r}", "{what}に項目「{name}」はありません"),
    "design.no_unit": ("no unit with id {id!r}", "ID「{id}」の部署はありません"),
    "design.no_company": ("no company with id {id!r}", "ID「{id}」の会社はありません"),
    "design.no_flow": ("no flow with id {id!r}", "ID「{id}」の線はありません"),
    "design.no_cost": ("no cost item with id {id!r}", "ID「{id}」の費用項目はありません"),
    "design.dup_company": ("a company with id {id!r} already exists",
                           "ID「{id}」の会社がすでにあります"),
    "design.dup_unit": ("a unit with id {id!r} already exists", "ID「{id}」の部署がすでにあります"),
    "design.dup_flow": ("a flow with id {id!r} already exists", "ID「{id}」の線がすでにあります"),
    "design.dup_cost": ("a cost item with id {id!r} already exists",
                        "ID「{id}」の費用項目がすでにあります"),
    "design.company_not_empty": (
        "company {id!r} still holds {count} unit(s); move them first",
        "会社「{id}」にはまだ {count} 個の部署があります。先に移動してください"),
    "design.unit_needs_name": ("unit {id!r} needs a name",
                               "部署「{id}」に名前（日本語または英語）がありません"),
    "design.unit_unknown_company": ("unit {id!r} names unknown company {company!r}",
                                    "部署「{id}」の会社「{company}」がありません"),
    "design.unit_has_flows": ("unit {id!r} still has flows; remove them first",
                              "部署「{id}」にはまだ線があります。先に削除してください"),
    "design.flow_unknown_unit": ("flow {id!r} refers to unknown unit {unit!r}",
                                 "線「{id}」の端の部署「{unit}」がありません"),
    "design.flow_loop": ("flow {id!r} starts and ends at the same unit",
                         "線「{id}」の始点と終点が同じ部署です"),
    "design.second_superior": ("{child} already reports to {superior}; a unit has one "
                               "reporting superior",
                               "{child}はすでに{superior}の配下です（上位部署は 1 つだけです）"),
    "design.cycle": ("reporting line would form a cycle: {names}",
                     "指揮命令系統が循環します：{names}"),
    "design.not_step": ("{step!r} is not a process step",
                        "「{step}」はプロセスの段階ではありません"),
    # -- reading .orgd files (formats/orgd.py) -------------------------------------------
    "orgd.unreadable": ("unreadable file", "読めないファイルです"),
    "orgd.more_problems": (" (and {count} more problem(s))", "（ほか {count} 件の問題）"),
    "orgd.is_folder": ("is a folder, not a design file",
                       "フォルダーです（設計ファイルではありません）"),
    "orgd.too_big": ("file is {size:.1f} MB; designs larger than {limit} MB are refused",
                     "ファイルが {size:.1f} MB あります。{limit} MB を超える設計ファイルは開け"
                     "ません"),
    "orgd.too_large": ("file is too large", "ファイルが大きすぎます"),
    "file.not_found": ("no such file", "ファイルがありません"),
    "file.permission": ("permission denied", "アクセス権がありません"),
    "file.os_error": ("{reason}", "読み込めません（{reason}）"),
    "orgd.not_utf8": ("not UTF-8 text (invalid byte at offset {offset}); is this an "
                      "OrgDesigner file?",
                      "UTF-8 のテキストではありません（{offset} バイト目が不正）。"
                      "OrgDesigner のファイルですか？"),
    "orgd.not_json": ("not valid JSON: {detail} at line {line} column {column}",
                      "JSON として正しくありません（{line} 行 {column} 列目：{detail}）"),
    "orgd.too_deep": ("JSON is nested too deeply to be a design",
                      "JSON の入れ子が深すぎます（設計ファイルではありません）"),
    "orgd.bad_constant": ("{name} is not a valid number in a design file",
                          "{name} は設計ファイルで使える数値ではありません"),
    "orgd.not_design": ('not an OrgDesigner design (expected "format": "{format}")',
                        'OrgDesigner の設計ファイルではありません（"format": "{format}" が'
                        'ありません）'),
    "orgd.bad_version": ("{version!r} is not a valid format version",
                         "「{version}」は正しい形式バージョンではありません"),
    "orgd.newer": ("this file was written by a newer OrgDesigner (format version {version}); "
                   "this version reads up to {supported}. Please update OrgDesigner.",
                   "このファイルは新しい OrgDesigner で保存されています（形式バージョン "
                   "{version}）。このバージョンで読めるのは {supported} までです。"
                   "OrgDesigner を更新してください。"),
    "orgd.missing_field": ("missing field {name!r}", "項目「{name}」がありません"),
    "orgd.not_object": ("{what} must be an object, not {type}",
                        "{what}はオブジェクトで指定してください（{type} 型は使えません）"),
    "orgd.not_list": ("must be a list, not {type}",
                      "リストで指定してください（{type} 型は使えません）"),
    "orgd.process_not_object": ("must be an object of step → status",
                                "「段階 → 状態」のオブジェクトで指定してください"),
    "orgd.not_step": ("is not a process step", "プロセスの段階ではありません"),
    "orgd.unknown_field": ("unknown field {name!r}", "不明な項目「{name}」があります"),
    "orgd.field_not_list": ("{what} must be a list", "{what}はリストで指定してください"),
}
