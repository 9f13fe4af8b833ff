"""`check(design)`: authority style, nearest models, findings and process in one pass.

The adjacency is built once (`Context`) and shared; every rule is linear in the design, and
template features are cached, so a re-check after each edit stays cheap. A rule that fails
on some input it did not foresee must never take the whole check down: it is reported as an
`internal-error` finding instead (and re-raised under ORGDESIGNER_DEBUG).
"""

from __future__ import annotations

import os

from ..model import Design
from . import rules_flows, rules_placement, rules_position, rules_staff  # noqa: F401  (rules)
from .authority import authority_style
from .context import Context
from .features import extract
from .findings import RULES, Finding, Severity, Text
from .nearest import rank
from .process import process_report
from .report import CheckReport


def run_rules(ctx: Context, only: set[str] | None = None) -> list[Finding]:
    found: list[Finding] = []
    for rule in RULES.values():
        if only is not None and rule.id not in only:
            continue
        try:
            found.extend(rule.fn(ctx))
        except Exception as exc:
            if os.environ.get("ORGDESIGNER_DEBUG"):
                raise
            found.append(Finding(
                "internal-error", Severity.INFO, (), (), "OrgDesigner",
                Text(f"Rule '{rule.id}' could not run: {type(exc).__name__}: {exc}. "
                     "Please report this.",
                     f"ルール「{rule.id}」を実行できませんでした：{type(exc).__name__}: {exc}。"
                     "ご報告ください。"),
                Text("The other findings are unaffected.", "他の指摘には影響しません。")))
    found.sort(key=Finding.sort_key)
    return found


def check(design: Design) -> CheckReport:
    ctx = Context(design)
    auth = authority_style(ctx)
    return CheckReport(
        authority=auth,
        nearest=rank(extract(ctx, auth)),
        findings=run_rules(ctx),
        process=process_report(design),
        design=design,
        main_csirt=ctx.primary,
        context=ctx,
    )
