"""The machine-code cache (jitvm/jit/code_cache.py): a second run of a program loads the machine
code LLVM made in the first one instead of compiling again.

Every test gets a cache folder of its own (JITVM_CACHE_DIR).  Whether code came from the cache
is read from `--stats-json` (`cache_hits`) and the `--jit-log` lines, never from timing.  The
output must be CPython's in every run: cold, warm, with damaged cache files.
"""

from __future__ import annotations

import json
import os
import textwrap

import pytest

from difftest import compare, run_cpython, run_jitvm
from jitvm.jit.code_cache import MachineCodeCache

# Objects and addresses of the process everywhere: `print` and `len` called through the
# C-API, a global list read and written, a global function called from compiled code
# (a guard on the name), floats boxed, an overflow that deoptimizes, and a function compiled
# in an earlier module called from a later one.
PROGRAM = textwrap.dedent("""\
    TABLE = [3, 1, 4, 1, 5]

    def helper(x):
        return x * 3 + 1

    def show(n):
        total = 0
        for v in TABLE:
            total += v * n
        print("show", n, total, len(TABLE), n * 0.5)
        return total

    def scale(x):
        return x * 0.5 + 0.25

    def square(x):
        return x * x

    def uses_helper(n):
        s = 0
        for i in range(n):
            s += helper(i)
        return s

    print(helper(2))
    print(show(2), show(3))
    TABLE.append(9)
    print(show(4))
    print(scale(3.0), scale(1.5))
    print(square(12), square(3_000_000_000), square(2 ** 40))
    print(uses_helper(10))

    def helper(x):
        return -x

    print(uses_helper(10))
""")


def _program(tmp_path, src: str = PROGRAM, name: str = "prog.py"):
    path = tmp_path / name
    path.write_text(src, encoding="utf-8")
    return path


def _run(tmp_path, path, *options):
    """Run `path` at threshold 0 with the JIT log and stats; (result, stats, log lines)."""
    stats = tmp_path / "stats.json"
    result = run_jitvm(path, options=("--jit-threshold", "0", "--jit-log",
                                      "--stats-json", str(stats), *options))
    split = json.loads(stats.read_text())
    log = [line[len("[jit] "):] for line in result.stderr.splitlines()
           if line.startswith("[jit] ")]
    return result, split, log


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("JITVM_CACHE_DIR", str(folder))
    monkeypatch.delenv("JITVM_NO_JIT_CACHE", raising=False)
    return folder


def _files(folder) -> list:
    return sorted(p for p in folder.iterdir() if p.suffix == ".o") if folder.exists() else []


def test_second_run_loads_machine_code_from_the_cache(tmp_path, cache_dir):
    path = _program(tmp_path)
    expected = run_cpython(path)
    first, split, log = _run(tmp_path, path)
    assert not compare(expected, first, "cold cache")
    assert split["compiled"] >= 5 and split["cache_hits"] == 0
    assert split["deopts"] >= 1  # square overflowed, helper was rebound
    stored = _files(cache_dir)
    assert stored
    second, split2, log2 = _run(tmp_path, path)
    assert not compare(expected, second, "warm cache")
    assert split2["cache_hits"] == split2["compiled"] == split["compiled"]
    assert split2["deopts"] == split["deopts"]
    compiled = [line for line in log2 if line.startswith("compiled: ")]
    assert compiled and all("(machine code from the cache)" in line for line in compiled)
    assert not any("from the cache" in line for line in log)
    assert _files(cache_dir) == stored


def test_storing_leaves_the_programs_random_numbers_alone(tmp_path, cache_dir):
    # The program shares the host's `random` module with jitvm: the cache must not draw
    # from it (it once chose when to trim the folder with random.randrange).
    src = ("import random\nrandom.seed(7)\n"
           "def f(x):\n    return x + 1\n"
           "def g(x):\n    return x * 2.0\n"
           "print(f(1), g(2.0), [random.randint(1, 100) for _ in range(5)])\n")
    path = _program(tmp_path, src)
    result, split, _ = _run(tmp_path, path)
    assert not compare(run_cpython(path), result, "cold cache")
    assert split["compiled"] >= 2 and split["cache_hits"] == 0


