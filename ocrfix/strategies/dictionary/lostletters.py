"""Split words whose space stands for a lost letter ("sho ld" should, "build ngs" buildings, "comp ny" company).

Line recognisers and Tesseract on faint print lose a thin letter and print a space where it stood, so one word
prints as two pieces that may each be listed ("sho" Zipf 3.1, "ld" 3.4): too common for the split-word glue, which
looks only at pieces rarer than PIECE_ZIPF. Two lower-case neighbours one space apart that form no listed pair, one
of them no common word or both long ("est mate"), are read as one listed word with one letter put in at the space
(:meth:`_could_fill`); the word is taken when the noisy channel (word pairs x frequency, the document's own use, the
error model's cost of a letter printed as a space) makes it clearly likelier than the pieces as printed and than the
other letters' words and than the pieces with one of them misread into a word ("on ine": "on the")
(:meth:`_fill_gap`). Two common words that make a short one stay apart ("as ed": "asked", or "as Ed."?); a lone
letter that is no word is a piece before a word that is no common one either, however much above GAP_PIECE_ZIPF
("r port": "report"), and so is a lone consonant after a word ("large y": "largely"). Pieces in capitals make a word
in capitals ("B TWEEN": "BETWEEN"). A typewriter's faint letter may leave a mark before the space (GAP_MARKS:
"conve: ient", "gov. rnment"): the pieces are read so too, the mark in the channel.

>>> from ocrfix.pipeline import Pipeline
>>> from ocrfix.strategies.dictionary import Dictionary
>>> Pipeline([Dictionary()]).run("We sho ld not go there again.").text
'We should not go there again.'
"""
from __future__ import annotations

import string
from collections import Counter
from functools import lru_cache

import numpy as np

from ocrfix import diskcache, lexicon
from ocrfix.strategies.dictionary.readings import with_case
from ocrfix.strategies.dictionary.tokens import Tokens

GAP_PIECE_ZIPF = 4.0  # one piece rarer than this: two common words side by side are words, not a word's pieces
GAP_WORD_ZIPF = 3.0  # the word with the letter put in, at least this common (as JOIN_MIN_ZIPF)
LONE_LETTER_ZIPF = 5.5  # a lone letter rarer than this ("a", "I" are words) before a word as rare ("a, b and c" are
#                        labels) is a word's first letter
GAP_MARKS = ".,:;"  # a mark before the space may be the lost letter's remains ("conve: ient": convenient)
GAP_WORD_LENGTH = 5  # and this long: shorter ones have too many neighbours to tell which letter was lost...
# ...but for a four-letter word this common whose pieces make no other listed word with one letter put in ("th t":
# that, "fr m": from; not "th n", then, than or thin): one filling, and the likeliest word of English at that
SHORT_GAP_WORD_ZIPF = 6.0
COMMON_PIECES_LENGTH = 7  # two common pieces make a word this long or longer: shorter are as often a name ("he en"
#                           Helen, "de by" Derby) as a word


