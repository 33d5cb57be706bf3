"""Choosing among a printed word's readings, and writing the choice back.

Every repair of the ``dictionary`` strategy (a misread word, a split one, a real-word error: see
:mod:`.realword`) scores the readings of what is printed, in log10 units, and takes the best one
only if its posterior among them is high enough (:func:`best_reading`); it then writes it in the
printed word's case (:func:`with_case`). Some repairs are no misreading whatever their score: they
delete printed letters outright (:func:`drops_letters`, :func:`drops_edge`), as where a neighbour's
letters ran on ("athe" is "at the", not "the"). A listed word as printed gets KNOWN_WORD_BONUS unless its
misprints alone make up its count (:func:`counted_from_misprints`); two articles in a row are no reading
(:func:`two_articles`).

>>> best, confidence = best_reading({"tho": -6.0, "the": -3.5}); with_case("Tho", best), round(confidence, 3)
('The', 0.997)
"""
from __future__ import annotations

from typing import Iterable

from rapidfuzz.distance import Levenshtein

from ocrfix.errormodel import blocks
from ocrfix.lexicon import fold

# How probable a word the lexicon does not know is, as a Zipf value: the lexicon
# lists every word down to Zipf 1, so an unlisted one is rarer: about once per
# billion words (names, rare words, compounds), not impossible.
UNKNOWN_ZIPF = 0.0
# A word at least this frequent (Zipf) is taken as written: correcting common
# real words needs more context than word bigrams give. Rarer listed words are
# looked at, but replaced only under the gap rules of the dictionary (see Dictionary._admissible).
TRUSTED_ZIPF = 4.5
RARE_PIECE_ZIPF = 2.0  # a listed word rarer than this may well be a piece of a split word ("begi ning": web typos)
# A capitalised unknown word inside a sentence is held to common readings (a name the lexicon lacks is no
# misprint), but one this long whose best reading, as of a lower-case word, reads its letters as other letters
# ("Marcli" -> "March", "Lonvenient" -> "Convenient"; none lost or added: "Maureens", "Rustaceans" are names)
# is a misread word: few names of six letters or more lie a confusion or two from a listed word. On the nine
# held-out sets such readings were 46 helpful, 33 neutral (a right word, a wrong case), 0 harmful edits; at five
# letters "Lasea" (a harbour of Crete) became "Laser".
MISREAD_NAME_LENGTH = 6
# A word the lexicon lists is more likely meant than its frequency alone says
# (period and regional spellings are rare, not wrong): its prior gets this much, unless
# a word one attested confusion away is CLEAR_MISPRINT_GAP commoner: the web text behind the
# lexicon holds OCR misreadings and typos of common words at about that rarity ("tne", "irom").
KNOWN_WORD_BONUS = 1.0


def best_reading(readings: dict[str, float], others: Iterable[float] = ()) -> tuple[str, float]:
    """The best of the ``readings`` (log10 scores) and its posterior among them and the ``others``.

    >>> best, confidence = best_reading({"the": -3.0, "tbe": -5.0}); best, round(confidence, 3)
    ('the', 0.99)
    """
    best = max(readings, key=readings.__getitem__)
    best_score = readings[best]
    total = sum([10.0 ** (score - best_score) for score in readings.values()])
    return best, 1.0 / (total + sum([10.0 ** (score - best_score) for score in others]))


