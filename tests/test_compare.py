"""`jitvm compare` and the warm-up view: the table, the JSON, the loud mismatch report, the
text chart.  Each comparison really runs its three processes (one repetition); no test asserts
anything about speed."""

import json
import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from jitvm import cli, warmup

ENV = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")

# A loop the JIT compiles at a low threshold; the __main__ guard must not run in warm-up mode.
LOOP = """\
def work(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


if __name__ == "__main__":
    print(work(2000))
    raise SystemExit(0)
"""


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    return str(path)


def invoke(*args):
    """`jitvm ARGS` in-process; stdout and stderr kept apart."""
    return CliRunner().invoke(cli.main, list(args), catch_exceptions=False)


def jitvm(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "jitvm", *args], capture_output=True,
                          text=True, env=ENV, cwd=cwd, timeout=60)


# --- compare ------------------------------------------------------------------------------------


def test_identical_outputs_give_a_table_and_json(tmp_path):
    program = write(tmp_path, "loop.py", LOOP)
    out = tmp_path / "out.json"
    result = invoke("compare", "--repeat", "1", "--jit-threshold", "0", "--json", str(out),
                    program)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("configuration"))
    for column in ("wall time", "vs CPython", "vs interp", "compiling", "compiled", "deopts",
                   "output"):
        assert column in header
    rows = [line for line in lines if line.startswith(("CPython", "jitvm interpreter",
                                                       "jitvm JIT"))]
    assert len(rows) == 3 and all(row.endswith("same") for row in rows)
    assert "outputs: identical" in result.stdout

    data = json.loads(out.read_text())
    assert data["identical"] is True and data["mismatches"] == []
    assert data["repeat"] == 1 and data["jit_threshold"] == 0
    by_key = {row["key"]: row for row in data["rows"]}
    assert list(by_key) == ["cpython", "interp", "jit"]
    for row in by_key.values():
        assert set(row["wall_s"]) == {"median", "min", "max", "stdev"}
        assert len(row["runs"]) == 1 and row["runs"][0]["exit_status"] == 0
        assert row["identical"] is True
        assert row["speedup_vs_cpython"] > 0 and row["speedup_vs_interp"] > 0
    assert by_key["cpython"]["speedup_vs_cpython"] == 1.0
    jit, interp = by_key["jit"], by_key["interp"]
    for key in ("wall_ms", "interp_ms", "native_ms", "compile_ms", "compiled",
                "not_compiled", "osr_entries", "deopts"):
        assert key in jit and key in interp
    assert jit["compiled"] >= 1 and jit["compile_ms"] > 0  # work() compiled at threshold 0
    assert interp["compiled"] == 0


def test_json_to_stdout_keeps_the_table_on_stderr_and_no_progress_when_piped(tmp_path):
    program = write(tmp_path, "argv.py", "import sys\nprint(sys.argv[1:])\n")
    result = jitvm("compare", "--repeat", "2", "--json", "-", program, "a", "-b")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["args"] == ["a", "-b"] and data["repeat"] == 2
    assert all(len(row["runs"]) == 2 for row in data["rows"])
    assert "configuration" in result.stderr and "outputs: identical" in result.stderr
    assert "\r" not in result.stderr  # progress is for terminals only


def test_output_that_differs_is_reported_loudly(tmp_path):
    program = write(tmp_path, "pid.py", "import os\nprint('pid', os.getpid())\n")
    out = tmp_path / "out.json"
    result = invoke("compare", "--repeat", "1", "--json", str(out), program)
    assert result.exit_code == 1
    assert "OUTPUTS DIFFER" in result.stdout
    assert "DIFFERS" in result.stdout and "stdout differs" in result.stdout
    assert "-pid " in result.stdout and "+pid " in result.stdout  # a diff excerpt
    data = json.loads(out.read_text())
    assert data["identical"] is False
    assert {m["key"] for m in data["mismatches"]} == {"interp", "jit"}
    assert [row["identical"] for row in data["rows"]] == [True, False, False]


def test_a_different_exit_status_is_a_mismatch(tmp_path):
    program = write(tmp_path, "status.py",
                    "import sys\nprint('same')\nsys.exit(3 if 'jitvm' in sys.modules else 0)\n")
    result = invoke("compare", "--repeat", "1", program)
    assert result.exit_code == 1
    assert "exit status 3 instead of exit status 0" in result.stdout


def test_nondeterministic_cpython_is_called_out(tmp_path):
    program = write(tmp_path, "pid.py", "import os\nprint(os.getpid())\n")
    result = invoke("compare", "--repeat", "2", program)
    assert result.exit_code == 1
    assert "CPython itself printed different things" in result.stdout


def test_a_run_that_times_out_is_a_failure_not_an_output(tmp_path):
    program = write(tmp_path, "hang.py", "import sys\nif 'jitvm' in sys.modules:\n"
                                         "    while True:\n        pass\nprint(1)\n")
    out = tmp_path / "out.json"
    result = invoke("compare", "--repeat", "1", "--timeout", "1.5", "--json", str(out),
                    program)
    assert result.exit_code == 1
    assert "RUNS TIMED OUT" in result.stdout and "OUTPUTS DIFFER" not in result.stdout
    assert "jitvm JIT, run 1: timed out after 1.5 s" in result.stdout
    data = json.loads(out.read_text())
    assert [row["timed_out"] for row in data["rows"]] == [False, True, True]
    assert data["rows"][1]["runs"][0]["exit_status"] is None


