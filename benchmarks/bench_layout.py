"""layout's speed: at least 2 MB/s on one core, linear in length.

The input is the corpus's OCR (pages separated by form feeds) cycled to 5 MB
and to 20 MB. The lexicon is loaded before timing (it is loaded once per
process). The target is checked where users meet it, through ``Pipeline.run``
(the strategy's work plus the pipeline's checks of each of layout's many
edits, one per join, some 15 000 a megabyte); ``propose`` alone is recorded
beside it. Targets are checked on CPU time (``time.process_time``, the best of
three runs), which the other jobs on a shared machine disturb much less than
wall time.
"""
from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from ocrfix.lexicon import load
from ocrfix.pipeline import Pipeline
from ocrfix.strategies.layout import Layout

MEGABYTE = 1_000_000


@pytest.fixture(scope="module")
def inputs(corpus_text):
    load()
    return {size: (corpus_text * (size + 1))[:size * MEGABYTE] for size in (5, 20)}


def cpu_seconds(work: Callable[[str], object], text: str) -> float:
    started = time.process_time()
    work(text)
    return time.process_time() - started


def test_layout_throughput(benchmark, inputs):
    pipeline = Pipeline(["layout"])
    text = inputs[5]
    result = benchmark.pedantic(pipeline.run, args=(text,), rounds=3, iterations=1)
    benchmark.extra_info["chars"] = len(text)
    benchmark.extra_info["chars_per_second"] = round(len(text) / benchmark.stats.stats.mean)
    benchmark.extra_info["edits"] = len(result.edits)


def test_layout_targets(inputs):
    strategy = Layout()
    assert strategy.propose(inputs[5]), "layout found nothing to join or remove in real OCR"
    through_run = min(cpu_seconds(Pipeline([strategy]).run, inputs[5]) for _ in range(3))
    small = min(cpu_seconds(strategy.propose, inputs[5]) for _ in range(3))
    large = cpu_seconds(strategy.propose, inputs[20])
    speed = len(inputs[5]) / through_run / MEGABYTE
    print(f"\nlayout: 5 MB through Pipeline.run in {through_run:.2f} s CPU ({speed:.1f} MB/s; propose alone "
          f"{len(inputs[5]) / small / MEGABYTE:.1f} MB/s), 20 MB in {large:.2f} s CPU ({large / small:.1f}x)")
    assert speed >= 2, f"{speed:.1f} MB/s"
    assert large / small <= 6, f"20 MB took {large / small:.1f}x the time of 5 MB: not linear"
