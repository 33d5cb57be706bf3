"""Many documents scored at once: a row per document and the micro/macro totals (``ocrfix score --gt-dir``).

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.gt.txt").write_text("the cat"), (folder / "a.txt").write_text("the cot")
>>> result = evaluate_folder(folder)
>>> result.names, result.total.distance
(['a'], 1)
>>> print(result.text(), end="")
document        CER      WER    edits     chars    words
a            0.1429   0.5000        1         7        2
micro        0.1429   0.5000        1         7        2
macro        0.1429   0.5000
profile default, 1 document
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocrfix.errors import OcrfixError
from ocrfix.io.files import PathLike
from ocrfix.metrics import Aggregate, Score, aggregate, score


@dataclass(frozen=True)
class Evaluation:
    """The scores of named documents under one profile, their totals, and the files they were read from."""

    profile: str
    names: list[str]
    scores: list[Score]
    total: Aggregate
    inputs: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready figures: the profile, a row per document, the totals (``ocrfix score --format json``)."""
        return {"profile": self.profile,
                "documents": [{"name": n, **s.as_dict()} for n, s in zip(self.names, self.scores)],
                "total": self.total.as_dict()}

    def text(self) -> str:
        """A plain-text table: a row per document, then the micro and macro totals."""
        names, total = self.names, self.total
        width = max([10, *(len(n) for n in names)])
        lines = [f"{'document':<{width}}  {'CER':>7}  {'WER':>7}  {'edits':>7}  {'chars':>8}  {'words':>7}"]
        lines += [f"{n:<{width}}  {s.cer:>7.4f}  {s.wer:>7.4f}  {s.distance:>7}  {s.reference_length:>8}  "
                  f"{s.reference_words:>7}" for n, s in zip(names, self.scores)]
        lines.append(f"{'micro':<{width}}  {total.micro_cer:>7.4f}  {total.micro_wer:>7.4f}  {total.distance:>7}  "
                     f"{total.reference_length:>8}  {total.reference_words:>7}")
        lines.append(f"{'macro':<{width}}  {total.macro_cer:>7.4f}  {total.macro_wer:>7.4f}")
        lines.append(f"profile {self.profile}, {total.documents} document{'s' * (total.documents != 1)}")
        return "\n".join(lines) + "\n"

    def html(self, title: str = "OCR evaluation") -> str:
        """An HTML page of the totals and the documents, worst first (:func:`ocrfix.report.html_summary`)."""
        from ocrfix.report import html_summary

        return html_summary(self.names, self.scores, self.total, title=title)


def evaluate_pairs(pairs: Sequence[tuple[str, PathLike, PathLike]], profile: str = "default", *,
                   progress: bool | None = False, **options: int) -> Evaluation:
    """Score each ``(name, ground-truth file, hypothesis file)``; ``options`` are :func:`ocrfix.metrics.score`'s
    gap bounds (``max_gap_chars``, ``max_gap_words``); ``progress`` shows a bar (None: only on a terminal)."""
    from ocrfix.io import read_text
    from ocrfix.progress import progress_bar

    names, scores, inputs = [], [], []
    for name, gt_path, hyp_path in progress_bar(pairs, progress=progress, desc="scoring", unit="doc",
                                                leave=False):
        names.append(name)
        scores.append(score(read_text(gt_path), read_text(hyp_path), profile, **options))
        inputs += [str(gt_path), str(hyp_path)]
    return Evaluation(profile, names, scores, aggregate(scores), tuple(inputs))


def folder_pairs(gt_dir: PathLike, hyp_dir: PathLike | None = None) -> list[tuple[str, Path, Path]]:
    """:func:`ocrfix.corpus.find_pairs`, with OcrfixError when there are none."""
    from ocrfix.corpus import find_pairs

    pairs = find_pairs(gt_dir, hyp_dir)
    if not pairs:
        where = gt_dir if not hyp_dir else f"{os.fspath(gt_dir)} and {os.fspath(hyp_dir)}"
        raise OcrfixError("no pairs found (NAME.gt.txt with NAME.txt or NAME.ocr.txt)", where)
    return pairs


def evaluate_folder(gt_dir: PathLike, hyp_dir: PathLike | None = None, profile: str = "default", *,
                    progress: bool | None = False, **options: int) -> Evaluation:
    """Score every ``NAME.gt.txt`` of ``gt_dir`` against ``NAME.txt`` or ``NAME.ocr.txt`` of ``hyp_dir``
    (default: ``gt_dir``); OcrfixError when there is no pair."""
    return evaluate_pairs(folder_pairs(gt_dir, hyp_dir), profile, progress=progress, **options)
