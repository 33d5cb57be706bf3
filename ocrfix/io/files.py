"""Reading text files strictly and writing outputs atomically.

Every problem becomes an :class:`~ocrfix.errors.OcrfixError` that names the file.

>>> import tempfile, os
>>> folder = tempfile.mkdtemp()
>>> write_text_atomic(os.path.join(folder, "out.txt"), "café\\n")
>>> read_text(os.path.join(folder, "out.txt"))
'café\\n'
"""
from __future__ import annotations

import codecs
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from ocrfix.errors import OcrfixError

PathLike = str | os.PathLike[str]


# What a folder run reads: OCR text and the XML formats the readers know.
OCR_SUFFIXES = (".txt", ".hocr", ".html", ".htm", ".xhtml", ".xml")


def ocr_files_in(folder: PathLike) -> list[Path]:
    """The OCR files under ``folder`` (:data:`OCR_SUFFIXES`), sorted; hidden files and folders and ground
    truths (``NAME.gt.txt``) are left out. What ``ocrfix fix`` and ``ocrfix quality`` read from a folder.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> for name in ("a.txt", "a.gt.txt", "b.hocr", ".c.txt", "d.png"):
    ...     _ = (folder / name).write_text("x")
    >>> [path.name for path in ocr_files_in(folder)]
    ['a.txt', 'b.hocr']
    """
    folder = Path(folder)
    return sorted(path for path in folder.rglob("*")
                  if path.is_file() and path.suffix.lower() in OCR_SUFFIXES and not path.name.endswith(".gt.txt")
                  and not any(part.startswith(".") for part in path.relative_to(folder).parts))


def read_bytes(path: PathLike) -> bytes:
    """The file's bytes, or a one-line error naming the file."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise OcrfixError("no such file", path) from None
    except IsADirectoryError:
        raise OcrfixError("is a folder, not a file", path) from None
    except PermissionError:
        raise OcrfixError("permission denied", path) from None
    except OSError as error:
        raise OcrfixError(f"cannot read: {error.strerror or error}", path) from None


def decode_text(data: bytes, path: PathLike | None = None) -> str:
    """Decode UTF-8 strictly, or UTF-16 led by its BOM (a BOM is dropped); binary data is refused.

    >>> decode_text(b"caf\\xc3\\xa9"), decode_text("café".encode("utf-16"))
    ('café', 'café')
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16").removeprefix("\ufeff")
        except UnicodeDecodeError as error:
            raise OcrfixError(f"not UTF-16 (invalid bytes at offset {error.start}) after a UTF-16 BOM", path) from None
    if b"\x00" in data[:8192]:
        raise OcrfixError("binary file (NUL bytes), not text", path)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise OcrfixError(f"not UTF-8 (invalid byte at offset {error.start})", path) from None
    return text.removeprefix("\ufeff")


def read_text(path: PathLike) -> str:
    """Read a UTF-8 text file; newlines are kept as they are (``\\r\\n`` included)."""
    return decode_text(read_bytes(path), path)


def read_json(path: PathLike) -> Any:
    """Read a JSON file (:func:`read_text`); JSON that does not parse is a one-line error naming the file."""
    try:
        return json.loads(read_text(path))
    except json.JSONDecodeError as error:
        raise OcrfixError(f"invalid JSON at line {error.lineno}: {error.msg}", path) from None


def write_text_atomic(path: PathLike, text: str, *, inputs: tuple[PathLike, ...] = ()) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename.

    A reader never sees half a file, and an interrupted write leaves the old
    file (or none) in place. ``inputs`` are files this output must never
    replace: naming one of them is an error.
    """
    write_bytes_atomic(path, text.encode("utf-8"), inputs=inputs)


def refuse_inputs(path: PathLike, inputs: tuple[PathLike, ...]) -> None:
    """An error if ``path`` is one of ``inputs`` (the same file, by whatever name).

    >>> try:
    ...     refuse_inputs(__file__, inputs=(__file__,))
    ... except OcrfixError as error:
    ...     print(error.message)
    refusing to overwrite an input file
    """
    target = Path(path)
    for source in inputs:
        if target.exists() and Path(source).exists() and os.path.samefile(target, source):
            raise OcrfixError("refusing to overwrite an input file", path)


def check_writable(path: PathLike, *, folder: bool = False) -> None:
    """An error now, before long work, if the file ``path`` (the folder, if ``folder``) could not be written.

    Missing folders are made when writing, so the nearest existing one is tried, by making and removing a
    temporary file in it: nothing is left behind, and a read-only or virtual file system fails as a write
    would, whatever the permission bits say.

    >>> import tempfile, os
    >>> check_writable(os.path.join(tempfile.mkdtemp(), "new", "out.txt"))
    >>> try:
    ...     check_writable(os.path.join(__file__, "out.txt"))
    ... except OcrfixError as error:
    ...     print(error.message)
    cannot write: a file stands where a folder is needed
    """
    target = Path(path).absolute()
    if not folder and target.is_dir():
        raise OcrfixError("cannot write: is a folder", path)
    existing = next(parent for parent in (target if folder else target.parent, *target.parents) if parent.exists())
    if not existing.is_dir():
        raise OcrfixError("cannot write: a file stands where a folder is needed", path)
    try:
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as error:
        raise OcrfixError(f"cannot write: {error.strerror or error}", path) from None


def write_bytes_atomic(path: PathLike, data: bytes, *, inputs: tuple[PathLike, ...] = ()) -> None:
    """Bytes version of :func:`write_text_atomic`."""
    refuse_inputs(path, inputs)
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise OcrfixError(f"cannot write: {error.strerror or error}", path) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _mode_for(target))
        os.replace(temporary, target)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OcrfixError(f"cannot write: {error.strerror or error}", path) from None
        raise


def _mode_for(target: Path) -> int:
    """The mode an ordinary ``open(target, "w")`` would give (mkstemp's files are private, 0600)."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
