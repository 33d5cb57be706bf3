"""`ocrfix score`: two files, two folders, the three formats, and one-line errors for bad input."""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

import lxml.html
import pytest

from ocrfix.cli import main
from ocrfix.errors import OcrfixError
from ocrfix.evaluation import evaluate_folder
from ocrfix.profiles import normalize

SEED = Path(__file__).resolve().parent.parent / "corpus" / "seed"
GT = SEED / "000_7b809fd8ed01e65c.gt.txt"
OCR = SEED / "000_7b809fd8ed01e65c.txt"


def run(capsys, *argv):
    code = main(["score", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_two_files_table(capsys):
    code, out, err = run(capsys, GT, OCR)
    assert code == 0 and err == ""
    assert "3257 characters" in out and "236 errors" in out and "CER 0.0725" in out
    assert "word accuracy" in out and "lowercase" in out


def test_two_files_json(capsys):
    code, out, _ = run(capsys, GT, OCR, "--format", "json")
    data = json.loads(out)
    assert data["score"]["distance"] == 236 and data["score"]["reference_length"] == 3257
    assert data["score"]["profile"] == "default" and data["reference"] == str(GT)
    assert "confusions" in data and "classes" in data


def test_ocr_xml_is_scored_by_its_text_and_plain_text_as_it_is(tmp_path, capsys):
    # hOCR was scored as text, markup and all: a CER of 31 (3,106%) for a page read without an error
    hocr = Path(__file__).resolve().parent / "data" / "io" / "tesseract-2pages.hocr"
    gt = tmp_path / "page.gt.txt"
    assert main(["fix", str(hocr), "--strategies", "none", "-o", str(gt)]) == 0
    code, out, _ = run(capsys, gt, hocr, "--format", "json")
    assert code == 0 and json.loads(out)["score"]["distance"] == 0
    crlf = tmp_path / "page.ocr"  # no .txt: its content says it is text; its \r\n stay, as in a .txt file
    crlf.write_bytes(GT.read_bytes().replace(b"\n", b"\r\n"))
    code, out, _ = run(capsys, GT, crlf, "--format", "json", "--profile", "exact")
    assert code == 0 and json.loads(out)["score"]["distance"] == GT.read_bytes().count(b"\n")


def test_profile_option(capsys):
    _, out, _ = run(capsys, GT, OCR, "--format", "json", "--profile", "exact")
    assert json.loads(out)["score"]["profile"] == "exact"


def test_html_report_written_atomically(tmp_path, capsys):
    out_file = tmp_path / "report.html"
    before = GT.read_bytes(), OCR.read_bytes()
    code, out, _ = run(capsys, GT, OCR, "--format", "html", "-o", out_file)
    assert code == 0 and out == ""
    page = out_file.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "0.0725" in page
    assert page.count('class="g"') >= 6  # the seed's [illegible] gaps
    assert (GT.read_bytes(), OCR.read_bytes()) == before
    assert not list(tmp_path.glob(".*tmp"))


def test_html_report_dom_stays_lean():
    from ocrfix.report import html_report

    words = ("the committee considered the report and agreed to publish it in March " * 600).split()
    reference = " ".join(words)
    hypothesis = " ".join(w.replace("e", "c") if i % 7 == 0 else w for i, w in enumerate(words))
    page = html_report(reference, hypothesis)
    elements = len(re.findall(r"<[a-z]", page))
    rows = page.count("<tr>")
    assert rows > len(reference) / 120
    assert elements < 3 * rows + 2 * reference.count(" ") / 7 + 200  # only edits get an element besides rows


def make_folder(tmp_path):
    gt_dir, hyp_dir = tmp_path / "gt", tmp_path / "ocr"
    gt_dir.mkdir()
    hyp_dir.mkdir()
    (gt_dir / "a.gt.txt").write_text("the cat sat", encoding="utf-8")
    (hyp_dir / "a.txt").write_text("the cot sat", encoding="utf-8")
    (gt_dir / "b.gt.txt").write_text("one [illegible] four", encoding="utf-8")
    (hyp_dir / "b.ocr.txt").write_text("one two three four", encoding="utf-8")
    (gt_dir / "c.gt.txt").write_text("no hypothesis for this one", encoding="utf-8")
    return gt_dir, hyp_dir


def test_folders_table(tmp_path, capsys):
    gt_dir, hyp_dir = make_folder(tmp_path)
    code, out, _ = run(capsys, "--gt-dir", gt_dir, "--hyp-dir", hyp_dir)
    assert code == 0
    lines = out.splitlines()
    assert lines[1].split()[:2] == ["a", "0.0909"] and lines[2].split()[:2] == ["b", "0.0000"]
    assert lines[3].split()[:2] == ["micro", f"{1 / 20:.4f}"] and lines[4].split()[:2] == ["macro", f"{1 / 22:.4f}"]
    assert "c" not in [line.split()[0] for line in lines]


def test_folders_json_and_html(tmp_path, capsys):
    gt_dir, hyp_dir = make_folder(tmp_path)
    _, out, _ = run(capsys, "--gt-dir", gt_dir, "--hyp-dir", hyp_dir, "-f", "json")
    data = json.loads(out)
    assert [d["name"] for d in data["documents"]] == ["a", "b"]
    assert data["total"]["documents"] == 2 and data["total"]["distance"] == 1
    _, out, _ = run(capsys, "--gt-dir", gt_dir, "--hyp-dir", hyp_dir, "-f", "html")
    assert "micro (2 documents)" in out


def test_folders_are_scored_by_the_library_as_the_cli_prints_them(tmp_path, capsys):
    gt_dir, hyp_dir = make_folder(tmp_path)
    evaluation = evaluate_folder(gt_dir, hyp_dir, max_gap_chars=100)
    assert evaluation.names == ["a", "b"] and [s.distance for s in evaluation.scores] == [1, 0]
    assert evaluation.total.distance == 1 and len(evaluation.inputs) == 4
    for fmt, expected in (("table", evaluation.text()), ("json", json.dumps(evaluation.as_dict(), indent=2) + "\n"),
                          ("html", evaluation.html(f"OCR evaluation of {gt_dir}"))):
        assert run(capsys, "--gt-dir", gt_dir, "--hyp-dir", hyp_dir, "-f", fmt)[1] == expected
    relaxed = evaluate_folder(gt_dir, hyp_dir, "relaxed")
    assert relaxed.profile == "relaxed" and relaxed.text().endswith("profile relaxed, 2 documents\n")
    (tmp_path / "empty").mkdir()
    with pytest.raises(OcrfixError, match="no pairs found"):
        evaluate_folder(tmp_path / "empty")


def test_folders_html_without_output_is_the_summary_alone(tmp_path, capsys):
    gt_dir, hyp_dir = make_folder(tmp_path)
    code, out, err = run(capsys, "--gt-dir", gt_dir, "--hyp-dir", hyp_dir, "-f", "html")
    page = lxml.html.fromstring(out)
    assert code == 0 and err == "" and "micro (2 documents)" in out
    assert page.xpath("//a") == [] and not list(tmp_path.glob("*_files"))


def folder_with_gaps(tmp_path):
    """Three documents: one with [illegible] gaps (the seed), one with a name that needs quoting in a URL."""
    gt_dir, hyp_dir = make_folder(tmp_path)
    shutil.copy(GT, gt_dir / "seed.gt.txt")
    shutil.copy(OCR, hyp_dir / "seed.txt")
    (gt_dir / "odd name #2.gt.txt").write_text("Tlie first line\nand the second", encoding="utf-8")
    (hyp_dir / "odd name #2.txt").write_text("The first lime\nand tbe second.", encoding="utf-8")
    return gt_dir, hyp_dir


def resolve(page_path, href):
    """The file and fragment a relative link of the page at ``page_path`` points to."""
    address, _, fragment = href.partition("#")
    return (page_path.parent / unquote(address)).resolve(), fragment


def test_folders_html_report_links_each_document_to_its_aligned_page(tmp_path, capsys):
    gt_dir, hyp_dir = folder_with_gaps(tmp_path)
    before = {path: path.read_bytes() for path in [*gt_dir.iterdir(), *hyp_dir.iterdir()]}
    index_path = tmp_path / "out" / "report.html"
    code, out, _ = run(capsys, "--gt-dir", gt_dir, "--hyp-dir", hyp_dir, "-f", "html", "-o", index_path)
    assert code == 0 and out == ""
    _, out, _ = run(capsys, "--gt-dir", gt_dir, "--hyp-dir", hyp_dir, "-f", "json")
    data = json.loads(out)
    documents = {d["name"]: d for d in data["documents"]}

    index = lxml.html.parse(str(index_path)).getroot()
    rows = {row.xpath("string(th)"): [cell.text_content() for cell in row.xpath("td")] for row in index.xpath("//tr")}
    total = data["total"]
    assert rows[f"micro ({total['documents']} documents)"] == [
        f"{total['micro_cer']:.4f}", f"{total['micro_wer']:.4f}", f"{total['distance']:,}",
        f"{total['reference_length']:,}", f"{total['word_distance']:,}", f"{total['reference_words']:,}"]
    assert rows["macro"] == [f"{total['macro_cer']:.4f}", f"{total['macro_wer']:.4f}"]

    links = index.xpath("//a")
    names = [link.text for link in links]
    assert sorted(names) == sorted(documents)
    assert [documents[n]["cer"] for n in names] == sorted((d["cer"] for d in documents.values()), reverse=True)
    for link in links:
        name, document = link.text, documents[link.text]
        assert rows[name][:3] == [f"{document['cer']:.4f}", f"{document['wer']:.4f}", f"{document['distance']:,}"]
        page_path, _ = resolve(index_path, link.get("href"))
        assert page_path.parent == (tmp_path / "out" / "report_files").resolve() and page_path.is_file()
        page = lxml.html.parse(str(page_path)).getroot()
        back = page.xpath("//a")[0].get("href")
        assert resolve(page_path, back) == (index_path.resolve(), "")
        assert f"{document['cer']:.4f}" in page.xpath("string(//table[@class='figures'])")
        cells = page.xpath("//table[@class='align']/tbody/tr/td")
        gt_hyp = [(gt_dir / f"{name}.gt.txt").read_text(encoding="utf-8"), None]
        gt_hyp[1] = next(p for p in hyp_dir.iterdir() if p.name.startswith(f"{name}.")).read_text(encoding="utf-8")
        for column, text in enumerate(gt_hyp):  # both normalised texts, whole, in their column
            assert "".join(cell.text_content() for cell in cells[column::2]) == normalize(text, "default")
        marks = {span.get("class") for span in page.xpath("//table[@class='align']//span")}
        assert bool(marks) == (document["distance"] > 0 or document["gap_chars"] > 0)
    seed = lxml.html.parse(str(index_path.parent / "report_files" / "seed.html")).getroot()
    assert len(seed.xpath("//table[@class='align']//span[@class='g']")) >= 12  # 6 gaps, a span in each column
    assert {p: p.read_bytes() for p in before} == before
    assert not list(tmp_path.rglob(".*tmp"))


def test_folders_html_report_bad_input(tmp_path, capsys):
    gt_dir, hyp_dir = make_folder(tmp_path)
    (hyp_dir / "b.ocr.txt").write_bytes("café".encode("latin-1"))
    index_path = tmp_path / "report.html"
    err = one_line_error(capsys, "--gt-dir", gt_dir, "--hyp-dir", hyp_dir, "-f", "html", "-o", index_path)
    assert f"{hyp_dir / 'b.ocr.txt'}: not UTF-8" in err and not index_path.exists()
    assert "refusing to overwrite" in one_line_error(capsys, "--gt-dir", gt_dir, "--hyp-dir", hyp_dir, "-f", "html",
                                                     "-o", gt_dir / "a.gt.txt")
    assert "is a folder" in one_line_error(capsys, "--gt-dir", gt_dir, "--hyp-dir", hyp_dir, "-f", "html",
                                           "-o", tmp_path)
    assert not list(gt_dir.glob("*_files")) and not (tmp_path.parent / f"{tmp_path.name}_files").exists()


def test_seed_folder(capsys):
    code, out, _ = run(capsys, "--gt-dir", SEED)
    assert code == 0 and "000_7b809fd8ed01e65c" in out and "0.0725" in out


def one_line_error(capsys, *argv):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("ocrfix score: ")
    return err


def test_missing_file(tmp_path, capsys):
    assert "no such file" in one_line_error(capsys, tmp_path / "nope.gt.txt", OCR)


def test_folder_without_pairs(tmp_path, capsys):
    assert "no pairs found" in one_line_error(capsys, "--gt-dir", tmp_path)
    assert "no such folder" in one_line_error(capsys, "--gt-dir", tmp_path / "missing")


def test_not_utf8_and_binary(tmp_path, capsys):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("café".encode("latin-1"))
    assert "not UTF-8" in one_line_error(capsys, GT, latin)
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert "binary" in one_line_error(capsys, binary, OCR)


def test_never_overwrites_an_input(tmp_path, capsys):
    gt, hyp = tmp_path / "x.gt.txt", tmp_path / "x.txt"
    shutil.copy(GT, gt)
    shutil.copy(OCR, hyp)
    before = hyp.read_bytes()
    assert "refusing to overwrite" in one_line_error(capsys, gt, hyp, "-o", hyp)
    assert hyp.read_bytes() == before


def test_usage_mistakes(tmp_path, capsys):
    one_line_error(capsys, GT)
    one_line_error(capsys, GT, OCR, "--gt-dir", SEED)


def test_console_entry_point_prints_no_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-m", "ocrfix", "score", str(tmp_path / "a"), str(OCR)],
                            capture_output=True, text=True)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == f"ocrfix score: {tmp_path / 'a'}: no such file"
    help_text = subprocess.run([sys.executable, "-m", "ocrfix", "score", "--help"], capture_output=True, text=True)
    assert "--gt-dir" in help_text.stdout and "[illegible]" in help_text.stdout
