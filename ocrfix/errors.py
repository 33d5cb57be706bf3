"""The one exception type users and the CLI see for bad input.

The CLI prints it as a single line, ``PATH: problem``, and exits non-zero,
without a traceback.

>>> str(OcrfixError("not UTF-8 at byte 12", path="page.txt"))
'page.txt: not UTF-8 at byte 12'
"""
from __future__ import annotations

import os


class OcrfixError(Exception):
    """Bad input or a failed precondition, explained in one line."""

    def __init__(self, message: str, path: str | os.PathLike[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = None if path is None else os.fspath(path)

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message
