"""Real-word errors: a listed word misread as another listed word ("He bad been" for "He had been").

A spelling checker cannot see such an error: "bad" is a word. Only its neighbours can: "bad" forms no
listed word pair with "He" nor with "been", while "had", one misreading the engine is known to make (b
for h) away, forms both. So a listed lower-case word that pairs with neither neighbour (:meth:`_unpaired`)
is read as each listed word one attested confusion away (:meth:`_misread`) that pairs with both
(:meth:`_fitting`), and replaced only if the noisy channel (word pairs x frequency x error model) favours
that reading REAL_WORD_ODDS over the word as printed (:meth:`_real_word`). Variants of the rule read a
word by one neighbour where the other is a mark or unreadable (:meth:`_one_sided`), a word opening a sentence
(capitalised, or in lower case after a word's full stop) as another word misread (:meth:`_opening`), the
document's own repeated confusions as likelier than the model's average (:meth:`_in_own_confusions`), a word
by its common neighbour where the other is a rare word or pairs with neither (:meth:`_fitting_one_side`), a
word printed once, or a reading no rival shares, in a garbled text at lower odds (:meth:`_real_word_odds`),
a word before a name by the word before it (:meth:`_before_name`), and a word beside a neighbour the pass
repaired (:meth:`_suspect`). In a garbled text a listed word is scored as printed at the count its readings'
misprints leave it (:meth:`_in_use`).

>>> from ocrfix.pipeline import Pipeline
>>> from ocrfix.strategies.dictionary import Dictionary
>>> Pipeline([Dictionary()]).run("He bad been there for some years before the war.").text
'He had been there for some years before the war.'
"""
from __future__ import annotations

import math
import string
from functools import lru_cache

import numpy as np
from rapidfuzz.distance import Levenshtein

from ocrfix import lexicon
from ocrfix.errormodel import ErrorModel, blocks
from ocrfix.pipeline import Edit
from ocrfix.strategies.dictionary.adapt import DocumentConfusions
from ocrfix.strategies.dictionary.candidates import LOOKUP_CACHE, remember
from ocrfix.strategies.dictionary.misreadings import MisreadingIndex
from ocrfix.strategies.dictionary.protect import ORDINAL_OR_DECADE
from ocrfix.strategies.dictionary.readings import (MISREAD_NAME_LENGTH, RARE_PIECE_ZIPF, TRUSTED_ZIPF, UNKNOWN_ZIPF,
                                                   best_reading, drops_edge, letters_read_or_lost, with_case)
from ocrfix.strategies.dictionary.spacing import ABBREVIATED_WORDS, UNENDING_WORDS
from ocrfix.strategies.dictionary.tokens import Tokens, is_alpha_word, is_capitalised_word, is_lower_alpha_word
from ocrfix.strategies.dictionary.variants import spelling_variants

# A listed word is taken for a misprint of a more frequent one only if it is at
# most as common as misprints are: 10**-3.7 of the other word ("tbe" 2.6 vs
# "the" 7.7, "heen" 1.8 vs "been" 6.3), unlike rare real words ("shewed" 1.9
# vs "showed" 4.9, "thy" 4.1 vs "the" 7.7).
MISPRINT_GAP = 3.7
# A listed word is read as another listed word (a real-word error: "bad" for "had", "wero" for
# "were") only if the noisy channel favours the other by this much (log10 odds, ~300:1): context,
# not the lexicon, is the only evidence, and a wrong guess there turns right text wrong. At 1000:1
# until session 6; 300:1 once spelling variants ("favor"/"favour") were no longer readings: held-out
# OCR +9 helpful repairs, no harmful one more; 100:1 starts repairing right text ("shew" -> "show").
REAL_WORD_ODDS = 2.5
# The commonest words ("the", "of", "to", "and", "he", "that", "is": Zipf >= 6, ~150 words making half of all
# running text) are read at lower odds, 10 ** 1.5 (~30:1), where a rarer listed word is printed between two
# neighbours it fits neither of and they fit both. Half of all misreadings are misreadings of them, and the
# lexicon lists every pair they form: their fit is measured, not guessed. Held-out OCR (docs/dictionary.md,
# "Session 9: accuracy"): +46 helpful repairs, no harmful one more; at 10:1 two more harmful ("some ore
# people" -> "more" for "other"). Held to REAL_WORD_ODDS: beside a neighbour the pass repaired, or with the
# document's own confusions (a guess leaning on another guess: "ond tat a watch" -> "and that" for "and set");
# one function word printed for another ("each if expression" -> "of"); a reading the document never prints
# elsewhere (a man page has no "she": "invoked as sh does").
FUNCTION_WORD_ZIPF = 6.0
FUNCTION_WORD_ODDS = 1.5
# In a garbled text (more unknown words than clean prose has) a reading that holds SURE_READING of the posterior,
# no other reading of the word fitting its neighbours nearly as well, needs SURE_READING_ODDS less (10 ** 0.5,
# ~3 times less): the neighbours point at that one word, not at any of several ("fro the date" -> "from", "the
# eon of" -> "son", "by heir names" -> "their"). Held-out OCR (docs/dictionary.md, "Session 13: real-word
# errors"): +10 helpful repairs, no harmful one more; in clean text too it made "the roe of a fish" "role",
# at 0.75 less or from a posterior of 0.9 one or two harmful repairs more.
SURE_READING = 0.95
SURE_READING_ODDS = 0.5
# A lone letter that is what is left of a word (_lone_letter: "walls f grey", "absorbed n his") is scored as
# printed as a rare word, not at the lexicon's frequency of the letter (f 5.1, n 5.2, y 4.9: web text's initials,
# list labels, variables, "the f word"), which in prose it is not: session 15, "short words".
LONE_LETTER_ZIPF = 3.0
LONE_LETTERS = "aiostdm"  # lower-case letters that stand alone as words, or where an apostrophe was lost
# A lower-case word opening a sentence after a word's full stop (_lower_opening) is the writer's once in a hundred
# such openings at most (log10 odds against it): in the corpus ground truth, held-out B-K's and the clean text, 8 of
# ~2,800 are (a quoted "it is", "bug #611480", a package name), none in the print. Session 17, "short common words".
LOWER_OPENING_ODDS = 2.0
# In a garbled text a listed word is scored as printed at its count less the misprints of its readings the error
# model predicts (_in_use), but at no less than 10 ** -MISPRINTED_IN_USE of it: the count of "tho", "iu", "ou" in
# web text is mostly "the", "in", "on" misread, and the model's rates, from OCR more garbled than the web's, overstate
# how much. Held-out OCR: +10 helpful repairs, no harmful one more; at 0.75 one harmful more, at 1.0 three. In clean
# text too it read a variable ("Set iu to one") as "in".
MISPRINTED_IN_USE = 0.5
# A lower-case word before a name (_before_name: a capitalised word inside the sentence, whose pairs the lower-case
# pair list hardly counts) is read by the word before alone, at these odds (log10) in clean and garbled text alike. Of
# such words in the corpus ground truth, held-out B-K's and the clean text (110 unpaired with the word before), none has
# a misreading 10 ** 0.6 likelier ("he begat Enos": "began" 0.59); made-up name particles in a garbled page reach
# 10 ** 1.85 ("to du Vinci" -> "do", "of la Fontaine" -> "lay" 1.5); the misprints left before a name in the OCR
# ("the cons cf Pliphaz", "far ax London", "by th Airports") 10 ** 2 to 10 ** 3.8. Session 18, "real-word errors".
BEFORE_NAME_ODDS = 2.0


