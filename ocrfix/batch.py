"""Correcting OCR files and folders: what ``ocrfix fix`` does, as library calls.

:func:`correct_file` reads one file (plain text, hOCR, ALTO or PAGE XML), corrects it and writes the text
and the edits; :func:`correct_folder` does that for every OCR file under a folder, in parallel if asked,
skipping files whose outputs are already newer than their input (so an interrupted run resumes).
Inputs are never overwritten, and every output is written atomically.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> (folder / "scans").mkdir(); _ = (folder / "scans" / "page.txt").write_text("Dear Sir,\\nit has been been been a year.\\n")
>>> summary = correct_folder(folder / "scans", folder / "fixed", strategies=["dedup"], progress=False)
>>> summary["corrected"], (folder / "fixed" / "page.txt").read_text()
(1, 'Dear Sir,\\nit has been a year.\\n')
>>> correct_folder(folder / "scans", folder / "fixed", strategies=["dedup"], progress=False)["skipped"]
1
"""
from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ocrfix.errors import OcrfixError
from ocrfix.io import read, read_text, write_text_atomic
from ocrfix.io.files import PathLike, check_writable, ocr_files_in
from ocrfix.jobs import workers
from ocrfix.pipeline import Pipeline, Result, StrategyLike, start_worker, worker_pipeline
from ocrfix.progress import progress_bar

@dataclass(frozen=True)
class Job:
    """One input file and where its results go (None: not written)."""

    source: Path
    output: Path | None
    edits: Path | None


def correct_file(source: PathLike, output: PathLike | None = None, *, edits: PathLike | None = None,
                 strategies: Pipeline | Sequence[StrategyLike] | None = None) -> Result:
    """Correct one OCR file; write the text to ``output`` and the edits as JSON to ``edits`` (each if given).

    Plain text is corrected as it is, byte for byte; hOCR, ALTO and PAGE XML through their document model
    (the text of their pages, separated by form feeds). ``strategies``: a :class:`Pipeline` or what it takes
    (None: the default pipeline).
    """
    source = Path(source)
    if not source.exists():
        raise OcrfixError("no such file or folder", source)
    if output is not None and edits is not None and Path(output).resolve() == Path(edits).resolve():
        raise OcrfixError("the corrected text and the edits would be written to the same file", edits)
    return _correct(_pipeline(strategies), Job(source, _path(output), _path(edits)))


def plan(source: PathLike, output: PathLike, edits: PathLike | None = None) -> list[Job]:
    """A :class:`Job` for every OCR file under the folder ``source`` (:func:`ocrfix.io.files.ocr_files_in`:
    hidden files and ground truths left out): its text goes to the same relative path under ``output``, as
    ``.txt``, its edits under ``edits`` as ``.edits.json``."""
    source, output, edits = Path(source), Path(output), _path(edits)
    jobs, seen = [], {}
    for path in ocr_files_in(source):
        relative = path.relative_to(source)
        name = relative if path.suffix.lower() == ".txt" else relative.with_suffix(".txt")
        if name in seen:
            raise OcrfixError(f"{seen[name]} and {relative} would both be written to {output / name}", source)
        seen[name] = relative
        jobs.append(Job(path, output / name, edits / name.with_suffix(".edits.json") if edits else None))
    return jobs


