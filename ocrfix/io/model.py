"""One document model for every OCR format: pages -> lines -> words.

Boxes are ``(x0, y0, x1, y1)`` in the source's units (pixels for hOCR and
PAGE, the file's MeasurementUnit for ALTO), left-top to right-bottom.
Confidences are normalised to 0..1; ``None`` where the format has none.

>>> line = Line([Word("Dear", (102, 75, 212, 104), 0.96), Word("Sir,")])
>>> line.text
'Dear Sir,'
>>> Document([Page([line]), Page([Line([Word("Yours")])], number=2)]).text()
'Dear Sir,\\x0cYours'
"""
from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Word:
    """A word as the engine read it, with its box and confidence (0..1) when known."""

    text: str
    box: Box | None = None
    confidence: float | None = None


@dataclass(frozen=True, slots=True)
class Line:
    """A line of words.

    ``raw`` keeps the line exactly as the source spelt it (plain text, or a
    line-level transcription without words), spacing included; without it
    the line's text is its words joined by single spaces.

    >>> Line([Word("a"), Word("b")], raw="a   b").text
    'a   b'
    """

    words: Sequence[Word] = ()
    box: Box | None = None
    raw: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", tuple(self.words))

    @property
    def text(self) -> str:
        """The line as read: ``raw`` where the format gives the line's own text, else its words joined by spaces."""
        return self.raw if self.raw is not None else " ".join(word.text for word in self.words)


@dataclass(frozen=True, slots=True)
class Page:
    """A page: its lines in reading order, its 1-based position in the file and its box."""

    lines: Sequence[Line] = ()
    number: int = 1
    box: Box | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "lines", tuple(self.lines))

    @property
    def text(self) -> str:
        """The page's lines joined by newlines."""
        return "\n".join(line.text for line in self.lines)


@dataclass(frozen=True, slots=True)
class Document:
    """A read document: its pages, where it came from and the format it was read as."""

    pages: Sequence[Page] = ()
    source: str | None = None
    format: str = "text"

    def __post_init__(self) -> None:
        object.__setattr__(self, "pages", tuple(self.pages))

    def text(self) -> str:
        """The document as plain text: pages joined by form feeds, lines by newlines."""
        return "\f".join(page.text for page in self.pages)

    def lines(self) -> Iterator[Line]:
        """Every line, page after page."""
        for page in self.pages:
            yield from page.lines

    def words(self) -> Iterator[Word]:
        """Every word, line after line."""
        for line in self.lines():
            yield from line.words


def bounding_box(points: Sequence[tuple[float, float]]) -> Box | None:
    """The smallest box holding ``points``; ``None`` for no points.

    >>> bounding_box([(3, 9), (7, 2), (5, 5)])
    (3, 2, 7, 9)
    """
    if not points:
        return None
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    return (min(xs), min(ys), max(xs), max(ys))


def coordinate(value: str) -> float:
    """A coordinate as written: an int when it is whole, else a float.

    >>> coordinate("102"), coordinate("10.5")
    (102, 10.5)
    """
    parsed = float(value)
    if not math.isfinite(parsed):
        raise ValueError(f"not a finite number: {value!r}")
    return int(parsed) if parsed.is_integer() else parsed
