"""Texts as token strings: one code point per character (grapheme cluster) or per word.

Edit distances run on strings in compiled code (rapidfuzz, or :mod:`ocrfix.gaps`
when the reference has ``[illegible]`` gaps), so every token becomes one code
point. A grapheme cluster of several code points (``e`` + combining acute, a
flag) is mapped to one private-use code point that occurs in neither text;
clusters are found by the ``regex`` module's ``\\X`` in C, and text without any
cluster-forming character takes a fast path that keeps it as it is. Words
(runs of non-whitespace) are numbered and mapped to code points the same way.

>>> encoder = Encoder("cafe\\u0301 [illegible]bar", "café bar")
>>> tokens = encoder.chars("cafe\\u0301 [illegible]bar", gaps=True)
>>> len(tokens.text), tokens.gaps
(8, (Gap(position=5, markers=1, start=6, end=17),))
>>> [encoder.words("a b", gaps=False).text == encoder.words("a  b", gaps=False).text]
[True]
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import regex

MARKER = "[illegible]"

# Runs of markers that make one gap: touching, for characters; separated by whitespace at most, for words.
_CHAR_GAP = re.compile(r"(?:\[illegible\])+")
_WORD_GAP = re.compile(r"\[illegible\](?:\s*\[illegible\])*")
_WORD = re.compile(r"\S+")
_GRAPHEME = regex.compile(r"\X")
# Characters that can join a neighbour into one grapheme cluster (CR joins LF).
_CLUSTERING = regex.compile(
    r"[\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}\p{GCB=Prepend}\p{GCB=Regional_Indicator}"
    r"\p{GCB=L}\p{GCB=V}\p{GCB=T}\p{GCB=LV}\p{GCB=LVT}\r]"
)
_PRIVATE_USE = [range(0xF0000, 0xFFFFE), range(0x100000, 0x10FFFE), range(0xE000, 0xF900)]


@dataclass(frozen=True)
class Gap:
    """A run of ``markers`` adjacent markers at ``start:end`` of the text, before token ``position``."""

    position: int
    markers: int
    start: int
    end: int


@dataclass(frozen=True)
class Tokens:
    """``text`` has one code point per token; token ``k`` is ``source[starts[k]:ends[k]]``."""

    text: str
    starts: np.ndarray
    ends: np.ndarray
    gaps: tuple[Gap, ...] = ()


class Encoder:
    """Maps the characters and words of a group of texts to shared code points."""

    def __init__(self, *texts: str) -> None:
        self._texts = texts
        self._clusters: dict[str, str] = {}
        self._free = None
        self._words: dict[str, str] = {}

    def chars(self, text: str, *, gaps: bool) -> Tokens:
        """Grapheme clusters of ``text``; with ``gaps``, marker runs become gaps."""
        return self._tokens(text, _CHAR_GAP if gaps else None, self._char_piece)

    def words(self, text: str, *, gaps: bool) -> Tokens:
        """Whitespace-separated words of ``text``; with ``gaps``, marker runs become gaps."""
        return self._tokens(text, _WORD_GAP if gaps else None, self._word_piece)

    def _tokens(self, text, gap_pattern, piece) -> Tokens:
        parts, starts, ends, gaps = [], [], [], []
        cursor = count = 0
        for match in (gap_pattern.finditer(text) if gap_pattern else ()):
            count = self._add(piece(text, cursor, match.start()), parts, starts, ends, count)
            gaps.append(Gap(count, match.group().count(MARKER), match.start(), match.end()))
            cursor = match.end()
        self._add(piece(text, cursor, len(text)), parts, starts, ends, count)
        empty = np.zeros(0, dtype=np.int64)
        return Tokens("".join(parts), np.concatenate(starts or [empty]), np.concatenate(ends or [empty]),
                      tuple(gaps))

    @staticmethod
    def _add(piece, parts, starts, ends, count) -> int:
        text, piece_starts, piece_ends = piece
        parts.append(text)
        starts.append(piece_starts)
        ends.append(piece_ends)
        return count + len(text)

    def _char_piece(self, text: str, start: int, end: int) -> tuple[str, np.ndarray, np.ndarray]:
        piece = text[start:end]
        if not _CLUSTERING.search(piece):
            starts = np.arange(start, end, dtype=np.int64)
            return piece, starts, starts + 1
        clusters = _GRAPHEME.findall(piece)
        lengths = np.fromiter(map(len, clusters), dtype=np.int64, count=len(clusters))
        ends = start + np.cumsum(lengths)
        symbol = self._cluster_symbol
        return "".join(c if len(c) == 1 else symbol(c) for c in clusters), ends - lengths, ends

    def _cluster_symbol(self, cluster: str) -> str:
        symbol = self._clusters.get(cluster)
        if symbol is None:
            if self._free is None:
                used = set().union(*map(set, self._texts))
                self._free = (chr(c) for block in _PRIVATE_USE for c in block if chr(c) not in used)
            symbol = self._clusters[cluster] = next(self._free)
        return symbol

    def _word_piece(self, text: str, start: int, end: int) -> tuple[str, np.ndarray, np.ndarray]:
        spans = [match.span() for match in _WORD.finditer(text, start, end)]
        words = [text[a:b] for a, b in spans]
        symbols = self._words
        for word in set(words).difference(symbols):
            code = len(symbols)
            symbols[word] = chr(code + 0x800 if code >= 0xD800 else code)  # skip the surrogates
        bounds = np.array(spans, dtype=np.int64).reshape(-1, 2)
        return "".join(map(symbols.__getitem__, words)), bounds[:, 0], bounds[:, 1]
