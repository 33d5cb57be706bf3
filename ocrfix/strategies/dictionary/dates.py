"""A month's abbreviation misread in a newspaper's dateline: "LONDON, Dee. 4.—" for "Dec. 4".

A dateline (opening a paragraph: the place in capitals, a comma or stop, the month abbreviated, the day)
sets a month where the engine read a round letter as another ("Dee", "Oet", "Feh", "Ang"). "Dee", "Ang" are
listed words, so no spelling check sees them; the dateline's shape says a month is meant, and the month the error model reads the
printed word as, by one letter it has seen confused, is the repair. Only in that shape: before a number alone
"Sec. 4" is a section, "Mat. 5" a chapter of Matthew, one attested confusion away from "Sep." and "Mar.".

>>> from ocrfix.errormodel import ErrorModel
>>> model = ErrorModel.default()
>>> text = "LONDON, Dee. 4.—The news.\\nNEW YORK. Oet. 2. The Act, Sec. 4; the ACT, Sec. 4"
>>> [(m.group(), month) for m, month in misread_months(text, model.folded_reading)]
[('Dee', 'Dec'), ('Oet', 'Oct')]
"""
from __future__ import annotations

import re
from itertools import chain, product
from typing import Callable, Collection, Iterator

import regex

from ocrfix.strategies.dictionary.protect import LETTER_FOR_DIGIT, ordinal
from ocrfix.tokenspans import matches_at

# English months' abbreviations (and the whole of May), as newspapers and letters date
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
# The months' names in full
MONTHS_IN_FULL = frozenset(("january", "february", "march", "april", "may", "june", "july", "august", "september",
                            "october", "november", "december"))
# The months' names, in full or abbreviated: what a day's ordinal stands before ("the 1st January", misread_ordinals)
MONTH_NAMES = MONTHS_IN_FULL | frozenset(MONTHS)
# The names of months and weekdays English always capitalises; not "may", "march", "august", which are words too
CAPITALISED_DATE_WORDS = frozenset((
    "january", "february", "april", "june", "july", "september", "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
# An ordinal of one or two figures printed in the letters engines read for them (l, I, i for 1; O, o for 0), before a
# month's name or the commercial "inst." and "ult." (this month, last month), "of" between: a day of a date
LETTER_ORDINAL = regex.compile(r"(?<![\w.,'’-])([lIiOo]{1,2})(st|nd|rd|th)(?=[ \t]+(?:of[ \t]+)?(\p{L}+)\b)")
# every such ordinal whose suffix is the one English gives its number, and that number ("llth": "11th")
LETTER_ORDINALS = {letters + suffix: day
                   for letters in map("".join, chain(product("lIiOo"), product("lIiOo", repeat=2)))
                   for suffix in ("st", "nd", "rd", "th")
                   if (day := ordinal("".join(map(LETTER_FOR_DIGIT.get, letters)), suffix)) is not None}
INSTANT_WORDS = frozenset(("inst", "ult", "prox", "instant", "ultimo", "proximo"))
# a paragraph's opening place in capitals, a comma or stop and one space; a capitalised word of 3-4 letters; a
# stop or comma and a day
DATELINE = regex.compile(r"(?<=^[ \t]*\p{Lu}[\p{Lu} '’-]*\p{Lu}[,.] )\p{Lu}\p{Ll}{2,3}(?=[.,]? ?(?:[12]?\d|3[01])(?!\d|,\d))",
                         regex.MULTILINE)


def misread_ordinals(text: str, words: Collection[str]) -> Iterator[tuple[regex.Match, str]]:
    """Each ordinal day printed all in letters for its figures (LETTER_ORDINAL: "ist January", "llth inst.", "the
    loth of June") and the ordinal meant; ``words`` holds the text's words (at least those of LETTER_ORDINALS in it),
    whose few such ordinals are all the pattern is tried at.

    >>> text = "on the llth inst., the ist of May and loth June 1936"
    >>> [(m.group(), day) for m, day in misread_ordinals(text, text.replace(",", "").split())]
    [('llth', '11th'), ('ist', '1st'), ('loth', '10th')]
    >>> text = "Es ist klar; nothing loth. May came; the Ith June; oth May; ist may"
    >>> list(misread_ordinals(text, text.replace(";", "").split()))
    []
    """
    starts = sorted(found.start() for word in LETTER_ORDINALS if word in words for found in re.finditer(word, text))
    for match in matches_at(LETTER_ORDINAL, text, starts):
        following = match.group(3)
        if following[0].isupper() and following.lower() in MONTH_NAMES or following in INSTANT_WORDS:
            yield match, LETTER_ORDINALS[match.group()]


def misread_months(text: str, reading: Callable[[str, str], tuple[float, bool]]) -> Iterator[tuple[regex.Match, str]]:
    """Each word in a dateline's month place (DATELINE) that is no month but one letter, a confusion the error
    model has seen (``reading(intended, printed)`` -> (log10 probability, attested?)), from one; with that month
    in the printed word's case."""
    for match in DATELINE.finditer(text):
        printed = match.group().lower()
        if printed in MONTHS:
            continue
        near = {month: reading(month, printed) for month in MONTHS
                if len(month) == len(printed) and sum(a != b for a, b in zip(month, printed)) == 1}
        attested = [(log_prob, month) for month, (log_prob, seen) in near.items() if seen]
        if attested:
            month = max(attested)[1]
            yield match, month[0].upper() + month[1:]
