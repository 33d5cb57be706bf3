"""The `dictionary` strategy on shapes of real OCR the corpus lacks (session 5's audit of unseen OCR).

The texts are made up for the tests; each holds one general cause of a harmful or missed edit
found on held-out OCR of texts outside the corpus."""
from __future__ import annotations

import pytest

from ocrfix.pipeline import Pipeline


@pytest.fixture(scope="module")
def dictionary() -> Pipeline:
    return Pipeline(["dictionary"])


def test_an_ordinal_with_letters_for_digits_is_repaired_and_keeps_its_digits(dictionary):
    text = "The sale of the 2lst of May was put off to the i4th of June, and then to the l1th."
    assert dictionary.run(text).text == "The sale of the 21st of May was put off to the 14th of June, and then to the 11th."
    # a suffix that does not fit the number is no ordinal reading; the token keeps its digit
    assert dictionary.run("from the 2lth of May").text == "from the 2lth of May"


def test_a_split_word_keeps_a_letter_of_each_piece(dictionary):
    # "o" is what is left of the next word ("of"): gluing it into "beginning" would drop it as noise
    assert "begin»ing o the" in dictionary.run("at the begin»ing o the work, with the restr ctions of the Board").text
    assert dictionary.run("with the restr ctions of the Board").text == "with the restrictions of the Board"
