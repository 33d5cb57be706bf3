"""``dedup``: remove repetition loops, keep legitimate repetition.

OCR engines, vision-language models most of all, loop: a block of lines comes
back again and again (its copies drifting by OCR noise or a counter), a word or
phrase repeats inside a line ("been been been"), or a unit runs away to the end
of the page. This strategy finds such loops and keeps their first copy and the
text that breaks out of them:

* **line blocks** of 1..``max_period`` lines repeated consecutively, compared
  exactly, through a counter ("Article 2", "Article 3" with the same body), or
  nearly (copies that differ only by OCR noise: "proverfet" / "provenfet");
  markup that one copy has and another lacks ("<p>", "**", a list bullet; not
  a heading's) is looked through; blank lines between copies are ignored, as
  is a page break inside a loop that has two copies or more on one of its
  pages (the page break stays); the copy that led into the loop may differ
  more than the others;
* **token loops** inside a line: 1..``max_token_period`` tokens repeated
  ("of the of the of the", a sentence twenty times, "page 9 page 10 …"; a
  paragraph written as one line, up to 400 tokens, where its trigrams recur),
  tokens compared through their tags (copies glued by markup,
  "<p>Minutes.</p><p>Minutes.</p>…", keep the first whole);
* **character loops**: one symbol running away ("!!!!!!!!"), a short unit
  without spaces repeated ("<td></td><td></td>…"; empty cells only when
  they run away).

What it leaves alone: two copies of short text ("very very", "had had", "that
that", two table rows alike), a short cry said three or four times ("ha, ha,
ha", "dump dump dump!", "Ho ho ho"), a short line or a table row (ending in a figure,
or with a leader) three or four times, repetition with
other text between (refrains, the same address in two letters), rows that all
differ a little or by a number (enumerations, ledgers, list items that only
start alike), symbol or leader runs of normal length (dot leaders, "#####"
borders, empty table rows), equal cells of a table row (set apart by more than a
word space), and a phrase repeated in a frame whose slot changes ("amendment to
the House amendment to the Senate amendment to the House amendment to the Senate
amendment to the bill"). Two copies are removed only when the copy is a long
sentence or line (``echo_min_chars``) or a phrase of three or more words read
twice in a row inside a sentence.

The searches, one module each, report :class:`~ocrfix.strategies.dedup.loop.Loop` s that :class:`Dedup` turns
into edits (each with its reason: the unit, its copies and how they differ):

* :mod:`~ocrfix.strategies.dedup.lines`: blocks of lines repeated;
* :mod:`~ocrfix.strategies.dedup.inline`: units of tokens repeated inside a line;
* :mod:`~ocrfix.strategies.dedup.characters`: a symbol, or a unit inside a word, running away;

and they share how text is compared: :mod:`~ocrfix.strategies.dedup.signatures` (tokens and lines as numbers),
:mod:`~ocrfix.strategies.dedup.periods` (runs of equal pairs a period apart), :mod:`~ocrfix.strategies.dedup.noise`
(copies differing by OCR noise or a counter), :mod:`~ocrfix.strategies.dedup.markup` (markup seen through).

>>> from ocrfix.pipeline import Pipeline
>>> Pipeline([Dedup()]).run("It has been been been a year.").text
'It has been a year.'
>>> Pipeline([Dedup()]).run("He had had a very very good year.").text
'He had had a very very good year.'
>>> Pipeline([Dedup()]).run("Ministry of Works\\nLambeth Bridge House\\n" * 3 + "The end.").text
'Ministry of Works\\nLambeth Bridge House\\nThe end.'
"""
from __future__ import annotations

import numpy as np

from ocrfix.pipeline import Edit, Strategy
from ocrfix.strategies import register
from ocrfix.strategies.dedup.characters import character_loops
from ocrfix.strategies.dedup.inline import TokenLoops
from ocrfix.strategies.dedup.lines import LineLoops
from ocrfix.strategies.dedup.loop import LOW_INFO_COPIES, Loop, merge, select
from ocrfix.strategies.dedup.markup import has_text, one_cell, tag_starts
from ocrfix.strategies.dedup.signatures import Tokens
from ocrfix.tokenspans import bounds, code_points, split_space


