"""The line model the layout strategy works on: lines, their pages, and the text width.

Lines are cut at ``"\\n"`` and ``"\\f"``; a form feed also starts a new page.
Each line keeps its span in the text and its content span (without the
surrounding whitespace), so every decision later turns into an exact edit.

>>> lines = Lines.scan("Head\\n\\n  body text\\fnext page\\n")
>>> [(line.content, line.page, line.blank) for line in lines.items]
[('Head', 0, False), ('', 0, True), ('body text', 0, False), ('next page', 1, False), ('', 1, True)]
>>> lines.items[2].content_start
8
"""
from __future__ import annotations

from dataclasses import dataclass, field

@dataclass(slots=True)
class Line:
    """One line of the text: ``text[start:end]`` (without its separator)."""

    index: int
    start: int
    end: int
    page: int
    content: str            # the line without surrounding whitespace (and, later, markdown markers)
    content_start: int      # span of ``content`` in the text
    content_end: int
    raw_start: int = -1     # span of the line without surrounding whitespace, markers included
    raw_end: int = -1
    kind: str = "body"      # "body", "blank", or a furniture kind: "running_head", "page_number", "catchword"
    reason: str = ""        # why a furniture line is furniture
    confidence: float = 0.0
    heading: bool = False   # the line carried a markdown heading marker
    blank: bool = False

    @property
    def furniture(self) -> bool:
        return self.kind not in ("body", "blank")


@dataclass
class Lines:
    """The lines of a text, grouped into pages."""

    text: str
    items: list[Line]
    pages: list[list[int]] = field(default_factory=list)   # per page: indices of its non-blank lines
    form_feeds: bool = False

    @classmethod
    def scan(cls, text: str) -> "Lines":
        """Cut ``text`` into lines: C-level splits, one small step per line."""
        items: list[Line] = []
        pages: list[list[int]] = []
        append = items.append
        start = 0
        for page, page_text in enumerate(text.split("\f")):
            indices: list[int] = []
            for raw in page_text.split("\n"):
                end = start + len(raw)
                content = raw.strip()
                if content:
                    first = start + raw.find(content[0])
                    last = first + len(content)
                    indices.append(len(items))
                    append(Line(len(items), start, end, page, content, first, last, first, last))
                else:
                    append(Line(len(items), start, end, page, "", start, start, start, start, "blank", blank=True))
                start = end + 1
            pages.append(indices)
        return cls(text, items, pages, len(pages) > 1)

    def content_lines(self) -> list[Line]:
        return [line for line in self.items if line.kind == "body"]


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
    usable = sorted(length for length in lengths if length >= 8)
    if not usable:
        return 0, False
    width = usable[min(len(usable) - 1, int(0.9 * len(usable)))]
    near = sum(1 for length in usable if length >= 0.75 * width)
    return width, MIN_LINES <= len(usable) and MIN_WIDTH <= width <= MAX_WIDTH and near >= 0.35 * len(usable)
