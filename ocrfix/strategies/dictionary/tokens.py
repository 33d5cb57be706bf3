"""The tokens of a text as the dictionary reads them: whitespace-delimited tokens, their word parts
(edge punctuation stripped), the gaps between them, and what their neighbours say about them.

>>> tokens = Tokens("The mill, “he said, ter-\\nminates")
>>> tokens.cores, sorted(tokens.line_break_halves())
(['The', 'mill', 'he', 'said', 'ter', 'minates'], [4, 5])
"""
from __future__ import annotations

import bisect
import operator
from collections import Counter
from functools import cached_property
from itertools import compress, islice, repeat
from typing import Callable, Mapping

import numpy as np
import regex

from ocrfix.hyphenation import HYPHENS, MISREAD_HYPHENS
from ocrfix.lexicon import Vocabulary, fold, fold_many
from ocrfix.pipeline import Edit
from ocrfix.tokenspans import bounds, code_points, matches_at, offsets

# The word part of a token (searched for): from its first letter or digit to its last, edge punctuation
# stripped, but a symbol no word starts with, stuck to the front of a word, is kept as a misread letter
# ("*he", "¢he", "©f").
WORD_PART_MARKS = "*~|«»¢©°™^`#<>\\{}"
WORD_PART = regex.compile(f"[{regex.escape(WORD_PART_MARKS)}]?" + r"[\p{L}\p{N}](?:.*[\p{L}\p{N}])?", regex.DOTALL)
# The ASCII characters that are no letter or digit: an ASCII token's edges stripped of these are its word part's
# letters and digits (as WORD_PART finds them, without a search: most tokens are ASCII)
ASCII_NON_ALNUM = "".join(ch for ch in map(chr, range(128)) if not ch.isalnum())
LINE_END_HYPHEN = regex.compile(f"[{HYPHENS}][ \t]*\r?\n")
# A hyphen inside a line before a lower-case letter: a word broken at a line end whose lines an export or
# a dataset joined with a space ("incre- ased"), or a letter misread as a hyphen ("whol- of the").
INLINE_HYPHEN = regex.compile(f"(?<=\\p{{L}})[{HYPHENS}][ \t]+(?=\\p{{Ll}})")
BREAK_AFTER_HYPHEN = frozenset(" \t\r\n")  # the characters that may follow the hyphen of either pattern
# A line that ends in a letter before one that starts in lower case: where OCR lost a line-end hyphen
# ("ar\ngument") the halves are pieces of one word. Found from its line feed (see _letter_line_breaks).
LINE_FEED_BEFORE_LOWER = regex.compile(r"\n(?=[ \t]*\p{Ll})")
LETTER = regex.compile(r"\p{L}")
# Where a sentence opens, and where a word is capitalised inside one. The rules ask in two directions, and
# each test is as sure as its use needs, so they differ on purpose (each keeps the output it was measured with):
# - Tokens.may_open_sentence: after any stop, "!", "?", colon or semicolon (CLAUSE_END), or a paragraph
#   break. Where a printed capital is only excused (not taken for a name's, no join across it, a repair
#   capitalised there): a doubtful place counts as an opening.
# - Tokens.opens_sentence: beyond doubt (a lower-case word's or a headline's stop). Where the printed capital
#   is taken for the sentence's and the word read as a lower-case misreading: a doubtful place is none.
# - Tokens.word_stop_before and stop_before: a word or a figure (not a speck, an initial, "e.g.") with a stop right
#   after it. Where a repair's new first letter, whose case the print lost, is made a capital; the first
#   on tokens, the second on the raw text for the final edits (a closing quote may follow the stop there).
#   Tokens.item_number_before adds a numbered paragraph's number at a line's start ("19. rhe" -> "The"):
#   the clean texts of the damage check capitalise the word after one 107 times in 112, held-out ground truth 118 in 118.
#   Tokens.opens_paragraph adds the text's and a paragraph's start, but for a blank line the OCR put inside a sentence.
# - Tokens.capitalised_inside: printed capitalised where may_open_sentence says no: a name, left alone.
#   capitalised_mid_line_only is narrower (after a lower-case word, a figure or , ; : on the same line): the
#   evidence that a repair should be given a capital, which a line start or a bracket does not give.
CLAUSE_STOPS, CLAUSE_CLOSERS = ".!?:;", "\"'”’)]"
CLAUSE_END = regex.compile(f"[{regex.escape(CLAUSE_STOPS)}][{regex.escape(CLAUSE_CLOSERS)}]*$")
CLAUSE_END_LAST = CLAUSE_STOPS + CLAUSE_CLOSERS  # the last character of a token CLAUSE_END matches in (asked first)
# Titles of persons set with a point before a name, which no sentence ends with ("Mr.", "Capt."): the word after
# one is the name's, capitalised as names are (not "St.", also a street's, nor "No.", a number's).
PERSON_TITLES = frozenset(("mr", "mrs", "messrs", "ms", "dr", "rev", "revd", "capt", "col", "gen", "lieut", "lt",
                           "sgt", "prof", "hon", "mme", "mlle", "sen", "gov"))
