"""Specks and printed rules: lines of marks that are no text.

Dirt, show-through and broken type on a scan are read as a line of scattered marks (". ,- ' ~ .") or one mark
alone inside a sentence; a printed rule ("______", "---") or an asterism ("* * *") is set on purpose. Specks go
wherever they stand; a rule goes only where it is a page's (under its head, or between pages inside a sentence).

>>> speck(". ,- ' ~ ."), speck("* * *"), speck("..."), speck("});"), speck("—")
(True, False, False, False, False)
"""
from __future__ import annotations

from ocrfix.strategies.layout.lines import RUNS_ON, Line, Lines
from ocrfix.strategies.layout.reflow import rule


# What dirt, show-through and broken type leave on a scan, read as marks: points, commas, quotes, ticks,
# short dashes. Not the marks a page sets on a line of their own on purpose (asterisms, bullets, rules,
# brackets and code's punctuation).
SPECK_MARKS = frozenset(".,'‘’`´~^-–;:\"“”„¬")
SPECK_CHARS = 12   # a speck line holds at most this many marks
_LONE_MARKS = ".,'‘’`´^~"   # dirt read as one mark, a line of its own inside a sentence
RULE_MARKS = "_-\u2010\u2013\u2014\u2015=~*·"   # what a printed rule is read as
DIRT_MARKS = SPECK_MARKS | set(RULE_MARKS)   # what a line of specks or a rule starts with


def speck(content: str) -> bool:
    """Is the line only dirt read as marks: a few points, commas, quotes or short dashes, two kinds at
    least, no letter or digit (". ,- ' ~ .")? A line of one mark repeated ("...", "* * *", "—") is set on
    purpose (a leader, an asterism, a rule) and stays, as does any line with a mark no speck makes."""
    marks = content.replace(" ", "").replace("\t", "")
    return len(marks) <= SPECK_CHARS and len(set(marks)) >= 2 and SPECK_MARKS.issuperset(marks)


def lone_mark(items: list[Line], line: Line, width: int) -> bool:
    r"""Is ``line`` one or two of a mark that prose never sets alone on a line (a point, a comma, a quote, an accent, a
    caret, a tilde), standing inside a sentence that runs on from one full line of text to the next ("forward in the
    southern counties, and" / "'" / "the hay crop")? A listing's "." and ".." lines stand among short lines.

    >>> lines = Lines.scan("a sentence that runs on over the line and\n'\nthe next line goes on with it to its end.")
    >>> lone_mark(lines.items, lines.items[1], 44), lone_mark(lines.items, lines.items[1], 100)
    (True, False)
    """
    marks = line.content.replace(" ", "")
    if len(marks) > 2 or len(set(marks)) > 1 or marks[0] not in _LONE_MARKS or line.raw_start != line.start:
        return False
    index = line.index
    if not 0 < index < len(items) - 1 or line.blank_before or items[index + 1].blank_before:
        return False
    before, after = items[index - 1].content, items[index + 1].content
    return (2 * min(len(before), len(after)) >= width and (before[-1].islower() or before[-1] in RUNS_ON)
            and after[0].islower())


def printed_rule(content: str) -> bool:
    """A line of one mark repeated, a mark a printed rule is read as.

    >>> printed_rule("______"), printed_rule("———"), printed_rule("III"), printed_rule("...")
    (True, True, False, False)
    """
    return content[0] in RULE_MARKS and rule(content)