def with_case(original: str, replacement: str) -> str:
    """``replacement`` in the case pattern of ``original`` (lower, Capitalised, UPPER)."""
    letters = [ch for ch in original if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return replacement.upper()
    if letters and letters[0].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def drops_letters(word: str, replacement: str) -> bool:
    """Does the repair delete printed letters outright ("elsew" -> "else"), not read them as others?"""
    return any(not intended and observed.isalpha() for intended, observed in blocks(fold(replacement), word))


def drops_digits(word: str, replacement: str) -> bool:
    """Does the repair of the folded ``word`` delete a digit between its letters outright ("uni5ver5sity" ->
    "university"), not read it as a letter of its shape? OCR misreads a letter as a digit; it puts none in: a digit
    inside a word is the text's own (a hyphenation point, a footnote's mark, a code).

    >>> drops_digits("uni5ver5sity", "university"), drops_digits("5ense", "sense"), drops_digits("thc", "the")
    (True, False, False)
    """
    return not word.isalpha() and any(not intended and any(map(str.isdigit, observed))
                                      for intended, observed in blocks(fold(replacement), word))


def letters_for_letters(word: str, replacement: str) -> bool:
    """Does the repair read each run of printed characters it changes as other letters, none deleted or added
    outright ("marcli" -> "March": "li" read as "h"; not "maureens" -> "Maureen", "rustaceans" -> "Crustaceans")?

    >>> letters_for_letters("marcli", "March"), letters_for_letters("maureens", "Maureen")
    (True, False)
    """
    return all(intended and observed for intended, observed in blocks(fold(replacement), word))


def letters_read_or_lost(word: str, replacement: str) -> bool:
    """Does the repair read each run of printed characters it changes as other letters, or put back one lost
    letter where none is printed, adding none ("commnwealth" -> "Commonwealth", "marcli" -> "March"; not
    "maureens" -> "Maureen", "cmwealth" -> "commonwealth")?

    >>> letters_read_or_lost("commnwealth", "Commonwealth"), letters_read_or_lost("marcli", "March")
    (True, True)
    >>> letters_read_or_lost("maureens", "Maureen"), letters_read_or_lost("cmwealth", "commonwealth")
    (False, False)
    """
    return all(intended and (observed or len(intended) == 1) for intended, observed in blocks(fold(replacement), word))


def drops_edge(word: str, replacement: str) -> bool:
    """Does the repair delete the word's first or last characters outright ("toa" -> "to"), rather
    than read them as other letters ("rnodern" -> "modern")?"""
    runs: list[list] = []  # runs of adjacent edits turning the replacement into the printed word
    for op in Levenshtein.opcodes(fold(replacement), word):
        if op.tag == "equal":
            continue
        if runs and runs[-1][-1].dest_end == op.dest_start and runs[-1][-1].src_end == op.src_start:
            runs[-1].append(op)
        else:
            runs.append([op])
    return any(all(op.tag == "insert" for op in run) and (run[0].dest_start == 0 or run[-1].dest_end == len(word))
               for run in runs)


def counted_from_misprints(zipf: float, prior: float, channel: float) -> bool:
    """Would the misprints of a word of frequency ``prior``, which the error model reads as a listed word of
    frequency ``zipf`` (log10 P(word printed | that word meant) = ``channel``), make up all the listed word's
    count, the known-word bonus (KNOWN_WORD_BONUS) included?

    The lexicon counts a word in web text that holds OCR'd print: its uses plus the other words misread as
    it. Where one word's misprints alone, 10 ** (prior + channel), reach the prior the listed word would get,
    its listing is no evidence that it is used at all, and the bonus that rewards being listed is not
    earned: "aud" (3.2 + 1) beside "and" (7.4) misread as it once in 10 ** 3.0 (4.4); not "bad" (5.5)
    beside "had" (6.3, 3.3), nor the period spelling "shew" (2.5 + 1) beside "show" (5.7, 2.7). The
    fixed CLEAR_MISPRINT_GAP rule, with the model's own rate of the confusion. Only for words of Zipf
    RARE_PIECE_ZIPF or more: rarer listings are the lexicon's floor of web typos, too coarse a count to
    weigh ("stof" 1.1 for "stuff": "stop" is one confusion away, the word meant two), and the fixed gap
    decides there alone. The caller passes attested confusions only: one at the model's floor says that
    it happens, not how often (as in :meth:`Dictionary._rivals`).

    >>> figures = ((3.16, 7.41, -2.96), (5.53, 6.33, -3.02), (2.46, 5.68, -2.95))
    >>> [counted_from_misprints(*each) for each in figures]
    [True, False, False]
    """
    return zipf >= RARE_PIECE_ZIPF and prior + channel >= zipf + KNOWN_WORD_BONUS
