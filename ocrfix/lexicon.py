"""Word frequencies, word-bigram frequencies and a document's own vocabulary.

Shared by the ``layout`` strategy (is the joined form of a line-end hyphen a
word?) and the ``dictionary`` strategy (which spelling is more probable?).
Membership is a frequency, not a yes/no: ``zipf`` gives log10 of a word's
occurrences per billion words (wordfreq's Zipf scale: 7 for "the", 3 for
"exclude", 1-2 for rare words and common typos such as "tbe").

>>> lex = load()
>>> lex.zipf("Exclude") > 3.0, lex.zipf("exlude")
(True, 0.0)
>>> "connexion" in lex, "exlude" in lex
(True, False)
>>> lex.bigram("of", "the") > lex.bigram("of", "a") > 0.0
True
>>> Vocabulary.from_text("The cat saw the CAT.").count("cat")
2

The data ship in ``ocrfix/data`` (see the ``.SOURCE.md`` files there); rebuild
them from the installed wordfreq and symspellpy packages with
``python -m ocrfix.lexicon build``.
"""
from __future__ import annotations

import argparse
import bisect
import gzip
import math
from collections import Counter
from functools import cached_property, lru_cache
from itertools import repeat
from importlib import resources
from pathlib import Path
from typing import Callable, Iterable, Iterator, Mapping

import regex

from ocrfix import diskcache

WORDS_FILE = "words_en.tsv.gz"
BIGRAMS_FILE = "bigrams_en.tsv.gz"
DATA_DIR = Path(__file__).resolve().parent / "data"

#: A word: letters, with inner apostrophes or hyphens ("don't", "to-day").
WORD = regex.compile(r"\p{L}+(?:['’\-]\p{L}+)*")
_HYPHEN_OR_DASH = regex.compile(r"[\-‐‑]")

# Google Books tokens behind symspellpy's lists (SymSpell's documented corpus size).
_BIGRAM_CORPUS_WORDS = 1_024_908_267_229
# symspellpy's bigram counts are on a larger scale than its word counts: the listed
# continuations of "of", "the", "to", "and", "in" sum to 36-54 times the word's own
# count. Dividing by 50 puts pairs on the words' scale, so that
# bigram(w1, w2) - zipf(w1) estimates log10 P(w2 | w1): P(the | of) ~ 0.25, P(be | to) ~ 0.05.
_BIGRAM_SCALE = 50
# symspellpy's pairs were counted in lower case: a word mostly printed capitalised (a name, a month) ends ten
# listed pairs or fewer ("god" 10, "english" 5, "israel" 1, while it begins 58, 43, 17); a word the list covers
# ends dozens to hundreds ("water" 117, "same" 23, "been" 64, "be" 163). See Lexicon.seldom_second.
SELDOM_SECOND = 12
# wordfreq's large English list keeps words down to Zipf 1.0; below that a word is unknown.
_MIN_ZIPF = 1.0
# The web text behind the word list holds OCR misreadings and typos of common words ("tne", "irom") at
# about 10**-4.5 of the word: a listed string one attested confusion from a word this much commoner is
# a clear misprint of it (the dictionary repairs it without a word pair; the quality estimate counts it
# as a non-word).
CLEAR_MISPRINT_GAP = 4.5
# A letter left out and marked by an apostrophe inside a word, as print and verse elide it: the "e" of an
# ending ("ask'd", "lov'st", "heav'n"), the "v" of a short word (o'er, e'en, ne'er), or a vowel but the thin
# "i" between a consonant and r, l or n ("gen'ral", "vict'ry", "partic'lar", "ev'ning": ELIDED_VOWELS). An
# apostrophe where another letter belongs is mostly an engine's misread thin letter ("wou'd", "s'nce", "fu'l",
# "t'e", "with'n").
ELIDED_ENDING = regex.compile(r"(\p{L}{2,})['’](d|st|n)")
ELIDED_V = regex.compile(r"(\p{L}{1,2})['’](\p{L}{1,2})")
ELIDED_VOWEL = regex.compile(r"(\p{L}+[b-df-hj-np-tv-xz])['’]([rln]\p{L}*)", regex.IGNORECASE)
ELIDED_VOWELS = "eoua"
# The words a string of words run together (an engine that dropped spaces: "thesekindsofproblems") may be split
# into: common words, no rare word or word fragment; a single letter only if very common ("a", "I").
SPLITTABLE_ZIPF = 3.0
SPLITTABLE_LETTER_ZIPF = 6.0