# A line at least this share of the text's typical (median) line is full: a paragraph ends in a shorter one, so a
# blank line after a full one ending in a lower-case letter ("as a viable\n\nntity") is the OCR's, inside a sentence
FULL_LINE = 0.8
ITEM_NUMBER = regex.compile(r"\d{1,3}[.)]")  # a numbered paragraph's or list item's number
WORD_STOP_BEFORE = regex.compile(r"[\p{L}\p{N}][.!?][\"'’”)]?\s+$")
CAPITALISED_FORM = regex.compile(r"\p{Lu}\p{Ll}+")
LOWER_FORM = regex.compile(r"\p{Ll}+")
# Marks engines print for a listed word's first letter ("“he", "+he" for "the"): quotation marks and
# symbols no word starts with, and the underscore some engines (gocr) print for a glyph they cannot read
# ("_ith"). Brackets and dashes are left out: before a word they are mostly real.
LETTER_MARKS = "“‘\"'+*~»«<>|^_"
# Symbols (no punctuation a word may end with) OCR prints for a last letter; the degree and pound signs for the f
# of "of" in worn typescript ("o° the", "o£ the"): after a letter, in prose, neither is a sign of its own
LAST_LETTER_MARKS = "+*~|^<>»«_°£"
# Punctuation OCR prints for a word's worn last letter (an s or an e read as a colon: "and ha: never"; "discus- any";
# a typewriter's faint letter as a stop: "on publi. expenditure"): the word's own mark but before a lower-case word it
# does not pair with (Dictionary._closing_fits)
CLOSING_LETTER_MARKS = ":!?=™-."
# The text's own punctuation before a word, read as a first letter only after the dictionary's MARKS_READ
MARKS_BEFORE = "-.:"
OPENING_MARK = regex.compile(rf"(?<!\S)[{regex.escape(MARKS_BEFORE)}](?=\p{{Ll}})")  # one of them opening a token


def _space_tables() -> tuple[np.ndarray, np.ndarray]:
    """Which code points of the Basic Multilingual Plane separate tokens (regex's ``\\s``, Unicode White_Space:
    no character above it is one), and which ``str.strip`` takes for whitespace (those and ``\\x1c``-``\\x1f``)."""
    plane = "".join(map(chr, range(0x10000)))
    separating = np.zeros(0x10000, dtype=bool)
    separating[[ord(ch) for ch in regex.findall(r"\s", plane)]] = True
    return separating, np.array([ch.isspace() for ch in plane], dtype=bool)


TOKEN_SPACE, STRIPPED_SPACE = _space_tables()


