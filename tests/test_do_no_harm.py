"""Do no harm: every strategy, run on clean text, changes (almost) nothing.

Each registered strategy corrects every LOGICAL ground truth of the corpus (the
seed's included, its ``[illegible]`` markers left as they are); the characters
it changes, measured by ``ocrfix.metrics`` under the ``default`` profile and
summed over the corpus, must stay at or below 0.1% of the ground truth's.
Run with ``-s`` to see the figure per strategy.
"""
from __future__ import annotations

import pytest

from ocrfix import corpus, strategies
from ocrfix.metrics import score
from ocrfix.pipeline import Pipeline

LIMIT = 0.001


@pytest.fixture(scope="module")
def ground_truths() -> list[tuple[str, str]]:
    documents = corpus.load()
    assert documents, "the corpus is empty"
    return [(document.id, document.gt) for document in documents]


@pytest.mark.parametrize("name", strategies.names())
def test_strategy_leaves_clean_text_alone(name, ground_truths):
    pipeline = Pipeline([name])
    changed = total = 0
    worst: list[tuple[int, str]] = []
    for document, truth in ground_truths:
        result = pipeline.run(truth)
        measured = score(truth, result.text, "default")
        changed += measured.distance
        total += measured.reference_length
        if measured.distance:
            worst.append((measured.distance, f"{document}: {result.explain()[:400]}"))
    share = changed / total
    print(f"\ndo no harm: {name} changed {changed} of {total} characters ({share:.4%}) on {len(ground_truths)} ground truths")
    worst.sort(reverse=True)
    assert share <= LIMIT, "\n".join(text for _, text in worst[:5])
