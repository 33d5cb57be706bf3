"""Furniture at the edges of known pages (form feeds, a tool's markers, or breaks found in plain text).

Each page's first ``HEAD_LINES`` and last ``FOOT_LINES`` lines are asked: page numbers, running heads recurring on
nearby pages or carrying the page's number, a letter's continuation heads, the title repeated as a head, page
numbers OCR misread, signature marks, catchwords announcing the next page's first word, and rules between pages.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import islice

import numpy as np
from rapidfuzz import fuzz, process

from ocrfix.strategies.layout.catchwords import CATCHWORD_LINE, announces, catchword, signature_mark
from ocrfix.strategies.layout.heads import (
    DIGITS, NUMBER_TOKEN, continuation_head, first_page_blocks, head_key, head_like, head_rules, mostly_capitals,
    mostly_numbers_with_units, short_line,
)
from ocrfix.strategies.layout.lines import Line, Lines, mark
from ocrfix.strategies.layout.page_numbers import GARBLED_NUMBER, edge_number, misread_foot, page_number
from ocrfix.strategies.layout.specks import printed_rule


HEAD_LINES = 2   # a page's first lines that may be a running head
FOOT_LINES = 3   # its last lines that may be a foot, a page number or a catchword
SUNK_LINES = 3   # lines fewer than a later page that tell a sunk opening page from OCR merging or dropping a line


def classify_pages(lines: Lines, width: int, hard_wrapped: bool) -> None:
    r"""Mark the furniture among each page's first and last lines, where ``lines.pages`` holds two pages or more.

    >>> lines = Lines.scan("THE BOOK  12\n\nthe text of the page\f- 13 -\nTHE BOOK  14\n\nmore text")
    >>> classify_pages(lines, 40, False); [line.kind for line in lines.items]
    ['running_head', 'body', 'page_number', 'running_head', 'body']
    """
    items, pages = lines.items, lines.pages
    zones = _page_numbers_at_edges(items, pages)
    _recurring_heads(items, pages, zones, width, hard_wrapped)
    _numbered_edges(lines, zones, width, hard_wrapped)
    _continuation_heads(lines, width, hard_wrapped)
    _title_heads(lines)
    _misread_numbers(pages, zones)
    _feet_inside_words(items, pages)
    _signature_marks(items, pages)
    head_rules(lines)
    _catchwords_at_feet(items, pages)
    _rules_inside_sentences(items, pages)


def _page_numbers_at_edges(items: list[Line], pages: list[list[int]]) -> list[list[Line]]:
    """Mark the page numbers among each page's first ``HEAD_LINES`` and last ``FOOT_LINES`` lines; return those lines
    of each page (none of a page of one line), where its head and foot are looked for."""
    zones: list[list[Line]] = []
    for number, page in enumerate(pages):
        edge = page[:HEAD_LINES] + [i for i in page[-FOOT_LINES:] if i not in page[:HEAD_LINES]]
        zones.append([items[i] for i in edge] if len(page) > 1 else [])
        for line in zones[-1]:
            found = page_number(line.content)
            # a bare "II" heads a chapter as often as a page; front matter numbers its pages "xiv"
            if found and (found[1] or not line.content.strip("-–—=~_.·*[]() ").isupper()):
                value, strong = found
                where = "head" if line.index in page[:HEAD_LINES] else "foot"
                mark(line, "page_number", f"page number {value} at the {where} of page {number + 1}",
                     0.95 if strong else 0.85)
    return zones


def _recurring_heads(items: list[Line], pages: list[list[int]], zones: list[list[Line]], width: int,
                     hard_wrapped: bool) -> None:
    """Mark the running heads and feet among the ``zones`` (each page's edge lines): lines that recur on nearby pages
    (three before and after) with the number changing or the same, or that carry the page's number."""
    # The first page's first line (specks, "y", "'.", aside), and whether the page is sunk; a page whose
    # head carries its number is no opening page.
    top = next((i for i in pages[0] if items[i].kind != "body" or len(items[i].content) > 2), -1)
    opening = sunk(items, pages) and all(items[i].kind != "page_number" for i in pages[0][:HEAD_LINES])
    keys = [[(line, head_key(line.content)) for line in zone
             if line.kind == "body" and short_line(line, width, hard_wrapped)] for zone in zones]
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
                if score < 85 and not (mostly_capitals(line.content) and mostly_capitals(other_line.content)):
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
            if number == 0 and not NUMBER_TOKEN.search(line.content) and (
                    (line.index == top and row not in unnumbered) or (opening and line.index in pages[0][:HEAD_LINES])):
                # a chapter's opening page carries no running head: its first line is the title when it is
                # printed without the number that every later copy carries ("THE VOYAGE" over "12 THE
                # VOYAGE", "THE VOYAGE 13"; a digit OCR read inside a word, "1HE VOYAGE", is no number), and
                # any line at its head when the page is sunk, as opening pages are
                continue
            # (each test only where the ones before it fail: most lines are no heads)
            if ((changing.get(row) or len(same) >= 2 or (number > 0 and _edge_pair(items, pages, line, window, same)))
                    and head_like(line.content, full_stop=True)
                    and not mostly_numbers_with_units(line.content)):
                # (a line of lower-case words is text the book repeats, "One kid of the goats for a sin offering:";
                # a line of figures is a table's row, "46m. Water 11h 49m.")
                pages_seen = len(changing.get(row, set()) | same) + 1
                mark(line, "running_head", f"running head recurring on {pages_seen} pages", 0.9)
            elif (number > 0 and line.index == pages[number][0]
                  and _numbered_head_of(line, number + 1, width, hard_wrapped)):
                mark(line, "running_head", f"running head with the page number of page {number + 1}", 0.85)


def _misread_numbers(pages: list[list[int]], zones: list[list[Line]]) -> None:
    """Mark a page number OCR misread ("$2", "o9", "I20") as a page's first or last line, where other pages have
    numbered furniture, or a misread number of their own ("I71" at the foot of one page, "I172" at the next's)."""
    garbled = [(number, line) for number, zone in enumerate(zones) for line in zone
               if line.kind == "body" and line.index in (pages[number][0], pages[number][-1])
               and GARBLED_NUMBER.match(line.content.strip("\"'‘’“”"))]
    if garbled and (len({number for number, _ in garbled}) > 1 or any(
            line.kind != "body" and DIGITS.search(line.content) for zone in zones for line in zone)):
        for number, line in garbled:
            mark(line, "page_number", f"page number misread by OCR ({line.content!r}) on page {number + 1}", 0.75)


def _signature_marks(items: list[Line], pages: list[list[int]]) -> None:
    """Mark a signature mark standing as a page's last text line."""
    for page in pages:
        last = next((items[i] for i in reversed(page) if items[i].kind == "body"), None)
        if last is not None and len(page) > 1 and signature_mark(last.content):
            mark(last, "signature_mark", f"signature mark at the foot of page {last.page + 1}", 0.8)


def _catchwords_at_feet(items: list[Line], pages: list[list[int]]) -> None:
    """Mark the catchwords: a page's last text line that announces the next page's first word, or says "continued"."""
    for number in range(len(pages) - 1):
        # (a rule under the catchword, as a markdown "---" between pages, is passed over)
        text_lines = list(islice((items[i] for i in reversed(pages[number])
                                  if items[i].kind == "body" and not printed_rule(items[i].content)), 2))
        following = next((items[i] for later in range(number + 1, min(len(pages), number + 3))
                          for i in pages[later] if items[i].kind == "body"), None)
        if len(text_lines) < 2 or following is None:
            continue
        last = text_lines[0]
        found = catchword(last.content)
        if found is None:
            if last.content.casefold() in ("over", "turn over"):
                mark(last, "catchword", "continuation mark at the foot of the page", 0.85)
            continue
        word, marked = found
        slash = CATCHWORD_LINE.match(last.content)
        if not word:
            mark(last, "catchword", "continuation mark at the foot of the page", 0.95)
        elif announces(word, following.content, marked=True):   # a lone word at a page's foot is marked by its place
            mark(last, "catchword", f"catchword \"{word}\" repeats the next page's first word", 0.95)
        elif slash and slash.group("slash"):
            mark(last, "catchword", f"typewriter catchword \"/{word}\" at the foot of the page", 0.8)
            if head := _head_over_announced_word(items, pages[number + 1], word):
                mark(head, "running_head", f"head with figures over the word \"{word}\" the typewriter's catchword "
                                           f"announced, on page {number + 2}", 0.8)


def _head_over_announced_word(items: list[Line], page: list[int], word: str) -> Line | None:
    r"""The first line of ``page`` where it holds figures (a page number, a date, as OCR may garble them: "- 2-7",
    "Esq ~ 205 11 Apr:1 1977") over a line that opens with ``word``, which a typewriter's catchword announced at
    the foot of the page before: that line is the page's head, the text starts under it; else None.

    >>> lines = Lines.scan("- 2-7\n\nable. They have a right to know")
    >>> _head_over_announced_word(lines.items, lines.pages[0], "able").content
    '- 2-7'
    >>> print(_head_over_announced_word(lines.items, lines.pages[0], "the"))
    None
    """
    lines = list(islice((items[i] for i in page if items[i].kind == "body"), 2))
    if len(lines) < 2 or lines[0].index != page[0] or not DIGITS.search(lines[0].content):
        return None
    return lines[0] if announces(word, lines[1].content, marked=True) else None


def _feet_inside_words(items: list[Line], pages: list[list[int]]) -> None:
    r"""Mark a page's last line that OCR misread from its page number (:func:`misread_foot`: "8S", "Ro") where it
    stands between the halves of a word broken at the page's end ("dis-" / "8S" / "covered"): no text stands there.

    >>> lines = Lines.scan("it was dis-\n\nRo\fTHE BOOK\n\ncovered by him.")
    >>> lines.items[2].kind = "running_head"
    >>> _feet_inside_words(lines.items, lines.pages); [line.kind for line in lines.items]
    ['body', 'page_number', 'running_head', 'body']
    """
    for page, following in zip(pages, pages[1:]):
        last = list(islice((items[i] for i in reversed(page) if items[i].kind == "body"), 2))   # foot, then text
        # (each test only where the ones before it hold: most pages end in a line of text)
        if len(last) < 2 or last[1].content[-1] not in "-\u00ac" or not misread_foot(last[0]):
            continue
        after = next((items[i] for i in following if items[i].kind == "body"), None)
        if after is not None and last[1].content[-2:-1].isalpha() and after.content[:1].islower():
            mark(last[0], "page_number", f"page number misread by OCR ({last[0].content!r}) between the halves of a "
                                          "word broken at the page's end", 0.75)


def _rules_inside_sentences(items: list[Line], pages: list[list[int]]) -> None:
    r"""Mark the rules and asterisms between pages (:func:`printed_rule`: "---", "* * *") where a sentence runs on
    across them (no stop ends the page's last line, a small letter starts the next page's first): a tool's page
    separator, a markdown thematic break; a section's break in the text stands between sentences.

    >>> lines = Lines.scan("of their Use\n* * *\fof Tobacco.\n* * *\fThe Town")
    >>> _rules_inside_sentences(lines.items, lines.pages); [line.kind for line in lines.items]
    ['body', 'page_marker', 'body', 'body', 'body']
    """
    for page, following in zip(pages, pages[1:]):
        before = [items[i] for i in page[-FOOT_LINES:] if items[i].kind == "body"]
        after = [items[i] for i in following[:HEAD_LINES + 1] if items[i].kind == "body"]
        rules = []
        while before and printed_rule(before[-1].content):
            rules.append(before.pop())
        while after and printed_rule(after[0].content):
            rules.append(after.pop(0))
        if (rules and before and after and before[-1].content[-1] not in ".!?:;)\"'”’"
                and after[0].content[:1].islower()):
            for line in rules:
                mark(line, "page_marker", f"a rule between pages inside a sentence, a tool's page separator: "
                                           f"{line.content!r}", 0.8)


def sunk(items: list[Line], pages: list[list[int]]) -> bool:
    """Is the first page set lower than the others, as books set a chapter's or an article's opening page
    ("sinkage")? It holds ``SUNK_LINES`` text lines fewer than a later page; a page before the last is
    full otherwise. Lines of one or two characters (specks, a stray mark) are not counted.

    >>> page = [Line(n, 0, 0, 0, "a line of text", 0, 0) for n in range(30)]
    >>> sunk(page, [list(range(24)), list(range(30))]), sunk(page, [list(range(30)), list(range(29))])
    (True, False)
    """
    # (a list is counted faster than a generator)
    counts = [len([i for i in page if len(items[i].content) > 2]) for page in pages]
    return len(counts) > 1 and counts[0] + SUNK_LINES <= max(counts[1:])


def _continuation_heads(lines: Lines, width: int, hard_wrapped: bool) -> None:
    """The head of a letter's continuation page: "Mr J. Smith  - 2 -  4 May 1983" as its first line."""
    items, pages = lines.items, lines.pages
    first_page = first_page_blocks([items[i] for i in pages[0]]) if pages else []
    for page in pages[1:]:
        line = next((items[i] for i in page if items[i].kind == "body"), None)
        found = line is not None and line.index == page[0] and continuation_head(line, first_page, width, hard_wrapped)
        if found:
            reason, confidence = found
            mark(line, "running_head", f"{reason} on page {line.page + 1}", confidence)


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
        if (line is not None and line.index == page[0] and len(line.content) >= 8 and mostly_capitals(line.content)
                and (fuzz.partial_ratio(line.content.casefold(), title) >= 85
                     or fuzz.partial_ratio(line.content.casefold().replace(" ", ""), squeezed) >= 85)):
            mark(line, "running_head", f"running head repeating the title on page {line.page + 1}", 0.85)


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
    return ((short_line(line, width, hard_wrapped) and str(page) in DIGITS.findall(content)
             and head_like(content, full_stop=True))
            or (mostly_capitals(content) and bool(edge_number(content)) and len(content.split()) >= 3))


def _at_edge(items: list[Line], pages: list[list[int]], line: Line) -> bool:
    """Is ``line`` the first or the last text line of its page?"""
    page = pages[line.page]
    first = next((i for i in page if items[i].kind != "page_number"), None)
    return first is not None and line.index in (
        first, next(i for i in reversed(page) if items[i].kind != "page_number"))


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
            candidate = line.kind in ("body", "running_head") and short_line(line, width, hard_wrapped)
            match = edge_number(line.content) if candidate else None
            if match and head_like(line.content[match.end():] if match.group(1) else line.content[:match.start()]):
                found.append((line, int(match.group(1) or match.group(2))))
        numbered.append(found)
    for number in range(len(numbered) - 1):
        for line, value in numbered[number]:
            for other, other_value in numbered[number + 1]:
                if other_value == value + 1:
                    for head in (line, other):
                        if head.kind == "body":
                            mark(head, "running_head", "running head whose page number counts up with the pages", 0.85)
