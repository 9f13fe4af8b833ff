"""The talk's 8-step establishment process: both tracks with the status stored in the
design, and the next step of each (the first step that is not done)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Design, ProcessStatus
from ..model.process import STEPS, TRACKS, Step

TRACK_NAMES = {"japan": ("Japan", "日本型"), "certcc": ("CERT/CC", "CERT/CC 型")}


def track_name(track: str, lang: str = "en") -> str:
    en, ja = TRACK_NAMES.get(track, (track, track))
    return ja if lang == "ja" else en


@dataclass(frozen=True)
class StepState:
    step: Step
    status: ProcessStatus


@dataclass
class ProcessReport:
    tracks: dict[str, list[StepState]]
    next: dict[str, Step | None]

    def done(self, track: str) -> int:
        return sum(1 for s in self.tracks[track] if s.status is ProcessStatus.DONE)

    def next_step(self, track: str = "japan") -> Step | None:
        return self.next.get(track)

    def current_track(self) -> str:
        """The track the user is following: the one with more steps started (Japan on a
        tie, since the product is about Japanese companies)."""
        def started(track: str) -> int:
            return sum(1 for s in self.tracks[track] if s.status is not ProcessStatus.NOT_STARTED)
        return max(TRACKS, key=lambda t: (started(t), t == "japan"))

    def to_json(self, lang: str = "en") -> dict:
        def step(s: Step | None) -> dict | None:
            return None if s is None else {"key": s.key, "number": s.number,
                                           "title": s.title(lang)}
        return {
            "current_track": self.current_track(),
            "tracks": {t: [{**step(s.step), "status": s.status.value}  # type: ignore[dict-item]
                           for s in states] for t, states in self.tracks.items()},
            "next": {t: step(self.next[t]) for t in self.tracks},
        }


def process_report(design: Design) -> ProcessReport:
    tracks: dict[str, list[StepState]] = {t: [] for t in TRACKS}
    nxt: dict[str, Step | None] = {t: None for t in TRACKS}
    for step in STEPS:
        status = design.process.get(step.key, ProcessStatus.NOT_STARTED)
        tracks[step.track].append(StepState(step, status))
        if nxt[step.track] is None and status is not ProcessStatus.DONE:
            nxt[step.track] = step
    return ProcessReport(tracks, nxt)
