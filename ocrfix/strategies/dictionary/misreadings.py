"""The words of a set that a printed word is one known misreading away from, for many words at once.

:meth:`ErrorModel.undo_one` spells out every string that undoing one attested confusion makes of a word
(~500 for seven letters, most of them a lost letter put back at each place) for a word list to pick out
the few it holds. Here those strings are never made: a string's polynomial hash is a sum over its
characters, so the hash of ``word[:start] + intended + word[end:]`` follows from the word's prefix hashes
and the hash of ``intended`` in a few array operations, for all such strings of all the words in one pass.
Only the strings whose hash a word of the set has are spelled out, and checked against the set itself.

>>> from ocrfix import lexicon
>>> from ocrfix.errormodel import ErrorModel
>>> model = ErrorModel({("h", "b"): 3, ("m", "rn"): 2}, {"h": 50, "m": 40}, 1000, 10, prior=False)
>>> index = MisreadingIndex(model, lexicon.load().linked)
>>> index.readings(["tbe", "rnodern"])  # b read back as h, rn as m
{'tbe': ('the',), 'rnodern': ('modern',)}
"""
from __future__ import annotations

from typing import Iterable

import numpy as np

from ocrfix.errormodel import MAX_SEGMENT, ErrorModel
from ocrfix.tokenspans import code_points

# H(s) = sum of ord(s[i]) * _BASE**i modulo 2**64 (numpy's uint64 arithmetic wraps). _BASE is odd, so it
# has an inverse modulo 2**64: a stretch of a word can be hashed as if it started the word, and the tail of
# a word moved left as well as right.
_BASE = 0x9E3779B97F4A7C15
_LONGEST = 128  # the longest word looked up: the dictionary repairs words of up to 60 characters
_POWERS = np.array([pow(_BASE, k, 2 ** 64) for k in range(_LONGEST + MAX_SEGMENT + 1)], dtype=np.uint64)
_INVERSES = np.array([pow(_BASE, -k, 2 ** 64) for k in range(_LONGEST + 1)], dtype=np.uint64)
# the factor that moves a word's tail by ``shift`` places, at index shift + MAX_SEGMENT
_SHIFTS = np.array([pow(_BASE, shift, 2 ** 64) for shift in range(-MAX_SEGMENT, MAX_SEGMENT + 1)], dtype=np.uint64)


