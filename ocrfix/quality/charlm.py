"""A small character n-gram language model of English words: how word-like is a token?

OCR garbage ("tlnco", "cnuipuii", "Wbcn") is made of letter sequences English
words do not have; names and rare words the lexicon lacks ("Genscher",
"Harbury") mostly are not. The model scores a word in bits per character
(lower is more word-like), so the quality estimate can tell an unknown but
plausible word from noise.

Order 4 (three characters of context) with Witten-Bell interpolation, trained
on the shipped word-frequency lexicon itself (words of Zipf 2.5 and up): each
word counts with the square
root of its frequency, so common words dominate without drowning the long
tail.
No text of the evaluation corpus is used.

>>> lm = load()
>>> lm.bits("morning") < lm.bits("genscher") < lm.bits("cnuipuii")
True

Rebuild the shipped model with ``python -m ocrfix.quality.charlm build``.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

ORDER = 4
MODEL_FILE = "quality_charlm_en.json.gz"
DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_START, _END = "^", "$"
# Bits charged for a character never seen in training (after all backoff).
_UNSEEN_BITS = 12.0
# The shipped model leaves out n-grams that back-off predicts within this many bits.
PRUNE_BITS = 0.5


class CharLM:
    """Interpolated character n-gram model; :meth:`bits` scores one word.

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
        return self.bits_many([word])[0]

    def bits_many(self, words: Sequence[str]) -> list[float]:
        """:meth:`bits` of each of ``words``, with one pass of look-ups over all their n-grams.

        >>> lm = load()
        >>> lm.bits_many(["the", "tlnco"]) == [lm.bits("the"), lm.bits("tlnco")]
        True
        """
        context = self.order - 1
        padded = [_START * context + word.lower() + _END for word in words]
        grams = [chars[i - context:i + 1] for chars in padded for i in range(context, len(chars))]
        values = list(map(self.probs.get, grams))  # most n-grams are seen whole: no backoff
        unseen = [index for index, value in enumerate(values) if value is None]
        for index, value in zip(unseen, self._backed_off([grams[index] for index in unseen])):
            values[index] = value
        bits, start = [], 0
        for chars in padded:
            end = start + len(chars) - context
            bits.append(-sum(values[start:end]) / (end - start))
            start = end
        return bits

    def _backed_off(self, grams: list[str]) -> list[float]:
        """log2 P(last character | the others) of n-grams not seen whole: that after the longest shorter
        context seen with the character, plus the back-off weights of the contexts passed over."""
        penalties = [self.backoff.get(gram[:-1], 0.0) for gram in grams]
        values = [0.0] * len(grams)
        pending = list(range(len(grams)))
        for cut in range(1, self.order):  # ever shorter contexts, down to the character alone
            found = list(map(self.probs.get, [grams[index][cut:] for index in pending]))
            for index, value in zip(pending, found):
                if value is not None:
                    values[index] = value + penalties[index]
            pending = [index for index, value in zip(pending, found) if value is None]
            if cut < self.order - 1:
                for index in pending:
                    penalties[index] += self.backoff.get(grams[index][cut:-1], 0.0)
        for index in pending:  # not even the character alone: never seen in training
            values[index] = penalties[index] - _UNSEEN_BITS
        return values

    def to_json(self) -> dict:
        return {"format": "ocrfix-charlm/1", "order": self.order, "probs": self.probs, "backoff": self.backoff}


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
    parser = argparse.ArgumentParser(prog="python -m ocrfix.quality.charlm",
                                     description="Rebuild the shipped character n-gram model from the lexicon.")
    parser.add_argument("action", choices=["build"])
    parser.add_argument("-o", "--out", type=Path, default=DATA_DIR / MODEL_FILE)
    args = parser.parse_args(argv)
    model = build(args.out)
    print(f"wrote {len(model.probs)} n-grams to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
