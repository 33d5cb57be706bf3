"""The signals of OCR quality that need no ground truth, per line and per page.

Every signal is a *character mass*: how many characters of a line fall in
tokens of one kind (for the word signals ``unknown`` to ``garbage``, a word of
``n`` characters weighs ``n ** WORD_MASS_POWER``: see :func:`word_mass`). Summed over a page and divided by the page's characters it
is a rate, in the unit of CER, which the calibration (:mod:`ocrfix.quality.calibrate`)
maps to an estimated CER. The signals:

``unknown``
    letters of words in lower or mixed case that the lexicon does not know,
    that the document does not repeat, and that look like English words to the
    character model ("exlude") — near misses.
``names``
    the same for capitalised words ("Harbury", "Quenneville"): mostly names;
    also those that do not look like English when no one letter misread makes
    them a listed word ("Kabzeel", "Memucan": names of another language).
    Not those of a line that lists names (two or more, and no other word
    evidence: "And Kinah, and Dimonah, and Heshmon,"): they are ``repeated``.
``nonword``
    letters of unknown words that do not look like English ("tlnco",
    "cnuipuii", "Tne"; character model above :data:`IMPLAUSIBLE_BITS` bits/char), and
    of the commonest words' clear misprints ("tbe", :func:`clear_misprints`).
``repeated``
    the ``unknown``, ``names``, ``rare``, letter ``garbage`` and ``merged`` mass of
    words the document uses three times or more (its own vocabulary: names, terms,
    compounds and identifiers such as "read_line"), of ``names`` and ``rare``
    words it uses twice (and the others too, in a text without dense
    damage), and the names of lines that list names — weak evidence of error.
``rare``
    letters of known but rare words, weighted by how rare: ``(3 - zipf) / 3``
    for Zipf < 3 ("tbe", "tho", "waa" are rare "words" of a big lexicon). An
    elision of a known word ("ask'd", "o'er") is as common as the word.
``garbage``
    characters of tokens no text has: letters and digits mixed ("l0ve",
    "1n"; not "1st", "1970s", "SW1" or pounds with their stop, "5,000l."),
    punctuation inside a word ("th;e", "a|so"), a run of six consonants, case
    flipping inside a word ("tHe").
``symbols``
    characters of tokens without letters or digits that are not ordinary
    punctuation standing alone (dashes, "&"): "|", "^", "~", a lone ",";
    not the marks old print sets apart ("25 ; recast", "-- Holroyd's").
``odd_chars``
    characters no English typesetting uses in running text ("|", "~", "^",
    "_", "\\", "{", "}", "¢", "¬", "■", box drawing, full-width forms such as
    "，") or from another script.
``fragments``
    one- and two-letter pieces that are not common words ("ap pear", "ti"); not
    initials and abbreviations with their full stop ("J.", "Dr.", "lb.").
``merged``
    spaces lost: unknown words made of common words run together
    ("wouldnot", "ForeignandCommonwealthOffice") or joined by punctuation
    ("June.We", "COMMITTEE:REVIEW"), one less than the words they are made of;
    not at the marks that join words on purpose ("north-east", "and/or",
    "read_line", "--size=SIZE").
``stray_marks``
    words in lower case led by a quote or mark that nothing closes ("“he",
    "‘clay", "*he": a misread first letter), one each.
``recurring``
    misread words that one letter confusion the document makes in at least
    three different printed words (tokens) explains ("houfe", "fuch", "thofe": a long s read
    as f all through), one edit each, taken out of ``unknown`` and
    ``nonword`` (where a misread word stands for several edits); its weight
    is held at 1.
``broken_sentences``
    a full stop followed by a word in lower case ("their. and"; abbreviations
    and numbers with a unit excepted: "per lb. of", "52s. to"), one each
    between two words read right (a comma or a speck read as a stop),
    :data:`BROKEN_BESIDE_DAMAGE` beside a misread word ("tiat. the", "th. wh").
``short_lines``
    characters of lines of one to three characters (specks read as text).
``noise_lines``
    characters of lines that are mostly noise: fewer than half of their
    characters letters or digits, or most of their mass in the signals above.
``dense_lines``
    each line's word evidence (``unknown``, ``names``, ``nonword``,
    ``garbage``, ``symbols``, ``fragments``) times its share of the line:
    ``evidence ** 2 / characters``. Damage clusters (a smudge, a fold, a faint
    stretch), and a line dense with visible errors hides more than its visible
    ones: misread words that happen to be words, letters lost outright.
``cut_lines``
    characters missing from lines that stop short while their sentence runs
    on: a line inside a block (non-blank lines before and after it on the
    page, the next at its indentation, the one before not indented less)
    shorter than :data:`CUT_LINE_SHARE` of the page's median full line, not
    ending a sentence, clause or word (``.!?:;`` or a hyphen), whose next
    line starts in lower case with a word that would have fitted on it, and
    holding a word in lower case (a heading or an address line is short by
    design). Set
    text fills its lines up to the last line of a paragraph; an engine that
    drops words at a line's edge (a faint or curled margin, a missed text box)
    leaves such a line. It counts the characters by which the line falls short
    of the median. Pages that keep a paragraph a line (median full line over
    :data:`LONG_LINE`) have none.
``pages``
    one a page for the pages of a text of several (split at form feeds); 0 for
    a text of one page and for lines. A page has errors its length does not
    scale: a running head, a page number, a first or last line half read. Its
    weight is held at 1 on a page's own rates; on pooled rates it is fitted
    (see :data:`ocrfix.quality.calibrate.POOLED_BOUNDS`).
``confidence``
    for input with word confidences (hOCR, ALTO): characters times
    ``1 - confidence``; 0 where the input has none.

Repetition loops are measured separately (:func:`loop_spans`, the ``dedup``
strategy's detector), since they add text rather than corrupt it.

>>> table = Signals.of_text("The cat sat on tbe mat.\\nIt was a fine d@y, tlnco |")
>>> round(table.page_rates()[0]["nonword"], 2), table.page_rates()[0]["garbage"] > 0  # "tbe", "tlnco"
(0.06, True)
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain, islice, repeat

import numpy as np
import regex

from ocrfix import lexicon
from ocrfix.lexicon import CLEAR_MISPRINT_GAP, elided
from ocrfix.errormodel import ErrorModel
from ocrfix.profiles import fold_typography
from ocrfix import charlm
from ocrfix.quality import language
from ocrfix.tokenspans import FEW_TOKENS, TokenSpans, code_points

FEATURES = ("unknown", "names", "nonword", "repeated", "rare", "garbage", "symbols", "odd_chars",
            "fragments", "merged", "stray_marks", "recurring", "broken_sentences", "short_lines", "noise_lines", "dense_lines",
            "cut_lines", "pages", "confidence")
_COL = {name: index for index, name in enumerate(FEATURES)}
#: The signals of misread words, whose sum is a line's or a page's visible evidence of damage.
WORD_EVIDENCE = ("unknown", "names", "nonword", "garbage", "symbols", "fragments")
_DENSE = [_COL[name] for name in WORD_EVIDENCE]
_OTHER_EVIDENCE = [column for column in _DENSE if column != _COL["names"]]
_BAD = [_COL[name] for name in ("nonword", "garbage", "symbols", "odd_chars")]  # a line mostly of these is noise
_TOKEN_FEATURES = ("unknown", "names", "nonword", "repeated", "rare", "garbage", "symbols", "odd_chars", "fragments", "merged",
                   "stray_marks", "recurring")

#: A misread word of n characters weighs n ** WORD_MASS_POWER characters: one misread letter spoils
#: a whole word, so its length says little about its edits (most misread words hold one or two).
#: Cross-validated on the project corpus (5 folds, 220 pages, with the weight bounds of
#: calibrate.BOUNDS, garbage then >= 0.25): Spearman 0.906, MAE on pages <= 15% 1.33 points;
#: 0.7: 0.901 / 1.50 (Tesseract's books 0.937 vs 0.925 / 0.80 vs 0.81; RapidOCR's books 0.897 vs
#: 0.852 / 2.10 vs 2.80); 0.0 (a word is one unit): 0.909 / 1.37 (Tesseract's books 0.946 / 1.03).
WORD_MASS_POWER = 0.3
#: Bits per character above which an unknown word does not look like English.
IMPLAUSIBLE_BITS = 4.6
#: Units of ``broken_sentences`` for a stop beside a misread word (one between two words read right: a comma or a
#: speck read as a stop, one edit). There the stop is one more misread mark of a damaged stretch, and the word's
#: own evidence, counted over its letters, does not hold it. Cross-validated by document on the project corpus
#: (session 24; the weight stays at its bound, 2 edits a unit): MAE on pages <= 15% 1.0258 -> 1.0231 points (10
#: random deals 1.0185 -> 1.0146); held-out sets B-K Spearman / MAE 0.8272 / 1.4464 -> 0.8281 / 1.4448. 3: corpus
#: 1.0263; 2 only where the word before the stop is misread: 1.0179 but held-out 1.4470; only the word after: 1.0258.
BROKEN_BESIDE_DAMAGE = 2.0
#: An unknown word used this often in the document is taken as one of its own words.
OWN_WORD_COUNT = 3
#: The same for a capitalised unknown word (``names``) or a rare listed word (``rare``): a text names its people,
#: places and terms again, and an engine seldom misreads a word into the same such string twice. Cross-validated by
#: document on the project corpus (session 24): Spearman / MAE on pages <= 15% 0.9300 / 1.0231 -> 0.9302 / 1.0195
#: points (10 random deals 1.0146 -> 1.0140); held-out sets B-K 0.8281 / 1.4448 -> 0.8326 / 1.4242. Names alone
#: 1.0234 (held-out 1.4199), rare alone 1.0196 (held-out 1.4496).
OWN_NAME_COUNT = 2
#: Lower-case unknown words, letter garbage and run-together words printed OWN_NAME_COUNT times are the text's own
#: too, unless this share of its tokens or more carry evidence: where damage is dense the same misreading of a common
#: word recurs ("tiat", "tne"). Unknown words only, for every text: corpus 1.0363 (held-out 1.3777). Unknown words
#: under 0.1 / 0.15 / 0.2 / 0.25: corpus 1.0185 / 1.0149 / 1.0190 / 1.0259 (10 deals 1.0097 / 1.0079 / 1.0112 against
#: 1.0140 without), held-out 0.8326 / 1.4250, 0.8348 / 1.4165, 0.8347 / 1.4167, 0.8347 / 1.4130; with garbage and
#: run-together words too (0.15) 1.0145 (deals 1.0079), held-out 0.8359 / 1.4102, clean text 3.115% -> 2.768%
#: (session 24).
OWN_WORD_DAMAGE = 0.15
#: A line with this many names (capitalised unknown words) and no other word evidence lists them
#: (:func:`_listed_names`).
LISTED_NAMES = 2
#: A line shorter than this share of its page's median full line, with its sentence running on, is cut
#: (``cut_lines``). Lines of at least _FULL_LINE characters make the median, from _FULL_LINES of them on.
CUT_LINE_SHARE = 0.7
_FULL_LINE = 20
_FULL_LINES = 5
#: A line longer than this is no printed line but a paragraph or a whole text run into one (an export or a
#: dataset that keeps one line per paragraph or document): ``dense_lines`` measures it in windows of
#: LINE_WINDOW characters, the length of a line of book or typewritten text, so that damage clustered in a
#: few lines weighs as it does where the text keeps its lines.
LONG_LINE = 150
LINE_WINDOW = 65
#: Words this long or longer are tried as words run together (shorter ones: too many false splits).
_MIN_JOINED = 5
_LONGEST_WORD = 20
_RARE_ZIPF = 3.0
_FRAGMENT_ZIPF = 4.5
#: The commonest words (the, of, and, that, which ...): what an engine misreading a glyph the same way
#: all page long prints as a rare string, dozens of times ("tbe", "tlie", "wbich").
_MISPRINTED_ZIPF = 6.0
_MERGE_ZIPF = 3.5
_HYPHENS = "-¬\u00ad"
_STRAY = "“‘\"'`*°«„^~"
_CLOSERS = "”’\"'»"
_CLOSED_LINE_END = frozenset(".!?:;" + _HYPHENS)
_SENTENCE_ENDS = (".", "!", "?")
_AFTER_SENTENCE = _CLOSERS + ")]"  # what may follow a sentence's end ('end."', "end.)")
_SENTENCE_OR_HYPHEN = "." + _HYPHENS
_VOWELS = frozenset("aeiouyAEIOUY")
_POSSESSIVE = ("'s", "’s")  # a possessive's ending ("Everard's"), with either apostrophe
_ABBREVIATIONS = frozenset({"etc", "mr", "mrs", "dr", "st", "no", "vol", "pp", "cf", "viz", "ibid", "esq", "co", "ltd",
                            "inc", "jr", "sr", "rev", "hon", "gen", "col", "capt", "fig", "ch", "sec", "art", "para",
                            # weights and measures; this, last and next month in commercial letters (the 9th inst.)
                            "lb", "lbs", "oz", "qr", "qrs", "cwt", "yd", "yds", "ft", "gal", "doz", "inst", "ult", "prox"})

_EDGE_PUNCT = "\"'“”‘’«»()[]{}<>.,;:!?*†‡§¶"
_WORD = regex.compile(r"\p{L}+(?:['’\-.]\p{L}+)*\.?")
# A number with an ordinal, a currency or a common unit: "1st", "5s", "10%", "23.5MB", "10kg", "3ft".
_NUMBER = regex.compile(r"[$£€#]?\d+(?:[.,:/\-]\d+)*(?:st|nd|rd|th|s|d|p|%|am|pm|[kmgt]?b|[kmg]?hz|[kmc]?m|m?g|kg"
                        r"|lbs?|oz|ft|yd|mph|ml|[km]?w)?", regex.I)
_POUNDS = re.compile(r"\d{1,3}(?:,\d{3})*l")
_CODE = regex.compile(r"\p{Lu}{1,3}\d{1,3}\p{Lu}?|\d{1,2}\p{Lu}{1,2}")  # SW1, A4, M25, SW1A, 10C
_MIXED = regex.compile(r"\p{L}\d|\d\p{L}")
# No newline inside: no token has one, and _scan joins tokens with newlines.
_INNER_PUNCT = regex.compile(r"\p{L}[^\p{L}\p{N}'’\-.\n]+\p{L}")
_ROMAN = regex.compile(r"(?i)(?=[mdclxvi]{2})m{0,4}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})")
# Both cases spelt out, with the long s and the Kelvin sign (which case-insensitive matching folds to s and k),
# so that stdlib re runs it: several times faster than regex over the many words it scans.
_CONSONANTS = re.compile(r"[bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ\u017f\u212a]{6}")
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
(_UNKNOWN, _NAMES, _NONWORD, _RARE, _GARBAGE, _SYMBOLS, _ODD_CHARS, _FRAGMENTS, _MERGED, _STRAY_MARKS, _RECURRING) = (
    _TOKEN_FEATURES.index(name) for name in ("unknown", "names", "nonword", "rare", "garbage", "symbols", "odd_chars",
                                             "fragments", "merged", "stray_marks", "recurring"))
_NO_JUDGEMENT = (-1, 0.0, None)  # (column, mass, folded key) of a core that carries no mass
_NOT_LETTERS_OR_NEWLINE = regex.compile(r"[^\p{L}\n]+")
#: Marks that join words on purpose ("north-east", "and/or", "read_line", "--size=SIZE"): no space was lost there.
#: Others between two words are a space misread or lost ("June.We", "Father,which", "on*he").
_JOINERS = frozenset("-/_=")
_MARK_RUNS = regex.compile(r"([^\p{L}']+)")  # runs of anything but letters and apostrophes, kept by split
_NOT_LATIN_OR_NEWLINE = regex.compile(r"[^\p{Latin}\n]+")
_ASCII_NOT_LETTERS = bytes(code for code in range(128) if not chr(code).isalpha() and chr(code) != "\n")


@dataclass
class Signals:
    """Signal masses per line (``masses``: lines × :data:`FEATURES`), with what the verdicts need per page.

    ``chars``: characters of each line as CER counts them (whitespace
    collapsed, plus one for the line break); ``page``: each line's page index
    (0-based); ``starts``: each line's offset in the text. Per page:
    ``nonspace``, ``alnum`` and ``not_text`` characters (control, private-use,
    U+FFFD), ``words`` (tokens with letters), ``latin`` and ``letters``, and
    ``hits``: pages × :func:`ocrfix.quality.language.codes`, the words that
    are common words of each language.
    """

    masses: np.ndarray
    chars: np.ndarray
    page: np.ndarray
    starts: np.ndarray
    pages: int
    nonspace: np.ndarray
    alnum: np.ndarray
    not_text: np.ndarray
    words: np.ndarray
    latin: np.ndarray
    letters: np.ndarray
    hits: np.ndarray
    confident: np.ndarray  # words with an engine confidence, per page
    codes: np.ndarray  # the text's code points (UTF-32), for the loop search
    space: np.ndarray  # which of them are whitespace, as str.split sees it
    token_bounds: tuple[np.ndarray, np.ndarray]  # each token's start and end there

    @classmethod
    def of_text(cls, text: str, confidences: Sequence[Sequence[tuple[int, float | None]]] | None = None) -> "Signals":
        """Measure ``text`` (pages separated by form feeds, lines by newlines).

        ``confidences``: for each line, its words' (characters, confidence
        0..1 or None) as the engine read them (hOCR, ALTO).
        """
        return _measure(text, confidences)

    def page_masses(self) -> np.ndarray:
        """Each page's signal masses: its lines' sums, and one of ``pages`` where the text has several pages."""
        masses = _group_sums(self.page, self.masses, self.pages)
        if self.pages > 1:
            masses[:, _COL["pages"]] = 1.0
        return masses

    def page_chars(self) -> np.ndarray:
        return np.bincount(self.page, weights=self.chars, minlength=self.pages)

    def page_rates(self) -> list[dict[str, float]]:
        """Each page's signals as rates (mass / characters)."""
        rates = self.page_masses() / np.maximum(self.page_chars(), 1.0)[:, None]
        return [dict(zip(FEATURES, map(float, row))) for row in rates]

    def line_coverage(self, spans: Sequence[tuple[int, int]]) -> np.ndarray:
        """Characters of each line inside ``spans`` (offsets into the measured text)."""
        covered = np.zeros(len(self.starts))
        if not spans:
            return covered
        ends = np.append(self.starts[1:] - 1, np.iinfo(np.int64).max)
        for start, end in spans:
            first = int(np.searchsorted(self.starts, start, side="right")) - 1
            last = int(np.searchsorted(self.starts, end, side="left"))
            for line in range(max(first, 0), last):
                covered[line] += max(0, min(end, ends[line]) - max(start, int(self.starts[line])))
        return covered