class Hashed:
    """The hashes of a list of strings and of their prefixes, from flat arrays of all their characters.

    >>> hashed = Hashed(["ab", "a", "ba"])
    >>> hashed.whole().tolist()[1] == hashed.prefix(np.array([0]), np.array([1])).tolist()[0]
    True
    """

    def __init__(self, strings: list[str]) -> None:
        self.lengths = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
        self.starts = np.cumsum(self.lengths) - self.lengths  # of each string in the joined characters
        codes = code_points("".join(strings))
        places = np.arange(len(codes)) - np.repeat(self.starts, self.lengths)  # each character's place in its string
        self._sums = np.zeros(len(codes) + 1, dtype=np.uint64)  # hash of the joined characters' prefixes
        np.cumsum(codes.astype(np.uint64) * _POWERS[places], dtype=np.uint64, out=self._sums[1:])

    def prefix(self, numbers: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """The hash of the first ``lengths[k]`` characters of string ``numbers[k]``."""
        starts = self.starts[numbers]
        return self._sums[starts + lengths] - self._sums[starts]

    def whole(self) -> np.ndarray:
        """The hash of each string."""
        return self._sums[self.starts + self.lengths] - self._sums[self.starts]


class HashSet:
    """A set of hashes to test many against at once: a table of their top bits passes about 1 in 64 of
    the others, and only those are looked up in the sorted hashes.

    >>> hashes = HashSet(np.array([3, 1 << 63], dtype=np.uint64))
    >>> hashes.holding(np.array([1 << 63, 5, 3], dtype=np.uint64)).tolist()
    [0, 2]
    """

    def __init__(self, hashes: np.ndarray) -> None:
        self._sorted = np.sort(hashes)  # repeats do no harm (np.unique hashes: far slower)
        bits = max(16, int(len(hashes)).bit_length() + 6)
        self._drop = np.uint64(64 - bits)
        self._present = np.zeros(1 << bits, dtype=bool)
        self._present[self._sorted >> self._drop] = True

    def holding(self, hashes: np.ndarray) -> np.ndarray:
        """The positions in ``hashes`` of those in the set."""
        maybe = np.flatnonzero(self._present[hashes >> self._drop])
        candidates = hashes[maybe]
        at = np.minimum(np.searchsorted(self._sorted, candidates), len(self._sorted) - 1)
        return maybe[self._sorted[at] == candidates]


class MisreadingIndex:
    """The words of a set (``targets``) that words are one known misreading of ``model`` away from, with the
    misreadings it undoes (:meth:`ErrorModel.undo_index`) as arrays."""

    def __init__(self, model: ErrorModel, targets: Iterable[str], min_count: int = 2) -> None:
        self._targets = frozenset(targets)
        self._target_hashes = HashSet(Hashed([word for word in self._targets
                                              if len(word) <= _LONGEST + MAX_SEGMENT]).whole())
        undo = model.undo_index(min_count)
        self._printed = list(undo)  # a group's printed string; the letters it may be meant for below
        printed_hashes = Hashed(self._printed).whole()
        self._printed_order = np.argsort(printed_hashes)  # the groups in the order of their printed strings' hashes
        self._printed_sorted = printed_hashes[self._printed_order]
        # the letters a group's printed string may be meant for, as (group, their length, them, their hashes)
        self._meant: list[tuple[int, int, list[str], np.ndarray]] = []
        for group, intendeds in enumerate(undo.values()):
            for length in sorted(set(map(len, intendeds))):
                strings = [intended for intended in intendeds if len(intended) == length]
                self._meant.append((group, length, strings, Hashed(strings).whole()))

    def readings(self, words: list[str]) -> dict[str, tuple[str, ...]]:
        """For each of the folded ``words``, the targets other than itself that it is one known misreading
        away from (``targets & model.undo_one(word) - {word}``), sorted; none for a word of more than
        _LONGEST characters."""
        words = list(dict.fromkeys(words))
        found = self._hash_hits([word for word in words if len(word) <= _LONGEST]) if self._printed else {}
        return {word: tuple(sorted(self._targets.intersection(found.get(word, ())) - {word})) for word in words}

    def _hash_hits(self, words: list[str]) -> dict[str, set[str]]:
        """The strings one known misreading undone makes of each of the ``words`` whose hash a target has."""
        hashed = Hashed(words)
        number, start, end, group = self._places(hashed)
        head = hashed.prefix(number, start)  # word[:start]
        tail = hashed.prefix(number, hashed.lengths[number]) - hashed.prefix(number, end)  # word[end:], in place
        # per place and length of the letters put in: word[:start] and word[end:] moved to follow them
        spans = np.arange(MAX_SEGMENT + 1) + (start - end + MAX_SEGMENT)[:, None]
        around = head[:, None] + _SHIFTS[spans] * tail[:, None]
        lift = _POWERS[start]  # puts the letters put in at their place
        order = np.argsort(group, kind="stable")
        bounds = np.searchsorted(group[order], np.arange(len(self._printed) + 1)).tolist()
        found: dict[str, set[str]] = {}
        for group_number, length, strings, hashes in self._meant:
            if bounds[group_number] == bounds[group_number + 1]:
                continue  # no word prints this group's string
            at = order[bounds[group_number]:bounds[group_number + 1]]
            table = around[at, length][:, None] + lift[at][:, None] * hashes  # a row per place, a column per string
            rows, columns = np.divmod(self._target_hashes.holding(table.ravel()), len(strings))
            printed = self._printed[group_number]
            for k, s, e, c in zip(number[at[rows]].tolist(), start[at[rows]].tolist(), end[at[rows]].tolist(),
                                  columns.tolist()):
                word = words[k]
                if word[s:e] == printed:  # not a stretch that only hashes as the printed string does
                    found.setdefault(word, set()).add(word[:s] + strings[c] + word[e:])
        return found

    def _places(self, hashed: Hashed) -> tuple[np.ndarray, ...]:
        """(word number, start, end, group) of every stretch ``word[start:end]`` a known misreading prints
        (and of any other stretch of the same hash: :meth:`_hash_hits` checks the strings)."""
        found = []
        for span in range(MAX_SEGMENT + 1):
            counts = np.maximum(hashed.lengths - span + 1, 0)  # the stretches of this length in each word
            number = np.repeat(np.arange(len(counts)), counts)
            start = np.arange(len(number)) - np.repeat(np.cumsum(counts) - counts, counts)
            stretch = (hashed.prefix(number, start + span) - hashed.prefix(number, start)) * _INVERSES[start]
            at = np.minimum(np.searchsorted(self._printed_sorted, stretch), len(self._printed_sorted) - 1)
            known = self._printed_sorted[at] == stretch
            found.append((number[known], start[known], start[known] + span, self._printed_order[at[known]]))
        return tuple(np.concatenate(parts) for parts in zip(*found))
