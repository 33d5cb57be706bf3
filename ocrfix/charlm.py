"""A small character n-gram language model of English words: how word-like is a token?

OCR garbage ("tlnco", "cnuipuii", "Wbcn") is made of letter sequences English
words do not have; names and rare words the lexicon lacks ("Genscher",
"Harbury") mostly are not. The model scores a word in bits per character
(lower is more word-like), so the quality estimate can tell an unknown but
plausible word from noise, and the dictionary prices a long string it does not list
as one word against the words it may be run together from.

Order 4 (three characters of context) with Witten-Bell interpolation, trained
on the shipped word-frequency lexicon itself (words of Zipf 2.5 and up): each
word counts with the square
root of its frequency, so common words dominate without drowning the long
tail.
No text of the evaluation corpus is used.

>>> lm = load()
>>> lm.bits("morning") < lm.bits("genscher") < lm.bits("cnuipuii")
True

Rebuild the shipped model with ``python -m ocrfix.charlm build``.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from ocrfix.tokenspans import code_points

ORDER = 4
MODEL_FILE = "quality_charlm_en.json.gz"
DATA_DIR = Path(__file__).resolve().parent / "data"
_START, _END = "^", "$"
# Bits charged for a character never seen in training (after all backoff).
_UNSEEN_BITS = 12.0
# The shipped model leaves out n-grams that back-off predicts within this many bits.
PRUNE_BITS = 0.5
#: Batches of this many words and more are scored by array look-ups: below it, the arrays' fixed costs (and
#: their one-time build) outweigh what they save (~4 us a word).
ARRAY_BATCH = 100


class CharLM:
    """Interpolated character n-gram model; :meth:`bits` scores one word, :meth:`bits_many` many at once.

    ``probs`` maps context + character to log2 P(character | context) for every
    n-gram seen in training; ``backoff`` maps a context to the log2 weight
    given to the shorter context for characters not seen after it.
    """

    def __init__(self, probs: dict[str, float], backoff: dict[str, float], order: int = ORDER) -> None:
        self.probs = probs
        self.backoff = backoff
        self.order = order

    def bits(self, word: str) -> float:
        """Average bits per character of ``word`` (lower-cased, end of word included).

        >>> round(load().bits("the"), 1) < 3.0
        True
        """
        context = self.order - 1
        chars = _START * context + word.lower() + _END
        total = 0.0
        for end in range(context + 1, len(chars) + 1):
            gram = chars[end - self.order:end]
            value = self.probs.get(gram)
            if value is None:  # after the longest shorter context seen with the character
                penalty = self.backoff.get(gram[:-1], 0.0)
                for cut in range(1, self.order):
                    value = self.probs.get(gram[cut:])
                    if value is not None:
                        value += penalty
                        break
                    if cut < self.order - 1:
                        penalty += self.backoff.get(gram[cut:-1], 0.0)
                else:  # not even the character alone: never seen in training
                    value = penalty - _UNSEEN_BITS
            total += value
        return -total / (len(chars) - context)

    def bits_many(self, words: Sequence[str]) -> list[float]:
        """:meth:`bits` of each of ``words``, by array look-ups over all their n-grams at once.

        A batch of fewer than :data:`ARRAY_BATCH` words is scored word by word.

        >>> lm, words = load(), ["the", "tlnco", "Ωx"] * ARRAY_BATCH
        >>> lm.bits_many(words) == [lm.bits(word) for word in words]
        True
        """
        if len(words) < ARRAY_BATCH:
            return [self.bits(word) for word in words]
        context = self.order - 1
        padded = [_START * context + word.lower() + _END for word in words]
        sizes = np.fromiter(map(len, padded), dtype=np.int64, count=len(padded)) - context  # n-grams per word
        codes, probs, backoff = self._arrays
        grams = codes.grams("".join(padded), sizes + context)
        values = probs.get(grams, np.nan)
        unseen = np.flatnonzero(np.isnan(values))
        values[unseen] = self._backed_off(grams[unseen])
        # Summed in each word's order, as bits() adds them (the same float result): one column per position.
        columns = np.zeros((int(sizes.max()), len(words)))
        word_of = np.repeat(np.arange(len(words)), sizes)
        columns[np.arange(len(grams)) - np.repeat(np.cumsum(sizes) - sizes, sizes), word_of] = values
        total = np.zeros(len(words))
        for column in columns:
            total += column
        return (-total / sizes).tolist()

    @cached_property
    def _arrays(self) -> tuple["_GramCodes", "_GramTable", "_GramTable"]:
        """The n-gram codes, ``probs`` and ``backoff`` as sorted arrays of codes: built on the first large
        :meth:`bits_many` (10-20 ms), which the quality estimate calls; :meth:`bits` needs none of it."""
        grams, contexts = _lines(self.probs), _lines(self.backoff)
        codes = _GramCodes(grams + contexts, self.order)
        return codes, codes.table(grams, self.probs.values()), codes.table(contexts, self.backoff.values())

    def _backed_off(self, grams: np.ndarray) -> np.ndarray:
        """log2 P(last character | the others) of n-grams (codes) not seen whole: that after the longest
        shorter context seen with the character, plus the back-off weights of the contexts passed over."""
        codes, probs, backoff = self._arrays
        penalties = backoff.get(codes.context(grams), 0.0)
        values = np.zeros(len(grams))
        pending = np.arange(len(grams))
        for cut in range(1, self.order):  # ever shorter contexts, down to the character alone
            found = probs.get(codes.last(grams[pending], self.order - cut), np.nan)
            seen = ~np.isnan(found)
            values[pending[seen]] = found[seen] + penalties[pending[seen]]
            pending = pending[~seen]
            if cut < self.order - 1:
                shorter = codes.last(codes.context(grams[pending]), self.order - 1 - cut)
                penalties[pending] += backoff.get(shorter, 0.0)
        values[pending] = penalties[pending] - _UNSEEN_BITS  # not even the character alone: never seen in training
        return values

    def to_json(self) -> dict:
        return {"format": "ocrfix-charlm/1", "order": self.order, "probs": self.probs, "backoff": self.backoff}


class _GramCodes:
    """Integer codes of n-grams of up to ``order`` characters, for array look-ups: each character is its
    index in the model's alphabet (1 to k; k + 1 for any other character) in ``width`` bits, the last
    character lowest, so an n-gram's shorter contexts and endings are shifts and masks of its code.

    >>> codes = _GramCodes("ab\\nb\\n", 3)
    >>> int(codes.grams("abab", np.array([4]))[1]) == int(codes.table("bab\\n", [1.0]).keys[0])
    True
    """

    def __init__(self, characters: str, order: int) -> None:
        """Codes for the ``characters`` (any number of times each; newlines left out) and n-grams of up to
        ``order`` of them."""
        alphabet = np.flatnonzero(np.bincount(code_points(characters)))
        alphabet = alphabet[alphabet != _NEWLINE]
        self.width = (len(alphabet) + 1).bit_length()
        self.order = order
        if order * self.width > 63:
            raise ValueError(f"{len(alphabet)} characters of order {order} do not fit 64-bit codes")
        # code by code point, up to the highest of the alphabet; past it, every point is "any other" (k + 1)
        self._of_point = np.full(alphabet[-1] + 2 if len(alphabet) else 1, len(alphabet) + 1, dtype=np.int64)
        self._of_point[alphabet] = np.arange(1, len(alphabet) + 1)

    def characters(self, text: str) -> np.ndarray:
        """The code of each character of ``text``."""
        return self._codes_of(code_points(text))

    def _codes_of(self, points: np.ndarray) -> np.ndarray:
        return self._of_point[np.minimum(points, len(self._of_point) - 1)]  # faster than take for this table

    def grams(self, text: str, sizes: np.ndarray) -> np.ndarray:
        """The codes of every n-gram of ``order`` characters inside each piece of ``text`` (pieces of ``sizes``
        characters, one after another), in order."""
        chars = self.characters(text)
        windows = len(chars) - self.order + 1
        codes = np.zeros(max(windows, 0), dtype=np.int64)
        for offset in range(self.order):
            codes = (codes << self.width) | chars[offset:offset + windows]
        first = np.cumsum(sizes) - sizes  # of each piece
        fits = np.arange(windows) - np.repeat(first, sizes)[:windows] <= np.repeat(sizes, sizes)[:windows] - self.order
        return codes[fits]

    def table(self, lines: str, values: Iterable[float]) -> "_GramTable":
        """The n-grams of ``lines`` (:func:`_lines`: 1 to ``order`` characters each) with their ``values``,
        as a sorted array of codes."""
        points = code_points(lines)
        ends = np.flatnonzero(points == _NEWLINE)  # just past each n-gram
        first = np.concatenate(([0], ends[:-1] + 1))
        shifts = (np.repeat(ends, ends - first + 1) - np.arange(len(points)) - 1) * self.width  # < 0: a newline
        chars = np.where(shifts >= 0, self._codes_of(points) << np.maximum(shifts, 0), 0)
        codes = np.add.reduceat(chars, first) if len(ends) else np.zeros(0, dtype=np.int64)
        return _GramTable(codes, np.fromiter(values, dtype=float, count=len(ends)))

    def context(self, codes: np.ndarray) -> np.ndarray:
        """The codes without their last character."""
        return codes >> self.width

    def last(self, codes: np.ndarray, characters: int) -> np.ndarray:
        """The codes of their last ``characters`` characters."""
        return codes & ((1 << (self.width * characters)) - 1)


def _lines(grams: Iterable[str]) -> str:
    """The n-grams one to a line, each line ended by a newline (no n-gram holds one)."""
    joined = "\n".join(grams)
    return joined + "\n" if joined else ""


_NEWLINE = ord("\n")


class _GramTable:
    """Values of n-gram codes, looked up many at once by binary search."""

    def __init__(self, keys: np.ndarray, values: np.ndarray) -> None:
        order = np.argsort(keys)
        self.keys, self.values = keys[order], values[order]

    def get(self, keys: np.ndarray, default: float) -> np.ndarray:
        """The value of each of ``keys``, ``default`` where it has none."""
        if not len(self.keys):
            return np.full(len(keys), default)
        index = np.minimum(np.searchsorted(self.keys, keys), len(self.keys) - 1)
        return np.where(self.keys[index] == keys, self.values[index], default)


def train(words: Iterable[tuple[str, float]], order: int = ORDER, prune_bits: float = 0.0) -> CharLM:
    """Fit the model on (word, weight) pairs with Witten-Bell interpolation.

    N-grams of order 3 and up whose probability differs from the backed-off
    estimate by at most ``prune_bits`` are left out.

    >>> lm = train([("abc", 1.0), ("abd", 1.0)], order=2)
    >>> lm.bits("abc") < lm.bits("cba")
    True
    """
    counts: list[dict[str, dict[str, float]]] = [defaultdict(lambda: defaultdict(float)) for _ in range(order)]
    for word, weight in words:
        chars = _START * (order - 1) + word.lower() + _END
        for i in range(order - 1, len(chars)):
            for n in range(order):  # n characters of context
                counts[n][chars[i - n:i]][chars[i]] += weight
    probs: dict[str, float] = {}
    backoff: dict[str, float] = {}
    lower: dict[str, float] = {}  # P(char | shorter context), as probabilities
    for n in range(order):
        current: dict[str, float] = {}
        for context, following in counts[n].items():
            total = sum(following.values())
            types = len(following)
            keep = total / (total + types)  # Witten-Bell: weight of the ML estimate
            for char, count in following.items():
                shorter = lower[context[1:] + char] if n else 1.0 / 64  # 64: a nominal alphabet
                p = keep * count / total + (1 - keep) * shorter
                current[context + char] = p
                # Prune what backing off predicts almost as well: a smaller file, the same scores.
                if n < 2 or abs(math.log2(p / ((1 - keep) * shorter))) > prune_bits:
                    probs[context + char] = round(math.log2(p), 2)
            if n:
                backoff[context] = round(math.log2(1 - keep), 2)
        lower = current
    return CharLM(probs, backoff, order)


def lexicon_words(min_zipf: float = 2.5) -> Iterable[tuple[str, float]]:
    """The shipped lexicon's words of Zipf >= ``min_zipf`` (about 60,000), weighted by sqrt(frequency), letters only."""
    from ocrfix import lexicon

    for word, zipf in lexicon.load().words():
        if zipf >= min_zipf and word.replace("'", "").isalpha():
            yield word, 10.0 ** ((zipf - 3.0) / 2.0)


@lru_cache(maxsize=1)
def load() -> CharLM:
    """The shipped English model (cached)."""
    with resources.files("ocrfix.data").joinpath(MODEL_FILE).open("rb") as raw:
        data = json.loads(gzip.decompress(raw.read()))
    return CharLM(data["probs"], data["backoff"], data["order"])


def build(path: Path = DATA_DIR / MODEL_FILE) -> CharLM:
    """Train on the lexicon and write the model to ``path``."""
    from ocrfix.io import write_bytes_atomic

    model = train(lexicon_words(), prune_bits=PRUNE_BITS)
    payload = json.dumps(model.to_json(), separators=(",", ":"), sort_keys=True, ensure_ascii=False)
    write_bytes_atomic(path, gzip.compress(payload.encode("utf-8"), compresslevel=9, mtime=0))
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ocrfix.charlm",
                                     description="Rebuild the shipped character n-gram model from the lexicon.")
    parser.add_argument("action", choices=["build"])
    parser.add_argument("-o", "--out", type=Path, default=DATA_DIR / MODEL_FILE)
    args = parser.parse_args(argv)
    model = build(args.out)
    print(f"wrote {len(model.probs)} n-grams to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
