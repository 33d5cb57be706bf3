"""The names of the quality signals and their columns in a :class:`~ocrfix.quality.signals.Signals` table.

:data:`FEATURES` orders the columns of every line's masses (what each measures:
:mod:`ocrfix.quality.signals`); the first :data:`_TOKEN_FEATURES` are measured per
token (:mod:`ocrfix.quality.tokentable`), the rest per line or page. The column
numbers live here so that every module that fills a column reads the same ones.

>>> FEATURES[_COL["broken_sentences"]], _TOKEN_FEATURES[_NAMES]
('broken_sentences', 'names')
"""
from __future__ import annotations


FEATURES = ("unknown", "names", "nonword", "repeated", "rare", "garbage", "symbols", "odd_chars",
            "fragments", "merged", "stray_marks", "recurring", "broken_sentences", "short_lines", "noise_lines", "dense_lines",
            "cut_lines", "pages", "confidence")
_COL = {name: index for index, name in enumerate(FEATURES)}
#: The signals of misread words, whose sum is a line's or a page's visible evidence of damage.
WORD_EVIDENCE = ("unknown", "names", "nonword", "garbage", "symbols", "fragments")
_DENSE = [_COL[name] for name in WORD_EVIDENCE]
_OTHER_EVIDENCE = [column for column in _DENSE if column != _COL["names"]]
_BAD = [_COL[name] for name in ("nonword", "garbage", "symbols", "odd_chars")]  # a line mostly of these is noise
_TOKEN_FEATURES = ("unknown", "names", "nonword", "repeated", "rare", "garbage", "symbols", "odd_chars", "fragments", "merged",
                   "stray_marks", "recurring")
(_UNKNOWN, _NAMES, _NONWORD, _RARE, _GARBAGE, _SYMBOLS, _ODD_CHARS, _FRAGMENTS, _MERGED, _STRAY_MARKS, _RECURRING) = (
    _TOKEN_FEATURES.index(name) for name in ("unknown", "names", "nonword", "rare", "garbage", "symbols", "odd_chars",
                                             "fragments", "merged", "stray_marks", "recurring"))