class LostLetterGaps:
    """The rule as a mixin of :class:`~ocrfix.strategies.dictionary.Dictionary` (its language and error models)."""

    def _could_fill(self, tokens: Tokens, paired: list[float], joins: set[int]) -> dict[int, list[str]]:
        """Cheap test: the i where tokens i and i+1 are lower-case words (the first perhaps capitalised) or words
        in capitals (:func:`_one_case`) one space apart, no listed pair and not a join's, one rarer than
        GAP_PIECE_ZIPF or both long (:func:`_long_pieces`: "est mate"), or the first a lone letter
        :meth:`_lone_letter_piece` takes for a word's first ("r port": report, its second letter lost; only so:
        "a curate" is no "accurate"), or the second a lone last letter (:func:`_lone_last_letter`: "large y",
        largely), with the listed words that one letter put in between makes of them."""
        cores, folded, zipf = tokens.cores, tokens.folded, self._lexicon.folded_zipf
        short = one_letter_short()
        # the tests of each pair that C makes, asked first in numpy: no listed pair, two words of letters, the second
        # in one case (as _one_case asks); the rest in Python for the pairs that pass
        second_cased = tokens.flags(str.islower) | tokens.flags(str.isupper)
        alpha = tokens.flags(str.isalpha)
        cheap = (np.asarray(paired[:-1]) == 0.0) & alpha[:-1] & alpha[1:] & second_cased[1:]
        spots = [i for i in np.flatnonzero(cheap).tolist()
                 if i not in joins and _one_case(cores[i], cores[i + 1])
                 and (tokens.spaced[i] or self._mark_spaced(tokens, i))
                 and (self._lone_letter_piece(cores[i], folded[i], folded[i + 1]) if len(cores[i]) == 1
                      else folded[i] + folded[i + 1] in short
                      and (min(zipf(folded[i]), zipf(folded[i + 1])) < GAP_PIECE_ZIPF
                           or _long_pieces(cores[i], cores[i + 1])
                           or len(cores[i + 1]) == 1 and _lone_last_letter(folded[i + 1], zipf)))]
        words = [folded[i] + letter + folded[i + 1] for i in spots for letter in string.ascii_lowercase]
        listed = [z >= GAP_WORD_ZIPF for z in self._lexicon.folded_zipfs(words)]
        found = {}
        for n, i in enumerate(spots):
            filled = [word for word, ok in zip(words[26 * n:26 * n + 26], listed[26 * n:26 * n + 26]) if ok]
            if filled:
                found[i] = filled
        # a lone letter between two pieces is the next word's first ("the r ral": rural, not "their ral")
        return {i: filled for i, filled in found.items() if not (len(cores[i + 1]) == 1 and i + 1 in found)}

    @staticmethod
    def _mark_spaced(tokens: Tokens, i: int) -> bool:
        """Are tokens ``i`` and ``i + 1`` apart by one mark of GAP_MARKS and a space, the mark closing token ``i``
        ("conve: ient", "Gover. ment")? A typewriter's faint letter is read so, its space kept."""
        end = tokens.ends[i]
        return tokens.raw_ends[i] == end + 1 and tokens.text[end] in GAP_MARKS and tokens.starts[i + 1] == end + 2 \
            and tokens.text[end + 1] == " "

    def _lone_letter_piece(self, letter: str, folded: str, piece: str) -> bool:
        """Whether a lone ``letter`` (``folded``) before ``piece`` may be a word's first letter, the next one lost: a
        letter that is no word before no common word ("r port": report), or a lower-case "a" or "i" before a piece
        that is no listed word ("a ove": above, "i terest": interest; "a tend" stays, "I proved" is the pronoun's)."""
        if len(piece) < GAP_WORD_LENGTH - 2:
            return False
        zipf = self._lexicon.folded_zipf
        if letter in ("a", "i"):
            return zipf(piece) < GAP_WORD_ZIPF
        return max(zipf(folded), zipf(piece)) < LONE_LETTER_ZIPF

    def _fill_gap(self, tokens: Tokens, i: int, words: list[str]) -> tuple[str, float, str] | None:
        """Tokens ``i`` and ``i + 1`` read as the likeliest of ``words`` (:meth:`_could_fill`), if clearly meant:
        (replacement, confidence, reason)."""
        a, b = tokens.cores[i], tokens.cores[i + 1]
        if a[0].isupper() and not tokens.may_open_sentence(i) and not b.isupper():
            return None  # a capitalised piece inside a sentence is as often a name's ("Dut on"); capitals, a heading's
        fa, fb = tokens.folded[i], tokens.folded[i + 1]
        if fa in self.protected or fb in self.protected:
            return None
        prev, nxt = tokens.context(i, -1), tokens.context(i + 1, +1)
        printed = fa + tokens.text[tokens.ends[i]:tokens.starts[i + 1]] + fb
        zipf = self._lexicon.folded_zipf
        scores = {word: self._context(prev, word, zipf(word), nxt, tokens.vocabulary) + self._channel(word, printed)[0]
                  for word in words}
        best = max(scores, key=scores.get)
        if not (self._known(prev) or (a.islower() or b.isupper()) and self._known(nxt)) \
                and not self._attested(prev, best, nxt):
            # beside no word or an unknown one the pieces' misfit is no evidence, nor after none when capitalised,
            # as a list item's or a heading's first word ("* Abort on errors"); a word in capitals is a heading's
            # whole ("M NUTE FROM THE")
            return None
        first, second = self._misread_pair(prev, fa, fb, nxt)  # "on ine": "on the", a piece misread
        rivals = [self._apart(prev, fa, fb, nxt), *first, *second, *scores.values()]
        confidence = 10.0 ** scores[best] / sum(10.0 ** score for score in rivals)
        if confidence < self.min_confidence:
            return None
        return (with_case(a + b, best), round(confidence, 3),
                f"\"{a} {b}\": a word split by the OCR where a letter was lost; \"{best}\" is meant")


