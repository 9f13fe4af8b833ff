"""Messages of the HR-sheet import (formats/table_*.py): each names the place in the sheet
through its TableProblem, so the text says only what is wrong and what to do."""

from __future__ import annotations

TABLES: dict[str, tuple[str, str]] = {
    # -- problem framing --------------------------------------------------------------------
    "table.warning": ("warning: ", "警告："),
    "table.info": ("info: ", "情報："),
    "table.row": ("row {row}", "{row} 行目"),
    "table.cannot_import": ("cannot import", "取り込めません"),
    "table.more_errors": (" (and {count} more error(s))", "（ほか {count} 件のエラー）"),
    # -- files and encodings -------------------------------------------------------------
    "table.is_folder": ("is a folder, not a spreadsheet",
                        "フォルダーです（表のファイルではありません）"),
    "table.too_big": ("file is {size:.1f} MB; sheets larger than {limit} MB are refused",
                      "ファイルが {size:.1f} MB あります。{limit} MB を超える表は取り込めません"),
    "table.xls": ("this is an old Excel 97–2003 (.xls) workbook; save it as .xlsx (Excel "
                  "Workbook) or CSV UTF-8 and import that",
                  "古い Excel 97–2003 形式（.xls）のブックです。Excel で .xlsx（Excel ブック）"
                  "または CSV UTF-8 として保存し直してから取り込んでください"),
    "table.unknown_encoding": ("unknown encoding {encoding!r}",
                               "文字コード「{encoding}」は不明です"),
    "table.bad_encoding": ("not valid {encoding} text (byte 0x{byte:02x} at offset {offset})",
                           "{encoding} のテキストとして読めません（{offset} バイト目の "
                           "0x{byte:02x} が不正）"),
    "table.damaged_utf8": ("not valid UTF-8: damaged byte 0x{byte:02x} at offset {offset} after "
                           "valid UTF-8 text; fix or re-save the file, or give the encoding "
                           "(--encoding)",
                           "UTF-8 として読めません（正しい UTF-8 の後、{offset} バイト目の "
                           "0x{byte:02x} が壊れています）。ファイルを修正・保存し直すか、"
                           "文字コードを指定してください（--encoding）"),
    "table.not_utf8_sjis": ("neither UTF-8 nor Shift_JIS (CP932) text (byte 0x{byte:02x} at "
                            "offset {offset}); save it from Excel as 'CSV UTF-8' or give the "
                            "encoding (--encoding)",
                            "UTF-8 でも Shift_JIS（CP932）でもありません（{offset} バイト目の "
                            "0x{byte:02x}）。Excel で「CSV UTF-8」として保存するか、文字コードを"
                            "指定してください（--encoding）"),
    "table.bad_bom": ("not valid {encoding} text despite its byte-order mark (offset {offset})",
                      "BOM があるのに {encoding} のテキストとして読めません（{offset} バイト目）"),
    "table.read_as_sjis": ("read as Shift_JIS (CP932)", "Shift_JIS（CP932）として読み込みました"),
    "table.too_many_rows": ("more than {limit:,} rows; split the sheet",
                            "{limit:,} 行を超えています。表を分割してください"),
    "table.not_csv": ("not readable as CSV: {detail}", "CSV として読めません（{detail}）"),
    "table.not_xlsx": ("not a readable .xlsx workbook ({detail})",
                       "読み込める .xlsx ブックではありません（{detail}）"),
    "xlsx.not_part": ("{part} is not a {root} part", "{part} は {root} のパートではありません"),
    "xlsx.truncated": ("{part} ends in the middle of its data",
                       "{part} がデータの途中で切れています"),
    "xlsx.missing_part": ("the workbook is missing its part {part}",
                          "ブックにパート {part} がありません"),
    "xlsx.part_too_big": ("{part} unpacks to {size:.0f} MB; too large to import",
                          "{part} は展開すると {size:.0f} MB になり、大きすぎて取り込めません"),
    "xlsx.formula_no_result": ("the cell holds a formula with no saved result (the file was "
                               "never calculated by Excel); open and save it in Excel, or type "
                               "the value",
                               "セルの数式に計算結果が保存されていません（Excel で一度も計算"
                               "されていないファイルです）。Excel で開いて保存するか、値を入力して"
                               "ください"),
    "xlsx.missing_string": ("the cell refers to missing shared string {index}",
                            "セルが存在しない共有文字列 {index} を参照しています"),
    "xlsx.error_value": ("the cell shows the Excel error {value}; fix the formula or type the "
                         "value", "セルが Excel のエラー {value} になっています。数式を直すか、"
                         "値を入力してください"),
    # -- sheets ----------------------------------------------------------------------------
    "table.csv_sheet_ignored": ("'{sheet}' ignored: a CSV file has one sheet",
                                "「{sheet}」は無視しました（CSV ファイルのシートは 1 つです）"),
    "table.side_read": ("{role} read from {name}", "{role}を {name} から読み込みました"),
    "table.encoding_ignored": ("--encoding ignored: a workbook carries its own",
                               "--encoding は無視しました（ブックは文字コードを自分で持っていま"
                               "す）"),
    "table.no_sheets": ("the workbook has no sheets", "ブックにシートがありません"),
    "table.no_such_sheet": ("no sheet named '{sheet}'; the workbook has {names}",
                            "シート「{sheet}」がありません。ブックのシート：{names}"),
    "table.merged": ("merged cells {ref}: the value of the first cell is used for rows "
                     "{first}–{last}",
                     "結合セル {ref}：{first}～{last} 行目には先頭のセルの値を使いました"),
    # -- header ------------------------------------------------------------------------------
    "table.no_header": ("no header row found in the first {rows} rows; expected column names "
                        "such as {example}",
                        "先頭 {rows} 行に見出し行がありません。{example} などの列名が必要です"),
    "table.header_example": ("{en} (or {ja})", "{ja}（または {en}）"),
    "table.empty_sheet": ("the sheet is empty", "シートが空です"),
    "table.column_ignored": ("column '{label}' is not recognised and was ignored{hint}",
                             "列「{label}」は不明なため無視しました{hint}"),
    "table.column_hint": (" (did you mean '{choice}'?)",
                          "（「{choice}」の誤りではありませんか？）"),
    "table.column_repeated": ("column '{label}' repeats column {letter} ({canonical}); remove "
                              "one of them",
                              "列「{label}」は {letter} 列（{canonical}）と重複しています。"
                              "どちらかを削除してください"),
    "table.missing_column": ("missing required column '{names}'",
                             "必須の列「{names}」がありません"),
    # -- cells -----------------------------------------------------------------------------
    "table.unknown_hint": ("unknown {what} '{value}'; did you mean '{choice}'?",
                           "{what}「{value}」は不明です。「{choice}」の誤りではありませんか？"),
    "table.unknown_known": ("unknown {what} '{value}' (known: {choices})",
                            "{what}「{value}」は不明です（使える値：{choices}）"),
    "table.no_kind_column": ("no kind column: every unit is imported as a department",
                             "種別の列がありません。すべての部署を「部」として取り込みます"),
    "table.empty_name": ("empty name: every unit needs a name",
                         "名前が空です。部署には名前が必要です"),
    "table.empty_kind": ("kind is empty; imported as a department",
                         "種別が空です。「部」として取り込みます"),
    "table.bad_headcount": ("bad headcount '{value}': expected a whole number from 0 to "
                            "{limit:,}",
                            "人数「{value}」が正しくありません（0～{limit:,} の整数で指定）"),
    "table.flow_end_empty": ("'{end}' is empty: a flow needs both ends",
                             "「{end}」が空です。線には両端が必要です"),
    "table.flow_kind_empty": ("flow kind is empty (one of {choices})",
                              "線の種類が空です（{choices} のいずれか）"),
    "table.empty_company_name": ("empty company name", "会社名が空です"),
    "table.not_yes_no": ("'{value}' is not yes or no (はい/いいえ)",
                         "「{value}」は「はい」「いいえ」（yes/no）のどちらでもありません"),
    # -- across rows (table_resolve.py) ---------------------------------------------------
    "table.row_id": ("row {row} (id {id})", "{row} 行目（ID {id}）"),
    "table.ambiguous_unit": ("ambiguous {what} '{ref}': {count} units have that name — "
                             "{where}; give the id instead",
                             "{what}「{ref}」があいまいです。この名前の部署が {count} 個あります"
                             "（{where}）。ID で指定してください"),
    "table.unknown_unit": ("unknown {what} '{ref}': no unit has that id or name{hint}",
                           "{what}「{ref}」は不明です。その ID や名前の部署がありません{hint}"),
    "table.self_parent": ("unit '{id}' cannot report to itself",
                          "部署「{id}」は自分自身の配下にはなれません"),
    "table.cycle_step": ("'{id}' (row {row})", "「{id}」（{row} 行目）"),
    "table.cycle": ("reporting cycle (each reports to the next): {names}; change one of these "
                    "parents",
                    "指揮命令系統が循環しています（それぞれ次の部署の配下）：{names}。"
                    "いずれかの上位部署を変更してください"),
    "table.duplicate_id": ("duplicate id '{id}' (first used on row {row})",
                           "ID「{id}」が重複しています（最初は {row} 行目）"),
    "table.no_id_column": ("no id column: ids are made from row numbers and parents are "
                           "matched by name",
                           "ID の列がありません。ID は行番号から作り、上位部署は名前で照合します"),
    "table.id_made_up": ("id is empty; '{id}' was made up",
                         "ID が空です。「{id}」を割り当てました"),
    "table.duplicate_company": ("duplicate company id '{id}'", "会社 ID「{id}」が重複しています"),
    "table.ambiguous_company": ("ambiguous company '{name}': companies {ids} have that name; "
                                "give the id",
                                "会社「{name}」があいまいです（同じ名前の会社：{ids}）。"
                                "ID で指定してください"),
    "table.unknown_company": ("unknown company '{name}': not in sheet '{sheet}'",
                              "会社「{name}」はシート「{sheet}」にありません"),
    "table.created_company": ("{name} ({kind})", "{name}（{kind}）"),
    "table.companies_created": ("companies created: {names}{more}; the first is taken as the "
                                "parent company — add a companies sheet to set kinds",
                                "会社を作成しました：{names}{more}。最初の会社を親会社とします"
                                "（種別を決めるには会社シートを追加してください）"),
    "table.flow_same_unit": ("flow starts and ends at the same unit '{id}'",
                             "線の始点と終点が同じ部署「{id}」です"),
    "table.same_flow": ("same flow as row {row}; skipped", "{row} 行目と同じ線のため飛ばしました"),
    "table.second_superior": ("'{child}' already reports to '{parent}' ({sheet} row {row}); a "
                              "unit has one reporting superior",
                              "「{child}」はすでに「{parent}」の配下です（{sheet} の {row} 行目）。"
                              "上位部署は 1 つだけです"),
}
