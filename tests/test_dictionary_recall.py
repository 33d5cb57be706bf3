"""The `dictionary` strategy's recall repairs: lost spaces, split words, misread first letters."""
from __future__ import annotations

import pytest

from ocrfix.pipeline import Pipeline
from ocrfix.strategies.dictionary import Dictionary
from ocrfix.strategies.dictionary.spacing import lost_spaces


@pytest.fixture(scope="module")
def default() -> Dictionary:
    return Dictionary()


def run(strategy: Dictionary, text: str) -> str:
    return Pipeline([strategy]).run(text).text


def test_space_lost_after_punctuation_is_put_back(default):
    assert run(default, "The mill stood idle,and the men went home.Nobody spoke.") == \
        "The mill stood idle, and the men went home. Nobody spoke."
    assert run(default, "REPORT:HARBOUR WORKS") == "REPORT: HARBOUR WORKS"
    # a full stop before a lower-case common word ends no sentence: the comma it was misread for
    assert run(default, "We asked Mr Pennant.who said no.") == "We asked Mr Pennant, who said no."


@pytest.mark.parametrize("text", [
    "It cost £1,200 at 10:30 on 3.5.1921, said J.H. Smith, i.e. the clerk.",
    "See www.example.org/a,b or write to clerk@example.org today.",
    "The file was report.docx, sent to example.org for review.",
    "The ab:ence of the clerk",  # a mark between lower-case letters is a misread letter, not a lost space
])
def test_lost_spaces_leave_numbers_initials_urls_and_misread_letters_alone(text):
    assert list(lost_spaces(text)) == []