def _one_case(first: str, second: str) -> bool:
    """Whether two pieces may be one word's by their case: lower-case after a lower-case or capitalised piece
    ("sho ld", "Sho ld"), or both in capitals ("AF ER", "B TWEEN": a heading's word, kept in capitals).

    >>> _one_case("Sho", "ld"), _one_case("AF", "ER"), _one_case("Mac", "Donald"), _one_case("NEW", "york")
    (True, True, False, False)
    """
    return second.islower() and (len(first) == 1 or first[1:].islower()) or first.isupper() and second.isupper()


def _long_pieces(first: str, second: str) -> bool:
    """Whether two pieces, common words both ("est mate": estimate, "submit ed": submitted), are long enough to be
    read as one word with a letter lost whatever their commonness: each of two letters or more, the word made of
    COMMON_PIECES_LENGTH letters or more.

    >>> _long_pieces("est", "mate"), _long_pieces("he", "en"), _long_pieces("large", "y")
    (True, False, False)
    """
    return len(first) >= 2 and len(second) >= 2 and len(first) + len(second) + 1 >= COMMON_PIECES_LENGTH


def _lone_last_letter(folded: str, zipf) -> bool:
    """Whether a lone last piece is a word's last letter, the one before it lost: a consonant that is no word
    ("large y": largely, "again t": against); a lone vowel is as often a short word misread ("the san o!": "of")."""
    return folded not in "aeiou" and zipf(folded) < LONE_LETTER_ZIPF


@lru_cache(maxsize=1)
def one_letter_short() -> frozenset[str]:
    """The listed words that :meth:`LostLetterGaps._could_fill` may make, each with an inner letter left out, so that
    a pair of pieces is looked up once, not with each of 26 letters put in: built once (~0.04 s), cached on disk.

    >>> "shold" in one_letter_short(), "should" in one_letter_short()
    (True, False)
    >>> "tht" in one_letter_short(), "thn" in one_letter_short()  # that; then, than or thin
    (True, False)
    """
    path = diskcache.cache_path("gaps", f"v3:{GAP_WORD_ZIPF}:{GAP_WORD_LENGTH}:{SHORT_GAP_WORD_ZIPF}".encode(),
                                diskcache.TABLES_FORMAT, (lexicon.DATA_DIR / lexicon.WORDS_FILE).read_bytes(),
                                suffix=".marshal")
    cached = diskcache.read_tables(path)
    if cached is not None:
        return cached
    listed = [(word, zipf) for word, zipf in lexicon.load().words() if zipf >= GAP_WORD_ZIPF and word.isalpha()]
    words = [word for word, _ in listed if len(word) >= GAP_WORD_LENGTH]
    # a first piece of two letters or more
    short = frozenset(word[:cut] + word[cut + 1:] for word in words for cut in range(2, len(word) - 1))
    fillings = Counter(word[:2] + word[3] for word, _ in listed if len(word) == 4)
    short |= {word[:2] + word[3] for word, zipf in listed
              if len(word) == 4 and zipf >= SHORT_GAP_WORD_ZIPF and fillings[word[:2] + word[3]] == 1}
    diskcache.write_tables(path, short)
    return short
