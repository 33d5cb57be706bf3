"""The metrics' speed: CER of 4 KB and 400 KB pairs beside jiwer, alignment, the seed with gaps, gaps at scale.

The 400 KB pair (and the 4 KB one, its first 4,000 characters) is the corpus's ground truth (markers dropped, whitespace
collapsed) cycled to 400,000 characters, and a copy with 5% of its characters
edited (substituted, deleted or followed by an inserted one, in equal shares)
by a seeded generator. The targets are checked on CPU time
(``time.process_time``), which other jobs on a shared machine disturb much less
than wall time; the figures go to ``extra_info``.
"""
from __future__ import annotations

import functools
import random
import time
from pathlib import Path

import pytest

from ocrfix.io import read_text
from ocrfix.metrics import cer, score
from ocrfix.profiles import collapse_whitespace

SIZE = 400_000
SEED = Path(__file__).resolve().parent.parent / "corpus" / "seed"


def with_errors(text: str, rate: float, seed: int) -> str:
    """``text`` with about ``rate`` of its characters substituted, deleted or followed by an insertion."""
    rng = random.Random(seed)
    letters = "abcdefghijklmnopqrstuvwxyz .,'"
    out = []
    for char in text:
        draw = rng.random()
        if draw >= rate:
            out.append(char)
        elif draw < rate / 3:
            out.append(rng.choice(letters))
        elif draw >= 2 * rate / 3:
            out.append(char + rng.choice(letters))
    return "".join(out)


def corpus_ground_truth(size: int) -> str:
    from ocrfix.corpus import load

    text = " ".join(collapse_whitespace(d.gt.replace("[illegible]", " ")) for d in sorted(load(), key=lambda d: d.id))
    return (text + " ") * (size // (len(text) + 1)) + text[: size % (len(text) + 1)]


@functools.lru_cache(maxsize=None)
def make_pair(size: int) -> tuple[str, str]:
    reference = corpus_ground_truth(size)[:size]
    return reference, with_errors(reference, 0.05, seed=2026)


@pytest.fixture(scope="module")
def pair() -> tuple[str, str]:
    return make_pair(SIZE)


@pytest.fixture(scope="module")
def seed_pair() -> tuple[str, str]:
    return read_text(SEED / "000_7b809fd8ed01e65c.gt.txt"), read_text(SEED / "000_7b809fd8ed01e65c.txt")


def cpu(func, *args, **kwargs) -> tuple[float, object]:
    started = time.process_time()
    result = func(*args, **kwargs)
    return time.process_time() - started, result


@pytest.mark.parametrize("size", [4_000, SIZE])
def test_cer_beside_jiwer(benchmark, size):
    import jiwer

    reference, hypothesis = make_pair(size)
    seconds, rate = cpu(cer, reference, hypothesis, "exact")
    jiwer_seconds, jiwer_rate = cpu(jiwer.cer, reference, hypothesis)
    assert abs(rate - jiwer_rate) < 1e-9
    benchmark.extra_info.update(cpu_seconds=round(seconds, 3), jiwer_cpu_seconds=round(jiwer_seconds, 3),
                                jiwer_ratio=round(jiwer_seconds / seconds, 1), cer=rate)
    benchmark.pedantic(cer, args=(reference, hypothesis, "exact"), rounds=3 if size == SIZE else 50, iterations=1)
    assert seconds < 1.0, f"CER of a {size // 1000} KB pair took {seconds:.2f} s of CPU"


def test_alignment_400k(benchmark, pair):
    reference, hypothesis = pair
    seconds, result = cpu(score, reference, hypothesis, "exact", alignment=True)
    benchmark.extra_info.update(cpu_seconds=round(seconds, 3), blocks=len(result.alignment))
    benchmark.pedantic(score, args=(reference, hypothesis, "exact"), kwargs={"alignment": True},
                       rounds=2, iterations=1)
    assert seconds < 3.0, f"aligning a 400 KB pair took {seconds:.2f} s of CPU"


def test_seed_score_with_gaps(benchmark, seed_pair):
    reference, hypothesis = seed_pair
    result = benchmark(score, reference, hypothesis)
    assert (result.distance, result.reference_length) == (236, 3257)
    seconds = min(cpu(score, reference, hypothesis)[0] for _ in range(5))
    benchmark.extra_info.update(cpu_seconds=round(seconds, 4))
    assert seconds < 0.05, f"scoring the seed took {seconds * 1000:.0f} ms of CPU"


def test_seed_cer_with_gaps(benchmark, seed_pair):
    assert round(benchmark(cer, *seed_pair), 4) == 0.0725


def with_gaps(reference: str, hypothesis: str, every: int, seed: int) -> tuple[str, str]:
    """An ``[illegible]`` in the reference every ``every`` characters, 5-60 characters of noise in the hypothesis."""
    rng = random.Random(seed)
    ratio = len(hypothesis) / len(reference)
    refs, hyps = [], []
    ref_from = hyp_from = 0
    for cut in range(every, len(reference) - every, every):
        ref_cut, hyp_cut = reference.find(" ", cut), hypothesis.find(" ", int(cut * ratio))
        if ref_cut < 0 or hyp_cut < 0:
            break
        refs.append(reference[ref_from:ref_cut] + " [illegible]")
        hyps.append(hypothesis[hyp_from:hyp_cut] + " " + "".join(rng.choice("xyz#~ ") for _ in range(rng.randint(5, 60))))
        ref_from, hyp_from = ref_cut, hyp_cut
    return "".join(refs) + reference[ref_from:], "".join(hyps) + hypothesis[hyp_from:]


_gap_seconds: dict[int, float] = {}  # CPU seconds per size, for the ratio to the size half as long


@pytest.mark.parametrize("size", [25_000, 50_000, 100_000, 200_000, 400_000])
def test_cer_with_gaps_scaling(benchmark, pair, size):
    """Near-linear: ``ratio`` (to the pair half as long) about 2; ``followed`` says whether the band was proven."""
    from ocrfix.gaps import followed_passes

    reference, hypothesis = with_gaps(pair[0][:size], pair[1][: int(size * len(pair[1]) / len(pair[0]))],
                                      every=4000, seed=size)
    before = dict(followed_passes)
    seconds, rate = cpu(cer, reference, hypothesis)
    _gap_seconds[size] = seconds
    followed = {key: followed_passes[key] - before[key] for key in before}
    benchmark.extra_info.update(cpu_seconds=round(seconds, 3), gaps=reference.count("[illegible]"), cer=rate,
                                followed=followed)
    if size // 2 in _gap_seconds:
        benchmark.extra_info["ratio"] = round(seconds / _gap_seconds[size // 2], 2)
    benchmark.pedantic(cer, args=(reference, hypothesis), rounds=1, iterations=1)
