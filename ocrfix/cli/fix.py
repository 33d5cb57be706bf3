"""``ocrfix fix``: correct OCR text with a pipeline of strategies, recording every edit (a thin layer over
:mod:`ocrfix.batch`)."""
from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported when run: the library loads only for the subcommand that needs it
    from ocrfix.pipeline import Pipeline

HELP = "correct OCR text (dedup, layout, dictionary) and record every edit"
ALIASES = ["correct"]  # `correct` as in the library's ocrfix.correct()


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "fix", aliases=ALIASES, help=HELP,
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
               "  ocrfix fix page.hocr --edits page.edits.json > page.txt\n"
               "  ocrfix train --corpus my_pairs/ -o model.json && ocrfix fix page.txt --model model.json")
    parser.add_argument("input", metavar="IN", help="OCR file or folder")
    parser.add_argument("-o", "--output", metavar="OUT", help="output file (folder when IN is a folder)")
    parser.add_argument("--strategies", metavar="A,B", type=_names,
                        help="comma-separated strategies in the order to run them (default: the default pipeline; "
                             "'none' changes nothing); known: " + _known())
    parser.add_argument("--model", metavar="MODEL",
                        help="the dictionary's error model, written by 'ocrfix train' (default: the shipped one)")
    parser.add_argument("--explain", action="store_true",
                        help="print what was changed, where and why (to standard error when the text or JSON goes "
                             "to standard output)")
    parser.add_argument("--edits", metavar="PATH",
                        help="write the edits as JSON (schema in README): a file, or a folder when IN is a folder")
    parser.add_argument("--jobs", type=int, default=1, help="files corrected in parallel (default: 1; 0: one per core)")
    parser.add_argument("--force", action="store_true", help="redo files whose output is already up to date")
    parser.add_argument("--format", choices=("text", "json"), default="text",
                        help="for a file to standard output: the text, or JSON with text and edits; for a file "
                             "to -o OUT or a folder: the summary's format (json: a record per file)")
    parser.set_defaults(func=run)


def _names(value: str) -> list[str]:
    names = [name.strip() for name in value.split(",") if name.strip()]
    return [] if names == ["none"] else names


def _known() -> str:
    from ocrfix.strategies import names

    return ", ".join(names())


def _with_model(names: list[str] | None, model: str | None) -> list | None:
    """The strategies to run, the dictionary reading ``model`` (an error model file) if one is given."""
    if model is None:
        return names
    from ocrfix.errors import OcrfixError
    from ocrfix.strategies import DEFAULT_PIPELINE
    from ocrfix.strategies.dictionary import Dictionary

    names = list(DEFAULT_PIPELINE) if names is None else names
    if "dictionary" not in names:
        raise OcrfixError("an error model is for the dictionary strategy, which is not run", model)
    return [Dictionary(model=model) if name == "dictionary" else name for name in names]


def run(args: argparse.Namespace) -> int:
    from ocrfix.batch import correct_file
    from ocrfix.errors import OcrfixError
    from ocrfix.jobs import workers
    from ocrfix.pipeline import Pipeline

    workers(args.jobs)  # a bad --jobs is an error for one file too, not ignored
    if args.model:  # an input too: neither output may replace it
        from ocrfix.io import refuse_inputs

        for output in (args.output, args.edits):
            if output is not None:
                refuse_inputs(output, (args.model,))
    try:
        pipeline = Pipeline(_with_model(args.strategies, args.model))
    except ValueError as error:
        raise OcrfixError(str(error), "--strategies") from None
    source = Path(args.input)
    if source.is_dir():
        return _run_folder(args, source, pipeline)
    result = correct_file(source, args.output, edits=args.edits, strategies=pipeline)
    if args.output is None:
        if args.format == "json":
            print(json.dumps({"source": str(source), "text": result.text, **result.to_dict()}, ensure_ascii=False))
        else:
            sys.stdout.write(result.text)
    elif args.format == "json":  # the text is in OUT: what a folder run's summary says of each file
        from ocrfix.batch import file_record

        print(json.dumps(file_record(source, args.output, result), ensure_ascii=False))
    if args.explain:
        # standard output holds the explanation only when nothing else goes there
        print(result.explain(), file=sys.stdout if args.output and args.format == "text" else sys.stderr)
    return 0


def _run_folder(args: argparse.Namespace, source: Path, pipeline: Pipeline) -> int:
    from ocrfix.batch import correct_folder
    from ocrfix.errors import OcrfixError

    if not args.output:
        raise OcrfixError("a folder needs -o OUT (a folder)", source)
    if args.explain:
        raise OcrfixError("--explain is for one file; for a folder, --edits DIR records every edit", source)
    summary = correct_folder(source, args.output, edits=args.edits, strategies=pipeline, jobs=args.jobs,
                             force=args.force)
    failed = [record for record in summary["results"] if "error" in record]
    if args.format == "json":
        print(json.dumps(summary, ensure_ascii=False, indent=1))
    else:
        print(f"{summary['corrected']} corrected, {summary['skipped']} already done, {summary['failed']} failed; "
              f"{summary['edits']} edits -> {args.output}")
        for record in failed:
            print(f"ocrfix {args.command}: {record['error']}", file=sys.stderr)
    return 2 if failed else 0