class RealWordRepair:
    """The real-word repairs of :class:`~ocrfix.strategies.dictionary.Dictionary`, which inherits them.

    They use the Dictionary's options and lexicon (the attributes below), its caches, and its scoring:
    ``_context`` (word pairs x frequency), ``_channel`` (the error model), ``_known`` (a neighbour if listed),
    ``_piece`` (a piece of a split word?), ``_word_edit`` (an edit in the printed word's case), ``_fetch``
    (lookups of ``_reading_keys`` in one batch) and ``_repair_key`` (the memo key of a token's repair)."""

    _lexicon: lexicon.Lexicon
    model: ErrorModel
    protected: frozenset[str]
    min_confidence: float
    _misreadings: dict[str, tuple[str, ...]]  # word -> see _misread
    _fittings: dict[tuple[str, str | None, str | None], list[str]]  # (word, prev, nxt) -> see _fitting_beside
    _in_uses: dict[tuple[str, float], float]  # (word, Zipf) -> see _in_use

    def _unpaired(self, tokens: Tokens, paired: list[float]) -> set[int]:
        """Cheap test for :meth:`_real_word`: the i where token i is a listed lower-case word of two letters
        or more (or a lone letter, :func:`_lone_letter`), not protected, between two words (the one after
        listed) with neither of which it forms a listed word pair (``paired``: the bigram of token i and
        i + 1). Whether the word before is listed is left to :meth:`_real_word`: it may be repaired by then.
        A pair too common to be a misprint of any listed pair (see :meth:`_misprint_pairs`) counts as a pair.
        With them the capitalised words that open a sentence (:meth:`_opening`), kept as ``tokens.opening``, and
        the words read by one neighbour (:meth:`_one_sided`), kept as ``tokens.one_sided``.

        The tests of every token are array operations (the tokens' flags, :meth:`Tokens.flags`); only the few
        tokens they leave are asked the rest one by one."""
        # a pair this common is no misprint of a listed one
        apart = np.asarray(paired) < self._lexicon.bigram_ceiling - MISPRINT_GAP
        lone = frozenset(letter for letter in string.ascii_lowercase if _lone_letter(tokens, letter))
        tokens.opening = self._opening(tokens, apart)
        tokens.one_sided = self._one_sided(tokens, apart)
        tokens.before_name = self._before_name(tokens, apart)
        listed, linked, words = tokens.listed_flags(self._lexicon.word_table), tokens.linked_after, tokens.letter_words
        lower = tokens.lower_words | tokens.flags(lone.__contains__)
        found = lower & listed & apart & linked & _before(apart & linked & tokens.flags(str.isalpha)) & _after(listed)
        return tokens.opening | tokens.one_sided | tokens.before_name | {
            i for i in np.flatnonzero(found).tolist() if words[i] not in self.protected}

    def _opening(self, tokens: Tokens, apart: np.ndarray) -> set[int]:
        """The part of :meth:`_unpaired` that opens a sentence: the i where token i is a capitalised listed word
        at a sentence's start (:meth:`Tokens.opens_sentence`) before a lower-case listed word that it forms no pair
        with as common as a misprint of a listed one (``apart``, per token: is its pair with the next token so
        rare). A capital there is the sentence's, not the word's: "Tho meeting", "Ho said" are the lower-case "tho",
        "ho" misread, and the real-word test reads them as such, with the sentence start for the word before
        (:meth:`Dictionary._context` without one: the word's own frequency). A word the document prints capitalised
        inside a sentence is a name there ("Bell rang. We asked Bell") and stays. With them the lower-case words that
        open a sentence after a word's full stop (:meth:`_lower_opening`: "dawn. lt was" is "It was").

        >>> from ocrfix.strategies.dictionary import Dictionary
        >>> fix, tokens = Dictionary(), Tokens("Tho meeting was held. Ho said so. Bell went.\\n\\nHo Chi Minh left")
        >>> paired = fix._lexicon.folded_bigrams(zip(tokens.folded, tokens.folded[1:])) + [0.0]
        >>> sorted(fix._opening(tokens, np.array(paired) < fix._lexicon.bigram_ceiling))  # "Ho Chi": a capital follows
        [0, 4, 7]
        >>> sorted(fix._opening(Tokens("Ho said so to Mr Ho."), np.ones(6, dtype=bool)))  # a name
        []
        """
        words, listed = tokens.letter_words, tokens.listed_flags(self._lexicon.word_table)
        lower = tokens.lower_words
        found = ((lower | tokens.capitalised_words) & listed & tokens.linked_after & apart
                 & _after(lower & listed))
        return {i for i in np.flatnonzero(found).tolist() if words[i] not in self.protected
                and (self._lower_opening(tokens, i) if lower[i]
                     else tokens.opens_sentence(i) and not tokens.capitalised_inside(words[i]))}

    def _lower_opening(self, tokens: Tokens, i: int) -> bool:
        """Does token i, a lower-case word, open a sentence: one space or line break after a full stop right after a
        word that ends one? Not an abbreviation English writes with a point (ABBREVIATED_WORDS: "no."), nor a unit's
        after a number or "per" ("5 ft. in", "per cent. of"), nor a word no sentence ends with (UNENDING_WORDS: "the."),
        nor a listed word rare enough to be a piece of a word a speck split (RARE_PIECE_ZIPF: "conse. vation").
        English opens a sentence with a capital: a lower-case word there is a misreading more often than the writer's
        (LOWER_OPENING_ODDS), most of all a capital I read as the small l it is shaped as ("dawn. lt was").

        >>> from ocrfix.strategies.dictionary import Dictionary
        >>> tokens = Tokens("at dawn. lt was 5 per cent. lt was the. lt was e.g. lt was 5 ft. lt was")
        >>> [i for i in range(len(tokens.cores)) if Dictionary()._lower_opening(tokens, i)]
        [2]
        """
        if i == 0:
            return False
        before, core = tokens.raws[i - 1], tokens.cores[i - 1]
        gap = tokens.text[tokens.raw_ends[i - 1]:tokens.raw_starts[i]]
        if not (gap.isspace() and "\n\n" not in gap and before == core + "." and is_lower_alpha_word(core)) \
                or core in ABBREVIATED_WORDS or core in UNENDING_WORDS \
                or 0.0 < self._lexicon.folded_zipf(core) < RARE_PIECE_ZIPF:
            return False
        unit = i > 1 and (tokens.raws[i - 2] == "per" or any(map(str.isdigit, tokens.raws[i - 2])))
        return not unit

    def _one_sided(self, tokens: Tokens, apart: np.ndarray) -> set[int]:
        """The part of :meth:`_unpaired` the real-word test reads by one neighbour: the i where token i is a listed
        lower-case word whose neighbour on one side is a listed word it forms no pair with as common as a misprint of
        a listed one (``apart``, per token: is its pair with the next token so rare), and on the other side

        - a word's comma, semicolon or colon, right after the word or right before the token: the mark bounds
          the clause as a sentence's start does (:meth:`_opening`; "by me, tho men said" -> "the"). So does a full
          stop ending a sentence (:func:`_ends_sentence`: "the town tall. Few" -> "hall"), where no reading
          is a word no sentence ends with (UNENDING_WORDS: "and twe." is no "and the.");
        - or an unknown word of letters alone, one space away: a misread word whose reading is not known yet,
          no evidence either way ("to be impractical ani retuse" -> "and"); or a number ("the sight of he 9th
          November", "some 92 cer cent"): the pair list holds no numbers. Beside a token of letters mixed with
          digits or marks the line is noise, and the word may be part of it; a word that may be a piece of a
          split word itself (:meth:`Dictionary._piece`: "nild en of" for "children of") is the unknown word's
          other half.

        >>> from ocrfix.strategies.dictionary import Dictionary
        >>> fix, tokens = Dictionary(), Tokens("we saw tho, tho men; “tho men xqzv tho men 3x. tho men")
        >>> paired = fix._lexicon.folded_bigrams(zip(tokens.folded, tokens.folded[1:])) + [0.0]
        >>> sorted(fix._one_sided(tokens, np.array(paired) < fix._lexicon.bigram_ceiling))  # not beside “ or "3x."
        [2, 3, 4, 6, 8]
        >>> sorted(fix._one_sided(Tokens("of tho 9th day"), np.ones(4, dtype=bool)))
        [1]
        """
        words, raws, cores = tokens.letter_words, tokens.raws, tokens.cores
        if len(words) < 3:
            return set()  # no word between two others

        def after_mark(j: int) -> bool:  # token j is a word with a comma, semicolon or colon right after it
            return raws[j][-1:] in ",;:" and raws[j][:-1] == cores[j] and cores[j].isalpha()

        def printed_once(j: int) -> bool:  # repetition is evidence for the writer's word (see _fitting_one_side)
            return tokens.vocabulary.folded_count(words[j]) == 1

        listed, linked_after, bare = tokens.listed_flags(self._lexicon.word_table), tokens.linked_after, tokens.bare
        linked_before = _before(linked_after)
        # an unknown word of letters alone, or a number
        alpha = tokens.flags(str.isalpha)
        unknown = bare & np.where(alpha, ~listed, tokens.flags(_number, among=~alpha))  # a number is no word of letters
        listed_after, listed_before = _after(listed) & apart, _before(listed & apart)  # listed, no commoner pair
        word = tokens.lower_words & listed
        word[0] = word[-1] = False
        after_stop = word & ~linked_before & linked_after & bare & listed_after  # and a mark after the word before
        before_stop = word & linked_before & ~linked_after & listed_before  # and a mark or a sentence's end after it
        beside_unknown = word & linked_before & linked_after & (_before(unknown) & listed_after
                                                               | _after(unknown) & listed_before)
        found = {i for i in np.flatnonzero(after_stop).tolist() if after_mark(i - 1)}
        found.update(i for i in np.flatnonzero(before_stop).tolist()
                     if after_mark(i) or _ends_sentence(tokens, i) and printed_once(i))
        found.update(i for i in np.flatnonzero(beside_unknown).tolist() if not self._piece(cores[i], words[i]))
        return {i for i in found if words[i] not in self.protected}

    def _before_name(self, tokens: Tokens, apart: np.ndarray) -> set[int]:
        """The part of :meth:`_unpaired` the real-word test reads by the word before alone: the i where token i is a
        listed lower-case word, a listed word before it that it forms no pair with as common as a misprint of a listed
        one (``apart``, per token: is its pair with the next token so rare), and right after it, spaces between, a
        name: a capitalised word or one of capitals (not "I"). The pair list was counted in lower case: it lists few
        pairs ending in a name ("in march" at its floor, no "by mr"), so a name's pairs are no evidence either way
        ("bought ty Mr. Hall": "by"; "son af Bani": "of").

        >>> from ocrfix.strategies.dictionary import Dictionary
        >>> fix, tokens = Dictionary(), Tokens("bought ty Mr. Hall, the son af Bani, ty I, ty. Mr")
        >>> paired = fix._lexicon.folded_bigrams(zip(tokens.folded, tokens.folded[1:])) + [0.0]
        >>> sorted(fix._before_name(tokens, np.array(paired) < fix._lexicon.bigram_ceiling))
        [1, 6]
        """
        listed, linked = tokens.listed_flags(self._lexicon.word_table), tokens.linked_after
        # a name's word: two letters or more, capitalised or all capitals ("Mr", "MSVC"; not "I", "McKay")
        name = tokens.capitalised_words | tokens.alpha_words & tokens.flags(str.isupper)
        found = (tokens.lower_words & listed & tokens.bare & linked & _before(linked)
                 & _after(name) & _before(listed & apart))
        return {i for i in np.flatnonzero(found).tolist() if tokens.letter_words[i] not in self.protected}

    def _suspect(self, tokens: Tokens, i: int, unpaired: set[int]) -> bool:
        """Is token ``i`` a real-word suspect: in ``unpaired`` (:meth:`_unpaired`, found before the pass), or one now
        that the pass has repaired a neighbour? A word beside a garbled token was none, as its neighbour was no
        evidence; repaired, the neighbour is ("much lese per@uaded": "per@uaded" -> "persuaded" leaves "lese"
        unpaired on both sides, and "less" pairs with both). Then it is a listed lower-case word
        (or a lone letter, :func:`_lone_letter`), not protected, between two listed words as repaired with
        neither of which it forms a pair as common as a misprint of a listed one (see :meth:`_unpaired`).

        >>> from ocrfix.strategies.dictionary import Dictionary
        >>> fix, tokens = Dictionary(), Tokens("he is much lese per@uaded")
        >>> fix._suspect(tokens, 3, set())
        False
        >>> tokens.repaired[4] = "persuaded"; fix._suspect(tokens, 3, set())
        True
        """
        if i in unpaired:
            return True
        if i - 1 not in tokens.repaired and i + 1 not in tokens.repaired:
            return False
        core, word = tokens.cores[i], tokens.folded[i]
        if not (is_lower_alpha_word(core) or _lone_letter(tokens, core)) or word in self.protected:
            return False
        prev, nxt = tokens.neighbour(i, -1), tokens.neighbour(i, +1)
        if prev is None or nxt is None:
            return False
        lex = self._lexicon
        ceiling = lex.bigram_ceiling - MISPRINT_GAP
        return bool(lex.folded_zipf(word) and lex.folded_zipf(prev) and lex.folded_zipf(nxt)) \
            and lex.folded_bigram(prev, word) < ceiling and lex.folded_bigram(word, nxt) < ceiling

    def _unfitting(self, tokens: Tokens, unpaired: set[int]) -> set[int]:
        """The tokens of ``unpaired`` between whose neighbours as printed no misreading of theirs fits
        (:meth:`_fitting`, :meth:`_fitting_one_side`): :meth:`_real_word` has nothing to weigh there unless a
        neighbour gets repaired.
        Found for the whole document in one pass, as most unpaired words are such (7,100 of 8,000 on the
        corpus OCR): the real-word test word by word cost ten times as much for them.

        >>> from ocrfix.strategies.dictionary import Dictionary
        >>> fix, tokens = Dictionary(), Tokens("He bad been there, pinkish bad zebras")
        >>> sorted(fix._unfitting(tokens, {1, 5}))  # "had been" fits; nothing pairs with "pinkish" nor "zebras"
        [5]
        """
        words, opening, one_sided, known = tokens.letter_words, tokens.opening, tokens.one_sided, self._known
        return {i for i in unpaired if not (
            self._fitting_beside(words[i], None, words[i + 1]) if i in opening
            else self._fitting_beside(words[i], words[i - 1], None) if i in tokens.before_name
            else self._fitting_beside(words[i], known(tokens.context(i, -1)), known(tokens.context(i, +1)))
            if i in one_sided else self._fitting(words[i], words[i - 1], words[i + 1])
            or tokens.vocabulary.folded_count(words[i]) == 1
            and self._fitting_one_side(words[i], words[i - 1], words[i + 1]))}

    def _real_word(self, tokens: Tokens, i: int,
                   confusions: DocumentConfusions | None = None) -> tuple[str, float, str] | None:
        """Token ``i``, a listed lower-case word, read as another listed word the engine misprints as it
        ("He bad been" -> "had", "said be was" -> "he"), if the evidence is strong on both sides.

        The word forms no listed word pair with either neighbour, or only pairs as rare as misprints of the
        reading's (:meth:`_misprint_pairs`: "of he default" for "of the default"), and none elsewhere in the document
        (where it would be the document's own word); the reading is one attested confusion of the error
        model away (:meth:`ErrorModel.undo_one`), is no spelling variant of the word ("favor"/"favour": the
        printer's choice, see :mod:`.variants`), forms listed pairs with both neighbours, and beats the
        word as printed by REAL_WORD_ODDS in the noisy channel (word pairs x frequency x error model; a
        reading the document uses elsewhere likelier, as CACHE_WEIGHT says: "the nodule to use" beside "the
        module" and "each module" is "module"; the model's rates raised to the document's own where
        ``confusions`` shows them: letter confusions, a letter lost at the page's own rate but for a sentence's
        opening, or the word's own misprint as the reading, where a real-word repair elsewhere in the document
        showed it). A word at a clause's edge or beside an unknown
        word (:meth:`_one_sided`), or the document's own misprint beside an unreadable word
        (:meth:`_in_own_confusions`), is read by its one listed neighbour. A capitalised word opening a
        sentence (:meth:`_opening`) is read the same way after the sentence's start, its reading
        capitalised: "Tho meeting" -> "The meeting", "dawn. lt was" -> "It was" (a lower-case word there at
        LOWER_OPENING_ODDS against the writer's). In a garbled text the printed word is scored at the count its
        readings' misprints leave it (:meth:`_in_use`).
        """
        own_misprint = confusions is not None and tokens.folded[i] in tokens.misprinted  # see _in_own_confusions
        if i in tokens.unfitting and i - 1 not in tokens.repaired and i + 1 not in tokens.repaired \
                and not own_misprint:
            return None  # no misreading of it fits its neighbours as printed: see _unfitting
        core, opening, one_sided, before_name = (tokens.cores[i], i in tokens.opening, i in tokens.one_sided,
                                                 i in tokens.before_name)
        if i in tokens.repaired or not opening and (len(core) < 2 and not (_lone_letter(tokens, core)
                                                                       and not _among_letters(tokens, i))
                                                    or not (core.isalpha() and core.islower())):
            return None
        lex = self._lexicon
        prev = None if opening else tokens.neighbour(i, -1)
        nxt = None if before_name or opening and not _lower_word_after(tokens, i) else tokens.neighbour(i, +1)
        if before_name:
            if prev is None:
                return None
        elif one_sided:  # the document's own misprint: read by a listed neighbour, whatever stands on the other side
            prev, nxt = self._known(prev), self._known(nxt)
            if prev is None and nxt is None and not own_misprint:
                return None
        elif not opening and (prev is None or nxt is None):
            return None
        bigram = lex.folded_bigram
        word = tokens.folded[i]
        zipf = lex.folded_zipf(word)
        if len(core) == 1 and core.islower():  # a lone letter (_lone_letter): see LONE_LETTER_ZIPF
            zipf = min(zipf, LONE_LETTER_ZIPF)
        if not zipf or word in self.protected or prev and not lex.folded_zipf(prev) \
                or nxt and not lex.folded_zipf(nxt):
            return None
        near = self._fitting_beside(word, prev, nxt)
        half = not near and not one_sided and not opening and not before_name and (
            tokens.vocabulary.count(word) == 1 or own_misprint)
        if half:  # no reading fits both neighbours: one that fits a trusted one, where the other is no evidence
            near = self._fitting_one_side(word, prev, nxt)
        if not near:
            return None  # no reading fits: most suspects (the pair tests below cost more than the lists' lookups)
        if one_sided and _ends_sentence(tokens, i):  # no reading that no sentence ends with ("and twe." is no "the")
            near = [candidate for candidate in near if candidate not in UNENDING_WORDS]
        fitting = [candidate for candidate in self._misprint_pairs(prev, word, nxt, near)
                   if not spelling_variants(word, candidate)]  # the variants' regexes last: they cost the most
        if not fitting or zipf < FUNCTION_WORD_ZIPF and tokens.vocabulary.count(word) > 1 \
                and tokens.attested_elsewhere(i, bigram):
            return None  # the document's word elsewhere (a function word is every document's): the costliest test
        printed_zipf = self._in_use(word, zipf) if tokens.unknown_prior < UNKNOWN_ZIPF else zipf
        as_printed = self._as_printed(prev, word, printed_zipf, nxt, fitting) + self._channel(word, word)[0]
        if opening and core.islower():  # the writer's word would open its sentence in lower case
            as_printed -= LOWER_OPENING_ODDS
        contexts = self._contexts(prev, [(candidate, lex.folded_zipf(candidate), tokens.vocabulary)
                                         for candidate in near], nxt)
        scores = {candidate: context + self._channel(candidate, word)[0]
                  + (self._own_confusion(confusions, candidate, word, not opening) if confusions else 0.0)
                  for candidate, context in zip(near, contexts)}
        readings = {word: as_printed} | {candidate: scores[candidate] for candidate in fitting}
        # a reading that fits as well but is no misprint of the word's pairs is still a rival ("to he stupid":
        # "to he" is as common as a misprint of "to the", not of "to be", but "be" fits)
        best, confidence = best_reading(readings, [scores[candidate] for candidate in near if candidate not in readings])
        alone = one_sided and prev is None and nxt is None
        if alone and not _misread_as(tokens, word, best):
            return None  # between no listed words: only as the page's real-word repairs read the word elsewhere
        odds = readings[best] - as_printed
        if best == word or odds < self._real_word_odds(tokens, i, zipf, best, confusions, two_sided=not half,
                                                       sure=confidence >= SURE_READING) \
                or _repeated_letter(tokens, core) and len(best) > 2 \
                or drops_edge(word, best):  # "athe", "ofn": a neighbour's letters run on, not a misreading
            return None
        if confidence < self.min_confidence:
            confidence = _misprint_confidence(word, best, scores | readings, confidence)
            if confidence < self.min_confidence:
                return None
        if odds >= REAL_WORD_ODDS:  # evidence of the document's own misprint (adapt.py): not a function word's lower odds
            tokens.misread_words.append((core, best))
            tokens.misprinted.add(word)
        if alone:
            return (best, round(confidence, 3), f"real-word error: \"{core}\" stands between no listed words; the page "
                    f"misprints \"{best}\" so where its neighbours show it")
        if one_sided:
            return (best, round(confidence, 3), f"real-word error: \"{core}\" fits its one listed neighbour (the "
                    f"other is a mark or unreadable) by no listed pair, \"{best}\" (a known misreading) does")
        if before_name:
            return (best, round(confidence, 3), f"real-word error: \"{core}\" fits the word before it by no listed "
                    f"pair, \"{best}\" (a known misreading) does (a name follows: its pairs are no evidence)")
        if opening:
            return (with_case(core.capitalize(), best), round(confidence, 3), f"real-word error: \"{core}\" opens a "
                    f"sentence and fits no word after it, \"{best}\" (a known misreading) fits")
        if half:
            return (best, round(confidence, 3), f"real-word error: \"{core}\" fits neither neighbour, \"{best}\" (a "
                    f"known misreading) fits a common one (the other is a rare word, or pairs with neither)")
        return (best, round(confidence, 3),
                f"real-word error: \"{core}\" fits neither neighbour, \"{best}\" (a known misreading) fits both")

    def _as_printed(self, prev: str | None, word: str, zipf: float, nxt: str | None, readings: list[str]) -> float:
        """:meth:`_context` of ``word`` as printed, a listed pair with a neighbour scored as unlisted where the
        misprints of one of the ``readings``' pairs with that neighbour that the error model predicts are as common as
        it: the web text behind the pair list holds OCR, and "of he" (2.44) is "of the" (6.54) with its t lost
        (10 ** -2.19), 10 ** 4.35 of it. Scored as listed it gave "he" after "of" 10 ** -5.0, more than the printed
        word's due; as unlisted, the cap of an unlisted pair after "of" (:meth:`Dictionary._next_prob`), 10 ** -6.3.
        Real pairs stay: "he said" (5.6) is no misprint of "the said"."""
        before, after = self._pair(prev, word) if prev else 0.0, self._pair(word, nxt) if nxt else 0.0
        if before or after:
            channels = [(reading, self._channel(reading, word)[0]) for reading in readings]
            before = before and not any(self._pair(prev, reading) + channel >= before for reading, channel in channels)
            after = after and not any(self._pair(reading, nxt) + channel >= after for reading, channel in channels)
        return self._context(prev, word, zipf, nxt, listed=(bool(before), bool(after)))

    def _in_use(self, word: str, zipf: float) -> float:
        """The Zipf of the listed ``word`` (``zipf`` as listed) as a word in use: its count less the misprints of the
        words it is one attested confusion away from (:meth:`_misread`) that the error model predicts, 10 ** (their
        Zipf + log10 P(``word`` printed | that word)), but no less than MISPRINTED_IN_USE below its count. The lexicon
        counts web text that holds OCR'd print: "tho" (4.4) is "the" (7.7) misread once in 10 ** 2.7, which alone
        makes 10 ** 5.0, more than its count; "bad" (5.5) beside "had" (6.3, 10 ** -3.0) is a word in use. Not for a
        lone letter (scored at LONE_LETTER_ZIPF) nor a word rarer than RARE_PIECE_ZIPF (the lexicon's floor of web
        typos: too coarse a count to take misprints from).

        >>> from ocrfix.strategies.dictionary import Dictionary
        >>> fix = Dictionary()
        >>> [round(fix._in_use(word, fix._lexicon.folded_zipf(word)), 2) for word in ("tho", "bad", "lt")]
        [3.91, 5.53, 3.65]
        """
        if len(word) < 2 or zipf < RARE_PIECE_ZIPF:
            return zipf
        in_use = self._in_uses.get((word, zipf))  # kept per word: a garbled text's suspects repeat (494 of 1,237)
        if in_use is None:
            misprints = sum(10.0 ** (self._lexicon.folded_zipf(reading) + channel) for reading in self._misread(word)
                            for channel, attested in [self._channel(reading, word)] if attested)
            left = 10.0 ** zipf - misprints
            in_use = remember(self._in_uses, (word, zipf),
                              max(zipf - MISPRINTED_IN_USE, math.log10(left) if left > 0.0 else 0.0))
        return in_use

    def _real_word_odds(self, tokens: Tokens, i: int, zipf: float, reading: str,
                        confusions: DocumentConfusions | None, two_sided: bool = True, sure: bool = False) -> float:
        """The log10 odds over the printed word (of Zipf ``zipf``) that ``reading`` of token ``i`` needs:
        BEFORE_NAME_ODDS for a word before a name (:meth:`_before_name`), as measured; else
        FUNCTION_WORD_ODDS for one of the commonest words the document prints elsewhere, printed as a rarer word,
        fitting both neighbours as printed, without the document's ``confusions``; else REAL_WORD_ODDS (also for
        a word read by one neighbour, :meth:`_one_sided`, or at a sentence's start, :meth:`_opening`, or not
        ``two_sided``: a reading fitting one neighbour only, :meth:`_fitting_one_side`).

        For a word the text prints once, either less by half of how much more often than clean prose the text's
        words are unknown (``tokens.unknown_prior``, log10, 0 to -1.5; see :meth:`Dictionary._unknown_prior`): the
        odds are prior odds that the printed word is the writer's, and a text whose words the engine garbles k times
        as often misprints its listed words more often too (empirical Bayes, as for unknown words). Half: the error
        model's rates come from OCR already garbled beyond clean prose, so part of the excess is in them (the whole
        of it also read rare real words as common ones on held-out OCR: "drave" -> "drove"). "wit the exception"
        in a page a fifth of whose words are unknown is "with" at ~220:1, under the 300:1 clean prose needs.
        Not for a word printed again: repetition is evidence for the writer's word ("One kid of the goats"
        five times in a garbled page; an engine's repeated misprint is the document's own, :meth:`_in_own_confusions`).
        In a garbled text, less SURE_READING_ODDS again for a ``sure`` reading: one that holds SURE_READING of the
        posterior, no rival fitting as well.

        >>> from ocrfix.lexicon import Vocabulary
        >>> from ocrfix.strategies.dictionary import Dictionary
        >>> fix, tokens = Dictionary(), Tokens("one f the best of them")
        >>> tokens.vocabulary = Vocabulary.from_text(tokens.text)
        >>> fix._real_word_odds(tokens, 1, 5.1, "of", None), fix._real_word_odds(tokens, 1, 5.1, "if", None)  # no "if"
        (1.5, 2.5)
        >>> fix._real_word_odds(tokens, 1, 6.5, "of", None)  # "if" for "of": one function word for another
        2.5
        >>> tokens.repaired[0] = "one"; fix._real_word_odds(tokens, 1, 5.1, "of", None)  # beside a repaired word
        2.5
        >>> tokens.unknown_prior = -0.6; fix._real_word_odds(tokens, 1, 5.1, "of", None)  # a garbled text
        2.2
        >>> tokens = Tokens("a f b f"); tokens.vocabulary = Vocabulary.from_text(tokens.text)
        >>> tokens.unknown_prior = -0.6; fix._real_word_odds(tokens, 1, 5.1, "of", None)  # "f" printed twice
        2.5
        >>> fix._real_word_odds(tokens, 1, 5.1, "of", None, sure=True)  # no rival: a garbled text's sure reading
        2.0
        >>> tokens.unknown_prior = 0.0; fix._real_word_odds(tokens, 1, 5.1, "of", None, sure=True)  # a clean text
        2.5
        """
        if i in tokens.before_name:
            return BEFORE_NAME_ODDS  # measured as such, in clean and garbled text alike
        if zipf < FUNCTION_WORD_ZIPF and confusions is None and i - 1 not in tokens.repaired \
                and not _repeated_letter(tokens, tokens.cores[i]) \
                and i + 1 not in tokens.repaired and i not in tokens.one_sided and i not in tokens.opening and two_sided \
                and self._lexicon.folded_zipf(reading) >= FUNCTION_WORD_ZIPF and tokens.vocabulary.count(reading):
            odds = FUNCTION_WORD_ODDS
        else:
            odds = REAL_WORD_ODDS
        if sure and tokens.unknown_prior < UNKNOWN_ZIPF:
            odds -= SURE_READING_ODDS
        return odds + tokens.unknown_prior / 2.0 if tokens.vocabulary.count(tokens.folded[i]) == 1 else odds

    def _own_confusion(self, confusions: DocumentConfusions, reading: str, word: str, lost: bool = False) -> float:
        """How much likelier (log10) the document's ``confusions`` make ``word`` printed for ``reading``
        than the error model does; with ``lost``, its letters lost at the page's rate of losing one too."""
        runs = sum(confusions.boost(intended, observed, self.model.confusion_log_prob(intended, observed), lost)
                   for intended, observed in blocks(reading, word))
        return max(runs, confusions.word_boost(reading, word, self._channel(reading, word)[0]))

    def _in_own_confusions(self, tokens: Tokens, declined: list[int], kinds: dict[str, tuple],
                           repairs: dict[tuple, tuple[str, float, str] | None], unpaired: set[int],
                           edits: list[Edit]) -> list[Edit]:
        """The edits of the ``declined`` real-word suspects read again with the confusions this document's
        word repairs (``edits``) show it makes again and again (:mod:`.adapt`): where "tbe" and "wbich" were
        repaired, "bad" between two words it fits neither of is "had". A listed word the document's real-word
        repairs read as another elsewhere is read so here too beside one listed neighbour, where the other is
        unknown, garbled or beyond punctuation ("in tho town" -> "the": "and tho Mnyor" -> "the"): the real-word
        test with that neighbour alone (``tokens.one_sided``); between two listed words, by the one it fits, where the
        reading fits the other (:meth:`_fitting_one_side`), printed again or not: "by heir generations" -> "their",
        where "heir" was "their" between two words; opening a sentence, capitalised, it is read so whatever follows
        (:func:`_own_openings`: "Tho Rev. J. Walsh" -> "The"), by the sentence's start alone before a name."""
        suspects = [i for i in declined if i in unpaired and i not in tokens.repaired]
        unknown = [i for i in declined if i not in tokens.repaired and self._unknown_alone(tokens, i, kinds)]
        if not suspects and not unknown and not tokens.misread_words:
            return []  # nothing to read again: the repairs' alignments are not worth making
        confusions = DocumentConfusions.from_repairs(word_repairs(edits), tokens.text, tokens.misread_words)
        if not confusions:
            return []
        repeats = self._own_misprints(tokens, kinds, confusions)
        if repeats:
            kinds = {**kinds, **repeats}
            unknown += [i for i, core in enumerate(tokens.cores) if core in repeats and i not in tokens.repaired
                        and self._unknown_alone(tokens, i, kinds)]
        own = _own_misprint_places(tokens, tokens.misprinted, unpaired)
        openings = _own_openings(tokens, tokens.misprinted)
        tokens.one_sided |= own
        tokens.opening |= openings
        found = []
        readable = unpaired | tokens.one_sided | openings  # made once: as large a set as the unpaired words
        self._fetch([key for i in unknown for key in self._reading_keys(kinds[tokens.cores[i]][1], 0.0)])  # in one batch
        for i in unknown:
            word = kinds[tokens.cores[i]][1]
            repair = self._in_own_reading(tokens, i, word, confusions)
            if repair is not None:  # the pass's memo of this word in this context, now read with the confusions
                repairs[self._repair_key(tokens, i, word, self._name_like(tokens, i))] = repair
        places = own.union(suspects, unknown, openings)
        while places:
            misprinted = set(tokens.misprinted)
            for i in sorted(places):
                if self._declined_again(tokens, i):
                    continue
                edit = self._word_edit(tokens, i, kinds[tokens.cores[i]], repairs, readable, confusions)
                if edit is not None:
                    found.append(edit)
            # a misprint these repairs showed first ("tho" read "the" by listed words) is read so at its other places
            places = _own_misprint_places(tokens, tokens.misprinted - misprinted, unpaired)
            tokens.one_sided |= places
            readable |= places
        return found

    def _own_misprints(self, tokens: Tokens, kinds: dict[str, tuple],
                       confusions: DocumentConfusions) -> dict[str, tuple]:
        """The unknown words the document repeats, taken as its own (:meth:`_classify`), that its ``confusions`` make
        clear misprints (:meth:`_variant`), as {core: its kind as a word}: an engine misreads a word the same way
        all page long."""
        return {core: kind[1] for core, kind in kinds.items() if len(kind) == 2 and kind[0] == "skip" and core.isalpha()
                and self._variant(kind[1][1], tokens.vocabulary, confusions)}

    @staticmethod
    def _declined_again(tokens: Tokens, i: int) -> bool:
        """Would :meth:`_in_own_confusions` read token ``i`` as the pass did, and leave it alone again? So it is
        where the pass read it as a word and left it alone (``tokens.left_alone``), no misreading of it fits its
        neighbours as printed (:meth:`_unfitting`: :meth:`_real_word` asks that before the document's confusions)
        and neither neighbour has been repaired since (asked token by token: a re-reading may repair one): most
        of the re-readings (8,300 of 10,800 on the corpus OCR). Not a word the document's real-word repairs show it
        misprints (``tokens.misprinted``): the re-reading reads that by one fitting neighbour too (:meth:`_real_word`).

        >>> tokens = Tokens("he bad been")
        >>> tokens.left_alone, tokens.unfitting = {1}, {1}
        >>> RealWordRepair._declined_again(tokens, 1)
        True
        >>> tokens.misprinted.add("bad"); RealWordRepair._declined_again(tokens, 1)  # the page's own misprint
        False
        >>> tokens.misprinted.clear(); tokens.repaired[2] = "been"; RealWordRepair._declined_again(tokens, 1)
        False
        """
        return (i in tokens.left_alone and i in tokens.unfitting and tokens.folded[i] not in tokens.misprinted
                and i - 1 not in tokens.repaired and i + 1 not in tokens.repaired)

    def _in_own_reading(self, tokens: Tokens, i: int, word: str,
                        confusions: DocumentConfusions) -> tuple[str, float, str] | None:
        """Token ``i``, the unknown ``word`` the pass left alone, read with the confusions this document's repairs
        show at its own rates (:mod:`.adapt`): where "tlie", "wliich", "liad" were repaired, li is h here, and
        "Marcli" beside "of" and a year is "March" (the model's average rate of li for h, 10^-3, left it 57 : 43).
        Only readings of its letters as other letters or of a letter lost at a place, none added
        (:func:`.letters_read_or_lost`: on a page that loses letters, "Commnwealth" is "Commonwealth"); a word
        capitalised inside a sentence only if MISREAD_NAME_LENGTH long and read with a run of printed letters for
        fewer or more (li for h, rn for m: "Chilion" is a name, not "Chilton")."""
        readings = self._readings(word, 0.0, tokens.neighbour(i, -1), self._known(tokens.neighbour(i, +1)),
                                  repeated=tokens.vocabulary.count(word) > 1, document=tokens.vocabulary,
                                  unknown_prior=tokens.unknown_prior, as_one=True)
        scores = {reading: score + (self._own_confusion(confusions, reading, word, True) if reading != word else 0.0)
                  for reading, score in readings.items()}
        best, confidence = best_reading(scores)
        if best == word or confidence < self.min_confidence or scores[best] == readings[best] \
                or not letters_read_or_lost(word, best):
            return None  # no reading, or one the document's confusions did not make likelier
        if self._name_like(tokens, i) and (len(word) < MISREAD_NAME_LENGTH or all(
                len(intended) == len(printed) for intended, printed in blocks(best, word))
                and self._lexicon.folded_zipf(best) < TRUSTED_ZIPF):
            return None  # a name, unless long and misread as old type's joined glyphs are ("li" for "h": "Marcli")
        return (with_case(tokens.cores[i], best), round(confidence, 3),
                f"unknown word; read with this document's own confusions as \"{best}\"")

    def _misprint_pairs(self, prev: str | None, word: str, nxt: str | None, readings: list[str]) -> list[str]:
        """The ``readings`` of ``word`` beside whose pairs the word's own listed pairs with ``prev`` and ``nxt``
        are as rare as misprints: MISPRINT_GAP rarer, the gap that tells a misprint of a listed word from a rare
        real one. The web text behind the lexicon holds OCR and typos of common word pairs, so a pair's
        listing is a frequency, not a yes: "of he" (2.4) beside "of the" (6.5) is a misprint's rarity,
        "than he" (3.4) beside "than the" (4.8) is a real pair.

        >>> from ocrfix.strategies.dictionary import Dictionary
        >>> d = Dictionary()
        >>> d._misprint_pairs("of", "he", "default", ["her", "the"]), d._misprint_pairs("than", "he", "said", ["the"])
        (['the'], [])
        """
        bigram = self._lexicon.folded_bigram
        before, after = bigram(prev, word) if prev else 0.0, bigram(word, nxt) if nxt else 0.0
        return [reading for reading in readings
                if (not before or bigram(prev, reading) - before >= MISPRINT_GAP)
                and (not after or bigram(reading, nxt) - after >= MISPRINT_GAP)]

    def _fitting(self, word: str, prev: str | None, nxt: str | None) -> list[str]:
        """The listed words ``word`` is one known misreading away from (:meth:`_misread`) that form listed
        word pairs with both neighbours ("will bo a": "be", "to"); none without both neighbours."""
        return self._fitting_beside(word, prev, nxt) if prev and nxt else []

    def _fitting_one_side(self, word: str, prev: str, nxt: str) -> list[str]:
        """The listed words ``word`` is one known misreading away from (:meth:`_misread`) that form a listed pair
        with one of its two listed neighbours, one the lexicon trusts as written (Zipf >= TRUSTED_ZIPF), and none
        with the other, which the word pairs with no more than they do (it is :meth:`_unpaired`). A rare word
        beside a misprint is as likely a misprint itself as a word, and its pairs say nothing, as an unknown
        neighbour's do not (:meth:`_one_sided`): "CSV fle that" is "file", "Any case oi wilful" "of". A common
        neighbour that pairs with neither is no evidence either way: the pair list (symspellpy's 243k pairs) lacks
        many ordinary pairs ("the voat might": "the boat" is listed, "boat might" is not), and the scoring charges
        the printed word and the reading the same back-off there (:meth:`Dictionary._next_prob`). Two rare
        neighbours give none: a reading must fit both (:meth:`_fitting`). :meth:`_real_word` asks only for a word
        the document prints once: one side's evidence does not outweigh a word the writer uses again ("Vim will
        automagically detect", "are automagically added"); unless the document's real-word repairs read that word
        as another elsewhere, and then only with its confusions (:meth:`_in_own_confusions`): the repetition is
        the engine's.

        >>> from ocrfix.strategies.dictionary import Dictionary
        >>> fix = Dictionary()
        >>> "file" in fix._fitting_one_side("fle", "csv", "that"), fix._fitting_one_side("fle", "csv", "xml")
        (True, [])
        >>> fix._fitting_one_side("voat", "the", "might")  # two common neighbours: "the boat", no "boat might"
        ['boat', 'coat', 'goat']
        """
        zipf, bigram = self._lexicon.folded_zipf, self._lexicon.folded_bigram
        trusted_before, trusted_after = zipf(prev) >= TRUSTED_ZIPF, zipf(nxt) >= TRUSTED_ZIPF
        if not (trusted_before or trusted_after):
            return []
        found = []
        for reading in self._misread(word):
            before, after = bigram(prev, reading), bigram(reading, nxt)
            if before and not after and trusted_before or after and not before and trusted_after:
                found.append(reading)
        return found

    def _fitting_beside(self, word: str, prev: str | None, nxt: str | None) -> list[str]:
        """:meth:`_fitting` where a neighbour may be missing (a sentence's start, an unknown word): the readings
        that form listed pairs with the neighbours given.

        Kept per (word, neighbours): the same word between the same words is asked about again and again (the
        whole document's suspects first, :meth:`_unfitting`, then each one read, :meth:`_real_word`; 10.8k distinct
        of 16.2k asks on the corpus OCR, each two pair lookups per reading). Callers only read the list.

        >>> from ocrfix.strategies.dictionary import Dictionary
        >>> Dictionary()._fitting_beside("ho", None, "said")
        ['he', 'who']
        """
        key = (word, prev, nxt)
        found = self._fittings.get(key)
        if found is None:
            if prev and nxt:
                found = self._lexicon.listed_between(prev, self._misread(word), nxt)
            else:
                bigram = self._lexicon.folded_bigram
                found = [reading for reading in self._misread(word)
                         if (prev is None or bigram(prev, reading)) and (nxt is None or bigram(reading, nxt))]
            remember(self._fittings, key, found)
        return found

    def _misread(self, word: str) -> tuple[str, ...]:
        """The words ``word`` is one attested confusion of the error model away from (:meth:`ErrorModel.undo_one`)
        that may fit between two neighbours by listed pairs (:attr:`Lexicon.linked`), sorted."""
        found = self._misreadings.get(word)
        if found is None:  # a word the batch (_fetch_misreadings) did not hold: a suspect a repair beside it made
            found = remember(self._misreadings, word, _spelled_misreadings(self.model, word))
        return found

    def _fetch_misreadings(self, words: list[str]) -> dict[str, tuple[str, ...]]:
        """:meth:`_misread` of each of the ``words`` not yet known, in one batch (array work amortised)."""
        if len(self._misreadings) > LOOKUP_CACHE:
            self._misreadings.clear()
        found = _misreading_index(self.model).readings([word for word in words if word not in self._misreadings])
        self._misreadings.update(found)
        return found


