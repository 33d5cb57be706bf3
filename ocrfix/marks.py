"""Marks that engines print for the one-letter words I and a: alone ("that | shall", "generate ~ myriad"), or
for the pronoun before its contraction ("T'm").

The dictionary strategy repairs them; the layout strategy, which deletes stray marks
(:mod:`ocrfix.strategies.layout.strays`), leaves these for it: both find them here.

>>> from ocrfix import lexicon
>>> [meant for _, meant in lone_mark_words("He said that | shall make ~ list, and l am sure.", lexicon.load())]
['I', 'a', 'I']
>>> [meant for _, meant in lone_mark_words("kept at ^ constant heat; SALE. ^ ... | Name | Age |", lexicon.load())]
['a']
>>> [meant for _, meant in lone_mark_words("read from _ network; the _ case", lexicon.load())]
['a']
>>> [m.group() for m in misread_pronouns("“T'm sure,” he said; T've seen it, and l'll go. T'other day")]
['T', 'T', 'l']
"""
from __future__ import annotations

from itertools import chain
from typing import Iterator

import regex

from ocrfix.lexicon import Lexicon, fold
from ocrfix.tokenspans import char_class, matches_at, offsets, places

# The word after a mark read as a one-letter word must follow that word at least 10**-2 as often as it
# follows any word (log10 P(w | I) - log10 P(w): verbs after "I" and nouns after "a" score -1.6 to +1,
# "the", "of", "in", "be" below -2; "i" and "a" also count the letters).
SHORT_WORD_ASSOCIATION = -2.0
# What engines print alone for a one-letter word: a bar or a small l for the capital I's upright stroke
# ("that | shall", "l am sure"), a tilde or a caret for a faint or broken "a", its arch or its tail
# ("generate ~ myriad of", "maintained at ^ constant temperature": ocrad prints the caret; Tesseract an angle
# or a guillemet for a faint "a": "looking > little vexed", "enjoy « sustained illusion"). English prints
# the pronoun as a capital: a small i alone is the capital read small ("As i said").
# An underscore alone is a glyph the engine could not read (gocr prints one): "a" where "a" fits. A digit 1, the
# capital I's shape with a flag, only after a word ("and 1 have"): at a sentence's start a number opens it as
# often ("No. 1 was sold").
LONE_MARK_WORDS = {"|": "I", "l": "I", "i": "I", "1": "I", "~": "a", "^": "a", ">": "a", "«": "a", "_": "a"}
# The pronoun I's contractions with the capital read as another upright: a T (the two serifs of a capital I
# run together into a bar in worn or small type) or a small l (the same stroke). "T'm", "T've", "l'll" are no
# English words. Not before a letter (dialect's "t'" for "the": "t'mill", "T'other") nor "'d." ("1½d." read
# "l'd."), and not a digit 1 (a shilling's "1'd" may be a misread fraction too).
PRONOUN_MARK = regex.compile(r"(?<=^|[\s\"“‘(])[Tl](?=['’](?:m|ve|ll|d(?!\.))(?![\p{L}\p{N}]))", regex.MULTILINE)
# The pronouns whose followers the pronoun I shares where the lexicon lists no pair of "i", and how much weaker
# (log10) that evidence counts than a pair of "i" itself (see _follows).
PLURAL_PRONOUNS = ("we", "they")
OTHER_PRONOUN = 1.0
# Words printed abbreviated with a full stop that ends no sentence: titles, references, weights and measures
ABBREVIATIONS = frozenset({"etc", "mr", "mrs", "dr", "st", "no", "vol", "pp", "cf", "viz", "ibid", "esq", "co", "ltd",
                           "inc", "jr", "sr", "rev", "hon", "gen", "col", "capt", "fig", "ch", "sec", "art", "para",
                           # weights and measures; this, last and next month in commercial letters (the 9th inst.)
                           "lb", "lbs", "oz", "qr", "qrs", "cwt", "yd", "yds", "ft", "gal", "doz", "inst", "ult", "prox"})
