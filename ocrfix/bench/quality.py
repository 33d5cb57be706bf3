"""Benchmark section ``quality``: how well :func:`ocrfix.quality.estimate` predicts true page CER.

Per corpus subset, the Spearman correlation and the mean absolute error
between estimated and true page CER (diplomatic ground truth, pages split on
form feeds), cross-validated with the benchmark's own folds: each fold's pages
are estimated by a calibration fitted on the other folds only. Reported for
the plain OCR text and, where the corpus has hOCR with word confidences, for
the model that uses them. :func:`evaluation_markdown` gives the same table, with
the interval's coverage, for a fitted model scored without refitting
(``ocrfix quality --evaluate``).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ocrfix.bench.sections import register
from ocrfix.corpus import CorpusDocument


def compute(documents: Sequence[CorpusDocument], folds: Sequence[Sequence[CorpusDocument]]) -> dict[str, Any]:
    """The cross-validated figures over the leaderboard's folds; 5 folds of its own when the run used one."""
    from ocrfix.quality import cross_validate

    return cross_validate(documents, folds if len(folds) > 1 else 5)


def markdown(data: dict[str, Any]) -> str:
    """The section as Markdown tables (CER figures in percentage points): plain text, then hOCR with confidences."""
    lines = [f"Estimated vs true page CER (diplomatic ground truth), cross-validated by document "
             f"({data.get('folds', '?')} folds). From the plain OCR text:", "", *_table(data)]
    if data.get("hocr"):
        lines += ["", "From the hOCR, with the engine's word confidences (pages that have them):", "", *_table(data["hocr"])]
    return "\n".join(lines)


def evaluation_markdown(data: dict[str, Any], corpus: str, model: str | None) -> str:
    """:func:`ocrfix.quality.evaluate`'s figures for ``corpus`` (``model``: None for the shipped one) as a
    Markdown table: the section's columns, then the bias and the 80% interval's coverage.

    >>> stats = {"pages": 2, "spearman": None, "mae": 0.01, "pages_le15": 2, "mae_le15": 0.01, "bias_le15": -0.002,
    ...          "coverage": 0.5, "below": 0.0}
    >>> print(evaluation_markdown({"subsets": {}, "all": stats}, "pairs/", None).splitlines()[-1])
    | **all** | 2 | – | 1.00 pp | 2 | 1.00 pp | -0.20 pp | 50% | 0% |
    """
    more = [("bias there", lambda stats: _points(stats["bias_le15"], "+.2f")),
            ("in 80% interval", lambda stats: _percent(stats["coverage"])),
            ("under it", lambda stats: _percent(stats["below"]))]
    return "\n".join([f"Estimated vs true page CER (diplomatic ground truth) on {corpus}, "
                      f"model {model or 'shipped'}, no refit:", "", *_table(data, more)]) + "\n"


def _table(data: dict[str, Any], more: Sequence[tuple[str, Callable[[dict[str, Any]], str]]] = ()) -> list[str]:
    """A row per subset and one for all pages; ``more``: further (title, cell of a row's figures) columns."""
    titles = ["subset", "pages", "Spearman", "MAE", "pages with CER ≤ 15%", "MAE there", *(title for title, _ in more)]
    lines = ["| " + " | ".join(titles) + " |", "| --- |" + " ---: |" * (len(titles) - 1)]
    rows = list(data.get("subsets", {}).items()) + [("**all**", data.get("all", {}))]
    for name, stats in rows:
        cells = [name, str(stats.get("pages", 0)), _number(stats.get("spearman")), _points(stats.get("mae")),
                 str(stats.get("pages_le15", 0)), _points(stats.get("mae_le15")), *(cell(stats) for _, cell in more)]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def _points(value: float | None, spec: str = ".2f") -> str:
    return "–" if value is None else f"{100 * value:{spec}} pp"


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.0f}%"


register("quality", compute, markdown=markdown)
