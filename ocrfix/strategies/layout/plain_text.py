"""Furniture of plain text in which no page break was found.

Without pages, every line may be a page's edge: catchwords are known by the blank lines or head after them and the
word they announce, page numbers by being set off by dashes or counting up where a sentence runs on across them,
running heads by recurring a page apart with a number that counts up.
"""
from __future__ import annotations

from collections import defaultdict

import numpy as np
from rapidfuzz import fuzz, process

from ocrfix.strategies.layout.catchwords import (
    CATCHWORD_LINE, CATCHWORD_WORDS, announces, catchword, garbled_copy, signature_mark,
)
from ocrfix.strategies.layout.heads import (
    DASHED_NUMBER, DIGITS, STANDALONE_NUMBER, continuation_head, dated_continuation_head, dated_edge_number,
    first_page_blocks, head_key, head_rules, longest_head, mostly_capitals, numbered_head, paper_head,
    short_line,
)
from ocrfix.strategies.layout.implied_pages import PAGE_LINES
from ocrfix.strategies.layout.lines import Line, LineCodes, Lines, mark, sentence_runs_on
from ocrfix.strategies.layout.page_numbers import (
    decimal_digits, heads_count_on, not_in_page_number, page_number,
)
from ocrfix.strategies.layout.specks import printed_rule


def classify_plain(lines: Lines, width: int, hard_wrapped: bool) -> None:
    r"""Mark the furniture of ``lines`` in which no page break was found: catchwords, page numbers and running heads
    at the breaks they imply.

    >>> lines = Lines.scan("it was in the\n\n/present\n\npresent state of things.\n\n- 2 -\n\nmore")
    >>> classify_plain(lines, 40, False); [line.kind for line in lines.items]
    ['body', 'catchword', 'body', 'page_number', 'body']
    """
    text = _PlainText(lines, width, hard_wrapped)
    weak_numbers, catchwords = text.catchwords_and_numbers()
    text.running_heads()
    text.page_numbers(weak_numbers)
    head_rules(lines)
    # the page breaks found since: a catchword before the next page's head, a signature mark beside one
    for line, word, marked in catchwords:
        text.mark_catchword(line, word, marked)
    text.dated_continuation_heads()   # (after the catchwords: a head under no mark announces no word to them)
    text.signature_marks()