def test_with_an_extra_command_adds_a_row(tmp_path):
    program = write(tmp_path, "hello.py", "print('hello')\n")
    result = invoke("compare", "--repeat", "1", "--with", f"{sys.executable} -S", program)
    assert result.exit_code == 0, result.output
    assert any(line.startswith(f"{sys.executable} -S") and line.endswith("same")
               for line in result.stdout.splitlines())


def test_with_a_missing_command_is_a_clear_error(tmp_path):
    program = write(tmp_path, "hello.py", "print('hello')\n")
    result = invoke("compare", "--with", "no-such-command-jitvm", program)
    assert result.exit_code == 2
    assert "'no-such-command-jitvm' not found on PATH" in result.stderr
    assert result.stdout == ""  # refused before running anything


def test_missing_pypy_is_a_note_not_a_crash(tmp_path, monkeypatch):
    from jitvm import compare
    real_which = compare.shutil.which
    monkeypatch.setattr(compare.shutil, "which",
                        lambda name: None if name == "pypy3" else real_which(name))
    program = write(tmp_path, "hello.py", "print('hello')\n")
    result = invoke("compare", "--repeat", "1", "--with", "pypy3", program)
    assert result.exit_code == 0, result.output
    assert "note: pypy3: not found on PATH" in result.stdout


def test_compare_refuses_a_missing_file(tmp_path):
    result = jitvm("compare", str(tmp_path / "nope.py"))
    assert result.returncode == 2 and "can't open file" in result.stderr


# --- warm-up ------------------------------------------------------------------------------------


def test_warmup_chart_shows_where_the_jit_compiled(tmp_path):
    program = write(tmp_path, "loop.py", LOOP)
    out = tmp_path / "w.json"
    result = invoke("warmup", "--args", "100", "--iterations", "8", "--jit-threshold", "250",
                    "--json", str(out), program, "work")
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "work(100)" in text and "call" in text and "CPython" in text and "interp" in text
    assert "^ compiled: work(" in text  # the annotation under the call that compiled
    assert "compiled during call" in text
    assert "outputs: identical" in text
    rows = [line for line in text.splitlines() if line.strip()[:1].isdigit()]
    assert len(rows) == 8 and all("|" in row for row in rows)

    data = json.loads(out.read_text())
    assert data["identical"] is True
    assert set(data["configs"]) == {"cpython", "interp", "jit"}
    assert all(len(c["times_s"]) == 8 for c in data["configs"].values())
    assert data["configs"]["cpython"]["results"][0] == repr(sum(i * i % 7 for i in range(100)))
    compiled_at = data["compile_iterations"]
    assert compiled_at and all(1 <= i <= 8 for i in compiled_at)
    row_with_compile = text.split("^ compiled:")[0].rstrip().splitlines()[-1]
    assert row_with_compile.split()[0] == str(compiled_at[0])


def test_compare_warmup_is_the_same_view(tmp_path):
    program = write(tmp_path, "loop.py", LOOP)
    result = invoke("compare", "--warmup", "work", "--args", "50", "--iterations", "3", program)
    assert result.exit_code == 0, result.output
    assert "work(50)" in result.stdout and "time per call, log scale" in result.stdout


def test_warmup_and_compare_options_do_not_mix(tmp_path):
    program = write(tmp_path, "loop.py", LOOP)
    result = invoke("compare", "--iterations", "3", program)
    assert result.exit_code == 2 and "--iterations: only with --warmup" in result.stderr
    result = invoke("compare", "--warmup", "work", "--repeat", "2", program)
    assert result.exit_code == 2 and "--repeat: only without --warmup" in result.stderr


def test_warmup_reports_differing_results(tmp_path):
    program = write(tmp_path, "pid.py", "import os\n\ndef pid():\n    return os.getpid()\n")
    result = invoke("warmup", "--iterations", "2", program, "pid")
    assert result.exit_code == 1
    assert "RESULTS DIFFER" in result.stdout and "returned" in result.stdout


def test_warmup_missing_function_and_bad_arguments(tmp_path):
    program = write(tmp_path, "loop.py", LOOP)
    result = invoke("warmup", program, "nope")
    assert result.exit_code == 2
    assert "no function 'nope'" in result.stderr and "its functions: work" in result.stderr
    result = invoke("warmup", "--args", "1 +", program, "work")
    assert result.exit_code == 2 and "not comma-separated Python literals" in result.stderr


def test_warmup_plot_needs_matplotlib(tmp_path, monkeypatch):
    monkeypatch.setattr(warmup, "have_matplotlib", lambda: False)
    program = write(tmp_path, "loop.py", LOOP)
    result = invoke("warmup", "--plot", str(tmp_path / "w.png"), program, "work")
    assert result.exit_code == 2
    assert "pip install 'jitvm[plot]'" in result.stderr
    assert not (tmp_path / "w.png").exists()


def test_warmup_plot_writes_a_png(tmp_path):
    pytest.importorskip("matplotlib")
    program = write(tmp_path, "loop.py", LOOP)
    png = tmp_path / "w.png"
    result = invoke("warmup", "--args", "100", "--iterations", "5", "--jit-threshold", "250",
                    "--plot", str(png), program, "work")
    assert result.exit_code == 0, result.output
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