# No one-letter word follows an article: a mark after one is named ("the _ case", "the ~ key").
ARTICLES = frozenset(("the", "a", "an"))
LONE_MARK = regex.compile(r"(?:^|(?<=(\p{L}+)[,;:]?[ \t]+)|(?<=[.!?]['’\"”)]?[ \t]+)|(?<=^[ \t]*))"
                          rf"[{regex.escape(''.join(LONE_MARK_WORDS))}](?=[ \t]+(\p{{Ll}}+)\b)", regex.MULTILINE)
# Where LONE_MARK may match: a mark after a space, a tab or a line feed (the text's start is tried apart), before a
# space or a tab; found with numpy at a small part of LONE_MARK's own scan, which is then tried there alone.
LONE_MARKS = char_class("".join(LONE_MARK_WORDS))
LONE_MARK_BEFORE, LONE_MARK_AFTER = char_class(" \t\n"), char_class(" \t")


def lone_mark_words(text: str, lex: Lexicon) -> Iterator[tuple[regex.Match, str]]:
    """Each mark standing alone (a match of LONE_MARK) with the one-letter word it was printed for, where
    that word fits both neighbours; a bar in a line with another bar is a table's rule.
    """
    for match in lone_marks(text):
        mark, before, after = match.group(), match.group(1), match.group(2)
        meant = LONE_MARK_WORDS[mark]
        word = meant.lower()
        if mark == "|":
            line_start = text.rfind("\n", 0, match.start()) + 1
            line_end = text.find("\n", match.end())
            if text.count("|", line_start, line_end if line_end >= 0 else len(text)) > 1:
                continue
        association = _follows(lex, word, after)
        if association is None or association < SHORT_WORD_ASSOCIATION:
            continue
        if before is None and word == "i" and mark != "1" or before is not None and fold(before) not in ARTICLES \
                and lex.folded_bigram(fold(before), word):
            yield match, meant


def lone_marks(text: str) -> Iterator[regex.Match]:
    """The matches of LONE_MARK in ``text``, tried at the text's start and where a mark stands between its classes.

    >>> [match.span() for match in lone_marks("l am sure | said ~ word, ~ end")]
    [(0, 1), (10, 11), (17, 18), (25, 26)]
    """
    found = places(text, LONE_MARKS, before=LONE_MARK_BEFORE, after=LONE_MARK_AFTER)
    return matches_at(LONE_MARK, text, chain((0,), found))


def _follows(lex: Lexicon, word: str, after: str) -> float | None:
    """How much likelier ``after`` follows the one-letter ``word`` than any word (:meth:`Lexicon.association`);
    for the pronoun I, where the lexicon lists no such pair, how much likelier it follows "we" or "they", less
    OTHER_PRONOUN: the list holds few pairs of "i" ("i began", "i owe" are missing), and a verb that follows
    the plural pronouns takes I's form too ("has", "is" follow "he" only; "there" follows "we" weakly).

    >>> from ocrfix import lexicon
    >>> lex = lexicon.load()
    >>> [round(_follows(lex, "i", word), 2) for word in ("began", "owe", "there", "the")], _follows(lex, "i", "has")
    ([-0.65, -0.18, -2.75, -3.54], None)
    """
    association = lex.association(word, after)
    if association is not None or word != "i":
        return association
    return max((value - OTHER_PRONOUN for pronoun in PLURAL_PRONOUNS
                if (value := lex.association(pronoun, after)) is not None), default=None)


def misread_pronouns(text: str) -> Iterator[regex.Match]:
    """Each T or l that stands for the pronoun I before its contraction ("T'm", "l've"; see PRONOUN_MARK), tried
    only before an apostrophe (found with ``str.find``: a scan with PRONOUN_MARK costs ~20 times more).
    """
    starts = [place - 1 for place in offsets(text, "'’") if place and text[place - 1] in "Tl"]
    return matches_at(PRONOUN_MARK, text, starts)

