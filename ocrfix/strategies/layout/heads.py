"""Running heads: the words a page's head or foot repeats, and what tells them from the text's own lines.

A running head recurs from page to page with the page's number changing ("THE HISTORY OF TRADE  24", "THE
HISTORY OF TRADE, 126."): it is matched across pages by its key (:func:`head_key`, without its numbers). It is
short, mostly in capitals or title case, without a full stop; it may repeat the text's title, a newspaper's
title with the issue's date, or a letter's addressee and date on its continuation pages.

>>> head_key("THE HISTORY OF TRADE  24") == head_key("THE HISTORY OF TRADE, 126.")
True
>>> head_key("The History of Trade") == head_key("THE HISTORY OF TRADE")
False
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

# a running head that repeats the title has as many letters, and their partial ratio with the title's, as one inside
# a line
from ocrfix.strategies.layout.joined_pages import HEAD_LETTERS, SAME_HEAD
from ocrfix.strategies.layout.lines import Line, Lines, mark
from ocrfix.strategies.layout.page_numbers import edge_number, page_number
from ocrfix.strategies.layout.specks import printed_rule


# a page number set off by dashes inside a running head: "Mr Smith  - 2 -  4 May 1983"
DASHED_NUMBER = re.compile(r"(?:^|\s)[\-\u2010-\u2015=~]\s?(\d{1,4})\s?[\-\u2010-\u2015=~](?:\s|$)"
                           r"|\bpage\s+(\d{1,4})\b", re.I)
# a number of its own, no part of a word, a decimal, a time or a date ("24", not "2.5", "10:30", "3/4")
STANDALONE_NUMBER = re.compile(r"(?<![\w.,:/])\d{1,4}(?![\w,:/]|\.\d)")
# a head's number that OCR glued to a mark or to the title ("42. THE SECOND BOOK", "52THE FIRST BOOK"), as a
# numbered section's is set ("1. INTRODUCTION"): a head only where it repeats the title and goes on with the count
GLUED_NUMBER = re.compile(r"^(\d{1,4})(?:[.,:]\s*|(?=[A-Z]{2}))(?=[^\W\d_])")
NUMBER_TOKEN = re.compile(r"(?:^|\s)[^\w\s]*\d+[^\w\s]*(?:\s|$)")   # a number standing as a word ("12", "(12)")
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_LETTERS_WORD = re.compile(r"[^\W\d_]{2,}")
# a month's name or its abbreviation with or without its point, and no longer word ("Marsh", "Mayor", "Decca")
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
          r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)(?![a-z])\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_MONTH_WORD = re.compile(rf"\b{_MONTH}", re.IGNORECASE)
# a page number dashed on one side only, as OCR may leave it ("Mr Smith - 2 4 May 1983"); no date's day after a dash
# ("Next meeting - 12 May 1986")
_HALF_DASHED_NUMBER = re.compile(
    rf"\s(?:[\-\u2010-\u2015=~]\s?\d{{1,3}}|\d{{1,3}}\s?[\-\u2010-\u2015=~])\s(?!\s*{_MONTH})", re.IGNORECASE)
_DATE = re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+\d{{2,4}}\b|\b{_MONTH}\s+{_DAY},?\s+\d{{4}}\b", re.IGNORECASE)
# a paper's date as its head prints it, or as OCR reads it ("MARCH 2. 1877": the comma read as a point)
_PAPER_DATE = re.compile(rf"\b{_DAY}\s+{_MONTH}[,.]?\s+\d{{4}}\b|\b{_MONTH}\s+{_DAY}[,.]?\s+\d{{4}}\b", re.IGNORECASE)
_SPECKED_POINTS = re.compile(r"[.,](?:\s*[.,:;])+")
_KEY_WORD = re.compile(r"[\w#]+")   # what a head's key keeps: its words, and "#" for its numbers
DIGITS = re.compile(r"\d+")
_BEFORE_WORDS = "0123456789 .,:;-'\"‘’“”()[]"   # what may stand before a head's words: its number, marks
_MISREAD_NUMBER = re.compile(r"^[a-z]{1,2} (?=[A-Z]{2})")   # or its number read as small letters ("at" for "56")
# led by the digit: searched for as a set, not tried everywhere
_DIGIT_IN_WORD = re.compile(r"\d(?<=[^\W\d_]\d)(?=[^\W\d_])")


def head_key(content: str) -> str:
    """A running head with its numbers and punctuation taken out, for matching across pages.

    Case stays: a chapter title in title case is no copy of the running head in capitals.
    A date is no page number: the date lines of letters are not running heads.

    A digit between two letters is a letter OCR misread ("HIST0RY"), no number: it is left out.

    >>> [head_key(line) for line in ("Mr J Smith  - 3 -  14 October 1983", "17 March 1981",
    ...                              "27  The HIST0RY of ASHC0MBE.")]
    ['Mr J Smith # DATE', 'DATE', '# The HISTRY of ASHCMBE']
    """
    numbers = len(DIGITS.findall(content))
    if numbers:
        if numbers >= 2:   # a date holds two: its day and its year
            content = _DATE.sub(" DATE ", content)
        content = DIGITS.sub("#", _DIGIT_IN_WORD.sub("", content))
    return " ".join(_KEY_WORD.findall(content))


def repeats_title(content: str, title: str) -> bool:
    """Is ``content`` a running head that repeats the title: in capitals, its letters (``HEAD_LETTERS`` or more, in
    any case) found in the title's casefolded letters at a partial ratio of ``SAME_HEAD`` (OCR misreads some; a
    chapter's title differs more)?

    >>> repeats_title("THE BOOK OF RUTH.", "thebookofruthchapterii"), repeats_title("THE HARVEST", "thebookofruth")
    (True, False)
    """
    letters = letters_of(content)
    return (len(letters) >= HEAD_LETTERS and mostly_capitals(content)
            and fuzz.partial_ratio(letters.casefold(), title) >= SAME_HEAD)


def short_line(line: Line, width: int, hard_wrapped: bool) -> bool:
    """Short enough for a head or foot: body lines of a hard-wrapped page run to its full width."""
    length = len(line.content) if "  " not in line.content else len(" ".join(line.content.split()))
    return length <= (0.8 * width if hard_wrapped else 100)


def head_rules(lines: Lines) -> None:
    """A rule right under a running head or a page number ("24   The HISTORY of ASHCOMBE." over "______"):
    the page's head rule, printed with its head on every page, no part of the text (a rule between paragraphs,
    a heading's "=====" underline, stays).

    >>> items = [Line(0, 0, 0, 0, "24  THE HISTORY", 0, 0, kind="running_head"), Line(1, 0, 0, 0, "_" * 30, 0, 0),
    ...          Line(2, 0, 0, 0, "Text", 0, 0), Line(3, 0, 0, 0, "=" * 4, 0, 0)]
    >>> head_rules(Lines("_" * 30, items)); [line.kind for line in items]
    ['running_head', 'running_head', 'body', 'body']
    """
    items = lines.items
    for above in [line for line in items if line.kind in ("running_head", "page_number")]:   # a few lines
        line = items[above.index + 1] if above.index + 1 < len(items) else None
        # (marks spaced out, "* * *", are a section's asterism: no head's rule)
        if line is not None and line.page == above.page and line.kind == "body" and printed_rule(line.content) \
                and " " not in line.content:
            mark(line, "running_head", "rule under the running head", above.confidence)


def first_page_blocks(lines: list[Line]) -> list[str]:
    """The short lines among a letter's first 15 ``lines`` (its addresses, the addressee's name, the date)."""
    return [line.content for line in lines[:15] if 6 <= len(line.content) <= 45]


def longest_head(width: int, hard_wrapped: bool) -> float:
    """The most characters a letter's continuation head may hold in a text of measure ``width``: a fifth over it, 60
    at least. A text that is not hard-wrapped has no measure to compare with: its head is at most 100 characters, not
    a page whose lines were joined into one (head and all).

    >>> longest_head(65, True), longest_head(40, True), longest_head(65, False), longest_head(900, False)
    (78.0, 60, 78.0, 100)
    """
    longest = max(1.2 * width, 60)
    return longest if hard_wrapped else min(longest, 100)


def continuation_head(line: Line, first_page: list[str], width: int, hard_wrapped: bool) -> tuple[str, float] | None:
    """(reason, confidence) where ``line`` is a letter's continuation head, else None.

    Known by a page number set off by dashes, or by repeating two of the first page's short
    lines (``first_page``: the addressee's name and the date), however OCR garbled the number between them, and
    no longer than :func:`longest_head`.

    >>> blocks = ["22 June 1984", "Mrs M. J. Ellerby", "Department of Trade"]
    >>> continuation_head(Line(0, 0, 0, 0, "Mrs M. J. Ellerby = 25 22 June 1984", 0, 0), blocks, 65, True)
    ("continuation head repeating the first page's addressee and date", 0.8)
    >>> continuation_head(Line(0, 0, 0, 0, "Mrs Ellerby wrote on 3 May", 0, 0), blocks, 65, True) is None
    True
    """
    if len(line.content) > longest_head(width, hard_wrapped):
        return None
    if DASHED_NUMBER.search(line.content):
        return "continuation head with its page number", 0.85
    if (len(line.content) <= 90 and head_like(line.content, full_stop=True)
            and sum(fuzz.partial_ratio(block, line.content) >= 80 for block in first_page) >= 2):
        return "continuation head repeating the first page's addressee and date", 0.8
    return None


def dated_continuation_head(content: str, first_page: list[str]) -> bool:
    """Is ``content`` a letter's continuation head however OCR garbled the addressee: its page number set off by a
    dash (one may be lost) between words, and the letter's date: one of the first page's short lines (``first_page``)
    naming a month, with a figure (its year OCR may misread: "26 February i976")?

    >>> blocks = ["26 February i976", "Mr L. Aske", "London SW1A 2BN"]
    >>> dated_continuation_head("Mrisione! Aske - 2 26 Februvry 1°76", blocks)
    True
    >>> dated_continuation_head("London SW1A 2BN - 2 of them", blocks), dated_continuation_head("Mr L. Aske 2", blocks)
    (False, False)
    >>> dated_continuation_head("Next Meeting - 12 February 1976", blocks)   # the dash sets off a date's day
    False
    """
    return (bool(_HALF_DASHED_NUMBER.search(content)) and head_like(content, full_stop=True)
            and any(_MONTH_WORD.search(block) and DIGITS.search(block) and fuzz.partial_ratio(block, content) >= 80
                    for block in first_page))


def mostly_numbers_with_units(content: str) -> bool:
    """Are most of the words of ``content`` figures (a number, with a unit of two letters at most), as a table's
    rows are? A head is a title, a page number or both: one number, or two with a chapter's or a year's; a page
    number run into the title ("154PROCEEDINGSOF") is a word of the title.

    (Not reflow's ``_row_of_bare_numbers``, which counts numbers standing alone as words, with no unit.)

    >>> [mostly_numbers_with_units(line)
    ...  for line in ("46m. Water 11h 49m.", "61 THE FARMER'S ALMANACK", "Chap. 3. of ASHCOMBE. 25")]
    [True, False, False]
    >>> mostly_numbers_with_units("154PROCEEDINGSOFTHESOCIETY")
    False
    """
    words = content.split()
    figures = sum(1 for word in words if DIGITS.search(word) and len(letters_of(word)) <= 2)
    return 2 * figures > len(words)


def mostly_capitals(content: str) -> bool:
    """Mostly capital letters, as running heads are set.

    >>> mostly_capitals("346 OAS TINCTIVE FLA SURES OF SQUITE"), mostly_capitals("The History of Trade 12")
    (True, False)
    """
    letters = letters_of(content)
    return len(letters) >= 4 and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


def starting_in_capitals(lines: list[Line]) -> list[Line]:
    r"""The ``lines`` that start in capitals, as a head is set: no small letter in their first 20 characters, or two at
    most that OCR misread inside words in capitals ("THE HlSTORY": l for I) or from the head's number ("at THE
    HISTORY" for "56 THE HISTORY") where the first two letters, past a number or marks, are capitals (prose starts
    "The"). (One pass over the lines: a call per line costs more than the test.)

    >>> lines = Lines.scan("THE HISTORY OF\n26 THE HlSTORY\nThe HISTORY\nat THE HISTORY").items
    >>> [line.content for line in starting_in_capitals(lines)]
    ['THE HISTORY OF', '26 THE HlSTORY', 'at THE HISTORY']
    """
    return [line for line in lines if (start := line.content[:20]).isupper()
            or ((pair := _MISREAD_NUMBER.sub("", start.lstrip(_BEFORE_WORDS))[:2]).isupper()
                and pair.isalpha()   # ("I was": no head)
                and sum(map(str.islower, start)) <= 2)]


def letters_of(content: str) -> str:
    """The letters of ``content``, found a run at a time (a match per letter costs several times more).

    >>> letters_of("Page 12, l'Hôtel")
    'PagelHôtel'
    """
    return "".join(_LETTER_RUNS.findall(content))


def head_like(words: str, *, full_stop: bool = False) -> bool:
    """Words of a running head: three letters or more, most words not in lower case, no full stop at the end.

    >>> head_like("THE KING'S POST"), head_like("Roads and Coaches"), head_like("I therefore recommend that")
    (True, True, False)
    >>> head_like("J. M. Fenwick Esq = 2 5 14 October 1983"), head_like("2 April was the day we met")
    (True, False)
    """
    tokens = words.split()
    upper = sum(1 for token in tokens if not token[:1].islower())
    return (len(letters_of(words)) >= 3 and upper * 2 > len(tokens)
            and (full_stop or not words.rstrip().endswith(".")))


def paper_head(content: str) -> int | None:
    """The page number of a newspaper's page head: the paper's title of three words or more in capitals
    with the issue's date, the number at an edge, before the title or after the date; None for other lines.

    >>> paper_head("4  THE WEEKLY COURIER, SATURDAY, MARCH 3, 1866."), paper_head("THE FENBY MERCURY, DEC. 5, 1874. 3")
    (4, 3)
    >>> paper_head("CHAPTER 2. THE MILL"), paper_head("LONDON, DEC. 4, 1874"), paper_head("HYMN 214.")
    (None, None, None)
    """
    if not mostly_capitals(content) or not _PAPER_DATE.search(content):
        return None
    title = DIGITS.sub(" ", _PAPER_DATE.sub(" ", content))
    return dated_edge_number(content) if len(_LETTERS_WORD.findall(title)) >= 3 else None


def dated_edge_number(content: str) -> int | None:
    """The number at an edge of ``content``, also after a date's year ("MARCH 3, 1866. 4", OCR's "1866. . 4"), or None.

    >>> dated_edge_number("THE COURIER, MARCH 3. 1866. . 4"), dated_edge_number("THE COURIER, MARCH 3, 1866.")
    (4, None)
    """
    # the year replaced by a word, as _EDGE_NUMBER wants it; specks beside a point squeezed into it
    dated = _SPECKED_POINTS.sub(".", _PAPER_DATE.sub(" DATE", content))
    match = edge_number(dated)
    return int(match.group(1) or match.group(2)) if match else None


def numbered_head(line: Line, width: int, hard_wrapped: bool) -> bool:
    """Does ``line`` look like a page's head: a short line of a page number, or of a head's words
    with the number at one edge ("Chap. 3.   of ASHCOMBE.   25")?"""
    if not short_line(line, width, hard_wrapped):
        return False
    match = edge_number(line.content)
    return page_number(line.content) is not None or (
        match is not None and head_like(line.content[match.end():] if match.group(1) else line.content[:match.start()],
                                         full_stop=True))
