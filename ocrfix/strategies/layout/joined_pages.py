"""Running heads inside a line: pages whose lines an export joined into one.

Some OCR exports give a page, an article or a whole book as one line, its line
breaks turned into spaces. A running head and its page number then stand inside
the text, wherever the page broke: "nine hundred 50 THE FIRST BOOK OF MOSES, CALLED
GENESIS. and five years". Its copies are told from the text by what a head is and
does: words in capitals beside a page number, recurring a page apart or more, the
numbers rising as pages do ("50", "52"). A copy whose number OCR lost goes with
the others; one that no numbered copy comes before is the text's title and stays.
A head met once is taken where it splits a word broken at the page's end ("in- 130
THE BANKRUPTCY COURT solvent") or repeats the text's title in capitals beside its
number: elsewhere a number before words in capitals is as often the text's ("at 14
HIGH STREET"). Where heads went, a number after the text's last sentence that goes
on with their count is the last page's ("me mightily. 126").

>>> page = "the sentence runs on " * 60
>>> line = f"{page}10 THE HISTORY OF TRADE {page}11 THE HISTORY OF TRADE {page}"
>>> [line[start:end] for start, end in heads(line)]
[' 10 THE HISTORY OF TRADE', ' 11 THE HISTORY OF TRADE']
>>> heads(f"{page}10 THE HISTORY OF TRADE {page}9 THE HISTORY OF TRADE {page}")   # no page counts down
[]
>>> line = f"he was in- 130 THE BANKRUPTCY COURT solvent {page}"
>>> [line[start:end] for start, end in heads(line)]
[' 130 THE BANKRUPTCY COURT']
>>> line = f"The History of Trade {page}in a 12 THE HISTORY OF TRADE country {page}in the end. 13"
>>> [line[start:end] for start, end in heads(line)]
[' 12 THE HISTORY OF TRADE', ' 13']
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz, process

PAGE_CHARS = 1000     # a line this long may hold pages joined into it; shorter ones are left to the line rules
APART = 1000          # two copies of a head stand at least this far apart: a page
HEAD_LETTERS = 12     # a head has this many capitals or more
SAME_HEAD = 90        # the ratio of two copies' letters (OCR misreads some; two titles of a text differ more)
PAGES_SKIPPED = 4     # a head's number rises by at most this much from one copy to the next
TITLE_CHARS = 100     # a text's title stands in its first characters (more holds the text's own words)
RECENT_GROUPS = 64    # a copy is matched with the heads met last (a head recurs within a few pages): linear time

# the rest of a word in capitals as OCR reads it ("GEN&SIS.", "CHAPTERI")
_MORE_CAPITALS = r"[A-Z0-9&'’.,:;\-]*(?!\S)"
# a copy: one or two page numbers (the page's own after the last page's foot), words in capitals, a number after
_HEAD = re.compile(
    r"(?<!\S)(?P<lead>(?:\d{1,4}\.?(?:\s+|(?=[A-Z]))){1,2})?"
    rf"(?P<words>[A-Z]{_MORE_CAPITALS}(?:\s+[A-Z&'’]{_MORE_CAPITALS})*)"
    r"(?P<trail>\s+\d{1,4}(?!\S))?"
)
_NOT_LETTERS = re.compile(r"[^A-Z]+")
_FOOT = re.compile(r"[.!?][\"'’”)]?(\s+)(\d{1,4})$")   # a bare number after the text's last sentence


class _Copy:
    """One run of words in capitals with the numbers beside it."""

    __slots__ = ("start", "end", "words_end", "key", "lead", "trail", "number", "titled")

    def __init__(self, match: re.Match[str]) -> None:
        self.start, self.end, self.words_end = match.start(), match.end(), match.end("words")
        words = match.group("words")
        if not match.group("trail") and words[-2:] == " A" and match.string[self.end + 1:self.end + 2].islower():
            # the article opening the sentence after the head ("I" is as often a chapter's numeral: it stays)
            words, self.end, self.words_end = words[:-2], self.end - 2, self.words_end - 2
        self.key = _NOT_LETTERS.sub("", words)
        self.lead = int(re.findall(r"\d+", match.group("lead"))[-1]) if match.group("lead") else None
        self.trail = int(match.group("trail")) if match.group("trail") else None
        self.number: int | None = None
        self.titled = False   # repeats the text's title, in capitals, a page into the text or further


def heads(content: str) -> list[tuple[int, int]]:
    """The spans of ``content`` (a long line) that are running heads with their page numbers, each with the
    whitespace before it."""
    title = _NOT_LETTERS.sub("", content[:TITLE_CHARS].upper())
    copies = [copy for copy in map(_Copy, _HEAD.finditer(content)) if len(copy.key) >= HEAD_LETTERS]
    for copy in copies:
        copy.titled = copy.start >= APART and fuzz.partial_ratio(copy.key, title) >= SAME_HEAD
    # words that end in a comma go on in a sentence (an address, a list) unless they repeat the title
    copies = [copy for copy in copies if content[copy.words_end - 1] != "," or copy.titled]
    if len(copies) > 2 + 2 * len(content) // APART:   # more than a page's heads: a text set in capitals
        return []
    groups: list[list[_Copy]] = []
    keys: list[str] = []   # each group's first copy's letters
    for copy in copies:
        recent = max(0, len(keys) - RECENT_GROUPS)
        found = process.extractOne(copy.key, keys[recent:], scorer=fuzz.ratio, score_cutoff=SAME_HEAD)
        if found is None:
            groups.append([copy])
            keys.append(copy.key)
        else:
            groups[recent + found[2]].append(copy)
    taken = sorted((copy for group in groups for copy in _taken(content, group)), key=lambda copy: copy.start)
    spans = []
    for copy in taken:
        start = copy.start
        while start and content[start - 1].isspace():
            start -= 1
        # a number after a head with its own is the text's (a verse's), after one without it is the page's
        spans.append((start, copy.end if copy.number == copy.trail and copy.lead is None else copy.words_end))
    numbers = [copy.number for copy in taken if copy.number is not None]
    foot = _FOOT.search(content, max(0, len(content) - 12)) if numbers else None
    if foot and foot.start() > taken[-1].end and max(numbers) < int(foot.group(2)) <= max(numbers) + PAGES_SKIPPED:
        spans.append((foot.start(1), len(content)))   # the last page's number at its foot, after the text's end
    return spans


def _taken(content: str, group: list[_Copy]) -> list[_Copy]:
    """The copies of one head that are running heads: recurring a page apart with their numbers rising, or a
    head met once where it splits a broken word or repeats the title."""
    last = None
    for copy in group:
        if copy.lead is not None:
            copy.number = copy.lead
        elif copy.trail is not None and (last is None or last < copy.trail <= last + PAGES_SKIPPED):
            copy.number = copy.trail
        if copy.number is not None:
            if last is not None and not last < copy.number <= last + PAGES_SKIPPED:
                return []
            last = copy.number
    numbered = [copy for copy in group if copy.number is not None]
    if not numbered:
        return []
    if len(group) == 1:
        copy = group[0]
        before = content[max(0, copy.start - 3):copy.start].rstrip()
        return group if copy.titled or copy.lead is not None and before[-1:] in "-\u00ac" and \
            before[-2:-1].isalpha() and content[copy.end:copy.end + 2].lstrip()[:1].islower() else []
    if any(b.start - a.end < APART for a, b in zip(group, group[1:])):
        return []
    first = group.index(numbered[0])
    return group[first:]
