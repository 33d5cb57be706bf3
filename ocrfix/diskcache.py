"""Tables built from shipped data, kept in the user's cache folder so that later processes read them
instead of building them again (``$XDG_CACHE_HOME/ocrfix``, else ``~/.cache/ocrfix``).

A file's name holds a digest of everything it is built from (the data's bytes, a format tag, the
parameters), so changed data, a retrained model or a new format never reads an old file. A file that is
missing or fails its checksum is built again; a folder that cannot be written only costs the build.

>>> import tempfile
>>> path = Path(tempfile.mkdtemp()) / "example.txt"
>>> write_word_lists(path, [["of", "the"], []])
>>> read_word_lists(path)
[['of', 'the'], []]
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

from ocrfix.errors import OcrfixError


def cache_dir() -> Path:
    """The folder of ocrfix's cached files."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ocrfix"


def cache_path(kind: str, *sources: bytes, suffix: str) -> Path:
    """The cache file of a ``kind`` of table built from ``sources`` (each part of what it is built from).

    >>> cache_path("sets", b"a", b"bc", suffix=".txt") == cache_path("sets", b"ab", b"c", suffix=".txt")
    False
    """
    digest = hashlib.sha1()
    for source in sources:
        digest.update(len(source).to_bytes(8, "little") + source)
    return cache_dir() / f"{kind}-{digest.hexdigest()[:16]}{suffix}"


def write_bytes(path: Path, data: bytes) -> None:
    """Write a cache file, unless its folder cannot be written (a read-only home still works, only slower)."""
    from ocrfix.io.files import write_bytes_atomic  # here: importing ocrfix.io loads every OCR format's reader

    try:
        write_bytes_atomic(path, data)
    except OcrfixError:
        pass


def write_word_lists(path: Path, lists: list[list[str]]) -> None:
    """Cache lists of words (no tabs or newlines in them), under a checksum of the lot."""
    body = "\n".join("\t".join(words) for words in lists).encode("utf-8")
    write_bytes(path, hashlib.sha1(body).hexdigest().encode("ascii") + b"\n" + body)


def read_word_lists(path: Path) -> list[list[str]] | None:
    """The lists of words :func:`write_word_lists` cached at ``path``; None if missing or damaged."""
    try:
        checksum, _, body = path.read_bytes().partition(b"\n")
    except OSError:
        return None
    if hashlib.sha1(body).hexdigest().encode("ascii") != checksum:
        return None
    return [line.split("\t") if line else [] for line in body.decode("utf-8").split("\n")]
