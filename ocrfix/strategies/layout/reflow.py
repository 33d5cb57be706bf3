"""Reflow: which line breaks are the page's and which are the text's?

A line of a hard-wrapped paragraph ends because it is full: the next line's
first word would not have fitted (``full``). A paragraph, a heading, a list
item, a table row or a letter block (address, date, signature: short lines)
ends because the text says so. A break is joined only on evidence: a full
line, or a sentence that visibly goes on (no final punctuation, the next line
in lower case).

>>> shapes = Shapes(["the time is approaching when he should", "himself re-establish contact.", "Yours sincerely,"])
>>> [separator for separator, _, _ in decide_joins(shapes, ["line", "blank"], width=40, hard_wrapped=True)]
[' ', None]
"""
from __future__ import annotations

import re

import numpy as np

from ocrfix.hyphenation import HYPHENS
from ocrfix.prose import runs_on_like_prose
from ocrfix.strategies.layout.hyphens import BREAK_ONLY, DOUBLE_HYPHENS, MISREAD_HYPHENS, OPENING
from ocrfix.strategies.layout.lines import LineCodes, one_of

_BULLETS = "-•*·▪–—("
_CLOSING = "\"'’”)]"   # quotes and brackets that may follow a sentence's final stop
_LIST_ITEM = re.compile(
    r"(?:[\-•*·▪–—]\s|--\s"                                     # a bullet or a dash
    r"|\d{1,3}[.)]\s|[a-z][.)]\s|[ivx]{1,5}[.)]\s"              # "12." "b)" "iv."
    r"|\((?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})\)\s?)"               # "(12)" "(b)" "(iv)"
)
_NUMERIC = re.compile(r"(?:^|\s)[(£$€]?\d[\d,.:/]*%?\)?(?=\s|$)")
_FIGURE_END = set("0123456789%)")
_LEFT_HYPHENATED = re.compile(rf"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*(?=[{HYPHENS}{MISREAD_HYPHENS}]$)")
# the word a line starts with; a stray mark before a lower-case letter is OCR noise ("‘ngton"); an apostrophe
# ends no word ("ers’" of "Commissioners’" is "ers": the lexicon lists the word, not its plural possessive)
_RIGHT_WORD = re.compile(r"(?:[‘'`^*“\"](?=[^\W\d_A-Z]))?([^\W\d_](?:[\w'’]*\w)?)")
_TAIL = 40   # anchored-at-the-end patterns look at the line's last characters only
# the characters a line-end hyphen, a misread one or a dash ends in
_MARK_ENDS = frozenset(HYPHENS + MISREAD_HYPHENS + "".join(DOUBLE_HYPHENS))
_STOP_MARKS = ".:"   # the misread hyphens that are stops


