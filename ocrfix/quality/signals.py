"""The signals of OCR quality that need no ground truth, per line and per page.

Every signal is a *character mass*: how many characters of a line fall in
tokens of one kind. Summed over a page and divided by the page's characters it
is a rate, in the unit of CER, which the calibration (:mod:`ocrfix.quality.calibrate`)
maps to an estimated CER. The signals:

``unknown``
    letters of words the lexicon does not know, that the document does not
    repeat, and that look like English words to the character model
    ("exlude", "Harbury") — near misses and rare names.
``nonword``
    letters of unknown words that do not look like English ("tlnco",
    "cnuipuii"; character model above :data:`IMPLAUSIBLE_BITS` bits/char).
``repeated``
    the ``unknown`` and ``rare`` mass of words the document uses three times or
    more (its own vocabulary: names, terms) — weak evidence of error.
``rare``
    letters of known but rare words, weighted by how rare: ``(3 - zipf) / 3``
    for Zipf < 3 ("tbe", "tho", "waa" are rare "words" of a big lexicon).
``garbage``
    characters of tokens no text has: letters and digits mixed ("l0ve",
    "1n"; not "1st", "1970s" or "SW1"), punctuation inside a word ("th;e",
    "a|so"), a run of six consonants, case flipping inside a word ("tHe").
``symbols``
    characters of tokens without letters or digits that are not ordinary
    punctuation standing alone (dashes, "&"): "|", "^", "~", a lone ",".
``odd_chars``
    characters no English typesetting uses in running text ("|", "~", "^",
    "_", "\\", "{", "}", "¢", "¬", "■", box drawing) or from another script.
``fragments``
    one- and two-letter pieces that are not common words ("ap pear", "ti").
``short_lines``
    characters of lines of one to three characters (specks read as text).
``noise_lines``
    characters of lines that are mostly noise: fewer than half of their
    characters letters or digits, or most of their mass in the signals above.
``confidence``
    for input with word confidences (hOCR, ALTO): characters times
    ``1 - confidence``; 0 where the input has none.

Repetition loops are measured separately (:func:`loop_spans`, the ``dedup``
strategy's detector), since they add text rather than corrupt it.

>>> table = Signals.of_text("The cat sat on tbe mat.\\nIt was a fine d@y, tlnco |")
>>> round(table.page_rates()[0]["nonword"], 3), table.page_rates()[0]["garbage"] > 0
(0.1, True)
"""
from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import regex

from ocrfix import lexicon
from ocrfix.quality import charlm

FEATURES = ("unknown", "nonword", "repeated", "rare", "garbage", "symbols", "odd_chars",
            "fragments", "short_lines", "noise_lines", "confidence")
_COL = {name: index for index, name in enumerate(FEATURES)}
_TOKEN_FEATURES = ("unknown", "nonword", "repeated", "rare", "garbage", "symbols", "odd_chars", "fragments")

#: Bits per character above which an unknown word does not look like English.
IMPLAUSIBLE_BITS = 4.6
#: An unknown word used this often in the document is taken as one of its own words.
OWN_WORD_COUNT = 3
_RARE_ZIPF = 3.0
_FRAGMENT_ZIPF = 4.5

_EDGE_PUNCT = "\"'“”‘’«»()[]{}<>.,;:!?*†‡§¶"
_WORD = regex.compile(r"\p{L}+(?:['’\-.]\p{L}+)*\.?")
_NUMBER = regex.compile(r"[$£€#]?\d+(?:[.,:/\-]\d+)*(?:st|nd|rd|th|s|d|p|%|am|pm)?", regex.I)
_CODE = regex.compile(r"\p{Lu}{1,3}\d{1,3}\p{Lu}?|\d{1,2}\p{Lu}{1,2}")  # SW1, A4, M25, SW1A, 10C
_MIXED = regex.compile(r"\p{L}\d|\d\p{L}")
_INNER_PUNCT = regex.compile(r"\p{L}[^\p{L}\p{N}'’\-.]+\p{L}")
_CONSONANTS = regex.compile(r"[bcdfghjklmnpqrstvwxz]{6}", regex.I)
_CASE_FLIP = regex.compile(r"\p{Ll}\p{Lu}\p{Ll}?")
_ODD = regex.compile(r"[|~^_\\{}¢¬¦■□▪●◆◊♦►▼▲※¤¥©®™°±µ»«\u2500-\u257f\ufffd]|[^\p{Latin}\p{Common}\p{Inherited}]")
_STANDALONE_OK = frozenset({"-", "–", "—", "&", "*", "§", "¶", "†", "/", "+", "=", "%", "...", "…", "$", "£", "#"})
_NOT_TEXT = regex.compile(r"[\p{Cc}\p{Co}\p{Cs}\ufffd]")