def fold(word: str) -> str:
    """The lookup key of a word: case-folded, typographic apostrophe made plain.

    >>> fold("Don’t")
    "don't"
    """
    return word.casefold().replace("’", "'")


def fold_many(words: list[str]) -> list[str]:
    """:func:`fold` of each of ``words`` (which hold no newline), in one pass: casefolding maps each character alone.

    >>> fold_many(["Don’t", "THE"])
    ["don't", 'the']
    """
    return "\n".join(words).casefold().replace("’", "'").split("\n") if words else []


def splittable(part: str, zipf: float) -> bool:
    """A part a run-together string may be split into: a common word, one letter only if very common.

    Three tests read words run together, each answering its own question, so each sets its own bar:
    the layout's :func:`~ocrfix.strategies.layout.hyphens.run_together` (may these letters be common words
    run together? parts as splittable allows, at most three: a yes only withholds evidence for joining a
    broken word, it edits nothing); the dictionary's :func:`~ocrfix.strategies.dictionary.chains.chains`
    (which words to write: splittable parts with a vowel, neighbours a listed word pair, every split scored,
    since it edits the text); and the quality estimate's ``quality.words.fewest_words`` (how many spaces were
    lost: parts from its own stricter list of common words, so a misspelling, "vefore", does not count as
    short words run together and inflate the estimate).

    >>> splittable("kinds", 4.6), splittable("x", 3.9), splittable("a", 7.4)
    (True, False, True)
    """
    return zipf >= (SPLITTABLE_LETTER_ZIPF if len(part) == 1 else SPLITTABLE_ZIPF)


def elided(core: str, known: Callable[[str], bool]) -> str | None:
    """The known word ``core`` spells with a letter elided as print does it (see :data:`ELIDED_ENDING`), or None.

    >>> known = {"asked", "over", "would", "general", "within"}.__contains__
    >>> elided("ask'd", known), elided("o'er", known), elided("wou'd", known)
    ('asked', 'over', None)
    >>> elided("gen'ral", known), elided("with'n", known)
    ('general', None)
    """
    if "'" not in core and "’" not in core:
        return None  # the patterns need an apostrophe: most strings are told without them
    for pattern, letters in ((ELIDED_ENDING, "e"), (ELIDED_V, "v"), (ELIDED_VOWEL, ELIDED_VOWELS)):
        match = pattern.fullmatch(core)
        for letter in letters if match else ():
            if known(word := match.group(1) + letter + match.group(2)):
                return word
    return None


# The words ending_zipf counts: in the shipped table, the 29,000 of Zipf 3 or more make 97% of running text's words
ENDING_ZIPF = 3.0


