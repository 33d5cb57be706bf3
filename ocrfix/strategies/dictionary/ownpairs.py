"""Real-word errors by the document's own word pairs: a cache of the pairs the text prints (a bigram cache,
Kuhn & De Mori 1990, as CACHE_WEIGHT is its one-word cache).

A text that prints "children of" a dozen times and "children f" once holds its own evidence that "f" is a
misreading of "of": registers, minutes, scripture and forms repeat their formulas, where the lexicon's pair
list knows nothing of the document and the one-word cache cannot tell which pair is meant. So a pair printed
once whose word the text prints OWN_PAIR_RIVALS times or more with the same neighbour as another word one
misreading away (an attested confusion of the error model, or a letter lost) is read as the repeated pair,
where the lexicon lists no pair of the printed word with that neighbour and the word's other neighbour takes
the reading at least as well as the printed word. Not one of the commonest words for another ("the winter on
which" beside "the winter in" three times: the writer's choice, as :data:`.realword.FUNCTION_WORD_ZIPF` says), nor a word for its own plural or past (`_inflected`: "fixed strings"
beside "fixed string", "a reserve lock" beside "a reserved lock": the writer's number and tense).

>>> from ocrfix.strategies.dictionary import Dictionary
>>> text = "thou shalt make a robe; thou shalt make a plate; thou shalt make coats; thou shalt wake it."
>>> [(text[start:end], reading) for start, end, reading in own_pair_misreadings(text, Dictionary())]
[('wake', 'make')]
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING, Iterator

import regex
from rapidfuzz.distance import Levenshtein
from rapidfuzz.process import extract

from ocrfix.strategies.dictionary.realword import FUNCTION_WORD_ZIPF

if TYPE_CHECKING:
    from ocrfix.strategies.dictionary import Dictionary

# How often the text must print the rival pair: a formula, not a chance repeat ("the work" twice beside "the
# works" once is a writer's variation).
OWN_PAIR_RIVALS = 3
# A word standing alone between spaces, with at most marks of a phrase's edge around it: not a piece of a word
# hyphenated at a line's end ("engrav-\nings"), nor of a contraction ("doesn't"), an address or a file name.
# Two words form a pair only across spaces: a mark between them ends the pair.
WORD = regex.compile(r"(?<=^|\s)(?<!-\s+)[(\[“‘\"]*(\p{L}+)[,.;:!?)\]”\"]*(?=\s|$)")


def own_pair_misreadings(text: str, fix: Dictionary) -> Iterator[tuple[int, int, str]]:
    """(start, end, reading) of each lower-case word of ``text`` printed in a pair the text prints once, read as
    the word of a pair with the same neighbour the text prints OWN_PAIR_RIVALS times or more (see the module);
    ``fix`` gives the lexicon and the error model."""
    matches = list(WORD.finditer(text))
    words = [match.group(1).lower() for match in matches]
    paired = [a.end() == a.end(1) and b.start() == b.start(1) and not text[a.end():b.start()].strip()
              for a, b in zip(matches, matches[1:])]  # only spaces between
    pairs = Counter((words[k], words[k + 1]) for k in range(len(paired)) if paired[k])
    after, before = defaultdict(list), defaultdict(list)  # a word's repeated followers, and its repeated leaders
    for (a, b), count in pairs.items():
        if count >= OWN_PAIR_RIVALS:
            after[a].append(b)
            before[b].append(a)
    once = {pair for pair, count in pairs.items() if count == 1 and (pair[0] in after or pair[1] in before)}
    found = set()
    for k in [k for k, pair in enumerate(zip(words, words[1:])) if paired[k] and pair in once]:  # the few in C
        for at, anchor, other, rivals in ((k + 1, words[k], k + 2, after.get(words[k], ())),
                                          (k, words[k + 1], k - 1, before.get(words[k + 1], ()))):
            word = matches[at].group(1)
            if not rivals or len(anchor) < 2 or len(word) < 2 or not word.islower() \
                    or not fix._lexicon.folded_zipf(word) or fix._lexicon.folded_bigram(words[k], words[k + 1]):
                continue  # a lone letter is mostly a garbled word's piece ("Imos o the"): read by realword.py
            paired_other = 0 <= other < len(matches) and paired[min(at, other)]
            reading = _rival(fix, word, at == k + 1, anchor, words[other] if paired_other else None, rivals)
            if reading is not None:
                found.add((matches[at].start(1), matches[at].end(1), reading))
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
