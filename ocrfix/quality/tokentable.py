"""The per-token scores: every distinct token's signal masses, cached across calls.

A text's tokens are numbered in one process-wide :class:`TokenTable` (:func:`shared_table`); a
token seen before costs one dictionary look-up, and new ones are judged together,
column by column: known, rare, unknown but English-looking (``unknown``,
``names``), implausible to the character model (``nonword``), garbage, symbols,
fragments, merged words, stray marks. The table also holds what the document-level
signals need per token (letters, languages, sentence ends, folded word) and the
one-letter confusions behind ``recurring``.
"""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from itertools import accumulate, chain, islice, repeat

import numpy as np

from ocrfix import charlm, lexicon
from ocrfix.lexicon import elided
from ocrfix.quality import language
from ocrfix.quality.features import (
    FRAGMENTS_COLUMN, GARBAGE_COLUMN, MERGED_COLUMN, NAMES_COLUMN, NONWORD_COLUMN, ODD_CHARS_COLUMN, RARE_COLUMN,
    STRAY_MARKS_COLUMN, SYMBOLS_COLUMN, TOKEN_FEATURES, UNKNOWN_COLUMN
)
from ocrfix.quality.sentences import (
    ends_sentence, is_abbreviation, is_capitalised, POSSESSIVE_ENDINGS, SENTENCE_OR_HYPHEN_ENDS
)
from ocrfix.quality.shapes import (
    CONSONANT_RUN, core_of, count_matches, has_case_flips, INNER_PUNCTUATION, is_hyphenated, is_pounds_sum,
    is_stray, letter_counts, LETTER_DIGIT, odd_char_counts, STRAY_OPENERS, symbol_mass, WHOLE_CODE, WHOLE_NUMBER,
    WHOLE_ROMAN, WHOLE_WORD
)
from ocrfix.quality.words import (
    clear_misprints, common_prefixes, common_words, fewest_words, joined_on_purpose, letter_runs,
    letter_substitutions, letter_swaps, MIN_JOINED, one_letter_readings, WORD_JOINERS, word_mass
)


#: Bits per character above which an unknown word does not look like English.
IMPLAUSIBLE_BITS = 4.6
_RARE_ZIPF = 3.0
_FRAGMENT_ZIPF = 4.5
_NO_JUDGEMENT = (-1, 0.0, None)  # (column, mass, folded key) of a core that carries no mass
#: The word a misread word is read as must be at least this common (Zipf): a rare word one letter away
#: from a string is chance.
_RECURRING_ZIPF = 3.0
_CONFUSION_SAMPLE = 200  # misread words tried with every confusion (see TokenTable.confusions)


