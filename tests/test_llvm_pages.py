"""LLVM's code pages given back after each step of compiling (jitvm/jit/llvm_pages.py).

The ranges released must be exactly the library's read-only segments (never the relocated
data the dynamic loader wrote), LLVM must go on compiling correct code after they are
released, and a run that compiles must end with little of LLVM's code resident and a peak
well under that of the same run keeping every page LLVM touched mapped
(JITVM_KEEP_LLVM_PAGES=1): ~67 against ~98 MB for this program.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from difftest import REPO_ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="releases pages on Linux only")


def _mappings(path: str) -> list[tuple[int, int, str]]:
    found = []
    with open("/proc/self/maps") as maps:
        for line in maps:
            fields = line.split(maxsplit=5)
            if len(fields) == 6 and fields[5].strip() == path:
                low, high = (int(x, 16) for x in fields[0].split("-"))
                found.append((low, high, fields[1]))
    return found


def test_the_ranges_are_the_read_only_segments():
    from llvmlite.binding import ffi

    from jitvm.jit.engine import llvm_binding
    from jitvm.jit.llvm_pages import LibraryPages
    llvm_binding()
    path = os.path.realpath(ffi.lib._name)
    pages = LibraryPages(path)
    mappings = _mappings(path)
    assert pages.ranges, "no read-only segment found"
    for start, end in pages.ranges:
        inside = [m for m in mappings if m[0] <= start and end <= m[1]]
        assert inside and "w" not in inside[0][2] and inside[0][2].startswith("r")
    # The writable segment (its relocated read-only part included) is never released.
    for low, high, perms in mappings:
        if "w" in perms:
            assert all(end <= low or start >= high for start, end in pages.ranges)
    assert any("x" in m[2] for m in mappings
               if any(m[0] <= s and e <= m[1] for s, e in pages.ranges)), "code not released"


DRIVER = """\
import contextlib, io, json, os, resource, sys
from jitvm.interpreter import VM
from jitvm.jit import JIT
from jitvm.runner import run_path

# The front end and lowering imported first, then the peak reset (Linux: clear_refs 5):
# where there are no .pyc files (PYTHONDONTWRITEBYTECODE), Python compiling jitvm's sources
# peaks higher than LLVM does, in both runs alike.
import jitvm.jit.frontend, jitvm.jit.lower, jitvm.jit.engine  # noqa: E401,F401
try:
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
except OSError:
    pass
vm = VM()
vm.jit = JIT(vm, threshold=0)
out = io.StringIO()
with contextlib.redirect_stdout(out):
    run_path(sys.argv[1], [], vm)
library = sys.modules["llvmlite.binding.ffi"].lib._name
resident = 0
owner = None
with open("/proc/self/smaps") as smaps:
    for line in smaps:
        fields = line.split()
        if not fields[0].endswith(":"):
            owner = fields[5] if len(fields) > 5 else ""
        elif fields[0] == "Rss:" and owner == os.path.realpath(library):
            resident += int(fields[1])
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
with open("/proc/self/status") as fh:
    for line in fh:
        if line.startswith("VmHWM:"):
            peak = int(line.split()[1])
print(json.dumps({"out": out.getvalue(), "compiles": vm.jit.engine.llvm_compiles,
                  "llvm_resident_kb": resident, "peak_kb": peak}))
"""

PROGRAM = """\
def mix(a, b):
    return (a * 31 + b) % 1000003

def total(n):
    s = 0.0
    acc = 7
    for i in range(n):
        acc = mix(acc, i)
        s += acc / (i + 1)
    return acc, round(s, 6)

print(total(2000))
print([mix(i, i + 1) for i in range(5)])
"""


def _compiling_run(tmp_path, keep: bool) -> dict:
    program = tmp_path / "prog.py"
    program.write_text(PROGRAM, encoding="utf-8")
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT), JITVM_NO_JIT_CACHE="1",
               JITVM_KEEP_LLVM_PAGES="1" if keep else "0")
    done = subprocess.run([sys.executable, str(driver), str(program)], env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    expected = subprocess.run([sys.executable, str(program)], capture_output=True,
                              text=True, timeout=60).stdout
    assert result["out"] == expected
    assert result["compiles"] >= 2
    return result


def test_a_compiling_run_keeps_little_of_llvm_resident(tmp_path):
    released = _compiling_run(tmp_path, keep=False)
    kept = _compiling_run(tmp_path, keep=True)
    # After compiling, little of LLVM's code is still mapped: 3.6 MB here, 70 MB when kept.
    assert released["llvm_resident_kb"] < 16 * 1024 < kept["llvm_resident_kb"], (released,
                                                                                 kept)
    # And the peak is lower by most of that: 67 against 98 MB here.  (Compared with the run
    # that keeps the pages, back to back: the peak itself also counts Python compiling
    # jitvm's sources where there are no .pyc files, and what the kernel maps per fault.)
    assert released["peak_kb"] < kept["peak_kb"] - 15 * 1024, (released, kept)
