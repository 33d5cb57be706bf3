"""Throughput of every registered strategy and of the default pipeline on 1 MB of corpus OCR.

Each benchmark records characters per second and the peak of Python
allocations (tracemalloc, one separate untimed run) in ``extra_info``; the
lexicon's cold load time and memory are measured too.
"""
from __future__ import annotations

import pytest

from ocrfix import strategies
from ocrfix.pipeline import Pipeline

CANDIDATES = strategies.names() + ["pipeline"]


@pytest.mark.parametrize("name", CANDIDATES)
def test_throughput(benchmark, corpus_text, peak_memory, name):
    pipeline = Pipeline(None if name == "pipeline" else [name])
    pipeline.run(corpus_text[:20_000])  # warm caches (lexicon, models) outside the timing
    result = benchmark.pedantic(pipeline.run, args=(corpus_text,), rounds=2, iterations=1)
    benchmark.extra_info["chars"] = len(corpus_text)
    benchmark.extra_info["chars_per_second"] = round(len(corpus_text) / benchmark.stats.stats.mean)
    benchmark.extra_info["edits"] = len(result.edits)
    benchmark.extra_info["peak_mb"] = round(peak_memory(pipeline.run, corpus_text), 1)


def test_lexicon_load(benchmark, peak_memory):
    lexicon = pytest.importorskip("ocrfix.lexicon")
    cold_load = lexicon.load.__wrapped__  # the uncached loader: what a new process pays
    benchmark.pedantic(cold_load, rounds=3, iterations=1)
    benchmark.extra_info["peak_mb"] = round(peak_memory(cold_load), 1)
