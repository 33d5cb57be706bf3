"""Page breaks of plain text: where pages joined without a form feed break.

A VLM's output or a pasted document keeps the pages' furniture but not their form feeds. The breaks are found
from the signs they leave: an unmistakable page number a page apart ("- 2 -", "--- Page 2 ---"), bare numbers
counting up where a sentence runs on across them, or the text's title repeated in capitals as a running head.
Lines of specks and rules between pages are read as blank lines while the breaks are looked for.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from rapidfuzz import fuzz

from ocrfix.strategies.layout.heads import (
    GLUED_NUMBER, dated_edge_number, letters_of, mostly_capitals, repeats_title, starting_in_capitals,
)
from ocrfix.strategies.layout.joined_pages import HEAD_LETTERS, SAME_HEAD
from ocrfix.strategies.layout.lines import Line, Lines, sentence_runs_on
from ocrfix.strategies.layout.page_numbers import (
    GARBLED_NUMBER, dashed_number, digit_at_edge, edge_number, heads_count_on, misread_foot, page_number,
)
from ocrfix.strategies.layout.specks import DIRT_MARKS, printed_rule, speck
from ocrfix.strategies.layout.tool_markers import MARKER_CHARS, MARKER_ENDS


def find_implied_pages(lines: Lines, width: int, hard_wrapped: bool) -> bool:
    r"""Find the pages of plain text whose pages were joined with blank lines (no form feed): from their numbers
    (:func:`_numbered_breaks`), and from running heads that repeat the text's title inside a sentence, with no number
    (:func:`_unnumbered_heads`: where the numbers were lost or cropped). Sets ``lines.pages`` and each line's ``page``
    when found.

    >>> page = "line of the text going on\n" * 9
    >>> lines = Lines.scan(page + "\n12\n\nTHE BOOK 13\n\nwent on " + page + "\n14\n")
    >>> find_implied_pages(lines, 40, True), [len(page) for page in lines.pages]
    (True, [10, 11])
    """
    # the few lines that may be dirt or a rule, or a page's marker, found by their first or last mark in one pass over
    # the lines (a pass costs ~10M instructions a megabyte)
    marked = [line for line in lines.items if line.content[:1] in DIRT_MARKS
              or len(line.content) <= MARKER_CHARS and line.content[-1] in MARKER_ENDS]
    dirt = [line for line in marked if line.content[:1] in DIRT_MARKS]
    with _without_specks_or_rules(lines.items, dirt) as (items, kept):
        breaks = _implied_breaks(items, marked, width, hard_wrapped) if items else []
    if not breaks:
        return False
    breaks = [kept[start] for start in breaks]
    lines.set_pages([list(range(a, b)) for a, b in zip([0] + breaks, breaks + [len(lines.items)])])
    return True


def _implied_breaks(items: list[Line], markers: list[Line], width: int, hard_wrapped: bool) -> list[int]:
    """The page breaks (each page's first line) of plain text: marked (of the lines ``markers``), numbered or under
    heads repeating the title."""
    after_blank = [line for line in items if line.blank_before]
    # a head starts in capitals, which OCR seldom misreads all as small letters: most lines are ruled out so
    in_capitals = starting_in_capitals(after_blank)
    under_text = _under_text(items, after_blank)
    title = letters_of(items[0].content).casefold()   # what a running head may repeat
    breaks = (_marked_breaks(items, markers)
              or _numbered_breaks(items, after_blank, in_capitals, under_text, width, title))
    # a head without a number under the text stands over a blank line, or splits a word broken at a hyphen: where the
    # text keeps no blank lines, a title repeated in capitals inside running sentences may be the text's own heading
    headed = [line for line in under_text if line.index + 1 < len(items)
              and (items[line.index + 1].blank_before or _splits_word(items, line.index))]
    candidates = sorted(in_capitals + headed, key=lambda line: line.index)
    # the heads at the breaks found are copied by later pages' heads too, where OCR garbled the first line (each
    # once: a book's heads repeat a few titles hundreds of times, and each is matched against every candidate)
    titles = list(dict.fromkeys([title] + [letters_of(items[start].content).casefold() for start in breaks
                                           if mostly_capitals(items[start].content)]))
    heads = _unnumbered_heads(items, candidates, breaks or [0], width, titles)
    # without numbers, the title met once in capitals inside a sentence may be the text's own, set as a display line
    # ("the affairs of" / "THE FIRM" / "have prospered"): once, it must split a word broken at a hyphen, stand under a
    # page number OCR misread ("I71") or copy a first line in capitals (an excerpt opening under a page's head)
    if not breaks and (not heads or len(heads) == 1 and not (_splits_word(items, heads[0])
                                                             or _under_foot(items, heads[0])
                                                             or _copies_head(items, heads[0]))):
        return []
    return sorted(breaks + heads)


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
    characters or less? (Only there does a line left out hide a page break: a section's "***" inside a story does
    not.)"""
    return any(digit_at_edge(content) or content[:20].isupper() or len(content) <= 4
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
                if (speck(line.content) or printed_rule(line.content)) and _beside_furniture(items, line.index)]
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

    >>> [_page_end(Lines.scan(text).items, 2) for text in ("for a year.\n\nRo\n\nTHE BOOK", "so\n\nsd\nTHE BOOK")]
    [0, 0]
    >>> _page_end(Lines.scan("so\n\nSir,\nTHE BOOK").items, 2), _page_end(Lines.scan("so\nRo\nTHE BOOK").items, 2)
    (1, 1)
    """
    return index - 2 if index > 1 and misread_foot(items[index - 1]) else index - 1


def _under_foot(items: list[Line], index: int) -> bool:
    r"""Does the line at ``index`` stand under a page number as OCR misreads it ("I71", right under the page's last
    line, over a blank line)?

    >>> lines = Lines.scan("and the landlord told us\nI71\n\nA JOURNEY\n\nof the old days")
    >>> _under_foot(lines.items, 2), _under_foot(Lines.scan("told us\n171\n\nA JOURNEY\n\nof").items, 2)
    (True, False)
    """
    foot = items[index - 1]
    return not foot.blank_before and bool(GARBLED_NUMBER.match(foot.content)) and not foot.content.isdigit()


def _copies_head(items: list[Line], index: int) -> bool:
    r"""Does the line at ``index`` copy the text's first line, set in capitals as a running head is, letter for letter
    but for OCR's misreads and its page number (``SAME_HEAD``), where that first line is an excerpt's opening head: it
    carries the page's number (or its copy does), or the text under it opens inside a sentence? (A letterhead in
    capitals, over an address, may sign the letter: "for and on behalf of" / "THE FIRM".)

    >>> lines = Lines.scan("104 THE ROCKS OF THE WEST\n\nso it\n\nTHE ROCKS OF THE WFST\n\nso").items
    >>> _copies_head(lines, 2), _copies_head(
    ...     Lines.scan("THE ROCKS OF THE WEST\n\nSo it\n\nTHE ROCKS OF THE WEST").items, 2)
    (True, False)
    """
    first, head = items[0].content, items[index].content
    return (bool(starting_in_capitals([items[0]])) and mostly_capitals(first)
            and fuzz.ratio(letters_of(first), letters_of(head)) >= SAME_HEAD
            and (digit_at_edge(first) or digit_at_edge(head) or sentence_runs_on("", items[1].content)))


def _under_text(items: list[Line], after_blank: list[Line]) -> list[Line]:
    r"""The lines in capitals that stand right under a line of text (no blank line between) where pages joined by one
    newline put the next page's head: over a blank line (``after_blank``: the lines after one), or anywhere where the
    text keeps almost no blank lines (fewer than one in ``PAGE_LINES`` lines: an engine that keeps none, RapidOCR).

    >>> lines = Lines.scan("The Book\ngoing on and\nTHE BOOK 13\n\nwent on\nTHE END")
    >>> [line.content for line in _under_text(lines.items, [lines.items[3]])]
    ['THE BOOK 13']
    >>> lines = Lines.scan("The Book\ngoing on and\nTHE BOOK 13\nwent on\nTHE END")
    >>> [line.content for line in _under_text(lines.items, [])]
    ['THE BOOK 13', 'THE END']
    """
    if len(after_blank) * PAGE_LINES < len(items):
        edges = items[2:]
    else:
        edges = [items[line.index - 1] for line in after_blank if line.index > 2]
    return starting_in_capitals([line for line in edges if not line.blank_before])


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
    edges = [line for line in after_blank if digit_at_edge(line.content)]
    # pages joined by one newline: a head with its number (of ``under_text``) stands under the last page's line (a
    # full one, also past a misread foot, or its foot's number: no letter's "Dear Sir," over a heading) with no blank
    # line between
    edges += [line for line in under_text if digit_at_edge(line.content)
              and (2 * len(items[_page_end(items, line.index)].content) >= width
                   or page_number(items[line.index - 1].content))]
    # pages joined by one newline: a page's number dashed on one side as OCR left it ("- 2", "2 -") under a full line,
    # over a blank line (a bare number there may be a numbered paragraph's)
    edges += [number for line in after_blank if line.index > 1 and not (number := items[line.index - 1]).blank_before
              and len(number.content) <= 8 and dashed_number(number.content)
              and 2 * len(items[line.index - 2].content) >= width]
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
              and mostly_capitals(line.content)):   # (a cheap count first)
            if (edge := dated_edge_number(line.content)) is not None:   # also after a date ("JUNE 12, 1880.  5")
                value = edge
            elif numbers and (match := GLUED_NUMBER.match(line.content)) and repeats_title(
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
        if sentence_runs_on(items[before].content, items[after].content) or starts.count(start) > 1:
            runs_on += 1
            full_page_runs_on |= start >= PAGE_LINES and starts.count(start) == 1
        else:
            headed += start in titled
    # a bare number after the text's last line, going on with the count a page after the last break, is the last
    # page's foot: the numbers are pages' feet where the first stands a page into the text and none over its first page
    # (numbers standing over their songs or rules: the last over one the excerpt cut off)
    feet = breaks[0] >= PAGE_LINES and not any(page_number(line.content) for line in items[:PAGE_LINES])
    closing_foot = feet and starts[-1] == len(items) and len(items) - breaks[-1] >= PAGE_LINES
    # the title as the head of pages marks breaks between sentences too, where some sentence runs on across a page or
    # a foot closes the text, or where one foot is all an excerpt of two pages holds (numbered items under one heading
    # do none of these: a number stands over the first)
    one_foot = feet and len(numbers) == 1
    # or where feet stand over the title at every break (numbered headings each carry their own title)
    every_head = feet and headed == len(breaks)
    votes = runs_on + headed * (full_page_runs_on or closing_foot or one_foot or every_head)
    return breaks if 2 * votes > len(breaks) else []


def _head_under_number(items: list[Line], index: int, title: str) -> bool:
    r"""Is the line at ``index``, right under a page number with no blank line between, the next page's running head:
    pages joined by one newline give the last page's foot so ("45" / "THE BOARD OF GUARDIANS" / "" / "resolved that"),
    and an engine that keeps no blank lines gives every page's edge so. It must repeat the text's ``title``
    (:func:`repeats_title`): a numbered song or section stands under its number with a title of its own.

    >>> lines = Lines.scan("it was\n\n45\nTHE BOARD OF GUARDIANS\n\nresolved that")
    >>> _head_under_number(lines.items, 2, "theboardofguardians"), _head_under_number(lines.items, 2, "songsoftheday")
    (True, False)
    """
    content = items[index].content
    return (index + 1 < len(items) and len(content) <= 100 and bool(starting_in_capitals([items[index]]))
            and (repeats_title(content, title) or _copies_short_title(content, title)))


def _copies_short_title(content: str, title: str) -> bool:
    """Does ``content`` copy whole, in capitals, a ``title`` (casefolded letters) too short for :func:`repeats_title`
    to find inside a head ("THE RELIEF" for "The Relief")?

    >>> _copies_short_title("THE RELIEF", "therelief"), _copies_short_title("THE RELIEF OF MAFEKING", "therelief")
    (True, False)
    """
    return (len(title) < HEAD_LETTERS and mostly_capitals(content)
            and fuzz.ratio(letters_of(content).casefold(), title) >= SAME_HEAD)


def _feet_over_heads(items: list[Line], in_capitals: list[Line], width: int) -> list[Line]:
    """The lines of a bare number set right under a line of text (half the page's ``width`` or more: no label's)
    and over a blank line and a line in capitals (of ``in_capitals``, the lines after a blank line that start so): a
    page's foot over the next page's head, as engines that keep no blank line before the foot give it ("nine hundred
    and five" / "50" / "" / "THE FIRST BOOK OF MOSES")."""
    return [items[line.index - 1] for line in in_capitals
            if line.index > 1 and items[line.index - 1].content[-1].isdigit() and not items[line.index - 1].blank_before
            and len(items[line.index - 1].content) <= 8 and 2 * len(items[line.index - 2].content) >= width
            and mostly_capitals(line.content)]


def _unnumbered_heads(items: list[Line], candidates: list[Line], breaks: list[int], width: int,
                      titles: list[str]) -> list[int]:
    r"""The lines that break a page with no number (OCR lost it, or the scan's numbers were cropped): of
    ``candidates`` (lines that start in capitals, after a blank line or under the text), a page (``PAGE_LINES`` text
    lines) from the ``breaks`` found (the text's start where none were) and from each other, a line that repeats the
    text's title or the head at a break found (``titles``, letters casefolded: :func:`repeats_title`) where the
    sentence runs on across it from a full line (half the ``width`` or more: a letter's "for" over the firm's name in
    capitals signs it) or from past a page's foot as OCR misread it (:func:`_page_end`: "winter" / "M7" / head /
    "through cold"), or where its number counts on from the title's as a page's head's does, the first copy with a
    number (:func:`.heads_count_on`: the first line is an excerpt's opening head).

    >>> lines = Lines.scan("The Book of Ruth\n" + "a line\n" * 9 + "and so it went\n\nTHE BOOK OF RUTH.\n\nso on\n")
    >>> _unnumbered_heads(lines.items, [lines.items[11]], [0], 16, ["thebookofruth"])
    [11]
    """
    found: list[int] = []
    first_numbered = True   # no copy of the title with a number at an edge met yet
    titles = [title for title in titles if len(title) >= HEAD_LETTERS]
    for line in candidates if titles else ():
        index, content = line.index, line.content
        if 1 < index < len(items) - 1 and len(content) <= 100:
            end = _page_end(items, index)
            last = items[end].content
            # (only the first copy with a number may count on from the first line: a heading numbered in a series
            # two on from the first, "ARTICLE 3", has "ARTICLE 2" between)
            numbered = first_numbered and edge_number(content) is not None and _copies_title(content, titles)
            first_numbered &= not numbered
            if (((2 * len(last) >= width or end < index - 1) and sentence_runs_on(last, items[index + 1].content)
                 or numbered and heads_count_on(items[0].content, content))
                    and _copies_title(content, titles)
                    and all(abs(index - other) >= PAGE_LINES for other in breaks + found)):
                found.append(index)
    return found


def _copies_title(content: str, titles: list[str]) -> bool:
    """Does the line ``content`` repeat one of ``titles`` in capitals (:func:`repeats_title`)?

    >>> _copies_title("58 ATOMIC COMMIT IN SQLITE", ["atomiccommitinsqlite"]), _copies_title("Atomic", ["atomic"])
    (True, False)
    """
    return (sum(map(str.islower, content)) <= 0.2 * len(content)   # (a cheap count first)
            and any(repeats_title(content, title) for title in titles))


def _titled_breaks(items: list[Line], breaks: list[int], marked: set[int], title: str) -> set[int]:
    r"""The implied pages' breaks whose page opens with the text's ``title`` as its running head
    (:func:`repeats_title`). Where the title is in capitals, only a head without a number of its own counts (under a
    foot's number): the first of a series of numbered headings opens a text so. A title too short to find inside a
    head counts only copied whole under a foot's number, where the title is not in capitals
    (:func:`_copies_short_title`).

    >>> lines = Lines.scan("The Book of Ruth. Chapter II\n\ntext\n\n12\n\nTHE BOOK OF RUTH.\n\n"
    ...                    "text\n\n13\n\nTHE HARVEST")
    >>> sorted(_titled_breaks(lines.items, [3, 6], {2, 5}, "thebookofruthchapterii"))
    [3]
    """
    numbered = not mostly_capitals(items[0].content)   # a numbered head may repeat a title set apart in small letters
    if len(title) < HEAD_LETTERS:   # a short title only copied whole, under a foot's number
        return {start for start in breaks
                if numbered and start - 1 in marked and _copies_short_title(items[start].content, title)}
    return {start for start in breaks
            if (numbered or start not in marked) and repeats_title(items[start].content, title)}


PAGE_LINES = 8   # a page holds at least this many text lines: copies of a line closer together are no running heads