class Shapes:
    """What the join decisions need to know about each line of a text: one list per property, one entry per
    line (``shapes.length[i]`` is the length of line ``i``).

    Built for all lines at once, each property in one pass over the lines' contents (a comprehension of
    string methods), not an object per line: a megabyte holds some 18,000 lines.

    >>> shapes = Shapes(["The Company shall pay the exam-", "\u201cple", "(a) the sum"])
    >>> shapes.first_word, shapes.starts_lower, shapes.list_item
    (['The', '\u201cple', '(a)'], [False, True, True], [False, False, True])
    >>> shapes.hyphen_left[0], shapes.hyphen[0], shapes.right_word(1), shapes.terminal
    ('exam', '-', 'ple', [False, False, False])

    A stop is read as a misread hyphen only before a line in lower case ("noth." / "ing"):

    >>> Shapes(["there was noth.", "ing to say. The end.", "Next"]).hyphen_left
    ['noth', '', '']
    """

    __slots__ = ("content", "length", "first_word", "starts_lower", "terminal", "structural", "list_item",
                 "hyphen_left", "hyphen", "dash_end", "number_range")

    def __init__(self, contents: list[str], headings: list[bool] | None = None) -> None:
        self.content = contents
        self.length = list(map(len, contents))
        self.first_word = [content.split(None, 1)[0] if content else "" for content in contents]
        # each line's first and last character, and where it may hold a table's or a leader's mark or no small letter
        codes = LineCodes(contents)
        self.structural = [False] * len(contents)
        for i in _maybe_structural(codes):
            self.structural[i] = _structural(contents[i])
        if headings and any(headings):
            self.structural = [heading or structural for heading, structural in zip(headings, self.structural)]
        # each property from the lines' first or last character, asked of the line itself only where that leaves
        # it open (a quote before the first letter, a bracket after the last mark, a character beyond ASCII)
        self.starts_lower = (codes.first - 97 < 26).tolist()   # a-z
        for i in codes.where(codes.first, OPENING, beyond_ascii=True):
            self.starts_lower[i] = contents[i].lstrip(OPENING)[:1].islower()
        self.terminal = one_of(codes.last, ".!?:").tolist()
        for i in codes.where(codes.last, _CLOSING, empty=True):
            self.terminal[i] = contents[i][-_TAIL:].rstrip(_CLOSING)[-1:] in ".!?:"
        # starts a list item ("(a)", "2.", "- "): never joined to the line before
        self.list_item = [False] * len(contents)
        for i in _maybe_list_items(codes):
            content = contents[i]
            self.list_item[i] = ((self.first_word[i][-1:] in ".)" or content[:1] in _BULLETS)
                                 and bool(_LIST_ITEM.match(content)))
        # most lines end in no hyphen or dash
        self.hyphen_left = [""] * len(contents)     # "exam" of "exam-", or ""
        self.hyphen = [""] * len(contents)          # the mark: "-", "¬", a misread "~", "-—"
        self.dash_end = [False] * len(contents)     # a dash that binds without a space
        self.number_range = [False] * len(contents)
        lower_next = self.starts_lower[1:] + [False]
        for i in codes.where(codes.last, _MARKED_ENDS):
            last = contents[i][-1]
            # a stop is a misread hyphen only before a line in lower case (see hyphen_candidate): elsewhere it ends a
            # sentence and is not read as a mark at all (a quarter of all lines end in one)
            if last in _MARK_ENDS and (lower_next[i] or last not in _STOP_MARKS):
                (self.hyphen_left[i], self.hyphen[i], self.dash_end[i],
                 self.number_range[i]) = _line_end_mark(contents[i][-_TAIL:])
            # a rule (a heading's "=====" underline), code continued by a backslash (joined, the backslash would
            # escape a space) or opening a block with a brace (prose ends no line in "{"): found here, among the
            # few lines ending in such a mark, not by a test of every line
            if last in _STRUCTURAL_ENDS and (last in _CODE_ENDS or rule(contents[i])):
                self.structural[i] = True

    def __len__(self) -> int:
        return len(self.content)

    def right_word(self, i: int) -> str:
        """Line ``i``'s first word, letters only, past a stray mark of OCR noise (for de-hyphenation)."""
        match = _RIGHT_WORD.match(self.content[i])
        return match.group(1) if match else ""

    def right_compound(self, i: int) -> bool:
        """Does line ``i``'s first word go on with a hyphen of its own ("on-Avon" after "Stratford-")?"""
        content = self.content[i]
        match = _RIGHT_WORD.match(content)
        return bool(match) and content[match.end():match.end() + 1] in HYPHENS and \
            content[match.end() + 1:match.end() + 2].isalpha()


