"""``dedup``: remove repetition loops, keep legitimate repetition.

OCR engines, vision-language models most of all, loop: a block of lines comes
back again and again (its copies drifting by OCR noise or a counter), a word or
phrase repeats inside a line ("been been been"), or a unit runs away to the end
of the page. This strategy finds such loops and keeps their first copy and the
text that breaks out of them:

* **line blocks** of 1..``max_period`` lines repeated consecutively, compared
  exactly, through a counter ("Article 2", "Article 3" with the same body), or
  nearly (copies that differ only by OCR noise: "proverfet" / "provenfet");
  markup that one copy has and another lacks ("<p>", "**", a list bullet; not
  a heading's) is looked through; blank lines between copies are ignored, as
  is a page break inside a loop that has two copies or more on one of its
  pages (the page break stays); the copy that led into the loop may differ
  more than the others;
* **token loops** inside a line: 1..``max_token_period`` tokens repeated
  ("of the of the of the", a sentence twenty times, "page 9 page 10 …"),
  tokens compared through their tags (copies glued by markup,
  "<p>Minutes.</p><p>Minutes.</p>…", keep the first whole);
* **character loops**: one symbol running away ("!!!!!!!!"), a short unit
  without spaces repeated ("<td></td><td></td>…"; empty cells only when
  they run away).

What it leaves alone: two copies of short text ("very very", "had had", "that
that", two table rows alike), a short cry said three or four times ("ha, ha,
ha", "dump dump dump!", "Ho ho ho"), a short line or a table row (ending in a figure,
or with a leader) three or four times, repetition with
other text between (refrains, the same address in two letters), rows that all
differ a little or by a number (enumerations, ledgers, list items that only
start alike), symbol or leader runs of normal length (dot leaders, "#####"
borders, empty table rows), equal cells of a table row (set apart by more than a
word space), and a phrase repeated in a frame whose slot changes ("amendment to
the House amendment to the Senate amendment to the House amendment to the Senate
amendment to the bill"). Two copies are removed only when the copy is a long
sentence or line (``echo_min_chars``) or a phrase of three or more words read
twice in a row inside a sentence.

>>> from ocrfix.pipeline import Pipeline
>>> Pipeline([Dedup()]).run("It has been been been a year.").text
'It has been a year.'
>>> Pipeline([Dedup()]).run("He had had a very very good year.").text
'He had had a very very good year.'
>>> Pipeline([Dedup()]).run("Ministry of Works\\nLambeth Bridge House\\n" * 3 + "The end.").text
'Ministry of Works\\nLambeth Bridge House\\nThe end.'
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import cpdist

from ocrfix.pipeline import Edit, Strategy
from ocrfix.prose import runs_on_like_prose
from ocrfix.strategies import register
from ocrfix.tokenspans import bounds, code_points, offsets, split_space

# Characters that legitimately come in long runs: leaders, rules, fill-in blanks.
_LEADERS = ".\\-_=*·•…~─━═‐‒–—"
_LETTER = re.compile(r"[^\W\d_]")
_ALNUM_END = re.compile(r"[\W_]+$")  # the marks after a text's last letter or digit
_ALNUM_START = re.compile(r"^[\W_]+")  # the marks before its first
_NUMBER = re.compile(r"\d+")
_PUNCT_RUN = re.compile(r"([^\w\s])\1{2,}")
_MAY_HAVE_RUNS = re.compile(r"[^\w\s]{3}")  # cheaper test before the substitution with a back-reference
_NO_DIGITS = {ord(digit): None for digit in "0123456789"}
_SENTENCE_END = ".!?;:"
_SPOKEN_MARKS = "," + _SENTENCE_END  # between the copies of a repeated cry ("ha, ha, ha", "No! no! no!")
_SENTENCE_END_TABLE = np.array([chr(code) in _SENTENCE_END for code in range(128)], dtype=bool)  # 127: all above
_LONG_WORD = 20  # words at least this long are searched for character units
_LONGEST_UNIT = 64  # characters
_SHORT_BLOCK = 25  # letters: a repeated block shorter than this needs more copies
_VERSE_LINES = 4  # lines of a page besides a repeated block that tell verse (starting in capitals) from prose
_OPENING_MARKS = "\"'“‘([«"
_CLOSING_MARKS = "\"'”’)]»"
_QUOTES = "\"'“‘«„"
_UNIT_COPIES = 5  # copies of a character unit inside a word that make a loop ("puzpuzpuz" is a name)
_ECHO_TOKENS, _ECHO_LETTERS = 3, 15  # a phrase this long read twice in a row inside a line is an echo
_LOW_INFO_COPIES = 10  # copies of a unit without letters ("- - -", "1 1 1") that make a loop, at least
_RUNAWAY_COPIES = 50  # a short counted line this often is a runaway ("page 9", "page 10" … "page 60")
# A row of a ledger, price list or subscription list: a leader, or figures in its last two columns
# ("£22 0 0", "5s. 0d."; a sentence ends in one number at most: "in 1847.").
_TABLE_ROW = re.compile(r"\.{4,}|(?:\. ){3,}|[£$€]?\d[\w.,]*\s+[£$€]?\d[\w.,]*$")
# Markup a vision-language engine may put on one copy of a line and not on its echo: HTML/XML tags
# ("<p>", "<br/>") and "**" or "__" around text; markdown's quote and list markers opening the line.
_TAG = r"</?[A-Za-z][\w:-]*+(?:\s[^<>]*+)?/?>"
_MARKUP = re.compile(_TAG + r"|\*\*(?<![*\w]\*\*)(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?![*\w])"
                     r"|__(?<![_\w]__)(?=[^\s_])(.+?)(?<=[^\s_])__(?![_\w])")
_BOLD = re.compile(r"\*\*|__")
# Tags and character references: a unit of these alone ("<td></td>", "<td>&nbsp;</td>") is an empty table cell.
_TAG_OR_ENTITY = re.compile(_TAG + r"|&#?\w+;")
_TAG_STARTS = frozenset("/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")  # what follows a tag's "<"
_LINE_MARKUP = re.compile(r"(?:[>*-][ \t]+)+")
# A heading keeps its markup ("#" too) when compared: a document's title line repeated as its heading is no echo
# (a line holding its opening or closing tag; inside a line, a token holding one).
_HEADING = re.compile(r"</?(?:h[1-6]|title)[\s>]", re.IGNORECASE)
# first and last characters of a line that may hold markup (127: all above)
_OPENS_MARKUP, _CLOSES_MARKUP = (np.array([char in marks for char in map(chr, range(128))]) for marks in ("<*_>-", ">*_"))

# How two lines match.
_NONE, _EXACT, _COUNTER, _NEAR = 0, 1, 2, 3


@dataclass(frozen=True)
class _Loop:
    """A removal: text[start:end], found as ``copies`` copies of ``unit``."""

    start: int
    end: int
    unit: str
    copies: int
    kind: str
    confidence: float


@register
class Dedup(Strategy):
    """Collapse repetition loops to their first copy; every removal is an edit.

    Options: ``min_repeats`` copies make a loop (3); ``max_period`` lines per
    repeated block (16); ``max_token_period`` tokens per repeated unit inside a
    line (40); ``similarity`` (0..1) two lines must reach to count as noisy
    copies (0.9), ``entry_similarity`` for the copy that leads into a loop
    (0.85); ``echo_min_chars``: a unit at least this long is removed when it
    comes twice (80); ``symbol_run``: a symbol repeated this often is a loop (8);
    ``low_info_chars``: repetition without letters is a loop only from this
    many characters (200).

    >>> Dedup(min_repeats=4).min_repeats
    4
    """

    name = "dedup"

    def __init__(
        self,
        *,
        min_repeats: int = 3,
        max_period: int = 16,
        max_token_period: int = 40,
        similarity: float = 0.9,
        entry_similarity: float = 0.85,
        echo_min_chars: int = 80,
        symbol_run: int = 8,
        low_info_chars: int = 200,
    ) -> None:
        if min_repeats < 2:
            raise ValueError("min_repeats must be at least 2")
        self.min_repeats = min_repeats
        self.max_period = max_period
        self.max_token_period = max_token_period
        self.similarity = similarity
        self.entry_similarity = entry_similarity
        self.echo_min_chars = echo_min_chars
        self.symbol_run = symbol_run
        self.low_info_chars = low_info_chars

    def propose(self, text: str) -> list[Edit]:
        if not text.strip():
            return []
        codes = code_points(text)
        space = split_space(codes)
        loops = self.loops(text, codes, space, bounds(space))
        return [
            self.edit(
                text, loop.start, loop.end, "\f" * text.count("\f", loop.start, loop.end),  # the pages stay
                reason=f"the {loop.unit} repeated {loop.copies} times{'' if loop.kind == 'exact' else f' ({loop.kind} copies)'}; kept the first",
                confidence=loop.confidence,
            )
            for loop in loops
        ]

    def loops(self, text: str, codes: np.ndarray, space: np.ndarray,
              token_bounds: tuple[np.ndarray, np.ndarray]) -> list[_Loop]:
        """The loops :meth:`propose` removes from ``text`` (not blank), given its code points (UTF-32), which
        of them are whitespace as ``str.split`` sees it and its tokens' starts and ends
        (:func:`ocrfix.tokenspans.bounds`): for a caller that has them (the quality estimate)."""
        tokens = _Tokens(codes, token_bounds)
        tags = [place for place in offsets(text, "<") if text[place + 1:place + 2] in _TAG_STARTS]
        lines = _LineLoops(self, text, codes, tokens, tags)
        line_loops = lines.find()
        inline = _select(_TokenLoops(self, text, tokens, tags, lines.bold).find()
                         + self._character_loops(text, codes, space, tokens))
        return _merge(line_loops, inline)

    # -- character loops -------------------------------------------------
    def _character_loops(self, text: str, codes: np.ndarray, space: np.ndarray, tokens: _Tokens) -> list[_Loop]:
        """One character running away ("!!!!!!!!"), or a unit of 2..64 characters inside a word."""
        loops = []
        for start, length in zip(*(part.tolist() for part in _runs((codes[:-1] == codes[1:]) & ~space[1:], self.symbol_run - 1))):
            char, count = text[start], length + 1
            # A symbol glued to a word ("Help!!!!!!!!") runs away soon; a run among spaces or
            # other symbols is a rule or border ("#####", "^^^^^" under a title, "+++---")
            # unless it is very long.
            glued = not (char.isalnum() or char in _LEADERS) and (
                (start > 0 and text[start - 1].isalnum()) or (start + count < len(text) and text[start + count].isalnum())
            )
            if count >= (self.symbol_run if glued else self.low_info_chars):
                loops.append(_Loop(start + 1, start + count, f'character "{char}"', count, "exact", 0.9))
        return loops + self._unit_loops_in_long_words(text, codes, tokens)

    def _unit_loops_in_long_words(self, text: str, codes: np.ndarray, tokens: _Tokens) -> list[_Loop]:
        """Units of 2..64 characters repeated inside a word with no spaces ("<td></td><td></td>…")."""
        starts, ends = tokens.starts, tokens.ends
        long = (ends - starts) >= _LONG_WORD
        if not long.any():
            return []
        starts, ends = starts[long], ends[long]
        # A word of one character repeated is the character loop, found above.
        bounds = np.stack((starts, ends), axis=1).ravel()[:-1] if ends[-1] == len(codes) else np.stack((starts, ends), axis=1).ravel()
        varied = (np.maximum.reduceat(codes, bounds)[::2] != np.minimum.reduceat(codes, bounds)[::2])
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
        for period in _unit_periods(joined, longest):
            for run_start, run_length in zip(*(part.tolist() for part in _runs(joined[:-period] == joined[period:], (self.min_repeats - 1) * period))):
                word = int(owner[run_start])
                first = int(starts[word] + position[run_start])
                copies = run_length // period + 1
                unit = text[first:first + period]
                if _is_power(unit) or copies < _UNIT_COPIES or not self._enough(unit, copies):
                    continue
                if period == 2 and copies * period < self.low_info_chars:
                    continue  # "hahaha", "abab": a two-character unit is a loop only when it runs away
                loops.append(_Loop(first + period, first + copies * period, f'unit "{unit}"', copies, "exact", 0.9))
        return loops

    def _enough(self, unit: str, copies: int, *, exact: bool = True, width: int = 0) -> bool:
        """Do ``copies`` copies of ``unit`` make a loop rather than legitimate repetition? ``width``: the
        characters each copy spans with the space after it, if more than the unit ("1 1 1 …" as "1!!!…").

        >>> Dedup()._enough("1", 150), Dedup()._enough("1", 150, width=2)
        (False, True)
        """
        if not _has_text(unit) or _one_cell(unit):
            return copies >= _LOW_INFO_COPIES and copies * max(len(unit), width) >= self.low_info_chars
        if copies >= self.min_repeats:
            return True
        return exact and copies == 2 and len(unit) >= self.echo_min_chars

    def _may_be_enough(self, copies: int, *, exact: bool) -> bool:
        """Can some unit make a loop in ``copies`` copies or fewer (all exact copies only if ``exact``)?
        A bound of :meth:`_enough` over every unit, that rules runs out before their units are read.

        >>> Dedup()._may_be_enough(2, exact=False), Dedup()._may_be_enough(2, exact=True), Dedup()._may_be_enough(3, exact=False)
        (False, True, True)
        """
        return copies >= min(self.min_repeats, _LOW_INFO_COPIES) or (exact and copies >= 2)


class _LineLoops:
    """Blocks of lines repeated consecutively (blank lines between copies ignored)."""

    def __init__(self, dedup: Dedup, text: str, codes: np.ndarray, tokens: _Tokens, tags: list[int]) -> None:
        self.dedup = dedup
        self.text = text
        ends = np.concatenate((tokens.breaks, [len(text)]))
        # Each line as the run of tokens it holds; blank lines are left out.
        first = np.concatenate(([0], tokens.before_breaks))
        last = np.append(tokens.before_breaks, len(tokens.starts)) - 1
        content = first <= last
        first, last = first[content], last[content]
        self.starts = tokens.starts[first]
        self.stops = tokens.ends[last]
        self.ends = ends[content]  # offset of each content line's terminator
        self.page = tokens.line_pages[content]
        self.hash = tokens.span(first, last + 1)
        self.head = tokens.signatures[first]  # first and last word: cheap evidence that lines are alike
        self.tail = tokens.signatures[last]
        self.length = tokens.length(first, last + 1)
        self.claimed = np.zeros(len(self.starts), dtype=bool)
        self._keys: dict[int, str] = {}
        self.bold: list[int] = []  # where "**" or "__" stands in a line that opens or closes with markup or holds a tag
        self._see_through_markup(codes, tags)
        self.compacts: list[str] = [""] * len(self.starts)
        self.numberless = np.zeros(len(self.starts), dtype=np.int64)
        self._prepared = bytearray(len(self.starts))

    def _see_through_markup(self, codes: np.ndarray, tags: list[int]) -> None:
        """Compare the lines that hold markup (:func:`_without_markup`) by their text alone: an engine
        re-emits its last sentence with other markup ("<p>The board met.</p>" then "The board met."). Their
        hash, first and last word, length and key become those of the text; a line of markup alone
        (an empty table row) and a heading ("# Title", "<h1>Title</h1>": a title line repeated as the
        heading is the document's) are compared as they stand. ``tags``: where the text's tags start."""
        text = self.text
        # A line that opens or closes with a mark of markup; one holding a tag ("<" and a letter or "/").
        may = _OPENS_MARKUP.take(codes.take(self.starts), mode="clip") | _CLOSES_MARKUP.take(codes.take(self.stops - 1), mode="clip")
        if tags:
            may[np.searchsorted(self.ends, tags)] = True  # each one's content line
        lines, texts = [], []
        candidates = may.nonzero()[0]
        for line, start, stop in zip(candidates.tolist(), self.starts[candidates].tolist(), self.stops[candidates].tolist()):
            raw = text[start:stop]
            if "**" in raw or "__" in raw:
                self.bold += [start + mark.start() for mark in _BOLD.finditer(raw)]
            bare = _without_markup(raw)
            if bare != raw and _LETTER.search(bare) and not _HEADING.search(raw):
                lines.append(line)
                texts.append(bare.split())
                self._keys[line] = " ".join(texts[-1]).lower()
        if not lines:
            return
        signatures = _signatures([piece for words in texts for piece in ("".join(words), words[0], words[-1])])
        self.hash[lines], self.head[lines], self.tail[lines] = signatures[0::3], signatures[1::3], signatures[2::3]
        self.length[lines] = [sum(map(len, words)) for words in texts]

    def key(self, line: int) -> str:
        """The content line as compared: case-folded, whitespace collapsed (markup left out, when the
        line has text besides)."""
        key = self._keys.get(line)
        if key is None:
            key = self._keys[line] = " ".join(self.text[self.starts[line]:self.stops[line]].lower().split())
        return key

    def _prepare(self, first: int, stop: int) -> None:
        """Fill ``compacts`` (keys with runs of one punctuation mark shortened, so dot leaders do not
        make lines alike) and ``numberless`` (hashes of keys without their digits: lines that may
        differ only by their numbers) for lines first..stop-1, each line once."""
        prepared = self._prepared
        for line in range(first, stop):
            if not prepared[line]:
                key = self.key(line)
                self.compacts[line] = _compact(key)
                self.numberless[line] = hash(key.translate(_NO_DIGITS))
                prepared[line] = 1

    def line(self, line: int) -> str:
        return self.text[self.starts[line]:self.stops[line]]

    def find(self) -> list[_Loop]:
        loops = []
        count = len(self.starts)
        for period in self._periods(min(self.dedup.max_period, count - 1)):
            a, b = slice(0, count - period), slice(period, count)
            candidate = self._alike(lambda values: values[a], lambda values: values[b])
            candidate &= ~self.claimed[a] & ~self.claimed[b]
            for run_start, run_length in zip(*(part.tolist() for part in _runs(candidate, period))):
                loops.extend(self._verify(run_start, run_length, period))
        return loops + self._sentence_echoes()

    def _sentence_echoes(self) -> list[_Loop]:
        """Lines that re-emit the last sentence of the line before, alone (its markup looked through: a
        paragraph, then "**Households were chosen at random …**"), when it is a long one (``echo_min_chars``):
        an engine echoing what it just read. Same last word and a shorter line pick the pairs to read."""
        length = self.length
        echo = (self.tail[1:] == self.tail[:-1]) & (length[1:] < length[:-1]) & (self.page[1:] == self.page[:-1])
        echo &= 4 * length[1:] >= 3 * self.dedup.echo_min_chars  # non-space characters, about 4/5 of a sentence's
        loops = []
        for line in (echo.nonzero()[0] + 1).tolist():
            sentence, before = self.key(line), self.key(line - 1)
            opening = len(before) - len(sentence)
            if self.claimed[line - 1:line + 1].any() or len(sentence) < self.dedup.echo_min_chars \
                    or not before.endswith(sentence) or before[opening - 1:opening] != " " \
                    or before[:opening].rstrip().rstrip(_CLOSING_MARKS)[-1:] not in _SENTENCE_END:
                continue
            self.claimed[line] = True
            loops.append(_Loop(int(self.ends[line - 1]), int(self.ends[line]),
                               f'sentence "{_preview(self.line(line))}"', 2, "exact", 0.9))
        return loops

    def _periods(self, most: int) -> list[int] | range:
        """The periods up to ``most`` whose candidate pairs of lines (as :meth:`find` takes them, lines
        claimed or not) make a run as long as the period: the others cannot hold a loop."""
        if not _few(len(self.starts), most):
            return range(1, most + 1)
        return _periods_with_runs(self._alike(lambda values: values, lambda values: _ahead(values, most, pad=0)))

    def _alike(self, mine: Callable[[np.ndarray], np.ndarray], theirs: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        """Which pairs of lines are alike enough to be looked at as copies: equal, or of
        like length with the same first or last word. ``mine`` and ``theirs`` take the pairs' first and
        second lines' values from an array of all lines' values."""
        length, other = mine(self.length), theirs(self.length)
        short, long = np.minimum(length, other), np.maximum(length, other)
        return (mine(self.hash) == theirs(self.hash)) | (
            (short >= 0.75 * long) & ((mine(self.head) == theirs(self.head)) | (mine(self.tail) == theirs(self.tail)))
        )

    def _verify(self, run_start: int, run_length: int, period: int) -> list[_Loop]:
        lines = np.arange(run_start, run_start + run_length)
        matches = np.where(self.hash[lines] == self.hash[lines + period], _EXACT, _NONE)
        if not self._may_hold_loop(run_start, run_length, period, matches):
            return []
        if (matches == _NONE).any():
            # Pairs alike enough, or equal but for numbers, in runs long enough to be a loop, are
            # looked at closely; their similarity is computed at once in compiled code (a long
            # table of similar rows would otherwise cost a Python call per pair and period).
            stop = run_start + run_length
            self._prepare(run_start, stop + period)
            similarity = 100 * self.dedup.similarity
            ratios = cpdist(self.compacts[run_start:stop], self.compacts[run_start + period:stop + period],
                            scorer=fuzz.ratio, score_cutoff=similarity)
            promising = (ratios >= similarity) | (self.numberless[lines] == self.numberless[lines + period])
            for start, length in zip(*(part.tolist() for part in _runs((matches == _EXACT) | promising, period))):
                for index in range(start, start + length):
                    if matches[index] == _NONE and promising[index]:
                        matches[index] = self._match(run_start + index, run_start + index + period)
        loops = []
        for start, length in zip(*(part.tolist() for part in _runs(matches != _NONE, 1))):
            loop = self._loop(run_start + start, length, period, matches[start:start + length])
            if loop is not None:
                loops.append(loop)
        return loops

    def _may_hold_loop(self, run_start: int, run_length: int, period: int, matches: np.ndarray) -> bool:
        """Can ``run_length`` pairs of alike lines ``period`` apart from line ``run_start`` on hold a loop?

        :meth:`_loop` counts the copies of a run of matching pairs and of the entry copy it may walk back
        over (``period - 1`` pairs more); most runs are a single pair of lines alike by their first word,
        too few copies for a loop unless two exact copies of one long line make an echo (period 1: equal
        hashes, or equal keys, which :meth:`_match` takes for exact too).
        """
        most = (run_length + 2 * period - 1) // period
        exact = period == 1 and (bool((matches == _EXACT).any()) or any(
            self.key(line) == self.key(line + 1) for line in range(run_start, run_start + run_length)))
        return self.dedup._may_be_enough(most, exact=exact)

    def _loop(self, first: int, pairs: int, period: int, kinds: np.ndarray) -> _Loop | None:
        """The loop whose pairs (line i, line i + period) match from line ``first`` on, if it is one."""
        dedup = self.dedup
        if self.claimed[first:first + pairs + period].any():
            return None
        # The copy that led into the loop may differ more (the engine settling into it):
        # walk back line by line while lines are loosely alike, but never a whole copy, so
        # that some line of the leading copy matches as strictly as the loop's own copies.
        for _ in range(period - 1):
            entry = first - 1
            if entry < 0 or self.claimed[entry]:
                break
            self._prepare(entry, entry + period + 1)
            if fuzz.ratio(self.compacts[entry], self.compacts[entry + period]) < 100 * dedup.entry_similarity:
                break
            first, pairs = entry, pairs + 1
        copies = (pairs + period) // period
        block = "\n".join(self.key(line) for line in range(first, first + period))
        letters = len(_LETTER.findall(block))
        exact = bool((kinds == _EXACT).all())
        if not dedup._enough(block, copies, exact=exact and period == 1):
            return None
        if copies < dedup.min_repeats + 2 and (letters < _SHORT_BLOCK or (period == 1 and _TABLE_ROW.search(block))):
            # "Updated URLs." three times: a short line repeats legitimately more often, and so does a
            # table's row (a ledger entering the same sale thrice, "A Friend ... 5s." in a subscription list)
            return None
        counter = bool((kinds == _COUNTER).any())
        if counter and letters < 2 * _SHORT_BLOCK and copies < _RUNAWAY_COPIES:
            return None  # "Exhibit 3: photograph", "Exhibit 4: …": a counter loop repeats a body, or runs away
        if (kinds == _NEAR).sum() > (kinds == _EXACT).sum() and not self._recurs(first, copies, period):
            return None  # a loop drifts now and then; rows that all differ a little are an enumeration
        last = first + copies * period - 1  # last content line of the last full copy
        if self.page[first] != self.page[last] and not self._loops_on_a_page(first, last, period):
            return None
        if exact and copies == dedup.min_repeats and self._refrain(first, last):
            return None
        # A runaway tail: what follows the last full copy to the end of the page is a truncated copy.
        page_end = int(np.searchsorted(self.page, self.page[last], side="right")) - 1
        tail = range(last + 1, page_end + 1)
        if 0 < len(tail) < period and all(self._continues(line, line - copies * period) for line in tail):
            last = page_end
        self.claimed[first:last + 1] = True
        kind = "exact" if exact else ("counter" if counter else "near")
        confidence = {"exact": 0.95, "counter": 0.85, "near": 0.85}[kind] + (0.03 if copies >= 4 else 0.0)
        noun = "line" if period == 1 else f"{period}-line block"
        return _Loop(
            int(self.ends[first + period - 1]), int(self.ends[last]),
            f'{noun} "{_preview(self.line(first))}"', copies, kind, confidence,
        )

    def _recurs(self, first: int, copies: int, period: int) -> bool:
        """Is each line of the block of ``period`` lines from line ``first`` on written out exactly alike in half
        of its ``copies`` or more? A loop whose every other copy drifts ("f0ur", then "analysls"; in a block,
        one line of it in each copy) comes back to its text; the rows of an enumeration ("ecc-mod.c",
        "ecc-modp.c", "ecc-modq.c") differ each from all. Three copies, the fewest of a loop, must come back
        whole: a coupon printed three times reads so too when each copy has a misreading of its own."""
        width = period if copies <= self.dedup.min_repeats else 1  # lines compared together
        for part in range(first, first + period, width):
            keys = ["\n".join(self.key(line) for line in range(start, start + width))
                    for start in range(part, first + copies * period, period)]
            if 2 * max(map(keys.count, set(keys))) < copies:
                return False
        return True

    def _loops_on_a_page(self, first: int, last: int, period: int) -> bool:
        """Does some page hold two copies or more of the block of ``period`` lines repeated from line ``first``
        to ``last``? Copies on several pages are a loop that went on across a page break only so: an engine
        loops within a page, and a line alone on each of several pages is their running head."""
        return int(np.bincount(self.page[first:last + 1]).max()) >= 2 * period

    def _refrain(self, first: int, last: int) -> bool:
        """Are lines ``first``..``last`` (exact copies, as many as a loop needs at least) a refrain or
        litany said three times in verse ("Ring out, ring out, the bell of Sutton")? The page goes on after
        them, and its lines (those of every page the copies are on) do not run on into lower-case lines as
        prose does (:mod:`ocrfix.prose`). A loop runs on to the engine's token limit or
        drifts; verse repeats a line exactly and goes on."""
        lines = ((self.page >= self.page[first]) & (self.page <= self.page[last])).nonzero()[0].tolist()
        if last >= lines[-1]:
            return False
        # the verse is told by the page's other lines: copies of a letterhead or a table row start in
        # capitals too, and alone they say nothing of what is around them
        others = [line for line in lines if not first <= line <= last]
        if len(others) < _VERSE_LINES:
            return False
        lower = sum(self.line(line).lstrip(_OPENING_MARKS)[:1].islower() for line in others[1:])
        return not runs_on_like_prose(lower, len(others) - 1)

    def _continues(self, line: int, model: int) -> bool:
        key, unit = self.key(line), self.key(model)
        return self._match(model, line) != _NONE or (len(key) >= 3 and unit.startswith(key))

    def _match(self, i: int, j: int) -> int:
        a, b = self.key(i), self.key(j)
        if a == b:
            return _EXACT
        for line in (i, j):
            self._prepare(line, line + 1)
        if self.numberless[i] == self.numberless[j]:
            return _COUNTER if _counts_on(a, b) else _NONE
        ca, cb = self.compacts[i], self.compacts[j]
        if fuzz.ratio(ca, cb) >= 100 * self.dedup.similarity and _noise_only(ca.split(), cb.split()):
            return _NEAR
        return _NONE


def _noise_only(a: list[str], b: list[str]) -> bool:
    """Do two token lists differ only as OCR noise does, not by whole words or numbers?

    Noise: a few words (one per eight) each misread by one character (two in a
    word of six or more: "proverfet" / "provenfet", "comments" / "cornments"),
    and stray punctuation. Table rows and enumerations differ by more
    ("grsec-sock-all" / "grsec-sock-clt", "BGR" and "blue/green/red" at once).
    """
    changed = 0
    for op in Levenshtein.editops(a, b):
        if op.tag == "replace":
            x, y = a[op.src_pos], b[op.dest_pos]
            if _mark_misread(x, y):
                changed += 1
                continue
            shorter = min(len(x), len(y))
            if shorter < 4 or Levenshtein.distance(x, y) > (2 if shorter >= 6 else 1):
                return False  # "b" / "c", "BGR" / "BGRX": different words
            if any(_digit_changed(x, y, char_op) for char_op in Levenshtein.editops(x, y)):
                return False  # "95823" / "95824", "gzip-2.2" / "gzip-2": a different number, not noise
            changed += 1
        else:
            token = a[op.src_pos] if op.tag == "delete" else b[op.dest_pos]
            if any(char.isalnum() for char in token):
                return False
    return changed <= max(1, min(len(a), len(b)) // 8)


def _mark_misread(x: str, y: str) -> bool:
    """Do two words differ by one mark read as another, in the same place ("4.2" / "4,2", "No." / "No,")?

    >>> _mark_misread("4.2", "4,2"), _mark_misread("4.2", "42"), _mark_misread("4.2", "4.3")
    (True, False, False)
    """
    if len(x) != len(y):
        return False
    differ = [(a, b) for a, b in zip(x, y) if a != b]
    return len(differ) == 1 and not (differ[0][0].isalnum() or differ[0][1].isalnum())


def _counts_on(a: str, b: str) -> bool:
    """Is ``b`` ``a`` with a number counted on by one (other numbers kept)?

    >>> _counts_on("article 2", "article 3"), _counts_on("page 9", "page 11"), _counts_on("c++/95823,", "c++/95824,")
    (True, False, True)
    """
    if a.translate(_NO_DIGITS) != b.translate(_NO_DIGITS):
        return False
    steps = {int(y) - int(x) for x, y in zip(_NUMBER.findall(a), _NUMBER.findall(b))}
    return steps <= {0, 1} and 1 in steps


def _digit_changed(x: str, y: str, op: Any) -> bool:
    if op.tag == "replace":
        return x[op.src_pos].isdigit() and y[op.dest_pos].isdigit()
    return (x[op.src_pos] if op.tag == "delete" else y[op.dest_pos]).isdigit()


class _TokenLoops:
    """Units of tokens repeated consecutively inside a line, found with hashed tokens in numpy."""

    def __init__(self, dedup: Dedup, text: str, tokens: _Tokens, tags: list[int], bold: list[int]) -> None:
        self.dedup = dedup
        self.text = text
        self.starts, self.ends, self.core_ends, self.ids = tokens.starts, tokens.ends, tokens.core_ends, tokens.ids
        self.marked_in_markup: set[int] = set()
        if tags or bold:
            self._see_through_markup(self._markup_holders(tags, bold))
        # each token's line: as many tokens in line n as start between its breaks
        self.per_line = np.diff(tokens.before_breaks, prepend=0, append=len(self.starts))
        self.line = np.repeat(np.arange(len(tokens.breaks) + 1), self.per_line)
        self.page = tokens.line_pages.take(self.line)

    def _markup_holders(self, tags: list[int], bold: list[int]) -> list[int]:
        """The tokens that hold a tag (``tags``: where the text's tags start) or open or close with a bold
        mark ("**The", "company.**"; ``bold``: where "**" or "__" stands), in order."""
        holders = np.searchsorted(self.starts, tags + bold, side="right") - 1
        marks, token = np.array(bold, dtype=np.int64), holders[len(tags):]
        at_edge = (marks == self.starts[token]) | (marks + 2 == self.core_ends[token])  # "wor**d": OCR noise
        return np.unique(np.concatenate((holders[:len(tags)], token[at_edge]))).tolist()

    def _see_through_markup(self, holders: list[int]) -> None:
        """Compare the tokens ``holders`` that hold markup by their text alone: an engine re-emits its last
        sentence in other markup inside a line ("<p>The board met.</p> The board met.", "**The board met.**
        The board met."). A token of markup alone ("<td></td>", "***") and a heading's ("<h1>Title</h1>
        Title": as for lines) stay as they are; one whose sentence mark stands inside its markup
        ("met.</p>", "met.**") is noted in ``marked_in_markup``."""
        changed, cores = [], []
        for token in holders:
            raw = self.text[int(self.starts[token]):int(self.ends[token])]
            bare = ("".join(_TAG_OR_ENTITY.sub(" ", raw).split()) if "<" in raw or "&" in raw else raw).strip("*_")
            core = bare.rstrip(_SENTENCE_END)
            if bare != raw and _LETTER.search(core) and not _HEADING.search(raw):
                changed.append(token)
                cores.append(core)
                if core != bare and self.core_ends[token] == self.ends[token]:
                    self.marked_in_markup.add(token)
        if changed:
            self.ids[changed] = _signatures(cores)  # the pass's own tokens: no other reader of their ids

    def key(self, token: int) -> str:
        return self.text[self.starts[token]:self.core_ends[token]].lower()

    def find(self) -> list[_Loop]:
        count = len(self.ids)
        loops = []
        # A run of ``period`` equal pairs spans 2 × period tokens of one line: periods beyond half the
        # longest line cannot hold one (a page of short lines is spared most of the table of pairs).
        longest = int(self.per_line.max())
        for period in self._periods(min(self.dedup.max_token_period, longest // 2)):
            a, b = slice(0, count - period), slice(period, count)
            same = (self.ids[a] == self.ids[b]) & (self.line[a] == self.line[b])
            noisy, counted = self._fill_noise(same, period)
            starts, lengths = _runs(same, period)
            # Two copies are a loop only for a long unit: drop short ones before looking closer.
            unit_chars = self.ends[starts + period - 1] - self.starts[starts]
            keep = (lengths >= (self.dedup.min_repeats - 1) * period) | (unit_chars >= self.dedup.echo_min_chars)
            if period >= _ECHO_TOKENS:
                keep |= unit_chars >= _ECHO_LETTERS
            for run_start, run_length in zip(starts[keep].tolist(), lengths[keep].tolist()):
                near = bool(noisy[run_start:run_start + run_length].any())
                counter = bool(counted[run_start:run_start + run_length].any())
                loop = self._loop(run_start, run_length, period, near=near, counter=counter)
                if loop is not None:
                    loops.append(loop)
        return loops

    def _periods(self, most: int) -> list[int] | range:
        """The periods up to ``most`` at which equal tokens of one line make a run as long as the period,
        each lone difference between two equal pairs counted as noise (as :meth:`_fill_noise` may):
        the others cannot hold a loop. On a long text, picked row by row (a period's pairs cost a few
        numpy passes here, against a dozen in :meth:`find`)."""
        if not _few(len(self.ids), most):
            return _periods_row_by_row(self.ids, self.line, most, holes=True)
        same = (self.ids == _ahead(self.ids, most, pad=0)) & (self.line == _ahead(self.line, most, pad=-1))
        return _periods_with_runs(same, holes=True)

    def _fill_noise(self, same: np.ndarray, period: int) -> tuple[np.ndarray, np.ndarray]:
        """Let one token that differs by OCR noise ("infomation") or counts on ("Article 2." / "Article 3.",
        "page 9 page 10") continue a repetition; where each did."""
        noisy, counted = np.zeros(len(same), dtype=bool), np.zeros(len(same), dtype=bool)
        if period < 2 or len(same) < 3:
            return noisy, counted  # a 1-token loop has no context to tell noise from another word
        holes = (~same[1:-1] & same[:-2] & same[2:]).nonzero()[0] + 1
        for hole in holes.tolist():
            if self.line[hole] == self.line[hole + period]:
                key, other = self.key(hole), self.key(hole + period)
                if _noise_only([key], [other]):
                    same[hole] = noisy[hole] = True
                elif _counts_on(key, other):
                    same[hole] = counted[hole] = True
        return noisy, counted

    def _loop(self, first: int, pairs: int, period: int, *, near: bool = False,
              counter: bool = False) -> _Loop | None:
        # A counter at either end of the run is no lone difference between equal pairs: count it in, the one
        # opening the first copy ("<ol><li>Step 1: …</li><li>Step 2: …") as the one ending the last.
        before = first - 1
        if counter and before >= 0 and self.line[before] == self.line[first] \
                and _counts_on(self.key(before), self.key(before + period)):
            first, pairs = before, pairs + 1
        elif before >= 0 and self.line[before] == self.line[first] and self._opens_copy(before, before + period):
            first, pairs = before, pairs + 1  # '{"text": "Total: 45. Total: 45. …': the first copy opens at '"Total'
        keys = [self.key(token) for token in range(first, first + period)]
        if _is_power(keys):
            return None  # "a b a b" repeated is the loop of "a b", found at its own period
        after = first + pairs
        if counter and after + period < len(self.ids) and self.line[after] == self.line[after + period] \
                and _counts_on(self.key(after), self.key(after + period)):
            pairs += 1
        copies = (pairs + period) // period
        unit = self.text[int(self.starts[first]):int(self.core_ends[first + period - 1])]
        if counter and (copies < self.dedup.min_repeats or (
                len(_LETTER.findall(unit)) < 2 * _SHORT_BLOCK and copies < _RUNAWAY_COPIES)):
            return None  # as for lines: a counter loop repeats a body, or runs away ("page 9 page 10 …")
        # A phrase read twice in a row ("the committee noted the committee noted that") is an echo;
        # across a sentence's end it is prose ("... the main package. The main package is ...").
        echo = (not near and copies == 2 and period >= _ECHO_TOKENS and len(_LETTER.findall(unit)) >= _ECHO_LETTERS
                and self.core_ends[first + period - 1] == self.ends[first + period - 1])
        width = int(self.starts[first + period] - self.starts[first])
        if not (echo or self.dedup._enough(unit, copies, exact=not near, width=width)):
            return None
        if (copies == 2 and self._enumerates(first, pairs, period)) or self._cells(first, period, keys, copies):
            return None
        last = first + copies * period - 1
        cry = _LOW_INFO_COPIES if period == 1 else self.dedup.min_repeats + 2  # copies a writer says it
        if copies < cry and len(_LETTER.findall(unit)) < _SHORT_BLOCK and self._said(first, last, period):
            return None  # "Order! order! order!", "Ha ha ha ha ha!": a short cry said a few times is prose
        end = int(self.core_ends[last])
        tail = first + pairs + period - 1  # last token that repeats the unit
        # A word cut off where the page (or the engine's token budget) ended. The whole word with other
        # marks is no cut: "... it was the worst of times, it was the worst of times." ends on its own.
        truncated = tail + 1
        if truncated < len(self.ids) and self._ends_page(truncated) and self.line[truncated] == self.line[tail]:
            model, cut = keys[(truncated - first) % period], self.key(truncated)
            if model.startswith(cut) and len(_LETTER.findall(model)) > len(_LETTER.findall(cut)):
                tail = truncated
        glue = self._glue(first, period)
        if tail > last and self._ends_page(tail) and not self._closes_sentence(tail, first + (tail - first) % period) \
                and _LETTER.search(self.text[int(self.ends[last]):int(self.ends[tail])]):
            # a runaway tail: the first copy stays whole, its marks too ("... of the invoice." then "Payment is du")
            start, end = int(self.ends[first + period - 1]) - glue, int(self.ends[tail])
            unread = len(keys[-1]) - len(self.key(tail))  # of a last word glued to the next copy's first
            if glue and (tail - first) % period == period - 1 and 0 < unread < glue and self.key(tail)[-1:] == ">":
                start += glue - unread  # "S<br>S<br>…S<br>": the last copy ends in its markup, the first keeps it
        else:
            start, end = int(self.core_ends[first + period - 1]) - glue, end - glue
            closing = tail + 1  # "...meeting.</p> End.": the last copy, no next one glued to it (tags may close it)
            if glue and closing < len(self.ids) and self.line[closing] == self.line[tail] \
                    and (closing - first) % period == period - 1:
                stem, word = keys[-1][:-glue], self.key(closing)
                if word == stem:
                    end = int(self.ends[closing])
                elif word.startswith(stem) and word[len(stem)] == "<":  # "applicable</li></ul>"
                    end = int(self.starts[closing]) + len(stem)
            if first + period - 1 in self.marked_in_markup and last not in self.marked_in_markup:
                end = int(self.ends[last])  # "<p>The board met.</p> The board met.": the echo's mark goes too
            if not (near or counter):
                start, end = self._unseparated_copy(start, end, copies - 1)
        confidence = (0.95 if copies >= self.dedup.min_repeats else 0.8) - (0.1 if near else 0.0)
        unit_kind = "token" if period == 1 else f"{period}-token unit"
        kind = "counter" if counter else "near" if near else "exact"
        return _Loop(start, end, f'{unit_kind} "{_preview(unit)}"', copies, kind, confidence)

    def _opens_copy(self, token: int, model: int) -> bool:
        """Is ``token`` the token ``model`` with a quote opening it ('"Invoice' for 'Invoice': a string's first
        copy)? A bracket is no such mark: code's lists say a value several times ("[True True True True]")."""
        key, word = self.key(token), self.key(model)
        return len(key) > len(word) and key.endswith(word) and not key[:len(key) - len(word)].strip(_QUOTES)

    def _unseparated_copy(self, start: int, end: int, removed: int) -> tuple[int, int]:
        """The removal ``start``..``end`` of ``removed`` copies, one copy longer when the text repeats after it
        a whole copy but for the marks that set the copies apart ('[{"a": 1}, {"a": 1}, {"a": 1}]': the last
        object lacks ", "; the loop's tokens, read from the first whole one, see a copy fewer, as the first
        is glued to "["). The text left is the same whatever copies of a run are removed: only their number
        counts.

        >>> text = '[{"a": 1}, {"a": 1}, {"a": 1}]'
        >>> codes = code_points(text)
        >>> loops = _TokenLoops(Dedup(), text, _Tokens(codes, bounds(split_space(codes))), [], [])
        >>> loops._unseparated_copy(10, 20, 1)  # ' {"a": 1},' removed: one copy more, '[{"a": 1}]' left
        (9, 29)
        """
        text = self.text
        size, left = divmod(end - start, removed)
        if left or text[start:end - size] != text[start + size:end]:
            return start, end
        first, stop = start, end  # the run of text repeating with period ``size``
        while first > 0 and text[first - 1] == text[first - 1 + size]:
            first -= 1
        while stop < len(text) and text[stop] == text[stop - size]:
            stop += 1
        if stop < len(text) and text[stop].isalnum() and text[stop - 1].isalnum():
            return start, end  # the run ends inside a word: "pen, pen, pen, pencil" has no copy "pen" last
        unit = text[first:first + size]
        rest = stop - first - (end - start) - size  # what is left of the run with a copy more removed
        marks = len(unit) - len(_ALNUM_END.sub("", unit))
        if marks < size and size - marks <= rest <= size:  # a unit of marks alone ("| --- ") has no last copy
            return stop - (end - start) - size, stop
        return start, end

    def _glue(self, first: int, period: int) -> int:
        """How many characters of the unit's last token (tokens ``first``.. ``period`` long) begin its next
        copy: copies written without a space between them ("<p>Minutes of the meeting.</p><p>Minutes of the
        meeting.</p>…") glue one copy's first word to the last word of the one before. That word ends the
        token before the first copy too, and starts at a tag's edge ("</p>|<p>"); 0 if none.

        A removal from there keeps the first copy as written ("<p>Minutes of the meeting.</p>").
        """
        before, last = first - 1, first + period - 1
        if before < 0 or self.line[before] != self.line[first]:
            return 0
        lead = self.text[int(self.starts[before]):int(self.ends[before])]
        word = self.text[int(self.starts[last]):int(self.core_ends[last])]
        shared = 0
        while shared < min(len(lead), len(word) - 1) and lead[-1 - shared] == word[-1 - shared]:
            shared += 1
        # the longest shared end that starts at a tag's edge ("<ul><li>Not", "applicable</li><li>Not": "<li>Not")
        edge = next((size for size in range(shared, 0, -1) if word[-size] == "<" or word[-size - 1] == ">"), 0)
        return edge if _LETTER.search(word[len(word) - edge:]) else 0

    def _said(self, first: int, last: int, period: int) -> bool:
        """Are the copies of a unit (tokens ``first``..``last``) a writer's, not an engine's? Marked as
        spoken: a mark after any copy but the last (the engine may have lost it after the first: "COALS
        COALS! COALS!", "ha, ha, ha"), or "!" after the last ("dump dump dump!"); or a word capitalised
        as a sentence opens, the first copy alone ("Ho ho ho", "Knock knock knock"): an engine's loop
        repeats what it read, capitals and all ("been been been", "The The The"). A word said five to nine
        times needs "!" or that capital ("Ha ha ha ha ha!", "Never, never, never, never, never."; a list's
        "pen, pen, pen, pen, pen" is a loop). A word's copy beside the run with quotes of its own is read
        with it ('"Ha ha ha ha ha!"')."""
        text, starts = self.text, self.starts
        if period == 1:
            first, last = self._quoted_copies(first, last)
        after_last = _ALNUM_END.search(text[int(starts[last]):int(self.ends[last])])
        if after_last and "!" in after_last.group():
            return True
        if period == 1 and self._opening(first).isupper() and all(
                self._opening(copy).islower() for copy in range(first + period, last + 1, period)):
            return True
        between = text[int(starts[first]):int(starts[last - period + 1])]
        few = last - first + 1 < (self.dedup.min_repeats + 2) * period
        return few and any(mark in _SPOKEN_MARKS for mark in between)

    def _quoted_copies(self, first: int, last: int) -> tuple[int, int]:
        """The run of copies of one word ``first``..``last`` with the copy before it and the one after it
        that differ from it by marks alone (a quote opening the first, '"Ha', or closing the last, 'ha!"')."""
        word = _bare(self.key(first))
        before, after = first - 1, last + 1
        if before >= 0 and self.line[before] == self.line[first] and _bare(self.key(before)) == word:
            first = before
        if after < len(self.ids) and self.line[after] == self.line[last] and _bare(self.key(after)) == word:
            last = after
        return first, last

    def _opening(self, token: int) -> str:
        """The first character of ``token`` after its opening marks ('"Ha': "H")."""
        return self.text[int(self.starts[token]):int(self.ends[token])].lstrip(_OPENING_MARKS)[:1]

    def _enumerates(self, first: int, pairs: int, period: int) -> bool:
        """Do two copies of a unit (tokens ``first``.. matching ``pairs`` tokens ahead) belong to text that
        repeats a frame with another word or number in its slot? After the second copy the text starts
        the unit a third time and breaks off with another word ("an amendment to the House amendment to
        the Senate amendment to the House amendment to the Senate amendment to the bill"), or the
        words beside the copies differ only by a number ("GPL-2+ with Libtool exception and GPL-3+ with
        Libtool exception and GPL-3+"). An engine's echo re-emits text and goes on with the text.
        """
        after = first + pairs  # the pair of tokens (after, after + period) that ends the repetition
        if pairs - period >= 2 and not self._ends_page(after + period - 1):
            return True
        for a in (first - 1, after):
            b = a + period
            if a >= 0 and b < len(self.ids) and self.line[a] == self.line[b]:
                x, y = self.key(a), self.key(b)
                if x != y and _NUMBER.search(x) and x.translate(_NO_DIGITS) == y.translate(_NO_DIGITS):
                    return True
        return False

    def _cells(self, first: int, period: int, keys: list[str], copies: int) -> bool:
        """Are the copies of a unit cells of a table row? Set apart by more than a word space, they are
        columns ("GitHub      GitHub      GitHub", "Replace all values      Replace all values"): engines
        that loop do not pad their output to columns, and a loop that does runs away (``_RUNAWAY_COPIES``).
        Two copies with a cell border among them are two cells ("| Stream | Stream Padding | Stream |
        Stream Padding |"); a row of bordered cells looping on runs away. Two spaces after a sentence's end
        are a typist's, not a column's."""
        last = first + period - 1
        gap = self.text[int(self.ends[last]):int(self.starts[first + period])]
        typed = gap == "  " and self.core_ends[last] < self.ends[last]
        spaced = ("  " in gap or "\t" in gap) and not typed
        return (spaced and copies < _RUNAWAY_COPIES) or (copies == 2 and "|" in keys)

    def _closes_sentence(self, token: int, model: int) -> bool:
        """Does ``token``, in a copy cut short, close a sentence where the unit's token ``model`` does not?
        Then the copy is the text's own ending ("We went round and round and round and round."), not a
        runaway cut off by the page or the engine's budget: it stays after the loop's first copy."""
        closing = self.text[int(self.ends[token]) - 1]
        return closing in ".!?" and self.text[int(self.ends[model]) - 1] != closing

    def _ends_page(self, token: int) -> bool:
        """Is ``token`` the last one of its page (so a truncated copy there is a runaway tail)?"""
        following = token + 1
        return following >= len(self.ids) or self.page[following] != self.page[token]


class _Tokens:
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
            table = _RANDOM_CODES()
            one = (self.ends - self.core_ends == 1).nonzero()[0]  # the common case: one mark, vectorised
            last = table[codes[self.ends[one] - 1]]
            core_sums, core_moments = sums, moments  # the tokens' own are no longer read: changed in place
            core_sums[one] -= last
            core_moments[one] -= last * (self.ends[one] - 1 - self.starts[one]).astype(np.uint64)
            for index in (self.ends - self.core_ends > 1).nonzero()[0].tolist():
                start, core, end = int(self.starts[index]), int(self.core_ends[index]), int(self.ends[index])
                stripped = table[codes[core:end]]
                core_sums[index] -= stripped.sum(dtype=np.uint64)
                core_moments[index] -= (stripped * np.arange(core - start, end - start, dtype=np.uint64)).sum(dtype=np.uint64)
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
    table = _RANDOM_CODES()
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
def _RANDOM_CODES() -> np.ndarray:
    """One fixed random 64-bit number per code point, ASCII capitals sharing their small letter's
    (seeded: signatures are reproducible)."""
    table = np.random.default_rng(0x0C1F).integers(0, 2**64, size=0x110000, dtype=np.uint64)
    table[65:91] = table[97:123]
    return table


_FEW_PAIRS = 1 << 17  # items × periods up to which the periods worth trying are picked first


def _few(items: int, periods: int) -> bool:
    """Is a table of ``items`` × ``periods`` small enough to pick the periods worth trying at once?

    On a page of text most periods hold no repetition, and trying each costs a dozen numpy calls
    whatever the text's size; on a long text nearly every period has a pair somewhere, and the table
    would be as long as the text times the periods.
    """
    return items * periods <= _FEW_PAIRS


def _ahead(values: np.ndarray, periods: int, pad: int) -> np.ndarray:
    """``values[i + p]`` in row p - 1, column i, for p in 1..``periods`` (``pad`` past the end): a view.

    >>> _ahead(np.array([1, 2, 3]), 2, pad=0).tolist()
    [[2, 3, 0], [3, 0, 0]]
    """
    padded = np.concatenate((values, np.full(periods, pad, dtype=values.dtype)))
    step = padded.itemsize  # a strided view: numpy's sliding_window_view costs more than the comparison
    return np.ndarray((periods, len(values)), padded.dtype, padded, offset=step, strides=(step, step))


def _periods_with_runs(pairs: np.ndarray, *, holes: bool = False) -> list[int]:
    """The periods p (row p - 1 of ``pairs``: item i pairs with item i + p) whose row has a run of
    True at least p long: only there can :func:`_runs` find a unit repeated. With ``holes``, a lone
    False between two True continues a run from period 2 on (noise a loop may let through).

    The True cells are few: runs are followed over their positions, not over the whole table.

    >>> _periods_with_runs(np.array([[True, False, True], [True, False, True]])), _periods_with_runs(
    ...     np.array([[True, False, True], [True, False, True]]), holes=True)
    ([1], [1, 2])
    """
    return _periods_of_hits(np.flatnonzero(pairs), pairs.shape[1], holes=holes)


def _periods_of_hits(hits: np.ndarray, items: int, *, holes: bool = False) -> list[int]:
    """:func:`_periods_with_runs` of the table of pairs of ``items`` items whose True cells are ``hits``
    (flat indices into it, ascending).

    >>> _periods_of_hits(np.array([0, 2, 3, 5]), 3)
    [1]
    """
    if not len(hits):
        return []
    period = hits // items + 1
    step = np.diff(hits)
    joined = (step == 1) & (period[1:] == period[:-1])
    if holes:
        joined |= (step == 2) & (period[1:] == period[:-1]) & (period[1:] >= 2)
    firsts = np.concatenate(([True], ~joined)).nonzero()[0]  # where each run starts among the hits
    lasts = np.append(firsts[1:] - 1, len(hits) - 1)
    long = hits[lasts] - hits[firsts] + 1 >= period[firsts]
    return sorted(set(period[firsts[long]].tolist()))


def _periods_row_by_row(values: np.ndarray, group: np.ndarray, most: int, *, holes: bool = False) -> list[int]:
    """:func:`_periods_with_runs` of ``(values == _ahead(values, most, pad=0)) & (group == _ahead(group,
    most, pad=-1))``, one row at a time: on a long text that table would be its items times the
    periods. Only the pairs of equal values compare their groups.

    >>> _periods_row_by_row(np.array([7, 8, 7, 8, 7]), np.array([0, 0, 0, 0, 1]), 2)
    [2]
    """
    items = len(values)
    found = []
    for period in range(1, min(most, items - 1) + 1):
        first = np.flatnonzero(values[:-period] == values[period:])
        first = first[group[first] == group[first + period]]
        found += _periods_of_hits(first + (period - 1) * items, items, holes=holes)
    return found


def _unit_periods(joined: np.ndarray, longest: int) -> list[int] | range:
    """The unit lengths 2..``longest`` worth trying on ``joined`` (long words, each followed by a
    separator that equals nothing, all separators below -1): those at which equal characters run
    as long as the unit (on a short text; on a long one, all that fit).

    >>> _unit_periods(np.array([97, 98, 97, 98, 97, 98, -1]), 4)  # "ababab"
    [2]
    """
    most = min(longest, len(joined) - 1)
    if not _few(len(joined), most):
        return range(2, most + 1)
    pad = int(joined.min()) - 1  # equals no character and no separator
    return [period for period in _periods_with_runs(joined == _ahead(joined, most, pad=pad)) if period >= 2]


def _runs(mask: np.ndarray, minimum: int) -> tuple[np.ndarray, np.ndarray]:
    """Starts and lengths of the runs of True in ``mask`` at least ``minimum`` long."""
    if len(mask) <= 32:  # the many small masks of verification: plain Python is faster than numpy here
        found, start = [], None
        for index, value in enumerate(mask.tolist() + [False]):
            if value and start is None:
                start = index
            elif not value and start is not None:
                if index - start >= minimum:
                    found.append((start, index - start))
                start = None
        pairs = np.array(found, dtype=np.int64).reshape(-1, 2)
        return pairs[:, 0], pairs[:, 1]
    hits = mask.nonzero()[0]
    if not len(hits):
        return hits, hits
    breaks = (np.diff(hits) != 1).nonzero()[0]
    starts = hits[np.concatenate(([0], breaks + 1))]
    lengths = hits[np.concatenate((breaks, [len(hits) - 1]))] + 1 - starts
    keep = lengths >= minimum
    return starts[keep], lengths[keep]


def _is_power(unit: str | list[int]) -> bool:
    """Is ``unit`` itself a shorter unit repeated ("abab", [7, 7])?"""
    size = len(unit)
    return any(size % part == 0 and unit[:part] * (size // part) == unit for part in range(1, size // 2 + 1))


def _without_markup(line: str) -> str:
    """``line`` with its markup (``_MARKUP``) turned into spaces, the text it marks kept (``line`` itself if it
    has none).

    >>> _without_markup("- <b>The **annual** accounts</b><br/>").split()
    ['The', 'annual', 'accounts']
    """
    opening = _LINE_MARKUP.match(line) if line[:1] in ">*-" else None
    if opening:
        line = line[opening.end():]
    if len(line) > 2 and line[0] in "*_" and line[-1] == line[0] and line[1] not in " *_" and line[-2] not in " *_":
        line = line[1:-1]  # "*Figure 3. Rainfall, 1990 to 2000.*": the line in italics
    if "<" not in line and "**" not in line and "__" not in line:  # most lines: no pass of the pattern
        return line
    return _MARKUP.sub(lambda match: f" {match.group(1) or match.group(2) or ''} ", line)


def _has_text(unit: str) -> bool:
    """Does ``unit`` hold a letter outside tags and character references? Empty cells of a table row
    ("<td></td>" six times) repeat as leaders do: only a long run of them is a loop. The unit may start
    anywhere in its copies ("td></td><"): it is read twice over, from the first mark of markup to the last
    (which holds each of its characters once at least when its markup is whole).

    >>> _has_text("<td></td>"), _has_text("td></td><"), _has_text("<td>&nbsp;</td>"), _has_text("a</td><td>Ann")
    (False, False, False, True)
    >>> _has_text("AT&T"), _has_text("a < b")
    (True, True)
    """
    if not _LETTER.search(unit):
        return False
    if "<" not in unit and "&" not in unit:
        return True
    twice = unit * 2
    markup = list(_TAG_OR_ENTITY.finditer(twice))
    if not markup:
        return True
    return bool(_LETTER.search(_TAG_OR_ENTITY.sub(" ", twice[markup[0].start():markup[-1].end()])))


def _one_cell(unit: str) -> bool:
    """Is ``unit`` one cell of a table row with its border ("| Yes", "& Yes", "<td>Yes</td>", read from
    anywhere in it: "/td><td>Yes<")? Equal cells of a row ("| Yes | Yes | Yes |", a feature matrix) repeat as
    empty cells do: only a long run of them is a loop.

    >>> _one_cell("| Yes"), _one_cell("& Yes"), _one_cell("td><td>Yes</"), _one_cell("| 1 | Apple"), _one_cell("Yes")
    (True, True, True, False, False)
    """
    cyclic = unit + unit[:3]  # each copy's closing tag once, wherever the copy is cut
    return unit.count("|") + unit.split().count("&") + cyclic.count("/td>") + cyclic.count("/th>") == 1


def _bare(word: str) -> str:
    """``word`` without the marks around it.

    >>> _bare('"ha!"')
    'ha'
    """
    return _ALNUM_END.sub("", _ALNUM_START.sub("", word))


def _signatures(pieces: list[str]) -> np.ndarray:
    """The signatures :class:`_Tokens` gives runs of tokens whose non-space characters are each of ``pieces``.

    >>> codes = code_points("ab cd")
    >>> tokens = _Tokens(codes, (np.array([0, 3]), np.array([2, 5])))
    >>> _signatures(["abcd", "ab"]).tolist() == [tokens.span(np.array([0]), np.array([2]))[0], tokens.signatures[0]]
    True
    """
    lengths = np.array([len(piece) for piece in pieces], dtype=np.int64)
    ends = np.cumsum(lengths)
    sums, moments = _weighted_sums(code_points("".join(pieces)),
                                   ends - lengths, ends)
    return _mix(sums, moments, lengths.astype(np.uint64))


def _compact(key: str) -> str:
    """A line key with runs of one punctuation mark shortened, so dot leaders do not make lines alike."""
    return _PUNCT_RUN.sub(r"\1\1\1", key) if _MAY_HAVE_RUNS.search(key) else key


def _preview(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _select(loops: list[_Loop]) -> list[_Loop]:
    """Non-overlapping loops, the ones removing most text first."""
    chosen: list[_Loop] = []
    for loop in sorted(loops, key=lambda loop: (loop.start - loop.end, loop.start)):
        if _fits(chosen, loop):
            bisect.insort(chosen, loop, key=lambda loop: loop.start)
    return chosen


def _fits(taken: list[_Loop], loop: _Loop) -> bool:
    """Does ``loop`` overlap none of ``taken`` (sorted by start, non-overlapping)?"""
    index = bisect.bisect_right(taken, loop.start, key=lambda other: other.start)
    before_ok = index == 0 or taken[index - 1].end <= loop.start
    return before_ok and (index == len(taken) or loop.end <= taken[index].start)


def _merge(primary: list[_Loop], secondary: list[_Loop]) -> list[_Loop]:
    """``primary`` loops, plus the ``secondary`` ones that do not overlap them."""
    primary = sorted(primary, key=lambda loop: loop.start)
    kept = primary + [loop for loop in secondary if _fits(primary, loop)]
    return sorted(kept, key=lambda loop: loop.start)
