"""Regional and period spellings of one word ("favor"/"favour", "center"/"centre"), which no repair may swap.

English print spells many words two ways, American and British or older and newer, and a text keeps the
spelling its printer chose: "favor" in an American book is the word as printed, not a misreading of
"favour". The patterns are the standard orthographic ones (Webster's reforms and their British
counterparts), each tied to a word ending so short common words ("four", "size", "rogue", "filled") stay
out of them. A document may also spell a word's stem its own way in all its forms ("shewn", "shewed"):
:func:`own_spelling` tells that from a misreading of one word.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Callable

import regex

from ocrfix.lexicon import Vocabulary

# Each British (or older) ending and its American form; a pattern needs enough letters before it that the
# ending is a suffix, not the whole word.
_TO_AMERICAN = tuple((regex.compile(pattern), american) for pattern, american in (
    (r"(?<=\w\w\w)our(?=(s|ed|ing|ite|ites|able|ably|ful|less|er|ers|hood|hoods)?$)", "or"),  # favour, labourer, neighbourhood
    (r"(?<=\w\w\w)is(?=(e|es|ed|ing|er|ers|ation|ations)$)", "iz"),  # realise, organisation
    (r"(?<=\w\w)ys(?=(e|es|ed|ing|er|ers)$)", "yz"),  # analyse, paralysed
    (r"(?<=\w\w\w)([bgtv])re(?=(s|d)?$)", r"\1er"),  # centre, fibres, theatre; "centred" below
    (r"(?<=\w\w\w)ogue(?=s?$)", "og"),  # catalogue, dialogues
    (r"(?<=\w\w\w[aeiou])ll(?=(ed|ing|er|ers|or|ors)$)", "l"),  # travelled, cancelling, counsellor
    (r"(?<=\w\w\w)ence(?=s?$)", "ense"),  # defence, licences
))
_CENTRED = regex.compile(r"(?<=\w\w\w[bgtv])red$")  # centred, fibred: British -re verbs drop the e
# Any of the endings above: a word none of them matches is its own American spelling (the first pattern that
# changes a word matches it as given), found by one search instead of eight substitutions.
_ANY_ENDING = regex.compile("|".join([_CENTRED.pattern] + [pattern.pattern for pattern, _ in _TO_AMERICAN]))


def american(word: str) -> str:
    """``word`` (lower case) with its British or older spelling of a standard ending made American.

    >>> [american(w) for w in ("favour", "realised", "analyse", "centres", "centred", "catalogue",
    ...                        "travelled", "defence", "four", "size", "filled", "hence")]
    ['favor', 'realized', 'analyze', 'centers', 'centered', 'catalog', 'traveled', 'defense', 'four', 'size', 'filled', 'hence']
    """
    word = _CENTRED.sub("ered", word)
    for pattern, replacement in _TO_AMERICAN:
        word = pattern.sub(replacement, word)
    return word


def spelling_variants(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` (lower case) two spellings of one word, differing in a regional or period ending?

    >>> spelling_variants("favor", "favour"), spelling_variants("theatre", "theater"), spelling_variants("bad", "had")
    (True, True, False)
    >>> spelling_variants("for", "four"), spelling_variants("filed", "filled")
    (False, False)
    """
    return a != b and (has_standard_ending(a) or has_standard_ending(b)) and american(a) == american(b)


@lru_cache(maxsize=4096)
def has_standard_ending(word: str) -> bool:
    """Does one of the endings :func:`american` spells anew end ``word``? Asked per distinct word: the real-word
    test asks about a word and each of its readings, a few hundred words again and again (1,109 distinct of 5,624 on
    the corpus OCR), and the search costs what a dozen dictionary look-ups do.

    >>> has_standard_ending("favour"), has_standard_ending("favor")
    (True, False)
    """
    return _ANY_ENDING.search(word) is not None


def own_spelling(word: str, reading: str, document: Vocabulary, zipf: Callable[[str], float]) -> bool:
    """Is the listed ``word`` the ``document``'s own spelling of ``reading``: does the document write the
    stem they differ in ("she" of "shewn" beside "sho" of "shown", the two agreeing in two letters or more
    before it) so in another listed word whose ``reading``-spelt form is commoner too ("shewed", "shew"),
    and never the ``reading``'s way?
    Period and regional spellings change a stem in all its forms; OCR misreads letters of single words,
    and a text that misreads one stem the same way in two words still prints the stem right elsewhere.

    >>> from ocrfix.lexicon import load
    >>> z = load().folded_zipf
    >>> own_spelling("shewn", "shown", Vocabulary.from_text("It was shewn, as he shewed us."), z)
    True
    >>> own_spelling("shewn", "shown", Vocabulary.from_text("It was shewn, as he showed us."), z)
    False
    >>> own_spelling("shewn", "shown", Vocabulary.from_text("It was shewn to us."), z)
    False
    """
    head = len(os.path.commonprefix([word, reading]))
    tail = len(os.path.commonprefix([word[head:][::-1], reading[head:][::-1]]))
    if head < 2:   # "tbe", "bas": a misread first letter, no stem
        return False
    stem, modern = word[:len(word) - tail], reading[:len(reading) - tail]
    family = [other for other in document.starting(stem)
              if other != word and 0 < zipf(other) < zipf(modern + other[len(stem):])]
    return bool(family) and not any(zipf(stem + other[len(modern):]) for other in document.starting(modern))
