"""Units of 1..40 tokens repeated inside a line: a word stuttered, a phrase or sentence read again and again.

Tokens compare by their signatures, case-folded and without a sentence's closing mark, through their markup
("<p>S</p> S"), with one token in a copy let through as OCR noise or a counter ("page 9 page 10 …"). Where the
removal starts and ends keeps the first copy as written: glued by markup ("<p>S</p><p>S</p>…"), cut off by the
page's end (a runaway tail), or lacking a list's separator ('[{"a": 1}, {"a": 1}]'). What stays: two copies of
a short unit ("very very", "had had"), a writer's cry ("ha, ha, ha", "Ha ha ha ha ha!", "Ho ho ho"), cells of a
table row, a frame repeated with another word in its slot ("amendment to the House amendment to the Senate …").

>>> from ocrfix.strategies.dedup import Dedup
>>> [edit.reason for edit in Dedup().propose("It has been been been a year; Ha ha ha ha ha!")]
['the token "been" repeated 3 times; kept the first']
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

import numpy as np

from ocrfix.strategies.dedup.loop import (LETTER, LOW_INFO_COPIES, OPENING_MARKS, RUNAWAY_COPIES, SENTENCE_END,
                                          SHORT_BLOCK, Loop, preview)
from ocrfix.strategies.dedup.markup import HEADING, TAG_OR_ENTITY, ends_in_tag
from ocrfix.strategies.dedup.noise import NO_DIGITS, NUMBER, counts_on, noise_only
from ocrfix.strategies.dedup.periods import ahead, few, is_power, periods_row_by_row, periods_with_runs, runs
from ocrfix.strategies.dedup.signatures import Tokens, signatures

if TYPE_CHECKING:
    from ocrfix.strategies.dedup import Dedup

_ALNUM_END = re.compile(r"[\W_]+$")  # the marks after a text's last letter or digit
_ALNUM_START = re.compile(r"^[\W_]+")  # the marks before its first
_SPOKEN_MARKS = "," + SENTENCE_END  # between the copies of a repeated cry ("ha, ha, ha", "No! no! no!")
_QUOTES = "\"'“‘«„"
_ECHO_TOKENS, _ECHO_LETTERS = 3, 15  # a phrase this long read twice in a row inside a line is an echo
_LONGEST_UNIT = 400  # tokens of a unit repeated inside a line: a paragraph written as one line
_LONGEST_TAIL_ECHO = 12  # tokens of a line's end that may be read again at the next line's start
# Letters of such an echo: fewer than inside a line, as the copy stands where the line recogniser's image began
# ("... returned to this office" / "to this office by the closing date").
_TAIL_ECHO_LETTERS = 10
_MAY_BE_LOWER = np.array([chr(code).islower() for code in range(0x250)] + [True])  # past the table: look closer
_LINKS = frozenset(("and", "or", "nor", "by", "after", "upon"))  # "on and on", "day by day", "wave upon wave"


class TokenLoops:
    """Units of tokens repeated consecutively inside a line, found with hashed tokens in numpy."""

    def __init__(self, dedup: Dedup, text: str, tokens: Tokens, tags: list[int], bold: list[int]) -> None:
        self.dedup = dedup
        self.text = text
        self.starts, self.ends, self.core_ends, self.ids = tokens.starts, tokens.ends, tokens.core_ends, tokens.ids
        self.codes = tokens.codes
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
            bare = ("".join(TAG_OR_ENTITY.sub(" ", raw).split()) if "<" in raw or "&" in raw else raw).strip("*_")
            core = bare.rstrip(SENTENCE_END)
            if bare != raw and LETTER.search(core) and not HEADING.search(raw):
                changed.append(token)
                cores.append(core)
                if core != bare and self.core_ends[token] == self.ends[token]:
                    self.marked_in_markup.add(token)
        if changed:
            self.ids[changed] = signatures(cores)  # the pass's own tokens: no other reader of their ids

    def key(self, token: int) -> str:
        """``token`` as compared, case-folded, without its sentence's closing marks."""
        return self.text[self.starts[token]:self.core_ends[token]].lower()

    def find(self) -> list[Loop]:
        """The token loops of the text, each period's runs of equal pairs looked at closely (overlapping)."""
        count = len(self.ids)
        loops = []
        # A run of ``period`` equal pairs spans 2 × period tokens of one line: periods beyond half the
        # longest line cannot hold one (a page of short lines is spared most of the table of pairs).
        longest = int(self.per_line.max())
        most = self.dedup.max_token_period
        for period in [*self._periods(min(most, longest // 2)), *(self._long_periods() if longest > 2 * most else [])]:
            a, b = slice(0, count - period), slice(period, count)
            same = (self.ids[a] == self.ids[b]) & (self.line[a] == self.line[b])
            noisy, counted = self._fill_noise(same, period)
            starts, lengths = runs(same, period)
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
        return loops + self._tail_echoes()

    def _tail_echoes(self) -> list[Loop]:
        """Lines that open by reading again the last 3..12 words of the line before ("... to see the ships come
        in" / "to see the ships come in from the sea"): a line recogniser whose line image took in the line
        above. As a phrase read twice inside a line is an echo, with fewer letters (10: "to this office"), the
        first copy not closing a sentence; the second opens in lower case, as a line of prose running on does
        (verse opens its lines in capitals, and says a line's end again)."""
        loops, echoed = [], set()
        for first, size in sorted(zip(*self._tail_echo_candidates()), key=lambda pair: (pair[0], -pair[1])):
            loop = None if first in echoed else self._tail_echo(first, size)  # the longest echo first
            if loop is not None:
                echoed.add(first)
                loops.append(loop)
        return loops

    def _tail_echo_candidates(self) -> tuple[list[int], list[int]]:
        """Line starts and sizes of the echoes :meth:`_tail_echoes` looks at closely: the copy before the line opens
        with its first two tokens, and the line's ``size``-th token is the line before's last; found in numpy on
        the lines of prose running on (most lines open with a common word)."""
        per_line, ids = self.per_line, self.ids
        opening = np.cumsum(per_line) - per_line  # each line's first token
        starts = opening[np.flatnonzero((per_line[1:] > _ECHO_TOKENS) & (per_line[:-1] >= _ECHO_TOKENS)) + 1]
        ends = starts - 1  # the line before: its last token, not closing a sentence
        lower = _MAY_BE_LOWER.take(self.codes.take(self.starts.take(starts)), mode="clip")
        starts = starts[lower & (self.page[starts] == self.page[ends]) & (self.core_ends[ends] == self.ends[ends])]
        if not len(starts):
            return [], []
        most = np.minimum(per_line[self.line[starts - 1]], per_line[self.line[starts]] - 1)  # tokens an echo may have
        width = min(_LONGEST_TAIL_ECHO - _ECHO_TOKENS + 1, len(ids))  # the tokens before a line that may open a copy
        base = np.maximum(starts - _LONGEST_TAIL_ECHO, 0)
        window = np.lib.stride_tricks.as_strided(ids, (len(ids) - width + 1, width), (ids.itemsize,) * 2,
                                                 writeable=False)  # window[i]: ids[i:i + width], a view
        row, column = np.nonzero(window[base] == ids.take(starts)[:, None])
        start = starts.take(row)
        size = start - base.take(row) - column
        keep = (size >= _ECHO_TOKENS) & (size <= most.take(row))
        start, size = start[keep], size[keep]
        keep = (ids.take(start - size + 1) == ids.take(start + 1)) & (ids.take(start + size - 1) == ids.take(start - 1))
        return start[keep].tolist(), size[keep].tolist()

    def _tail_echo(self, start: int, size: int) -> Loop | None:
        """The echo of the ``size`` tokens before token ``start`` (a line's first) that open its line, if it is one
        (:meth:`_tail_echoes`)."""
        unit = self.text[int(self.starts[start - size]):int(self.ends[start - 1])]
        if not (self.ids[start - size:start] == self.ids[start:start + size]).all() \
                or not self.text[int(self.starts[start])].islower() \
                or len(LETTER.findall(unit)) < _TAIL_ECHO_LETTERS:
            return None
        return Loop(int(self.starts[start]), int(self.starts[start + size]), f'{size}-token unit "{preview(unit)}"',
                    2, "exact", 0.8)

    def _periods(self, most: int) -> list[int] | range:
        """The periods up to ``most`` at which equal tokens of one line make a run as long as the period,
        each lone difference between two equal pairs counted as noise (as :meth:`_fill_noise` may):
        the others cannot hold a loop. On a long text, picked row by row (a period's pairs cost a few
        numpy passes here, against a dozen in :meth:`find`)."""
        if not few(len(self.ids), most):
            return periods_row_by_row(self.ids, self.line, most, holes=True)
        same = (self.ids == ahead(self.ids, most, pad=0)) & (self.line == ahead(self.line, most, pad=-1))
        return periods_with_runs(same, holes=True)

    def _long_periods(self) -> list[int]:
        """The periods over ``max_token_period``, up to ``_LONGEST_UNIT`` tokens, at which a line repeats: a
        paragraph read again and again on one line (a vision-language engine writes a paragraph as one line).
        Too many to try each: each three tokens of the lines long enough to hold two copies are paired with
        their last place before in that line, and a period is tried when half a copy's trigrams recur so far apart
        as the trigram before them did.
        """
        shortest = self.dedup.max_token_period + 1
        tokens = np.flatnonzero(np.repeat(self.per_line >= 2 * shortest, self.per_line))
        tokens = tokens[tokens + 2 < len(self.ids)]
        tokens = tokens[self.line[tokens] == self.line[tokens + 2]]
        with np.errstate(over="ignore"):
            ids = self.ids.view(np.uint64)
            trigrams = (ids[tokens] * np.uint64(0x9E3779B97F4A7C15) + ids[tokens + 1]) * np.uint64(0xC2B2AE3D27D4EB4F) \
                + ids[tokens + 2]
        order = np.lexsort((tokens, trigrams))  # by trigram, then place: each one's last place before it is next
        repeats = trigrams[order[1:]] == trigrams[order[:-1]]
        later, earlier = tokens[order[1:][repeats]], tokens[order[:-1][repeats]]
        apart = np.zeros(len(self.ids), dtype=np.int64)  # how far back each token's trigram was last seen
        apart[later] = np.where(self.line[later] == self.line[earlier], later - earlier, 0)
        # trigrams seen again as far back as the trigram before them: a copy's, not a common phrase's by chance
        distance = apart[1:][(apart[1:] == apart[:-1]) & (apart[1:] >= shortest) & (apart[1:] <= _LONGEST_UNIT)]
        counts = np.bincount(distance, minlength=shortest)
        return [period for period in np.flatnonzero(counts).tolist() if 2 * counts[period] >= period]

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
                if noise_only([key], [other]):
                    same[hole] = noisy[hole] = True
                elif counts_on(key, other):
                    same[hole] = counted[hole] = True
        return noisy, counted

    def _loop(self, first: int, pairs: int, period: int, *, near: bool = False,
              counter: bool = False) -> Loop | None:
        """The loop of the unit of ``period`` tokens from token ``first`` on, whose tokens match the tokens a
        period ahead for ``pairs`` tokens, if it is one (``near``: some token let through as OCR noise,
        ``counter``: some as a number counted on)."""
        first, pairs, misread = self._widen(first, pairs, period, counter)
        near |= misread
        keys = [self.key(token) for token in range(first, first + period)]
        if is_power(keys):
            return None  # "a b a b" repeated is the loop of "a b", found at its own period
        copies = (pairs + period) // period
        unit = self.text[int(self.starts[first]):int(self.core_ends[first + period - 1])]
        if not self._repeats(first, pairs, period, keys, unit, near=near, counter=counter):
            return None
        start, end = self._removal(first, pairs, period, keys, near=near, counter=counter)
        confidence = (0.95 if copies >= self.dedup.min_repeats else 0.8) - (0.1 if near else 0.0)
        unit_kind = "token" if period == 1 else f"{period}-token unit"
        kind = "counter" if counter else "near" if near else "exact"
        return Loop(start, end, f'{unit_kind} "{preview(unit)}"', copies, kind, confidence)

    def _widen(self, first: int, pairs: int, period: int, counter: bool) -> tuple[int, int, bool]:
        """The run of ``pairs`` matching tokens from ``first`` on, with the tokens at its ends that a lone
        difference between equal pairs does not reach: a counter opening the first copy ("<ol><li>Step 1: …
        </li><li>Step 2: …") or ending the last, a quote opening the first copy ('{"text": "Total: 45. Total:
        45. …': the first copy opens at '"Total'), a token misread at either end ("… fund of the parlsh." then
        "… fund of the parish." ending the line); and whether such a misreading was let through."""
        before, near = first - 1, False
        if counter and before >= 0 and self.line[before] == self.line[first] \
                and counts_on(self.key(before), self.key(before + period)):
            first, pairs = before, pairs + 1
        elif before >= 0 and self.line[before] == self.line[first] and self._opens_copy(before, before + period):
            first, pairs = before, pairs + 1
        elif period > 1 and before >= 0 and self.line[before] == self.line[first] and self._misread(before, period):
            first, pairs, near = before, pairs + 1, True
        after = first + pairs
        if after + period < len(self.ids) and self.line[after] == self.line[after + period]:
            if counter and counts_on(self.key(after), self.key(after + period)):
                pairs += 1
            elif period > 1 and self._misread(after, period):
                pairs, near = pairs + 1, True
        return first, pairs, near

    def _misread(self, token: int, period: int) -> bool:
        """Does ``token`` differ from the token ``period`` ahead as OCR noise does, in its letters or digits (the
        marks after a list's last copy are no misreading: "a, a, a")?"""
        key, other = self.key(token), self.key(token + period)
        return _bare(key) != _bare(other) and noise_only([key], [other])

    def _repeats(self, first: int, pairs: int, period: int, keys: list[str], unit: str, *, near: bool,
                 counter: bool) -> bool:
        """Are the copies of ``unit`` (tokens ``first``.. matching ``pairs`` tokens ahead; ``keys``: its tokens
        as compared) a loop rather than a writer's repetition?"""
        copies = (pairs + period) // period
        if counter and (copies < self.dedup.min_repeats or (
                len(LETTER.findall(unit)) < 2 * SHORT_BLOCK and copies < RUNAWAY_COPIES)):
            return False  # as for lines: a counter loop repeats a body, or runs away ("page 9 page 10 …")
        # A phrase read twice in a row ("the committee noted the committee noted that") is an echo;
        # across a sentence's end it is prose ("... the main package. The main package is ...").
        echo = (not near and copies == 2 and period >= _ECHO_TOKENS and len(LETTER.findall(unit)) >= _ECHO_LETTERS
                and self.core_ends[first + period - 1] == self.ends[first + period - 1])
        width = int(self.starts[first + period] - self.starts[first])
        if not (echo or self.dedup.enough(unit, copies, exact=not near, width=width)):
            return False
        if (copies == 2 and self._enumerates(first, pairs, period)) or self._cells(first, period, keys, copies):
            return False
        last = first + copies * period - 1
        cry = LOW_INFO_COPIES if period == 1 else self.dedup.min_repeats + 2  # copies a writer says it
        # "Order! order! order!", "Ha ha ha ha ha!": a short cry said a few times is prose
        return not (copies < cry and len(LETTER.findall(unit)) < SHORT_BLOCK and self._said(first, last, period))

    def _removal(self, first: int, pairs: int, period: int, keys: list[str], *, near: bool,
                 counter: bool) -> tuple[int, int]:
        """Where the removal of the loop (as for :meth:`_repeats`) starts and ends: after the first copy, to
        the last one's end, or to the line's end when a runaway copy is cut off there."""
        copies = (pairs + period) // period
        last = first + copies * period - 1
        end = int(self.core_ends[last])
        tail = first + pairs + period - 1  # last token that repeats the unit
        # A word cut off where the line or page (or the engine's token budget) ended. The whole word with other
        # marks is no cut: "... it was the worst of times, it was the worst of times." ends on its own.
        truncated = tail + 1
        if truncated < len(self.ids) and self._ends_line(truncated) and self.line[truncated] == self.line[tail]:
            model, cut = keys[(truncated - first) % period], self.key(truncated)
            if model.startswith(cut) and len(LETTER.findall(model)) > len(LETTER.findall(cut)):
                tail = truncated
        glue = self._glue(first, period)
        if tail > last and self._ends_line(tail) and not self._closes_sentence(tail, first + (tail - first) % period) \
                and LETTER.search(self.text[int(self.ends[last]):int(self.ends[tail])]):
            # a runaway tail, to the line's end: the first copy stays whole, its marks too ("... of the invoice." then
            # "Payment is du")
            start, end = int(self.ends[first + period - 1]) - glue, int(self.ends[tail])
            unread = len(keys[-1]) - len(self.key(tail))  # of a last word glued to the next copy's first
            if glue and (tail - first) % period == period - 1 and 0 < unread < glue and self.key(tail)[-1:] == ">":
                start += glue - unread  # "S<br>S<br>…S<br>": the last copy ends in its markup, the first keeps it
            return start, end
        # the last copy's closing mark stays for the first's ("S. S. S." -> "S."); a last copy of a phrase ending the
        # page without one (the engine's budget ran out before it: "S. S. S") leaves the first's ("S."; a word's mark
        # may part its copies: "very! very! very")
        cut_before_mark = period > 1 and self.core_ends[last] == self.ends[last] and self._ends_page(last) \
            and last not in self.marked_in_markup
        start, end = int((self.ends if cut_before_mark else self.core_ends)[first + period - 1]) - glue, end - glue
        closing = tail + 1  # "...meeting.</p> End.": the last copy, no next one glued to it (tags may close it)
        if glue and closing < len(self.ids) and self.line[closing] == self.line[tail] \
                and (closing - first) % period == period - 1:
            stem, word = keys[-1][:-glue], self.key(closing)
            if word == stem:
                end = int(self.ends[closing])
            elif word.startswith(stem) and word[len(stem)] == "<":  # "applicable</li></ul>"
                end = int(self.starts[closing]) + len(stem)
        unit_last = first + period - 1
        if unit_last in self.marked_in_markup and last not in self.marked_in_markup:
            end = int(self.ends[last])  # "<p>The board met.</p> The board met.": the echo's mark goes too
        elif last in self.marked_in_markup and unit_last not in self.marked_in_markup \
                and self.key(last).startswith(keys[-1]):
            end = int(self.starts[last]) + len(keys[-1])  # "<p>S. S. S.</p>": the last copy's ".</p>" stays
        if not (near or counter):
            start, end = self._unseparated_copy(start, end, copies - 1)
        return start, end

    def _opens_copy(self, token: int, model: int) -> bool:
        """Is ``token`` the token ``model`` with a quote or tags opening it ('"Invoice' for 'Invoice': a string's
        first copy; "Notes</td><td>See" for "See": a cell's)? A bracket is no such mark: code's lists say a value
        several times ("[True True True True]")."""
        key, word = self.key(token), self.key(model)
        if len(key) <= len(word) or not key.endswith(word):
            return False
        opening = key[:len(key) - len(word)]
        return not opening.strip(_QUOTES) or ends_in_tag(opening)

    def _unseparated_copy(self, start: int, end: int, removed: int) -> tuple[int, int]:
        """The removal ``start``..``end`` of ``removed`` copies, one copy longer when the text repeats after it
        a whole copy but for the marks that set the copies apart ('[{"a": 1}, {"a": 1}, {"a": 1}]': the last
        object lacks ", "; the loop's tokens, read from the first whole one, see a copy fewer, as the first
        is glued to "["). The text left is the same whatever copies of a run are removed: only their number
        counts.

        >>> text = '[{"a": 1}, {"a": 1}, {"a": 1}]'
        >>> from ocrfix.strategies.dedup import Dedup
        >>> from ocrfix.tokenspans import bounds, code_points, split_space
        >>> codes = code_points(text)
        >>> loops = TokenLoops(Dedup(), text, Tokens(codes, bounds(split_space(codes))), [], [])
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
        return edge if LETTER.search(word[len(word) - edge:]) else 0

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
        if period == 2 and self._reduplicated(first, last):
            return True
        if period == 1:
            first, last = self._quoted_copies(first, last)
        after_last = _ALNUM_END.search(text[int(starts[last]):int(self.ends[last])])
        if after_last and "!" in after_last.group():
            return True
        if period == 1 and self._opening(first).isupper() and all(
                self._opening(copy).islower() for copy in range(first + period, last + 1, period)):
            return True
        between = text[int(starts[first]):int(starts[last - period + 1])]
        few_copies = last - first + 1 < (self.dedup.min_repeats + 2) * period
        return few_copies and any(mark in _SPOKEN_MARKS for mark in between)

    def _reduplicated(self, first: int, last: int) -> bool:
        """Are the copies of a two-token unit (tokens ``first``..``last``) a word and a link word closed by the
        word again ("on and on and on and on", "faster and faster and faster", "day after day after day")?
        Writers coordinate a word with itself so; an engine's loop of such a unit runs on, to five copies or
        more, and breaks off anywhere ("on and on and on and on and on and on and on and")."""
        word, link = _bare(self.key(first)), _bare(self.key(first + 1))
        if link not in _LINKS or not word.isalpha() or word == link:
            return False
        # the word closing the run: after its last copy, or the last copy's own, with a mark ("faster, and the")
        closing = next((token for token in range(first + 2, last + 1, 2) if self.key(token) != self.key(first)),
                       last + 1)
        return last - 1 <= closing < len(self.ids) and self.line[closing] == self.line[first] \
            and _bare(self.key(closing)) == word

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
        return self.text[int(self.starts[token]):int(self.ends[token])].lstrip(OPENING_MARKS)[:1]

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
                if x != y and NUMBER.search(x) and x.translate(NO_DIGITS) == y.translate(NO_DIGITS):
                    return True
        return False

    def _cells(self, first: int, period: int, keys: list[str], copies: int) -> bool:
        """Are the copies of a unit cells of a table row? Set apart by more than a word space, they are
        columns ("GitHub      GitHub      GitHub", "Replace all values      Replace all values"): engines
        that loop do not pad their output to columns, and a loop that does runs away (``RUNAWAY_COPIES``).
        Two copies with a cell border among them are two cells ("| Stream | Stream Padding | Stream |
        Stream Padding |"); a row of bordered cells looping on runs away. Two spaces after a sentence's end
        are a typist's, not a column's."""
        last = first + period - 1
        gap = self.text[int(self.ends[last]):int(self.starts[first + period])]
        typed = gap == "  " and self.core_ends[last] < self.ends[last]
        spaced = ("  " in gap or "\t" in gap) and not typed
        return (spaced and copies < RUNAWAY_COPIES) or (copies == 2 and "|" in keys)

    def _closes_sentence(self, token: int, model: int) -> bool:
        """Does ``token``, in a copy cut short, close a sentence where the unit's token ``model`` does not?
        Then the copy is the text's own ending ("We went round and round and round and round."), not a
        runaway cut off by the page or the engine's budget: it stays after the loop's first copy."""
        closing = self.text[int(self.ends[token]) - 1]
        return closing in ".!?" and self.text[int(self.ends[model]) - 1] != closing

    def _ends_line(self, token: int) -> bool:
        """Is ``token`` the last one of its line (so a copy cut short there is where the engine broke off the loop,
        as at the page's end: "S S S S-part" then the next line)?"""
        following = token + 1
        return following >= len(self.ids) or self.line[following] != self.line[token]

    def _ends_page(self, token: int) -> bool:
        """Is ``token`` the last one of its page (so a truncated copy there is a runaway tail)?"""
        following = token + 1
        return following >= len(self.ids) or self.page[following] != self.page[token]



def _bare(word: str) -> str:
    """``word`` without the marks around it.

    >>> _bare('"ha!"')
    'ha'
    """
    return _ALNUM_END.sub("", _ALNUM_START.sub("", word))

