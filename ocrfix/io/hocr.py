"""hOCR (Tesseract, Kraken, OCRopus ...) into the document model.

Pages are ``ocr_page`` elements (the whole body when there are none). Lines
are the line classes of the hOCR 1.2 spec that engines emit: ``ocr_line``
and ``ocrx_line``, and Tesseract's ``ocr_caption``, ``ocr_header`` and
``ocr_textfloat``. Words are ``ocrx_word``; a line without words is split on
whitespace. ``bbox`` gives boxes and ``x_wconf`` (0-100) the confidences.

XHTML hOCR is parsed as XML; hOCR without an XML declaration that is not
well-formed XML (old HTML-style output) falls back to the HTML parser.

>>> document = parse_hocr(b'''<html><body><div class="ocr_page" title="bbox 0 0 90 20">
...   <span class="ocr_line" title="bbox 1 2 80 18"><span class="ocrx_word"
...   title="bbox 1 2 30 18; x_wconf 93">Dear</span> <span class="ocrx_word">Sir</span></span>
... </div></body></html>''')
>>> document.text(), document.pages[0].lines[0].words[0]
('Dear Sir', Word(text='Dear', box=(1, 2, 30, 18), confidence=0.93))
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import etree

from ocrfix.errors import OcrfixError
from ocrfix.io.model import Box, Document, Line, Page, Word, coordinate
from ocrfix.io.xml import parse_html, parse_xml, text_content

LINE_CLASSES = frozenset({"ocr_line", "ocrx_line", "ocr_caption", "ocr_header", "ocr_textfloat"})

_PAGE = frozenset({"ocr_page"})
_WORD = frozenset({"ocrx_word"})
_PROPERTY = re.compile(r'(?:[^;"]|"[^"]*")+')


def parse_hocr(data: bytes | str, source: str | None = None) -> Document:
    """Read hOCR from bytes or text."""
    root = _parse(data, source)
    pages = list(_outermost(root, _PAGE)) or [root]
    return Document(
        [Page([_line(element, source) for element in _outermost(page, LINE_CLASSES)],
              number=index, box=_properties(page, source).get("bbox"))
         for index, page in enumerate(pages, start=1)],
        source=source,
        format="hocr",
    )


def _parse(data: bytes | str, source: str | None) -> etree._Element:
    """XML when it is; else HTML, if it has no XML declaration and does hold hOCR elements."""
    try:
        return parse_xml(data, source)
    except OcrfixError as error:
        head = data[:200] if isinstance(data, str) else data[:200].decode("utf-8", "ignore")
        if head.lstrip("\ufeff \t\r\n").startswith("<?xml") or not error.message.startswith("malformed"):
            raise
        root = parse_html(data, source)
        if not root.xpath("//*[contains(@class, 'ocr')]"):
            raise
        return root


def _line(element: etree._Element, source: str | None) -> Line:
    box = _properties(element, source).get("bbox")
    words = [_word(word, source) for word in _outermost(element, _WORD)]
    if words:
        return Line([word for word in words if word.text], box=box)
    return Line([Word(text) for text in text_content(element).split()], box=box)


def _word(element: etree._Element, source: str | None) -> Word:
    properties = _properties(element, source)
    confidence = properties.get("x_wconf")
    return Word(
        " ".join(text_content(element).split()),
        box=properties.get("bbox"),
        confidence=None if confidence is None else min(max(confidence / 100, 0.0), 1.0),
    )


def _outermost(element: etree._Element, classes: frozenset[str]) -> Iterator[etree._Element]:
    """Elements with one of ``classes`` at or below ``element``, not descending into a match."""
    if classes.intersection((element.get("class") or "").split()):
        yield element
        return
    for child in element:
        if isinstance(child.tag, str):
            yield from _outermost(child, classes)


def _properties(element: etree._Element, source: str | None) -> dict[str, Box | float]:
    """``bbox`` and ``x_wconf`` from an hOCR ``title``; other properties are not used."""
    found: dict[str, Box | float] = {}
    for part in _PROPERTY.findall(element.get("title") or ""):
        name, _, value = part.strip().partition(" ")
        try:
            if name == "bbox":
                x0, y0, x1, y1 = (coordinate(number) for number in value.split())
                found["bbox"] = (x0, y0, x1, y1)
            elif name == "x_wconf":
                found["x_wconf"] = float(value)
        except ValueError:
            raise OcrfixError(f"malformed hOCR {name!r} at line {element.sourceline}: {value.strip()!r}", source) from None
    return found
