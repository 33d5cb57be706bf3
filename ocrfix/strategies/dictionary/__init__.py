"""Strategy ``dictionary``: OCR-aware word repair that leaves what is right alone.

A word is looked at only if nothing protects it (numbers, codes, URLs,
ALL-CAPS, names, single letters, the user's list) and it is suspect: rare or
unknown in the lexicon, and not repeated elsewhere in the document (a spelling
the document uses twice is its own, unless it is a clear misreading of a far
commoner word: "wbicb" all page long). Candidates are lexicon words within two
edits (a symmetric-delete index), one-space splits ("ofthe" → "of the") and
joins with the next word ("be come" → "become"). Each reading is scored as a
noisy channel, in log10 units:

    log P(reading | neighbours)  +  log P(OCR string | reading)
      word frequency × word-bigram    learned OCR error model

and the best one replaces the word only if its posterior probability among
the readings (the word as printed included) reaches ``min_confidence``.
Numbers and UK postcodes get a separate pattern-checked digit/letter repair.
Case, punctuation and surrounding whitespace are kept.

>>> fix = Dictionary()
>>> from ocrfix.pipeline import Pipeline
>>> Pipeline([fix]).run("We must not exlude them; it was in l867.").text
'We must not exclude them; it was in 1867.'
>>> Pipeline([fix]).run("Sir Percy shew'd the connexion to-day, programme and judgement.").text
"Sir Percy shew'd the connexion to-day, programme and judgement."
"""
from __future__ import annotations

import bisect
import math
import operator
import os
import string
from collections import Counter
from functools import partial
from itertools import compress
from typing import Collection, Iterable, Sequence

import regex

from ocrfix import charlm, lexicon
from ocrfix.errormodel import ErrorModel, blocks, train_for_dictionary
from ocrfix.gcpause import without_cycle_collection
from ocrfix.lexicon import CLEAR_MISPRINT_GAP, Vocabulary, fold, splittable
from ocrfix.marks import ARTICLES, lone_mark_words, misread_pronouns
from ocrfix.codes import is_code_or_address
from ocrfix.pipeline import Edit, Strategy, apply_edits
from ocrfix.strategies import register
from ocrfix.strategies.dictionary.adapt import DocumentConfusions, loses_letters
from ocrfix.strategies.dictionary.candidates import (COMMON_ZIPF, SHORT_WORD, DeleteIndex, common_index,
                                                     common_misprints, default_index, letter_runs, remember)
from ocrfix.strategies.dictionary.chains import chains
from ocrfix.strategies.dictionary.channel import (FIRST_LETTER_WORD, added_edge_letters, first_letter_misread,
                                                  first_letter_odds, further_slips, glyph_readings)
from ocrfix.strategies.dictionary.longs import GAP as LONG_S_GAP
from ocrfix.strategies.dictionary.longs import LongS, all_long_s
from ocrfix.strategies.dictionary.edits import before_edits, in_document_case, in_own_glyphs, overlaps, with_applied
from ocrfix.strategies.dictionary.lostletters import LostLetterGaps
from ocrfix.strategies.dictionary.miscased import miscased_function_words
from ocrfix.strategies.dictionary.dates import CAPITALISED_DATE_WORDS, misread_months, misread_ordinals
from ocrfix.strategies.dictionary.quotes import quoted, wrapped
from ocrfix.strategies.dictionary.protect import (NUMBER_LETTERS, SPELLED_NUMBERS, digit_and, is_noisy, ordinal,
                                                  protected_reason, repair_capital_i, repair_inner_capital,
                                                  repair_inner_small, repair_number, repair_postcode, shape_readings)
from ocrfix.strategies.dictionary.readings import (KNOWN_WORD_BONUS, MISREAD_NAME_LENGTH, RARE_PIECE_ZIPF, TRUSTED_ZIPF,
                                                   UNKNOWN_ZIPF, best_reading, counted_from_misprints, drops_digits,
                                                   drops_edge, drops_letters, letters_for_letters, with_case)
from ocrfix.strategies.dictionary.runtogether import (ARTICLE_HOSTS, both_pieces_count, glued_article,
                                                      run_together_words, spaces_put_in)
from ocrfix.strategies.dictionary.realword import FUNCTION_WORD_ZIPF, MISPRINT_GAP, RealWordRepair, word_repairs
from ocrfix.strategies.dictionary.ownnames import own_name_misreadings
from ocrfix.strategies.dictionary.ownpairs import own_pair_misreadings
from ocrfix.strategies.dictionary.spacing import (GLUE_SIZES, GLUE_WORDS, MARK_THEN_SPACE, UNENDED_MARKS,
                                                  UNENDING_WORDS, fullwidth_marks, glued_figures, glued_function_words,
                                                  glued_initials, lost_spaces, misread_commas, misread_title_marks,
                                                  printed_apart, stray_marks, stray_stops)
from ocrfix.strategies.dictionary.units import (lost_pound_signs, misread_figure_digits, misread_noughts,
                                                misread_pound_signs, misread_pounds, misread_shillings, pounds_in_l)
from ocrfix.strategies.dictionary import turned
from ocrfix.strategies.dictionary.turned import turned_lines
from ocrfix.strategies.dictionary.tokens import (CLOSING_LETTER_MARKS, LAST_LETTER_MARKS, LETTER_MARKS, MARKS_BEFORE,
                                                 Tokens, capitalised_mid_line_only, is_lower_alpha_word,
                                                 PERSON_TITLES, is_marked_capital_word,
                                                 opened_by_mark)
from ocrfix.strategies.dictionary.variants import has_standard_ending, own_spelling

POSTCODE = regex.compile(r"\b([A-Z0-9]{2,4}) ([0-9A-Za-z]{3})\b")

# Clean English prose has at most about this share of lower-case words no large lexicon lists (technical
# terms, rare inflections); a text with more has misreadings among them, and its unknown words are less
# likely real (see Dictionary._unknown_prior).
CLEAN_UNKNOWN_SHARE = 0.03
# A string with symbols or digits inside ("s:all", "dra*t") is this much less likely a real word.
NOISY_PENALTY = 1.5
# A listed word is taken for a misprint of a far commoner one (see _admissible) with no word pair to back
# it when the gap is the lexicon's CLEAR_MISPRINT_GAP ("tne" 2.0 vs "the" 7.7), with one when it is
# MISPRINT_GAP (see .realword: "heen" 1.8 vs "been" 6.3) and, with word pairs on both sides backing the
# other word, when it is 10**3 times commoner ("tho" 4.4 vs "the" 7.7; not "shewed" 1.9 vs "showed" 4.9).
CONTEXT_GAP = 3.0
# An unknown string that splits into a closed-class word (spacing.GLUE_WORDS) and a listed word, as a listed word pair,
# has lost a space ("ofglory", "talkfor", "bugsare", "tookhim") more often than the flat prior of an unknown word says.
# Such a split gets GLUE_ODDS (log10).
GLUE_ODDS = 1.0
# A word with the article "a" glued on (see runtogether.GLUED_ARTICLE_GAP), or such an unknown string, read as its
# two words gets these odds (log10) beyond GLUE_ODDS: its rival with the "a" dropped as a speck ("ina": "in") is an
# inserted letter, which the error model prices above a lost space.
GLUED_ARTICLE_ODDS = 1.0
# Two words printed as one with a letter beside the join lost too ("sensef", "theaith"): one event, not a lost space
# and a lost letter apart; on line recognisers' pages about a fifth as common as a space lost alone (session 23), so
# log10 0.2 beside the error model's lost space.
LETTER_WITH_SPACE = -0.7
# A page whose confident repairs split glued words this many times, and one in so many words or more often (see
# Dictionary._loses_spaces), loses spaces as a habit (RapidOCR on some book pages: "logiccan", "ifpower", "noserver"):
# the unknown strings the pass left alone there are read again with their splits in two LOST_SPACE_ODDS (log10) likelier
# than the error model's average lost space says. Session 28, RapidOCR books' step: +11.8% at 1.5, +11.9% at 2.0
# and 2.5, +12.0% at 3.0, +12.1% at 4.0 (main +11.7%), none harmful (docs/dictionary.md).
HABITUAL_SPLITS, HABITUAL_WORDS = 3, 300
LOST_SPACE_ODDS = 3.0
# A split's first piece of this many letters or fewer that the lexicon's longer words end with FRAGMENT_ODDS (log10)
# more often than it stands as a word is the tail of a word whose start was lost ("le": file, table, people)
FRAGMENT_LENGTH, FRAGMENT_ODDS = 3, 1.0
LOST_LETTER_REST = 3  # letters left of a word that lost its first one after a closed-class word ("theaith")
# a GLUE_WORDS word's letters after its first -> the words: "he" -> she, the
GLUE_TAILS = {tail: sorted(glue for glue in GLUE_WORDS if glue[1:] == tail)
              for tail in {glue[1:] for glue in GLUE_WORDS}}
RUN_TOGETHER_EDGE = frozenset("-'’@/._")  # beside a word two run together (see _printed_apart): a compound or code
# A cache language model (Kuhn & De Mori 1990): a word the document itself uses elsewhere is likelier
# there than the lexicon says ("Valley" printed "Vailey" in a text that names the valley twice);
# P(word | prev) = P_lexicon + CACHE_WEIGHT * (its share of the document's running words - its share
# of the language's), a usual weight; only for readings by a known misreading (attested in training
# or the prior): "subclassed" beside "subclasses", "mutably" beside "mutable" are no misprints.
CACHE_WEIGHT = 0.1
BACKOFF = math.log10(0.4)  # "stupid backoff" weight for an unseen word pair
MAX_CANDIDATES = 6  # readings scored in context, per word
LANGUAGE_CHECK_WORDS = 20
COMMON_WORD_ZIPF = 5.5
MIN_COMMON_SHARE = 0.15  # English OCR in the corpus: 0.26 or more; German, French, Latin: 0.05 or less
PATTERN_CONFIDENCE = 0.95  # a number, postcode or lettered word that only one reading makes valid
# A word glued from two pieces with a letter misread has at least this many letters: shorter ones have too
# many neighbours one edit away to tell which was meant ("h cer": her? hear? cer?), as the index's one-edit
# rule says. The pieces joined as printed, a common word, are one reading whatever the length ("f ine" -> "fine").
MIN_GLUED = 5
# A lower-case string of LONG_MISREAD_LENGTH letters or more, printed once, that the lexicon lacks and that its
# best reading as one listed word reads letter for letter by confusions the error model knows ("ciearances",
# "rurchasers", "pedigrces") is a real unlisted word less often than the flat unknown-word prior says: on the corpus
# OCR, 0 of 76 such strings were printed right; the real words like it in clean text are mostly terms the text repeats
# or words of another language, with letters outside a-z. Its reading as printed gets this much less (log10): at
# 10**1 a typo and a file name in 1 MB of clean text were "repaired" (docs/dictionary.md, session 17).
LONG_MISREAD_ODDS = 0.5
LONG_MISREAD_LENGTH = 7
# A mark read as two first letters ("“om" -> from) beats the likeliest reading with one letter put back by this much
# (log10) or is not read: a wrong pair of letters is farther from the truth than the mark, and in garbled text a
# pair with one neighbour makes a near tie of words none of which was printed ("“very “ne cver": fine, une, one).
TWO_LETTER_ODDS = 2.0
# A garbled page's engine slips more often than the error model's average, and the share of its words no lexicon
# lists says by how much: the corpus OCR's documents whose unknown words exceed clean prose's share by 10^0.1,
# 10^0.3, 10^0.5, 10^0.7 (``Dictionary._unknown_prior``) have 10^-0.1, 10^0.25, 10^0.3, 10^0.6 times the corpus's
# rate of slips per letter of their listed words. The unknown-word prior already weighs an unknown word's readings
# against it as printed by that excess once; each further run of slips in a reading is raised by this share of it
# (log10). At the full excess the two-slip rivals of one-slip repairs rose too ("Suudays": Sunday beside
# Sundays), below the 0.9 a repair needs (docs/dictionary.md, session 23).
FURTHER_SLIP_SHARE = 0.5
PLAIN_EDIT = 2.5  # rough cost of one edit (log10), to shortlist candidates before the error model
SHORTLIST = 4 * MAX_CANDIDATES
# The articles, conjunctions and short prepositions that a title or a name prints in lower case between its
# capitalised words ("Bank of England", "Society for the Protection of Birds"; the usual rule of title case)
TITLE_SMALL_WORDS = frozenset(("a", "an", "the", "and", "or", "nor", "but", "as", "of", "in", "on", "at", "to", "by",
                               "for", "with", "from", "into", "onto", "upon", "over", "under", "before", "after",
                               "between", "about", "against", "through", "during", "within", "without", "than"))
NAME_ZIPF = 2.0  # a capitalised word inside a sentence rarer than this may be a misread common word
COMPOUND_PART_ZIPF = 3.0  # "re-establish", "to-day": parts at least this common make a compound
FRAGMENT_ZIPF = 5.5  # a one- or two-letter token rarer than this ("c", "th") may be a piece of a word
JOIN_MIN_ZIPF = 3.0
PRONOUN_I = regex.compile(r"i(?:['’](?:m|ve|ll|d))?")  # the pronoun and its contractions, folded
WORD_CAPITALS = "AI"  # the only English words of one capital letter; any other is an initial or a piece
# In print with the long s, the listed words are read in this many rounds, each with the neighbours the round
# before repaired ("muft foon fee": "fee" -> "see" backs "soon"); see _long_s_reading.
LONG_S_ROUNDS = 2
MAX_WORD_LENGTH = 60  # longer tokens are never repaired: English words run to ~30 letters
PIECE_ZIPF = 3.0  # a lower-case neighbour rarer than this may be the rest of a split word
MIN_CANDIDATE_ZIPF = 2.0  # as the delete index's floor: rarer words are never proposed
# An opening quotation mark that no closing one follows in the paragraph, glued before a lower-case word in common
# use (Zipf) that needs no letter put back, is a speck ("the strain of ‘waiting for news"). Not the apostrophe,
# which elides a word's start ("'em", "'tis").
STRAY_QUOTES = "“‘"
STRAY_QUOTE_ZIPF = 3.0
MARKS_READ_ODDS = -1.0  # log10: in such a print a mark before a word is a lost letter ten times likelier than before
MARKS_READ_ZIPF = 3.5  # ... and there only where the word it makes is this common, or the page prints it
MARKS_READ = 3  # first letters a document's print lost to marks, read so, before its hyphens are read without pairs
ELISIONS = "'’‘"  # marks that stand for letters English leaves out ("'round", "‘tis"): no misprint's evidence
# The words English prints with the start of a longer word left out ("‘tis", "‘cause", "‘round" for around, "‘phone"
# and "‘bus" in print before 1950): a mark of ELISIONS before one is the writer's. Before any other word that no letter
# put back makes another, "‘" is a speck ("the strain of ‘waiting", "divided into ‘small ‘compartments").
ELIDED_WORDS = frozenset(("tis", "twas", "twere", "twill", "twould", "twixt", "tween", "em", "cause", "cos", "round",
                          "bout", "fore", "til", "till", "neath", "gainst", "mid", "midst", "pon", "scuse", "nuff",
                          "cept", "specially", "prentice", "possum", "coon", "gator", "phone", "bus", "plane", "cello",
                          "flu", "varsity", "baccy"))
DASHED_READING_ZIPF = 4.0  # a hyphen before a rare string is its first letter if that makes a word this common
# English's suffixes of three letters or more: after a hyphen one is a note on word formation ("words in -ible",
# "the -ity nouns"), not a word whose first letter was lost ("-ible" would read "bible", "-ity" "city")
SUFFIXES = frozenset(("able", "ible", "ably", "ibly", "tion", "sion", "ation", "ition", "ment", "ness", "less", "ful",
                      "ous", "ious", "eous", "ity", "ance", "ence", "ancy", "ency", "ant", "ent", "ize", "ise", "ism",
                      "ist", "ish", "ive", "ative", "ial", "ical", "ship", "hood", "dom", "ward", "wards", "wise",
                      "fold", "some", "like", "est", "ing", "ling", "let", "ette", "ese", "ian", "ean", "ory", "ary"))
CLITICS = frozenset(("s", "t", "d", "m", "ll", "re", "ve"))  # an apostrophe's endings: "Council 's" is split off, no letter lost
CASE_SHAPE_LETTERS = frozenset("cosvwxz")  # small letters whose capitals are the same shape, larger
PAIR_RIVAL_ZIPF = 4.0  # a reading of a mark as two letters this common rivals its reading with the next letter as one
LOST_LETTER_MARKS = "“‘\"'-.,*_"  # marks OCR prints for a word's first letter (_: an unread glyph)
# Of the symbols OCR prints for a letter, those no key or name is written with before one letter: a worn letter's
# tilde ("dismissed ~n payment" is "on"; "^d" is a key, "*r" a footnote's or a name's), read as a letter there too.
# Session 25: held-out B-K +2 helpful, +1 neutral; corpus +1 / +4 neutral; clean text no such token.
WORN_LETTER_MARKS = "~"


