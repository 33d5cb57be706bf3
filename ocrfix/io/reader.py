"""Read any supported OCR format into a :class:`~ocrfix.io.model.Document`.

The format is the one asked for, else the one a file's extension names
(``.txt`` text; ``.hocr``, ``.html``, ``.xhtml`` hOCR), else sniffed from the
content: XML whose root is ``alto`` is ALTO, ``PcGts`` is PAGE and ``html``
is hOCR; anything else is plain text (an ``.xml`` file that is none of the
three is refused rather than read as text).

>>> parse(b'<alto><Layout><Page><TextLine><String CONTENT="Hi"/></TextLine></Page></Layout></alto>').format
'alto'
>>> parse("Dear Sir,\\fYours").text()
'Dear Sir,\\x0cYours'
"""
from __future__ import annotations

import codecs
import os
import re
from collections.abc import Callable
from pathlib import Path

from ocrfix.errors import OcrfixError
from ocrfix.io.alto import parse_alto
from ocrfix.io.files import decode_text, read_bytes, read_text
from ocrfix.io.hocr import parse_hocr
from ocrfix.io.model import Document
from ocrfix.io.pagexml import parse_page
from ocrfix.io.text import from_text

FORMATS = ("text", "hocr", "alto", "page")

_BY_EXTENSION = {".txt": "text", ".hocr": "hocr", ".html": "hocr", ".htm": "hocr", ".xhtml": "hocr"}
_BY_ROOT = {"alto": "alto", "pcgts": "page", "html": "hocr"}
# The first element's name, after any XML declaration, comments, DOCTYPE and processing instructions.
_ROOT = re.compile(r"\A\s*(?:<\?.*?\?>\s*|<!--.*?-->\s*|<!DOCTYPE(?:[^\[>]|\[.*?\])*>\s*)*<([A-Za-z_][\w.:-]*)", re.S)
_SNIFF_BYTES = 16384


def read(path: str | os.PathLike[str], format: str | None = None) -> Document:
    """Read the OCR file at ``path`` (format as given, else by extension, else sniffed)."""
    source = os.fspath(path)
    data = read_bytes(path)
    suffix = Path(source).suffix.lower()
    if format is None:
        format = _BY_EXTENSION.get(suffix) or sniff(data)
        if format == "text" and suffix == ".xml":
            raise OcrfixError(_not_ocr_xml(data), source)
    return parse(data, format, source=source)


def read_as_text(path: str | os.PathLike[str]) -> str:
    """The text of the OCR file at ``path``: plain text as it is, character for character (``\\r\\n`` kept);
    hOCR, ALTO and PAGE XML as their :meth:`Document.text` (pages joined by form feeds). What ``ocrfix score``
    compares with the ground truth.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "page.xml").write_text('<alto><Layout><Page><TextLine><String CONTENT="Dear"/><SP/>'
    ...                                      '<String CONTENT="Sir,"/></TextLine></Page></Layout></alto>')
    >>> _ = (folder / "page.txt").write_bytes(b"Dear Sir,\\r\\n")
    >>> read_as_text(folder / "page.xml"), read_as_text(folder / "page.txt")
    ('Dear Sir,', 'Dear Sir,\\r\\n')
    """
    document = None if Path(path).suffix.lower() == ".txt" else read(path)
    return read_text(path) if document is None or document.format == "text" else document.text()


def _not_ocr_xml(data: bytes) -> str:
    """Why a ``.xml`` file that sniffs as text is refused: empty, not XML, or XML of another kind.

    >>> _not_ocr_xml(b" \\n"), _not_ocr_xml(b"<svg/>")
    ('empty file, expected hOCR, ALTO or PAGE XML', 'XML whose root <svg> is neither hOCR, ALTO nor PAGE')
    """
    if not data.strip():
        return "empty file, expected hOCR, ALTO or PAGE XML"
    root = _ROOT.match(data[:_SNIFF_BYTES].decode("utf-8", errors="ignore").removeprefix("\ufeff"))
    if root is None:
        return "not XML: a .xml file is read as hOCR, ALTO or PAGE (name plain text .txt)"
    return f"XML whose root <{root.group(1)}> is neither hOCR, ALTO nor PAGE"


def parse(data: bytes | str, format: str | None = None, source: str | None = None) -> Document:
    """Read OCR output held in memory; ``source`` names it in errors and on the document."""
    format = format or sniff(data)
    readers: dict[str, Callable[[bytes | str, str | None], Document]] = {
        "hocr": parse_hocr, "alto": parse_alto, "page": parse_page,
    }
    if format == "text":
        return from_text(data if isinstance(data, str) else decode_text(data, source), source=source)
    if format not in readers:
        raise OcrfixError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}", source)
    if isinstance(data, bytes) and b"\x00" in data[:8192] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise OcrfixError("binary file (NUL bytes), not XML", source)
    return readers[format](data, source)


def sniff(data: bytes | str) -> str:
    """The format ``data`` looks like: ``"alto"``, ``"page"``, ``"hocr"`` or ``"text"``.

    >>> sniff('<?xml version="1.0"?><PcGts xmlns="http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"/>')
    'page'
    >>> sniff("<illegible> is not XML")
    'text'
    """
    head = data[:_SNIFF_BYTES]
    if isinstance(head, bytes):
        utf16 = head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
        head = head.decode("utf-16" if utf16 else "utf-8", errors="ignore")
    match = _ROOT.match(head.removeprefix("\ufeff"))
    if match is None:
        return "text"
    return _BY_ROOT.get(match.group(1).rpartition(":")[2].lower(), "text")
