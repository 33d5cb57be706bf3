"""Capitalised words the document spells once and, one letter away, again and again: "the Authoity's resources"
where "Authority's" stands twice elsewhere on the page.

A capitalised word inside a sentence is taken for a name, and names are read only as common words (the lexicon
does not list most names, and a name one letter from a word is no misprint of it). But the text itself lists its
names: a letter's addressee, a committee, a place are printed again and again, and an engine that garbles one of
them in one place prints it right in the others (TICCL's insight, the rarer of two near spellings in one text is
the variant, which :meth:`~ocrfix.strategies.dictionary.Dictionary._variant` asks of the lexicon's words). So a
capitalised word printed once, that the lexicon lists not or seldom (the caller's ``rare``), is read as the one
capitalised word OWN_NAME_REPEATS times printed (a word the lexicon lists often only if it stands capitalised inside
a sentence: at sentences' starts a long text prints "Here" and "More" again and again), with the same first letter,
one letter away by a letter misread or lost that the error model attests (two names of a genealogy differ by letters
no engine confuses: "Hezron", "Hebron"; a letter the reading drops is no OCR slip, but a word of its own run on,
"Christn" for "Christ in"), and not as its own plural ("the Horite" beside "the Horites": the writer's number). So
too a word printed once whose first letter alone differs from such a name's, by a slip the error model attests, in
capitals or, where the text never prints the name in small letters, not (an engine reads a capital as a small letter
too: "the sons of Pliphaz" and "and sholibamah" where "Eliphaz" and "Aholibamah" stand twice). A possessive "'s"
counts with the word it follows.

>>> from ocrfix.strategies.dictionary.tokens import Tokens
>>> text = "The Authority's plan. Ask the Authority. The Aulhority's view; Mr Smith and Mr Smyth."
>>> found = own_name_misreadings(Tokens(text), lambda word: True, lambda word, printed: True)
>>> [(text[start:end], reading) for start, end, reading in found]
[('Aulhority', 'Authority')]
"""
from __future__ import annotations

from collections import Counter
from itertools import compress
from typing import TYPE_CHECKING, Callable, Collection, Iterator

from rapidfuzz.distance import Levenshtein

from ocrfix.lexicon import fold
from ocrfix.strategies.dictionary.tokens import is_capitalised_word, is_lower_alpha_word

if TYPE_CHECKING:
    from ocrfix.strategies.dictionary.tokens import Tokens

OWN_NAME_REPEATS = 2  # how often the text must print the name: once each is two spellings, not a misprint
MIN_NAME = 3  # letters of the printed word: shorter capitalised words are initials and abbreviations ("Co", "St")
POSSESSIVES = ("'s", "’s")


def name_part(core: str) -> str:
    """``core`` without a possessive "'s".

    >>> name_part("Authority's"), name_part("Smith")
    ('Authority', 'Smith')
    """
    return core[:-2] if core.endswith(POSSESSIVES) else core


def own_name_misreadings(tokens: Tokens, rare: Callable[[str], bool],
                         attested: Callable[[str, str], bool]) -> Iterator[tuple[int, int, str]]:
    """(start, end, reading) of each capitalised word of ``tokens`` that misprints a name the text prints
    OWN_NAME_REPEATS times (see the module's doc); ``rare``: may a folded word be a garbled name, the lexicon
    listing it not or seldom? ``attested(word, printed)``: does the error model know ``word`` (folded) printed so?

    >>> from ocrfix.strategies.dictionary.tokens import Tokens
    >>> misread = lambda text, attested=lambda word, printed: True: [
    ...     reading for *_, reading in own_name_misreadings(Tokens(text), lambda word: True, attested)]
    >>> misread("Ingleby wrote. Ingleby said. Mr Ingieby and Mr Inglebyn left.")
    ['Ingleby']
    >>> misread("the Horites came; the Horites went; the Horite stayed; Christ and Christn")
    []
    >>> misread("Hebron, Hebron and Hezron", lambda word, printed: "z" not in printed)
    []
    >>> misread("Eliphaz and Eliphaz; the sons of Pliphaz and of lsrael")
    ['Eliphaz']
    >>> text = "Here it is. Here they are. It is tere and there."  # a common word, capitalised where sentences open
    >>> list(own_name_misreadings(Tokens(text), lambda word: word != "here", lambda word, printed: True))
    []
    """
    names = Counter(tokens.core_counts)  # each name part's count: a possessive counts with its word
    for core in [core for core in names if core.endswith(POSSESSIVES)]:
        names[core[:-2]] += names.pop(core)
    capitalised = [name for name, count in names.items() if count >= OWN_NAME_REPEATS and is_capitalised_word(name)]
    # a common word is a name where it is capitalised inside a sentence: at sentences' starts a long text prints
    # "Here", "Its", "More" again and again
    common = {name for name in capitalised if not rare(fold(name))}
    inside = {name_part(tokens.cores[i]) for i in _printed(tokens, common) if not tokens.may_open_sentence(i)}
    repeated: dict[str, list[str]] = {}  # by first letter, which a misprint of another letter keeps
    tails: dict[str, list[str]] = {}  # by the letters after the first, which a misread first letter keeps
    for name in capitalised:
        if name not in common or name in inside:
            repeated.setdefault(name[0], []).append(name)
            tails.setdefault(name[1:], []).append(name)
    readings = {}
    for name, count in names.items():  # the cheap tests first: most words have no repeated name to be read as
        if count > 1 or len(name) < MIN_NAME or name[0] not in repeated and name[1:] not in tails \
                or not (is_capitalised_word(name) or is_lower_alpha_word(name)) or not rare(fold(name)):
            continue
        # a word in small letters is read as a name, which the text never prints in small letters, not as a common
        # word a title capitalises ("ghe" is no "The" where a long text prints "The Times" twice)
        found = [other for other in tails.get(name[1:], ()) if fold(other[0]) != fold(name[0])
                 and (name[0].isupper() or not names[other[0].lower() + other[1:]])]
        if name[0].isupper():
            found += [other for other in repeated.get(name[0], ()) if _misprints(name, other)]
        found = [other for other in found if attested(fold(other), fold(name))]
        if len(found) == 1:
            readings[name] = found[0]
    for i in _printed(tokens, readings) if readings else ():
        part = name_part(tokens.cores[i])
        yield tokens.starts[i], tokens.starts[i] + len(part), readings[part]


def _printed(tokens: Tokens, names: Collection[str]) -> Iterator[int]:
    """The numbers of the tokens whose word part is one of the ``names`` (words of letters), or its possessive, in
    the text's order: found by C-level set tests of the word parts, not a Python loop over the tokens.

    >>> from ocrfix.strategies.dictionary.tokens import Tokens
    >>> list(_printed(Tokens("Ann and Ann's cat, Anne"), {"Ann"}))
    [0, 2]
    """
    forms = {name + ending for name in names for ending in ("", *POSSESSIVES)}
    return compress(range(len(tokens.cores)), map(forms.__contains__, tokens.cores))


def _misprints(name: str, other: str) -> bool:
    """May ``name`` be ``other`` (the same first letter) printed with one letter misread or lost, not a plural's "s"?

    >>> _misprints("Calsis", "Calais"), _misprints("Comittee", "Committee"), _misprints("Christn", "Christ")
    (True, True, False)
    >>> _misprints("Horite", "Horites"), _misprints("Bezai", "Bebai"), _misprints("Lisite", "Limite")
    (False, True, True)
    """
    return (len(name) <= len(other) and other != name + "s"
            and Levenshtein.distance(name, other, score_cutoff=1) == 1)
