"""The ISRI-style error report: confusions, accuracy per character class, word accuracy."""
import doctest

import ocrfix.analysis
from ocrfix.analysis import CLASSES, analyze, character_class


def test_docstring_examples():
    assert doctest.testmod(ocrfix.analysis).failed == 0


def test_confusions_are_ranked_and_grouped():
    report = analyze("modern modern burn tile", "modem modem bum tlle")
    assert [(c.reference, c.hypothesis, c.count) for c in report.confusions] == [("rn", "m", 3), ("i", "l", 1)]


def test_insertions_and_deletions_are_confusions_too():
    report = analyze("abc def", "abc  def!", profile="exact")
    assert {(c.reference, c.hypothesis) for c in report.confusions} == {("", " "), ("", "!")}


def test_class_accuracy_counts_reference_characters():
    report = analyze("Ab1, x", "Ab7; y")
    figures = {name: (c.correct, c.total) for name, c in report.classes.items()}
    assert figures == {"lowercase": (1, 2), "uppercase": (1, 1), "digit": (0, 1), "punctuation": (0, 1),
                       "whitespace": (1, 1), "other": (0, 0)}
    assert list(report.classes) == list(CLASSES)
    assert report.classes["other"].accuracy == 1.0


def test_gaps_are_neither_errors_nor_characters():
    report = analyze("one [illegible] two", "one three two")
    assert report.confusions == []
    assert sum(c.total for c in report.classes.values()) == len("one  two")
    assert (report.words, report.words_correct) == (2, 2)


def test_word_accuracy():
    report = analyze("the quick brown fox", "the quack brown fox jumps")
    assert (report.words, report.words_correct, report.word_accuracy) == (4, 3, 0.75)


def test_clusters_are_classified_by_their_base():
    assert character_class("e\u0301") == "lowercase"


def test_text_and_json_forms():
    report = analyze("Modern burn", "Modem bum")
    text = report.text()
    assert "{rn}-{m}" in text and "word accuracy" in text and "lowercase" in text
    data = report.as_dict(top=1)
    assert data["confusions"] == [{"reference": "rn", "hypothesis": "m", "count": 2}]
    assert data["score"]["distance"] == 4 and (data["words"], data["words_correct"]) == (2, 0)
