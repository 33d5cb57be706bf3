"""Three or more words run together by the OCR: "thesekindsofproblems" → "these kinds of problems".

Some engines (PaddleOCR's line recogniser, which RapidOCR runs, among them) now
and then drop every space of a line or of a stretch of it. The pieces of such a
string are common words, and each follows the one before as word pairs of the
language do; a word the lexicon does not list almost never falls apart that way.
So a reading is a *chain*: pieces that each are common words (:func:`ocrfix.lexicon.splittable`)
with a vowel letter, as every English word has (the lexicon also lists
abbreviations: "st", "pp", "nd" would split "postinst", "appnd"), and whose
neighbouring pairs are listed word bigrams (one of three or more may be missing:
the list holds only the commoner pairs; one of two where two pieces or more are
closed-class words, :data:`~ocrfix.strategies.dictionary.spacing.GLUE_WORDS`: prose
sets an article, a preposition or a pronoun between every few content words,
"thetownmakesaconvenientcentre", while a compound of code or a name seldom holds
two, "filesystemhierarchy", "lancethepants"). Among the chains a string allows, each
is weighed by its word-bigram probability, with the words before and after; a
chain of two that wins is left to the noisy channel's two-word split ("ofthe"),
which weighs it against misreadings too. (The layout's and the quality estimate's tests of words run
together ask other questions and set other bars: :func:`ocrfix.lexicon.splittable`.)

>>> from ocrfix import lexicon
>>> lex = lexicon.load()
>>> def next_prob(prev, z_prev, word, z_word):  # crude: the pair's share of the first word, or 1e-4
...     return lex.folded_bigram(prev, word) - z_prev if lex.folded_bigram(prev, word) else -4.0
>>> [" ".join(chain) for _, chain in chains("thesekindsofproblems", lex.folded_zipfs, lex.folded_bigram, next_prob)][:1]
['these kinds of problems']
>>> chains("postinst", lex.folded_zipfs, lex.folded_bigram, next_prob)
[]
"""
from __future__ import annotations

from typing import Callable

from ocrfix.lexicon import splittable
from ocrfix.strategies.dictionary.spacing import GLUE_WORDS

MIN_PIECES = 2  # two-piece chains only compete: their reading is the noisy channel's split
MIN_LETTERS = 8  # "thatusesa"; shorter strings are left to the two-word split
MAX_PIECE = 20  # letters of one piece: English words run longer, but rarely in a run-together line
MAX_CHAINS = 64  # a string that splits more ways than this says nothing certain
VOWELS = frozenset("aeiouy")
MAX_UNLISTED = 1  # word pairs of a chain the bigram list may lack ...
UNLISTED_PER_PAIRS = 3  # ... one per this many pairs
# a chain of CLOSED_PIECES closed-class words or more (GLUE_WORDS: articles, prepositions, conjunctions, pronouns,
# auxiliaries) may lack one pair in CLOSED_UNLISTED_PER_PAIRS, up to MAX_UNLISTED_CLOSED
CLOSED_UNLISTED_PER_PAIRS, MAX_UNLISTED_CLOSED, CLOSED_PIECES = 2, 3, 2


def chains(word: str, zipfs: Callable[[list[str]], list[float]], bigram: Callable[[str, str], float],
           next_prob: Callable[[str, float, str, float], float]) -> list[tuple[float, list[str]]]:
    """Every chain ``word`` (folded) splits into, as (log10 P of its pieces by word bigrams, pieces),
    best first; empty if it is too short, splits more than MAX_CHAINS ways, or not at all.

    ``zipfs`` gives the Zipf of each of a list of words; ``bigram`` says whether a word pair is listed;
    ``next_prob(prev, z_prev, word, z_word)`` is log10
    P(word | prev). One pair in UNLISTED_PER_PAIRS may be unlisted (the bigram list holds only the
    commoner pairs: "subtly different"); P(first piece) is its frequency.
    """
    if len(word) < MIN_LETTERS or not word.isalpha():
        return []
    found: list[tuple[float, list[str]]] = []
    prose: list[tuple[float, list[str]]] = []  # the chains only their closed-class words admit
    pieces_at: dict[int, list[tuple[str, float]]] = {}  # only the starts a chain reaches are looked up

    def extend(start: int, chain: list[str], score: float, z_last: float, unlisted: int, closed: int) -> bool:
        if start == len(word):
            pairs = len(chain) - 1
            if len(chain) >= MIN_PIECES:
                if unlisted <= MAX_UNLISTED and unlisted * UNLISTED_PER_PAIRS <= pairs:
                    found.append((score, list(chain)))
                elif unlisted * CLOSED_UNLISTED_PER_PAIRS <= pairs and closed >= CLOSED_PIECES \
                        and len(prose) <= MAX_CHAINS:
                    prose.append((score, list(chain)))
            return len(found) <= MAX_CHAINS
        pieces = pieces_at.get(start)
        if pieces is None:
            pieces = pieces_at[start] = _pieces_from(word, start, zipfs)
        for piece, z_piece in pieces:
            glue = piece in GLUE_WORDS
            if not chain:
                step, more = z_piece - 9.0, 0
            else:
                step, more = next_prob(chain[-1], z_last, piece, z_piece), not bigram(chain[-1], piece)
                # beyond MAX_UNLISTED, each further pair missing from the list needs a closed-class piece in the chain
                if unlisted + more > min(MAX_UNLISTED_CLOSED, MAX_UNLISTED + closed + glue):
                    continue
            chain.append(piece)
            going = extend(start + len(piece), chain, score + step, z_piece, unlisted + more, closed + glue)
            chain.pop()
            if not going:
                return False
        return True

    complete = extend(0, [], 0.0, 0.0, 0, 0)
    del extend  # a closure that calls itself is a reference cycle: left, only the cycle collector would free it
    if not complete:
        return []
    if len(prose) <= MAX_CHAINS:
        found += prose
    return sorted(found, key=lambda item: -item[0])


def _pieces_from(word: str, start: int, zipfs: Callable[[list[str]], list[float]]) -> list[tuple[str, float]]:
    """The (piece, Zipf) a chain may take at ``start`` of ``word``, looked up in one call (most are no word:
    an unlisted one, of Zipf 0, is not splittable).

    >>> from ocrfix import lexicon
    >>> _pieces_from("ofthem", 2, lexicon.load().folded_zipfs)[:2]
    [('the', 7.73), ('them', 6.19)]
    """
    pieces = [word[start:end] for end in range(start + 1, min(len(word), start + MAX_PIECE) + 1)]
    return [(piece, z_piece) for piece, z_piece in zip(pieces, zipfs(pieces))
            if z_piece and splittable(piece, z_piece) and not VOWELS.isdisjoint(piece)]