def _misprint_confidence(word: str, best: str, scores: dict[str, float], confidence: float) -> float:
    """How sure it is that choosing ``best``, the likeliest of the readings (``scores``, log10, the printed
    ``word``'s included) at posterior ``confidence``, leaves the text no worse than the word as printed: the
    posterior of the readings no nearer to the word than to ``best`` (``best`` among them). Where one of those
    was meant, choosing ``best`` costs no more letters than leaving the misprint ("work un the whole file": "on"
    0.83, "in" 0.17, "un" 0.001; "un" -> "in" is one letter, as is "on" -> "in"). A rival nearer the word is
    a risk by its own posterior only ("it un the 20th": "run" is nearer "un" than "on" is, at 0.002 of the
    posterior; "fo the": "for" 0.55 or "to" 0.44, two letters from "for", one from "fo").

    >>> round(_misprint_confidence("un", "on", {"un": -8.0, "on": -5.0, "in": -5.7}, 0.83), 3)
    0.996
    >>> round(_misprint_confidence("un", "on", {"un": -8.0, "on": -5.0, "in": -5.7, "run": -7.5}, 0.83), 3)
    0.996
    >>> _misprint_confidence("fo", "for", {"fo": -8.0, "for": -5.0, "to": -5.1}, 0.55)
    0.55
    """
    return sum(confidence * 10.0 ** (score - scores[best]) for other, score in scores.items()
               if other != word and Levenshtein.distance(best, other) <= Levenshtein.distance(word, other))