class Tokens:
    """The whitespace-delimited tokens of a text, with their word parts (edge punctuation stripped)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.repaired: dict[int, str] = {}  # token number -> its repaired word, folded
        self.taken: set[int] = set()  # token numbers a pattern repair (postcode, lost space) changed
        self.unfitting: set[int] = set()  # token numbers no real-word reading fits as printed (Dictionary._unfitting)
        self.opening: set[int] = set()  # capitalised words opening a sentence, read in lower case (Dictionary._opening)
        self.one_sided: set[int] = set()  # token numbers of the document's own misprints read by one neighbour
        self.before_name: set[int] = set()  # lower-case words before a name, read by one side (Dictionary._before_name)
        self.misread_words: list[tuple[str, str]] = []  # (printed, read) of the real-word repairs (Dictionary._real_word)
        self.misprinted: set[str] = set()  # their printed words, folded
        self.loses_letters: bool | None = None  # does the page lose letters as a habit (Dictionary._half_word_edit)?
        self.left_alone: set[int] = set()  # token numbers the pass read as words and left alone (Dictionary._word_edit)
        self.glue_pairs: dict[tuple[int, float], list] = {}  # see Dictionary._glue_pairs
        self.vocabulary = Vocabulary()
        self.unknown_prior = 0.0  # the plain prior of an unknown word, until Dictionary._unknown_prior sets the text's
        self.words: list[tuple[str, int, float]] | None = None  # see Dictionary._words
        self._positions: dict[str, list[int]] | None = None  # folded word -> its token numbers, when needed
        self._paired_places: dict[str, list[int]] = {}  # folded word -> see attested_elsewhere
        self._capitalised_only: dict[str, bool] = {}  # lower-case word -> see capitalised_only
        self._capitalised_inside: dict[str, bool] = {}  # folded word -> see capitalised_inside
        codes = code_points(text)
        self.raw_starts, self.raw_ends = _token_bounds(codes)
        self.raws = [text[start:end] for start, end in zip(self.raw_starts, self.raw_ends)]
        parts = _word_parts(self.raws)
        if None in parts.values():  # tokens with no letter or digit ("--", "..."): no words
            kept = [parts[raw] is not None for raw in self.raws]
            self.raws, self.raw_starts, self.raw_ends = (
                list(compress(values, kept)) for values in (self.raws, self.raw_starts, self.raw_ends))
        leads = {raw: part[0] for raw, part in parts.items() if part is not None}
        cores = {raw: part[1] for raw, part in parts.items() if part is not None}
        self.cores: list[str] = list(map(cores.__getitem__, self.raws))
        self.starts: list[int] = list(map(operator.add, self.raw_starts, map(leads.__getitem__, self.raws)))  # of the word part
        self.ends: list[int] = list(map(operator.add, self.starts, map(len, self.cores)))
        distinct = list(dict.fromkeys(self.cores))
        # each distinct word part -> folded (lexicon.fold), in one call: no core holds a line break
        folds = self.folds = dict(zip(distinct, fold_many(distinct)))
        self.folded = list(map(folds.__getitem__, self.cores))
        # the facts about a token and its next neighbour that the per-token rules ask for again and again:
        # its word part folded if all letters (else None); is the gap to the next token one space, and is
        # it whitespace without a paragraph break (see _gaps)
        words = {core: folds[core] if core.isalpha() else None for core in distinct}
        self.letter_words: list[str | None] = list(map(words.__getitem__, self.cores))
        spaced, linked = _gaps(codes, self.starts, self.ends)
        self.spaced, self.linked = spaced.tolist(), linked.tolist()
        # ``linked`` as an array, one per token: is token i linked to token i + 1 (False for the last token)
        self.linked_after: np.ndarray = np.append(linked, False)[:len(self.cores)]
        self._distinct = distinct
        self._flags: dict[Callable[[str], bool], np.ndarray] = {}  # see flags
        self._per_core: dict[Callable[[str], bool], list[bool]] = {}  # see per_core
        self._zipf_table: Mapping[str, float] | None = None  # see zipfs: the table last asked, and its values
        self._zipf_values = np.zeros(0)

    @cached_property
    def core_counts(self) -> Counter[str]:
        """How often each word part stands in the text, as printed (the vocabulary's counts and the long-s
        signature are made from them).

        >>> Tokens("The cat, the (cat)").core_counts
        Counter({'cat': 2, 'The': 1, 'the': 1})
        """
        return Counter(self.cores)

    @cached_property
    def _core_numbers(self) -> np.ndarray:
        """Each token's word part as its number among the distinct ones: flags per distinct word part are gathered
        per token from it in numpy, not looked up token by token."""
        number = {core: k for k, core in enumerate(self._distinct)}
        return np.fromiter(map(number.__getitem__, self.cores), dtype=np.intp, count=len(self.cores))

    def flags(self, test: Callable[[str], bool], among: np.ndarray | None = None) -> np.ndarray:
        """``test`` of each token's word part as an array, run once per distinct word part; kept, as the rules ask
        again. ``among``: flags per token that ``test`` implies (C tests already made), so that a Python ``test`` is
        run only on the word parts they leave in doubt (a Python call costs far more than its body); the same array.

        >>> Tokens("an An an").flags(str.islower).tolist()
        [True, False, True]
        >>> Tokens("an AN 1").flags(str.isupper, among=np.array([False, True, False])).tolist()
        [False, True, False]
        """
        flags = self._flags.get(test)
        if flags is None:
            if among is None:
                distinct = np.fromiter(map(test, self._distinct), dtype=bool, count=len(self._distinct))
            else:
                numbers = np.unique(self._core_numbers[among]).tolist()
                distinct = np.zeros(len(self._distinct), dtype=bool)
                distinct[numbers] = list(map(test, map(self._distinct.__getitem__, numbers)))
            flags = self._flags[test] = distinct[self._core_numbers]
        return flags

    @cached_property
    def capitalised_words(self) -> np.ndarray:
        """:func:`is_capitalised_word` of each token's word part, as an array: asked only of words of letters that are
        neither all small letters nor all capitals (its capital and its small letters rule out both).

        >>> Tokens("An an AN Ab1 Dr").capitalised_words.tolist()
        [True, False, False, False, True]
        """
        in_doubt = self.alpha_words & ~self.flags(str.islower) & ~self.flags(str.isupper)
        return self.flags(is_capitalised_word, among=in_doubt)

    def per_core(self, test: Callable[[str], bool]) -> list[bool]:
        """:meth:`flags` as a list; kept.

        >>> Tokens("an An an").per_core(str.islower)
        [True, False, True]
        """
        flags = self._per_core.get(test)
        if flags is None:
            flags = self._per_core[test] = self.flags(test).tolist()
        return flags

    @cached_property
    def lengths(self) -> np.ndarray:
        """The length of each token's word part, as an array.

        >>> Tokens("an “Ant, a").lengths.tolist()
        [2, 3, 1]
        """
        return np.fromiter(map(len, self._distinct), dtype=np.intp, count=len(self._distinct))[self._core_numbers]

    @cached_property
    def alpha_words(self) -> np.ndarray:
        """:func:`is_alpha_word` of each token's word part, as an array: C tests per distinct part, no Python one.

        >>> Tokens("an “Ant, a A1").alpha_words.tolist()
        [True, True, False, False]
        """
        return (self.lengths > 1) & self.flags(str.isalpha)

    @cached_property
    def lower_words(self) -> np.ndarray:
        """:func:`is_lower_alpha_word` of each token's word part, as an array (as :attr:`alpha_words`).

        >>> Tokens("an “Ant, a ab1").lower_words.tolist()
        [True, False, False, False]
        """
        return self.alpha_words & self.flags(str.islower)

    def zipfs(self, table: Mapping[str, float]) -> np.ndarray:
        """The value of each token's word part, folded, in ``table`` (a lexicon's :attr:`~Lexicon.word_table`), 0.0 where
        it has none, as an array: each distinct word part looked up once, in C (no Python call per part, as a test of
        :meth:`flags` is); kept for the last table asked.

        >>> Tokens("The xqzv, the").zipfs({"the": 7.7}).tolist()
        [7.7, 0.0, 7.7]
        """
        if self._zipf_table is not table:
            distinct = np.fromiter(map(table.get, self.folds.values(), repeat(0.0)), dtype=np.float64,
                                   count=len(self.folds))  # the folds are in the order of the distinct word parts
            self._zipf_table, self._zipf_values = table, distinct[self._core_numbers]
        return self._zipf_values

    def listed_flags(self, table: Mapping[str, float]) -> np.ndarray:
        """Is each token's word part a word of letters that ``table`` (a lexicon's :attr:`~Lexicon.word_table`) lists
        (not 0)? An array: the per-token rules ask ~100k times a pass over the corpus OCR.

        >>> Tokens("the xqzv, the 3x").listed_flags({"the": 7.7, "3x": 2.0}).tolist()
        [True, False, True, False]
        """
        return self.flags(str.isalpha) & (self.zipfs(table) != 0.0)

    def listed(self, table: Mapping[str, float]) -> list[bool]:
        """:meth:`listed_flags` as a list.

        >>> Tokens("the xqzv, the 3x").listed({"the": 7.7})
        [True, False, True, False]
        """
        return self.listed_flags(table).tolist()

    @cached_property
    def bare(self) -> np.ndarray:
        """Is each token its word part alone (no mark before or after it)?

        >>> Tokens("the “he said,").bare.tolist()
        [True, False, False]
        """
        return np.fromiter(map(operator.eq, self.raws, self.cores), dtype=bool, count=len(self.raws))

    def closes_before_lower(self, i: int) -> bool:
        """Does token ``i`` end with one mark, before a token that opens with a lower-case letter? There the mark may
        be a misread last letter (CLOSING_LETTER_MARKS: "ha: never", "publi. expenditure"), not the text's own.

        >>> tokens = Tokens("publi. expenditure ends. The ha:: never")
        >>> [tokens.closes_before_lower(i) for i in (0, 2, 4)]
        [True, False, False]
        """
        return self.ends[i] + 1 == self.raw_ends[i] and i + 1 < len(self.cores) and self.cores[i + 1][:1].islower()

    def marked_edges(self) -> set[int]:
        """The tokens that are lower-case words with a mark before them that engines print for a first letter
        (LETTER_MARKS: "“he"; a hyphen starting the token: "-f") or a symbol after them they print for a last one
        (LAST_LETTER_MARKS: "th~"), and capitalised words and digits with a mark before them ("‘Vilson", "‘1").

        >>> sorted(Tokens("“he said th~ “He” -f --f").marked_edges())
        [0, 2, 4]
        """
        text, starts, ends, raw_starts, raw_ends = self.text, self.starts, self.ends, self.raw_starts, self.raw_ends
        edged = map(operator.or_, map(operator.ne, starts, raw_starts), map(operator.ne, ends, raw_ends))
        return {i for i in compress(range(len(starts)), edged)
                if (starts[i] > raw_starts[i] and (text[starts[i] - 1] in LETTER_MARKS
                                                   or text[starts[i] - 1] == "-" and starts[i] - 1 == raw_starts[i])
                    or ends[i] < raw_ends[i] and (text[ends[i]] in LAST_LETTER_MARKS
                                                  or text[ends[i]] in CLOSING_LETTER_MARKS
                                                  and self.closes_before_lower(i)))
                and (self.cores[i].isalpha() and self.cores[i].islower()
                     or starts[i] > raw_starts[i] and (len(self.cores[i]) == 1 and self.cores[i].isdigit()
                                                       or is_marked_capital_word(self.cores[i])))}

    def line_break_halves(self, is_word: Callable[[str], bool] = lambda word: False) -> set[int]:
        """The numbers of the tokens on either side of a hyphen that breaks a word: "ter-" and "minates" of
        "ter-\\nminates", and inside a line "incre-" and "ased" of "incre- ased" where the halves make a word
        (``is_word`` of the folded join: "whol- of the" is a misread "whole"), and a line's last word and the
        next line's first where OCR lost the hyphen or read it as another mark: their join is a word, they are not both
        words ("ar\\ngument", "examina—\\ntion").

        Joining them is the layout strategy's decision; read alone, each half
        looks like a misspelt word ("ter" -> "tea") and repairing it does harm.

        >>> sorted(Tokens("the process ter-\\nminates here").line_break_halves())
        [2, 3]
        >>> sorted(Tokens("a great incre- ased trade").line_break_halves({"increased"}.__contains__))
        [2, 3]
        >>> sorted(Tokens("the first ar\\ngument").line_break_halves({"ar", "argument"}.__contains__))
        [2, 3]
        """
        halves = set()
        places = _hyphen_places(self.text)
        for pattern in (LINE_END_HYPHEN, INLINE_HYPHEN):
            for match in matches_at(pattern, self.text, places):
                i = bisect.bisect_left(self.raw_ends, match.start() + 1)  # the token the hyphen ends
                if i < len(self.raw_ends) and self.raw_ends[i] == match.start() + 1 and (
                        pattern is LINE_END_HYPHEN or i + 1 < len(self.raw_ends)
                        and is_word(self.folded[i] + self.folded[i + 1])):
                    halves.update((i, i + 1) if i + 1 < len(self.raw_ends) else (i,))
        for start in _letter_line_breaks(self.text):
            i = bisect.bisect_left(self.raw_ends, start)  # the token the line ends with
            if i + 1 < len(self.raw_ends) and self.raw_ends[i] == start \
                    and is_word(self.folded[i] + self.folded[i + 1]) \
                    and not (is_word(self.folded[i]) and is_word(self.folded[i + 1])):
                halves.update((i, i + 1))  # the hyphen lost: "ar\ngument" is no misread "argument" after "ar"
        return halves

    def touching(self, edits: list[Edit]) -> set[int]:
        """The numbers of the tokens whose whitespace-delimited span overlaps one of ``edits``."""
        touched = set()
        for edit in edits:
            j = bisect.bisect_right(self.raw_starts, edit.start) - 1
            j = max(j, 0)
            while j < len(self.raw_starts) and self.raw_starts[j] < max(edit.end, edit.start + 1):
                if self.raw_ends[j] > edit.start:
                    touched.add(j)
                j += 1
        return touched

    def outer_context(self, i: int, step: int) -> str | None:
        """The neighbouring word (step -1 or +1), folded, if only spaces separate the whole tokens and the
        neighbour's facing edge is a letter: the context of a word with a mark stuck to it ("to “he"); as repaired
        where this pass has repaired it."""
        j = i + step
        repaired = j in self.repaired
        if not 0 <= j < len(self.cores) or not (repaired or self.cores[j].isalpha()):
            return None
        if step < 0:
            between, facing = self.text[self.raw_ends[j]:self.raw_starts[i]], self.ends[j] == self.raw_ends[j]
        else:
            between, facing = self.text[self.raw_ends[i]:self.raw_starts[j]], self.starts[j] == self.raw_starts[j]
        if not facing or "\n\n" in between:
            return None
        return self._repaired_word(j, step) if repaired else self.folded[j]

    def attested_elsewhere(self, i: int, bigram: Callable[[str, str], float]) -> bool:
        """Is token i's word (folded) used elsewhere in the text in a word pair the ``bigram`` list holds?

        The list must be the same at every call: the places found are kept per word.
        """
        word = self.folded[i]
        places = self._paired_places.get(word)
        if places is None:  # the word's first two places in a listed pair: one of them is not i, if any is
            places = self._paired_places[word] = list(islice(
                (j for j in self.positions(word) if self._in_pair(j, bigram)), 2))
        return any(j != i for j in places)

    def _in_pair(self, j: int, bigram: Callable[[str, str], float]) -> bool:
        """Does token j's word form a pair the ``bigram`` list holds with the word before or after it?"""
        word, prev, nxt = self.folded[j], self.context(j, -1), self.context(j, +1)
        return bool(prev is not None and bigram(prev, word) or nxt is not None and bigram(word, nxt))

    def capitalised_inside(self, word: str) -> bool:
        """Is the folded ``word`` printed capitalised inside a sentence somewhere in the text, as a name is?

        >>> tokens = Tokens("Bell rang. The bell. Ho said so. Ho went")
        >>> tokens.capitalised_inside("bell"), tokens.capitalised_inside("ho")
        (False, False)
        >>> Tokens("Bell rang; ask Mr Bell").capitalised_inside("bell")
        True
        """
        found = self._capitalised_inside.get(word)
        if found is None:  # asked once per word: the places of a common one ("The" opening sentences) are many
            found = self._capitalised_inside[word] = any(self.cores[j][:1].isupper() and not self.may_open_sentence(j)
                                                         for j in self.positions(word))
        return found

    def positions(self, word: str) -> list[int]:
        """The numbers of the tokens whose word part, folded, is ``word`` (indexed once, when first asked)."""
        if self._positions is None:
            self._positions = {}
            for j, folded in enumerate(self.folded):
                self._positions.setdefault(folded, []).append(j)
        return self._positions.get(word, [])

    def capitalised_only(self, word: str) -> bool:
        """Does the text hold the lower-case ``word`` capitalised twice or more, and never as it is, and as a word of
        its own not only where a sentence may open (a page that prints "This" only at sentences' starts says nothing
        of how it writes "this" inside one)?

        Each word is looked for once (three scans of the text at most); a word printed as a word part of its own is
        found without a scan (most words asked: 607 of 739 on the corpus OCR), and the capitalised form is looked for
        first: most of the rest lack it (108 of 132). A word of letters stands inside a token, if anywhere: it is looked
        for first among the distinct tokens (:attr:`_distinct_tokens`, a third of the text on the corpus OCR), as a scan
        that finds nothing reads the whole string (~0.2 ms for the text).

        >>> tokens = Tokens("the Authority, the Authority's")
        >>> tokens.capitalised_only("authority"), tokens.capitalised_only("the"), tokens.capitalised_only("board")
        (True, False, False)
        >>> Tokens("It was. This was good. This is it.").capitalised_only("this")
        False
        """
        found = self._capitalised_only.get(word)
        if found is None:
            text, capitalised = self.text, word[0].upper() + word[1:]
            first = -1 if word in self.folds or word.isalpha() and capitalised not in self._distinct_tokens \
                else text.find(capitalised)
            found = self._capitalised_only[word] = first >= 0 and word not in text \
                and text.find(capitalised, first + len(word)) >= 0 \
                and not self._at_sentence_starts_only(word)
        return found

    def _at_sentence_starts_only(self, word: str) -> bool:
        """Is every token whose word part folds to ``word`` where a sentence may open (and is there one)?

        >>> Tokens("It was. This was good. This is it.")._at_sentence_starts_only("this")
        True
        >>> Tokens("It was. This was good, and This is it.")._at_sentence_starts_only("this")
        False
        """
        positions = self.positions(word)
        return bool(positions) and all(self.may_open_sentence(j) for j in positions)

    @cached_property
    def _distinct_tokens(self) -> str:
        """The distinct tokens (with a letter or digit) of the text, a space between: a string of letters is in this
        if and only if it is in the text (it holds no whitespace, and a token with a letter is one of these)."""
        return " ".join(dict.fromkeys(self.raws))

    def may_open_sentence(self, i: int) -> bool:
        """May token i open a sentence: the text's start, a paragraph or page break before it, or a stop, "!",
        "?", colon or semicolon ending the token before it (the broad test; see CLAUSE_END's comment), but for the
        point of a person's title (PERSON_TITLES: "Mr. Mauner" is a name, not a sentence's first word).

        >>> tokens = Tokens("Ho said: Mr. Ho went\\nHo")
        >>> [tokens.may_open_sentence(i) for i in (0, 2, 3, 4, 5)]
        [True, True, False, False, False]
        """
        if i == 0:
            return True
        gap = self.text[self.raw_ends[i - 1]:self.raw_starts[i]]
        if "\n\n" in gap or "\f" in gap:
            return True
        before = self.raws[i - 1]
        return before[-1] in CLAUSE_END_LAST and bool(CLAUSE_END.search(before)) and not self.after_title(i)

    def after_title(self, i: int) -> bool:
        """Does token i follow a person's title and its point on the same line ("Mr. Mauner", "Capt. Hobbs")?

        >>> tokens = Tokens("Mr. Mauner and Capt.\\nHobbs; St. Ives")
        >>> [tokens.after_title(i) for i in (1, 4, 6)]
        [True, False, False]
        """
        before = self.raws[i - 1] if i else ""
        return before[-1:] == "." and fold(before[:-1]) in PERSON_TITLES \
            and "\n" not in self.text[self.raw_ends[i - 1]:self.raw_starts[i]]

    def opens_sentence(self, i: int) -> bool:
        """Does token i open a sentence beyond doubt: at the text's start, after a paragraph break, after a
        lower-case word with a full stop, "!" or "?" (a capitalised word or a letter before a stop may be an
        abbreviation or an initial, "Mr. Bell", "J. Bell", whose next word is a name), or on the line after a
        headline's stop (a word of two capitals or more ending its line: "FIRE AT BALLARAT.", as newspapers
        set an article's head).

        >>> tokens = Tokens("Ho said so. Ho went to Mr. Ho\\nTHE FIRE.\\nHo left. J.\\nHo")
        >>> [tokens.opens_sentence(i) for i in (0, 3, 7, 10, 13)]
        [True, True, False, True, False]
        """
        if i == 0:
            return True
        gap, before, core = self.text[self.raw_ends[i - 1]:self.raw_starts[i]], self.raws[i - 1], self.cores[i - 1]
        stop = before[-1:] in ".!?" and before[:-1].endswith(core)
        return "\n\n" in gap or "\f" in gap or stop and (
            is_lower_alpha_word(core) or "\n" in gap and len(core) > 1 and core.isalpha() and core.isupper())

    def opens_paragraph(self, i: int) -> bool:
        """Does token i open the text, or a paragraph after a blank line or page break, but not a sentence going on
        across a blank line the OCR put in: after a full line (FULL_LINE) ending in a lower-case letter?

        >>> tokens = Tokens("Permanent way\\n\\npome yards of the track were relaid in the\\nspring, and the rails were "
        ...                 "all of them new\\nones, laid on the old sleepers of oak, as\\n\\nthe board asked")
        >>> [tokens.opens_paragraph(i) for i in (0, 2, 3, 29)]
        [True, True, False, False]
        """
        if i == 0:
            return True
        end = self.raw_ends[i - 1]
        gap = self.text[end:self.raw_starts[i]]
        if "\n\n" not in gap and "\f" not in gap:
            return False
        return not self.raws[i - 1][-1].islower() \
            or end - self.text.rfind("\n", 0, end) - 1 < FULL_LINE * self.typical_line

    @cached_property
    def typical_line(self) -> float:
        """The median length of the text's lines that hold something."""
        return float(np.median([len(line) for line in self.text.splitlines() if line.strip()] or [0]))

    def word_stop_before(self, i: int) -> bool:
        """Does the token before token i end in a full stop, its only one, right after a word of two letters or
        more or a figure of two digits or more ("closing at 187. rnold took"; not a speck, an initial or "e.g.")? A
        "!" or "?" counts only where that stop stands before it ("word.?"): a word's own "!" or "?" is no stop here.

        >>> tokens = Tokens("faster. ihe de: ctive J. ihe e.g. ihe at 187. rnold")
        >>> [tokens.word_stop_before(i) for i in (1, 3, 5, 7, 10)]
        [True, False, False, False, True]
        """
        if i == 0:
            return False
        before, core = self.raws[i - 1], self.cores[i - 1]
        return before[-1:] in ".!?" and len(core) > 1 and (core.isalpha() or core.isdigit()) and before.count(".") == 1

    def item_number_before(self, i: int) -> bool:
        """Is token i-1 a number with a stop or a bracket ("19.", "3)") opening its line: the number of a numbered
        paragraph or list item, whose first word opens a sentence (in print nearly always capitalised: "19. The
        children of Hashum")?

        >>> tokens = Tokens("Verses:\\n19. rhe men\\nin 19. rhe men 3) rhe end")
        >>> [tokens.item_number_before(i) for i in (2, 6, 8)]
        [True, False, False]
        """
        j = i - 1
        return j >= 0 and self.raws[j][-1] in ".)" and ITEM_NUMBER.fullmatch(self.raws[j]) is not None and (
            j == 0 or "\n" in self.text[self.raw_ends[j - 1]:self.raw_starts[j]])

    def context(self, i: int, step: int) -> str | None:
        """The neighbouring word (step -1 or +1), folded, if it is all letters and only spaces separate them
        (no paragraph break)."""
        j = i + step
        if not 0 <= j < len(self.cores) or not self.linked[i if step > 0 else j]:  # the gap after the first of them
            return None
        return self.letter_words[j]

    def neighbour(self, i: int, step: int) -> str | None:
        """:meth:`context`, read as repaired where this pass has repaired it.

        >>> tokens = Tokens("the kingwas here 1ype")
        >>> tokens.repaired.update({1: "king was", 3: "type"})
        >>> tokens.neighbour(2, -1), tokens.neighbour(0, +1), tokens.context(0, +1), tokens.neighbour(2, +1)
        ('was', 'king', 'kingwas', 'type')
        """
        j = i + step
        if j in self.repaired and self.linked[i if step > 0 else j]:
            return self._repaired_word(j, step)
        return self.context(i, step)

    def _repaired_word(self, j: int, step: int) -> str:
        """Token j's repair, the word of it facing a neighbour on the side ``-step`` (a repair may be two)."""
        return self.repaired[j].split(" ")[0 if step > 0 else -1]


