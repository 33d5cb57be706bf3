"""What the dictionary never touches, and the pattern-checked repairs of numbers and postcodes.

Word repair is for running words. Numbers, dates, money, codes, URLs and
e-mail addresses are protected; inside numbers and UK postcodes the letters
an engine prints for digits (and back) are repaired only where the result fits
a strict pattern and no other reading does.

>>> protected_reason("https://example.org/a", "https://example.org/a")
'URL or e-mail address'
>>> repair_number("l867")
'1867'
>>> repair_number("lO") is None     # too little evidence that this is a number
True
>>> repair_postcode("SWIA", "2AH")
('SW1A', '2AH')
>>> repair_postcode("SW1A", "2AH") is None  # already valid
True
"""
from __future__ import annotations

import string
from itertools import product
from typing import Callable

import regex

from ocrfix.codes import CODE, URL_OR_CODE_MARKS, URL_OR_EMAIL
from ocrfix.lexicon import elided, fold

LETTERS_AND_APOSTROPHES = regex.compile(r"\p{L}+(?:['’]\p{L}+)*")
# Where an apostrophe belongs inside a word: "king's", "don't", "we'll", "O'Brien", "d'Arcy".
WORD_APOSTROPHE = regex.compile(r"(?i)\p{L}+['’](?:s|t|ll|ve|re|d|m)|\p{L}['’]\p{L}+")
COMBINING_MARK = regex.compile(r"\p{M}")
# The ligatures of classical and period spellings (æ, œ), which no misreading of plain letters produces.
LIGATURE_SPELLING = regex.compile(r"[æœÆŒ]")
POSSESSIVE = regex.compile(r"(\p{L}+)['’]s")
COMPOUND_JOINER_CHARACTERS = "-‐‑/"
COMPOUND_JOINERS = regex.compile(f"[{regex.escape(COMPOUND_JOINER_CHARACTERS)}]")
ABBREVIATION = regex.compile(r"\p{L}(?:\.\p{L})+\.?")
# A word with digits standing in for letters: at least three letters, a digit not at the end ("1ife", "c0mpany").
DIGITS_FOR_LETTERS = regex.compile(r"(?=(?:[^\p{L}]*\p{L}){3})[\p{L}0-9]*[0-9]\p{L}[\p{L}0-9]*")
ORDINAL_OR_DECADE = regex.compile(r"(?i)\d+(?:st|nd|rd|th|d|s|'s|’s)")
# An ordinal whose later digits an engine misread ("2ith" for 27th): a digit, up to two more digits or
# letters printed for digits, an ordinal suffix.
MISREAD_ORDINAL = regex.compile(r"(?i)\d[\dlio]{1,2}(?:st|nd|rd|th)")
# A short lower-case word with a 0 or 1 for one of its letters ("1t", "0n", "t0", "h1s"): engines of every kind
# read o, i and l as the digits of their shape, and the words too short for DIGITS_FOR_LETTERS are the commonest.
SHORT_DIGIT_WORD = regex.compile(r"(?=.{2,3}$)\p{Ll}{0,2}[01]\p{Ll}{0,2}")
# The letters a digit of SHORT_DIGIT_WORD stands for: the letters of its shape.
SHAPE_LETTERS = (("0", "o"), ("1", "i"), ("1", "l"))
# "and" with a digit for its "a" ("7nd", "2nd": Tesseract on worn type); see digit_and.
DIGIT_AND = regex.compile(r"[0-9]nd")
# The spelled numbers that a figure's ordinal never follows ("twenty 2nd five" is "twenty and five").
SPELLED_NUMBERS = frozenset("""one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
thousand""".split())

