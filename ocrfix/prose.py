"""Prose against verse and lists: prose's lines run on into lower-case lines, verse's and a list's start in capitals.

The layout strategy reflows only prose's lines (:func:`ocrfix.strategies.layout.reflow.is_prose`); the dedup
strategy keeps a line said three times in verse, a refrain, where it would collapse the same lines amid prose.

>>> runs_on_like_prose(2, 5), runs_on_like_prose(1, 5)
(True, False)
"""
from __future__ import annotations

PROSE_LOWER_SHARE = 0.3  # prose: at least this share of its lines runs on in lower case from the line before


def runs_on_like_prose(lower: int, pairs: int) -> bool:
    """Do ``lower`` of ``pairs`` neighbouring lines run on into a lower-case line as prose's do
    (:data:`PROSE_LOWER_SHARE` of them at least)?"""
    return lower >= PROSE_LOWER_SHARE * pairs
