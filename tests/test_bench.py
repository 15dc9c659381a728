"""The benchmark runner stays runnable (it is never timed here: speed is measured in bench/)."""

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_runner_lists_a_size_for_every_benchmark_program():
    result = subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), "--list"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    listed = {line.split()[0] for line in result.stdout.splitlines()[2:] if line.strip()}
    programs = {p.stem for p in (REPO / "bench" / "programs").glob("*.py")}
    assert listed == programs


def test_runner_runs_one_small_program_under_every_configuration(tmp_path):
    out = tmp_path / "run.json"
    result = subprocess.run([sys.executable, str(REPO / "bench" / "run.py"), "--only", "fib",
                             "--repeat", "1", "--configs", "cpython,jit", "--json", str(out)],
                            capture_output=True, text=True, timeout=300, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "fib" in result.stdout and out.exists()
