"""Lines a line recogniser read turned 180 degrees: "au paxse seu pue" for "and has asked me".

A line recogniser (PaddleOCR, RapidOCR) cuts the page into text boxes and a direction classifier turns each box it
takes for upside down before the recogniser reads it; where the classifier is wrong, a right-way-up line is read
turned: its letters come last to first, each read as the letter its turned shape resembles (a turned "d" is a "p",
an "n" a "u", an "a" the "e" of its bowl, an "h" a "y" or "u", a "y" an "A" or "K", a "t" a "4"). Tesseract reads no
such lines. Such a line is read back by reversing it and reading each printed character as the letters whose turned
shape it is (TURNED), keeping the likeliest listed word; a run of tokens is taken for a turned line when many of its
tokens are no words as printed but listed words read back, and no common word as printed stands among them, or
when the character model of English words (:mod:`ocrfix.charlm`) finds the run, read back letter by letter, far
likelier than as printed: most of a turned line's tokens are listed as no word either way, but read back they are
made of English letter sequences ("Suyiauos" for "something", "iaaamoy" for "however").

>>> from ocrfix import charlm, lexicon
>>> lex = lexicon.load()
>>> text = "the council hall. Aes o4 paxse seu pue The Board"
>>> [text[start:end] + " -> " + line for start, end, line in turned_lines(Tokens(text), lex)]
['Aes o4 paxse seu pue -> and has asked to say']
"""
from __future__ import annotations

import math
import string
from functools import lru_cache
from itertools import combinations, product
from typing import Iterator, Sequence

import numpy as np
import regex

from ocrfix import charlm, lexicon
from ocrfix.lexicon import fold
from ocrfix.strategies.dictionary.tokens import Tokens

# Each lower-case letter turned 180 degrees, and what a recogniser reads that shape as, likeliest first: the turned
# glyphs (ɐ q ɔ p ǝ ɟ ƃ ɥ ᴉ ɾ ʞ l ɯ u o d b ɹ s ʇ n ʌ ʍ x ʎ z) in the ASCII letters and figures they resemble; a
# turned "t" whose thin cross-stroke is lost is an "i" ("umoi" town, "iey" that).
TURNED = {"a": "e", "b": "q", "c": "o", "d": "p", "e": "ao", "f": "jt", "g": "68b", "h": "yu", "i": "!i1l",
          "j": "r", "k": "xK", "l": "lij1I", "m": "wu", "n": "u", "o": "o", "p": "d", "q": "b", "r": "Jilr",
          "s": "s", "t": "4+tji", "u": "n", "v": "Aav", "w": "Mm", "x": "x", "y": "AKhy", "z": "z"}
# marks turned: a comma is a raised one (read as an apostrophe) and back; brackets face the other way
MARKS = {"'": ",", ",": "'", ".": ".", ":": ":", ";": ";", "-": "-", "(": ")", ")": "(", "?": "?"}
# the marks a reading sets before a word (printed after it): English sets no stop or comma there, and a turned
# line's marks after a word are specks or the dots of turned letters ("pauee." remained, "iey," that)
OPENING_MARKS = "("
MAX_SLIPS = 2  # printed characters read as a less likely letter of theirs in one word
SLIP_COST = 0.7  # of Zipf value, a slip or a lost letter: as if the word were five times rarer
MIN_LOST = 4  # a word part this long, at least, is looked at for a lost letter
THIN = "tilr"  # letters of thin strokes, which a recogniser loses from a turned line most ("he" for "the")
ONE_LETTER_WORDS = ("a", "i")
WORD_ZIPF = 3.0  # a word read back counts from here: a listed word, not a rare string
COMMON_ZIPF = 4.0  # a printed word this common (of three letters or more) is not read back: it ends a run
MAX_LENGTH = 14  # longer tokens are not read back
SHORT_READ = 2  # function words read turned in a turned line, at least
FUNCTION_WORDS = ("a", "the", "and", "of", "to", "in", "is", "that", "was", "for", "it", "by", "on", "as", "at", "be",
                  "he", "his", "with", "this", "we", "are", "have", "has", "not", "from", "or", "but", "an", "me", "my",
                  "had", "her", "she", "him", "its", "you", "they", "their", "them", "there", "were", "been", "would",
                  "will", "can", "may", "all", "any", "one", "no", "so", "if", "than", "then", "who", "which", "when",
                  "what", "some", "such", "only", "very", "also", "more", "into", "our", "us", "do")
