"""Real-word errors read by the document's own repeated word pairs (ocrfix.strategies.dictionary.ownpairs)."""
import ocrfix
from ocrfix.strategies.dictionary import Dictionary
from ocrfix.strategies.dictionary.ownpairs import own_pair_misreadings
from ocrfix.strategies.dictionary.tokens import Tokens

REGISTER = ("Of the children of Reuben, by their polls, were numbered forty. Of the children of Simeon, by their polls, "
            "were numbered fifty. Of the children of Gad, by their polls, were numbered sixty. Of the children of "
            "Judah, by their {} were numbered seventy.")


def fix(text: str) -> str:
    return ocrfix.correct(text, strategies=["dictionary"])


def test_a_pair_printed_once_is_read_as_the_pair_the_text_repeats():
    assert fix(REGISTER.format("rolls,")) == REGISTER.format("polls,")
    text = ("And thou shalt make a plate of pure gold. And thou shalt make the robe all of blue. And thou shalt make "
            "coats for them. And thou shalt wake it of gold.")
    assert fix(text) == text.replace("wake", "make")


def test_the_writers_variations_stay():
    # a plural beside its singular, one function word for another, a pair the lexicon lists, a word the other
    # neighbour takes better ("the wake of"), a pair printed twice only
    for text in ("The minutes of the last meeting were read. The minutes of the May meeting were read. The minutes "
                 "of the June meeting were read. The minute of the finance meeting was signed.",
                 "We met in the winter in London, in the winter in Paris, in the winter in Rome, and in the winter on "
                 "which the war ended.",
                 "And thou shalt make a plate. And thou shalt make a robe. And thou shalt make coats. In the wake of "
                 "it thou shalt wake of gold.",
                 "Of the children of Gad, by their polls, were forty; by their polls, fifty; by their rolls, sixty."):
        assert fix(text) == text


def test_the_texts_first_and_last_words_are_read_too():
    # the word read is the text's first token (no neighbour before it) or its last (no token beyond it)
    text = "wake it of gold. And thou shalt make it of silver; thou shalt make it of brass; thou shalt make it of wood."
    assert [(text[s:e], r) for s, e, r in own_pair_misreadings(Tokens(text), Dictionary())] == [("wake", "make")]
    text = "by their polls were forty, by their polls fifty, by their polls sixty, by their rolls"
    assert [(text[s:e], r) for s, e, r in own_pair_misreadings(Tokens(text), Dictionary())] == [("rolls", "polls")]
