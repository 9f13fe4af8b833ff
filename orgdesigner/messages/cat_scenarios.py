"""Messages about scenarios (現状 and proposals) and their comparison."""

from __future__ import annotations

SCENARIOS: dict[str, tuple[str, str]] = {
    "scenario.unknown": ("there is no scenario {key!r}", "シナリオ「{key}」はありません"),
    "scenario.dup_id": ("scenario id {id!r} is already in use",
                        "シナリオ ID「{id}」はすでに使われています"),
    "scenario.needs_design": ("a new scenario needs its design",
                              "新しいシナリオには設計が必要です"),
    "scenario.keep_baseline": ("the current organisation and the open scenario cannot be "
                               "deleted", "現状と表示中のシナリオは削除できません"),
    "scenario.no_field": ("a scenario has no field {name!r}",
                          "シナリオに「{name}」という項目はありません"),
    "scenario.long_name": ("a scenario name is at most 200 characters",
                           "シナリオ名は 200 文字以内です"),
    "scenario.baseline_first": ("the current organisation stays first",
                                "現状は常に先頭です"),
    "scenario.bad_list": ("scenarios must be a list of objects",
                          "scenarios はオブジェクトのリストである必要があります"),
    "scenario.bad_changes": ("the changes of a scenario are malformed at {where!r}",
                             "シナリオの変更内容の形式が正しくありません（{where}）"),
    "scenario.need_two": ("compare needs two designs: two files, or a file with a proposal",
                          "比較には 2 つの設計が必要です（ファイル 2 つ、または案を含むファイル）"),
}
