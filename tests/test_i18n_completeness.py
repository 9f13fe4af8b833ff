"""Everything a user reads exists in Japanese.

UI strings: the committed catalogue `resources/translations/orgdesigner_ja.ts` has a finished
translation for every message, lupdate finds no string in the GUI code that the catalogue
lacks, translations keep their placeholders and shortcuts, and the code marks strings in
ways lupdate can see. Content: every enum label, template, finding (message, suggestion,
quick fix, source), process step, workbook label and legend entry has Japanese.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "orgdesigner_ja.ts"
GUI = ROOT / "orgdesigner" / "gui"
JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")
PLACEHOLDER = re.compile(r"\{\w*\}|%\d|%n")
TAG = re.compile(r"</?\w+[^>]*>")
#: Translations that may stay as written: product and format names, abbreviations.
SAME_ALLOWED = {"FTE", "ID", "GraphML (yEd)", "Graphviz dot", "CSIRT", "No."}


def _lupdate() -> str:
    exe = ROOT / ".venv" / "bin" / "pyside6-lupdate"
    found = str(exe) if exe.is_file() else shutil.which("pyside6-lupdate")
    if not found:
        pytest.skip("pyside6-lupdate is not installed")
    return found


def _lupdate_flags() -> list[str]:
    """The flags `make lupdate` uses (kept in one place, the Makefile)."""
    for line in (ROOT / "Makefile").read_text(encoding="utf-8").splitlines():
        if line.startswith("LUPDATE_FLAGS"):
            return line.split(":=", 1)[1].split()
    raise AssertionError("Makefile has no LUPDATE_FLAGS")


def _messages(path: Path) -> list[dict]:
    out = []
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            numerus = msg.get("numerus") == "yes"
            texts = ([f.text or "" for f in tr.findall("numerusform")] if numerus
                     else [tr.text or ""])
            out.append({"context": name, "source": msg.findtext("source") or "",
                        "type": tr.get("type", ""), "texts": texts, "numerus": numerus})
    return out


def _live(messages: list[dict]) -> list[dict]:
    return [m for m in messages if m["type"] not in ("obsolete", "vanished")]


# ---- the UI catalogue --------------------------------------------------------------------

def test_every_ui_string_has_a_japanese_translation():
    messages = _live(_messages(TS))
    assert len(messages) > 200
    unfinished = [f"{m['context']}: {m['source']!r}" for m in messages
                  if m["type"] == "unfinished" or not all(t.strip() for t in m["texts"])]
    assert not unfinished, ("untranslated entries in orgdesigner_ja.ts (translate them with "
                            "pyside6-linguist):\n" + "\n".join(unfinished))


def test_lupdate_finds_no_string_missing_from_the_catalogue(tmp_path):
    fresh = tmp_path / "fresh_ja.ts"
    files = sorted(str(p) for p in GUI.rglob("*.py"))
    done = subprocess.run([_lupdate(), *_lupdate_flags(), *files, "-ts", str(fresh)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    found = {(m["context"], m["source"]) for m in _messages(fresh)}
    committed = {(m["context"], m["source"]) for m in _live(_messages(TS))}
    new = sorted(found - committed)
    gone = sorted(committed - found)
    assert not new, ("strings in the GUI code missing from orgdesigner_ja.ts — run "
                     "`make lupdate` and translate them:\n"
                     + "\n".join(f"{c}: {s!r}" for c, s in new))
    assert not gone, ("orgdesigner_ja.ts has entries no code uses any more — run "
                      "`make lupdate`:\n" + "\n".join(f"{c}: {s!r}" for c, s in gone))


def test_contexts_are_ones_the_code_translates_in():
    """lupdate names a context after the class around `self.tr`, the literal context of
    `translate("Ctx", …)`, or "" for module helpers; anything else (`box`, `self.scene`,
    `QCoreApplication.self`) means the code and the catalogue disagree at run time."""
    bad = sorted({m["context"] for m in _messages(TS)
                  if m["context"] and not re.fullmatch(r"[A-Z][A-Za-z0-9_]*", m["context"])})
    assert not bad, f"contexts that no tr() uses at run time: {bad}"


def test_translations_keep_placeholders_markup_and_shortcuts():
    problems = []
    for m in _live(_messages(TS)):
        src = m["source"]
        for text in m["texts"]:
            if sorted(PLACEHOLDER.findall(src)) != sorted(PLACEHOLDER.findall(text)):
                problems.append(f"placeholders differ: {src!r} → {text!r}")
            if len(TAG.findall(src)) != len(TAG.findall(text)):
                problems.append(f"markup differs: {src!r} → {text!r}")
            if re.search(r"&[^&\s]", src.replace("&amp;", "")) and "&" not in text:
                problems.append(f"shortcut (&) lost: {src!r} → {text!r}")
            if not JAPANESE.search(text) and text not in SAME_ALLOWED:
                problems.append(f"not Japanese: {src!r} → {text!r}")
    assert not problems, "\n".join(problems)


def test_compiled_catalogue_translates_every_message(tmp_path, qapp):
    from PySide6.QtCore import QTranslator

    from orgdesigner.gui.i18n.language import compile_ts

    qm = tmp_path / "orgdesigner_ja.qm"
    compile_ts(TS, qm)
    t = QTranslator()
    assert t.load(str(qm))
    wrong = [(m["context"], m["source"]) for m in _live(_messages(TS)) if not m["numerus"]
             and t.translate(m["context"], m["source"]) != m["texts"][0]]
    assert not wrong


# ---- code that lupdate cannot read ----------------------------------------------------------

def _call_name(node: ast.Call) -> str:
    f = node.func
    return f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", "")


def _is_qt_translate(node: ast.Call) -> bool:
    """QCoreApplication.translate(…) (not QPainter.translate(x, y))."""
    f = node.func
    if isinstance(f, ast.Name):
        return f.id == "translate"
    return isinstance(f.value, ast.Name) and f.value.id in ("QCoreApplication", "QApplication",
                                                            "QGuiApplication")


def _code_problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel = path.relative_to(ROOT)
    plain_constants = {t.id for n in tree.body if isinstance(n, ast.Assign)
                       and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
                       for t in n.targets if isinstance(t, ast.Name)}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if isinstance(inner, ast.Call) and _call_name(inner) in ("tr", "_tr"):
                    out.append(f"{rel}:{node.lineno}: {ast.unparse(inner)} inside an f-string; "
                               "lupdate does not look there")
        if isinstance(node, ast.FunctionDef) and node.name in ("tr", "_tr"):
            calls = [c for c in ast.walk(node) if isinstance(c, ast.Call)
                     and _call_name(c) == "translate" and _is_qt_translate(c)]
            if not calls or not all(isinstance(c.args[0], ast.Constant) and c.args[0].value == ""
                                    for c in calls):
                out.append(f"{rel}:{node.lineno}: helper {node.name}() must translate in the "
                           "empty context (lupdate files its strings there)")
        if not isinstance(node, ast.Call):
            continue
        name = _call_name(node)
        if name == "tr":
            owner = node.func.value if isinstance(node.func, ast.Attribute) else None
            if owner is not None and not (isinstance(owner, ast.Name) and owner.id == "self"):
                out.append(f"{rel}:{node.lineno}: {ast.unparse(node.func)}() translates in "
                           "another class's context than lupdate records; use self.tr() or "
                           "QCoreApplication.translate(\"Context\", …)")
            text = node.args[0] if node.args else None
        elif name == "translate" and len(node.args) >= 2 and _is_qt_translate(node):
            text = node.args[1]
            ctx = node.args[0]
            if not (isinstance(ctx, ast.Constant) and isinstance(ctx.value, str)):
                out.append(f"{rel}:{node.lineno}: translate() with a computed context; "
                           "lupdate only reads a literal one")
        else:
            continue
        if isinstance(text, ast.JoinedStr):
            out.append(f"{rel}:{node.lineno}: f-string passed to {name}(); translate a "
                       "template and .format() it")
        elif isinstance(text, ast.Name) and text.id in plain_constants:
            out.append(f"{rel}:{node.lineno}: {name}({text.id}) — mark the constant with "
                       "QT_TRANSLATE_NOOP so lupdate sees it")
    return out


def test_gui_code_marks_strings_the_way_lupdate_reads_them():
    problems = [p for f in sorted(GUI.rglob("*.py")) for p in _code_problems(f)]
    assert not problems, "\n".join(problems)


# ---- content ------------------------------------------------------------------------------

def _japanese(text: str) -> bool:
    return bool(JAPANESE.search(text))


def test_every_enum_member_has_english_and_japanese_labels():
    from orgdesigner.model import enums

    classes = [c for c in vars(enums).values() if isinstance(c, type)
               and issubclass(c, enums.Labelled) and c is not enums.Labelled]
    assert len(classes) >= 8
    missing = [f"{c.__name__}.{m.name}" for c in classes for m in c
               if not m.label("en").strip()
               or not (_japanese(m.label("ja")) or m.label("ja") in SAME_ALLOWED)]
    assert not missing, missing
    services = [k for k, (en, ja) in enums.SERVICES.items() if not en or not _japanese(ja)]
    assert not services


def test_severities_process_steps_and_statuses_are_bilingual():
    from orgdesigner.analysis import Severity
    from orgdesigner.analysis.process import track_name
    from orgdesigner.model.process import STEPS, TRACKS

    assert all(_japanese(s.label("ja")) and s.label("en") for s in Severity)
    assert all(_japanese(s.title("ja")) and s.title("en") for s in STEPS)
    assert all(_japanese(track_name(t, "ja")) for t in TRACKS)


def test_every_template_has_japanese_and_english_names_and_descriptions():
    from orgdesigner import templates

    rows = templates.all_info()
    assert rows
    for r in rows:
        assert _japanese(r.name) and r.name_en.strip(), r.id
        assert _japanese(r.description) and r.description_en.strip(), r.id


def _designs_for_every_rule():
    """Shipped templates, plus variants that break them in the ways the rules look for."""
    from orgdesigner import templates
    from orgdesigner.model import (
        Authority,
        Company,
        CompanyKind,
        CsirtPlan,
        Design,
        Flow,
        FlowKind,
        Function,
        Member,
        ServiceHours,
        Unit,
        UnitKind,
    )

    yield Design()
    bare = Design()
    bare.add_unit(Unit("m", "経営層", UnitKind.MANAGEMENT))
    yield bare
    for tid in templates.ids():
        yield templates.load(tid)
        d = templates.load(tid)
        for cid in list(d.costs):
            d.remove_cost(cid)
        for u in list(d.csirts()):
            d.set_plan(u.id, CsirtPlan(members=[Member("a", "analyst", fte=0.5)],
                                       hours=ServiceHours.ALWAYS, authority=Authority.FULL))
        yield d
        d = templates.load(tid)
        for u in list(d.csirts()):
            d.set_plan(u.id, CsirtPlan())
            for f in [f.id for f in d.flows.values()
                      if f.target == u.id and f.kind is FlowKind.REPORTING]:
                d.remove_flow(f)
        d.add_unit(Unit("dis", "災害対策本部", UnitKind.TEAM, name_en="Disaster response",
                        functions=(Function.DISASTER_RESPONSE,)))
        yield d
    g = Design()
    g.add_company(Company("p", "親会社", "Parent", CompanyKind.PARENT))
    g.add_company(Company("s", "子会社", "Subsidiary", CompanyKind.SUBSIDIARY))
    for uid, name, kind, company in (("m", "経営層", UnitKind.MANAGEMENT, "p"),
                                     ("c1", "本社CSIRT", UnitKind.CSIRT, "p"),
                                     ("c3", "工場CSIRT", UnitKind.CSIRT, "p"),
                                     ("m2", "子会社経営層", UnitKind.MANAGEMENT, "s"),
                                     ("c2", "子会社CSIRT", UnitKind.CSIRT, "s")):
        g.add_unit(Unit(uid, name, kind, company=company))
    for fid, a, b in (("f1", "m", "c1"), ("f2", "m2", "c2"), ("f3", "m", "c3")):
        g.add_flow(Flow(fid, a, b, FlowKind.REPORTING))
    yield g
    # a CIO who is also the CISO, and a delegation drawn upward
    d = templates.load("strong-authority")
    cio = next(u.id for u in d.units.values() if u.kind is UnitKind.EXECUTIVE)
    csirt = d.csirts()[0].id
    d.update_unit(cio, name="CIO兼CISO", name_en="CIO and CISO")
    d.add_flow(Flow("up", csirt, cio, FlowKind.DELEGATION))
    yield d


def test_every_finding_rule_speaks_japanese():
    from orgdesigner.analysis import RULES, check
    from orgdesigner.analysis.sources import JA

    fired: set[str] = set()
    for design in _designs_for_every_rule():
        for f in check(design).findings:
            fired.add(f.id)
            for what, ja, en in (("message", f.message("ja"), f.message("en")),
                                 ("suggestion", f.suggestion("ja"), f.suggestion("en")),
                                 ("source", f.source_text("ja"), f.source_text("en"))):
                assert _japanese(ja) and en and ja != en, (f.id, what, ja)
            if f.has_fix:
                assert _japanese(f.fix_label("ja")), (f.id, f.fix_label("ja"))
    assert fired == set(RULES), f"rules never exercised here: {sorted(set(RULES) - fired)}"
    assert all(r.source in JA for r in RULES.values())


def test_workbook_help_and_legend_words_are_bilingual():
    from orgdesigner import help_content
    from orgdesigner.budget import labels
    from orgdesigner.render.style import colour_legend, legend_entries

    bad = [k for k, (en, ja) in labels._T.items() if not en.strip() or not ja.strip()
           or not (_japanese(ja) or ja in SAME_ALLOWED)]
    assert not bad, bad
    assert all(_japanese(label) or label in SAME_ALLOWED for _, label, _ in
               legend_entries("ja"))
    assert all(_japanese(label) for label, _, _ in colour_legend("ja"))
    for table in (help_content.UNIT_MEANING, help_content.FLOW_MEANING):
        assert all(_japanese(ja) and en for en, ja in table.values())
    assert _japanese(help_content.models_text("ja"))


# ---- the command line ----------------------------------------------------------------------

#: Words that may stay English in Japanese output: names of frameworks, formats, products.
CLI_ALLOWED = {"csirt", "fte", "sim", "open", "foundation", "enisa", "cert", "jpcert", "first",
               "soc", "orgdesigner", "models", "japan", "yed", "graphml", "nca", "cio", "ciso",
               "cmu", "sei", "iso", "iec", "ceptoar", "nisc"}


def _english_words(text: str, *, drop: list[str]) -> list[str]:
    for d in drop:
        text = text.replace(d, " ")
    text = re.sub(r"「[^」]*」", " ", text)  # verbatim quotes of the English source talk
    text = re.sub(r"\S+\.(?:orgd|csv|xlsx|svg|png|pdf|dot|graphml)\b", " ", text)  # files
    text = re.sub(r"\[[a-z0-9-]+\]|\([a-z0-9-]+\)|\b[a-z]+-[a-z0-9-]+\b", " ", text)  # ids
    words = re.findall(r"[A-Za-z]{3,}", text)
    return sorted({w for w in words if w.lower() not in CLI_ALLOWED})


@pytest.mark.parametrize("argv", [
    ["templates"],
    ["info", "{m2}"],
    ["check", "{m2}"],
    ["budget", "{m2}"],
    ["budget", "{m2}", "-o", "{tmp}/b.xlsx", "--no-diagram"],
    ["export", "{m2}", "-o", "{tmp}/d.svg"],
    ["export", "{m2}", "-o", "{tmp}/t.csv"],
    ["new", "-t", "model-1", "-o", "{tmp}/n.orgd"],
    ["import", "{tmp}/t.csv", "-o", "{tmp}/i.orgd"],
    ["propose", "{m2}", "-o", "{tmp}/p.orgd"],
    ["compare", "{tmp}/p.orgd"],
], ids=lambda a: " ".join(a[:1] + [x for x in a[1:] if x.startswith("-") and x != "-o"]))
def test_cli_speaks_japanese(argv, tmp_path, capsys):
    from orgdesigner.cli import main

    m2 = str(ROOT / "resources" / "templates" / "model-2.orgd")
    if argv[0] == "import":
        assert main(["export", m2, "-o", str(tmp_path / "t.csv")]) == 0
    if argv[0] == "compare":
        assert main(["propose", m2, "-o", str(tmp_path / "p.orgd"), "--lang", "ja"]) == 0
    args = [a.format(m2=m2, tmp=tmp_path) for a in argv] + ["--lang", "ja"]
    capsys.readouterr()
    assert main(args) in (0, 1), capsys.readouterr().err
    out = capsys.readouterr().out
    assert JAPANESE.search(out), out
    lines = out.splitlines()
    if argv[0] == "templates":  # the citations of the source material are kept as written
        lines = [ln for ln in lines if not ln.strip().startswith("出典:")]
    from orgdesigner import templates

    drop = [str(tmp_path), m2, *sorted(templates.ids(), key=len, reverse=True)]
    assert _english_words("\n".join(lines), drop=drop) == []
