"""The correction framework: edits, offset mapping, the registry, correct(), Result, and `ocrfix fix`."""
from __future__ import annotations

import json
from importlib.metadata import EntryPoint
from pathlib import Path

import pytest

import ocrfix
from ocrfix import cli, strategies
from ocrfix.io import parse
from ocrfix.pipeline import Edit, MalformedEditWarning, Pipeline, Result, Strategy, apply_edits, correct
from ocrfix.strategies.dedup import Dedup


class Replace(Strategy):
    """Replaces every occurrence of ``old`` by ``new`` (a small real strategy to drive the pipeline)."""

    name = "replace"

    def __init__(self, *, old: str = "", new: str = "") -> None:
        self.old, self.new = old, new

    def propose(self, text: str) -> list[Edit]:
        edits, start = [], text.find(self.old)
        while self.old and start >= 0:
            edits.append(self.edit(text, start, start + len(self.old), self.new, reason=f"{self.old}->{self.new}", confidence=0.5))
            start = text.find(self.old, start + len(self.old))
        return edits


class Broken(Strategy):
    name = "broken"

    def propose(self, text: str) -> list[Edit]:
        return [self.edit(text, 4, 6, "x", reason="", confidence=1), self.edit(text, 0, 5, "y", reason="", confidence=1)]


def test_edits_map_to_original_offsets_across_stages():
    original = "the cat sat on the mat"
    result = Pipeline([Replace(old="cat", new="big dog"), Replace(old="the", new="a")]).run(original)
    assert result.text == "a big dog sat on a mat"
    assert result.original == original
    spans = [(edit.start, edit.end, edit.original, edit.replacement, edit.strategy) for edit in result.edits]
    assert spans == [(0, 3, "the", "a", "replace"), (4, 7, "cat", "big dog", "replace"), (15, 18, "the", "a", "replace")]
    for edit in result.edits:  # outside inserted text, an edit's span is exactly what it replaced
        assert original[edit.start:edit.end] == edit.original


def test_edit_inside_inserted_text_maps_to_the_insertion_span():
    result = Pipeline([Replace(old="cat", new="big dog"), Replace(old="dog", new="hound")]).run("a cat, a mat")
    assert result.text == "a big hound, a mat"
    first, second = result.edits
    assert (first.start, first.end, first.original) == (2, 5, "cat")
    assert (second.start, second.end, second.original, second.replacement) == (2, 5, "dog", "hound")


def test_deletions_and_pure_insertions_keep_later_offsets_right():
    result = Pipeline([Replace(old="xx", new=""), Replace(old="mat", new="mat!")]).run("axxb on the mat")
    assert result.text == "ab on the mat!"
    assert [(e.start, e.end) for e in result.edits] == [(1, 3), (12, 15)]


def test_empty_list_changes_nothing_and_none_is_the_default_pipeline():
    text = "It has been been been a year."
    assert correct(text, strategies=[]) == text
    assert Pipeline([]).run(text).edits == []
    assert Pipeline().names == strategies.DEFAULT_PIPELINE
    assert strategies.DEFAULT_PIPELINE[0] == "dedup"
    assert set(strategies.DEFAULT_PIPELINE) <= {"dedup", "layout", "dictionary"}


def test_names_and_configured_objects():
    text = "no no no"
    assert correct(text, strategies=["dedup"]) == "no"
    assert correct(text, strategies=[Dedup(min_repeats=4)]) == text
    assert Pipeline(["dedup", Replace(old="no", new="yes")]).run(text).text == "yes"
    assert ocrfix.correct is correct and ocrfix.Pipeline is Pipeline


def test_unknown_names_list_the_known_ones():
    with pytest.raises(ValueError, match=r"unknown strategy 'nope'; known strategies: .*dedup"):
        Pipeline(["dedup", "nope"])
    with pytest.raises(ValueError, match="dedup"):
        correct("text", strategies=["nope"])
    with pytest.raises(TypeError):
        Pipeline("dedup")  # a bare string is not a list of names


def test_malformed_proposals_are_reported_as_the_strategy_s_bug_and_cost_only_that_edit():
    with pytest.warns(MalformedEditWarning, match="'broken' proposed an edit at 0:5"):
        result = Pipeline([Broken(), "dedup"]).run("abcdefgh been been been done")
    assert result.text == "abcdxgh been done"  # the well-formed edit and the next strategy's still apply
    with pytest.raises(MalformedEditWarning):  # what the test suite does with the warning (pyproject.toml)
        Pipeline([Broken()]).run("abcdefgh")


