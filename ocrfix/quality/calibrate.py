"""From signal rates to an estimated CER: a small monotone model stored as plain JSON.

The model is a linear score ``s = intercept + Σ weight_i × rate_i`` with every
weight >= 0 (non-negative least squares, weighted by the square root of page
size; the intercept is free), so more evidence of error never lowers the
estimate. Some weights are also held within :data:`BOUNDS`, what one unit of
the signal can plausibly cost in character edits, so that a signal which
merely co-occurs with an engine's invisible errors in the training pages
(lines it dropped) is not made to stand for them on other engines' text. The score is fitted to ``CER ** power`` (:data:`TARGET_POWER`, 0.9:
a slightly concave target gives the many pages of low CER a little more say
than their small absolute errors would), and the estimated CER is
``score ** (1 / power)`` (capped at 1), or, with
``isotonic_map=True``, is mapped through an isotonic fit (pool adjacent
violators, interpolated between its blocks, continued with slope 1 past the
last). The isotonic map is off by default: cross-validated on the project
corpus it overfitted (Spearman 0.889 vs 0.901, MAE on pages ≤ 15% 1.58 vs
1.48 points, 69 documents).

A page of a document reads its rates pooled with its document's other pages
(``ocrfix.quality.pooled_rates``): rates that stand on more characters are less
noisy, and a weight fitted on noisy rates is smaller than the cost it stands for
(the noise dilutes the signal's relation to the CER). So a second linear score
is fitted on the training pages' pooled rates (``pooled_weights``,
``pooled_intercept``), and a page's score is the two mixed by the share of the
document's evidence it borrowed (0: a page read alone takes the first, fitted on
pages' own rates). See :meth:`Calibration.predict`.

A text's rates are read as if it held :data:`PRIOR_CHARS` more characters
without evidence (``rate × n / (n + PRIOR_CHARS)``, in fitting and in
prediction alike): a prior of clean text that a page's evidence outweighs and a
line's does not, so a few words cannot claim a high CER on their own.

The interval comes from held-out residuals: pages are predicted by models fitted
without their own document, binned by estimate, and each bin's 7.5th and 92.5th
percentiles of true CER give the 80% interval there (made non-decreasing; see
:data:`_QUANTILES`). A text shorter than the training pages' median also gets
the extra spread of an error rate counted over fewer characters
(:meth:`Calibration.interval`).

Training needs only numpy; loading is ``json.load``.

>>> import numpy as np
>>> rng = np.random.default_rng(0)
>>> X = rng.uniform(0, 0.1, (200, 2)); y = 0.5 * X[:, 0] + 0.01
>>> model = fit(X, y, np.full(200, 1000.0), np.arange(200) % 20, ["a", "b"], power=1.0)
>>> [round(w, 2) for w in model.weights], round(model.intercept, 3)  # for rates shrunk by 1000 / 1020
([0.51, 0.0], 0.01)
>>> round(float(model.predict(np.array([[0.04, 0.0]]), np.array([1000.0]))[0]), 3)
0.03
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

FORMAT = "ocrfix-quality-calibration/1"
_MAX_TARGET = 0.3  # true CER above this is fitted as this: beyond it a page is for re-OCR, and it must not steer the fit
#: Percentiles of true CER that bound the 80% interval in each bin of held-out estimates. A bin's own
#: 10th and 90th percentiles hold fewer than 80% of new pages (a bin has some twenty pages, and its
#: models saw less data than the final one): cross-validated by document on the project corpus (5
#: folds, 220 pages) they held 71% from text and 80% from hOCR; these hold 77% and 82%.
_QUANTILES = (0.075, 0.925)
#: The fit's target is CER ** TARGET_POWER. Cross-validated on the project corpus (5 folds, 220
#: pages, Huber delta 0.03) against 1.0: Spearman 0.884 vs 0.886, MAE on pages <= 15% 1.71 vs 1.79
#: points (0.8: 0.881 / 1.64; 0.5 with delta 0.04: 0.868 / 1.70); the model with word confidences
#: 0.969 / 0.66 vs 0.966 / 0.75. Against the former fit (power 1, delta 0.02): 0.884 / 1.78. With
#: words weighed n ** 0.7 (words.WORD_MASS_POWER): 0.888 / 1.62 vs 0.889 / 1.69 (0.8: 0.887 / 1.58).
TARGET_POWER = 0.9
#: Residual (in units of the target, CER ** power) beyond which a page's pull on the fit grows
#: linearly, not quadratically.
HUBER_DELTA = 0.03
#: The same for a page whose true CER lies *above* the fit. Errors the text cannot show (lines or
#: words an engine left out) only ever raise the true CER above what the signals say, so a page far
#: under the fit is mostly such errors and says little about what a unit of visible evidence costs;
#: one far over it has no such excuse. Cross-validated by document on the project corpus (5 folds,
#: 220 pages, with cut_lines): Spearman 0.920 vs 0.922 with the symmetric 0.03, mean absolute error
#: on pages <= 15% 1.24 vs 1.29 points, on all pages 2.28 vs 2.23; Tesseract's letters 1.10 vs 1.25,
#: books 0.77 vs 0.80, RapidOCR's letters (which drop whole lines) 4.13 vs 3.83; hOCR model 0.975 /
#: 0.62 vs 0.973 / 0.65. 0.005 gives 1.22 points, but pages above 25% CER then read as such (the
#: ``re-ocr`` verdict) 6 times of 17 instead of 9.
#: Since session 12 only pages that lost text get it: training has the ground truth, and a page whose
#: OCR lacks a run of characters (``lost`` in :func:`ocrfix.quality.page_table`) is what the tighter threshold is
#: for; a page read too low with all its text there (heavy visible damage, Tesseract's worst books) is
#: evidence of what damage costs and keeps the symmetric HUBER_DELTA. Corpus cross-validation (5
#: folds, 220 pages, 39 of them with lost text) 0.927 / 1.069 -> 0.926 / 1.054 points on pages <= 15%
#: (20 random deals of the documents into folds: 1.049 -> 1.027, better in all 20); see docs/quality.md.
HUBER_DELTA_UNDER = 0.01
#: True CER past which a page is read where the signals saturate (words hold several errors each, and a
#: linear score of their counts no longer follows the CER), and past the range where the estimate must be
#: precise (issue #8's pages of CER <= 15%; beyond it a page is corrected or re-OCRed whatever its exact
#: figure). Such a page keeps its say on the ranking, but its pull on the fit grows linearly beyond
#: :data:`HUBER_DELTA_SATURATED` on either side: a few far pages should not set what a unit of evidence
#: costs on the many clean and correctable ones. Cross-validated by document on the project corpus
#: (session 24): Spearman 0.9296 -> 0.9299, MAE on pages <= 15% 1.0337 -> 1.0258 points (10 random deals
#: 1.0197 -> 1.0185); held-out sets B-K 0.8258 / 1.4570 -> 0.8272 / 1.4464. Past 10% / 12% / 20%: corpus
#: 1.0369 / 1.0355 / 1.0267; one-sided (true CER above the fit only, as HUBER_DELTA_UNDER): 1.0326.
SATURATED_CER = 0.15
HUBER_DELTA_SATURATED = 0.015
HUBER_ROUNDS = 6
#: (least, most) weight of a signal, in character edits per unit of its mass (signals.py), from what
#: the signal counts. A misread word weighs n ** 0.3 (1.5 to 2 for most words) and holds one to two
#: visible edits, plus the unseen ones that come with it: 0.2 to 2 per unit. A capitalised unknown
#: word is right more often than not in clean text (names): at most 1. A rare word at most 1.5: the
#: capitalised ones inside a sentence, mostly names read right, count as the document's own words
#: (``sentences.move_capitalised_rare``), and those left are mostly misreads ("tho", "waa"; session 21). A
#: garbage token ("l0ve", "th;e") holds at least one wrong character (>= 0.5), a non-word almost always
#: (>= 0.25); a stray symbol token of n characters is n inserted ones plus a
#: space (mass n + 1: 0.5 to 1; it is at most all of them, and a symbol that stands for a misread
#: letter, "|" for "I", is fewer). A lost space ("wouldnot") is an edit or two and the damage around
#: it, never a lost line (<= 5); a broken sentence ("their. and") is a stray full stop or a misread
#: comma, one edit, two with the damage at its edge (<= 2); a fragment ("ap pear") is one lost space
#: or letter (mass 3: <= 1); a character a cut line lacks is one lost character, with the damage at
#: its edge (<= 2). A line's damage density (``dense_lines``) is left free: it is what carries the
#: estimate up where words hold several errors each and the word signals saturate (held to 2 it
#: cross-validated better, 1.12 vs 1.21 points, but pages of 40-60% CER read as 20-25%, not
#: ``re-ocr``). Unbounded, the project corpus's fit let one run-together pair stand for 9 to 24 edits
#: (RapidOCR runs words together on the pages where it drops whole lines). Cross-validated by
#: document on that corpus: Spearman 0.908 vs 0.906 unbounded, mean absolute error on pages <= 15%
#: 1.35 vs 1.50 points (lost spaces and broken sentences held to 3: 0.896 / 1.42). Symbols held to 1
#: (from 2; fitted 1.65), same cross-validation: Spearman 0.922 vs 0.921, 1.21 vs 1.22 points; on 64
#: pages of held-out OCR of unseen texts (Tesseract and RapidOCR; the fit never saw them) 0.899 vs
#: 0.866, 1.07 vs 1.15 points. Broken sentences held to 2 (from 5, where the fit put them; session 6,
#: with PRIOR_CHARS): corpus cross-validation 0.917 / 1.23 vs 0.922 / 1.17 points, but on 200 pages of
#: held-out OCR of unseen texts (the sets of quality --evaluate; fitted on the corpus only) 0.927 /
#: 1.00 vs 0.922 / 1.11 points, bias -0.10 vs +0.04, and 1.73% vs 1.76% on clean real prose (true 0):
#: Tesseract's degraded pages insert full stops ("are. the") that cost it an edit each, not five.
#: Lost spaces held to 2 as well: held-out 0.909 / 0.97 (Spearman lost on RapidOCR's pages, where run-
#: together words do come with lost lines), corpus 0.906 / 1.29; not kept.
BOUNDS = {"unknown": (0.2, 2.0), "names": (0.0, 1.0), "nonword": (0.25, 2.0), "rare": (0.0, 1.5),
          "garbage": (0.5, 2.0), "symbols": (0.5, 1.0), "fragments": (0.0, 1.0), "merged": (0.0, 5.0),
          "stray_marks": (0.0, 2.0), "recurring": (1.0, 1.0), "broken_sentences": (0.0, 2.0), "short_lines": (0.0, 2.0),
          "noise_lines": (0.0, 1.0), "cut_lines": (0.0, 2.0), "pages": (1.0, 1.0)}
#: :data:`BOUNDS` for the score fitted on pooled rates (:meth:`Calibration.predict`). ``pages`` (one a page
#: of a text of several) is held at one edit a page on a page's own rates, where its rate is one over the
#: page's characters; its pooled rate is its document's pages per character, and there the fit may let
#: a page stand for up to 2 edits (a page number or head line misread or lost; 5, where the project
#: corpus's fit went, read a clean poem set three short pages to a text at 2.3%, "correctable").
#: Cross-validated by document on that corpus (session 22), MAE on pages <= 15%: 1.0385 points without
#: the signal, 1.0368 with these bounds, 1.0385 held at 1 in both scores.
#: ``names`` weighs nothing there: capitalised unknown words that recur over a document's pages are its own
#: vocabulary (people, places), not damage; a page's own rate of them keeps its weight. ``unknown`` may reach
#: 2.5: a rate read over more text is less noisy and its weight less diluted towards zero. Session 25
#: (qual25b), MAE on pages <= 15%: corpus 0.9930 -> 0.9837 points (10 deals of the folds 0.9934 -> 0.9865),
#: held-out B-K 1.37 -> 1.34, clean text unchanged.
POOLED_BOUNDS = dict(BOUNDS, pages=(0.0, 2.0), names=(0.0, 0.0), unknown=(0.2, 2.5))
#: Characters of clean text a text's evidence is weighed against (see the module's docstring). Short
#: texts read far too high without it (the evidence of a few words is weak, and their lines have no
#: document to excuse their names by). Cross-validated by document on runs of 1, 3 and 8 lines cut from
#: the project corpus's pages (5,659 / 2,036 / 711 runs, ground truth by alignment), mean absolute
#: error 4.69 / 4.20 / 2.75 points with none, 4.40 / 4.14 / 2.75 with 10, 4.35 / 4.12 / 2.75 with 20
#: and 4.52 / 4.17 / 2.76 with 40; whole pages (300-2,500 characters) move by a few hundredths of a point.
PRIOR_CHARS = 20.0
#: z of the 90th percentile of a normal distribution: half the width of an 80% interval, in standard deviations.
_Z80 = 1.2816
#: Width (in units of the target) of the softplus that keeps estimates above 0.
_SOFT_ZERO = 0.002
#: Map the linear score through an isotonic fit (True) or take it as the CER (False, the identity).
ISOTONIC = False


@dataclass
class Calibration:
    """A fitted map from signal rates (columns named ``features``) to CER, with its interval table."""

    features: list[str]
    weights: list[float]
    intercept: float
    iso_x: list[float]
    iso_y: list[float]
    band_x: list[float] = field(default_factory=list)
    band_low: list[float] = field(default_factory=list)
    band_high: list[float] = field(default_factory=list)
    info: dict[str, Any] = field(default_factory=dict)
    #: The model for input with the engine's word confidences (hOCR, ALTO), where one was trained.
    with_confidence: "Calibration | None" = None
    #: The score estimates CER ** power (models written before this field: 1).
    power: float = 1.0
    #: Characters of clean text each text's evidence is weighed against (models written before this field: 0).
    prior_chars: float = 0.0
    #: Median characters of the pages the interval table was made from (0: no widening for short texts).
    page_chars: float = 0.0
    #: The score fitted on pages' rates pooled with their documents' (empty: none; see :meth:`predict`).
    pooled_weights: list[float] = field(default_factory=list)
    pooled_intercept: float = 0.0

    def score(self, rates: np.ndarray) -> np.ndarray:
        """The linear score of each row of ``rates`` (pages × features)."""
        return self.intercept + np.asarray(rates, dtype=float) @ np.asarray(self.weights)

    def predict(self, rates: np.ndarray, chars: np.ndarray | None = None,
                borrowed: np.ndarray | None = None) -> np.ndarray:
        """Estimated CER of each row of ``rates`` (at most 1: signals of corruption cannot tell more).

        ``chars``: the characters each row's rates were counted over; the rates
        are then weighed against :attr:`prior_chars` of clean text (None: as given).
        ``borrowed``: the share (0 to 1) of a full pool of its document's evidence
        each row's rates hold; the score moves that far from the one fitted on own
        rates towards the one fitted on pooled rates (None: own rates).

        >>> model = Calibration(["a"], [1.0], 0.0, [0.0, 1.0], [0.0, 1.0], power=1.0, pooled_weights=[2.0])
        >>> model.predict(np.array([[0.01]] * 3), None, np.array([0.0, 0.5, 1.0])).round(4).tolist()
        [0.01, 0.015, 0.02]
        """
        rates = self.shrunk(rates, chars)
        score = self.score(rates)
        if borrowed is not None and self.pooled_weights:
            pooled = self.pooled_intercept + rates @ np.asarray(self.pooled_weights)
            score = score + np.clip(borrowed, 0.0, 1.0) * (pooled - score)
        return np.minimum(self.map_score(score), 1.0)

    def shrunk(self, rates: np.ndarray, chars: np.ndarray | None) -> np.ndarray:
        """``rates`` counted over ``chars`` characters, read as if over ``prior_chars`` more without evidence.

        >>> model = Calibration(["a"], [1.0], 0.0, [0.0, 1.0], [0.0, 1.0], prior_chars=20.0)
        >>> model.shrunk(np.array([[0.2], [0.2]]), np.array([20.0, 1980.0])).ravel().tolist()
        [0.1, 0.198]
        """
        rates = np.asarray(rates, dtype=float)
        if chars is None or not self.prior_chars:
            return rates
        chars = np.asarray(chars, dtype=float)
        return rates * (chars / (chars + self.prior_chars))[:, None]

    def map_score(self, score: np.ndarray) -> np.ndarray:
        """The CER for a linear score: the map (slope 1 past its ends), kept above 0 by a softplus, to the power 1 / power.

        The softplus keeps the estimate strictly increasing near 0, so clean
        pages are still ranked by their (small) evidence instead of tying at 0.
        """
        x, y = np.asarray(self.iso_x), np.asarray(self.iso_y)
        score = np.asarray(score, dtype=float)
        inside = np.interp(score, x, y)
        mapped = np.where(score < x[0], y[0] + (score - x[0]), np.where(score > x[-1], y[-1] + (score - x[-1]), inside))
        return (_SOFT_ZERO * np.logaddexp(0.0, mapped / _SOFT_ZERO)) ** (1.0 / self.power)

    def interval(self, estimate: np.ndarray, chars: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The 80% interval of true CER around each estimate (the estimate itself bounds it where data ran out).

        ``chars``: each text's characters. The table's spread is that of pages
        of some :attr:`page_chars` characters; an error rate counted over fewer
        varies more (binomially: its variance is c (1 - c) / n), and a shorter
        text's interval adds that excess, ``c (1 - c) (1 / n - 1 / page_chars)``,
        in quadrature. Cross-validated on runs of lines cut from the project
        corpus's pages the 80% intervals held 64%, 69% and 77% of runs of 1, 3
        and 8 lines; with it 80%, 80% and 81% (whole pages 78% -> 79%; the hOCR model's pages,
        some of 300-600 characters, 83% -> 88%).
        """
        estimate = np.asarray(estimate, dtype=float)
        if not self.band_x:
            return estimate.copy(), estimate.copy()
        x = np.asarray(self.band_x)
        low = np.interp(estimate, x, self.band_low)
        high = np.interp(estimate, x, self.band_high)
        # Past the table, keep the last bin's width relative to its estimate.
        beyond = estimate > x[-1]
        if beyond.any():
            scale = estimate[beyond] / max(x[-1], 1e-9)
            low[beyond] = self.band_low[-1] * scale
            high[beyond] = self.band_high[-1] * scale
        low, high = np.minimum(low, estimate), np.maximum(high, estimate)
        if chars is None or not self.page_chars:
            return low, high
        excess = np.maximum(1.0 / np.maximum(chars, 1.0) - 1.0 / self.page_chars, 0.0)
        if not excess.any():  # texts as long as the table's pages
            return low, high
        extra = _Z80 ** 2 * estimate * (1.0 - np.minimum(estimate, 1.0)) * excess
        return np.maximum(estimate - np.sqrt((estimate - low) ** 2 + extra), 0.0), estimate + np.sqrt((high - estimate) ** 2 + extra)

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "features": self.features, "weights": _round(self.weights),
                "intercept": round(self.intercept, 6), "iso_x": _round(self.iso_x), "iso_y": _round(self.iso_y),
                "band_x": _round(self.band_x), "band_low": _round(self.band_low), "band_high": _round(self.band_high),
                "power": self.power, "prior_chars": self.prior_chars, "page_chars": round(self.page_chars, 1),
                "pooled_weights": _round(self.pooled_weights), "pooled_intercept": round(self.pooled_intercept, 6),
                "info": self.info,
                "with_confidence": None if self.with_confidence is None else self.with_confidence.to_json()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Calibration":
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            found = data.get("format") if isinstance(data, dict) else type(data).__name__
            raise ValueError(f"not a quality calibration (format {found!r}, expected {FORMAT!r})")
        _check_shape(data)
        nested = data.get("with_confidence")
        return cls(data["features"], data["weights"], data["intercept"], data["iso_x"], data["iso_y"],
                   data.get("band_x", []), data.get("band_low", []), data.get("band_high", []), data.get("info", {}),
                   None if nested is None else cls.from_json(nested), float(data.get("power", 1.0)),
                   float(data.get("prior_chars", 0.0)), float(data.get("page_chars", 0.0)),
                   data.get("pooled_weights", []), float(data.get("pooled_intercept", 0.0)))

    def save(self, path) -> None:
        from ocrfix.io import write_text_atomic

        write_text_atomic(path, json.dumps(self.to_json(), indent=1) + "\n")


