"""A learned OCR error model: how likely an engine is to print ``observed`` for ``intended``.

Trained on aligned OCR / ground-truth pairs: both texts are case-folded and
whitespace-collapsed, aligned character by character (Levenshtein), and every
run of adjacent edits (at most 3 characters a side) is counted as one
confusion, so multi-character misreadings — "m" read as "rn", "d" as "cl",
"h" as "li", "w" as "vv" — are learned as units, not as two unrelated edits.
A confusion's probability is its count over the count of its intended string
in the ground truth; unseen edits fall back to the model's overall error rate.

A small prior of well-known visual confusions (:data:`PRIOR`: the long s read
as f, li for h, rn for m, ...) puts a floor under their probabilities, so a
model trained on modern print still knows the misreadings of older type; a
learned rate above the floor stands. ``prior=False`` (or
``ocrfix train --no-prior``) gives the plain learned model.

>>> model = ErrorModel.train([("the rnodern kiug", "the modern king"), ("tbe end", "the end")])
>>> model.log_prob("modern", "rnodern") > model.log_prob("modern", "xnodern")
True
>>> ErrorModel.default().log_prob("exclude", "exlude") > -4
True

The dictionary strategy meets OCR that the strategies before it in the pipeline
have already cleaned (loops dropped, lines joined), so its model is learned from
that text: :func:`train_for_dictionary`, which ``ocrfix train [--corpus PATH] -o
MODEL.json``, ``Dictionary.fit`` and with it the benchmark's cross-validation use.
"""
from __future__ import annotations

import json
import math
import os
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Iterable, Sequence

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
BLOCKS_CACHE = 1 << 16  # alignments blocks() keeps (a cold dictionary pass over the corpus OCR makes ~35k)

# Visually confusable glyphs every OCR engine misreads, whatever text it was trained on, as
# (intended, observed) after folding. General typographic knowledge, not counted from any corpus: the
# confusions named in issue #5 (rn/m, cl/d, li/h, vv/w, ii/u, 1/l/I, 0/O, 5/S, e/c, a/@), the broken or
# filled-in bowls of worn and over-inked type (h/b, n/u), and the long s (ſ) that engines read as f.
# One direction only where the other is no misreading (an f is not read as the long s). Not t/f
# (issue #5 names it): in long-s print a printed f mostly stands for s ("fo" for so), and a prior
# towards t would pull it the wrong way; the training text teaches t/f where an engine makes it.
PRIOR_PAIRS = (
    ("h", "li"), ("li", "h"), ("h", "b"), ("b", "h"),
    ("m", "rn"), ("rn", "m"), ("d", "cl"), ("cl", "d"),
    ("u", "ii"), ("ii", "u"), ("w", "vv"), ("vv", "w"),
    ("n", "u"), ("u", "n"), ("e", "c"), ("c", "e"),
    ("l", "1"), ("1", "l"), ("l", "i"), ("i", "l"), ("i", "1"), ("1", "i"),
    ("o", "0"), ("0", "o"), ("s", "5"), ("5", "s"), ("a", "@"),
)
# The prior is a floor under a pair's probability, P(observed | intended) >= rate; a learned rate above it
# stands. 1 in 1,000 is about what a model trained on a few % CER gives any unseen one-letter slip (real
# 19th/20th-century OCR has a raw CER of 3-8%), so a one-letter prior pair mostly just becomes attested,
# while a multi-letter one ("li" for h) costs one slip, not two or three unrelated edits.
PRIOR_RATE = 1e-3
# The long s: in print that uses it (English books and papers until about 1800) every s but a final one
# is a ſ, and engines without the glyph read f for most of them; 1 in 100 averages that over the much
# larger body of print without it.
LONG_S_RATE = 1e-2
PRIOR = {**dict.fromkeys(PRIOR_PAIRS, PRIOR_RATE), ("s", "f"): LONG_S_RATE}
# The same misreading of letters again in one word: where a word's "n" printed "u", its other "n"s are too about
# 1 time in 26. In the corpus OCR's words holding a letter twice or more, one of them misread as another letter,
# the others were misread the same way 38 times in 1,008 (e as c, e as o, a as e, l as i the most), where the
# rates of those misreadings anywhere predict 2.9: the ink, the glyph and the place are the same, the slips not
# independent. A repeat is scored at no less than this ("Goverumeut": government with two u for n).
REPEAT_LOG_PROB = math.log10(0.038)


