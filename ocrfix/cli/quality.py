"""``ocrfix quality``: estimate each page's CER without ground truth, worst first; or train the calibration."""
from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ocrfix.errors import OcrfixError

HELP = "estimate each page's CER without ground truth; flag loops, garbage and hopeless pages"

# Files read from a folder (ground-truth files NAME.gt.txt are left out).
SUFFIXES = (".txt", ".hocr", ".html", ".htm", ".xml")
# Verdicts without a number, placed around the numbered pages when sorting worst first.
_FIRST = ("not text",)
_LAST = ("unknown language", "empty")


def register(subparsers: argparse._SubParsersAction) -> None:
    from ocrfix.quality import OK_BELOW, REOCR_ABOVE

    parser = subparsers.add_parser(
        "quality", help=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Estimate the character error rate of every page of OCR output (plain text, pages split on "
                    "form feed; hOCR, ALTO or PAGE XML) without ground truth, with an 80% interval and a verdict:\n"
                    "  ok           estimated CER below --ok-below\n"
                    "  correctable  between the thresholds: worth running correction\n"
                    "  re-ocr       above --reocr-above: correction cannot save it\n"
                    "  loop         at least 5% of the page is a repetition loop\n"
                    "  empty, not text, unknown language: no number is given\n"
                    "Pages are listed worst first.\n\n"
                    "With --train, fit the calibration on a corpus of OCR with ground truth instead "
                    "(a manifest folder, or NAME.txt / NAME.gt.txt pairs) and write it to -o MODEL; "
                    "use it with --model MODEL.")
    parser.add_argument("input", nargs="?", metavar="IN", help="a file or a folder of OCR files")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table", help="output format (default: table)")
    parser.add_argument("--ok-below", type=float, default=OK_BELOW, metavar="CER",
                        help=f"pages estimated below this CER (a fraction: 0.02 is 2%%) are ok (default: {OK_BELOW})")
    parser.add_argument("--reocr-above", type=float, default=REOCR_ABOVE, metavar="CER",
                        help=f"pages estimated above this CER should be OCR'd again (default: {REOCR_ABOVE})")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="files estimated in parallel (default: 1)")
    parser.add_argument("--model", metavar="MODEL", help="a calibration written by --train (default: the shipped one)")
    parser.add_argument("--lines", type=int, default=3, metavar="N", help="worst lines shown per page (default: 3)")
    parser.add_argument("-o", "--output", metavar="PATH", help="write the report (or, with --train, the model) here")
    parser.add_argument("--train", action="store_true", help="fit a calibration on --corpus and write it to -o")
    parser.add_argument("--evaluate", action="store_true",
                        help="score the calibration (--model, or the shipped one) on --corpus without refitting: "
                             "Spearman, MAE, bias and interval coverage of estimated vs true page CER")
    parser.add_argument("--corpus", metavar="PATH", help="with --train or --evaluate: corpus folder (manifest.json or pairs)")
    parser.add_argument("--folds", type=int, default=5, metavar="K",
                        help="with --train: also print Spearman and MAE of estimated vs true page CER, "
                             "cross-validated by document in K folds (0: skip; default: 5)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if args.train:
        return _train(args)
    if args.evaluate:
        return _evaluate(args)
    if not args.input:
        raise OcrfixError("give a file or folder to estimate (or --train --corpus PATH -o MODEL)")
    if not 0 <= args.ok_below <= args.reocr_above:
        raise OcrfixError(f"need 0 <= --ok-below ({args.ok_below}) <= --reocr-above ({args.reocr_above})")
    if args.model:
        from ocrfix.quality import load_model

        load_model(args.model)  # a bad model is one clear error before any work
    files = _files(Path(args.input))
    rows = _estimate_all(files, args)
    rows.sort(key=_worst_first)
    _write({"table": _table, "json": _json, "csv": _csv}[args.format](rows, args), args, inputs=files)
    return 0


def _write(text: str, args: argparse.Namespace, inputs: Sequence[Path] = ()) -> None:
    """The report to ``-o`` (never over one of the ``inputs``) or to standard output."""
    if args.output:
        from ocrfix.io import write_text_atomic

        write_text_atomic(args.output, text, inputs=tuple(inputs))
    else:
        sys.stdout.write(text)


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                       and not p.name.endswith(".gt.txt"))
        if not files:
            raise OcrfixError(f"no OCR files ({', '.join(SUFFIXES)}) in the folder", str(path))
        return files
    if not path.exists():
        raise OcrfixError("no such file or folder", str(path))
    return [path]


