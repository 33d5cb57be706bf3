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

The same holds for one whole word: where the document's real-word repairs read the listed "tho" as "the"
from context on both sides ("in tho town"), this engine prints "the" as "tho" at the rate those repairs
show against the "the"s it prints right, whatever the average engine's rate for the letters; its other
"tho"s with weaker context ("when tho Mayor") are read with that rate. The real-word test still asks
the rest: no listed pair of "tho" anywhere in the document, a reading that fits both neighbours.

>>> seen = DocumentConfusions.from_repairs([], "tho man in the town. the end", [("tho", "the"), ("Tho", "The")])
>>> round(seen.word_boost("the", "tho", -2.7), 2), seen.word_boost("thou", "tho", -2.7)
(2.4, 0.0)

A page of faint type loses letters as a habit, whichever letters they are: "Commnwealth", "inistor", "Nvembe".
Each letter is lost too seldom to count as a confusion of its own, but the lost letters the page's confident
repairs put back, any letter, counted over the letters it prints, are the page's rate of losing one; it makes
each lost letter that much likelier there than the model's rate for that letter ("se you" is "see you" there).
Asked for (``lost``) where a neighbour's evidence backs the reading, not for a word opening a sentence, read by
the sentence's start alone: a listed word one letter short of another is a word too ("offi. als would" for
"officials" is no "Also").

>>> seen = DocumentConfusions.from_repairs([("goverment", "government"), ("ommittee", "committee"),
...                                        ("Commnwealth", "Commonwealth")], "the government committee met")
>>> round(seen.boost("o", "", -3.5, lost=True), 2), seen.boost("o", "", -3.5), seen.boost("on", "", -3.5, lost=True)
(2.53, 0.0, 0.0)
"""
from __future__ import annotations

from collections import Counter
import math
from typing import Iterable

import regex

from ocrfix.errormodel import MAX_SEGMENT, blocks
from ocrfix.lexicon import fold

LETTER_RUN = regex.compile(r"\p{L}+")  # a run of letters (a word stands alone where it is one)
# A confusion counts as this document's own only when its confident repairs show it this often, in at
# least two different words: one repair may be wrong, one word may be a misprint of its own.
MIN_REPAIRS = 2
MIN_WORDS = 2


class DocumentConfusions:
    """Confusion runs (intended, observed) seen in a document's repairs, and how often the document
    prints each intended string (its printed text with the repairs made, folded)."""

    def __init__(self, counts: Counter, words: dict[tuple[str, str], set[str]], text: str,
                 word_counts: Counter | None = None) -> None:
        # each intended string or word is counted in the text once, however many confusions it has
        runs = [run for run, count in counts.items() if count >= MIN_REPAIRS and len(words[run]) >= MIN_WORDS]
        printed = {intended: text.count(intended) for intended in {run[0] for run in runs}}
        self._rates: dict[tuple[str, str], float] = {run: counts[run] / (counts[run] + printed[run[0]]) for run in runs}
        # one printed word read as one other word from context on both sides (a real-word repair) is the
        # document's confusion at once: that reading beat the word as printed by REAL_WORD_ODDS on its own evidence
        word_counts = word_counts or Counter()
        right = _standing_alone({pair[0] for pair in word_counts}, text)  # each intended word printed right
        self._word_rates: dict[tuple[str, str], float] = {  # (intended word, printed word) -> rate
            pair: count / (count + right[pair[0]]) for pair, count in word_counts.items()}
        put_back = _habitual_losses(counts, words)
        self._lost_rate = put_back / (put_back + sum(map(str.isalpha, text))) if put_back else None

    @classmethod
    def from_repairs(cls, repairs: Iterable[tuple[str, str]], text: str,
                     misprints: Iterable[tuple[str, str]] = ()) -> "DocumentConfusions":
        """From (printed, repaired) word pairs of one document and its folded text; ``misprints``: those of
        the pairs where a listed word was read as another from context on both sides (real-word repairs),
        the only evidence for a whole word's misprint (a rare listed word read as a common one by its
        rarity alone, "nore" -> "more", may be a third word's misprint: "note")."""
        counts, words = _repair_runs(repairs)
        return cls(counts, words, fold(text), Counter((fold(repaired), fold(printed)) for printed, repaired in misprints))

    def __bool__(self) -> bool:
        return bool(self._rates or self._word_rates or self._lost_rate)

    def boost(self, intended: str, observed: str, model_log_prob: float, lost: bool = False) -> float:
        """How much likelier (log10) this document makes the confusion than the model's ``model_log_prob``;
        0 for a confusion the document's repairs do not show; with ``lost``, one letter lost at the page's rate of
        losing one where its repairs show no rate for that letter alone."""
        rate = self._rates.get((intended, observed))
        if rate is None and lost and not observed and len(intended) == 1:
            rate = self._lost_rate
        return _lift(rate, model_log_prob)

    def word_boost(self, intended: str, printed: str, model_log_prob: float) -> float:
        """How much likelier (log10) this document makes the folded word ``intended`` printed as the folded
        word ``printed`` than the model's ``model_log_prob`` for the whole word; 0 where its repairs do not
        show that misprint."""
        return _lift(self._word_rates.get((intended, printed)), model_log_prob)


