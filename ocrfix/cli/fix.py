"""``ocrfix fix``: correct OCR text with a pipeline of strategies, recording every edit."""
from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from concurrent.futures import ProcessPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # imported when run: the library loads only for the subcommand that needs it
    from ocrfix.pipeline import Pipeline, Result

# What a folder run picks up: OCR text and the XML formats the readers know.
INPUT_SUFFIXES = (".txt", ".hocr", ".html", ".htm", ".xhtml", ".xml")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "fix", aliases=["correct"],  # `correct` as in the library's ocrfix.correct()
        help="correct OCR text (dedup, layout, dictionary) and record every edit",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.fill(
            "Correct OCR output with a pipeline of strategies. IN is a file (plain text, hOCR, ALTO or "
            "PAGE XML) or a folder of them; the corrected text goes to OUT (a file, or a folder when IN is "
            "one; standard output when IN is a file and no -o is given). Plain text keeps its layout; "
            "hOCR/ALTO/PAGE become text, pages separated by form feeds. Inputs are never overwritten, "
            "outputs are written atomically, and a folder run skips files whose output is already newer "
            "than the input (run again after an interruption to resume).", 79),
        epilog="examples:\n"
               "  ocrfix fix page.txt -o page.fixed.txt --explain\n"
               "  ocrfix fix scans/ -o fixed/ --strategies dedup --edits edits/ --jobs 2\n"
               "  ocrfix fix page.hocr --edits page.edits.json > page.txt")
    parser.add_argument("input", metavar="IN", help="OCR file or folder")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (folder when IN is a folder)")
    parser.add_argument("--strategies", metavar="A,B", type=_names,
                        help="comma-separated strategies in the order to run them (default: the default pipeline; "
                             "'none' changes nothing); known: " + _known())
    parser.add_argument("--explain", action="store_true",
                        help="print what was changed, where and why (to standard error when the text goes to "
                             "standard output)")
    parser.add_argument("--edits", metavar="PATH",
                        help="write the edits as JSON (schema in README): a file, or a folder when IN is a folder")
    parser.add_argument("--jobs", type=int, default=1, help="files corrected in parallel (default: 1; 0: one per core)")
    parser.add_argument("--force", action="store_true", help="redo files whose output is already up to date")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="for a file to standard output: the text, or JSON with text and edits; for a folder: "
                             "the summary's format")
    parser.set_defaults(func=run)


def _names(value: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    return [] if names == ["none"] else names


def _known() -> str:
    from ocrfix.strategies import names

    return ", ".join(names())


@dataclass(frozen=True)
class Job:
    """One input file and where its results go."""

    source: Path
    output: Path | None
    edits: Path | None


def run(args: argparse.Namespace) -> int:
    from ocrfix.errors import OcrfixError
    from ocrfix.pipeline import Pipeline

    try:
        pipeline = Pipeline(args.strategies)
    except ValueError as error:
        raise OcrfixError(str(error), "--strategies") from None
    source = Path(args.input)
    if source.is_dir():
        return _run_folder(args, source, pipeline)
    if not source.exists():
        raise OcrfixError("no such file or folder", source)
    job = Job(source, Path(args.output) if args.output else None, Path(args.edits) if args.edits else None)
    result = _correct(pipeline, job)
    if job.output is None:
        if args.format == "json":
            print(json.dumps({"source": str(source), "text": result.text, **result.to_dict()}, ensure_ascii=False))
        else:
            sys.stdout.write(result.text)
    if args.explain:
        print(result.explain(), file=sys.stderr if job.output is None else sys.stdout)
    return 0


def _correct(pipeline: Pipeline, job: Job) -> Result:
    """Read, correct and write one file; the Result."""
    from ocrfix.io import read, read_text, write_text_atomic

    # Plain text is corrected as it is, byte for byte; the XML formats through their document model.
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


def _plan(source: Path, output: Path, edits: Path | None) -> list[Job]:
    from ocrfix.errors import OcrfixError

    jobs, seen = [], {}
    for path in sorted(source.rglob("*")):
        relative = path.relative_to(source)
        if not path.is_file() or path.suffix.lower() not in INPUT_SUFFIXES or any(part.startswith(".") for part in relative.parts):
            continue
        name = relative if path.suffix.lower() == ".txt" else relative.with_suffix(".txt")
        if name in seen:
            raise OcrfixError(f"{seen[name]} and {relative} would both be written to {output / name}", source)
        seen[name] = relative
        jobs.append(Job(path, output / name, edits / name.with_suffix(".edits.json") if edits else None))
    return jobs


def _finished(job: Job) -> bool:
    """Are this job's outputs already newer than its input (so an interrupted run can resume)?"""
    made = [job.output] + ([job.edits] if job.edits else [])
    source_time = job.source.stat().st_mtime
    return all(path is not None and path.exists() and path.stat().st_mtime >= source_time for path in made)


_WORKER_PIPELINE: Pipeline | None = None


def _start_worker(pipeline: Pipeline) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = pipeline


def _work(job: Job) -> dict[str, Any]:
    from ocrfix.errors import OcrfixError

    try:
        result = _correct(_WORKER_PIPELINE, job)
    except OcrfixError as error:
        return {"source": str(job.source), "error": str(error)}
    return {"source": str(job.source), "output": str(job.output), "edits": len(result.edits),
            "removed_chars": len(result.original) - len(result.text)}


def _run_folder(args: argparse.Namespace, source: Path, pipeline: Pipeline) -> int:
    from tqdm import tqdm

    from ocrfix.errors import OcrfixError

    if not args.output:
        raise OcrfixError("a folder needs -o OUT (a folder)", source)
    if args.explain:
        raise OcrfixError("--explain is for one file; for a folder, --edits DIR records every edit", source)
    output = Path(args.output)
    for target in (output, Path(args.edits) if args.edits else None):
        if target is not None and (target.resolve() == source.resolve() or source.resolve() in target.resolve().parents):
            raise OcrfixError("output folders must lie outside the input folder", target)
    if output.exists() and not output.is_dir():
        raise OcrfixError("is a file; IN is a folder, so OUT must be a folder", output)
    jobs = _plan(source, output, Path(args.edits) if args.edits else None)
    todo = [job for job in jobs if args.force or not _finished(job)]
    records: list[dict[str, Any]] = []
    workers = args.jobs or os.cpu_count() or 1
    with tqdm(total=len(todo), unit="file", desc="fix", disable=None, file=sys.stderr) as bar, ExitStack() as stack:
        if workers == 1:
            _start_worker(pipeline)
            results = map(_work, todo)
        else:  # the pool is shut down however the loop ends (an interrupt, a strategy's bug)
            executor = stack.enter_context(
                ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(pipeline,)))
            results = executor.map(_work, todo, chunksize=1)
        for record in results:
            records.append(record)
            bar.update()
    failed = [record for record in records if "error" in record]
    summary = {"files": len(jobs), "corrected": len(records) - len(failed), "skipped": len(jobs) - len(todo),
               "failed": len(failed), "edits": sum(record.get("edits", 0) for record in records), "results": records}
    if args.format == "json":
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        print(f"{summary['corrected']} corrected, {summary['skipped']} already done, {summary['failed']} failed; "
              f"{summary['edits']} edits -> {output}")
        for record in failed:
            print(f"ocrfix fix: {record['error']}", file=sys.stderr)
    return 2 if failed else 0
