"""Catchwords and signature marks: the foot of a page that announces the next.

A catchword is the next page's first word printed under the last line ("present" / page break / "present
circumstances"), in typescripts often marked with a slash ("/present") or followed by points; a bare mark
("./..", "P.T.O.", "contd.") says "continued overleaf" without the word. A hand-press book's signature mark
("B2", "Aa 3") numbers the gathering's leaves at their foot, alone or before the catchword.

>>> catchword("/present"), catchword("present"), catchword("./.."), catchword("two words")
(('present', True), ('present', False), ('', True), None)
>>> catchword("‘tial"), catchword("f/able"), catchword("/sum-arise*")
(('tial', True), ('able', True), ('sum-arise', True))
>>> catchword("B2          books"), signature_mark("Aa 3"), signature_mark("Of the")
(('books', True), True, False)
"""
from __future__ import annotations

import re

from rapidfuzz import fuzz

from ocrfix.strategies.layout.heads import letters_of


# the least match of a garbled catchword's letters with its word's (:func:`garbled_copy`): OCR's slips leave two in
# three ("o:" for "of" 67, "b t een" under "/betwe-n" 73); a word over another shares a letter or two by chance
# ("/var" over "for the logs" 33, "/usr" over "so that" 50: a path inside a sentence)
GARBLED_COPY = 60

# the typewriter catchword's slash, or what OCR makes of it (| ‘ `), perhaps after a stray letter
CATCHWORD_LINE = re.compile(r"""
    ^(?P<slash>(?:[^\W\d_](?=[/|]))?[/|‘`\[(]+\s?)?   # the slash, perhaps after a stray letter
    (?P<word>[^\W\d_][\w'’\-]*?)                     # the word
    (?P<tail>\s?(?:/+|\.{2,}|…))?                     # a slash or points after it
    [,;:.*'’\"”]?$
""", re.X)
# marks that say "continued overleaf" without naming the next word
_CONTINUATION = re.compile(
    r"^(?:\.?/\.{2,}\.?|\.{2,}/|p\.?\s?t\.?\s?o\.?|/\s?\d{1,3}\.?|\.{2,}\s?\d{1,3}|"
    r"(?:continued|contd\.?|cont['’]d)(?:\s+overleaf)?\.?|overleaf\.?)$",
    re.IGNORECASE,
)
# A hand-press book's signature mark ("B", "B2", "Aa 3", "C iij") at the foot of a gathering's first
# leaves, alone or before the catchword on the same line; two letters are one letter doubled.
_SIGNATURE = re.compile(r"^(?P<letters>[A-Z][A-Za-z]?)(?P<count>\s?(?:[1-9]|[ivx]{1,4}j?))?(?:\s+|$)")
_WIDE_GAP = re.compile(r"^\S{1,3}\s{3,}(?=\S)")   # a mark of up to three characters, the catchword far to its right
_FIRST_WORD = re.compile(r"[\"'‘“(\[]*([^\W\d_][\w'’\-]*)")
CATCHWORD_WORDS = 5   # the words a catchword line may hold at most


def catchword(content: str) -> tuple[str, bool] | None:
    """(the word announced, marked?) for a catchword line; ("", True) for a bare continuation mark.

    A signature mark before the word ("B2    books") marks it: both belong to the page's foot.
    """
    if len(content.split(None, CATCHWORD_WORDS)) > CATCHWORD_WORDS:   # more words than a signature mark, a slash, the
        return None                                                   # word and a tail: most lines
    if _CONTINUATION.match(content):
        return "", True
    signature = _signature(content)
    rest = content
    # before a word: with its count ("B2 The"), or set apart by a wide gap ("B    The"; misread, "83    The")
    if signature and signature.end() < len(content) and (signature.group("count") or "  " in signature.group()):
        rest = content[signature.end():]
    elif wide := _WIDE_GAP.match(content):
        rest = content[wide.end():]
    match = CATCHWORD_LINE.match(rest)
    if not match:
        return None
    return match.group("word"), bool(match.group("slash") or match.group("tail") or rest is not content)


def _signature(content: str) -> re.Match[str] | None:
    match = _SIGNATURE.match(content)
    if not match:
        return None
    letters = match.group("letters")
    return match if len(letters) == 1 or letters[0] == letters[1].upper() else None


def signature_mark(content: str) -> bool:
    """Is the line a signature mark alone? A bare capital ("A", "I") is too often text: a count is needed."""
    match = _signature(content)
    return bool(match) and match.end() == len(content) and bool(match.group("count"))


def first_word(content: str) -> str:
    match = _FIRST_WORD.match(content)
    return match.group(1) if match else ""


def announces(word: str, content: str, *, marked: bool) -> bool:
    """Does the line ``content`` start with the catchword ``word`` (allowing OCR errors)?

    An unmarked catchword is the next word as printed, in its case: a heading word in capitals over a
    paragraph that opens with it ("NAME" / "Name of the instance") announces nothing.

    >>> announces("the", "the same", marked=False), announces("NAME", "Name of the", marked=False)
    (True, False)
    >>> announces("ar", "are satisfied", marked=True), announces("ar", "are satisfied", marked=False)
    (True, False)
    """
    following = first_word(content)
    if not word or not following:
        return False
    if not marked and (word[:1].isupper() != following[:1].isupper() or word.isupper() != following.isupper()):
        return False
    a, b = word.casefold(), following.casefold()
    # a marked word's last letters lost ("/ar" / "are"); a letter alone ("/a") starts too many words to say which
    if a == b or (marked and len(a) >= 2 and b.startswith(a)):
        return True
    return fuzz.ratio(a, b) >= (75 if marked else 88) and min(len(a), len(b)) >= 3


def garbled_copy(word: str, content: str) -> bool:
    """May ``word`` be the first word of the line ``content``, OCR having garbled one or both past :func:`announces`
    ("/betwe-n" over "b t een supply")? Their letters, ``word``'s against as many of the line's and two more (letters
    misread as two), match at GARBLED_COPY or better.

    >>> garbled_copy("betwe-n", "b t een supply"), garbled_copy("sum-arise", "sumuar.sed in Annex")
    (True, True)
    >>> garbled_copy("tmp", "which is cleared at boot"), garbled_copy("verbose", "or quiet")
    (False, False)
    """
    letters = letters_of(word).casefold()
    return fuzz.partial_ratio(letters, letters_of(content)[:len(letters) + 2].casefold()) >= GARBLED_COPY
