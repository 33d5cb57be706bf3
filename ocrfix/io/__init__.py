"""Reading OCR output and ground truth, and writing results safely.

``ocrfix.io`` loads plain text, hOCR, ALTO and PAGE XML into one document
model and writes outputs atomically.

>>> doc = from_text("page one\fpage two")
>>> [page.text for page in doc.pages], doc.format
(['page one', 'page two'], 'text')
>>> parse('<alto><Layout><Page><TextLine><String CONTENT="Dear"/><SP/><String CONTENT="Sir,"/>'
...       '</TextLine></Page></Layout></alto>').text()
'Dear Sir,'
"""
from ocrfix.io.files import (check_writable, decode_text, read_bytes, read_json, read_text, refuse_inputs, write_bytes_atomic,
                             write_text_atomic)
from ocrfix.io.model import Document, Line, Page, Word
from ocrfix.io.reader import FORMATS, parse, read, read_as_text, sniff
from ocrfix.io.text import from_text

__all__ = [
    "FORMATS", "Document", "Line", "Page", "Word", "check_writable", "decode_text", "from_text", "parse", "read",
    "read_as_text", "read_bytes", "read_json", "read_text", "refuse_inputs", "sniff", "write_bytes_atomic", "write_text_atomic",
]
