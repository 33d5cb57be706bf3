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
