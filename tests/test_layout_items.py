"""Item-by-item layout scoring with the corpus's labels (ocrfix.layout_items)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ocrfix.corpus import CorpusDocument
from ocrfix.layout_items import alignment_map, score_items
from ocrfix.pipeline import correct

FIXTURES = Path(__file__).resolve().parent / "data" / "layout"


def document(name: str) -> CorpusDocument:
    read = lambda suffix: (FIXTURES / f"{name}.{suffix}").read_text(encoding="utf-8")
    return CorpusDocument(name, ocr=read("ocr.txt"), gt=read("gt.txt"), gt_diplomatic=read("diplomatic.txt"),
                          files={"labels": FIXTURES / f"{name}.labels.json"})


@pytest.mark.parametrize("name", ["letter", "book"])
def test_layout_output_scores_every_item(name):
    doc = document(name)
    scores = score_items(doc, correct(doc.ocr, strategies=["layout"]))
    assert scores["furniture"]["present"] >= 2 and scores["furniture"]["rate"] == 1.0
    assert scores["hyphen_inserted"]["assessed"] >= 4 and scores["hyphen_inserted"]["rate"] == 1.0
    assert scores["body"]["present"] >= 30 and scores["body"]["removed"] == 0


def test_raw_ocr_scores_nothing_removed_or_joined():
    doc = document("letter")
    scores = score_items(doc, doc.ocr)
    assert scores["running_head"]["removed"] == scores["catchword"]["removed"] == 0
    assert scores["hyphen_inserted"]["joined"] == 0
    assert scores["hyphen_compound"]["kept"] == 0           # the line break still sits after the hyphen


def test_compound_hyphen_kept_and_lost():
    doc = document("letter")
    kept = correct(doc.ocr, strategies=["layout"])
    assert "re-establishment" in kept
    assert score_items(doc, kept)["hyphen_compound"]["rate"] == 1.0
    assert score_items(doc, kept.replace("re-establishment", "reestablishment"))["hyphen_compound"]["kept"] == 0


def test_removed_body_lines_are_counted_with_examples():
    doc = document("book")
    corrected = correct(doc.ocr, strategies=["layout"])
    cut = corrected.replace("The reform was not achieved without opposition.", "")
    scores = score_items(doc, cut)
    assert scores["body"]["removed"] >= 1
    assert any("The reform was not achieved" in example for example in scores["body"]["examples"])


def test_unlabelled_document_gives_nothing():
    assert score_items(CorpusDocument("x", ocr="a", gt="a"), "a") == {}


def test_alignment_map():
    assert alignment_map("page 2\nword", "word").tolist() == [-1] * 7 + [0, 1, 2, 3]


def test_labels_follow_the_corpus_format():
    labels = json.loads((FIXTURES / "letter.labels.json").read_text(encoding="utf-8"))
    kinds = {entry["kind"] for entry in labels["lines"]}
    assert kinds <= {"body", "letter_block", "heading", "running_head", "page_number", "catchword", "blank"}
    assert {hyphen["kind"] for hyphen in labels["hyphens"]} == {"inserted", "compound"}
