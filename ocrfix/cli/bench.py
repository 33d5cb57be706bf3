"""``ocrfix bench``: score every correction strategy, the default pipeline and the peers on a corpus."""
from __future__ import annotations

import argparse
import json
import sys
import textwrap
from pathlib import Path

from ocrfix.profiles import PROFILES

HELP = "benchmark the correction strategies (and peers) on a corpus"
DEFAULT_OUT = Path("benchmarks") / "results" / "latest"


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bench",
        help=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=textwrap.fill(
            "Run every strategy alone, each prefix of the default pipeline (dedup+layout, ...), the pipeline "
            "and the off-the-shelf peers (symspellpy, pyspellchecker) on every document of a corpus; report "
            "raw and corrected CER/WER against the logical ground truth per subset and per engine × layout "
            "group, the ICDAR-style improvement, edits with their precision and harmful share, damage on clean "
            "text and throughput. Trainable strategies are cross-validated by document. Writes bench.json, "
            "bench.md and bench.png under --out.", 79),
        epilog="examples:\n"
               "  ocrfix bench --no-save --strategies dedup+layout pipeline --by group --jobs 0\n"
               "  ocrfix bench --corpus my_pairs/ --format json --no-save > bench.json",
    )
    parser.add_argument("--corpus", metavar="PATH",
                        help="a corpus folder with manifest.json, or a folder of NAME.gt.txt + NAME.txt/NAME.ocr.txt "
                             "pairs (default: the embedded corpus)")
    parser.add_argument("--strategies", nargs="+", metavar="NAME",
                        help="what to run, comma- or space-separated: strategy names, chains such as dedup+layout, "
                             "'pipeline', peers (symspell.lookup, symspell.compound, pyspellchecker); default: all")
    parser.add_argument("--out", metavar="DIR", default=str(DEFAULT_OUT), help=f"folder for bench.json, bench.md, bench.png (default: {DEFAULT_OUT})")
    parser.add_argument("--no-save", action="store_true", help="print only; write nothing under --out")
    parser.add_argument("--readme", metavar="FILE",
                        help="also replace the results section of this README (between <!-- bench:start --> "
                             "and <!-- bench:end -->)")
    parser.add_argument("--format", choices=("table", "json"), default="table", help="what to print on stdout (default: table)")
    parser.add_argument("--by", choices=("subset", "group"), default="subset",
                        help="table rows per corpus subset (default) or per engine × layout group")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds for trainable strategies (default: 5; 1: as shipped)")
    parser.add_argument("--profile", default="default", choices=PROFILES,
                        help="normalisation profile of the CER/WER (default: default)")
    parser.add_argument("--peer-sample", type=int, metavar="CHARS",
                        help="characters of OCR per subset that the slow peer symspell.compound runs on, a fixed "
                             "sample (default: 20000; 0: every document)")
    parser.add_argument("--jobs", type=int, default=1, help="documents scored in parallel (default: 1; 0: all cores)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ocrfix import bench
    from ocrfix.bench import leaderboard, output
    from ocrfix.errors import OcrfixError
    from ocrfix.io import check_writable

    # What would make writing the results fail is checked before the run, which takes minutes.
    if args.readme:
        from ocrfix.io import read_text

        readme = read_text(args.readme)
        if output.START not in readme or output.END not in readme:
            raise OcrfixError(f"no results section: add the markers {output.START} and {output.END}", args.readme)
    out = Path(args.out)
    if not args.no_save:
        if out.exists() and not out.is_dir():
            raise OcrfixError("results folder is a file", out)
        check_writable(out, folder=True)
    names = [name for item in args.strategies for name in item.split(",") if name.strip()] if args.strategies else None
    report = bench.run(args.corpus, names, folds=args.folds, jobs=args.jobs, profile=args.profile,
                       peer_sample=args.peer_sample)
    if args.format == "json":
        json.dump(report.to_dict(), sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        print(leaderboard.text_table(report.rows, by=(leaderboard.ALL, args.by)), end="")
        print(leaderboard.NOTES)
    if not args.no_save:
        written = output.write(report, out)
        print(f"wrote {', '.join(str(path) for path in written)}", file=sys.stderr)
        if out / output.CHART_NAME not in written:
            print("no chart: matplotlib is not installed (pip install 'ocrfix[bench]')", file=sys.stderr)
    if args.readme:
        output.update_readme(report, args.readme, results=None if args.no_save else out.resolve())
        print(f"updated the results section of {args.readme}", file=sys.stderr)
    return 0