def loses_letters(repairs: Iterable[tuple[str, str]]) -> bool:
    """Do a page's (printed, repaired) word pairs show it loses letters as a habit, as :class:`DocumentConfusions` asks
    before it takes the page's rate of losing one? Asked of the repairs alone: the rate's count of the page's letters
    is a scan of its whole text.

    >>> loses_letters([("goverment", "government"), ("ommittee", "committee")]), loses_letters([("tbe", "the")])
    (True, False)
    """
    return _habitual_losses(*_repair_runs(repairs)) is not None


def _repair_runs(repairs: Iterable[tuple[str, str]]) -> tuple[Counter, dict[tuple[str, str], set[str]]]:
    """The confusion runs (intended, observed) of (printed, repaired) word pairs, counted, and the words each is in."""
    counts: Counter = Counter()
    words: dict[tuple[str, str], set[str]] = {}
    for printed, repaired in repairs:
        repaired = fold(repaired)
        for run in blocks(repaired, fold(printed)):
            if run[0] and len(run[0]) <= MAX_SEGMENT and len(run[1]) <= MAX_SEGMENT:
                counts[run] += 1
                words.setdefault(run, set()).add(repaired)
    return counts, words


def _habitual_losses(counts: Counter, words: dict[tuple[str, str], set[str]]) -> int | None:
    """How many letters the runs ``counts`` (with the ``words`` each is in) put back, where they show a habit:
    MIN_REPAIRS or more, in MIN_WORDS words or more; else None."""
    lost = {run: count for run, count in counts.items() if len(run[0]) == 1 and not run[1]}
    put_back = sum(lost.values())
    return put_back if put_back >= MIN_REPAIRS and len(set().union(*(words[run] for run in lost))) >= MIN_WORDS else None


def _standing_alone(words: set[str], text: str) -> dict[str, int]:
    """How often each of ``words`` stands in ``text`` with no letter right before or after it. A word of letters alone
    stands so where a run of the text's letters is that word: the runs are counted in one pass over the text, where a
    search per word read the whole text for each (~0.3 ms each; 163 words on the corpus OCR). Another word is
    searched for.

    >>> _standing_alone({"the", "he", "o'er"}, "the other: he, then he o'er")
    {'he': 2, "o'er": 1, 'the': 1}
    """
    runs = Counter(LETTER_RUN.findall(text)) if any(LETTER_RUN.fullmatch(word) for word in words) else Counter()
    return {word: runs[word] if LETTER_RUN.fullmatch(word)
            else len(regex.findall(r"(?<!\p{L})" + regex.escape(word) + r"(?!\p{L})", text)) for word in sorted(words)}


def _lift(rate: float | None, model_log_prob: float) -> float:
    """log10 of how much the document's ``rate`` of a confusion exceeds the model's; 0 without a rate."""
    return 0.0 if rate is None else max(0.0, math.log10(rate) - model_log_prob)
