"""The `ocrfix` command itself: one full parser per run, the others listed by their help line."""
import subprocess
import sys

import pytest

from ocrfix import cli


def test_the_command_list_is_the_same_whichever_command_runs():
    full = cli.build_parser().format_help()
    assert cli.build_parser(["--help"]).format_help() == full
    assert cli.build_parser(["correct", "x.txt"]).format_help() == full  # an alias names its command


@pytest.mark.parametrize("argv", [["score", "--help"], ["correct", "--help"], ["corpus", "build", "--help"]])
def test_a_command_gets_its_full_parser(argv, capsys):
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 0
    assert "options:" in capsys.readouterr().out


def test_help_loads_none_of_the_library():
    code = ("import sys; from ocrfix.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('numpy', 'regex', 'ocrfix.metrics', "
            "'ocrfix.strategies', 'ocrfix.quality', 'ocrfix.synth', 'tqdm'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "[]"


@pytest.fixture
def pairs(tmp_path):
    """A folder of two OCR + ground-truth pairs, and a plain file to put output paths through."""
    folder = tmp_path / "pairs"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text("It was tbe best of times.\n", encoding="utf-8")
        (folder / f"{name}.gt.txt").write_text("It was the best of times.\n", encoding="utf-8")
    (tmp_path / "file.txt").write_text("a file, not a folder\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("argv, out", [
    (["fix", "{pairs}", "-o", "{out}"], "file.txt/fixed"),
    (["fix", "{pairs}", "-o", "{tmp}/fixed", "--edits", "{out}"], "file.txt/edits"),
    (["quality", "{pairs}", "-o", "{out}"], "file.txt/report.csv"),
    (["score", "--gt-dir", "{pairs}", "--format", "json", "-o", "{out}"], "file.txt/report.json"),
    (["score", "--gt-dir", "{pairs}", "--format", "html", "-o", "{out}"], "file.txt/report.html"),
    (["train", "--corpus", "{pairs}", "--before", "", "-o", "{out}"], "file.txt/model.json"),
    (["quality", "--train", "--corpus", "{pairs}", "--folds", "1", "-o", "{out}"], "file.txt/model.json"),
    (["bench", "--corpus", "{pairs}", "--strategies", "dedup", "--out", "{out}"], "file.txt/results"),
])
def test_an_output_that_cannot_be_written_is_one_error_before_the_work(pairs, capsys, argv, out):
    # a folder run wrote an error per file after correcting each; bench, train and quality worked first
    tmp = pairs.parent
    out = str(tmp / out)
    assert cli.main([arg.format(pairs=pairs, out=out, tmp=tmp) for arg in argv]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"ocrfix {argv[0]}: {out}: cannot write: a file stands where a folder is needed\n"
    assert captured.out == "" and sorted(path.name for path in tmp.iterdir()) == ["file.txt", "pairs"]


def test_ctrl_c_while_the_parser_loads_the_strategies_is_one_line(monkeypatch, capsys):
    # `fix`'s parser lists the strategies, loading them: Ctrl-C there was a traceback, outside main's handler
    from ocrfix import strategies

    def interrupted():
        raise KeyboardInterrupt

    monkeypatch.setattr(strategies, "names", interrupted)
    assert cli.main(["fix", "page.txt"]) == 130
    assert capsys.readouterr().err == "ocrfix fix: interrupted\n"
