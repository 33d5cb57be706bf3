"""What a word is to the estimate: its mass, its clear misprints, its readings, the words run into it.

Helpers of the per-token verdicts (:mod:`ocrfix.quality.tokentable`) that ask
the lexicon: :func:`word_mass` (a misread word weighs ``n ** WORD_MASS_POWER``,
not its length), :func:`clear_misprints` (the commonest words' misprints,
"tbe"), the readings of a word under one letter confusion (``recurring``), and
how many common words a token runs together (``merged``: "wouldnot").
"""
from __future__ import annotations

from functools import lru_cache

import regex

from ocrfix import lexicon
from ocrfix.errormodel import ErrorModel
from ocrfix.lexicon import CLEAR_MISPRINT_GAP


#: A misread word of n characters weighs n ** WORD_MASS_POWER characters: one misread letter spoils
#: a whole word, so its length says little about its edits (most misread words hold one or two).
#: Cross-validated on the project corpus (5 folds, 220 pages, with the weight bounds of
#: calibrate.BOUNDS, garbage then >= 0.25): Spearman 0.906, MAE on pages <= 15% 1.33 points;
#: 0.7: 0.901 / 1.50 (Tesseract's books 0.937 vs 0.925 / 0.80 vs 0.81; RapidOCR's books 0.897 vs
#: 0.852 / 2.10 vs 2.80); 0.0 (a word is one unit): 0.909 / 1.37 (Tesseract's books 0.946 / 1.03).
WORD_MASS_POWER = 0.3
#: Words this long or longer are tried as words run together (shorter ones: too many false splits).
MIN_JOINED = 5
_LONGEST_WORD = 20
#: The commonest words (the, of, and, that, which ...): what an engine misreading a glyph the same way
#: all page long prints as a rare string, dozens of times ("tbe", "tlie", "wbich").
_MISPRINTED_ZIPF = 6.0
_MERGE_ZIPF = 3.5
#: Marks that join words on purpose ("north-east", "and/or", "read_line", "--size=SIZE"): no space was lost there.
#: Others between two words are a space misread or lost ("June.We", "Father,which", "on*he").
WORD_JOINERS = frozenset("-/_=")
_MARK_RUNS = regex.compile(r"([^\p{L}']+)")  # runs of anything but letters and apostrophes, kept by split


@lru_cache(maxsize=1)
def common_words(lex: lexicon.Lexicon) -> frozenset[str]:
    """The words run-together text is taken apart into: the commoner the shorter (a misspelt word
    splits into rare short pieces: "vefore" is not "ve fore").

    Zipf >= 3.5 for four letters or more, >= 4.5 for three, >= 6 for one or two ("a", "of", "we").
    """
    least = {1: 6.0, 2: 6.0, 3: 4.5}
    return frozenset(word for word, zipf in lex.words() if zipf >= least.get(len(word), _MERGE_ZIPF))


@lru_cache(maxsize=1)
def common_prefixes(lex: lexicon.Lexicon) -> frozenset[str]:
    """Every beginning of a word of :func:`common_words` (the word itself included), up to _LONGEST_WORD letters:
    where a piece of a text is none, no longer piece from the same start is a word either."""
    return frozenset(word[:end] for word in common_words(lex) for end in range(1, min(len(word), _LONGEST_WORD) + 1))


def fewest_words(text: str, common: frozenset[str], prefixes: frozenset[str]) -> int:
    """The fewest words of ``common`` (whose beginnings are ``prefixes``) that ``text`` is made of; 0 when none.
    Stricter than the strategies' tests of words run together (:func:`ocrfix.lexicon.splittable` says why).

    >>> from ocrfix import lexicon
    >>> lex = lexicon.load()
    >>> fewest_words("tradedelegationtowarsaw", common_words(lex), common_prefixes(lex))
    4
    >>> fewest_words("xqzt", frozenset(), frozenset())
    0
    """
    size = len(text)
    # No check of the endings first: the prefixes end most misspellings' search within a few letters, and the
    # slices of such a check cost more than it saved.
    fewest = [0] * (size + 1)  # fewest[end]: words making text[:end] (0: none yet)
    for start in range(size):
        if start and not fewest[start]:
            continue
        count = fewest[start] + 1
        for end in range(start + 1, min(size, start + _LONGEST_WORD) + 1):
            piece = text[start:end]
            if piece not in prefixes:
                break
            if piece in common and (not fewest[end] or count < fewest[end]):
                fewest[end] = count
    return fewest[size]