# Letters engines print for digits, and back.
LETTER_FOR_DIGIT = {"l": "1", "I": "1", "i": "1", "O": "0", "o": "0", "S": "5", "Z": "2", "B": "8", "G": "6"}
DIGIT_FOR_LETTER = {"1": "I", "0": "O", "5": "S", "2": "Z", "8": "B", "6": "G"}
NUMBER_LETTERS = {"l": "1", "I": "1", "O": "0", "o": "0"}
DIGIT_FOR_LOWER_LETTER = str.maketrans("105", "los")  # inside a word ("1ost"): translates back to the letters
ASCII_DIGITS = frozenset("0123456789")
NUMBER_LIKE = regex.compile(r"[0-9lIOo]+")
# A year (1500-2099) whose inner 9 was read as a g, the same loop over a tail ("19g5"); not a last g: "198g" may be
# grams run on.
YEAR_WITH_G = regex.compile(r"(?:1[5-9g]|20)[0-9g][0-9]")   # (matched whole)
# An ordinal ("14th", "21st") with letters an engine prints for its digits; "i" too, as in "i4th".
ORDINAL_LIKE = regex.compile(r"([0-9lIiOo]+)(st|nd|rd|th)")
# A number in thousands groups, perhaps with decimals, after a pound sign or the "f" engines read for one.
GROUPED_NUMBER = regex.compile(r"([f£]?)([0-9lIOo]{1,3}(?:,[0-9lIOo]{3})+(?:\.[0-9lIOo]+)?)")

# UK postcode areas (Royal Mail), the first letters of every postcode.
POSTCODE_AREAS = frozenset("""
AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH
EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M
ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST
SW SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE""".split())
# The six shapes of an outward code (A = letter, 9 = digit) and the inward code's.
OUTWARD_SHAPES = ("A9", "A99", "AA9", "AA99", "A9A", "AA9A")
INWARD_SHAPE = "9AA"
_INWARD_LETTERS = set("ABDEFGHJLNPQRSTUWXYZ")  # C I K M O V never end a postcode


REPLACEMENT_CHARACTER = "\ufffd"  # what a decoder puts for bytes it cannot read


def protected_reason(token: str, core: str, known: Callable[[str], bool] = lambda part: False) -> str | None:
    """Why the whitespace-delimited ``token`` (its word part ``core``) must not be repaired, or None.

    ``known`` says whether a string is a word; a ``core`` with inner punctuation
    is a compound or abbreviation to protect if all its parts are known words or
    single letters, and OCR noise inside a word otherwise.

    >>> protected_reason("CPSU,", "CPSU"), protected_reason("re-establish", "re-establish", {"re", "establish"}.__contains__)
    ('ALL-CAPS abbreviation', 'compound or abbreviation')
    >>> protected_reason("£1,200", "1,200"), protected_reason("exlude", "exlude") is None
    ('number, date, money or code', True)
    >>> protected_reason("finan-ial", "finan-ial", {"financial"}.__contains__) is None
    True
    >>> protected_reason("2ith", "2ith"), protected_reason("1ost", "1ost", {"lost"}.__contains__) is None
    ('number, date, money or code', True)
    >>> protected_reason("parameter's", "parameter's", {"parameter"}.__contains__)
    'possessive of a known word'
    >>> protected_reason("œconomy", "œconomy")
    'ligature spelling'
    >>> protected_reason("ask'd", "ask'd", {"asked"}.__contains__)
    'elision of a known word'
    >>> protected_reason("J\ufffdnis", "J\ufffdnis")
    'a character lost in decoding'
    """
    if not URL_OR_CODE_MARKS.isdisjoint(token):
        if URL_OR_EMAIL.search(token):
            return "URL or e-mail address"
        if CODE.search(token) and not _letter_for_mark(core, known, "_"):
            return "code or markup"  # not "Solicito_s": an engine's placeholder for a letter it could not read
    if len(core) < 2:
        return "single letter"
    if REPLACEMENT_CHARACTER in core:  # a byte the text's decoding lost ("J\ufffdnis"), no glyph misread: which
        return "a character lost in decoding"  # letter stood there no reading of the glyph can tell
    if not token.isascii() and not token.isalpha() and COMBINING_MARK.search(token):  # a mark: category M, not L
        return "accented word"  # "ro\u0302le" in decomposed form: its marks are real, no OCR noise
    if not core.isascii() and LIGATURE_SPELLING.search(core):
        return "ligature spelling"  # "œconomy", "fœtus", "Cæsar": an engine prints æ or œ only where it sees one
    if core.isalpha():  # the common case, in short: no digits, no inner punctuation
        return _case_reason(core)
    if any(map(str.isdigit, core)):
        letters = [ch for ch in core if ch.isalpha()]
        if all(ch.isupper() for ch in letters) or any(ch.isupper() for ch in letters[1:]) \
                or not DIGITS_FOR_LETTERS.fullmatch(core) or ORDINAL_OR_DECADE.fullmatch(core) \
                or MISREAD_ORDINAL.fullmatch(core) and not known(core.translate(DIGIT_FOR_LOWER_LETTER)):
            return "number, date, money or code"  # "SW1A", "Sw1P", "B52", "1980s", "19th", "2ith" (not "1ost")
        return None
    if not _letters_and_apostrophes(core) and _compound(core, known):
        return "compound or abbreviation"
    possessive = core.endswith(("'s", "’s")) and POSSESSIVE.fullmatch(core)  # the pattern asked where it may match
    if possessive and known(possessive.group(1)):
        return "possessive of a known word"  # "parameter's": the lexicon lists few possessives
    if elided(core[:-2] if core.endswith(("'s", "’s")) else core, known):
        return "elision of a known word"  # "ask'd", "reliev'd", "o'er", "e'en", "heav'n's": period and verse spellings
    return _case_reason(core)


