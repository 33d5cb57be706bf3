"""Print of before 1800, whose long s (ſ) engines read as f: the dictionary's document-level reading of it
(ocrfix/strategies/dictionary/longs.py), with the shipped lexicon. The prose is written for this test."""
from __future__ import annotations

import re

import pytest

from ocrfix.metrics import cer
from ocrfix.pipeline import Pipeline
from ocrfix.strategies.dictionary import Dictionary

LOGICAL = (
    "The house was sold in the session of the year, and the sum it raised was said to be sufficient for "
    "the distresses of those who suffered most by the loss. He sat down with his sons and his servants, "
    "and they considered the business in some measure, as it seemed wise to them; for it was a sensible "
    "resolution, and they must soon see whether it lasted. The first assurance was given by a person of "
    "consequence, whose passion for the cause was such as is seldom seen, and whose industry was past all "
    "question. Yet he himself was sensible that those lessons must be learned, lest the success of the "
    "design should rest upon so frail a foundation."
)


def long_s_ocr(text: str) -> str:
    """``text`` as an engine reads its long-s print: every s set long (not at a word's end, not before f, b
    or k) printed f."""
    return re.sub(r"s(?=[ac-eg-jl-z])", "f", text)


@pytest.fixture(scope="module")
def fix() -> Pipeline:
    return Pipeline([Dictionary()])


def test_long_s_print_is_read_back(fix):
    ocr = long_s_ocr(LOGICAL)
    assert "feffion" in ocr and "diftreffes" in ocr and "fat down" in ocr and "himfelf" in ocr
    repaired = fix.run(ocr).text
    assert cer(LOGICAL, repaired) < 0.15 * cer(LOGICAL, ocr)
    for word in ("session", "distresses", "sat down", "himself", "assurance", "lasted", "past all", "some"):
        assert word in repaired


def test_real_f_words_stay_in_long_s_print(fix):
    ocr = long_s_ocr(LOGICAL) + " They lived on the fat of the land, and their fame was great."
    repaired = fix.run(ocr).text
    assert repaired.endswith("They lived on the fat of the land, and their fame was great.")


def test_a_printed_long_s_is_kept(fix):
    ocr = long_s_ocr(LOGICAL).replace("houfe", "houſe").replace("fuch", "ſuch")
    repaired = fix.run(ocr).text
    assert "houſe" in repaired and "ſuch" in repaired and "session" in repaired


def test_modern_print_with_a_few_f_for_s_misreadings_is_not_long_s(fix):
    ocr = LOGICAL.replace("session", "feffion").replace("sat down", "fat down").replace("some", "fome")
    result = fix.run(ocr)
    assert not any(edit.reason.startswith("long s") for edit in result.edits)
    assert "fat down" in result.text  # one f for s is a misreading like any other: no document's rate backs it


def test_a_long_s_word_misread_elsewhere_too(fix):
    ocr = long_s_ocr(LOGICAL).replace("paffion", "pafficn").replace("bufinefs", "bufmefs")
    repaired = fix.run(ocr).text
    assert "whose passion for" in repaired and "the business in" in repaired


def test_a_short_long_s_text(fix):
    repaired = fix.run("He faid unto them, Go ye into the houfe, and fee whether it be fo.").text
    assert repaired == "He said unto them, Go ye into the house, and see whether it be so."


def test_a_real_f_word_is_read_with_s_where_the_document_uses_the_s_word(fix):
    # "the fun" and "the sun" are both listed pairs: alone, "fun" stays; where the text's other repairs read
    # "sun" ("The fun is" -> "The sun is"), its share of the document makes the s-reading likelier (CACHE_WEIGHT)
    alone = fix.run(long_s_ocr(LOGICAL + " They rested from the sun.")).text
    assert alone.endswith("They rested from the fun.")
    repaired = fix.run(long_s_ocr(LOGICAL + " The sun is hot. They rested from the sun.")).text
    assert repaired.endswith("The sun is hot. They rested from the sun.")