def stop_before(text: str, start: int) -> bool:
    """Does ``text`` end a sentence just before ``start``: a letter's or a figure's stop, "!" or "?", a closing
    quote or bracket, whitespace (looked for in the 8 characters before; see CLAUSE_END's comment)?

    >>> text = "It was so. 1t was. ‘Yes.’ 1t was only ._e"
    >>> stop_before(text, 11), stop_before(text, 26), stop_before(text, 39)
    (True, True, False)
    """
    return bool(WORD_STOP_BEFORE.search(text, max(0, start - 8), start))


def capitalised_mid_line_only(text: str, word: str) -> bool:
    """Does ``text`` print the lower-case ``word`` capitalised inside a sentence (after a lower-case word, a
    figure or a comma, semicolon or colon and one space) and never in lower case as a word of its own (a
    maximal run of letters)? Each form is searched for alone, not every word of the text counted: a literal
    search stops at its first hit, and few repairs ask (see CLAUSE_END's comment).

    >>> text = "On 3 October we met, and 4 May. may"
    >>> capitalised_mid_line_only(text, "october"), capitalised_mid_line_only(text, "may")
    (True, False)
    >>> capitalised_mid_line_only("Fine. October came", "october")  # only at a sentence's start
    False
    """
    capitalised = word[0].upper() + word[1:]
    return (CAPITALISED_FORM.fullmatch(capitalised) is not None
            and regex.search(r"(?<=[\p{Ll}\p{N},;:] )" + regex.escape(capitalised) + r"(?!\p{L})", text) is not None
            and not (LOWER_FORM.fullmatch(word)
                     and regex.search(r"(?<!\p{L})" + regex.escape(word) + r"(?!\p{L})", text)))


