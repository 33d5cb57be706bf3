"""The gap-aware edit distance against a brute-force dynamic programme on small strings."""
import doctest

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

import ocrfix.gaps
from ocrfix.gaps import align, distance, merge_gaps, sliding_min


def brute_force(reference, hypothesis, gaps):
    """(least cost, least absorption among least-cost alignments), cell by cell in plain Python."""
    capacity = dict(merge_gaps(gaps))
    rows = []
    for position in range(len(reference) + 1):
        if position in capacity:
            rows.append(("gap", capacity[position]))
        if position < len(reference):
            rows.append(("char", reference[position]))
    n = len(hypothesis)
    previous = [(j, 0) for j in range(n + 1)]
    for kind, value in rows:
        current = []
        for j in range(n + 1):
            options = []
            if kind == "char":
                options.append((previous[j][0] + 1, previous[j][1]))
                if j:
                    options.append((previous[j - 1][0] + (hypothesis[j - 1] != value), previous[j - 1][1]))
            else:
                options += [(previous[k][0], previous[k][1] + j - k) for k in range(max(0, j - value), j + 1)]
            if j:
                options.append((current[j - 1][0] + 1, current[j - 1][1]))
            current.append(min(options))
        previous = current
    return previous[n]


texts = st.text(alphabet="ab ", max_size=9)
hyps = st.text(alphabet="abc ", max_size=12)


@st.composite
def cases(draw):
    reference, hypothesis = draw(texts), draw(hyps)
    gaps = draw(st.lists(st.tuples(st.integers(0, len(reference)), st.integers(0, 5)), max_size=3))
    return reference, hypothesis, gaps


@settings(max_examples=700)
@given(cases())
def test_matches_brute_force(case):
    reference, hypothesis, gaps = case
    cost, absorbed = brute_force(reference, hypothesis, gaps)
    assert distance(reference, hypothesis, gaps) == cost
    path = align(reference, hypothesis, gaps)
    assert (path.distance, path.absorbed) == (cost, absorbed)
    assert path.substitutions + path.deletions + path.insertions == cost
    # the blocks tile both texts, in order, and say what they do
    i = j = 0
    edits = 0
    for tag, ref_start, ref_end, hyp_start, hyp_end in path.ops:
        assert (ref_start, hyp_start) == (i, j)
        i, j = ref_end, hyp_end
        if tag == "equal":
            assert reference[ref_start:ref_end] == hypothesis[hyp_start:hyp_end]
        elif tag == "replace":
            assert ref_end - ref_start == hyp_end - hyp_start
            assert all(a != b for a, b in zip(reference[ref_start:ref_end], hypothesis[hyp_start:hyp_end]))
        elif tag == "gap":
            assert ref_start == ref_end and ref_start in dict(merge_gaps(gaps))
        edits += 0 if tag in ("equal", "gap") else max(ref_end - ref_start, hyp_end - hyp_start)
    assert (i, j) == (len(reference), len(hypothesis))
    assert edits == cost
    assert sum(hyp_end - hyp_start for tag, _, _, hyp_start, hyp_end in path.ops if tag == "gap") == absorbed


def test_every_gap_is_its_own_block_even_when_empty():
    path = align("abcd", "abcd", [(2, 5), (4, 1)])
    assert [op for op in path.ops if op[0] == "gap"] == [("gap", 2, 2, 2, 2), ("gap", 4, 4, 4, 4)]
    assert path.distance == 0 and path.absorbed == 0


def test_capacity_bounds_the_absorption():
    assert distance("ab", "aXXXXb", [(1, 4)]) == 0
    assert distance("ab", "aXXXXXb", [(1, 4)]) == 1
    assert distance("ab", "aXXXXXb", [(1, 4), (1, 1)]) == 0  # gaps at one place add their bounds


def test_least_absorption_among_optimal_alignments():
    # the X can be absorbed or matched against "X": matching costs nothing either way
    assert align("aXb", "aXb", [(1, 3)]).absorbed == 0


