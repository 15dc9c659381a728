"""Differential testing helpers: run a program under CPython and under jitvm
and check that they behave identically.

What "identically" means here:
  * stdout is byte-for-byte equal,
  * the exit status is equal,
  * when the exit status is non-zero, the last line of stderr (for an
    uncaught exception that is ``ExcType: message``; for ``sys.exit("msg")``
    it is ``msg``) is equal.  The rest of a traceback (file names, line
    numbers, source lines) is not compared.

Everything runs in subprocesses with ``sys.executable``, a fixed hash seed (so
set/dict orders of str keys agree) and UTF-8 I/O, with the working directory
set to the program's directory.
"""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PROGRAMS_DIR = Path(__file__).resolve().parent / "programs"

# Extra command-line options inserted after ``python -m jitvm run``; every
# differential test runs once per mode: interpreted only, and with the JIT compiling every
# function it can before its first call (so compiled code and deoptimization are exercised
# everywhere the interpreter is).
MODES: list[tuple[str, ...]] = [("--no-jit",), ("--jit-threshold", "0")]


def mode_id(options) -> str:
    """Readable pytest id for a mode: 'interp', 'jit0' (threshold 0) or the options."""
    if not options or tuple(options) == ("--no-jit",):
        return "interp"
    if tuple(options[:1]) == ("--jit-threshold",) and len(options) == 2:
        return f"jit{options[1]}"
    return " ".join(options)


@dataclass
class Result:
    stdout: str
    stderr: str
    returncode: int

    @property
    def last_error_line(self) -> str:
        return last_error_line(self.stderr)


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONSTARTUP", None)
    env.pop("PYTHONINSPECT", None)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def _run(cmd, cwd, stdin, timeout, env) -> Result:
    try:
        proc = subprocess.run(
            cmd,
            cwd=cwd,
            input=stdin if stdin is not None else "",
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="backslashreplace",
            timeout=timeout,
            env=env,
        )
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout or ""
        if isinstance(out, bytes):
            out = out.decode("utf-8", "backslashreplace")
        return Result(out, f"TIMEOUT after {timeout}s running {cmd!r}", -999)
    return Result(proc.stdout, proc.stderr, proc.returncode)


def run_cpython(path, args=(), stdin=None, timeout=60) -> Result:
    """Run ``python3 PATH ARGS...`` (the reference behaviour)."""
    path = Path(path).resolve()
    cmd = [sys.executable, str(path), *map(str, args)]
    return _run(cmd, path.parent, stdin, timeout, _env())


def run_jitvm(path, args=(), options=(), stdin=None, timeout=60) -> Result:
    """Run ``python3 -m jitvm run [OPTIONS...] PATH ARGS...``."""
    path = Path(path).resolve()
    env = _env()
    # cwd is the program's directory, so make the jitvm package importable.
    pp = env.get("PYTHONPATH")
    env["PYTHONPATH"] = str(REPO_ROOT) + (os.pathsep + pp if pp else "")
    cmd = [sys.executable, "-m", "jitvm", "run", *options, str(path), *map(str, args)]
    return _run(cmd, path.parent, stdin, timeout, env)


def last_error_line(stderr: str) -> str:
    """The last non-blank line of stderr, e.g. 'ZeroDivisionError: division by zero'."""
    for line in reversed(stderr.splitlines()):
        if line.strip():
            return line.rstrip()
    return ""


def _diff(expected: str, actual: str, limit: int = 60) -> str:
    lines = list(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            actual.splitlines(keepends=True),
            fromfile="cpython",
            tofile="jitvm",
        )
    )
    if len(lines) > limit:
        lines = lines[:limit] + [f"... ({len(lines) - limit} more diff lines)\n"]
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _tail(text: str, n: int = 25) -> str:
    lines = text.splitlines()
    if len(lines) > n:
        lines = ["..."] + lines[-n:]
    return "\n".join("    " + line for line in lines)


def compare(expected: Result, actual: Result, label: str = "") -> list[str]:
    """Return a list of human-readable problems (empty when the runs agree)."""
    problems = []
    if expected.stdout != actual.stdout:
        problems.append("stdout differs:\n" + _diff(expected.stdout, actual.stdout))
    if expected.returncode != actual.returncode:
        problems.append(
            f"exit status differs: cpython={expected.returncode} jitvm={actual.returncode}"
        )
    if expected.returncode != 0 or actual.returncode != 0:
        exp_last = last_error_line(expected.stderr)
        act_last = last_error_line(actual.stderr)
        if exp_last != act_last:
            problems.append(
                f"last stderr line differs:\n  cpython: {exp_last!r}\n  jitvm:   {act_last!r}"
            )
    if problems:
        head = f"jitvm disagrees with CPython{' on ' + label if label else ''}"
        if actual.stderr.strip():
            problems.append("jitvm stderr (tail):\n" + _tail(actual.stderr))
        return [head] + problems
    return []


def assert_same(path, args=(), options=(), stdin=None, timeout=60) -> Result:
    """Run PATH under CPython and jitvm (with OPTIONS) and assert they agree.

    Returns the CPython result so callers can make further assertions."""
    expected = run_cpython(path, args, stdin=stdin, timeout=timeout)
    assert expected.returncode != -999, expected.stderr
    actual = run_jitvm(path, args, options, stdin=stdin, timeout=timeout)
    label = Path(path).name + (f" [{mode_id(options)}]" if options else "")
    problems = compare(expected, actual, label)
    assert not problems, "\n".join(problems)
    return expected


def check_source(src, options=(), args=(), stdin=None, timeout=60) -> Result:
    """Write SRC (str, or bytes for encoding tests) to a temporary file and
    assert CPython and jitvm agree on it.  The program runs in the temporary
    directory, so it may create files there."""
    with tempfile.TemporaryDirectory(prefix="jitvm_diff_") as tmp:
        path = Path(tmp) / "snippet.py"
        if isinstance(src, bytes):
            path.write_bytes(src)
        else:
            path.write_text(src, encoding="utf-8")
        try:
            return assert_same(path, args, options, stdin=stdin, timeout=timeout)
        except AssertionError as exc:
            text = src.decode("utf-8", "backslashreplace") if isinstance(src, bytes) else src
            numbered = "\n".join(
                f"{i:4}  {line}" for i, line in enumerate(text.splitlines(), 1)
            )
            raise AssertionError(f"{exc}\n--- source ---\n{numbered}") from None


def program_files() -> list[Path]:
    """All test programs: tests/programs/*.py except helper modules."""
    return sorted(
        p for p in PROGRAMS_DIR.glob("*.py") if not p.name.startswith("helper_")
    )