def _case_reason(core: str) -> str | None:
    if core.isupper():
        return "ALL-CAPS abbreviation"
    if any(map(str.isupper, core[1:])):
        return "mixed-case name"
    return None


def _compound(core: str, known: Callable[[str], bool]) -> bool:
    """A listed compound ("e-mail"), known words joined by hyphens or slashes ("re-establish",
    "and/or"), or letters with stops ("e.g.")."""
    if known(core) or "." in core and ABBREVIATION.fullmatch(core):  # the patterns asked where they may match
        return True
    if not any(map(core.__contains__, COMPOUND_JOINER_CHARACTERS)):
        return False  # no joiner to split at, told without the pattern
    parts = COMPOUND_JOINERS.split(core)
    # a one-letter part starts a compound ("X-ray", "e-mail", "C-library") or is a capital ("Plan-B")
    return len(parts) > 1 and all(
        part.isalpha() and (known(part) if len(part) > 1 else (i == 0 or part.isupper()))
        for i, part in enumerate(parts)) and any(len(part) > 1 for part in parts) and not _letter_for_mark(core, known)


def _letter_for_mark(core: str, known: Callable[[str], bool], mark: str = "-") -> bool:
    """Is the one ``mark`` of ``core`` a misread letter: does a letter in its place make a word ("sin-le",
    "b-en", "re-ard")? Compounds do not read as words that way ("re-establish", "to-day", "well-known"),
    nor do identifiers joined by underscores ("max_value", "set_up"), while the underscore that some
    engines (gocr among them) print for a glyph they cannot read does ("Solicito_s", "Regis_er").

    >>> _letter_for_mark("sin-le", {"sin", "le", "single"}.__contains__)
    True
    >>> _letter_for_mark("to-day", {"to", "day", "today"}.__contains__)
    False
    >>> _letter_for_mark("Regis_er", {"register"}.__contains__, "_"), _letter_for_mark("set_up", {"setup"}.__contains__, "_")
    (True, False)
    """
    if core.count(mark) != 1:
        return False
    cut = core.index(mark)
    return any(known((core[:cut] + letter + core[cut + 1:]).lower()) for letter in string.ascii_lowercase)


def shape_readings(core: str, known: Callable[[str], bool]) -> tuple[str, ...]:
    """The ``known`` words ``core`` reads as where it is a short word with a 0 or 1 for a letter of that shape
    (SHORT_DIGIT_WORD; o for 0, i or l for 1); none for a number with a unit or suffix ("1s", "2nd", "10").

    >>> shape_readings("1t", {"it"}.__contains__), shape_readings("h1s", {"his", "hls"}.__contains__)
    (('it',), ('his', 'hls'))
    >>> shape_readings("1s", {"is"}.__contains__), shape_readings("2t", {"it"}.__contains__)
    ((), ())
    """
    if len(core) > 3 or "0" not in core and "1" not in core:
        return ()  # no short word with a 0 or 1 in it, told without the patterns
    if not SHORT_DIGIT_WORD.fullmatch(core) or ORDINAL_OR_DECADE.fullmatch(core):
        return ()
    return tuple(reading for reading in dict.fromkeys(core.replace(digit, letter) for digit, letter in SHAPE_LETTERS)
                 if reading != core and known(reading))