def word_repairs(edits: list[Edit]) -> list[tuple[str, str]]:
    """The (printed, repaired) word pairs of ``edits`` that read a word of letters as another: a page's own slips
    (:mod:`.adapt`)."""
    return [(edit.original, edit.replacement) for edit in edits
            if is_alpha_word(edit.original) and is_alpha_word(edit.replacement)]


def _own_misprint_places(tokens: Tokens, misprinted: set[str], unpaired: set[int]) -> set[int]:
    """The places of the page's own ``misprinted`` words (folded; see :meth:`RealWordRepair._in_own_confusions`): each
    token of them in lower case that the pass has not repaired and that is no unpaired suspect (read as one already),
    looked at by the pass or not (a listed word between two garbled strings mostly is not)."""
    return {i for word in misprinted for i in tokens.positions(word) if i not in unpaired
            and i not in tokens.repaired and i not in tokens.taken and is_lower_alpha_word(tokens.cores[i])}


def _misread_as(tokens: Tokens, word: str, reading: str) -> bool:
    """Did the page's real-word repairs read the folded ``word`` as ``reading`` elsewhere (``tokens.misread_words``)?"""
    return any(read == reading and lexicon.fold(printed) == word for printed, read in tokens.misread_words)


def _own_openings(tokens: Tokens, misprinted: set[str]) -> set[int]:
    """The capitalised words opening a sentence (:meth:`Tokens.opens_sentence`) that are, folded, one of the
    ``misprinted`` words the document's real-word repairs read as another word elsewhere, whatever follows them: where
    "in tho town" and "of tho Board" were repaired, "Tho Rev. J. Walsh moved" is "The" by the document's own misprint,
    though a name after the word is no evidence (:meth:`RealWordRepair._before_name`). Not a word the document prints
    capitalised inside a sentence, as a name.

    >>> tokens = Tokens("Tho Rev. Hall came. Tho Mayor spoke. J. Tho Rev. left")
    >>> sorted(_own_openings(tokens, {"tho"}))  # after an initial's stop no sentence surely opens
    [0, 4]
    >>> tokens = Tokens("in tho town. Tho Rev. Hall came with Tho.")
    >>> sorted(_own_openings(tokens, {"tho"}))  # "with Tho." prints it capitalised inside a sentence: a name
    []
    """
    return {i for word in misprinted for i in tokens.positions(word)
            if i not in tokens.repaired and is_capitalised_word(tokens.cores[i]) and tokens.opens_sentence(i)
            and not tokens.capitalised_inside(word)}


