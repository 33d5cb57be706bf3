"""Real-word errors by the document's own word pairs: a cache of the pairs the text prints (a bigram cache,
Kuhn & De Mori 1990, as CACHE_WEIGHT is its one-word cache).

A text that prints "children of" a dozen times and "children f" once holds its own evidence that "f" is a
misreading of "of": registers, minutes, scripture and forms repeat their formulas, where the lexicon's pair
list knows nothing of the document and the one-word cache cannot tell which pair is meant. So a pair printed
once whose word the text prints OWN_PAIR_RIVALS times or more with the same neighbour as another word one
misreading away (an attested confusion of the error model, or a letter lost) is read as the repeated pair,
where the lexicon lists no pair of the printed word with that neighbour and the word's other neighbour takes
the reading at least as well as the printed word. Not one of the commonest words for another ("the winter on
which" beside "the winter in" three times: the writer's choice, as :data:`.realword.FUNCTION_WORD_ZIPF` says),
nor a word for its own plural or past (`_inflected`: "fixed strings"
beside "fixed string", "a reserve lock" beside "a reserved lock": the writer's number and tense).

>>> from ocrfix.strategies.dictionary import Dictionary
>>> from ocrfix.strategies.dictionary.tokens import Tokens
>>> text = "thou shalt make a robe; thou shalt make a plate; thou shalt make coats; thou shalt wake it."
>>> [(text[start:end], reading) for start, end, reading in own_pair_misreadings(Tokens(text), Dictionary())]
[('wake', 'make')]
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from typing import TYPE_CHECKING, Iterator

import numpy as np
import regex
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extract

from ocrfix.strategies.dictionary.realword import FUNCTION_WORD_ZIPF

if TYPE_CHECKING:
    from ocrfix.strategies.dictionary import Dictionary
    from ocrfix.strategies.dictionary.tokens import Tokens

# How often the text must print the rival pair: a formula, not a chance repeat ("the work" twice beside "the
# works" once is a writer's variation).
OWN_PAIR_RIVALS = 3
# The marks of a phrase's edge a word of a pair may stand with: before the first word, after the second.
# A mark between two words ends the pair.
OPENERS, CLOSERS = "([“‘\"", ",.;:!?)]”\""
# A line's end hyphen: the word after it is a piece of a hyphenated word ("engrav-\nings"), in no pair.
HYPHEN = regex.compile(r"-\s+(?=\S)")


def own_pair_misreadings(tokens: Tokens, fix: Dictionary) -> Iterator[tuple[int, int, str]]:
    """(start, end, reading) of each lower-case word of the ``tokens``' text printed in a pair the text prints
    once, read as the word of a pair with the same neighbour the text prints OWN_PAIR_RIVALS times or more (see the
    module), its words as the pass repaired them; ``fix`` gives the lexicon and the error model."""
    # each token's word (folded, or None for a token not all letters) as a pair's first and as its second: of a
    # repair in words ("alwaysfor" read "always for"), its last and its first
    lefts = tokens.letter_words.copy()
    rights = lefts.copy()
    for i, word in tokens.repaired.items():
        pieces = word.split()
        lefts[i], rights[i] = (pieces[-1], pieces[0]) if pieces and all(map(str.isalpha, pieces)) else (None, None)
    text, n = tokens.text, len(lefts)
    # the words numbered (None too), so that pairs are counted as integers in numpy, not as tuples in a Counter
    numbers = {word: number for number, word in enumerate(dict.fromkeys(lefts + rights))}
    words, size = list(numbers), len(numbers)
    left_ids, right_ids = (np.fromiter(map(numbers.__getitem__, side), dtype=np.int64, count=n)
                           for side in (lefts, rights))
    none = numbers.get(None, -1)
    first, second = left_ids != none, right_ids != none
    may_first, may_second = first.copy(), second.copy()
    first[[i for i in np.flatnonzero(np.not_equal(tokens.starts, tokens.raw_starts)).tolist()
           if text[tokens.raw_starts[i]:tokens.starts[i]].strip(OPENERS)]] = False
    second[[i for i in np.flatnonzero(np.not_equal(tokens.ends, tokens.raw_ends)).tolist()
            if text[tokens.ends[i]:tokens.raw_ends[i]].strip(CLOSERS)]] = False
    fixed = list(tokens.repaired)  # the repair took its marks in: "cen+" read "cent", "‘heir" read "their"
    first[fixed], second[fixed] = may_first[fixed], may_second[fixed]
    first[[i for match in HYPHEN.finditer(text)
           if (i := bisect.bisect_left(tokens.raw_starts, match.end())) < n]] = False
    # linked: only spaces between the two word parts, no mark, no paragraph break; beside a repair, its marks in
    linked = tokens.linked_after.copy()
    linked[[k for i in fixed for k in (i - 1, i)
            if 0 <= k < n - 1 and text[tokens.raw_ends[k]:tokens.raw_starts[k + 1]].isspace()]] = True
    paired = np.append(linked[:-1] & first[:-1] & second[1:], False)  # is the token a pair's first?
    heads = np.flatnonzero(paired)
    pairs, at_head, counts = np.unique(left_ids[heads] * size + right_ids[heads + 1], return_inverse=True,
                                       return_counts=True)
    repeated_lefts, repeated_rights = np.divmod(pairs[counts >= OWN_PAIR_RIVALS], size)
    after, before = defaultdict(list), defaultdict(list)  # a word's repeated followers, and its repeated leaders
    for a, b in zip(repeated_lefts.tolist(), repeated_rights.tolist()):
        after[a].append(words[b])
        before[b].append(words[a])
    # (token, its printed word's neighbour, the token beyond, the neighbour's repeated partners) of each word of a
    # pair printed once that may be read as a partner: a lower-case word the pass left, of two letters or more (a
    # lone letter is mostly a garbled word's piece, "Imos o the": read by realword.py), beside a word of two or more
    once = heads[counts[at_head] == 1]
    readable = (tokens.lengths > 1) & tokens.flags(str.islower)  # lower case, two letters or more (C tests)
    readable[fixed] = False
    long_word = np.fromiter((word is not None and len(word) > 1 for word in words), dtype=bool, count=size)
    has_after, has_before = np.zeros(size, dtype=bool), np.zeros(size, dtype=bool)
    has_after[repeated_lefts], has_before[repeated_rights] = True, True
    firsts, seconds = left_ids[once], right_ids[once + 1]
    read_second = has_after[firsts] & long_word[firsts] & readable[once + 1]
    read_first = has_before[seconds] & long_word[seconds] & readable[once]
    sides = [(k + 1, after[a], k + 2, a) for k, a in zip(once[read_second].tolist(), firsts[read_second].tolist())]
    sides += [(k, before[b], k - 1, b) for k, b in zip(once[read_first].tolist(), seconds[read_first].tolist())]
    lex, cores = fix._lexicon, tokens.cores
    found = set()
    for at, rivals, other, anchor in sides:
        word, k = cores[at], at if other < at else at - 1  # k: the pair's first word
        if not lex.folded_zipf(word) or lex.folded_bigram(lefts[k], rights[k + 1]):
            continue
        paired_other = other >= 0 and paired[min(at, other)]
        beyond = (rights if other > at else lefts)[other] if paired_other else None
        reading = _rival(fix, word, other > at, words[anchor], beyond, rivals)
        if reading is not None:
            found.add((tokens.starts[at], tokens.ends[at], reading))
    yield from sorted(found)


def _rival(fix: Dictionary, word: str, anchor_first: bool, anchor: str, other: str | None,
           rivals: list[str]) -> str | None:
    """The one of ``rivals`` (words the text pairs with ``anchor`` again and again) that ``word`` is a misreading
    of, which pairs with the ``other`` neighbour at least as well as ``word`` does; None for none or several."""
    lex = fix._lexicon
    fitting = []
    near = [rival for rival, distance, _ in extract(word, rivals, scorer=Levenshtein.distance, score_cutoff=1,
                                                    limit=None) if distance == 1]  # in C: an anchor has hundreds
    for rival in near:
        if not rival.islower() or not lex.folded_zipf(rival) or _inflected(rival, word) \
                or min(lex.folded_zipf(rival), lex.folded_zipf(word)) >= FUNCTION_WORD_ZIPF \
                or not (len(rival) == len(word) + 1 or fix._channel(rival, word)[1]):
            continue
        if other is not None:
            mine, theirs = ((lex.folded_bigram(word, other), lex.folded_bigram(rival, other)) if anchor_first
                            else (lex.folded_bigram(other, word), lex.folded_bigram(other, rival)))
            if mine > theirs:
                continue
        fitting.append(rival)
    return fitting[0] if len(fitting) == 1 else None


def _inflected(one: str, other: str) -> bool:
    """Is one of the two words the other with an "s" or a "d" added (a plural, a verb's third person or past)?

    >>> _inflected("strings", "string"), _inflected("reserve", "reserved"), _inflected("polls", "rolls")
    (True, True, False)
    """
    short, long = sorted((one, other), key=len)
    return len(long) == len(short) + 1 and long.startswith(short) and long[-1] in "sd"
