"""The ``ocrfix`` command: a thin layer over the library.

Each subcommand lives in its own module of this package and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a function
``run(args) -> int``. Bad input raises :class:`ocrfix.errors.OcrfixError`,
printed here as one line with exit code 2.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from ocrfix import __version__
from ocrfix.errors import OcrfixError

# Subcommand modules, in the order `ocrfix --help` lists them.
COMMANDS = ["score", "corpus", "bench", "train", "fix", "quality"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ocrfix",
        description="Measure OCR quality against ground truth and correct OCR text.",
        epilog="Run 'ocrfix COMMAND --help' for the options of one command.",
    )
    parser.add_argument("--version", action="version", version=f"ocrfix {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"ocrfix.cli.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except OcrfixError as error:
        print(f"ocrfix {args.command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"ocrfix {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 141