def _check_shape(data: dict[str, Any]) -> None:
    """A ValueError naming the first field of a calibration's JSON that cannot be what :meth:`Calibration.from_json`
    reads (hand-edited or truncated models fail here, not in the middle of an estimate).

    >>> _check_shape({"features": ["a", "b"], "weights": [1.0], "intercept": 0.0, "iso_x": [], "iso_y": []})
    Traceback (most recent call last):
    ValueError: 'weights' must be a list of 2 numbers (one per feature)
    """
    def numbers(name: str, length: int | None = None) -> bool:
        value = data.get(name, [])
        return (isinstance(value, list) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)
                and (length is None or len(value) == length))

    missing = [name for name in ("features", "weights", "intercept", "iso_x", "iso_y") if name not in data]
    if missing:
        raise ValueError(f"no {missing[0]!r} field")
    features = data["features"]
    if not isinstance(features, list) or not all(isinstance(name, str) for name in features):
        raise ValueError("'features' must be a list of signal names")
    if not numbers("weights", len(features)):
        raise ValueError(f"'weights' must be a list of {len(features)} numbers (one per feature)")
    if data.get("pooled_weights") and not numbers("pooled_weights", len(features)):
        raise ValueError(f"'pooled_weights' must be empty or a list of {len(features)} numbers")
    for first, *rest in (("iso_x", "iso_y"), ("band_x", "band_low", "band_high")):
        if not (numbers(first) and all(numbers(name, len(data.get(first, []))) for name in rest)):
            raise ValueError(f"{', '.join(map(repr, (first, *rest)))} must be lists of numbers of one length")


