"""Shared by JIT tests: the JIT log of a program, the line of one compiled function."""

from __future__ import annotations

import tempfile
import textwrap
from pathlib import Path

from difftest import run_jitvm
from test_jit import jit_log


def compiled_lines(src: str, *options: str) -> list[str]:
    """The JIT log of SRC run with `--jit-log` and `options` (it must run without error)."""
    with tempfile.TemporaryDirectory(prefix="jitvm_log_") as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(textwrap.dedent(src), encoding="utf-8")
        result = run_jitvm(path, options=("--jit-log",) + options)
        assert result.returncode == 0, result.stderr
        return jit_log(result.stderr)


def compiled_line(src: str, name: str, *options: str) -> str:
    """The first `compiled: NAME(` line of SRC's JIT log."""
    log = compiled_lines(src, *options)
    return next(line for line in log if line.startswith(f"compiled: {name}("))