def joined_on_purpose(core: str) -> bool:
    """Are there marks between ``core``'s letters, all :data:`WORD_JOINERS` ("read_line", "and/or"; not "on*he")?

    >>> joined_on_purpose("--page-size=PAGE_SIZE"), joined_on_purpose("on*he"), joined_on_purpose("~word")
    (True, False, False)
    """
    if WORD_JOINERS.isdisjoint(core):
        return False
    inner = letter_runs(core)[1]
    return bool(inner) and all(WORD_JOINERS.issuperset(marks) for marks in inner)


def letter_runs(text: str) -> tuple[list[str], list[str]]:
    """``text`` split at its marks (:data:`_MARK_RUNS`), and the runs of marks between letters (not at its edges).

    >>> letter_runs("--a-b,")
    (['', 'a', 'b', ''], ['-'])
    """
    pieces = _MARK_RUNS.split(text)
    parts, marks = pieces[0::2], pieces[1::2]
    return parts, marks[not parts[0]:len(marks) - (not parts[-1])]


def letter_swaps(word: str, substitutions: dict[str, str]) -> list[tuple[str, str]]:
    """The (printed, meant) letter of each of :func:`one_letter_readings` of ``word``, in their order.

    >>> letter_swaps("ab", {"a": "eo", "b": "h"})
    [('a', 'e'), ('a', 'o'), ('b', 'h')]
    """
    return [(printed, meant) for printed in word for meant in substitutions.get(printed, "")]


def one_letter_readings(word: str, substitutions: dict[str, str]) -> list[str]:
    """``word`` with one letter read as another that ``substitutions`` (printed letter -> letters meant) allow,
    letter by letter, each in the order of its letters meant.

    >>> one_letter_readings("ab", {"a": "eo", "b": "h"})
    ['eb', 'ob', 'ah']
    """
    found = []
    for at, printed in enumerate(word):
        if meant := substitutions.get(printed):
            head, tail = word[:at], word[at + 1:]
            found += [head + letter + tail for letter in meant]
    return found


@lru_cache(maxsize=1)
def letter_substitutions() -> dict[str, str]:
    """Printed letter -> the letters the shipped error model has seen an engine print it for (one for one).

    >>> "s" in letter_substitutions()["f"], "h" in letter_substitutions()["b"]
    (True, True)
    """
    found: dict[str, str] = {}
    for printed, meant in ErrorModel.default().undo_index().items():
        if len(printed) == 1 and printed.isalpha():
            found[printed] = "".join(letter for letter in meant if len(letter) == 1 and letter.isalpha())
    return found


@lru_cache(maxsize=1)
def clear_misprints() -> frozenset[str]:
    """The rare strings (folded) an engine prints for the commonest words (Zipf >= _MISPRINTED_ZIPF) with
    one confusion the shipped error model learned, at least the lexicon's CLEAR_MISPRINT_GAP rarer
    than the word: a misreading wherever it stands, even where the document prints it throughout (its
    own words are excused that). Built once (~10 ms).

    >>> {"tbe", "tlie", "wbich"} <= clear_misprints(), "thy" in clear_misprints()
    (True, False)
    """
    lex = lexicon.load()
    model = ErrorModel.default()
    found = set()
    for word, zipf in lex.words():
        if zipf < _MISPRINTED_ZIPF:
            continue
        found.update(misprint for misprint in model.misprints(word, len(word) + 1)
                     if misprint.isalpha() and lex.folded_zipf(misprint) <= zipf - CLEAR_MISPRINT_GAP)
    return frozenset(found)


def word_mass(characters: int) -> float:
    """The error mass of a misread word of ``characters`` characters (sublinear: see :data:`WORD_MASS_POWER`).

    >>> word_mass(1), round(word_mass(10), 2)
    (1.0, 2.0)
    """
    return float(characters) ** WORD_MASS_POWER