def correct_folder(source: PathLike, output: PathLike, *, edits: PathLike | None = None,
                   strategies: Pipeline | Sequence[StrategyLike] | None = None, jobs: int = 1, force: bool = False,
                   progress: bool | None = None) -> dict[str, Any]:
    """Correct every OCR file under ``source`` into ``output`` (and edits into ``edits``), ``jobs`` files at
    a time (0: one per core), with a progress bar as ``progress`` says (None: only on a terminal). Files whose outputs are newer than their
    input are skipped unless ``force``. A file that cannot be read is reported, not raised: the summary
    (files, corrected, skipped, failed, edits, and a record per file corrected or failed) says which.
    """
    source, output, edits = Path(source), Path(output), _path(edits)
    if not source.is_dir():
        raise OcrfixError("no such folder", source)
    for target in (output, edits) if edits else (output,):
        if target.resolve() == source.resolve() or source.resolve() in target.resolve().parents:
            raise OcrfixError("output folders must lie outside the input folder", target)
        if target.exists() and not target.is_dir():
            raise OcrfixError("is a file; the input is a folder, so the output must be a folder", target)
        check_writable(target, folder=True)  # one error now, not one per file after correcting it
    processes = workers(jobs)
    pipeline = _pipeline(strategies)
    planned = plan(source, output, edits)
    todo = [job for job in planned if force or not _finished(job)]
    processes = min(processes, len(todo))  # a pool starts all its workers at once
    records: list[dict[str, Any]] = []
    with progress_bar(total=len(todo), progress=progress, unit="file", desc="fix", file=sys.stderr) as bar, \
            ExitStack() as stack:
        if processes <= 1:
            results = (_record(pipeline, job) for job in todo)
        else:  # the pool is shut down however the loop ends (an interrupt, a strategy's bug)
            executor = stack.enter_context(ProcessPoolExecutor(
                max_workers=processes, initializer=start_worker, initargs=(pipeline,)))
            results = executor.map(_record_in_worker, todo, chunksize=1)
        for record in results:
            records.append(record)
            bar.update()
    failed = sum("error" in record for record in records)
    return {"files": len(planned), "corrected": len(records) - failed, "skipped": len(planned) - len(todo),
            "failed": failed, "edits": sum(record.get("edits", 0) for record in records), "results": records}


def _path(value: PathLike | None) -> Path | None:
    return None if value is None else Path(value)


def _pipeline(strategies: Pipeline | Sequence[StrategyLike] | None) -> Pipeline:
    if isinstance(strategies, Pipeline):
        return strategies
    try:
        return Pipeline(strategies)
    except ValueError as error:
        raise OcrfixError(str(error), "strategies") from None


def _correct(pipeline: Pipeline, job: Job) -> Result:
    """Read, correct and write one file; the Result."""
    document = None if job.source.suffix.lower() == ".txt" else read(job.source)
    if document is None or document.format == "text":
        result, input_format = pipeline.run(read_text(job.source)), "text"
    else:
        result, input_format = pipeline.run(document), document.format
    if job.output is not None:
        write_text_atomic(job.output, result.text, inputs=(job.source,))
    if job.edits is not None:
        record = {"source": str(job.source), "input_format": input_format, **result.to_dict()}
        write_text_atomic(job.edits, json.dumps(record, ensure_ascii=False, indent=1) + "\n", inputs=(job.source,))
    return result


def _finished(job: Job) -> bool:
    """Are this job's outputs already newer than its input (so an interrupted run can resume)?"""
    made = [job.output] + ([job.edits] if job.edits else [])
    source_time = job.source.stat().st_mtime
    return all(path is not None and path.exists() and path.stat().st_mtime >= source_time for path in made)


def _record_in_worker(job: Job) -> dict[str, Any]:
    return _record(worker_pipeline(), job)


def _record(pipeline: Pipeline, job: Job) -> dict[str, Any]:
    """Correct one job's file; what the summary says of it (an error is reported, not raised)."""
    try:
        result = _correct(pipeline, job)
    except OcrfixError as error:
        return {"source": str(job.source), "error": str(error)}
    return file_record(job.source, job.output, result)


def file_record(source: PathLike, output: PathLike | None, result: Result) -> dict[str, Any]:
    """What a summary says of one corrected file (a folder run's ``results``; ``ocrfix fix FILE -o OUT
    --format json``).

    >>> file_record("page.txt", "fixed/page.txt", Pipeline(["dedup"]).run("it was was was so"))
    {'source': 'page.txt', 'output': 'fixed/page.txt', 'edits': 1, 'removed_chars': 8}
    """
    return {"source": str(source), "output": None if output is None else str(output), "edits": len(result.edits),
            "removed_chars": len(result.original) - len(result.text)}
