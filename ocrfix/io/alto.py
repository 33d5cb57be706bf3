"""ALTO (v1 to v4, any namespace or none) into the document model.

Each ``Page`` is a page; its ``TextLine`` elements, in document order
(margins and print space alike), are the lines; ``String@CONTENT`` gives the
words, ``HPOS/VPOS/WIDTH/HEIGHT`` the boxes (in the file's MeasurementUnit)
and ``WC`` (0..1) the confidences. ``SP`` separates words. A ``HYP`` marks a
line-end hyphen that the text shows: its CONTENT (``-`` when it has none)
is appended to the word before it, so ``exam`` + ``HYP`` reads ``exam-``,
as printed, and de-hyphenation is left to the layout strategy.

>>> document = parse_alto(b'''<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#"><Layout>
...   <Page WIDTH="900" HEIGHT="80"><PrintSpace><TextBlock><TextLine>
...     <String CONTENT="The" HPOS="10" VPOS="5" WIDTH="40" HEIGHT="20" WC="0.9"/><SP/>
...     <String CONTENT="exam"/><HYP CONTENT="-"/>
...   </TextLine></TextBlock></PrintSpace></Page></Layout></alto>''')
>>> document.text(), document.pages[0].lines[0].words[0]
('The exam-', Word(text='The', box=(10, 5, 50, 25), confidence=0.9))
"""
from __future__ import annotations

from lxml import etree

from ocrfix.errors import OcrfixError
from ocrfix.io.model import Box, Document, Line, Page, Word, bounding_box, coordinate
from ocrfix.io.xml import local_name, parse_xml


def parse_alto(data: bytes | str, source: str | None = None) -> Document:
    """Read ALTO from bytes or text."""
    root = parse_xml(data, source)
    pages = [
        Page([_line(line, source) for line in page.iter("{*}TextLine")],
             number=index, box=_page_box(page, source))
        for index, page in enumerate(root.iter("{*}Page"), start=1)
    ]
    return Document(pages, source=source, format="alto")


def _line(element: etree._Element, source: str | None) -> Line:
    words: list[Word] = []
    for child in element:
        if not isinstance(child.tag, str):
            continue
        kind = local_name(child)
        if kind == "String":
            words.append(Word(child.get("CONTENT", "").strip(), _box(child, source), _confidence(child, source)))
        elif kind == "HYP":
            words.append(_hyphenate(words.pop() if words else Word(""), child.get("CONTENT") or "-", _box(child, source)))
    return Line([word for word in words if word.text], box=_box(element, source))


def _hyphenate(word: Word, hyphen: str, hyphen_box: Box | None) -> Word:
    """``word`` as printed with its line-end hyphen (unchanged when its CONTENT already shows it)."""
    if word.text.endswith(hyphen):
        return word
    box = word.box
    if box is not None and hyphen_box is not None:
        box = bounding_box([box[:2], box[2:], hyphen_box[:2], hyphen_box[2:]])
    return Word(word.text + hyphen, box, word.confidence)


def _box(element: etree._Element, source: str | None) -> Box | None:
    """The element's box; a missing HEIGHT (allowed on SP and HYP) makes it zero-high."""
    values = [element.get(name) for name in ("HPOS", "VPOS", "WIDTH")]
    if None in values:
        return None
    x, y, width = (_number(element, value, source) for value in values)
    height = _number(element, element.get("HEIGHT", "0"), source)
    return (x, y, x + width, y + height)


def _page_box(element: etree._Element, source: str | None) -> Box | None:
    width, height = element.get("WIDTH"), element.get("HEIGHT")
    if width is None or height is None:
        return None
    return (0, 0, _number(element, width, source), _number(element, height, source))


def _confidence(element: etree._Element, source: str | None) -> float | None:
    value = element.get("WC")
    return None if value is None else min(max(float(_number(element, value, source)), 0.0), 1.0)


def _number(element: etree._Element, value: str, source: str | None) -> float:
    try:
        return coordinate(value)
    except ValueError:
        raise OcrfixError(f"malformed ALTO number at line {element.sourceline}: {value!r}", source) from None