def _line_end_mark(tail: str) -> tuple[str, str, bool, bool]:
    """The hyphen (or what OCR made of it) or dash that ends a line, from its last characters ``tail``:
    the word before it, the mark ("" when no word is broken), whether it is a dash that binds without a
    space, whether it ends a number range ("1987-"). A typed dash "--" with a space before it ("repeats this
    sequence --") is spaced on both sides, as typists set it: the line joins with a space. (A lone "\u2014" after a
    space at a line end is more often a mark at the margin that the engine read as a dash: it binds as before.)

    >>> _line_end_mark("should con-"), _line_end_mark("frus-\u2014"), _line_end_mark("in 1987-")
    (('con', '-', False, False), ('frus', '-\u2014', True, False), ('', '', False, True))
    >>> _line_end_mark("this sequence --")[2], _line_end_mark("the sequence--")[2], _line_end_mark("the \u2014")[2]
    (False, True, True)
    """
    last = tail[-1:]
    left = None
    mark = last
    if tail[-2:] in DOUBLE_HYPHENS and tail[-3:-2].isalpha():
        mark = tail[-2:]
        left = _LEFT_HYPHENATED.search(tail[:-1].rsplit(None, 1)[-1])
    elif (last in HYPHENS and tail[-2:-1] not in HYPHENS) or (last in MISREAD_HYPHENS and tail[-2:-1].isalpha()):
        left = _LEFT_HYPHENATED.search(tail.rsplit(None, 1)[-1])
    dash = tail.endswith(("—", "–")) or (tail.endswith("--") and not tail[-3:-2].isspace())
    return (left.group() if left else "", mark if left else "", dash,
            last in "-–" and tail[-2:-1].isdigit())


def _structural(content: str) -> bool:
    """A heading in capitals, a table row, a line of figures or a dot leader (:class:`Shapes` adds rules and
    lines continued by a backslash).

    >>> [_structural(line) for line in ("THE VOYAGE OUT", "a | b | c", "Wages .... 12", "12  4  7", "the end of it")]
    [True, True, True, True, False]
    """
    return (_table_or_leader(content) or (content.isupper() and _capitals_heading(content))
            or (content[-1:] in _FIGURE_END and _row_of_bare_numbers(content)))


def _maybe_structural(codes: LineCodes) -> list[int]:
    """The lines that :func:`_structural` may take (all others it does not): those holding a table's or a leader's
    mark (a tab, "|", three spaces, "....", ". . .", "____"), no small letter a-z (a line in capitals) or ending
    in a figure.

    >>> _maybe_structural(LineCodes(["the end of it", "THE VOYAGE OUT", "a | b", "on page 12", "dots .... here", ""]))
    [1, 2, 3, 4, 5]
    >>> _maybe_structural(LineCodes(["Wages ....", "x   y   z", "tab\there", "a . . . b", "a ___ b", "a ____ b"]))
    [0, 1, 2, 3, 5]
    """
    chars = codes.codes
    space, point, underscore = chars == 32, chars == 46, chars == 95
    marks = (chars == 9) | (chars == 124)
    marks[:-2] |= space[:-2] & space[1:-1] & space[2:]
    marks[:-3] |= (point[:-3] & point[1:-2] & point[2:-1] & point[3:]) | (
        underscore[:-3] & underscore[1:-2] & underscore[2:-1] & underscore[3:])
    marks[:-4] |= point[:-4] & space[1:-3] & point[2:-2] & space[3:-1] & point[4:]
    maybe = codes.holding(marks) | ~codes.holding(chars - 97 < 26)   # a-z
    maybe |= one_of(codes.last, _FIGURE_END) & (codes.ends > codes.starts)
    return maybe.nonzero()[0].tolist()


def _maybe_list_items(codes: LineCodes) -> list[int]:
    """The lines that :data:`_LIST_ITEM` may match (all others it does not): those starting with a bullet or a
    bracket, a character beyond ASCII, or a digit or a-z with a point or a bracket among the next five.

    >>> _maybe_list_items(LineCodes(["(a) the", "2. items", "the end.", "iv) no", "— yes", "ix. x"]))
    [0, 1, 3, 4, 5]
    """
    first = codes.first
    after = codes.codes[np.minimum(codes.starts[:, None] + np.arange(1, 6), len(codes.codes) - 1)]
    numbered = ((first - 48 < 10) | (first - 97 < 26)) & ((after == 46) | (after == 41)).any(axis=1)
    return (one_of(first, _BULLETS) | (first >= 128) | numbered).nonzero()[0].tolist()


