"""Messages of writing files (atomic writes, diagram exports), the budget and the settings."""

from __future__ import annotations

OUTPUT: dict[str, tuple[str, str]] = {
    # -- atomic writes (formats/atomic.py) ---------------------------------------------------
    "write.is_folder": ("{path}: is a folder, not a file",
                        "{path}: フォルダーです（ファイルではありません）"),
    "write.permission": ("{path}: permission denied", "{path}: 書き込む権限がありません"),
    "write.no_folder": ("{path}: the folder {folder} does not exist",
                        "{path}: フォルダー {folder} がありません"),
    "write.os_error": ("{path}: {reason}", "{path}: 書き込めません（{reason}）"),
    # -- diagram export (render/export.py) ----------------------------------------------------
    "export.bad_paper": ("unknown paper {paper!r}; use one of: {papers}",
                         "用紙「{paper}」は不明です。使える用紙：{papers}"),
    "export.small_text": ("fitted to {paper}, labels are {pt:.1f} pt (under 6 pt, hard to read);"
                          " try --scope overview, --scope company:ID or --paper a3-landscape",
                          "{paper} に収めると文字が {pt:.1f} pt になり、"
                          "6 pt 未満で読みにくくなります。--scope overview（概要図）、"
                          "--scope company:ID（会社ごと）または --paper a3-landscape を"
                          "使ってください"),
    "export.bad_scope": ("unknown scope {scope!r}; use all, overview, company:ID or branch:ID",
                         "範囲「{scope}」は不明です。all、overview、company:ID、branch:ID の"
                         "いずれかを指定してください"),
    "export.no_scope_target": ("--scope {scope}: the design has no company or unit "
                               "with id {id!r}",
                               "--scope {scope}: 設計に ID「{id}」の会社・部署はありません"),
    "export.auto_overview": ("the whole design ({count:,} units) would be an unreadable sliver;"
                             " drew the overview (companies and their top levels) instead — "
                             "use --scope all to force the whole chart, or --scope company:ID",
                             "設計全体（{count:,} 部署）は細長すぎて読めないため、概要図（各社と"
                             "その上位階層）を描きました。全体図が必要なら --scope all、"
                             "会社ごとなら --scope company:ID を指定してください"),
    "export.pdf_book": ("the whole design is unreadable on one {paper} page; wrote {pages} "
                        "pages: the overview, then each company's pages (bookmarked)",
                        "設計全体は {paper} 1 ページでは読めないため、{pages} ページに分けました"
                        "（1 ページ目が概要図、以降は会社ごと。しおり付き）"),
    "export.pdf_book_branches": ("{companies} companies too large to read on one page show "
                                 "their top levels, each large branch folded into a box "
                                 "that links to its own page ({pages} branch pages)",
                                 "1 ページでは読めない {companies} 社は上位階層だけを載せ、"
                                 "大きな部門は件数入りの箱にまとめて、その部門のページへ"
                                 "リンクしました（部門のページは {pages} ページ）"),
    "export.pdf_book_small": ("{count} company pages still have labels under 6 pt; export "
                              "those with --scope branch:ID or --paper a3-landscape",
                              "{count} 社のページは文字が 6 pt 未満です。--scope branch:ID "
                              "または --paper a3-landscape で書き出してください"),
    "export.bad_format": ("cannot export a diagram as {what!r}; use one of: {formats}",
                          "「{what}」の形式では図を書き出せません。使える形式：{formats}"),
    "export.bad_layout": ("unknown layout {layout!r}; use one of: {layouts}",
                          "配置方法「{layout}」は不明です。使える配置方法：{layouts}"),
    "export.bad_dpi": ("DPI must be between 10 and 1200, not {dpi}",
                       "DPI は 10～1200 で指定してください（{dpi} は範囲外）"),
    "export.layout_needs_pygraphviz": ("Graphviz layout needs pygraphviz: {detail}",
                                       "Graphviz による配置には pygraphviz が必要です（{detail}）"),
    "export.needs_pygraphviz": ("diagram export needs pygraphviz: {detail}",
                                "図の書き出しには pygraphviz が必要です（{detail}）"),
    "export.render_failed": ("Graphviz could not render {fmt}: {detail}",
                             "Graphviz で {fmt} を作成できませんでした（{detail}）"),
    "export.no_output": ("Graphviz produced no {fmt} output",
                         "Graphviz が {fmt} を出力しませんでした"),
    # -- PowerPoint and draw.io (render/pptx_*.py, render/drawio_out.py, render/deck*.py) ------
    "pptx.bad_aspect": ("unknown slide aspect {aspect!r}; use one of: {aspects}",
                        "スライドの縦横比「{aspect}」は不明です。使える縦横比：{aspects}"),
    "pptx.bad_template": ("{path}: cannot be used as a PowerPoint template ({detail})",
                          "{path}: PowerPoint のテンプレートとして読み込めません（{detail}）"),
    # -- budget (budget/*.py) -----------------------------------------------------------------
    "budget.no_fx": ("no exchange rate for {currency}: add '{currency}' to the budget's FX rates "
                     "(yen per {currency})",
                     "{currency} の為替レートがありません。予算の為替レートに「{currency}」"
                     "（1 {currency} あたりの円）を追加してください"),
    "budget.not_number": ("{what} must be a number, not {value!r}",
                          "{what}は数値で指定してください（「{value}」は不可）"),
    "budget.negative": ("{what} must be a non-negative number, not {value!r}",
                        "{what}は 0 以上の数値で指定してください（「{value}」は不可）"),
    "budget.not_yen": ("{what} must be whole yen, not {value!r}",
                       "{what}は円単位の整数で指定してください（「{value}」は不可）"),
    "budget.years": ("the number of years must be between 1 and 20, not {years!r}",
                     "年数は 1～20 で指定してください（「{years}」は範囲外）"),
    "budget.what_param": ("{name} in the settings", "設定の「{name}」"),
    "budget.what_fallback": ("the fallback role rate in the settings", "設定の既定の単価"),
    "budget.what_role_rate": ("the rate for role {name!r}", "役割「{name}」の単価"),
    "budget.what_fx": ("the FX rate for {currency}", "{currency} の為替レート"),
    "budget.bad_lang": ("language must be one of {langs}, not {lang!r}",
                        "言語は {langs} のいずれかで指定してください（「{lang}」は不可）"),
    "budget.needs_xlsxwriter": ("writing the budget workbook needs the XlsxWriter package "
                                "(pip install XlsxWriter)",
                                "予算ワークブックの出力には XlsxWriter パッケージが必要です"
                                "（pip install XlsxWriter）"),
    "budget.bad_diagram": ("cannot embed the diagram: {detail}", "図を埋め込めません（{detail}）"),
    "budget.no_diagram_export": ("diagram export is not available: {detail}",
                                 "図の書き出しが使えません（{detail}）"),
    "budget.diagram_failed": ("the diagram could not be rendered: {detail}",
                              "図を作成できませんでした（{detail}）"),
    "budget.not_png": ("the diagram is not a PNG image", "図が PNG 画像ではありません"),
    "budget.defaults_missing": ("budget defaults are missing (resources/budget/defaults.json); "
                                "the installation is incomplete",
                                "予算の既定値がありません（resources/budget/defaults.json）。"
                                "インストールが不完全です"),
    "budget.defaults_unreadable": ("budget defaults cannot be read: {detail}",
                                   "予算の既定値を読み込めません（{detail}）"),
    # -- settings (settings.py) ---------------------------------------------------------------
    "settings.bad_language": ("{value!r} is not a supported language ({langs})",
                              "「{value}」は使える言語ではありません（{langs}）"),
    "settings.bad_currency": ("{value!r} is not a currency code such as JPY",
                              "「{value}」は通貨コード（JPY など）ではありません"),
    "settings.rates_not_object": ("must be an object of role → yearly cost",
                                  "「役割 → 年額」のオブジェクトで指定してください"),
    "settings.empty_role": ("a role name is empty", "役割名が空です"),
    "settings.bad_rate": ("rate for {role!r} must be a whole number ≥ 0, not {rate!r}",
                          "役割「{role}」の単価は 0 以上の整数で指定してください（「{rate}」は"
                          "不可）"),
    "settings.not_number": ("{value!r} is not a number", "「{value}」は数値ではありません"),
    "settings.value_range": ("{value} is outside 0–{high}", "{value} は 0～{high} の範囲外です"),
    "settings.not_seconds": ("{value!r} is not a whole number of seconds",
                             "「{value}」は秒数（整数）ではありません"),
    "settings.interval_range": ("{value} s is outside {low}–{high} s (0 = off)",
                                "{value} 秒は {low}～{high} 秒の範囲外です（0 で無効）"),
    "settings.not_paths": ("must be a list of file paths",
                           "ファイルパスのリストで指定してください"),
    "settings.not_notices": ("must be a list of notice names", "通知名のリストで指定してください"),
    "settings.too_large": ("it is larger than {size} KB", "{size} KB より大きいため"),
    "settings.not_utf8": ("it is not UTF-8 text", "UTF-8 のテキストではないため"),
    "settings.not_json": ("it is not valid JSON ({detail})",
                          "JSON として正しくないため（{detail}）"),
    "settings.not_object": ("it is not a JSON object", "JSON のオブジェクトではないため"),
    "settings.bad_schema": ("its schema version {schema!r} is not valid",
                            "スキーマのバージョン「{schema}」が正しくないため"),
    "settings.newer": ("it was written by a newer OrgDesigner (settings schema {schema}; this "
                       "version reads {supported})",
                       "新しい OrgDesigner で保存されたため（設定のスキーマ {schema}。"
                       "このバージョンで読めるのは {supported} まで）"),
    "settings.backed_up": ("it was backed up to {path}", "{path} に退避しました"),
    "settings.not_backed_up": ("it could not be backed up ({reason})",
                               "退避もできませんでした（{reason}）"),
    "settings.corrupt": ("The settings file {path} could not be used because {reason}; {where} "
                         "and the default settings are used.",
                         "設定ファイル {path} は{reason}使えませんでした。{where}。"
                         "既定の設定を使います。"),
    "settings.defaults_not_written": ("The default settings could not be written: {detail}",
                                      "既定の設定を保存できませんでした：{detail}"),
    "settings.unreadable": ("The settings file {path} could not be read ({reason}); the default "
                            "settings are used.",
                            "設定ファイル {path} を読み込めませんでした（{reason}）。"
                            "既定の設定を使います。"),
    "settings.bad_value": ("Setting {name!r} in {path}: {detail}; the default ({default!r}) is "
                           "used instead.",
                           "{path} の設定「{name}」：{detail}。代わりに既定値（{default}）を"
                           "使います。"),
    "settings.cannot_save": ("setting {name!r}: {detail}", "設定「{name}」：{detail}"),
    "settings.folder_error": ("{path}: {reason}", "{path}: フォルダーを作れません（{reason}）"),
    "settings.recent_not_saved": ("Recent files could not be saved: {detail}",
                                  "最近使ったファイルの一覧を保存できませんでした：{detail}"),
}