class Lexicon:
    """Word and word-bigram frequencies on the Zipf scale (0.0 when unknown).

    Build one with :func:`load` (shipped data, cached) or from mappings of
    folded words and ``"w1 w2"`` pairs to Zipf values.
    """

    def __init__(self, words: dict[str, float], bigrams: dict[str, float] | None = None) -> None:
        self._words = words
        self._bigrams = bigrams or {}
        #: The least frequent listed pair: an unlisted pair is rarer than this.
        self.bigram_floor = min(self._bigrams.values(), default=0.0)
        #: The most frequent listed pair: no pair is commoner than this.
        self.bigram_ceiling = max(self._bigrams.values(), default=0.0)
        self._endings: dict[str, float] = {}  # see ending_zipf

    def zipf(self, word: str, *, combine: bool = True) -> float:
        """Zipf frequency of ``word``, case-insensitive; 0.0 when unknown.

        A hyphenated word that is not listed whole gets wordfreq's estimate for
        a phrase: the harmonic combination of its parts' frequencies (unless
        ``combine`` is False).

        >>> lex = load()
        >>> lex.zipf("the") > 7 > lex.zipf("judgement") > lex.zipf("shew") > 0
        True
        >>> 0 < load().zipf("to-day") <= load().zipf("day")
        True
        """
        key = fold(word)
        value = self._words.get(key)
        if value is not None:
            return value
        if combine and ("-" in key or "‐" in key or "‑" in key):
            parts = [p for p in _HYPHEN_OR_DASH.split(key) if p]
            values = [self._words.get(p, 0.0) for p in parts]
            if len(parts) > 1 and all(values):
                return round(-math.log10(sum(10.0 ** -v for v in values)), 2)
        return 0.0

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.zipf(word) > 0.0

    @cached_property
    def longest(self) -> int:
        """The length of the longest listed word: no longer string is listed.

        >>> 20 < load().longest < 100
        True
        """
        return max(map(len, self._words), default=0)

    def __len__(self) -> int:
        return len(self._words)

    def folded_zipf(self, key: str) -> float:
        """``zipf`` of a word already folded with :func:`fold`, listed whole: the fast path for hot loops."""
        return self._words.get(key, 0.0)

    def ending_zipf(self, tail: str) -> float:
        """The Zipf value of the longer words of Zipf ENDING_ZIPF or more that end with the folded ``tail``, summed: how
        often running text prints it as the end of a word (a pass over those words, ~2 ms; kept per tail).

        >>> lex = load()
        >>> lex.ending_zipf("le") > lex.folded_zipf("le") + 2, lex.ending_zipf("of") < lex.folded_zipf("of")
        (True, True)
        """
        found = self._endings.get(tail)
        if found is None:
            total = sum([10.0 ** zipf for word, zipf in self._common_words if word.endswith(tail) and word != tail])
            found = self._endings[tail] = math.log10(total) if total else 0.0
        return found

    @cached_property
    def _common_words(self) -> list[tuple[str, float]]:
        """(word, Zipf) of the words of Zipf ENDING_ZIPF or more, for :meth:`ending_zipf`."""
        return [(word, zipf) for word, zipf in self._words.items() if zipf >= ENDING_ZIPF]

    @property
    def word_table(self) -> Mapping[str, float]:
        """The table behind :meth:`folded_zipf` (folded word -> Zipf), to read only: its ``get`` with a default of
        0.0 is ``folded_zipf`` without a Python call, for loops that look words up by the hundred thousand.

        >>> load().word_table.get("exlude", 0.0) == load().folded_zipf("exlude")
        True
        """
        return self._words

    @property
    def bigram_table(self) -> Mapping[str, float]:
        """The table behind :meth:`folded_bigram` (``"w1 w2"`` of folded words -> Zipf), to read only, as
        :attr:`word_table`.

        >>> load().bigram_table.get("of the", 0.0) == load().folded_bigram("of", "the") > 0.0
        True
        """
        return self._bigrams

    def folded_zipfs(self, keys: Iterable[str]) -> list[float]:
        """``folded_zipf`` of each of ``keys``: the fast path for many.

        >>> load().folded_zipfs(["the", "exlude"])[1]
        0.0
        """
        return list(map(self._words.get, keys, repeat(0.0)))

    def folded_bigram(self, key1: str, key2: str) -> float:
        """``bigram`` of two words already folded with :func:`fold`."""
        return self._bigrams.get(f"{key1} {key2}", 0.0)

    def association(self, key1: str, key2: str) -> float | None:
        """How much likelier (log10) the folded word ``key2`` is right after ``key1`` than in running text at
        large, log10 P(key2 | key1) - log10 P(key2), from the pair's and the words' Zipf values (log10 per
        10**9 words); None where the lexicon lists no such pair.

        >>> lex = load(); lex.association("of", "the") > 0, lex.association("king", "wsa")
        (True, None)
        """
        pair = self.folded_bigram(key1, key2)
        if not pair:
            return None
        return pair - self.folded_zipf(key1) - (self.folded_zipf(key2) - 9.0)

    def attracts(self, key1: str, key2: str) -> bool:
        """Does the folded word ``key2`` follow ``key1`` more often than it follows any word: a listed pair of
        positive :meth:`association`?

        >>> load().attracts("of", "the"), load().attracts("king", "wsa")
        (True, False)
        """
        association = self.association(key1, key2)
        return association is not None and association > 0.0

    def folded_bigrams(self, pairs: Iterable[tuple[str, str]]) -> list[float]:
        """``folded_bigram`` of each (key1, key2) of ``pairs``, in one pass: the fast path for many.

        >>> [value > 0.0 for value in load().folded_bigrams([("of", "the"), ("king", "wsa")])]
        [True, False]
        """
        get = self._bigrams.get
        return [get(f"{key1} {key2}", 0.0) for key1, key2 in pairs]

    def listed_between(self, key1: str, keys: Iterable[str], key2: str) -> list[str]:
        """The ``keys`` (folded words) that form a listed pair after the folded ``key1`` and one before the
        folded ``key2``, in their order.

        >>> load().listed_between("of", ["the", "wsa", "his"], "own")
        ['the', 'his']
        """
        get, head, tail = self._bigrams.get, key1 + " ", " " + key2
        return [key for key in keys if get(head + key) and get(key + tail)]

    def bigram(self, w1: str, w2: str) -> float:
        """Zipf frequency of the word pair ``w1 w2`` (per billion running words); 0.0 when unknown.

        ``bigram(w1, w2) - zipf(w1)`` estimates log10 P(w2 | w1). Only frequent
        pairs are listed (Zipf >= ``bigram_floor``, about 2.1), so 0.0 means
        "rarer than that", not "impossible".

        >>> load().bigram("King", "was") > 0.0 == load().bigram("king", "wsa")
        True
        """
        return self._bigrams.get(f"{fold(w1)} {fold(w2)}", 0.0)

    def words(self) -> Iterator[tuple[str, float]]:
        """All (folded word, Zipf) entries, in the data's order (the shipped table: most frequent first)."""
        return iter(self._words.items())

    def bigrams(self) -> Iterator[tuple[str, float]]:
        """All (``"w1 w2"`` of folded words, Zipf) entries."""
        return iter(self._bigrams.items())

    @cached_property
    def word_floor(self) -> float:
        """The least listed word's Zipf: no listed word is rarer (0.0 for no words).

        >>> Lexicon({"the": 7.7, "tbe": 2.1}).word_floor
        2.1
        """
        return min(self._words.values(), default=0.0)

    @cached_property
    def linked(self) -> frozenset[str]:
        """The listed words that the bigram list pairs both with a word before and with one after: the only
        words that can fit between two neighbours by listed pairs (built on first use, ~50 ms).

        >>> "the" in load().linked, "exlude" in load().linked
        (True, False)
        """
        firsts, seconds = self._pair_places
        return frozenset(self._words.keys() & firsts.keys() & seconds.keys())

    @cached_property
    def seldom_second(self) -> frozenset[str]:
        """The words the bigram list seldom puts second: ending fewer than SELDOM_SECOND listed pairs and under a
        quarter as many as they begin. The list was counted in lower case, so a word mostly printed capitalised (a
        name, a month: "of Israel", "in January") lacks most pairs it ends, and an unlisted pair ending in it is no
        evidence.

        >>> [word in load().seldom_second for word in ("israel", "january", "water", "be")]
        [True, True, False, False]
        """
        firsts, seconds = self._pair_places
        return frozenset(word for word, n in firsts.items() if seconds[word] < min(SELDOM_SECOND, n / 4))

    @cached_property
    def pair_firsts(self) -> frozenset[str]:
        """The words the bigram list puts first in a pair: a pair whose first word is not among them is unlisted,
        told without making and looking up the pair's string (most words a pass scores begin no listed pair).

        >>> "the" in load().pair_firsts, "exlude" in load().pair_firsts
        (True, False)
        """
        return frozenset(self._pair_places[0])

    @cached_property
    def pair_seconds(self) -> frozenset[str]:
        """The words the bigram list puts second in a pair (see :attr:`pair_firsts`).

        >>> "king" in load().pair_seconds, "exlude" in load().pair_seconds
        (True, False)
        """
        return frozenset(self._pair_places[1])

    @cached_property
    def _pair_places(self) -> tuple[Counter[str], Counter[str]]:
        """How many listed pairs each word begins, and how many it ends."""
        words = " ".join(self._bigrams).split(" ")  # each pair is two words and a space
        return Counter(words[0::2]), Counter(words[1::2])


