r"""The line model the layout strategy works on: text lines, their pages, and the text width.

Lines are cut at ``"\n"`` and ``"\f"``; a form feed also starts a new page.
Only lines with text become :class:`Line` objects (blank lines are only
counted); each knows how many blank lines stand before it. Each keeps its
span in the text and its content span (without the surrounding whitespace),
so every decision later turns into an exact edit.

>>> lines = Lines.scan("Head\n\n  body text \fnext page\n")
>>> [(line.content, line.page, line.blank_before) for line in lines.items]
[('Head', 0, 0), ('body text', 0, 1), ('next page', 1, 0)]
>>> lines.items[1].start, lines.items[1].content_start, lines.pages
(6, 8, [[0, 1], [2]])
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

import numpy as np

from ocrfix.tokenspans import code_points, split_space


@dataclass(slots=True)
class Line:
    """One line with text: ``text[start:end]`` (without its separator)."""

    index: int
    start: int
    end: int
    page: int
    content: str            # the line without surrounding whitespace (and, later, markdown markers)
    content_start: int      # span of ``content`` in the text
    content_end: int
    raw_start: int = -1     # span of the line without surrounding whitespace, markers included
    raw_end: int = -1
    blank_before: int = 0   # blank lines between this line and the previous text line (or the start)
    kind: str = "body"      # "body", or a furniture kind: "running_head", "page_number", "catchword", "speck",
                            # "page_marker"
    reason: str = ""        # why a furniture line is furniture
    confidence: float = 0.0
    heading: bool = False   # the line carried a markdown heading marker

    @property
    def furniture(self) -> bool:
        return self.kind != "body"


@dataclass
class Lines:
    """The text lines of a text, grouped into pages."""

    text: str
    items: list[Line]
    pages: list[list[int]] = field(default_factory=list)   # per page: indices of its lines
    form_feeds: bool = False

    @classmethod
    def scan(cls, text: str) -> "Lines":
        """Find the text lines: the text is split at form feeds and newlines (in C); blank lines are only counted."""
        page_texts = text.split("\f")
        pages: list[list[int]] = [[] for _ in page_texts]
        items: list[Line] = []
        append = items.append
        position = 0
        separators = 0   # line separators since the last text line (or the start)
        for page, page_text in enumerate(page_texts):
            numbers = pages[page]
            for raw in page_text.split("\n"):
                end = position + len(raw)
                content = raw.strip()
                if content:
                    index = len(items)
                    first = end - len(raw.lstrip())
                    last = first + len(content)
                    numbers.append(index)
                    append(Line(index, position, end, page, content, first, last, first, last,
                                separators - 1 if index else separators))
                    separators = 0
                position = end + 1
                separators += 1
        return cls(text, items, pages, len(page_texts) > 1)

    def set_pages(self, pages: list[list[int]]) -> None:
        r"""Group the lines into ``pages`` (each the indices of its lines, in order), as found in text without form
        feeds; each of those lines takes its page's number.

        >>> lines = Lines.scan("a\nb\nc")
        >>> lines.set_pages([[0], [1, 2]]); lines.pages, [line.page for line in lines.items]
        ([[0], [1, 2]], [0, 1, 1])
        """
        for number, page in enumerate(pages):
            for i in page:
                self.items[i].page = number
        self.pages = pages

    def split_at(self, cuts: list[int]) -> None:
        r"""Split lines at those of the text offsets ``cuts`` that fall inside a line's content, as if a newline stood
        there: for markup a tool ran on into a line of text. Spaces alone between two cuts (two markers run on into
        each other) stay with the piece before them. The lines are indexed anew.

        >>> lines = Lines.scan("one\nA<!-- x -->B\fC")
        >>> lines.split_at([5, 15]); [(line.content, line.start, line.end, line.page) for line in lines.items]
        [('one', 0, 3, 0), ('A', 4, 5, 0), ('<!-- x -->', 5, 15, 0), ('B', 15, 16, 0), ('C', 17, 18, 1)]
        >>> lines.pages
        [[0, 1, 2, 3], [4]]
        >>> lines = Lines.scan("--- Page 3 --- <!-- page 4 -->\nend")
        >>> lines.split_at([0, 14, 15, 15, 30]); [line.content for line in lines.items]
        ['--- Page 3 ---', '<!-- page 4 -->', 'end']
        """
        text = self.text
        starts = [line.content_start for line in self.items]
        pieces: dict[int, list[int]] = {}
        for cut in sorted(set(cuts)):
            n = bisect_right(starts, cut) - 1
            if n >= 0 and starts[n] < cut < self.items[n].content_end:
                pieces.setdefault(n, []).append(cut)
        if not pieces:
            return
        items: list[Line] = []
        for line in self.items:
            if line.index not in pieces:
                items.append(line)
                continue
            bounds = [line.start]
            for cut in pieces[line.index]:
                if text[bounds[-1]:cut].strip():
                    bounds.append(cut)
            bounds.append(line.end)
            for n, (start, end) in enumerate(zip(bounds, bounds[1:])):
                raw = text[start:end]
                first = end - len(raw.lstrip())
                last = first + len(raw.strip())
                items.append(Line(0, start, end, line.page, raw.strip(), first, last, first, last,
                                  line.blank_before if n == 0 else 0))
        pages: list[list[int]] = [[] for _ in self.pages]
        for index, line in enumerate(items):
            line.index = index
            pages[line.page].append(index)
        self.items, self.pages = items, pages


class LineCodes:
    """The code points of lines (each followed by a newline: none holds one), for the tests that numpy answers for all
    lines at once, in a few passes over them: a test of each line in Python costs hundreds to thousands of
    instructions, and a megabyte holds some 18,000 lines.

    >>> codes = LineCodes(["the end", "TO BE", "", "page 12"])
    >>> codes.where(codes.last, "d", empty=True), codes.holding(codes.codes - 48 < 10).tolist()
    ([0, 2], [False, False, False, True])
    """

    def __init__(self, contents: list[str]) -> None:
        self.codes = code_points("\n".join(contents) + "\n")
        self.ends = (self.codes == 10).nonzero()[0][:len(contents)]   # each line's newline
        self.starts = np.concatenate(([0], self.ends[:-1] + 1))[:len(contents)]
        self.first = self.codes[self.starts]   # a newline for an empty line
        self.last = self.codes[self.ends - 1]  # a newline for an empty line: the one before it, or the last one

    def where(self, chars: np.ndarray, among: str, *, beyond_ascii: bool = False, empty: bool = False) -> list[int]:
        """The lines whose character ``chars`` (``first`` or ``last``) is one of ``among`` or, with ``beyond_ascii``,
        beyond ASCII, and with ``empty`` the empty lines."""
        found = one_of(chars, among)
        if beyond_ascii:
            found |= chars >= 128
        if empty:
            found |= self.ends == self.starts
        return found.nonzero()[0].tolist()

    def words(self) -> np.ndarray:
        """How many words (``str.split``'s tokens) each line holds.

        >>> LineCodes(["two  words", "", " one ", "a b\u3000c"]).words().tolist()
        [2, 0, 1, 3]
        """
        space = split_space(self.codes)
        first = ~space   # a word's first character: one after whitespace (each line's newline stands before the next)
        first[1:] &= space[:-1]
        return self.counting(first)

    def counting(self, found: np.ndarray) -> np.ndarray:
        """How many characters of each line ``found`` (one entry per code point) holds."""
        return np.add.reduceat(found, self.starts, dtype=np.int64) if len(self.starts) else np.zeros(0, dtype=np.int64)

    def holding(self, found: np.ndarray) -> np.ndarray:
        """Which lines hold a character where ``found`` (one entry per code point) is true."""
        # a line and its newline are never empty: each reduction is over the line's own characters and its newline
        return np.logical_or.reduceat(found, self.starts) if len(self.starts) else np.zeros(0, dtype=bool)


def one_of(codes: np.ndarray, chars: str | set[str]) -> np.ndarray:
    """Which of the code points ``codes`` are those of ``chars``."""
    return np.isin(codes, [ord(char) for char in chars])


# A page's measure: newspaper columns hold about 25 characters a line, wide book pages 100 or so.
MIN_WIDTH, MAX_WIDTH = 25, 160
MIN_LINES = 6   # too few lines tell no width


def text_width(lengths: list[int]) -> tuple[int, bool]:
    """The typical length of a full line, and whether the text is hard-wrapped at all.

    A hard-wrapped text has many lines close to one width (the measure of the
    page); a logical text (one paragraph per line) has no such width.

    >>> text_width([60, 62, 58, 61, 12, 63, 59, 20])
    (63, True)
    >>> text_width([13, 10, 10, 13, 11, 12])
    (13, False)
    >>> text_width([420, 35, 800, 15, 1200, 60])
    (1200, False)
    """
    ordered = sorted(lengths)
    usable = ordered[bisect_left(ordered, 8):]
    if not usable:
        return 0, False
    width = usable[min(len(usable) - 1, int(0.9 * len(usable)))]
    near = len(usable) - bisect_left(usable, 0.75 * width)   # lines of at least three quarters of the width
    return width, MIN_LINES <= len(usable) and MIN_WIDTH <= width <= MAX_WIDTH and near >= 0.35 * len(usable)


RUNS_ON = ",;-\u00ac\u2010\u2013\u2014\u2e17"  # a line ending in one of these (or a small letter) runs on


def mark(line: Line, kind: str, reason: str, confidence: float) -> None:
    """Mark ``line`` as furniture of ``kind``, saying why and how sure."""
    line.kind, line.reason, line.confidence = kind, reason, confidence


def sentence_runs_on(last: str, following: str) -> bool:
    """Does a sentence run on from the line ``last`` to the line ``following`` (a small letter or a running-on mark
    ends the one, or a small letter starts the other)? An empty ``last`` or ``following`` (no line there) runs
    nothing on from its side.

    >>> sentence_runs_on("whereupon the", "THE HALL"), sentence_runs_on("", "stranger"), sentence_runs_on("Hall.", "")
    (True, True, False)
    """
    return ((last != "" and (last[-1].islower() or last[-1] in RUNS_ON))
            or following.lstrip("\"'‘“(")[:1].islower())