_CODE_ENDS = "\\{"   # code goes on past a backslash, and a brace opens a block
# and a rule's marks (a line of points is a leader already)
_STRUCTURAL_ENDS = frozenset("=-*~_#+·—–" + _CODE_ENDS)
_MARKED_ENDS = "".join(_MARK_ENDS | _STRUCTURAL_ENDS)   # the last characters that Shapes looks at closer


def rule(content: str) -> bool:
    """A line of one mark repeated: a rule, or a heading's underline in a plain-text document ("====="), or the mark
    spaced out (a section's asterism, a markdown thematic break: "* * *").

    >>> rule("=" * 30), rule("---"), rule("--"), rule("-- Alan Perlis"), rule("*   *   *"), rule("* *"), rule("- 2 -")
    (True, True, False, False, True, False, False)
    """
    if content[1:2] == " ":   # a mark spaced out, perhaps widely ("*   *   *"): one index test for other lines
        content = content.replace(" ", "")
    return len(content) >= 3 and not content.strip(content[0])


def _table_or_leader(content: str) -> bool:
    """A tab, two "|" or two runs of three spaces (a table's columns), a dot leader or a rule of underscores."""
    # each count behind an `in` test: most lines hold neither mark, and `in` finds that several times faster
    return ("\t" in content or ("|" in content and content.count("|") >= 2)
            or ("   " in content and content.count("   ") >= 2) or "...." in content or ". . ." in content
            or "____" in content)


def _capitals_heading(content: str) -> bool:
    """A line in capitals (``content.isupper()``) short enough for a heading, with four letters or more."""
    return len(content) <= 60 and sum(map(str.isalpha, content)) >= 4


def _row_of_bare_numbers(content: str) -> bool:
    """A row of figures (``content`` ends in one): two numbers standing alone as words or more ("12", "£3",
    "4.5%"), at least half its words. (Not :func:`heads.mostly_numbers_with_units`, which counts a word with a unit,
    "11h".)"""
    if len(content) > 200:
        return False
    numeric = len(_NUMERIC.findall(content))
    return numeric >= 2 and numeric * 2 >= len(content.split())


FULL = 0.92   # a line whose next word would have passed this share of the width was full


def is_prose(shapes: Shapes) -> bool:
    """Do the text's lines run on into lower-case lines, as prose does (verse and lists do not)?

    >>> is_prose(Shapes(["The cat", "sat on", "the mat", "and the", "dog", "barked."]))
    True
    >>> is_prose(Shapes(["Tyger Tyger,", "In the forests", "What immortal", "Dare frame", "When the", "Did he"]))
    False
    """
    pairs = max(0, len(shapes) - 1)
    lower = sum(shapes.starts_lower[1:])
    return pairs < 5 or runs_on_like_prose(lower, pairs)


_NO_JOIN: tuple[str | None, str, float] = (None, "", 0.0)


