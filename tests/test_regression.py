"""The fast regression test: the default pipeline must not make any corpus subset worse.

It runs the default pipeline, as shipped (no refitting), on the seed and on a
fixed sample of every other subset of the embedded corpus, and fails if any
subset's corrected CER (micro, against the logical ground truth) is above its
raw CER — or if the seed is not clearly improved.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from ocrfix import bench, corpus
from ocrfix.bench.folds import sample

SAMPLE_CHARS = 15_000  # of OCR per subset: a few documents each, seconds to run


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> bench.Report:
    documents = corpus.load()
    chosen = [d for d in documents if d.meta.get("subset") == "seed"]
    chosen += sample([d for d in documents if d.meta.get("subset") != "seed"], SAMPLE_CHARS)
    folder = tmp_path_factory.mktemp("regression-corpus")
    entries = []
    for document in chosen:
        files = {key: os.fspath(path.resolve()) for key, path in document.files.items()}  # absolute: a manifest path joins onto it
        entries.append({"id": document.id, **document.meta, **files})
    (folder / "manifest.json").write_text(json.dumps({"format": "ocrfix-corpus/1", "documents": entries}))
    return bench.run(folder, ["pipeline"], folds=1, progress=False)


def test_no_subset_gets_worse(report: bench.Report) -> None:
    subsets = [row for row in report.rows if row.scope == "subset"]
    assert subsets, "no subset was scored"
    worse = [f"{row.group}: {row.raw_cer:.4f} -> {row.cer:.4f}" for row in subsets if row.cer > row.raw_cer]
    assert not worse, f"the default pipeline raised the CER of: {', '.join(worse)}"


def test_seed_is_repaired(report: bench.Report) -> None:
    seed = next(row for row in report.rows if row.scope == "subset" and row.group == "seed")
    assert seed.raw_cer > 0.07 and seed.cer < 0.015
