"""Reflow: which line breaks are the page's and which are the text's?

A line of a hard-wrapped paragraph ends because it is full: the next line's
first word would not have fitted (``full``). A paragraph, a heading, a list
item, a table row or a letter block (address, date, signature: short lines)
ends because the text says so. A break is joined only on evidence: a full
line, or a sentence that visibly goes on (no final punctuation, the next line
in lower case).

>>> a, b = Shape("the time is approaching when he should"), Shape("himself re-establish contact")
>>> decide_join(a, b, "line", width=40, hard_wrapped=True)[0]
' '
>>> decide_join(Shape("Yours sincerely,"), Shape("John Smith"), "blank", width=40, hard_wrapped=True)
(None, '', 0.0)
>>> decide_join(Shape("thinks appropriate in"), Shape("present circumstances"), "page", width=900, hard_wrapped=False)[0]
' '
"""
from __future__ import annotations

import re

from ocrfix.strategies.layout.hyphens import BREAK_ONLY, DOUBLE_HYPHENS, HYPHENS, MISREAD_HYPHENS

_BULLETS = "-•*·▪–—("
_OPENING = "\"'‘“(["
_CLOSING = "\"'’”)]"
_LIST_ITEM = re.compile(
    r"(?:[\-•*·▪–—]\s|\d{1,3}[.)]\s|[a-z][.)]\s|[ivx]{1,5}[.)]\s|\((?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})\)\s?)"
)
_NUMERIC = re.compile(r"(?:^|\s)[(£$€]?\d[\d,.:/]*%?\)?(?=\s|$)")
_FIGURE_END = set("0123456789%)")
_LEFT_HYPHENATED = re.compile(rf"[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*(?=[{HYPHENS}{MISREAD_HYPHENS}]$)")
# the word a line starts with; a stray mark before a lower-case letter is OCR noise ("‘ngton")
_RIGHT_WORD = re.compile(r"(?:[‘'`^*“\"](?=[^\W\d_A-Z]))?([^\W\d_][\w'’]*)")
_TAIL = 40   # anchored-at-the-end patterns look at the line's last characters only
# the characters a line-end hyphen, a misread one or a dash ends in
_MARK_ENDS = frozenset(HYPHENS + MISREAD_HYPHENS + "".join(DOUBLE_HYPHENS))


class Shape:
    """What the join decision needs to know about one line's content."""

    __slots__ = ("content", "length", "first_word", "starts_lower", "terminal", "structural", "list_item",
                 "hyphen_left", "hyphen", "dash_end", "number_range")

    def __init__(self, content: str, *, heading: bool = False) -> None:
        self.content = content
        self.length = len(content)
        self.first_word = content.split(None, 1)[0] if content else ""
        last = content[-1:]
        self.structural = heading or _structural(content)
        if last in _MARK_ENDS:
            self._line_end_mark(content[-_TAIL:])
        else:   # most lines: no hyphen or dash at the end
            self.hyphen_left = self.hyphen = ""
            self.dash_end = self.number_range = False
        self.starts_lower = content.lstrip(_OPENING)[:1].islower()
        self.terminal = (last in ".!?:") if last and last not in _CLOSING else content[-_TAIL:].rstrip(_CLOSING)[-1:] in ".!?:"
        # starts a list item ("(a)", "2.", "- "): never joined to the line before
        self.list_item = ((self.first_word[-1:] in ".)" or content[:1] in _BULLETS)
                          and bool(_LIST_ITEM.match(content)))

    def _line_end_mark(self, tail: str) -> None:
        """The hyphen (or what OCR made of it) or dash that ends the line: ``tail`` is its last characters."""
        last = tail[-1:]
        left = None
        mark = last
        if tail[-2:] in DOUBLE_HYPHENS and tail[-3:-2].isalpha():
            mark = tail[-2:]
            left = _LEFT_HYPHENATED.search(tail[:-1].rsplit(None, 1)[-1])
        elif (last in HYPHENS and tail[-2:-1] not in HYPHENS) or (last in MISREAD_HYPHENS and tail[-2:-1].isalpha()):
            left = _LEFT_HYPHENATED.search(tail.rsplit(None, 1)[-1])
        self.hyphen_left = left.group() if left else ""     # "exam" of "exam-", or ""
        self.hyphen = mark if left else ""                  # the mark: "-", "¬", a misread "~", "-—"
        self.dash_end = tail.endswith(("—", "–", "--"))     # a dash that binds without a space
        self.number_range = last in "-–" and tail[-2:-1].isdigit()

    @property
    def right_word(self) -> str:
        """The first word, letters only, past a stray mark of OCR noise (for de-hyphenation)."""
        match = _RIGHT_WORD.match(self.content)
        return match.group(1) if match else ""

    @property
    def right_compound(self) -> bool:
        """Does the first word go on with a hyphen of its own ("on-Avon" after "Stratford-")?"""
        match = _RIGHT_WORD.match(self.content)
        return bool(match) and self.content[match.end():match.end() + 1] in HYPHENS and \
            self.content[match.end() + 1:match.end() + 2].isalpha()


