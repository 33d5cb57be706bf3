"""The long s (ſ) of English print before about 1800, which engines read as f.

Printers set every lower-case s as the long ſ but at a word's end ("ſeſſions", "leſs") and before f, b
and k, where the round s stood ("ſatisfaction", "husband", "ask"); the capital S has no long form.
An engine trained on modern type reads ſ, an f without the crossbar's right arm, as f: "houſe" prints
"houfe", "ſeſſion" "feffion", "ſat" "fat". A misreading of one letter each time, but in such a book it is
the rule, not the exception: every word with an s inside is misprinted, many at two places or more
("diftreffes"), beyond the reach of a repair that counts each changed letter as a rare accident, and
the words it turns into other words ("fat", "fee", "fame") are everywhere.

So the document is asked first whether it was printed so (:meth:`LongS.of`): do many of its words that
are no words or rare ones become far commoner words with f read as s at a long s's places, and does it
print f there about as often as s? Under that signature, f at those places is read as s at the rate the
document shows, at one place or several (:func:`s_readings`); in any other document this reading is
never made.

>>> from collections import Counter
>>> from ocrfix.lexicon import load
>>> long_s = LongS.of(Counter("houfe fuch faid fome moft thofe feffion".split()), load().folded_zipfs)
>>> round(long_s.rate, 2), long_s.readings("feffion")
(1.0, {'session': 3})
>>> LongS.of(Counter("the house such said some most those".split()), load().folded_zipfs) is None
True
"""
from __future__ import annotations

import operator
from itertools import combinations
from typing import Callable, Mapping

from ocrfix.lexicon import fold, fold_many

# A word with more places a long s may stand than this is read as printed (2**n readings to look up).
MAX_PLACES = 4
# The signature: at least this many distinct words of the document become a far commoner word with f
# read as s (one such word is a misprint, two may be an engine's odd f/s misreadings; of 870 modern corpus,
# held-out and clean texts none has more than two, and those at a share of 0.07 or less) ...
MIN_WORDS = 3
# ... and f stands for s at the long s's places at least this share of the time: an engine misreads a
# round s as f about once in a hundred (the error model's prior), a long s most of the time.
MIN_SHARE = 0.25
# A word counts for the signature if its s-reading is used at least once per million words (Zipf 3)
# and is GAP commoner (log10) than the word as printed: no chance likeness of two rare strings.
WORD_ZIPF = 3.0
GAP = 2.0
# A word printed with f that the lexicon lists more rarely than this counts as unknown in such a document: the
# web text behind the lexicon holds long-s print misread ("hafted" 1.2 beside "hasted" 1.8, "fuch" 1.2).
PRINTED_ZIPF = 2.0


def long_s_places(word: str) -> list[int]:
    """The places in ``word`` (as printed, in its case) where an f may be a misread long s: a lower-case f
    that is not the last letter and stands before no b or k (the round s stood there).

    >>> long_s_places("feffion"), long_s_places("Fof"), long_s_places("fbfk")
    ([0, 2, 3], [], [])
    """
    return [at for at in range(len(word) - 1) if word[at] == "f" and word[at + 1] not in "bk"]


def all_long_s(word: str) -> str:
    """``word`` (as printed) with f read as s at every place a long s may stand: the likeliest reading where
    the engine prints f for nearly every ſ, to be read further where it has other misreadings too.

    >>> all_long_s("vefought"), all_long_s("Fifh")
    ('vesought', 'Fish')
    """
    places = long_s_places(word)
    return "".join("s" if at in places else ch for at, ch in enumerate(word))


def s_places(word: str) -> int:
    """How many s of ``word`` (folded: a printed ſ counts as s) stand where the printer set a long s.

    >>> s_places("session"), s_places("husband"), s_places("less")
    (3, 0, 1)
    """
    if "s" not in word:
        return 0  # most words: told without counting
    # every s, but the last letter and those before f, b or k (no two of "sf", "sb", "sk" overlap)
    return word.count("s") - word.endswith("s") - word.count("sf") - word.count("sb") - word.count("sk")


def _word(core: str) -> bool:
    """Is ``core`` a word of two letters or more, apostrophes inside allowed?

    >>> _word("maſter's"), _word("a"), _word("x2")
    (True, False, False)
    """
    return len(core) > 1 and core.replace("'", "").replace("’", "").isalpha()


def s_readings(word: str, places: list[int]) -> list[tuple[str, int]]:
    """``word`` (folded) with each non-empty set of its ``places`` read as s, and how many were.

    >>> s_readings("fat", [0]), [r for r, n in s_readings("feffion", [0, 2, 3]) if n == 3]
    ([('sat', 1)], ['session'])
    """
    readings = []
    for size in range(1, len(places) + 1):
        for chosen in combinations(places, size):
            letters = list(word)
            for at in chosen:
                letters[at] = "s"
            readings.append(("".join(letters), size))
    return readings


class LongS:
    """A document printed with the long s: the ``rate`` at which its engine prints f where the printer set
    ſ, and the s-readings of its words."""

    def __init__(self, rate: float, readings: dict[str, dict[str, int]]) -> None:
        self.rate = rate
        self._readings = readings

    @classmethod
    def of(cls, counts: Mapping[str, int], folded_zipfs: Callable[[list[str]], list[float]]) -> "LongS | None":
        """The document's long-s reading from the ``counts`` of its word parts as printed, or None where it lacks
        the signature (MIN_WORDS, MIN_SHARE): then f is read as f. Words are letters, with apostrophes inside
        ("maſter's")."""
        candidates = {}  # word as printed -> its s-readings (reading, f read as s)
        for core in counts:
            if "f" in core and _word(core):
                places = long_s_places(core)
                if places and len(places) <= MAX_PLACES:
                    candidates[core] = s_readings(fold(core), places)
        strings = sorted({reading for readings in candidates.values() for reading, _ in readings})
        zipf = dict(zip(strings, folded_zipfs(strings)))
        listed = {core: found for core, readings in candidates.items()
                  if (found := {reading: changed for reading, changed in readings if zipf[reading]})}
        explained, f_count = 0, 0
        for (core, readings), own in zip(listed.items(), folded_zipfs([fold(core) for core in listed])):
            best = max(readings, key=zipf.__getitem__)
            if zipf[best] >= max(WORD_ZIPF, cls.printed_zipf(own) + GAP):
                explained += 1
                f_count += counts[core] * readings[best]
        if explained < MIN_WORDS:
            return None
        words = [core for core in counts if _word(core)]
        s_count = sum(map(operator.mul, map(counts.__getitem__, words), map(s_places, fold_many(words))))
        if f_count < MIN_SHARE * (f_count + s_count):
            return None
        return cls(f_count / (f_count + s_count), listed)

    @staticmethod
    def printed_zipf(zipf: float) -> float:
        """The Zipf of a word printed with f in such a document, its listed one (``zipf``) if not below PRINTED_ZIPF.

        >>> LongS.printed_zipf(1.2), LongS.printed_zipf(4.9)
        (0.0, 4.9)
        """
        return zipf if zipf >= PRINTED_ZIPF else 0.0

    def readings(self, core: str) -> dict[str, int]:
        """The listed s-readings (folded) of the word ``core`` as printed and how many of its f each reads as s."""
        return self._readings.get(core, {})
