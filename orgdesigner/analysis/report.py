"""The result of a check, and its JSON form.

JSON schema (`orgdesigner check FILE --format json`; `CheckReport.to_json(lang)`), version 1.
Keys are stable; new keys may be added, existing ones never change meaning. Texts are in the
requested language (`--lang en|ja`); ids, kinds, severities and feature values never are.

    {
      "schema": "orgdesigner-check",         # constant
      "schema_version": 1,
      "design": {"title": str, "units": int, "flows": int,
                 "main_csirt": {"id": str, "name": str} | null},
      "counts": {"error": int, "warning": int, "info": int},
      "authority": {
        "style": "strong" | "consensual" | "none",
        "label": str,                        # e.g. "Consensual decision making (Japanese model)"
        "explanation": str,                  # why, naming the units
        "csirt": {"id": str, "name": str} | null,   # the CSIRT judged (the main one)
        "evidence": [FLOW, ...],             # flows that make the style
        "partial": [FLOW, ...]               # authority-like flows that do not suffice alone
      },
      "nearest_models": [                    # every template, best first
        {"template_id": str, "name": str, "score": float,      # 0..1, 3 decimals
         "matched":  [FEATURE, ...],         # similarity >= 0.75
         "differed": [FEATURE, ...]}
      ],
      "findings": [                          # sorted by severity, id, first unit
        {"id": str,                          # rule id, e.g. "lacks-authority"
         "severity": "error" | "warning" | "info",
         "message": str, "suggestion": str,
         "source": str,                      # the talk's slide, or framework and clause
         "units": [{"id": str, "name": str}, ...],
         "flows": [str, ...],                # flow ids
         "fix": {"label": str} | null}       # a quick fix exists (the GUI applies it)
      ],
      "process": {
        "current_track": "japan" | "certcc",
        "tracks": {"japan":  [{"key": "japan.1", "number": 1, "title": str,
                               "status": "not_started" | "in_progress" | "done"}, ...],
                   "certcc": [...]},
        "next": {"japan": {"key": str, "number": int, "title": str} | null,
                 "certcc": {...} | null}     # null when every step is done
      }
    }
    FLOW    = {"id": str, "kind": str, "source": str, "target": str,
               "source_name": str, "target_name": str}
    FEATURE = {"feature": str, "label": str, "similarity": float,
               "design": value, "template": value, "text": str}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Design
from .authority import AuthorityResult
from .context import Context
from .findings import Finding, Severity
from .nearest import Comparison, ModelMatch
from .process import ProcessReport

SCHEMA = "orgdesigner-check"
SCHEMA_VERSION = 1


@dataclass
class CheckReport:
    authority: AuthorityResult
    nearest: list[ModelMatch]
    findings: list[Finding]
    process: ProcessReport
    design: Design = field(repr=False)
    main_csirt: str | None = None
    context: Context | None = field(default=None, repr=False)

    def unit_name(self, uid: str, lang: str = "en") -> str:
        """A unit's name as the findings print it (shared names get their company)."""
        if self.context is not None:
            return self.context.name(uid, lang)
        u = self.design.units.get(uid)
        return u.display_name(lang) if u else uid

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Severity}
        for f in self.findings:
            out[f.severity.value] += 1
        return out

    def at_or_above(self, severity: Severity | str) -> list[Finding]:
        """Findings at least as severe as `severity`."""
        limit = Severity(severity).rank
        return [f for f in self.findings if f.severity.rank <= limit]

    def by_id(self, rule_id: str) -> list[Finding]:
        return [f for f in self.findings if f.id == rule_id]

    # ---- JSON --------------------------------------------------------------------------
    def _name(self, uid: str, lang: str) -> str:
        return self.unit_name(uid, lang)

    def _unit(self, uid: str | None, lang: str) -> dict | None:
        return None if uid is None else {"id": uid, "name": self._name(uid, lang)}

    def _flow(self, fid: str, lang: str) -> dict[str, Any]:
        f = self.design.flows.get(fid)
        if f is None:
            return {"id": fid, "kind": "", "source": "", "target": "", "source_name": "",
                    "target_name": ""}
        return {"id": fid, "kind": f.kind.value, "source": f.source, "target": f.target,
                "source_name": self._name(f.source, lang),
                "target_name": self._name(f.target, lang)}

    @staticmethod
    def _feature(c: Comparison, lang: str) -> dict[str, Any]:
        def plain(v: Any) -> Any:
            return list(v) if isinstance(v, tuple) else v
        return {"feature": c.key, "label": c.label(lang), "similarity": round(c.similarity, 3),
                "design": plain(c.design), "template": plain(c.template),
                "text": c.describe(lang)}

    def to_json(self, lang: str = "en") -> dict[str, Any]:
        m = self.design.metadata
        title = (m.title_en or m.title) if lang == "en" else (m.title or m.title_en)
        a = self.authority
        return {
            "schema": SCHEMA,
            "schema_version": SCHEMA_VERSION,
            "design": {"title": title, "units": len(self.design.units),
                       "flows": len(self.design.flows),
                       "main_csirt": self._unit(self.main_csirt, lang)},
            "counts": self.counts(),
            "authority": {
                "style": a.style, "label": a.label(lang), "explanation": a.explanation(lang),
                "csirt": self._unit(a.csirt, lang),
                "evidence": [self._flow(f, lang) for f in a.evidence],
                "partial": [self._flow(f, lang) for f in a.partial],
            },
            "nearest_models": [
                {"template_id": n.template_id, "name": n.name(lang), "score": n.score,
                 "matched": [self._feature(c, lang) for c in n.comparisons if c.matched],
                 "differed": [self._feature(c, lang) for c in n.comparisons if not c.matched]}
                for n in self.nearest],
            "findings": [
                {"id": f.id, "severity": f.severity.value, "message": f.message(lang),
                 "suggestion": f.suggestion(lang), "source": f.source_text(lang),
                 "units": [self._unit(u, lang) for u in f.units], "flows": list(f.flows),
                 "fix": {"label": f.fix_label(lang)} if f.has_fix else None}
                for f in self.findings],
            "process": self.process.to_json(lang),
        }