def _estimate_all(files: list[Path], args: argparse.Namespace) -> list[dict[str, Any]]:
    from tqdm import tqdm

    options = (args.model, args.ok_below, args.reocr_above, args.lines)
    single = len(files) == 1
    bar = tqdm(total=len(files), unit="file", desc="quality", disable=None if len(files) > 1 else True, file=sys.stderr)
    rows: list[dict[str, Any]] = []
    with bar:
        if args.jobs > 1 and not single:
            from concurrent.futures import ProcessPoolExecutor

            with ProcessPoolExecutor(max_workers=args.jobs) as pool:
                for result in pool.map(_estimate_file, files, [options] * len(files), [single] * len(files)):
                    rows.extend(result)
                    bar.update()
        else:
            for path in files:
                rows.extend(_estimate_file(path, options, single))
                bar.update()
    return rows


def _estimate_file(path: Path, options: tuple, strict: bool) -> list[dict[str, Any]]:
    """Rows for each page of one file; in a folder, a file that cannot be read becomes one ``not text`` row."""
    from ocrfix import io as ocr_io
    from ocrfix.quality import estimate

    model, ok_below, reocr_above, lines = options
    try:
        document = ocr_io.read(path)
    except OcrfixError as error:
        if strict:
            raise
        return [{"file": str(path), "page": None, "verdict": "not text", "cer": None, "low": None, "high": None,
                 "chars": 0, "language": None, "loop_share": 0.0, "signals": {}, "worst_lines": [],
                 "error": str(error)}]
    report = estimate(document, model=model, ok_below=ok_below, reocr_above=reocr_above)
    return [{"file": str(path), **page.to_dict(lines)} for page in report.pages]


def _worst_first(row: dict[str, Any]) -> tuple:
    verdict = row["verdict"]
    band = 0 if verdict in _FIRST else 2 if verdict in _LAST else 1
    return band, _LAST.index(verdict) if verdict in _LAST else 0, -(row["cer"] or 0.0), row["file"], row["page"] or 0


def _percent(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f}%"


def _table(rows: list[dict[str, Any]], args: argparse.Namespace) -> str:
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
            if line["loop"] or (row["cer"] is not None and line["cer"] > max(args.ok_below, row["cer"])):
                mark = "loop" if line["loop"] else _percent(line["cer"])
                text = " ".join(line["text"].split())
                out.write(f"{'':>8}  line {line['line']:>3} {mark:>6}  {text[:70]}\n")
    counts: dict[str, int] = {}
    for row in rows:
        counts[row["verdict"]] = counts.get(row["verdict"], 0) + 1
    out.write(f"{len(rows)} page{'s' * (len(rows) != 1)}: " + ", ".join(f"{n} {v}" for v, n in sorted(counts.items(), key=lambda i: -i[1])) + "\n")
    return out.getvalue()


def _json(rows: list[dict[str, Any]], args: argparse.Namespace) -> str:
    return json.dumps({"format": "ocrfix-quality/1", "pages": rows}, indent=1, ensure_ascii=False) + "\n"


def _csv(rows: list[dict[str, Any]], args: argparse.Namespace) -> str:
    from ocrfix.quality import FEATURES

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["file", "page", "verdict", "cer", "low", "high", "chars", "language", "loop_share", *FEATURES])
    for row in rows:
        writer.writerow([row["file"], row["page"], row["verdict"], row["cer"], row["low"], row["high"], row["chars"],
                         row["language"], row["loop_share"], *(row["signals"].get(name, "") for name in FEATURES)])
    return out.getvalue()


def _train(args: argparse.Namespace) -> int:
    from ocrfix import corpus
    from ocrfix.quality import train

    if not args.corpus or not args.output:
        raise OcrfixError("--train needs --corpus PATH and -o MODEL")
    documents = corpus.load(args.corpus)
    model = train(documents, info={"corpus": os.path.basename(os.path.abspath(args.corpus)),
                                   "documents": len(documents)}, progress=sys.stderr.isatty())
    model.save(args.output)
    weights = ", ".join(f"{name} {weight:.3g}" for name, weight in zip(model.features, model.weights) if weight)
    print(f"trained on {model.info['pages']} pages of {len(documents)} documents; "
          f"intercept {model.intercept:.4f}, weights: {weights or 'none'}; wrote {args.output}")
    if args.folds > 1:
        from ocrfix.bench.quality import markdown
        from ocrfix.quality import cross_validate

        print()
        print(markdown(cross_validate(documents, args.folds)))
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from ocrfix import corpus
    from ocrfix.bench.quality import evaluation_markdown
    from ocrfix.quality import evaluate

    if not args.corpus:
        raise OcrfixError("--evaluate needs --corpus PATH")
    data = evaluate(corpus.load(args.corpus), model=args.model)
    _write(evaluation_markdown(data, args.corpus, args.model), args)
    return 0
