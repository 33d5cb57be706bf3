"""MisreadingIndex finds what ErrorModel.undo_one spells out, without spelling it out."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from ocrfix import lexicon
from ocrfix.errormodel import ErrorModel
from ocrfix.strategies.dictionary.misreadings import MisreadingIndex

MODEL = ErrorModel.default()
TARGETS = lexicon.load().linked
INDEX = MisreadingIndex(MODEL, TARGETS)


def undone(word: str) -> tuple[str, ...]:
    """The reference: every string one known misreading undone makes, kept if a target."""
    return tuple(sorted(TARGETS & MODEL.undo_one(word) - {word}))


def test_same_as_undo_one_on_printed_words():
    words = ["tbe", "bave", "wero", "tho", "bo", "rnodern", "cornrnittee", "ſuch", "thé", "iiniversity", "", "a",
             "“he", "t-he", "governrnent", "x" * 200]
    found = INDEX.readings(words)
    assert found == {word: undone(word) for word in words}
    assert "the" in found["tbe"] and "have" in found["bave"] and found["x" * 200] == ()


@settings(max_examples=200)
@given(st.lists(st.text(alphabet="abehilmnorstuvw1'“-ſ", max_size=9), max_size=8))
def test_same_as_undo_one_in_a_batch(words):
    assert INDEX.readings(words) == {word: undone(word) for word in words}


def test_only_the_targets_and_the_models_confusions():
    model = ErrorModel({("h", "b"): 3, ("m", "rn"): 2, ("e", "o"): 1}, {"h": 50, "m": 40, "e": 90}, 1000, 10, prior=False)
    index = MisreadingIndex(model, {"the", "modern", "be", "tbe"})
    assert index.readings(["tbe", "rnodern", "bo"]) == {"tbe": ("the",), "rnodern": ("modern",), "bo": ()}
    assert MisreadingIndex(ErrorModel({}, {}, 100, 0, prior=False), TARGETS).readings(["tbe"]) == {"tbe": ()}
    loaded = ErrorModel({("m", "rn"): 2, ("them", "x"): 5}, {"m": 40}, 1000, 10, prior=False)  # runs as no training counts
    assert MisreadingIndex(loaded, {"modern", "the"}).readings(["rnodern", "xe"]) == {"rnodern": ("modern",), "xe": ()}