def _round(values: Sequence[float]) -> list[float]:
    return [round(float(v), 6) for v in values]


def fit(rates: np.ndarray, cer: np.ndarray, chars: np.ndarray, groups: Sequence[Any],
        features: Sequence[str], *, isotonic_map: bool = ISOTONIC, power: float = TARGET_POWER, folds: int = 5,
        prior_chars: float = PRIOR_CHARS, info: dict[str, Any] | None = None,
        lost: np.ndarray | None = None, pooled: tuple[np.ndarray, np.ndarray] | None = None) -> Calibration:
    """Fit a :class:`Calibration` on pages: their signal rates, true CER, sizes and documents.

    ``groups`` names each page's document (or ground truth): the interval is
    estimated from predictions by models that did not see the page's group.
    ``prior_chars``: see :data:`PRIOR_CHARS` (the fit sees the rates shrunk as predictions will).
    ``lost``: whether each page's OCR lost text (:data:`HUBER_DELTA_UNDER` holds for those pages
    only); None: any page may have.
    ``pooled``: each page's rates as read with its document's other pages, and the characters they
    stand on; a second score is fitted on them (:attr:`Calibration.pooled_weights`).
    """
    chars = np.asarray(chars, dtype=float)
    prior = Calibration([], [], 0.0, [], [], prior_chars=prior_chars)  # for its reading of rates (shrunk) only
    rates = prior.shrunk(rates, chars)
    target = np.clip(np.asarray(cer, dtype=float), 0.0, _MAX_TARGET)
    weight = np.sqrt(np.maximum(chars, 1.0))
    lost = np.ones(len(target), dtype=bool) if lost is None else np.asarray(lost, dtype=bool)
    model = _fit_point(rates, target, weight, list(features), isotonic_map, power, lost)
    if pooled is not None:
        pooled_chars = np.asarray(pooled[1], dtype=float)
        on_pooled = _fit_point(prior.shrunk(pooled[0], pooled_chars), target, np.sqrt(np.maximum(pooled_chars, 1.0)),
                               list(features), False, power, lost, POOLED_BOUNDS)
        model.pooled_weights, model.pooled_intercept = on_pooled.weights, on_pooled.intercept
    held_out = _held_out(rates, target, weight, list(features), list(groups), folds, isotonic_map, power, lost)
    if held_out is not None:
        model.band_x, model.band_low, model.band_high = _bands(held_out, target)
        model.page_chars = float(np.median(chars))
    model.prior_chars = prior_chars
    model.info = dict(info or {}, pages=int(len(target)), groups=len(set(groups)))
    return model


