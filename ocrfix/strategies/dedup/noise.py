"""Copies that differ: by OCR noise (a loop drifting) or by a number counted on (a counter loop).

An engine's loop re-reads its copies, each with misreadings of its own ("proverfet" / "provenfet"), or counts on
("Article 2", "Article 3" over the same body). Rows of a table or an enumeration differ by more: by whole words,
or by a number (a changed figure is no misreading; one counted on by one is a counter).

>>> noise_only("the cornments were noted".split(), "the comments were noted".split()), counts_on("page 9", "page 10")
(True, True)
>>> noise_only("see PR 95823".split(), "see PR 95824".split()), noise_only("mode BGR".split(), "mode BGRX".split())
(False, False)
"""
from __future__ import annotations

import re
from typing import Any

from rapidfuzz.distance import Levenshtein

NUMBER = re.compile(r"\d+")
NO_DIGITS = {ord(digit): None for digit in "0123456789"}


def noise_only(a: list[str], b: list[str]) -> bool:
    """Do two token lists differ only as OCR noise does, not by whole words or numbers?

    Noise: a few words (one per eight) each misread by one character (two in a
    word of six or more: "proverfet" / "provenfet", "comments" / "cornments"),
    and stray punctuation. Table rows and enumerations differ by more
    ("grsec-sock-all" / "grsec-sock-clt", "BGR" and "blue/green/red" at once).
    """
    changed = 0
    for op in Levenshtein.editops(a, b):
        if op.tag == "replace":
            x, y = a[op.src_pos], b[op.dest_pos]
            if _mark_misread(x, y):
                changed += 1
                continue
            shorter = min(len(x), len(y))
            if shorter < 4 or Levenshtein.distance(x, y) > (2 if shorter >= 6 else 1):
                return False  # "b" / "c", "BGR" / "BGRX": different words
            if any(_digit_changed(x, y, char_op) for char_op in Levenshtein.editops(x, y)):
                return False  # "95823" / "95824", "gzip-2.2" / "gzip-2": a different number, not noise
            changed += 1
        else:
            token = a[op.src_pos] if op.tag == "delete" else b[op.dest_pos]
            if any(char.isalnum() for char in token):
                return False
    return changed <= max(1, min(len(a), len(b)) // 8)


def _mark_misread(x: str, y: str) -> bool:
    """Do two words differ by one mark read as another, in the same place ("4.2" / "4,2", "No." / "No,")?

    >>> _mark_misread("4.2", "4,2"), _mark_misread("4.2", "42"), _mark_misread("4.2", "4.3")
    (True, False, False)
    """
    if len(x) != len(y):
        return False
    differ = [(a, b) for a, b in zip(x, y) if a != b]
    return len(differ) == 1 and not (differ[0][0].isalnum() or differ[0][1].isalnum())


def counts_on(a: str, b: str) -> bool:
    """Is ``b`` ``a`` with a number counted on by one (other numbers kept)?

    >>> counts_on("article 2", "article 3"), counts_on("page 9", "page 11"), counts_on("c++/95823,", "c++/95824,")
    (True, False, True)
    """
    if a.translate(NO_DIGITS) != b.translate(NO_DIGITS):
        return False
    steps = {int(y) - int(x) for x, y in zip(NUMBER.findall(a), NUMBER.findall(b))}
    return steps <= {0, 1} and 1 in steps


def _digit_changed(x: str, y: str, op: Any) -> bool:
    """Does the edit ``op`` (of ``x`` into ``y``) put, drop or change a digit?"""
    if op.tag == "replace":
        return x[op.src_pos].isdigit() and y[op.dest_pos].isdigit()
    return (x[op.src_pos] if op.tag == "delete" else y[op.dest_pos]).isdigit()

