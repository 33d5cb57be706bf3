"""The corpus generator end to end: typeset, render, degrade, real Tesseract, files, manifest."""
from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pytest

from ocrfix.cli import main
from ocrfix.corpus import load
from ocrfix.errors import OcrfixError
from ocrfix.synth.build import BuildOptions, build, check, make_plan
from ocrfix.synth.degrade import LEVELS, degrade
from ocrfix.synth.render import render_page
from ocrfix.synth.texts import WRITTEN_DIR, load_all, parse_written
from ocrfix.synth.typeset import (BOOK_FONTS, FONTS, LETTER_FONTS, Font, break_paragraph, parse_example,
                                  split_candidates, typeset_book, typeset_letter)

LETTER = """LETTERHEAD:
Department of Transport
2 Marsham Street
London SW1P 3EB

DATE:
2 May 1984

ADDRESSEE:
The Clerk
Northshire County Council

SALUTATION:
Dear Sir,

SUBJECT:
A47 BY-PASS

BODY:
Thank you for your letter of 12 April about the proposed by-pass. The long-term programme is under consideration and the Department expects to announce a decision in the autumn, after the public inquiry has reported.

CLOSING:
Yours faithfully,

SIGNATURE:
R. Hughes
"""


def _has_tesseract() -> bool:
    if shutil.which("tesseract") is None:
        return False
    langs = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True).stdout.split()
    return "eng" in langs


needs_tesseract = pytest.mark.skipif(not _has_tesseract(),
                                     reason="tesseract with the eng model is not installed "
                                            "(apt-get install tesseract-ocr tesseract-ocr-eng)")


def needs_fonts(*names: str):
    """Skip unless the named fonts of the corpus are installed (.ci/run installs them with apt-get)."""
    missing = [name for name in names if not Path(FONTS[name].path).is_file()]
    return pytest.mark.skipif(bool(missing), reason=f"font(s) not installed: {', '.join(missing)} "
                                                   "(.ci/run installs them; Debian packages in corpus/README.md)")


needs_courier = needs_fonts("Courier Prime")


def test_compounds_break_at_their_own_hyphen_and_words_get_an_inserted_one():
    assert split_candidates("long-term", hyphenate=True) == [("long-", "term", "compound")]
    head, tail, kind = split_candidates("consideration,", hyphenate=True)[0]
    assert kind == "inserted" and head.endswith("-") and head[:-1] + tail == "consideration,"
    assert split_candidates("SQLite", hyphenate=True) == []


def test_line_breaking_keeps_every_word_and_respects_the_width():
    text = "The so-called interdepartmental arrangements were reconsidered " * 6
    lines = break_paragraph(text, lambda i: 30, lambda s: float(len(s)), hyphenate=True, min_room=4)
    assert all(len(" ".join(line.words)) <= 30 for line in lines)
    rebuilt = ""
    for line in lines:
        rebuilt += " ".join(line.words)
        rebuilt = rebuilt[:-1] if line.hyphen and line.hyphen["kind"] == "inserted" else rebuilt
        rebuilt += "" if line.hyphen else " "
    assert rebuilt.split() == text.split()


def test_labels_describe_every_diplomatic_line_and_hyphens_join_into_the_logical_text():
    blocks = parse_written(LETTER.replace("Thank you", "Thank you " + "for the interdepartmental long-term "
                                          "reconsideration " * 90), "letter")
    doc = typeset_letter(blocks, FONTS["Courier Prime"], random.Random(4))
    labels = doc.labels
    diplomatic_lines = [line for page in doc.diplomatic.rstrip("\n").split("\f") for line in page.split("\n")]
    assert [entry["text"] for entry in labels["lines"]] == diplomatic_lines
    assert len(doc.pages) >= 2
    kinds = {entry["kind"] for entry in labels["lines"]}
    assert {"letter_block", "body", "catchword", "blank"} <= kinds
    assert kinds & {"running_head", "page_number"}
    assert labels["hyphens"]
    for hyphen in labels["hyphens"]:
        assert hyphen["joined"] in doc.logical
    catchword = next(entry for entry in labels["lines"] if entry["kind"] == "catchword")
    assert catchword["text"].startswith("/") and catchword["page"] == 1
    for banned in ("- 2 -", catchword["text"]):
        assert banned not in doc.logical


@needs_fonts("EB Garamond")
def test_book_pages_have_running_heads_and_page_numbers():
    blocks = parse_written("On Hedges\n\n" + "\n\n".join(["A hedge planted on the edge of an old wood will "
                           "gather species from it far faster than one planted in the open field. " * 6] * 8),
                           "book")
    doc = typeset_book(blocks, FONTS["EB Garamond"], random.Random(2), title="On Hedges", first_page=41,
                       opens_chapter=True)
    kinds = [line.kind for line in doc.pages[1].lines]
    assert kinds[0] == "running_head" and "body" in kinds
    assert doc.pages[0].lines[-1].kind == "page_number" and doc.pages[0].lines[-1].text == "41"


@needs_courier
def test_rendering_and_degradation_are_deterministic_for_a_seed():
    doc = typeset_letter(parse_example(), FONTS["Courier Prime"], random.Random(7))

    def image(seed: int) -> bytes:
        rng = random.Random(seed)
        return degrade(render_page(doc.pages[0], doc, LEVELS["L3"], rng, dpi=72), LEVELS["L3"], rng, render_dpi=72)

    assert image(5) == image(5)
    assert image(5) != image(6)