def _fit_point(rates: np.ndarray, target: np.ndarray, weight: np.ndarray, features: list[str],
               isotonic_map: bool, power: float, lost: np.ndarray,
               bounds: dict[str, tuple[float, float]] = BOUNDS) -> Calibration:
    # The intercept may be negative (as +1 and -1 columns, both >= 0): a signal such as
    # 1 - confidence has an offset even on perfect pages. Only the weights must be >= 0.
    saturated = target > SATURATED_CER
    target = target ** power
    ones = np.ones((len(target), 1))
    design = np.hstack([ones, -ones, rates])
    # Huber weights by reweighting, tighter above the fit for pages that lost text (HUBER_DELTA_UNDER):
    # their error the text cannot show gets less say than its squared residual would give it; tighter on
    # both sides for pages past SATURATED_CER (HUBER_DELTA_SATURATED).
    robust = np.ones(len(target))
    lower = np.array([0.0, 0.0] + [bounds.get(name, (0.0, np.inf))[0] for name in features])
    upper = np.array([np.inf, np.inf] + [bounds.get(name, (0.0, np.inf))[1] for name in features])
    for _ in range(HUBER_ROUNDS):
        total = weight * robust
        coef = bounded_least_squares(design * total[:, None], target * total, lower, upper)
        signed = target - design @ coef
        delta = np.where((signed > 0) & lost, HUBER_DELTA_UNDER, HUBER_DELTA)
        delta = np.where(saturated, np.minimum(delta, HUBER_DELTA_SATURATED), delta)
        robust = np.sqrt(np.minimum(1.0, delta / np.maximum(np.abs(signed), 1e-12)))
    intercept = float(coef[0] - coef[1])
    score = intercept + rates @ coef[2:]
    iso_x, iso_y = isotonic(score, target, weight) if isotonic_map else ([0.0, 1.0], [0.0, 1.0])
    return Calibration(features, coef[2:].tolist(), intercept, iso_x, iso_y, power=power)


