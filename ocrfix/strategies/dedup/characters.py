"""One character running away ("!!!!!!!!"), or a unit of 2..64 characters repeated inside a word.

An engine stuck on a symbol writes it to its token budget; one stuck on markup without spaces writes
"<td></td><td></td>…" as one word. Runs of normal length stay: leaders and rules ("......", "#####", "^^^^^" under a
title), a symbol after a word a few times ("Help!!!"), a name or a laugh ("puzpuzpuz", "hahaha").

>>> from ocrfix.strategies.dedup import Dedup
>>> [edit.reason for edit in Dedup().propose("Help!!!!!!!!!! Contents ........ 3")]
['the character "!" repeated 10 times; kept the first']
"""
from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ocrfix.strategies.dedup.loop import Loop
from ocrfix.strategies.dedup.periods import is_power, runs, unit_periods
from ocrfix.strategies.dedup.signatures import Tokens

if TYPE_CHECKING:
    from ocrfix.strategies.dedup import Dedup

# Characters that legitimately come in long runs: leaders, rules, fill-in blanks.
_LEADERS = ".\\-_=*·•…~─━═‐‒–—"
_LONG_WORD = 20  # words at least this long are searched for character units
_LONGEST_UNIT = 64  # characters
_UNIT_COPIES = 5  # copies of a character unit inside a word that make a loop ("puzpuzpuz" is a name)


def character_loops(dedup: Dedup, text: str, codes: np.ndarray, space: np.ndarray, tokens: Tokens) -> list[Loop]:
    """One character running away ("!!!!!!!!"), or a unit of 2..64 characters inside a word (``dedup``: the
    options; ``codes``, ``space``: the text's code points and which of them are whitespace)."""
    loops = []
    repeats = (codes[:-1] == codes[1:]) & ~space[1:]
    for start, length in zip(*(part.tolist() for part in runs(repeats, dedup.symbol_run - 1))):
        char, count = text[start], length + 1
        # A symbol glued to a word ("Help!!!!!!!!") runs away soon; a run among spaces or
        # other symbols is a rule or border ("#####", "^^^^^" under a title, "+++---")
        # unless it is very long.
        glued = not (char.isalnum() or char in _LEADERS) and (
            (start > 0 and text[start - 1].isalnum()) or (start + count < len(text) and text[start + count].isalnum())
        )
        if count >= (dedup.symbol_run if glued else dedup.low_info_chars):
            loops.append(Loop(start + 1, start + count, f'character "{char}"', count, "exact", 0.9))
    return loops + _unit_loops_in_long_words(dedup, text, codes, tokens)


def _unit_loops_in_long_words(dedup: Dedup, text: str, codes: np.ndarray, tokens: Tokens) -> list[Loop]:
    """Units of 2..64 characters repeated inside a word with no spaces ("<td></td><td></td>…")."""
    starts, ends = tokens.starts, tokens.ends
    long = (ends - starts) >= _LONG_WORD
    if not long.any():
        return []
    starts, ends = starts[long], ends[long]
    # A word of one character repeated is the character loop, found above.
    edges = np.stack((starts, ends), axis=1).ravel()
    if ends[-1] == len(codes):
        edges = edges[:-1]
    varied = (np.maximum.reduceat(codes, edges)[::2] != np.minimum.reduceat(codes, edges)[::2])
    starts, ends = starts[varied], ends[varied]
    if not len(starts):
        return []
    # All long words in one array, each followed by a separator that equals nothing.
    joined = np.full(int((ends - starts).sum()) + len(starts), 0, dtype=np.int64)
    lengths = ends - starts + 1
    place = np.concatenate(([0], np.cumsum(lengths)[:-1]))  # where each word starts in `joined`
    owner = np.repeat(np.arange(len(starts)), lengths)
    position = np.arange(len(joined)) - place[owner]  # offset inside the word
    inside = position < (ends - starts)[owner]
    joined[inside] = codes[(starts[owner] + position)[inside]]
    joined[~inside] = -1 - np.arange(int((~inside).sum()))  # separators: all different
    loops = []
    longest = min(_LONGEST_UNIT, int((ends - starts).max()) // _UNIT_COPIES)  # longer units have too few copies
    for period in unit_periods(joined, longest):
        pairs = joined[:-period] == joined[period:]
        for run_start, run_length in zip(*(part.tolist() for part in runs(pairs, (dedup.min_repeats - 1) * period))):
            word = int(owner[run_start])
            first = int(starts[word] + position[run_start])
            copies = run_length // period + 1
            unit = text[first:first + period]
            if is_power(unit) or copies < _UNIT_COPIES or not dedup.enough(unit, copies):
                continue
            if period == 2 and copies * period < dedup.low_info_chars:
                continue  # "hahaha", "abab": a two-character unit is a loop only when it runs away
            loops.append(Loop(first + period, first + copies * period, f'unit "{unit}"', copies, "exact", 0.9))
    return loops