@register
class Dedup(Strategy):
    """Collapse repetition loops to their first copy; every removal is an edit.

    Options: ``min_repeats`` copies make a loop (3); ``max_period`` lines per
    repeated block (16); ``max_token_period`` tokens per repeated unit inside a
    line (40); ``similarity`` (0..1) two lines must reach to count as noisy
    copies (0.9), ``entry_similarity`` for the copy that leads into a loop
    (0.85); ``echo_min_chars``: a unit at least this long is removed when it
    comes twice (80); ``symbol_run``: a symbol repeated this often is a loop (8);
    ``low_info_chars``: repetition without letters is a loop only from this
    many characters (200).

    >>> Dedup(min_repeats=4).min_repeats
    4
    """

    name = "dedup"

    def __init__(
        self,
        *,
        min_repeats: int = 3,
        max_period: int = 16,
        max_token_period: int = 40,
        similarity: float = 0.9,
        entry_similarity: float = 0.85,
        echo_min_chars: int = 80,
        symbol_run: int = 8,
        low_info_chars: int = 200,
    ) -> None:
        if min_repeats < 2:
            raise ValueError("min_repeats must be at least 2")
        self.min_repeats = min_repeats
        self.max_period = max_period
        self.max_token_period = max_token_period
        self.similarity = similarity
        self.entry_similarity = entry_similarity
        self.echo_min_chars = echo_min_chars
        self.symbol_run = symbol_run
        self.low_info_chars = low_info_chars

    def propose(self, text: str) -> list[Edit]:
        """One edit per loop: its copies after the first removed (page breaks among them kept)."""
        if not text.strip():
            return []
        codes = code_points(text)
        space = split_space(codes)
        loops = self.loops(text, codes, space, bounds(space))
        return [
            self.edit(
                text, loop.start, loop.end, "\f" * text.count("\f", loop.start, loop.end),  # the pages stay
                reason=f"the {loop.unit} repeated {loop.copies} times{_kind_note(loop.kind)}; kept the first",
                confidence=loop.confidence,
            )
            for loop in loops
        ]

    def loops(self, text: str, codes: np.ndarray, space: np.ndarray,
              token_bounds: tuple[np.ndarray, np.ndarray]) -> list[Loop]:
        """The loops :meth:`propose` removes from ``text`` (not blank), given its code points (UTF-32), which
        of them are whitespace as ``str.split`` sees it and its tokens' starts and ends
        (:func:`ocrfix.tokenspans.bounds`): for a caller that has them (the quality estimate)."""
        tokens = Tokens(codes, token_bounds)
        tags = tag_starts(text)
        lines = LineLoops(self, text, codes, tokens, tags)
        line_loops = lines.find()
        inline = select(TokenLoops(self, text, tokens, tags, lines.bold).find()
                        + character_loops(self, text, codes, space, tokens))
        return merge(line_loops, inline)

    def enough(self, unit: str, copies: int, *, exact: bool = True, width: int = 0) -> bool:
        """Do ``copies`` copies of ``unit`` make a loop rather than legitimate repetition? ``width``: the
        characters each copy spans with the space after it, if more than the unit ("1 1 1 …" as "1!!!…").

        >>> Dedup().enough("1", 150), Dedup().enough("1", 150, width=2)
        (False, True)
        """
        if not has_text(unit) or one_cell(unit):
            return copies >= LOW_INFO_COPIES and copies * max(len(unit), width) >= self.low_info_chars
        if copies >= self.min_repeats:
            return True
        return exact and copies == 2 and len(unit) >= self.echo_min_chars

    def may_be_enough(self, copies: int, *, exact: bool) -> bool:
        """Can some unit make a loop in ``copies`` copies or fewer (all exact copies only if ``exact``)?
        A bound of :meth:`enough` over every unit, that rules runs out before their units are read.

        >>> dedup = Dedup()
        >>> dedup.may_be_enough(2, exact=False), dedup.may_be_enough(2, exact=True), dedup.may_be_enough(3, exact=False)
        (False, True, True)
        """
        return copies >= min(self.min_repeats, LOW_INFO_COPIES) or (exact and copies >= 2)


def _kind_note(kind: str) -> str:
    """How an edit's reason says its copies differ ("exact" copies go unsaid).

    >>> _kind_note("exact"), _kind_note("near")
    ('', ' (near copies)')
    """
    return "" if kind == "exact" else f" ({kind} copies)"