def decide_joins(shapes: Shapes, gaps: list[str], *, width: int, hard_wrapped: bool,
                 prose: bool = True) -> list[tuple[str | None, str, float]]:
    """(separator or None, reason, confidence) for each break between lines ``i`` and ``i + 1``.

    ``gaps[i]`` is "line" (next line), "blank" (blank lines between), "apart"
    (blank lines between lines indented differently: separate blocks, never
    joined) or "page" (a page break, with or without furniture between). The
    separator is " ", or "" after a dash. Across blank lines only a sentence
    that visibly goes on is joined. In a text that is not ``prose`` (verse, lists of names)
    only a line that continues in lower case is joined. (One loop over all the
    breaks: a call per break would cost more than most decisions.)

    >>> shapes = Shapes(["the time is approaching when he should", "himself re-establish contact"])
    >>> decide_joins(shapes, ["line"], width=40, hard_wrapped=True)[0][0]
    ' '
    >>> decide_joins(Shapes(["Yours sincerely,", "John Smith"]), ["blank"], width=40, hard_wrapped=True)
    [(None, '', 0.0)]
    >>> shapes = Shapes(["thinks appropriate in", "present circumstances"])
    >>> decide_joins(shapes, ["page"], width=900, hard_wrapped=False)[0][0]
    ' '
    """
    full_break = f"hard line break: the line is full (width {width}) and the paragraph continues"
    full_length = FULL * width
    decisions: list[tuple[str | None, str, float]] = []
    for gap, a_length, a_terminal, a_structural, a_dash_end, a_number_range, b_structural, b_list_item, b_first, \
            b_lower in zip(gaps, shapes.length, shapes.terminal, shapes.structural, shapes.dash_end,
                           shapes.number_range, shapes.structural[1:], shapes.list_item[1:], shapes.first_word[1:],
                           shapes.starts_lower[1:]):
        if a_structural or b_structural or b_list_item or not b_first or (not prose and not b_lower) or gap == "apart":
            decisions.append(_NO_JOIN)
            continue
        full = hard_wrapped and a_length + 1 + len(b_first) > full_length
        going_on = not a_terminal and b_lower
        separator = "" if a_dash_end else " "
        if a_number_range and b_first[:1].isdigit() and (gap == "page" or (hard_wrapped and a_length >= 0.5 * width)):
            decisions.append(("", "a number range broken at its hyphen (\"1987-\" + \"88\")", 0.8))
        elif gap == "page":
            if going_on:
                decisions.append((separator, "the sentence continues on the next page", 0.9))
            elif full and (not a_terminal or b_lower):
                decisions.append((separator, "the full last line of the page continues on the next page", 0.8))
            else:
                decisions.append(_NO_JOIN)
        elif not hard_wrapped:
            decisions.append(_NO_JOIN)
        elif full and (gap == "line" or going_on):
            decisions.append((separator, full_break, 0.85))
        elif going_on and a_length >= 0.6 * width:
            decisions.append((separator, "hard line break inside a sentence", 0.8))
        else:
            decisions.append(_NO_JOIN)
    return decisions


def headline_break(shapes: Shapes, i: int) -> bool:
    """Are lines ``i`` and ``i + 1`` one headline in capitals set on two lines (structural only as headings in
    capitals, no table, figures, rule or code): a word broken at the first's end runs on into the second.

    >>> headline_break(Shapes(["GREAT FIRE AT THE EXHIBI-", "TION BUILDINGS."]), 0)
    True
    >>> headline_break(Shapes(["ROOMS    RENTS    RATES-", "TAXES    DUES     FEES"]), 0)
    False
    """
    lines = shapes.content[i:i + 2]
    return all(line.isupper() and line[-1:] not in _CODE_ENDS and not _table_or_leader(line)
               and not (line[-1:] in _FIGURE_END and _row_of_bare_numbers(line)) for line in lines)


def hyphen_candidate(shapes: Shapes, i: int, gap: str, *, width: int, hard_wrapped: bool,
                     house: frozenset[str] = frozenset()) -> bool:
    """Is the break between lines ``i`` and ``i + 1`` a word broken at a line-end hyphen? (``house``: misread
    marks the text sets as its hyphen, taken as one.)"""
    hyphen = shapes.hyphen[i]
    if (not shapes.hyphen_left[i] or shapes.list_item[i + 1]
            or gap == "apart"):   # separate blocks: no word runs on from one into the other, whatever mark ends it
        return False
    if (shapes.structural[i] or shapes.structural[i + 1]) and not headline_break(shapes, i):
        return False
    if ((hyphen in MISREAD_HYPHENS or hyphen in DOUBLE_HYPHENS) and hyphen not in house
            and not shapes.starts_lower[i + 1]):   # "end." then "The": a sentence, no broken word
        return False
    if not shapes.right_word(i + 1):
        return False
    # "¬" and the soft hyphen mark a break on any line (one set short by a picture)
    if gap == "page" or hyphen in BREAK_ONLY:
        return True
    if hard_wrapped:
        return shapes.length[i] >= 0.5 * width
    return gap == "line" and shapes.length[i] >= 20
