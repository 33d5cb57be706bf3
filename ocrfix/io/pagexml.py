"""PAGE XML (PRImA; 2010 to 2019 schemas, any namespace or none) into the document model.

Text regions are read in the page's ``ReadingOrder`` (regions it does not
name follow in document order). In a ``TextLine``, ``Word`` elements give
the words; a line without words uses its own ``TextEquiv``, and a region
without lines its ``TextEquiv``, one line per text line. When an element
has several ``TextEquiv``, the one with the lowest ``@index`` is the text.
``Unicode`` gives the text, ``TextEquiv@conf`` (0..1) the confidence and
``Coords@points`` (or 2010-style ``Point`` children) the box. A line's own ``TextEquiv``, when it has one, is
its text even when it has words too (transcribers correct lines, and word
level often lags behind); the words still give the boxes and confidences.

>>> document = parse_page(b'''<PcGts><Page imageWidth="900" imageHeight="80"><TextRegion id="r1">
...   <TextLine id="l1"><Coords points="10,5 300,5 300,40 10,40"/>
...     <Word id="w1"><Coords points="10,5 90,5 90,40 10,40"/>
...       <TextEquiv conf="0.87"><Unicode>Dear</Unicode></TextEquiv></Word>
...     <Word id="w2"><TextEquiv><Unicode>Sir,</Unicode></TextEquiv></Word></TextLine>
...   <TextLine id="l2"><TextEquiv><Unicode>Yours  truly</Unicode></TextEquiv></TextLine>
... </TextRegion></Page></PcGts>''')
>>> document.text(), document.pages[0].lines[0].words[0]
('Dear Sir,\\nYours  truly', Word(text='Dear', box=(10, 5, 90, 40), confidence=0.87))
"""
from __future__ import annotations

from lxml import etree

from ocrfix.errors import OcrfixError
from ocrfix.io.model import Box, Document, Line, Page, Word, bounding_box, coordinate
from ocrfix.io.xml import local_name, parse_xml, text_content


def parse_page(data: bytes | str, source: str | None = None) -> Document:
    """Read PAGE XML from bytes or text."""
    root = parse_xml(data, source)
    pages = []
    for index, page in enumerate(root.iter("{*}Page"), start=1):
        lines = [line for region in _regions_in_order(page) for line in _region_lines(region, source)]
        pages.append(Page(lines, number=index, box=_page_box(page, source)))
    return Document(pages, source=source, format="page")


def _regions_in_order(page: etree._Element) -> list[etree._Element]:
    regions = list(page.iter("{*}TextRegion"))
    order = page.find("{*}ReadingOrder")
    ranks = {region_id: rank for rank, region_id in enumerate(_referenced(order) if order is not None else [])}
    last = len(ranks)
    return sorted(regions, key=lambda region: ranks.get(region.get("id"), last))


def _referenced(group: etree._Element) -> list[str]:
    """Region ids in a reading-order group, depth first, indexed children by ``@index``."""
    children = [child for child in group if isinstance(child.tag, str)]
    children.sort(key=lambda child: _index(child, default=0))
    found: list[str] = []
    for child in children:
        if child.get("regionRef"):
            found.append(child.get("regionRef"))
        found.extend(_referenced(child))
    return found


def _region_lines(region: etree._Element, source: str | None) -> list[Line]:
    lines = region.findall("{*}TextLine")
    if lines:
        return [_line(line, source) for line in lines]
    text, _ = _text_equiv(region, source)
    return [_raw_line(raw, None) for raw in text.splitlines()] if text else []


def _line(element: etree._Element, source: str | None) -> Line:
    box = _coords(element, source)
    text = " ".join(_text_equiv(element, source)[0].splitlines())
    words = []
    for word in element.findall("{*}Word"):
        word_text, confidence = _text_equiv(word, source)
        if word_text:
            words.append(Word(word_text, _coords(word, source), confidence))
    if words:
        return Line(words, box=box, raw=text or None)
    return _raw_line(text, box)


def _raw_line(raw: str, box: Box | None) -> Line:
    return Line([Word(word) for word in raw.split()], box=box, raw=raw)


def _text_equiv(element: etree._Element, source: str | None) -> tuple[str, float | None]:
    """The main ``TextEquiv`` of ``element``: its Unicode text (stripped) and confidence."""
    equivalents = element.findall("{*}TextEquiv")
    if not equivalents:
        return "", None
    main = min(enumerate(equivalents), key=lambda pair: (_index(pair[1], default=float("inf")), pair[0]))[1]
    unicode = main.find("{*}Unicode")
    text = text_content(unicode).strip() if unicode is not None else ""
    conf = main.get("conf")
    try:
        confidence = None if conf is None else min(max(float(coordinate(conf)), 0.0), 1.0)
    except ValueError:
        raise OcrfixError(f"malformed PAGE conf at line {main.sourceline}: {conf!r}", source) from None
    return text, confidence


def _index(element: etree._Element, *, default: float) -> float:
    try:
        return int(element.get("index", ""))
    except ValueError:
        return default


def _coords(element: etree._Element, source: str | None) -> Box | None:
    coords = element.find("{*}Coords")
    if coords is None:
        return None
    try:
        if coords.get("points") is not None:
            pairs = [point.split(",") for point in coords.get("points").split()]
            return bounding_box([(coordinate(x), coordinate(y)) for x, y in pairs])
        return bounding_box([(coordinate(point.get("x")), coordinate(point.get("y")))
                             for point in coords.findall("{*}Point")])
    except (ValueError, TypeError):
        raise OcrfixError(f"malformed PAGE Coords at line {coords.sourceline}", source) from None


def _page_box(page: etree._Element, source: str | None) -> Box | None:
    width, height = page.get("imageWidth"), page.get("imageHeight")
    if width is None or height is None:
        return None
    try:
        return (0, 0, coordinate(width), coordinate(height))
    except ValueError:
        raise OcrfixError(f"malformed PAGE image size at line {page.sourceline}", source) from None
