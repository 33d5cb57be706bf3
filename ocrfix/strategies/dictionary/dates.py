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

from typing import Callable, Iterator

import regex

# English months' abbreviations (and the whole of May), as newspapers and letters date
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
# The months' names, in full or abbreviated, which a date prints before its year or day with a space ("September
# 1936", "May 12", "Dec. 1899"), seldom with a comma
MONTH_NAMES = frozenset(("january", "february", "march", "april", "june", "july", "august", "september", "october",
                         "november", "december", *MONTHS))
# The names of months and weekdays English always capitalises; not "may", "march", "august", which are words too
CAPITALISED_DATE_WORDS = frozenset((
    "january", "february", "april", "june", "july", "september", "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))
# a paragraph's opening place in capitals, a comma or stop and one space; a capitalised word of 3-4 letters; a
# stop or comma and a day
DATELINE = regex.compile(r"(?<=^[ \t]*\p{Lu}[\p{Lu} '’-]*\p{Lu}[,.] )\p{Lu}\p{Ll}{2,3}(?=[.,]? ?(?:[12]?\d|3[01])(?!\d|,\d))",
                         regex.MULTILINE)


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
