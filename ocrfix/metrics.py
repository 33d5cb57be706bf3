"""Character and word error rates of OCR text against ground truth.

Both texts are first normalised under a profile (see :mod:`ocrfix.profiles`).
Characters are grapheme clusters; words are runs of non-whitespace. The error
rate is the Levenshtein distance (substitutions + deletions + insertions) over
the reference length.

>>> round(cer("the cat sat", "the cut sat"), 4)
0.0909
>>> wer("the cat sat", "the cut sat")
0.3333333333333333
>>> s = score("Dear Sir, [illegible] we write", "Dear Sir, 3#@ we write")
>>> s.distance, s.reference_length, s.gap_chars
(0, 19, 3)

``[illegible]`` in the reference (after normalisation) is a gap: it matches any
run of at most ``max_gap_chars`` hypothesis characters (``max_gap_words`` words
for WER) at no cost. Its own letters are not part of the reference length; the
whitespace around it is. Markers that touch (for words: separated only by
whitespace) form one gap whose bound is the sum. In the hypothesis the marker is
ordinary text.

Empty texts: an empty hypothesis scores 1.0 against a non-empty reference. A
reference with nothing to read (empty, or only gaps) scores 0.0 when the
hypothesis costs nothing against it and 1.0 otherwise, never NaN.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from ocrfix import gaps as gap_engine
from ocrfix.align import Encoder, Tokens
from ocrfix.errors import OcrfixError
from ocrfix.profiles import normalize

MAX_GAP_CHARS = 100
MAX_GAP_WORDS = 24


@dataclass(frozen=True)
class Op:
    """One alignment block; spans are code-point offsets into the normalised texts.

    ``tag`` is ``equal``, ``replace``, ``delete`` (reference text missing from
    the hypothesis), ``insert`` (hypothesis text not in the reference) or
    ``gap`` (an ``[illegible]`` run and the hypothesis text it absorbed).
    """

    tag: str
    ref_start: int
    ref_end: int
    hyp_start: int
    hyp_end: int


@dataclass(frozen=True)
class Score:
    """The comparison of one hypothesis with its reference."""

    profile: str
    distance: int
    reference_length: int
    hypothesis_length: int
    cer: float
    word_distance: int
    reference_words: int
    hypothesis_words: int
    wer: float
    substitutions: int
    deletions: int
    insertions: int
    gap_chars: int
    alignment: tuple[Op, ...] | None = None

    def as_dict(self) -> dict:
        """The figures as plain JSON-ready values (without the alignment)."""
        return {name: getattr(self, name) for name in self.__dataclass_fields__ if name != "alignment"}


@dataclass(frozen=True)
class Aggregate:
    """Totals over documents: micro rates pool the edits, macro rates average the documents."""

    documents: int
    micro_cer: float
    macro_cer: float
    micro_wer: float
    macro_wer: float
    distance: int
    reference_length: int
    word_distance: int
    reference_words: int

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__dataclass_fields__}


def rate(errors: int, length: int) -> float:
    """``errors / length``; with nothing to read, 0.0 for no errors and 1.0 otherwise.

    >>> rate(3, 12), rate(0, 0), rate(2, 0)
    (0.25, 0.0, 1.0)
    """
    if length:
        return errors / length
    return 0.0 if errors == 0 else 1.0


def _check_bounds(max_gap_chars: int, max_gap_words: int) -> None:
    for name, value in (("max_gap_chars", max_gap_chars), ("max_gap_words", max_gap_words)):
        if not isinstance(value, int) or value < 0:
            raise OcrfixError(f"{name} must be a whole number >= 0, not {value!r}")


def score_hint(reference: str, hypothesis: str, *, chunk: int = 500, samples: int = 20) -> int | None:
    """An estimate of the edit distance of two long token strings, from samples; ``None`` for short ones.

    rapidfuzz's bit-parallel Levenshtein starts from this band width and widens
    it until the answer is proven, so the hint changes the speed, never the
    result. Each sampled reference chunk is placed where it fits best in the
    hypothesis near its proportional position (rapidfuzz's partial alignment).
    """
    m, n = len(reference), len(hypothesis)
    if min(m, n) < 40 * chunk:
        return None
    total = 0
    for index in range(samples):
        start = (m - chunk) * index // (samples - 1)
        piece = reference[start:start + chunk]
        low = max(0, start * n // m - chunk)
        window = hypothesis[low:low + 3 * chunk]
        fit = fuzz.partial_ratio_alignment(piece, window)
        total += Levenshtein.distance(piece, window[fit.dest_start:fit.dest_end])
    return max(abs(m - n), total * max(m, n) // (samples * chunk)) + 64


def _distance(reference: Tokens, hypothesis: Tokens, bound: int) -> int:
    if not reference.gaps:
        return Levenshtein.distance(reference.text, hypothesis.text,
                                    score_hint=score_hint(reference.text, hypothesis.text))
    gaps = [(gap.position, gap.markers * bound) for gap in reference.gaps]
    return gap_engine.distance(reference.text, hypothesis.text, gaps,
                               hint=score_hint(reference.text, hypothesis.text))


def plain_opcodes(reference: str, hypothesis: str, *, piece: int = 20_000) -> list[tuple[str, int, int, int, int]]:
    """An optimal alignment (``(tag, ref_start, ref_end, hyp_start, hyp_end)`` blocks), piece by piece when long.

    A long pair is cut at anchors: a reference snippet found exactly once in
    the hypothesis near its proportional place. When the distances of the
    pieces add up to the distance of the whole pair, the pieces' alignments
    joined are an optimal alignment of the whole (their cost is the optimum),
    and aligning k pieces costs about 1/k of aligning the whole. Otherwise
    the pair is aligned in one go.
    """
    m, n = len(reference), len(hypothesis)
    cuts = _anchors(reference, hypothesis, piece) if min(m, n) >= 2 * piece else []
    if cuts:
        bounds = [(0, 0), *cuts, (m, n)]
        ops: list[tuple[str, int, int, int, int]] = []
        cost = 0
        for (a, c), (b, d) in zip(bounds, bounds[1:]):
            for block in Levenshtein.opcodes(reference[a:b], hypothesis[c:d],
                                             score_hint=score_hint(reference[a:b], hypothesis[c:d])):
                op = (block.tag, a + block.src_start, a + block.src_end, c + block.dest_start, c + block.dest_end)
                if op[0] != "equal":
                    cost += max(op[2] - op[1], op[4] - op[3])
                if ops and ops[-1][0] == op[0] and ops[-1][2] == op[1] and ops[-1][4] == op[3]:
                    ops[-1] = (op[0], ops[-1][1], op[2], ops[-1][3], op[4])  # one block across the cut
                else:
                    ops.append(op)
        if cost == Levenshtein.distance(reference, hypothesis, score_hint=cost):
            return ops
    blocks = Levenshtein.opcodes(reference, hypothesis, score_hint=score_hint(reference, hypothesis))
    return [(b.tag, b.src_start, b.src_end, b.dest_start, b.dest_end) for b in blocks]


def _anchors(reference: str, hypothesis: str, piece: int, length: int = 16, reach: int = 2000) -> list[tuple[int, int]]:
    """Cut points ``(reference offset, hypothesis offset)`` about every ``piece`` tokens, both increasing."""
    m, n = len(reference), len(hypothesis)
    cuts: list[tuple[int, int]] = []
    for target in range(piece, m - piece, piece):
        for start in range(target, target + 32 * length, length):
            snippet = reference[start:start + length]
            centre = start * n // m
            low, high = max(cuts[-1][1] if cuts else 0, centre - reach), min(n, centre + reach + length)
            found = hypothesis.find(snippet, low, high)
            if found >= 0 and hypothesis.find(snippet, found + 1, high) < 0:
                cuts.append((start, found))
                break
    return cuts


def token_path(reference: Tokens, hypothesis: Tokens, bound: int) -> gap_engine.Path:
    """An optimal token alignment (fewest absorbed tokens among the optimal ones)."""
    if reference.gaps:
        gaps = [(gap.position, gap.markers * bound) for gap in reference.gaps]
        return gap_engine.align(reference.text, hypothesis.text, gaps)
    ops = tuple(plain_opcodes(reference.text, hypothesis.text))
    counts = {"replace": 0, "delete": 0, "insert": 0, "equal": 0}
    for tag, ref_start, ref_end, hyp_start, hyp_end in ops:
        counts[tag] += max(ref_end - ref_start, hyp_end - hyp_start)
    return gap_engine.Path(counts["replace"] + counts["delete"] + counts["insert"], counts["replace"],
                           counts["delete"], counts["insert"], 0, ops)


def _spans(path: gap_engine.Path, reference: Tokens, hypothesis: Tokens) -> tuple[Op, ...]:
    """Token blocks as code-point spans of the normalised texts."""
    if not path.ops:
        return ()
    tags = [op[0] for op in path.ops]
    blocks = np.array([op[1:] for op in path.ops], dtype=np.int64)
    ref_start, ref_end = _edges(reference, blocks[:, 0], blocks[:, 1])
    hyp_start, hyp_end = _edges(hypothesis, blocks[:, 2], blocks[:, 3])
    for index, gap in zip(np.flatnonzero(np.array(tags) == "gap").tolist(), reference.gaps):
        ref_start[index], ref_end[index] = gap.start, gap.end  # gaps come in reference order
    return tuple(map(Op, tags, ref_start.tolist(), ref_end.tolist(), hyp_start.tolist(), hyp_end.tolist()))


def _edges(tokens: Tokens, first: np.ndarray, last: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Code-point span of tokens ``first:last``; an empty run sits where its next token starts (or at the end)."""
    boundary = np.append(tokens.starts, tokens.ends[-1] if len(tokens.ends) else 0)
    start = boundary[first]
    end = np.where(last > first, np.append(tokens.ends, 0)[np.maximum(last - 1, 0)], start)
    return start, end


def tokens(reference: str, hypothesis: str, *, words: bool = False) -> tuple[Tokens, Tokens]:
    """Both (already normalised) texts as token strings; gaps only in the reference."""
    encoder = Encoder(reference, hypothesis)
    encode = encoder.words if words else encoder.chars
    return encode(reference, gaps=True), encode(hypothesis, gaps=False)


def cer(reference: str, hypothesis: str, profile: str = "default", *,
        max_gap_chars: int = MAX_GAP_CHARS, max_gap_words: int = MAX_GAP_WORDS) -> float:
    """Character error rate of ``hypothesis`` against ``reference``.

    >>> cer("abc", "")
    1.0
    """
    _check_bounds(max_gap_chars, max_gap_words)
    ref, hyp = tokens(normalize(reference, profile), normalize(hypothesis, profile))
    return rate(_distance(ref, hyp, max_gap_chars), len(ref.text))


def wer(reference: str, hypothesis: str, profile: str = "default", *,
        max_gap_chars: int = MAX_GAP_CHARS, max_gap_words: int = MAX_GAP_WORDS) -> float:
    """Word error rate of ``hypothesis`` against ``reference``.

    >>> wer("one [illegible] four", "one two three four")
    0.0
    """
    _check_bounds(max_gap_chars, max_gap_words)
    ref, hyp = tokens(normalize(reference, profile), normalize(hypothesis, profile), words=True)
    return rate(_distance(ref, hyp, max_gap_words), len(ref.text))


def score(reference: str, hypothesis: str, profile: str = "default", *, alignment: bool = False,
          max_gap_chars: int = MAX_GAP_CHARS, max_gap_words: int = MAX_GAP_WORDS) -> Score:
    """Every figure of the comparison; with ``alignment=True`` also the aligned blocks (:class:`Op`).

    >>> s = score("the cat sat", "the cut sat", alignment=True)
    >>> s.distance, s.reference_length, s.substitutions, round(s.cer, 4), round(s.wer, 4)
    (1, 11, 1, 0.0909, 0.3333)
    >>> [op.tag for op in s.alignment]
    ['equal', 'replace', 'equal']
    """
    _check_bounds(max_gap_chars, max_gap_words)
    reference, hypothesis = normalize(reference, profile), normalize(hypothesis, profile)
    ref, hyp = tokens(reference, hypothesis)
    path = token_path(ref, hyp, max_gap_chars)
    ref_words, hyp_words = tokens(reference, hypothesis, words=True)
    word_distance = _distance(ref_words, hyp_words, max_gap_words)
    return Score(
        profile=profile,
        distance=path.distance,
        reference_length=len(ref.text),
        hypothesis_length=len(hyp.text),
        cer=rate(path.distance, len(ref.text)),
        word_distance=word_distance,
        reference_words=len(ref_words.text),
        hypothesis_words=len(hyp_words.text),
        wer=rate(word_distance, len(ref_words.text)),
        substitutions=path.substitutions,
        deletions=path.deletions,
        insertions=path.insertions,
        gap_chars=path.absorbed,
        alignment=_spans(path, ref, hyp) if alignment else None,
    )


def aggregate(scores: Iterable[Score]) -> Aggregate:
    """Micro (pooled) and macro (mean per document) rates over ``scores``; zeros when there are none.

    >>> total = aggregate([score("abcd", "abcd"), score("ab", "xb")])
    >>> round(total.micro_cer, 4), total.macro_cer
    (0.1667, 0.25)
    """
    scores = list(scores)
    count = len(scores)
    distance = sum(s.distance for s in scores)
    length = sum(s.reference_length for s in scores)
    word_distance = sum(s.word_distance for s in scores)
    words = sum(s.reference_words for s in scores)
    return Aggregate(
        documents=count,
        micro_cer=rate(distance, length) if count else 0.0,
        macro_cer=sum(s.cer for s in scores) / count if count else 0.0,
        micro_wer=rate(word_distance, words) if count else 0.0,
        macro_wer=sum(s.wer for s in scores) / count if count else 0.0,
        distance=distance,
        reference_length=length,
        word_distance=word_distance,
        reference_words=words,
    )