class _TokenTable:
    """Per distinct token: its signal masses, letter counts, common-word languages, folded word.

    Rows are kept in growing numpy arrays, so a token seen before costs one
    dictionary look-up. The new tokens of a text are classified together,
    column by column (one regex scan over all of them rather than a chain of
    calls per token: new text is mostly new tokens), and each distinct core
    ("the" in "the", "the," and "(the") once.
    """

    def __init__(self) -> None:
        self.lex = lexicon.load()
        self.lm = charlm.load()
        self.index: dict[str, int] = {}  # token -> its number
        # Per token: the number of its folded word when it may be one of the text's own words (-1: not).
        self.key_ids = np.zeros(0, dtype=np.int64)
        self._key_numbers: dict[str, int] = {}
        self.rows = np.zeros((0, len(_TOKEN_FEATURES)))
        self.charged = np.zeros(0, dtype=bool)  # per token: does its row carry any mass
        # letters, Latin letters, language mask, ends a sentence, starts in lower case, ends with a hyphen
        self.aux = np.zeros((0, 6), dtype=np.int64)
        # Per distinct core: the same, without the columns of the token's edges. Core 0 is the empty
        # core of a token without letters or digits ("|", "--").
        self._cores: dict[str, int] = {}
        self._core_key_ids = np.full(1, -1, dtype=np.int64)
        self._core_rows = np.zeros((1, len(_TOKEN_FEATURES)))
        self._core_aux = np.zeros((1, 3), dtype=np.int64)
        self._confusion: dict[int, int] = {}  # token id -> its one-letter confusion's number (see confusions), -1: none
        self._confusion_numbers: dict[tuple[str, str], int] = {}
        self._pairs: list[tuple[str, str]] = []  # confusion number -> (printed, meant)

    def confusions(self, token_ids: np.ndarray, tokens: Sequence[str], positions: np.ndarray) -> np.ndarray:
        """Per token (``tokens[positions]``, of ids ``token_ids``): the number of the one-letter confusion
        (printed, meant) that makes its word a listed word of Zipf >= _RECURRING_ZIPF, by a letter the error
        model has seen misread as another (the commonest such word wins); -1 for none.

        The first _CONFUSION_SAMPLE distinct tokens are tried with every such letter (and remembered); the
        rest only with the confusions the sample shows in two words or more: a confusion a document makes
        again and again shows in any sample of its misread words, and a long text's thousands of them cost
        a few look-ups each instead of dozens.
        """
        ids = token_ids.tolist()
        first = dict(zip(ids, positions.tolist()))  # each distinct token once, in text order
        sample = dict(islice(first.items(), _CONFUSION_SAMPLE))
        self._try(sample, tokens, _letter_substitutions(), self._confusion)
        found = {token_id: self._confusion[token_id] for token_id in sample}
        if len(first) > len(sample):
            counts = Counter(number for number in found.values() if number >= 0)
            pairs = self._pairs
            shown: dict[str, str] = {}
            for number, count in counts.items():
                if count >= 2:
                    printed, meant = pairs[number]
                    shown[printed] = shown.get(printed, "") + meant
            rest = {token_id: position for token_id, position in first.items() if token_id not in sample}
            if shown:
                self._try(rest, tokens, shown, found)
            else:
                found.update(dict.fromkeys(rest, -1))
        return np.fromiter(map(found.__getitem__, ids), dtype=np.int64, count=len(ids))

    def _try(self, todo: dict[int, int], tokens: Sequence[str], substitutions: dict[str, str],
             found: dict[int, int]) -> None:
        """Fill ``found`` (token id -> confusion number, -1 for none) for the ids of ``todo`` (token id ->
        position in ``tokens``) not in it yet, reading each letter as the ``substitutions`` (printed letter ->
        letters meant) allow, with one batch of lexicon look-ups."""
        todo = {token_id: position for token_id, position in todo.items() if token_id not in found}
        if not todo:
            return
        words = [_core_of(tokens[position]).lower() for position in todo.values()]
        readings = [self._listable_readings(word, substitutions) for word in words]
        zipfs = self.lex.folded_zipfs(chain.from_iterable(readings))
        ends = list(accumulate(map(len, readings)))
        best: dict[int, tuple[float, int]] = {}  # word -> (zipf, reading), the first of the commonest
        for number, zipf in enumerate(zipfs):
            if zipf >= _RECURRING_ZIPF:  # few: only these find their word and confusion
                owner = bisect_right(ends, number)
                if zipf > best.get(owner, (0.0,))[0]:
                    best[owner] = (zipf, number - (ends[owner - 1] if owner else 0))
        found.update(dict.fromkeys(todo, -1))
        token_ids = list(todo)
        numbers = self._confusion_numbers
        for owner, (_, reading) in best.items():
            pair = _swaps(words[owner], substitutions)[reading]
            if pair not in numbers:
                numbers[pair] = len(self._pairs)
                self._pairs.append(pair)
            found[token_ids[owner]] = numbers[pair]

    def numbers(self, tokens: list[str]) -> np.ndarray:
        """The number of each of ``tokens``, in one pass of look-ups; the new ones are numbered in their order and
        their rows added."""
        index = self.index
        found = np.fromiter(map(index.get, tokens, repeat(-1)), dtype=np.int64, count=len(tokens))
        missing = (found < 0).nonzero()[0]
        if len(missing):
            unnumbered = [tokens[position] for position in missing.tolist()]
            new = list(dict.fromkeys(unnumbered))
            numbers = range(len(index), len(index) + len(new))
            index.update(zip(new, numbers))
            try:
                self._add(new)
            except BaseException:  # an interrupted batch: unnumber its tokens, which have no rows
                for token in new:
                    del index[token]
                raise
            # each new token once (a long text's distinct tokens): numbered in order
            found[missing] = numbers if len(new) == len(unnumbered) else list(map(index.__getitem__, unnumbered))
        return found

    def id(self, token: str) -> int:
        return int(self.numbers([token])[0])

    def _add(self, tokens: list[str]) -> None:
        """Append the rows of the tokens last numbered (``tokens``): their cores' rows with what their edges add."""
        marked = [index for index, token in enumerate(tokens) if not (token.isascii() and token.isalpha())]  # "(the", "1981"
        cores = tokens.copy()  # most tokens: a plain word, their own core
        for index in marked:
            cores[index] = _core_of(tokens[index])
        self._add_cores([core for core in cores if core.isalnum() or any(map(str.isalnum, core))])
        core_ids = np.fromiter(map(self._cores.get, cores, repeat(0)), dtype=np.int64, count=len(cores))
        rows = self._core_rows.take(core_ids, axis=0)
        rows[:, _ODD_CHARS] = _odd_counts(tokens, marked)
        fragments = rows[:, _FRAGMENTS].nonzero()[0].tolist()
        rows[[index for index in fragments if _abbreviation(tokens[index], cores[index])], _FRAGMENTS] = 0.0
        garbage = rows[:, _GARBAGE].nonzero()[0].tolist()
        rows[[index for index in garbage if _pounds(tokens[index], cores[index])], _GARBAGE] = 0.0
        charged = [index for index in rows[:, _GARBAGE].nonzero()[0].tolist() if len(tokens[index]) != len(cores[index])]
        rows[charged, _GARBAGE] = [word_mass(len(tokens[index])) for index in charged]  # the whole token
        symbols = (core_ids == 0).nonzero()[0]
        rows[symbols, _SYMBOLS] = [_symbol_mass(tokens[index]) for index in symbols.tolist()]
        led = [index for index in marked if tokens[index][0] in _STRAY]  # a plain word starts and ends with a letter
        rows[[index for index in led if core_ids[index] and _stray(tokens[index], cores[index])], _STRAY_MARKS] = 1.0
        aux = np.zeros((len(tokens), 6), dtype=np.int64)
        aux[:, :3] = self._core_aux.take(core_ids, axis=0)
        ended = [index for index in marked if tokens[index][-1] in _SENTENCE_OR_HYPHEN]
        aux[ended, 3] = [_ends_sentence(tokens[index], cores[index]) for index in ended]
        aux[:, 4] = [token[0].islower() for token in tokens]
        aux[ended, 5] = [_hyphenated(tokens[index]) for index in ended]
        used = len(self.index) - len(tokens)  # rows filled so far: one per token seen before
        self.key_ids = _appended(self.key_ids, used, self._core_key_ids.take(core_ids))
        self.rows = _appended(self.rows, used, rows)
        self.charged = _appended(self.charged, used, rows.any(axis=1))
        self.aux = _appended(self.aux, used, aux)

    def _add_cores(self, cores: list[str]) -> None:
        """Classify the new ones of ``cores`` (tokens without their edge marks) and append them."""
        new = [core for core in dict.fromkeys(cores) if core not in self._cores]
        if not new:
            return
        rows, keys, aux = self._classify(new)
        used = len(self._cores) + 1  # rows filled so far: core 0 and one per core seen
        self._cores.update(zip(new, range(used, used + len(new))))
        numbers = self._key_numbers
        key_ids = [-1 if key is None else numbers.setdefault(key, len(numbers)) for key in keys]
        self._core_key_ids = _appended(self._core_key_ids, used, np.array(key_ids, dtype=np.int64))
        self._core_rows = _appended(self._core_rows, used, rows)
        self._core_aux = _appended(self._core_aux, used, aux)

    def _classify(self, cores: list[str]) -> tuple[np.ndarray, list[str | None], np.ndarray]:
        """Masses (``odd_chars`` left 0), folded keys and (letters, Latin letters, language mask) of distinct cores.

        A core carries at most one mass: the first that applies of the word
        rules (:meth:`_judge_words`) or, for cores that are not words
        ("1981", "l0ve", "June.We"), of :meth:`_judge_others`.
        """
        plain = [core.isascii() and core.isalpha() for core in cores]
        zipfs = self.lex.folded_zipfs([core.lower() if is_plain else "" for core, is_plain in zip(cores, plain)])
        # Most tokens: a common word, plainly written (not "tHe"), carries no mass.
        common = [is_plain and (zipf >= _FRAGMENT_ZIPF or (zipf >= _RARE_ZIPF and len(core) > 2))
                  and (core.islower() or core.istitle() or core.isupper()) for core, is_plain, zipf in zip(cores, plain, zipfs)]
        judged = [index for index, is_common in enumerate(common) if not is_common]
        unusual = [index for index in judged if not cores[index].isalpha()]  # "1981", "e.g.", "l0ve"
        words = [index for index in judged if cores[index].isalpha()]
        words += [index for index, whole in zip(unusual, _scan(_WORD_LINE, [cores[i] for i in unusual])) if whole]
        others = sorted(set(unusual) - set(words))
        masses: list[tuple[int, float, str | None]] = [_NO_JUDGEMENT] * len(cores)
        for index, mass in zip(words, self._judge_words([cores[i] for i in words], [zipfs[i] if plain[i] else None for i in words])):
            masses[index] = mass
        for index, mass in zip(others, self._judge_others([cores[i] for i in others])):
            masses[index] = mass
        rows = np.zeros((len(cores), len(_TOKEN_FEATURES)))
        marked = [index for index, (column, _, _) in enumerate(masses) if column >= 0]
        rows[marked, [masses[index][0] for index in marked]] = [masses[index][1] for index in marked]
        aux = np.zeros((len(cores), 3), dtype=np.int64)
        aux[:, 0] = aux[:, 1] = np.fromiter(map(len, cores), dtype=np.int64, count=len(cores))  # plain cores: all letters Latin
        accented = [index for index, is_plain in enumerate(plain) if not is_plain]
        aux[accented, 0], aux[accented, 1] = _letters([cores[i] for i in accented])
        common_ids = [index for index, is_common in enumerate(common) if is_common]
        aux[common_ids, 2] = language.word_masks([cores[index].lower() for index in common_ids])
        aux[words, 2] = language.word_masks([cores[index].rstrip(".").lower() for index in words])
        return rows, [key for _, _, key in masses], aux

    def _judge_words(self, cores: list[str], zipfs: list[float | None]) -> list[tuple[int, float, str | None]]:
        """(column, mass, folded key) of cores that are words ("tbe", "exlude", "Harbury", "wouldnot", "e.g.").

        ``zipfs``: each word's Zipf frequency when already looked up, else None.
        """
        words = [core.rstrip(".") for core in cores]
        keys = lexicon.fold_many(words)
        zipfs = [self._word_zipf(word) if zipf is None else zipf for word, zipf in zip(words, zipfs)]
        flipped = [not (word.islower() or word.isupper() or word.istitle()) and _case_flips(word) for word in words]
        # A capitalised word made of common words is as often a name ("Fairfield", "Blackwood") as words run together.
        joins = [self._joins(key) if (zipf == 0.0 or flip) and len(word) >= _MIN_JOINED
                 and not (word.istitle() and word.isalpha()) else 0 for word, key, zipf, flip in zip(words, keys, zipfs, flipped)]
        # Unknown words in one case, and pieces of two capitals: "MDCCCXXVII", "xiv", and "IV." of a chapter
        # (known to the lexicon as words, two letters would otherwise be fragments).
        cased = [index for index, (word, zipf) in enumerate(zip(words, zipfs))
                 if (zipf == 0.0 and (word.isupper() or word.islower())) or (len(word) == 2 and word.isupper())]
        roman = _scan(_ROMAN_LINE, words, cased).tolist()
        consonants = _scan(_CONSONANTS, words, [index for index, word in enumerate(words) if len(word) >= 6]).tolist()
        unknown = [word for word, zipf, is_roman, join, consonant_run, flip in zip(words, zipfs, roman, joins, consonants, flipped)
                   if zipf == 0.0 and not (is_roman or join or consonant_run or flip)]
        implausible = {word: bits > IMPLAUSIBLE_BITS for word, bits in zip(unknown, self.lm.bits_many(unknown))}
        misprints = clear_misprints()
        judged = []
        for core, word, key, zipf, flip, join, is_roman, consonant_run in zip(cores, words, keys, zipfs, flipped, joins, roman,
                                                                              consonants):
            if is_roman:
                judged.append(_NO_JUDGEMENT)  # "MDCCCXXVII", "xiv": a year or a chapter in roman numerals
            elif join:
                judged.append((_MERGED, float(join), key))
            elif consonant_run or flip:  # "dbsqlfuzz" used throughout: a name of the text's own
                judged.append((_GARBAGE, word_mass(len(core)), key))
            elif key in misprints:  # never the document's own word, however often it is printed
                judged.append((_NONWORD, word_mass(len(word)), None))
            elif zipf == 0.0:
                if implausible[word] and not (_capitalised(word) and word.isalpha() and not self._misread(key)):
                    judged.append((_NONWORD, word_mass(len(word)), None))
                else:
                    judged.append((_NAMES if _capitalised(word) else _UNKNOWN, word_mass(len(word)), key))
            elif len(word) <= 2 and zipf < _FRAGMENT_ZIPF:
                judged.append((_FRAGMENTS, len(word) + 1.0, None))
            elif zipf < _RARE_ZIPF:
                judged.append((_RARE, word_mass(len(word)) * (_RARE_ZIPF - zipf) / _RARE_ZIPF, key))
            else:
                judged.append(_NO_JUDGEMENT)
        return judged

    def _misread(self, key: str) -> bool:
        """Does one letter read as another (a confusion the shipped error model learned) make the folded word
        ``key`` a listed word? A capitalised word that looks unlike English is a misread one ("Tne", "Avthority")
        if so, a name of another language ("Kabzeel", "Memucan") if not.

        >>> table = _table(); table._misread("tne"), table._misread("kabzeel")
        (True, False)
        """
        readings = self._listable_readings(key, _letter_substitutions())
        return any(self.lex.folded_zipf(reading) > 0.0 for reading in readings)

    def _listable_readings(self, word: str, substitutions: dict[str, str]) -> list[str]:
        """:func:`_readings` of ``word``, none if it is longer than every listed word: its readings are as long,
        so none is listed, and a 100,000-letter token would make 100,000 readings of its length (gigabytes)."""
        return _readings(word, substitutions) if len(word) <= self.lex.longest else []

    def _word_zipf(self, word: str) -> float:
        """Zipf frequency of ``word``: 0 for "h-ve" (a letter misread as a hyphen), that of "eg" for "e.g",
        that of "Everard" for "Everard's"."""
        zipf = self.lex.zipf(word)
        if "-" in word and zipf > 0.0 and not self._parts_known(word):
            zipf = 0.0
        if zipf == 0.0 and "." in word:
            zipf = self.lex.zipf(word.replace(".", ""))
        if zipf == 0.0 and word[-2:] in _POSSESSIVE:
            zipf = self.lex.zipf(word[:-2])  # "Everard's": a known word's possessive is as common as the word
        if zipf < _RARE_ZIPF and ("'" in word or "’" in word) and (full := elided(word, self.lex.__contains__)):
            zipf = max(zipf, self.lex.zipf(full))  # "ask'd", "heav'n", "o'er": as common as the word they elide
        return zipf

    def _judge_others(self, cores: list[str]) -> list[tuple[int, float, str | None]]:
        """(column, mass, folded key) of cores that are not words: numbers and codes ("1981", "SW1") carry none,
        words joined by punctuation ("COMMITTEE:REVIEW") are ``merged``, the rest with letters and digits
        mixed, inner punctuation, odd characters or a consonant run ("l0ve", "th;e") ``garbage``."""
        numbers = (_scan(_NUMBER_LINE, cores) + _scan(_CODE_LINE, cores)).tolist()
        mixed = _scan(_MIXED, cores).tolist()
        inner = _scan(_INNER_PUNCT, cores).tolist()
        odd = _odd_counts(cores, range(len(cores))).tolist()
        judged = []
        for core, number, letters_and_digits, punctuated, odd_chars in zip(cores, numbers, mixed, inner, odd):
            if number:
                judged.append(_NO_JUDGEMENT)
            elif not letters_and_digits and punctuated and (joins := self._joins(key := lexicon.fold(core))):
                judged.append((_MERGED, float(joins), key))
            elif letters_and_digits or punctuated or odd_chars or _CONSONANTS.search(core):
                # words joined on purpose ("read_line") may be an identifier the document repeats as its own word
                own = not letters_and_digits and _joined_on_purpose(core)
                judged.append((_GARBAGE, word_mass(len(core)), lexicon.fold(core) if own else None))
            else:
                judged.append(_NO_JUDGEMENT)
        return judged

    def _parts_known(self, word: str) -> bool:
        """Is each part of a hyphenated word a known word of two letters or more?

        Or the prefix "a-" of a verb's participle ("a-riding", "a-hunting"): English verse and dialect
        put it before -ing forms; a letter misread as a hyphen ("h-ve", "a-nd") leaves no -ing word.
        """
        parts = word.split("-")
        if len(parts) == 2 and parts[0] in ("a", "A") and parts[1].endswith("ing"):
            parts = parts[1:]
        return all(len(part) >= 2 and self.lex.zipf(part) > 0.0 for part in parts)

    def _joins(self, folded: str) -> int:
        """Spaces lost inside a word (folded with :func:`lexicon.fold`): one less than the fewest common words it is
        made of, 0 when it is not.

        Letters run together ("wouldnot": 1, "foreignandcommonwealthoffice":
        3) or joined by punctuation ("june.we", "committee:review": 1); not by
        the marks that join words on purpose (:data:`_JOINERS`: a compound, a
        path, an identifier, an option), which lose no space.

        >>> table = _table(); table._joins("thenorth-east,so"), table._joins("--page-size=page_size")
        (2, 0)
        """
        common, prefixes = _common_words(self.lex), _common_prefixes(self.lex)
        if folded.isascii() and folded.isalpha():
            return max(_fewest_words(folded, common, prefixes) - 1, 0)
        parts, inner = _letter_runs(folded)
        total = sum(not _JOINERS.issuperset(marks) for marks in inner)
        for part in parts:
            if part:
                pieces = _fewest_words(part, common, prefixes)
                if not pieces:
                    return 0
                total += pieces - 1
        return total