def test_empty_texts():
    assert distance("", "", []) == 0
    assert distance("abc", "", [(1, 5)]) == 3
    assert distance("", "abc", [(0, 2)]) == 1
    assert align("", "abc", [(0, 5)]).ops == (("gap", 0, 0, 0, 3),)


def test_sliding_min_against_numpy():
    rng = np.random.default_rng(1)
    for width in (0, 1, 3, 7, 50):
        values = rng.integers(0, 100, 40)
        expected = [values[max(0, j - width): j + 1].min() for j in range(len(values))]
        assert sliding_min(values, width).tolist() == expected


def test_docstring_examples():
    assert doctest.testmod(ocrfix.gaps).failed == 0


@settings(max_examples=250)
@given(cases())
def test_row_dp_fallback_matches_brute_force(case):
    reference, hypothesis, gaps = case
    original = ocrfix.gaps._MAX_PAIRS
    ocrfix.gaps._MAX_PAIRS = -1  # every input takes the row DP
    try:
        path = align(reference, hypothesis, gaps)
    finally:
        ocrfix.gaps._MAX_PAIRS = original
    assert (path.distance, path.absorbed) == brute_force(reference, hypothesis, gaps)
    assert path.substitutions + path.deletions + path.insertions == path.distance


@st.composite
def longer_cases(draw):
    """A reference of 20-60 tokens and a hypothesis a few edits away, so the band is narrower than the text."""
    reference = draw(st.text(alphabet="abcd ", min_size=20, max_size=60))
    hypothesis = list(reference)
    for kind, where, symbol in draw(st.lists(st.tuples(st.sampled_from("ids"), st.integers(0, 60),
                                                       st.sampled_from("abxyz")), max_size=8)):
        where = min(where, len(hypothesis))
        if kind == "i":
            hypothesis.insert(where, symbol * draw(st.integers(1, 6)))
        elif where < len(hypothesis):
            hypothesis[where:where + 1] = [] if kind == "d" else [symbol]
    gaps = draw(st.lists(st.tuples(st.integers(0, len(reference)), st.integers(0, 6)), max_size=4))
    return reference, "".join(hypothesis), gaps


@settings(max_examples=150)
@given(longer_cases())
def test_band_as_tight_as_the_optimum_stays_exact(case):
    reference, hypothesis, gaps = case
    cost, absorbed = brute_force(reference, hypothesis, gaps)
    # the band may use any bound >= the optimum; the optimum itself is the narrowest
    assert ocrfix.gaps._sweep(reference, hypothesis, merge_gaps(gaps), cost)[0] == cost
    path = align(reference, hypothesis, gaps)
    assert (path.distance, path.absorbed) == (cost, absorbed)


def test_both_alignment_methods_agree_on_the_seed():
    from pathlib import Path

    from ocrfix.io import read_text
    from ocrfix.metrics import tokens
    from ocrfix.profiles import normalize

    seed = Path(__file__).resolve().parent.parent / "corpus" / "seed"
    reference, hypothesis = tokens(normalize(read_text(seed / "000_7b809fd8ed01e65c.gt.txt")),
                                   normalize(read_text(seed / "000_7b809fd8ed01e65c.txt")))
    gaps = [(gap.position, 100 * gap.markers) for gap in reference.gaps]
    optimum = distance(reference.text, hypothesis.text, gaps)
    fast = align(reference.text, hypothesis.text, gaps)
    rows = ocrfix.gaps._align_rows(reference.text, hypothesis.text, merge_gaps(gaps), optimum)
    assert optimum == fast.distance == rows.distance == 236
    assert fast.absorbed == rows.absorbed


def mutated(rng, text, rate, alphabet="abcdefghijklmnopqrstuvwxyz .,"):
    """``text`` with about ``rate`` of its characters substituted, deleted or followed by an insertion."""
    out = []
    for char in text:
        draw = rng.random()
        out.append(char if draw >= rate else rng.choice(alphabet) if draw < rate / 3
                   else "" if draw < 2 * rate / 3 else char + rng.choice(alphabet))
    return "".join(out)


