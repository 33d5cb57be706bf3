"""The `dictionary` strategy's reading of lines a line recogniser read turned 180 degrees (see `.turned`)."""
from __future__ import annotations

import pytest

from ocrfix import lexicon
from ocrfix.pipeline import Pipeline
from ocrfix.strategies.dictionary import Dictionary
from ocrfix.strategies.dictionary.tokens import Tokens
from ocrfix.strategies.dictionary.turned import TURNED, read_back, turned_lines

PROSE = ("The committee met on Thursday and agreed that the new road should be built before the winter. "
         "Several members said that the cost was too high, but the chairman thought the money could be found. "
         "The work will begin in the spring and should be finished within two years of the start.")


@pytest.fixture(scope="module")
def default() -> Dictionary:
    return Dictionary()


def turn(line: str) -> str:
    """``line`` as a recogniser reads it turned: last letter first, each as the likeliest reading of its shape."""
    return "".join(TURNED.get(ch, ch)[0] if ch.isalpha() else {",": "'"}.get(ch, ch) for ch in reversed(line))


def test_a_turned_line_is_read_back(default):
    # "the visitor who stands before it may reflect that", each letter as one of its turned shapes' readings
    turned = "4eu4 4oajjai Aeu 41 aiojaq spue4s oym io4!s!A ay4"
    text = f"It is a small piece of parchment. {turned} Without those few lines of Latin, it would be nothing."
    assert Pipeline([default]).run(text).text == ("It is a small piece of parchment. the visitor who stands before it "
                                                  "may reflect that Without those few lines of Latin, it would be nothing.")


def test_common_words_turned_are_read_back():
    lex = lexicon.load()
    words = [word for word in PROSE.lower().replace(".", "").replace(",", "").split() if len(word) > 1]
    read = [read_back(turn(word), lex)[0] for word in words]
    assert sum(r == w for r, w in zip(read, words)) >= 0.9 * len(words)


@pytest.mark.parametrize("text", [
    PROSE,
    # garbled OCR read the right way up: unknown words, but no listed words read back
    "Tbe cornmittee rnet on Tbursday aud agreed tbat tbe ncw road sbould be bnilt bcfore tbe wiuter.",
    # another language in an English text (a licence's translation)
    "Kui eristatavad osad teosest ei ole tuletatud Teegist, ei ole see teos.",
    # code, identifiers and a table of codes
    "x = ao(pue, seu) if sem else uaas; AB12 CD34 EF56 qp nd",
])
def test_text_read_the_right_way_up_is_left_alone(text):
    assert turned_lines(Tokens(text), lexicon.load()) == []


def test_a_turned_line_of_few_listed_words_is_found_by_its_letters(default):
    # "continuity, the sense that something begun more than seven hundred years ago is", and the line after it,
    # as RapidOCR read them turned, thin letters lost: few tokens read back to listed words, but every one reads
    # back as English letter sequences; layout joined the lines into the paragraph
    turned = "aou unlaq, Suyiauos jey asus ayn Xnun P paiall. iaaamoy t: 'lns si ole sreae paupumur uaae."
    text = f"It is not necessary that they should. What matters is the conuy {turned} form, going on."
    out = Pipeline([default]).run(text).text
    assert out.startswith("It is not necessary that they should. What matters is the conuy ")
    assert "sense that" in out and "however" in out and "Suyiauos" not in out
    assert out.endswith(" form, going on.")


def test_a_stop_printed_after_a_turned_word_is_not_read_before_it():
    # "Market Ashby would very probably have remained what it": the stops after "aey" and "pauee" are specks
    text = "without those few lines of crabbed Latin, Market 1 aey.. pauee. aaeu Aiqeqod Kroa pinom Aqysy had been"
    [(_, _, reading)] = turned_lines(Tokens(text), lexicon.load())
    assert "would" in reading and "probably" in reading and "." not in reading


def test_a_function_word_that_lost_a_thin_letter_is_read_whole(default):
    # the turned line of the first test with the "t" of "the" lost, as recognisers lose thin strokes: "he" is read
    # back, and "the" is the commoner function word it makes with the "t" put back
    turned = "4eu4 4oajjai Aeu 41 aiojaq spue4s oym io4!s!A ay"
    text = f"It is a small piece of parchment. {turned} Without those few lines of Latin, it would be nothing."
    assert "parchment. the visitor who stands" in Pipeline([default]).run(text).text
