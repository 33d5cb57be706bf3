"""The signals of OCR quality that need no ground truth, per line and per page.

Every signal is a *character mass*: how many characters of a line fall in
tokens of one kind (for the word signals ``unknown`` to ``garbage``, a word of
``n`` characters weighs ``n ** WORD_MASS_POWER``: see :func:`~ocrfix.quality.words.word_mass`).
Summed over a page and divided by the page's characters it is a rate, in the unit of CER,
which the calibration (:mod:`ocrfix.quality.calibrate`) maps to an estimated CER.

This module composes them into one :class:`Signals` table; each is measured where its concept lives:
:mod:`~ocrfix.quality.features` (the column names), :mod:`~ocrfix.quality.tokentable` (each
distinct token's word signals, cached), :mod:`~ocrfix.quality.words` (the lexicon's view of a word),
:mod:`~ocrfix.quality.shapes` (garbage, symbols and marks), :mod:`~ocrfix.quality.sentences`
(broken sentences, names inside a sentence), :mod:`~ocrfix.quality.vocabulary` (the document's own
words, listed names, recurring confusions) and :mod:`~ocrfix.quality.lines` (the line and layout
signals). The signals:

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
    "cnuipuii", "Tne"; character model above :data:`~ocrfix.quality.tokentable.IMPLAUSIBLE_BITS` bits/char), and
    of the commonest words' clear misprints ("tbe", :func:`~ocrfix.quality.words.clear_misprints`).
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
    :data:`~ocrfix.quality.sentences.BROKEN_BESIDE_DAMAGE` beside a misread word ("tiat. the", "th. wh").
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
    shorter than :data:`~ocrfix.quality.lines.CUT_LINE_SHARE` of the page's median full line, not
    ending a sentence, clause or word (``.!?:;`` or a hyphen), whose next
    line starts in lower case with a word that would have fitted on it, and
    holding a word in lower case (a heading or an address line is short by
    design). Set
    text fills its lines up to the last line of a paragraph; an engine that
    drops words at a line's edge (a faint or curled margin, a missed text box)
    leaves such a line. It counts the characters by which the line falls short
    of the median. Pages that keep a paragraph a line (median full line over
    :data:`~ocrfix.quality.lines.LONG_LINE`) have none.
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

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ocrfix.tokenspans import code_points, FEW_TOKENS, TokenSpans
from ocrfix.quality import language
from ocrfix.quality.features import (
    COLUMN, FEATURES, NOISE_COLUMNS, SYMBOLS_COLUMN, TOKEN_FEATURES, WORD_EVIDENCE_COLUMNS
)
from ocrfix.quality.lines import (
    ALNUM_CLASS, CHAR_CLASSES, clear_table_rows, CONTROL_CLASS, count_per_line, cut_shortfalls, find_rule_lines,
    group_sums, in_class, line_at, line_density, line_end_hyphens, line_indents, RULE_CLASS, SPACE_CLASS
)
from ocrfix.quality.sentences import broken_sentence_mass, move_capitalised_rare
from ocrfix.quality.shapes import typeset_marks
from ocrfix.quality.tokentable import shared_table
from ocrfix.quality.vocabulary import move_listed_names, move_own_words, move_recurring, unique_inverse


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
        masses = group_sums(self.page, self.masses, self.pages)
        if self.pages > 1:
            masses[:, COLUMN["pages"]] = 1.0
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


def _measure(text: str, confidences: Sequence[Sequence[tuple[int, float | None]]] | None) -> Signals:
    codes = code_points(text)
    # take: twice as fast as fancy indexing on a text-long array; "clip" reads code points past the table as its last
    classes = CHAR_CLASSES.take(codes, mode="clip")
    space = in_class(classes, SPACE_CLASS)
    breaks = ((codes == 10) | (codes == 12)).nonzero()[0]
    starts = np.concatenate(([0], breaks + 1))
    n_lines = len(starts)
    page_of_line = np.concatenate(([0], np.cumsum(codes[breaks] == 12))).astype(np.int64)
    pages = int(page_of_line[-1]) + 1
    nonspace = count_per_line(~space, starts)
    alnum = count_per_line(in_class(classes, ALNUM_CLASS), starts)
    junk = in_class(classes, CONTROL_CLASS).nonzero()[0]
    high = (codes >= 0xD800).nonzero()[0]
    if len(high):  # surrogates, private use, U+FFFD
        unit = codes[high]
        junk = np.concatenate((junk, high[(unit <= 0xF8FF) | (unit == 0xFFFD)]))
    not_text = np.bincount(page_of_line[line_at(breaks, junk)], minlength=pages)

    tokens = TokenSpans(text, space)  # text.split(), each token sliced out where read
    token_starts = tokens.starts
    tokens_per_line = np.diff(np.searchsorted(token_starts, np.append(starts, len(codes))))
    token_line = np.repeat(np.arange(n_lines), tokens_per_line)  # of each token's first character
    chars = (nonspace + tokens_per_line).astype(float)  # tokens, the spaces between, the line break
    filled = chars - 1.0  # without the line break

    masses = np.zeros((n_lines, len(FEATURES)))
    words = latin = letters = np.zeros(pages)
    token_evidence = np.zeros(len(tokens))
    hits = np.zeros((pages, len(language.codes())))
    if tokens:
        table = shared_table()
        if len(tokens) > FEW_TOKENS:  # a long text repeats its words: each distinct one is looked up once
            distinct, ids = tokens.distinct(codes)
            ids = table.numbers(distinct).take(ids)
        else:
            ids = table.numbers(text.split())
        # Most tokens carry no mass (and adding 0.0 changes no sum): only the others' rows are taken.
        charged = table.charged.take(ids).nonzero()[0]
        token_masses = table.rows.take(ids[charged], axis=0)  # take: several times faster than fancy indexing
        move_own_words(table, ids, charged, token_masses)
        move_recurring(table, tokens, ids, charged, token_masses)
        symbols = token_masses[:, SYMBOLS_COLUMN].nonzero()[0]
        token_masses[symbols[typeset_marks(tokens, token_line, charged[symbols])], SYMBOLS_COLUMN] = 0.0
        aux = table.aux.take(ids, axis=0)
        cleared = line_end_hyphens(table, tokens, token_line, aux[:, 5])
        if cleared:
            token_masses[np.isin(charged, cleared, kind="sort")] = 0.0
        move_listed_names(token_line[charged], token_masses, n_lines)
        move_capitalised_rare(tokens, charged, token_masses)
        masses[:, :len(TOKEN_FEATURES)] = group_sums(token_line[charged], token_masses, n_lines)
        token_evidence[charged] = token_masses[:, WORD_EVIDENCE_COLUMNS].sum(axis=1)
        token_page = page_of_line[token_line]
        words = np.bincount(token_page, weights=aux[:, 0] > 0, minlength=pages)
        letters = np.bincount(token_page, weights=aux[:, 0], minlength=pages)
        latin = np.bincount(token_page, weights=aux[:, 1], minlength=pages)
        if len(tokens) > 1:  # "their. and": a sentence ends, the next word starts in lower case
            broken = (aux[:-1, 3] & aux[1:, 4]).nonzero()[0] + 1
            masses[:, COLUMN["broken_sentences"]] = np.bincount(
                token_line[broken], broken_sentence_mass(broken, token_evidence), minlength=n_lines)
        indents = line_indents(starts, token_starts, tokens_per_line)
        masses[:, COLUMN["cut_lines"]] = cut_shortfalls(tokens, tokens_per_line, aux[:, 4], filled, page_of_line,
                                                        indents)
        masked = aux[:, 2].nonzero()[0]
        masks, kinds = unique_inverse(aux[masked, 2])  # a few distinct sets of languages
        per_kind = np.bincount(token_page[masked] * len(masks) + kinds, minlength=pages * len(masks)).reshape(pages, len(masks))
        # in floating point (BLAS; integer matmul has no fast path): the counts stay exact
        hits = per_kind.astype(float) @ ((masks[:, None] >> np.arange(hits.shape[1])) & 1).astype(float)
    clear_table_rows(codes, space, breaks, n_lines, masses, alnum, nonspace)
    masses[:, COLUMN["short_lines"]] = np.where((filled >= 1) & (filled <= 3), chars, 0.0)
    bad = masses[:, NOISE_COLUMNS].sum(axis=1)
    noisy = (filled > 3) & ((alnum < 0.5 * nonspace) | (bad > 0.5 * chars))
    masses[:, COLUMN["noise_lines"]] = np.where(noisy, chars, 0.0)
    rules = find_rule_lines(in_class(classes, RULE_CLASS), starts, nonspace)
    masses[rules] = 0.0  # a printed rule ("-----", "* * *", a dot leader) is typography, not misread text
    alnum[rules] = nonspace[rules]
    evidence = masses[:, WORD_EVIDENCE_COLUMNS].sum(axis=1)
    masses[:, COLUMN["dense_lines"]] = line_density(evidence, chars, starts, len(codes), token_line, token_starts,
                                              token_evidence)
    confident = np.zeros(pages)
    if confidences is not None:
        mass, counts = _confidence_mass(confidences, n_lines)
        masses[:, COLUMN["confidence"]] = mass
        confident = np.bincount(page_of_line, weights=counts, minlength=pages)
    page_sum = lambda values: np.bincount(page_of_line, weights=values, minlength=pages)  # noqa: E731
    return Signals(masses, chars, page_of_line, starts, pages, page_sum(nonspace), page_sum(alnum), not_text,
                   words, latin, letters, hits, confident, codes, space, (tokens.starts, tokens.ends))


def _confidence_mass(confidences: Sequence[Sequence[tuple[int, float | None]]], n_lines: int) -> tuple[np.ndarray, np.ndarray]:
    """Per line: characters times (1 - confidence) of its words that have a confidence, and how many have one."""
    mass = np.zeros(n_lines)
    counts = np.zeros(n_lines)
    for index, words in enumerate(confidences[:n_lines]):
        known = [(chars, value) for chars, value in words if value is not None]
        mass[index] = sum((chars + 1) * (1.0 - value) for chars, value in known)
        counts[index] = len(known)
    return mass, counts


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
