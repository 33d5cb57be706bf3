"""Run every candidate on one corpus document and measure it.

For one document this produces, per candidate: the corrected text's score
against the logical ground truth, the edits it made and how many of them were
helpful or harmful on their own (:mod:`ocrfix.bench.precision`), the damage it
does to the clean ground truth, the time it took, and — for candidates that
include ``layout`` on a labelled document — the layout helper's item-by-item
scores. Steps shared by several candidates (``dedup`` alone and the ``dedup``
that starts the pipeline) run once.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import Levenshtein

from ocrfix.bench.candidates import Candidate
from ocrfix.bench.precision import judge
from ocrfix.corpus import CorpusDocument
from ocrfix.metrics import Score, score
from ocrfix.profiles import normalize
from ocrfix.pipeline import Pipeline, Strategy


@dataclass
class Outcome:
    """One candidate on one document."""

    corrected: Score
    edits: int
    helpful: int
    harmful: int
    damage: int  # characters changed (normalised edit distance) when run on the logical ground truth
    damage_length: int  # normalised length of that ground truth
    seconds: float
    items: dict[str, Any] | None = None


@dataclass
class DocumentResult:
    """Every candidate's outcome on one document, with the raw OCR's score."""

    id: str
    meta: dict[str, Any]
    chars: int
    raw: Score
    outcomes: dict[str, Outcome] = field(default_factory=dict)


@dataclass
class _Stage:
    text: str
    edits: int
    helpful: int
    harmful: int
    seconds: float


class _Chains:
    """Memoised step-by-step runs over one text: the prefix ``(a, b)`` is computed once for all candidates."""

    def __init__(self, text: str, instances: dict[str, Strategy], reference: str | None, profile: str) -> None:
        self.text = text
        self.instances = instances
        self.reference = reference  # when given, every edit is judged against it
        self.profile = profile
        self.stages: dict[tuple[str, ...], _Stage] = {}

    def run(self, steps: tuple[str, ...]) -> list[_Stage]:
        stages = []
        text = self.text
        for length in range(1, len(steps) + 1):
            key = steps[:length]
            stage = self.stages.get(key)
            if stage is None:
                stage = self.stages[key] = self._step(self.instances[key[-1]], text)
            stages.append(stage)
            text = stage.text
        return stages

    def _step(self, strategy: Strategy, text: str) -> _Stage:
        started = time.process_time()  # CPU time of this process: throughput on one core, whatever else runs
        result = Pipeline([strategy]).run(text)
        seconds = time.process_time() - started
        helpful = harmful = 0
        if self.reference is not None and result.edits:
            verdicts = judge(text, self.reference, result.edits, self.profile)
            helpful, harmful = verdicts.count(-1), verdicts.count(1)
        return _Stage(result.text, len(result.edits), helpful, harmful, seconds)


def evaluate_document(
    document: CorpusDocument,
    candidates: list[Candidate],
    instances: dict[str, Strategy],
    profile: str = "default",
) -> DocumentResult:
    """Run ``candidates`` (their steps taken from ``instances``) on ``document`` and score them."""
    on_ocr = _Chains(document.ocr, instances, document.gt, profile)
    on_gt = _Chains(document.gt, instances, None, profile)
    clean = normalize(document.gt, profile)
    result = DocumentResult(
        id=document.id,
        meta={key: document.meta.get(key) for key in ("subset", "engine", "layout", "font", "level")},
        chars=len(document.ocr),
        raw=score(document.gt, document.ocr, profile),
    )
    for candidate in candidates:
        stages = on_ocr.run(candidate.steps)
        corrected = stages[-1].text
        damaged = on_gt.run(candidate.steps)[-1].text
        result.outcomes[candidate.name] = Outcome(
            corrected=score(document.gt, corrected, profile),
            edits=sum(stage.edits for stage in stages),
            helpful=sum(stage.helpful for stage in stages),
            harmful=sum(stage.harmful for stage in stages),
            damage=Levenshtein.distance(clean, normalize(damaged, profile)) if damaged != document.gt else 0,
            damage_length=len(clean),
            seconds=sum(stage.seconds for stage in stages),
            items=_layout_items(document, corrected) if "layout" in candidate.steps else None,
        )
    return result


def _layout_items(document: CorpusDocument, corrected: str) -> dict[str, Any] | None:
    """The layout helper's item-by-item scores, where the document has labels and the scorer exists."""
    if document.files.get("labels") is None:
        return None
    try:
        from ocrfix.layout_items import score_items
    except ImportError:
        return None
    return score_items(document, corrected)