def is_alpha_word(core: str) -> bool:
    """A word of two letters or more."""
    return len(core) > 1 and core.isalpha()


def is_lower_alpha_word(core: str) -> bool:
    """A lower-case word of two letters or more."""
    return len(core) > 1 and core.isalpha() and core.islower()  # is_alpha_word written out: asked ~56k times a pass


def is_marked_capital_word(core: str) -> bool:
    """A word of three letters or more, capitalised or in capitals, that a mark before it may stand for a letter of
    ("‘Vilson" for Wilson, "“ORTH" for NORTH, "'ORD" for LORD); not a shorter one ("“Ye", "“II": an article, a
    numeral, a letter in doubt).

    >>> is_marked_capital_word("Vilson"), is_marked_capital_word("ORTH"), is_marked_capital_word("QLite")
    (True, True, False)
    """
    return len(core) > 2 and (is_capitalised_word(core) or core.isalpha() and core.isupper())


def is_capitalised_word(core: str) -> bool:
    """A word of two letters or more, its first a capital and the others lower-case ("The", not "THE")."""
    return len(core) > 1 and core.isalpha() and core[0].isupper() and core[1:].islower()  # as is_lower_alpha_word


def _token_bounds(codes: np.ndarray) -> tuple[list[int], list[int]]:
    """Start and end offsets of the runs of characters (code points ``codes``) that are no :data:`TOKEN_SPACE`.

    >>> _token_bounds(code_points(" a bc\\t"))
    ([1, 3], [2, 5])
    """
    starts, ends = bounds(TOKEN_SPACE[np.minimum(codes, 0xFFFF)])
    return starts.tolist(), ends.tolist()


