"""``ocrfix score``: CER/WER of OCR text against ground truth, for two files or two folders."""
from __future__ import annotations

import argparse
import json
import os

from ocrfix.errors import OcrfixError
from ocrfix.profiles import PROFILES

HELP = "CER/WER of OCR text against ground truth"

DESCRIPTION = """\
Score OCR text (the hypothesis) against its ground truth (the reference).

Two files:    ocrfix score GT HYP
Two folders:  ocrfix score --gt-dir D [--hyp-dir D]
In folders, the ground truth NAME.gt.txt pairs with the hypothesis NAME.txt or
NAME.ocr.txt; each pair gets a row, then the micro (pooled) and macro (mean per
document) totals. With --format html -o OUT.html, OUT.html lists the
documents worst first, each linking to its aligned report in OUT_files/NAME.html;
without -o, standard output gets that list alone.

Texts are compared after a normalisation profile: exact (as is), default (NFC,
whitespace collapsed) or relaxed (also typographic quotes, dashes and ligatures
folded, line-end hyphens joined, case folded). '[illegible]' in the ground
truth matches up to --max-gap-chars characters (--max-gap-words words) at no cost.
"""


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "score", help=HELP, description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gt", nargs="?", metavar="GT", help="ground-truth text file")
    parser.add_argument("hyp", nargs="?", metavar="HYP", help="OCR file to score: text, or hOCR, ALTO or PAGE XML (its text)")
    parser.add_argument("--gt-dir", metavar="D", help="folder of NAME.gt.txt ground truths")
    parser.add_argument("--hyp-dir", metavar="D", help="folder of NAME.txt / NAME.ocr.txt (default: --gt-dir)")
    parser.add_argument("--profile", "-p", choices=PROFILES, default="default",
                        help="normalisation profile (default: %(default)s)")
    parser.add_argument("--format", "-f", choices=("table", "json", "html"), default="table",
                        help="table (default) for people, json for machines, html for an aligned side-by-side report")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT (atomically) instead of standard output")
    parser.add_argument("--max-gap-chars", type=int, default=100, metavar="N",
                        help="characters one [illegible] can absorb (default: %(default)s)")
    parser.add_argument("--max-gap-words", type=int, default=24, metavar="N",
                        help="words one [illegible] can absorb (default: %(default)s)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    options = {"max_gap_chars": args.max_gap_chars, "max_gap_words": args.max_gap_words}
    if args.output:
        from ocrfix.io import check_writable

        check_writable(args.output)  # before scoring a folder, not after
    if args.gt_dir or args.hyp_dir:
        if args.gt or args.hyp:
            raise OcrfixError("give either GT HYP or --gt-dir/--hyp-dir, not both")
        if not args.gt_dir:
            raise OcrfixError("--hyp-dir needs --gt-dir")
        from ocrfix.evaluation import evaluate_pairs, folder_pairs

        pairs = folder_pairs(args.gt_dir, args.hyp_dir)
        title = f"OCR evaluation of {args.gt_dir}"
        if args.format == "html" and args.output:
            from ocrfix.report import write_folder_report

            write_folder_report(args.output, pairs, args.profile, title=title, **options)
            return 0
        evaluation = evaluate_pairs(pairs, args.profile, progress=None, **options)
        inputs = evaluation.inputs
        if args.format == "json":
            text = json.dumps(evaluation.as_dict(), indent=2, ensure_ascii=False) + "\n"
        else:  # html: standard output holds one page, the summary (-o adds a page per document)
            text = evaluation.html(title) if args.format == "html" else evaluation.text()
    else:
        if not (args.gt and args.hyp):
            raise OcrfixError("give two files (GT HYP) or a folder (--gt-dir D); see 'ocrfix score --help'")
        inputs, text = _pair(args, options)
    if args.output:
        from ocrfix.io import write_text_atomic

        write_text_atomic(args.output, text, inputs=inputs)
    else:
        print(text, end="")
    return 0


def _pair(args, options) -> tuple[tuple[str, ...], str]:
    from ocrfix.analysis import analyze
    from ocrfix.io import read_as_text, read_text

    # OCR output in hOCR, ALTO or PAGE XML is scored by its text, as `fix` and `quality` read it (its markup
    # scored as text made a CER of 3,000%)
    reference, hypothesis = read_text(args.gt), read_as_text(args.hyp)
    inputs = (args.gt, args.hyp)
    if args.format == "html":
        from ocrfix.report import html_report

        title = f"{os.path.basename(args.hyp)} against {os.path.basename(args.gt)}"
        return inputs, html_report(reference, hypothesis, args.profile, title=title,
                                   reference_name=args.gt, hypothesis_name=args.hyp, **options)
    analysis = analyze(reference, hypothesis, args.profile, **options)
    if args.format == "json":
        data = {"reference": args.gt, "hypothesis": args.hyp, **analysis.as_dict(top=50)}
        return inputs, json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return inputs, analysis.text()
