"""The text's tokens and lines as 64-bit signatures: equal text, equal numbers, compared by numpy at once.

Every search compares units of text with the units a period ahead. Comparing strings would cost a Python call per
pair; instead each character stands for a fixed random number and a run of tokens for a signature made of their
sums (:class:`Tokens`), so a whole line or token array is compared in one numpy pass, whitespace-blind.

>>> from ocrfix.tokenspans import bounds, split_space
>>> codes = code_points("The end. the END")
>>> tokens = Tokens(codes, bounds(split_space(codes)))
>>> bool(tokens.span(np.array([0]), np.array([2]))[0] == tokens.span(np.array([2]), np.array([4]))[0])
False
>>> bool(tokens.ids[0] == tokens.ids[2]), bool(tokens.ids[1] == tokens.ids[3])  # case-folded, without the "."
(True, True)
"""
from __future__ import annotations

import functools

import numpy as np

from ocrfix.strategies.dedup.loop import SENTENCE_END
from ocrfix.tokenspans import code_points

_SENTENCE_END_TABLE = np.array([chr(code) in SENTENCE_END for code in range(128)], dtype=bool)  # 127: all above


class Tokens:
    """The text's tokens (runs of non-space characters) and 64-bit signatures of them.

    Every character stands for a fixed random 64-bit number. A token's
    signature combines the sum of its numbers and their sum weighted by place,
    modulo 2**64; prefix sums over tokens give the signature of any run of
    tokens (a line, whitespace-blind) in O(1). Equal text gives equal
    signatures; different text collides with a chance of about 2**-64, so equal
    signatures are treated as equal text. ``signatures`` are the tokens' own
    (marks included); ``ids`` compare tokens case-folded and without
    sentence-final punctuation ("The." repeats "the").
    """

    def __init__(self, codes: np.ndarray, token_bounds: tuple[np.ndarray, np.ndarray]) -> None:
        self.codes = codes  # the text's code points
        self.breaks = ((codes == 10) | (codes == 12)).nonzero()[0]
        self.starts, self.ends = token_bounds
        self.before_breaks = np.searchsorted(self.starts, self.breaks)  # tokens before each line break
        self.line_pages = np.concatenate(([0], np.cumsum(codes[self.breaks] == 12)))  # each line's page
        self.core_ends = self.ends
        if len(self.ends):
            # A token's trailing marks ("end." "so?!"): the run of marks before its end; all marks: kept whole.
            marks = _trailing_marks(codes, self.starts, self.ends)
            self.core_ends = np.where(marks < self.ends - self.starts, self.ends - marks, self.ends)
        sums, moments = _weighted_sums(codes, self.starts, self.ends)
        lengths = (self.ends - self.starts).astype(np.uint64)
        with np.errstate(over="ignore"):
            self.rank = _prefix_sums(lengths)  # characters before each token
            self.sums = _prefix_sums(sums)
            self.moments = _prefix_sums(moments + self.rank[:-1] * sums)
            self.signatures = _mix(sums, moments, lengths)  # each token's own, as span(i, i + 1) gives it
            # the tokens' own signatures, without the sentence-final punctuation: take it off again
            table = _random_codes()
            one = (self.ends - self.core_ends == 1).nonzero()[0]  # the common case: one mark, vectorised
            last = table[codes[self.ends[one] - 1]]
            core_sums, core_moments = sums, moments  # the tokens' own are no longer read: changed in place
            core_sums[one] -= last
            core_moments[one] -= last * (self.ends[one] - 1 - self.starts[one]).astype(np.uint64)
            for index in (self.ends - self.core_ends > 1).nonzero()[0].tolist():
                start, core, end = int(self.starts[index]), int(self.core_ends[index]), int(self.ends[index])
                stripped = table[codes[core:end]]
                core_sums[index] -= stripped.sum(dtype=np.uint64)
                places = np.arange(core - start, end - start, dtype=np.uint64)
                core_moments[index] -= (stripped * places).sum(dtype=np.uint64)
            self.ids = _mix(core_sums, core_moments, (self.core_ends - self.starts).astype(np.uint64))

    def span(self, first: np.ndarray, stop: np.ndarray) -> np.ndarray:
        """Signatures of the token runs first..stop-1 (whitespace between them ignored)."""
        with np.errstate(over="ignore"):
            total = self.sums[stop] - self.sums[first]
            moment = self.moments[stop] - self.moments[first] - self.rank[first] * total
            return _mix(total, moment, self.length(first, stop))

    def length(self, first: np.ndarray, stop: np.ndarray) -> np.ndarray:
        """How many non-space characters the token runs first..stop-1 hold."""
        return self.rank[stop] - self.rank[first]


