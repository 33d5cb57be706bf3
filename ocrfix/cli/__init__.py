"""The ``ocrfix`` command: a thin layer over the library.

Each subcommand lives in its own module of this package and exposes ``HELP``
(its line in ``ocrfix --help``), ``ALIASES`` if it has any, and
``register(subparsers)``, which adds its parser and sets ``func`` to a function
``run(args) -> int``. Only the command being run registers its full parser (its
defaults may need the library); the others are listed by ``HELP`` alone, so
``ocrfix --help`` and a small command load only what they use. A subcommand
module imports nothing heavy at its top. Bad input raises
:class:`ocrfix.errors.OcrfixError`, printed here as one line with exit code 2.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from ocrfix import __version__
from ocrfix.errors import OcrfixError

# Subcommand modules, in the order `ocrfix --help` lists them.
COMMANDS = ["score", "corpus", "bench", "train", "fix", "quality"]


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The ``ocrfix`` parser for the arguments ``argv``: the full parser of the command they name (of every
    command when ``argv`` is None), a one-line entry for each other command."""
    parser = argparse.ArgumentParser(
        prog="ocrfix",
        description="Measure OCR quality against ground truth and correct OCR text.",
        epilog="Run 'ocrfix COMMAND --help' for the options of one command.",
    )
    parser.add_argument("--version", action="version", version=f"ocrfix {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = {name: importlib.import_module(f"ocrfix.cli.{name}") for name in COMMANDS}
    # Top-level options take no value: the first other argument is the command.
    named = next((arg for arg in argv if not arg.startswith("-")), None) if argv is not None else None
    for name, module in modules.items():
        aliases = getattr(module, "ALIASES", [])
        if argv is None or named in (name, *aliases):
            module.register(subparsers)
        else:
            subparsers.add_parser(name, aliases=aliases, help=module.HELP)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    command = next((arg for arg in argv if not arg.startswith("-")), None)
    try:
        parser = build_parser(argv)  # a command's parser may load the library (the strategies' names)
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
        command = args.command
        return int(args.func(args) or 0)
    except OcrfixError as error:
        print(f"ocrfix {command}: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"ocrfix {command}: interrupted" if command else "ocrfix: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 141
