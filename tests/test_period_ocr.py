"""The error model's prior on period OCR: hand-made lines, independent of the corpus.

``data/period_ocr/clean.txt``: 40 lines of 19th-century-style newspaper prose written for this test;
``ocr.txt``: the same lines copied by hand with the classic misreadings of old print — the long s
read as f ("bufinefs", "Houfe"), li for h ("tlie", "wlien"), rn for m, cl for d, iu for in, aud for and.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from ocrfix.errormodel import ErrorModel
from ocrfix.metrics import cer
from ocrfix.pipeline import Pipeline
from ocrfix.strategies.dictionary import Dictionary

DATA = Path(__file__).resolve().parent / "data" / "period_ocr"


@pytest.fixture(scope="module")
def texts() -> tuple[str, str]:
    return (DATA / "clean.txt").read_text(encoding="utf-8"), (DATA / "ocr.txt").read_text(encoding="utf-8")


def test_prior_lowers_cer_on_period_ocr_and_leaves_the_clean_lines_alone(texts):
    clean, ocr = texts
    shipped = ErrorModel.default()
    plain = ErrorModel(shipped.confusions, shipped.segments, shipped.characters, shipped.edits, prior=False)
    with_prior = Pipeline([Dictionary()])
    assert cer(clean, with_prior.run(ocr).text) < 0.9 * cer(clean, Pipeline([Dictionary(model=plain)]).run(ocr).text)
    assert with_prior.run(clean).text == clean
