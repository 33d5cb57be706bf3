"""Benchmark section ``quality``: how well :func:`ocrfix.quality.estimate` predicts true page CER.

Per corpus subset, the Spearman correlation and the mean absolute error
between estimated and true page CER (diplomatic ground truth, pages split on
form feeds), cross-validated with the benchmark's own folds: each fold's pages
are estimated by a calibration fitted on the other folds only. Reported for
the plain OCR text and, where the corpus has hOCR with word confidences, for
the model that uses them.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ocrfix.bench.sections import register
from ocrfix.corpus import CorpusDocument


def compute(documents: Sequence[CorpusDocument], folds: Sequence[Sequence[CorpusDocument]]) -> dict[str, Any]:
    from ocrfix.quality import cross_validate

    return cross_validate(documents, folds if len(folds) > 1 else 5)


def markdown(data: dict[str, Any]) -> str:
    """The section as Markdown tables (CER figures in percentage points): plain text, then hOCR with confidences."""
    lines = [f"Estimated vs true page CER (diplomatic ground truth), cross-validated by document "
             f"({data.get('folds', '?')} folds). From the plain OCR text:", "", *_table(data)]
    if data.get("hocr"):
        lines += ["", "From the hOCR, with the engine's word confidences (pages that have them):", "", *_table(data["hocr"])]
    return "\n".join(lines)


def _table(data: dict[str, Any]) -> list[str]:
    lines = ["| subset | pages | Spearman | MAE | pages with CER ≤ 15% | MAE there |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    rows = list(data.get("subsets", {}).items()) + [("**all**", data.get("all", {}))]
    for name, stats in rows:
        lines.append(f"| {name} | {stats.get('pages', 0)} | {_number(stats.get('spearman'))} | {_points(stats.get('mae'))} "
                     f"| {stats.get('pages_le15', 0)} | {_points(stats.get('mae_le15'))} |")
    return lines


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _points(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.2f} pp"


register("quality", compute, markdown=markdown)
