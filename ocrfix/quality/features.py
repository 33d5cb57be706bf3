"""The names of the quality signals and their columns in a :class:`~ocrfix.quality.signals.Signals` table.

:data:`FEATURES` orders the columns of every line's masses (what each measures:
:mod:`ocrfix.quality.signals`); the first :data:`TOKEN_FEATURES` are measured per
token (:mod:`ocrfix.quality.tokentable`), the rest per line or page. The column
numbers live here so that every module that fills a column reads the same ones.

>>> FEATURES[COLUMN["broken_sentences"]], TOKEN_FEATURES[NAMES_COLUMN]
('broken_sentences', 'names')
"""
from __future__ import annotations


FEATURES = ("unknown", "names", "nonword", "repeated", "rare", "garbage", "symbols", "odd_chars",
            "fragments", "merged", "stray_marks", "recurring", "broken_sentences", "short_lines", "noise_lines", "dense_lines",
            "cut_lines", "pages", "confidence")
COLUMN = {name: index for index, name in enumerate(FEATURES)}
#: The signals of misread words, whose sum is a line's or a page's visible evidence of damage.
WORD_EVIDENCE = ("unknown", "names", "nonword", "garbage", "symbols", "fragments")
WORD_EVIDENCE_COLUMNS = [COLUMN[name] for name in WORD_EVIDENCE]
OTHER_EVIDENCE_COLUMNS = [column for column in WORD_EVIDENCE_COLUMNS if column != COLUMN["names"]]
#: A line mostly of these is noise.
NOISE_COLUMNS = [COLUMN[name] for name in ("nonword", "garbage", "symbols", "odd_chars")]
TOKEN_FEATURES = ("unknown", "names", "nonword", "repeated", "rare", "garbage", "symbols", "odd_chars", "fragments",
                  "merged", "stray_marks", "recurring")
(UNKNOWN_COLUMN, NAMES_COLUMN, NONWORD_COLUMN, RARE_COLUMN, GARBAGE_COLUMN, SYMBOLS_COLUMN, ODD_CHARS_COLUMN,
 FRAGMENTS_COLUMN, MERGED_COLUMN, STRAY_MARKS_COLUMN, RECURRING_COLUMN) = (
    TOKEN_FEATURES.index(name) for name in ("unknown", "names", "nonword", "rare", "garbage", "symbols", "odd_chars",
                                             "fragments", "merged", "stray_marks", "recurring"))