@dataclass
class Signals:
    """Signal masses per line (``masses``: lines × :data:`FEATURES`) with each line's size and place.

    ``chars``: characters of each line as CER counts them (whitespace collapsed,
    plus one for the line break); ``page``: each line's page index (0-based).
    """

    masses: np.ndarray
    chars: np.ndarray
    page: np.ndarray
    pages: int

    @classmethod
    def of_text(cls, text: str, confidences: Sequence[Sequence[float | None]] | None = None) -> "Signals":
        """Measure ``text`` (pages separated by form feeds, lines by newlines).

        ``confidences``: for each line, the engine's word confidences (0..1 or
        None), in the order of the line's whitespace-separated tokens.
        """
        return _measure(text, confidences)

    def page_masses(self) -> np.ndarray:
        out = np.zeros((self.pages, len(FEATURES)))
        np.add.at(out, self.page, self.masses)
        return out

    def page_chars(self) -> np.ndarray:
        return np.bincount(self.page, weights=self.chars, minlength=self.pages)

    def page_rates(self) -> list[dict[str, float]]:
        """Each page's signals as rates (mass / characters)."""
        rates = self.page_masses() / np.maximum(self.page_chars(), 1.0)[:, None]
        return [dict(zip(FEATURES, map(float, row))) for row in rates]


class _TokenTable:
    """Per distinct token: its signal masses (a row) and its folded word (for the document's vocabulary)."""

    def __init__(self) -> None:
        self.lex = lexicon.load()
        self.lm = charlm.load()
        self.index: dict[str, int] = {}
        self.rows: list[tuple[float, ...]] = []
        self.keys: list[str | None] = []

    def id(self, token: str) -> int:
        found = self.index.get(token)
        if found is None:
            found = self.index[token] = len(self.rows)
            row, key = self._classify(token)
            self.rows.append(row)
            self.keys.append(key)
        return found

    def _classify(self, token: str) -> tuple[tuple[float, ...], str | None]:
        """The masses of one token and, for an unknown plausible or rare word, its folded form."""
        m = dict.fromkeys(_TOKEN_FEATURES, 0.0)
        odd = len(_ODD.findall(token))
        m["odd_chars"] = odd
        core = token.strip(_EDGE_PUNCT)
        key = None
        if not any(char.isalnum() for char in core):
            if token not in _STANDALONE_OK and not (token.count(".") == len(token) and len(token) >= 3):
                m["symbols"] = len(token) + 1
        elif _WORD.fullmatch(core):
            word = core.rstrip(".")
            zipf = self.lex.zipf(word)
            if zipf == 0.0 and "." in word:  # "e.g", "U.S.A": abbreviations
                zipf = self.lex.zipf(word.replace(".", ""))
            letters = len(word)
            if _CONSONANTS.search(word) or _case_flips(word):
                m["garbage"] = len(token)
            elif zipf == 0.0:
                if self.lm.bits(word) > IMPLAUSIBLE_BITS:
                    m["nonword"] = letters
                else:
                    m["unknown"] = letters
                    key = lexicon.fold(word)
            elif letters <= 2 and zipf < _FRAGMENT_ZIPF:
                m["fragments"] = letters + 1
            elif zipf < _RARE_ZIPF:
                m["rare"] = letters * (_RARE_ZIPF - zipf) / _RARE_ZIPF
                key = lexicon.fold(word)
        elif _NUMBER.fullmatch(core) or _CODE.fullmatch(core):
            pass
        elif _MIXED.search(core) or _INNER_PUNCT.search(core) or odd or _CONSONANTS.search(core):
            m["garbage"] = len(token)
        return tuple(m.values()), key


def _case_flips(word: str) -> bool:
    """Lower case then upper case inside a word, twice, or once in a short word ("tHe", "aNd"); not "McDonald"."""
    flips = len(_CASE_FLIP.findall(word))
    return flips >= 2 or (flips == 1 and len(word) <= 4)


# The token table is kept between calls (capped), so a folder of pages pays once per distinct token.
_TABLE: _TokenTable | None = None
_TABLE_LIMIT = 500_000


def _table() -> _TokenTable:
    global _TABLE
    if _TABLE is None or len(_TABLE.rows) > _TABLE_LIMIT:
        _TABLE = _TokenTable()
    return _TABLE