def prepare(text: str) -> str:
    """The form both sides are aligned in: folded as the lexicon folds words, whitespace runs made one space.

    >>> prepare("  The\\nKing  ")
    'the king'
    """
    return _SPACES.sub(" ", fold(text)).strip()


@lru_cache(maxsize=BLOCKS_CACHE)
def blocks(intended: str, observed: str) -> tuple[tuple[str, str], ...]:
    """The runs of adjacent edits turning ``intended`` into ``observed``, as (intended, observed) pairs; memoised
    (a tuple, shared): the dictionary asks it of the same pair from several rules (a third of its calls in a pass).

    >>> blocks("modern", "rnodem")
    (('m', 'rn'), ('rn', 'm'))
    """
    runs = []
    a_start = b_start = None
    a_end = b_end = -1  # where the run so far ends, on each side
    for tag, a, b in Levenshtein.editops(intended, observed).as_list():  # the edits alone: fewer than opcodes
        if a != a_end or b != b_end:  # equal characters before this edit: a new run
            if a_start is not None:
                runs.append((intended[a_start:a_end], observed[b_start:b_end]))
            a_start, b_start = a, b
        a_end = a + (tag != "insert")
        b_end = b + (tag != "delete")
    if a_start is not None:
        runs.append((intended[a_start:a_end], observed[b_start:b_end]))
    return tuple(runs)