def _held_out(rates, target, weight, features, groups, folds, isotonic_map, power, lost) -> np.ndarray | None:
    names = sorted(set(groups), key=str)
    if len(names) < 2:
        return None
    fold_of = {name: index % min(folds, len(names)) for index, name in enumerate(names)}
    page_fold = np.array([fold_of[g] for g in groups])
    predicted = np.empty(len(target))
    for fold in np.unique(page_fold):
        test = page_fold == fold
        model = _fit_point(rates[~test], target[~test], weight[~test], features, isotonic_map, power, lost[~test])
        predicted[test] = model.predict(rates[test])
    return predicted


def _bands(predicted: np.ndarray, target: np.ndarray, bins: int = 8) -> tuple[list[float], list[float], list[float]]:
    order = np.argsort(predicted)
    chunks = [chunk for chunk in np.array_split(order, min(bins, max(1, len(order) // 10))) if len(chunk)]
    x = [float(np.median(predicted[chunk])) for chunk in chunks]
    low = [float(np.quantile(target[chunk], _QUANTILES[0])) for chunk in chunks]
    high = [float(np.quantile(target[chunk], _QUANTILES[1])) for chunk in chunks]
    return x, np.maximum.accumulate(low).tolist(), np.maximum.accumulate(high).tolist()


def bounded_least_squares(a: np.ndarray, b: np.ndarray, lower: np.ndarray, upper: np.ndarray) -> np.ndarray:
    """Least squares ``min |a x - b|`` with ``lower <= x <= upper`` (``lower >= 0``).

    :func:`nnls` on ``x - lower``; a coefficient that comes out above its
    upper bound is fixed there and the others are fitted again.

    >>> a = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    >>> bounded_least_squares(a, np.array([5.0, 0.0, 2.0]), np.array([0.0, 0.5]), np.array([2.0, 9.0])).tolist()
    [2.0, 0.5]
    """
    b = b - a @ lower
    span = upper - lower
    fixed = np.zeros(len(span), dtype=bool)
    while True:
        x = np.where(fixed, span, 0.0)
        x[~fixed] = nnls(a[:, ~fixed], b - a[:, fixed] @ span[fixed])
        over = ~fixed & (x > span)
        if not over.any():
            return lower + x
        fixed |= over


def nnls(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Least squares ``min |a x - b|`` with ``x >= 0`` (Lawson-Hanson active set).

    >>> nnls(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([2.0, -1.0])).tolist()
    [2.0, 0.0]
    """
    n = a.shape[1]
    x = np.zeros(n)
    passive = np.zeros(n, dtype=bool)
    tol = 1e-10 * max(1.0, float(np.abs(a).max(initial=0.0)) * float(np.abs(b).max(initial=0.0)))
    gradient = a.T @ b
    for _ in range(3 * n):
        if passive.all() or np.where(passive, -np.inf, gradient).max() <= tol:
            break
        passive[int(np.argmax(np.where(passive, -np.inf, gradient)))] = True
        while True:
            trial = np.zeros(n)
            trial[passive] = np.linalg.lstsq(a[:, passive], b, rcond=None)[0]
            if (trial[passive] > 0).all():
                x = trial
                break
            # Step towards the trial solution until a coefficient hits zero; drop those.
            shrinking = passive & (trial <= 0)
            step = np.min(x[shrinking] / (x[shrinking] - trial[shrinking]))
            x = x + step * (trial - x)
            passive &= x > tol
            x[~passive] = 0.0
        gradient = a.T @ (b - a @ x)
    return x


def isotonic(x: np.ndarray, y: np.ndarray, weight: np.ndarray, max_points: int = 64) -> tuple[list[float], list[float]]:
    """Weighted isotonic regression of ``y`` on ``x`` (pool adjacent violators) as strictly increasing breakpoints.

    Each pooled block becomes one point (its weighted mean x, its fitted y);
    at most ``max_points`` points are kept.

    >>> isotonic(np.array([1.0, 2, 3, 4]), np.array([1.0, 3, 2, 4]), np.ones(4))
    ([1.0, 2.5, 4.0], [1.0, 2.5, 4.0])
    """
    order = np.argsort(x, kind="stable")
    xs, ys, ws = x[order], y[order], weight[order]
    blocks: list[list[float]] = []  # [sum w*y, sum w, sum w*x]
    for xi, yi, wi in zip(xs.tolist(), ys.tolist(), ws.tolist()):
        blocks.append([wi * yi, wi, wi * xi])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            last = blocks.pop()
            for k in range(3):
                blocks[-1][k] += last[k]
    if len(blocks) > max_points:
        merged = np.array_split(np.arange(len(blocks)), max_points)
        blocks = [[sum(blocks[i][k] for i in part) for k in range(3)] for part in merged]
    px = [b[2] / b[1] for b in blocks]
    py = [b[0] / b[1] for b in blocks]
    return px, py
