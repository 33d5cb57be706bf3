"""The processes a ``jobs`` option asks for, by one rule for every function and command that takes one
(:meth:`ocrfix.pipeline.Pipeline.pipe`, ``ocrfix fix``, ``bench``, ``quality`` and ``corpus build``).
"""
from __future__ import annotations

import os

from ocrfix.errors import OcrfixError


def workers(jobs: int) -> int:
    """The processes ``jobs`` asks for: itself, or one per core for 0; OcrfixError below 0.

    >>> workers(2), workers(0) >= 1
    (2, True)
    """
    if jobs < 0:
        raise OcrfixError(f"jobs must be 0 (one per core) or more, not {jobs}")
    return jobs or os.cpu_count() or 1