def digit_and(core: str, attested: Callable[[str, str], bool]) -> tuple[str, ...]:
    """("and",) where ``core`` is "and" printed with a digit for its "a" that the error model has seen there
    (``attested(word, printed)``): "2nd" is an ordinal too, which the reading's context must rule out.

    >>> attested = lambda word, printed: printed[0] in "247"
    >>> digit_and("7nd", attested), digit_and("2nd", attested), digit_and("3nd", attested), digit_and("7th", attested)
    (('and',), ('and',), (), ())
    """
    # the pattern asked only where it may match (a call of the regex module costs ~3k instructions)
    return ("and",) if core.endswith("nd") and DIGIT_AND.fullmatch(core) and attested("and", core) else ()


def is_noisy(core: str) -> bool:
    """Does ``core`` hold characters no word has there (inner punctuation or digits, a stray apostrophe)?

    >>> is_noisy("Scot’and"), is_noisy("Corporation's"), is_noisy("O'Brien"), is_noisy("Craml‘n-ton")
    (True, False, False, True)
    """
    if core.isascii() and core.isalpha():
        return False  # most words: a-z alone, told without the patterns
    if not _letters_and_apostrophes(core):
        return True
    return ("'" in core or "’" in core) and not WORD_APOSTROPHE.fullmatch(core)


def _letters_and_apostrophes(core: str) -> bool:
    """Does LETTERS_AND_APOSTROPHES match all of ``core``? An ASCII one is told by str methods (its letters are a-z and
    A-Z, its apostrophe '), without the regex module's call (~3k instructions).

    >>> [_letters_and_apostrophes(core) for core in ("o'er", "don't", "o''er", "'tis", "ro-le", "Scot’and", "x2")]
    [True, True, False, False, False, True, False]
    """
    if core.isascii():
        return all(map(str.isalpha, core.split("'")))  # no piece empty: "".isalpha() is False
    return LETTERS_AND_APOSTROPHES.fullmatch(core) is not None


def repair_number(core: str) -> str | None:
    """``core`` with l/I read as 1 and O/o as 0, if it is clearly a number (two or more real digits); a year's
    inner g as 9 (YEAR_WITH_G).

    >>> repair_number("19O5"), repair_number("1867"), repair_number("lol")
    ('1905', None, None)
    >>> repair_number("19g5"), repair_number("198g"), repair_number("10g"), repair_number("2g05")
    ('1995', None, None, None)
    """
    if ASCII_DIGITS.isdisjoint(core):
        return None  # both patterns below need a digit: most words are searched for none
    if core.count("g") == 1 and YEAR_WITH_G.fullmatch(core):
        return core.replace("g", "9")
    grouped = GROUPED_NUMBER.fullmatch(core)
    if grouped is not None:
        return _repair_grouped(grouped)
    ordinal = ORDINAL_LIKE.fullmatch(core)
    if ordinal is not None:
        return _repair_ordinal(*ordinal.groups())
    if not NUMBER_LIKE.fullmatch(core):
        return None
    digits = sum(ch.isdigit() for ch in core)
    if digits < 2 or digits == len(core) or 2 * digits < len(core):
        return None
    return "".join(NUMBER_LETTERS.get(ch, ch) for ch in core)


# A capital I inside a lower-case word, after a lower-case letter ("aIl", "wiIl", "HalI").
INNER_CAPITAL_I = regex.compile(r"\p{L}\p{Ll}*(?:(?<=\p{Ll})I\p{Ll}*)+")
CAPITAL_I_READING_ZIPF = 4.0  # the reading must be a word in common use ("fol", "wil" are listed)


