"""A text's tokens (what ``str.split`` gives) as spans of its code points: told apart in numpy, sliced out
only where read.

The quality estimate looks each distinct token up in its token table; a long
text repeats its words many times (173,090 tokens, 16,851 distinct ones in a
megabyte of OCR). Splitting the text into strings and looking each one up
hashes every token in Python; here equal tokens are found from their code
points in numpy, and only one token of each text is made a string.

>>> text = "to be or not to be"
>>> codes = code_points(text)
>>> tokens = TokenSpans(text, codes == 32)
>>> texts, numbers = tokens.distinct(codes); list(tokens) == text.split(), texts, numbers.tolist()
(True, ['to', 'be', 'or', 'not'], [0, 1, 2, 3, 0, 1])
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat

import numpy as np
import regex


#: Up to this many tokens (a page), looking each one up costs less than telling them apart first
#: (:meth:`TokenSpans.distinct`: numpy's cost per call outweighs its gain).
FEW_TOKENS = 1_000


class TokenSpans(Sequence[str]):
    """The tokens of ``text`` (``text.split()``), given which of its characters are whitespace as ``str.split``
    sees it: their ``starts`` and ``ends`` (offsets in code points), each token sliced from the text when read."""

    def __init__(self, text: str, space: np.ndarray) -> None:
        self.text = text
        self.starts, self.ends = bounds(space)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, index: int) -> str:  # type: ignore[override]  # one token: callers read few
        return self.text[self.starts[index]:self.ends[index]]

    def texts(self, positions: np.ndarray) -> list[str]:
        """The tokens at ``positions``."""
        text = self.text
        return [text[start:end] for start, end in zip(self.starts[positions].tolist(), self.ends[positions].tolist())]

    def distinct(self, codes: np.ndarray) -> tuple[list[str], np.ndarray]:
        """The distinct tokens in order of first appearance, and each token's number among them; ``codes``: the
        text's code points.

        A token of up to sixteen characters, each of U+0001..U+00FF (nearly all of them), is its own key
        (its characters as bytes, in two 64-bit numbers): equal keys are found by a hash table filled
        by whole arrays. The other tokens are made strings and told apart by a dictionary.
        """
        count = len(self.starts)
        first = np.empty(count, dtype=np.int64)  # per token: the first token of the same text
        keyed, keys = _keys(codes, self.starts, self.ends - self.starts)
        same = _same(*keys)
        earliest = np.full(len(keyed), count, dtype=np.int64)
        np.minimum.at(earliest, same, keyed)  # per keyed token standing for its text: the first of that text
        first[keyed] = earliest[same]
        unkeyed = np.ones(count, dtype=bool)
        unkeyed[keyed] = False
        others = unkeyed.nonzero()[0]
        seen: dict[str, int] = {}  # token -> its first position
        first[others] = list(map(seen.setdefault, self.texts(others), others.tolist()))
        is_first = first == np.arange(count)
        return self.texts(is_first.nonzero()[0]), (np.cumsum(is_first) - 1)[first]


# code point -> whitespace as str.split() sees it (0x3001 stands for all above: none is whitespace)
_SPACE = np.array([chr(code).isspace() for code in range(0x3002)], dtype=bool)


def split_space(codes: np.ndarray) -> np.ndarray:
    """Which of the code points ``codes`` are whitespace as ``str.split`` sees it.

    >>> split_space(code_points("a b\u3000c\u00a0")).tolist()
    [False, True, False, True, False, True]
    """
    # take: twice as fast as fancy indexing; "clip" reads code points past the table as its last entry
    return _SPACE.take(codes, mode="clip")


def token_counts(text: str) -> tuple[list[str], list[int]]:
    """The distinct tokens of ``text`` (``text.split()``) in order of first appearance, and how often each stands:
    ``Counter(text.split())``'s keys and values. A long text's tokens are told apart in numpy
    (:meth:`TokenSpans.distinct`): splitting and hashing every token in Python costs several times more.

    >>> token_counts("to be or not to be")
    (['to', 'be', 'or', 'not'], [2, 2, 1, 1])
    """
    codes = code_points(text)
    tokens = TokenSpans(text, split_space(codes))
    if len(tokens) <= FEW_TOKENS:
        counted = Counter(text.split())
        return list(counted), list(counted.values())
    distinct, numbers = tokens.distinct(codes)
    return distinct, np.bincount(numbers, minlength=len(distinct)).tolist()


def offsets(text: str, chars: str) -> list[int]:
    """Where each of ``chars`` stands in ``text``, in order: found with ``str.find``, which passes over a text at ~5
    instructions a character for each of ``chars`` (a pattern's scan costs tens to hundreds) and ~2k more for each
    place found: for characters a text holds seldom.

    >>> offsets("a-b'c-", "-'")
    [1, 3, 5]
    """
    found = []
    for char in chars:
        place = text.find(char)
        while place >= 0:
            found.append(place)
            place = text.find(char, place + 1)
    return sorted(found)


def char_class(chars: str, beyond_ascii: bool = False) -> np.ndarray:
    """A table of the code points up to U+FFFF for :func:`places`: true at ``chars`` and, with ``beyond_ascii``, at
    every character outside ASCII (those above U+FFFF are read as U+FFFF: a class is exact in ASCII alone)."""
    table = np.zeros(0x10000, dtype=bool)
    table[[ord(char) for char in chars]] = True
    if beyond_ascii:
        table[0x80:] = True
    return table


def code_points(text: str) -> np.ndarray:
    """The code points of ``text``, one ``uint32`` a character (a lone surrogate too): what numpy passes over
    a text work on.

    >>> code_points("a£\u2014").tolist()
    [97, 163, 8212]
    """
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def places(text: str, at: np.ndarray, before: np.ndarray | None = None, after: np.ndarray | None = None) -> list[int]:
    """The offsets of the characters of ``text`` in the class ``at`` (a :func:`char_class`), after one in ``before``
    and before one in ``after`` where given: a few passes of numpy over the text's code points, where a pattern's
    scan costs tens to hundreds of instructions a character.

    >>> places("a,b ,c,", char_class(",;"), after=char_class("", beyond_ascii=True) | char_class("abc"))
    [1, 4]
    >>> places("oF ofT", char_class("FT"), before=char_class("f"))
    [5]
    """
    codes = np.minimum(code_points(text), 0xFFFF).astype(np.intp)
    found = at.take(codes)  # take: a third cheaper than indexing
    if before is not None and len(found):
        found[1:] &= before.take(codes[:-1])
        found[0] = False
    if after is not None and len(found):
        found[:-1] &= after.take(codes[1:])
        found[-1] = False
    return found.nonzero()[0].tolist()


def matches_at(pattern: regex.Pattern, text: str, starts: Iterable[int]) -> Iterator[regex.Match]:
    r"""The matches of ``pattern`` starting at ``starts`` (in their order): all of a scan's matches where ``starts``
    hold every place one may start (found by :func:`offsets` or :func:`places`); lookarounds see the whole text.

    >>> [m.group() for m in matches_at(regex.compile(r"(?<=\w)[,.](?=\w)"), "hand,a database, e.g.I", range(22))]
    [',', '.', '.']
    """
    return filter(None, map(pattern.match, repeat(text), starts))


def bounds(space: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Start and end offsets of the runs of characters that are not ``space``.

    >>> [part.tolist() for part in bounds(np.array([False, True, False, False, True]))]
    [[0, 2], [1, 4]]
    """
    edged = np.concatenate(([True], space, [True]))  # the text's edges count as spaces
    changes = (edged[1:] != edged[:-1]).nonzero()[0]  # where a token starts, then where it ends, and so on
    return changes[0::2].copy(), changes[1::2].copy()


def _keys(codes: np.ndarray, starts: np.ndarray,
          lengths: np.ndarray) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
    """The tokens (of ``starts`` and ``lengths``) of at most sixteen characters of U+0001..U+00FF, and their
    characters as bytes in two 64-bit numbers, the first character the lowest byte of the first (no
    byte is 0, so the length shows).

    >>> codes = code_points("ab ab\u2014 abcdefghij")
    >>> keyed, (high, low) = _keys(codes, np.array([0, 3, 7]), np.array([2, 3, 10]))
    >>> keyed.tolist(), [hex(key) for key in high.tolist()], [hex(key) for key in low.tolist()]
    ([0, 2], ['0x6261', '0x6867666564636261'], ['0x0', '0x6a69'])
    """
    wide = ((codes - np.uint32(1)) >= 255).nonzero()[0]  # code 0 (wrapping round) or beyond U+00FF: few
    in_token = np.searchsorted(starts, wide, side="right") - 1
    short = lengths <= 16
    short[in_token[in_token >= 0]] = False  # (a wide space after a token sends that one to the dictionary too)
    keyed = short.nonzero()[0]
    text_bytes = np.empty(len(codes) + 16, dtype=np.uint8)
    text_bytes[:len(codes)] = codes  # the keyed tokens' characters fit
    text_bytes[len(codes):] = 0
    windows = np.ndarray((len(codes) + 8,), dtype="<u8", buffer=text_bytes, strides=(1,))  # 8 bytes from each place
    at, size = starts[keyed], lengths[keyed]
    low = np.zeros(len(keyed), dtype=np.uint64)
    long = (size > 8).nonzero()[0]  # few
    low[long] = windows[at[long] + 8] & _mask(size[long] - 8)
    return keyed, (windows[at] & _mask(size), low)


def _mask(lengths: np.ndarray) -> np.ndarray:
    """The bytes of the first ``lengths`` characters of a key (all eight from 8 on, none from 0 down)."""
    return _MASKS.take(lengths, mode="clip")


_MASKS = np.array([0] + [(1 << 8 * size) - 1 for size in range(1, 9)], dtype=np.uint64)  # of 0..8 characters (more: 8)
_SPREAD = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing: spreads a key's bits over the slot number
_MIX = np.uint64(0xC2B2AE3D27D4EB4F)


def _same(high: np.ndarray, low: np.ndarray) -> np.ndarray:
    """Per key (``high``, ``low``): the position of a key equal to it (the same for all equal ones).

    An open-addressing table at most half full, filled by whole arrays: each round every key not placed
    yet aims at its slot, one of those aiming at a free slot fills it, and a key finding its equal there
    is placed; the others try the next slot (few: the table is mostly empty).

    >>> same = _same(np.array([5, 7, 5, 7], dtype=np.uint64), np.array([0, 0, 0, 1], dtype=np.uint64)).tolist()
    >>> same[0] == same[2], len(set(same))
    (True, 3)
    """
    count = len(high)
    bits = max(2 * count, 1).bit_length()
    with np.errstate(over="ignore"):
        slots = (((high ^ low * _MIX) * _SPREAD) >> np.uint64(64 - bits)).astype(np.int64)
    holder = np.full(1 << bits, -1, dtype=np.int64)  # per slot: the key filling it
    holder[slots] = np.arange(count)  # first round: one of the keys aiming at each slot fills it
    same = holder[slots]
    pending = ((high[same] != high) | (low[same] != low)).nonzero()[0]
    while len(pending):  # keys whose slot another key holds try the next free one
        slot = slots[pending] = (slots[pending] + 1) & ((1 << bits) - 1)
        free = holder[slot] < 0
        holder[slot[free]] = pending[free]
        held = same[pending] = holder[slot]
        pending = pending[(high[held] != high[pending]) | (low[held] != low[pending])]
    return same
