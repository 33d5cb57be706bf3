"""The normalisation profiles, each rule and their order."""
import doctest
import unicodedata

import pytest

import ocrfix.profiles
from ocrfix.errors import OcrfixError
from ocrfix.profiles import PROFILES, normalize


def test_docstring_examples():
    assert doctest.testmod(ocrfix.profiles).failed == 0


def test_profiles_are_the_contract():
    assert PROFILES == ("exact", "default", "relaxed")


def test_exact_keeps_everything():
    text = " Cafe\u0301\r\n\tdone  ’"
    assert normalize(text, "exact") == text


def test_default_composes_collapses_and_strips():
    nfd = unicodedata.normalize("NFD", "  café\n\n\tau\u00a0lait \f")
    assert normalize(nfd) == "café au lait"


def test_default_keeps_case_quotes_and_hyphenation():
    assert normalize("“Exam-\nple”") == "“Exam- ple”"


def test_relaxed_folds_typography():
    assert normalize("‘a’ “b” c–d e—f ﬁne ﬂow", "relaxed") == "'a' \"b\" c-d e-f fine flow"


def test_relaxed_joins_line_end_hyphens_before_collapsing():
    assert normalize("an exam-\n  ple and a re¬\r\nport, well-known", "relaxed") == "an example and a report, well-known"
    # a typographic hyphen is folded first, then joined
    assert normalize("exam\u2010\nple", "relaxed") == "example"


def test_relaxed_casefolds_last():
    assert normalize("STRASSE Straße", "relaxed") == "strasse strasse"


def test_hyphen_not_at_line_end_stays():
    assert normalize("a - b", "relaxed") == "a - b"


def test_unknown_profile_is_an_error():
    with pytest.raises(OcrfixError, match="unknown normalisation profile 'loose'"):
        normalize("x", "loose")


def test_package_attribute_normalises_even_after_the_module_is_imported():
    import ocrfix
    import ocrfix.metrics  # noqa: F401  (imports ocrfix.profiles, which must not hide the function)

    assert ocrfix.normalize(" a  b ") == "a b"
    assert ocrfix.normalize("A", "relaxed") == "a"