def test_explain_and_edits_json():
    text = "Dear Sir,\nit has been been been a year."
    result = Pipeline(["dedup"]).run(text)
    account = result.explain()
    assert "1 edit by dedup" in account
    assert 'line 2, col 12' in account and '" been been" → ""' in account
    assert "repeated 3 times" in account and "confidence 0.95" in account
    record = json.loads(json.dumps(result.to_dict()))
    assert record["format"] == "ocrfix-edits/1" and record["strategies"] == ["dedup"]
    edit = record["edits"][0]
    assert {"start", "end", "line", "column", "original", "replacement", "strategy", "reason", "confidence"} <= set(edit)
    assert text[edit["start"]:edit["end"]] == edit["original"]
    assert Pipeline([]).run(text).explain().startswith("no edits")


def test_edits_restore_the_original():
    text = "One.\n" + "A line that loops.\n" * 4 + "Two two two!!!!!!!!!! end"
    result = Pipeline(["dedup"]).run(text)
    assert result.changed
    restored = result.text
    # Undo from the last edit back: each removed span goes back where its edit says.
    position = len(result.original)
    corrected_end = len(result.text)
    pieces = []
    for edit in reversed(result.edits):
        unchanged = position - edit.end
        pieces.append(restored[corrected_end - unchanged:corrected_end])
        pieces.append(edit.original)
        corrected_end -= unchanged + len(edit.replacement)
        position = edit.start
    pieces.append(restored[:corrected_end])
    assert "".join(reversed(pieces)) == text


PAGE = ("REPORT ON TRADE                        3\n\n"
        "The committee met on Tuesday and agreed that\n"
        "the examination of the accounts should con-\n"
        "tinue, and that its role in forming policy-\n"
        "making was not, in the circumstances, in\n\nquestion\n"
        "\fREPORT ON TRADE                        4\n\nat all. The been been been end.\n")


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["windows", "old mac"])
@pytest.mark.parametrize("names", [None, ["layout"], ["dedup"], ["dictionary"]], ids=str)
def test_carriage_return_line_ends_are_line_ends(newline, names):
    # With "\r" alone the page was one line, and its page number made all of it a running head.
    expected = Pipeline(names).run(PAGE)
    result = Pipeline(names).run(PAGE.replace("\n", newline))
    assert result.text == expected.text.replace("\n", newline)
    assert [(edit.strategy, edit.reason) for edit in result.edits] == [(edit.strategy, edit.reason) for edit in expected.edits]
    assert apply_edits(result.original, result.edits) == result.text
    lines = [(edit["line"], edit["column"]) for edit in result.to_dict()["edits"]]
    assert lines == [(edit["line"], edit["column"]) for edit in expected.to_dict()["edits"]]


def test_documents_are_corrected_through_their_text():
    document = parse("Minutes\nthe the the end\fPage two", "text")
    result = Pipeline(["dedup"]).run(document)
    assert result.original == document.text()
    assert result.text == "Minutes\nthe end\fPage two"


def test_pipe_keeps_order_with_and_without_processes():
    texts = ["so so so", "fine", "very very", "x!!!!!!!!!!"]
    pipeline = Pipeline(["dedup"])
    serial = [result.text for result in pipeline.pipe(texts)]
    assert serial == ["so", "fine", "very very", "x!"]
    assert [result.text for result in pipeline.pipe(texts, jobs=2)] == serial


def test_registry_rules():
    assert "dedup" in strategies.names()
    assert isinstance(strategies.get("dedup", min_repeats=5), Dedup)

    class Nameless(Strategy):
        pass

    with pytest.raises(TypeError):
        strategies.register(Nameless)

    class Impostor(Strategy):
        name = "dedup"

    with pytest.raises(ValueError, match="already taken"):
        strategies.register(Impostor)


