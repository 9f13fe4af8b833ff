"""The 8-step CSIRT establishment process from the source talk ("Process for developing
CSIRT in Japan"): the CERT/CC track beside the Japan track. Status is stored in the design."""

from __future__ import annotations

from dataclasses import dataclass

TRACKS = ("japan", "certcc")


@dataclass(frozen=True)
class Step:
    key: str  # "japan.1" … "certcc.8"
    track: str
    number: int
    en: str
    ja: str

    def title(self, lang: str = "en") -> str:
        return self.ja if lang == "ja" else self.en


_JAPAN = [
    ("Obtain colleagues' support and assistance", "同僚の支持と協力を得る"),
    ("Determine the persuasion plan", "説得計画を立てる"),
    ("Gather negative information", "懸念・反対意見を集める"),
    ("Design the CSIRT organisation model", "CSIRT の組織モデルを設計する"),
    ("Communicate with external CSIRT expertise", "外部の CSIRT 有識者と意見交換する"),
    ("Begin CSIRT documentation", "CSIRT の文書化を始める"),
    ("Propose the idea of CSIRT to management", "経営層に CSIRT 構想を提案する"),
    ("Get the CSIRT budget", "CSIRT の予算を獲得する"),
]
_CERTCC = [
    ("Obtain management support and buy-in", "経営層の支援と賛同を得る"),
    ("Determine the CSIRT strategic plan", "CSIRT の戦略計画を決める"),
    ("Gather relevant information", "関連情報を集める"),
    ("Design the CSIRT vision", "CSIRT のビジョンを設計する"),
    ("Communicate the CSIRT vision and operational plan", "CSIRT のビジョンと運用計画を伝える"),
    ("Begin CSIRT implementation", "CSIRT の導入を始める"),
    ("Announce the operational CSIRT", "CSIRT の運用開始を告知する"),
    ("Evaluate CSIRT effectiveness", "CSIRT の有効性を評価する"),
]

STEPS: tuple[Step, ...] = tuple(
    Step(f"{track}.{i}", track, i, en, ja)
    for track, rows in (("japan", _JAPAN), ("certcc", _CERTCC))
    for i, (en, ja) in enumerate(rows, start=1)
)
STEP_KEYS = frozenset(s.key for s in STEPS)
