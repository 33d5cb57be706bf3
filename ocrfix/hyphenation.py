"""The marks that break a word at the end of a line.

The layout strategy joins the word's halves again (:mod:`ocrfix.strategies.layout.hyphens`); the dictionary
strategy reads a word broken so, or a compound's hyphen set before a space, as one token
(:mod:`ocrfix.strategies.dictionary.tokens`).
"""
from __future__ import annotations

#: Characters that end a line in a hyphenated word: hyphen-minus, hyphen, non-breaking hyphen,
#: the soft hyphen, the "¬" that some engines (ABBYY FineReader) write for a line-end hyphen, and the double
#: oblique hyphen "⸗" of black-letter and Fraktur print, which engines trained on it keep (compounds and breaks alike).
HYPHENS = "-\u2010\u2011\u00ad\u00ac\u2e17"
#: What OCR engines read a line-end hyphen as (a tilde, an equals sign, an en or em dash, a colon, a full stop):
#: believed only where the joined word is known.
MISREAD_HYPHENS = "~=\u2013\u2014:."
