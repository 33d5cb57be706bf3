"""Shared helpers of the held-out scripts (cer.py, harm.py, qeval.py): roots, documents, grouping."""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def roots(argv: list[str]) -> list[str]:
    """The roots given on the command line, or every set beside this file (a folder with manifest.json)."""
    return argv or [str(path.parent) for path in sorted(HERE.glob("*/manifest.json"))]


def documents(root: str):
    """The documents of a held-out set (ocrfix.corpus.load reads ROOT/manifest.json), sorted by id."""
    from ocrfix.corpus import load

    return sorted(load(root), key=lambda document: document.id)


def group(document) -> str:
    """engine-layout, e.g. tesseract-book."""
    return str(document.meta.get("subset") or f"{document.meta.get('engine')}-{document.meta.get('layout')}")


def tree() -> str:
    """Which ocrfix is imported (the PYTHONPATH tree), and its git HEAD when it is a git tree."""
    import subprocess

    import ocrfix

    folder = Path(ocrfix.__file__).resolve().parent.parent
    try:
        head = subprocess.run(["git", "-C", str(folder), "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(folder), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
    except (subprocess.CalledProcessError, FileNotFoundError):
        head, dirty = "?", ""
    return f"{folder} @ {head}{' (dirty)' if dirty else ''}"


def info(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def kind(before: str, after: str) -> str:
    """A rough class of an edit, for counting layout's and dedup's work: line-join, para-join, hyphen, delete,
    space, replace."""
    if not before.strip() and not after.strip():
        if "\n\n" in before and "\n\n" not in after:
            return "para-join"
        if "\n" in before and "\n" not in after:
            return "line-join"
        return "space"
    if before.rstrip(" \t").endswith(("-\n", "-\f")) or (("-\n" in before or "¬\n" in before) and len(before) < 40):
        return "hyphen"
    if not after.strip():
        return "delete"
    return "replace"