MIN_READ = 3  # words read back, at least, in a turned run
READ_SHARE = 0.4  # of a run's lettered tokens, at least this share read back as words
PAIRS_GAINED = 2  # listed pairs read back beyond those printed, at least
SURE_SHARE = 0.5  # ... or one (or two words read back of LONG_WORD letters), with MIN_READ + 1 words and this share
LONG_WORD = 4
SPAN = 12  # tokens each side of a function word read turned that the character model looks at
MIN_BITS = 25.0  # bits the character model saves over a run read turned, at least
UNREADABLE_BITS = 5.0  # charged a character of a token that no turned letter prints
WORDLIKE_BITS = 3.0  # a token scored under this many bits a character by the character model is word-like
EDGES = regex.compile(r"^(\W*)(.*?)(\W*)$")


def _readings() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Printed character -> the letters whose turned shape it is, grouped by likelihood (a case changed is less
    likely), likeliest group first.

    >>> READINGS["p"], READINGS["o"]
    ((('d',),), (('c', 'o'), ('e',)))
    """
    ranked: dict[str, dict[str, int]] = {}
    for letter, shapes in TURNED.items():
        for rank, shape in enumerate(shapes):
            for form, cost in ((shape, rank), (shape.swapcase(), rank + 1)):
                held = ranked.setdefault(form, {})
                held[letter] = min(held.get(letter, cost), cost)
    return {shape: tuple(tuple(sorted(letter for letter, cost in letters.items() if cost == rank))
                         for rank in sorted(set(letters.values())))
            for shape, letters in ranked.items()}


READINGS = _readings()
# characters a turned letter is read as: a word part of only these may be read back (``READABLE.issuperset``, a C
# test as a regex's fullmatch is, without its state set up for each of the ~15k distinct word parts of a pass)
READABLE = frozenset("".join(READINGS) + "-")


@lru_cache(maxsize=65536)
def read_back(core: str, lex: lexicon.Lexicon) -> tuple[str, float]:
    """The likeliest listed word ``core`` is, read turned (letters reversed, each one of the letters its shape is),
    with at most MAX_SLIPS characters read as a less likely letter of theirs, and its Zipf value; ("", 0.0) if none
    is listed. Parts of a hyphenated word are read each and come in reverse order.

    >>> lex = lexicon.load()
    >>> read_back("pue", lex)[0], read_back("Aep-oj", lex)[0], read_back("pinom", lex)[0], read_back("r", lex)[0]
    ('and', 'to-day', 'would', '')
    >>> read_back("umoi", lex)[0]
    'town'
    """
    if "-" in core:
        parts = [read_back(part, lex) for part in reversed(core.split("-"))]
        if all(word for word, _ in parts):
            return "-".join(word for word, _ in parts), min(value for _, value in parts)
        return "", 0.0
    if len(core) == 1:
        word = next((word for word, _ in _spellings(core) if word in ONE_LETTER_WORDS), "")
        return word, lex.folded_zipf(word) if word else 0.0
    return _likeliest(list(_spellings(core)), lex)


def read_back_lost(core: str, lex: lexicon.Lexicon, letters: str = string.ascii_lowercase) -> str:
    """:func:`read_back` for a word part that may have lost one of ``letters`` too (recognisers drop the thin
    strokes of a turned "t", "r" or "i"), a lost letter costing as a slip. "" where no such word of Zipf
    WORD_ZIPF or more is listed.

    >>> lex = lexicon.load()
    >>> read_back_lost("aseqeep", lex), read_back_lost("iayei", lex, THIN), read_back("iayei", lex)[0]
    ('database', 'rather', 'layer')
    """
    if len(core) < MIN_LOST or "-" in core:
        return ""
    variants = [(spelled[:k] + letter + spelled[k:], slips + 1) for spelled, slips in _spellings(core, 0)
                for k in range(len(spelled) + 1) for letter in letters]
    word, value = _likeliest(variants + list(_spellings(core)), lex)
    return word if value >= WORD_ZIPF else ""


def with_thin_letter(word: str, lex: lexicon.Lexicon) -> str:
    """``word`` (read back) or the function word it makes with a THIN letter put back, if that is commoner by more
    than SLIP_COST (a lost letter is as unlikely as a slip): a turned line's short words lose their thin strokes.

    >>> lex = lexicon.load()
    >>> with_thin_letter("he", lex), with_thin_letter("his", lex), with_thin_letter("ce", lex)
    ('the', 'his', 'ce')
    """
    variants = [variant for k in range(len(word) + 1) for letter in THIN
                if (variant := word[:k] + letter + word[k:]) in FUNCTION_WORDS]
    value, best = max(zip(lex.folded_zipfs(variants), variants), default=(0.0, word))
    return best if value - SLIP_COST > lex.folded_zipf(word) else word


def _spellings(core: str, max_slips: int = MAX_SLIPS) -> Iterator[tuple[str, int]]:
    """Each word ``core`` may be read turned, with the number of characters read as a less likely letter."""
    groups = [READINGS.get(ch) for ch in reversed(core)]
    if not core or not all(groups):
        return
    slipped = [i for i, letters in enumerate(groups) if len(letters) > 1]
    for slips in range(min(max_slips, len(slipped)) + 1):
        for places in combinations(slipped, slips):
            choices = [sum(letters[1:], ()) if i in places else letters[0] for i, letters in enumerate(groups)]
            for letters in product(*choices):
                yield "".join(letters), slips


def _likeliest(spellings: Sequence[tuple[str, int]], lex: lexicon.Lexicon) -> tuple[str, float]:
    """The listed word of ``spellings`` with the best Zipf value less SLIP_COST a slip, and its Zipf value."""
    words, slips = zip(*spellings) if spellings else ((), ())
    scored = [(value - SLIP_COST * slip, value, word)
              for word, slip, value in zip(words, slips, lex.folded_zipfs(words)) if value]
    best = max(scored, default=(0.0, 0.0, ""))
    return best[2], best[1]


def turned_lines(tokens: Tokens, lex: lexicon.Lexicon) -> list[tuple[int, int, str]]:
    """(start, end, reading) of each run of the text's ``tokens`` that is a line read turned (see the module): the
    runs :func:`_word_runs` and :func:`_modelled_runs` find, joined where they overlap, each line read back."""
    if len(tokens.cores) < MIN_READ:
        return []
    spans = sorted(_word_runs(tokens, lex) + _modelled_runs(tokens, lex))
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and start < joined[-1][1]:
            start, joined_end = joined.pop()
            end = max(end, joined_end)
        joined.append((start, end))
    return [(start, end, "\n".join(_read_line(line, lex) for line in tokens.text[start:end].split("\n")))
            for start, end in joined]


def _word_runs(tokens: Tokens, lex: lexicon.Lexicon) -> list[tuple[int, int]]:
    """(start, end) of each run of tokens read turned by its words: many no word as printed but a listed word read
    back, no common word as printed among them."""
    common = (tokens.lengths >= 3) & (tokens.zipfs(lex.word_table) >= COMMON_ZIPF)
    # windows: the runs of tokens between common words; one is read only if MIN_READ tokens could be read back and
    # SHORT_READ are function words read turned ("pue" and, "jo" of, "ay" the): a turned line has its function words
    window = np.cumsum(common)  # each token's window number (a common word opens the next one, being in none)
    # readable: two characters or more, each one a turned letter is read as (a C test per distinct word part)
    readable = np.bincount(window, weights=(tokens.lengths >= 2) & tokens.flags(READABLE.issuperset) & ~common)
    function = np.bincount(window, weights=tokens.flags(_turned_function_words(lex).__contains__))
    found = []
    for number in np.flatnonzero((readable >= MIN_READ) & (function >= SHORT_READ)).tolist():
        first, last = np.searchsorted(window, number), np.searchsorted(window, number, side="right")
        found += _turned_runs(tokens, range(first + bool(common[first]), last), lex)
    return found


@lru_cache(maxsize=2)
def _turned_function_words(lex: lexicon.Lexicon) -> frozenset[str]:
    """How FUNCTION_WORDS print read turned (last letter first, each as one of its shapes' two likeliest readings),
    but for forms about as common as the word as printed ("to" for "of").

    >>> {"pue", "jo", "ay4", "4eu4"} <= _turned_function_words(lexicon.load())
    True
    """
    forms = {"".join(shapes): word for word in FUNCTION_WORDS
             for shapes in product(*(TURNED[letter][:2] for letter in reversed(word)))}
    return frozenset(form for form, word in forms.items()
                     if lex.folded_zipf(fold(form)) + 1 < lex.folded_zipf(word))  # as the "F" of :func:`_label`


def _turned_runs(tokens: Tokens, window: range, lex: lexicon.Lexicon) -> list[tuple[int, int]]:
    """:func:`_word_runs` in one ``window`` of tokens."""
    text, starts, ends = tokens.text, tokens.raw_starts, tokens.raw_ends
    labels = [_label(tokens.cores[j], lex) for j in window]
    found = []
    i = 0
    while i < len(labels):
        if labels[i][0] != "F":
            i += 1
            continue
        last = i
        while last + 1 < len(labels) and labels[last + 1][0] != "N" and not _broken(text, starts, ends, window[last]):
            last += 1
        while labels[last][0] != "F":
            last -= 1
        first = i
        while first and labels[first - 1][0] == "" and not _broken(text, starts, ends, window[first - 1]):
            first -= 1
        run = range(window[first], window[last] + 1)
        if _is_turned([tokens.cores[j] for j in run], labels[first:last + 1], lex):
            found.append((starts[run[0]], ends[run[-1]]))
        i = last + 1
    return found


def _modelled_runs(tokens: Tokens, lex: lexicon.Lexicon) -> list[tuple[int, int]]:
    """(start, end) of each run of tokens near a function word read turned (SPAN tokens either side) that the
    character model finds likelier read turned by MIN_BITS or more (:func:`_saving`, :func:`_best_runs`), with
    MIN_READ word parts of letters alone read back as listed words, on one line or two (a recogniser turns one
    line's box: two turned lines a layout joined stand together, a page's text does not).

    >>> lex = lexicon.load()
    >>> text = "What matters is the conuy aou unlaq, Suyiauos jey asus ayn Xnun\\nP paiall. iaaamoy t: 'lns si ole"
    >>> [text[start:end] for start, end in _modelled_runs(Tokens(text), lex)]
    ["aou unlaq, Suyiauos jey asus ayn Xnun\\nP paiall. iaaamoy t: 'lns si ole"]
    """
    hits = np.flatnonzero(tokens.flags(_turned_function_words(lex).__contains__))
    count = len(tokens.cores)
    edges = np.zeros(count + 1, dtype=np.int64)
    np.add.at(edges, np.maximum(hits - SPAN, 0), 1)
    np.add.at(edges, np.minimum(hits + SPAN + 1, count), -1)
    near = np.flatnonzero(np.cumsum(edges[:-1]) > 0)
    text, starts, ends, cores = tokens.text, tokens.raw_starts, tokens.raw_ends, tokens.cores
    found = []
    for stretch in np.split(near, np.flatnonzero(np.diff(near) > 1) + 1) if len(near) else []:
        first = int(stretch[0])
        for a, b in _best_runs([_saving(cores[j], lex) for j in stretch.tolist()], MIN_BITS):
            run = range(first + a, first + b)
            read = sum(_label(cores[j], lex)[0] == "F" and cores[j].isalpha() for j in run)
            if read >= MIN_READ and text.count("\n", starts[run[0]], ends[run[-1]]) <= 1:
                found.append((starts[run[0]], ends[run[-1]]))
    return found


@lru_cache(maxsize=65536)
def _saving(core: str, lex: lexicon.Lexicon) -> float:
    """Bits the character model saves over ``core`` read turned (:func:`_read_word`) rather than as printed; 0 for
    a part with no letters, or with figures (a sum, "4s. 6d.", is no English word either way); UNREADABLE_BITS a
    character charged for one no turned letters make.

    >>> lex = lexicon.load()
    >>> _saving("Suyiauos", lex) > 0 > _saving("store", lex)
    True
    """
    if not any(ch.isalpha() for ch in core) or any(ch.isdigit() for ch in core):
        return 0.0
    if len(core) > MAX_LENGTH or not READABLE.issuperset(core):
        return -UNREADABLE_BITS * len(core)
    model = charlm.load()
    printed = model.bits(core)
    # a part as word-like as English's words is compared with its likeliest letters alone: read back, no listed
    # word would make it likelier turned (and looking for one costs most of the time)
    word = read_back(core, lex)[0] if printed >= WORDLIKE_BITS else ""
    return (printed - model.bits(word or _likeliest_letters(core))) * len(core)


def _best_runs(values: Sequence[float], least: float) -> list[tuple[int, int]]:
    """(start, end) of each run of ``values`` whose sum is ``least`` or more: runs end where the running sum would
    fall to zero or below, and each is cut after its largest running sum.

    >>> _best_runs([-5, 3, 4, -1, -9, 6], 6)
    [(1, 3), (5, 6)]
    """
    found = []
    total, best, start, span = 0.0, 0.0, 0, None
    for i, value in enumerate([*values, -math.inf]):
        if total + value <= 0:
            if span and best >= least:
                found.append(span)
            total, best, start, span = 0.0, 0.0, i + 1, None
            continue
        total += value
        if total > best:
            best, span = total, (start, i + 1)
    return found


@lru_cache(maxsize=65536)
def _label(core: str, lex: lexicon.Lexicon) -> tuple[str, str]:
    """("F", word) for a word part that is ``word`` read back (:func:`read_back`) and no word as printed;
    ("N", "") for a word as printed; ("", word) for either or neither."""
    lettered = any(ch.isalpha() for ch in core)
    printed = lex.folded_zipf(fold(core))
    if lettered and len(core) >= 3 and printed >= COMMON_ZIPF:
        return "N", ""
    word, value = read_back(core, lex) if len(core) <= MAX_LENGTH else ("", 0.0)
    if lettered and len(core) >= 2 and value >= WORD_ZIPF and value > printed + 1:
        return "F", word
    if lettered and len(core) >= 3 and printed >= WORD_ZIPF and value < printed:
        return "N", ""
    return "", word


def _broken(text: str, starts: list[int], ends: list[int], j: int) -> bool:
    """Does a line break stand between token ``j`` and the next?"""
    return "\n" in text[ends[j]:starts[j + 1]]


def _is_turned(cores: list[str], labels: list[tuple[str, str]], lex: lexicon.Lexicon) -> bool:
    """Is this run of word parts (starting and ending with one read back) a line read turned?"""
    read = sum(label == "F" for label, _ in labels)
    lettered = sum(any(ch.isalpha() for ch in core) for core in cores)
    if read < MIN_READ or read < READ_SHARE * lettered:
        return False
    gained = (_listed_pairs([word for _, word in reversed(labels)], lex)
              - _listed_pairs([fold(core) for core in cores], lex))
    long_words = sum(label == "F" and len(word) >= LONG_WORD for label, word in labels)
    return gained >= PAIRS_GAINED or ((gained > 0 or long_words >= 2) and read > MIN_READ
                                      and read >= SURE_SHARE * lettered)


def _listed_pairs(words: list[str], lex: lexicon.Lexicon) -> int:
    """How many neighbouring pairs of ``words`` the lexicon lists."""
    return sum(1 for a, b in zip(words, words[1:]) if a and b and lex.folded_bigram(a, b) > 0)


def _read_line(line: str, lex: lexicon.Lexicon) -> str:
    """``line`` read back: its tokens in reverse order, each the word :func:`read_back` finds or, with none
    listed, its likeliest letters, and a function word if a thin letter put back makes one
    (:func:`with_thin_letter`), a lone letter that is no word "a"; marks turned and moved to the other side (but
    OPENING_MARKS alone before a word).

    >>> _read_line("ssej8 r", lexicon.load())
    'a glass'
    """
    words = []
    for token in reversed(line.split()):
        lead, core, trail = EDGES.match(token).groups()
        word = read_back_lost(core, lex, THIN) or read_back(core, lex)[0] or read_back_lost(core, lex) \
            if len(core) <= MAX_LENGTH else ""
        word = with_thin_letter(word or _likeliest_letters(core), lex)
        if len(word) == 1 and word.isalpha() and word not in ONE_LETTER_WORDS:
            word = ONE_LETTER_WORDS[0]  # a short word that lost strokes: "a" is as near any other as the letter
        words.append(_turned_marks(trail, OPENING_MARKS) + word + _turned_marks(lead))
    return " ".join(words)


def _likeliest_letters(core: str) -> str:
    """``core`` read turned, each character as the likeliest letter its shape is (others as printed).

    >>> _likeliest_letters("Xqusv")
    'vsnbk'
    """
    return "".join(READINGS[ch][0][0] if ch in READINGS else ch for ch in reversed(core))


def _turned_marks(marks: str, kept: str = "".join(MARKS.values())) -> str:
    """Marks beside a word read turned: reversed, each as the mark its turned shape is, if one of ``kept``
    (others dropped).

    >>> _turned_marks(".,"), _turned_marks(".,", OPENING_MARKS)
    ("'.", '')
    """
    return "".join(mark for mark in map(MARKS.get, reversed(marks)) if mark and mark in kept)


def clear_caches() -> None:
    """Forget the word parts read back so far (see :func:`ocrfix.strategies.dictionary.clear_caches`)."""
    read_back.cache_clear()
    _label.cache_clear()
    _saving.cache_clear()
