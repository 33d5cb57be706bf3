"""The shared lexicon: shipped frequencies, bigrams and a document's own vocabulary."""
from __future__ import annotations

from ocrfix import lexicon
from ocrfix.lexicon import Lexicon, Vocabulary


def test_load_is_cached():
    lex = lexicon.load()
    assert lexicon.load() is lex
    assert len(lex) > 250_000


def test_zipf_is_case_insensitive_and_zero_when_unknown():
    lex = lexicon.load()
    assert lex.zipf("The") == lex.zipf("the") > 7.0
    assert lex.zipf("exlude") == 0.0
    assert "exlude" not in lex
    assert 3.0 < lex.zipf("exclude") < 5.0


def test_british_american_and_period_spellings_are_words():
    lex = lexicon.load()
    for word in ["judgement", "judgment", "programme", "program", "organised", "organized",
                 "emphasise", "emphasize", "shew", "connexion", "to-day", "businesslike"]:
        assert word in lex, word


def test_membership_is_a_frequency_common_typos_are_rare():
    lex = lexicon.load()
    assert 0.0 < lex.zipf("tbe") < lex.zipf("the") - 4


def test_hyphenated_word_combines_its_parts():
    lex = lexicon.load()
    assert 0.0 < lex.zipf("re-establish") <= lex.zipf("establish")
    assert lex.zipf("re-xqzv") == 0.0


def test_bigram():
    lex = lexicon.load()
    assert lex.bigram("Of", "THE") > lex.bigram("king", "was") > 0.0
    assert lex.bigram("the", "xqzv") == 0.0
    # bigram - zipf(first word) is a conditional log-probability
    assert -1.0 < lex.bigram("of", "the") - lex.zipf("of") < 0.0
    assert 2.0 < lex.bigram_floor < 2.5


def test_lexicon_from_mappings():
    lex = Lexicon({"cat": 4.0}, {"the cat": 4.5})
    assert lex.zipf("CAT") == 4.0 and "dog" not in lex and lex.bigram("the", "cat") == 4.5


def test_vocabulary_counts_folded_words():
    vocab = Vocabulary.from_text("Genscher met Gromyko. GENSCHER’s view; genscher's view, to-day.")
    assert vocab.count("genscher") == 1
    assert vocab.count("Genscher's") == 2
    assert vocab.count("to-day") == 1
    assert vocab.count("nobody") == 0
    vocab.update("Genscher again")
    assert vocab.count("genscher") == 2


def test_a_texts_vocabulary_counts_each_word_of_each_token():
    # from_token_counts folds the distinct tokens in one call: each word must still be counted as its own token's
    from collections import Counter

    from ocrfix.corpus import load
    from ocrfix.lexicon import WORD, fold

    text = load()[0].ocr + " Don’t DON'T to-day ÜBER über “he” 3x, x3 --"
    expected: Counter[str] = Counter()
    for token in text.split():
        expected.update(WORD.findall(fold(token)))
    vocab = Vocabulary.from_token_counts(Counter(text.split()))
    assert len(vocab) == len(expected) and vocab.total == sum(expected.values())
    assert {word: vocab.folded_count(word) for word in expected} == expected
    assert vocab.count("Don’t") == 2 and vocab.count("über") == 2


def test_the_words_that_begin_and_end_listed_pairs():
    lex = Lexicon({"of": 7.0, "the": 7.7, "king": 5.0}, {"of the": 6.5, "the king": 5.0})
    assert lex.pair_firsts == {"of", "the"} and lex.pair_seconds == {"the", "king"}


def test_a_pair_is_scored_as_the_list_says_whether_or_not_looked_up():
    # Dictionary._pair looks a pair up only where its words begin and end some listed pair: the same value either way
    from itertools import product

    from ocrfix.marks import ARTICLES
    from ocrfix.strategies.dictionary import Dictionary

    fix, table = Dictionary(), lexicon.load().bigram_table
    words = ["the", "a", "of", "king", "israel", "january", "water", "be", "kinq", "zqxw", "exlude", "of the"]
    for prev, word in product(words, words):
        listed = 0.0 if prev in ARTICLES and word in ARTICLES else table.get(f"{prev} {word}", 0.0)
        assert fix._pair(prev, word) == listed
