"""Where the errors are: an error report in the manner of the ISRI/ocreval ``accuracy`` program.

A ranked list of confusions (a reference substring read as a hypothesis
substring, with counts), the accuracy per character class of the reference, and
word accuracy (the share of reference words recognised exactly).

>>> report = analyze("Modern burn 1981", "Modem bum 198l")
>>> [(c.reference, c.hypothesis, c.count) for c in report.confusions]
[('rn', 'm', 2), ('1', 'l', 1)]
>>> report.classes["digit"].correct, report.classes["digit"].total
(3, 4)
>>> report.word_accuracy
0.0
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

import regex

from ocrfix.metrics import MAX_GAP_CHARS, MAX_GAP_WORDS, Op, Score, score, token_path, tokens
from ocrfix.profiles import normalize

CLASSES = ("lowercase", "uppercase", "digit", "punctuation", "whitespace", "other")
_CLUSTER = regex.compile(r"\X")


@dataclass(frozen=True)
class Confusion:
    """``reference`` was read as ``hypothesis`` (either may be empty) ``count`` times."""

    reference: str
    hypothesis: str
    count: int


@dataclass(frozen=True)
class ClassAccuracy:
    """Reference characters of one class, and how many of them were read correctly."""

    total: int
    correct: int

    @property
    def accuracy(self) -> float:
        """``correct / total``; 1.0 for a class the reference has none of (nothing was misread)."""
        return self.correct / self.total if self.total else 1.0


@dataclass(frozen=True)
class Analysis:
    """The error report of one pair (:func:`analyze`): its :class:`Score`, the confusions, most frequent
    first, the accuracy per character class (:data:`CLASSES`) and the reference words read exactly."""

    score: Score
    confusions: list[Confusion]
    classes: dict[str, ClassAccuracy]
    words: int
    words_correct: int

    @property
    def word_accuracy(self) -> float:
        """Share of reference words read exactly; 1.0 when the reference has none."""
        return self.words_correct / self.words if self.words else 1.0

    def as_dict(self, top: int | None = None) -> dict:
        """JSON-ready figures; ``top`` limits the confusions listed."""
        return {
            "score": self.score.as_dict(),
            "confusions": [vars(c) for c in self.confusions[:top]],
            "classes": {name: {"total": c.total, "correct": c.correct, "accuracy": c.accuracy}
                        for name, c in self.classes.items()},
            "words": self.words,
            "words_correct": self.words_correct,
            "word_accuracy": self.word_accuracy,
        }

    def text(self, top: int = 20) -> str:
        """The report as plain text, like ocreval's ``accuracy``."""
        s = self.score
        lines = [
            f"profile {s.profile}",
            f"{s.reference_length:>9} characters",
            f"{s.distance:>9} errors ({s.substitutions} substituted, {s.deletions} deleted, "
            f"{s.insertions} inserted; {s.gap_chars} absorbed by [illegible])",
            f"{100 * (1 - s.cer):>8.2f}% accuracy (CER {s.cer:.4f})",
            f"{self.words:>9} words, {self.words_correct} correct: {100 * self.word_accuracy:.2f}% "
            f"word accuracy (WER {s.wer:.4f})",
            "",
            "  count  confusion",
        ]
        lines += [f"{c.count:>7}  {{{c.reference}}}-{{{c.hypothesis}}}" for c in self.confusions[:top]]
        lines += ["", "  total  correct   accuracy  class"]
        lines += [f"{c.total:>7}  {c.correct:>7}  {100 * c.accuracy:>8.2f}%  {name}"
                  for name, c in self.classes.items()]
        return "\n".join(lines) + "\n"


def character_class(cluster: str) -> str:
    """The class of a grapheme cluster, by its first code point.

    >>> [character_class(c) for c in ("a", "É", "7", ";", " ", "€")]
    ['lowercase', 'uppercase', 'digit', 'punctuation', 'whitespace', 'other']
    """
    category = unicodedata.category(cluster[0])
    if category == "Ll":
        return "lowercase"
    if category in ("Lu", "Lt"):
        return "uppercase"
    if category == "Nd":
        return "digit"
    if category[0] == "P":
        return "punctuation"
    if category[0] == "Z" or cluster.isspace():
        return "whitespace"
    return "other"


def _class_counts(pieces: list[str]) -> Counter:
    clusters: Counter = Counter()
    for piece in pieces:
        clusters.update(_CLUSTER.findall(piece))
    counts: Counter = Counter()
    for cluster, count in clusters.items():  # each distinct cluster classified once
        counts[character_class(cluster)] += count
    return counts


def analyze(reference: str, hypothesis: str, profile: str = "default", *,
            max_gap_chars: int = MAX_GAP_CHARS, max_gap_words: int = MAX_GAP_WORDS) -> Analysis:
    """The error report of ``hypothesis`` against ``reference`` (under ``profile``, as :func:`~ocrfix.metrics.score`).

    >>> report = analyze("the cat", "the cot")
    >>> report.confusions, report.word_accuracy
    ([Confusion(reference='a', hypothesis='o', count=1)], 0.5)
    >>> print(report.text().splitlines()[3])
       85.71% accuracy (CER 0.1429)
    """
    result = score(reference, hypothesis, profile, alignment=True,
                   max_gap_chars=max_gap_chars, max_gap_words=max_gap_words)
    ref, hyp = normalize(reference, profile), normalize(hypothesis, profile)

    confusions: Counter = Counter()
    pending: list[Op] = []  # consecutive edit blocks form one confusion

    def flush() -> None:
        if pending:
            confusions[(ref[pending[0].ref_start:pending[-1].ref_end],
                        hyp[pending[0].hyp_start:pending[-1].hyp_end])] += 1
            pending.clear()

    for op in result.alignment:
        if op.tag in ("equal", "gap"):
            flush()
        else:
            pending.append(op)
    flush()
    ranked = sorted(confusions.items(), key=lambda item: (-item[1], item[0]))

    # a gap's reference span is the [illegible] marker itself: not text to read, so in no class
    scored = [ref[op.ref_start:op.ref_end] for op in result.alignment if op.tag != "gap"]
    correct = [ref[op.ref_start:op.ref_end] for op in result.alignment if op.tag == "equal"]
    totals, rights = _class_counts(scored), _class_counts(correct)

    ref_words, hyp_words = tokens(ref, hyp, words=True)
    word_path = token_path(ref_words, hyp_words, max_gap_words)
    words_correct = sum(end - start for tag, start, end, _, _ in word_path.ops if tag == "equal")
    return Analysis(
        score=result,
        confusions=[Confusion(r, h, n) for (r, h), n in ranked],
        classes={name: ClassAccuracy(totals[name], rights[name]) for name in CLASSES},
        words=len(ref_words.text),
        words_correct=words_correct,
    )