def _measure(text: str, confidences: Sequence[Sequence[float | None]] | None) -> Signals:
    table = _table()
    page_texts = text.split("\f")
    token_ids: list[int] = []
    token_line: list[int] = []
    token_len: list[int] = []
    line_chars: list[int] = []
    line_alnum: list[int] = []
    line_nonspace: list[int] = []
    line_page: list[int] = []
    line_conf: list[float] = []
    line_index = 0
    for page_number, page_text in enumerate(page_texts):
        for line in page_text.split("\n"):
            tokens = line.split()
            nonspace = sum(map(len, tokens))
            line_chars.append(nonspace + len(tokens))  # tokens, the spaces between, the line break
            line_nonspace.append(nonspace)
            line_page.append(page_number)
            line_alnum.append(_alnum(line))
            conf_mass = 0.0
            if confidences is not None and line_index < len(confidences):
                for token, confidence in zip(tokens, confidences[line_index]):
                    if confidence is not None:
                        conf_mass += (len(token) + 1) * (1.0 - confidence)
            line_conf.append(conf_mass)
            for token in tokens:
                token_ids.append(table.id(token))
                token_line.append(line_index)
                token_len.append(len(token))
            line_index += 1
    n_lines = line_index
    masses = np.zeros((n_lines, len(FEATURES)))
    if token_ids:
        ids = np.asarray(token_ids)
        rows = np.asarray(table.rows)
        token_masses = rows[ids]
        _own_words(table, ids, token_masses)
        lines = np.asarray(token_line)
        for column in range(len(_TOKEN_FEATURES)):
            masses[:, column] = np.bincount(lines, weights=token_masses[:, column], minlength=n_lines)
    chars = np.asarray(line_chars, dtype=float)
    filled = chars - 1.0  # without the line break
    short = (filled >= 1) & (filled <= 3)
    masses[:, _COL["short_lines"]] = np.where(short, chars, 0.0)
    alnum = np.asarray(line_alnum, dtype=float)
    bad = masses[:, [_COL[n] for n in ("nonword", "garbage", "symbols", "odd_chars")]].sum(axis=1)
    nonspace = np.asarray(line_nonspace, dtype=float)
    noisy = (filled > 3) & ((alnum < 0.5 * nonspace) | (bad > 0.5 * chars))
    masses[:, _COL["noise_lines"]] = np.where(noisy, chars, 0.0)
    masses[:, _COL["confidence"]] = line_conf
    return Signals(masses, chars, np.asarray(line_page, dtype=int), len(page_texts))


def _alnum(line: str) -> int:
    """Letters and digits in ``line`` (bytes.translate for ASCII lines: no Python loop per character)."""
    if line.isascii():
        return len(line) - len(line.encode("ascii").translate(None, _ALNUM_BYTES))
    return sum(char.isalnum() for char in line)


_ALNUM_BYTES = bytes(range(48, 58)) + bytes(range(65, 91)) + bytes(range(97, 123))


def _own_words(table: _TokenTable, ids: np.ndarray, token_masses: np.ndarray) -> None:
    """Move unknown words the document uses often from ``unknown`` to ``repeated`` (in place)."""
    counts = Counter()
    uses = np.bincount(ids)
    present = np.flatnonzero(uses)
    for type_id in present.tolist():
        key = table.keys[type_id]
        if key is not None:
            counts[key] += int(uses[type_id])
    own = [type_id for type_id in present.tolist()
           if table.keys[type_id] is not None and counts[table.keys[type_id]] >= OWN_WORD_COUNT]
    if own:
        mask = np.isin(ids, own)
        moved = token_masses[mask][:, [_COL["unknown"], _COL["rare"]]]
        token_masses[mask, _COL["repeated"]] = moved.sum(axis=1)
        token_masses[mask, _COL["unknown"]] = 0.0
        token_masses[mask, _COL["rare"]] = 0.0


def not_text_share(text: str) -> float:
    """Share of characters that no text holds (control characters, private use, U+FFFD); form feeds and tabs excepted.

    >>> not_text_share("ab\\x00\\x01")
    0.5
    """
    if not text:
        return 0.0
    cleaned = text.replace("\f", "").replace("\t", "").replace("\n", "").replace("\r", "")
    return len(_NOT_TEXT.findall(cleaned)) / max(len(cleaned), 1)


def loop_spans(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` the ``dedup`` strategy would remove as repetition loops.

    >>> loop_spans("ok " + "la la " * 10)
    [(5, 62)]
    """
    from ocrfix.strategies.dedup import Dedup

    return [(edit.start, edit.end) for edit in Dedup().propose(text)]


def page_starts(text: str) -> list[int]:
    """Offset where each page of ``text`` starts."""
    starts = [0]
    position = text.find("\f")
    while position >= 0:
        starts.append(position + 1)
        position = text.find("\f", position + 1)
    return starts


def spans_per_page(spans: list[tuple[int, int]], starts: list[int]) -> list[int]:
    """Characters of ``spans`` falling on each page."""
    totals = [0] * len(starts)
    for start, end in spans:
        page = bisect.bisect_right(starts, start) - 1
        totals[page] += end - start
    return totals
