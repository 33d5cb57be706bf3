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


def labelled(tmp_path, ocr: str, diplomatic: str, lines: list[tuple[str, str]]) -> CorpusDocument:
    pages, entries = 1, []
    for number, (text, kind) in enumerate(lines, 1):
        entries.append({"page": pages, "line": number, "text": text, "kind": kind})
    (tmp_path / "labels.json").write_text(json.dumps({"lines": entries, "hyphens": []}), encoding="utf-8")
    return CorpusDocument("t", ocr=ocr, gt="", gt_diplomatic=diplomatic, files={"labels": tmp_path / "labels.json"})


def test_a_catchword_equal_to_the_next_word_counts_as_removed(tmp_path):
    ocr = "the proceeds were paid in accordance with\n\n/the\f-2-\n\nthe Trust's policy on sales.\n"
    diplomatic = "the proceeds were paid in accordance with\n/the\f- 2 -\nthe Trust's policy on sales.\n"
    doc = labelled(tmp_path, ocr, diplomatic, [("the proceeds were paid in accordance with", "body"), ("/the", "catchword"),
                                              ("- 2 -", "page_number"), ("the Trust's policy on sales.", "body")])
    fixed = score_items(doc, "the proceeds were paid in accordance with the Trust's policy on sales.\n")
    assert fixed["catchword"]["removed"] == 1 and fixed["page_number"]["removed"] == 1 and fixed["body"]["removed"] == 0
    assert score_items(doc, ocr)["catchword"]["removed"] == 0
    lost = score_items(doc, "the proceeds were paid in accordance with /the -2-\n")
    assert lost["catchword"]["removed"] == 0 and lost["body"]["removed"] == 1


def test_summary_over_documents():
    from ocrfix.layout_items import summarise

    summary = summarise([document("letter"), document("book")])
    assert summary["items"]["furniture"]["rate"] == 1.0
    assert summary["items"]["hyphen_inserted"]["joined"] >= 10
    (group,) = summary["groups"].values()
    assert group["documents"] == 2 and group["cer_after"] < group["cer_before"]


def test_the_command_names_a_bad_corpus_in_one_line(tmp_path, capsys):
    # `python -m ocrfix.layout_items missing/` was a traceback
    from ocrfix.layout_items import main

    assert main([str(tmp_path / "missing")]) == 2
    assert capsys.readouterr().err == f"python -m ocrfix.layout_items: {tmp_path / 'missing'}: no such corpus folder\n"