def _word_parts(raws: list[str]) -> dict[str, tuple[int, str] | None]:
    """Each distinct token's word part (:data:`WORD_PART`) and where it starts, None if it has no letter or digit.

    >>> _word_parts(["the", "“he,", "--"])
    {'the': (0, 'the'), '“he,': (1, 'he'), '--': None}
    """
    parts: dict[str, tuple[int, str] | None] = {}
    for raw in dict.fromkeys(raws):
        if raw.isalnum():
            parts[raw] = (0, raw)
        elif raw.isascii():
            rest = raw.lstrip(ASCII_NON_ALNUM)
            start, core = len(raw) - len(rest), rest.rstrip(ASCII_NON_ALNUM)
            if start and core and raw[start - 1] in WORD_PART_MARKS:
                start, core = start - 1, raw[start - 1] + core
            parts[raw] = (start, core) if core else None
        else:
            inner = WORD_PART.search(raw)
            parts[raw] = None if inner is None else (inner.start(), inner.group())
    return parts


def _hyphen_places(text: str) -> list[int]:
    r"""Where LINE_END_HYPHEN and INLINE_HYPHEN may match: at a hyphen before a space, a tab or a line break (both
    patterns start there and hold no other hyphen).

    >>> _hyphen_places("well-known ter-\nminates incre- ased")
    [14, 29]
    """
    return [place for place in offsets(text, HYPHENS) if text[place + 1:place + 2] in BREAK_AFTER_HYPHEN]


