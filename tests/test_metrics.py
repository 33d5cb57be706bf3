"""CER/WER: profiles, grapheme clusters, jiwer parity, [illegible] gaps, empty texts, aggregates."""
import doctest
import math
import subprocess
import sys
import unicodedata
from pathlib import Path

import jiwer
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import ocrfix
import ocrfix.metrics
from ocrfix.errors import OcrfixError
from ocrfix.io import read_text
from ocrfix.metrics import aggregate, cer, score, wer
from ocrfix.profiles import collapse_whitespace, normalize

SEED = Path(__file__).resolve().parent.parent / "corpus" / "seed"
SEED_GT = read_text(SEED / "000_7b809fd8ed01e65c.gt.txt")
SEED_OCR = read_text(SEED / "000_7b809fd8ed01e65c.txt")


def test_docstring_examples():
    import ocrfix.align
    import ocrfix.report

    for module in (ocrfix.metrics, ocrfix.align, ocrfix.report):
        assert doctest.testmod(module).failed == 0, module.__name__


def test_lazy_reexports():
    assert ocrfix.cer is cer and ocrfix.score is score and ocrfix.aggregate is aggregate


def test_the_modules_the_readme_names_are_reached_from_the_package():
    # in a fresh interpreter: here other tests have imported them already
    code = ("import ocrfix; print(ocrfix.evaluation.evaluate_folder.__name__, "
            "ocrfix.errormodel.train_for_dictionary.__name__, ocrfix.report.write_folder_report.__name__)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["evaluate_folder", "train_for_dictionary", "write_folder_report"]


def test_seed_under_default_profile():
    result = score(SEED_GT, SEED_OCR)
    assert (result.distance, result.reference_length) == (236, 3257)
    assert round(result.cer, 4) == 0.0725
    assert cer(SEED_GT, SEED_OCR) == result.cer
    assert result.profile == "default"
    assert result.substitutions + result.deletions + result.insertions == 236


def test_profile_is_recorded_and_changes_the_text_compared():
    assert score("Café", "cafe\u0301", "relaxed").profile == "relaxed"
    assert score("Café", "cafe\u0301", "relaxed").distance == 0  # NFC, then case folded
    assert score("Café", "cafe\u0301", "default").distance == 1
    assert score("“Well”", '"well"', "relaxed").distance == 0
    assert score("“Well”", '"well"', "default").distance == 3


def test_grapheme_clusters_are_characters():
    nfc, nfd = "café", unicodedata.normalize("NFD", "café")
    exact = score(nfc, nfd, "exact")
    assert (exact.distance, exact.reference_length, exact.hypothesis_length) == (1, 4, 4)
    assert score(nfc, nfd).distance == 0
    # a flag (two regional indicators) and a Devanagari conjunct-free cluster are one character each
    assert score("a\U0001F1EB\U0001F1F7b", "ab", "exact").distance == 1
    assert score("ne\u0301e\u0301", "nee", "exact").distance == 2
    # private-use characters already in the text are never confused with mapped clusters
    assert score("e\u0301\U000F0000", "\U000F0000e\u0301", "exact").distance == 2


words = st.lists(st.text(alphabet="abcdefgh.,'-ABC", min_size=1, max_size=6), min_size=1, max_size=12)


@settings(max_examples=300)
@given(words, words)
def test_parity_with_jiwer(reference_words, hypothesis_words):
    reference, hypothesis = " ".join(reference_words), " ".join(hypothesis_words)
    assert math.isclose(cer(reference, hypothesis, "exact"), jiwer.cer(reference, hypothesis), abs_tol=1e-9)
    assert math.isclose(wer(reference, hypothesis, "exact"), jiwer.wer(reference, hypothesis), abs_tol=1e-9)


def _jiwer_ready(text):
    """Corpus text as jiwer and the exact profile read alike: single spaces, no marks, no markers."""
    text = unicodedata.normalize("NFC", text.replace("[illegible]", " "))
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return collapse_whitespace(text)


def test_parity_with_jiwer_on_corpus_text():
    documents = [(SEED_GT, SEED_OCR)] + [(d.gt, d.ocr) for d in ocrfix.corpus.load()[:6]]
    for gt, ocr in documents:
        reference, hypothesis = _jiwer_ready(gt), _jiwer_ready(ocr)
        assert abs(cer(reference, hypothesis, "exact") - jiwer.cer(reference, hypothesis)) <= 1e-9
        assert abs(wer(reference, hypothesis, "exact") - jiwer.wer(reference, hypothesis)) <= 1e-9


def test_gap_absorbs_up_to_the_bound_for_free():
    reference = "Dear Sir, [illegible] we write"
    assert cer(reference, "Dear Sir, 12345 we write") == 0
    assert score(reference, "Dear Sir, " + "x" * 100 + " we write").distance == 0
    assert score(reference, "Dear Sir, " + "x" * 101 + " we write").distance == 1
    assert score(reference, "Dear Sir, xxxx we write", max_gap_chars=3).distance == 1


def test_marker_letters_do_not_count_but_whitespace_does():
    result = score("ab [illegible] cd", "ab cd")
    assert result.reference_length == 6  # "ab " + " cd"
    assert result.distance == 1  # one of the two spaces has nothing to match
    assert result.reference_words == 2


def test_marker_inside_a_word_splits_it():
    result = score("foo[illegible]bar", "foo bar")
    assert (result.distance, result.gap_chars) == (0, 1)
    assert (result.reference_words, result.word_distance) == (2, 0)


def test_adjacent_markers_add_their_bounds():
    assert cer("a[illegible][illegible]b", "a" + "x" * 200 + "b") == 0
    assert cer("a[illegible][illegible]b", "a" + "x" * 201 + "b") == 1 / 2
    assert wer("a [illegible] [illegible] b", "a " + "x " * 48 + "b") == 0
    assert wer("a [illegible] [illegible] b", "a " + "x " * 49 + "b") == 1 / 2


def test_word_gap_bound():
    assert wer("one [illegible] four", "one " + "w " * 24 + "four") == 0
    assert wer("one [illegible] four", "one " + "w " * 25 + "four") == 1 / 2
    assert wer("one [illegible] four", "one " + "w " * 25 + "four", max_gap_words=25) == 0


def test_marker_in_hypothesis_is_ordinary_text():
    assert cer("ab", "a[illegible]b") == 11 / 2


def test_gap_chars_is_the_least_absorption():
    result = score("one [illegible] two", "one three two")
    assert (result.distance, result.gap_chars) == (0, 5)
    assert score("ab [illegible] cd", "ab XY cd").gap_chars == 2
    # the space could go into the gap or match the reference space: matching absorbs less
    assert score("ab[illegible] cd", "ab cd").gap_chars == 0


def test_alignment_spans_point_into_the_normalised_texts():
    reference, hypothesis = "Dear  Sir, [illegible] we wrlte", "Dear Sir, 3#@ we write!"
    result = score(reference, hypothesis, alignment=True)
    ref, hyp = normalize(reference), normalize(hypothesis)
    tags = [op.tag for op in result.alignment]
    assert tags == ["equal", "gap", "equal", "replace", "equal", "insert"]
    gap = result.alignment[1]
    assert ref[gap.ref_start:gap.ref_end] == "[illegible]" and hyp[gap.hyp_start:gap.hyp_end] == "3#@"
    replace = result.alignment[3]
    assert (ref[replace.ref_start:replace.ref_end], hyp[replace.hyp_start:replace.hyp_end]) == ("l", "i")
    insert = result.alignment[-1]
    assert insert.ref_start == insert.ref_end == len(ref) and hyp[insert.hyp_start:] == "!"
    assert score(reference, hypothesis).alignment is None


def test_alignment_spans_cover_clusters():
    result = score("ne\u0301", "nx", "exact", alignment=True)
    assert result.alignment[-1].tag == "replace"
    assert (result.alignment[-1].ref_start, result.alignment[-1].ref_end) == (1, 3)


def test_empty_texts_are_defined():
    assert cer("abc", "") == 1.0 and wer("abc def", "") == 1.0
    assert cer("", "") == 0.0 and wer("", "") == 0.0
    assert cer("", "abc") == 1.0 and wer("", "abc") == 1.0
    assert cer("[illegible]", "anything") == 0.0
    result = score("", "")
    assert (result.cer, result.wer, result.reference_length) == (0.0, 0.0, 0)
    assert not any(math.isnan(v) for v in (score("", "x").cer, score("", "x").wer))


def test_aggregate_micro_and_macro():
    scores = [score("abcd", "abcd"), score("ab", "xb"), score("one two", "one too")]
    total = aggregate(scores)
    assert total.documents == 3
    assert total.micro_cer == pytest.approx((0 + 1 + 1) / (4 + 2 + 7))
    assert total.macro_cer == pytest.approx((0 + 1 / 2 + 1 / 7) / 3)
    assert total.micro_wer == pytest.approx((0 + 1 + 1) / (1 + 1 + 2))
    assert total.macro_wer == pytest.approx((0 + 1 + 1 / 2) / 3)
    empty = aggregate([])
    assert (empty.documents, empty.micro_cer, empty.macro_wer) == (0, 0.0, 0.0)


def test_bad_options():
    with pytest.raises(OcrfixError):
        cer("a", "b", "fuzzy")
    with pytest.raises(OcrfixError):
        cer("a", "b", max_gap_chars=-1)


def test_long_texts_take_the_score_hint_and_stay_exact():
    import random

    from ocrfix.metrics import score_hint

    rng = random.Random(4)
    reference = _jiwer_ready(SEED_GT) * 10
    hypothesis = "".join(c if rng.random() > 0.06 else rng.choice("aeil ,") for c in reference)
    assert score_hint(reference, hypothesis) is not None
    assert abs(cer(reference, hypothesis, "exact") - jiwer.cer(reference, hypothesis)) <= 1e-9
    assert score(reference, hypothesis, "exact").distance == round(jiwer.cer(reference, hypothesis) * len(reference))


def _check_tiling(ops, reference, hypothesis):
    i = j = cost = 0
    for tag, ref_start, ref_end, hyp_start, hyp_end in ops:
        assert (ref_start, hyp_start) == (i, j)
        i, j = ref_end, hyp_end
        if tag == "equal":
            assert reference[ref_start:ref_end] == hypothesis[hyp_start:hyp_end]
        else:
            cost += max(ref_end - ref_start, hyp_end - hyp_start)
    assert (i, j) == (len(reference), len(hypothesis))
    return cost


def _long_pair(seed=8, copies=14):
    import random

    rng = random.Random(seed)
    reference = " ".join(_jiwer_ready(SEED_GT).split()[::-1] + _jiwer_ready(SEED_GT).split()) * (copies // 2)
    hypothesis = "".join(c if rng.random() > 0.05 else rng.choice(["", "x", c + "e"]) for c in reference)
    return reference, hypothesis


def test_long_alignment_is_cut_at_anchors_and_stays_optimal():
    from rapidfuzz.distance import Levenshtein

    from ocrfix.metrics import _anchors, plain_opcodes

    reference, hypothesis = _long_pair()
    assert len(_anchors(reference, hypothesis, 20_000)) >= 1
    ops = plain_opcodes(reference, hypothesis)
    assert _check_tiling(ops, reference, hypothesis) == Levenshtein.distance(reference, hypothesis)


def test_a_misleading_anchor_falls_back_to_the_whole_alignment(monkeypatch):
    from rapidfuzz.distance import Levenshtein

    import ocrfix.metrics

    reference, hypothesis = _long_pair()
    middle = len(reference) // 2
    monkeypatch.setattr(ocrfix.metrics, "_anchors", lambda *args: [(middle, middle + 500)])
    ops = ocrfix.metrics.plain_opcodes(reference, hypothesis)
    assert _check_tiling(ops, reference, hypothesis) == Levenshtein.distance(reference, hypothesis)
