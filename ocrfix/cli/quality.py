"""``ocrfix quality``: estimate each page's CER without ground truth, worst first; or train the calibration."""
from __future__ import annotations

import argparse
import os
import sys
import textwrap
from collections.abc import Sequence
from pathlib import Path

from ocrfix.errors import OcrfixError
from ocrfix.jobs import workers

HELP = "estimate each page's CER without ground truth; flag loops, garbage and hopeless pages"


def register(subparsers: argparse._SubParsersAction) -> None:
    from ocrfix.quality import OK_BELOW, REOCR_ABOVE

    parser = subparsers.add_parser(
        "quality", help=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.fill(
            "Estimate the character error rate of every page of OCR output (plain text, pages split on form feed; "
            "hOCR, ALTO or PAGE XML) without ground truth, with an 80% interval and a verdict:", 79) + "\n"
                    "  ok           estimated CER below --ok-below\n"
                    "  correctable  between the thresholds: worth running correction\n"
                    "  re-ocr       above --reocr-above: correction cannot save it\n"
                    "  loop         at least 5% of the page is a repetition loop\n"
                    "  empty, not text, unknown language: no number is given\n"
                    "Pages are listed worst first.\n\n" + textwrap.fill(
            "With --train, fit the calibration on a corpus of OCR with ground truth instead (a manifest folder, "
            "or NAME.txt / NAME.gt.txt pairs) and write it to -o MODEL; use it with --model MODEL. With "
            "--evaluate, score a calibration on such a corpus without refitting.", 79),
        epilog="examples:\n"
               "  ocrfix quality scans/ --format csv -o quality.csv --jobs 2\n"
               "  ocrfix quality page.hocr --lines 5\n"
               "  ocrfix quality --train --corpus my_pairs/ -o model.json && ocrfix quality scans/ --model model.json")
    parser.add_argument("input", nargs="?", metavar="IN", help="a file or a folder of OCR files")
    parser.add_argument("--format", choices=("table", "json", "csv"), default="table", help="output format (default: table)")
    parser.add_argument("--ok-below", type=float, default=OK_BELOW, metavar="CER",
                        help=f"pages estimated below this CER (a fraction: 0.02 is 2%%) are ok (default: {OK_BELOW})")
    parser.add_argument("--reocr-above", type=float, default=REOCR_ABOVE, metavar="CER",
                        help=f"pages estimated above this CER should be OCR'd again (default: {REOCR_ABOVE})")
    parser.add_argument("--jobs", type=int, default=1, metavar="N", help="files estimated in parallel (default: 1; 0: one per core)")
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
    workers(args.jobs)
    if args.output:
        from ocrfix.io import check_writable

        check_writable(args.output)  # before estimating a folder, not after
    if args.lines < 0:
        raise OcrfixError(f"--lines must be 0 or more, not {args.lines}")
    if args.model:
        from ocrfix.quality import load_model

        load_model(args.model)  # a bad model is one clear error before any work
    from ocrfix.quality import files as quality_files

    files = quality_files.ocr_files(args.input)
    rows = quality_files.estimate_files(files, model=args.model, ok_below=args.ok_below, reocr_above=args.reocr_above,
                                        lines=args.lines, jobs=args.jobs, progress=None)
    text = (quality_files.table(rows, args.ok_below) if args.format == "table"
            else quality_files.to_json(rows) if args.format == "json" else quality_files.to_csv(rows))
    _write(text, args, inputs=[*files, *_model_file(args)])
    unread = [row["error"] for row in rows if "error" in row]  # a folder's files that could not be read
    for error in unread:
        print(f"ocrfix {args.command}: {error}", file=sys.stderr)
    return 2 if unread else 0


def _write(text: str, args: argparse.Namespace, inputs: Sequence[Path] = ()) -> None:
    """The report to ``-o`` (never over one of the ``inputs``) or to standard output."""
    if args.output:
        from ocrfix.io import write_text_atomic

        write_text_atomic(args.output, text, inputs=tuple(inputs))
    else:
        sys.stdout.write(text)


def _model_file(args: argparse.Namespace) -> list[Path]:
    """The ``--model`` file, if one is given: an input the report must never replace."""
    return [Path(args.model)] if args.model else []


def _train(args: argparse.Namespace) -> int:
    from ocrfix import corpus
    from ocrfix.io import check_writable, refuse_inputs
    from ocrfix.quality import train

    if not args.corpus or not args.output:
        raise OcrfixError("--train needs --corpus PATH and -o MODEL")
    documents = corpus.load(args.corpus)
    refuse_inputs(args.output, corpus.input_files(args.corpus, documents))  # before the training, not after
    check_writable(args.output)
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
    documents = corpus.load(args.corpus)
    data = evaluate(documents, model=args.model)
    _write(evaluation_markdown(data, args.corpus, args.model), args,
           inputs=[*corpus.input_files(args.corpus, documents), *_model_file(args)])
    return 0
