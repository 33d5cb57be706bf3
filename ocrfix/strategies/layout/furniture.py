"""Page furniture: running heads and feet, page numbers, catchwords, specks.

These lines belong to the page, not to the text. They are found where pages
meet: with form feeds, among the first and last lines of each page; in plain
text (a VLM's output, a pasted document), around the signs of a page break
they leave behind (a catchword followed by blank lines, a "- 2 -" line, a
running head that recurs with a changing page number).

>>> page_number("- 2 -"), page_number("Page 3 of 7"), page_number("xiv"), page_number("the end")
((2, True), (3, True), (14, False), None)
>>> catchword("/present"), catchword("present"), catchword("./.."), catchword("two words")
(('present', True), ('present', False), ('', True), None)
>>> catchword("‘tial"), catchword("f/able"), catchword("/sum-arise*")
(('tial', True), ('able', True), ('sum-arise', True))
>>> catchword("B2          books"), signature_mark("Aa 3"), signature_mark("Of the")
(('books', True), True, False)
>>> head_key("THE HISTORY OF TRADE  24") == head_key("THE HISTORY OF TRADE, 126.")
True
>>> head_key("The History of Trade") == head_key("THE HISTORY OF TRADE")
False
>>> speck(". ,- ' ~ ."), speck("* * *"), speck("..."), speck("});"), speck("—")
(True, False, False, False, False)
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from itertools import islice

import numpy as np
from rapidfuzz import fuzz, process

# a running head that repeats the title has as many letters, and their partial ratio with the title's, as one inside a line
from ocrfix.strategies.layout.joined_pages import HEAD_LETTERS, SAME_HEAD
from ocrfix.strategies.layout.lines import Line, LineCodes, Lines
from ocrfix.strategies.layout.reflow import rule

_PAGE_NUMBER = re.compile(
    r"^(?P<open>[\-\u2010-\u2015=~_.·*\s\[(]*)(?P<word>(?:page|p\.|pg\.?)\s*)?"
    r"(?P<num>\d{1,4}|[ivxlcdm]{1,8}|[IVXLCDM]{1,8})(?P<of>\s*(?:of|/)\s*\d{1,4})?"
    r"(?P<close>[\-\u2010-\u2015=~_.·*\s\])]*)$",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"^m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_DASHES = set("-\u2010\u2011\u2012\u2013\u2014\u2015=~")
# a page number set off by dashes inside a running head: "Mr Smith  - 2 -  4 May 1983"
_DASHED_NUMBER = re.compile(r"(?:^|\s)[\-\u2010-\u2015=~]\s?(\d{1,4})\s?[\-\u2010-\u2015=~](?:\s|$)|\bpage\s+(\d{1,4})\b", re.I)
_NUMBER = re.compile(r"(?<![\w.,:/])\d{1,4}(?![\w,:/]|\.\d)")
# the typewriter catchword's slash, or what OCR makes of it (| ‘ `), perhaps after a stray letter
_CATCHWORD = re.compile(
    r"^(?P<slash>(?:[^\W\d_](?=[/|]))?[/|‘`\[(]+\s?)?(?P<word>[^\W\d_][\w'’\-]*?)(?P<tail>\s?(?:/+|\.{2,}|…))?[,;:.*'’\"”]?$"
)
# marks that say "continued overleaf" without naming the next word
_CONTINUATION = re.compile(
    r"^(?:\.?/\.{2,}\.?|\.{2,}/|p\.?\s?t\.?\s?o\.?|/\s?\d{1,3}\.?|\.{2,}\s?\d{1,3}|"
    r"(?:continued|contd\.?|cont['’]d)(?:\s+overleaf)?\.?|overleaf\.?)$",
    re.IGNORECASE,
)
# A hand-press book's signature mark ("B", "B2", "Aa 3", "C iij") at the foot of a gathering's first
# leaves, alone or before the catchword on the same line; two letters are one letter doubled.
_SIGNATURE = re.compile(r"^(?P<letters>[A-Z][A-Za-z]?)(?P<count>\s?(?:[1-9]|[ivx]{1,4}j?))?(?:\s+|$)")
_WIDE_GAP = re.compile(r"^\S{1,3}\s{3,}(?=\S)")   # a mark of up to three characters, the catchword far to its right
_FIRST_WORD = re.compile(r"[\"'‘“(\[]*([^\W\d_][\w'’\-]*)")
# a page number beside a head's words: "41 THE KING'S POST", "Roads and Coaches 43" (not "6. I therefore")
_EDGE_NUMBER = re.compile(r"^(\d{1,4})\s+(?=[^\W\d_])|(?<=[^\W\d_])[.,]?\s+(\d{1,4})$")
# a head's number that OCR glued to a mark or to the title ("42. THE SECOND BOOK", "52THE FIRST BOOK"), as a
# numbered section's is set ("1. INTRODUCTION"): a head only where it repeats the title and goes on with the count
_GLUED_NUMBER = re.compile(r"^(\d{1,4})(?:[.,:]\s*|(?=[A-Z]{2}))(?=[^\W\d_])")
_NUMBER_TOKEN = re.compile(r"(?:^|\s)[^\w\s]*\d+[^\w\s]*(?:\s|$)")   # a number standing as a word ("12", "(12)")
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_LETTERS_WORD = re.compile(r"[^\W\d_]{2,}")
# a short line of digits and the characters OCR confuses with them
_GARBLED_NUMBER = re.compile(r"^(?=.*\d)[\dIlO|oS$]{1,4}$")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = re.compile(rf"\b{_DAY}\s+{_MONTH},?\s+\d{{2,4}}\b|\b{_MONTH}\s+{_DAY},?\s+\d{{4}}\b", re.IGNORECASE)
# a paper's date as its head prints it, or as OCR reads it ("MARCH 2. 1877": the comma read as a point)
_PAPER_DATE = re.compile(rf"\b{_DAY}\s+{_MONTH}[,.]?\s+\d{{4}}\b|\b{_MONTH}\s+{_DAY}[,.]?\s+\d{{4}}\b", re.IGNORECASE)
_SPECKED_POINTS = re.compile(r"[.,](?:\s*[.,:;])+")
_KEY_WORD = re.compile(r"[\w#]+")   # what a head's key keeps: its words, and "#" for its numbers
_DIGITS = re.compile(r"\d+")
_DIGIT_IN_WORD = re.compile(r"\d(?<=[^\W\d_]\d)(?=[^\W\d_])")   # led by the digit: searched for as a set, not tried everywhere
_RUNS_ON = ",;-\u00ac\u2010\u2013\u2014\u2e17"  # a line ending in one of these (or a small letter) runs on
# What dirt, show-through and broken type leave on a scan, read as marks: points, commas, quotes, ticks,
# short dashes. Not the marks a page sets on a line of their own on purpose (asterisms, bullets, rules,
# brackets and code's punctuation).
_SPECK_MARKS = frozenset(".,'‘’`´~^-–;:\"“”„¬")
SPECK_CHARS = 12   # a speck line holds at most this many marks
_LONE_MARKS = ".,'‘’`´^~"   # dirt read as one mark, a line of its own inside a sentence
_RULE_MARKS = "_-\u2010\u2013\u2014\u2015=~*·"   # what a printed rule is read as
_DIRT_MARKS = _SPECK_MARKS | set(_RULE_MARKS)   # what a line of specks or a rule starts with

HEAD_LINES = 2   # a page's first lines that may be a running head
FOOT_LINES = 3   # its last lines that may be a foot, a page number or a catchword
SUNK_LINES = 3   # lines fewer than a later page that tell a sunk opening page from OCR merging or dropping a line


def page_number(content: str) -> tuple[int, bool] | None:
    """(value, unmistakable?) when the whole line is a page number, else None.

    "- 2 -" and "Page 2 of 7" are unmistakable; a bare "2" or "iv" is a page
    number only where a page begins or ends.
    """
    match = _PAGE_NUMBER.match(content)
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


def _roman_value(numeral: str) -> int:
    total = 0
    for char, following in zip(numeral, numeral[1:] + " "):
        value = _ROMAN_VALUES[char]
        total += -value if following != " " and _ROMAN_VALUES[following] > value else value
    return total


CATCHWORD_WORDS = 5   # the words a catchword line may hold at most


def catchword(content: str) -> tuple[str, bool] | None:
    """(the word announced, marked?) for a catchword line; ("", True) for a bare continuation mark.

    A signature mark before the word ("B2    books") marks it: both belong to the page's foot.
    """
    if len(content.split(None, CATCHWORD_WORDS)) > CATCHWORD_WORDS:   # more words than a signature mark, a slash, the
        return None                                                   # word and a tail: most lines
    if _CONTINUATION.match(content):
        return "", True
    signature = _signature(content)
    rest = content
    # before a word: with its count ("B2 The"), or set apart by a wide gap ("B    The"; misread, "83    The")
    if signature and signature.end() < len(content) and (signature.group("count") or "  " in signature.group()):
        rest = content[signature.end():]
    elif wide := _WIDE_GAP.match(content):
        rest = content[wide.end():]
    match = _CATCHWORD.match(rest)
    if not match:
        return None
    return match.group("word"), bool(match.group("slash") or match.group("tail") or rest is not content)


def _signature(content: str) -> re.Match[str] | None:
    match = _SIGNATURE.match(content)
    if not match:
        return None
    letters = match.group("letters")
    return match if len(letters) == 1 or letters[0] == letters[1].upper() else None


def signature_mark(content: str) -> bool:
    """Is the line a signature mark alone? A bare capital ("A", "I") is too often text: a count is needed."""
    match = _signature(content)
    return bool(match) and match.end() == len(content) and bool(match.group("count"))


def first_word(content: str) -> str:
    match = _FIRST_WORD.match(content)
    return match.group(1) if match else ""


def head_key(content: str) -> str:
    """A running head with its numbers and punctuation taken out, for matching across pages.

    Case stays: a chapter title in title case is no copy of the running head in capitals.
    A date is no page number: the date lines of letters are not running heads.

    A digit between two letters is a letter OCR misread ("HIST0RY"), no number: it is left out.

    >>> head_key("Mr J Smith  - 3 -  14 October 1983"), head_key("17 March 1981"), head_key("27  The HIST0RY of ASHC0MBE.")
    ('Mr J Smith # DATE', 'DATE', '# The HISTRY of ASHCMBE')
    """
    numbers = len(_DIGITS.findall(content))
    if numbers:
        if numbers >= 2:   # a date holds two: its day and its year
            content = _DATE.sub(" DATE ", content)
        content = _DIGITS.sub("#", _DIGIT_IN_WORD.sub("", content))
    return " ".join(_KEY_WORD.findall(content))


def announces(word: str, content: str, *, marked: bool) -> bool:
    """Does the line ``content`` start with the catchword ``word`` (allowing OCR errors)?

    An unmarked catchword is the next word as printed, in its case: a heading word in capitals over a
    paragraph that opens with it ("NAME" / "Name of the instance") announces nothing.

    >>> announces("the", "the same", marked=False), announces("NAME", "Name of the", marked=False)
    (True, False)
    """
    following = first_word(content)
    if not word or not following:
        return False
    if not marked and (word[:1].isupper() != following[:1].isupper() or word.isupper() != following.isupper()):
        return False
    a, b = word.casefold(), following.casefold()
    if a == b:
        return True
    return fuzz.ratio(a, b) >= (75 if marked else 88) and min(len(a), len(b)) >= 3


def _mark(line: Line, kind: str, reason: str, confidence: float) -> None:
    line.kind, line.reason, line.confidence = kind, reason, confidence


def classify(lines: Lines, width: int, hard_wrapped: bool) -> None:
    """Mark the furniture lines of ``lines`` (their ``kind``, ``reason``, ``confidence``)."""
    if lines.form_feeds or _commented_pages(lines) or _implied_pages(lines, width, hard_wrapped):
        _markers_at_page_edges(lines)
        _classify_pages(lines, width, hard_wrapped)
    else:
        _classify_plain(lines, width, hard_wrapped)
    first = next((line for line in lines.items if line.kind == "body"), None)
    if first is not None and paper_head(first.content) is not None:
        # on a single page nothing recurs: the paper's title, the date and the page number say it
        _mark(first, "running_head", "a newspaper's page head (title, date, page number) opens the text", 0.85)
    items = lines.items
    for line in items:
        # (content is stripped: a first character that no speck starts with rules most lines out without a call)
        if line.content[:1] in _SPECK_MARKS and line.kind == "body" and (speck(line.content)
                                                                         or _lone_mark(items, line, width)):
            _mark(line, "speck", f"a line of scattered marks, no letter or digit: {line.content.strip()!r}", 0.8)


# a page marker in an HTML comment, as converters and vision-language OCR write it between pages:
# "<!-- page 2 -->", "<!-- Page 3 of 10 -->", "<!-- PageBreak -->", "<!-- PageNumber="2" -->"
_PAGE_COMMENT = re.compile(
    r"<!--\s*(?:page[\s_-]?break|(?:page|pg\.?)[\s_-]?(?:number|no\.?)?\s*[:=#]?\s*[\"']?\d{1,4}[\"']?"
    r"(?:\s*(?:of|/)\s*\d{1,4})?)\s*-->", re.IGNORECASE)
# a page's running head or foot that a document-intelligence converter lifted into an HTML comment:
# '<!-- PageHeader="THE HISTORY OF ASHCOMBE" -->', '<!-- PageFooter="Page 3 of 10" -->'
_FURNITURE_COMMENT = re.compile(r"<!--\s*page[\s_-]?(header|footer)\s*[:=].*?-->", re.IGNORECASE)


def _page_comment(content: str) -> str | None:
    """Why the line ``content`` is a page's comment (a marker of its page, its running head or foot), or None.

    >>> print(_page_comment('<!-- PageFooter="CONFIDENTIAL" -->'), _page_comment("<!-- figure omitted -->"))
    a page's running foot in an HTML comment a tool wrote: '<!-- PageFooter="CONFIDENTIAL" -->' None
    """
    if content[:4] != "<!--":
        return None
    if _PAGE_COMMENT.fullmatch(content):
        return f"a page marker a tool wrote between pages: {content!r}"
    part = _FURNITURE_COMMENT.fullmatch(content)
    if part is None:
        return None
    edge = "head" if part[1].casefold() == "header" else "foot"
    return f"a page's running {edge} in an HTML comment a tool wrote: {content!r}"


def _commented_pages(lines: Lines) -> bool:
    r"""Find the pages of text whose pages were joined with page markers in HTML comments (``_PAGE_COMMENT``), or
    whose running heads and feet a tool put in them (``_FURNITURE_COMMENT``): each such comment is a page's edge, as a
    form feed is, and furniture (markup of the tool, or the page's head or foot, not the book's text). Sets
    ``lines.pages`` and each line's ``page`` when they make two pages or more; other comments stay text.

    >>> lines = Lines.scan("<!-- page 1 -->\nfirst\n<!-- note -->\n---\n<!-- PageBreak -->\nsecond")
    >>> _commented_pages(lines), lines.pages, [line.kind for line in lines.items]
    (True, [[1, 2], [5]], ['page_marker', 'body', 'body', 'page_marker', 'page_marker', 'body'])
    >>> one, named = Lines.scan("<!-- Page 1 of 1 -->\ntext"), Lines.scan("<!-- page two -->\ntext")
    >>> _commented_pages(one), one.items[0].kind, _commented_pages(named), named.items[0].kind
    (False, 'page_marker', False, 'body')
    """
    if "<!--" not in lines.text:   # (found by memchr: most texts hold no comment)
        return False
    items = lines.items
    opening = [line for line in items if line.content[:4] == "<!--"]
    reasons = {line.index: reason for line in opening if (reason := _page_comment(line.content))}
    reasons |= _wrapped_page_comments(items, opening)
    if not reasons:
        return False
    # a markdown rule right beside a marker ("---" over "<!-- page 2 -->") is the tool's page separator too
    marked = set(reasons)
    marked |= {i for index in reasons for i in (index - 1, index + 1)
               if 0 <= i < len(items) and items[i].content[:1] in _RULE_MARKS and _printed_rule(items[i].content)}
    pages: list[list[int]] = []
    page: list[int] = []
    for line in items:
        if line.index in marked:
            reason = reasons.get(line.index) or f"a markdown rule beside a page's comment: {line.content!r}"
            _mark(line, "page_marker", reason, 0.95)
            if page:
                pages.append(page)
                page = []
        else:
            page.append(line.index)
    pages += [page] if page else []
    if len(pages) < 2:
        return False   # the markers go; the page breaks are looked for as in plain text
    lines.set_pages(pages)
    for index in sorted(marked):   # (in text order: a marker after a marker takes the page the one before it took)
        items[index].page = items[index - 1].page if index else 0
    return True


def _tool_marker(content: str) -> str | None:
    """Why the line ``content`` is a page marker a tool wrote: a page's comment (:func:`_page_comment`), or the word page
    and its number set off by marks no printer sets there ("--- Page 2 ---", "[Page 2]"); else None.

    >>> print(_tool_marker("--- Page 2 ---"), _tool_marker("Page 2"), _tool_marker("- 2 -"))
    a page marker a tool wrote: '--- Page 2 ---' None None
    """
    if content[:4] == "<!--":
        return _page_comment(content)
    found = _PAGE_NUMBER.match(content) if len(content) <= MARKER_CHARS else None
    if found is None or not found["word"] or not (found["open"].strip() and found["close"].strip()):
        return None
    return f"a page marker a tool wrote: {content!r}" if page_number(content) else None


def _markers_at_page_edges(lines: Lines) -> None:
    r"""Mark the page markers a tool wrote at the pages' edges (:func:`_tool_marker`: beside the form feeds it wrote, or
    ending the pages found at them) as furniture, and leave them out of their pages: a page's first and last lines,
    where its head and foot are looked for, are the printed page's.

    >>> lines = Lines.scan("text\n<!-- page 1 -->\f--- Page 2 ---\nTHE HEAD\ntext")
    >>> _markers_at_page_edges(lines); lines.pages, [line.kind for line in lines.items]
    ([[0], [3, 4]], ['body', 'page_marker', 'page_marker', 'body', 'body'])
    """
    items = lines.items
    for number, page in enumerate(lines.pages):
        first, last = 0, len(page)
        while first < last and (reason := _tool_marker(items[page[first]].content)):
            _mark(items[page[first]], "page_marker", reason, 0.95)
            first += 1
        while last > first and (reason := _tool_marker(items[page[last - 1]].content)):
            _mark(items[page[last - 1]], "page_marker", reason, 0.95)
            last -= 1
        if (first, last) != (0, len(page)):
            lines.pages[number] = page[first:last]


# a comment, or the word page and its number between dashes, inside a line of text (each led by a literal: searched for
# as fast as str.find)
_RUN_ON_MARKERS = (re.compile(r"<!--[^\n]*?-->"),
                   re.compile(r"--+[ \t]*(?i:page)[ \t]*\d{1,4}(?:[ \t]*(?i:of)[ \t]*\d{1,4})?[ \t]*--+"))


def split_run_on_markers(lines: Lines) -> None:
    r"""Split off the page markers a tool ran on into a line of text ("<!-- page 2 -->THE HISTORY OF", "the end.
    --- Page 3 ---"), as if each stood on a line of its own, where the pages are then read from it: a tool writes them
    between pages, and the page's text was joined to it where a newline was lost.

    >>> lines = Lines.scan("the end.\n<!-- page 2 -->THE HEAD\nsee <!-- note --> here --- Page 3 --- go")
    >>> split_run_on_markers(lines); [line.content for line in lines.items]
    ['the end.', '<!-- page 2 -->', 'THE HEAD', 'see <!-- note --> here', '--- Page 3 ---', 'go']
    """
    text = lines.text
    found = [match for pattern in _RUN_ON_MARKERS for match in pattern.finditer(text) if _page_mark(text, match)]
    if not found:
        return
    starts = [line.content_start for line in lines.items]
    cuts = []
    for match in found:
        line = lines.items[bisect_right(starts, match.start()) - 1]
        cuts += [cut for cut in match.span() if line.content_start < cut < line.content_end]
    if cuts:
        lines.split_at(sorted(cuts))


def _page_mark(text: str, match: re.Match[str]) -> bool:
    """Is ``match`` (of ``_RUN_ON_MARKERS`` in ``text``) a page's comment, or dashes round a page's number outside one?"""
    if match[0][:1] == "<":
        return _page_comment(match[0]) is not None
    return text[match.start() - 2:match.start()] != "<!" and page_number(match[0]) is not None


COMMENT_LINES = 4   # a comment a tool wraps over lines ("<!--" / 'PageHeader="..."' / "-->") spans this many at most


def _wrapped_page_comments(items: list[Line], opening: list[Line]) -> dict[int, str]:
    r"""Why each line of a page's comment (:func:`_page_comment`) that spans several lines is furniture, by the line's
    index: a converter wraps a long comment, or keeps the line break of a head or foot printed on two lines in its
    value. The lines are read as one, joined by spaces. Only the lines ``opening`` (those starting with "<!--") are
    asked.

    >>> items = Lines.scan('text\n<!--\nPageHeader="THE HISTORY\nOF ASHCOMBE" -->\n<!-- a\nnote -->').items
    >>> sorted(_wrapped_page_comments(items, [items[1], items[4]]))
    [1, 2, 3]
    """
    found: dict[int, str] = {}
    for line in opening:
        if "-->" in line.content:
            continue
        following = items[line.index + 1:line.index + COMMENT_LINES]
        end = next((n for n, later in enumerate(following) if "-->" in later.content or "<!--" in later.content), None)
        if end is None or "<!--" in following[end].content:
            continue
        wrapped = [line, *following[:end + 1]]
        reason = _page_comment(" ".join(part.content for part in wrapped))
        if reason:
            found |= {part.index: reason for part in wrapped}
    return found


def _implied_pages(lines: Lines, width: int, hard_wrapped: bool) -> bool:
    r"""Find the pages of plain text whose pages were joined with blank lines (no form feed): from their numbers
    (:func:`_numbered_breaks`), and from running heads that repeat the text's title inside a sentence, with no number
    (:func:`_unnumbered_heads`: where the numbers were lost or cropped). Sets ``lines.pages`` and each line's ``page``
    when found.

    >>> page = "line of the text going on\n" * 9
    >>> lines = Lines.scan(page + "\n12\n\nTHE BOOK 13\n\nwent on " + page + "\n14\n")
    >>> _implied_pages(lines, 40, True), [len(page) for page in lines.pages]
    (True, [10, 11])
    """
    # the few lines that may be dirt or a rule, or a page's marker, found by their first or last mark in one pass over
    # the lines (a pass costs ~10M instructions a megabyte)
    marked = [line for line in lines.items if line.content[:1] in _DIRT_MARKS
              or len(line.content) <= MARKER_CHARS and line.content[-1] in _MARKER_ENDS]
    dirt = [line for line in marked if line.content[:1] in _DIRT_MARKS]
    with _without_specks_or_rules(lines.items, dirt) as (items, kept):
        breaks = _implied_breaks(items, marked, width, hard_wrapped) if items else []
    if not breaks:
        return False
    breaks = [kept[start] for start in breaks]
    lines.set_pages([list(range(a, b)) for a, b in zip([0] + breaks, breaks + [len(lines.items)])])
    return True


def _implied_breaks(items: list[Line], markers: list[Line], width: int, hard_wrapped: bool) -> list[int]:
    """The page breaks (each page's first line) of plain text: marked (of the lines ``markers``), numbered or under heads
    repeating the title."""
    after_blank = [line for line in items if line.blank_before]
    # a head starts in capitals, which OCR seldom misreads all as small letters: most lines are ruled out so
    in_capitals = [line for line in after_blank if line.content[:20].isupper()]
    under_text = _under_text(items, after_blank)
    title = _letters(items[0].content).casefold()   # what a running head may repeat
    breaks = _marked_breaks(items, markers) or _numbered_breaks(items, after_blank, in_capitals, under_text, width, title)
    # a head without a number under the text stands over a blank line, or splits a word broken at a hyphen: where the
    # text keeps no blank lines, a title repeated in capitals inside running sentences may be the text's own heading
    headed = [line for line in under_text if line.index + 1 < len(items)
              and (items[line.index + 1].blank_before or _splits_word(items, line.index))]
    candidates = sorted(in_capitals + headed, key=lambda line: line.index)
    heads = _unnumbered_heads(items, candidates, breaks or [0], width, title)
    # without numbers, the title met once in capitals inside a sentence may be the text's own, set as a display line
    # ("the affairs of" / "THE FIRM" / "have prospered"): once, it must split a word broken at a hyphen or stand
    # under a page number OCR misread ("I71")
    if not breaks and (not heads or len(heads) == 1 and not (_splits_word(items, heads[0]) or _under_foot(items, heads[0]))):
        return []
    return sorted(breaks + heads)


MARKER_CHARS = 24   # a line marking a page ("--- Page 12 ---", "Page 3 of 17") holds this many characters at most
_MARKER_ENDS = frozenset("0123456789])*_·=~-\u2010\u2011\u2012\u2013\u2014\u2015")   # and ends in a figure or a mark


def _marked_breaks(items: list[Line], candidates: list[Line]) -> list[int]:
    r"""The page breaks (each page's first line) that lines of an unmistakable page number mark, as a tool joining pages
    writes them ("--- Page 2 ---", "[Page 2]") or a typescript numbers its pages ("- 2 -"): the page starts after each
    (a page's head is read as its first line, as at a form feed), where they count up by 1 to 4 through the text a page
    (``PAGE_LINES`` text lines) apart; none where they do not. Only the ``candidates`` (in text order) are asked.

    >>> lines = Lines.scan("\n".join(["text"] * 9 + ["--- Page 2 ---"] + ["more"] * 9 + ["--- Page 3 ---", "end"]))
    >>> short = Lines.scan("Page 2\ntext\nPage 3\nend").items
    >>> wrapped = Lines.scan("\n".join(["text"] * 9 + ["to face", "p.152"] + ["more"] * 9)).items
    >>> _marked_breaks(lines.items, lines.items), _marked_breaks(short, short), _marked_breaks(wrapped, wrapped)
    ([10, 20], [], [])
    """
    marks = [(line.index, found[0]) for line in candidates
             if (found := page_number(line.content)) is not None and found[1]]
    if not marks or not all(0 < b - a <= 4 for (_, a), (_, b) in zip(marks, marks[1:])):
        return []
    if len(marks) == 1 and marks[0][1] != 2:  # one line counts nothing: only the second page's mark stands alone
        return []   # (a list's reference wrapped to a line of its own, "to face" / "p.152", is no page's end)
    breaks = [index + 1 for index, _ in marks if 0 < index < len(items) - 1]   # (none at the text's edges)
    return breaks if breaks and all(b - a >= PAGE_LINES for a, b in zip([0] + breaks, breaks)) else []


def _beside_furniture(items: list[Line], index: int) -> bool:
    """Does a line next to the one at ``index`` look as a page's furniture may: a figure at an edge, capitals, or four
    characters or less? (Only there does a line left out hide a page break: a section's "***" inside a story does not.)"""
    return any(_digit_at_edge(content) or content[:20].isupper() or len(content) <= 4
               for content in (items[i].content for i in (index - 1, index + 1) if 0 <= i < len(items)))


@contextmanager
def _without_specks_or_rules(items: list[Line], dirt: list[Line]) -> Iterator[tuple[list[Line], Sequence[int]]]:
    r"""The text lines that mark where pages break, read without the lines of specks (:func:`speck`: a scan's dirt at a
    page's edge, "43" / "' ." / "THE HISTORY") and of rules (a markdown "---" between pages), each such line standing
    as a blank line, where a line beside it may be furniture (:func:`_beside_furniture`); and each line's index among
    ``items``. Only the lines ``dirt`` (in text order: those starting with such a mark) are asked. Where some are left
    out, the others are indexed anew for the while (in place: copies of a megabyte's lines cost a fifth of
    ``propose``) and set back after.

    >>> lines = Lines.scan("text\n43\n' .\nTHE HISTORY\n\nmore\n---\nend")
    >>> with _without_specks_or_rules(lines.items, lines.items) as (view, kept):
    ...     [(line.index, line.content, line.blank_before) for line in view], kept
    ([(0, 'text', 0), (1, '43', 0), (2, 'THE HISTORY', 1), (3, 'more', 1), (4, 'end', 1)], [0, 1, 3, 4, 6])
    >>> [(line.index, line.blank_before) for line in lines.items][2:]
    [(2, 0), (3, 0), (4, 1), (5, 0), (6, 0)]
    """
    left_out = [line.index for line in dirt
                if (speck(line.content) or _printed_rule(line.content)) and _beside_furniture(items, line.index)]
    if not left_out:
        yield items, range(len(items))
        return
    gone = set(left_out)
    first = left_out[0]   # the lines before it keep their index
    view = items[:first] + [line for line in items[first:] if line.index not in gone]
    kept = [line.index for line in view]
    blanks: dict[int, int] = defaultdict(int)   # the lines left out before each line that follows them
    for index in left_out:
        after = index + 1
        while after in gone:
            after += 1
        if after < len(items):
            blanks[after] += 1
    try:
        for n in range(first, len(view)):
            view[n].index = n
        for index, count in blanks.items():
            items[index].blank_before += count
        yield view, kept
    finally:
        for line in view[first:]:
            line.index = kept[line.index]
        for index, count in blanks.items():
            items[index].blank_before -= count


def _splits_word(items: list[Line], index: int) -> bool:
    """Does the line at ``index`` stand inside a word broken at a hyphen ("in-" / head / "solvent"; "dis-" / "83" /
    head / "covered": past the last page's foot, :func:`_page_end`)?"""
    return items[_page_end(items, index)].content[-1] in "-\u00ac" and items[index + 1].content[:1].islower()


def _page_end(items: list[Line], index: int) -> int:
    r"""The last text line of the page before a head at ``index``: the line above it, or the one above that past the
    page's foot as OCR reads it, four characters or less holding a digit ("$2"), or three letters or less after a blank
    line ("Ro" for "84", a speck read as "sd"; a salutation's "Sir," has its comma).

    >>> _page_end(Lines.scan("for a year.\n\nRo\n\nTHE BOOK").items, 2), _page_end(Lines.scan("so\n\nsd\nTHE BOOK").items, 2)
    (0, 0)
    >>> _page_end(Lines.scan("so\n\nSir,\nTHE BOOK").items, 2), _page_end(Lines.scan("so\nRo\nTHE BOOK").items, 2)
    (1, 1)
    """
    return index - 2 if index > 1 and _misread_foot(items[index - 1]) else index - 1


def _misread_foot(line: Line) -> bool:
    """Is ``line`` a page's foot as OCR may misread it: four characters or less holding a digit ("$2", "8S"), or three
    letters or less after a blank line ("Ro" for "84", a speck read as "sd")?"""
    foot = line.content
    return (len(foot) <= 4 and any(map(str.isdigit, foot))
            or len(foot) <= 3 and foot.isalpha() and bool(line.blank_before))


def _under_foot(items: list[Line], index: int) -> bool:
    r"""Does the line at ``index`` stand under a page number as OCR misreads it ("I71", right under the page's last
    line, over a blank line)?

    >>> lines = Lines.scan("and the landlord told us\nI71\n\nA JOURNEY\n\nof the old days")
    >>> _under_foot(lines.items, 2), _under_foot(Lines.scan("told us\n171\n\nA JOURNEY\n\nof").items, 2)
    (True, False)
    """
    foot = items[index - 1]
    return not foot.blank_before and bool(_GARBLED_NUMBER.match(foot.content)) and not foot.content.isdigit()


def _under_text(items: list[Line], after_blank: list[Line]) -> list[Line]:
    r"""The lines in capitals that stand right under a line of text (no blank line between) where pages joined by one
    newline put the next page's head: over a blank line (``after_blank``: the lines after one), or anywhere where the
    text keeps almost no blank lines (fewer than one in ``PAGE_LINES`` lines: an engine that keeps none, RapidOCR).

    >>> lines = Lines.scan("The Book\ngoing on and\nTHE BOOK 13\n\nwent on\nTHE END")
    >>> [line.content for line in _under_text(lines.items, [lines.items[3]])]
    ['THE BOOK 13']
    >>> [line.content for line in _under_text(Lines.scan("The Book\ngoing on and\nTHE BOOK 13\nwent on\nTHE END").items, [])]
    ['THE BOOK 13', 'THE END']
    """
    if len(after_blank) * PAGE_LINES < len(items):
        edges = items[2:]
    else:
        edges = [items[line.index - 1] for line in after_blank if line.index > 2]
    return [line for line in edges if not line.blank_before and line.content[:20].isupper()]


def _numbered_breaks(items: list[Line], after_blank: list[Line], in_capitals: list[Line], under_text: list[Line],
                     width: int, title: str) -> list[int]:
    """The page breaks (each page's first line) that page numbers standing after a blank line mark, or over one or
    with none around them where pages were joined by one newline (a foot's bare number, a head in capitals with its
    number at an edge, or glued to it where it repeats the ``title`` (the first line's letters, casefolded) and goes on
    with the count), or none: the numbers must count up by 1 to 4 through the text, a page (``PAGE_LINES`` text
    lines) apart, and the sentence run on across most of those breaks, as a full page ends (numbered headings, hymns
    and stanzas stand between finished sentences)."""
    starts: list[int] = []   # the first line of the page that each number marks
    numbers: list[int] = []
    marked: set[int] = set()   # the lines holding them
    edges = [line for line in after_blank if _digit_at_edge(line.content)]
    # pages joined by one newline: a head with its number (of ``under_text``) stands under the last page's line (a
    # full one, also past a misread foot, or its foot's number: no letter's "Dear Sir," over a heading) with no blank line
    # between
    edges += [line for line in under_text if _digit_at_edge(line.content)
              and (2 * len(items[_page_end(items, line.index)].content) >= width
                   or page_number(items[line.index - 1].content))]
    # an engine that keeps (almost) no blank lines keeps none over a foot either: its bare number under a full line
    feet = [line for line in items if len(line.content) <= 4 and line.content[-1].isdigit() and line.index
            and 2 * len(items[line.index - 1].content) >= width] if len(after_blank) * PAGE_LINES < len(items) else []
    candidates = {line.index: line for line in edges + feet + _feet_over_heads(items, in_capitals, width)}   # each once
    for _, line in sorted(candidates.items()):
        number = page_number(line.content)
        if number is not None:
            if (line.index + 1 == len(items) or items[line.index + 1].blank_before
                    or _head_under_number(items, line.index + 1, title)):
                starts.append(line.index + 1)
                numbers.append(number[0])
                marked.add(line.index)
        elif (line.index and len(line.content) <= 100 and sum(map(str.islower, line.content)) <= 0.2 * len(line.content)
              and _capitals(line.content)):   # (a cheap count first)
            if (edge := _dated_edge_number(line.content)) is not None:   # also after a date ("JUNE 12, 1880.  5")
                value = edge
            elif numbers and (match := _GLUED_NUMBER.match(line.content)) and _repeats_title(
                    line.content[match.end():], title):
                value = int(match.group(1))
            else:
                continue
            if numbers and not 0 < value - numbers[-1] <= 4:
                continue   # a chapter's number at the head's end ("CHAPTER 1"), where the feet carry the pages'
            starts.append(line.index)
            numbers.append(value)
            marked.add(line.index)
    if not numbers or not all(0 < b - a <= 4 for a, b in zip(numbers, numbers[1:])):
        return []
    breaks = sorted({start for start in starts if start < len(items)})
    if not breaks or any(b - a < PAGE_LINES for a, b in zip(breaks, breaks[1:])):
        return []
    runs_on = headed = 0
    full_page_runs_on = False   # past a first page of PAGE_LINES (a title ending in a small letter runs on nowhere)
    titled = _titled_breaks(items, breaks, marked, title)
    for start in breaks:
        before, after = start - 1, start
        while before > 0 and before in marked:
            before -= 1
        while after < len(items) - 1 and after in marked:
            after += 1
        # a foot's number and the next page's head with the next number mark a break between sentences too
        if _runs_on(items[before].content, items[after].content) or starts.count(start) > 1:
            runs_on += 1
            full_page_runs_on |= start >= PAGE_LINES and starts.count(start) == 1
        else:
            headed += start in titled
    # a bare number after the text's last line, going on with the count a page after the last break, is the last
    # page's foot: the numbers are pages' feet where the first stands a page into the text and none over its first page
    # (numbers standing over their songs or rules: the last over one the excerpt cut off)
    closing_foot = (starts[-1] == len(items) and len(items) - breaks[-1] >= PAGE_LINES and breaks[0] >= PAGE_LINES
                    and not any(page_number(line.content) for line in items[:PAGE_LINES]))
    # the title as the head of pages marks breaks between sentences too, where some sentence runs on across a page or
    # a foot closes the text (numbered items under one heading do neither)
    return breaks if 2 * (runs_on + headed * (full_page_runs_on or closing_foot)) > len(breaks) else []


def _digit_at_edge(content: str) -> bool:
    """Does the line ``content`` start or end with a digit, as a line holding a page number does?"""
    return content[0].isdigit() or content[-1].isdigit()


def _head_under_number(items: list[Line], index: int, title: str) -> bool:
    r"""Is the line at ``index``, right under a page number with no blank line between, the next page's running head:
    pages joined by one newline give the last page's foot so ("45" / "THE BOARD OF GUARDIANS" / "" / "resolved that"),
    and an engine that keeps no blank lines gives every page's edge so. It must repeat the text's ``title``
    (:func:`_repeats_title`): a numbered song or section stands under its number with a title of its own.

    >>> lines = Lines.scan("it was\n\n45\nTHE BOARD OF GUARDIANS\n\nresolved that")
    >>> _head_under_number(lines.items, 2, "theboardofguardians"), _head_under_number(lines.items, 2, "songsoftheday")
    (True, False)
    """
    content = items[index].content
    return index + 1 < len(items) and len(content) <= 100 and content[:20].isupper() and _repeats_title(content, title)


def _feet_over_heads(items: list[Line], in_capitals: list[Line], width: int) -> list[Line]:
    """The lines of a bare number set right under a line of text (half the page's ``width`` or more: no label's)
    and over a blank line and a line in capitals (of ``in_capitals``, the lines after a blank line that start so): a
    page's foot over the next page's head, as engines that keep no blank line before the foot give it ("nine hundred
    and five" / "50" / "" / "THE FIRST BOOK OF MOSES")."""
    return [items[line.index - 1] for line in in_capitals
            if line.index > 1 and items[line.index - 1].content[-1].isdigit() and not items[line.index - 1].blank_before
            and len(items[line.index - 1].content) <= 8 and 2 * len(items[line.index - 2].content) >= width
            and _capitals(line.content)]


def _unnumbered_heads(items: list[Line], candidates: list[Line], breaks: list[int], width: int,
                      title: str) -> list[int]:
    r"""The lines that break a page with no number (OCR lost it, or the scan's numbers were cropped): of
    ``candidates`` (lines that start in capitals, after a blank line or under the text), a page (``PAGE_LINES`` text
    lines) from the ``breaks`` found (the text's start where none were) and from each other, a line that repeats the
    text's ``title`` (:func:`_repeats_title`) where the sentence runs on across it from a full line (half the ``width``
    or more: a letter's "for" over the firm's name in capitals signs it).

    >>> lines = Lines.scan("The Book of Ruth\n" + "a line\n" * 9 + "and so it went\n\nTHE BOOK OF RUTH.\n\nso on\n")
    >>> _unnumbered_heads(lines.items, [lines.items[11]], [0], 16, "thebookofruth")
    [11]
    """
    found: list[int] = []
    for line in candidates if len(title) >= HEAD_LETTERS else ():
        index, content = line.index, line.content
        if 1 < index < len(items) - 1 and len(content) <= 100:
            last = items[_page_end(items, index)].content
            if (2 * len(last) >= width and _runs_on(last, items[index + 1].content)
                    and sum(map(str.islower, content)) <= 0.2 * len(content)   # (a cheap count first)
                    and _repeats_title(content, title) and all(abs(index - other) >= PAGE_LINES for other in breaks + found)):
                found.append(index)
    return found


def _titled_breaks(items: list[Line], breaks: list[int], marked: set[int], title: str) -> set[int]:
    r"""The implied pages' breaks whose page opens with the text's ``title`` as its running head (:func:`_repeats_title`).
    Where the title is in capitals, only a head without a number of its own counts (under a foot's number): the first
    of a series of numbered headings opens a text so.

    >>> lines = Lines.scan("The Book of Ruth. Chapter II\n\ntext\n\n12\n\nTHE BOOK OF RUTH.\n\ntext\n\n13\n\nTHE HARVEST")
    >>> sorted(_titled_breaks(lines.items, [3, 6], {2, 5}, "thebookofruthchapterii"))
    [3]
    """
    if len(title) < HEAD_LETTERS:
        return set()
    numbered = not _capitals(items[0].content)   # a numbered head may repeat a title set apart in small letters
    return {start for start in breaks
            if (numbered or start not in marked) and _repeats_title(items[start].content, title)}


def _repeats_title(content: str, title: str) -> bool:
    """Is ``content`` a running head that repeats the title: in capitals, its letters (``HEAD_LETTERS`` or more, in
    any case) found in the title's casefolded letters at a partial ratio of ``SAME_HEAD`` (OCR misreads some; a
    chapter's title differs more)?

    >>> _repeats_title("THE BOOK OF RUTH.", "thebookofruthchapterii"), _repeats_title("THE HARVEST", "thebookofruth")
    (True, False)
    """
    letters = _letters(content)
    return (len(letters) >= HEAD_LETTERS and _capitals(content)
            and fuzz.partial_ratio(letters.casefold(), title) >= SAME_HEAD)


def _runs_on(last: str, following: str) -> bool:
    """Does a sentence run on from the line ``last`` to the line ``following`` (a small letter or a running-on mark
    ends the one, or a small letter starts the other)?"""
    return last[-1].islower() or last[-1] in _RUNS_ON or following.lstrip("\"'‘“(")[:1].islower()


def speck(content: str) -> bool:
    """Is the line only dirt read as marks: a few points, commas, quotes or short dashes, two kinds at
    least, no letter or digit (". ,- ' ~ .")? A line of one mark repeated ("...", "* * *", "—") is set on
    purpose (a leader, an asterism, a rule) and stays, as does any line with a mark no speck makes."""
    marks = content.replace(" ", "").replace("\t", "")
    return len(marks) <= SPECK_CHARS and len(set(marks)) >= 2 and _SPECK_MARKS.issuperset(marks)


def _lone_mark(items: list[Line], line: Line, width: int) -> bool:
    r"""Is ``line`` one or two of a mark that prose never sets alone on a line (a point, a comma, a quote, an accent, a
    caret, a tilde), standing inside a sentence that runs on from one full line of text to the next ("forward in the
    southern counties, and" / "'" / "the hay crop")? A listing's "." and ".." lines stand among short lines.

    >>> lines = Lines.scan("a sentence that runs on over the line and\n'\nthe next line goes on with it to its end.")
    >>> _lone_mark(lines.items, lines.items[1], 44), _lone_mark(lines.items, lines.items[1], 100)
    (True, False)
    """
    marks = line.content.replace(" ", "")
    if len(marks) > 2 or len(set(marks)) > 1 or marks[0] not in _LONE_MARKS or line.raw_start != line.start:
        return False
    index = line.index
    if not 0 < index < len(items) - 1 or line.blank_before or items[index + 1].blank_before:
        return False
    before, after = items[index - 1].content, items[index + 1].content
    return (2 * min(len(before), len(after)) >= width and (before[-1].islower() or before[-1] in _RUNS_ON)
            and after[0].islower())


@cache
def _decimal_digits() -> np.ndarray:
    """Per code point up to U+FFFF, whether it is a digit (``\\d``); the last entry, for all beyond, is true: a table for
    :meth:`.LineCodes.holding` that finds every line a search for a digit would (a regex search costs ~200 instructions
    a character).

    >>> codes = LineCodes(["no", "page 12", "\u0663", "\U0001d7d8", ""])
    >>> codes.holding(_decimal_digits().take(codes.codes, mode="clip")).tolist()
    [False, True, True, True, False]
    """
    return np.array([chr(code).isdecimal() for code in range(0x10000)] + [True])


@cache
def _not_in_page_number() -> np.ndarray:
    """Per code point up to U+007F, whether it is an ASCII character that :data:`_PAGE_NUMBER` matches nowhere (a
    letter not of "page", "pg", "p.", "of" or a roman numeral; a mark not among its dashes, points and brackets);
    the last entry, for all beyond ASCII (its dashes, "·", and letters that match a roman numeral's ignoring case),
    is false: a table for :meth:`.LineCodes.holding`, lines holding none of these may be page numbers.

    >>> codes = LineCodes(["- 12 -", "Page 3 of 7", "xiv", "the end", "12,", "\u2014 4 \u2014"])
    >>> (~codes.holding(_not_in_page_number().take(codes.codes, mode="clip"))).tolist()
    [True, True, True, False, False, True]
    """
    allowed = set("0123456789" "ivxlcdm" "pageof" "IVXLCDM" "PAGEOF" "-=~_.*[]()/")
    return np.array([not (chr(code) in allowed or chr(code).isspace()) for code in range(128)] + [False])


def _short(line: Line, width: int, hard_wrapped: bool) -> bool:
    """Short enough for a head or foot: body lines of a hard-wrapped page run to its full width."""
    length = len(line.content) if "  " not in line.content else len(" ".join(line.content.split()))
    return length <= (0.8 * width if hard_wrapped else 100)


def _classify_pages(lines: Lines, width: int, hard_wrapped: bool) -> None:
    items = lines.items
    pages = [page for page in lines.pages]
    zones: list[list[Line]] = []
    for number, page in enumerate(pages):
        edge = page[:HEAD_LINES] + [i for i in page[-FOOT_LINES:] if i not in page[:HEAD_LINES]]
        zones.append([items[i] for i in edge] if len(page) > 1 else [])
        for line in zones[-1]:
            found = page_number(line.content)
            # a bare "II" heads a chapter as often as a page; front matter numbers its pages "xiv"
            if found and (found[1] or not line.content.strip("-–—=~_.·*[]() ").isupper()):
                value, strong = found
                _mark(line, "page_number", f"page number {value} at the {'head' if line.index in page[:HEAD_LINES] else 'foot'} of page {number + 1}", 0.95 if strong else 0.85)
    # running heads and feet: recur on nearby pages with the number changing, or carry the page's number
    # The first page's first line (specks, "y", "'.", aside), and whether the page is sunk; a page whose
    # head carries its number is no opening page.
    top = next((i for i in pages[0] if items[i].kind != "body" or len(items[i].content) > 2), -1)
    opening = sunk(items, pages) and all(items[i].kind != "page_number" for i in pages[0][:HEAD_LINES])
    keys = [[(line, head_key(line.content)) for line in zone if line.kind == "body" and _short(line, width, hard_wrapped)]
            for zone in zones]
    # spaces hardly matter ("THEHEDGESOF"); heads in capitals may be matched more loosely
    squeezed = [[key.replace(" ", "") for _, key in candidates] for candidates in keys]
    for number, candidates in enumerate(keys):
        if not candidates:
            continue
        others = [other for other in range(max(0, number - 3), min(len(keys), number + 4)) if other != number]
        window = [(other, other_line, other_key) for other in others for other_line, other_key in keys[other]]
        scores = process.cdist(squeezed[number], [key for other in others for key in squeezed[other]],
                               scorer=fuzz.ratio, score_cutoff=75, dtype=np.uint8) if window else None
        # "changing": the same head with another page number; "static": the same words (a head
        # printed without its number, or with a number that is part of its title)
        changing: dict[int, set[int]] = defaultdict(set)
        static: dict[int, set[int]] = defaultdict(set)
        unnumbered: set[int] = set()   # rows matching some other page's copy printed without a number
        if window:
            # the few cells of a page's scores read as lists: numpy's nonzero and indexing cost more than this
            matches = [(row, column, score) for row, row_scores in enumerate(scores.tolist())
                       for column, score in enumerate(row_scores) if score]
            for row, column, score in matches:
                other, other_line, other_key = window[column]
                line, key = candidates[row]
                if score < 85 and not (_capitals(line.content) and _capitals(other_line.content)):
                    continue
                if "#" in key and "#" in other_key and other_line.content != line.content:
                    changing[row].add(other)
                else:
                    static[row].add(other)
                if "#" not in other_key:
                    unnumbered.add(row)
        for row, (line, key) in enumerate(candidates):
            if len(key) - key.count(" ") - key.count("#") < 3:
                continue
            same = static.get(row, set())
            if number == 0 and not _NUMBER_TOKEN.search(line.content) and (
                    (line.index == top and row not in unnumbered) or (opening and line.index in pages[0][:HEAD_LINES])):
                # a chapter's opening page carries no running head: its first line is the title when it is
                # printed without the number that every later copy carries ("THE VOYAGE" over "12 THE
                # VOYAGE", "THE VOYAGE 13"; a digit OCR read inside a word, "1HE VOYAGE", is no number), and
                # any line at its head when the page is sunk, as opening pages are
                continue
            # (each test only where the ones before it fail: most lines are no heads)
            if ((changing.get(row) or len(same) >= 2 or (number > 0 and _edge_pair(items, pages, line, window, same)))
                    and _head_like(line.content, full_stop=True) and not _figures(line.content)):
                # (a line of lower-case words is text the book repeats, "One kid of the goats for a sin offering:";
                # a line of figures is a table's row, "46m. Water 11h 49m.")
                pages_seen = len(changing.get(row, set()) | same) + 1
                _mark(line, "running_head", f"running head recurring on {pages_seen} pages", 0.9)
            elif number > 0 and line.index == pages[number][0] and _numbered_head_of(line, number + 1, width, hard_wrapped):
                _mark(line, "running_head", f"running head with the page number of page {number + 1}", 0.85)
    _numbered_edges(lines, zones, width, hard_wrapped)
    _continuation_heads(lines, width, hard_wrapped)
    _title_heads(lines)
    # a page number OCR misread ("$2", "o9", "I20") where other pages have numbered furniture, or a misread
    # number of its own ("I71" at the foot of one page, "I172" at the foot of the next)
    garbled = [(number, line) for number, zone in enumerate(zones) for line in zone
               if line.kind == "body" and line.index in (pages[number][0], pages[number][-1])
               and _GARBLED_NUMBER.match(line.content.strip("\"'‘’“”"))]
    if garbled and (len({number for number, _ in garbled}) > 1 or any(
            line.kind != "body" and _DIGITS.search(line.content) for zone in zones for line in zone)):
        for number, line in garbled:
            _mark(line, "page_number", f"page number misread by OCR ({line.content!r}) on page {number + 1}", 0.75)
    _feet_inside_words(items, pages)
    for page in pages:
        last = next((items[i] for i in reversed(page) if items[i].kind == "body"), None)
        if last is not None and len(page) > 1 and signature_mark(last.content):
            _mark(last, "signature_mark", f"signature mark at the foot of page {last.page + 1}", 0.8)
    _head_rules(lines)
    # catchwords: the last text line of a page, announcing the next page's first word
    for number in range(len(pages) - 1):
        # (a rule under the catchword, as a markdown "---" between pages, is passed over)
        text_lines = list(islice((items[i] for i in reversed(pages[number])
                                  if items[i].kind == "body" and not _printed_rule(items[i].content)), 2))
        following = next((items[i] for later in range(number + 1, min(len(pages), number + 3))
                          for i in pages[later] if items[i].kind == "body"), None)
        if len(text_lines) < 2 or following is None:
            continue
        last = text_lines[0]
        found = catchword(last.content)
        if found is None:
            if last.content.casefold() in ("over", "turn over"):
                _mark(last, "catchword", "continuation mark at the foot of the page", 0.85)
            continue
        word, marked = found
        slash = _CATCHWORD.match(last.content)
        if not word:
            _mark(last, "catchword", "continuation mark at the foot of the page", 0.95)
        elif announces(word, following.content, marked=True):   # a lone word at a page's foot is marked by its place
            _mark(last, "catchword", f"catchword \"{word}\" repeats the next page's first word", 0.95)
        elif slash and slash.group("slash"):
            _mark(last, "catchword", f"typewriter catchword \"/{word}\" at the foot of the page", 0.8)
    _rules_inside_sentences(items, pages)


def _feet_inside_words(items: list[Line], pages: list[list[int]]) -> None:
    r"""Mark a page's last line that OCR misread from its page number (:func:`_misread_foot`: "8S", "Ro") where it
    stands between the halves of a word broken at the page's end ("dis-" / "8S" / "covered"): no text stands there.

    >>> lines = Lines.scan("it was dis-\n\nRo\fTHE BOOK\n\ncovered by him.")
    >>> lines.items[2].kind = "running_head"
    >>> _feet_inside_words(lines.items, lines.pages); [line.kind for line in lines.items]
    ['body', 'page_number', 'running_head', 'body']
    """
    for page, following in zip(pages, pages[1:]):
        last = list(islice((items[i] for i in reversed(page) if items[i].kind == "body"), 2))   # foot, then text
        # (each test only where the ones before it hold: most pages end in a line of text)
        if len(last) < 2 or last[1].content[-1] not in "-\u00ac" or not _misread_foot(last[0]):
            continue
        after = next((items[i] for i in following if items[i].kind == "body"), None)
        if after is not None and last[1].content[-2:-1].isalpha() and after.content[:1].islower():
            _mark(last[0], "page_number", f"page number misread by OCR ({last[0].content!r}) between the halves of a "
                                          "word broken at the page's end", 0.75)


def _rules_inside_sentences(items: list[Line], pages: list[list[int]]) -> None:
    r"""Mark the rules and asterisms between pages (:func:`_printed_rule`: "---", "* * *") where a sentence runs on across
    them (no stop ends the page's last line, a small letter starts the next page's first): a tool's page separator, a
    markdown thematic break; a section's break in the text stands between sentences.

    >>> lines = Lines.scan("of their Use\n* * *\fof Tobacco.\n* * *\fThe Town")
    >>> _rules_inside_sentences(lines.items, lines.pages); [line.kind for line in lines.items]
    ['body', 'page_marker', 'body', 'body', 'body']
    """
    for page, following in zip(pages, pages[1:]):
        before = [items[i] for i in page[-FOOT_LINES:] if items[i].kind == "body"]
        after = [items[i] for i in following[:HEAD_LINES + 1] if items[i].kind == "body"]
        rules = []
        while before and _printed_rule(before[-1].content):
            rules.append(before.pop())
        while after and _printed_rule(after[0].content):
            rules.append(after.pop(0))
        if rules and before and after and before[-1].content[-1] not in ".!?:;)\"'”’" and after[0].content[:1].islower():
            for line in rules:
                _mark(line, "page_marker", f"a rule between pages inside a sentence, a tool's page separator: "
                                           f"{line.content!r}", 0.8)


def _head_rules(lines: Lines) -> None:
    """A rule right under a running head or a page number ("24   The HISTORY of ASHCOMBE." over "______"):
    the page's head rule, printed with its head on every page, no part of the text (a rule between paragraphs,
    a heading's "=====" underline, stays).

    >>> items = [Line(0, 0, 0, 0, "24  THE HISTORY", 0, 0, kind="running_head"), Line(1, 0, 0, 0, "_" * 30, 0, 0),
    ...          Line(2, 0, 0, 0, "Text", 0, 0), Line(3, 0, 0, 0, "=" * 4, 0, 0)]
    >>> _head_rules(Lines("_" * 30, items)); [line.kind for line in items]
    ['running_head', 'running_head', 'body', 'body']
    """
    items = lines.items
    for above in [line for line in items if line.kind in ("running_head", "page_number")]:   # a few lines
        line = items[above.index + 1] if above.index + 1 < len(items) else None
        # (marks spaced out, "* * *", are a section's asterism: no head's rule)
        if line is not None and line.page == above.page and line.kind == "body" and _printed_rule(line.content) \
                and " " not in line.content:
            _mark(line, "running_head", "rule under the running head", above.confidence)


def _printed_rule(content: str) -> bool:
    """A line of one mark repeated, a mark a printed rule is read as.

    >>> _printed_rule("______"), _printed_rule("———"), _printed_rule("III"), _printed_rule("...")
    (True, True, False, False)
    """
    return content[0] in _RULE_MARKS and rule(content)


def sunk(items: list[Line], pages: list[list[int]]) -> bool:
    """Is the first page set lower than the others, as books set a chapter's or an article's opening page
    ("sinkage")? It holds ``SUNK_LINES`` text lines fewer than a later page; a page before the last is
    full otherwise. Lines of one or two characters (specks, a stray mark) are not counted.

    >>> page = [Line(n, 0, 0, 0, "a line of text", 0, 0) for n in range(30)]
    >>> sunk(page, [list(range(24)), list(range(30))]), sunk(page, [list(range(30)), list(range(29))])
    (True, False)
    """
    counts = [len([i for i in page if len(items[i].content) > 2]) for page in pages]   # a list is counted faster than a generator
    return len(counts) > 1 and counts[0] + SUNK_LINES <= max(counts[1:])


def _continuation_heads(lines: Lines, width: int, hard_wrapped: bool) -> None:
    """The head of a letter's continuation page: "Mr J. Smith  - 2 -  4 May 1983" as its first line."""
    items, pages = lines.items, lines.pages
    first_page = _first_page_blocks([items[i] for i in pages[0]]) if pages else []
    for page in pages[1:]:
        line = next((items[i] for i in page if items[i].kind == "body"), None)
        found = line is not None and line.index == page[0] and _continuation_head(line, first_page, width, hard_wrapped)
        if found:
            reason, confidence = found
            _mark(line, "running_head", f"{reason} on page {line.page + 1}", confidence)


def _first_page_blocks(lines: list[Line]) -> list[str]:
    """The short lines among a letter's first 15 ``lines`` (its addresses, the addressee's name, the date)."""
    return [line.content for line in lines[:15] if 6 <= len(line.content) <= 45]


def _continuation_head(line: Line, first_page: list[str], width: int, hard_wrapped: bool) -> tuple[str, float] | None:
    """(reason, confidence) where ``line`` is a letter's continuation head, else None.

    Known by a page number set off by dashes, or by repeating two of the first page's short
    lines (``first_page``: the addressee's name and the date), however OCR garbled the number between them.
    A text that is not hard-wrapped has no measure to compare with: its head is at most 100
    characters, not a page whose lines were joined into one (head and all).

    >>> blocks = ["22 June 1984", "Mrs M. J. Ellerby", "Department of Trade"]
    >>> _continuation_head(Line(0, 0, 0, 0, "Mrs M. J. Ellerby = 25 22 June 1984", 0, 0), blocks, 65, True)
    ("continuation head repeating the first page's addressee and date", 0.8)
    >>> _continuation_head(Line(0, 0, 0, 0, "Mrs Ellerby wrote on 3 May", 0, 0), blocks, 65, True) is None
    True
    """
    longest = max(1.2 * width, 60)
    if not hard_wrapped:
        longest = min(longest, 100)
    if len(line.content) > longest:
        return None
    if _DASHED_NUMBER.search(line.content):
        return "continuation head with its page number", 0.85
    if (len(line.content) <= 90 and _head_like(line.content, full_stop=True)
            and sum(fuzz.partial_ratio(block, line.content) >= 80 for block in first_page) >= 2):
        return "continuation head repeating the first page's addressee and date", 0.8
    return None


def _title_heads(lines: Lines) -> None:
    """A page's first line that repeats the text's title in capitals ("LONG TERM SUPPORT" over
    page 2 of "Long Term Support"): the running head of a chapter, printed from its second page. Spaces
    hardly matter: an engine may read the head without them ("LONGTERMSUPPORT")."""
    items, pages = lines.items, lines.pages
    if not pages or not pages[0]:
        return
    title = items[pages[0][0]].content.casefold()
    if not 8 <= len(title) <= 100:
        return
    squeezed = title.replace(" ", "")
    for page in pages[1:]:
        line = next((items[i] for i in page if items[i].kind == "body"), None)
        if (line is not None and line.index == page[0] and len(line.content) >= 8 and _capitals(line.content)
                and (fuzz.partial_ratio(line.content.casefold(), title) >= 85
                     or fuzz.partial_ratio(line.content.casefold().replace(" ", ""), squeezed) >= 85)):
            _mark(line, "running_head", f"running head repeating the title on page {line.page + 1}", 0.85)


def _edge_pair(items: list[Line], pages: list[list[int]], line: Line, window: list[tuple[int, Line, str]],
               same: set[int]) -> bool:
    """A head repeated on just one other page (of ``same``, the pages of ``window`` it matches) must stand at the
    edge of both, after the first page (a line that matches on no other page, as most do, is no pair)."""
    return bool(same) and _at_edge(items, pages, line) and any(
        _at_edge(items, pages, other_line) for other, other_line, _ in window if other in same and other > 0)


def _numbered_head_of(line: Line, page: int, width: int, hard_wrapped: bool) -> bool:
    """Is ``line``, the first of page number ``page``, a head carrying that number, or a head in capitals with
    a number at its edge?

    >>> _numbered_head_of(Line(0, 0, 0, 0, "Roads and Coaches 43", 0, 0), 43, 65, True)
    True
    >>> _numbered_head_of(Line(0, 0, 0, 0, "on 43 days of the year", 0, 0), 43, 65, True)
    False
    """
    content = line.content
    return ((_short(line, width, hard_wrapped) and str(page) in _DIGITS.findall(content)
             and _head_like(content, full_stop=True))
            or (_capitals(content) and bool(_edge_number(content)) and len(content.split()) >= 3))


def _at_edge(items: list[Line], pages: list[list[int]], line: Line) -> bool:
    """Is ``line`` the first or the last text line of its page?"""
    page = pages[line.page]
    first = next((i for i in page if items[i].kind != "page_number"), None)
    return first is not None and line.index in (first, next(i for i in reversed(page) if items[i].kind != "page_number"))


def _edge_number(content: str) -> re.Match[str] | None:
    """``_EDGE_NUMBER.search(content)``, tried only on a line that starts or ends with a digit (most lines do neither,
    and the search tries its second alternative at every position).

    >>> _edge_number("41 THE KING'S POST").group(1), _edge_number("Roads and Coaches 43").group(2), _edge_number("6. I therefore")
    ('41', '43', None)
    """
    return _EDGE_NUMBER.search(content) if content[:1].isdigit() or content[-1:].isdigit() else None


def _figures(content: str) -> bool:
    """Are most of the words of ``content`` figures (a number, with a unit of two letters at most), as a table's
    rows are? A head is a title, a page number or both: one number, or two with a chapter's or a year's; a page
    number run into the title ("154PROCEEDINGSOF") is a word of the title.

    >>> _figures("46m. Water 11h 49m."), _figures("61 THE FARMER'S ALMANACK"), _figures("Chap. 3. of ASHCOMBE. 25")
    (True, False, False)
    >>> _figures("154PROCEEDINGSOFTHESOCIETY")
    False
    """
    words = content.split()
    figures = sum(1 for word in words if _DIGITS.search(word) and len(_letters(word)) <= 2)
    return 2 * figures > len(words)


def _capitals(content: str) -> bool:
    """Mostly capital letters, as running heads are set.

    >>> _capitals("346 OAS TINCTIVE FLA SURES OF SQUITE"), _capitals("The History of Trade 12")
    (True, False)
    """
    letters = _letters(content)
    return len(letters) >= 4 and sum(map(str.isupper, letters)) >= 0.8 * len(letters)


def _letters(content: str) -> str:
    """The letters of ``content``, found a run at a time (a match per letter costs several times more).

    >>> _letters("Page 12, l'Hôtel")
    'PagelHôtel'
    """
    return "".join(_LETTER_RUNS.findall(content))


def _head_like(words: str, *, full_stop: bool = False) -> bool:
    """Words of a running head: three letters or more, most words not in lower case, no full stop at the end.

    >>> _head_like("THE KING'S POST"), _head_like("Roads and Coaches"), _head_like("I therefore recommend that")
    (True, True, False)
    >>> _head_like("J. M. Fenwick Esq = 2 5 14 October 1983"), _head_like("2 April was the day we met")
    (True, False)
    """
    tokens = words.split()
    upper = sum(1 for token in tokens if not token[:1].islower())
    return (len(_letters(words)) >= 3 and upper * 2 > len(tokens)
            and (full_stop or not words.rstrip().endswith(".")))


def _numbered_edges(lines: Lines, zones: list[list[Line]], width: int, hard_wrapped: bool) -> None:
    """Heads and feet that begin or end with a number counting up with the pages ("41 THE KING'S POST").

    The count may run on from a page number alone on the page before.
    """
    numbered: list[list[tuple[Line, int]]] = []
    for zone in zones:
        found = []
        for line in zone:
            if line.kind == "page_number":
                number = page_number(line.content)
                if number:
                    found.append((line, number[0]))
                continue
            candidate = line.kind in ("body", "running_head") and _short(line, width, hard_wrapped)
            match = _edge_number(line.content) if candidate else None
            if match and _head_like(line.content[match.end():] if match.group(1) else line.content[:match.start()]):
                found.append((line, int(match.group(1) or match.group(2))))
        numbered.append(found)
    for number in range(len(numbered) - 1):
        for line, value in numbered[number]:
            for other, other_value in numbered[number + 1]:
                if other_value == value + 1:
                    for head in (line, other):
                        if head.kind == "body":
                            _mark(head, "running_head", "running head whose page number counts up with the pages", 0.85)


def _classify_plain(lines: Lines, width: int, hard_wrapped: bool) -> None:
    items = lines.items
    body = [line for line in items if line.kind == "body"]
    position = {line.index: n for n, line in enumerate(body)}   # rank among the text lines

    def isolated(line: Line) -> bool:
        after = items[line.index + 1] if line.index + 1 < len(items) else None
        return (line.index == 0 or line.blank_before > 0) and (after is None or after.blank_before > 0)

    def next_text(line: Line) -> Line | None:
        n = position[line.index] + 1
        return body[n] if n < len(body) else None

    def blank_after(line: Line) -> bool:
        """Does a blank line follow ``line``?"""
        return line.index + 1 < len(items) and items[line.index + 1].blank_before > 0

    first_page = _first_page_blocks(items)   # plain text's first lines stand for a letter's first page

    def continued(line: Line, word: str, marked: bool) -> bool:
        """Is ``line`` a letter's continuation head ("Mr J. Smith  2  14 October 1983", however long) over the word
        a catchword announces? (A date or a page number has figures: asked first, that and the word spare most lines
        the costlier test.)"""
        after = next_text(line)
        return (bool(figures[position[line.index]]) and after is not None
                and announces(word, after.content, marked=marked)
                and _continuation_head(line, first_page, width, hard_wrapped) is not None)

    def mark_catchword(line: Line, word: str, marked: bool) -> None:
        """A catchword stands before a page break (blank lines, or the next page's head) and
        announces the first word of the next page's text."""
        following = next_text(line)
        while following is not None and following.furniture:
            following = next_text(following)
        # a typewriter's marked catchword may stand over the next page's number as OCR garbles it ("/We" / "Qo" /
        # "We are"): a line of three characters or less over the announced word, set apart by a blank line above or
        # below it (pages joined by one newline keep only the one inside the page)
        top = following if (marked and following is not None and len(following.content) <= 3
                            and (following.blank_before or blank_after(following))
                            and not announces(word, following.content, marked=marked)) else None
        if top is not None:
            following = next_text(top)
        head = (following if following is not None and not announces(word, following.content, marked=marked)
                and (_numbered_head(following, width, hard_wrapped) or continued(following, word, marked)) else None)
        if head is not None:
            following = next_text(following)
            if following is not None and _printed_rule(following.content):   # a rule under the head
                following = next_text(following)
        after = items[line.index + 1] if line.index + 1 < len(items) else None
        previous = body[position[line.index] - 1] if position[line.index] > 0 else None
        # an unmarked word is a catchword only where the sentence runs on ("in / present / present
        # circumstances"), not a reply repeated ("agreed. / Yes / Yes, he said"), nor a poem's title after the
        # source of the quotation before ("-- Lao Tse, \"Tao Te Ching\" / Nature / Nature is not kind;")
        runs_on = marked or (previous is not None and previous.content.rstrip("\"'’”)]")[-1:] not in ".!?:"
                             and not previous.content.startswith("-- "))
        if (word and following is not None and previous is not None and after is not None
                and (after.blank_before or after.furniture or head is not None or top is not None)
                and runs_on and announces(word, following.content, marked=marked)):
            _mark(line, "catchword", f"catchword \"{word}\" before a page break repeats the next page's first word", 0.9 if marked else 0.8)
            if head is not None:   # the next page's head, between the catchword and the word it announces
                _mark(head, "running_head", "head of the page a catchword announces", 0.8)
            if top is not None and (number := page_number(top.content)):
                _mark(top, "page_number", f"page number {number[0]} at the top of the page a catchword announces", 0.8)

    weak_numbers: list[tuple[Line, int]] = []
    catchwords: list[tuple[Line, str, bool]] = []
    # plain text asks every line whether it is a catchword, a page number or a signature mark (a call and a regex
    # each, some 60M instructions a megabyte): each is asked only of the lines that numpy finds few enough words in
    # or made only of a page number's characters, as the question asked would tell, and the loops pass over those
    # lines alone (most lines are none of these)
    codes = LineCodes([line.content for line in body])
    words = codes.words()
    figures = codes.holding(_decimal_digits().take(codes.codes, mode="clip"))   # the lines holding a digit
    few = words <= CATCHWORD_WORDS
    numeral = ~codes.holding(_not_in_page_number().take(codes.codes, mode="clip"))
    for n in (few | numeral).nonzero()[0].tolist():
        line = body[n]
        found = catchword(line.content) if few[n] else None
        if found is not None:
            word, marked = found
            if not word and position[line.index] > 0:
                _mark(line, "catchword", "continuation mark", 0.9)
                continue
            mark_catchword(line, word, marked)
            if line.kind == "body":
                catchwords.append((line, word, marked))
            continue
        found_number = page_number(line.content) if numeral[n] else None
        if found_number:
            value, strong = found_number
            if strong:
                _mark(line, "page_number", f"page number {value}", 0.9)
            elif isolated(line) and value < 1000:
                weak_numbers.append((line, value))
    # running heads: short lines recurring with a changing number (a head in capitals may span a
    # newspaper page's columns, longer than the column's lines)
    groups: dict[str, list[Line]] = defaultdict(list)
    # (a line with no digit, as most are, holds no number: asked first, that spares most lines the costlier tests;
    # a line in capitals has a fifth of its letters small at most, so one with more letters a-z than a quarter of its
    # characters, as prose has, is not asked _capitals)
    small = 4 * codes.counting(codes.codes - 97 < 26) > codes.ends - codes.starts
    for n in figures.nonzero()[0].tolist():
        line = body[n]
        if (line.kind in ("body", "running_head")   # (a head a catchword announced still counts among the copies)
                and (_short(line, width, hard_wrapped) or (len(line.content) <= 100 and not small[n]
                                                          and _capitals(line.content)))
                and _NUMBER.search(line.content)):
            key = head_key(line.content)
            if "#" in key and len(key) - key.count(" ") - key.count("#") >= 3:
                groups[key].append(line)
    def mid_sentence(line: Line) -> bool:
        """Does a sentence run on across ``line`` ("whereupon the / THE HALL 23 / stranger")?"""
        n = position[line.index]
        # (the text's first line, its title, breaks no sentence: "Songs of the Western Shore" / "1")
        before, after = (body[n - 1].content.rstrip() if n > 1 else ""), next_text(line)
        return ((bool(before) and (before[-1].islower() or before[-1] in _RUNS_ON))
                or (after is not None and after.content.lstrip("\"'‘“(")[:1].islower()))

    for members in _merge_misread(groups):
        # a page's heads stand a page apart (copies closer together are a table's rows), and their number
        # counts up with the pages (a changelog's dated sign-offs and releases count down, or change by several)
        spaced = _page_apart(members, [position[m.index] for m in members])
        if len({m.content for m in spaced}) < 2 or not _counts_up(spaced):
            continue
        # Without page breaks, numbered headings ("CHAPTER 2.", "Article 3") recur too; a page's head
        # falls where the page ends, mostly inside a sentence, a heading between paragraphs. The
        # text's first line breaks no sentence either way: it does not vote.
        voters = [member for member in spaced if position[member.index] > 0]
        recurring = len(spaced) >= 3 and (2 * sum(map(mid_sentence, voters)) > len(voters) or _paper_heads(spaced))
        for member in spaced:
            if recurring or _DASHED_NUMBER.search(member.content) or _near_signal(items, member):
                _mark(member, "running_head", f"running head recurring {len(spaced)} times with a changing number", 0.85)
    # bare numbers: page numbers when they count up through the text, or sit at a page break
    in_sequence = []
    for n, (line, value) in enumerate(weak_numbers):
        neighbours = weak_numbers[max(0, n - 1):n] + weak_numbers[n + 1:n + 2]
        in_sequence.append(any(abs(other_value - value) == 1 and (other_value > value) == (other.index > line.index)
                               and abs(position[other.index] - position[line.index]) >= 8
                               for other, other_value in neighbours))
    # Numbers counting up also number hymns, stanzas and sections, which stand between finished
    # sentences; a page ends where it is full, so most page breaks fall inside a sentence.
    counted = [line for (line, _), counts in zip(weak_numbers, in_sequence) if counts]
    if counted and 4 * sum(map(mid_sentence, counted)) < len(counted):
        in_sequence = [False] * len(weak_numbers)
    for (line, value), counts in zip(weak_numbers, in_sequence):
        if counts or _near_signal(items, line):
            _mark(line, "page_number", f"page number {value}", 0.85 if counts else 0.8)
    _head_rules(lines)
    # the page breaks found since: a catchword before the next page's head, a signature mark beside one
    for line, word, marked in catchwords:
        mark_catchword(line, word, marked)
    for n in (words <= 2).nonzero()[0].tolist():
        line = body[n]
        if line.kind == "body" and signature_mark(line.content) and _near_signal(items, line):
            _mark(line, "signature_mark", "signature mark at a page break", 0.75)


PAGE_LINES = 8   # a page holds at least this many text lines: copies of a line closer together are no running heads


def _page_apart(members: list[Line], ranks: list[int]) -> list[Line]:
    """The ``members`` (in text order, at ``ranks`` among the text lines) that stand ``PAGE_LINES`` or more from
    the nearest other member, as the heads of pages do.

    >>> rows = [Line(n, 0, 0, 0, f"2.{n}  2001  PSF  yes", 0, 0) for n in range(4)]
    >>> [line.content for line in _page_apart(rows, [0, 1, 2, 30])]
    ['2.3  2001  PSF  yes']
    """
    gaps = [b - a for a, b in zip(ranks, ranks[1:])]
    return [member for member, before, after in zip(members, [PAGE_LINES] + gaps, gaps + [PAGE_LINES])
            if min(before, after) >= PAGE_LINES]


def _counts_up(members: list[Line]) -> bool:
    """Does the number that changes between the recurring lines ``members`` count up through the text, as a page
    number does? Between two copies with as many numbers, one number changes and goes up; a release or a dated
    sign-off of a changelog counts down, or changes in several numbers (its day and time).

    >>> lines = [Line(n, 0, 0, 0, content, 0, 0) for n, content in enumerate(["THE HALL 23", "THE HALL 25", "THE HALL 27"])]
    >>> _counts_up(lines), _counts_up(lines[::-1])
    (True, False)
    >>> _counts_up([Line(n, 0, 0, 0, f"-- J. Smith  Tue, {n} May 2023 1{n}:5{n}:00", 0, 0) for n in (1, 3)])
    False
    """
    numbers = [[int(digits) for digits in _DIGITS.findall(member.content)] for member in members]
    up = down = 0
    for a, b in zip(numbers, numbers[1:]):
        changed = [(x, y) for x, y in zip(a, b) if x != y] if len(a) == len(b) else []
        if len(changed) == 1:
            up += changed[0][1] > changed[0][0]
            down += changed[0][1] < changed[0][0]
        elif changed:
            down += 1
    return up > down


_MAX_FUZZY_KEYS = 500   # beyond this many distinct heads (a long table's rows) only exact copies are grouped


def _merge_misread(groups: dict[str, list[Line]]) -> list[list[Line]]:
    """Groups of lines by head key, those whose keys differ only as OCR misreads them merged
    ("THE HISTORY OF ASHCOMBE" and "THE HISTRY OF ASHCOMBE"), as the heads of pages are matched.
    Only keys with a number or two (the page's, a chapter's) are merged: lines with more (a changelog's
    signature lines, "Thu, 26 Jan 2023 22:58:46 +0100") differ by more than a misread.

    >>> lines = {key: [Line(n, 0, 0, 0, key, 0, 0)] for n, key in enumerate(["THE HISTORY #", "THE HISTRY #", "Roads #"])}
    >>> [[line.content for line in group] for group in _merge_misread(lines)]
    [['THE HISTORY #', 'THE HISTRY #'], ['Roads #']]
    """
    keys = list(groups)
    parent = list(range(len(keys)))
    few_numbers = [key.count("#") <= 2 for key in keys]

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    if 1 < len(keys) <= _MAX_FUZZY_KEYS:
        squeezed = [key.replace(" ", "") for key in keys]
        scores = process.cdist(squeezed, squeezed, scorer=fuzz.ratio, score_cutoff=75, dtype=np.uint8)
        for i, j in zip(*np.nonzero(np.triu(scores, 1))):
            alike = scores[i, j] >= 85 or (_capitals(keys[i]) and _capitals(keys[j]))   # as heads of pages
            if alike and few_numbers[i] and few_numbers[j]:
                parent[root(int(j))] = root(int(i))
    merged: dict[int, list[Line]] = defaultdict(list)
    for i, key in enumerate(keys):
        merged[root(i)].extend(groups[key])
    return [sorted(members, key=lambda line: line.index) for members in merged.values()]


def _paper_heads(members: list[Line]) -> bool:
    """Are these recurring lines a paper's page heads even where its pages end between articles: the
    same title of three words or more in capitals with the issue's date, the page number at an edge
    counting up ("1  THE WEEKLY COURIER, SATURDAY, MARCH 3, 1866.", "2  THE WEEKLY ...")? A numbered
    heading carries its own title ("CHAPTER 2. THE MILL"), a single word ("HYMN 214.") or no date
    ("THE TREATY, ARTICLE 3").

    >>> lines = [Line(n, 0, 0, 0, f"{n + 1}  THE WEEKLY COURIER, MARCH 3, 1866.", 0, 0) for n in range(3)]
    >>> _paper_heads(lines), _paper_heads([Line(n, 0, 0, 0, f"HYMN {n + 1}.", 0, 0) for n in range(3)])
    (True, False)
    """
    numbers = [_dated_edge_number(member.content) if _capitals(member.content) else None for member in members]
    return (None not in numbers and paper_head(members[0].content) is not None
            and all(0 < b - a <= 2 for a, b in zip(numbers, numbers[1:])))


def paper_head(content: str) -> int | None:
    """The page number of a newspaper's page head: the paper's title of three words or more in capitals
    with the issue's date, the number at an edge, before the title or after the date; None for other lines.

    >>> paper_head("4  THE WEEKLY COURIER, SATURDAY, MARCH 3, 1866."), paper_head("THE FENBY MERCURY, DEC. 5, 1874. 3")
    (4, 3)
    >>> paper_head("CHAPTER 2. THE MILL"), paper_head("LONDON, DEC. 4, 1874"), paper_head("HYMN 214.")
    (None, None, None)
    """
    if not _capitals(content) or not _PAPER_DATE.search(content):
        return None
    title = _DIGITS.sub(" ", _PAPER_DATE.sub(" ", content))
    return _dated_edge_number(content) if len(_LETTERS_WORD.findall(title)) >= 3 else None


def _dated_edge_number(content: str) -> int | None:
    """The number at an edge of ``content``, also after a date's year ("MARCH 3, 1866. 4", OCR's "1866. . 4"), or None.

    >>> _dated_edge_number("THE COURIER, MARCH 3. 1866. . 4"), _dated_edge_number("THE COURIER, MARCH 3, 1866.")
    (4, None)
    """
    # the year replaced by a word, as _EDGE_NUMBER wants it; specks beside a point squeezed into it
    dated = _SPECKED_POINTS.sub(".", _PAPER_DATE.sub(" DATE", content))
    match = _edge_number(dated)
    return int(match.group(1) or match.group(2)) if match else None


def _numbered_head(line: Line, width: int, hard_wrapped: bool) -> bool:
    """Does ``line`` look like a page's head: a short line of a page number, or of a head's words
    with the number at one edge ("Chap. 3.   of ASHCOMBE.   25")?"""
    if not _short(line, width, hard_wrapped):
        return False
    match = _edge_number(line.content)
    return page_number(line.content) is not None or (
        match is not None and _head_like(line.content[match.end():] if match.group(1) else line.content[:match.start()],
                                         full_stop=True))


def _near_signal(items: list[Line], line: Line) -> bool:
    """Is the text line before or after ``line`` (blank lines between do not count) furniture?"""
    return ((line.index > 0 and items[line.index - 1].furniture)
            or (line.index + 1 < len(items) and items[line.index + 1].furniture))