class Vocabulary:
    """A text's own words, case-folded, with their counts.

    >>> vocab = Vocabulary.from_text("Genscher met Gromyko; genscher left.")
    >>> vocab.count("GENSCHER"), vocab.count("Brezhnev"), len(vocab), vocab.total
    (2, 0, 4, 5)
    """

    def __init__(self, counts: Counter[str] | None = None) -> None:
        self._counts: Counter[str] = counts if counts is not None else Counter()
        self._total = sum(self._counts.values())
        self._sorted: list[str] | None = None   # the words in order, for prefix look-ups

    @classmethod
    def from_text(cls, text: str) -> "Vocabulary":
        """The words of ``text``, each distinct whitespace-delimited token read once (texts repeat them)."""
        return cls.from_token_counts(Counter(text.split()))

    @classmethod
    def from_token_counts(cls, tokens: Mapping[str, int]) -> "Vocabulary":
        """The words of a text's whitespace-delimited tokens, counted as ``tokens`` says (token -> how often the
        text has it). A token's word part (its edge punctuation stripped) holds all its words, so the counts of
        a text's word parts give the same vocabulary as its tokens'.

        >>> vocab = Vocabulary.from_token_counts({"The": 1, "cat's": 2, "to-day": 1})
        >>> vocab.count("cat's"), vocab.count("the"), vocab.total
        (2, 1, 4)
        """
        counts: dict[str, int] = {}  # a plain dict: a Counter calls its Python __missing__ for each new word
        for folded, n in zip(fold_many(list(tokens)), tokens.values()):  # a token holds no newline
            # most are one word of a-z: WORD's one match, told without the pattern
            for word in (folded,) if folded.isascii() and folded.isalpha() else WORD.findall(folded):
                counts[word] = counts.get(word, 0) + n
        return cls(Counter(counts))

    def count(self, word: str) -> int:
        """How often the text uses ``word``, case-blind and with ’ read as ' (:func:`fold`)."""
        return self._counts.get(fold(word), 0)

    def folded_count(self, key: str) -> int:
        """``count`` of a word already folded with :func:`fold`: the fast path for hot loops.

        >>> Vocabulary.from_text("The cat, the dog").folded_count("the")
        2
        """
        return self._counts.get(key, 0)

    def starting(self, prefix: str) -> list[str]:
        """The text's words (folded) that start with ``prefix`` (folded), in order.

        >>> Vocabulary.from_text("He had shewed them; shew it, and shewn.").starting("Shew")
        ['shew', 'shewed', 'shewn']
        """
        if self._sorted is None or len(self._sorted) != len(self._counts):
            self._sorted = sorted(self._counts)
        prefix = fold(prefix)
        words = self._sorted
        return words[bisect.bisect_left(words, prefix):bisect.bisect_left(words, prefix + "\U0010ffff")]

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.count(word) > 0

    def __len__(self) -> int:
        return len(self._counts)

    @property
    def total(self) -> int:
        """The number of running words (``len`` is the number of distinct ones)."""
        return self._total

    def update(self, text: str) -> None:
        """Add the words of another text (e.g. the rest of a corpus)."""
        words = WORD.findall(fold(text))
        self._counts.update(words)
        self._total += len(words)


