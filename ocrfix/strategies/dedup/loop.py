"""What a loop is to every search: the text it removes, and the thresholds of copies they share.

Each search (blocks of lines, units inside a line, characters) reports the loops it finds as :class:`Loop`;
:func:`select` and :func:`merge` put the searches' findings together so that no two removals overlap.

>>> lines = [Loop(10, 20, "line", 3, "exact", 0.95)]
>>> inline = [Loop(15, 30, "token", 3, "exact", 0.9), Loop(0, 5, "x", 3, "exact", 0.9)]
>>> [(loop.start, loop.end) for loop in merge(lines, inline)]  # the line loop wins over the token loop it overlaps
[(0, 5), (10, 20)]
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

LETTER = re.compile(r"[^\W\d_]")
SENTENCE_END = ".!?;:"
OPENING_MARKS = "\"'“‘([«"
SHORT_BLOCK = 25  # letters: a repeated block shorter than this needs more copies
LOW_INFO_COPIES = 10  # copies of a unit without letters ("- - -", "1 1 1") that make a loop, at least
RUNAWAY_COPIES = 50  # a short counted line this often is a runaway ("page 9", "page 10" … "page 60")


@dataclass(frozen=True)
class Loop:
    """A removal: text[start:end], found as ``copies`` copies of ``unit``."""

    start: int
    end: int
    unit: str
    copies: int
    kind: str
    confidence: float



def preview(text: str, width: int = 40) -> str:
    """``text`` on one line, cut to ``width`` characters: how an edit's reason names the unit.

    >>> preview("The committee\\nmet on Tuesday to consider the annual accounts.")
    'The committee met on Tuesday to conside…'
    """
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def select(loops: list[Loop]) -> list[Loop]:
    """Non-overlapping loops, the ones removing most text first."""
    chosen: list[Loop] = []
    for loop in sorted(loops, key=lambda loop: (loop.start - loop.end, loop.start)):
        if _fits(chosen, loop):
            bisect.insort(chosen, loop, key=lambda loop: loop.start)
    return chosen


def _fits(taken: list[Loop], loop: Loop) -> bool:
    """Does ``loop`` overlap none of ``taken`` (sorted by start, non-overlapping)?"""
    index = bisect.bisect_right(taken, loop.start, key=lambda other: other.start)
    before_ok = index == 0 or taken[index - 1].end <= loop.start
    return before_ok and (index == len(taken) or loop.end <= taken[index].start)


def merge(primary: list[Loop], secondary: list[Loop]) -> list[Loop]:
    """``primary`` loops, plus the ``secondary`` ones that do not overlap them."""
    primary = sorted(primary, key=lambda loop: loop.start)
    kept = primary + [loop for loop in secondary if _fits(primary, loop)]
    return sorted(kept, key=lambda loop: loop.start)
