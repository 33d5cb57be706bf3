"""The shape of a token: its core, its letters, and whether it is garbage, a stray mark or a symbol.

Tests that look only at a token's characters, never at the lexicon: letters and
digits mixed ("l0ve"), a run of consonants, case flipping inside a word ("tHe"),
characters no English typesetting uses (``odd_chars``), marks with no letters
(``symbols``) and those old print sets apart on purpose ("25 ; recast"). Most
run as one regex scan over all new tokens (:func:`count_matches`) rather than a call per
token: new text is mostly new tokens.

>>> core_of("(the,"), has_case_flips("tHe"), is_stray("“he", "he")  # a core, garbage, a stray mark
('the', True, True)
"""
from __future__ import annotations

from collections.abc import Sequence
import re

import numpy as np
import regex

from ocrfix.profiles import fold_typography


HYPHENS = "-¬\u00ad"
STRAY_OPENERS = "“‘\"'`*°«„^~"
CLOSING_QUOTES = "”’\"'»"

EDGE_PUNCTUATION = "\"'“”‘’«»()[]{}<>.,;:!?*†‡§¶"
_WORD = regex.compile(r"\p{L}+(?:['’\-.]\p{L}+)*\.?")
# A number with an ordinal, a currency or a common unit: "1st", "5s", "10%", "23.5MB", "10kg", "3ft".
_NUMBER = regex.compile(r"[$£€#]?\d+(?:[.,:/\-]\d+)*(?:st|nd|rd|th|s|d|p|%|am|pm|[kmgt]?b|[kmg]?hz|[kmc]?m|m?g|kg"
                        r"|lbs?|oz|ft|yd|mph|ml|[km]?w)?", regex.I)
_POUNDS = re.compile(r"\d{1,3}(?:,\d{3})*l")
_CODE = regex.compile(r"\p{Lu}{1,3}\d{1,3}\p{Lu}?|\d{1,2}\p{Lu}{1,2}")  # SW1, A4, M25, SW1A, 10C
LETTER_DIGIT = regex.compile(r"\p{L}\d|\d\p{L}")
# No newline inside: no token has one, and count_matches joins tokens with newlines.
INNER_PUNCTUATION = regex.compile(r"\p{L}[^\p{L}\p{N}'’\-.\n]+\p{L}")
_ROMAN = regex.compile(r"(?i)(?=[mdclxvi]{2})m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
# Both cases spelt out, with the long s and the Kelvin sign (which case-insensitive matching folds to s and k),
# so that stdlib re runs it: several times faster than regex over the many words it scans.
CONSONANT_RUN = re.compile(r"[bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ\u017f\u212a]{6}")
_CASE_FLIP = regex.compile(r"\p{Ll}\p{Lu}\p{Ll}?")
_ODD = regex.compile(r"[|~^_\\{}¢¬¦■□▪●◆◊♦►▼▲※¤¥©®™°±µ»«\u2500-\u257f\uff00-\uffef\ufffd]|[^\p{Latin}\p{Common}\p{Inherited}]")
# Tokens without letters that text has: dashes (typists write an em dash "--"), signs, and Markdown's line marks
# (headings, quotes, lists, rules).
_STANDALONE_OK = frozenset({"-", "--", "–", "—", "&", "*", "§", "¶", "†", "/", "+", "=", "%", "...", "…", "$", "£", "#",
                            "##", "###", "####", ">", "**", "***", "---", "___"})
# Marks that old print (and French print to this day) sets after a space: "Bells, 25 ; recast, 26", "Hark !".
_SPACED_MARKS = frozenset(";:!?")
_DASHES = "-–—"
_ASCII_ODD_CHARS = frozenset("|~^_\\{}")
_LONG_S = str.maketrans({"ſ": "s"})
_NOT_LETTERS_OR_NEWLINE = regex.compile(r"[^\p{L}\n]+")
_NOT_LATIN_OR_NEWLINE = regex.compile(r"[^\p{Latin}\n]+")
_ASCII_NOT_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha() and chr(code) != "\n")


def count_matches(pattern: regex.Pattern | re.Pattern, texts: list[str],
                  chosen: Sequence[int] | None = None) -> np.ndarray:
    """How often ``pattern`` occurs in each of ``texts`` (only those ``chosen``, when given; 0 for the rest),
    in one scan of them all joined by newlines.

    No token holds a newline and no pattern here matches one, so no match spans
    two texts; with :func:`_whole_lines`, the same gives ``fullmatch`` of each.

    >>> count_matches(LETTER_DIGIT, ["a1b2", "1", "c"]).tolist(), count_matches(WHOLE_WORD, ["ab", "1", "c"]).tolist()
    ([2, 0, 0], [1, 0, 1])
    """
    if chosen is not None:
        counts = np.zeros(len(texts), dtype=np.int64)
        counts[chosen] = count_matches(pattern, [texts[index] for index in chosen])
        return counts
    ends = np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1)
    starts = [match.start() for match in pattern.finditer("\n".join(texts))]
    return np.bincount(np.searchsorted(ends, starts, side="right"), minlength=len(texts))


