"""Messages of the limits that keep hostile or corrupt input bounded (issue 17): files that
are not regular files, values out of any real organisation's range, unencodable text,
oversized sheets, and the safety of files on disk.
"""

from __future__ import annotations

LIMITS: dict[str, tuple[str, str]] = {
    # -- reading files (formats/safe_read.py) ---------------------------------------------
    "file.not_regular": ("is not a regular file (a device, pipe or socket); refused",
                         "通常のファイルではありません（デバイス・パイプ・ソケット）。"
                         "読み込みません"),
    "file.too_big": ("file is larger than {limit} MB; refused",
                     "ファイルが {limit} MB を超えています。読み込みません"),
    # -- .orgd parsing (formats/orgd.py) ----------------------------------------------------
    "orgd.duplicate_key": ("the key {key!r} appears twice in one object; a design names each "
                           "field once",
                           "同じオブジェクトにキー「{key}」が 2 回あります（項目は 1 回だけ"
                           "書いてください）"),
    "orgd.number_too_long": ("a number with {digits} digits is not a value a design holds",
                             "{digits} 桁の数値は設計ファイルの値として扱えません"),
    "orgd.too_many": ("{what} holds {count} entries; the limit is {limit}",
                      "{what}が {count} 件あります（上限は {limit} 件）"),
    # -- field validation (model/validate.py, model/limits.py) ------------------------------
    "value.unencodable": ("{what} contains a character that cannot be saved (a lone "
                          "surrogate U+{code:04X} at position {pos}); fix the text",
                          "{what}に保存できない文字（単独のサロゲート U+{code:04X}、{pos} 文字目）"
                          "があります。文字列を直してください"),
    "value.amount_range": ("{what} must be between {low} and {high}, not {value}",
                           "{what}は {low}～{high} の範囲で指定してください（{value} は範囲外）"),
    "value.too_precise": ("{what} has more than {places} decimal places: {value}",
                          "{what}の小数点以下が {places} 桁を超えています：{value}"),
    "value.year_range": ("{what} must be 0 (the default) or a year between {low} and {high}, "
                         "not {value}",
                         "{what}は 0（既定）か {low}～{high} の年で指定してください"
                         "（{value} は範囲外）"),
    # -- sheets (formats/table_read.py, table_xlsx.py) --------------------------------
    "table.too_many_columns": ("row has {count:,} columns; sheets with more than {limit:,} "
                               "columns are refused",
                               "行に {count:,} 列あります"
                               "（{limit:,} 列を超えるシートは読み込みません）"),
    "table.cell_too_long": ("cell holds {length:,} characters; the limit is {limit:,}",
                            "セルに {length:,} 文字あります（上限は {limit:,} 文字）"),
    "table.too_many_merges": ("more than {limit:,} merged cells; unmerge the sheet and "
                              "fill in the values",
                              "結合セルが {limit:,} を超えています。"
                              "結合を解除して値を入れてください"),
    "table.mixed_encoding": ("this row is UTF-8 but the file was read as Shift_JIS (CP932): "
                             "the file mixes encodings; re-save it in one",
                             "この行は UTF-8 ですが、ファイルは Shift_JIS"
                             "（CP932）として読みました。"
                             "文字コードが混在しています。1 つの文字コードで保存し直してください"),
    "table.no_units": ("the sheet has a header but no units",
                       "見出し行はありますが、部署の行がありません"),
    "xlsx.item_too_big": ("{part} holds one row or string larger than {limit} MB; not an HR "
                          "sheet",
                          "{part} に {limit} MB を超える行または文字列があります"
                          "（人事表ではありません）"),
    "xlsx.too_many_strings": ("{part} holds more than {limit:,} characters of text; too large "
                              "to import",
                              "{part} の文字数が {limit:,} を超えています"
                              "（大きすぎて読み込めません）"),
    # -- exports (render/export.py) ----------------------------------------------------
    "export.png_scaled": ("the diagram is too large for a {dpi} dpi PNG; drawn at {fit:.3g} "
                          "dpi (use SVG or PDF for full detail)",
                          "図が大きすぎて {dpi} dpi の PNG にできないため、"
                          "{fit:.3g} dpi で描きました"
                          "（細部まで必要なら SVG か PDF で書き出してください）"),
    "budget.text_cut": ("{what} is {length:,} characters long; a workbook cell holds "
                        "{limit:,}, so the workbook shows it cut short",
                        "{what}が {length:,} 文字あります。ブックのセルには {limit:,} 文字までしか"
                        "入らないため、途中までを載せます"),
    # -- writing (formats/atomic.py, budget/xlsx.py) -------------------------------------
    "write.unencodable": ("{path}: the text cannot be saved as UTF-8 ({detail})",
                          "{path}: UTF-8 で保存できない文字があります（{detail}）"),
}
