"""The confusions one document's engine makes: the error model adapted to the page in hand.

An engine misreads a worn or unusual typeface the same way all through a document: where every
"h" of a font has a broken bowl, "the" prints as "tbe", "which" as "wbich" — and "had" as "bad",
a listed word the dictionary can only read back from context. The error model gives the average
engine's rate for such a confusion (h read as b: about 1 in 1,000), but in this document the
non-words the dictionary repaired with confidence show it made the confusion again and again. The
rate those repairs show, counted over the letters the document prints, is the better estimate here;
it makes the same misreading of a listed word (a real-word error) that much likelier, and only
there is it used: a real-word reading still needs a word that fits neither neighbour and a reading
that fits both.

>>> seen = DocumentConfusions.from_repairs([("tbe", "the"), ("wbich", "which"), ("tbe", "the"),
...                                        ("witb", "with")], "tbe man wbich tbe witb he")
>>> round(seen.boost("h", "b", -3.0), 2), seen.boost("e", "c", -3.0)
(2.82, 0.0)
"""
from __future__ import annotations

from collections import Counter
import math
from typing import Iterable

from ocrfix.errormodel import MAX_SEGMENT, blocks
from ocrfix.lexicon import fold

# A confusion counts as this document's own only when its confident repairs show it this often, in at
# least two different words: one repair may be wrong, one word may be a misprint of its own.
MIN_REPAIRS = 3
MIN_WORDS = 2


class DocumentConfusions:
    """Confusion runs (intended, observed) seen in a document's repairs, and how often the document
    prints each intended string (its printed text with the repairs made, folded)."""

    def __init__(self, counts: Counter, words: dict[tuple[str, str], set[str]], text: str) -> None:
        self._rates: dict[tuple[str, str], float] = {}
        for run, count in counts.items():
            if count >= MIN_REPAIRS and len(words[run]) >= MIN_WORDS:
                intended = run[0]
                self._rates[run] = count / (count + text.count(intended))

    @classmethod
    def from_repairs(cls, repairs: Iterable[tuple[str, str]], text: str) -> "DocumentConfusions":
        """From (printed, repaired) word pairs of one document and its folded text."""
        counts: Counter = Counter()
        words: dict[tuple[str, str], set[str]] = {}
        for printed, repaired in repairs:
            repaired = fold(repaired)
            for run in blocks(repaired, fold(printed)):
                if run[0] and len(run[0]) <= MAX_SEGMENT and len(run[1]) <= MAX_SEGMENT:
                    counts[run] += 1
                    words.setdefault(run, set()).add(repaired)
        return cls(counts, words, fold(text))

    def __bool__(self) -> bool:
        return bool(self._rates)

    def boost(self, intended: str, observed: str, model_log_prob: float) -> float:
        """How much likelier (log10) this document makes the confusion than the model's ``model_log_prob``;
        0 for a confusion the document's repairs do not show."""
        rate = self._rates.get((intended, observed))
        if rate is None:
            return 0.0
        return max(0.0, math.log10(rate) - model_log_prob)
