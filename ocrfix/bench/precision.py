"""Edit precision: does an edit, applied alone to its input, bring the text closer to the ground truth?

Each edit is judged in a window around it: the input is aligned once to the
reference (rapidfuzz, in C++), the window's span is mapped through that
alignment, and the metric's distance (same normalisation profile, and the
CER's ``[illegible]`` rule where the window holds a gap) is compared with and
without the edit. An edit
is *helpful* when the distance falls, *harmful* when it rises, neutral
otherwise. Judging each edit alone keeps one strategy's good edits from hiding
its bad ones.

>>> from ocrfix.pipeline import Edit
>>> fix = Edit(4, 7, "cat", "demo", "", 1.0, "cut")
>>> worse = Edit(12, 15, "hat", "demo", "", 1.0, "mat")
>>> judge("the cut sat mat", "the cat sat mat", [fix, worse])
[-1, 1]
"""
from __future__ import annotations

import bisect
from collections.abc import Sequence

import numpy as np
import regex
from rapidfuzz.distance import Levenshtein

from ocrfix.metrics import cer
from ocrfix.profiles import normalize
from ocrfix.pipeline import Edit

GAP = regex.compile(r"\[illegible\]")
MARGIN = 24  # characters of context on each side of an edit, widened to whole words


def judge(text: str, reference: str, edits: Sequence[Edit], profile: str = "default") -> list[int]:
    """For each edit into ``text``: -1 if alone it lowers the distance to ``reference``, +1 if it raises it, else 0."""
    if not edits:
        return []
    to_reference = _offset_map(text, reference)
    gaps = [(match.start(), match.end()) for match in GAP.finditer(reference)]
    gap_starts = [start for start, _ in gaps]
    verdicts = []
    for edit in edits:
        start = _word_start(text, max(0, edit.start - MARGIN))
        end = _word_end(text, min(len(text), edit.end + MARGIN))
        ref_start, ref_end = _widen_over_gaps(int(to_reference[start]), int(to_reference[end]), gaps, gap_starts)
        window = reference[ref_start:ref_end]
        before = text[start:end]
        after = text[start:edit.start] + edit.replacement + text[edit.end:end]
        change = _distance(window, after, profile) - _distance(window, before, profile)
        verdicts.append((change > 0) - (change < 0))
    return verdicts


def _distance(reference: str, hypothesis: str, profile: str) -> float:
    """The metric's distance (or, with a gap, its rate: same reference, same order), fast where there is no gap."""
    if "[illegible]" in reference:
        return cer(reference, hypothesis, profile)
    return Levenshtein.distance(normalize(reference, profile), normalize(hypothesis, profile))


def _offset_map(text: str, reference: str) -> np.ndarray:
    """For every offset 0..len(text) of ``text``, the aligned offset in ``reference`` (non-decreasing)."""
    mapping = np.empty(len(text) + 1, dtype=np.int64)
    for tag, i1, i2, j1, j2 in Levenshtein.opcodes(text, reference):
        if i2 == i1:
            continue
        if tag == "equal":
            mapping[i1:i2] = np.arange(j1, j2)
        elif tag == "replace":
            mapping[i1:i2] = j1 + np.minimum(np.arange(i2 - i1), j2 - j1)
        else:  # delete
            mapping[i1:i2] = j1
    mapping[len(text)] = len(reference)
    return mapping


def _word_start(text: str, offset: int) -> int:
    limit = max(0, offset - MARGIN)
    while offset > limit and not text[offset - 1].isspace():
        offset -= 1
    return offset


def _word_end(text: str, offset: int) -> int:
    limit = min(len(text), offset + MARGIN)
    while offset < limit and not text[offset].isspace():
        offset += 1
    return offset


def _widen_over_gaps(start: int, end: int, gaps: list[tuple[int, int]], gap_starts: list[int]) -> tuple[int, int]:
    """Never cut an ``[illegible]`` marker in two: a half marker would count as literal letters."""
    index = bisect.bisect_right(gap_starts, start) - 1
    if index >= 0 and gaps[index][0] < start < gaps[index][1]:
        start = gaps[index][0]
    index = bisect.bisect_right(gap_starts, end) - 1
    if index >= 0 and gaps[index][0] < end < gaps[index][1]:
        end = gaps[index][1]
    return start, end