@needs_tesseract
@needs_courier
def test_build_one_small_letter_end_to_end_with_real_tesseract(tmp_path):
    from ocrfix.metrics import cer

    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "letter_001.txt").write_text(LETTER, encoding="utf-8")
    out = tmp_path / "corpus"
    options = BuildOptions(out=out, texts=texts, engines=("tesseract",), letters=1, books=0, rapidocr_letters=0,
                           rapidocr_books=0, levels=("L0",), letter_fonts=("Courier Prime",), book_fonts=(), sqlite_docs=False,
                           jobs=1)
    report = build(options)
    assert report.documents == 1 and report.pages == 1 and not report.dropped
    [document] = load(out)
    assert document.id == "letter-001-tesseract"
    assert document.meta["engine"].startswith("Tesseract ")
    assert document.meta["font"] == "Courier Prime" and document.meta["level"] == "L0"
    assert document.meta["settings"]["scan_dpi"] == 300
    assert document.gt == parse_and_join(LETTER)
    assert cer(document.gt_diplomatic, document.ocr) < 0.05
    assert "ocr_page" in document.files["hocr"].read_text(encoding="utf-8")
    assert document.labels["lines"][0]["kind"] == "letter_block"
    # A second build with the same seed renders the same image (so the OCR cache answers) and
    # writes the same files.
    before = {path.name: path.read_bytes() for path in (out / "generated").iterdir()}
    (out / "generated" / "letter-001.gt.txt").unlink()
    build(options)
    assert {path.name: path.read_bytes() for path in (out / "generated").iterdir()} == before


def parse_and_join(letter: str) -> str:
    blocks = parse_written(letter, "letter")
    return "\n\n".join("\n".join(block.lines) for block in blocks) + "\n"


_DEJAVU_MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"


@pytest.mark.skipif(not Path(_DEJAVU_MONO).is_file(), reason=f"needs {_DEJAVU_MONO} (Debian fonts-dejavu-core)")
def test_a_glyph_as_big_as_the_missing_glyph_box_is_still_a_glyph():
    font = Font("DejaVu Sans Mono", _DEJAVU_MONO, True)
    assert font.covers("Quite so? Quebec, 1888.")  # its "Q" fills the same box as the missing-glyph box
    assert not font.covers("Quebec \u4e00")


@needs_fonts(*LETTER_FONTS, *BOOK_FONTS)
def test_plan_covers_both_layouts_and_records_the_second_engine():
    options = BuildOptions(letters=4, books=4, rapidocr_letters=2, rapidocr_books=2)
    plan = make_plan(load_all(WRITTEN_DIR, sqlite_docs=None), options)
    assert {spec.layout for spec in plan} == {"letter", "book"}
    assert sum("rapidocr" in spec.engines for spec in plan) == 4


def test_bad_input_stops_with_one_line_before_any_work(tmp_path, capsys, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["corpus", "build", "--out", str(blocker / "sub"), "--engines", "tesseract",
                 "--letter-fonts", "Courier Prime", "--book-fonts", ""]) == 2
    assert "not writable" in capsys.readouterr().err
    assert main(["corpus", "build", "--out", str(tmp_path / "c"), "--letter-fonts", "Olivetti Lettera"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "unknown font 'Olivetti Lettera'" in err
    assert not (tmp_path / "c").exists()
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(OcrfixError, match="tesseract"):
        check(BuildOptions(out=tmp_path / "d", engines=("tesseract",), letter_fonts=(), book_fonts=()))
    assert not (tmp_path / "d").exists()



@pytest.mark.parametrize("options, problem", [
    ({"limit": 0}, "limit must be 1 or more"), ({"limit": -3}, "limit must be 1 or more"),
    ({"letters": -1}, "letters must be 0 or more, not -1"),
])
def test_a_count_out_of_range_stops_before_any_work(tmp_path, options, problem):
    # `--limit 0` read as no limit started the whole build (an hour)
    with pytest.raises(OcrfixError, match=problem):
        check(BuildOptions(out=tmp_path / "c", engines=("tesseract",), **options))
    assert not (tmp_path / "c").exists()


@needs_courier
def test_an_interrupted_build_leaves_the_manifest_as_it_was(tmp_path, monkeypatch):
    import ocrfix.synth.build as build_module

    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "letter_001.txt").write_text(LETTER, encoding="utf-8")
    out = tmp_path / "corpus"
    out.mkdir()
    manifest = out / "manifest.json"
    manifest.write_text('{"format": "ocrfix-corpus/1", "documents": []}\n', encoding="utf-8")

    def power_cut(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(build_module, "degrade", power_cut)      # the workers are forked with it
    options = BuildOptions(out=out, texts=texts, engines=("tesseract",), letters=1, books=0, rapidocr_letters=0,
                           rapidocr_books=0, levels=("L0",), letter_fonts=("Courier Prime",), book_fonts=(),
                           sqlite_docs=False, jobs=1)
    with pytest.raises(RuntimeError, match="power cut"):
        build(options)
    assert manifest.read_text(encoding="utf-8") == '{"format": "ocrfix-corpus/1", "documents": []}\n'