def letter_counts(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Letters and Latin letters of each of ``texts``. In ASCII both are its letters, counted for all those
    texts by one byte translation; the others by two regex passes (:func:`_kept`).

    >>> [part.tolist() for part in letter_counts(["ab1", "1", "çé", "Жa"])]
    [[2, 0, 2, 2], [2, 0, 2, 1]]
    """
    letters = np.zeros(len(texts), dtype=np.int64)
    ascii_ids = [index for index, text in enumerate(texts) if text.isascii()]
    if ascii_ids:
        joined = "\n".join([texts[index] for index in ascii_ids]).encode("ascii")
        letters[ascii_ids] = list(map(len, joined.translate(None, _ASCII_NOT_LETTERS).split(b"\n")))
    latin = letters.copy()
    beyond = [index for index, text in enumerate(texts) if not text.isascii()]
    if beyond:
        letters[beyond] = _kept(_NOT_LETTERS_OR_NEWLINE, [texts[index] for index in beyond])
        latin[beyond] = _kept(_NOT_LATIN_OR_NEWLINE, [texts[index] for index in beyond])
    return letters, latin


def _kept(dropped: regex.Pattern, texts: list[str]) -> list[int]:
    """Characters of each of ``texts`` that ``dropped`` (which must not match a newline) leaves, in one pass.

    >>> _kept(_NOT_LETTERS_OR_NEWLINE, ["ab1", "1", "çé"])
    [2, 0, 2]
    """
    return list(map(len, dropped.sub("", "\n".join(texts)).split("\n")))


def _whole_lines(pattern: regex.Pattern) -> regex.Pattern:
    """``pattern`` matching whole lines only: :func:`count_matches` with it tells which texts it matches whole."""
    return regex.compile(rf"(?m)^(?:{pattern.pattern})$", pattern.flags)


WHOLE_WORD, WHOLE_NUMBER, WHOLE_CODE, WHOLE_ROMAN = map(_whole_lines, (_WORD, _NUMBER, _CODE, _ROMAN))


def core_of(token: str) -> str:
    """``token`` without its edge marks, in plain spelling ("(ﬁne," -> "fine", "ſome" -> "some")."""
    core = token.strip(EDGE_PUNCTUATION)
    return core if core.isascii() else fold_typography(core).translate(_LONG_S)


def symbol_mass(token: str) -> float:
    """``symbols`` of a token without letters or digits: none for what text has standing alone ("—", "&", "...").

    Marks that are typography only where they stand are cleared in context (:func:`typeset_marks`).
    """
    if token in _STANDALONE_OK or (token.count(".") == len(token) and len(token) >= 3):
        return 0.0
    return len(token) + 1.0


def is_stray(token: str, core: str) -> bool:
    """A word in lower case led by a quote or mark that nothing closes ("“he", "*he")."""
    return token[0] in STRAY_OPENERS and core[0].islower() and token[-1] not in CLOSING_QUOTES


def is_hyphenated(token: str) -> bool:
    """A word ending with a hyphen ("com-"), perhaps the first half of one hyphenated at the line end."""
    return len(token) > 2 and token[-1] in HYPHENS and token[-2].isalpha()


def is_pounds_sum(token: str, core: str) -> bool:
    """A sum in pounds as the 18th and 19th centuries printed it, "l." after the number ("5,000l.", "3l. 10s.").

    Only with its full stop: "1l" alone is as likely "11" misread.

    >>> [is_pounds_sum(token, token.rstrip(".;")) for token in ("5,000l.", "3l.;", "1l", "l0l.")]
    [True, True, False, False]
    """
    return core + "." in token and _POUNDS.fullmatch(core) is not None


def odd_char_counts(texts: list[str], chosen: Sequence[int]) -> np.ndarray:
    """Characters of each of ``texts`` (0 for those not ``chosen``) that running English text does not use
    (see ``odd_chars``), scanned only in those that may hold one: beyond ASCII, or with an odd one of it.

    >>> odd_char_counts(["a|b", "ab", "n¬", "x|"], [0, 1, 2]).tolist()
    [1, 0, 1, 0]
    """
    return count_matches(_ODD, texts, [index for index in chosen if not texts[index].isascii()
                               or not _ASCII_ODD_CHARS.isdisjoint(texts[index])])


def has_case_flips(word: str) -> bool:
    """Lower case then upper case inside a word, twice, or once in a short word ("tHe", "aNd"); not "McDonald"."""
    flips = len(_CASE_FLIP.findall(word))
    return flips >= 2 or (flips == 1 and len(word) <= 4)


def typeset_marks(tokens: Sequence[str], token_line: np.ndarray, charged: np.ndarray) -> list[int]:
    """Positions in ``charged`` (indices of ``tokens``) of marks that are typography where they stand.

    A mark set after a space that follows a word or a number on the same line ("Bells, 25 ; recast",
    "Hark !"): old print (and French print to this day) sets ``; : ! ?`` after a thin space, which engines
    read as a space; the marks an engine makes of specks mostly stand after a stop or another mark
    ("Commons. :", "Surv: :") or open a line. And a dash or two opening a line, perhaps with a comma: in an
    index or a list it stands for the heading above ("Charity, Dyson's, 120" / "-- Holroyd's, 121",
    "——, Lady Anne, 15").

    >>> tokens = "25 ; recast . : Hark ! —, Lady ,".split()
    >>> typeset_marks(tokens, np.array([0, 0, 0, 0, 0, 0, 0, 1, 1, 2]), np.array([1, 4, 6, 7, 9]))
    [0, 2, 3]
    """
    marks = []
    for position, index in enumerate(charged.tolist()):
        token = tokens[index]
        opens_line = not index or token_line[index - 1] != token_line[index]
        if token in _SPACED_MARKS and not opens_line and tokens[index - 1][-1].isalnum():
            marks.append(position)
        elif opens_line and 0 < len(dashes := token.removesuffix(",")) <= 2 and not dashes.strip(_DASHES):
            marks.append(position)
    return marks