def _structural(content: str) -> bool:
    """A heading in capitals, a table row, a line of figures or a dot leader."""
    if content.isupper() and len(content) <= 60 and sum(map(str.isalpha, content)) >= 4:
        return True
    # each count behind an `in` test: most lines hold neither mark, and `in` finds that several times faster
    if ("\t" in content or ("|" in content and content.count("|") >= 2) or ("   " in content and content.count("   ") >= 2)
            or "...." in content or ". . ." in content or "____" in content):
        return True
    if len(content) <= 200 and content[-1:] in _FIGURE_END:   # a row of figures ends in one
        numeric = len(_NUMERIC.findall(content))
        return numeric >= 2 and numeric * 2 >= len(content.split())
    return False


FULL = 0.92   # a line whose next word would have passed this share of the width was full
PROSE_LOWER_SHARE = 0.3  # prose: at least this share of its lines runs on in lower case from the line before


def is_prose(shapes: list[Shape]) -> bool:
    """Do the text's lines run on into lower-case lines, as prose does (verse and lists do not)?

    >>> is_prose([Shape(line) for line in ["The cat", "sat on", "the mat", "and the", "dog", "barked."]])
    True
    >>> is_prose([Shape(line) for line in ["Tyger Tyger,", "In the forests", "What immortal", "Dare frame", "When the", "Did he"]])
    False
    """
    pairs = max(0, len(shapes) - 1)
    lower = sum(1 for shape in shapes[1:] if shape.starts_lower)
    return pairs < 5 or lower >= PROSE_LOWER_SHARE * pairs


def decide_join(a: Shape, b: Shape, gap: str, *, width: int, hard_wrapped: bool,
                prose: bool = True) -> tuple[str | None, str, float]:
    """(separator or None, reason, confidence) for the break between lines ``a`` and ``b``.

    ``gap`` is "line" (next line), "blank" (blank lines between) or "page" (a
    page break, with or without furniture between). The separator is " ", or
    "" after a dash. In a text that is not ``prose`` (verse, lists of names)
    only a line that continues in lower case is joined.
    """
    if a.structural or b.structural or b.list_item or not b.first_word:
        return None, "", 0.0
    if not prose and not b.starts_lower:
        return None, "", 0.0
    full = hard_wrapped and a.length + 1 + len(b.first_word) > FULL * width
    long_enough = hard_wrapped and a.length >= 0.6 * width
    going_on = not a.terminal and b.starts_lower
    separator = "" if a.dash_end else " "
    if a.number_range and b.first_word[:1].isdigit() and (gap == "page" or (hard_wrapped and a.length >= 0.5 * width)):
        return "", "a number range broken at its hyphen (\"1987-\" + \"88\")", 0.8
    if gap == "page":
        if going_on:
            return separator, "the sentence continues on the next page", 0.9
        if full and (not a.terminal or b.starts_lower):
            return separator, "the full last line of the page continues on the next page", 0.8
        return None, "", 0.0
    if not hard_wrapped:
        return None, "", 0.0
    if full and (gap == "line" or not a.terminal or b.starts_lower):
        return separator, f"hard line break: the line is full (width {width}) and the paragraph continues", 0.85
    if going_on and long_enough:
        return separator, "hard line break inside a sentence", 0.8
    return None, "", 0.0


def hyphen_candidate(a: Shape, b: Shape, gap: str, *, width: int, hard_wrapped: bool) -> bool:
    """Is the break between ``a`` and ``b`` a word broken at a line-end hyphen?"""
    if not a.hyphen_left or a.structural or b.structural or b.list_item:
        return False
    if (a.hyphen in MISREAD_HYPHENS or a.hyphen in DOUBLE_HYPHENS) and not b.starts_lower:   # "end." then "The": a sentence, no broken word
        return False
    if not b.right_word:
        return False
    if gap == "page" or a.hyphen in BREAK_ONLY:   # "¬" and the soft hyphen mark a break on any line (one set short by a picture)
        return True
    if hard_wrapped:
        return a.length >= 0.5 * width
    return gap == "line" and a.length >= 20
