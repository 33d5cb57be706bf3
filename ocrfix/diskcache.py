"""Tables built from shipped data, kept in the user's cache folder so that later processes read them
instead of building them again (``$XDG_CACHE_HOME/ocrfix``, else ``~/.cache/ocrfix``).

A file's name holds a digest of everything it is built from (the data's bytes, a format tag, the
parameters), so changed data, a retrained model or a new format never reads an old file. A file that is
missing or fails its checksum is built again; a folder that cannot be written only costs the build.

>>> import tempfile
>>> path = Path(tempfile.mkdtemp()) / "example.marshal"
>>> write_tables(path, ({"of": 7.4}, frozenset({"the"})))
>>> read_tables(path)
({'of': 7.4}, frozenset({'the'}))
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
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


#: A source of every :func:`write_tables` file's name: marshal's format may change with the Python version.
TABLES_FORMAT = f"marshal{marshal.version}:python{sys.version_info[0]}.{sys.version_info[1]}".encode()

_CHECKSUM = 40  # hex digits of a SHA-1, on the file's first line


def write_tables(path: Path, tables: object) -> None:
    """Cache ``tables`` (dicts, frozensets, lists, tuples of strings and numbers) under a checksum, in marshal's
    format: it reads back faster than any text the tables were parsed from (name the file with :data:`TABLES_FORMAT`
    among its sources)."""
    body = marshal.dumps(tables)
    write_bytes(path, hashlib.sha1(body).hexdigest().encode("ascii") + b"\n" + body)


def read_tables(path: Path) -> object | None:
    """The tables :func:`write_tables` cached at ``path``; None if missing or damaged (a file cut short or edited
    fails its checksum, and marshal never sees it)."""
    try:
        data = memoryview(path.read_bytes())
    except OSError:
        return None
    body = data[_CHECKSUM + 1:]
    if bytes(data[:_CHECKSUM + 1]) != hashlib.sha1(body).hexdigest().encode("ascii") + b"\n":
        return None
    return marshal.loads(body)
