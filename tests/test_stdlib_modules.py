"""Real code: pure-Python standard library modules, compiled and run by jitvm.

The modules are copied beside a driver script (as `my_<name>.py`), so jitvm's import hook
compiles and runs them instead of the host; CPython runs the same files.  Outputs must match.
"""

import os
import shutil
import subprocess
import sys

MODULES = ["textwrap", "fractions", "difflib", "statistics", "pprint", "shlex", "calendar",
           "heapq", "bisect", "colorsys", "fnmatch", "graphlib", "reprlib", "copy",
           "_pydecimal"]
DRIVER = os.path.join(os.path.dirname(__file__), "stdlib_driver", "main.py")
ENV = dict(os.environ, PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8")


def test_stdlib_modules_run_identically(tmp_path):
    stdlib = os.path.dirname(os.__file__)
    for name in MODULES:
        shutil.copy(os.path.join(stdlib, f"{name}.py"), tmp_path / f"my_{name}.py")
    shutil.copy(DRIVER, tmp_path / "main.py")
    want = subprocess.run([sys.executable, "main.py"], cwd=tmp_path, capture_output=True,
                          text=True, env=ENV, timeout=120)
    got = subprocess.run([sys.executable, "-m", "jitvm", "run", "main.py"], cwd=tmp_path,
                         capture_output=True, text=True, env=ENV, timeout=300)
    assert want.returncode == 0, want.stderr
    assert got.stderr == ""
    assert got.stdout == want.stdout
    # The modules were compiled by jitvm (and cached like __pycache__).
    cached = os.listdir(tmp_path / "__pycache__")
    assert any(n.startswith("my_fractions.jitvm-") and n.endswith(".jvc") for n in cached)
