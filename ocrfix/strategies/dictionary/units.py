"""Units misread beside a number: "per Ib." for "per lb.", "4 Ibs." and "4 1bs." for "4 lbs.", "f19 10s." for
"£19 10s.", "5s. Od." for "5s. 0d.", "£5 is. 6d." for "£5 1s. 6d."; and a sum in pounds set the old way, "47l.
10s." (the l of libra), kept from the repair of letters read for digits.

The pound's abbreviation starts with a lower-case l, which most type cuts as the same upright stroke as a
capital I; engines read "lb." as "Ib." (a listed word, the footnote's "ibidem", so no spelling check sees it).
After a number or "per", where market reports, prices and recipes set weights, "Ib" is the pound.

>>> text = list("Tea, 2s. 8d. per Ib.; Sugar, 4 Ibs. for 1s.; see Ib. p. 23")
>>> for match in misread_pounds("".join(text)):
...     text[match.start()] = "l"
>>> "".join(text)
'Tea, 2s. 8d. per lb.; Sugar, 4 lbs. for 1s.; see Ib. p. 23'
"""
from __future__ import annotations

import re
from itertools import compress
from typing import Iterator

import regex

from ocrfix.tokenspans import matches_at

# a capital I opening "Ib" or "Ibs" after a number (a fraction too) or "per", and a space or none between; or a 1
# opening "1b." or "1bs." after a space (glued to a number it is a figure: "41b" may be 41 b.; hex has no stop: "00 1b")
POUND = regex.compile(r"(?<=(?:\d|[½¼¾⅛⅜⅝⅞]|\bper)\s?)I(?=bs?\b)"
                      r"|(?<=(?:\d|[½¼¾⅛⅜⅝⅞]|\bper)\s)1(?=bs?\.)")
# One shilling's 1 read as the letter of its shape before the pence of a sum ("£5 is. 6d.", "Is. Od."): a word "is"
# ends no sentence before a sum of pence, and "ls." is no word
ONE_SHILLING = regex.compile(r"(?<![\w.'’])[iIl](?=s\.\s?(?:\d{1,2}|O)d\.)")
PENCE_AFTER = re.compile(r"s\.\s?(?:\d{1,2}|O)d\.")  # where ONE_SHILLING may match, one character on; BARE_POUNDS ends
# The pound sign's loop and bar read as an f (Tesseract on period type): a small f alone before a sum, in a
# text that sets sterling elsewhere (a sum of shillings or pence, "10s.", "6d.", or a pound sign). In other
# texts f and a number are a key, a register or an aperture ("F1", "f0", "f2.8").
POUND_SIGN = regex.compile(r"(?<![\w/.£$-])f(?=\d{1,3}(?:[,.]\d{3})*(?![\w/%]|[.,]\d))")
STERLING = regex.compile(r"£|\b\d+[sd]\.")
# A sum counted in millions ("f6.84 million", "f1,2 million"; RapidOCR's English model prints no £): no key, register
# or aperture is one, so its f is the pound sign in any text, and that text sets sterling. The word may be misread
# itself, its upright strokes as one another (i, l, 1, I) and its o as a u or a nought: "f6.84 mi11ion", "f1,2 milliun".
POUND_MILLIONS = regex.compile(r"(?<![\w/.£$-])f(?=\d{1,3}(?:[.,]\d{1,3})? [mb][iIl1][lI1]{2}[iIl1][ou0]n\b)")
F_FIGURE = re.compile(r"f\d")  # where POUND_MILLIONS may match (a scan for a literal, as cheap as a str test)
# A sum of pounds, shillings and pence printed without its pound sign or the pound's l: "4,718 11s. 3d.", "86 8s.
# 2d.". English sets no bare figure before shillings and pence; an engine whose characters lack the sign (RapidOCR's
# English model prints no £) drops it. (Read as an f it is POUND_SIGN's.) A figure ending in 1 is left: in a sum set
# the old way the pound's l is read as that 1 ("61l. 14s. 9d." printed "611. 14s. 9d.", "31l. 9s." as "311 9s.").
BARE_POUNDS = regex.compile(r"(?<![£$\p{L}\p{N}.,/'’-])"
                            r"(?=[0-9]{1,3}(?:,[0-9]{3})*(?<!1)\.? (?:[0-9]{1,2}|O)s\.\s?(?:[0-9]{1,2}|O)d\.)")
# A nought read as a capital O in a sum of sterling: the pence after shillings ("5s. Od.", "Os. Od."), the
# shillings between pounds and pence ("£13,950 Os. Od.", "5l. Os. 6d."). English has no word "Od" or "Os" there.
# A sum in pounds set the old way, the pound's l (libra) after the figures: "47l. 10s.", "1,250l." (English print
# and papers into the 20th century). In a text that sets sterling (STERLING) its l is no misread 1 after one or two
# figures or a sum with a thousands comma; three figures stay with the repair of numbers (a year: "186l" for 1861).
POUNDS_IN_L = regex.compile(r"\d{1,2}l|\d{1,3}(?:,\d{3})+l")
NOUGHT = regex.compile(r"(?<=\b(?:\d{1,2}|O)[sS]\.?\s?)O(?=d\b)"
                       r"|(?<=(?:£\s?\d[\d,]*|\b\d[\d,]*l\.)\s?)O(?=s\b\.?\s?(?:\d{1,2}|O)d\b)")

