"""Plain text into the document model: form feed = page break, newline = line break.

Line endings ``\\r\\n`` and ``\\r`` count as newlines; everything else is kept,
so ``from_text(text).text() == text`` for text with ``\\n`` line endings.

>>> document = from_text("Dear  Sir,\\nI am\\fYours")
>>> [page.number for page in document.pages], document.pages[0].lines[0].words[1].text
([1, 2], 'Sir,')
>>> document.text()
'Dear  Sir,\\nI am\\x0cYours'
"""
from __future__ import annotations

import re

from ocrfix.io.model import Document, Line, Page, Word

_NEWLINE = re.compile(r"\r\n|\r|\n")


def from_text(text: str, source: str | None = None) -> Document:
    """Split ``text`` into pages (``\\f``), lines and whitespace-separated words."""
    pages = [
        Page([_line(raw) for raw in _NEWLINE.split(page)], number=index)
        for index, page in enumerate(text.split("\f"), start=1)
    ]
    return Document(pages, source=source, format="text")


def _line(raw: str) -> Line:
    return Line([Word(word) for word in raw.split()], raw=raw)