def _before(flags: np.ndarray) -> np.ndarray:
    """``flags`` of the token before each token (False for the first).

    >>> _before(np.array([True, False, True])).tolist()
    [False, True, False]
    """
    return np.concatenate(([False], flags[:-1]))


def _after(flags: np.ndarray) -> np.ndarray:
    """``flags`` of the token after each token (False for the last).

    >>> _after(np.array([True, False, True])).tolist()
    [False, True, False]
    """
    return np.concatenate((flags[1:], [False]))


def _number(core: str) -> bool:
    """Is ``core`` a number: digits, an ordinal or a decade ("9th", "1860s")?

    >>> [_number(core) for core in ("92", "9th", "1860s", "3x", "x3")]
    [True, True, True, False, False]
    """
    return core[:1].isdigit() and (core.isdigit() or ORDINAL_OR_DECADE.fullmatch(core) is not None)


def _lower_word_after(tokens: Tokens, i: int) -> bool:
    """Is token ``i + 1`` a lower-case word (a capitalised one after an opening is a name, no evidence)?"""
    return i + 1 < len(tokens.cores) and is_lower_alpha_word(tokens.cores[i + 1])


def _ends_sentence(tokens: Tokens, i: int) -> bool:
    """Does token i, a word of two letters or more, end a sentence: a full stop right after it, then the text's end
    or a capital? Not an abbreviation English writes with a point (ABBREVIATED_WORDS: "no."); a stop before a
    lower-case word or a number is a speck or an abbreviation's ("th. year", "fig. 3").

    >>> tokens = Tokens("to the town tall. Few saw no. Nine fig. 3 and th. year a. B the end.")
    >>> [tokens.cores[i] for i in range(len(tokens.cores)) if _ends_sentence(tokens, i)]
    ['tall', 'end']
    """
    raw, core = tokens.raws[i], tokens.cores[i]
    return raw == core + "." and len(core) > 1 and core not in ABBREVIATED_WORDS \
        and (i == len(tokens.raws) - 1 or tokens.raws[i + 1][:1].isupper())


