"""Page numbers: a line that is a page's number ("- 2 -", "Page 3 of 7", "xiv"), and a number at a head's edge.

A page number stands alone at a page's head or foot, or at one edge of its running head ("41 THE KING'S POST").
Set off by dashes or named ("page", "of"), it is unmistakable anywhere; a bare "2" or "iv" is a page number only
where a page begins or ends. OCR misreads some ("I71", "o9", "8S"): those are known by where they stand.

>>> page_number("- 2 -"), page_number("Page 3 of 7"), page_number("xiv"), page_number("the end")
((2, True), (3, True), (14, False), None)
"""
from __future__ import annotations

import re
from functools import cache

import numpy as np

from ocrfix.strategies.layout.lines import Line, LineCodes


PAGE_NUMBER = re.compile(
    r"^(?P<open>[\-\u2010-\u2015=~_.·*\s\[(]*)(?P<word>(?:page|p\.|pg\.?)\s*)?"
    r"(?P<num>\d{1,4}|[ivxlcdm]{1,8}|[IVXLCDM]{1,8})(?P<of>\s*(?:of|/)\s*\d{1,4})?"
    r"(?P<close>[\-\u2010-\u2015=~_.·*\s\])]*)$",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"^m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_DASHES = set("-\u2010\u2011\u2012\u2013\u2014\u2015=~")
# a page number beside a head's words: "41 THE KING'S POST", "Roads and Coaches 43" (not "6. I therefore")
_EDGE_NUMBER = re.compile(r"^(\d{1,4})\s+(?=[^\W\d_])|(?<=[^\W\d_])[.,]?\s+(\d{1,4})$")
# a short line of digits and the characters OCR confuses with them
GARBLED_NUMBER = re.compile(r"^(?=.*\d)[\dIlO|oS$]{1,4}$")


def page_number(content: str) -> tuple[int, bool] | None:
    """(value, unmistakable?) when the whole line is a page number, else None.

    "- 2 -" and "Page 2 of 7" are unmistakable; a bare "2" or "iv" is a page
    number only where a page begins or ends.
    """
    match = PAGE_NUMBER.match(content)
    if not match:
        return None
    number = match.group("num")
    if number.isdigit():
        value = int(number)
    else:
        lower = number.lower()
        if not _ROMAN.match(lower):
            return None
        value = _roman_value(lower)
    dashed = bool(_DASHES & set(match.group("open"))) and bool(_DASHES & set(match.group("close")))
    return value, bool(match.group("word") or match.group("of") or dashed)


def dashed_number(content: str) -> bool:
    """Is the line ``content`` a page number with a dash on one side at least ("- 2", "2 -", "- 2 -": OCR may lose
    one of a typescript's dashes)?

    >>> dashed_number("- 2"), dashed_number("2 -"), dashed_number("2"), dashed_number("- two")
    (True, True, False, False)
    """
    return bool(_DASHES & set(content)) and page_number(content) is not None


def _roman_value(numeral: str) -> int:
    total = 0
    for char, following in zip(numeral, numeral[1:] + " "):
        value = _ROMAN_VALUES[char]
        total += -value if following != " " and _ROMAN_VALUES[following] > value else value
    return total


def misread_foot(line: Line) -> bool:
    """Is ``line`` a page's foot as OCR may misread it: four characters or less holding a digit ("$2", "8S"), or three
    letters or less after a blank line ("Ro" for "84", a speck read as "sd")?"""
    foot = line.content
    return (len(foot) <= 4 and any(map(str.isdigit, foot))
            or len(foot) <= 3 and foot.isalpha() and bool(line.blank_before))


def digit_at_edge(content: str) -> bool:
    """Does the line ``content`` start or end with a digit, as a line holding a page number does?"""
    return content[0].isdigit() or content[-1].isdigit()


@cache
def decimal_digits() -> np.ndarray:
    """Per code point up to U+FFFF, whether it is a digit (``\\d``); the last entry, for all beyond, is true: a table
    for :meth:`.LineCodes.holding` that finds every line a search for a digit would (a regex search costs ~200
    instructions a character).

    >>> codes = LineCodes(["no", "page 12", "\u0663", "\U0001d7d8", ""])
    >>> codes.holding(decimal_digits().take(codes.codes, mode="clip")).tolist()
    [False, True, True, True, False]
    """
    return np.array([chr(code).isdecimal() for code in range(0x10000)] + [True])


@cache
def not_in_page_number() -> np.ndarray:
    """Per code point up to U+007F, whether it is an ASCII character that :data:`PAGE_NUMBER` matches nowhere (a
    letter not of "page", "pg", "p.", "of" or a roman numeral; a mark not among its dashes, points and brackets);
    the last entry, for all beyond ASCII (its dashes, "·", and letters that match a roman numeral's ignoring case),
    is false: a table for :meth:`.LineCodes.holding`, lines holding none of these may be page numbers.

    >>> codes = LineCodes(["- 12 -", "Page 3 of 7", "xiv", "the end", "12,", "\u2014 4 \u2014"])
    >>> (~codes.holding(not_in_page_number().take(codes.codes, mode="clip"))).tolist()
    [True, True, True, False, False, True]
    """
    allowed = set("0123456789" "ivxlcdm" "pageof" "IVXLCDM" "PAGEOF" "-=~_.*[]()/")
    return np.array([not (chr(code) in allowed or chr(code).isspace()) for code in range(128)] + [False])


def edge_number(content: str) -> re.Match[str] | None:
    """``_EDGE_NUMBER.search(content)``, tried only on a line that starts or ends with a digit (most lines do neither,
    and the search tries its second alternative at every position).

    >>> edge_number("41 THE KING'S POST").group(1), edge_number("Roads and Coaches 43").group(2)
    ('41', '43')
    >>> print(edge_number("6. I therefore"))
    None
    """
    return _EDGE_NUMBER.search(content) if content[:1].isdigit() or content[-1:].isdigit() else None


def heads_count_on(first: str, later: str) -> bool:
    """Do ``first`` and ``later`` both carry a number at an edge, as the heads of a book's pages do, the later one to
    four more (a page or a few on: the heads between garbled or left out), at the same edge where it is even more (a
    left page's head two pages on, "56 ATOMIC COMMIT" / "58 ATOMIC COMMIT") and at the other where odd (the facing
    page's, "8 PASSAGE" / "PASSAGE 9")? Numbered headings keep their number at one edge, counting by one.

    >>> heads_count_on("56 ATOMIC COMMIT", "58 ATOMIC COMMIT"), heads_count_on("56 ATOMIC COMMIT", "ATOMIC COMMIT 57")
    (True, True)
    >>> heads_count_on("ATOMIC COMMIT 24", "ATOMIC COMMIT 25"), heads_count_on("56 ATOMIC COMMIT", "ATOMIC COMMIT")
    (False, False)
    """
    a, b = edge_number(first), edge_number(later)
    if a is None or b is None:
        return False
    more = int(b.group(1) or b.group(2)) - int(a.group(1) or a.group(2))
    return 0 < more <= 4 and (more % 2 == 1) == ((a.group(1) is None) != (b.group(1) is None))
