"""Markup a vision-language engine writes around its text, seen through so that copies compare by their text.

An engine re-emits its last sentence in other markup ("<p>The board met.</p>" then "The board met.", "**S** S"):
lines and tokens holding tags or bold marks are compared by the text they mark (:func:`without_markup`). A
heading keeps its markup: a title line repeated as the document's heading is no echo. Markup also tells table
cells (:func:`has_text`, :func:`one_cell`): empty or equal cells of a row repeat as leaders do, so only a long run
of them is a loop.

>>> without_markup("<p>The board met.</p>").split(), has_text("<td></td>"), one_cell("| Yes")
(['The', 'board', 'met.'], False, True)
"""
from __future__ import annotations

import re

import numpy as np

from ocrfix.strategies.dedup.loop import LETTER
from ocrfix.tokenspans import offsets

# Markup a vision-language engine may put on one copy of a line and not on its echo: HTML/XML tags
# ("<p>", "<br/>") and "**" or "__" around text; markdown's quote and list markers opening the line.
_TAG = r"</?[A-Za-z][\w:-]*+(?:\s[^<>]*+)?/?>"
_MARKUP = re.compile(_TAG + r"|\*\*(?<![*\w]\*\*)(?=[^\s*])(.+?)(?<=[^\s*])\*\*(?![*\w])"
                     r"|__(?<![_\w]__)(?=[^\s_])(.+?)(?<=[^\s_])__(?![_\w])")
BOLD = re.compile(r"\*\*|__")
_ENDS_IN_TAG = re.compile(f"(?:{_TAG})$")
# Tags and character references: a unit of these alone ("<td></td>", "<td>&nbsp;</td>") is an empty table cell.
TAG_OR_ENTITY = re.compile(_TAG + r"|&#?\w+;")
_TAG_STARTS = frozenset("/abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")  # what follows a tag's "<"
_LINE_MARKUP = re.compile(r"(?:[>*-][ \t]+)+")
# A heading keeps its markup ("#" too) when compared: a document's title line repeated as its heading is no echo
# (a line holding its opening or closing tag; inside a line, a token holding one).
HEADING = re.compile(r"</?(?:h[1-6]|title)[\s>]", re.IGNORECASE)
# first and last characters of a line that may hold markup (127: all above)
OPENS_MARKUP, CLOSES_MARKUP = (np.array([char in marks for char in map(chr, range(128))]) for marks in ("<*_>-", ">*_"))


def tag_starts(text: str) -> list[int]:
    """Where ``text``'s tags may start: each "<" before a letter or "/".

    >>> tag_starts("a < b <p>c</p>")
    [6, 10]
    """
    return [place for place in offsets(text, "<") if text[place + 1:place + 2] in _TAG_STARTS]


def ends_in_tag(text: str) -> bool:
    """Does ``text`` end with a whole tag ("Notes</td><td>")?

    >>> ends_in_tag("Notes</td><td>"), ends_in_tag("a->")
    (True, False)
    """
    return text[-1:] == ">" and _ENDS_IN_TAG.search(text) is not None


def without_markup(line: str) -> str:
    """``line`` with its markup (``_MARKUP``) turned into spaces, the text it marks kept (``line`` itself if it
    has none).

    >>> without_markup("- <b>The **annual** accounts</b><br/>").split()
    ['The', 'annual', 'accounts']
    """
    opening = _LINE_MARKUP.match(line) if line[:1] in ">*-" else None
    if opening:
        line = line[opening.end():]
    if len(line) > 2 and line[0] in "*_" and line[-1] == line[0] and line[1] not in " *_" and line[-2] not in " *_":
        line = line[1:-1]  # "*Figure 3. Rainfall, 1990 to 2000.*": the line in italics
    if "<" not in line and "**" not in line and "__" not in line:  # most lines: no pass of the pattern
        return line
    return _MARKUP.sub(lambda match: f" {match.group(1) or match.group(2) or ''} ", line)


def has_text(unit: str) -> bool:
    """Does ``unit`` hold a letter outside tags and character references? Empty cells of a table row
    ("<td></td>" six times) repeat as leaders do: only a long run of them is a loop. The unit may start
    anywhere in its copies ("td></td><"): it is read twice over, from the first mark of markup to the last
    (which holds each of its characters once at least when its markup is whole).

    >>> has_text("<td></td>"), has_text("td></td><"), has_text("<td>&nbsp;</td>"), has_text("a</td><td>Ann")
    (False, False, False, True)
    >>> has_text("AT&T"), has_text("a < b")
    (True, True)
    """
    if not LETTER.search(unit):
        return False
    if "<" not in unit and "&" not in unit:
        return True
    twice = unit * 2
    markup = list(TAG_OR_ENTITY.finditer(twice))
    if not markup:
        return True
    return bool(LETTER.search(TAG_OR_ENTITY.sub(" ", twice[markup[0].start():markup[-1].end()])))


def one_cell(unit: str) -> bool:
    """Is ``unit`` one cell of a table row with its border ("| Yes", "& Yes", "<td>Yes</td>", read from
    anywhere in it: "/td><td>Yes<")? Equal cells of a row ("| Yes | Yes | Yes |", a feature matrix) repeat as
    empty cells do: only a long run of them is a loop.

    >>> one_cell("| Yes"), one_cell("& Yes"), one_cell("td><td>Yes</"), one_cell("| 1 | Apple"), one_cell("Yes")
    (True, True, True, False, False)
    """
    cyclic = unit + unit[:3]  # each copy's closing tag once, wherever the copy is cut
    return unit.count("|") + unit.split().count("&") + cyclic.count("/td>") + cyclic.count("/th>") == 1