class TokenTable:
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
        self.rows = np.zeros((0, len(TOKEN_FEATURES)))
        self.charged = np.zeros(0, dtype=bool)  # per token: does its row carry any mass
        # letters, Latin letters, language mask, ends a sentence, starts in lower case, ends with a hyphen
        self.aux = np.zeros((0, 6), dtype=np.int64)
        # Per distinct core: the same, without the columns of the token's edges. Core 0 is the empty
        # core of a token without letters or digits ("|", "--").
        self._cores: dict[str, int] = {}
        self._core_key_ids = np.full(1, -1, dtype=np.int64)
        self._core_rows = np.zeros((1, len(TOKEN_FEATURES)))
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
        self._try(sample, tokens, letter_substitutions(), self._confusion)
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
        words = [core_of(tokens[position]).lower() for position in todo.values()]
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
            pair = letter_swaps(words[owner], substitutions)[reading]
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
            cores[index] = core_of(tokens[index])
        self._add_cores([core for core in cores if core.isalnum() or any(map(str.isalnum, core))])
        core_ids = np.fromiter(map(self._cores.get, cores, repeat(0)), dtype=np.int64, count=len(cores))
        rows = self._core_rows.take(core_ids, axis=0)
        rows[:, ODD_CHARS_COLUMN] = odd_char_counts(tokens, marked)
        fragments = rows[:, FRAGMENTS_COLUMN].nonzero()[0].tolist()
        rows[[index for index in fragments if is_abbreviation(tokens[index], cores[index])], FRAGMENTS_COLUMN] = 0.0
        garbage = rows[:, GARBAGE_COLUMN].nonzero()[0].tolist()
        rows[[index for index in garbage if is_pounds_sum(tokens[index], cores[index])], GARBAGE_COLUMN] = 0.0
        charged = [index for index in rows[:, GARBAGE_COLUMN].nonzero()[0].tolist()
                   if len(tokens[index]) != len(cores[index])]
        rows[charged, GARBAGE_COLUMN] = [word_mass(len(tokens[index])) for index in charged]  # the whole token
        symbols = (core_ids == 0).nonzero()[0]
        rows[symbols, SYMBOLS_COLUMN] = [symbol_mass(tokens[index]) for index in symbols.tolist()]
        led = [index for index in marked if tokens[index][0] in STRAY_OPENERS]  # a plain word starts and ends with a letter
        stray = [index for index in led if core_ids[index] and is_stray(tokens[index], cores[index])]
        rows[stray, STRAY_MARKS_COLUMN] = 1.0
        aux = np.zeros((len(tokens), 6), dtype=np.int64)
        aux[:, :3] = self._core_aux.take(core_ids, axis=0)
        ended = [index for index in marked if tokens[index][-1] in SENTENCE_OR_HYPHEN_ENDS]
        aux[ended, 3] = [ends_sentence(tokens[index], cores[index]) for index in ended]
        aux[:, 4] = [token[0].islower() for token in tokens]
        aux[ended, 5] = [is_hyphenated(tokens[index]) for index in ended]
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
        whole_words = count_matches(WHOLE_WORD, [cores[index] for index in unusual])
        words += [index for index, whole in zip(unusual, whole_words) if whole]
        others = sorted(set(unusual) - set(words))
        masses: list[tuple[int, float, str | None]] = [_NO_JUDGEMENT] * len(cores)
        for index, mass in zip(words, self._judge_words([cores[i] for i in words], [zipfs[i] if plain[i] else None for i in words])):
            masses[index] = mass
        for index, mass in zip(others, self._judge_others([cores[i] for i in others])):
            masses[index] = mass
        rows = np.zeros((len(cores), len(TOKEN_FEATURES)))
        marked = [index for index, (column, _, _) in enumerate(masses) if column >= 0]
        rows[marked, [masses[index][0] for index in marked]] = [masses[index][1] for index in marked]
        aux = np.zeros((len(cores), 3), dtype=np.int64)
        aux[:, 0] = aux[:, 1] = np.fromiter(map(len, cores), dtype=np.int64, count=len(cores))  # plain cores: all letters Latin
        accented = [index for index, is_plain in enumerate(plain) if not is_plain]
        aux[accented, 0], aux[accented, 1] = letter_counts([cores[i] for i in accented])
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
        flipped = [not (word.islower() or word.isupper() or word.istitle()) and has_case_flips(word) for word in words]
        # A capitalised word made of common words is as often a name ("Fairfield", "Blackwood") as words run together.
        joins = [self._joins(key) if (zipf == 0.0 or flip) and len(word) >= MIN_JOINED
                 and not (word.istitle() and word.isalpha()) else 0 for word, key, zipf, flip in zip(words, keys, zipfs, flipped)]
        # Unknown words in one case, and pieces of two capitals: "MDCCCXXVII", "xiv", and "IV." of a chapter
        # (known to the lexicon as words, two letters would otherwise be fragments).
        cased = [index for index, (word, zipf) in enumerate(zip(words, zipfs))
                 if (zipf == 0.0 and (word.isupper() or word.islower())) or (len(word) == 2 and word.isupper())]
        roman = count_matches(WHOLE_ROMAN, words, cased).tolist()
        consonants = count_matches(CONSONANT_RUN, words, [index for index, word in enumerate(words) if len(word) >= 6]).tolist()
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
                judged.append((MERGED_COLUMN, float(join), key))
            elif consonant_run or flip:  # "dbsqlfuzz" used throughout: a name of the text's own
                judged.append((GARBAGE_COLUMN, word_mass(len(core)), key))
            elif key in misprints:  # never the document's own word, however often it is printed
                judged.append((NONWORD_COLUMN, word_mass(len(word)), None))
            elif zipf == 0.0:
                if implausible[word] and not (is_capitalised(word) and word.isalpha() and not self._misread(key)):
                    judged.append((NONWORD_COLUMN, word_mass(len(word)), None))
                else:
                    judged.append((NAMES_COLUMN if is_capitalised(word) else UNKNOWN_COLUMN, word_mass(len(word)), key))
            elif len(word) <= 2 and zipf < _FRAGMENT_ZIPF:
                judged.append((FRAGMENTS_COLUMN, len(word) + 1.0, None))
            elif zipf < _RARE_ZIPF:
                judged.append((RARE_COLUMN, word_mass(len(word)) * (_RARE_ZIPF - zipf) / _RARE_ZIPF, key))
            else:
                judged.append(_NO_JUDGEMENT)
        return judged

    def _misread(self, key: str) -> bool:
        """Does one letter read as another (a confusion the shipped error model learned) make the folded word
        ``key`` a listed word? A capitalised word that looks unlike English is a misread one ("Tne", "Avthority")
        if so, a name of another language ("Kabzeel", "Memucan") if not.

        >>> table = shared_table(); table._misread("tne"), table._misread("kabzeel")
        (True, False)
        """
        readings = self._listable_readings(key, letter_substitutions())
        return any(self.lex.folded_zipf(reading) > 0.0 for reading in readings)

    def _listable_readings(self, word: str, substitutions: dict[str, str]) -> list[str]:
        """:func:`one_letter_readings` of ``word``, none if it is longer than every listed word: its readings are
        as long, so none is listed, and a 100,000-letter token would make 100,000 readings of its length
        (gigabytes)."""
        return one_letter_readings(word, substitutions) if len(word) <= self.lex.longest else []

    def _word_zipf(self, word: str) -> float:
        """Zipf frequency of ``word``: 0 for "h-ve" (a letter misread as a hyphen), that of "eg" for "e.g",
        that of "Everard" for "Everard's"."""
        zipf = self.lex.zipf(word)
        if "-" in word and zipf > 0.0 and not self._parts_known(word):
            zipf = 0.0
        if zipf == 0.0 and "." in word:
            zipf = self.lex.zipf(word.replace(".", ""))
        if zipf == 0.0 and word[-2:] in POSSESSIVE_ENDINGS:
            zipf = self.lex.zipf(word[:-2])  # "Everard's": a known word's possessive is as common as the word
        if zipf < _RARE_ZIPF and ("'" in word or "’" in word) and (full := elided(word, self.lex.__contains__)):
            zipf = max(zipf, self.lex.zipf(full))  # "ask'd", "heav'n", "o'er": as common as the word they elide
        return zipf

    def _judge_others(self, cores: list[str]) -> list[tuple[int, float, str | None]]:
        """(column, mass, folded key) of cores that are not words: numbers and codes ("1981", "SW1") carry none,
        words joined by punctuation ("COMMITTEE:REVIEW") are ``merged``, the rest with letters and digits
        mixed, inner punctuation, odd characters or a consonant run ("l0ve", "th;e") ``garbage``."""
        numbers = (count_matches(WHOLE_NUMBER, cores) + count_matches(WHOLE_CODE, cores)).tolist()
        mixed = count_matches(LETTER_DIGIT, cores).tolist()
        inner = count_matches(INNER_PUNCTUATION, cores).tolist()
        odd = odd_char_counts(cores, range(len(cores))).tolist()
        judged = []
        for core, number, letters_and_digits, punctuated, odd_chars in zip(cores, numbers, mixed, inner, odd):
            if number:
                judged.append(_NO_JUDGEMENT)
            elif not letters_and_digits and punctuated and (joins := self._joins(key := lexicon.fold(core))):
                judged.append((MERGED_COLUMN, float(joins), key))
            elif letters_and_digits or punctuated or odd_chars or CONSONANT_RUN.search(core):
                # words joined on purpose ("read_line") may be an identifier the document repeats as its own word
                own = not letters_and_digits and joined_on_purpose(core)
                judged.append((GARBAGE_COLUMN, word_mass(len(core)), lexicon.fold(core) if own else None))
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
        the marks that join words on purpose (:data:`WORD_JOINERS`: a compound, a
        path, an identifier, an option), which lose no space.

        >>> table = shared_table(); table._joins("thenorth-east,so"), table._joins("--page-size=page_size")
        (2, 0)
        """
        common, prefixes = common_words(self.lex), common_prefixes(self.lex)
        if folded.isascii() and folded.isalpha():
            return max(fewest_words(folded, common, prefixes) - 1, 0)
        parts, inner = letter_runs(folded)
        total = sum(not WORD_JOINERS.issuperset(marks) for marks in inner)
        for part in parts:
            if part:
                pieces = fewest_words(part, common, prefixes)
                if not pieces:
                    return 0
                total += pieces - 1
        return total


# The token table is kept between calls (capped), so a folder of pages pays once per distinct token.
_TABLE: TokenTable | None = None
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


def shared_table() -> TokenTable:
    global _TABLE
    if _TABLE is None or len(_TABLE.index) > _TABLE_LIMIT:
        _TABLE = TokenTable()
    return _TABLE