def _trailing_marks(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """How many sentence-end marks end each token codes[start:end]: the length of the run of marks its
    last character closes (only the tokens that end with a mark, and the marks, are looked at).

    >>> codes = code_points("so?! end. ...")
    >>> _trailing_marks(codes, np.array([0, 5, 10]), np.array([4, 9, 13])).tolist()
    [2, 1, 3]
    """
    marks = np.zeros(len(ends), dtype=np.int64)
    is_mark = _SENTENCE_END_TABLE.take(codes, mode="clip")  # "clip": code points past the table read its last
    marked = is_mark[ends - 1].nonzero()[0]
    if len(marked):
        positions = is_mark.nonzero()[0]  # of all marks in the text
        run_starts = positions[np.concatenate(([True], np.diff(positions) != 1))]
        last = ends[marked] - 1
        marks[marked] = last + 1 - run_starts[np.searchsorted(run_starts, last, side="right") - 1]
    return marks


def _prefix_sums(values: np.ndarray) -> np.ndarray:
    """0, then the running sums of ``values`` (uint64, modulo 2**64), summed straight into place.

    >>> _prefix_sums(np.array([1, 2, 3], dtype=np.uint64)).tolist()
    [0, 1, 3, 6]
    """
    sums = np.empty(len(values) + 1, dtype=np.uint64)
    sums[0] = 0
    np.cumsum(values, dtype=np.uint64, out=sums[1:])
    return sums


def _mix(total: np.ndarray, moment: np.ndarray, length: np.ndarray) -> np.ndarray:
    """One signature of the three sums (arrays: numpy lets their products overflow without a warning)."""
    return (total ^ moment * np.uint64(0x9E3779B97F4A7C15) ^ length).view(np.int64)


_CHUNK = 1 << 16  # characters per block when summing: blocks' temporaries stay in cache, their memory is reused


def _weighted_sums(codes: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per span codes[start:end]: the sum of the characters' random numbers, and that sum weighted
    by place in the span (differences of running sums, modulo 2**64)."""
    sums = np.empty(len(starts), dtype=np.uint64)  # every span's block fills its part
    moments = np.empty(len(starts), dtype=np.uint64)
    table = _random_codes()
    first = 0
    while first < len(starts):
        # a block of whole spans of about _CHUNK characters
        stop = max(first + 1, int(np.searchsorted(starts, starts[first] + _CHUNK)))
        base, limit = int(starts[first]), int(ends[stop - 1])
        local_starts, local_ends = starts[first:stop] - base, ends[first:stop] - base
        with np.errstate(over="ignore"):
            # running[k]: sum of the first k numbers (take: faster than fancy indexing)
            running = _prefix_sums(table.take(codes[base:limit]))
            at_end = running[local_ends]
            sums[first:stop] = at_end - running[local_starts]
            # The sum over i in start..end-1 of number_i * (i - start) is the sum over k in start+1..end-1
            # of (running[end] - running[k]): running sums of the running sums give it without a
            # second array as long as the text.
            np.cumsum(running, out=running)
            inner = running[local_ends - 1] - running[local_starts]
            moments[first:stop] = (local_ends - local_starts - 1).astype(np.uint64) * at_end - inner
        first = stop
    return sums, moments


@functools.lru_cache(maxsize=1)
def _random_codes() -> np.ndarray:
    """One fixed random 64-bit number per code point, ASCII capitals sharing their small letter's
    (seeded: signatures are reproducible)."""
    table = np.random.default_rng(0x0C1F).integers(0, 2**64, size=0x110000, dtype=np.uint64)
    table[65:91] = table[97:123]
    return table



def signatures(pieces: list[str]) -> np.ndarray:
    """The signatures :class:`Tokens` gives runs of tokens whose non-space characters are each of ``pieces``.

    >>> codes = code_points("ab cd")
    >>> tokens = Tokens(codes, (np.array([0, 3]), np.array([2, 5])))
    >>> signatures(["abcd", "ab"]).tolist() == [tokens.span(np.array([0]), np.array([2]))[0], tokens.signatures[0]]
    True
    """
    lengths = np.array([len(piece) for piece in pieces], dtype=np.int64)
    ends = np.cumsum(lengths)
    sums, moments = _weighted_sums(code_points("".join(pieces)),
                                   ends - lengths, ends)
    return _mix(sums, moments, lengths.astype(np.uint64))