# A figure of one digit whose second digit, a 1 or a 0, was read as the letter of its shape ("7l per cent", "1o per
# cent.", "6l lbs."): before a share or a unit of measure a number stands, and no word or code is a digit and one
# letter. Not the l of a sum in pounds set the old way ("5l. per cent.", "47l."): no stop may follow the l.
ONE_DIGIT_FIGURE = regex.compile(r"(?<=(?<![\p{L}\p{N}£$€.,/'’_-])[1-9])[lIoO](?=%|\s(?:per\s?cent\b|percent\b|"
                                 r"(?:lbs?|tons?|tonnes?|miles?|acres?|feet|ft|yards?|inches|metres?|meters?|km|kg|"
                                 r"gallons?|million)\b))")


def misread_pounds(text: str) -> Iterator[regex.Match]:
    """Each capital I or 1 that is the l of a pound's abbreviation after a number or "per" (see the module).

    >>> [m.start() for m in misread_pounds("gross 3,982 1bs., per 1b., 41 1/2 1b. rails; 0x1b, 00 1b 5b, 41b.")]
    [12, 22, 34]
    """
    return POUND.finditer(text) if "Ib" in text or "1b" in text else iter(())


def misread_shillings(text: str) -> Iterator[regex.Match]:
    """Each i, I or l that is the 1 of one shilling before a sum's pence (see ONE_SHILLING).

    >>> [m.start() for m in misread_shillings("at £5 is. 6d., Is. Od. and ls.9d.; his. 6d., it is 6d., is. 6 d.")]
    [6, 15, 27]
    """
    places = (found.start() - 1 for found in PENCE_AFTER.finditer(text) if found.start())
    return matches_at(ONE_SHILLING, text, places)


def misread_pound_signs(text: str) -> list[regex.Match]:
    """Each f that is a pound sign before a sum, in a text that sets sterling (see POUND_SIGN), or before a sum of
    millions (POUND_MILLIONS), in order.

    >>> [m.start() for m in misread_pound_signs("sold at f19 10s. a head, from f35 to f52, and f2.906; press F1")]
    [8, 30, 37, 46]
    >>> misread_pound_signs("shot at f2.8 and f4, key f1"), misread_pound_signs("at f19 a head")
    ([], [])
    >>> [m.start() for m in misread_pound_signs("costs f6.84 million, a fine of f18. Shot at f2.8")]
    [6, 31]
    >>> [m.start() for m in misread_pound_signs("at f6.84 mi11ion, some f1,2 milliun less; f2.8 milieu")]
    [3, 23]
    """
    millions = list(POUND_MILLIONS.finditer(text)) if F_FIGURE.search(text) else []
    if not millions and not STERLING.search(text):
        return []
    sums = {match.start(): match for match in millions}
    sums.update((match.start(), match) for match in POUND_SIGN.finditer(text))
    return [sums[start] for start in sorted(sums)]


def lost_pound_signs(text: str) -> Iterator[int]:
    """Each offset of a sum in pounds, before its shillings and pence, that lost its pound sign (see BARE_POUNDS).

    >>> list(lost_pound_signs("debts of 4,718 11s. 3d., of which 4,206 4s. 10d.; rent £3 11s. 1d., 47l. 10s. 6d."))
    [9, 34]
    >>> list(lost_pound_signs("at f14 4s. 4d., per lb. 1s. 6d., 3d.,6 3s. 2d., 611. 14s. 9d., 311 9s. 11d."))
    []
    """
    for pence in PENCE_AFTER.finditer(text):  # a scan for a literal start: the shillings' s
        start = pence.start()
        while start > 0 and (text[start - 1].isdigit() or text[start - 1] == "O"):
            start -= 1
        start -= 1  # the space before the shillings, a stop before it
        start -= text[start - 1:start] == "."
        while start > 0 and (text[start - 1].isdigit() or text[start - 1] == ","):
            start -= 1
        while start < pence.start() and not text[start].isdigit():
            start += 1
        if BARE_POUNDS.match(text, start):
            yield start


def misread_noughts(text: str) -> Iterator[regex.Match]:
    """Each capital O that is a nought in a sum of shillings and pence (see NOUGHT).

    >>> [m.start() for m in misread_noughts("rent 5s. Od.; sold at £13,950 Os. Od. and 3l. Os. 6d.")]
    [9, 30, 34, 46]
    >>> list(misread_noughts("Od. and Os. Mr Os, 5s. Odd, the Os. 6d."))
    []
    """
    return NOUGHT.finditer(text) if "O" in text else iter(())


def misread_figure_digits(text: str) -> Iterator[regex.Match]:
    """Each l, I, o or O that is the second digit of a figure of two before a share or a unit (ONE_DIGIT_FIGURE).

    >>> [m.group() for m in misread_figure_digits("at 7l per cent, 1o per cent., 6l lbs., 2O% and 3o miles")]
    ['l', 'o', 'l', 'O', 'o']
    >>> list(misread_figure_digits("at 5l. per cent., A4l per cent, 1l as well, 2o, to, 1,2o miles, v1o per cent"))
    []
    """
    return ONE_DIGIT_FIGURE.finditer(text)


def pounds_in_l(cores: list[str], text: str) -> set[int]:
    """The numbers of the word parts ``cores`` of ``text`` that are sums in pounds set with an l (POUNDS_IN_L), in a
    text that sets sterling.

    >>> pounds_in_l(["Tin", "61l", "10s", "to", "2,062l", "186l"], "Tin 61l. 10s. to 2,062l.; in 186l")
    {1, 4}
    >>> pounds_in_l(["61l", "to", "62l"], "61l to 62l")
    set()
    """
    if not STERLING.search(text):
        return set()
    sums = {core for core in set(cores) if core[-1:] == "l" and POUNDS_IN_L.fullmatch(core)}  # each distinct part once
    return set(compress(range(len(cores)), map(sums.__contains__, cores))) if sums else set()
