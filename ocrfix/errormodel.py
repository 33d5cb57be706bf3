"""A learned OCR error model: how likely an engine is to print ``observed`` for ``intended``.

Trained on aligned OCR / ground-truth pairs: both texts are case-folded and
whitespace-collapsed, aligned character by character (Levenshtein), and every
run of adjacent edits (at most 3 characters a side) is counted as one
confusion, so multi-character misreadings — "m" read as "rn", "d" as "cl",
"h" as "li", "w" as "vv" — are learned as units, not as two unrelated edits.
A confusion's probability is its count over the count of its intended string
in the ground truth; unseen edits fall back to the model's overall error rate.

>>> model = ErrorModel.train([("the rnodern kiug", "the modern king"), ("tbe end", "the end")])
>>> model.log_prob("modern", "rnodern") > model.log_prob("modern", "xnodern")
True
>>> ErrorModel.default().log_prob("exclude", "exlude") > -4
True

Command line: ``ocrfix train [--corpus PATH] -o MODEL.json``.
"""
from __future__ import annotations

import json
import math
import os
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Iterable

import regex
from rapidfuzz.distance import Levenshtein

from ocrfix.errors import OcrfixError
from ocrfix.lexicon import fold

FORMAT = "ocrfix-errormodel/1"
DEFAULT_FILE = "errormodel_en.json"
ILLEGIBLE = "[illegible]"  # a gap in the ground truth: whatever the OCR has there is not a confusion
MAX_SEGMENT = 3  # longest string (a side) counted as one confusion
_SPACES = regex.compile(r"\s+")
# Alternatives an unseen edit is spread over: an edit the model never saw is
# this many times less likely than the average edit.
_UNSEEN_SPREAD = 30.0
PRIOR_CHARACTERS = 1000
_MIN_COUNT_DENOMINATOR = 5  # keeps a confusion seen once in a rare context from looking certain


def prepare(text: str) -> str:
    """The form both sides are aligned in: folded as the lexicon folds words, whitespace runs made one space.

    >>> prepare("  The\\nKing  ")
    'the king'
    """
    return _SPACES.sub(" ", fold(text)).strip()


def blocks(intended: str, observed: str) -> Iterable[tuple[str, str]]:
    """The runs of adjacent edits turning ``intended`` into ``observed``, as (intended, observed) pairs.

    >>> list(blocks("modern", "rnodem"))
    [('m', 'rn'), ('rn', 'm')]
    """
    a_start = b_start = None
    for tag, a1, a2, b1, b2 in Levenshtein.opcodes(intended, observed).as_list():  # tuples unpack faster
        if tag == "equal":
            if a_start is not None:
                yield intended[a_start:a1], observed[b_start:b1]
                a_start = b_start = None
        elif a_start is None:
            a_start, b_start = a1, b1
    if a_start is not None:
        yield intended[a_start:], observed[b_start:]