# The Lexicon word sets that count the bigram list's pairs (~0.15 s): cached on disk with the tables, as they depend
# only on the shipped tables and SELDOM_SECOND.
_WORD_SETS = ("linked", "seldom_second", "pair_firsts", "pair_seconds")


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """The shipped English lexicon (loaded once per process: ~0.3 s from the disk cache, ~0.45 s from the shipped text)."""
    data = resources.files("ocrfix.data")
    path = diskcache.cache_path("lexicon", f"v2:{SELDOM_SECOND}".encode(), diskcache.TABLES_FORMAT,
                                *(data.joinpath(name).read_bytes() for name in (WORDS_FILE, BIGRAMS_FILE)),
                                suffix=".marshal")
    cached = diskcache.read_tables(path)
    if cached is not None:
        words, bigrams, word_sets = cached
        lex = Lexicon(words, bigrams)
        lex.__dict__.update(zip(_WORD_SETS, word_sets))  # where cached_property keeps its value
        return lex
    lex = Lexicon(_read_table(WORDS_FILE), _read_table(BIGRAMS_FILE))
    diskcache.write_tables(path, (lex._words, lex._bigrams, [getattr(lex, name) for name in _WORD_SETS]))
    return lex


def _read_table(name: str) -> dict[str, float]:
    """Read a table written by :func:`_write_table`: one line per Zipf value, entries tab-separated."""
    with resources.files("ocrfix.data").joinpath(name).open("rb") as raw:
        lines = gzip.decompress(raw.read()).decode("utf-8").split("\n")
    table: dict[str, float] = {}
    for line in lines:
        if line:
            value, *entries = line.split("\t")
            table.update(dict.fromkeys(entries, float(value)))
    return table


