"""The benchmark harness: `ocrfix bench` on tiny corpora, its measures, and its refusal of bad input."""
from __future__ import annotations

import doctest
import json
import sys
from pathlib import Path

import pytest

import ocrfix.bench.candidates
import ocrfix.bench.folds
import ocrfix.bench.leaderboard
import ocrfix.bench.output
import ocrfix.bench.precision
from ocrfix import bench, strategies
from ocrfix.bench.folds import folds, sample
from ocrfix.bench.precision import judge
from ocrfix.cli import main
from ocrfix.corpus import CorpusDocument
from ocrfix.pipeline import Edit, Pipeline, Strategy

LOOP_GT = "Dear Sir,\n\nIt has been a year since we last met in London.\n\nYours faithfully,\nJ. Smith\n"
LOOP_OCR = "Dear Sir,\n\nIt has been been been been a year since we last met in London.\n\nYours faithfully,\nJ. Smith\n"
CLEAN_GT = "The committee met on Tuesday and agreed the budget for the coming year.\n"
CLEAN_OCR = "The cornmittee met on Tuesday and agreed the budget for the coming year.\n"


def _doc(folder: Path, name: str, ocr: str, gt: str, **meta) -> dict:
    (folder / f"{name}.txt").write_text(ocr, encoding="utf-8")
    (folder / f"{name}.gt.txt").write_text(gt, encoding="utf-8")
    return {"id": name, "ocr": f"{name}.txt", "gt": f"{name}.gt.txt", "engine": "tesseract", "layout": "letter",
            "pages": 1, **meta}


