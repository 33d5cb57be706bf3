"""Shared set-up of the speed suite (pytest-benchmark); run it with `make speed`.

Files named ``bench_*.py`` in this folder are collected. Fixtures:

- ``corpus_text``: about 1 MB of the corpus's OCR (documents joined by form
  feeds, cycled when the corpus is smaller), the input of every throughput test;
- ``peak_memory``: ``peak_memory(func, *args)`` runs ``func`` once under
  tracemalloc and returns the peak of Python allocations in MB (record it in
  ``benchmark.extra_info``; it is not timed).

After a run, benchmarks whose mean got slower than in the previous saved run by
more than ``OCRFIX_REGRESSION`` (default 25%) are listed as regressions (pass
``--benchmark-autosave`` to save runs, ``--benchmark-compare`` for the full
comparison table; `make speed` does both).
"""
from __future__ import annotations

import os

# The targets are for one core: numpy's BLAS runs one thread. With its default (a thread per core) its matrix
# products wake a second thread whose waiting counts as CPU time of the process, more CPU time than wall time:
# quality's new-words estimate read 1.95-2.51 MB/s of CPU time so, 3.0-3.3 with one thread (session 15).
# Set before any import of numpy; a value given in the environment is kept.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import json  # noqa: E402
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

MEGABYTE = 1_000_000
THRESHOLD = float(os.environ.get("OCRFIX_REGRESSION", "25")) / 100
_regressions: list[str] = []


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Module | None:
    # A file named on the command line is collected by pytest itself; only add those found in the folder.
    if file_path.suffix == ".py" and file_path.name.startswith("bench_") and not parent.session.isinitpath(file_path):
        return pytest.Module.from_parent(parent, path=file_path)
    return None


@pytest.fixture(scope="session")
def corpus_text() -> str:
    """About 1 MB (characters) of real corpus OCR."""
    from ocrfix.corpus import load

    documents = [document.ocr for document in load()]
    parts: list[str] = []
    size = 0
    while size < MEGABYTE:
        for text in documents:
            parts.append(text)
            size += len(text) + 1
            if size >= MEGABYTE:
                break
    return "\f".join(parts)[:MEGABYTE]


@pytest.fixture(scope="session")
def peak_memory() -> Callable[..., float]:
    def measure(func: Callable[..., Any], *args: Any) -> float:
        tracemalloc.start()
        try:
            func(*args)
            return tracemalloc.get_traced_memory()[1] / MEGABYTE
        finally:
            tracemalloc.stop()

    return measure


def _previous_run(storage: Path) -> dict[str, Any] | None:
    saved = sorted(storage.glob("*/*.json"), key=lambda path: path.name)
    if not saved:
        return None
    try:
        return json.loads(saved[-1].read_text())
    except (OSError, json.JSONDecodeError):
        return None


def pytest_benchmark_update_json(config: pytest.Config, benchmarks: list[Any], output_json: dict[str, Any]) -> None:
    """Compare with the last saved run before this one is saved; remember the regressions."""
    storage = Path(str(config.getoption("benchmark_storage")).removeprefix("file://"))
    previous = _previous_run(storage)
    if previous is None:
        return
    before = {bench["fullname"]: bench["stats"]["mean"] for bench in previous.get("benchmarks", [])}
    for bench in output_json.get("benchmarks", []):
        old = before.get(bench["fullname"])
        new = bench["stats"]["mean"]
        if old and new > old * (1 + THRESHOLD):
            _regressions.append(f"{bench['fullname']}: mean {old:.4f} s → {new:.4f} s (+{(new / old - 1) * 100:.0f}%)")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if _regressions:
        terminalreporter.section(f"speed regressions (> {THRESHOLD * 100:.0f}% slower than the last saved run)")
        for line in _regressions:
            terminalreporter.write_line(line)
