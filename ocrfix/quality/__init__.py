"""Quality without ground truth: estimate each page's CER and flag loops, garbage and hopeless pages.

:func:`estimate` measures the signals of :mod:`ocrfix.quality.signals` on
every page (pages split on form feeds, or a read :class:`ocrfix.io.Document`'s
pages), maps them to an **estimated CER** with an 80% interval through a small
shipped calibration (:mod:`ocrfix.quality.calibrate`), scores every line so a
report can point at the bad passages, and gives each page a verdict:

``ok``           estimated CER below ``ok_below`` (default 2%)
``correctable``  between the two thresholds: worth running ``ocrfix correct``
``re-ocr``       estimated CER above ``reocr_above`` (default 25%): correction cannot save it
``loop``         at least 5% of the page is a repetition loop (the ``dedup`` strategy removes it)
``empty``        nothing but whitespace
``not text``     control characters, binary junk, or hardly a letter or digit
``unknown language``  not English (the lexicon and character model are English); no number is given

The pages of one document lend each other part of their evidence
(:func:`pooled_rates`): a page is a small sample of its document's damage.

>>> report = estimate("The quarterly report was sent to the committee on Monday.\\f"
...                   "Tbe qnarterly rcport wns sont to tlie cornmittee ou Mouday.")
>>> [page.verdict for page in report.pages]
['ok', 're-ocr']
>>> report.pages[0].cer < 0.02 < report.pages[1].cer
True
>>> estimate("").verdict, estimate("\\x00\\x01\\x02\\x03 binary").verdict
('empty', 'not text')

Retrain the calibration on your own (OCR, ground truth) pairs with
``ocrfix quality --train --corpus PATH -o MODEL`` (or :func:`train`) and pass
``model=MODEL`` to use it. Many files at once, a row per page worst first as a
table, JSON or CSV (``ocrfix quality FOLDER``): :mod:`ocrfix.quality.files`.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from ocrfix.errors import OcrfixError
from ocrfix.gcpause import without_cycle_collection
from ocrfix.quality import language
from ocrfix.quality.calibrate import Calibration, fit
from ocrfix.quality.features import FEATURES, WORD_EVIDENCE
from ocrfix.quality.signals import Signals, loop_spans

__all__ = ["LineQuality", "PageQuality", "QualityReport", "VERDICTS", "cross_validate", "estimate", "evaluate",
           "load_model", "page_table", "pooled_rates", "train"]

MODEL_FILE = "quality_calibration.json"
VERDICTS = ("ok", "correctable", "re-ocr", "loop", "empty", "not text", "unknown language")
#: Signals the plain-text model uses (word confidences only exist for hOCR/ALTO input).
TEXT_FEATURES = tuple(name for name in FEATURES if name != "confidence")
OK_BELOW = 0.02
REOCR_ABOVE = 0.25
LOOP_SHARE = 0.05
_NOT_TEXT_SHARE = 0.02
_MIN_ALNUM_SHARE = 0.25
_WORST_LINES = 5
_MIN_WORDS_PER_LINE = 1.5
_LINE_PRIOR_CHARS = 40
#: A page's rates are read with this many characters of its document's other pages' rates besides its
#: own (see :func:`pooled_rates`): the pages of one document share an engine, a typeface and a scan, and a
#: page's few hundred words are a noisy sample of its damage. Cross-validated by document on the project
#: corpus (5 folds, 220 pages; calibration fitted on each page's own rates, the same fit as without
#: pooling): Spearman 0.917 and mean absolute error on pages <= 15% 1.23 points without, 0.925 / 1.12,
#: 0.928 / 1.07, 0.925 / 1.06 and 0.922 / 1.06 with 250, 700, 1,000 and 1,500 characters. 1,200 since session 25:
#: the pooled rates have their own score since session 15, and with it the corpus (10 random deals of the documents
#: into folds) reads 1.0079 -> 0.9934 points (1,000 / 1,500: 0.9936 / 0.9977), held-out sets B-K 1.410 -> 1.371
#: (1,000 / 1,500: 1.404 / 1.353); held-out pages paired at random into documents of two unrelated pages, what more
#: pooling can harm, 1.596 -> 1.631 (1,000 / 1,500: 1.626 / 1.653).
DOCUMENT_PRIOR_CHARS = 1200.0
#: A page whose visible evidence (:data:`features.WORD_EVIDENCE`, per character, plus
#: :data:`_EVIDENCE_FLOOR`) is this many times that of its document's other pages, or a part of it, borrows
#: nothing from them: a clean page beside a garbled one stays clean (borrowing falls linearly in the log of
#: the ratio, from all of :data:`DOCUMENT_PRIOR_CHARS` at 1 to none at this). Corpus cross-validation as
#: above: 1.12 points with 2, 1.08 without the limit. Documents whose pages have nothing in common are what
#: pooling can harm: held-out pages paired at random into two-page documents read with a mean absolute
#: error on pages <= 15% of 1.34 points, against 1.19 unpooled and 1.88 without the limit.
POOL_RATIO = 3.0
#: Evidence per character added to both sides of that ratio: pages of clean text (0.1-0.5% of their
#: characters in suspect words) differ by large factors that mean nothing.
_EVIDENCE_FLOOR = 0.005
_BLANKS = " \t\n\r\v"  # the whitespace a page may hold besides its marks (pages are split at form feeds)
#: A run of at least this many ground-truth characters missing from the OCR is text the engine lost (a
#: line or more left out), not a misreading: training gives such pages less say above the fit
#: (:data:`ocrfix.quality.calibrate.HUBER_DELTA_UNDER`). 8 to 30 cross-validated alike on the corpus.
LOST_RUN = 15


@dataclass
class LineQuality:
    """One line's estimated CER (noisier than a page's: few characters) and whether it lies in a loop."""

    page: int
    line: int
    text: str
    cer: float
    loop: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"page": self.page, "line": self.line, "cer": round(self.cer, 4), "loop": self.loop, "text": self.text}


@dataclass
class PageQuality:
    """One page: its verdict, estimated CER with interval (None for verdicts without a number), signals and lines."""

    number: int
    chars: int
    verdict: str
    cer: float | None = None
    low: float | None = None
    high: float | None = None
    language: str | None = None
    loop_share: float = 0.0
    signals: dict[str, float] = field(default_factory=dict)
    # (page text, each line's estimated CER, each line's characters in loops): lines are made on demand.
    _line_data: tuple[str, np.ndarray, np.ndarray] | None = field(default=None, repr=False, compare=False)

    @property
    def lines(self) -> list[LineQuality]:
        """Every non-blank line with its estimated CER (pages without a number have none)."""
        if self._line_data is None:
            return []
        text, cers, looped = self._line_data
        return [LineQuality(self.number, number, line, float(cer), bool(2 * loop >= len(line)))
                for number, (line, cer, loop) in enumerate(zip(text.split("\n"), cers.tolist(), looped.tolist()), start=1)
                if line.strip()]

    def worst_lines(self, count: int = _WORST_LINES) -> list[LineQuality]:
        """The ``count`` lines with the highest estimated CER (loops first)."""
        return sorted(self.lines, key=lambda line: (not line.loop, -line.cer))[:count]

    def to_dict(self, lines: int = _WORST_LINES) -> dict[str, Any]:
        return {"page": self.number, "verdict": self.verdict, "cer": _round(self.cer), "low": _round(self.low),
                "high": _round(self.high), "chars": self.chars, "language": self.language,
                "loop_share": round(self.loop_share, 4), "signals": {k: round(v, 5) for k, v in self.signals.items()},
                "worst_lines": [line.to_dict() for line in self.worst_lines(lines)]}


@dataclass
class QualityReport:
    """The estimate for a text or document: its pages and a character-weighted whole.

    The document's verdict is ``loop`` when any page loops, else that of its
    estimated CER; without any page to put a number on, the commonest page verdict.
    """

    pages: list[PageQuality]
    verdict: str
    cer: float | None
    low: float | None
    high: float | None
    source: str | None = None

    def worst_pages(self) -> list[PageQuality]:
        """Pages worst first: those without a number (empty, not text, ...) then by estimated CER."""
        return sorted(self.pages, key=lambda page: (page.cer is not None, -(page.cer or 0.0)))

    def to_dict(self, lines: int = _WORST_LINES) -> dict[str, Any]:
        return {"source": self.source, "verdict": self.verdict, "cer": _round(self.cer), "low": _round(self.low),
                "high": _round(self.high), "pages": [page.to_dict(lines) for page in self.pages]}


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 4)


@lru_cache(maxsize=8)
def load_model(path: str | None = None) -> Calibration:
    """The calibration at ``path`` (a JSON file written by :func:`train`), or the shipped one."""
    try:
        if path is None:
            data = json.loads(resources.files("ocrfix.data").joinpath(MODEL_FILE).read_text("utf-8"))
        else:
            from ocrfix.io import read_text

            data = json.loads(read_text(path))
        model = Calibration.from_json(data)
        for part in (model, model.with_confidence):
            unknown = sorted(set(part.features) - set(FEATURES)) if part else []
            if unknown:
                raise ValueError(f"unknown signal {unknown[0]!r} (known: {', '.join(FEATURES)})")
        return model
    except (ValueError, KeyError, TypeError) as error:
        raise OcrfixError(f"not a quality model: {error}", path) from None


def estimate(
    text_or_document: Any,
    *,
    model: str | os.PathLike[str] | Calibration | None = None,
    ok_below: float = OK_BELOW,
    reocr_above: float = REOCR_ABOVE,
) -> QualityReport:
    """Estimate the CER of each page of ``text_or_document`` without ground truth.

    Accepts a str (pages separated by form feeds), bytes (decoded as UTF-8;
    undecodable input is ``not text``) or an :class:`ocrfix.io.Document`
    (whose word confidences are reported as the ``confidence`` signal).

    >>> page = estimate("It was the best of times, it was the worst of times.").pages[0]
    >>> page.verdict, page.low <= page.cer <= page.high
    ('ok', True)
    """
    calibration = model if isinstance(model, Calibration) else load_model(None if model is None else os.fspath(model))
    text, confidences, numbers, source = _unpack(text_or_document)
    analysis = _Analysis(text, confidences)
    pages: list[PageQuality] = []
    base, lows, highs, line_cer = analysis.predict(calibration)
    if calibration.with_confidence is not None and analysis.signals.confident.any():
        # Pages with the engine's word confidences use the model trained with them.
        scored = analysis.predict(calibration.with_confidence)
        pages_with = analysis.signals.confident > 0
        lines_with = pages_with[analysis.signals.page]
        base, lows, highs = (np.where(pages_with, new, old) for new, old in zip(scored[:3], (base, lows, highs)))
        line_cer = np.where(lines_with, scored[3], line_cer)
    line_cer = analysis.shrunk(line_cer, base)
    # As Python numbers once, not a numpy scalar at a time (the same values).
    rates, sizes = analysis.all_rates.tolist(), analysis.page_chars.tolist()
    base, lows, highs = base.tolist(), lows.tolist(), highs.tolist()
    for index in range(len(analysis.page_texts)):
        page = PageQuality(number=numbers[index] if index < len(numbers) else index + 1,
                           chars=int(sizes[index]), verdict="ok", signals=dict(zip(FEATURES, rates[index])),
                           loop_share=analysis.loop_share(index))
        pages.append(page)
        special = analysis.special[index]
        if special is not None:
            page.verdict, page.language = special
            continue
        page.language = "en"
        page.cer = _with_loops(base[index], page.loop_share)
        page.low, page.high = _with_loops(lows[index], page.loop_share), _with_loops(highs[index], page.loop_share)
        page._line_data = analysis.line_data(index, line_cer)
        if page.loop_share >= LOOP_SHARE:
            page.verdict = "loop"
        else:
            page.verdict = _threshold_verdict(page.cer, ok_below, reocr_above)
    return _whole(pages, source, ok_below, reocr_above)


def _unpack(obj: Any) -> tuple[str, list[list[tuple[int, float | None]]] | None, list[int], str | None]:
    from ocrfix.io import Document

    if isinstance(obj, Document):
        # One entry per line of obj.text(): a page without lines is still one (empty) line there.
        confidences = [[(len(word.text), word.confidence) for word in line.words] if line is not None else []
                       for page in obj.pages for line in (page.lines or [None])]
        scored_lines = [sum(value is not None for _, value in line) for line in confidences]
        scored_lines = [count for count in scored_lines if count]
        # Word confidences only: an engine that scores whole lines (one "word" each) says too little.
        if not scored_lines or sum(scored_lines) < _MIN_WORDS_PER_LINE * len(scored_lines):
            confidences = None
        return _clean(obj.text()), confidences, [page.number for page in obj.pages], obj.source
    if isinstance(obj, (bytes, bytearray)):
        obj = bytes(obj).decode("utf-8", errors="replace")
    if not isinstance(obj, str):
        raise TypeError(f"estimate() takes a str, bytes or ocrfix.io.Document, not {type(obj).__name__}")
    return _clean(obj), None, [], None


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


class _Analysis:
    """Signals, page sizes, languages and loops of one text, shared by the page and line estimates."""

    def __init__(self, text: str, confidences: list[list[tuple[int, float | None]]] | None) -> None:
        with without_cycle_collection():  # the token table's new rows and the loop search allocate much, in no cycle
            self.text = text
            self.page_texts = text.split("\f")
            self.signals = Signals.of_text(text, confidences)
            self.page_chars = self.signals.page_chars()
            self.loops = loop_spans(text, self.signals) if text.strip() else []
            self.line_loop = self.signals.line_coverage(self.loops)
            self.loop_chars = np.bincount(self.signals.page, weights=self.line_loop, minlength=self.signals.pages)
            self.language, self.page_language = self._languages()
            # (verdict, language) of each page that gets no number, None for the others
            self.special = [self._special_verdict(page) for page in range(self.signals.pages)]
            # each page's first line, and the end of the last page's
            self._line_bounds = np.searchsorted(self.signals.page, np.arange(self.signals.pages + 1)).tolist()
            masses = self.signals.page_masses()
            self.all_rates = masses / np.maximum(self.page_chars, 1.0)[:, None]  # each page's own
            # What the estimate reads: pages that get a number pool their evidence, and the characters it stands on.
            self.pooled, self.pooled_chars = self.all_rates, self.page_chars
            self.borrowed: np.ndarray | None = None  # a page read alone borrows nothing
            if self.signals.pages > 1:
                judged = np.array([special is None for special in self.special])
                self.pooled, self.pooled_chars = pooled_rates(masses, self.page_chars, judged)
                self.borrowed = borrowed_share(self.pooled_chars, self.page_chars)

    def predict(self, calibration: Calibration) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Page estimates, their interval bounds, and line estimates (loops not yet added)."""
        base = calibration.predict(self.rates(calibration.features), self.pooled_chars, self.borrowed)
        low, high = calibration.interval(base, self.page_chars)  # the page's true CER is counted over its own
        # A line's estimate is drawn towards its page's (shrunk), not towards clean text.
        return base, low, high, calibration.predict(self.line_rates(calibration.features))

    def rates(self, features: Sequence[str]) -> np.ndarray:
        return self.pooled[:, [FEATURES.index(name) for name in features]]

    def line_rates(self, features: Sequence[str]) -> np.ndarray:
        columns = [FEATURES.index(name) for name in features]
        return self.signals.masses[:, columns] / np.maximum(self.signals.chars, 1.0)[:, None]

    def loop_share(self, page: int) -> float:
        size = len(self.page_texts[page])
        return min(1.0, float(self.loop_chars[page]) / size) if size else 0.0

    def _languages(self) -> tuple[str | None, list[str | None]]:
        """The document's language and each page's (None: too few words to tell)."""
        s = self.signals
        pages = language.decide_many(s.words, s.hits)
        for page in ((s.letters > 0) & (s.latin < 0.5 * s.letters)).nonzero()[0].tolist():
            pages[page] = language.script(self.page_texts[page])
        if s.pages == 1:
            return pages[0], pages  # the document is its page: the same counts decide
        letters = float(s.letters.sum())
        if letters and float(s.latin.sum()) < 0.5 * letters:
            return language.script(self.text), pages
        return language.decide_many(np.array([s.words.sum()]), s.hits.sum(axis=0, keepdims=True))[0], pages

    def _special_verdict(self, page: int) -> tuple[str, str | None] | None:
        """(verdict, language) for a page that gets no number, else None."""
        s = self.signals
        text = self.page_texts[page]
        marks = text.strip(_BLANKS)  # from the first mark to the last
        if marks and not marks.strip(marks[0] + _BLANKS) and len(text.strip()) >= 4:  # one symbol, repeated
            return "loop", None
        nonspace = float(s.nonspace[page])
        if not marks or not nonspace:  # nothing, or only the rules of a Markdown table
            return "empty", None
        if s.not_text[page] > _NOT_TEXT_SHARE * nonspace or (nonspace >= 20 and s.alnum[page] < _MIN_ALNUM_SHARE * nonspace):
            return "not text", None
        found = self.page_language[page] or self.language
        if found not in (None, "en"):
            return "unknown language", found
        return None

    def shrunk(self, line_cer: np.ndarray, page_cer: np.ndarray) -> np.ndarray:
        """Every line's estimate drawn towards its page's by :data:`_LINE_PRIOR_CHARS` characters' worth of
        weight: a line has few characters."""
        chars = self.signals.chars
        return (chars * line_cer + _LINE_PRIOR_CHARS * page_cer[self.signals.page]) / (chars + _LINE_PRIOR_CHARS)

    def line_data(self, page: int, line_cer: np.ndarray) -> tuple[str, np.ndarray, np.ndarray]:
        """The page's text, its lines' estimates (``line_cer``: every line's, :meth:`shrunk`) and loop characters."""
        lines = slice(self._line_bounds[page], self._line_bounds[page + 1])
        return self.page_texts[page], line_cer[lines], self.line_loop[lines]