def _corpus(folder: Path, documents: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.json").write_text(json.dumps({"format": "ocrfix-corpus/1", "documents": documents}))
    return folder


@pytest.fixture
def tiny(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    return _corpus(folder, [
        _doc(folder, "loop", LOOP_OCR, LOOP_GT, subset="letters"),
        _doc(folder, "loop-other-engine", LOOP_OCR.replace("London", "Lond0n"), LOOP_GT, subset="letters",
             engine="rapidocr"),
        _doc(folder, "clean", CLEAN_OCR, CLEAN_GT, subset="minutes", layout="minute"),
        _doc(folder, "clean2", CLEAN_OCR.replace("Tuesday", "Tuesdav"), CLEAN_GT.replace("committee", "council"),
             subset="minutes", layout="minute"),
    ])


@pytest.mark.parametrize("module", [ocrfix.bench.folds, ocrfix.bench.leaderboard, ocrfix.bench.output,
                                    ocrfix.bench.precision, ocrfix.bench.candidates])
def test_docstring_examples(module):
    assert doctest.testmod(module, optionflags=doctest.ELLIPSIS).failed == 0


def test_cli_writes_json_markdown_chart_per_subset_and_group(tiny, tmp_path, capsys):
    out = tmp_path / "results"
    assert main(["bench", "--corpus", str(tiny), "--strategies", "dedup,pipeline", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "subset: letters" in printed and "subset: minutes" in printed and "dedup" in printed
    data = json.loads((out / "bench.json").read_text())
    assert data["format"] == "ocrfix-bench/1"
    assert data["corpus"]["documents"] == 4 and len(data["corpus"]["fingerprint"]) == 64
    assert data["versions"]["ocrfix"] and data["machine"]["cpus"]
    rows = {(row["candidate"], row["scope"], row["group"]): row for row in data["rows"]}
    letters = rows[("dedup", "subset", "letters")]
    assert letters["documents"] == 2 and letters["cer"] < letters["raw_cer"]
    assert letters["cer_improvement"] > 0 and letters["edits"] == 2 and letters["precision"] == 1.0
    assert letters["harmful"] == 0.0 and letters["damage"] == 0.0 and letters["chars_per_second"] > 0
    assert ("dedup", "group", "rapidocr × letter") in rows and ("pipeline", "group", "tesseract × minute") in rows
    assert rows[("pipeline", "all", "all")]["cer"] <= rows[("pipeline", "all", "all")]["raw_cer"]
    markdown = (out / "bench.md").read_text()
    assert "| letters | dedup |" in markdown and "Per engine × layout" in markdown
    assert (out / "bench.png").read_bytes().startswith(b"\x89PNG")


def test_without_matplotlib_the_tables_are_written_and_the_chart_left_out(tiny, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as where the bench extra is not installed
    out = tmp_path / "results"
    assert main(["bench", "--corpus", str(tiny), "--strategies", "dedup", "--out", str(out)]) == 0
    assert "no chart: matplotlib is not installed" in capsys.readouterr().err
    assert sorted(path.name for path in out.iterdir()) == ["bench.json", "bench.md"]
    assert "bench.png" not in (out / "bench.md").read_text()


def test_json_format_and_plain_folder_of_pairs(tmp_path, capsys):
    folder = tmp_path / "pairs"
    folder.mkdir()
    _doc(folder, "a", LOOP_OCR, LOOP_GT)
    (folder / "b.ocr.txt").write_text(CLEAN_OCR)
    (folder / "b.gt.txt").write_text(CLEAN_GT)
    assert main(["bench", "--corpus", str(folder), "--strategies", "dedup", "--format", "json", "--no-save",
                 "--out", str(tmp_path / "never")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["corpus"]["documents"] == 2 and [d["id"] for d in data["documents"]] == ["a", "b"]
    assert not (tmp_path / "never").exists()


def test_chains_and_steps(tiny):
    names = strategies.DEFAULT_PIPELINE
    if len(names) < 2:
        pytest.skip("the default pipeline has fewer than two strategies")
    report = bench.run(tiny, [names[0], "+".join(names[:2])], folds=1, progress=False)
    chain = next(r for r in report.rows if r.candidate == "+".join(names[:2]) and r.scope == "all")
    alone = next(r for r in report.rows if r.candidate == names[0] and r.scope == "all")
    assert chain.step_improvement == ocrfix.bench.leaderboard.improvement(alone.cer, chain.cer)
    assert chain.edits >= alone.edits


@pytest.mark.parametrize("problem", ["empty", "missing", "unknown", "bad-folds", "bad-jobs", "bad-peer-sample",
                                     "readme-without-markers"])
def test_bad_input_one_line_error_and_nothing_written(tiny, tmp_path, capsys, problem):
    out = tmp_path / "results"
    corpus = tiny
    arguments = ["--strategies", "dedup"]
    if problem == "empty":
        corpus = tmp_path / "empty"
        corpus.mkdir()
    elif problem == "missing":
        (tiny / "clean.gt.txt").unlink()
    elif problem == "unknown":
        arguments = ["--strategies", "dedup,no-such-strategy"]
    elif problem == "bad-folds":
        arguments += ["--folds", "0"]
    elif problem == "bad-jobs":
        arguments += ["--jobs", "-1"]
    elif problem == "bad-peer-sample":
        arguments += ["--peer-sample", "-5"]
    else:
        readme = tmp_path / "README.md"
        readme.write_text("# Project\n")
        arguments += ["--readme", str(readme)]
    code = main(["bench", "--corpus", str(corpus), "--out", str(out), *arguments])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.startswith("ocrfix bench: ") and captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
    assert not out.exists()
    if problem == "unknown":
        assert "no-such-strategy" in captured.err and "dedup" in captured.err


def test_readme_section_replaced_between_markers(tiny, tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# P\n\n## Results\n\n<!-- bench:start -->\nOLD RESULTS\n<!-- bench:end -->\n\n## After\n")
    assert main(["bench", "--corpus", str(tiny), "--strategies", "dedup", "--no-save", "--readme", str(readme)]) == 0
    text = readme.read_text()
    assert "OLD RESULTS" not in text and text.endswith("<!-- bench:end -->\n\n## After\n")
    assert "### Benchmark results" in text and "| letters | dedup |" in text


def test_edit_precision_judges_each_edit_alone():
    text, reference = "Tbe cat sat on the mat.", "The cat sat on the mat."
    edits = [Edit(0, 3, "The", "t", "", 1.0, "Tbe"), Edit(4, 7, "bat", "t", "", 1.0, "cat"),
             Edit(19, 22, "mat", "t", "", 1.0, "mat"), Edit(22, 23, "", "t", "", 1.0, ".")]
    assert judge(text, reference, edits) == [-1, 1, 0, 1]


def test_edit_precision_keeps_illegible_gaps_whole():
    reference = "Dear Sir, [illegible] thank you for your letter of the 4th about the new school buildings."
    text = "Dear Sir, xq7 zz thank you for your lettcr of the 4th about the new school buildings."
    at = text.index("lettcr")
    assert judge(text, reference, [Edit(at, at + 6, "letter", "t", "", 1.0, "lettcr")]) == [-1]
    # changing what the gap covers is neutral: the gap absorbs it
    assert judge(text, reference, [Edit(10, 13, "xyz", "t", "", 1.0, "xq7")]) == [0]


def test_folds_keep_documents_sharing_a_ground_truth_together():
    docs = [CorpusDocument(f"page{i}-{engine}", f"ocr {i} {engine}", f"ground truth {i}")
            for i in range(6) for engine in ("tesseract", "rapidocr")]
    partition = folds(docs, 4)
    assert len(partition) == 4 and sum(map(len, partition)) == 12
    for fold in partition:
        pages = {d.id.split("-")[0] for d in fold}
        assert all(f"{page}-{engine}" in {d.id for d in fold} for page in pages for engine in ("tesseract", "rapidocr"))
    same_ids = [sorted(d.id for d in fold) for fold in folds(list(reversed(docs)), 4)]
    assert sorted(sorted(d.id for d in fold) for fold in partition) == sorted(same_ids)  # independent of order


class _Recorder(Strategy):
    """A trainable strategy that records what it was trained on and changes nothing."""

    name = "test-recorder"
    trained_on: list[set[str]] = []

    def fit(self, pairs):
        _Recorder.trained_on.append({gt for _, gt in pairs})
        return _Recorder()

    def propose(self, text):
        return []


def test_trainable_strategies_are_cross_validated_by_document(tiny, monkeypatch):
    from ocrfix.strategies import _REGISTRY

    monkeypatch.setitem(_REGISTRY, _Recorder.name, _Recorder)
    _Recorder.trained_on = []
    report = bench.run(tiny, [_Recorder.name], folds=3, progress=False)
    assert report.info["settings"]["folds_used"] == 3
    gts = {LOOP_GT, CLEAN_GT, CLEAN_GT.replace("committee", "council")}
    assert len(_Recorder.trained_on) == 3
    for trained in _Recorder.trained_on:
        assert trained < gts  # never all: the held-out fold's ground truth is missing
    held_out = [gts - trained for trained in _Recorder.trained_on]
    assert sorted(map(len, held_out)) == [1, 1, 1]  # each ground truth held out exactly once (both loop docs together)
    assert report.to_dict()["candidates"][0]["cross_validated"] is True


def test_slow_peers_run_on_a_fixed_sample():
    docs = [CorpusDocument(f"d{i}", "x" * 1000, "x", meta={"subset": "a" if i % 2 else "b"}) for i in range(10)]
    chosen = sample(docs, 1500)
    assert {d.meta["subset"] for d in chosen} == {"a", "b"} and len(chosen) == 4
    assert [d.id for d in chosen] == [d.id for d in sample(list(reversed(docs)), 1500)]


def test_peers_are_labelled_and_scored_like_strategies(tiny):
    pytest.importorskip("symspellpy")
    report = bench.run(tiny, ["symspell.lookup"], progress=False)
    row = next(r for r in report.rows if r.scope == "all")
    assert row.label == "symspell.lookup [peer]" and row.kind == "peer"
    assert row.edits > 0 and row.precision is not None and row.damage >= 0


def test_pipeline_of_chain_matches_the_real_pipeline(tiny):
    report = bench.run(tiny, ["pipeline"], folds=1, progress=False)
    from ocrfix.corpus import load

    for document, result in zip(load(tiny), report.documents):
        expected = Pipeline(None).run(document.ocr).text
        from ocrfix.metrics import score

        assert result.outcomes["pipeline"].corrected.distance == score(document.gt, expected).distance


def test_slow_peer_rows_say_they_are_a_sample(tiny):
    pytest.importorskip("symspellpy")
    report = bench.run(tiny, ["symspell.compound", "pyspellchecker"], peer_sample=50, progress=False)
    rows = {r.candidate: r for r in report.rows if r.scope == "all"}
    assert rows["symspell.compound"].label == "symspell.compound [peer, sample]"
    assert rows["symspell.compound"].documents == 2  # one per subset
    assert rows["pyspellchecker"].label == "pyspellchecker [peer]" and rows["pyspellchecker"].documents == 4
    assert report.info["settings"]["sampled_documents"] == {"symspell.compound": 2}


def test_renditions_of_one_source_text_share_a_fold():
    docs = [CorpusDocument(f"r{i}", "ocr", f"slightly different ground truth {i}",
                           meta={"settings": {"text": f"texts/t{i % 3}.txt", "text_part": 0}}) for i in range(9)]
    for fold in folds(docs, 3):
        texts = {d.meta["settings"]["text"] for d in fold}
        assert all(sum(d.meta["settings"]["text"] == t for d in fold) == 3 for t in texts)


def test_parallel_jobs_give_the_same_scores(tiny):
    one = bench.run(tiny, ["dedup", "pipeline"], folds=2, jobs=1, progress=False)
    two = bench.run(tiny, ["dedup", "pipeline"], folds=2, jobs=2, progress=False)
    assert [(r.candidate, r.group, r.cer, r.edits, r.precision) for r in one.rows] == \
           [(r.candidate, r.group, r.cer, r.edits, r.precision) for r in two.rows]
