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

from bisect import bisect_left
from dataclasses import dataclass, field


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
    kind: str = "body"      # "body", or a furniture kind: "running_head", "page_number", "catchword", "speck"
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
