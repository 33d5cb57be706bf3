"""ocrfix.batch: files and folders corrected from the library, as `ocrfix fix` does."""
from __future__ import annotations

import doctest
import json

import pytest

import ocrfix.batch
from ocrfix.batch import correct_file, correct_folder
from ocrfix.errors import OcrfixError

LOOPED = "Dear Sir,\nit has been been been a year.\n"


def test_docstring_examples():
    assert doctest.testmod(ocrfix.batch).failed == 0


def test_a_file_is_corrected_into_its_output_and_edits(tmp_path):
    source = tmp_path / "page.txt"
    source.write_text(LOOPED)
    result = correct_file(source, tmp_path / "out.txt", edits=tmp_path / "edits.json", strategies=["dedup"])
    assert (tmp_path / "out.txt").read_text() == result.text == "Dear Sir,\nit has been a year.\n"
    record = json.loads((tmp_path / "edits.json").read_text())
    assert record["input_format"] == "text" and len(record["edits"]) == len(result.edits) == 1
    assert source.read_text() == LOOPED


def test_a_folder_run_reports_a_bad_file_and_corrects_the_rest(tmp_path):
    scans = tmp_path / "scans"
    scans.mkdir()
    (scans / "good.txt").write_text(LOOPED)
    (scans / "bad.xml").write_text("<alto><Layout>")  # cut off: no parser reads it
    summary = correct_folder(scans, tmp_path / "fixed", strategies=["dedup"], jobs=2, progress=False)
    assert (summary["files"], summary["corrected"], summary["failed"]) == (2, 1, 1)
    assert [record["source"].endswith("bad.xml") for record in summary["results"] if "error" in record] == [True]
    assert (tmp_path / "fixed" / "good.txt").read_text() == "Dear Sir,\nit has been a year.\n"
    assert not (tmp_path / "fixed" / "bad.txt").exists()


@pytest.mark.parametrize("output, message", [("scans/fixed", "outside the input folder"),
                                             ("file.txt", "must be a folder")])
def test_a_folder_run_refuses_outputs_that_would_overwrite(tmp_path, output, message):
    (tmp_path / "scans").mkdir()
    (tmp_path / "file.txt").write_text("kept")
    with pytest.raises(OcrfixError, match=message):
        correct_folder(tmp_path / "scans", tmp_path / output, progress=False)
    assert (tmp_path / "file.txt").read_text() == "kept"


def test_a_folder_run_reads_the_ocr_and_leaves_ground_truths_and_hidden_files_alone(tmp_path, capsys):
    # a folder of pairs (NAME.txt + NAME.gt.txt, as `ocrfix score --gt-dir` and `quality` read it) had its
    # ground truths corrected too; `quality` left them out
    from ocrfix.cli import main

    scans = tmp_path / "scans"
    (scans / ".cache").mkdir(parents=True)
    for name in ("page.txt", "page.gt.txt", ".notes.txt", ".cache/old.txt"):
        (scans / name).write_text("it has been been been a year\n", encoding="utf-8")
    assert main(["fix", str(scans), "-o", str(tmp_path / "fixed"), "--strategies", "dedup", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["files"] == 1
    assert [path.name for path in (tmp_path / "fixed").rglob("*")] == ["page.txt"]
    assert main(["quality", str(scans), "--format", "json"]) == 0
    assert [row["file"] for row in json.loads(capsys.readouterr().out)["pages"]] == [str(scans / "page.txt")]


def test_a_file_to_its_output_with_format_json_prints_its_record_and_explains_on_stderr(tmp_path, capsys):
    # `fix FILE -o OUT --format json` printed nothing (the option was for standard output only), and
    # --explain beside it would have mixed text into the JSON
    from ocrfix.cli import main

    page, out = tmp_path / "page.txt", tmp_path / "page.fixed.txt"
    page.write_text("it has been been been a year\n", encoding="utf-8")
    assert main(["fix", str(page), "-o", str(out), "--strategies", "dedup", "--format", "json", "--explain"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {"source": str(page), "output": str(out), "edits": 1, "removed_chars": 10}
    assert captured.err.startswith("1 edit by dedup\n")
    assert out.read_text(encoding="utf-8") == "it has been a year\n"