def _letter_line_breaks(text: str) -> list[int]:
    r"""Where each line break between a letter and a lower-case one starts (the spaces, tabs and carriage
    return before the line feed included): the starts of ``(?<=\p{L})[ \t]*\r?\n[ \t]*(?=\p{Ll})``, found
    from the line feeds, as a pattern starting with a lookbehind tries every character of the text. A letter and
    one mark OCR reads a line-end hyphen as (MISREAD_HYPHENS: "examina—\ntion") count as the letter: the break
    starts after the mark, which ends the token.

    >>> _letter_line_breaks("ar \r\n gument; end.\nnext\n\nmore examina—\ntion")
    [2, 18, 38]
    """
    starts = []
    for match in LINE_FEED_BEFORE_LOWER.finditer(text):
        start = match.start()
        if start and text[start - 1] == "\r":
            start -= 1
        while start and text[start - 1] in " \t":
            start -= 1
        if start and (_is_letter(text[start - 1]) or start > 1 and text[start - 1] in MISREAD_HYPHENS
                      and _is_letter(text[start - 2])):
            starts.append(start)
    return starts


def _is_letter(char: str) -> bool:
    return char.isalpha() if char.isascii() else bool(LETTER.match(char))


def _gaps(codes: np.ndarray, starts: list[int], ends: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """For each pair of neighbouring word parts (code points ``codes`` of the text): is the text between them
    one space, and is it whitespace without a paragraph break (two line feeds)?

    >>> [flags.tolist() for flags in _gaps(code_points("a b, c\\n\\nd"), [0, 2, 5, 8], [1, 3, 6, 9])]
    [[True, False, False], [True, False, False]]
    """
    if len(starts) < 2:
        return np.zeros(0, dtype=bool), np.zeros(0, dtype=bool)
    first, last = np.array(ends[:-1]), np.array(starts[1:])  # each gap's first character and the one after it
    spaced = (last - first == 1) & (codes[first] == 32)
    printed = np.concatenate(([0], np.cumsum(~STRIPPED_SPACE[np.minimum(codes, 0xFFFF)])))  # characters before, no spaces
    breaks = np.concatenate(([0], np.cumsum((codes[:-1] == 10) & (codes[1:] == 10))))  # line feeds followed by one
    linked = spaced | (printed[last] == printed[first]) & (breaks[last - 1] == breaks[first])
    return spaced, linked


def opened_by_mark(tokens: Tokens) -> list[int]:
    """The tokens that open with one of MARKS_BEFORE alone against a lower-case word part ("-f", ".o"; not "--f"),
    found in the text (a scan of every token costs a cold pass ~1% more).

    >>> opened_by_mark(Tokens("a -f b .o c --f :ate d.e .Net"))
    [1, 3, 6]
    """
    starts, raw_starts, cores = tokens.starts, tokens.raw_starts, tokens.cores
    found = []
    for match in OPENING_MARK.finditer(tokens.text):
        i = bisect.bisect_left(raw_starts, match.start())
        if i < len(raw_starts) and raw_starts[i] == match.start() and starts[i] == match.end() \
                and cores[i].isalpha() and cores[i].islower():
            found.append(i)
    return found