class ErrorModel:
    """Confusion counts learned from aligned text; log10 probabilities of misreadings.

    ``confusions`` maps (intended, observed) to a count; ``segments`` maps an
    intended string to how often it occurs in the training ground truth;
    ``characters`` and ``edits`` are the ground truth's length and its number
    of counted edit runs (those longer than ``MAX_SEGMENT`` are noise, not misreadings).
    """

    def __init__(self, confusions: dict[tuple[str, str], int], segments: dict[str, int],
                 characters: int, edits: int) -> None:
        self.confusions = confusions
        self.segments = segments
        self.characters = max(1, characters)
        self.edits = edits
        # smoothed towards one edit per PRIOR_CHARACTERS: a model trained on little text stays cautious
        rate = min(0.5, (edits + 1) / (self.characters + PRIOR_CHARACTERS))
        self._log_correct = math.log10(1.0 - rate)
        self._log_unseen = math.log10(rate / _UNSEEN_SPREAD)
        self._cache: dict[tuple[str, str], float] = {}

    # -- training -----------------------------------------------------------------
    @classmethod
    def train(cls, pairs: Iterable[tuple[str, str]]) -> "ErrorModel":
        """Learn a model from (ocr, ground truth) text pairs.

        Edit runs longer than ``MAX_SEGMENT`` characters a side (lost lines,
        layout, noise) are not confusions and are skipped; so are runs mixing
        spaces with letters. A lone space read or lost is kept: it is how the
        model learns split ("be come") and merged ("ofthe") words.
        """
        confusions: Counter[tuple[str, str]] = Counter()
        truths: list[str] = []
        characters = edits = 0
        for ocr, truth in pairs:
            ocr, truth = prepare(ocr), prepare(truth.replace(ILLEGIBLE, " "))
            truths.append(truth)
            characters += len(truth)
            for intended, observed in blocks(truth, ocr):
                if len(intended) > MAX_SEGMENT or len(observed) > MAX_SEGMENT:
                    continue
                if (" " in intended or " " in observed) and (intended + observed).strip():
                    continue
                confusions[intended, observed] += 1
                edits += 1
        segments = {seg: sum(t.count(seg) for t in truths)
                    for seg in {intended for intended, _ in confusions} if seg}
        return cls(dict(confusions), segments, characters, edits)

    # -- scoring ------------------------------------------------------------------
    def confusion_log_prob(self, intended: str, observed: str) -> float:
        """log10 P(``observed`` printed | ``intended`` meant) for one edit run.

        >>> m = ErrorModel({("m", "rn"): 8}, {"m": 100}, 1000, 10)
        >>> round(m.confusion_log_prob("m", "rn"), 2), m.confusion_log_prob("m", "rn") > m.confusion_log_prob("m", "x")
        (-1.1, True)
        """
        key = (intended, observed)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        count = self.confusions.get(key, 0)
        unseen = self._unseen(intended, observed)
        if count:
            base = self.segments.get(intended, self.characters) if intended else self.characters
            value = max(unseen, math.log10(min(0.5, count / max(base, _MIN_COUNT_DENOMINATOR))))
        else:
            value = unseen
        self._cache[key] = value
        return value

    def _unseen(self, intended: str, observed: str) -> float:
        if len(intended) == len(observed) > 1:  # letter by letter, each as likely as the model says
            return sum(self.confusion_log_prob(a, b) if a != b else self._log_correct
                       for a, b in zip(intended, observed))
        return self._log_unseen * max(1, Levenshtein.distance(intended, observed))

    def log_prob(self, intended: str, observed: str) -> float:
        """log10 P(the engine prints ``observed`` | the text says ``intended``).

        Case-insensitive; the sum over the edit runs of the alignment plus the
        chance of reading each remaining character right.
        """
        return self.reading(intended, observed)[0]

    def attested(self, intended: str, observed: str, min_count: int = 2) -> bool:
        """Is every edit run between the two strings a confusion seen at least ``min_count`` times?

        >>> m = ErrorModel({("h", "b"): 3}, {"h": 50}, 1000, 10)
        >>> m.attested("the", "tbe"), m.attested("the", "tie")
        (True, False)
        """
        return self.reading(intended, observed, min_count)[1]

    def reading(self, intended: str, observed: str, min_count: int = 2) -> tuple[float, bool]:
        """:meth:`log_prob` and :meth:`attested` from one alignment.

        >>> m = ErrorModel({("h", "b"): 3}, {"h": 50}, 1000, 10)
        >>> round(m.reading("the", "tbe")[0], 2), m.reading("the", "tbe")[1]
        (-1.23, True)
        """
        intended, observed = fold(intended), fold(observed)
        if intended == observed:
            return self._log_correct * len(intended), True
        total = 0.0
        changed = 0
        attested = True
        for run in blocks(intended, observed):
            total += self.confusion_log_prob(*run)
            changed += len(run[0])
            attested = attested and self.confusions.get(run, 0) >= min_count
        return total + self._log_correct * (len(intended) - changed), attested

    @property
    def split_log_prob(self) -> float:
        """log10 P(a space inserted inside a word), per word gap: "be come" for "become"."""
        return self.confusion_log_prob("", " ")

    @property
    def merge_log_prob(self) -> float:
        """log10 P(the space between two words lost): "ofthe" for "of the"."""
        return self.confusion_log_prob(" ", "")

    def top(self, n: int = 20) -> list[tuple[str, str, int]]:
        """The ``n`` commonest confusions as (intended, observed, count)."""
        ranked = sorted(self.confusions.items(), key=lambda item: -item[1])[:n]
        return [(a, b, count) for (a, b), count in ranked]

    # -- files --------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "characters": self.characters,
            "edits": self.edits,
            "confusions": [[a, b, c] for (a, b), c in sorted(self.confusions.items(), key=lambda i: (-i[1], i[0]))],
            "segments": dict(sorted(self.segments.items())),
        }

    @classmethod
    def from_dict(cls, data: dict, path: str | os.PathLike[str] | None = None) -> "ErrorModel":
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise OcrfixError(f"not an ocrfix error model (expected format {FORMAT!r})", path)
        try:
            confusions = {(str(a), str(b)): int(c) for a, b, c in data["confusions"]}
            segments = {str(k): int(v) for k, v in data["segments"].items()}
            return cls(confusions, segments, int(data["characters"]), int(data["edits"]))
        except (KeyError, TypeError, ValueError) as error:
            raise OcrfixError(f"malformed error model: {error}", path) from None

    def save(self, path: str | os.PathLike[str]) -> None:
        from ocrfix.io import write_text_atomic

        data = self.to_dict()
        # one confusion per line: small, and readable in a diff
        lines = [json.dumps(c, ensure_ascii=False) for c in data.pop("confusions")]
        head = json.dumps(data, ensure_ascii=False, indent=1)[:-2]
        write_text_atomic(path, head + ',\n "confusions": [\n  ' + ",\n  ".join(lines) + "\n ]\n}\n")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> "ErrorModel":
        from ocrfix.io import read_text

        try:
            data = json.loads(read_text(path))
        except json.JSONDecodeError as error:
            raise OcrfixError(f"invalid JSON at line {error.lineno}", path) from None
        return cls.from_dict(data, path)

    @classmethod
    def default(cls) -> "ErrorModel":
        """The model shipped in ``ocrfix/data``, trained on the project corpus (cached)."""
        return _default()

    def __repr__(self) -> str:
        return f"ErrorModel({len(self.confusions)} confusions, {self.edits} edits in {self.characters} characters)"


@lru_cache(maxsize=1)
def _default() -> ErrorModel:
    text = resources.files("ocrfix.data").joinpath(DEFAULT_FILE).read_text(encoding="utf-8")
    return ErrorModel.from_dict(json.loads(text), DEFAULT_FILE)