def repair_capital_i(core: str, zipf: Callable[[str], float]) -> str | None:
    """``core`` with the capital I it prints inside a lower-case word read as an l, if that makes a
    word in common use (``zipf`` of the folded word) at least as common as the word it folds to.

    In most type a capital I and a lower-case l are one vertical stroke, and engines trade them;
    inside a lower-case word a capital is no spelling of English, so such a word is no name to
    protect ("McIntyre", whose I starts the name's second part, makes no word read with an l).
    An I read as i would only lower-case the word: no repair.

    >>> common = {"all": 7.4, "ail": 3.1, "hall": 5.0, "tile": 4.0}.get
    >>> zipf = lambda word: common(word, 0.0)
    >>> repair_capital_i("aIl", zipf), repair_capital_i("HalI", zipf), repair_capital_i("tIle", zipf)
    ('all', 'Hall', None)
    >>> repair_capital_i("McIntyre", zipf), repair_capital_i("SQLite", zipf), repair_capital_i("lI", zipf)
    (None, None, None)
    """
    if len(core) < 3 or "I" not in core[1:] or not INNER_CAPITAL_I.fullmatch(core):
        return None
    reading = core[0] + core[1:].replace("I", "l")
    reading_zipf = zipf(fold(reading))
    if reading_zipf < CAPITAL_I_READING_ZIPF or reading_zipf < zipf(fold(core)):
        return None
    return reading


# One capital after a lower-case first letter ("oF", "thE", "inTo"): no English spelling, and no name's either
# (names and brands that mix cases, "iPhone", "eBay", "macOS", "pH", "kWh", are rarer than Zipf 5); engines that
# size letters by their neighbours print it for the many capitals shaped as their lower case (o, s, v, w, x, z)
# and more. Only the commonest words (Zipf 5.5: "of", "the", "into", "with") are read back: on held-out OCR
# of five engines ~190 such tokens, none in 1.2 MB of clean text or in the corpus ground truth.
ONE_INNER_CAPITAL = regex.compile(r"\p{Ll}+\p{Lu}\p{Ll}*")
MISCASED_WORD_ZIPF = 5.5


def repair_inner_capital(core: str, zipf: Callable[[str], float]) -> str | None:
    """``core`` in lower case where it prints one capital after a lower-case first letter and is, in lower case,
    one of the commonest words (``zipf`` of the folded word).

    >>> common = {"of": 7.4, "into": 6.3, "iphone": 4.4}.get
    >>> zipf = lambda word: common(word, 0.0)
    >>> repair_inner_capital("oF", zipf), repair_inner_capital("inTo", zipf), repair_inner_capital("iPhone", zipf)
    ('of', 'into', None)
    >>> repair_inner_capital("Of", zipf), repair_inner_capital("oFF", zipf)  # a sentence's capital; two capitals
    (None, None)
    """
    if core.isascii() and (core.islower() or not core[:1].islower()):
        return None  # no capital, or a first letter that is none of a-z: most words, told without the pattern
    if not ONE_INNER_CAPITAL.fullmatch(core) or zipf(fold(core)) < MISCASED_WORD_ZIPF:
        return None
    return core.lower()


# A word in capitals with one small letter inside it, two capitals or more on each side ("RESoLVED", "SEACOmBE"):
# the engine read a capital as its small form (the same shape for c o s v w x z, a smaller glyph for the rest).
# Abbreviations and names mixing cases put fewer capitals on a side ("GmbH", "SoC", "DfES", "MPs"); none of this
# shape in 1 MB of clean text or the corpus ground truth. Read back only where the word is listed: an unlisted
# one ("DEPAnTMEN", "SCHiME") is misread further, and its case alone is no repair.
ONE_INNER_SMALL = regex.compile(r"[A-Z]{2,}[a-z][A-Z]{2,}")


def repair_inner_small(core: str, zipf: Callable[[str], float]) -> str | None:
    """``core`` in capitals where it prints one small letter inside a word in capitals (ONE_INNER_SMALL) and is a
    listed word (``zipf`` of the folded word).

    >>> zipf = lambda word: {"resolved": 4.1}.get(word, 0.0)
    >>> repair_inner_small("RESoLVED", zipf), repair_inner_small("DEPAnTMEN", zipf), repair_inner_small("GmbH", zipf)
    ('RESOLVED', None, None)
    """
    return core.upper() if ONE_INNER_SMALL.fullmatch(core) and zipf(fold(core)) > 0.0 else None


