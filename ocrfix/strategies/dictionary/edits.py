"""Bookkeeping of the dictionary's edits: moving edits made on a text with some edits applied back onto the
original, merging them with the applied ones, and putting a repaired word in the printed word's glyphs (long s,
ligatures) and in the case the document writes it in."""
from __future__ import annotations

import bisect
from dataclasses import replace

import regex
from rapidfuzz.distance import Levenshtein

from ocrfix.pipeline import Edit
from ocrfix.strategies.dictionary.tokens import capitalised_mid_line_only, stop_before
# Glyphs of old print that case-folding spells out, and the letters they stand for (see in_own_glyphs).
OWN_GLYPHS_SPELLED = {"ſ": "s", "ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
OWN_GLYPHS = regex.compile("[" + "".join(OWN_GLYPHS_SPELLED) + "]")


def before_edits(original: str, edits: list[Edit], applied: list[Edit]) -> list[Edit]:
    """``edits`` of ``apply_edits(original, applied)`` as edits of ``original``: none of them overlaps
    an applied edit, so each offset moves back by what the applied edits before it added.

    >>> applied = [Edit(4, 5, ", ", "", "", 1.0, ",")]
    >>> moved = before_edits("idle,amd so", [Edit(6, 9, "and", "", "", 1.0, "amd")], applied)
    >>> [(e.start, e.end, e.original) for e in moved]
    [(5, 8, 'amd')]
    """
    ends, added, total = [], [], 0  # end of each applied edit in the edited text, and the characters added so far
    for edit in applied:
        total += len(edit.replacement) - (edit.end - edit.start)
        ends.append(edit.end + total)
        added.append(total)

    def back(offset: int) -> int:
        k = bisect.bisect_right(ends, offset)
        return offset - (added[k - 1] if k else 0)

    moved = []
    for edit in edits:
        start, end = back(edit.start), back(edit.end)
        # made as Edit makes itself: dataclasses.replace reads each field by name, ~5 µs an edit
        moved.append(Edit(start, end, edit.replacement, edit.strategy, edit.reason, edit.confidence,
                          original[start:end]))
    return moved


def with_applied(applied: list[Edit], moved: list[Edit]) -> list[Edit]:
    """The ``applied`` edits and the ``moved`` ones (made on the text after them, moved back by :func:`before_edits`),
    none overlapping another: a moved edit that covers an applied one stands for both, since it was read from the
    applied text ("d）o" -> "do" holds the fullwidth mark read as ")"); one that cuts across an applied edit's edge
    is left out.

    >>> applied = [Edit(1, 2, ")", "", "", 1.0, "）")]
    >>> [(e.start, e.end, e.replacement) for e in with_applied(applied, [Edit(0, 3, "do", "", "", 1.0, "d）o")])]
    [(0, 3, 'do')]
    """
    moved = sorted(moved, key=lambda edit: edit.start)
    starts = [edit.start for edit in moved]
    kept, crossing = [], set()
    for edit in applied:
        first = max(bisect.bisect_right(starts, edit.start) - 1, 0)  # moved edits start in order: only these can reach it
        last = bisect.bisect_left(starts, max(edit.end, edit.start + 1))
        reaching = [j for j in range(first, last) if _reaches_into(moved[j], edit)]
        if any(moved[j].start <= edit.start and edit.end <= moved[j].end for j in reaching):
            continue
        crossing.update(reaching)
        kept.append(edit)
    return kept + [edit for j, edit in enumerate(moved) if j not in crossing]


def _reaches_into(other: Edit, edit: Edit) -> bool:
    """Does ``other`` overlap ``edit``'s span (an insertion's place: only from both sides)?"""
    if edit.start == edit.end:
        return other.start < edit.start < other.end
    return other.start < edit.end and edit.start < other.end


def in_own_glyphs(edit: Edit) -> Edit:
    """``edit`` with the long s and ligatures of the printed word kept where its replacement has the
    letters they stand for ("sfaﬀ" -> "staﬀ", not "staff"): a word is looked up case-folded, which
    spells them out, but a transcription of old print keeps them.

    >>> in_own_glyphs(Edit(0, 4, "staff", "dictionary", "", 0.9, "sfaﬀ")).replacement
    'staﬀ'
    """
    if edit.original.isascii() or not OWN_GLYPHS.search(edit.original):  # the glyphs are no ASCII characters
        return edit
    pieces = [OWN_GLYPHS_SPELLED.get(ch, ch) for ch in edit.original]
    spelled = "".join(pieces)
    glyph_at = {}  # start in ``spelled`` -> (the glyph, the letters it stands for)
    at = 0
    for ch, letters in zip(edit.original, pieces):
        if ch in OWN_GLYPHS_SPELLED:
            glyph_at[at] = (ch, letters)
        at += len(letters)
    replacement = edit.replacement
    equal = [op for op in Levenshtein.opcodes(spelled, replacement) if op.tag == "equal"]
    for start in sorted(glyph_at, reverse=True):  # right to left: the offsets before stay valid
        glyph, letters = glyph_at[start]
        for op in equal:
            if op.src_start <= start and start + len(letters) <= op.src_end:
                where = op.dest_start + start - op.src_start
                replacement = replacement[:where] + glyph + replacement[where + len(letters):]
    return replace(edit, replacement=replacement)


def in_document_case(text: str, edits: list[Edit]) -> list[Edit]:
    """``edits`` with a word printed with no letter first ("0ctober", "‘f") repaired in the case its first
    letter takes in ``text``: capitalised where it starts a sentence, and, after a digit (a digit has no case,
    a mark mostly holds the place of a lost lower-case letter), where the document writes the word capitalised
    inside a sentence and never in lower case (a month, a name: "14 0ctober" beside "3 October"). A lower-case
    repair there is a new error. Capitals at a sentence's or a line's start say nothing of a word's case;
    a stop with no space after it is no sentence's end ("only ._e lower", a speck).

    >>> text = "On 3 October we met. 1t was on 14 0ctober that 0ur man came. This is ‘f it."
    >>> edits = [Edit(21, 23, "it", "dictionary", "", 0.9, "1t"), Edit(34, 41, "october", "dictionary", "", 0.9, "0ctober"),
    ...          Edit(47, 50, "our", "dictionary", "", 0.9, "0ur"), Edit(69, 71, "if", "dictionary", "", 0.9, "‘f")]
    >>> [edit.replacement for edit in in_document_case(text, edits)]
    ['It', 'October', 'our', 'if']
    """
    cased = []
    first = len(text) - len(text.lstrip())  # where the text's first printed character is
    for edit in edits:
        word = edit.replacement
        if not edit.original[:1].isalpha() and word[:1].islower() and word.isalpha() and (
                edit.start <= first or stop_before(text, edit.start)
                or edit.original[0].isdigit() and capitalised_mid_line_only(text, word)):
            edit = replace(edit, replacement=word[0].upper() + word[1:])
        cased.append(edit)
    return cased


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does ``start:end`` overlap one of the ``spans`` (sorted, none overlapping another)?

    >>> overlaps([(0, 3), (5, 9)], 3, 4), overlaps([(0, 3), (5, 9)], 4, 6)
    (False, True)
    """
    k = bisect.bisect_right(spans, (start, float("inf")))  # the spans that start at or before start
    return k > 0 and spans[k - 1][1] > start or k < len(spans) and spans[k][0] < end
