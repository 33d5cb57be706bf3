"""The committed corpus: every manifest entry loads, and the generated part meets its counts."""
from __future__ import annotations

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