class ErrorModel:
    """Confusion counts learned from aligned text; log10 probabilities of misreadings.

    ``confusions`` maps (intended, observed) to a count; ``segments`` maps an
    intended string to how often it occurs in the training ground truth;
    ``characters`` and ``edits`` are the ground truth's length and its number
    of counted edit runs (those longer than ``MAX_SEGMENT`` are noise, not misreadings).
    With ``prior`` the pairs of :data:`PRIOR` are attested and at least as probable as
    their rate there (``confusions`` stays the learned counts; a saved model records the choice).
    """

    def __init__(self, confusions: dict[tuple[str, str], int], segments: dict[str, int],
                 characters: int, edits: int, prior: bool = True) -> None:
        self.confusions = confusions
        self.segments = segments
        self.characters = max(1, characters)
        self.edits = edits
        self.prior = prior
        self._floors = PRIOR if prior else {}
        # smoothed towards one edit per PRIOR_CHARACTERS: a model trained on little text stays cautious
        rate = min(0.5, (edits + 1) / (self.characters + PRIOR_CHARACTERS))
        self._log_correct = math.log10(1.0 - rate)
        self._log_unseen = math.log10(rate / _UNSEEN_SPREAD)
        self._cache: dict[tuple[str, str], float] = {}
        self._runs: dict[int, dict[tuple[str, str], tuple[float, bool, int]]] = {}  # min_count -> run -> see _run
        self._undo_index: dict[int, dict[str, list[str]]] = {}  # min_count -> printed -> intended (undo_one)
        self._printed_as: dict[str, list[str]] | None = None  # undo_index() turned round (misprints)

    def clear_caches(self) -> None:
        """Forget the figures memoised from the strings scored so far (the learned counts stay): what a
        long-running process may do for memory, and what a benchmark of text never seen needs."""
        self._cache.clear()
        self._runs.clear()

    # -- training -----------------------------------------------------------------
    @classmethod
    def train(cls, pairs: Iterable[tuple[str, str]], prior: bool = True) -> "ErrorModel":
        """Learn a model from (ocr, ground truth) text pairs (plus the prior of known confusions, unless not ``prior``).

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
            for intended, observed in blocks.__wrapped__(truth, ocr):  # whole texts, each once: not memoised
                if len(intended) > MAX_SEGMENT or len(observed) > MAX_SEGMENT:
                    continue
                if (" " in intended or " " in observed) and (intended + observed).strip():
                    continue
                confusions[intended, observed] += 1
                edits += 1
        intended = {seg for seg, _ in confusions} | ({seg for seg, _ in PRIOR} if prior else set())
        segments = {seg: sum(t.count(seg) for t in truths) for seg in intended if seg}
        return cls(dict(confusions), segments, characters, edits, prior)

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
        floor = self._floors.get(key, 0.0)
        unseen = self._unseen(intended, observed)
        if count or floor:
            base = self.segments.get(intended, self.characters) if intended else self.characters
            rate = max(floor, count / max(base, _MIN_COUNT_DENOMINATOR))
            value = max(unseen, math.log10(min(0.5, rate)))
        else:
            value = unseen
        self._cache[key] = value
        return value

    def _unseen(self, intended: str, observed: str) -> float:
        if len(intended) == len(observed) > 1:  # letter by letter, each as likely as the model says
            return sum(self.confusion_log_prob(a, b) if a != b else self._log_correct
                       for a, b in zip(intended, observed))
        return max(self._log_unseen * max(1, Levenshtein.distance(intended, observed)), self._split(intended, observed))

    def _split(self, intended: str, observed: str) -> float:
        """The likeliest reading of an unseen run as two shorter runs side by side, each scored as a confusion
        (or read right): adjacent slips are independent, and the alignment joins them into one run. A
        worn "urne" printed "nmo" is u/n, rn/m and e/o, each a known misreading, not four unknown edits.

        >>> m = ErrorModel({("rn", "m"): 5, ("a", "d"): 5}, {"rn": 10, "a": 50}, 1000, 10, prior=False)
        >>> m._split("arn", "dm") == m.confusion_log_prob("a", "d") + m.confusion_log_prob("rn", "m")
        True
        """
        best = -math.inf
        for i in range(len(intended) + 1):
            for j in range(len(observed) + 1):
                if i + j and (i, j) != (len(intended), len(observed)):
                    best = max(best, self._part(intended[:i], observed[:j]) + self._part(intended[i:], observed[j:]))
        return best

    def _part(self, intended: str, observed: str) -> float:
        """One side of :meth:`_split`: a run read right, or one confusion (empty on both sides: read right)."""
        return self._log_correct * len(intended) if intended == observed else self.confusion_log_prob(intended, observed)

    def log_prob(self, intended: str, observed: str) -> float:
        """log10 P(the engine prints ``observed`` | the text says ``intended``).

        Case-insensitive; the sum over the edit runs of the alignment plus the
        chance of reading each remaining character right.
        """
        return self.reading(intended, observed)[0]

    def attested(self, intended: str, observed: str, min_count: int = 2) -> bool:
        """Is every edit run between the two strings a confusion seen at least ``min_count`` times, or a prior pair?

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
        return self.folded_reading(fold(intended), fold(observed), min_count)

    def folded_reading(self, intended: str, observed: str, min_count: int = 2) -> tuple[float, bool]:
        """:meth:`reading` of two strings already folded (:func:`ocrfix.lexicon.fold`): the fast path."""
        if intended == observed:
            return self._log_correct * len(intended), True
        total = 0.0
        changed = 0
        attested = True
        runs = self._runs.get(min_count)
        if runs is None:
            runs = self._runs[min_count] = {}
        found = blocks(intended, observed)
        for run in found:
            facts = runs.get(run)
            if facts is None:
                facts = runs[run] = self._run(run, min_count)
            log_prob, seen, length = facts
            total += log_prob
            changed += length
            attested = attested and seen
        if len(found) > 1:
            total += _repeats(found, runs)
        return total + self._log_correct * (len(intended) - changed), attested

    def one_run_log_prob(self, intended: str, observed: str, unchanged: int) -> float:
        """:meth:`folded_reading`'s log10 probability of a pair whose only alignment is one edit run (``intended``,
        ``observed``) beside ``unchanged`` characters read right, without aligning them: a string and itself with
        one character changed, or with a character it lacks put in at an edge ("he" printed "“he").

        >>> m = ErrorModel({("t", "“"): 3}, {"t": 50}, 1000, 10)
        >>> m.one_run_log_prob("t", "“", 2) == m.folded_reading("the", "“he")[0]
        True
        >>> m.one_run_log_prob("", "“", 2) == m.folded_reading("he", "“he")[0]
        True
        """
        return self.confusion_log_prob(intended, observed) + self._log_correct * unchanged

    def _run(self, run: tuple[str, str], min_count: int) -> tuple[float, bool, int]:
        """(log10 probability, attested?, intended length) of one edit run (intended, observed), as
        :meth:`reading` counts it."""
        return (self.confusion_log_prob(*run), run in self._floors or self.confusions.get(run, 0) >= min_count,
                len(run[0]))

    def undo_index(self, min_count: int = 2) -> dict[str, list[str]]:
        """The misreadings :meth:`undo_one` undoes, as printed string -> the letters meant: each confusion seen
        at least ``min_count`` times or a prior pair that misreads letters (not a lost space or mark), of at
        most MAX_SEGMENT characters a side (as training counts them; a model loaded from a file may hold more).

        >>> sorted(ErrorModel({("h", "b"): 3, ("t", ""): 2, ("a", "o"): 1}, {"h": 50}, 1000, 10, prior=False)
        ...        .undo_index().items())
        [('', ['t']), ('b', ['h'])]
        """
        index = self._undo_index.get(min_count)
        if index is None:
            index = self._undo_index[min_count] = {}
            pairs = set(self._floors) | {pair for pair, count in self.confusions.items() if count >= min_count}
            for intended, printed in pairs:
                if intended.strip() and intended.isalpha() and max(len(intended), len(printed)) <= MAX_SEGMENT:
                    index.setdefault(printed, []).append(intended)
        return index

    def misprints(self, word: str, longest: int) -> list[str]:
        """What the engine may print for ``word`` (folded) with one confusion :meth:`undo_one` undoes made
        at one place, each misprint of at most ``longest`` characters: the other direction of that method.

        >>> m = ErrorModel({("h", "b"): 3, ("h", "li"): 2, ("a", "o"): 1}, {"h": 50}, 1000, 10, prior=False)
        >>> m.misprints("the", 4)  # "a" read as "o" seen once only: not enough
        ['tbe', 'tlie']
        """
        printed_as = self._printed_as
        if printed_as is None:  # letters meant -> what the engine printed for them, shortest first
            printed_as = self._printed_as = {}
            for printed, meant in self.undo_index().items():
                for letters in meant:
                    printed_as.setdefault(letters, []).append(printed)
            for printed in printed_as.values():
                printed.sort(key=len)
        found = []
        for start in range(len(word)):
            for end in range(start + 1, min(len(word), start + MAX_SEGMENT) + 1):
                room = longest - len(word) + end - start  # the longest printed string that keeps it short enough
                for printed in printed_as.get(word[start:end], ()):
                    if len(printed) > room:
                        break
                    found.append(word[:start] + printed + word[end:])
        return found

    def undo_one(self, observed: str, min_count: int = 2) -> set[str]:
        """What the text may have said where the engine printed ``observed`` (folded), if it made one
        confusion seen at least ``min_count`` times or a prior pair: each such misreading undone once. The
        definition that the dictionary's :class:`~ocrfix.strategies.dictionary.misreadings.MisreadingIndex`
        computes for many words at once without spelling the strings out (the dictionary uses the index).

        >>> m = ErrorModel({("h", "b"): 3, ("t", ""): 2, ("a", "o"): 1}, {"h": 50}, 1000, 10, prior=False)
        >>> sorted(m.undo_one("ho"))  # "t" lost (seen twice); "a" read as "o" seen once only: not enough
        ['hot', 'hto', 'tho']
        """
        index = self.undo_index(min_count)
        readings: set[str] = set()
        for start in range(len(observed) + 1):
            head = observed[:start]
            for end in range(start, min(len(observed), start + MAX_SEGMENT) + 1):
                intendeds = index.get(observed[start:end])
                if intendeds:
                    tail = observed[end:]
                    readings.update([head + intended + tail for intended in intendeds])
        return readings

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
        """The model as JSON-ready data (the file format of :meth:`save`), commonest confusions first."""
        return {
            "format": FORMAT,
            "characters": self.characters,
            "edits": self.edits,
            "prior": self.prior,
            "confusions": [[a, b, c] for (a, b), c in sorted(self.confusions.items(), key=lambda i: (-i[1], i[0]))],
            "segments": dict(sorted(self.segments.items())),
        }

    @classmethod
    def from_dict(cls, data: dict, path: str | os.PathLike[str] | None = None) -> "ErrorModel":
        """The model :meth:`to_dict` wrote; :class:`OcrfixError` (naming ``path``) for anything else."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise OcrfixError(f"not an ocrfix error model (expected format {FORMAT!r})", path)
        try:
            confusions = {(str(a), str(b)): int(c) for a, b, c in data["confusions"]}
            segments = {str(k): int(v) for k, v in data["segments"].items()}
            return cls(confusions, segments, int(data["characters"]), int(data["edits"]), bool(data.get("prior", True)))
        except (AttributeError, KeyError, TypeError, ValueError) as error:
            raise OcrfixError(f"malformed error model: {error}", path) from None

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the model as JSON, atomically; :meth:`load` reads it back.

        >>> import tempfile, pathlib
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "model.json"
        >>> model = ErrorModel.train([("tbe cat", "the cat")], prior=False)
        >>> model.save(path)
        >>> ErrorModel.load(path).confusions == model.confusions
        True
        """
        from ocrfix.io import write_text_atomic

        data = self.to_dict()
        # one confusion per line: small, and readable in a diff
        lines = [json.dumps(c, ensure_ascii=False) for c in data.pop("confusions")]
        head = json.dumps(data, ensure_ascii=False, indent=1)[:-2]
        write_text_atomic(path, head + ',\n "confusions": [\n  ' + ",\n  ".join(lines) + "\n ]\n}\n")

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> "ErrorModel":
        """The model :meth:`save` wrote to ``path``."""
        from ocrfix.io import read_json

        return cls.from_dict(read_json(path), path)

    @classmethod
    def default(cls) -> "ErrorModel":
        """The model shipped in ``ocrfix/data``, trained on the project corpus (cached)."""
        return _default()

    def __repr__(self) -> str:
        prior = "" if self.prior else ", no prior"
        return f"ErrorModel({len(self.confusions)} confusions, {self.edits} edits in {self.characters} characters{prior})"


