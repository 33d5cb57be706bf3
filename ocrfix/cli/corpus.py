"""``ocrfix corpus``: build the generated OCR corpus, or tabulate its raw OCR quality."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HELP = "build the generated OCR corpus or tabulate its quality"


def _names(value: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in value.split(",") if name.strip())


def register(subparsers: argparse._SubParsersAction) -> None:
    from ocrfix.synth.build import DEFAULT_OUT, BuildOptions
    from ocrfix.synth.degrade import LEVELS
    from ocrfix.synth.typeset import BOOK_FONTS, LETTER_FONTS

    defaults = BuildOptions()
    parser = subparsers.add_parser("corpus", help=HELP,
                                   description="Build the generated corpus (typeset, render, degrade, OCR) or "
                                               "print its raw CER/WER per subset and level.")
    commands = parser.add_subparsers(dest="corpus_command", metavar="ACTION")
    build = commands.add_parser(
        "build", formatter_class=argparse.ArgumentDefaultsHelpFormatter,
        help="typeset texts as letters and book pages, degrade them, OCR them, update the manifest",
        description="Lay out the source texts as typewritten letters and book pages, render and degrade them at "
                    "named levels, OCR them with Tesseract (and a spread with RapidOCR), and write per document "
                    "the OCR text (.txt, pages separated by form feed), hOCR, logical and diplomatic ground truth "
                    "and labels into OUT/generated/, then OUT/manifest.json atomically. Deterministic for a seed. "
                    "Images and the OCR cache stay under OUT/build/ (not committed).")
    build.add_argument("--out", metavar="DIR", default=str(DEFAULT_OUT), help="corpus folder (manifest.json, generated/)")
    build.add_argument("--texts", metavar="DIR", default=str(defaults.texts), help="folder of written source texts")
    build.add_argument("--work", metavar="DIR", help="images and OCR cache; OUT/build when not given")
    build.add_argument("--seed", type=int, default=defaults.seed, help="random seed of every choice")
    build.add_argument("--jobs", type=int, default=defaults.jobs, help="Tesseract page sets made in parallel (0: one per core)")
    build.add_argument("--engines", type=_names, default=",".join(defaults.engines),
                       help="comma-separated: tesseract (always needed), rapidocr")
    build.add_argument("--letters", type=int, default=defaults.letters, help="page sets in letter layout")
    build.add_argument("--books", type=int, default=defaults.books, help="page sets in book layout")
    build.add_argument("--rapidocr-letters", type=int, default=defaults.rapidocr_letters,
                       help="letter page sets also read by RapidOCR")
    build.add_argument("--rapidocr-books", type=int, default=defaults.rapidocr_books,
                       help="book page sets also read by RapidOCR")
    build.add_argument("--letter-fonts", type=_names, default=",".join(LETTER_FONTS), help="typewriter fonts")
    build.add_argument("--book-fonts", type=_names, default=",".join(BOOK_FONTS), help="book fonts")
    build.add_argument("--levels", type=_names, default=",".join(LEVELS), help="degradation levels")
    build.add_argument("--limit", type=int, help="build only the first N page sets (not given: all)")
    build.add_argument("--no-sqlite-docs", action="store_true",
                       help="leave out the public-domain SQLite documentation (Debian sqlite3-doc)")
    build.add_argument("--format", choices=("text", "json"), default="text", help="summary format")
    build.set_defaults(func=run_build)
    table = commands.add_parser("table", help="raw CER/WER per subset and level, as a Markdown table",
                                description="Score every document's OCR against its logical ground truth with "
                                            "ocrfix.metrics and print a Markdown table per subset and level.")
    table.add_argument("--corpus", metavar="DIR", help="corpus folder (default: the repository's corpus/)")
    table.add_argument("--profile", default="default",
                       help="normalisation profile: exact, default or relaxed (default: default)")
    table.add_argument("--format", choices=("markdown", "json"), default="markdown",
                       help="output format (default: markdown)")
    table.set_defaults(func=run_table)
    parser.set_defaults(func=lambda args: parser.print_help() or 2)


def run_build(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from ocrfix.errors import OcrfixError
    from ocrfix.synth.build import BuildOptions, build, check, make_plan

    if "tesseract" not in args.engines:
        raise OcrfixError("--engines must include tesseract (it makes every page set)")
    options = BuildOptions(
        out=Path(args.out), texts=Path(args.texts), work=Path(args.work) if args.work else None, seed=args.seed,
        jobs=args.jobs, engines=args.engines, letters=args.letters, books=args.books,
        rapidocr_letters=args.rapidocr_letters, rapidocr_books=args.rapidocr_books,
        letter_fonts=args.letter_fonts, book_fonts=args.book_fonts, levels=args.levels, limit=args.limit,
        sqlite_docs=not args.no_sqlite_docs)
    plan = make_plan(check(options), options)
    total = sum(len(spec.engines) for spec in plan)
    with tqdm(total=total, unit="doc", desc="corpus", disable=None) as bar:
        report = build(options, progress=bar.update)
    if args.format == "json":
        json.dump(report.as_dict(), sys.stdout, indent=1)
        print()
    else:
        print(f"{report.documents} documents from {report.page_sets} page sets, {report.pages} pages; "
              f"{len(report.regenerated)} page sets regenerated, {len(report.dropped)} documents dropped "
              f"for a lost page; manifest {report.manifest}")
    return 0


def run_table(args: argparse.Namespace) -> int:
    from dataclasses import asdict

    from ocrfix.corpus import load
    from ocrfix.synth.table import markdown, subset_rows

    rows = subset_rows(load(args.corpus), args.profile)
    if args.format == "json":
        json.dump([asdict(row) for row in rows], sys.stdout, indent=1)
        print()
    else:
        print(markdown(rows), end="")
    return 0
