"""The committed corpus: every manifest entry loads, and the generated part meets its counts."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from ocrfix.corpus import DEFAULT_PATH, load, read_manifest

DOCUMENTS = load()
GENERATED = [d for d in DOCUMENTS if (d.meta.get("settings") or {}).get("generator")]


def test_every_manifest_entry_has_its_files_in_utf8_and_a_non_empty_ground_truth():
    entries = read_manifest(DEFAULT_PATH / "manifest.json")["documents"]
    assert len(DOCUMENTS) == len(entries)
    for document in DOCUMENTS:
        for path in document.files.values():
            assert path.is_file(), path
            path.read_bytes().decode("utf-8")           # strict: raises on anything else
        assert document.gt.strip(), document.id
        assert document.ocr.strip(), document.id
        for key in ("subset", "engine", "layout", "pages"):
            assert document.meta.get(key), (document.id, key)


def test_the_seed_is_there_as_described():
    seed = next(d for d in DOCUMENTS if d.id == "seed")
    assert seed.meta["engine"] == "unknown vision-language OCR"
    assert seed.meta["layout"] == "letter" and seed.meta["pages"] == 2
    assert seed.gt_diplomatic is None


def test_generated_part_meets_its_counts():
    if not GENERATED:
        pytest.fail("no generated documents in corpus/manifest.json (run: ocrfix corpus build)")
    assert len(GENERATED) >= 60
    page_sets = {d.meta["page_set"]: d.meta["pages"] for d in GENERATED}
    assert sum(page_sets.values()) >= 150
    assert len({d.meta["font"] for d in GENERATED}) >= 4
    assert len({d.meta["level"] for d in GENERATED}) >= 4
    groups = Counter((d.meta["engine"].split()[0], d.meta["layout"]) for d in GENERATED)
    assert set(groups) == {("Tesseract", "letter"), ("Tesseract", "book"), ("RapidOCR", "letter"), ("RapidOCR", "book")}
    assert min(groups.values()) >= 8, groups


def test_generated_documents_have_consistent_labels_and_no_lost_page():
    for document in GENERATED:
        labels = document.labels
        lines = [line for page in document.gt_diplomatic.rstrip("\n").split("\f") for line in page.split("\n")]
        assert [entry["text"] for entry in labels["lines"]] == lines, document.id
        assert max(entry["page"] for entry in labels["lines"]) == document.meta["pages"]
        assert document.ocr.count("\f") == document.meta["pages"] - 1, document.id
        for hyphen in labels["hyphens"]:
            assert hyphen["kind"] in ("inserted", "compound")
            assert hyphen["joined"] in document.gt, (document.id, hyphen)
        assert max(document.meta["page_cer"]) <= 0.5, document.id


def test_the_texts_hold_compounds_that_fall_at_line_ends():
    kinds = Counter(h["kind"] for d in GENERATED for h in d.labels["hyphens"])
    assert kinds["compound"] >= 20 and kinds["inserted"] >= 100, kinds


@pytest.mark.parametrize("change, problem", [
    ({"ocr": 5}, "document 1: ocr must be text, not 5"),
    ({"id": ["a"]}, "document 1: id must be text, not ['a']"),
    ({"subset": None}, "document 1: subset must be text, not None"),
    ({"level": ["L0"]}, "document 1: level must be text"),
    ({"pages": "2"}, "document 1: pages must be a whole number of 1 or more, not '2'"),
])
def test_a_manifest_entry_of_the_wrong_type_is_one_line_naming_the_manifest(tmp_path, capsys, change, problem):
    # such entries were tracebacks (a list as a dictionary key, a number as a path) in every command reading a corpus
    from ocrfix.cli import main

    (tmp_path / "a.txt").write_text("tbe text\n", encoding="utf-8")
    (tmp_path / "a.gt.txt").write_text("the text\n", encoding="utf-8")
    entry = {"id": "a", "subset": "s", "ocr": "a.txt", "gt": "a.gt.txt", "engine": "e", "layout": "letter", "pages": 1}
    manifest = tmp_path / "manifest.json"
    manifest.write_text(json.dumps({"format": "ocrfix-corpus/1", "documents": [{**entry, **change}]}), encoding="utf-8")
    for argv in (["corpus", "table", "--corpus"], ["train", "--before", "", "-o", str(tmp_path / "m.json"), "--corpus"]):
        assert main([*argv, str(tmp_path)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and f"{manifest}: {problem}" in err
    assert not (tmp_path / "m.json").exists()
