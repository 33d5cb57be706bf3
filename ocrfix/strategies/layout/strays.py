"""Stray marks: dirt and broken type that an engine reads as an accent or a caret standing alone.

A speck on a scanned page, read as a mark, lands between words: "LAND SALE. ^ ...".
Only marks that print never sets alone are taken for specks: the caret and the
spacing accents (grave ` and acute ´, diaeresis, macron, cedilla, breve, ring,
ogonek, tilde and circumflex as modifier letters). An accent exists to sit on a
letter and a caret is a proof-reader's or a programmer's sign, not a printer's;
a token of nothing else, inside a line of words, is dirt. Marks that prose sets
alone (quotes, dashes, bullets, brackets, &, §, ¶, *, †) stay, and so do marks an
engine prints for a letter or a rule of the text: "|" (for "I", "l", "1" or a
column rule), "~" (for a small word, "a" above all, or a dash) and "¬" (the
engines' line-end hyphen, or a misread dash). On our held-out OCR (Tesseract and
RapidOCR, seven sets), deleting a lone "~" was harmful 22 times in 37 and a lone
"|" 8 times in 12: each mostly stood for a lost letter ("in ~ client", "| shall").

A caret between two words where the word "a" fits both is a broken "a" that some engines (ocrad) print
as one ("kept at ^ constant heat"): left for the dictionary to read (``words``, its offsets). So is any caret
after a word in lower case, where the sentence runs on: there it stands where a letter or a small word was
("riding ^ bicycle", "for ^ is" for "his"), and deleting it loses that place as well (on ocrad and gocr
output of our held-out scans, deleting such carets was harmful 7 times in 9); after a stop, a figure or at
a line's start ("LAND SALE. ^ ...") it is dirt.

Code and formulae set the caret alone ("a ^ b", "2 ^ 10"): a mark between
operands (numbers, single characters), or in a line with code or an equation in
it, stays. So does a mark that the text names, as a noun: after a determiner
("the ^ operator") or coordinated with another mark ("the characters $ and `").

>>> strays("LAND SALE. ^ ... the sale"), strays("was riding ^ bicycle home")
([(10, 12)], [])
>>> strays("` The house was let ´ to a tenant")
[(0, 2), (19, 21)]
>>> strays("the value a ^ b is"), strays("the result = foo ^ bar"), strays("^ ^")
([], [], [])
>>> strays("use the ^ and $ operators"), strays("the characters $ and ` stay"), strays("use $() instead of `` here")
([], [], [])

A second stop set alone at a line's end, after a word that already ends in one ("Aaron's sons. ;", "ashib: :",
"the plain. ‘"), is dirt at the margin read as a mark: no text ends a sentence twice (``trailing_speck``). A
comma after a stop follows an abbreviation ("10 per cent. ,"), and a closing quote may be spaced ("he said. ’"):
both stay, and so does a spaced ellipsis (". . .": no word before the last point).
"""
from __future__ import annotations

import re
from typing import Collection

from ocrfix.codes import is_code_or_address

# the caret; the grave, acute, diaeresis, macron and cedilla of Latin-1; the spacing modifier letters
STRAY_MARKS = "^`\u00b4\u00a8\u00af\u00b8\u02c6\u02c7\u02d8\u02d9\u02da\u02db\u02dc\u02dd"
MARK = re.compile(f"[{re.escape(STRAY_MARKS)}]")
STRAY = re.compile(f"(?<!\\S){MARK.pattern}{{1,3}}(?!\\S)")
_WORD = re.compile(r"[^\W\d_]{2}")            # a token with two letters running is a word, however misread
_OPERAND = re.compile(r"[^\W_]|[\d.,]*\d[\d.,]*")   # a number or a single letter or digit: a formula's operand
_EQUATION = re.compile(r"(?:^|\s)(?:=|==|!=|:=|<=|>=)(?:\s|$)")   # an equals sign set alone: code or mathematics
_SYMBOL = re.compile(r"[^\w\s]+")              # a token of marks alone
_DETERMINERS = frozenset(("the", "a", "an", "this", "that"))
MIN_WORDS = 2   # a line of words: at least this many besides the mark
_BACKTICKS = ("``", "```")   # TeX's opening quotes, the shell's and markdown's backquotes: set on purpose
TRAILING_MARKS = ".:;‘"   # a line ending in one of these, after a space, may end in a speck
_STOPS = ".!?:;"


def strays(content: str, words: Collection[int] = ()) -> list[tuple[int, int]]:
    """The spans in a line's ``content`` to delete: each stray mark with one of the spaces beside it, but
    the marks at ``words`` (offsets of marks printed for a word)."""
    found = list(STRAY.finditer(content))
    if not found:
        return []
    tokens = content.split()
    if (sum(1 for token in tokens if _WORD.search(token)) < MIN_WORDS or _EQUATION.search(content)
            or any(map(is_code_or_address, tokens))):
        return []
    spans: list[tuple[int, int]] = []
    for match in found:
        start, end = match.span()
        before, after = content[:start].split()[-2:], content[end:].split()[:2]
        if any(_OPERAND.fullmatch(token) for token in before[-1:] + after[:1]) or _named(before, after) \
                or start in words or match.group() == "^" and before[-1:] and before[-1][-1].islower() \
                or match.group() in _BACKTICKS:
            continue
        if start and content[start - 1] in " \t" and not (spans and spans[-1][1] == start):
            start -= 1
        elif end < len(content) and content[end] in " \t":
            end += 1
        spans.append((start, end))
    return spans


def _named(before: list[str], after: list[str]) -> bool:
    """Does the text name the mark between the tokens ``before`` and ``after`` it (two on each side)?"""
    if before and before[-1].lower() in _DETERMINERS:
        return True
    return any(len(side) == 2 and side[0] in ("and", "or") and bool(_SYMBOL.fullmatch(side[1]))
               for side in (before[::-1], after))


def trailing_speck(content: str) -> bool:
    """Does the line ``content`` end in a speck read as a stop, set alone after a word that ends in a stop?

    >>> trailing_speck("Eleazar and Ithamar, Aaron's sons. ;"), trailing_speck("ashib: :")
    (True, True)
    >>> trailing_speck("and so it went on. . ."), trailing_speck("10 per cent. ,"), trailing_speck("all: ;")
    (False, False, True)
    >>> trailing_speck("see http://a.org/x. ;")
    False
    """
    if content[-2:-1] != " " or content[-1:] not in TRAILING_MARKS:
        return False
    before = content[:-2].rsplit(None, 1)[-1:]
    return (bool(before) and before[0][-1] in _STOPS and any(char.isalnum() for char in before[0])
            and not is_code_or_address(before[0]))
