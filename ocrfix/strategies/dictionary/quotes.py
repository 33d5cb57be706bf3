"""Quotation and emphasis marks around a word: is a mark before a word the opening of a quotation that closes
later in its paragraph, or a pair of marks wrapping it for emphasis? Either way the mark is no misread letter."""
from __future__ import annotations

import regex

# What closes a quotation an opening mark may start (’ and ' also serve as apostrophes: a word with
# one after the mark is taken as quoted, the cautious reading).
CLOSING_QUOTES = {"“": "”\"", "‘": "’'", "\"": "\"”", "'": "'’", "«": "»", "»": "«"}
QUOTE_REACH = 400  # characters a quotation is looked for in
# each opening mark's kind (double or single: the marks sharing a closing one, “ and ") where one of them opens a
# quotation again: after a space, a line's start or a bracket, before a letter
OPENING_AGAIN = {mark: regex.compile(r"(?<=^|[\s(\[])[" + regex.escape("".join(
    other for other, shut in CLOSING_QUOTES.items() if set(shut) & set(closing))) + r"](?=\p{L})", regex.MULTILINE)
                 for mark, closing in CLOSING_QUOTES.items()}


def quoted(text: str, offset: int) -> bool:
    """Is the mark at ``offset`` an opening quotation mark that a closing one follows in its paragraph?

    An apostrophe between two letters ("it’s") closes nothing, and neither does a mark after a space: a
    closing quotation mark stands against the word or stop it closes ("yes”", "said.’"); one after a space
    opens a quotation or is a misread letter ("' is" for "It is"). A closing mark closes the nearest opening
    before it: English nests no quotation in the same mark, so where the same mark opens again before the
    closing one ("loading “he roof … “stuff”"), this one closes nowhere (:func:`_first_closing`); nor where a mark of
    its kind does (engines print the same quotation's marks straight or curly: "invited "y advertisement … “The
    Builder”").

    >>> quoted("He said “yes” and left.", 8), quoted("and “he went home.", 4), quoted("in ‘he town’s inn", 3)
    (True, False, False)
    >>> quoted("those ‘hat use it. ' is clear", 6), quoted("agreed “hat the grains, “as he said”, were", 7)
    (False, False)
    >>> quoted('invited "y advertisement in “The Builder”.', 8), quoted('a "b" c', 2)
    (False, True)
    """
    closing = CLOSING_QUOTES.get(text[offset])
    if closing is None:
        return False
    reach = min(len(text), offset + QUOTE_REACH)
    end = text.find("\n\n", offset, reach + 1)  # a paragraph's end within reach (not a search of the whole text)
    end = reach if end < 0 else end
    closed_at = min((position for mark in closing if (position := _first_closing(text, mark, offset + 1, end)) >= 0),
                    default=-1)
    return closed_at >= 0 and OPENING_AGAIN[text[offset]].search(text, offset + 1, closed_at) is None


def _first_closing(text: str, mark: str, start: int, end: int) -> int:
    """Where the first ``mark`` in ``text[start:end]`` that closes a quotation stands (against the word or stop it
    closes, not between two letters), -1 if none does.

    >>> _first_closing("it’s ‘the end’ and", "’", 0, 18), _first_closing("it’s ‘ here", "’", 0, 11)
    (13, -1)
    """
    position = text.find(mark, start, end)
    while position >= 0:
        before = text[position - 1]
        if not before.isspace() and not (before.isalpha() and position + 1 < len(text) and text[position + 1].isalpha()):
            return position
        position = text.find(mark, position + 1, end)
    return -1


def wrapped(text: str, start: int, end: int) -> bool:
    """Is the word at ``start:end`` between two of the same mark: emphasis ("_he_", "*he*" in Markdown and
    plain-text mail), not a mark misread for a letter?

    >>> wrapped("said _he_ then", 6, 8), wrapped("said _he then", 6, 8)
    (True, False)
    """
    return 0 < start and end < len(text) and text[start - 1] == text[end] and not text[end].isspace()