@register
class Dictionary(RealWordRepair, LostLetterGaps, Strategy):
    """Repair misread words, split and joined words, misread digits and real-word errors (see :mod:`.realword`),
    with a learned error model.

    Options: ``min_confidence`` (posterior probability a repair needs; higher
    is more cautious), ``protected`` (words never changed, case-insensitive),
    ``model`` (an :class:`ErrorModel`, a path to one, or None for the shipped
    model), ``split_merge`` (repair split and joined words).
    """

    name = "dictionary"

    def __init__(self, *, min_confidence: float = 0.9, protected: Iterable[str] = (),
                 model: ErrorModel | str | os.PathLike[str] | None = None, split_merge: bool = True) -> None:
        if not 0.5 <= min_confidence <= 1.0:
            raise ValueError("min_confidence must be between 0.5 and 1.0")
        self.min_confidence = min_confidence
        self.protected = frozenset(fold(word) for word in protected)
        self.split_merge = split_merge
        if model is None:
            model = ErrorModel.default()
        elif not isinstance(model, ErrorModel):
            model = ErrorModel.load(model)
        self.model = model
        self._lexicon = lexicon.load()
        # the lexicon's tables' own lookups, for the language model's hottest lines (see _context, _pair)
        self._zipf, self._pair_zipf = self._lexicon.word_table.get, self._lexicon.bigram_table.get
        self._firsts, self._seconds = self._lexicon.pair_firsts, self._lexicon.pair_seconds
        self._index: DeleteIndex | None = None
        self._run_togethers = run_together_words(self._lexicon)
        self._lookups: dict[tuple[str, int, float], list[tuple[float, str]]] = {}
        self._kinds: dict[str, tuple] = {}  # token -> what it is, before the document's vocabulary
        self._channels: dict[tuple[str, str], tuple[float, bool]] = {}  # (reading, word) -> ErrorModel.reading
        self._misreadings: dict[str, tuple[str, ...]] = {}  # word -> see _misread
        self._fittings: dict[tuple[str, str | None, str | None], list[str]] = {}  # see _fitting_beside
        self._splits: dict[str, list[tuple[str, str, float, float]]] = {}  # word -> see _splits_in_two
        self._lost_splits: dict[str, list[tuple[str, str, float, float]]] = {}  # word -> see _lost_letter_splits
        self._in_uses: dict[tuple[str, float], float] = {}  # (word, Zipf) -> see _in_use
        self._edges: dict[tuple[str, bool], list[tuple[str, float]]] = {}  # (word, last) -> see _edge_forms

    def fit(self, pairs: list[tuple[str, str]]) -> "Dictionary":
        """A new Dictionary with the same options and an error model trained on (ocr, gt) ``pairs``, the OCR
        first passed through the strategies the default pipeline runs before this one, as the shipped model
        is made (:func:`ocrfix.errormodel.train_for_dictionary`, ``ocrfix train``)."""
        return Dictionary(min_confidence=self.min_confidence, protected=self.protected,
                          model=train_for_dictionary(pairs), split_merge=self.split_merge)

    def __repr__(self) -> str:
        return (f"Dictionary(min_confidence={self.min_confidence}, protected={sorted(self.protected)}, "
                f"model={self.model!r}, split_merge={self.split_merge})")

    # -- the pass over the text ---------------------------------------------------------
    def propose(self, text: str) -> list[Edit]:
        with without_cycle_collection():  # the pass allocates many small containers, none in a cycle
            return self._propose(text)

    def _propose(self, text: str) -> list[Edit]:
        if self._index is None:
            self._index = default_index()
        spaced = self._lost_spaces(text)
        original, text = text, apply_edits(text, spaced)  # the words on each side of a lost space are read as words
        tokens = Tokens(text)
        if not self._in_lexicon_language(tokens):
            return []  # another language: the English lexicon has no evidence against its words
        vocabulary = tokens.vocabulary = Vocabulary.from_token_counts(tokens.core_counts)  # as .from_text(text) counts
        tokens.unknown_prior = self._unknown_prior(tokens)
        edits: list[Edit] = (self._postcodes(text) + self._lone_marks(text) + self._datelines(text, tokens.core_counts)
                             + self._printed_apart(tokens))
        edits += self._turned_lines(tokens, edits)
        taken = tokens.taken = tokens.touching(edits)  # tokens a pattern repair changed: not repaired as words
        taken |= tokens.line_break_halves(self._is_word)  # "ter-\nminates": halves of a word, no words themselves
        taken |= pounds_in_l(tokens.cores, text)  # "47l. 10s.": pounds, not the number 471
        edits += self._long_s(tokens)  # print of before 1800: its f read as s first, as context for the rest
        kinds = self._classify(tokens, vocabulary)  # this document's: the vocabulary decides some
        repairs: dict[tuple, tuple[str, float, str] | None] = {}
        joins = self._could_join(tokens) if self.split_merge else set()
        cores = tokens.cores
        paired = self._lexicon.folded_bigrams(zip(tokens.folded, tokens.folded[1:])) + [0.0]  # token i with i + 1
        unpaired = self._unpaired(tokens, paired)
        gaps = self._could_fill(tokens, paired, joins) if self.split_merge else {}
        busy = self._busy(tokens, kinds, paired, joins | unpaired | gaps.keys())
        self._prefetch(tokens, kinds, busy)
        self._fetch_misreadings([tokens.folded[i] for i in unpaired | joins])  # what _fitting will ask for
        tokens.unfitting = self._unfitting(tokens, unpaired)
        passed = self._declined_unread(tokens, kinds, joins | gaps.keys())
        busy -= passed
        visits = sorted(busy)
        declined: list[int] = []  # tokens left alone, looked at or not (_declined_unread)
        marks_read = 0  # marks read as a word's first letter, but apostrophes (ELISIONS)
        unread_marks: list[int] = []  # words whose mark before them the pass read as no letter
        halves: list[int] = []  # of those, unknown words taken for half a split word (see _glue)
        i = 0
        while i < len(cores):
            if i not in busy and i - 1 not in tokens.repaired:  # nothing to do here: on to the next busy token
                k = bisect.bisect_left(visits, i)
                if k == len(visits):
                    break
                i = visits[k]
            kind = kinds[cores[i]]
            if (i in joins or i in gaps) and i not in taken and i + 1 not in taken:
                # two tokens read as one word: "be come" -> "become", or with a lost letter, "sho ld" -> "should"
                joined = (i in joins and self._join(tokens, i)) or (i in gaps and self._fill_gap(tokens, i, gaps[i]))
                if joined:
                    replacement, confidence, reason = joined
                    edits.append(self.edit(text, tokens.starts[i], tokens.ends[i + 1], replacement,
                                           reason=reason, confidence=confidence))
                    tokens.repaired[i] = tokens.repaired[i + 1] = fold(replacement)
                    i += 2
                    continue
            if kind[0] == "word" and kind[2] < PIECE_ZIPF and i not in taken:
                glued = self._glue(tokens, i, kind[2])
                if glued:  # a word split by the OCR with a letter lost: "c nversation" -> "conversation"
                    first, last, replacement, confidence, reason = glued
                    edits.append(self.edit(text, tokens.starts[first], tokens.ends[last], replacement,
                                           reason=reason, confidence=confidence))
                    tokens.repaired[first] = tokens.repaired[last] = fold(replacement)
                    i = last + 1
                    continue
                if glued == () and not (i not in taken and self._splits_in_two(kind[1])
                                        and spaces_put_in(kind[1], self._repair_token(tokens, i, kind, repairs))):
                    declined.append(i)
                    if i not in taken:
                        halves.append(i)
                    i += 1  # a piece of a split word: repairing it alone would do harm, unless it is words run together
                    continue
            # a mark before the word part or a symbol it starts with ("~ater"); a mark after it
            first_marked = tokens.starts[i] > tokens.raw_starts[i] or cores[i][:1] in LETTER_MARKS
            last_marked = tokens.ends[i] < tokens.raw_ends[i]
            if i not in taken and (kind[0] == "skip" or kind[0] == "word") and (first_marked or last_marked):
                lost = (first_marked and self._lost_edge_letter(tokens, i, False)
                        or last_marked and self._lost_edge_letter(tokens, i, True))
                if first_marked and not lost:
                    unread_marks.append(i)
                if lost:
                    replacement, confidence, reason, mark_at = lost
                    if replacement:  # "“he" -> "the": a listed word with a mark for its first or last letter
                        edits.append(self._mark_edit(tokens, i, lost))
                        self._lost_first_letter(tokens, i, replacement, mark_at)
                        marks_read += mark_at < tokens.ends[i] and text[mark_at] not in ELISIONS  # a first letter's
                        i += 1
                        continue
                    # a speck for a mark: the word itself is read as any other
                    edits.append(self.edit(text, mark_at, mark_at + 1, "", reason=reason, confidence=confidence))
            # "skip": taken as written, unless a real-word suspect
            if i not in taken and (kind[0] != "skip" or self._suspect(tokens, i, unpaired)):
                edit = self._word_edit(tokens, i, kind, repairs, unpaired)
                if edit is not None:
                    edits.append(edit)
                else:
                    declined.append(i)
                    tokens.left_alone.add(i)
            i += 1
        # the pass read the others: one before them was repaired
        passed = [i for i in passed if i - 1 not in tokens.repaired]
        declined += passed
        tokens.left_alone.update(passed)
        if marks_read >= MARKS_READ:  # this print loses first letters to marks: its hyphens and stops are read so too,
            # and its other marks again, as likelier letters
            edits += [self._mark_edit(tokens, i, lost) for i in sorted(set(opened_by_mark(tokens) + unread_marks))
                      if i not in tokens.repaired and i not in taken
                      and (lost := self._lost_edge_letter(tokens, i, False, marks_read=True))
                      and self._read_again(tokens, i, lost[0])]
        edits += self._look_again(tokens, declined, kinds, repairs, unpaired)
        edits += [edit for i in reversed(halves) if i not in tokens.repaired
                  and (edit := self._half_word_edit(tokens, i, kinds[cores[i]], repairs, edits)) is not None]
        edits += self._in_own_confusions(tokens, declined, kinds, repairs, unpaired, edits)
        if self._loses_spaces(tokens, edits):
            edits += [edit for i in declined if (edit := self._habitual_split(tokens, i, kinds[cores[i]])) is not None]
        edits += self._own_readings(tokens, edits)
        edits += self._stops_beside_repairs(text, edits)
        if spaced:
            edits = with_applied(spaced, before_edits(original, edits, spaced))
        edits.sort(key=lambda e: e.start)
        return in_document_case(original, [in_own_glyphs(edit) for edit in edits
                                            if edit.confidence >= self.min_confidence])

    def _loses_spaces(self, tokens: Tokens, edits: list[Edit]) -> bool:
        """Does the page lose spaces between words as a habit? So its confident ``edits`` say where they split glued
        words HABITUAL_SPLITS times or more, one in HABITUAL_WORDS words or more often, and no less often than they put
        back a word's lost first letters: a glued string's first piece may be the tail of a word whose start was lost
        ("sands and ironstones" printed "ands and onstones"), and on a page that loses starts as often as spaces
        that unlisted reading, which no candidate scores, is as likely as the split.

        >>> text = "It isa fact. Thecat sat ona mat and the dog"
        >>> fix = Dictionary(); fix._loses_spaces(Tokens(text), fix.propose(text))
        True
        """
        split = restored = 0
        for edit in edits:
            if edit.confidence >= self.min_confidence:
                if spaces_put_in(fold(edit.original), (edit.replacement, 0.0, "")):
                    split += 1
                elif " " not in edit.replacement and added_edge_letters(edit.original, edit.replacement)[0]:
                    restored += 1
        return split >= HABITUAL_SPLITS and split * HABITUAL_WORDS >= len(tokens.cores) and split >= restored

    def _habitual_split(self, tokens: Tokens, i: int, kind: tuple) -> Edit | None:
        """The edit splitting token ``i``, an unknown string the pass left alone on a page that loses spaces as a
        habit (:meth:`_loses_spaces`), into two listed words, its splits in two scored with LOST_SPACE_ODDS; or None.
        Not a listed word's possessive ("schoolmaster's"), nor a string after a mark, which may be its lost first
        letter ("holes “Arough" for "through"), nor a split whose first piece is a fragment (:meth:`_word_tail`:
        "lesystem" for "filesystem").

        >>> fix, tokens = Dictionary(), Tokens("if the disk fails atfirst the data goes")
        >>> _ = fix.propose(tokens.text)  # the candidate index loaded
        >>> fix._habitual_split(tokens, 4, ("word", "atfirst", 0.0)).replacement
        'at first'
        """
        word = kind[1] if kind[0] == "word" else ""
        if i in tokens.repaired or i in tokens.taken or not word or kind[2] or tokens.starts[i] > tokens.raw_starts[i] \
                or word.endswith("'s") and self._lexicon.folded_zipf(word[:-2]):
            return None
        readings = self._readings(word, 0.0, tokens.neighbour(i, -1), self._known(tokens.neighbour(i, +1)),
                                  repeated=tokens.vocabulary.folded_count(word) > 1, document=tokens.vocabulary,
                                  unknown_prior=tokens.unknown_prior, lost_space_odds=LOST_SPACE_ODDS)
        best, confidence = best_reading(readings)
        if confidence < self.min_confidence or not spaces_put_in(word, (best, 0.0, "")) \
                or self._word_tail(best.split()[0]):
            return None
        tokens.repaired[i] = best
        return self.edit(tokens.text, tokens.starts[i], tokens.ends[i], with_case(tokens.cores[i], best),
                         confidence=round(confidence, 3),
                         reason=f"a space lost on a page that loses spaces as a habit; \"{best}\" is meant")

    def _word_tail(self, piece: str) -> bool:
        """Is ``piece``, of FRAGMENT_LENGTH letters or fewer, FRAGMENT_ODDS commoner in the lexicon as the end of
        longer words than as a word: the tail of a word whose start was lost (see :meth:`_habitual_split`)?

        >>> fix = Dictionary()
        >>> fix._word_tail("le"), fix._word_tail("on"), fix._word_tail("at")
        (True, False, False)
        """
        return len(piece) <= FRAGMENT_LENGTH and (
            self._lexicon.ending_zipf(piece) - self._lexicon.folded_zipf(piece) >= FRAGMENT_ODDS)

    def _read_again(self, tokens: Tokens, i: int, reading: str) -> bool:
        """May token ``i``'s mark, read again in a print that loses first letters to marks (MARKS_READ), be the first
        letter of ``reading``? Not a speck's reading (""); one of a mark the first look read as no letter only where
        the reading is a word in common use (MARKS_READ_ZIPF) or the document prints it bare elsewhere ("the sons of
        “sau" where "Esau" stands on the page): the rare words a letter put before garbled text makes ("“zar" czar,
        "“ito" tito, "~yal" eyal) are no evidence."""
        if not reading or tokens.text[tokens.starts[i] - 1] in MARKS_BEFORE:
            return bool(reading)  # a hyphen, a stop or a colon: read so before (see _dash_fits)
        word = fold(reading)
        return self._lexicon.folded_zipf(word) >= MARKS_READ_ZIPF or tokens.vocabulary.folded_count(word) > 0

    def _declined_unread(self, tokens: Tokens, kinds: dict[str, tuple], joins: set[int]) -> set[int]:
        """The tokens the pass would only decline, unread: real-word suspects that no misreading of theirs fits between
        their neighbours as printed (``tokens.unfitting``: :meth:`_real_word` declines them unless a neighbour is
        repaired) and that are no other repair's either: taken as written (kind "skip"), or listed words too common
        to be pieces of a split one (PIECE_ZIPF) with no reading near them (:meth:`_none_near`), not as names; no
        join's first word, with no mark at an edge (which may be a lost letter), and with the token after them not
        repaired before the pass (in print with the long s). The pass reads one of them only where it repairs the
        token before it; the others it declines without a look (7,400 of the 9,800 unfitting suspects on the corpus
        OCR, each a loop's turn and four to six calls).

        >>> fix, tokens = Dictionary(), Tokens("He bad been there, pinkish bad zebras")
        >>> tokens.unfitting = {5}
        >>> sorted(fix._declined_unread(tokens, {core: ("skip",) for core in tokens.cores}, set()))
        [5]
        """
        cores, starts, ends = tokens.cores, tokens.starts, tokens.ends
        return {i for i in tokens.unfitting if i not in joins and i not in tokens.taken and i + 1 not in tokens.repaired
                and starts[i] == tokens.raw_starts[i] and ends[i] == tokens.raw_ends[i]
                and cores[i][:1] not in LETTER_MARKS
                and ((kind := kinds[cores[i]])[0] == "skip" or kind[0] == "word" and kind[2] >= PIECE_ZIPF
                     and not self._name_like(tokens, i) and self._none_near(kind[1], kind[2], False))}

    def _long_s(self, tokens: Tokens) -> list[Edit]:
        """The edits reading f as s in a document printed with the long s (see :mod:`.longs`; none in any
        other): the unknown words first, then the listed ones, with their neighbours as repaired, then the
        unknown words misread elsewhere too. Each repaired token is taken: the rest of the pass reads it as
        repaired."""
        long_s = LongS.of(tokens.core_counts, self._lexicon.folded_zipfs)
        if long_s is None:
            return []
        places = [i for i in range(len(tokens.cores)) if i not in tokens.taken and long_s.readings(tokens.cores[i])]
        listed = [bool(long_s.printed_zipf(self._lexicon.folded_zipf(tokens.folded[i]))) for i in places]
        unknown, known = [i for i, flag in zip(places, listed) if not flag], [i for i, flag in zip(places, listed) if flag]
        # unknown words with f at a long s's places but no s-reading: read as misread elsewhere too, last
        rest = [i for i, core in enumerate(tokens.cores) if "f" in core and i not in tokens.taken
                and not long_s.readings(core) and core.isalpha() and not self._lexicon.folded_zipf(tokens.folded[i])]
        self._fetch({self._lookup_key(word, 0.0, False): None  # the lookups of both in one batch
                     for word in [tokens.folded[i] for i in unknown] + [fold(all_long_s(tokens.cores[i])) for i in rest]})
        edits = []
        for round_, as_s in [(unknown, True)] + [(known, True)] * LONG_S_ROUNDS + [(rest + unknown, False)]:
            if as_s:  # the document's words as repaired so far, the s-words among them backing their readings
                document = Vocabulary(Counter(tokens.repaired.get(i, word) for i, word in enumerate(tokens.folded)))
                read = partial(self._long_s_reading, tokens, long_s=long_s, document=document)
            else:
                read = partial(self._long_s_misread, tokens)
            for i in round_:
                repair = None if i in tokens.taken else read(i)
                if repair is not None:
                    replacement, confidence, reason = repair
                    tokens.repaired[i] = fold(replacement)
                    tokens.taken.add(i)
                    edits.append(self.edit(tokens.text, tokens.starts[i], tokens.ends[i], replacement,
                                           reason=f"long s read as f; {reason}", confidence=confidence))
        return edits

    def _long_s_reading(self, tokens: Tokens, i: int, long_s: LongS,
                        document: Vocabulary) -> tuple[str, float, str] | None:
        """Token ``i`` read with f as s (each at the document's ``long_s.rate``), against the word as printed
        (its listed frequency, or the document's prior of an unknown word), with the word pairs around it and
        the readings' share of the ``document``'s words (as repaired so far: "the fun" where "sun" was repaired); a
        listed word only by a reading LONG_S_GAP commoner, as rare beside it as the words that make the signature
        ("foon" 2.0 beside "soon" 5.3: the lexicon's web text holds long-s print misread), or by one a listed word
        pair backs ("he fat down" -> "sat")."""
        word, core = tokens.folded[i], tokens.cores[i]
        prev, nxt = self._known(tokens.neighbour(i, -1)), self._known(tokens.neighbour(i, +1))
        zipf = long_s.printed_zipf(self._lexicon.folded_zipf(word))
        scores = {word: self._context(prev, word, zipf or tokens.unknown_prior, nxt)}
        per_letter = math.log10(long_s.rate)
        for reading, changed in long_s.readings(core).items():
            scores[reading] = (self._context(prev, reading, self._lexicon.folded_zipf(reading), nxt, document)
                               + changed * per_letter)
        best, confidence = best_reading(scores)
        if best == word or confidence < self.min_confidence or (
                zipf and self._lexicon.folded_zipf(best) - zipf < LONG_S_GAP and not self._attested(prev, best, nxt)):
            return None
        if not zipf and max(self._readings(word, 0.0, prev, nxt, repeated=False, document=tokens.vocabulary,
                                           unknown_prior=tokens.unknown_prior, as_one=True).values()) > scores[best]:
            return None  # another misreading of the unknown word is likelier still ("affer": "after", not "asser")
        return with_case(core, best), round(confidence, 3), f"\"{best}\" is meant"

    def _long_s_misread(self, tokens: Tokens, i: int) -> tuple[str, float, str] | None:
        """Token ``i``, an unknown word with f where a long s may stand but no s-reading that fits (or a word as
        rare as a misprint, :meth:`.LongS.printed_zipf`, whose s-readings did not fit), repaired as a word (:meth:`_repair`) with all those f read as s:
        misread elsewhere too ("vefought" -> "besought")."""
        core = tokens.cores[i]
        spelled = all_long_s(core)
        if spelled == core:
            return None
        word = fold(spelled)
        repair = self._repair(spelled, word, self._lexicon.folded_zipf(word), tokens.neighbour(i, -1),
                              self._known(tokens.neighbour(i, +1)), strict=self._name_like(tokens, i),
                              repeated=tokens.vocabulary.count(tokens.folded[i]) > 1, document=tokens.vocabulary,
                              unknown_prior=tokens.unknown_prior)
        if repair is None or drops_edge(word, fold(repair[0])) or drops_letters(word, fold(repair[0])):
            return None
        return repair

    def _look_again(self, tokens: Tokens, declined: list[int], kinds: dict[str, tuple],
                    repairs: dict[tuple, tuple[str, float, str] | None], unpaired: set[int]) -> list[Edit]:
        """The edits of the ``declined`` tokens (looked at and left alone), and of the common words the pass took
        as written without a look, whose next token the pass repaired since: a word left alone beside an
        unreadable one ("complecing treir yea") may be read once that neighbour is, and a common word beside one
        is a real-word suspect then (:meth:`_suspect`: "not ben witharawn", "withdrawn" repaired: "been").
        Right to left, so that each new repair is context for the word before it. A declined token the pass has
        since glued to the next one ("tw lvg" -> "twelve") is repaired already."""
        edits = []
        unseen = {j - 1 for j in tokens.repaired
                  if j > 0 and j - 1 not in tokens.taken and kinds[tokens.cores[j - 1]][0] == "skip"}
        for i in sorted(unseen.union(declined), reverse=True):
            kind = kinds[tokens.cores[i]]
            if i + 1 in tokens.repaired and i not in tokens.repaired and not (kind[0] == "word" and kind[2] < PIECE_ZIPF
                                                 and self._glue(tokens, i, kind[2]) is not None):
                edit = self._word_edit(tokens, i, kind, repairs, unpaired)
                if edit is not None:
                    edits.append(edit)
        return edits

    def _word_edit(self, tokens: Tokens, i: int, kind: tuple, repairs: dict[tuple, tuple[str, float, str] | None],
                   unpaired: set[int], confusions: DocumentConfusions | None = None) -> Edit | None:
        """The edit repairing token ``i`` as a word (a misreading, or a real-word error where it pairs with
        neither neighbour, read with the document's own ``confusions`` if given), in its own case, with a mark
        that stood for its first or last letter; or None."""
        repair = self._repair_token(tokens, i, kind, repairs) if kind[0] != "skip" else None
        if repair is None and self._suspect(tokens, i, unpaired):
            repair = self._real_word(tokens, i, confusions)
        if repair is None:
            return None
        replacement, confidence, reason = repair
        tokens.repaired[i] = fold(replacement)
        if replacement[:1].islower() and replacement[0] != fold(tokens.cores[i][:1]) \
                and self._capital_first(tokens, i, replacement):
            replacement = replacement[0].upper() + replacement[1:]  # "uthority's" -> "Authority's"
        elif self._misread_capital(tokens, i, replacement):
            replacement = replacement[0].lower() + replacement[1:]  # "a Iittle" -> "a little", not "a Little"
        text, start, end = tokens.text, tokens.starts[i], tokens.ends[i]
        before = start > tokens.raw_starts[i] and text[start - 1] in LOST_LETTER_MARKS
        after = end < tokens.raw_ends[i] and text[end] in LAST_LETTER_MARKS
        if before or after:
            first, last = added_edge_letters(tokens.cores[i], replacement)
            if before and first:
                start -= 1  # "“hurch" -> "church": the mark before the word is its first letter
            if after and last:
                end += 1  # "investmen+" -> "investment": the symbol after the word is its last
        return self.edit(text, start, end, replacement, reason=reason, confidence=confidence)

    def _in_lexicon_language(self, tokens: Tokens) -> bool:
        """Is the text (of at least LANGUAGE_CHECK_WORDS words) written in the lexicon's language?

        English text, even badly misread, has a quarter or more of its words
        among the lexicon's most common (Zipf >= 5.5: the, of, and, was ...);
        German, French or Latin have almost none of them.
        """
        words = self._words(tokens)
        total = sum(n for _, n, _ in words)
        if total < LANGUAGE_CHECK_WORDS:
            return True
        common = sum(n for _, n, zipf in words if zipf >= COMMON_WORD_ZIPF)
        return common >= MIN_COMMON_SHARE * total

    def _words(self, tokens: Tokens) -> list[tuple[str, int, float]]:
        """The text's distinct words of two letters or more, as (word, count, Zipf), each looked up once."""
        if tokens.words is None:
            folded_zipf, folds = self._lexicon.folded_zipf, tokens.folds
            tokens.words = [(word, n, folded_zipf(folds[word])) for word, n in tokens.core_counts.items()
                            if len(word) > 1 and word.isalpha()]  # is_alpha_word written out: one per word part
        return tokens.words

    def _unknown_prior(self, tokens: Tokens) -> float:
        """The prior (Zipf) of an unknown word in this text: UNKNOWN_ZIPF, less log10 of how many times
        more of its lower-case words are unknown than clean prose has (CLEAN_UNKNOWN_SHARE). In a text
        where a fifth of the words are unknown, most of them are misreadings, not rare words (empirical Bayes).

        >>> fix = Dictionary()
        >>> fix._unknown_prior(Tokens("the cat sat on the mat")), round(fix._unknown_prior(Tokens("tbe cat sxt on tbe rnat")), 2)
        (0.0, -0.31)
        """
        lower = [(n, zipf) for word, n, zipf in self._words(tokens) if word.islower()]
        unknown = sum(n for n, zipf in lower if not zipf)
        # shrunk towards clean prose by LANGUAGE_CHECK_WORDS words of it: a short line says little
        share = (unknown + CLEAN_UNKNOWN_SHARE * LANGUAGE_CHECK_WORDS) / (sum(n for n, _ in lower) + LANGUAGE_CHECK_WORDS)
        return UNKNOWN_ZIPF - max(0.0, math.log10(share / CLEAN_UNKNOWN_SHARE))

    def _postcodes(self, text: str) -> list[Edit]:
        edits = []
        for match in POSTCODE.finditer(text):
            repaired = repair_postcode(match.group(1), match.group(2))
            if repaired is not None:
                new = " ".join(repaired)
                edits.append(self.edit(text, match.start(), match.end(), new, confidence=PATTERN_CONFIDENCE,
                                       reason="the only valid UK postcode this reading fits"))
        return edits

    def _lone_marks(self, text: str) -> list[Edit]:
        """The one-letter word a mark standing alone was printed for (LONE_MARK_WORDS), where that word fits
        both neighbours: the word after follows it in a listed word pair, and rather than any word
        (SHORT_WORD_ASSOCIATION: "I am", "a myriad", not "I in", "a the"); the word before precedes it in one
        (for "I", a sentence's start will do). A bar in a line with another bar is a table's rule. And the
        pronoun I read as a T or l before its contraction (:func:`ocrfix.marks.misread_pronouns`: "T'm").

        >>> [e.replacement for e in Dictionary()._lone_marks("He said that | shall make ~ list, and l am sure.")]
        ['I', 'a', 'I']
        >>> [(e.original, e.replacement) for e in Dictionary()._lone_marks("“T'm sure,” he said.")]
        [('T', 'I')]
        >>> len(Dictionary()._lone_marks("| Name | Age |")), len(Dictionary()._lone_marks("for l in items"))
        (0, 0)
        """
        edits = [self.edit(text, match.start(), match.end(), meant, confidence=PATTERN_CONFIDENCE,
                           reason=f"\"{meant}\" misread as \"{match.group()}\": \"{meant} {match.group(2)}\" is a listed pair")
                 for match, meant in lone_mark_words(text, self._lexicon)]
        return edits + [self.edit(text, match.start(), match.end(), "I", confidence=PATTERN_CONFIDENCE,
                                  reason="the pronoun I read as another upright before its contraction (\"T'm\")")
                        for match in misread_pronouns(text)]

    def _datelines(self, text: str, words: Collection[str]) -> list[Edit]:
        """A month's abbreviation misread in a dateline, and a day's ordinal printed in letters (see :mod:`.dates`);
        ``words``: the text's words.

        >>> text = "LONDON, Dee. 4.—On the ist January"
        >>> [(e.original, e.replacement) for e in Dictionary()._datelines(text, text.split())]
        [('Dee', 'Dec'), ('ist', '1st')]
        """
        return [self.edit(text, match.start(), match.end(), month, confidence=PATTERN_CONFIDENCE,
                          reason="a month's abbreviation misread in a dateline (place, month, day)")
                for match, month in misread_months(text, self._channel)] \
            + [self.edit(text, *match.span(), day, confidence=PATTERN_CONFIDENCE,
                         reason="a day's ordinal with letters read for its figures, before a month")
               for match, day in misread_ordinals(text, words)]

    def _turned_lines(self, tokens: Tokens, edits: list[Edit]) -> list[Edit]:
        """Lines a line recogniser read turned 180 degrees, read back (see :mod:`.turned`), where none of ``edits``
        reaches.

        >>> [e.replacement for e in Dictionary()._turned_lines(Tokens("by the hall. Aes o4 paxse seu pue The"), [])]
        ['and has asked to say']
        """
        return [self.edit(tokens.text, start, end, reading, confidence=PATTERN_CONFIDENCE,
                          reason="a line read turned 180 degrees (letters last to first, each as its turned shape)")
                for start, end, reading in turned_lines(tokens, self._lexicon)
                if not any(edit.start < end and start < edit.end for edit in edits)]

    def _printed_apart(self, tokens: Tokens) -> list[Edit]:
        """Two words run together that the text prints apart elsewhere (:func:`.spacing.printed_apart`), where the
        word stands alone in its token or beside punctuation no word part of code or a compound has (not "-", "'",
        "@", "/", "_", nor "." but a full stop).

        >>> [(e.original, e.replacement) for e in Dictionary()._printed_apart(Tokens("The king had a dream; the kinghad it."))]
        [('kinghad', 'king had')]
        """
        edits = []
        lex = self._lexicon
        text = tokens.text
        for i, cut in printed_apart(tokens.cores, tokens.spaced, tokens.listed(lex.word_table), tokens.positions, lex):
            start, end = tokens.starts[i], tokens.ends[i]
            after = text[end:end + 1]
            full_stop = after == "." and not text[end + 1:end + 2].isalpha()
            if text[start - 1:start] in RUN_TOGETHER_EDGE or after in RUN_TOGETHER_EDGE and not full_stop \
                    or is_code_or_address(tokens.raws[i]):
                continue
            core = tokens.cores[i]
            edits.append(self.edit(text, start, end, core[:cut] + " " + core[cut:], confidence=PATTERN_CONFIDENCE,
                                   reason="a space lost between two words the text prints apart elsewhere"))
        return edits

    def _lost_spaces(self, text: str) -> list[Edit]:
        """Spaces lost after punctuation, marks printed in their fullwidth forms and specks read as full stops
        (see :mod:`.spacing`), function words read as their capitals (:mod:`.miscased`), the pound's "lb" read as
        "Ib", its sign as an f, a nought as O and a figure's second digit as the letter of its shape (:mod:`.units`)."""
        found = [(*match.span(1), replacement, "a space lost after punctuation between two words")
                 for match, replacement in lost_spaces(text, self._lexicon.folded_zipf)]
        found += [(*match.span(), replacement,
                   "a space lost after a function word before a capitalised word or a number")
                  for match, replacement in glued_function_words(text)]
        found += [(start, end, replacement, "a space lost between a figure and a word")
                  for start, end, replacement in glued_figures(text, self._lexicon.folded_zipf)]
        found += [(start, end, replacement, "spaces lost after initials before a name")
                  for start, end, replacement in glued_initials(text)]
        found += [(*match.span(), replacement, "a fullwidth form (of Chinese or Japanese type) for an ASCII mark")
                  for match, replacement in fullwidth_marks(text)]
        found += self._stray_stops(text)
        found += [(*match.span(), ".", "a full stop read as a comma before a word that opens a sentence")
                  for match in misread_commas(text)]
        found += [(*match.span(2), point, "a mark misread after a person's title")
                  for match, point in misread_title_marks(text)]
        found += [(*match.span(), match.group().lower(), "a lower-case function word read as its capital")
                  for match in miscased_function_words(text)]
        found += [(*match.span(), "l",
                   "the l of the pound's abbreviation \"lb\" read as a capital I or a 1 after a number or \"per\"")
                  for match in misread_pounds(text)]
        found += [(*match.span(), "1", "the 1 of one shilling read as a letter before the pence of a sum")
                  for match in misread_shillings(text)]
        found += [(*match.span(), "£", "the pound sign read as an f before a sum, in a text that sets sterling")
                  for match in misread_pound_signs(text)]
        found += [(*match.span(), "0", "a nought read as a capital O in a sum of shillings and pence")
                  for match in misread_noughts(text)]
        found += [(*match.span(), NUMBER_LETTERS[match.group()],
                   "a figure's 1 or 0 read as the letter of its shape before a share or a unit")
                  for match in misread_figure_digits(text)]
        found += [(start, start, "£", "a pound sign lost before a sum of pounds, shillings and pence")
                  for start in lost_pound_signs(text)]
        return sorted((self.edit(text, start, end, replacement, confidence=PATTERN_CONFIDENCE, reason=reason)
                       for start, end, replacement, reason in found), key=lambda e: e.start)

    def _stray_stops(self, text: str, at: list[int] | None = None) -> list[tuple[int, int, str, str]]:
        """(start, end, replacement, reason) of each full stop or mark between two words of one sentence: a comma
        misread as a stop (:func:`.spacing.stray_stops`) or a speck (:func:`.spacing.stray_marks`); ``at``: the
        only offsets (sorted) looked at, default all."""
        found = [(*match.span(), comma, "a comma read as a full stop before a word that opens a clause" if comma
                  else "a speck read as a full stop between two words of one sentence")
                 for match, comma in stray_stops(text, self._lexicon, at)]
        return found + [(*match.span(), "", "a speck read as a mark after a word no sentence ends with")
                        for match in stray_marks(text, at)]

    def _own_readings(self, tokens: Tokens, edits: list[Edit]) -> list[Edit]:
        """Misprints the document's own repeats show, in words no edit touches: real-word errors by its repeated word
        pairs (:mod:`.ownpairs`), capitalised words by the names it prints again and again (:mod:`.ownnames`).

        >>> text = "by their polls were forty, by their polls fifty, by their polls sixty, by their rolls ten"
        >>> [(e.original, e.replacement) for e in Dictionary()._own_readings(Tokens(text), [])]
        [('rolls', 'polls')]
        >>> text = "Dear Mr Ingleby, as Mr Ingleby knows, Mr Ingieby said"
        >>> [(e.original, e.replacement) for e in Dictionary()._own_readings(Tokens(text), [])]
        [('Ingieby', 'Ingleby')]
        """
        found = [(start, end, reading,
                  f"real-word error: the text prints \"{reading}\" with this neighbour again and again")
                 for start, end, reading in own_pair_misreadings(tokens, self)]
        found += [(start, end, reading, f"a name the text prints as \"{reading}\" elsewhere, again and again")
                  for start, end, reading in own_name_misreadings(
                      tokens, lambda word: self._lexicon.folded_zipf(word) < NAME_ZIPF,
                      lambda word, printed: self._channel(word, printed)[1])]
        spans = sorted((edit.start, edit.end) for edit in edits)
        read = []
        for start, end, reading, reason in found:
            if not overlaps(spans, start - 1, end + 1):
                read.append(self.edit(tokens.text, start, end, reading, confidence=PATTERN_CONFIDENCE, reason=reason))
                bisect.insort(spans, (start, end))
        return read

    def _stops_beside_repairs(self, text: str, edits: list[Edit]) -> list[Edit]:
        """The stops and marks of :meth:`_stray_stops` found again in the text as the pass repaired it, beside a
        word it repaired: the first look saw the word misread ("the bui ding. including the chimney", "ye ine. sum")
        and so could not tell a clause word's comma or a speck. Only where the repaired word touches the mark or
        stands one space after it: the first look judged the others. So too an opening quotation mark glued before a
        word the pass repaired whole ("the Regional “cun7il" read "council"), which nothing closes: a speck.

        >>> [(e.original, e.replacement) for e in Dictionary().propose("to the fabric of the bui ding. including it")]
        [('bui ding', 'building'), ('.', ',')]
        """
        edits = sorted(edits, key=operator.attrgetter("start"))
        repaired, spans = apply_edits(text, edits), _repaired_spans(edits)
        # the offsets of a mark touching a repaired word, or one space before it; only those where a mark and a space
        # stand, as every match of the stops' patterns starts (most repairs have none beside them)
        beside = sorted(offset for offset in {end for _, end in spans} | {start - 2 for start, _ in spans if start >= 2}
                        if repaired[offset:offset + 2] in MARK_THEN_SPACE)
        found = [found for found in self._stray_stops(repaired, beside) if not overlaps(spans, found[0], found[1])]
        found += [(start - 1, start, "",
                   f"a speck read as \"{repaired[start - 1]}\" before a word no quotation mark closes")
                  for start, end in spans if _stray_quote_before(repaired, start, end)]
        return before_edits(text, [self.edit(repaired, start, end, replacement, reason=reason,
                                             confidence=PATTERN_CONFIDENCE)
                                   for start, end, replacement, reason in found], edits)

    # -- one word -----------------------------------------------------------------------
    def _variant(self, word: str, vocabulary: Vocabulary, confusions: DocumentConfusions | None = None) -> bool:
        """Is the unknown ``word`` near a listed word the document uses more often (TICCL's insight: the
        rarer of two near spellings in one text is the variant, "uatabase" beside "database"), or a clear
        misprint: a word CLEAR_MISPRINT_GAP commoner that the error model, without context, already rates
        a likelier reading than an unknown word? An engine that misreads a letter in one word mostly does
        so wherever the word stands ("wbicb" for "which" all page long), so the document's repeats of
        such a string are no evidence for it. With the document's own ``confusions`` (:mod:`.adapt`), the error
        model rates a misreading at the rate the document's repairs show ("Goverumeut" twice on a page whose
        repairs read u as n again and again)."""
        count = vocabulary.count(word)
        clear = word.isalpha()
        for prior, candidate in self._candidates(word, 0.0, False)[:MAX_CANDIDATES]:
            if vocabulary.count(candidate) > count:
                return True
            if clear and prior - UNKNOWN_ZIPF >= CLEAR_MISPRINT_GAP:
                channel, attested = self._channel(candidate, word)
                if confusions is not None:
                    channel += self._own_confusion(confusions, candidate, word)
                if attested and prior + channel > UNKNOWN_ZIPF:
                    return True
        return False

    def _cached_kind(self, core: str, raw: str, word: str) -> tuple:
        """:meth:`_kind_of`, once per token."""
        kind = self._kinds.get(raw)
        if kind is None:
            kind = remember(self._kinds, raw, self._kind_of(core, raw, word))
        return kind

    def _kind_of(self, core: str, raw: str, word: str) -> tuple:
        """What the word part ``core`` (folded: ``word``) of the token ``raw`` is, wherever it stands (see
        :meth:`_classify`).

        >>> fix = Dictionary()
        >>> fix._kind_of("exlude", "exlude", "exlude"), fix._kind_of("CPSU", "CPSU,", "cpsu")
        (('word', 'exlude', 0.0), ('skip',))
        >>> fix._kind_of("aIl", "aIl", "ail")
        ('pattern', 'all', 'capital "I" read for "l" inside a lower-case word')
        """
        if len(core) > MAX_WORD_LENGTH:
            return ("skip",)  # no word, nor a few run together: a line of noise (its splits would cost n²)
        number = None if core.isalpha() else repair_number(core)  # a number needs digits
        if number is not None:
            return ("pattern", number, "letters read for digits in a number")
        if word in self.protected:
            return ("skip",)
        # a token that is a word of a-z alone, most tokens, has nothing of protect.py's to read or protect
        plain = raw == core and len(core) > 1 and core.isascii() and core.isalpha() and core.islower()
        marked = None if plain else self._marked_kind(core)
        if marked is not None:
            return marked
        zipf = self._lexicon.folded_zipf(word)
        if zipf >= TRUSTED_ZIPF and not (self.split_merge and self._listed_run_together(word)) \
                or not plain and protected_reason(raw, core, self._is_word):
            return ("skip",)  # a common word is taken as written: asked first, as most words are
        return ("word", word, zipf)

    def _marked_kind(self, core: str) -> tuple | None:
        """The kind of a word part with a capital, a digit or a letter outside a-z that reads as another word: a capital
        I for l, a capital inside a common word, a 0 or 1 for a letter of its shape (see :meth:`_classify`); or None."""
        lettered = repair_capital_i(core, self._lexicon.folded_zipf)
        if lettered is not None:
            return ("pattern", lettered, "capital \"I\" read for \"l\" inside a lower-case word")
        cased = repair_inner_capital(core, self._lexicon.folded_zipf)
        if cased is not None:
            return ("case", cased)
        capitals = repair_inner_small(core, self._lexicon.folded_zipf)
        if capitals is not None:
            return ("pattern", capitals, "a small letter printed inside a word in capitals")
        shapes = () if core.isalpha() else shape_readings(core, self._is_common) or digit_and(
            core, lambda word, printed: self._channel(word, printed)[1])
        return ("shape", shapes) if shapes else None

    def _is_common(self, word: str) -> bool:
        """Is ``word`` common (the, of, his, out)? A short token that only a rarer word reads ("a1": "al", "1a": "la")
        is more likely a label or code than that word misread."""
        return self._lexicon.folded_zipf(word) >= COMMON_WORD_ZIPF

    def _is_word(self, part: str) -> bool:
        return self._lexicon.zipf(part, combine=False) >= COMPOUND_PART_ZIPF

    def _gated(self, word: str, zipf: float) -> tuple[bool, bool]:
        """(run together, gated) for the folded ``word`` of Zipf ``zipf``: is it listed only as the misprint of a word
        pair (:meth:`_listed_run_together`), and does it give way only to a far commoner word, under the rules of
        :meth:`_admissible`? A listed word does, unless listed as run together ("ofthe"); one that is a closed-class
        word with the article glued on ("ina", "fora") still does: it is read as its two words or as printed, as no
        misprint of another word ("fora" is not "form").

        >>> d = Dictionary()
        >>> d._gated("ofthe", 3.3), d._gated("ina", 3.2), d._gated("china", 4.9)
        ((True, False), (True, True), (False, True))
        """
        run_together = bool(zipf) and self.split_merge and self._listed_run_together(word)
        return run_together, bool(zipf) and (not run_together or glued_article(word))

    def _listed_run_together(self, word: str) -> bool:
        """Is this listed word as rare as a misprint of a word pair ("ofthe" 3.3 vs "of the" 6.5)?"""
        return word in self._run_togethers

    def _fragment(self, tokens: Tokens, j: int) -> int:
        """Is token j (not repaired) a lower-case piece of a word? See :meth:`_piece`."""
        return 0 if j in tokens.repaired or j in tokens.taken else self._piece(tokens.cores[j], tokens.folded[j])

    def _piece(self, core: str, word: str) -> int:
        """Is ``core`` (folded: ``word``) a lower-case piece of a word? 2: surely (unknown, or one or two
        letters that are no common word), 1: perhaps (a rare word), 0: no."""
        if not (core.isalpha() and core.islower()):
            return 0
        zipf = self._lexicon.folded_zipf(word)
        if zipf == 0.0 or (len(core) <= 2 and zipf < FRAGMENT_ZIPF):
            return 2
        return 1 if zipf < RARE_PIECE_ZIPF else 0

    def _glue_pairs(self, tokens: Tokens, i: int, zipf: float) -> list[tuple[int, int, int]]:
        """The neighbours that token ``i`` (of Zipf ``zipf``) may form one split word with, as (first
        token, last token, 2 if the neighbour surely is a piece of a word else 1): an unknown word beside
        a piece ("c nversation"), or an unknown or rare word beside another word that is no common one
        ("restr ctions", "dis ussion"), one space apart. Kept per (token, Zipf) in ``tokens.glue_pairs``: asked again
        later in the pass, where only a neighbour repaired since (``tokens.repaired`` only grows) is no piece now."""
        if zipf >= PIECE_ZIPF:
            return []
        pairs = tokens.glue_pairs.get((i, zipf))
        if pairs is not None:
            return [pair for pair in pairs if pair[0 if pair[1] == i else 1] not in tokens.repaired] if pairs else pairs
        pairs = tokens.glue_pairs[i, zipf] = []
        cores, spaced = tokens.cores, tokens.spaced
        for first, last, j in ((i - 1, i, i - 1), (i, i + 1, i + 1)):
            if first < 0 or last >= len(cores) or not spaced[first] \
                    or len(cores[first]) <= 2 and cores[first].islower() and tokens.starts[first] > tokens.raw_starts[first]:
                continue  # one or two small letters after a mark ("_e ngine", "‟ot he_r") end a word whose head is lost
            if j in tokens.repaired or j in tokens.taken:
                continue  # no piece as printed (see _fragment)
            core = cores[j]
            sure = self._piece(core, tokens.folded[j])
            if not sure and zipf < RARE_PIECE_ZIPF and self._lexicon.folded_zipf(tokens.folded[j]) < TRUSTED_ZIPF \
                    and core.isalpha() and (core.islower() or j == first and core[1:].islower()):
                sure = 1  # the other side of a rare or unknown word, no common word itself ("dis ussion")
            if not sure and zipf == 0.0 and j == first and len(core) == 1 and core.isupper() \
                    and core not in WORD_CAPITALS:
                sure = 2  # a capital no word is alone, before an unknown word: its first letter ("C mmittee")
            if sure and (zipf < RARE_PIECE_ZIPF or len(core) <= 2 or sure == 2):
                pairs.append((first, last, sure))
        return pairs

    def _glue(self, tokens: Tokens, i: int, zipf: float) -> tuple | None:
        """A word split by the OCR, a letter perhaps lost or misread: the repair of token ``i`` and a neighbour (see
        :meth:`_glue_pairs`) as one word (first token, last token, replacement, confidence, reason),
        () if none is clear but a piece surely is there, None otherwise.

        The joined reading must beat both the others of the joined string and the two tokens as
        printed, each with its own frequency and the word pairs around it."""
        pieces = self._glue_pairs(tokens, i, zipf)
        lex = self._lexicon
        for first, last, sure in pieces:
            a, b = tokens.folded[first], tokens.folded[last]
            joined = a + b
            z_joined = lex.folded_zipf(joined)
            if z_joined < JOIN_MIN_ZIPF:
                z_joined = 0.0  # a rare listed join is a common misspelling ("responsiblity"), not a word
                if not self._candidates(joined, 0.0, False):
                    continue  # no word near the join: nothing to glue
            prev, nxt = tokens.context(first, -1), tokens.context(last, +1)
            printed = a + " " + b  # the channel sees where the space is: "s ould" is "should", not "would"
            readings = {reading: score - self._channel(reading, joined)[0] + self._channel(reading, printed)[0]
                        for reading, score in self._readings(joined, z_joined, prev, nxt, as_one=True).items()}
            apart = [self._apart(prev, a, b, nxt)] if sure < 2 or zipf else []
            best, confidence = best_reading(readings, apart)
            if (best != joined or z_joined) and (len(best) >= MIN_GLUED or best == joined and z_joined >= TRUSTED_ZIPF
                                                 and not self._among_pieces(tokens, first, last)) \
                    and confidence >= self.min_confidence \
                    and both_pieces_count(best, a, b):
                original = tokens.cores[first] + " " + tokens.cores[last]
                misread = "" if best == joined else ", with a misread letter"
                return (first, last, with_case(tokens.cores[first], best), round(confidence, 3),
                        f"\"{original}\": a word split by the OCR{misread}; \"{best}\" is meant")
        # an unknown word beside a sure piece (a short one before it) is half a word: not repaired alone
        return () if not zipf and self._beside_sure_piece(tokens, i, pieces) else None

    def _among_pieces(self, tokens: Tokens, first: int, last: int) -> bool:
        """Is a token one space before ``first`` or after ``last`` a piece of a word too (:meth:`_fragment`)? Then
        the two are not the whole word ("b t een": "between", not "b teen")."""
        return (first > 0 and tokens.spaced[first - 1] and bool(self._fragment(tokens, first - 1))
                or last + 1 < len(tokens.cores) and tokens.spaced[last] and bool(self._fragment(tokens, last + 1)))

    @staticmethod
    def _beside_sure_piece(tokens: Tokens, i: int, pieces: list[tuple[int, int, int]]) -> bool:
        """Of the ``pieces`` (of :meth:`_glue_pairs`) beside token ``i``: is a short one surely a piece before it, or
        one surely a piece after it? Then token i is half a word (see :meth:`_glue`)."""
        return any(sure == 2 and (last > i or len(tokens.cores[first]) <= 2) for first, last, sure in pieces)

    def _unknown_alone(self, tokens: Tokens, i: int, kinds: dict[str, tuple]) -> bool:
        """Is token ``i`` an unknown word of letters the pass left alone that the document's own confusions may
        read (:meth:`_in_own_reading`): longer than SHORT_WORD, whole (no unread glyph "_" against it, no short
        piece or rare or unknown lower-case word beside it: "sc curiny" is the rest of "scrutiny", "Te churen o"
        of "The children of")?"""
        kind, core = kinds[tokens.cores[i]], tokens.cores[i]
        if not (kind[0] == "word" and not kind[2] and core.isalpha() and len(core) > SHORT_WORD):
            return False
        text, start, end = tokens.text, tokens.starts[i], tokens.ends[i]
        if text[start - 1:start] == "_" or text[end:end + 1] == "_" or self._rare_neighbour(tokens, i):
            return False
        return not any(0 <= j < len(tokens.cores) and len(tokens.cores[j]) <= 2
                       and self._lexicon.folded_zipf(tokens.folded[j]) < COMMON_WORD_ZIPF for j in (i - 1, i + 1))

    def _half_word_edit(self, tokens: Tokens, i: int, kind: tuple, repairs: dict[tuple, tuple[str, float, str] | None],
                        edits: list[Edit]) -> Edit | None:
        """The edit of the unknown token ``i`` that :meth:`_glue` took for half a split word, read after the pass
        as a whole word (its neighbours' repairs made first): in a garbled page every other neighbour is an
        unknown string, so nearly every word there counts as half of one. Whole is a string whose repair reads each
        of its letters as letters by confusions the error model attests, none lost ("sinall gecen" -> "small gecen",
        "Freneh" -> "French", "I uave iyself" -> "have", "*he uarbour" -> "the harbour"; a short string too: its
        repair stands on its own confidence), after a short piece too: there the piece is mostly a short word misread
        ("to e Velcomed" -> "to e welcomed", "n Appondix"; corpus and held-out B-K: 32 right, 1 wrong). Half stays a string that only a lost letter or an unattested confusion makes a word ("investmen qzt",
        "vious y": the letter may be in the piece, or the string the end of "previous"; "sc curiny"); but one letter
        lost is read so on a page whose confident ``edits`` show it loses letters as a habit (:mod:`.adapt`: "in he
        loclity bu" -> "locality", "the  ommerciel juatificat" -> "commercial"): there a lost letter is the page's
        own slip, likelier than a word's piece split off beside a garbled neighbour."""
        repair = self._repair_token(tokens, i, kind, repairs)
        if repair is None or not self._channel(fold(repair[0]), kind[1])[1]:
            return None
        lost = [intended for intended, printed in blocks(fold(repair[0]), kind[1]) if not printed]
        if lost and (len(lost) > 1 or len(lost[0]) > 1):
            return None
        if lost and tokens.loses_letters is None:  # the pass's repairs, asked once for the page's half words
            tokens.loses_letters = loses_letters(word_repairs(edits))
        if lost and not tokens.loses_letters:
            return None
        return self._word_edit(tokens, i, kind, repairs, set())

    def _splits_in_two(self, word: str) -> list[tuple[str, str, float, float]]:
        """The two words ``word``'s letters may be split into (see :func:`ocrfix.lexicon.splittable`), as (left,
        right, Zipf of left, Zipf of right), at each cut in turn. Kept per word, whatever its context: a word is
        asked about again in other places and passes (2,176 distinct of 2,682 asks on the corpus OCR, each a
        lexicon lookup per cut). Callers only read the list."""
        found = self._splits.get(word)
        if found is None:
            zipfs = self._lexicon.folded_zipfs
            prefixes = [word[:cut] for cut in range(1, len(word))]
            lefts = [(left, z_left) for left, z_left in zip(prefixes, zipfs(prefixes)) if splittable(left, z_left)]
            rights = [word[len(left):] for left, _ in lefts]  # looked up only after a left part that may be a word
            found = remember(self._splits, word, [(left, right, z_left, z_right) for (left, z_left), right, z_right
                                                  in zip(lefts, rights, zipfs(rights)) if splittable(right, z_right)])
        return found

    def _lost_letter_splits(self, word: str) -> list[tuple[str, str, float, float]]:
        """The two words the unknown ``word`` may be with the space between them lost together with the second
        word's first letter, one of them a closed-class word (GLUE_WORDS) and the two a listed pair, as (left, right,
        Zipf of left, Zipf of right): "theaith" the faith, "inheir" in their, "sensef" sense of, "intohe" into the.
        A word's first letter is the one print and engines lose most (a lost first letter alone: "he" for "the").

        >>> [(left, right) for left, right, _, _ in Dictionary()._lost_letter_splits("sensef")]
        [('sense', 'of')]
        """
        found = self._lost_splits.get(word)
        if found is None:
            pairs = []
            for size in GLUE_SIZES:
                if word[:size] in GLUE_WORDS and len(word) - size >= LOST_LETTER_REST:
                    pairs += [(word[:size], right) for right, _ in self._edge_forms(word[size:], False)]
                pairs += [(word[:1 - size], glue) for glue in GLUE_TAILS.get(word[1 - size:], ())
                          if not word.endswith(glue)]
            zipfs = self._lexicon.folded_zipf
            found = remember(self._lost_splits, word, [
                (left, right, zipfs(left), zipfs(right)) for left, right in dict.fromkeys(pairs)
                if left and splittable(left, zipfs(left)) and splittable(right, zipfs(right))
                and self._pair(left, right)])
        return found

    def _glued_odds(self, left: str, right: str) -> float:
        """GLUE_ODDS if ``left right`` is a listed word pair of which one is a GLUE_WORDS word, else 0; and
        GLUED_ARTICLE_ODDS more for the article "a" after an ARTICLE_HOSTS word.

        >>> d = Dictionary()
        >>> d._glued_odds("of", "glory"), d._glued_odds("test", "suite"), d._glued_odds("in", "a")
        (1.0, 0.0, 2.0)
        """
        if right == "a" and left in ARTICLE_HOSTS and self._pair(left, right):
            return GLUE_ODDS + GLUED_ARTICLE_ODDS
        if (left in GLUE_WORDS or right in GLUE_WORDS) and self._pair(left, right):
            return GLUE_ODDS
        return 0.0

    def _apart(self, prev: str | None, a: str, b: str, nxt: str | None) -> float:
        """log10 score of the words ``a b`` read as printed, two words, in their context."""
        z_a, z_b = self._lexicon.folded_zipf(a), self._lexicon.folded_zipf(b)
        return (self._context(prev, a, z_a or UNKNOWN_ZIPF, None) + self._next_prob(a, z_a, b, z_b or UNKNOWN_ZIPF)
                + self._next_prob(b, z_b, nxt) + self._channel(a, a)[0] + self._channel(b, b)[0])

    def _mark_edit(self, tokens: Tokens, i: int, lost: tuple[str, float, str, int]) -> Edit:
        """The edit putting back token ``i``'s ``lost`` edge letter (:meth:`_lost_edge_letter`'s reading) where its
        mark stood; the token is repaired."""
        replacement, confidence, reason, mark_at = lost
        tokens.repaired[i] = fold(replacement)
        start, end = min(mark_at, tokens.starts[i]), max(mark_at + 1, tokens.ends[i])
        return self.edit(tokens.text, start, end, replacement, reason=reason, confidence=confidence)

    def _lost_first_letter(self, tokens: Tokens, i: int, replacement: str, mark_at: int) -> None:
        """Where token ``i``, a listed lower-case word, was read with the mark before it (at ``mark_at``) as its lost
        first letter ("“pon" -> "upon"), the engine is one that prints that word without its first letter: kept as
        one of the page's misprints (``tokens.misprinted``, ``tokens.misread_words``), as a real-word repair's reading
        is, for the re-reading of the word printed bare (:meth:`_in_own_confusions`: "will think pon us" -> "upon").
        Not one of the commonest words (FUNCTION_WORD_ZIPF: "he", "we"), which the writer prints bare far more often
        than the engine does ("then he and his sons" beside "“he" for "the")."""
        core = tokens.cores[i]
        if mark_at < tokens.starts[i] and tokens.text[mark_at] not in ELISIONS and fold(replacement)[1:] == core \
                and is_lower_alpha_word(core) and 0.0 < self._lexicon.folded_zipf(core) < FUNCTION_WORD_ZIPF:
            tokens.misread_words.append((core, replacement))
            tokens.misprinted.add(core)

    def _lost_edge_letter(self, tokens: Tokens, i: int, last: bool,
                          marks_read: bool = False) -> tuple[str, float, str, int] | None:
        """Token ``i`` is a lower-case word beside a mark that engines print for a letter ("“he",
        "+he", "th~", or a symbol the token starts with: "~ater"); the word with that letter put back, if
        clearly meant, as (replacement, confidence, reason, offset of the mark).

        Readings: the word with each letter before it (``last``: after it) that makes a listed word
        ("the", "she"), or the word as printed with a stray mark; both pay the error model's price for
        the mark (a misread letter, or an inserted mark) and are judged with the word pairs around them. Before the
        word, two letters the error model has seen printed as the mark rival them (:meth:`_two_letters`: "“om" is
        "from"); where no one letter makes a word, they are the only readings, of a listed word as of an unknown one.
        The confidence is that of the mark being a letter (the readings that put one back, together): where
        two letters fit ("‘n these": in, on), either is as near the truth as the mark. An apostrophe before a
        contraction's ending ("Council 's") is a clitic split off, and a word beside a likely piece of a word
        (:meth:`_rare_neighbour`: "‘ir ies" for "Libraries") may be one itself: there the best reading's own
        confidence counts.
        A quotation mark that a closing one follows in the paragraph is a real quotation: left alone; an opening one
        that none follows, before a word in common use that the letters put back do not rival, is a speck
        (STRAY_QUOTES): the replacement is then "" for the mark alone, and the word is read as any other.
        A hyphen opening the token ("-f") or punctuation closing it (CLOSING_LETTER_MARKS: "ha:") is mostly the
        text's own: a letter only where the reading fits the neighbours (:meth:`_dash_fits`, :meth:`_closing_fits`),
        or, for the hyphen, where the document's other marks were read as first letters (``marks_read``).
        An unknown word may be misread inside as well: its repairs that put no letter at the mark rival the others.
        """
        core, text = tokens.cores[i], tokens.text
        mark_at = tokens.ends[i] if last else tokens.starts[i] - 1
        if not last and core[:1] in LETTER_MARKS:  # a symbol kept in the word part as its misread letter ("~ater")
            if len(core) < 3 and core[0] not in WORN_LETTER_MARKS:
                return None  # a symbol before one letter is a key or a name ("^d", "*r"), not a word
            mark_at, core = tokens.starts[i], core[1:]
        mark = text[mark_at]
        dash = not last and mark == "-" and mark_at == tokens.raw_starts[i]  # not "--f"
        stop = not last and marks_read and mark in MARKS_BEFORE and mark_at == tokens.raw_starts[i]  # ".o", ":ate"
        closing = last and mark in CLOSING_LETTER_MARKS and tokens.closes_before_lower(i)
        digit = not last and _word_between_words(tokens, i)  # "them ‘1 the wilderness": "in" misread whole
        if mark not in (LAST_LETTER_MARKS if last else LETTER_MARKS) and not (dash or closing or stop) \
                or not (core.isalpha() and core.islower() or digit or not last and self._marked_capital(tokens, i)) \
                or not last and quoted(text, mark_at) \
                or wrapped(text, tokens.starts[i] if last else mark_at + 1, tokens.ends[i]) \
                or text[mark_at - 1:mark_at] == "\\":  # an escaped mark is meant literally ("\_s" in a vim pattern)
            return None
        word = fold(core)
        lex = self._lexicon
        prev, nxt = tokens.outer_context(i, -1), tokens.outer_context(i, +1)
        # after a word no sentence or clause ends with ("an? the future": and) a mark is no mark of its own; a stop,
        # colon or semicolon there is read as a speck (stray_marks)
        closing = closing and not (word in UNENDING_WORDS and mark not in UNENDED_MARKS)
        if closing and self._own_closing(word, nxt):
            return None  # asked before any reading is scored: most stops before a lower-case word are the text's
        # letters lost before a capitalised word leave its next letter printed as a capital, which an engine does
        # mostly where both cases are one shape (CASE_SHAPE_LETTERS): where they differ, two common words run together
        # are the likelier reading ("‘Ata Vestry": At a, not Data); the mark and the capital read as one letter stay
        unlike = self._capital_unlike_small(core) and self._runs_two_common_words(word)
        listed = [] if digit or unlike else self._edge_forms(word, last)
        pair = not listed and not lex.folded_zipf(word)  # no letter makes a word of it: the mark may stand for two
        edge = last or dash or stop or closing
        two = [] if edge or unlike else self._pair_forms(word, mark)  # "“om": from, not mom; "‘tervals": intervals
        # the mark and the first letter read as one ("‘vere": were), where the mark makes no common word as two
        # letters ("“ve": five) and the word as printed is no common one ("the “rst person to “take": a speck)
        merged = [] if edge or len(word) < 2 and not digit or any(zipf >= PAIR_RIVAL_ZIPF for _, zipf in two) \
            or lex.folded_zipf(word) >= COMMON_WORD_ZIPF else self._merged_forms(word, mark)
        if not listed and not merged and (edge or len(word) < 2) or pair and not two and not merged:
            return None
        if pair:
            listed, two = two, []
        # the mark is no letter of the word: the error model's one alignment is the mark put in, or a letter read as it
        one_run = partial(self.model.one_run_log_prob, observed=mark, unchanged=len(word))
        # a reading the document uses elsewhere is likelier (CACHE_WEIGHT), unless it is as rare as the text's own
        # misprints are ("vou" for "you" all page long), or a last letter: code names end in "_" ("table_")
        cache = None if last else tokens.vocabulary
        own, *contexts = self._contexts(prev, [(word, lex.folded_zipf(word) or UNKNOWN_ZIPF, None)] + [
            (candidate, zipf, cache if zipf >= PIECE_ZIPF else None) for candidate, zipf in listed + two + merged], nxt)
        readings = {word: own + one_run("") + (MARKS_READ_ODDS if marks_read and mark in LETTER_MARKS else 0.0)}
        for (candidate, _), context in zip(listed, contexts):
            readings[candidate] = context + one_run(candidate[-1] if last else candidate[:1 + pair])
        for (candidate, _), context in zip(merged, contexts[len(listed) + len(two):]):
            run = len(candidate) - len(word) + 1  # the letters read as the mark and the first character
            readings[candidate] = context + self.model.one_run_log_prob(candidate[:run], mark + word[0], len(word) - 1)
        rivals = {candidate: context + one_run(candidate[:2])
                  for (candidate, _), context in zip(two, contexts[len(listed):])}
        # the mark is surely a letter if the word as printed is unlikely, though which letter may be in doubt ("‘n
        # these": in or on): any letter for it is as near the truth as the mark, the likeliest nearer
        # (a wrong pair of letters is farther from the truth than the mark: there the best reading's own confidence)
        surely = not (pair or mark in "'’" and word in CLITICS or self._rare_neighbour(tokens, i))
        two_letters = self._two_letters(word, readings, rivals, prev, nxt)
        if two_letters:
            readings, surely = readings | rivals, False
        best, confidence = two_letters or self._mark_confidence(readings, word, surely)
        if best != word and confidence >= self.min_confidence and not lex.folded_zipf(word):
            # an unknown word may be misread inside as well: its repairs that put no letter at the mark rival
            # those that do, paying for the mark as a stray one (scored only where they may decide: they cost)
            stray = readings[word] - self._context(prev, word, UNKNOWN_ZIPF, nxt) - self._channel(word, word)[0]
            others = [score + stray for reading, score in self._readings(word, 0.0, prev, nxt, as_one=True).items()
                      if reading not in readings]
            confidence = self._mark_confidence(readings, word, surely, others)[1]
        if best == word and mark in STRAY_QUOTES and not last and core.islower() and lex.folded_zipf(word) >= STRAY_QUOTE_ZIPF \
                and (listed or mark not in ELISIONS or word not in ELIDED_WORDS):  # "‘twas": the writer's elision
            alone = best_reading(readings)[1]  # the word as printed, against the letters put back
            if alone >= self.min_confidence:
                return "", round(alone, 3), f"a speck read as \"{mark}\" before a word no quotation mark closes", mark_at
        if best == word or confidence < self.min_confidence or dash and not self._dash_fits(prev, word, best, nxt, marks_read) \
                or closing and not self._closing_fits(word, best, nxt):
            return None
        if tokens.may_open_sentence(i) or tokens.capitalised_only(best) \
                or not last and best in CAPITALISED_DATE_WORDS:  # "of 'srael" in a text of "Israel", "on ‘hursday"
            best = best[0].upper() + best[1:]
        if core[:1].isupper():  # "‘Vilson": Wilson, "“ORTH": NORTH
            best = best.upper() if core.isupper() else best[0].upper() + best[1:]
        place = "last letter" if last else "first two letters" if two_letters else "first letter"
        printed = mark + word[0] if any(fold(best) == form for form, _ in merged) else mark
        return best, round(confidence, 3), f"\"{printed}\" misread for the {place} of \"{best}\"", mark_at

    @staticmethod
    def _capital_unlike_small(core: str) -> bool:
        """Is ``core`` capitalised, not in capitals, with a first letter whose capital and small forms differ in shape
        (CASE_SHAPE_LETTERS: c o s v w x z)? A letter put before it makes a word with a capital second letter.

        >>> [Dictionary._capital_unlike_small(core) for core in ("Ata", "Ould", "EAL")]
        [True, False, False]
        """
        return core[:1].isupper() and not core.isupper() and core[0].lower() not in CASE_SHAPE_LETTERS

    def _runs_two_common_words(self, word: str) -> bool:
        """Does ``word`` split into two words in common use (COMMON_WORD_ZIPF each), a space lost between them?

        >>> d = Dictionary()
        >>> d._runs_two_common_words("ata"), d._runs_two_common_words("lain")
        (True, False)
        """
        return any(min(z_left, z_right) >= COMMON_WORD_ZIPF for _, _, z_left, z_right in self._splits_in_two(word))

    @staticmethod
    def _marked_capital(tokens: Tokens, i: int) -> bool:
        """Is token ``i`` a word capitalised or in capitals (:func:`.tokens.is_marked_capital_word`) whose mark before
        it may be its first letter? Tesseract prints a W's left stroke as a quotation mark ("Arnold and ‘Vilson
        bowled", "From ‘Vick we crossed") and loses the first capital of a word in capitals ("or "EAL value") as it
        does a lower-case word's. Not a name after a person's title, with its point or without ("Mrs ‘Lan").

        >>> Dictionary._marked_capital(Tokens("Arnold and ‘Vilson bowled"), 2), Dictionary._marked_capital(Tokens("Mrs ‘Lane"), 1)
        (True, False)
        """
        return is_marked_capital_word(tokens.cores[i]) and not (i and fold(tokens.cores[i - 1]) in PERSON_TITLES)

    def _two_letters(self, word: str, readings: dict[str, float], rivals: dict[str, float], prev: str | None,
                     nxt: str | None) -> tuple[str, float] | None:
        """The best of ``rivals``, readings of a mark before ``word`` as two letters, where it beats every one of
        ``readings`` (the word as printed and with one letter put back) and forms a listed pair with a neighbour, with
        its confidence against them all: "“om the" is "from", "“ngers" "fingers" though "mom", "angers" are words. A
        wrong pair of letters is farther from the truth than the mark was: the reading's own confidence, with no
        neighbour to back it no reading ("Corpany's “ese Wa:"), nor where it beats the best reading with one letter put
        back by less than TWO_LETTER_ODDS (that one is then read as before: "“very “ne cver" is no clear "fine").

        >>> fix = Dictionary()
        >>> best, confidence = fix._two_letters("om", {"om": -9.0, "mom": -8.0}, {"from": -5.0}, "went", "the")
        >>> best, round(confidence, 3), fix._two_letters("om", {"om": -9.0, "mom": -8.0}, {"from": -5.0}, "xqzv", None)
        ('from', 0.999, None)
        >>> fix._two_letters("ne", {"ne": -17.8, "une": -15.8, "one": -17.3}, {"fine": -14.4}, "very", "over") is None
        True
        """
        if not rivals:
            return None
        best, confidence = best_reading(readings | rivals)
        bigram = self._lexicon.folded_bigram
        one_letter = [score for reading, score in readings.items() if reading != word]
        if best not in rivals or one_letter and rivals[best] - max(one_letter) < TWO_LETTER_ODDS \
                or not (prev and bigram(prev, best) or nxt and bigram(best, nxt)):
            return None
        return best, confidence

    @staticmethod
    def _mark_confidence(readings: dict[str, float], word: str, surely: bool,
                         others: Sequence[float] = ()) -> tuple[str, float]:
        """The best of a marked ``word``'s ``readings`` and its confidence against them and the ``others`` (scores of
        readings that put no letter at the mark); ``surely``: the confidence that the mark is a letter at all, that
        of every reading but the word as printed and the others together.

        >>> Dictionary._mark_confidence({"he": -3.0, "the": -2.0, "she": -2.1}, "he", True)[1] > 0.9
        True
        """
        best, confidence = best_reading(readings, others)
        if surely:
            confidence = 1.0 - confidence * (10.0 ** (readings[word] - readings[best])
                                             + sum([10.0 ** (score - readings[best]) for score in others]))
        return best, confidence

    def _dash_fits(self, prev: str | None, word: str, reading: str, nxt: str | None,
                   marks_read: bool = False) -> bool:
        """May a hyphen before ``word`` be its misread first letter, read as ``reading``? Before a word a hyphen is
        mostly an option ("use -f to"), a dash or a minus: only where the reading follows the word before more
        often than it follows any word, and the word after follows it so too, or says nothing (unknown, or a
        word the bigram list seldom puts second, :attr:`Lexicon.seldom_second`: "son -f Israel"). Before a string of
        three letters or more rarer than PIECE_ZIPF ("-alue", "-gainst", "-ven") it is a letter wherever the
        reading is a word in common use (DASHED_READING_ZIPF): options are named by commoner words or by strings
        no letter makes such a word of ("-print", "-xdev"; "-uid" would read "quid", 3.3). Before a suffix of English
        (SUFFIXES: "words in -ible", "verbs in -ize") it is never a letter. In a document where MARKS_READ other marks
        were read as first letters (``marks_read``: "“he", "~ater", "-alue") it is one wherever it is no suffix: that
        print loses first letters to marks, and the word pairs miss half of its hyphens ("the daughter -f Anah",
        "upward, -ll that").

        >>> fix = Dictionary()
        >>> fix._dash_fits("meeting", "of", "of", "the"), fix._dash_fits("use", "f", "of", "to")
        (True, False)
        >>> fix._dash_fits("the", "f", "of", "option"), fix._dash_fits("net", "alue", "value", "for")
        (False, True)
        >>> fix._dash_fits("and", "ible", "bible", "differ"), fix._dash_fits("the", "ity", "city", "nouns")
        (False, False)
        >>> fix._dash_fits("daughter", "f", "of", "anah", marks_read=True), fix._dash_fits("in", "ible", "bible", "the", True)
        (True, False)
        """
        lex = self._lexicon
        if fold(word) in SUFFIXES:
            return False
        if marks_read:
            return True
        if len(word) >= 3 and lex.folded_zipf(word) < PIECE_ZIPF and lex.folded_zipf(reading) >= DASHED_READING_ZIPF:
            return True
        if not (prev and lex.attracts(prev, reading)):
            return False
        return nxt is None or not lex.folded_zipf(nxt) or nxt in lex.seldom_second or lex.attracts(reading, nxt)

    def _closing_fits(self, word: str, reading: str, nxt: str | None) -> bool:
        """May the punctuation after ``word`` be its misread last letter, read as ``reading``? A colon, a hyphen or a
        question mark after a word is mostly its own: only where the reading is commoner than the word and, before
        the next word, forms a listed pair with it that is commoner than chance, where the word forms none ("and
        ha: never been" -> "has never"; "as follows: the", "Note: the", "with it: responsibilities" stay). After a
        word rarer than PIECE_ZIPF (a web typo's listing: "arriv", "lightin", "gla") no pair is asked for: the word
        is no word to end a clause with, and the bigram list seldom pairs the rarer readings ("arrive until").

        >>> fix = Dictionary()
        >>> fix._closing_fits("ha", "has", "never"), fix._closing_fits("note", "notes", "the")
        (True, False)
        >>> fix._closing_fits("arriv", "arrive", "until"), fix._closing_fits("hear", "heard", "the")
        (True, False)
        """
        lex = self._lexicon
        if self._own_closing(word, nxt) or lex.folded_zipf(reading) <= lex.folded_zipf(word):
            return False
        return lex.folded_zipf(word) < PIECE_ZIPF or lex.attracts(reading, nxt)

    def _own_closing(self, word: str, nxt: str | None) -> bool:
        """Is the punctuation after ``word`` surely its own, whatever letter it might be (see :meth:`_closing_fits`):
        before no listed word, or where the word pairs with the next as printed?"""
        return nxt is None or not self._lexicon.folded_zipf(nxt) or bool(self._lexicon.folded_bigram(word, nxt))

    def _repair_token(self, tokens: Tokens, i: int, kind: tuple,
                      repairs: dict[tuple, tuple[str, float, str] | None]) -> tuple[str, float, str] | None:
        if kind[0] == "pattern":
            return kind[1], PATTERN_CONFIDENCE, kind[2]
        if kind[0] == "shape":
            return self._digit_shape(tokens, i, kind[1])
        if kind[0] == "case":
            return None if self._in_capitals(tokens, i) else (
                kind[1], PATTERN_CONFIDENCE, "a capital printed inside a common lower-case word")
        core = tokens.cores[i]
        _, word, zipf = kind
        name_like = self._name_like(tokens, i)
        common_only = name_like and zipf >= NAME_ZIPF
        if common_only and not self._misread_inside(tokens, i, zipf) or name_like and tokens.after_title(i):
            return None  # a capitalised word inside a sentence is a name; after "Mr." or "Capt." beyond doubt
        if self._none_near(word, zipf, name_like):
            return None
        key = self._repair_key(tokens, i, word, name_like)
        _, prev, nxt, _, repeated = key
        if key not in repairs:
            repairs[key] = self._repair(core, word, zipf, prev, nxt, strict=name_like, repeated=repeated,
                                        document=tokens.vocabulary, unknown_prior=tokens.unknown_prior)
            if repairs[key] is None and name_like and len(core) >= MISREAD_NAME_LENGTH and core.isalpha():
                loose = self._repair(core, word, zipf, prev, nxt, repeated=repeated, document=tokens.vocabulary,
                                     unknown_prior=tokens.unknown_prior)
                if loose is not None and letters_for_letters(word, loose[0]):
                    repairs[key] = loose  # a long misread word, not a name (see MISREAD_NAME_LENGTH)
            if repairs[key] is None and not zipf:
                repairs[key] = self._compound_part(core, prev, nxt, tokens.vocabulary, tokens.unknown_prior)
        repair = repairs[key]
        if common_only and repair is not None and (
                self._lexicon.zipf(repair[0]) < FUNCTION_WORD_ZIPF
                or zipf >= PIECE_ZIPF and not self._capital_misread(word, fold(repair[0]), prev, nxt)):
            return None  # a commoner capitalised word is read only as one of the commonest words: see _misread_inside
        if repair is not None and (drops_edge(word, repair[0]) or drops_digits(word, repair[0])
                                   or drops_letters(word, repair[0]) and (name_like or self._rare_neighbour(tokens, i))):
            # letters dropped from a word's edge ("toa": "to a", "athe": "at the"), from a name, or from
            # a piece of a split word ("elsew ere"); a digit dropped from inside a word ("how5ever")
            return None
        if repair is not None and core[:1] == "i" and PRONOUN_I.fullmatch(repair[0]):
            # English prints the pronoun I as a capital, and the repair keeps the printed case: a lower-case
            # i is the misread start of another word ("i'he" for "The"), not "i've"
            return None
        return repair

    def _none_near(self, word: str, zipf: float, name_like: bool) -> bool:
        """Is ``word`` (of Zipf ``zipf``) a listed word held to far commoner readings (see :meth:`_readings`), with none
        near it in the candidate batch? Then no reading replaces it as a word (:meth:`_repair_token`)."""
        return bool(zipf) and (name_like or not (self.split_merge and self._listed_run_together(word))) \
            and self._lookups.get(self._lookup_key(word, zipf, True)) == []

    def _compound_part(self, core: str, prev: str | None, nxt: str | None, document: Vocabulary,
                       unknown_prior: float) -> tuple[str, float, str] | None:
        """The hyphenated compound ``core`` with its one unknown part read as a word between its neighbours, the
        compound's other parts or the token's (``prev``, ``nxt``): a compound is looked up whole, and the lexicon
        lists few ("half-past" printed "nalf-past", "father-in-law" printed "iather-in-law"). Only a lower-case
        part of letters the ``document`` prints nowhere else, beside parts that are words (COMPOUND_PART_ZIPF), read
        letter for letter as a word (:func:`.letters_for_letters`).

        >>> [(edit.original, edit.replacement) for edit in Dictionary().propose("It struck nalf-past four.")]
        [('nalf-past', 'half-past')]
        """
        compound = self._misread_part(core)
        if compound is None or document.count(compound[0][compound[1]]):
            return None
        parts, k = compound
        part = parts[k]
        before = fold(parts[k - 1]) if k else prev
        after = fold(parts[k + 1]) if k + 1 < len(parts) else nxt
        repair = self._repair(part, fold(part), 0.0, before, after, repeated=False, document=document,
                              unknown_prior=unknown_prior)
        if repair is None or not repair[0].isalpha() or not letters_for_letters(part, repair[0]):
            return None  # letters lost or added: a typist's slip in a name or term ("symblic"), not the engine's
        start = sum(len(piece) + 1 for piece in parts[:k])
        return (core[:start] + repair[0] + core[start + len(part):], repair[1],
                f"unknown part of a compound; OCR misreading of \"{repair[0]}\"")

    def _misread_part(self, core: str) -> tuple[list[str], int] | None:
        """The parts of the hyphenated ``core`` and the number of the one :meth:`_compound_part` may read, if any:
        the only part that is no word, a lower-case string of letters the lexicon lacks, beside no part of one
        letter, nor of two but a common word (FRAGMENT_ZIPF: "in", "to").

        >>> Dictionary()._misread_part("iather-in-law"), Dictionary()._misread_part("Jean-Lue")
        ((['iather', 'in', 'law'], 0), None)
        >>> Dictionary()._misread_part("d-spatched") is None
        True
        """
        if core.isalpha():
            return None  # letters alone, no hyphen: most words, told without the pattern
        # split at the joiners of a compound's parts ("half-past"; the Unicode hyphens too) by str methods: a split by
        # the regex module costs several times more
        parts = core.replace("‐", "-").replace("‑", "-").split("-")
        zipf = self._lexicon.folded_zipf
        if len(parts) < 2 or any(len(part) < 2 or len(part) == 2 and zipf(fold(part)) < FRAGMENT_ZIPF
                                 for part in parts):
            return None  # a letter or two beside a hyphen: letters read as one ("d-spatched", "fficu-ty"), no compound
        unknown = [k for k, part in enumerate(parts) if not self._is_word(part)]
        if len(unknown) != 1:
            return None
        part = parts[unknown[0]]
        if not (part.isalpha() and part.islower()) or zipf(fold(part)):
            return None
        return parts, unknown[0]

    def _repair_key(self, tokens: Tokens, i: int, word: str, name_like: bool) -> tuple:
        """The memo key of the repair of token ``i`` (its folded ``word``): what :meth:`_repair` reads of the
        token, so a word in the same place is repaired once: the printed core, the word before, the listed word
        after, whether it stands as a name, whether the document prints it again."""
        return (tokens.cores[i], tokens.neighbour(i, -1), self._known(tokens.neighbour(i, +1)), name_like,
                tokens.vocabulary.folded_count(word) > 1)

    def _digit_shape(self, tokens: Tokens, i: int, readings: tuple[str, ...]) -> tuple[str, float, str] | None:
        """Token ``i``, a short word with a 0 or 1 for a letter of its shape, read as one of its ``readings``
        (:func:`.protect.shape_readings`) that forms a listed word pair with a neighbour, if its posterior against
        the other readings and the token as an unknown string reaches ``min_confidence``. A unit or label
        ("1m", "3b") pairs with no neighbour as a word.

        >>> fix = Dictionary()
        >>> [fix._digit_shape(Tokens(text), 1, readings)[0] for text, readings in (("saw 1t in", ("it",)),
        ...  ("sat 0n the", ("on",)))]
        ['it', 'on']
        >>> fix._digit_shape(Tokens("was 1m wide"), 1, ("im",)) is None
        True
        """
        if readings == ("and",) and not self._conjunction_fits(tokens, i):
            return None
        prev, nxt, printed = self._known(tokens.neighbour(i, -1)), self._known(tokens.neighbour(i, +1)), tokens.folded[i]
        scores = {reading: self._context(prev, reading, self._lexicon.folded_zipf(reading), nxt)
                  + self._channel(reading, printed)[0] for reading in readings}
        fitting = {reading: score for reading, score in scores.items() if self._attested(prev, reading, nxt)}
        if not fitting:
            return None
        as_printed = self._context(prev, printed, UNKNOWN_ZIPF - NOISY_PENALTY, nxt)
        best, confidence = best_reading(fitting, [as_printed, *(score for reading, score in scores.items()
                                                                if reading not in fitting)])
        if confidence < self.min_confidence:
            return None
        return best, confidence, "a digit printed for the letter of its shape"

    @staticmethod
    def _conjunction_fits(tokens: Tokens, i: int) -> bool:
        """May token ``i``, "and" printed with a digit for its "a" (:func:`.protect.digit_and`), be read as the
        conjunction? Only before a lower-case word on its line; and where it reads as an ordinal too ("2nd"),
        only right after a spelled number, which no ordinal follows ("twenty 2nd five", "four 2nd sixpence"):
        a comma before it is no test ("first, 2nd class").

        >>> [Dictionary._conjunction_fits(Tokens(text), 1) for text in ("Belmont 7nd the", "twenty 2nd five",
        ...  "the 2nd of", "finished 2nd in", "first, 2nd class", "two, 2nd rate", "B 7nd 12")]
        [True, True, False, False, False, False, False]
        """
        j = i + 1
        if j == len(tokens.cores) or not tokens.linked[i] or not is_lower_alpha_word(tokens.cores[j]):
            return False
        core = tokens.cores[i]
        return ordinal(core[0], core[1:]) is None or i > 0 and tokens.linked[i - 1] \
            and tokens.folded[i - 1] in SPELLED_NUMBERS

    @staticmethod
    def _capital_first(tokens: Tokens, i: int, word: str) -> bool:
        """Token i is repaired to ``word`` (lower-case) by a new first letter, whose case the printed
        word cannot show: is it a capital? Yes after a word that ends a sentence ("faster. ihe" -> "The"), at a
        paragraph's start (:meth:`Tokens.opens_paragraph`) or after a numbered paragraph's number ("19. rhe children"
        -> "The"), for a month's or a weekday's name (CAPITALISED_DATE_WORDS: "flood of rebruary" -> "February"),
        or where the document writes the word capitalised only ("uthority's" in a letter from "the
        Authority" and "the Authority's"). A stray mark after noise ("de: ctive") ends no sentence.

        >>> Dictionary._capital_first(Tokens("the uthority of the Authority, Authority's"), 1, "authority")
        True
        """
        return tokens.word_stop_before(i) or tokens.opens_paragraph(i) or tokens.item_number_before(i) \
            or word in CAPITALISED_DATE_WORDS or tokens.capitalised_only(word)

    @staticmethod
    def _misread_capital(tokens: Tokens, i: int, word: str) -> bool:
        """Token i, printed with a capital first, is repaired to ``word`` with another letter there: is that letter
        lower-case? The capital printed was itself the misreading (the capital I and the small l are one upright
        stroke; "Lonvenient", "Bhould" in a worn or odd face), so it says nothing of the word's case, and inside a
        sentence a word is mostly in lower case: lower-case, unless the text prints the word capitalised there and
        never in lower case ("to Iondon" beside "in London" -> "London"), or English prints it capitalised: a
        month's or a day's name (CAPITALISED_DATE_WORDS: "Cctober"). Where a sentence may open, or a capitalised word
        follows one space on (a title's or a name's words: "District Ceneral Manager"), the capital stays, but for
        the small words a title prints in lower case (TITLE_SMALL_WORDS: "sold by Ghe Westgate Mills"). (The words
        the lower-case pair list seldom puts second, :attr:`.Lexicon.seldom_second`, are no such list: names and
        "European", but "whereas", "typhoid", "innings" as well.)

        >>> misread = Dictionary._misread_capital
        >>> [misread(Tokens(text), 1, "Little") for text in ("a Iittle dog", "so. Iittle dogs")]
        [True, False]
        >>> misread(Tokens("to Iondon from London"), 1, "London")
        False
        >>> misread(Tokens("was Lonvenient for"), 1, "Convenient")
        True
        >>> misread(Tokens("sold by Ghe Westgate Mills"), 2, "The")
        True
        >>> misread(Tokens("between Cctober and"), 1, "October"), misread(Tokens("District Ceneral Manager"), 1, "General")
        (False, False)
        """
        first, folded, cores = tokens.cores[i][:1], fold(word), tokens.cores
        return (first.isupper() and word[:1].isupper() and fold(word[:1]) != fold(first) and word[1:].islower()
                and not tokens.may_open_sentence(i)
                and not (i + 1 < len(cores) and tokens.spaced[i] and cores[i + 1][:1].isupper()
                         and cores[i + 1][1:].islower() and folded not in TITLE_SMALL_WORDS)
                and folded not in CAPITALISED_DATE_WORDS and not capitalised_mid_line_only(tokens.text, folded))

    @staticmethod
    def _in_capitals(tokens: Tokens, i: int) -> bool:
        """Is token i beside a word in capitals (a heading's, "FEATURES oF SQLITE")? There a word with one capital
        inside is a capital word whose letters of lower-case shape were misread, not a lower-case one.

        >>> [Dictionary._in_capitals(Tokens(text), 1) for text in ("FEATURES oF SQLITE", "end oF the day", "A oF b")]
        [True, False, False]
        """
        return any(0 <= j < len(tokens.cores) and len(tokens.cores[j]) > 1 and tokens.cores[j].isupper()
                   for j in (i - 1, i + 1))

    @staticmethod
    def _name_like(tokens: Tokens, i: int) -> bool:
        """Is token i capitalised inside a sentence, as names are?"""
        core = tokens.cores[i]
        return core[0].isupper() and not tokens.may_open_sentence(i) and not is_noisy(core)

    @staticmethod
    def _misread_inside(tokens: Tokens, i: int, zipf: float) -> bool:
        """May token i, a listed word capitalised inside a sentence (:meth:`_name_like`), be one of the commonest
        words misread (FUNCTION_WORD_ZIPF: "in Ehe afternoon", "that Che loan")? Their misprints are rare words
        and no name is among them; where it stands between a lower-case word, one space before it (no mark: a
        sentence may end there), and a lower-case word or a number after it: a name mostly stands beside another
        capitalised word ("Che Guevara"). Its repair is then held to the commonest words. A word as common as a
        whole one (PIECE_ZIPF: "on Che corresponding", Zipf 3.5) is more often a name or an abbreviation ("met Nat
        and", "the moon Io was", "of Hc was"): only from FIRST_LETTER_WORD letters, and its repair only where the
        printed capital alone was the misreading (:meth:`_capital_misread`)."""
        cores = tokens.cores
        if i == 0 or i + 1 >= len(cores) or zipf >= PIECE_ZIPF and len(cores[i]) < FIRST_LETTER_WORD:
            return False
        before, after = cores[i - 1], cores[i + 1]
        return before.isalpha() and before.islower() and tokens.raws[i - 1] == before and tokens.spaced[i - 1] \
            and after[:1].isalnum() and not after[:1].isupper()

    def _capital_misread(self, word: str, reading: str, prev: str | None, nxt: str | None) -> bool:
        """May ``word``, a listed word as common as a whole one (PIECE_ZIPF) capitalised inside a sentence, be
        ``reading``, one of the commonest words, with the capital the one misread letter? Only where the reading
        differs in the first letter alone (the capital: "Che" for "the"; not "Tat", "Nat" for "that") and is drawn
        by a neighbour (:meth:`.Lexicon.attracts`: "on Che corresponding", "that Che loan"; not "told Vas that").

        >>> fix = Dictionary()
        >>> fix._capital_misread("che", "the", "that", "loan"), fix._capital_misread("vas", "was", "told", "that")
        (True, False)
        >>> fix._capital_misread("nat", "that", "in", "the")
        False
        """
        attracts = self._lexicon.attracts
        return first_letter_misread(reading, word) and (prev is not None and attracts(prev, reading)
                                                         or nxt is not None and attracts(reading, nxt))

    def _rare_neighbour(self, tokens: Tokens, i: int) -> bool:
        """Is a neighbour, one space away, a rare lower-case word or an unknown one (a likely piece)?"""
        for j, gap in ((i - 1, i - 1), (i + 1, i)):
            if 0 <= j < len(tokens.cores) and j not in tokens.repaired and tokens.spaced[gap]:
                core = tokens.cores[j]
                if core.isalpha() and core.islower() and self._lexicon.folded_zipf(tokens.folded[j]) < PIECE_ZIPF:
                    return True
        return False

    def _repair(self, core: str, word: str, zipf: float, prev: str | None, nxt: str | None, *,
                strict: bool = False, repeated: bool = True, document: Vocabulary | None = None,
                unknown_prior: float = UNKNOWN_ZIPF) -> tuple[str, float, str] | None:
        """The repair of one word in its context; ``strict``: only by a common word, as for listed words."""
        if zipf and self._attested(prev, word, nxt):
            return None  # a listed word in a listed word pair is where it belongs
        if not zipf and not strict and self.split_merge:
            chained = self._chain(core, word, prev, nxt)
            if chained is not None:
                return chained
        kept_out: list[tuple[float, str]] = []
        readings = self._readings(word, zipf, prev, nxt, strict=strict, repeated=repeated, document=document,
                                  unknown_prior=unknown_prior, kept_out=kept_out)
        if not zipf and not strict and not repeated and self._long_misread(core, word, readings):
            readings[word] -= LONG_MISREAD_ODDS
        best, confidence = best_reading(readings)
        if best != word and confidence >= self.min_confidence and zipf:
            # a listed word's misreadings fitting both neighbours rivals it too, even those too close to it in
            # frequency for the lookup to fetch ("will bo a": "to" fetched, "be" not): see _rivals
            kept_out += [(self._lexicon.folded_zipf(candidate), candidate)
                         for candidate in self._fitting(word, prev, nxt) if candidate not in readings]
        if best != word and confidence >= self.min_confidence and zipf and not any(added_edge_letters(word, best)):
            best, confidence = best_reading(readings, self._lost_edge_rival(word, readings, prev, nxt))
        if best != word and confidence >= self.min_confidence and kept_out:
            best, confidence = best_reading(readings, self._rivals(word, self._channel(best, word)[0], kept_out, prev, nxt))
        if best == word or confidence < self.min_confidence:
            return None
        kind = "unknown word" if zipf == 0.0 else f"rare word (Zipf {zipf:.1f})"
        return with_case(core, best), round(confidence, 3), f"{kind}; OCR misreading of \"{best}\""

    def _long_misread(self, core: str, word: str, readings: dict[str, float]) -> bool:
        """Is the unknown ``word`` (printed ``core``) a long lower-case string whose best other reading is one word
        that reads its letters as other letters by confusions the error model knows (see LONG_MISREAD_ODDS)?

        >>> d = Dictionary()
        >>> d._long_misread("ciearances", "ciearances", {"ciearances": -12.7, "clearances": -11.9})
        True
        >>> d._long_misread("subclassed", "subclassed", {"subclassed": -12.0, "subclasses": -11.0})
        False
        """
        if len(word) < LONG_MISREAD_LENGTH or not core.islower() or not core.isascii() or len(readings) < 2:
            return False
        reading = max((score, reading) for reading, score in readings.items() if reading != word)[1]
        return " " not in reading and letters_for_letters(word, reading) and self._channel(reading, word)[1]

    def _chain(self, core: str, word: str, prev: str | None, nxt: str | None) -> tuple[str, float, str] | None:
        """The unknown ``word`` read as three or more words run together (see :mod:`.chains`), if one chain
        is clearly meant: against the others (of two words too) and against the word as printed, a word the
        lexicon lacks.

        A chain pays the error model's odds of each lost space; the word as printed, the share of words
        clean prose has that no lexicon lists (CLEAN_UNKNOWN_SHARE) times the odds of its letters under
        a character model of English words (:mod:`ocrfix.charlm`): a long unknown word is rarer
        than a short one, and one made of unlikely letter sequences rarer still.

        >>> Dictionary()._chain("thesekindsofproblems", "thesekindsofproblems", "of", "in")[:2]
        ('these kinds of problems', 1.0)
        >>> Dictionary()._chain("ligamentous", "ligamentous", "the", "tissue") is None  # "liga men to us"
        True
        """
        lex = self._lexicon
        prev = self._known(prev)
        readings = {}
        for score, pieces in chains(word, lex.folded_zipfs, lex.folded_bigram, self._next_prob):
            first, last = pieces[0], pieces[-1]
            z_first, z_last = lex.folded_zipf(first), lex.folded_zipf(last)
            if prev:
                score += self._next_prob(prev, lex.folded_zipf(prev), first, z_first) - (z_first - 9.0)
            readings[" ".join(pieces)] = (score + self._next_prob(last, z_last, nxt)
                                          + (len(pieces) - 1) * self.model.merge_log_prob)
        if not readings:
            return None
        spelled = -charlm.load().bits(word) * (len(word) + 1) * math.log10(2.0)
        readings[word] = math.log10(CLEAN_UNKNOWN_SHARE) + spelled + BACKOFF + self._next_prob(word, 0.0, nxt)
        best, confidence = best_reading(readings)
        if best == word or best.count(" ") < 2 or confidence < self.min_confidence:
            return None  # two words are the noisy channel's split to weigh (see _readings)
        return with_case(core, best), round(confidence, 3), f"words run together by the OCR; \"{best}\" is meant"

    def _known(self, neighbour: str | None) -> str | None:
        """``neighbour`` (folded) if the lexicon lists it, else None: an unknown neighbour is no context (it
        is likely misread itself)."""
        return neighbour if neighbour and self._zipf(neighbour, 0.0) else None  # folded_zipf: ~29k calls a pass

    def _readings(self, word: str, zipf: float, prev: str | None, nxt: str | None, *,
                  strict: bool = False, repeated: bool = True, document: Vocabulary | None = None,
                  unknown_prior: float = UNKNOWN_ZIPF, kept_out: list[tuple[float, str]] | None = None,
                  as_one: bool = False, lost_space_odds: float = 0.0) -> dict[str, float]:
        """Readings of the printed ``word`` with their log10 scores; the word itself included. With the
        ``document``'s words, a reading it uses elsewhere is likelier (see CACHE_WEIGHT). The first
        MAX_CANDIDATES near words the gate (:meth:`_admissible`) keeps out go to ``kept_out`` as (Zipf, word):
        see :meth:`_rivals`. ``as_one``: the readings as one word only (its splits in two are not scored);
        ``lost_space_odds``: log10 odds its splits in two get beyond the error model's lost space."""
        model = self.model
        prev = self._known(prev)
        run_together, gated = self._gated(word, zipf)
        gated = gated or strict
        candidates = []
        for prior, candidate in self._candidates(word, zipf, gated):
            if not gated or self._admissible(word, zipf, candidate, prior, prev, nxt, repeated, document):
                channel, attested = self._channel(candidate, word)
                candidates.append((prior - 9.0 + channel, candidate, prior, channel, attested))
            elif kept_out is not None and len(kept_out) < MAX_CANDIDATES:
                kept_out.append((prior, candidate))
        # a name (``strict``) the lexicon lacks is read as two words only where one is a closed-class word ("the Bookof
        # Kings"): names are not made of those (see _glued_odds)
        glued_only = gated and strict and not zipf
        splits = self.split_merge and (not gated or glued_only or run_together) and len(word) >= 3 \
            and word.replace("'", "").isalpha()
        if not candidates and not splits:
            return {word: 0.0}
        if not zipf or run_together:
            # unknown, or listed only as the misprint of a word pair ("ofthe"); a short string keeps the
            # plain prior in a garbled text too: it is as likely a piece of a longer word (see SHORT_WORD)
            own_prior = unknown_prior if len(word) > SHORT_WORD else UNKNOWN_ZIPF
            if is_noisy(word):
                own_prior -= NOISY_PENALTY
        elif any(prior - zipf >= CLEAR_MISPRINT_GAP or attested and counted_from_misprints(zipf, prior, channel)
                 for _, _, prior, channel, attested in candidates):
            # as rare as a misprint of a listed word is ("tne" 2.0, "irom" 1.9), or as its misprints make it
            # ("aud" 3.2): no bonus
            own_prior = zipf
        else:
            own_prior = zipf + KNOWN_WORD_BONUS
        as_printed = self._channel(word, word)[0]
        candidates.sort(reverse=True)
        top = candidates[:MAX_CANDIDATES]
        # its repeats: see _classify, _admissible
        own, *contexts = self._contexts(prev, [(word, own_prior, None)] + [
            (candidate, prior, document if attested else None) for _, candidate, prior, _, attested in top], nxt)
        scores = {word: own + as_printed}
        noise = FURTHER_SLIP_SHARE * (UNKNOWN_ZIPF - unknown_prior) if not zipf else 0.0  # see FURTHER_SLIP_SHARE
        for (_, candidate, _, channel, attested), context in zip(top, contexts):
            if noise and attested:
                channel += noise * further_slips(candidate, word)
            scores[candidate] = context + channel
        if splits and not as_one:
            for left, right, z_left, z_right in self._splits_in_two(word):
                glued = self._glued_odds(left, right)
                if glued or not glued_only:
                    scores[f"{left} {right}"] = (
                        self._context(prev, left, z_left, None) + self._next_prob(left, z_left, right, z_right)
                        + self._next_prob(right, z_right, nxt) + model.merge_log_prob + as_printed + glued
                        + lost_space_odds)
            for left, right, z_left, z_right in self._lost_letter_splits(word) if not gated else ():
                reading = f"{left} {right}"
                if reading not in scores:
                    scores[reading] = (
                        self._context(prev, left, z_left, None) + self._next_prob(left, z_left, right, z_right)
                        + self._next_prob(right, z_right, nxt) + model.merge_log_prob + LETTER_WITH_SPACE
                        + as_printed + GLUE_ODDS)
        return scores

    def _rivals(self, word: str, above: float, kept_out: list[tuple[float, str]], prev: str | None,
                nxt: str | None) -> list[float]:
        """The scores of the near words (Zipf, word) the gate kept out for want of context, which the reading
        it admits (error-model score ``above``) must also beat: the gate says which reading context lets us
        choose, not which the printer may have meant ("thir": "this" admitted, "their" and "third" as likely).

        Counted are the known misreadings the error model rates likelier than the admitted one: a confusion
        at the model's floor (a prior pair, seldom seen in training) says only that it happens, not how
        often, and counting every such reading would turn common repairs away ("tbe": "be" as near as "the").
        """
        prev = self._known(prev)
        scores = []
        for prior, candidate in kept_out:
            channel, attested = self._channel(candidate, word)
            if attested and channel > above:
                scores.append(self._context(prev, candidate, prior, nxt) + channel)
        return scores

    def _lost_edge_rival(self, word: str, readings: dict[str, float], prev: str | None,
                         nxt: str | None) -> list[float]:
        """The score of the likeliest listed word that is the listed ``word`` with a lost first or last letter
        put back, as a rival of a repair that does not put one back itself ("Zattu, ine hundred": "nine", not
        "the"): the gate of :meth:`_admissible` fetches only far commoner words, so these are never read, though
        print losing a word's edge is among the likeliest misreadings. One rival, the likeliest: which letter
        was lost is in doubt, and the many rare words one letter longer ("ail": bail, dail, fail, ...) must not
        add up; for a repair that puts a letter back ("the eed of": need, or feed) it is in doubt too.

        >>> d = Dictionary()
        >>> d._repair("ine", "ine", 2.9, "zattu", "hundred") is None
        True
        """
        forms = [(form, zipf, channel) for form, zipf in self._edge_forms(word, False) + self._edge_forms(word, True)
                 if form not in readings for channel, attested in [self._channel(form, word)] if attested]
        contexts = self._contexts(self._known(prev), [(form, zipf, None) for form, zipf, _ in forms], nxt)
        return [max(context + channel for (_, _, channel), context in zip(forms, contexts))] if forms else []

    def _edge_forms(self, word: str, last: bool) -> list[tuple[str, float]]:
        """The listed words (Zipf >= MIN_CANDIDATE_ZIPF) that are the folded ``word`` with one letter put before it
        (``last``: after it), as (form, Zipf), in the alphabet's order. Kept per word and side, whatever the context:
        the same word beside a mark, or as a rival, is asked about again (~950 distinct of 1,650 asks on the corpus
        OCR, 26 lexicon lookups each). Callers only read the list.

        >>> forms = dict(Dictionary()._edge_forms("he", False)); "the" in forms and "she" in forms
        True
        """
        found = self._edges.get((word, last))
        if found is None:
            forms = [word + letter if last else letter + word for letter in string.ascii_lowercase]
            found = remember(self._edges, (word, last), self._listed_forms(forms))
        return found

    def _pair_forms(self, word: str, mark: str) -> list[tuple[str, float]]:
        """The listed words (Zipf >= MIN_CANDIDATE_ZIPF) that are the folded ``word`` with two letters put before it
        that the error model has seen printed as ``mark`` (attested: "fi" as "“", "in" as "‘"), as (form, Zipf).

        >>> dict(Dictionary()._pair_forms("tervals", "‘"))
        {'intervals': 3.69}
        """
        return self._listed_forms([letters + word for letters in letter_runs(self.model, mark, 2)])

    def _merged_forms(self, word: str, mark: str) -> list[tuple[str, float]]:
        """The listed words (Zipf >= MIN_CANDIDATE_ZIPF) that are the folded ``word`` with the ``mark`` before it and
        its first letter read as one letter the error model has seen printed so: Tesseract prints the left stroke of
        a "w" as a quotation mark ("the remaining two ‘vere dismissed", "~vall"), and "vere", a name, is listed. A
        digit after the mark may be a whole short word's two letters ("numbered them ‘1 the wilderness": "in").

        >>> dict(Dictionary()._merged_forms("vere", "‘")), "in" in dict(Dictionary()._merged_forms("1", "‘"))
        ({'were': 6.34}, True)
        """
        printed, lengths = mark + word[0], (1, 2) if word.isdigit() else (1,)
        return self._listed_forms([letters + word[1:] for length in lengths
                                   for letters in letter_runs(self.model, printed, length)])

    def _listed_forms(self, forms: list[str]) -> list[tuple[str, float]]:
        """The ``forms`` (folded) the lexicon lists at Zipf MIN_CANDIDATE_ZIPF or more, as (form, Zipf), in order."""
        zipfs = self._lexicon.folded_zipfs(forms)
        return [(form, zipf) for form, zipf in zip(forms, zipfs) if zipf >= MIN_CANDIDATE_ZIPF]

    def _classify(self, tokens: Tokens, vocabulary: Vocabulary) -> dict[str, tuple]:
        """What each distinct word part is in this document, decided by the first token it is the word part of: what
        it is wherever it stands (:meth:`_kind_of`): ("skip",), ("pattern", repaired, reason), ("case", lower-cased)
        (see :func:`.protect.repair_inner_capital`), ("shape", readings) (see :meth:`_digit_shape`) or ("word",
        folded, zipf); but ("skip", its kind as a word) for an unknown word the document uses twice, its own unless a
        variant of a word near it (:meth:`_variant`; see :meth:`_own_misprints`). The lookups of those repeated words,
        which :meth:`_variant` needs, first and in one batch.

        >>> fix, tokens = Dictionary(), Tokens("Zorbly, zorbly exlude")
        >>> fix._index = default_index()  # as a pass loads it
        >>> kinds = fix._classify(tokens, Vocabulary.from_text(tokens.text))
        >>> kinds["Zorbly"], kinds["exlude"]
        (('skip', ('word', 'zorbly', 0.0)), ('word', 'exlude', 0.0))
        """
        firsts = dict(zip(reversed(tokens.cores), reversed(tokens.raws)))  # the last value written is the first
        folds = tokens.folds
        kinds = {core: self._cached_kind(core, raw, folds[core]) for core, raw in firsts.items()}
        repeated = {core: kind for core, kind in kinds.items()
                    if kind[0] == "word" and kind[2] == 0.0 and vocabulary.folded_count(kind[1]) > 1}
        self._fetch({self._lookup_key(kind[1], 0.0, False): None for kind in repeated.values()})
        kinds.update((core, ("skip", kind)) for core, kind in repeated.items()
                     if not self._variant(kind[1], vocabulary))  # an unknown word the document uses twice is its own
        return kinds

    def _busy(self, tokens: Tokens, kinds: dict[str, tuple], paired: list[float], busy: set[int]) -> set[int]:
        """The tokens the pass must look at: those of ``busy`` (where a join or a real-word reading may be) and,
        unless a pattern repair took them, the numbers, the words a mark may have lost a letter to ("“he"),
        and the words to repair but those settled before any repair: a name (a capitalised listed word inside
        a sentence, unless it may be one of the commonest words misread: :meth:`_misread_inside`) or a listed word
        that the bigram list pairs with the word before or the listed word after (:meth:`_repair` leaves both
        alone). The pass skips the others, unless the token before them was repaired (the word before is context)."""
        cores, words, linked = tokens.cores, tokens.letter_words, tokens.linked
        listed = tokens.listed(self._lexicon.word_table)
        busy = busy | tokens.marked_edges()
        last = len(cores) - 1
        for i in compress(range(len(cores)), tokens.per_core(lambda core: kinds[core][0] != "skip")):
            if i in busy:
                continue
            kind = kinds[cores[i]]
            zipf = kind[2] if kind[0] == "word" else 0.0
            if zipf < PIECE_ZIPF or not (
                    i > 0 and linked[i - 1] and words[i - 1] is not None and paired[i - 1]
                    or i < last and linked[i] and paired[i] and listed[i + 1]
                    or zipf >= NAME_ZIPF and self._name_like(tokens, i) and not self._misread_inside(tokens, i, zipf)):
                busy.add(i)
        return busy - tokens.taken

    def _prefetch(self, tokens: Tokens, kinds: dict[str, tuple], busy: set[int]) -> None:
        """Look up the candidates the ``busy`` tokens' words will need in one batch (array work amortised)."""
        queries = {}
        for i in sorted(busy):
            kind = kinds[tokens.cores[i]]
            if kind[0] != "word":
                continue
            _, word, zipf = kind
            if not self._name_like(tokens, i):
                keys = self._reading_keys(word, zipf)
            elif zipf < NAME_ZIPF:
                keys = [self._lookup_key(word, zipf, True)]  # a capitalised word inside a sentence: strictly
                if len(tokens.cores[i]) >= MISREAD_NAME_LENGTH and tokens.cores[i].isalpha():
                    keys += self._reading_keys(word, zipf)  # and as a long misread word (see _repair_token)
            elif self._misread_inside(tokens, i, zipf):
                keys = [self._lookup_key(word, zipf, True)]  # one of the commonest words misread: see _misread_inside
            else:
                keys = []  # taken for a name
            for first, last, _ in self._glue_pairs(tokens, i, zipf):  # the joins _glue may try
                joined = tokens.folded[first] + tokens.folded[last]
                z_joined = self._lexicon.folded_zipf(joined)
                keys += self._reading_keys(joined, z_joined if z_joined >= JOIN_MIN_ZIPF else 0.0)
            core = tokens.cores[i]
            compound = None if zipf else self._misread_part(core)
            if compound is not None:  # the one misread part of a compound (see _compound_part)
                keys += self._reading_keys(fold(compound[0][compound[1]]), 0.0)
            if core[:1] in LETTER_MARKS and len(core) >= 3 and core[1:].isalpha() and core[1:].islower() \
                    and not self._lexicon.folded_zipf(fold(core[1:])):
                # a symbol for its first letter ("~ater"): _lost_edge_letter reads the unknown rest as a word too
                keys.append(self._lookup_key(fold(core[1:]), 0.0, False))
            queries.update(dict.fromkeys(keys))
        self._fetch(queries)

    def _reading_keys(self, word: str, zipf: float) -> list[tuple[str, int, float]]:
        """The lookup keys :meth:`_readings` of ``word`` (not ``strict``) asks for: its own, gated as there."""
        return [self._lookup_key(word, zipf, self._gated(word, zipf)[1])]

    def _fetch(self, keys: Iterable[tuple[str, int, float]]) -> None:
        """Look up the lookup keys (of :meth:`_lookup_key`) not yet known in the large index, in one batch."""
        queries = [key for key in keys if key not in self._lookups]
        for common in (False, True):
            batch = [key for key in queries if (key[2] >= COMMON_ZIPF) == common]
            if batch:
                for key, nearby in zip(batch, self._index_for(batch[0]).best_many(batch, PLAIN_EDIT, SHORTLIST)):
                    self._store(key, nearby)

    def _index_for(self, key: tuple[str, int, float]) -> DeleteIndex:
        """The index to look ``key`` up in: the small one of common words if only words that common qualify."""
        return common_index() if key[2] >= COMMON_ZIPF else self._index

    @staticmethod
    def _lookup_key(word: str, zipf: float, gated: bool) -> tuple[str, int, float]:
        return word, 1 if len(word) <= SHORT_WORD else 2, max(zipf, UNKNOWN_ZIPF) + CONTEXT_GAP if gated else zipf

    def _store(self, key: tuple[str, int, float], nearby: list[tuple[float, str]]) -> list[tuple[float, str]]:
        """Keep the best ``nearby`` (Zipf, word) (those of :meth:`DeleteIndex.best`) as ``key``'s candidates."""
        run_togethers = self._run_togethers
        found = [near for near in nearby if near[1] not in run_togethers][:3 * MAX_CANDIDATES]  # not "inthe"
        if key[1] == 1:  # a short word is looked up one plain edit away; "li" read for "h" is two, and so is
            ranked = [c for _, c in found]  # a confusion the error model learned ("in" read for "th": "ine")
            misprinted = common_misprints(self.model).get(key[0], ())
            glyphs = [c for c in dict.fromkeys([*glyph_readings(key[0]), *misprinted]) if c not in ranked]
            found += [(zipf, c) for zipf, c in zip(self._lexicon.folded_zipfs(glyphs), glyphs) if zipf >= key[2]]
        return remember(self._lookups, key, found)

    def _admissible(self, word: str, zipf: float, candidate: str, prior: float, prev: str | None,
                    nxt: str | None, repeated: bool, document: Vocabulary | None = None) -> bool:
        """May a listed (or name-like) ``word`` give way to ``candidate``? Only by a misreading the
        engine is known to make, and with more evidence the smaller the frequency gap: none past
        CLEAR_MISPRINT_GAP, one listed word pair past MISPRINT_GAP, listed pairs with both
        neighbours (and the word used once in the document) past CONTEXT_GAP ("at tho Town"); below
        CLEAR_MISPRINT_GAP, never where the ``document`` spells the word's stem so (:func:`own_spelling`)."""
        gap = prior - max(zipf, UNKNOWN_ZIPF)
        if gap >= CLEAR_MISPRINT_GAP:
            backed = True
        elif gap >= MISPRINT_GAP:
            backed = self._attested(prev, candidate, nxt)
        else:
            bigram = self._lexicon.folded_bigram
            backed = not repeated and bool(prev and nxt and bigram(prev, candidate) and bigram(candidate, nxt))
        if backed and gap < CLEAR_MISPRINT_GAP and document is not None:
            backed = not own_spelling(word, candidate, document, self._lexicon.folded_zipf)
        return backed and self._channel(candidate, word)[1]  # the alignment last: it costs the most

    def _candidates(self, word: str, zipf: float, gated: bool) -> list[tuple[float, str]]:
        """(Zipf, word) of the lexicon words near ``word`` that could replace it, best first, cached."""
        key = self._lookup_key(word, zipf, gated)
        found = self._lookups.get(key)
        if found is None:
            found = self._store(key, self._index_for(key).best(*key, PLAIN_EDIT, SHORTLIST))
        return found

    def _channel(self, reading: str, word: str) -> tuple[float, bool]:
        """The error model's (log10 P(``word`` printed | ``reading``), attested?), one alignment per pair; for an
        unknown ``word`` whose ``reading`` changes or puts back its first letter alone, raised
        (:func:`first_letter_odds`).

        >>> d = Dictionary()
        >>> round(d._channel("tempest", "wempest")[0] - d.model.folded_reading("tempest", "wempest")[0], 2)
        0.37
        """
        channel = self._channels.get((reading, word))
        if channel is None:
            channel = self.model.folded_reading(reading, word)
            if channel[1] and reading[0] != word[0]:  # most readings keep the first letter: asked before the call
                odds = first_letter_odds(reading, word)
                if odds and not self._lexicon.folded_zipf(word):
                    channel = (channel[0] + odds, True)
            remember(self._channels, (reading, word), channel)
        return channel

    def _attested(self, prev: str | None, word: str, nxt: str | None) -> bool:
        """Does the bigram list hold ``word`` after ``prev`` or before ``nxt``?"""
        bigram = self._pair
        return bool((prev and bigram(prev, word)) or (nxt and bigram(word, nxt)))

    def _pair(self, prev: str, word: str) -> float:
        """The bigram list's Zipf of the folded pair ``prev word``; 0.0 for two articles in a row ("a the", "the a"):
        English has no such pair to read a word into (the bigram list holds them from web typos, and a document's many
        uses of "the" make none the likelier; see :meth:`_contexts`).

        >>> Dictionary()._pair("a", "the"), Dictionary()._pair("the", "a") > 0.0
        (0.0, False)
        """
        if prev in ARTICLES and word in ARTICLES or prev not in self._firsts or word not in self._seconds:
            return 0.0  # no listed pair begins with ``prev`` or ends with ``word``: told without the pair's string
        return self._pair_zipf(f"{prev} {word}", 0.0)

    def _could_join(self, tokens: Tokens) -> set[int]:
        """Cheap test: the i where tokens i and i+1 are two words one space apart whose join is a common word."""
        folded = tokens.folded
        pairs = (tokens.alpha_words[:-1] & tokens.lower_words[1:]).tolist()
        spaced = list(compress(range(len(folded) - 1), map(operator.and_, pairs, tokens.spaced)))
        joins = self._lexicon.folded_zipfs([folded[i] + folded[i + 1] for i in spaced])
        return {i for i, zipf in zip(spaced, joins) if zipf >= JOIN_MIN_ZIPF}

    def _join(self, tokens: Tokens, i: int) -> tuple[str, float, str] | None:
        """Join tokens ``i`` and ``i + 1`` ("be come" → "become") if the joined word is clearly meant."""
        a, b = tokens.cores[i], tokens.cores[i + 1]
        if (a[0].isupper() and not tokens.may_open_sentence(i)) or not a[1:].islower() and len(a) > 1:
            return None
        fa, fb = tokens.folded[i], tokens.folded[i + 1]
        if fa in self.protected or fb in self.protected or self._begins_next(tokens, i + 1):
            return None
        lex, model = self._lexicon, self.model
        prev, nxt = tokens.context(i, -1), tokens.context(i + 1, +1)
        if self._said_twice(prev, fa, fb, nxt):
            return None
        joined = fa + fb
        z_joined = lex.folded_zipf(joined)
        z_a, z_b = lex.folded_zipf(fa), lex.folded_zipf(fb)
        keep = (self._context(prev, fa, z_a or UNKNOWN_ZIPF, None) + self._next_prob(fa, z_a, fb, z_b or UNKNOWN_ZIPF)
                + self._next_prob(fb, z_b, nxt) + model.log_prob(fa + " " + fb, fa + " " + fb))
        join = (self._context(prev, joined, z_joined, nxt) + model.split_log_prob
                + model.log_prob(joined, joined))
        if join <= keep:
            return None
        if not (self._known(prev) and self._known(nxt)) and not self._attested(prev, joined, nxt):
            # beside an unknown word or none (a garbled line, "un the se ond dey" for "on the second day"), the
            # pieces fitting nothing is no evidence: the words around fit nothing either; the joined word must
            # then pair with a neighbour
            return None
        first, second = self._misread_pair(prev, fa, fb, nxt)
        if first and not (prev and lex.folded_bigram(prev, joined)):
            return None  # "but be came too": "he came" fits as the real-word rule asks, "but became" is unlisted
        if second and not (nxt and lex.folded_bigram(joined, nxt)):
            return None  # "in ner with": "in her" fits, "inner with" is unlisted
        confidence = 1.0 / (1.0 + 10.0 ** (keep - join) + sum(10.0 ** (rival - join) for rival in first + second))
        if confidence < self.min_confidence:
            return None
        return with_case(a, joined), round(confidence, 3), f"word split by the OCR; \"{joined}\" is meant"

    def _said_twice(self, prev: str | None, a: str, b: str, nxt: str | None) -> bool:
        """Are the equal pieces ``a b`` a word the writer repeats ("Ha ha ha ha ha!", "tut tut", "bye bye"), not one
        word split into halves ("mur mur")? So when the same piece stands beside them too, or when the piece alone
        is as common as the doubled word: a half rarer than its doubling ("mur", "cous") is seldom said on its own.

        >>> d = Dictionary()
        >>> d._said_twice("ha", "ha", "ha", None), d._said_twice(None, "tut", "tut", None)
        (True, True)
        >>> d._said_twice(None, "mur", "mur", None), d._said_twice(None, "be", "come", None)
        (False, False)
        """
        if a != b:
            return False
        zipf = self._lexicon.folded_zipf
        return a in (prev, nxt) or zipf(a) >= zipf(a + b)

    def _begins_next(self, tokens: Tokens, j: int) -> bool:
        """Is token ``j`` the first piece of the split word after it: one space before a lower-case word rarer
        than PIECE_ZIPF, or none, that it joins into a commoner listed word? Then it is not the end of the word
        before ("on the se cond day": "second", not "these")."""
        k = j + 1
        if k >= len(tokens.cores) or not tokens.spaced[j] or k in tokens.repaired or k in tokens.taken \
                or not (tokens.cores[k].isalpha() and tokens.cores[k].islower()):
            return False
        zipf = self._lexicon.folded_zipf
        z_next = zipf(tokens.folded[k])
        return z_next < PIECE_ZIPF and zipf(tokens.folded[j] + tokens.folded[k]) >= max(JOIN_MIN_ZIPF, z_next)

    def _misread_pair(self, prev: str | None, a: str, b: str, nxt: str | None) -> tuple[list[float], list[float]]:
        """Scores of the third readings of the pieces ``a b`` a join competes with: two words, the first
        misread ("but be came too": "he came" or "became"), or the second ("in ner with": "in her"). Their
        readings are the words the piece is one known misreading away from that form listed pairs with both
        its neighbours (:meth:`_fitting`), each scored as the pieces kept are (word pairs x frequency), times
        the error model's odds of that misreading.

        Such a reading has the evidence the real-word rule asks (listed pairs on both sides), and the word
        bigram model alone undersells it: it pays one word more of language-model probability than the join,
        and the misreading it needs (h/b in period print) is rated at the prior's floor, as likely as the lost
        space. So :meth:`_join` joins then only if the joined word forms a listed pair with the word the two
        readings share, where they part ("but he" listed, "but became" not; "to become" listed)."""
        zipf = self._lexicon.folded_zipf
        prev, nxt = self._known(prev), self._known(nxt)
        z_a, z_b = zipf(a) or UNKNOWN_ZIPF, zipf(b) or UNKNOWN_ZIPF
        first = [self._context(prev, reading, z, None) + self._next_prob(reading, z, b, z_b)
                 + self._next_prob(b, z_b, nxt) + self._channel(reading, a)[0]
                 for reading in self._fitting(a, prev, b) for z in [zipf(reading)]]
        second = [self._context(prev, a, z_a, None) + self._next_prob(a, z_a, reading, z)
                  + self._next_prob(reading, z, nxt) + self._channel(reading, b)[0]
                  for reading in self._fitting(b, a, nxt) for z in [zipf(reading)]]
        return first, second

    # -- the language model -------------------------------------------------------------
    def _context(self, prev: str | None, word: str, zipf: float, nxt: str | None,
                 document: Vocabulary | None = None, listed: tuple[bool, bool] = (True, True)) -> float:
        """log10 P(word | prev) + log10 P(nxt | word), with ``zipf`` the word's own frequency; with a
        ``document`` (where ``word`` is a reading, not the printed word), P(word | prev) mixed with its share
        of the document's running words, as CACHE_WEIGHT says. ``listed``: whether the pair before and the pair
        after count as listed (:meth:`_next_prob`). One reading of :meth:`_contexts`."""
        return self._contexts(prev, ((word, zipf, document),), nxt, listed)[0]

    def _contexts(self, prev: str | None, readings: Iterable[tuple[str, float, Vocabulary | None]], nxt: str | None,
                  listed: tuple[bool, bool] = (True, True)) -> list[float]:
        """:meth:`_context` of each (word, zipf, document) of ``readings`` between the same ``prev`` and ``nxt``: each
        pair scored as :meth:`_next_prob` does, what the readings share (the neighbours' Zipf, the back-off to the next
        word) found once. The hottest lines of the pass (~50k readings in ~9k sets on the corpus OCR): a word's readings
        are scored in one call, the two pairs' estimates written out here rather than two :meth:`_next_prob` calls each.

        >>> d = Dictionary()
        >>> d._contexts("of", [("the", 7.7, None), ("tbe", 2.0, None)], "king") == [
        ...     d._next_prob("of", d._zipf("of"), word, zipf) + d._next_prob(word, zipf, "king")
        ...     for word, zipf in [("the", 7.7), ("tbe", 2.0)]]
        True
        """
        pair_zipf, floor, scores = self._pair_zipf, self._lexicon.bigram_floor, []
        z_prev = self._zipf(prev, 0.0) if prev else 0.0
        before, ceiling, prev_article = f"{prev} ", floor - z_prev - 1.0, prev in ARTICLES
        if nxt is not None:  # the back-off to the next word: its Zipf, unless the list seldom puts it second
            after, seldom, next_article = f" {nxt}", nxt in self._lexicon.seldom_second, nxt in ARTICLES
            backoff = (self._zipf(nxt, 0.0) or UNKNOWN_ZIPF) - 9.0 + BACKOFF
        # a pair counts only after a listed word; one is looked up only where both words stand so in some listed pair
        firsts, seconds = self._firsts, self._seconds
        pairs_before, pairs_after = z_prev and listed[0] and prev in firsts, listed[1] and nxt in seconds
        for word, zipf, document in readings:
            article = word in ARTICLES  # two articles in a row make no pair (see _pair)
            if not prev:
                score = zipf - 9.0
            elif pairs_before and word in seconds and not (prev_article and article) \
                    and (pair := pair_zipf(before + word, 0.0)):
                score = min(0.0, pair - z_prev)
            else:
                score = zipf - 9.0 + BACKOFF
                if z_prev:
                    score = min(score, ceiling)
            if document is not None and not (prev_article and article):
                excess = document.folded_count(word) / document.total - 10.0 ** (zipf - 9.0)
                if excess > 0.0:  # only the document's use beyond the language's is news ("and" is no topic word)
                    score = math.log10(10.0 ** score + CACHE_WEIGHT * excess)
            if nxt is not None:
                if zipf and pairs_after and word in firsts and not (next_article and article) \
                        and (pair := pair_zipf(word + after, 0.0)):
                    score += min(0.0, pair - zipf)
                else:
                    score += min(backoff, floor - zipf - 1.0) if zipf and not seldom else backoff
            scores.append(score)
        return scores

    def _next_prob(self, prev: str, z_prev: float, word: str | None, z_word: float | None = None,
                   listed: bool = True) -> float:
        """log10 P(word | prev) from word-bigram frequencies, backing off to the word's frequency. Without
        ``z_word``, ``word`` is the text's own next word, not a reading of a printed one: then an unlisted pair
        ending in a word the list seldom puts second (a name, "of Israel": :attr:`Lexicon.seldom_second`) is
        no evidence against ``prev``, and only the back-off counts. Not ``listed``: the pair scored as unlisted
        (its listing is misprints, :meth:`_as_printed`).

        >>> d = Dictionary(); d._next_prob("of", 7.0, "the", 7.7) > d._next_prob("of", 7.0, "tbe", 2.0)
        True
        >>> d._next_prob("of", 7.0, None), d._next_prob("of", 0.0, "the", 7.7) == 7.7 - 9.0 + BACKOFF
        (0.0, True)
        """
        if word is None:
            return 0.0
        if z_prev and listed:  # a pair counts only after a listed word
            pair = self._pair(prev, word)
            if pair:
                return min(0.0, pair - z_prev)
        if z_word is None:  # looked up only for the back-off: most pairs scored are listed
            z_word = self._zipf(word, 0.0) or UNKNOWN_ZIPF
            if word in self._lexicon.seldom_second:
                return z_word - 9.0 + BACKOFF
        estimate = z_word - 9.0 + BACKOFF
        if z_prev:
            # an unlisted pair of listed words is rarer than the list's floor
            estimate = min(estimate, self._lexicon.bigram_floor - z_prev - 1.0)
        return estimate