def test_damaged_cache_files_are_ignored_and_replaced(tmp_path, cache_dir):
    path = _program(tmp_path)
    expected = run_cpython(path)
    _run(tmp_path, path)
    files = _files(cache_dir)
    assert len(files) >= 3
    # Truncated, one byte of the machine code flipped, garbage, empty: every file (each
    # module is stored twice, under its LLVM IR and its JIT IR: warm_cache.py).
    for i, file in enumerate(files):
        data = bytearray(file.read_bytes())
        if i % 4 == 1:
            data[-20] ^= 0xFF
        file.write_bytes([data[:len(data) // 2], data, b"not an object file" * 10, b""][i % 4])
    damaged = len(files)
    result, split, _ = _run(tmp_path, path)
    assert not compare(expected, result, "damaged cache")
    assert split["cache_hits"] == 0
    # The damaged files were written again: the next run loads everything.
    result, split, _ = _run(tmp_path, path)
    assert not compare(expected, result, "repaired cache")
    assert split["cache_hits"] == split["compiled"], damaged


def test_a_cache_folder_that_cannot_be_made_is_not_an_error(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("JITVM_CACHE_DIR", str(blocker / "cache"))  # under a regular file
    path = _program(tmp_path)
    expected = run_cpython(path)
    for _ in range(2):
        result, split, _ = _run(tmp_path, path)
        assert not compare(expected, result, "unwritable cache")
        assert split["compiled"] >= 5 and split["cache_hits"] == 0


def test_switched_off_by_option_and_environment(tmp_path, cache_dir, monkeypatch):
    path = _program(tmp_path)
    expected = run_cpython(path)
    result, split, _ = _run(tmp_path, path, "--no-jit-cache")
    assert not compare(expected, result) and split["cache_hits"] == 0
    assert not _files(cache_dir)
    _run(tmp_path, path)
    assert _files(cache_dir)
    monkeypatch.setenv("JITVM_NO_JIT_CACHE", "1")
    result, split, _ = _run(tmp_path, path)
    assert not compare(expected, result) and split["cache_hits"] == 0


SAME_NAMES = """\
def f(x):
    return x {op} {k}

def g(n):
    t = {zero}
    for i in range(n):
        t = f(t)
    return t

print(g(10), f({arg}))
"""


def test_programs_and_types_do_not_collide(tmp_path, cache_dir):
    """Functions of the same names compiled for other types, constants or code: each run
    gets its own machine code (they share the cache folder), and the output stays right."""
    variants = [dict(op="+", k=1, zero=0, arg=5), dict(op="+", k=2, zero=0, arg=5),
                dict(op="*", k=2, zero=1, arg=5), dict(op="+", k=1, zero=0.0, arg=2.5),
                dict(op="+", k=1.5, zero=0.5, arg=2.5)]
    paths = [_program(tmp_path, SAME_NAMES.format(**v), f"p{i}.py")
             for i, v in enumerate(variants)]
    for rep in range(2):
        for path in paths:
            result, split, _ = _run(tmp_path, path)
            assert not compare(run_cpython(path), result, f"{path.name}, run {rep}")
            assert split["cache_hits"] == (split["compiled"] if rep else 0), path.name


def test_dumps_show_real_ir_and_assembly_on_a_hit(tmp_path, cache_dir):
    path = _program(tmp_path, "def f(x):\n    return x * 2.5\nprint(f(2.0))\n")
    _run(tmp_path, path)
    result, split, _ = _run(tmp_path, path, "--dump-ir", "--dump-asm")
    assert split["cache_hits"] == 1 and result.stdout == "5.0\n"
    err = result.stderr
    built = err[err.index("; ---- llvm:"):err.index("; ---- opt:")]
    optimized = err[err.index("; ---- opt:"):err.index("; ---- asm:")]
    assembly = err[err.index("; ---- asm:"):]
    assert "define i32 @\"f.float.0\"" in built and "define" in optimized and "fmul" in optimized
    assert "mulsd" in assembly or "vmulsd" in assembly


def test_background_compilation_stores_and_loads(tmp_path, cache_dir):
    src = textwrap.dedent("""\
        def work(n):
            total = 0
            for i in range(n):
                total += i * i % 7
            return total
        s = 0
        for rep in range(200):
            s += work(2000)
        print(s)
    """)
    path = _program(tmp_path, src)
    expected = run_cpython(path)
    splits = []
    for _ in range(2):
        result, split, _ = _run(tmp_path, path, "--jit-threshold", "5", "--jit-background")
        assert not compare(expected, result, "background")
        splits.append(split)
    assert splits[0]["compiled"] >= 1 and splits[0]["cache_hits"] == 0
    assert splits[1]["cache_hits"] >= 1


# -- the cache folder itself -----------------------------------------------------------------


def test_store_load_round_trip_and_checks(tmp_path):
    cache = MachineCodeCache("context", str(tmp_path))
    key = cache.key("define i32 @f() { ret i32 0 }")
    assert cache.load(key) is None
    cache.store(key, b"\x7fELF object bytes")
    assert cache.load(key) == b"\x7fELF object bytes"
    assert MachineCodeCache("other context", str(tmp_path)).key("x") != cache.key("x")
    (path,) = _files(tmp_path)
    data = path.read_bytes()
    for damaged in (data[:-1], data[:10], data[:-1] + b"X", b"JVMO" + data[4:20]):
        path.write_bytes(damaged)
        assert cache.load(key) is None
    path.write_bytes(data)
    other = cache.key("something else")
    (tmp_path / (other.hex() + ".o")).write_bytes(data)  # a file under another key's name
    assert cache.load(other) is None and cache.load(key) == b"\x7fELF object bytes"


def test_the_folder_is_trimmed_least_recently_used_first(tmp_path):
    cache = MachineCodeCache("context", str(tmp_path), max_bytes=10_000, check_every=1)
    keys = [cache.key(str(i)) for i in range(12)]
    for i, key in enumerate(keys):
        cache.store(key, bytes(1000))
        os.utime(tmp_path / (key.hex() + ".o"), (i, i))  # stored one second apart
        if i == 8:
            assert cache.load(keys[0]) is not None  # used: refreshed
    total = sum(p.stat().st_size for p in _files(tmp_path))
    assert total <= 10_000
    assert cache.load(keys[-1]) is not None and cache.load(keys[1]) is None
    stale = tmp_path / "x.o.123.tmp"  # left by a process that died while writing
    stale.write_bytes(b"half")
    os.utime(stale, (0, 0))
    cache.store(cache.key("one more"), b"")
    assert not stale.exists()
