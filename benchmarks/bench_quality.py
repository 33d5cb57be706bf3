"""Speed of the quality estimate: throughput on 1 MB of corpus OCR and the cold load of its models.

Targets (issue 8): at least 2 MB/s on one core; the estimator's models (the
calibration, the character n-gram model, the language word lists, the common
words' clear misprints drawn from the OCR error model) load in at most 0.5 s. The shared lexicon's load is measured by bench_pipeline.py.
"""
from __future__ import annotations

import time

from ocrfix import errormodel, quality
from ocrfix import charlm
from ocrfix.quality import language, tokentable, words

TARGET_CHARS_PER_SECOND = 2_000_000  # issue 8: >= 2 MB/s on one core (CPU time; the machine may be shared)
TARGET_LOAD_SECONDS = 0.5


def _cold_tokens() -> tuple[tuple, dict]:
    """Forget every token seen before, so each round classifies its words afresh (as on new text)."""
    tokentable._TABLE = None
    tokentable.shared_table()  # the lexicon and models stay loaded: they are measured below
    return (), {}


def _cpu_chars_per_second(text: str, *, cold: bool, runs: int = 3) -> int:
    """Characters per CPU second of an estimate, the best of ``runs`` (as timeit takes its minimum: on a
    shared machine, other jobs only ever slow a run down, through caches and memory bandwidth, and CPU
    time still counts that; wall time overstates more)."""
    best = float("inf")
    for _ in range(runs):
        if cold:
            _cold_tokens()
        start = time.process_time()
        quality.estimate(text)
        best = min(best, time.process_time() - start)
    return round(len(text) / best)


def _assert_speed(chars_per_cpu_second: int) -> None:
    assert chars_per_cpu_second >= TARGET_CHARS_PER_SECOND, f"{chars_per_cpu_second:,} chars/s of CPU time"


def test_estimate_throughput(benchmark, corpus_text, peak_memory):
    quality.estimate(corpus_text[:20_000])  # load the lexicon and models outside the timing
    report = benchmark.pedantic(quality.estimate, args=(corpus_text,), rounds=3, iterations=1)
    benchmark.extra_info["chars"] = len(corpus_text)
    benchmark.extra_info["chars_per_second"] = round(len(corpus_text) / benchmark.stats.stats.mean)
    benchmark.extra_info["chars_per_cpu_second"] = _cpu_chars_per_second(corpus_text, cold=False)
    benchmark.extra_info["pages"] = len(report.pages)
    benchmark.extra_info["peak_mb"] = round(peak_memory(quality.estimate, corpus_text), 1)
    _assert_speed(benchmark.extra_info["chars_per_cpu_second"])


def test_estimate_throughput_new_words(benchmark, corpus_text):
    """As on text never seen: every distinct token is classified again in each round."""
    quality.estimate(corpus_text[:20_000])
    benchmark.pedantic(lambda: quality.estimate(corpus_text), setup=_cold_tokens, rounds=3, iterations=1)
    benchmark.extra_info["chars_per_second"] = round(len(corpus_text) / benchmark.stats.stats.mean)
    benchmark.extra_info["chars_per_cpu_second"] = _cpu_chars_per_second(corpus_text, cold=True)
    _assert_speed(benchmark.extra_info["chars_per_cpu_second"])


def _load_models() -> None:
    quality.load_model.__wrapped__(None)
    charlm.load.__wrapped__()
    language.stopwords.__wrapped__()
    errormodel._default.__wrapped__()
    words.clear_misprints.__wrapped__()


def test_model_load(benchmark, peak_memory):
    benchmark.pedantic(_load_models, rounds=3, iterations=1)
    benchmark.extra_info["peak_mb"] = round(peak_memory(_load_models), 1)
    started = time.process_time()
    _load_models()
    assert time.process_time() - started <= TARGET_LOAD_SECONDS


def test_estimate_page_by_page(benchmark, corpus_text):
    """A folder of pages estimated one call per page (2,500 characters each, tokens seen before):
    recorded, not held to the 2 MB/s target. 2 MB/s leaves such a page 1.25 ms, about what one
    call costs on a one-line text (a few hundred numpy calls on small arrays), so it misses (the
    README's speed table has the figures)."""
    pages = [corpus_text[start:start + 2_500] for start in range(0, 300_000, 2_500)]

    def each_page() -> None:
        for page in pages:
            quality.estimate(page)

    each_page()
    benchmark.pedantic(each_page, rounds=3, iterations=1)
    started = time.process_time()
    each_page()
    seconds = time.process_time() - started
    benchmark.extra_info["chars_per_cpu_second"] = round(300_000 / seconds)
    benchmark.extra_info["ms_per_page"] = round(seconds / len(pages) * 1000, 2)