def _write_table(path: Path, table: Iterable[tuple[str, float]]) -> None:
    from ocrfix.io import write_bytes_atomic

    buckets: dict[float, list[str]] = {}
    for entry, value in table:
        buckets.setdefault(round(value, 2), []).append(entry)
    text = "".join(f"{value:.2f}\t" + "\t".join(sorted(entries)) + "\n"
                   for value, entries in sorted(buckets.items(), reverse=True))
    write_bytes_atomic(path, gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def build_data(out_dir: Path = DATA_DIR) -> tuple[int, int]:
    """Rebuild the shipped tables from the installed wordfreq and symspellpy packages.

    Words: wordfreq's "large" English list, letters only (Latin script, inner
    apostrophes, hyphens or full stops allowed). Bigrams: symspellpy's bundled
    Google Books bigram counts, as Zipf per billion word pairs. Returns the
    number of words and bigrams written.
    """
    import symspellpy
    import wordfreq

    latin_word = regex.compile(r"\p{Latin}+(?:['.\-]\p{Latin}+)*")
    words = [(word, math.log10(frequency) + 9.0)
             for word, frequency in wordfreq.get_frequency_dict("en", wordlist="large").items()
             if latin_word.fullmatch(word)]
    words = [(word, zipf) for word, zipf in words if zipf >= _MIN_ZIPF]
    source = Path(symspellpy.__file__).parent / "frequency_bigramdictionary_en_243_342.txt"
    bigrams = []
    for line in source.read_text(encoding="utf-8").splitlines():
        w1, w2, count = line.split()
        bigrams.append((f"{fold(w1)} {fold(w2)}",
                        math.log10(int(count) / _BIGRAM_SCALE / _BIGRAM_CORPUS_WORDS * 1e9)))
    _write_table(out_dir / WORDS_FILE, words)
    _write_table(out_dir / BIGRAMS_FILE, bigrams)
    return len(words), len(bigrams)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ocrfix.lexicon",
                                     description="Rebuild the shipped lexicon tables in ocrfix/data.")
    parser.add_argument("action", choices=["build"], help="build: write words_en.tsv.gz and bigrams_en.tsv.gz")
    parser.add_argument("-o", "--out", type=Path, default=DATA_DIR, help="output folder (default: ocrfix/data)")
    args = parser.parse_args(argv)
    n_words, n_bigrams = build_data(args.out)
    print(f"wrote {n_words} words and {n_bigrams} bigrams to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
