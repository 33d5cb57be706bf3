"""The one way ocrfix parses XML: safely, with errors that name the file.

The parser never touches the network, never loads a DTD, never resolves an
entity and keeps libxml2's size limits (``huge_tree=False``). A document
whose DOCTYPE declares entities is refused outright: that is how
"billion laughs" bombs and external-entity (XXE) attacks are built, and no
OCR format needs it. Entity *references* left in a document (such as
``&nbsp;`` in XHTML hOCR, whose DTD is never loaded) are read as the HTML
character they name.

>>> root = parse_xml(b"<alto><Page/></alto>", "page.xml")
>>> root.tag
'alto'
>>> parse_xml(b"<alto><Page></alto>", "page.xml")
Traceback (most recent call last):
...
ocrfix.errors.OcrfixError: page.xml: malformed XML at line 1, column 20: Opening and ending tag mismatch: Page line 1 and alto
"""
from __future__ import annotations

import html.entities
import os
import re

from lxml import etree

from ocrfix.errors import OcrfixError
from ocrfix.io.files import decode_text

_ENTITIES_REFUSED = "refused: the DOCTYPE declares entities (possible entity bomb or external entity)"
_ENTITY_DECLARATION = re.compile(rb"<!DOCTYPE[^\[>]*\[[^\]]*<!ENTITY")
_PROLOG_BYTES = 65536
_POSITION = re.compile(r",? line \d+, column \d+$")


def xml_parser(*, encoding: str | None = None) -> etree.XMLParser:
    """A new lxml parser with every dangerous feature off.

    ``encoding`` overrides the document's own declaration (used for text that
    was already decoded).
    """
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        encoding=encoding,
    )


def parse_xml(data: bytes | str, path: str | os.PathLike[str] | None = None) -> etree._Element:
    """Parse ``data`` into its root element, or raise a one-line :class:`OcrfixError`."""
    encoding = None
    if isinstance(data, str):
        data, encoding = data.encode("utf-8"), "utf-8"
    if not data.strip():
        raise OcrfixError("empty file, expected XML", path)
    # The parser is safe either way; looking first gives hostile files a clear message.
    if _ENTITY_DECLARATION.search(data[:_PROLOG_BYTES]):
        raise OcrfixError(_ENTITIES_REFUSED, path)
    try:
        root = etree.fromstring(data, xml_parser(encoding=encoding))
    except etree.XMLSyntaxError as error:
        raise OcrfixError(_syntax_problem(error), path) from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise OcrfixError(_ENTITIES_REFUSED, path)
    return root


def parse_html(data: bytes | str, path: str | os.PathLike[str] | None = None) -> etree._Element:
    """Parse HTML (hOCR that is not XML) with the same safeguards; HTML has no entity declarations."""
    if isinstance(data, bytes):
        data = decode_text(data, path)
    parser = etree.HTMLParser(no_network=True, huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise OcrfixError(f"cannot parse as HTML: {error.msg}", path) from None
    # HTML parsing forgives, but past a size limit (elements nested 256 deep) it stops: the rest would be lost
    fatal = next((entry for entry in parser.error_log if entry.level_name == "FATAL"), None)
    if fatal is not None:
        raise OcrfixError(f"cannot parse as HTML at line {fatal.line}: {fatal.message.strip()}", path)
    if root is None:
        raise OcrfixError("empty HTML document", path)
    return root


def text_content(element: etree._Element) -> str:
    """All text inside ``element`` (not its tail), entity references read as HTML characters."""
    parts = [element.text or ""]
    for node in element.iterdescendants():
        if isinstance(node, etree._Entity):
            parts.append(_entity_text(node))
        elif isinstance(node.tag, str):
            parts.append(node.text or "")
        parts.append(node.tail or "")
    return "".join(parts)


def local_name(element: etree._Element) -> str:
    """The tag without its namespace: ``{http://...}TextLine`` -> ``TextLine``."""
    return etree.QName(element).localname


def _entity_text(node: etree._Entity) -> str:
    codepoint = html.entities.name2codepoint.get(node.name)
    return chr(codepoint) if codepoint is not None else node.text


def _syntax_problem(error: etree.XMLSyntaxError) -> str:
    """lxml's message on one line, its position moved to the front."""
    message = _POSITION.sub("", (error.msg or "cannot parse").strip().splitlines()[0])
    line, column = error.position if error.position else (error.lineno, 0)
    where = f"line {line}, column {column}" if column else f"line {line}"
    return f"malformed XML at {where}: {message}"