def _repaired_spans(edits: list[Edit]) -> list[tuple[int, int]]:
    """Each of the ``edits`` (sorted, none overlapping another)'s span in the text with them applied.

    >>> _repaired_spans([Edit(0, 3, "the", "", "", 1.0, "tbe"), Edit(4, 9, "at", "", "", 1.0, "house")])
    [(0, 3), (4, 6)]
    """
    spans, added = [], 0
    for edit in edits:
        start = edit.start + added
        added += len(edit.replacement) - (edit.end - edit.start)
        spans.append((start, edit.end + added))
    return spans


def _word_between_words(tokens: Tokens, i: int) -> bool:
    """Is token ``i`` one digit after a mark ("‘1", "*9"), nothing after it, between a word and a lower-case word: a
    short word the engine misread whole ("numbered them ‘1 the wilderness", "cease ‘9 pray"), not a number ("Plot ‘1,
    Bury", "and threescore. ‘0 The children")?

    >>> _word_between_words(Tokens("them ‘1 the wilderness"), 1), _word_between_words(Tokens("Plot ‘1, Bury"), 1)
    (True, False)
    """
    core, cores = tokens.cores[i], tokens.cores
    return (len(core) == 1 and core.isdigit() and tokens.ends[i] == tokens.raw_ends[i] and 0 < i < len(cores) - 1
            and cores[i - 1][-1:].isalpha() and cores[i + 1].isalpha() and cores[i + 1].islower())


def _stray_quote_before(text: str, start: int, end: int) -> bool:
    """Is the mark before the lower-case word ``text[start:end]`` an opening quotation mark (STRAY_QUOTES) that opens
    the token and that nothing closes (:func:`.quotes.quoted`), before a word English does not elide (ELIDED_WORDS)?

    >>> _stray_quote_before("the Regional “council and", 14, 21), _stray_quote_before("a “council” met", 3, 10)
    (True, False)
    """
    mark, word = text[start - 1:start], text[start:end]
    return bool(mark) and mark in STRAY_QUOTES and (start < 2 or text[start - 2].isspace() or text[start - 2] in "([") \
        and word.isalpha() and word.islower() and not text[end:end + 1].isalpha() and not quoted(text, start - 1) \
        and not (mark in ELISIONS and word in ELIDED_WORDS)


def clear_caches() -> None:
    """Forget what the caches shared across instances learned from the words read so far (the shipped error
    model's memo), so that a pass costs what it costs on a new document; the lexicon, the candidate indexes
    and the error model stay loaded."""
    ErrorModel.default().clear_caches()
    blocks.cache_clear()
    has_standard_ending.cache_clear()
    turned.clear_caches()