@lru_cache(maxsize=1)
def _common_words(lex: lexicon.Lexicon) -> frozenset[str]:
    """The words run-together text is taken apart into: the commoner the shorter (a misspelt word
    splits into rare short pieces: "vefore" is not "ve fore").

    Zipf >= 3.5 for four letters or more, >= 4.5 for three, >= 6 for one or two ("a", "of", "we").
    """
    least = {1: 6.0, 2: 6.0, 3: 4.5}
    return frozenset(word for word, zipf in lex.words() if zipf >= least.get(len(word), _MERGE_ZIPF))


@lru_cache(maxsize=1)
def _common_prefixes(lex: lexicon.Lexicon) -> frozenset[str]:
    """Every beginning of a word of :func:`_common_words` (the word itself included), up to _LONGEST_WORD letters:
    where a piece of a text is none, no longer piece from the same start is a word either."""
    return frozenset(word[:end] for word in _common_words(lex) for end in range(1, min(len(word), _LONGEST_WORD) + 1))


def _fewest_words(text: str, common: frozenset[str], prefixes: frozenset[str]) -> int:
    """The fewest words of ``common`` (whose beginnings are ``prefixes``) that ``text`` is made of; 0 when none.
    Stricter than the strategies' tests of words run together (:func:`ocrfix.lexicon.splittable` says why).

    >>> from ocrfix import lexicon
    >>> lex = lexicon.load()
    >>> _fewest_words("tradedelegationtowarsaw", _common_words(lex), _common_prefixes(lex))
    4
    >>> _fewest_words("xqzt", frozenset(), frozenset())
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


def _joined_on_purpose(core: str) -> bool:
    """Are there marks between ``core``'s letters, all of them :data:`_JOINERS` ("read_line", "and/or"; not "on*he")?

    >>> _joined_on_purpose("--page-size=PAGE_SIZE"), _joined_on_purpose("on*he"), _joined_on_purpose("~word")
    (True, False, False)
    """
    if _JOINERS.isdisjoint(core):
        return False
    inner = _letter_runs(core)[1]
    return bool(inner) and all(_JOINERS.issuperset(marks) for marks in inner)


def _letter_runs(text: str) -> tuple[list[str], list[str]]:
    """``text`` split at its marks (:data:`_MARK_RUNS`), and the runs of marks between letters (not at its edges).

    >>> _letter_runs("--a-b,")
    (['', 'a', 'b', ''], ['-'])
    """
    pieces = _MARK_RUNS.split(text)
    parts, marks = pieces[0::2], pieces[1::2]
    return parts, marks[not parts[0]:len(marks) - (not parts[-1])]


def _swaps(word: str, substitutions: dict[str, str]) -> list[tuple[str, str]]:
    """The (printed, meant) letter of each of :func:`_readings` of ``word``, in their order.

    >>> _swaps("ab", {"a": "eo", "b": "h"})
    [('a', 'e'), ('a', 'o'), ('b', 'h')]
    """
    return [(printed, meant) for printed in word for meant in substitutions.get(printed, "")]


def _readings(word: str, substitutions: dict[str, str]) -> list[str]:
    """``word`` with one letter read as another that ``substitutions`` (printed letter -> letters meant) allow,
    letter by letter, each in the order of its letters meant.

    >>> _readings("ab", {"a": "eo", "b": "h"})
    ['eb', 'ob', 'ah']
    """
    found = []
    for at, printed in enumerate(word):
        if meant := substitutions.get(printed):
            head, tail = word[:at], word[at + 1:]
            found += [head + letter + tail for letter in meant]
    return found


@lru_cache(maxsize=1)
def _letter_substitutions() -> dict[str, str]:
    """Printed letter -> the letters the shipped error model has seen an engine print it for (one for one).

    >>> "s" in _letter_substitutions()["f"], "h" in _letter_substitutions()["b"]
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


