"""The bytecode cache: reused while valid, never trusted when stale or corrupt."""

import os

import pytest

from jitvm import cache, compiler
from jitvm.dis import disassemble


def write(path, text, mtime=None):
    path.write_text(text)
    if mtime is not None:
        os.utime(path, ns=(mtime, mtime))


def test_written_then_reused(tmp_path, monkeypatch):
    src = tmp_path / "m.py"
    write(src, "def f(x):\n    return x * 2\nprint(f(3))\n")
    first = cache.load_code(str(src))
    assert os.path.exists(cache.cache_path(str(src)))

    def refuse(*args, **kwargs):
        raise AssertionError("recompiled although the cache is valid")

    monkeypatch.setattr(compiler, "compile_source", refuse)  # (cache imports it when it must)
    second = cache.load_code(str(src))
    assert disassemble(second) == disassemble(first)
    (function,) = [c for c in second.consts if hasattr(c, "qualname")]
    assert function.qualname == "f"


def test_changed_source_is_recompiled(tmp_path):
    src = tmp_path / "m.py"
    write(src, "x = 1\n", mtime=1_000_000_000_000_000_000)
    cache.load_code(str(src))
    write(src, "x = 22\n", mtime=1_000_000_000_000_000_000)  # same mtime, new size
    assert 22 in cache.load_code(str(src)).consts


@pytest.mark.parametrize("garbage", [b"", b"JVMC", b"JVMC" + b"\0" * 100, os.urandom(300)])
def test_corrupt_cache_is_ignored_and_rewritten(tmp_path, garbage):
    src = tmp_path / "m.py"
    write(src, "y = 5\n")
    cache.load_code(str(src))
    path = cache.cache_path(str(src))
    with open(path, "r+b") as fh:
        data = fh.read()
        fh.seek(0)
        fh.truncate()
        fh.write(garbage if garbage else data[: len(data) // 2])
    assert 5 in cache.load_code(str(src)).consts
    assert cache._read(path, str(src), os.stat(src).st_mtime_ns, os.stat(src).st_size)


def test_other_compiler_fingerprint_is_stale(tmp_path, monkeypatch):
    src = tmp_path / "m.py"
    write(src, "z = 7\n")
    cache.load_code(str(src))
    st = os.stat(src)
    monkeypatch.setattr(cache, "_fingerprint", b"\1" * 32)
    assert cache._read(cache.cache_path(str(src)), str(src), st.st_mtime_ns, st.st_size) is None


def test_unwritable_folder_still_runs(tmp_path):
    src = tmp_path / "m.py"
    write(src, "w = 9\n")
    (tmp_path / "__pycache__").write_text("a file where the folder should be")
    assert 9 in cache.load_code(str(src)).consts


def test_filename_follows_the_path_used(tmp_path):
    src = tmp_path / "m.py"
    write(src, "def g():\n    pass\n")
    cache.load_code(str(src))
    other = os.path.relpath(src)
    code = cache.load_code(other)
    (function,) = [c for c in code.consts if hasattr(c, "qualname")]
    assert code.filename == other and function.filename == other