def _lone_letter(tokens: Tokens, core: str) -> bool:
    """Is ``core`` a lower-case letter that, standing alone, is what is left of a word whose other letters the
    OCR lost ("one f the", "clothed n rags")? English has no such word but "a", "i" and the "o" of verse,
    and "s", "t", "d", "m" stand alone where an apostrophe was lost ("it s", "don t", "I m"). A letter a
    clean document uses more than once is its own symbol (a variable, "if n is not given"; a list label): OCR
    drops letters of different words, seldom the same letter twice. In a badly misread document (more
    unknown words than clean prose has: ``tokens.unknown_prior`` below UNKNOWN_ZIPF) an engine that loses
    the "o" of "of" does so again and again; a repeated letter there may be a lost word too, read more
    strictly (:func:`_repeated_letter`).

    >>> from ocrfix.lexicon import Vocabulary
    >>> t = Tokens("one f the best, if n is 2 or n is 3")
    >>> t.vocabulary, t.unknown_prior = Vocabulary.from_text(t.text), 0.0
    >>> _lone_letter(t, "f"), _lone_letter(t, "n"), _lone_letter(t, "s")
    (True, False, False)
    >>> t.unknown_prior = -0.3; _lone_letter(t, "n")
    True
    """
    return (len(core) == 1 and core.islower() and core not in LONE_LETTERS
            and (tokens.vocabulary.count(core) == 1 or tokens.unknown_prior < UNKNOWN_ZIPF))