def test_third_party_strategies_come_through_entry_points(tmp_path, monkeypatch):
    (tmp_path / "ocrfix_test_plugin.py").write_text(
        "from ocrfix.pipeline import Strategy\n"
        "class Upper(Strategy):\n"
        "    name = 'test-upper'\n"
        "    def propose(self, text):\n"
        "        return [self.edit(text, 0, len(text), text.upper(), reason='shout', confidence=1.0)] if text else []\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    plugin = EntryPoint(name="test-upper", value="ocrfix_test_plugin:Upper", group=strategies.ENTRY_POINT_GROUP)
    broken = EntryPoint(name="gone", value="ocrfix_no_such_module:X", group=strategies.ENTRY_POINT_GROUP)
    monkeypatch.setattr(strategies, "entry_points", lambda group: [plugin, broken] if group == strategies.ENTRY_POINT_GROUP else [])
    monkeypatch.setattr(strategies, "_loaded", False)
    monkeypatch.setattr(strategies, "_REGISTRY", dict(strategies._REGISTRY))
    with pytest.warns(UserWarning, match="gone"):
        assert "test-upper" in strategies.names()
    assert correct("hi", strategies=[Pipeline(["test-upper"]).strategies[0]]) == "HI"
    assert "test-upper" not in strategies.DEFAULT_PIPELINE


def test_bad_input_types():
    with pytest.raises(TypeError):
        correct(b"bytes")  # type: ignore[arg-type]
    assert correct("") == ""
    assert isinstance(Pipeline([]).run(""), Result)


# -- ocrfix fix ---------------------------------------------------------------

def fix(monkeypatch, capsys, *args):
    monkeypatch.setattr(cli, "COMMANDS", ["fix"])  # only this command's module is under test
    code = cli.main(["fix", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


LOOPED = "Dear Sir,\nit has been been been a year.\n"


def test_correct_is_the_library_name_for_fix(tmp_path, monkeypatch, capsys):
    source = tmp_path / "page.txt"
    source.write_text(LOOPED)
    monkeypatch.setattr(cli, "COMMANDS", ["fix"])
    assert cli.main(["correct", str(source), "--strategies", "dedup"]) == 0
    assert capsys.readouterr().out == "Dear Sir,\nit has been a year.\n"


def test_fix_refuses_one_file_for_the_text_and_the_edits(tmp_path, monkeypatch, capsys):
    source = tmp_path / "page.txt"
    source.write_text(LOOPED)
    code, _, err = fix(monkeypatch, capsys, source, "-o", tmp_path / "out.txt", "--edits", tmp_path / "." / "out.txt")
    assert code == 2 and err.endswith("out.txt: the corrected text and the edits would be written to the same file\n")
    assert not (tmp_path / "out.txt").exists()
    code, _, err = fix(monkeypatch, capsys, source, "--jobs", "-3")
    assert code == 2 and err == "ocrfix fix: jobs must be 0 (one per core) or more, not -3\n"


def test_fix_one_file_to_stdout_with_explain(tmp_path, monkeypatch, capsys):
    source = tmp_path / "page.txt"
    source.write_text(LOOPED)
    code, out, err = fix(monkeypatch, capsys, source, "--strategies", "dedup", "--explain")
    assert code == 0 and out == "Dear Sir,\nit has been a year.\n"
    assert "dedup" in err and "been been" in err
    code, out, _ = fix(monkeypatch, capsys, source, "--strategies", "dedup", "--format", "json")
    record = json.loads(out)
    assert record["text"] == "Dear Sir,\nit has been a year.\n" and len(record["edits"]) == 1


def test_fix_writes_output_and_edits_never_the_input(tmp_path, monkeypatch, capsys):
    source = tmp_path / "page.txt"
    source.write_text(LOOPED)
    code, _, _ = fix(monkeypatch, capsys, source, "-o", tmp_path / "out.txt", "--edits", tmp_path / "e.json", "--strategies", "dedup")
    assert code == 0
    assert (tmp_path / "out.txt").read_text() == "Dear Sir,\nit has been a year.\n"
    edits = json.loads((tmp_path / "e.json").read_text())
    assert edits["source"] == str(source) and edits["input_format"] == "text" and edits["edits"][0]["strategy"] == "dedup"
    code, _, err = fix(monkeypatch, capsys, source, "-o", source)
    assert code == 2 and "refusing to overwrite an input file" in err and "Traceback" not in err
    assert source.read_text() == LOOPED


def test_fix_folder_is_resumable_and_reads_xml(tmp_path, monkeypatch, capsys):
    source = tmp_path / "in"
    (source / "sub").mkdir(parents=True)
    (source / "a.txt").write_text(LOOPED)
    (source / "sub" / "b.txt").write_text("fine text\n")
    (source / "notes.md").write_text("ignored")
    hocr = next((Path(__file__).parent / "data").rglob("*.hocr"), None)
    if hocr is not None:
        (source / "scan.hocr").write_bytes(hocr.read_bytes())
    out, edits = tmp_path / "out", tmp_path / "edits"
    code, stdout, _ = fix(monkeypatch, capsys, source, "-o", out, "--edits", edits, "--strategies", "dedup", "--format", "json")
    summary = json.loads(stdout)
    expected = 3 if hocr is not None else 2
    assert code == 0 and summary["corrected"] == expected and summary["skipped"] == 0
    assert (out / "a.txt").read_text() == "Dear Sir,\nit has been a year.\n"
    assert (out / "sub" / "b.txt").read_text() == "fine text\n"
    assert (edits / "a.edits.json").exists() and not (out / "notes.txt").exists()
    if hocr is not None:
        assert (out / "scan.txt").read_text() == Pipeline(["dedup"]).run(parse(hocr.read_bytes())).text
        assert json.loads((edits / "scan.edits.json").read_text())["input_format"] == "hocr"
    code, stdout, _ = fix(monkeypatch, capsys, source, "-o", out, "--edits", edits, "--strategies", "dedup", "--format", "json")
    assert json.loads(stdout)["skipped"] == expected and json.loads(stdout)["corrected"] == 0
    code, _, err = fix(monkeypatch, capsys, source, "-o", source / "inside")
    assert code == 2 and "outside the input folder" in err


def test_fix_reports_bad_input_in_one_line(tmp_path, monkeypatch, capsys):
    binary = tmp_path / "junk.txt"
    binary.write_bytes(b"\x00\x01\x02binary")
    code, _, err = fix(monkeypatch, capsys, binary)
    assert code == 2 and err.count("\n") == 1 and "binary" in err
    code, _, err = fix(monkeypatch, capsys, tmp_path / "missing.txt")
    assert code == 2 and "missing.txt" in err
    code, _, err = fix(monkeypatch, capsys, binary, "--strategies", "dedup,nope")
    assert code == 2 and "known strategies" in err


def test_fix_runs_in_parallel(tmp_path, monkeypatch, capsys):
    source = tmp_path / "in"
    source.mkdir()
    for index in range(4):
        (source / f"{index}.txt").write_text(f"page {index}\n" + "the the the end\n")
    code, _, _ = fix(monkeypatch, capsys, source, "-o", tmp_path / "out", "--jobs", "2", "--strategies", "dedup")
    assert code == 0
    assert [(tmp_path / "out" / f"{i}.txt").read_text() for i in range(4)] == [f"page {i}\nthe end\n" for i in range(4)]




class RandomEdits(Strategy):
    """Replaces random runs of lower-case letters, so no stage edits text a stage before inserted."""

    name = "random-edits"

    def __init__(self, *, seed: int = 0) -> None:
        self.seed = seed

    def propose(self, text: str) -> list[Edit]:
        import random

        chooser, edits, position = random.Random(self.seed), [], 0
        while position < len(text):
            start = position + chooser.randint(0, 6)
            end = min(len(text), start + chooser.randint(1, 3))
            if start < end and text[start:end].isalpha() and text[start:end].islower():
                edits.append(self.edit(text, start, end, chooser.choice(["", "X", "YZ", "QRS"]), reason="random", confidence=1))
            position = end + 1
        return edits


@pytest.mark.parametrize("seed", range(40))
def test_offsets_over_three_stages_rebuild_the_result(seed):
    import random

    chooser = random.Random(seed)
    original = "".join(chooser.choice("abcdef \n") for _ in range(120))
    result = Pipeline([RandomEdits(seed=seed), RandomEdits(seed=seed + 100), RandomEdits(seed=seed + 200)]).run(original)
    assert result.edits
    # An edit maps onto exactly what it replaced, unless its span swallowed text an earlier stage deleted.
    for edit in result.edits:
        swallowed = [other for other in result.edits if other is not edit and edit.start <= other.start and other.end <= edit.end]
        if not swallowed:
            assert original[edit.start:edit.end] == edit.original
    # Applying the mapped edits to the original (an edit inside an earlier one's span is part of it)
    # gives the pipeline's text.
    rebuilt, cursor = [], 0
    for edit in result.edits:
        if edit.end <= cursor and edit.start < cursor:
            continue
        rebuilt.append(original[cursor:edit.start] + edit.replacement)
        cursor = edit.end
    assert "".join(rebuilt) + original[cursor:] == result.text