def _repair_ordinal(number: str, suffix: str) -> str | None:
    """An ordinal with letters for digits ("i4th", "2lst"): one real digit is enough where the suffix
    is the one English gives the repaired number (1st, 2nd, 3rd, 4th; 11th-13th), which no word has.
    Without the repair the dictionary would read the token as a word and lose its digit ("i4th" ->
    "ith").

    >>> _repair_ordinal("i4", "th"), _repair_ordinal("2l", "st"), _repair_ordinal("2l", "th"), _repair_ordinal("14", "th")
    ('14th', '21st', None, None)
    """
    if ASCII_DIGITS.isdisjoint(number) or number.isdigit():
        return None
    return ordinal("".join(LETTER_FOR_DIGIT.get(ch, ch) for ch in number), suffix)


def ordinal(digits: str, suffix: str) -> str | None:
    """The ordinal ``digits`` + ``suffix`` if English gives the number that suffix, and the number no leading nought.

    >>> ordinal("21", "st"), ordinal("11", "th"), ordinal("11", "st"), ordinal("01", "st")
    ('21st', '11th', None, None)
    """
    if not digits.isdigit() or digits[0] == "0":
        return None
    tens, units = int(digits) // 10 % 10, int(digits) % 10
    expected = "th" if tens == 1 or units > 3 or units == 0 else ("st", "nd", "rd")[units - 1]
    return digits + suffix if suffix == expected else None


def _repair_grouped(match: regex.Match) -> str | None:
    """A number in groups of three ("10,0oo", "f73,ooo"): its shape is the evidence, one real digit
    at its start is enough; an "f" before it is a misread pound sign.

    >>> repair_number("10,0oo"), repair_number("f73,ooo"), repair_number("£1,2l5.5O"), repair_number("1,000")
    ('10,000', '£73,000', '£1,215.50', None)
    """
    sign, number = match.group(1), match.group(2)
    if not number[0].isdigit():
        return None
    repaired = ("£" if sign else "") + "".join(NUMBER_LETTERS.get(ch, ch) for ch in number)
    return None if repaired == match.group() else repaired


def _fits(code: str, shape: str) -> bool:
    return len(code) == len(shape) and all(
        (ch.isdigit() if kind == "9" else ch.isalpha() and ch.isupper()) for ch, kind in zip(code, shape))


def _readings(code: str, shape: str) -> list[str]:
    """Ways to make ``code`` fit ``shape`` by swapping confusable letters and digits."""
    if len(code) != len(shape):
        return []
    options = []
    for ch, kind in zip(code, shape):
        if kind == "9":
            choices = [ch] if ch.isdigit() else [LETTER_FOR_DIGIT[ch]] if ch in LETTER_FOR_DIGIT else []
        else:
            choices = [ch] if ch.isalpha() and ch.isupper() else [DIGIT_FOR_LETTER[ch]] if ch in DIGIT_FOR_LETTER else []
        if not choices:
            return []
        options.append(choices)
    return ["".join(p) for p in product(*options)]


def _valid(outward: str, inward: str) -> bool:
    area = outward[:2] if len(outward) > 1 and outward[1].isalpha() else outward[:1]
    return (area in POSTCODE_AREAS and any(_fits(outward, s) for s in OUTWARD_SHAPES)
            and _fits(inward, INWARD_SHAPE) and set(inward[1:]) <= _INWARD_LETTERS)


def repair_postcode(outward: str, inward: str) -> tuple[str, str] | None:
    """The one valid UK postcode that ``outward inward`` is a misreading of, or None.

    None when it is valid already, when no reading is valid, or when several are.

    >>> repair_postcode("EC1A", "lBB"), repair_postcode("W1", "OAA")
    (('EC1A', '1BB'), ('W1', '0AA'))
    """
    if _valid(outward, inward) or len(outward) > 4 or len(inward) != 3:
        return None
    readings = {(o, i) for shape in OUTWARD_SHAPES for o in _readings(outward, shape)
                for i in _readings(inward, INWARD_SHAPE) if _valid(o, i)}
    return readings.pop() if len(readings) == 1 else None
