"""How print garbles a word beyond the error model's average rate per letter: a word's first letter is misread
or lost more often than an inner one, a garbled text slips at more places in one word, and two glyphs stand
for one letter ("li" for "h"). The dictionary's noisy channel weighs its readings by these."""
from __future__ import annotations

import math

from rapidfuzz.distance import Levenshtein

from ocrfix.errormodel import PRIOR_PAIRS, blocks
from ocrfix.lexicon import fold
from ocrfix.strategies.dictionary.candidates import SHORT_WORD

# A word's first letter is misread more often than the error model's rate for the letter says, which averages
# over every place in a word: in the corpus OCR's words of three letters or more with one letter misread as another,
# the first letter was 580 times where the letters' rates predict 440, an inner one 457 times for 1,200, the last 91
# for 372 (all together 0.56 of the prediction): the first letter 2.35 times the average place (held-out B-K's
# OCR: 2.9). It is lost more often too: 1.75 times the letters' rates (session 14's count). An unknown word's
# reading that changes or puts back its first letter alone, by a confusion the model knows, has its channel raised
# so much (log10); listed words keep the model's rates, and a lost letter is put back only before a word longer
# than SHORT_WORD: a shorter string is as likely a piece of a word or a number misread (docs/dictionary.md).
FIRST_LETTER_ODDS = math.log10(2.35)
LOST_FIRST_LETTER_ODDS = math.log10(1.75)
# The prior's two-glyph misreadings of one letter ("li" for "h", "rn" for "m"), as (observed, intended).
GLYPH_PAIRS = tuple((observed, intended) for intended, observed in PRIOR_PAIRS
                    if len(observed) == 2 and len(intended) == 1)
FIRST_LETTER_WORD = 3  # the least length of a word whose first letter alone is told misread ("wempest", "Che")


def glyph_readings(word: str) -> list[str]:
    """``word`` with one pair of glyphs read back as the letter they misprint (:data:`GLYPH_PAIRS`).

    >>> glyph_readings("tlie"), glyph_readings("rnan")
    (['the'], ['man'])
    """
    return [word[:at] + intended + word[at + 2:] for observed, intended in GLYPH_PAIRS if observed in word
            for at in range(len(word) - 1) if word.startswith(observed, at)]


def first_letter_odds(reading: str, word: str) -> float:
    """How much likelier (log10) print makes ``reading`` printed ``word``, two strings whose first letters differ, than
    the error model's rates, for a word's first letter alone misread (FIRST_LETTER_ODDS) or lost
    (LOST_FIRST_LETTER_ODDS); 0 for any other reading.

    >>> first_letter_odds("tempest", "wempest") == FIRST_LETTER_ODDS, first_letter_odds("already", "lready") > 0
    (True, True)
    >>> first_letter_odds("tempest", "wempesi"), first_letter_odds("to", "io"), first_letter_odds("plate", "late")
    (0.0, 0.0, 0.0)
    """
    if first_letter_misread(reading, word):
        return FIRST_LETTER_ODDS
    return LOST_FIRST_LETTER_ODDS if len(word) > SHORT_WORD and reading[1:] == word else 0.0


def further_slips(reading: str, word: str) -> int:
    """How many runs of slips past the first the printed ``word`` holds against ``reading``: each is likelier in a
    garbled text (see FURTHER_SLIP_SHARE).

    >>> further_slips("buildings", "ruilcings"), further_slips("tempest", "wempest")
    (1, 0)
    """
    if Levenshtein.distance(reading, word, score_cutoff=1) <= 1:
        return 0  # one edit is one run: half the readings asked, told without the alignment
    return max(0, len(blocks(reading, word)) - 1)


def first_letter_misread(reading: str, word: str) -> bool:
    """Was ``reading`` printed as ``word`` with its first letter alone read as another, in FIRST_LETTER_WORD
    letters or more?

    >>> first_letter_misread("the", "che"), first_letter_misread("the", "tre"), first_letter_misread("he", "ke")
    (True, False, False)
    """
    return len(reading) == len(word) >= FIRST_LETTER_WORD and reading[0] != word[0] and reading[1:] == word[1:]


def added_edge_letters(original: str, replacement: str) -> tuple[bool, bool]:
    """Does the repair put a letter before the word's first one ("hurch" -> "church"), and one after
    its last ("investmen" -> "investment")?

    >>> added_edge_letters("hurch", "church"), added_edge_letters("investmen", "investment")
    ((True, False), (False, True))
    """
    ops = Levenshtein.opcodes(fold(original), fold(replacement))
    if not ops:
        return False, False
    return (ops[0].tag == "insert" and ops[0].src_start == 0,
            ops[-1].tag == "insert" and ops[-1].src_start == len(original))