def pooled_rates(masses: np.ndarray, chars: np.ndarray, pooled: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each page's signal rates (``masses`` pages × :data:`FEATURES` over ``chars``), those of the ``pooled``
    pages read with :data:`DOCUMENT_PRIOR_CHARS` characters of the other pooled pages' rates besides their own,
    and the characters each page's rates then stand on (its own and those it borrowed).

    A page whose visible evidence differs from the other pages' by a factor approaching
    :data:`POOL_RATIO` borrows less, none from there on.

    >>> masses = np.zeros((3, len(FEATURES))); masses[:, FEATURES.index("nonword")] = [20.0, 3.0, 0.0]
    >>> rates, over = pooled_rates(masses, np.array([1000.0, 200.0, 1000.0]), np.array([True, True, True]))
    >>> [round(1000 * rate, 1) for rate in rates[:, FEATURES.index("nonword")].tolist()]  # per 1,000 characters
    [20.0, 10.9, 0.0]
    >>> over.round().tolist()  # the middle page borrows from pages like it; the other two, a factor 3 apart, none
    [1000.0, 1086.0, 1000.0]
    """
    chars = np.maximum(np.asarray(chars, dtype=float), 1.0)
    rates = masses / chars[:, None]
    if int(pooled.sum()) < 2:
        return rates, chars
    others = (masses[pooled].sum(axis=0) - masses) / np.maximum(chars[pooled].sum() - chars, 1.0)[:, None]
    evidence = [FEATURES.index(name) for name in WORD_EVIDENCE]
    ratio = (rates[pooled][:, evidence].sum(axis=1) + _EVIDENCE_FLOOR) / (others[pooled][:, evidence].sum(axis=1)
                                                                        + _EVIDENCE_FLOOR)
    borrowed = np.zeros(len(chars))  # a page left out borrows nothing (its "others" would count itself out)
    borrowed[pooled] = DOCUMENT_PRIOR_CHARS * np.clip(1.0 - np.abs(np.log(ratio)) / np.log(POOL_RATIO), 0.0, 1.0)
    return (masses + borrowed[:, None] * others) / (chars + borrowed)[:, None], chars + borrowed


def borrowed_share(pooled_chars: np.ndarray, chars: np.ndarray) -> np.ndarray:
    """Share of a full pool (:data:`DOCUMENT_PRIOR_CHARS`) each page borrowed, from the characters its pooled
    rates stand on (:func:`pooled_rates`) and its own: what moves a page's score towards the one fitted on
    pooled rates (:meth:`ocrfix.quality.calibrate.Calibration.predict`).

    >>> borrowed_share(np.array([2000.0, 1000.0, 0.0]), np.array([800.0, 1000.0, 0.0])).tolist()
    [1.0, 0.0, 0.0]
    """
    chars = np.maximum(np.asarray(chars, dtype=float), 1.0)
    return np.clip((np.asarray(pooled_chars, dtype=float) - chars) / max(DOCUMENT_PRIOR_CHARS, 1.0), 0.0, 1.0)


def _with_loops(base: float, loop_share: float) -> float:
    """CER of a page whose ``loop_share`` is repetition: the rest's CER plus the loop as insertions."""
    if loop_share <= 0.0:
        return float(base)
    kept = max(1.0 - loop_share, 0.01)
    return float(base) + loop_share / kept


def _threshold_verdict(cer: float, ok_below: float, reocr_above: float) -> str:
    if cer < ok_below:
        return "ok"
    return "re-ocr" if cer > reocr_above else "correctable"


def _whole(pages: list[PageQuality], source: str | None, ok_below: float, reocr_above: float) -> QualityReport:
    measured = [page for page in pages if page.cer is not None]
    if not measured:
        verdicts = [page.verdict for page in pages]
        verdict = max(set(verdicts), key=lambda v: (verdicts.count(v), v != "empty"))
        return QualityReport(pages, verdict, None, None, None, source)
    weights = np.array([max(page.chars, 1) for page in measured], dtype=float)
    values = np.array([[getattr(page, name) for page in measured] for name in ("cer", "low", "high")])
    cer, low, high = (np.multiply(values, weights).sum(axis=1) / weights.sum()).tolist()  # np.average's sums, unchecked
    verdict = "loop" if any(page.verdict == "loop" for page in pages) else _threshold_verdict(cer, ok_below, reocr_above)
    return QualityReport(pages, verdict, cer, low, high, source)


# -- training and evaluation -------------------------------------------------------------------


@dataclass
class PageTable:
    """Pages of OCR with their signal rates and true CER, ready to fit or score a calibration.

    A calibration is fitted on each page's own rates and, as a second score, on the rates :func:`estimate`
    reads (``pooled`` with the document's other pages, :func:`pooled_rates`, their prior of clean text weighed
    against the characters they stand on, ``pooled_chars``); a page's score mixes the two by the share of a
    full pool it borrowed (:func:`borrowed_share`). Fitted on the pooled rates alone, the project corpus
    cross-validated no better (session 14: 1.047 vs 1.048 points on pages <= 15%) and single pages, which
    borrow nothing, read higher (clean text 4.68% vs 4.29%); the mix (session 15) 1.042, clean text as it
    was (docs/quality.md).
    """

    rates: np.ndarray          # pages × FEATURES, each page's own
    cer: np.ndarray            # true CER against the (diplomatic) ground truth
    chars: np.ndarray
    loop_share: np.ndarray
    document: list[str]        # id of each page's document
    subset: list[str]
    pooled: np.ndarray         # pages × FEATURES, as the estimate reads them
    lost: np.ndarray           # share of the ground truth missing from the OCR in runs of LOST_RUN or more
    pooled_chars: np.ndarray   # characters the pooled rates stand on (the page's own and those it borrowed)

    def select(self, mask: np.ndarray) -> "PageTable":
        keep = mask.nonzero()[0]
        return PageTable(self.rates[keep], self.cer[keep], self.chars[keep], self.loop_share[keep],
                         [self.document[i] for i in keep], [self.subset[i] for i in keep], self.pooled[keep],
                         self.lost[keep], self.pooled_chars[keep])


def page_table(documents: Iterable[Any], *, source: str = "text", progress: bool = False) -> PageTable:
    """Measure every page of corpus documents (:class:`ocrfix.corpus.CorpusDocument`) against its ground truth.

    ``source="text"`` measures the plain OCR text; ``source="hocr"`` reads
    each document's hOCR file (where the corpus has one) for the engine's word
    confidences, and keeps only pages that have them. True page CER uses the
    diplomatic ground truth where there is one (the page as printed), else the
    logical one; a document whose OCR and ground truth have different page
    counts is scored as one page. Pages that get no number (empty, not text,
    not English) are left out.
    """
    from ocrfix.metrics import cer as true_cer

    documents = list(documents)
    rows, read_rows, targets, sizes, read_sizes, loops, owners, subsets, lost = [], [], [], [], [], [], [], [], []
    iterator = documents
    if progress:
        from tqdm import tqdm

        iterator = tqdm(documents, desc=f"quality pages ({source})", unit="doc")
    for document in iterator:
        read = _read_source(document, source)
        if read is None:
            continue
        ocr, confidences = read
        reference = _clean(document.gt_diplomatic or document.gt)
        ref_pages, ocr_pages = reference.split("\f"), ocr.split("\f")
        if len(ref_pages) != len(ocr_pages):
            if confidences is not None:
                continue
            ref_pages, ocr_pages = [reference.replace("\f", "\n")], [ocr.replace("\f", "\n")]
            ocr = ocr_pages[0]
        analysis = _Analysis(ocr, confidences)
        for index, (ref_page, ocr_page) in enumerate(zip(ref_pages, ocr_pages)):
            if not ref_page.strip() or analysis.special[index] is not None:
                continue
            if confidences is not None and not analysis.signals.confident[index]:
                continue
            rows.append(analysis.all_rates[index])
            read_rows.append(analysis.pooled[index])
            targets.append(true_cer(ref_page, ocr_page))
            lost.append(_lost_share(ref_page, ocr_page))
            sizes.append(analysis.page_chars[index])
            read_sizes.append(analysis.pooled_chars[index])
            loops.append(analysis.loop_share(index))
            owners.append(document.id)
            subsets.append(str(document.meta.get("subset", "")))
    rates, read = (np.array(values, dtype=float).reshape(-1, len(FEATURES)) for values in (rows, read_rows))
    return PageTable(rates, np.array(targets), np.array(sizes, dtype=float), np.array(loops), owners, subsets, read,
                     np.array(lost, dtype=float), np.array(read_sizes, dtype=float))


def _lost_share(reference: str, ocr: str) -> float:
    """Share of ``reference``'s characters (normalised as CER counts them) missing from ``ocr`` in runs of
    :data:`LOST_RUN` or more.

    >>> _lost_share("The first line of the page.\\nThe second line of it.", "The first line of the page.")
    0.46
    """
    from ocrfix.metrics import plain_opcodes
    from ocrfix.profiles import normalize

    reference, ocr = normalize(reference), normalize(ocr)
    missing = (ref_end - ref_start - (ocr_end - ocr_start)
               for tag, ref_start, ref_end, ocr_start, ocr_end in plain_opcodes(reference, ocr) if tag != "equal")
    return sum(run for run in missing if run >= LOST_RUN) / max(len(reference), 1)


def _read_source(document: Any, source: str) -> tuple[str, list | None] | None:
    """The document's OCR text and, for ``source="hocr"``, its word confidences (None when it has no hOCR)."""
    if source == "text":
        return _clean(document.ocr), None
    path = document.files.get("hocr")
    if path is None:
        return None
    from ocrfix.io import read

    try:
        text, confidences, _, _ = _unpack(read(path))
    except OcrfixError:
        return None
    return (text, confidences) if confidences is not None else None


def _fit_table(table: PageTable, groups: Sequence[str], features: Sequence[str] = TEXT_FEATURES,
               info: dict[str, Any] | None = None) -> Calibration:
    columns = [FEATURES.index(name) for name in features]
    # The calibration learns the error of loop-free text; loops are added back analytically.
    kept = np.maximum(1.0 - table.loop_share, 0.01)
    base = np.clip(table.cer - table.loop_share / kept, 0.0, None)
    return fit(table.rates[:, columns], base, table.chars, groups, list(features), info=info, lost=table.lost > 0,
               pooled=(table.pooled[:, columns], table.pooled_chars))


def _predict_with_interval(model: Calibration, table: PageTable) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each page's estimate and 80% interval, loops added back, as :func:`estimate` gives them."""
    columns = [FEATURES.index(name) for name in model.features]
    base = model.predict(table.pooled[:, columns], table.pooled_chars, borrowed_share(table.pooled_chars, table.chars))
    low, high = model.interval(base, table.chars)
    return tuple(np.array([_with_loops(value, share) for value, share in zip(values, table.loop_share)])
                 for values in (base, low, high))


def train(documents: Iterable[Any], *, info: dict[str, Any] | None = None, progress: bool = False) -> Calibration:
    """Fit a calibration on corpus documents (OCR with ground truth); save it with ``.save(path)``.

    Documents sharing a ground truth are grouped, so the interval is estimated
    on pages whose text the fit did not see. Where at least 10 pages have hOCR
    with word confidences, a second model using them is fitted too
    (``with_confidence``), for hOCR/ALTO input.
    """
    documents = list(documents)
    table = page_table(documents, progress=progress)
    if len(table.cer) < 10:
        raise OcrfixError(f"too few pages to train on ({len(table.cer)}; at least 10)")
    group_of = _group_names(documents)
    model = _fit_table(table, [group_of[d] for d in table.document], info=dict(info or {}, source="text"))
    with_conf = page_table(documents, source="hocr", progress=progress)
    if len(with_conf.cer) >= 10:
        model.with_confidence = _fit_table(with_conf, [group_of[d] for d in with_conf.document], FEATURES,
                                           info=dict(info or {}, source="hocr"))
    return model


def _group_names(documents: Sequence[Any]) -> dict[str, str]:
    from ocrfix.bench.folds import groups

    return {document.id: min(d.id for d in group) for group in groups(documents) for document in group}


def cross_validate(documents: Sequence[Any], folds: int | Sequence[Sequence[Any]] = 5) -> dict[str, Any]:
    """Spearman correlation and mean absolute error between estimated and true page CER, cross-validated by document.

    ``folds`` is a number of folds or the folds themselves (lists of documents,
    as the benchmark makes them: documents sharing a ground truth in one fold).
    Each fold's pages are estimated by a calibration fitted on the other folds.
    Returns ``{"folds": n, "subsets": {name: stats}, "all": stats, "hocr": {...}}``:
    the plain-text estimate, and under ``"hocr"`` the same for the documents'
    hOCR with word confidences (where the corpus has it). Stats hold
    ``pages``, ``spearman``, ``mae`` and, for pages of true CER <= 15%,
    ``pages_le15`` and ``mae_le15``.
    """
    from ocrfix.bench.folds import folds as make_folds

    documents = list(documents)
    fold_list = make_folds(documents, folds) if isinstance(folds, int) else [list(fold) for fold in folds]
    fold_of = {document.id: index for index, fold in enumerate(fold_list) for document in fold}
    group_of = _group_names(documents)
    result: dict[str, Any] = {"folds": len(fold_list)}
    result.update(_cross_validate_table(page_table(documents), fold_of, group_of, len(fold_list), TEXT_FEATURES))
    hocr = page_table(documents, source="hocr")
    if len(hocr.cer):
        result["hocr"] = _cross_validate_table(hocr, fold_of, group_of, len(fold_list), FEATURES)
    return result


def evaluate(documents: Iterable[Any], *, model: str | os.PathLike[str] | Calibration | None = None) -> dict[str, Any]:
    """How well a fitted calibration (the shipped one by default) estimates the true page CER of ``documents``.

    No refit: for OCR with ground truth that the model never saw (other engines, other texts). Per
    corpus subset and for all pages: the statistics of :func:`cross_validate` plus, on pages of true
    CER <= 15%, the mean signed error ``bias_le15`` (above 0: the estimate is too high), and the
    share of pages whose true CER lies inside the 80% interval (``coverage``) or under it (``below``).
    """
    calibration = model if isinstance(model, Calibration) else load_model(None if model is None else os.fspath(model))
    table = page_table(documents)
    predicted, low, high = _predict_with_interval(calibration, table)

    def stats(mask: np.ndarray) -> dict[str, Any]:
        true, estimated = table.cer[mask], predicted[mask]
        found = _stats(estimated, true)
        low15 = true <= 0.15
        found["bias_le15"] = _round(float(np.mean(estimated[low15] - true[low15]))) if low15.any() else None
        found["coverage"] = _round(float(np.mean((low[mask] <= true) & (true <= high[mask])))) if len(true) else None
        found["below"] = _round(float(np.mean(true < low[mask]))) if len(true) else None
        return found

    return _by_subset(table.subset, np.ones(len(table.cer), dtype=bool), stats)


def _cross_validate_table(table: PageTable, fold_of: dict[str, int], group_of: dict[str, str], folds: int,
                          features: Sequence[str]) -> dict[str, Any]:
    page_fold = np.array([fold_of.get(d, -1) for d in table.document])
    predicted = np.full(len(table.cer), np.nan)
    for index in range(folds):
        test = page_fold == index
        train_part = table.select(~test & (page_fold >= 0))
        if not test.any() or len(train_part.cer) < 10:
            continue
        model = _fit_table(train_part, [group_of[d] for d in train_part.document], features)
        predicted[test] = _predict_with_interval(model, table.select(test))[0]
    return _by_subset(table.subset, ~np.isnan(predicted), lambda mask: _stats(predicted[mask], table.cer[mask]))


def _by_subset(subsets: Sequence[str], pages: np.ndarray, stats: Callable[[np.ndarray], dict[str, Any]]) -> dict[str, Any]:
    """``stats`` of the ``pages`` (a mask) of each corpus subset, and of all of them.

    >>> _by_subset(["b", "a", "b"], np.array([True, True, False]), lambda mask: int(mask.sum()))
    {'subsets': {'a': 1, 'b': 1}, 'all': 2}
    """
    names = np.array(subsets)
    return {"subsets": {name: stats(pages & (names == name)) for name in sorted(set(subsets))}, "all": stats(pages)}


def _stats(predicted: np.ndarray, true: np.ndarray) -> dict[str, Any]:
    low = true <= 0.15
    return {
        "pages": int(len(true)),
        "spearman": _round(spearman(predicted, true)) if len(true) >= 3 else None,
        "mae": _round(float(np.mean(np.abs(predicted - true)))) if len(true) else None,
        "pages_le15": int(low.sum()),
        "mae_le15": _round(float(np.mean(np.abs(predicted[low] - true[low])))) if low.any() else None,
        "mean_true_cer": _round(float(np.mean(true))) if len(true) else None,
    }


def spearman(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman rank correlation (average ranks for ties); NaN when one side is constant.

    >>> round(spearman(np.array([1.0, 2, 3, 4]), np.array([10.0, 30, 20, 40])), 3)
    0.8
    """
    ra, rb = _ranks(np.asarray(a, dtype=float)), _ranks(np.asarray(b, dtype=float))
    if ra.std() == 0 or rb.std() == 0:
        return float("nan")
    return float(np.corrcoef(ra, rb)[0, 1])


def _ranks(values: np.ndarray) -> np.ndarray:
    order = np.argsort(values, kind="stable")
    ranks = np.empty(len(values))
    ranks[order] = np.arange(len(values), dtype=float)
    # Average the ranks of ties.
    unique, inverse = np.unique(values, return_inverse=True)
    sums = np.bincount(inverse, weights=ranks)
    counts = np.bincount(inverse)
    return (sums / counts)[inverse]
