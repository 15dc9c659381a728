"""Shared by the fused/zip JIT tests: the JIT log line of one compiled function."""

from __future__ import annotations

import tempfile
import textwrap
from pathlib import Path

from difftest import run_jitvm
from test_jit import jit_log


def compiled_line(src: str, name: str, *options: str) -> str:
    with tempfile.TemporaryDirectory(prefix="jitvm_zip_") as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(textwrap.dedent(src), encoding="utf-8")
        result = run_jitvm(path, options=("--jit-log",) + options)
        assert result.returncode == 0, result.stderr
        log = jit_log(result.stderr)
        return next(line for line in log if line.startswith(f"compiled: {name}("))