class _PlainText:
    """Plain text's lines, where no page break was found, and what the finders of its furniture ask of them: each
    text line's rank among them, the lines before and after it, and what numpy counts in all at once."""

    def __init__(self, lines: Lines, width: int, hard_wrapped: bool) -> None:
        self.items = lines.items
        self.body = [line for line in self.items if line.kind == "body"]
        self.position = {line.index: n for n, line in enumerate(self.body)}   # rank among the text lines
        self.width, self.hard_wrapped = width, hard_wrapped
        self.first_page = first_page_blocks(self.items)   # plain text's first lines stand for a letter's first page
        # plain text asks every line whether it is a catchword, a page number or a signature mark (a call and a regex
        # each, some 60M instructions a megabyte): each is asked only of the lines that numpy finds few enough words in
        # or made only of a page number's characters, as the question asked would tell, and the loops pass over those
        # lines alone (most lines are none of these)
        codes = LineCodes([line.content for line in self.body])
        self.codes, self.words = codes, codes.words()
        self.figures = codes.holding(decimal_digits().take(codes.codes, mode="clip"))   # the lines holding a digit

    def isolated(self, line: Line) -> bool:
        """Does ``line`` stand alone between blank lines (or the text's edges)?"""
        after = self.items[line.index + 1] if line.index + 1 < len(self.items) else None
        return (line.index == 0 or line.blank_before > 0) and (after is None or after.blank_before > 0)

    def next_text(self, line: Line) -> Line | None:
        """The text line after ``line``, or None after the last."""
        n = self.position[line.index] + 1
        return self.body[n] if n < len(self.body) else None

    def blank_after(self, line: Line) -> bool:
        """Does a blank line follow ``line``?"""
        return line.index + 1 < len(self.items) and self.items[line.index + 1].blank_before > 0

    def continued(self, line: Line, word: str, marked: bool) -> bool:
        """Is ``line`` a letter's continuation head ("Mr J. Smith  2  14 October 1983", however long) over the word
        a catchword announces? Under a typewriter's marked catchword ("/the") any line with figures is, however OCR
        garbled the addressee's name or the date. (A date or a page number has figures: asked first, that and the
        word spare most lines the costlier test.)"""
        after = self.next_text(line)
        return (bool(self.figures[self.position[line.index]]) and after is not None
                and announces(word, after.content, marked=marked)
                and (marked or continuation_head(line, self.first_page, self.width, self.hard_wrapped) is not None))

    def mark_catchword(self, line: Line, word: str, marked: bool) -> None:
        """A catchword stands before a page break (blank lines, or the next page's head) and
        announces the first word of the next page's text."""
        following = self.next_text(line)
        while following is not None and following.furniture:
            following = self.next_text(following)
        # a typewriter's marked catchword may stand over the next page's number as OCR garbles it ("/We" / "Qo" /
        # "We are"): a line of three characters or less over the announced word, set apart by a blank line above or
        # below it (pages joined by one newline keep only the one inside the page)
        top = following if (marked and following is not None and len(following.content) <= 3
                            and (following.blank_before or self.blank_after(following))
                            and not announces(word, following.content, marked=marked)) else None
        if top is not None:
            following = self.next_text(top)
        head = (following if following is not None and not announces(word, following.content, marked=marked)
                and (numbered_head(following, self.width, self.hard_wrapped)
                     or self.continued(following, word, marked)) else None)
        if head is not None:
            following = self.next_text(following)
            if following is not None and printed_rule(following.content):   # a rule under the head
                following = self.next_text(following)
        after = self.items[line.index + 1] if line.index + 1 < len(self.items) else None
        previous = self.body[self.position[line.index] - 1] if self.position[line.index] > 0 else None
        # an unmarked word is a catchword only where the sentence runs on ("in / present / present
        # circumstances"), not a reply repeated ("agreed. / Yes / Yes, he said"), nor a poem's title after the
        # source of the quotation before ("-- Lao Tse, \"Tao Te Ching\" / Nature / Nature is not kind;")
        runs_on = marked or (previous is not None and previous.content.rstrip("\"'’”)]")[-1:] not in ".!?:"
                             and not previous.content.startswith("-- "))
        # a typewriter's slash marks the catchword where pages were joined by one newline too ("/Board" / "Board")
        slashed = bool((match := CATCHWORD_LINE.match(line.content)) and match.group("slash"))
        # a slashed word in small letters inside a sentence that runs on in small letters under it is a catchword
        # however OCR garbled it or the word it announces ("water" / "/betwe-n" / "b t een supply areas;"), where
        # their letters still match: a path is no catchword ("written to" / "/tmp" / "which is cleared")
        garbled = (slashed and word[:1].islower() and following is not None and following.content[:1].islower()
                   and previous is not None and sentence_runs_on(previous.content, "")
                   and garbled_copy(word, following.content))
        if (word and following is not None and previous is not None and after is not None
                and (after.blank_before or after.furniture or head is not None or top is not None or slashed)
                and runs_on and (garbled or announces(word, following.content, marked=marked))):
            mark(line, "catchword", f"catchword \"{word}\" before a page break repeats the next page's first word",
                 0.9 if marked else 0.8)
            if head is not None:   # the next page's head, between the catchword and the word it announces
                mark(head, "running_head", "head of the page a catchword announces", 0.8)
            if top is not None and (number := page_number(top.content)):
                mark(top, "page_number", f"page number {number[0]} at the top of the page a catchword announces",
                     0.8)

    def mark_continued_head(self, line: Line) -> None:
        """A continuation mark ("/1", "./..", "P.T.O.") ends a page: a letter's continuation head right under it
        ("Dr A. Smith  2 March 1979": the addressee's name and the date) is the next page's head, a number alone
        there its page number ("/6" / "2" / "6. The Board")."""
        head = self.next_text(line)
        if head is None or head.kind != "body" or not self.figures[self.position[head.index]]:
            return
        if (number := page_number(head.content)) is not None:
            mark(head, "page_number", f"page number {number[0]} under a continuation mark", 0.8)
        elif continuation_head(head, self.first_page, self.width, self.hard_wrapped) is not None:
            mark(head, "running_head", "head of the page a continuation mark announces", 0.8)

    def mid_sentence(self, line: Line) -> bool:
        """Does a sentence run on across ``line`` ("whereupon the / THE HALL 23 / stranger")?"""
        n = self.position[line.index]
        # (the text's first line, its title, breaks no sentence: "Songs of the Western Shore" / "1")
        before, after = (self.body[n - 1].content.rstrip() if n > 1 else ""), self.next_text(line)
        return sentence_runs_on(before, "" if after is None else after.content)

    def catchwords_and_numbers(self) -> tuple[list[tuple[Line, int]], list[tuple[Line, str, bool]]]:
        """Mark the continuation marks, the catchwords before a page break and the unmistakable page numbers; return
        the bare numbers standing alone (page numbers where they count up) and the catchwords not yet marked (where
        a page's head found later may mark them), as (line, value) and (line, word, marked?)."""
        weak_numbers: list[tuple[Line, int]] = []
        catchwords: list[tuple[Line, str, bool]] = []
        few = self.words <= CATCHWORD_WORDS
        numeral = ~self.codes.holding(not_in_page_number().take(self.codes.codes, mode="clip"))
        for n in (few | numeral).nonzero()[0].tolist():
            line = self.body[n]
            found = catchword(line.content) if few[n] else None
            if found is not None:
                word, marked = found
                if not word and self.position[line.index] > 0:
                    mark(line, "catchword", "continuation mark", 0.9)
                    self.mark_continued_head(line)
                    continue
                self.mark_catchword(line, word, marked)
                if line.kind == "body":
                    catchwords.append((line, word, marked))
                continue
            found_number = page_number(line.content) if numeral[n] else None
            if found_number:
                value, strong = found_number
                if strong:
                    mark(line, "page_number", f"page number {value}", 0.9)
                elif self.isolated(line) and value < 1000:
                    weak_numbers.append((line, value))
        return weak_numbers, catchwords

    def running_heads(self) -> None:
        """Mark the running heads: short lines recurring a page apart with a number that counts up."""
        # (a head in capitals may span a newspaper page's columns, longer than the column's lines)
        groups: dict[str, list[Line]] = defaultdict(list)
        # (a line with no digit, as most are, holds no number: asked first, that spares most lines the costlier
        # tests; a line in capitals has a fifth of its letters small at most, so one with more letters a-z than a
        # quarter of its characters, as prose has, is not asked mostly_capitals)
        small = 4 * self.codes.counting(self.codes.codes - 97 < 26) > self.codes.ends - self.codes.starts
        for n in self.figures.nonzero()[0].tolist():
            line = self.body[n]
            if (line.kind in ("body", "running_head")   # (a head a catchword announced still counts among the copies)
                    and (short_line(line, self.width, self.hard_wrapped)
                         or (len(line.content) <= 100 and not small[n] and mostly_capitals(line.content)))
                    and STANDALONE_NUMBER.search(line.content)):
                key = head_key(line.content)
                if "#" in key and len(key) - key.count(" ") - key.count("#") >= 3:
                    groups[key].append(line)
        for members in _merge_misread(groups):
            # a page's heads stand a page apart (copies closer together are a table's rows), and their number
            # counts up with the pages (a changelog's dated sign-offs and releases count down, or change by several)
            spaced = _page_apart(members, [self.position[m.index] for m in members])
            if len({m.content for m in spaced}) < 2 or not _counts_up(spaced):
                continue
            # Without page breaks, numbered headings ("CHAPTER 2.", "Article 3") recur too; a page's head
            # falls where the page ends, mostly inside a sentence, a heading between paragraphs. The
            # text's first line breaks no sentence either way: it does not vote.
            voters = [member for member in spaced if self.position[member.index] > 0]
            recurring = len(spaced) >= 3 and (2 * sum(map(self.mid_sentence, voters)) > len(voters)
                                              or _paper_heads(spaced)) or _heads_of_two_pages(spaced)
            for member in spaced:
                if recurring or DASHED_NUMBER.search(member.content) or _near_signal(self.items, member):
                    mark(member, "running_head",
                         f"running head recurring {len(spaced)} times with a changing number", 0.85)

    def dated_continuation_heads(self) -> None:
        """Mark a letter's continuation heads under no mark: a line a page or more into the text, over a blank line,
        with its page number set off by a dash and the letter's date (:func:`.dated_continuation_head`)."""
        longest = longest_head(self.width, self.hard_wrapped)
        for n in self.figures[PAGE_LINES:].nonzero()[0].tolist():
            line = self.body[n + PAGE_LINES]
            if (line.kind == "body" and len(line.content) <= longest and self.blank_after(line)
                    and dated_continuation_head(line.content, self.first_page)):
                mark(line, "running_head", "continuation head with its page number and the letter's date", 0.8)

    def page_numbers(self, weak_numbers: list[tuple[Line, int]]) -> None:
        """Mark the bare numbers ``weak_numbers`` that count up through the text or sit at a page break."""
        in_sequence = []
        for n, (line, value) in enumerate(weak_numbers):
            neighbours = weak_numbers[max(0, n - 1):n] + weak_numbers[n + 1:n + 2]
            in_sequence.append(any(abs(other_value - value) == 1
                                   and (other_value > value) == (other.index > line.index)
                                   and abs(self.position[other.index] - self.position[line.index]) >= 8
                                   for other, other_value in neighbours))
        # Numbers counting up also number hymns, stanzas and sections, which stand between finished
        # sentences; a page ends where it is full, so most page breaks fall inside a sentence.
        counted = [line for (line, _), counts in zip(weak_numbers, in_sequence) if counts]
        if counted and 4 * sum(map(self.mid_sentence, counted)) < len(counted):
            in_sequence = [False] * len(weak_numbers)
        for (line, value), counts in zip(weak_numbers, in_sequence):
            if counts or _near_signal(self.items, line):
                mark(line, "page_number", f"page number {value}", 0.85 if counts else 0.8)

    def signature_marks(self) -> None:
        """Mark the signature marks beside a page break's furniture."""
        for n in (self.words <= 2).nonzero()[0].tolist():
            line = self.body[n]
            if line.kind == "body" and signature_mark(line.content) and _near_signal(self.items, line):
                mark(line, "signature_mark", "signature mark at a page break", 0.75)


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

    >>> heads = ["THE HALL 23", "THE HALL 25", "THE HALL 27"]
    >>> lines = [Line(n, 0, 0, 0, content, 0, 0) for n, content in enumerate(heads)]
    >>> _counts_up(lines), _counts_up(lines[::-1])
    (True, False)
    >>> _counts_up([Line(n, 0, 0, 0, f"-- J. Smith  Tue, {n} May 2023 1{n}:5{n}:00", 0, 0) for n in (1, 3)])
    False
    """
    numbers = [[int(digits) for digits in DIGITS.findall(member.content)] for member in members]
    up = down = 0
    for a, b in zip(numbers, numbers[1:]):
        changed = [(x, y) for x, y in zip(a, b) if x != y] if len(a) == len(b) else []
        if len(changed) == 1:
            up += changed[0][1] > changed[0][0]
            down += changed[0][1] < changed[0][0]
        elif changed:
            down += 1
    return up > down


def _heads_of_two_pages(members: list[Line]) -> bool:
    """Are ``members`` the heads of two pages, as an excerpt of two or three pages may hold no more: the same head
    with the page's number at its outer edge counting on (:func:`.heads_count_on`: "8 PASSAGE TO THE ISLES" / "PASSAGE
    TO THE ISLES 9", or "10 PASSAGE TO THE ISLES" two pages on)? A numbered heading keeps its number on one side,
    counting by one.

    >>> heads = [Line(n, 0, 0, 0, content, 0, 0) for n, content in enumerate(["12 THE HALL", "THE HALL 13"])]
    >>> _heads_of_two_pages(heads), _heads_of_two_pages(heads[::-1])
    (True, False)
    """
    return len(members) == 2 and heads_count_on(members[0].content, members[1].content)


_MAX_FUZZY_KEYS = 500   # beyond this many distinct heads (a long table's rows) only exact copies are grouped


def _merge_misread(groups: dict[str, list[Line]]) -> list[list[Line]]:
    """Groups of lines by head key, those whose keys differ only as OCR misreads them merged
    ("THE HISTORY OF ASHCOMBE" and "THE HISTRY OF ASHCOMBE"), as the heads of pages are matched.
    Only keys with a number or two (the page's, a chapter's) are merged: lines with more (a changelog's
    signature lines, "Thu, 26 Jan 2023 22:58:46 +0100") differ by more than a misread.

    >>> keys = ["THE HISTORY #", "THE HISTRY #", "Roads #"]
    >>> lines = {key: [Line(n, 0, 0, 0, key, 0, 0)] for n, key in enumerate(keys)}
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
            alike = scores[i, j] >= 85 or (mostly_capitals(keys[i]) and mostly_capitals(keys[j]))   # as heads of pages
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
    numbers = [dated_edge_number(member.content) if mostly_capitals(member.content) else None for member in members]
    return (None not in numbers and paper_head(members[0].content) is not None
            and all(0 < b - a <= 2 for a, b in zip(numbers, numbers[1:])))


def _near_signal(items: list[Line], line: Line) -> bool:
    """Is the text line before or after ``line`` (blank lines between do not count) furniture?"""
    return ((line.index > 0 and items[line.index - 1].furniture)
            or (line.index + 1 < len(items) and items[line.index + 1].furniture))