def _scan(pattern: regex.Pattern | re.Pattern, texts: list[str], chosen: Sequence[int] | None = None) -> np.ndarray:
    """How often ``pattern`` occurs in each of ``texts`` (only those ``chosen``, when given; 0 for the rest),
    in one scan of them all joined by newlines.

    No token holds a newline and no pattern here matches one, so no match spans
    two texts; with :func:`_whole_lines`, the same gives ``fullmatch`` of each.

    >>> _scan(_MIXED, ["a1b2", "1", "c"]).tolist(), _scan(_WORD_LINE, ["ab", "1", "c"]).tolist()
    ([2, 0, 0], [1, 0, 1])
    """
    if chosen is not None:
        counts = np.zeros(len(texts), dtype=np.int64)
        counts[chosen] = _scan(pattern, [texts[index] for index in chosen])
        return counts
    ends = np.cumsum(np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1)
    starts = [match.start() for match in pattern.finditer("\n".join(texts))]
    return np.bincount(np.searchsorted(ends, starts, side="right"), minlength=len(texts))


def _letters(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Letters and Latin letters of each of ``texts``. In ASCII both are its letters, counted for all those
    texts by one byte translation; the others by two regex passes (:func:`_kept`).

    >>> [part.tolist() for part in _letters(["ab1", "1", "çé", "Жa"])]
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
    """``pattern`` matching whole lines only: :func:`_scan` with it tells which texts it matches whole."""
    return regex.compile(rf"(?m)^(?:{pattern.pattern})$", pattern.flags)


_WORD_LINE, _NUMBER_LINE, _CODE_LINE, _ROMAN_LINE = map(_whole_lines, (_WORD, _NUMBER, _CODE, _ROMAN))


def _core_of(token: str) -> str:
    """``token`` without its edge marks, in plain spelling ("(ﬁne," -> "fine", "ſome" -> "some")."""
    core = token.strip(_EDGE_PUNCT)
    return core if core.isascii() else fold_typography(core).translate(_LONG_S)


def _symbol_mass(token: str) -> float:
    """``symbols`` of a token without letters or digits: none for what text has standing alone ("—", "&", "...").

    Marks that are typography only where they stand are cleared in context (:func:`_set_marks`).
    """
    if token in _STANDALONE_OK or (token.count(".") == len(token) and len(token) >= 3):
        return 0.0
    return len(token) + 1.0


def _stray(token: str, core: str) -> bool:
    """A word in lower case led by a quote or mark that nothing closes ("“he", "*he")."""
    return token[0] in _STRAY and core[0].islower() and token[-1] not in _CLOSERS


def _hyphenated(token: str) -> bool:
    """A word ending with a hyphen ("com-"), perhaps the first half of one hyphenated at the line end."""
    return len(token) > 2 and token[-1] in _HYPHENS and token[-2].isalpha()


def _ends_sentence(token: str, core: str) -> bool:
    """A full stop after a word of three letters or more that is no abbreviation ("their.", not "Mr." or "e.g.").

    Nor after a number with a unit or an ordinal ("52s. to 56s.", "3 lb. of", "the 5th. inst."): print
    abbreviates units and money with a full stop, and market reports and accounts are full of them.

    >>> _ends_sentence("their.", "their"), _ends_sentence("52s.", "52s"), _ends_sentence("1850.", "1850")
    (True, False, True)
    """
    return (token[-1] == "." and len(core) >= 3 and "." not in core and core.lower() not in _ABBREVIATIONS
            and not (core[0].isdigit() and core[-1].isalpha()))


def _capitalised(word: str) -> bool:
    """A word in title case, or its possessive ("Everard's": ``str.istitle`` wants a capital after the apostrophe).

    >>> _capitalised("Everard"), _capitalised("Everard's"), _capitalised("everard's"), _capitalised("O'Neill")
    (True, True, False, True)
    """
    return word.istitle() or (word[-2:] in _POSSESSIVE and word[:-2].istitle())


def _abbreviation(token: str, core: str) -> bool:
    """A letter or two with a full stop that print abbreviates, not a fragment of a split word.

    An initial or a title ("J.", "Dr.", "Bt.": a capital, alone or without a vowel; English words hold
    one, and so do most pieces of a split word, "Ap pear") or a common abbreviation (:data:`_ABBREVIATIONS`,
    with weights and measures: "lb.", "qr.", "yd."). Newspapers' names and market reports are full of them.

    >>> [_abbreviation(token, token.strip(".;")) for token in ("J.", "Dr.", "lb.;", "ti.", "lb", "nd.")]
    [True, True, True, False, False, False]
    """
    initial = core[0].isupper() and (len(core) == 1 or _VOWELS.isdisjoint(core))
    return core + "." in token and (initial or core.lower() in _ABBREVIATIONS)


def _pounds(token: str, core: str) -> bool:
    """A sum in pounds as the 18th and 19th centuries printed it, "l." after the number ("5,000l.", "3l. 10s.").

    Only with its full stop: "1l" alone is as likely "11" misread.

    >>> _pounds("5,000l.", "5,000l"), _pounds("3l.;", "3l"), _pounds("1l", "1l"), _pounds("l0l.", "l0l")
    (True, True, False, False)
    """
    return core + "." in token and _POUNDS.fullmatch(core) is not None


def _odd_counts(texts: list[str], chosen: Sequence[int]) -> np.ndarray:
    """Characters of each of ``texts`` (0 for those not ``chosen``) that running English text does not use
    (see ``odd_chars``), scanned only in those that may hold one: beyond ASCII, or with an odd one of it.

    >>> _odd_counts(["a|b", "ab", "n¬", "x|"], [0, 1, 2]).tolist()
    [1, 0, 1, 0]
    """
    return _scan(_ODD, texts, [index for index in chosen if not texts[index].isascii()
                               or not _ASCII_ODD_CHARS.isdisjoint(texts[index])])


def _case_flips(word: str) -> bool:
    """Lower case then upper case inside a word, twice, or once in a short word ("tHe", "aNd"); not "McDonald"."""
    flips = len(_CASE_FLIP.findall(word))
    return flips >= 2 or (flips == 1 and len(word) <= 4)


# The token table is kept between calls (capped), so a folder of pages pays once per distinct token.
_TABLE: _TokenTable | None = None
_TABLE_LIMIT = 500_000


def _appended(array: np.ndarray, used: int, new: np.ndarray) -> np.ndarray:
    """``array``, of which the first ``used`` rows are filled, with ``new`` written after them.

    When it is full its capacity doubles, so a long run of small texts (a folder of pages, one
    at a time) copies the table a few times in all rather than once per text. Rows past the
    filled ones are zero and never read: rows are only taken by token number.

    >>> a = _appended(np.zeros(0, dtype=np.int64), 0, np.array([1, 2]))
    >>> a = _appended(a, 2, np.array([3])); a[:3].tolist(), len(a)
    ([1, 2, 3], 4)
    """
    end = used + len(new)
    if end > len(array):
        grown = np.zeros((max(end, 2 * len(array)),) + array.shape[1:], dtype=array.dtype)
        grown[:used] = array[:used]
        array = grown
    array[used:end] = new
    return array


def _table() -> _TokenTable:
    global _TABLE
    if _TABLE is None or len(_TABLE.index) > _TABLE_LIMIT:
        _TABLE = _TokenTable()
    return _TABLE


# The classes of characters the signals read, as bits of one table: one look-up per character of the text
# for all of them. No space is a letter, digit or rule character (some are control characters: "\x1c", "\x85").
_SPACE, _ALNUM, _RULE, _CONTROL = 1, 2, 4, 8


def _classes(char: str) -> int:
    """The class bits of ``char``.

    >>> _classes(" "), _classes("a"), _classes("-"), _classes("\\x07")
    (1, 2, 4, 8)
    """
    return (_SPACE * char.isspace() | _ALNUM * char.isalnum() | _RULE * (char in "-=_*~.·•—–‐+#")
            | _CONTROL * (unicodedata.category(char) == "Cc" and char not in "\t\n\r\f\v"))


# Per code point below 0x3002; all above: letters or symbols, never whitespace.
_TABLE_SIZE = 0x3002
_CLASSES = np.array([_classes(chr(code)) for code in range(_TABLE_SIZE)] + [_ALNUM], dtype=np.uint8)


def _is(classes: np.ndarray, kind: int) -> np.ndarray:
    """Which of the characters (their ``classes``, from :data:`_CLASSES`) are of ``kind``."""
    return (classes & kind).astype(bool)


def _measure(text: str, confidences: Sequence[Sequence[tuple[int, float | None]]] | None) -> Signals:
    codes = code_points(text)
    # take: twice as fast as fancy indexing on a text-long array; "clip" reads code points past the table as its last
    classes = _CLASSES.take(codes, mode="clip")
    space = _is(classes, _SPACE)
    breaks = ((codes == 10) | (codes == 12)).nonzero()[0]
    starts = np.concatenate(([0], breaks + 1))
    n_lines = len(starts)
    page_of_line = np.concatenate(([0], np.cumsum(codes[breaks] == 12))).astype(np.int64)
    pages = int(page_of_line[-1]) + 1
    nonspace = _line_counts(~space, starts)
    alnum = _line_counts(_is(classes, _ALNUM), starts)
    junk = _is(classes, _CONTROL).nonzero()[0]
    high = (codes >= 0xD800).nonzero()[0]
    if len(high):  # surrogates, private use, U+FFFD
        unit = codes[high]
        junk = np.concatenate((junk, high[(unit <= 0xF8FF) | (unit == 0xFFFD)]))
    not_text = np.bincount(page_of_line[_line_of(breaks, junk)], minlength=pages)

    tokens = TokenSpans(text, space)  # text.split(), each token sliced out where read
    token_starts = tokens.starts
    tokens_per_line = np.diff(np.searchsorted(token_starts, np.append(starts, len(codes))))
    token_line = np.repeat(np.arange(n_lines), tokens_per_line)  # of each token's first character
    chars = (nonspace + tokens_per_line).astype(float)  # tokens, the spaces between, the line break

    masses = np.zeros((n_lines, len(FEATURES)))
    words = latin = letters = np.zeros(pages)
    token_evidence = np.zeros(len(tokens))
    hits = np.zeros((pages, len(language.codes())))
    if tokens:
        table = _table()
        if len(tokens) > FEW_TOKENS:  # a long text repeats its words: each distinct one is looked up once
            distinct, ids = tokens.distinct(codes)
            ids = table.numbers(distinct).take(ids)
        else:
            ids = table.numbers(text.split())
        # Most tokens carry no mass (and adding 0.0 changes no sum): only the others' rows are taken.
        charged = table.charged.take(ids).nonzero()[0]
        token_masses = table.rows.take(ids[charged], axis=0)  # take: several times faster than fancy indexing
        _own_words(table, ids, charged, token_masses)
        _recurring(table, tokens, ids, charged, token_masses)
        symbols = token_masses[:, _SYMBOLS].nonzero()[0]
        token_masses[symbols[_set_marks(tokens, token_line, charged[symbols])], _SYMBOLS] = 0.0
        aux = table.aux.take(ids, axis=0)
        cleared = _line_end_hyphens(table, tokens, token_line, aux[:, 5])
        if cleared:
            token_masses[np.isin(charged, cleared, kind="sort")] = 0.0
        _listed_names(token_line[charged], token_masses, n_lines)
        _capitalised_rare(tokens, charged, token_masses)
        masses[:, :len(_TOKEN_FEATURES)] = _group_sums(token_line[charged], token_masses, n_lines)
        token_evidence[charged] = token_masses[:, _DENSE].sum(axis=1)
        token_page = page_of_line[token_line]
        words = np.bincount(token_page, weights=aux[:, 0] > 0, minlength=pages)
        letters = np.bincount(token_page, weights=aux[:, 0], minlength=pages)
        latin = np.bincount(token_page, weights=aux[:, 1], minlength=pages)
        if len(tokens) > 1:  # "their. and": a sentence ends, the next word starts in lower case
            broken = (aux[:-1, 3] & aux[1:, 4]).nonzero()[0] + 1
            masses[:, _COL["broken_sentences"]] = np.bincount(token_line[broken], _broken_mass(broken, token_evidence),
                                                              minlength=n_lines)
        indents = _indents(starts, token_starts, tokens_per_line)
        masses[:, _COL["cut_lines"]] = _cut_lines(tokens, token_line, aux[:, 4], chars - 1.0, page_of_line, indents)
        masked = aux[:, 2].nonzero()[0]
        masks, kinds = _distinct(aux[masked, 2])  # a few distinct sets of languages
        per_kind = np.bincount(token_page[masked] * len(masks) + kinds, minlength=pages * len(masks)).reshape(pages, len(masks))
        # in floating point (BLAS; integer matmul has no fast path): the counts stay exact
        hits = per_kind.astype(float) @ ((masks[:, None] >> np.arange(hits.shape[1])) & 1).astype(float)
    _clear_table_rows(codes, space, breaks, n_lines, masses, alnum, nonspace)
    filled = chars - 1.0  # without the line break
    masses[:, _COL["short_lines"]] = np.where((filled >= 1) & (filled <= 3), chars, 0.0)
    bad = masses[:, _BAD].sum(axis=1)
    noisy = (filled > 3) & ((alnum < 0.5 * nonspace) | (bad > 0.5 * chars))
    masses[:, _COL["noise_lines"]] = np.where(noisy, chars, 0.0)
    rules = _rule_lines(_is(classes, _RULE), starts, nonspace)
    masses[rules] = 0.0  # a printed rule ("-----", "* * *", a dot leader) is typography, not misread text
    alnum[rules] = nonspace[rules]
    evidence = masses[:, _DENSE].sum(axis=1)
    masses[:, _COL["dense_lines"]] = _density(evidence, chars, starts, len(codes), token_line, token_starts,
                                              token_evidence)
    confident = np.zeros(pages)
    if confidences is not None:
        mass, counts = _confidence_mass(confidences, n_lines)
        masses[:, _COL["confidence"]] = mass
        confident = np.bincount(page_of_line, weights=counts, minlength=pages)
    page_sum = lambda values: np.bincount(page_of_line, weights=values, minlength=pages)  # noqa: E731
    return Signals(masses, chars, page_of_line, starts, pages, page_sum(nonspace), page_sum(alnum), not_text,
                   words, latin, letters, hits, confident, codes, space, (tokens.starts, tokens.ends))


def _broken_mass(after: np.ndarray, token_evidence: np.ndarray) -> np.ndarray:
    """Units of ``broken_sentences`` for the stops before the tokens ``after``: 1 between two words read right,
    :data:`BROKEN_BESIDE_DAMAGE` where the word before or after carries word evidence.

    >>> _broken_mass(np.array([1, 3]), np.array([0.0, 0.0, 1.7, 0.0])).tolist()  # "their. and", "tiat. the"
    [1.0, 2.0]
    """
    beside = (token_evidence[after - 1] > 0) | (token_evidence[after] > 0)
    return np.where(beside, BROKEN_BESIDE_DAMAGE, 1.0)


def _density(evidence: np.ndarray, chars: np.ndarray, starts: np.ndarray, length: int, token_line: np.ndarray,
             token_starts: np.ndarray, token_evidence: np.ndarray) -> np.ndarray:
    """Per line: its word evidence squared over its characters (``dense_lines``); a line longer than LONG_LINE
    summed over windows of LINE_WINDOW characters (by where its tokens start), its evidence as the line's.

    >>> starts, chars = np.array([0, 11]), np.array([11.0, 200.0])
    >>> token_line, token_starts = np.array([0, 1, 1]), np.array([0, 11, 120])
    >>> _density(np.array([2.0, 4.0]), chars, starts, 211, token_line, token_starts, np.array([2.0, 4.0, 0.0])).tolist()
    [0.36363636363636365, 0.24615384615384617]
    """
    dense = evidence * evidence / np.maximum(chars, 1.0)
    on_long = (chars > LONG_LINE)[token_line].nonzero()[0]
    if not len(on_long):
        return dense
    lines = token_line[on_long]
    window = (token_starts[on_long] - starts[lines]) // LINE_WINDOW
    per_line = int(window.max()) + 1
    keys, inverse = np.unique(lines * per_line + window, return_inverse=True)
    window_evidence = np.bincount(inverse, weights=token_evidence[on_long])
    window_line, first = keys // per_line, keys % per_line * LINE_WINDOW  # each window's line, its offset there
    ends = np.append(starts[1:] - 1, length)[window_line] - starts[window_line]  # each line's raw length
    span = np.maximum(np.minimum(first + LINE_WINDOW, ends) - first, 1)
    long_lines = np.unique(window_line)
    raw = np.bincount(window_line, weights=window_evidence, minlength=len(chars))[long_lines]
    summed = np.bincount(window_line, weights=window_evidence ** 2 / span, minlength=len(chars))[long_lines]
    scale = np.divide(evidence[long_lines], raw, out=np.zeros(len(long_lines)), where=raw > 0)
    dense[long_lines] = summed * scale * scale  # rows cleared as a table or rule stay cleared
    return dense


def _cut_lines(tokens: Sequence[str], token_line: np.ndarray, lower_start: np.ndarray, filled: np.ndarray,
               page_of_line: np.ndarray, indents: np.ndarray) -> np.ndarray:
    """Per line: the characters by which a line cut short mid-sentence falls short of its page's median full line.

    ``filled``: each line's characters, whitespace collapsed (-1 for a blank
    line); ``lower_start``: whether each token starts in lower case;
    ``indents``: each line's leading whitespace (:func:`_indents`).

    Set text breaks a line where the next word does not fit, so a line is only
    cut where it does: the next line's first word, after a space, within the
    median full line (a long word or a URL that moved to the next line leaves
    a short line behind, and nothing is lost). Nor where no word of the line
    starts in lower case: a heading, a name or an address line ("Company
    Limited", "Glenlochy House") is short by design. And only inside a block of text
    set to one margin: the next line at its indentation and the line before not
    indented less. Where the indentation changes a new block begins (a man
    page's option text, a hanging indent, an indented heading). A page whose
    median full line is longer than :data:`LONG_LINE` keeps a paragraph a line,
    and its lines are no printed lines to cut.

    >>> full = "the quick brown fox jumps over the lazy dog and"
    >>> text = "\\n".join([full] * 3 + ["the quick brown", full, full, "the end of it."])
    >>> tokens = text.split()
    >>> lines = np.repeat(np.arange(7), [len(line.split()) for line in text.split("\\n")])
    >>> filled = np.array([len(line) for line in text.split("\\n")], dtype=float)
    >>> lower = np.array([t[0].islower() for t in tokens])
    >>> _cut_lines(tokens, lines, lower, filled, np.zeros(7, dtype=int), np.zeros(7, dtype=int)).tolist()
    [0.0, 0.0, 0.0, 32.0, 0.0, 0.0, 0.0]
    >>> _cut_lines(tokens, lines, lower, filled, np.zeros(7, dtype=int), np.array([0, 0, 0, 0, 2, 2, 2])).tolist()
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    """
    n_lines = len(filled)
    missing = np.zeros(n_lines)
    typical = _median_full_line(filled, page_of_line)[page_of_line]
    typical[typical > LONG_LINE] = 0.0  # paragraphs a line: none is cut
    # non-blank lines with non-blank lines before and after on the same page, at one margin with them
    inside = np.zeros(n_lines, dtype=bool)
    inside[1:-1] = ((filled[:-2] > 0) & (filled[2:] > 0) & (page_of_line[:-2] == page_of_line[2:])
                    & (indents[2:] == indents[1:-1]) & (indents[:-2] >= indents[1:-1]))
    candidates = (inside & (filled > 0) & (filled < CUT_LINE_SHARE * typical)).nonzero()[0]
    if not len(candidates):
        return missing
    per_line = np.bincount(token_line, minlength=n_lines)
    last_token = np.cumsum(per_line) - 1  # of each line (lines with tokens)
    candidates = candidates[lower_start[last_token[candidates] + 1].astype(bool)]  # the next line runs on in lower case
    for line in candidates.tolist():
        last = int(last_token[line])
        wrapped = filled[line] + 1 + len(tokens[last + 1]) > typical[line]  # the next line's first word did not fit
        heading = not lower_start[last + 1 - int(per_line[line]):last + 1].any()  # "Company Limited", "Glenlochy House"
        if not (wrapped or heading) and tokens[last].rstrip(_CLOSERS + ")]")[-1:] not in _CLOSED_LINE_END:
            missing[line] = typical[line] - filled[line]
    return missing


def _indents(starts: np.ndarray, token_starts: np.ndarray, tokens_per_line: np.ndarray) -> np.ndarray:
    """Each line's leading whitespace in characters (0 for a blank line): where its first token starts.

    >>> _indents(np.array([0, 6, 7]), np.array([2, 4, 9]), np.array([2, 0, 1])).tolist()
    [2, 0, 2]
    """
    first = np.cumsum(tokens_per_line) - tokens_per_line  # each line's first token (past the last for a blank line)
    has = tokens_per_line > 0
    indents = np.zeros(len(starts), dtype=np.int64)
    indents[has] = token_starts[first[has]] - starts[has]
    return indents


def _median_full_line(filled: np.ndarray, page_of_line: np.ndarray) -> np.ndarray:
    """Each page's median length of lines of at least ``_FULL_LINE`` characters (0 with fewer than ``_FULL_LINES``)."""
    pages = int(page_of_line[-1]) + 1 if len(page_of_line) else 0
    full = (filled >= _FULL_LINE).nonzero()[0]
    order = full[np.lexsort((filled[full], page_of_line[full]))]
    counts = np.bincount(page_of_line[order], minlength=pages)
    first = np.cumsum(counts) - counts
    sizes = filled[order]
    low, high = first + (counts - 1) // 2, first + counts // 2
    ok = counts >= _FULL_LINES
    median = np.zeros(pages)
    median[ok] = (sizes[low[ok]] + sizes[high[ok]]) / 2.0
    return median


def _line_of(breaks: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """The line of each character at ``positions`` (lines end at ``breaks``; a break belongs to the line it ends).

    >>> _line_of(np.array([2, 5]), np.array([0, 2, 3, 6])).tolist()
    [0, 0, 1, 2]
    """
    return np.searchsorted(breaks, positions)


def _line_counts(flags: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """How many of ``flags`` (one per character) are set in each line (lines begin at ``starts``).

    Summed per line by ``reduceat``, without running sums as long as the text: every line but the last
    holds at least its break, so the starts rise strictly; the last line is empty when the text ends
    with a break.

    >>> _line_counts(np.array([True, False, True, True]), np.array([0, 2, 4])).tolist()
    [1, 2, 0]
    """
    counts = np.zeros(len(starts), dtype=np.int64)
    filled = int(np.searchsorted(starts, len(flags)))  # the lines that hold characters
    if filled:
        counts[:filled] = np.add.reduceat(flags, starts[:filled], dtype=np.int64)
    return counts


def _group_sums(group: np.ndarray, rows: np.ndarray, groups: int) -> np.ndarray:
    """Column sums of ``rows`` (n × k) per ``group`` (n indices below ``groups``): one bincount for all k columns."""
    width = rows.shape[1]
    cells = (group[:, None] * width + np.arange(width)).ravel()
    return np.bincount(cells, weights=np.ascontiguousarray(rows).ravel(), minlength=groups * width).reshape(groups, width)


def _clear_table_rows(codes: np.ndarray, space: np.ndarray, breaks: np.ndarray, n_lines: int,
                      masses: np.ndarray, alnum: np.ndarray, nonspace: np.ndarray) -> None:
    """Markdown table rows ("| a | b |", "|---|---|") are structure, not noise: their pipes and rules count for nothing.

    Changes ``masses`` and ``nonspace`` in place: a row's "|", "-" and ":" no
    longer count as symbols or odd characters, nor against its share of letters.
    """
    pipes = np.bincount(_line_of(breaks, (codes == 124).nonzero()[0]), minlength=n_lines)
    candidates = (pipes >= 2).nonzero()[0]
    if not len(candidates):
        return
    filled = (~space).nonzero()[0]
    line_of = _line_of(breaks, filled)
    first = np.searchsorted(line_of, candidates, side="left")
    last = np.searchsorted(line_of, candidates, side="right") - 1
    rows = candidates[(codes[filled[first]] == 124) & (codes[filled[last]] == 124)]
    if not len(rows):
        return
    structure = (codes == 124) | (codes == 45) | (codes == 58)  # | - :
    counts = np.bincount(_line_of(breaks, structure.nonzero()[0]), minlength=n_lines)[rows]
    masses[rows, _COL["symbols"]] = 0.0
    masses[rows, _COL["odd_chars"]] = np.maximum(masses[rows, _COL["odd_chars"]] - pipes[rows], 0.0)
    nonspace[rows] = np.maximum(nonspace[rows] - counts, 0)
    # A rule row ("|---|:---:|") has nothing left and is no line of noise.
    alnum[rows] = np.where(nonspace[rows] == 0, 1, alnum[rows])


def _rule_lines(rule: np.ndarray, starts: np.ndarray, nonspace: np.ndarray) -> np.ndarray:
    """The lines made only of three or more rule characters (``rule``: per character): "-----", "=====", "* * *".

    >>> classes = _CLASSES[[ord(char) for char in "ab\\n-- --\\n* * *"]]
    >>> starts = np.array([0, 3, 9])
    >>> _rule_lines(_is(classes, _RULE), starts, _line_counts(~_is(classes, _SPACE), starts))
    array([1, 2])
    """
    ruled = _line_counts(rule, starts)
    return ((ruled == nonspace) & (nonspace >= 3)).nonzero()[0]


def _confidence_mass(confidences: Sequence[Sequence[tuple[int, float | None]]], n_lines: int) -> tuple[np.ndarray, np.ndarray]:
    """Per line: characters times (1 - confidence) of its words that have a confidence, and how many have one."""
    mass = np.zeros(n_lines)
    counts = np.zeros(n_lines)
    for index, words in enumerate(confidences[:n_lines]):
        known = [(chars, value) for chars, value in words if value is not None]
        mass[index] = sum((chars + 1) * (1.0 - value) for chars, value in known)
        counts[index] = len(known)
    return mass, counts


def _own_words(table: _TokenTable, ids: np.ndarray, charged: np.ndarray, token_masses: np.ndarray) -> None:
    """Move unknown, rare and letter-garbage words the document uses often to ``repeated`` (in place): OWN_WORD_COUNT
    times, or OWN_NAME_COUNT for ``names`` and ``rare`` words, and for all of them where fewer than
    OWN_WORD_DAMAGE of the tokens are ``charged``.

    ``token_masses``: the rows of the tokens ``charged`` (indices into ``ids``).
    """
    present, uses = _counted(ids, len(table.index))  # the text's own types
    words = table.key_ids[present] >= 0
    present, uses = present[words], uses[words]
    _, word = _distinct(table.key_ids[present])  # types of one folded word: "Genscher", "Genscher's"
    total = np.bincount(word, weights=uses)[word]
    own, often = present[total >= OWN_NAME_COUNT], total[total >= OWN_NAME_COUNT] >= OWN_WORD_COUNT
    if len(own):
        # kind="sort": numpy's default for isin is a table as wide as the ids' range
        rows = np.isin(ids[charged], own[often], kind="sort")
        moved = [_COL["unknown"], _COL["names"], _COL["rare"], _COL["garbage"], _COL["merged"]]
        # Where damage is dense the same misreading of a common word recurs by chance; elsewhere any word printed
        # twice is the text's.
        twice = [_NAMES, _RARE] if len(charged) >= OWN_WORD_DAMAGE * len(ids) else moved
        rows |= np.isin(ids[charged], own[~often], kind="sort") & token_masses[:, twice].any(axis=1)
        rows = rows.nonzero()[0]
        token_masses[rows, _COL["repeated"]] = token_masses[rows][:, moved].sum(axis=1)
        for column in moved:
            token_masses[rows, column] = 0.0


def _listed_names(lines: np.ndarray, token_masses: np.ndarray, n_lines: int) -> None:
    """Move the ``names`` mass of lines that list names to ``repeated`` (in place): lines with at least
    LISTED_NAMES capitalised unknown words and no other word evidence ("And Kinah, and Dimonah, and Heshmon,").

    ``lines``: the line of each row of ``token_masses``. Damage clusters (``dense_lines``): a misread capitalised
    word comes with misread words beside it, while a genealogy, a directory or a shipping list prints lines of
    correctly read names among clean words.

    >>> rows = np.zeros((3, len(_TOKEN_FEATURES))); rows[:, _NAMES] = 2.0
    >>> _listed_names(np.array([0, 0, 1]), rows, 2); rows[:, _NAMES].tolist(), rows[:, _COL["repeated"]].tolist()
    ([0.0, 0.0, 2.0], [2.0, 2.0, 0.0])
    """
    named = token_masses[:, _NAMES] > 0
    names = np.bincount(lines, weights=named, minlength=n_lines)
    other = np.bincount(lines, weights=token_masses[:, _OTHER_EVIDENCE].sum(axis=1), minlength=n_lines)
    rows = (named & (names[lines] >= LISTED_NAMES) & (other[lines] == 0.0)).nonzero()[0]
    token_masses[rows, _COL["repeated"]] += token_masses[rows, _NAMES]
    token_masses[rows, _NAMES] = 0.0


def _capitalised_rare(tokens: Sequence[str], charged: np.ndarray, token_masses: np.ndarray) -> None:
    """Move the ``rare`` mass of capitalised rare words inside a sentence to ``repeated`` (in place): a listed
    word in title case that does not follow the end of a sentence ("at Lowestoft on", "in Cheapside,").

    Inside a sentence a capital marks a name, and a listed name is most often read right (held-out OCR 89%,
    the project corpus 66%); a misread word comes out a non-word far more often than a rare name. After a
    sentence's end (or as the text's first word) any word is capitalised: those stay ``rare``. ``token_masses``:
    the rows of the tokens ``charged``.

    >>> tokens = ["In", "Cheapside", "it", "rained.", "Cheapside", "dried."]
    >>> rows = np.zeros((2, len(_TOKEN_FEATURES))); rows[:, _RARE] = 0.5
    >>> _capitalised_rare(tokens, np.array([1, 4]), rows); rows[:, _RARE].tolist(), rows[:, _COL["repeated"]].tolist()
    ([0.0, 0.5], [0.5, 0.0])
    """
    rare = token_masses[:, _RARE].nonzero()[0]
    moved = [row for row, index in zip(rare.tolist(), charged[rare].tolist())
             if index and _capitalised(tokens[index].strip(_EDGE_PUNCT).rstrip("."))
             and not tokens[index - 1].rstrip(_AFTER_SENTENCE).endswith(_SENTENCE_ENDS)]
    token_masses[moved, _COL["repeated"]] += token_masses[moved, _RARE]
    token_masses[moved, _RARE] = 0.0


#: A confusion is the document's own when misread words of at least this many different tokens show it.
RECURRING_WORDS = 3
#: The word a misread word is read as must be at least this common (Zipf): a rare word one letter away
#: from a string is chance.
_RECURRING_ZIPF = 3.0
_CONFUSION_SAMPLE = 200  # misread words tried with every confusion (see _TokenTable.confusions)


def _recurring(table: _TokenTable, tokens: Sequence[str], ids: np.ndarray, charged: np.ndarray,
               token_masses: np.ndarray) -> None:
    """Move the mass of misread words that one letter confusion the document makes again and again explains
    to ``recurring``, one edit each (in place).

    An engine reading a worn or unfamiliar face makes one confusion all through a document (every medial long
    s read as f, every r of a typewriter face as y): each such word holds one wrong letter, not the several
    edits a misread word usually stands for. ``token_masses``: the rows of the tokens ``charged``.
    """
    suspects = (token_masses[:, _UNKNOWN] + token_masses[:, _NONWORD]).nonzero()[0]
    if len(suspects) < RECURRING_WORDS:
        return
    suspect_ids = ids[charged[suspects]]
    confusions = table.confusions(suspect_ids, tokens, charged[suspects])
    found = (confusions >= 0).nonzero()[0]
    if len(found) < RECURRING_WORDS:
        return
    confusions = confusions[found]
    # confusion -> the distinct tokens it explains ("houfe" and "houfe," count apart: counting words instead
    # read two of the held-out sets 0.02 and 0.12 points worse)
    explained: dict[int, set[int]] = {}
    for kind, type_id in zip(confusions.tolist(), suspect_ids[found].tolist()):
        explained.setdefault(kind, set()).add(type_id)
    recurring = [kind for kind, seen in explained.items() if len(seen) >= RECURRING_WORDS]
    if not recurring:
        return
    rows = suspects[found[np.isin(confusions, recurring)]]
    token_masses[rows, _RECURRING] = 1.0
    token_masses[rows, _UNKNOWN] = token_masses[rows, _NONWORD] = 0.0


_COUNTED_SHARE = 4  # tokens count their types in an array as long as the table from a quarter of its length on


def _counted(ids: np.ndarray, types: int) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(ids, return_counts=True)`` of token ids below ``types``: the distinct ids, ascending, and their counts.

    A long text's tokens are counted into an array of all ``types`` (one pass, no sort); a short one's
    (a page) are sorted: the token table is kept between calls and grows, and an array as long as it
    on every page would cost more than the sort.

    >>> [part.tolist() for part in _counted(np.array([5, 2, 5, 9]), 10)]
    [[2, 5, 9], [1, 2, 1]]
    >>> [part.tolist() for part in _counted(np.array([5, 2, 5, 9]), 1000)]
    [[2, 5, 9], [1, 2, 1]]
    """
    if len(ids) * _COUNTED_SHARE < types:
        return np.unique(ids, return_counts=True)
    counts = np.bincount(ids)
    present = counts.nonzero()[0]
    return present, counts[present]


def _distinct(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``np.unique(values, return_inverse=True)`` of a 1-D array, by one sort and a binary search.

    On a page's few hundred tokens numpy's ``unique`` costs several times as much, almost all of
    it fixed cost per call; and the text is measured one page at a time.

    >>> [part.tolist() for part in _distinct(np.array([5, 2, 5, 9]))]
    [[2, 5, 9], [1, 0, 1, 2]]
    """
    ordered = np.sort(values)
    first = np.ones(len(ordered), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    distinct = ordered[first]
    return distinct, np.searchsorted(distinct, values)


def _set_marks(tokens: Sequence[str], token_line: np.ndarray, charged: np.ndarray) -> list[int]:
    """Positions in ``charged`` (indices of ``tokens``) of marks that are typography where they stand.

    A mark set after a space that follows a word or a number on the same line ("Bells, 25 ; recast",
    "Hark !"): old print (and French print to this day) sets ``; : ! ?`` after a thin space, which engines
    read as a space; the marks an engine makes of specks mostly stand after a stop or another mark
    ("Commons. :", "Surv: :") or open a line. And a dash or two opening a line, perhaps with a comma: in an
    index or a list it stands for the heading above ("Charity, Dyson's, 120" / "-- Holroyd's, 121",
    "——, Lady Anne, 15").

    >>> tokens = "25 ; recast . : Hark ! —, Lady ,".split()
    >>> _set_marks(tokens, np.array([0, 0, 0, 0, 0, 0, 0, 1, 1, 2]), np.array([1, 4, 6, 7, 9]))
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


def _line_end_hyphens(table: _TokenTable, tokens: TokenSpans, token_line: np.ndarray,
                      hyphen: np.ndarray) -> list[int]:
    """The tokens of words hyphenated at a line end ("com-" / "petitors") whose halves join to a known word:
    their masses are cleared."""
    ends = (hyphen[:-1].astype(bool) & (token_line[:-1] != token_line[1:])).nonzero()[0]
    cleared = []
    for index, head, tail in zip(ends.tolist(), tokens.texts(ends), tokens.texts(ends + 1)):
        joined = head[:-1].lstrip(_EDGE_PUNCT) + tail.rstrip(_EDGE_PUNCT)
        if table.lex.zipf(joined) > 0.0:
            cleared += [index, index + 1]
    return cleared


def loop_spans(text: str, signals: Signals | None = None) -> list[tuple[int, int]]:
    """Spans of ``text`` the ``dedup`` strategy would remove as repetition loops (``signals``: the text's,
    whose code points the search reads when given).

    >>> loop_spans("ok " + "la la " * 10)
    [(5, 62)]
    """
    from ocrfix.strategies.dedup import Dedup

    if signals is None:
        return [(edit.start, edit.end) for edit in Dedup().propose(text)]
    return [(loop.start, loop.end) for loop in Dedup().loops(text, signals.codes, signals.space, signals.token_bounds)]
