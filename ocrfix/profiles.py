"""Normalisation profiles: what "the same text" means before two texts are compared.

Every score records the profile it was computed under. Three profiles:

``exact``
    The text as it is, code point for code point.
``default``
    Unicode NFC, then every run of whitespace collapsed to one space, ends stripped.
``relaxed``
    NFC; typographic quotes, dashes and ligatures folded to ASCII; a line-end ``¬``
    or hyphen + newline joined; whitespace collapsed as in ``default``; case folded
    -- in that order.

>>> normalize("  Caf\\u0065\\u0301\\n au   lait ")
'Café au lait'
>>> normalize("\\u201cFine\\u201d \\ufb01sh \\u2014 exam-\\nple", "relaxed")
'"fine" fish - example'
>>> normalize(" a  b ", "exact")
' a  b '
"""
from __future__ import annotations

import re
import unicodedata

from ocrfix.errors import OcrfixError

PROFILES = ("exact", "default", "relaxed")

# Typographic characters and their ASCII spelling under the ``relaxed`` profile.
_FOLDS = {
    # single quotes, apostrophes, primes and single guillemets
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u2039": "'", "\u203a": "'",
    # double quotes, double primes and guillemets
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    # hyphens, dashes and the minus sign
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-",
    "\u2015": "-", "\u2212": "-", "\u2043": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    # typographic ligatures (Unicode presentation forms)
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
}
_FOLD_TABLE = str.maketrans(_FOLDS)

# A line-end "¬" or hyphen, then the line break (or page break), joins the two lines.
_LINE_END_HYPHEN = re.compile(r"[¬-][ \t]*(?:\r\n|\r|\n|\f)[ \t]*")
_WHITESPACE = re.compile(r"\s+")


def collapse_whitespace(text: str) -> str:
    """Every run of whitespace (any Unicode space, tab, newline, form feed) as one space, ends stripped.

    >>> collapse_whitespace(" a\\t\\n b\\f")
    'a b'
    """
    return _WHITESPACE.sub(" ", text).strip()


def fold_typography(text: str) -> str:
    """Typographic quotes, dashes and ligatures as ASCII.

    >>> print(fold_typography("\\u2018o\\ufb00\\u2019 \\u2013 \\u00abok\\u00bb"))
    'off' - "ok"
    """
    return text.translate(_FOLD_TABLE)


def join_line_end_hyphens(text: str) -> str:
    """Join a word split by ``¬`` or ``-`` at the end of a line.

    >>> join_line_end_hyphens("exam-\\nple and re¬ \\n  port")
    'example and report'
    """
    return _LINE_END_HYPHEN.sub("", text)


def normalize(text: str, profile: str = "default") -> str:
    """``text`` under the named profile (``exact``, ``default`` or ``relaxed``).

    >>> normalize("  Dear\\n\\n Sir ,"), normalize("“Co-\\noperation” — ﬁne", "relaxed")
    ('Dear Sir ,', '"cooperation" - fine')
    """
    if profile == "exact":
        return text
    if profile == "default":
        return collapse_whitespace(unicodedata.normalize("NFC", text))
    if profile == "relaxed":
        text = fold_typography(unicodedata.normalize("NFC", text))
        return collapse_whitespace(join_line_end_hyphens(text)).casefold()
    raise OcrfixError(f"unknown normalisation profile {profile!r} (choose from {', '.join(PROFILES)})")