def _among_letters(tokens: Tokens, i: int) -> bool:
    """Is another lone lower-case letter, no LONE_LETTERS word, within two tokens of token i? Letters side by side
    are labels or symbols ("sides a, b and c", "x, y or z"), not words the OCR cut down to a letter each.

    >>> t = Tokens("the sides a, b and c meet; one f the best")
    >>> _among_letters(t, 5), _among_letters(t, 8)
    (True, False)
    """
    cores = tokens.cores
    return any(len(cores[j]) == 1 and cores[j].islower() and cores[j] not in LONE_LETTERS
               for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(cores) and j != i)


def _repeated_letter(tokens: Tokens, core: str) -> bool:
    """Is ``core`` a lone letter the document prints more than once, and so perhaps its own symbol (a variable,
    a label)? Read as a lost word (:func:`_lone_letter`) it is held to more: a reading of one letter misread or
    lost ("e" for "a", "b" for "be", not "bit"), at REAL_WORD_ODDS, never at the function words' lower odds.

    >>> from ocrfix.lexicon import Vocabulary
    >>> t = Tokens("a b of it, and b of that")
    >>> t.vocabulary = Vocabulary.from_text(t.text)
    >>> _repeated_letter(t, "b"), _repeated_letter(t, "a"), _repeated_letter(t, "it")
    (True, False, False)
    """
    return len(core) == 1 and tokens.vocabulary.count(core) > 1


def _spelled_misreadings(model: ErrorModel, word: str) -> tuple[str, ...]:
    """:meth:`RealWordRepair._misread` of one ``word``, its strings spelled out (:meth:`ErrorModel.undo_one`): what
    the index's arrays find (so on every word of the corpus), ~0.1 ms for one word against ~1 ms of array
    calls, which pay only in a batch (77 words asked one by one in a pass over the corpus OCR).

    >>> from ocrfix.strategies.dictionary import Dictionary
    >>> model = Dictionary().model
    >>> _spelled_misreadings(model, "tbe") == _misreading_index(model).readings(["tbe"])["tbe"]
    True
    """
    return tuple(sorted(lexicon.load().linked.intersection(model.undo_one(word)) - {word}))


@lru_cache(maxsize=8)
def _misreading_index(model: ErrorModel) -> MisreadingIndex:
    """The index of :meth:`Dictionary._misread` for ``model``: the lexicon's linked words, hashed once per
    model (~20 ms), like the candidate index, not once per Dictionary."""
    return MisreadingIndex(model, lexicon.load().linked)