@lru_cache(maxsize=1)
def _default() -> ErrorModel:
    text = resources.files("ocrfix.data").joinpath(DEFAULT_FILE).read_text(encoding="utf-8")
    return ErrorModel.from_dict(json.loads(text), DEFAULT_FILE)


def _repeats(runs: Sequence[tuple[str, str]], facts: dict[tuple[str, str], tuple[float, bool, int]]) -> float:
    """How much likelier (log10) the word's misreadings of letters as letters that repeat one before them are
    than the model's rate for a first one: each repeat is scored at no less than REPEAT_LOG_PROB.

    >>> facts = {("n", "u"): (-3.0, True, 1), ("e", "c"): (-3.0, True, 1)}
    >>> round(_repeats([("n", "u"), ("e", "c"), ("n", "u")], facts), 2)
    1.58
    """
    seen: set[tuple[str, str]] = set()
    lift = 0.0
    for run in runs:
        if run in seen and run[0].isalpha() and run[1].isalpha():
            lift += max(0.0, REPEAT_LOG_PROB - facts[run][0])
        seen.add(run)
    return lift


def train_for_dictionary(pairs: Iterable[tuple[str, str]], *, before: Sequence[str] | None = None,
                         prior: bool = True, progress: bool | None = False) -> ErrorModel:
    """A model learned from (ocr, ground truth) ``pairs`` as the dictionary strategy sees them.

    Each OCR text is first passed through the strategies ``before`` (names, in
    order; default: those the default pipeline runs before ``dictionary``, see
    :func:`ocrfix.strategies.before`), then :meth:`ErrorModel.train` counts the
    confusions, with the prior unless not ``prior``. The shipped model is made
    this way (``ocrfix train``), and so is a fitted Dictionary's
    (:meth:`~ocrfix.strategies.dictionary.Dictionary.fit`), so that a
    cross-validated benchmark measures a model of the shipped one's kind.
    ``progress`` shows a bar over the pairs (None: only on a terminal).
    ValueError for an unknown strategy name.

    >>> pairs = [("tbe rnodern kiug", "the modern king")]
    >>> train_for_dictionary(pairs, before=[]).confusions[("m", "rn")]
    1
    >>> train_for_dictionary(pairs, before=["nonsense"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown strategy 'nonsense'; known strategies: ...
    """
    from ocrfix import strategies
    from ocrfix.pipeline import Pipeline
    from ocrfix.progress import progress_bar

    pipeline = Pipeline(list(before if before is not None else strategies.before("dictionary")))
    bar = progress_bar(pairs, progress=progress, unit="doc", desc="train")
    seen = ((pipeline.run(ocr).text, truth) for ocr, truth in bar)
    return ErrorModel.train(seen, prior=prior)
