"""The benchmark suite: which correction strategies reduce OCR error, by how much, what they break, how fast.

:func:`run` scores every candidate (each registered strategy alone, each
cumulative prefix of the default pipeline, the pipeline itself, and the
off-the-shelf peers) on every document of a corpus, against the logical ground
truth. Strategies that learn from (OCR, ground truth) pairs through ``fit`` are
cross-validated by document: each fold is scored by an instance fitted on the
other folds, and documents sharing a ground truth stay in one fold.

>>> report = run(strategies=["dedup"], progress=False)   # the repository's corpus
>>> seed = next(row for row in report.rows if row.scope == "subset" and row.group == "seed")
>>> seed.cer < seed.raw_cer
True
"""
from __future__ import annotations

import os
import platform
import sys
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

from ocrfix import __version__
from ocrfix import corpus as corpus_module
from ocrfix.bench import sections
from ocrfix.bench.candidates import Candidate, instantiate, resolve, trainable
from ocrfix.bench.evaluate import DocumentResult, evaluate_document
from ocrfix.bench.folds import folds as make_folds
from ocrfix.bench.folds import sample as make_sample
from ocrfix.bench.leaderboard import Row, rows
from ocrfix.corpus import CorpusDocument
from ocrfix.errors import OcrfixError
from ocrfix.profiles import PROFILES
from ocrfix.jobs import workers
from ocrfix.pipeline import Strategy

FORMAT = "ocrfix-bench/1"


