"""Words run together and words split apart: the words the lexicon lists that are as rare as a misprint of a
listed word pair ("ofthe", "ina"), and whether a split or a join keeps every printed piece's letters."""
from __future__ import annotations

from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from ocrfix import lexicon
from ocrfix.lexicon import fold
from ocrfix.strategies.dictionary.spacing import GLUE_WORDS

# Run-together words listed in the lexicon (web text has them) are suspect when
# the word pair is this much more common: "ofthe" 3.3 vs "of the" 6.5.
RUN_TOGETHER_GAP = 3.0
# The article "a" is the narrowest word, and engines lose the space before it most often: a listed word that is a
# closed-class word (ARTICLE_HOSTS) with "a" glued on is suspect at a smaller gap ("ina" 3.2 vs "in a" 5.7, "isa"
# 3.6 vs 5.8, "ata" 3.0 vs 5.0), as names and foreign words so spelled ("ora", "thema", "hima") are rarer than their
# pair by less.
GLUED_ARTICLE_GAP = 1.9
ARTICLE_HOSTS = GLUE_WORDS | {"as"}


def glued_article(word: str) -> bool:
    """Is the folded ``word`` an ARTICLE_HOSTS word with the article "a" glued on ("ina", "witha")?"""
    return word[-1:] == "a" and word[:-1] in ARTICLE_HOSTS


@lru_cache(maxsize=2)
def run_together_words(lex: lexicon.Lexicon) -> frozenset[str]:
    """The listed words as rare as a misprint of a listed word pair ("ofthe" 3.3 vs "of the" 6.5):
    RUN_TOGETHER_GAP rarer than the pair their letters split into (two letters or more a side) and
    than the commonest pair. Built once per lexicon from its pairs (~25 ms)."""
    found = set()
    floor = lex.word_floor
    for pair, pair_zipf in lex.bigrams():
        if pair_zipf - floor < RUN_TOGETHER_GAP:
            continue  # no listed word is rare enough beside this pair (2.8k of the shipped 242k pairs are not)
        left, right = pair.split(" ")
        word = left + right
        if len(left) >= 2 and (len(right) >= 2 or glued_article(word)):
            zipf = lex.folded_zipf(word)
            gap = GLUED_ARTICLE_GAP if glued_article(word) else RUN_TOGETHER_GAP
            if zipf and word.isalpha() and pair_zipf - zipf >= gap and lex.bigram_ceiling - zipf >= gap:
                found.add(word)
    return frozenset(found)


def both_pieces_count(word: str, a: str, b: str) -> bool:
    """Does ``word`` keep a character of each piece, ``a`` and ``b``, of a split word (matched or read as
    another letter, "g nuary" -> "january")? A split word's pieces each hold some of its letters; a reading
    that drops a whole piece as noise ("begin»ing o" -> "beginning", where "o" is what is left of the next
    word) glues a word to its neighbour.

    >>> both_pieces_count("restrictions", "restr", "ctions"), both_pieces_count("beginning", "begin»ing", "o")
    (True, False)
    """
    deleted = [op.src_pos for op in Levenshtein.editops(a + b, word) if op.tag == "delete"]
    from_a = sum(position < len(a) for position in deleted)
    return from_a < len(a) and len(deleted) - from_a < len(b)


def spaces_put_in(word: str, repair: tuple[str, float, str] | None) -> bool:
    """Is the ``repair`` of ``word`` the same letters with spaces put in: words run together, not half a word?

    >>> spaces_put_in("thevillage", ("the village", 0.99, "")), spaces_put_in("nversation", ("conversation", 0.9, ""))
    (True, False)
    """
    return repair is not None and " " in repair[0] and fold(repair[0]).replace(" ", "") == word