def adversarial_case(seed):
    """Hundreds to thousands of tokens: prose-like, random, periodic, duplicated paragraphs, shifted or prefixed
    hypotheses, few to very many errors, gaps anywhere (both ends, several at one place) with noise beside them."""
    import random

    rng = random.Random(seed)
    kind = rng.choice(["prose", "random", "periodic", "paragraphs", "shifted", "binary"])
    size = rng.randint(0, 1200)
    if kind == "prose":
        words = "the of and a to in is was he for it with as his on be at by had not but".split()
        reference = " ".join(rng.choice(words) for _ in range(size // 3))
    elif kind == "periodic":
        unit = "".join(rng.choice("ab. ") for _ in range(rng.randint(1, 7)))
        reference = (unit * (size // len(unit) + 1))[:size]
    elif kind == "paragraphs":
        reference = "".join(rng.choice("abcdefghij ") for _ in range(rng.randint(20, 200))) * rng.randint(1, 6)
    else:
        alphabet = "ab" if kind == "binary" else "abcdefghijklmnopqrstuvwxyz "
        reference = "".join(rng.choice(alphabet) for _ in range(size))
    hypothesis = mutated(rng, reference, rng.choice([0, 0.01, 0.05, 0.15, 0.4]))
    if kind == "shifted" and hypothesis:
        cut = rng.randint(0, len(hypothesis))
        hypothesis = (hypothesis[cut:] + hypothesis[:cut] if rng.random() < 0.5
                      else "".join(rng.choice("xyz ") for _ in range(rng.randint(1, 300))) + hypothesis)
    gaps = []
    for _ in range(rng.choice([0, 1, 2, 5, 20])):
        position = rng.choice([0, len(reference), rng.randint(0, len(reference))])
        gaps.append((position, rng.choice([0, 1, 5, 30, 100])))
        if rng.random() < 0.3:
            at = min(len(hypothesis), position)
            noise = "".join(rng.choice("xyz#") for _ in range(rng.randint(0, 60)))
            hypothesis = hypothesis[:at] + noise + hypothesis[at:]
    return reference, hypothesis, merge_gaps(gaps)


@settings(max_examples=120)
@given(st.integers(0, 2**32), st.sampled_from([16, 48, 128]))
def test_followed_band_is_never_below_and_exact_when_proven(seed, width):
    reference, hypothesis, gaps = adversarial_case(seed)
    exact = ocrfix.gaps._sweep(reference, hypothesis, gaps, ocrfix.gaps._upper_bound(reference, hypothesis))[0]
    cost, proven = ocrfix.gaps._followed(reference, hypothesis, gaps, width)
    assert cost >= exact  # always a real path's cost
    assert cost == exact or not proven


def test_followed_band_proves_prose_with_gaps_and_counts_fallbacks():
    import random

    rng = random.Random(5)
    words = "the cat sat on a mat while her old dog slept by that warm fire and we read".split()
    reference = " ".join(rng.choice(words) + rng.choice(["", "s", "ed", "ing"]) for _ in range(2500))
    hypothesis = mutated(rng, reference, 0.05)
    gaps = [(position, 100) for position in range(1000, len(reference), 3000)]
    for position in reversed(range(1000, len(hypothesis), 3000)):
        hypothesis = hypothesis[:position] + "#~x" * rng.randint(1, 20) + hypothesis[position:]
    exact = ocrfix.gaps._sweep(reference, hypothesis, gaps, ocrfix.gaps._upper_bound(reference, hypothesis))[0]
    assert ocrfix.gaps._followed(reference, hypothesis, gaps, ocrfix.gaps._FOLLOW_WIDTH) == (exact, True)
    # through distance(): proven on prose; periodic text falls back to the full pass, with the same answer
    before = dict(ocrfix.gaps.followed_passes)
    assert distance(reference * 2, hypothesis * 2, gaps, hint=10**6) == distance(reference * 2, hypothesis * 2, gaps)
    periodic = "ab" * 5000
    noisy = mutated(rng, periodic, 0.1, "ab")
    assert distance(periodic, noisy, [(4000, 100)], hint=10**6) == distance(periodic, noisy, [(4000, 100)])
    after = ocrfix.gaps.followed_passes
    assert (after["proven"] - before["proven"], after["fallback"] - before["fallback"]) == (1, 1)
