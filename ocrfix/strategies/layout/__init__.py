r"""The ``layout`` strategy: from the page's geometry back to the logical text.

OCR keeps what belongs to the printed page: words broken at line-end hyphens,
hard line breaks, running heads and feet, page numbers, typewriter catchwords,
sentences cut by a page break, and (from vision-language engines) markdown
quote and heading markers. ``layout`` proposes one edit per join or removal,
each with its reason, and leaves alone what it has no evidence against:
letter blocks, headings, list items, tables and text that is not hard-wrapped.

>>> from ocrfix.pipeline import Pipeline
>>> page = ("REPORT ON TRADE                        3\n\n"
...         "The committee met on Tuesday and agreed that\n"
...         "the examination of the accounts should con-\n"
...         "tinue, and that its role in forming policy-\n"
...         "making was not, in the circumstances, in\n\n/question\n"
...         "\fREPORT ON TRADE                        4\n\nquestion at all.\n")
>>> print(Pipeline(["layout"]).run(page).text)
The committee met on Tuesday and agreed that the examination of the accounts should continue, and that its role in forming policy-making was not, in the circumstances, in question at all.
<BLANKLINE>

Output convention: paragraphs one per line, separated by one blank line;
short lines (letter blocks, headings) one per printed line.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache, partial
from operator import attrgetter

from ocrfix.gcpause import without_cycle_collection
from ocrfix.hyphenation import HYPHENS
from ocrfix.lexicon import load
from ocrfix.marks import lone_mark_words
from ocrfix.pipeline import Edit, Strategy
from ocrfix.strategies import register
from ocrfix.strategies.layout import furniture, joined_pages, markdown, strays, tool_markers
from ocrfix.strategies.layout.hyphens import HOUSE_CANDIDATES, INLINE_HINTS, SURE_JOIN, DocumentWords, HyphenJudge
from ocrfix.strategies.layout.lines import Line, Lines, text_width
from ocrfix.strategies.layout.reflow import Shapes, decide_joins, hyphen_candidate, is_prose


# a markdown marker opening a line, matched with the newline before it: a pattern led by a literal is
# searched for as fast as str.find, while a MULTILINE "^" is tried at every position of the text
_MARKER_LINE = re.compile(r"\n[ \t]*[>#*_]")
# a word broken at a page's end, before a running head inside the line, and the word after the head
_BROKEN_LEFT = re.compile(r"([^\W\d_][\w'’]*)([-\u00ac])\s*$")
_RIGHT_WORD = re.compile(r"[^\W\d_][\w'’]*")


@register
class Layout(Strategy):
    """De-hyphenation, reflow, page breaks, catchwords, running heads, page numbers, markdown markers.

    Options switch the parts off: ``dehyphenate``, ``reflow`` (joining hard
    line breaks and sentences across pages), ``furniture`` (running heads,
    page numbers, catchwords, lines of specks and stray marks inside lines), ``markdown``
    (VLM markdown markers in plain text).
    """

    name = "layout"

    def __init__(self, *, dehyphenate: bool = True, reflow: bool = True, furniture: bool = True,
                 markdown: bool = True) -> None:
        self.dehyphenate = dehyphenate
        self.reflow = reflow
        self.furniture = furniture
        self.markdown = markdown

    def propose(self, text: str) -> list[Edit]:
        with without_cycle_collection():
            return self._propose(text)

    def _propose(self, text: str) -> list[Edit]:
        lines = Lines.scan(text)
        if not lines.items:
            return []
        if self.furniture:
            tool_markers.split_run_on_markers(lines)
        # asked by each pass that found something to remove (markers, specks, stray marks), answered once
        markdown_document = cache(partial(markdown.is_markdown_document, text))
        marker_edits = self._strip_markers(text, lines, markdown_document) if self.markdown else {}
        lengths = [len(line.content) for line in lines.items]
        width, hard_wrapped = text_width(lengths)
        if self.furniture:
            furniture.classify(lines, width, hard_wrapped)
        body = [line for line in lines.items if line.kind == "body"]
        if not body:
            return []
        edits: list[Edit] = []
        specks = self._trailing_specks(text, body, markdown_document) if self.furniture else []
        shapes = Shapes([line.content for line in body], [line.heading for line in body])
        # a form feed, or furniture between (not specks alone: dirt on a page is no page break)
        page_breaks = [a.page != b.page or b.index - a.index > 1 and any(
            line.kind != "speck" for line in lines.items[a.index + 1:b.index]) for a, b in zip(body, body[1:])]
        gaps = ["page" if page_break else self._blank_gap(text, a, b) if b.blank_before else "line"
                for a, b, page_break in zip(body, body[1:], page_breaks)]
        judge = HyphenJudge(load(), DocumentWords.from_text(text))   # the text's words are counted on first use
        edits.extend(self._zone(text, lines, None, body[0], None))
        dehyphenate, reflow, edit = self.dehyphenate, self.reflow, self.edit
        joins = (decide_joins(shapes, gaps, width=width, hard_wrapped=hard_wrapped, prose=is_prose(shapes))
                 if reflow else [])
        hyphen_left, first_word = shapes.hyphen_left, shapes.first_word
        house = self._house_marks(judge, shapes) if dehyphenate and any(map(text.__contains__, HOUSE_CANDIDATES)) \
            else frozenset()
        for i, (a, b, gap, page_break) in enumerate(zip(body, body[1:], gaps, page_breaks)):
            if marker_edits:
                edits.extend(marker_edits.get(a.index, ()))
            join = None
            if hyphen_left[i] and dehyphenate and hyphen_candidate(shapes, i, gap, width=width,
                                                                  hard_wrapped=hard_wrapped, house=house):
                join = self._hyphen_join(judge, a, b, shapes, i, house)
                if join is not None and join[4] < SURE_JOIN and (shapes.structural[i] or shapes.structural[i + 1]):
                    join = None   # a headline's word broken across its two lines is joined only into a known word
            if join is None and reflow:
                separator, reason, confidence = joins[i]
                if separator == " " and dehyphenate and shapes.starts_lower[i + 1]:
                    lost = judge.lost_hyphen(a.content, first_word[i + 1])
                    if lost:
                        separator, reason, confidence = "", lost, 0.7
                if separator is not None:
                    join = (a.raw_end, b.raw_start, separator, reason, confidence)
            if b.index - a.index > 1 or page_break or b.blank_before > 1:   # furniture or blank lines between
                edits.extend(self._zone(text, lines, a, b, join, page_break=page_break))
            elif join is not None and text[join[0]:join[1]] != join[2]:
                edits.append(edit(text, join[0], join[1], join[2], reason=join[3], confidence=join[4]))
        if marker_edits:
            edits.extend(marker_edits.get(body[-1].index, ()))
        edits.extend(self._zone(text, lines, body[-1], None, None))
        inline = self._inline_breaks(text, body, judge) if dehyphenate else []
        if self.furniture:
            inline += self._stray_marks(text, body, shapes, markdown_document) + specks
            if max(lengths) >= joined_pages.PAGE_CHARS:
                inline += self._joined_heads(text, body, judge)
        if inline:
            edits = sorted(edits + inline, key=attrgetter("start", "end"))
        return edits

    @staticmethod
    def _blank_gap(text: str, a: Line, b: Line) -> str:
        """The gap of blank lines between lines ``a`` and ``b``: "blank", or "apart" when they are indented
        differently (a man page's option over its description, a changelog's sign-off over the next entry: OCR's
        blank lines inside a paragraph leave its lines at one indentation)."""
        if a.raw_start - a.start == b.raw_start - b.start:  # as far in from their starts: no tabs to expand
            return "blank"
        indents = [text[line.start:line.raw_start] for line in (a, b)]
        return "blank" if len(indents[0].expandtabs(8)) == len(indents[1].expandtabs(8)) else "apart"

    def _trailing_specks(self, text: str, body: list[Line], markdown_document: Callable[[], bool]) -> list[Edit]:
        """The edits deleting a stop set alone at a line's end after a word that ends in one ("sons. ;": see
        :func:`.strays.trailing_speck`); the line's content loses it, so that reflow sees the sentence end."""
        # the character before a line's last, read from the text (no slice, no call): a space in few lines
        found = [line for line in body if text[line.content_end - 2] == " " and strays.trailing_speck(line.content)]
        if not found or markdown_document():
            return []
        edits = []
        for line in found:
            edits.append(self.edit(text, line.content_end - 2, line.content_end, "", confidence=0.8,
                                   reason=f"removed a stray {line.content[-1]!r} at the line's end: a mark set alone "
                                          "after a word that ends in a stop, dirt at the margin"))
            line.content = line.content[:-2]
            line.content_end -= 2
        return edits

    def _stray_marks(self, text: str, body: list[Line], shapes: Shapes,
                     markdown_document: Callable[[], bool]) -> list[Edit]:
        """The edits deleting stray marks (a lone "^", an accent: dirt read as a mark) from lines of words,
        not from tables, code or markdown (see :mod:`.strays`)."""
        # most texts hold none of the marks: `in` (memchr) says so faster than any regex scan of the text
        if not any(mark in text for mark in strays.STRAY_MARKS):
            return []
        starts = [line.content_start for line in body]
        found = sorted({n for n in (bisect.bisect_right(starts, match.start()) - 1
                                    for match in strays.MARK.finditer(text))
                        if n >= 0})
        edits = [self.edit(text, body[n].content_start + start, body[n].content_start + end, "", confidence=0.8,
                           reason=f"removed a stray {body[n].content[start:end].strip()!r}: a mark print never "
                                  "sets alone (a caret, an accent without its letter), in a line of words: dirt or "
                                  "broken type")
                 for n in found if not shapes.structural[n]
                 for start, end in strays.strays(body[n].content, self._mark_words(body[n].content))]
        return edits if edits and not markdown_document() else []

    @staticmethod
    def _mark_words(content: str) -> set[int]:
        """The offsets of the marks in a line that the dictionary reads as a word ("at ^ constant")."""
        return {match.start() for match, _ in lone_mark_words(content, load())}

    def _joined_heads(self, text: str, body: list[Line], judge: HyphenJudge) -> list[Edit]:
        """The edits deleting running heads and page numbers from lines that hold pages joined into one (see
        :mod:`.joined_pages`); a word the page broke at its end ("in- 130 THE BANKRUPTCY COURT solvent") is
        joined as at a line's end."""
        edits = []
        for line in body:
            if len(line.content) < joined_pages.PAGE_CHARS:
                continue
            content, at = line.content, line.content_start
            for start, end in joined_pages.heads(content):
                reason = f"removed a running head inside the line: {content[start:end].strip()!r}, recurring with a " \
                         "rising page number where pages were joined into one line"
                left = _BROKEN_LEFT.search(content, max(0, start - 40), start)
                right = _RIGHT_WORD.match(content, end + 1) if content[end:end + 1] == " " else None
                if left and right and content[right.start()].islower():
                    verdict, why, confidence = judge.decide(left.group(1), right.group(), left.group(2))
                    if verdict != "none":
                        edits.append(self.edit(text, at + left.end(1), at + right.start(),
                                               "" if verdict == "join" else left.group(2),
                                               confidence=min(confidence, 0.8),
                                               reason=f"{reason}; the word broken at the page's end joined: {why}"))
                        continue
                edits.append(self.edit(text, at + start, at + end, "", reason=reason, confidence=0.8))
        return edits

    def _inline_breaks(self, text: str, body: list[Line], judge: HyphenJudge) -> list[Edit]:
        """The edits joining words broken at a line end whose hyphen stands inside a line ("num- ber")."""
        starts = [line.content_start for line in body]
        hinted: set[int] = set()
        for hint in INLINE_HINTS:   # found by str.find: a regex scan of the whole text costs more than the rest
            at = text.find(hint)
            while at >= 0:
                hinted.add(bisect.bisect_right(starts, at) - 1)
                at = text.find(hint, at + 1)
        return [self.edit(text, line.content_start + start, line.content_start + end, "", reason=reason, confidence=0.8)
                for line in (body[n] for n in sorted(hinted) if n >= 0)
                for start, end, reason in judge.inline_breaks(line.content)]

    @staticmethod
    def _house_marks(judge: HyphenJudge, shapes: Shapes) -> frozenset[str]:
        """The misread marks the text sets as its hyphen (see :meth:`HyphenJudge.house_marks`)."""
        breaks = [(shapes.hyphen_left[i], mark, shapes.right_word(i + 1))
                  for i, mark in enumerate(shapes.hyphen[:-1])
                  if mark and mark in HOUSE_CANDIDATES and shapes.starts_lower[i + 1]]   # most lines end in no mark
        return judge.house_marks(breaks) if breaks else frozenset()

    @staticmethod
    def _hyphen_join(judge: HyphenJudge, a: Line, b: Line, shapes: Shapes, i: int,
                     house: frozenset[str] = frozenset()) -> tuple[int, int, str, str, float] | None:
        """The join of a word broken at the end of line ``a`` (line ``i`` of ``shapes``, ``b`` the next): its
        span, "", reason and confidence. A mark of ``house`` is judged as a hyphen."""
        left, hyphen, right = shapes.hyphen_left[i], shapes.hyphen[i], shapes.right_word(i + 1)
        verdict, reason, confidence = judge.decide(left, right, "-" if hyphen in house else hyphen,
                                                   continued=shapes.right_compound(i + 1))
        if verdict == "none":
            return None
        word = left + ("" if verdict == "join" else "-") + right
        why = f"{'joined' if verdict == 'join' else 'kept the hyphen of'} \"{word}\" broken at the line end: {reason}"
        start = a.raw_end - len(hyphen)
        kept = hyphen[:1] if hyphen[:1] in HYPHENS else "-"   # a misread dash kept as a compound's becomes "-"
        return start, b.raw_start, "" if verdict == "join" else kept, why, confidence

    def _strip_markers(self, text: str, lines: Lines, markdown_document: Callable[[], bool]) -> dict[int, list[Edit]]:
        """Take markdown markers off the lines' content; their edits, by line, for the lines that stay."""
        found: dict[int, list[Edit]] = {}
        # offsets in text of the lines' starts
        marked = [match.start() for match in _MARKER_LINE.finditer("\n" + text)]
        if not marked or markdown_document():
            return found
        starts = [line.start for line in lines.items]
        candidates = []
        for at in marked:
            line = lines.items[bisect.bisect_right(starts, at) - 1]
            if not markdown.indented_code(text[line.start:line.content_start]):
                candidates.append((line, *markdown.markers(line.content)))
        # a "#" line in a block of them is a comment, and so is every "#" line of a text that holds such a block
        commented = any(heading and not suffix
                        and markdown.comment_block(line.content, self._neighbours(text, lines, line))
                        for line, _, suffix, heading, _ in candidates)
        for line, prefix, suffix, heading, reason in candidates:
            if not (prefix or suffix) \
                    or (heading and not suffix and markdown.comment_line(line.content, prefix, commented)):
                continue
            edits = []
            if prefix:
                edits.append(self.edit(text, line.content_start, line.content_start + prefix, "", reason=reason,
                                       confidence=0.85))
            if suffix:
                edits.append(self.edit(text, line.content_end - suffix, line.content_end, "", reason=reason,
                                       confidence=0.85))
            line.content = line.content[prefix:len(line.content) - suffix]
            line.content_start += prefix
            line.content_end -= suffix
            line.heading = heading
            found[line.index] = edits
        return found

    @staticmethod
    def _neighbours(text: str, lines: Lines, line: Line) -> list[str]:
        """The text lines right above and below ``line``, with no blank line between, as the text has them."""
        index = line.index
        above = [lines.items[index - 1]] if index and not line.blank_before else []
        below = ([lines.items[index + 1]]
                 if index + 1 < len(lines.items) and not lines.items[index + 1].blank_before else [])
        return [text[other.raw_start:other.raw_end] for other in above + below]

    def _zone(self, text: str, lines: Lines, a: Line | None, b: Line | None,
              join: tuple[int, int, str, str, float] | None, *, page_break: bool = False) -> list[Edit]:
        """The edits for what lies between body lines ``a`` and ``b`` (None: the text's start or end).

        The gap after ``a`` becomes the join's separator (or a paragraph
        break); each furniture line is removed with the whitespace after it.
        """
        first, last = (a.index + 1 if a else 0), (b.index if b else len(lines.items))
        removed = [line for line in lines.items[first:last] if line.furniture] if last > first else []
        if join is not None:
            start, end, separator, reason, confidence = join
        else:
            start = a.raw_end if a is not None else 0
            end = b.start if b is not None else len(text)
            raw = text[start:end]
            confidence = 0.7
            if a is None:
                separator, reason = raw, ""
            elif b is None:
                separator = "\n" if "\n" in raw or "\f" in raw else ""
                reason = "blank lines and page breaks at the end of the text"
            elif page_break:
                separator, reason = "\n\n", "page break between paragraphs"
            elif raw.count("\n") > 2:
                separator, reason = "\n\n", "several blank lines between paragraphs"
            else:   # the line break stays; furniture lines between go
                separator, reason = text[start:removed[0].start if removed else end], ""
        edits: list[Edit] = []
        gap_end = removed[0].start if removed else end
        if a is not None and text[start:gap_end] != separator:
            edits.append(self.edit(text, start, gap_end, separator, reason=reason, confidence=confidence))
        stops = [line.start for line in removed[1:]] + [end]
        for line, stop in zip(removed, stops):
            edits.append(self.edit(text, line.start, stop, "",
                                   reason=f"removed {line.kind.replace('_', ' ')}: {line.reason}",
                                   confidence=line.confidence))
        return edits


__all__ = ["Layout"]
