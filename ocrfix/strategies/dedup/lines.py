"""Blocks of 1..16 lines repeated one after another: an engine re-reading what it just read.

The copies are compared by their lines' signatures, a counter ("Article 2", "Article 3" over one body) or OCR noise
(:mod:`~ocrfix.strategies.dedup.noise`) let through; blank lines between copies are passed over, and so is a page
break inside a loop that has two copies or more on one page. A line re-emitting the last sentence of the line before
is an echo too. What stays: short lines and table rows said three or four times,
rows that all differ a little (an enumeration), a refrain said three times in verse, a running head on every page.

>>> from ocrfix.strategies.dedup import Dedup
>>> [edit.reason for edit in Dedup().propose("Minutes\\n" + "The board met on Tuesday.\\n" * 6 + "The end.")]
['the line "The board met on Tuesday." repeated 6 times; kept the first']
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Callable

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.process import cpdist

from ocrfix.prose import runs_on_like_prose
from ocrfix.strategies.dedup.loop import (LETTER, OPENING_MARKS, RUNAWAY_COPIES, SENTENCE_END, SHORT_BLOCK, Loop,
                                          preview)
from ocrfix.strategies.dedup.markup import BOLD, CLOSES_MARKUP, HEADING, OPENS_MARKUP, without_markup
from ocrfix.strategies.dedup.noise import NO_DIGITS, counts_on, noise_only
from ocrfix.strategies.dedup.periods import ahead, few, is_power, periods_with_runs, runs
from ocrfix.strategies.dedup.signatures import Tokens, signatures

if TYPE_CHECKING:
    from ocrfix.strategies.dedup import Dedup

_CLOSING_MARKS = "\"'”’)]»"
_ENDS_QUOTED = np.zeros(0x201F, dtype=bool)  # a line's last character closing a quote (all above the table: no)
_ENDS_QUOTED[[ord(mark) for mark in _CLOSING_MARKS]] = True
_LONGEST_BLOCK = 200  # lines of a block repeated: a page written again
_SAMPLED_LINE = 20  # non-space characters of a line that may tell a long block's period (short ones recur anyway)
_VERSE_LINES = 4  # lines of a page besides a repeated block that tell verse (starting in capitals) from prose
# A row of a ledger, price list or subscription list: a leader, or figures in its last two columns
# ("£22 0 0", "5s. 0d."; a sentence ends in one number at most: "in 1847."), its cells' borders aside
# ("| 3 May | Candles | 1 | 6 |").
_TABLE_ROW = re.compile(r"\.{4,}|(?:\. ){3,}|[£$€]?\d[\w.,]*(?:\s+\|)?\s+[£$€]?\d[\w.,]*(?:\s+\|)?$")
_PUNCT_RUN = re.compile(r"([^\w\s])\1{2,}")
_MAY_HAVE_RUNS = re.compile(r"[^\w\s]{3}")  # cheaper test before the substitution with a back-reference

# How two lines match.
_NONE, _EXACT, _COUNTER, _NEAR = 0, 1, 2, 3


class LineLoops:
    """Blocks of lines repeated consecutively (blank lines between copies ignored)."""

    def __init__(self, dedup: Dedup, text: str, codes: np.ndarray, tokens: Tokens, tags: list[int]) -> None:
        self.dedup = dedup
        self.text = text
        self.codes = codes
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
        """Compare the lines that hold markup (:func:`without_markup`) by their text alone: an engine
        re-emits its last sentence with other markup ("<p>The board met.</p>" then "The board met."). Their
        hash, first and last word, length and key become those of the text; a line of markup alone
        (an empty table row) and a heading ("# Title", "<h1>Title</h1>": a title line repeated as the
        heading is the document's) are compared as they stand. ``tags``: where the text's tags start."""
        text = self.text
        # A line that opens or closes with a mark of markup; one holding a tag ("<" and a letter or "/").
        may = (OPENS_MARKUP.take(codes.take(self.starts), mode="clip")
               | CLOSES_MARKUP.take(codes.take(self.stops - 1), mode="clip"))
        if tags:
            may[np.searchsorted(self.ends, tags)] = True  # each one's content line
        lines, texts = [], []
        candidates = may.nonzero()[0]
        spans = zip(candidates.tolist(), self.starts[candidates].tolist(), self.stops[candidates].tolist())
        for line, start, stop in spans:
            raw = text[start:stop]
            if "**" in raw or "__" in raw:
                self.bold += [start + mark.start() for mark in BOLD.finditer(raw)]
            bare = without_markup(raw)
            if bare != raw and LETTER.search(bare) and not HEADING.search(raw):
                lines.append(line)
                texts.append(bare.split())
                self._keys[line] = " ".join(texts[-1]).lower()
        if not lines:
            return
        seen = signatures([piece for words in texts for piece in ("".join(words), words[0], words[-1])])
        self.hash[lines], self.head[lines], self.tail[lines] = seen[0::3], seen[1::3], seen[2::3]
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
                self.numberless[line] = hash(key.translate(NO_DIGITS))
                prepared[line] = 1

    def line(self, line: int) -> str:
        """Content line ``line`` as written, without its spaces at either end."""
        return self.text[self.starts[line]:self.stops[line]]

    def find(self) -> list[Loop]:
        """The line loops and sentence echoes of the text, shorter periods first (a line goes to one loop)."""
        loops = []
        count = len(self.starts)
        for period in [*self._periods(min(self.dedup.max_period, count - 1)), *self._long_periods()]:
            a, b = slice(0, count - period), slice(period, count)
            candidate = self._alike(lambda values: values[a], lambda values: values[b])
            candidate &= ~self.claimed[a] & ~self.claimed[b]
            for run_start, run_length in zip(*(part.tolist() for part in runs(candidate, period))):
                loops.extend(self._verify(run_start, run_length, period))
        return loops + self._sentence_echoes()

    def _sentence_echoes(self) -> list[Loop]:
        """Lines that re-emit the last sentence of the line before, alone (its markup looked through: a
        paragraph, then "**Households were chosen at random …**"; its quotes too: 'He said: "S"', then S), when it
        is a long one (``echo_min_chars``): an engine echoing what it just read. Same last word (or a line before
        closing a quote) and a shorter line pick the pairs to read."""
        length = self.length
        alike = (self.tail[1:] == self.tail[:-1]) | _ENDS_QUOTED.take(self.codes.take(self.stops[:-1] - 1), mode="clip")
        echo = alike & (length[1:] < length[:-1]) & (self.page[1:] == self.page[:-1])
        echo &= 4 * length[1:] >= 3 * self.dedup.echo_min_chars  # non-space characters, about 4/5 of a sentence's
        loops = []
        for line in (echo.nonzero()[0] + 1).tolist():
            sentence, before = self.key(line), self.key(line - 1).rstrip(_CLOSING_MARKS)
            opening = len(before) - len(sentence)
            if self.claimed[line - 1:line + 1].any() or len(sentence) < self.dedup.echo_min_chars \
                    or not before.endswith(sentence) or opening < 1 or before[opening - 1] not in " " + OPENING_MARKS \
                    or before[:opening].rstrip(OPENING_MARKS).rstrip().rstrip(_CLOSING_MARKS)[-1:] not in SENTENCE_END:
                continue
            self.claimed[line] = True
            loops.append(Loop(int(self.ends[line - 1]), int(self.ends[line]),
                               f'sentence "{preview(self.line(line))}"', 2, "exact", 0.9))
        return loops

    def _long_periods(self) -> list[int]:
        """The periods over ``max_period``, up to ``_LONGEST_BLOCK`` lines, at which lines come back exactly: a
        whole table or page written again. Too many to try each, and sorting every line's hash would cost as much
        as a tenth of the search: the lines of 20 characters or more whose hash falls in a quarter of its values
        are paired with their last place before (equal lines fall in it alike; a block of 17 lines has four of them
        on average), and a period is tried when the lines around such a pair are equal too, most of the 17 lines
        centred on it (a block that long holds 9 of them wherever the pair is in it; a running head does not)."""
        shortest, count = self.dedup.max_period + 1, len(self.hash)
        if count <= 2 * shortest:
            return []
        sample = np.flatnonzero(((self.hash & 3) == 0) & (self.length >= _SAMPLED_LINE))
        order = np.argsort(self.hash[sample], kind="stable")  # equal lines in order of place
        hashes, places = self.hash[sample[order]], sample[order]
        repeats = hashes[1:] == hashes[:-1]
        earlier, later = places[:-1][repeats], places[1:][repeats]
        distance = later - earlier
        # an engine loops on a page: a block said on two pages is a running head or two documents'
        far = (distance >= shortest) & (distance <= _LONGEST_BLOCK) & (self.page[earlier] == self.page[later])
        earlier, distance = earlier[far], distance[far]
        around = earlier[:, None] + np.arange(-(shortest // 2), shortest // 2 + 1)
        ahead_of = around + distance[:, None]
        equal = (around >= 0) & (ahead_of < count) \
            & (self.hash.take(around, mode="clip") == self.hash.take(ahead_of, mode="clip"))
        return np.unique(distance[2 * equal.sum(axis=1) > shortest]).tolist()

    def _periods(self, most: int) -> list[int] | range:
        """The periods up to ``most`` whose candidate pairs of lines (as :meth:`find` takes them, lines
        claimed or not) make a run as long as the period: the others cannot hold a loop."""
        if not few(len(self.starts), most):
            return range(1, most + 1)
        return periods_with_runs(self._alike(lambda values: values, lambda values: ahead(values, most, pad=0)))

    def _alike(self, mine: Callable[[np.ndarray], np.ndarray],
               theirs: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        """Which pairs of lines are alike enough to be looked at as copies: equal, or of
        like length with the same first or last word. ``mine`` and ``theirs`` take the pairs' first and
        second lines' values from an array of all lines' values."""
        length, other = mine(self.length), theirs(self.length)
        short, long = np.minimum(length, other), np.maximum(length, other)
        return (mine(self.hash) == theirs(self.hash)) | (
            (short >= 0.75 * long) & ((mine(self.head) == theirs(self.head)) | (mine(self.tail) == theirs(self.tail)))
        )

    def _verify(self, run_start: int, run_length: int, period: int) -> list[Loop]:
        """The loops among ``run_length`` candidate pairs of lines ``period`` apart from line ``run_start`` on: each
        pair matched (:meth:`_match`), each run of matching pairs judged (:meth:`_loop`)."""
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
            for start, length in zip(*(part.tolist() for part in runs((matches == _EXACT) | promising, period))):
                for index in range(start, start + length):
                    if matches[index] == _NONE and promising[index]:
                        matches[index] = self._match(run_start + index, run_start + index + period)
        loops = []
        for start, length in zip(*(part.tolist() for part in runs(matches != _NONE, 1))):
            loop = self._loop(run_start + start, length, period, matches[start:start + length])
            if loop is not None:
                loops.append(loop)
        return loops

    def _may_hold_loop(self, run_start: int, run_length: int, period: int, matches: np.ndarray) -> bool:
        """Can ``run_length`` pairs of alike lines ``period`` apart from line ``run_start`` on hold a loop?

        :meth:`_loop` counts the copies of a run of matching pairs and of the entry copy it may walk back
        over (``period - 1`` pairs more); most runs are a single pair of lines alike by their first word,
        too few copies for a loop unless two exact copies of one long line or block make an echo (period 1:
        equal hashes, or equal keys, which :meth:`_match` takes for exact too; a block: a whole copy's pairs of
        equal hashes).
        """
        most = (run_length + 2 * period - 1) // period
        if period > 1:
            exact = int((matches == _EXACT).sum()) >= period
        else:
            exact = bool((matches == _EXACT).any()) or any(
                self.key(line) == self.key(line + 1) for line in range(run_start, run_start + run_length))
        return self.dedup.may_be_enough(most, exact=exact)

    def _loop(self, first: int, pairs: int, period: int, kinds: np.ndarray) -> Loop | None:
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
        letters = len(LETTER.findall(block))
        exact = bool((kinds == _EXACT).all())
        # A block of lines read twice, as a long line is: an engine re-reading a paragraph it wrapped
        reread = exact and copies == 2 and period > 1 and letters >= dedup.echo_min_chars \
            and not is_power(block.split("\n")) and self._stands_alone(first, first + 2 * period - 1, period)
        if not (reread or dedup.enough(block, copies, exact=exact and period == 1)):
            return None
        if copies < dedup.min_repeats + 2 and (letters < SHORT_BLOCK or (period == 1 and _TABLE_ROW.search(block))):
            # "Updated URLs." three times: a short line repeats legitimately more often, and so does a
            # table's row (a ledger entering the same sale thrice, "A Friend ... 5s." in a subscription list)
            return None
        counter = bool((kinds == _COUNTER).any())
        if counter and letters < 2 * SHORT_BLOCK and copies < RUNAWAY_COPIES:
            return None  # "Exhibit 3: photograph", "Exhibit 4: …": a counter loop repeats a body, or runs away
        if (kinds == _NEAR).sum() > (kinds == _EXACT).sum() and not self._recurs(first, copies, period):
            return None  # a loop drifts now and then; rows that all differ a little are an enumeration
        last = first + copies * period - 1  # last content line of the last full copy
        if self.page[first] != self.page[last] and not self._loops_on_a_page(first, last, period):
            return None
        if exact and copies == dedup.min_repeats and self._refrain(first, last):
            return None
        if reread and self._in_verse(first, last):
            return None  # a chorus sung twice, at the song's end too
        # A runaway tail: what follows the last full copy to the end of the page is a truncated copy (of one
        # line looping too: its last line cut short, "| 12 Mar 2019 | Trans").
        page_end = int(np.searchsorted(self.page, self.page[last], side="right")) - 1
        tail = range(last + 1, page_end + 1)
        if 0 < len(tail) <= period and all(self._continues(line, line - copies * period) for line in tail):
            last = page_end
        self.claimed[first:last + 1] = True
        kind = "exact" if exact else ("counter" if counter else "near")
        confidence = {"exact": 0.95, "counter": 0.85, "near": 0.85}[kind] + (0.03 if copies >= 4 else 0.0)
        noun = "line" if period == 1 else f"{period}-line block"
        return Loop(
            int(self.ends[first + period - 1]), int(self.ends[last]),
            f'{noun} "{preview(self.line(first))}"', copies, kind, confidence,
        )

    def _stands_alone(self, first: int, last: int, period: int) -> bool:
        """Are the copies of a block of ``period`` lines, lines ``first``..``last``, all of their kind: is neither
        the line before them nor the line after them like the line a copy away (as loosely as a loop's entry
        copy)? Two copies that stand so are a block read twice; two exact copies inside a drifting loop are a
        part of it, left to the loop's rules."""
        for line in (first - 1, last + 1 - period):
            if 0 <= line and line + period < len(self.starts):
                self._prepare(line, line + period + 1)
                if fuzz.ratio(self.compacts[line], self.compacts[line + period]) >= 100 * self.dedup.entry_similarity:
                    return False
        return True

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
        them, and it is verse (:meth:`_in_verse`). A loop runs on to the engine's token limit or drifts; verse
        repeats a line exactly and goes on."""
        return last < self._page_lines(first, last)[-1] and self._in_verse(first, last)

    def _in_verse(self, first: int, last: int) -> bool:
        """Are lines ``first``..``last`` amid verse: do the other lines of the pages they are on (four at least)
        not run on into lower-case lines as prose does (:mod:`ocrfix.prose`)?"""
        lines = self._page_lines(first, last)
        # the verse is told by the page's other lines: copies of a letterhead or a table row start in
        # capitals too, and alone they say nothing of what is around them
        others = [line for line in lines if not first <= line <= last]
        if len(others) < _VERSE_LINES:
            return False
        lower = sum(self.line(line).lstrip(OPENING_MARKS)[:1].islower() for line in others[1:])
        return not runs_on_like_prose(lower, len(others) - 1)

    def _page_lines(self, first: int, last: int) -> list[int]:
        """The content lines of the pages that lines ``first``..``last`` are on."""
        return ((self.page >= self.page[first]) & (self.page <= self.page[last])).nonzero()[0].tolist()

    def _continues(self, line: int, model: int) -> bool:
        """Does ``line`` after a loop copy line ``model`` of it, or its start (a copy cut off by the page's end)?"""
        key, unit = self.key(line), self.key(model)
        return self._match(model, line) != _NONE or (len(key) >= 3 and unit.startswith(key))

    def _match(self, i: int, j: int) -> int:
        """How lines ``i`` and ``j`` match: ``_EXACT``, ``_COUNTER`` (a number counted on), ``_NEAR`` (OCR noise)
        or ``_NONE``."""
        a, b = self.key(i), self.key(j)
        if a == b:
            return _EXACT
        for line in (i, j):
            self._prepare(line, line + 1)
        if self.numberless[i] == self.numberless[j]:
            return _COUNTER if counts_on(a, b) else _NONE
        ca, cb = self.compacts[i], self.compacts[j]
        if fuzz.ratio(ca, cb) >= 100 * self.dedup.similarity and noise_only(ca.split(), cb.split()):
            return _NEAR
        return _NONE



def _compact(key: str) -> str:
    """A line key with runs of one punctuation mark shortened, so dot leaders do not make lines alike."""
    return _PUNCT_RUN.sub(r"\1\1\1", key) if _MAY_HAVE_RUNS.search(key) else key

