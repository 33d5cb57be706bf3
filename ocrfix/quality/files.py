"""The quality of many OCR files at once: a row per page, worst first, as a table, JSON or CSV (``ocrfix quality``).

A row is a page's :meth:`~ocrfix.quality.PageQuality.to_dict` with its ``file``;
a file of a folder that cannot be read is one ``not text`` row with its
``error``, so one bad file does not stop a run over thousands.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("The committee met on Tuesday and agreed the accounts for the year. "
...                                    "The secretary read a letter from the bishop about the new school.")
>>> _ = (folder / "b.txt").write_text("Tbe cornrnittee rnet ou Tuesclay aud agrced tbe acconnts for tbe ycar. "
...                                    "Tbe sccretary rcad a lettcr frorn tbe bisbop abont tbe ncw scbool.")
>>> rows = estimate_files(ocr_files(folder))
>>> [Path(row["file"]).name for row in rows], rows[0]["cer"] > rows[1]["cer"]
(['b.txt', 'a.txt'], True)
>>> table(rows).splitlines()[-1]
'2 pages: 1 correctable, 1 ok'
"""
from __future__ import annotations

import csv
import io
import json
import sys
from collections import Counter
from collections.abc import Sequence
from itertools import repeat
from pathlib import Path
from typing import Any

from ocrfix.errors import OcrfixError
from ocrfix.io import read as read_ocr
from ocrfix.io.files import OCR_SUFFIXES, PathLike, ocr_files_in
from ocrfix.jobs import workers
from ocrfix.quality import FEATURES, OK_BELOW, REOCR_ABOVE, Calibration, estimate

# Verdicts without a number, placed around the numbered pages when sorting worst first.
_FIRST = ("not text",)
_LAST = ("unknown language", "empty")


def ocr_files(path: PathLike) -> list[Path]:
    """``path`` itself if it is a file; the OCR files of a folder (:func:`ocrfix.io.files.ocr_files_in`)."""
    path = Path(path)
    if path.is_dir():
        files = ocr_files_in(path)
        if not files:
            raise OcrfixError(f"no OCR files ({', '.join(OCR_SUFFIXES)}) in the folder", str(path))
        return files
    if not path.exists():
        raise OcrfixError("no such file or folder", str(path))
    return [path]


def estimate_files(files: Sequence[PathLike], *, model: PathLike | Calibration | None = None,
                   ok_below: float = OK_BELOW, reocr_above: float = REOCR_ABOVE, lines: int = 3, jobs: int = 1,
                   progress: bool | None = False) -> list[dict[str, Any]]:
    """A row per page of every file, worst first (:func:`worst_first`), with up to ``lines`` worst lines each.

    ``model``, ``ok_below`` and ``reocr_above`` are :func:`ocrfix.quality.estimate`'s. One file that
    cannot be read raises OcrfixError; among several it becomes a ``not text`` row. ``jobs`` > 1
    estimates files in that many processes (0: one per core); ``progress`` shows a bar (None: only on a terminal).
    """
    from ocrfix.progress import progress_bar

    options = (model, ok_below, reocr_above, lines)
    single = len(files) == 1
    jobs = workers(jobs)
    rows: list[dict[str, Any]] = []
    with progress_bar(total=len(files), progress=False if single else progress, unit="file", desc="quality",
                      file=sys.stderr) as bar:
        if jobs > 1 and not single:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=jobs) as pool:
                for result in pool.map(_estimate_file, files, repeat(options), repeat(False)):
                    rows.extend(result)
                    bar.update()
        else:
            for path in files:
                rows.extend(_estimate_file(path, options, single))
                bar.update()
    rows.sort(key=worst_first)
    return rows


def _estimate_file(path: PathLike, options: tuple, strict: bool) -> list[dict[str, Any]]:
    model, ok_below, reocr_above, lines = options
    try:
        document = read_ocr(path)
    except OcrfixError as error:
        if strict:
            raise
        return [{"file": str(path), "page": None, "verdict": "not text", "cer": None, "low": None, "high": None,
                 "chars": 0, "language": None, "loop_share": 0.0, "signals": {}, "worst_lines": [],
                 "error": str(error)}]
    report = estimate(document, model=model, ok_below=ok_below, reocr_above=reocr_above)
    return [{"file": str(path), **page.to_dict(lines)} for page in report.pages]


def worst_first(row: dict[str, Any]) -> tuple:
    """Sort key: pages that are not text, then the numbered pages by estimated CER, highest first, then
    pages in an unknown language and empty ones; ties by file and page."""
    verdict = row["verdict"]
    band = 0 if verdict in _FIRST else 2 if verdict in _LAST else 1
    return band, _LAST.index(verdict) if verdict in _LAST else 0, -(row["cer"] or 0.0), row["file"], row["page"] or 0


def _percent(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f}%"


def table(rows: Sequence[dict[str, Any]], ok_below: float = OK_BELOW) -> str:
    """The rows as a plain-text table, each page's lines worse than it (and than ``ok_below``) under it,
    then a count per verdict."""
    out = io.StringIO()
    header = f"{'est. CER':>8}  {'80% interval':>15}  {'verdict':<16} {'chars':>6}  page"
    out.write(header + "\n")
    for row in rows:
        interval = f"{_percent(row['low'])}–{_percent(row['high'])}" if row["cer"] is not None else ""
        where = f"{row['file']}:{row['page']}" if row["page"] is not None else row["file"]
        out.write(f"{_percent(row['cer']):>8}  {interval:>15}  {row['verdict']:<16} {row['chars']:>6}  {where}\n")
        if row.get("error"):
            out.write(f"{'':>8}  {row['error']}\n")
        for line in row["worst_lines"]:
            if line["loop"] or (row["cer"] is not None and line["cer"] > max(ok_below, row["cer"])):
                mark = "loop" if line["loop"] else _percent(line["cer"])
                text = " ".join(line["text"].split())
                out.write(f"{'':>8}  line {line['line']:>3} {mark:>6}  {text[:70]}\n")
    counts = Counter(row["verdict"] for row in rows).most_common()  # ties in the order the rows have them
    out.write(f"{len(rows)} page{'s' * (len(rows) != 1)}: " + ", ".join(f"{n} {v}" for v, n in counts) + "\n")
    return out.getvalue()


def to_json(rows: Sequence[dict[str, Any]]) -> str:
    """The rows as JSON (format ``ocrfix-quality/1``)."""
    return json.dumps({"format": "ocrfix-quality/1", "pages": list(rows)}, indent=1, ensure_ascii=False) + "\n"


def to_csv(rows: Sequence[dict[str, Any]]) -> str:
    """The rows as CSV, a column per signal of :data:`ocrfix.quality.FEATURES` (worst lines left out)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["file", "page", "verdict", "cer", "low", "high", "chars", "language", "loop_share", *FEATURES])
    for row in rows:
        writer.writerow([row["file"], row["page"], row["verdict"], row["cer"], row["low"], row["high"], row["chars"],
                         row["language"], row["loop_share"], *(row["signals"].get(name, "") for name in FEATURES)])
    return out.getvalue()