@dataclass
class Report:
    """A benchmark run: the leaderboard rows, per-document results and how the run was made."""

    rows: list[Row]
    documents: list[DocumentResult]
    candidates: list[Candidate]
    info: dict[str, Any]
    sections: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The run as JSON-able data (the ``--format json`` output and the saved JSON file)."""
        return {
            "format": FORMAT,
            **self.info,
            "candidates": [
                {"name": c.name, "label": c.label, "kind": c.kind, "steps": list(c.steps),
                 "cross_validated": any(trainable(step) for step in c.steps) and self.info["settings"]["folds_used"] > 1}
                for c in self.candidates
            ],
            "rows": [row.to_dict() for row in self.rows],
            "documents": [
                {"id": d.id, **d.meta, "chars": d.chars, "raw_cer": d.raw.cer, "raw_wer": d.raw.wer,
                 "results": {name: {"cer": o.corrected.cer, "wer": o.corrected.wer, "edits": o.edits,
                                    "helpful": o.helpful, "harmful": o.harmful, "damage": o.damage,
                                    "seconds": round(o.seconds, 6)}
                             for name, o in d.outcomes.items()}}
                for d in self.documents
            ],
            "sections": self.sections,
        }


def run(
    corpus: str | os.PathLike[str] | None = None,
    strategies: Iterable[str] | None = None,
    *,
    folds: int = 5,
    jobs: int = 1,
    profile: str = "default",
    peer_sample: int | None = None,
    progress: bool | None = None,
) -> Report:
    """Benchmark ``strategies`` (default: all, see :mod:`ocrfix.bench.candidates`) on ``corpus``.

    ``corpus`` is a folder with a manifest or a plain folder of ``NAME.gt.txt``
    pairs (default: the repository's corpus). ``folds`` is the number of
    cross-validation folds for trainable strategies (1: use them as shipped).
    ``jobs`` processes score documents in parallel; throughput is per process.
    Slow peers (symspell.compound) run on a fixed sample of each subset:
    ``peer_sample`` characters of OCR (None: the peer's own ``sample_chars``;
    0: every document).
    ``progress`` shows a progress bar (None: when stderr is a terminal).
    Raises :class:`ocrfix.errors.OcrfixError` for bad input, before any work.
    """
    started = time.perf_counter()
    if profile not in PROFILES:
        raise OcrfixError(f"unknown profile {profile!r}; known: {', '.join(PROFILES)}")
    if folds < 1:
        raise OcrfixError(f"folds must be at least 1, not {folds}")
    workers(jobs)  # checked before any work
    if peer_sample is not None and peer_sample < 0:
        raise OcrfixError(f"peer_sample must be 0 (every document) or more, not {peer_sample}")
    candidates = resolve(strategies)
    folder = Path(corpus) if corpus is not None else corpus_module.DEFAULT_PATH
    documents = corpus_module.load(folder)
    steps = [step for candidate in candidates for step in candidate.steps]
    fitting = folds > 1 and any(trainable(step) for step in steps)
    cross_folds = make_folds(documents, folds)
    # A single group cannot be cross-validated: trainable strategies then run as shipped.
    partition = cross_folds if fitting and len(cross_folds) > 1 else [list(documents)]

    candidates, samples = _sample_slow_peers(candidates, documents, peer_sample)
    results = _score(documents, partition, candidates, samples, steps, profile, jobs, progress)
    ordered = [results[document.id] for document in documents]
    info = {
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "seconds": None,
        "versions": _versions(),
        "machine": _machine(),
        "corpus": {
            "path": str(folder),
            "fingerprint": corpus_module.fingerprint(folder),
            "documents": len(documents),
            "chars": sum(len(d.ocr) for d in documents),
            "subsets": sorted({str(d.meta.get("subset")) for d in documents}),
        },
        "settings": {"profile": profile, "folds": folds, "folds_used": len(partition), "jobs": jobs,
                     "peer_sample_chars": peer_sample,
                     "sampled_documents": {name: len(ids) for name, ids in samples.items()},
                     "strategies": [c.name for c in candidates]},
    }
    report = Report(rows(ordered, candidates), ordered, candidates, info, sections.compute(documents, cross_folds))
    info["seconds"] = round(time.perf_counter() - started, 2)
    return report


def _sample_slow_peers(candidates: list[Candidate], documents: list[CorpusDocument],
                       peer_sample: int | None) -> tuple[list[Candidate], dict[str, set[str]]]:
    """The candidates, those that run on a sample marked ``sampled``; per such candidate the ids it runs on."""
    marked: list[Candidate] = []
    samples: dict[str, set[str]] = {}
    for candidate in candidates:
        budget = candidate.sample_chars if peer_sample is None else (peer_sample if candidate.sample_chars else 0)
        chosen = {document.id for document in make_sample(documents, budget)} if budget else set()
        if budget and len(chosen) < len(documents):
            samples[candidate.name] = chosen
            candidate = replace(candidate, sampled=True)
        marked.append(candidate)
    return marked, samples


def _score(documents: list[CorpusDocument], partition: list[list[CorpusDocument]], candidates: list[Candidate],
           samples: dict[str, set[str]], steps: list[str], profile: str, jobs: int,
           progress: bool | None) -> dict[str, DocumentResult]:
    """Every document's results by id: each fold scored by strategies fitted on the others (one fold: as shipped)."""
    from ocrfix.progress import progress_bar

    results: dict[str, DocumentResult] = {}
    with progress_bar(total=len(documents), progress=progress, desc="ocrfix bench", unit="doc", file=sys.stderr) as bar:
        for fold in partition:
            held_out = {document.id for document in fold}
            pairs = [(d.ocr, d.gt) for d in documents if d.id not in held_out] if len(partition) > 1 else None
            instances = instantiate(steps, pairs)
            tasks = [(document, [c for c in candidates if document.id in samples.get(c.name, (document.id,))])
                     for document in fold]
            for result in _evaluate(tasks, instances, profile, jobs):
                results[result.id] = result
                bar.update()
    return results


_WORKER: dict[str, Any] = {}


def _init_worker(instances: dict[str, Strategy], profile: str) -> None:
    _WORKER.update(instances=instances, profile=profile)


def _evaluate_in_worker(task: tuple[CorpusDocument, list[Candidate]]) -> DocumentResult:
    return evaluate_document(task[0], task[1], _WORKER["instances"], _WORKER["profile"])


def _evaluate(tasks: Sequence[tuple[CorpusDocument, list[Candidate]]], instances: dict[str, Strategy],
              profile: str, jobs: int) -> Iterable[DocumentResult]:
    jobs = workers(jobs)
    if jobs == 1 or len(tasks) < 2:
        for document, candidates in tasks:
            yield evaluate_document(document, candidates, instances, profile)
        return
    import multiprocessing

    # Fork: workers inherit the fitted strategies and loaded peers instead of unpickling or reloading them.
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), mp_context=context, initializer=_init_worker,
                             initargs=(instances, profile)) as executor:
        yield from executor.map(_evaluate_in_worker, tasks, chunksize=1)


def _versions() -> dict[str, str | None]:
    versions: dict[str, str | None] = {"ocrfix": __version__, "python": platform.python_version()}
    for package in ("rapidfuzz", "numpy", "regex", "symspellpy", "pyspellchecker"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return versions


def _machine() -> dict[str, Any]:
    return {"platform": platform.platform(), "machine": platform.machine(), "processor": platform.processor() or None,
            "cpus": os.cpu_count(), "implementation": platform.python_implementation()}


__all__ = ["Report", "Row", "run"]
