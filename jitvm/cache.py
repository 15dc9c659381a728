"""The bytecode cache, like CPython's `__pycache__`.

`load_code(path)` returns the code object for a source file, reading
`__pycache__/NAME.jitvm-VERSION.jvc` when it is valid and writing it otherwise.  A cache file is
valid when its header matches the source's size and modification time and the fingerprint of
the jitvm compiler that wrote it (a hash of the opcode table and the compiler's sources, so a
changed compiler never reuses old bytecode).  Anything unreadable, stale or corrupt is ignored
and rewritten; a folder that cannot be written is simply not cached.

The file holds a `marshal`ed tree of plain tuples (marshal runs no code when loading, unlike
pickle).
"""

from __future__ import annotations

import marshal
import os
import struct

from . import __version__
from .code import CodeFlags, CodeObject, ExceptionEntry, Position
from .opcodes import Op

MAGIC = b"JVMC"
_HEADER = struct.Struct("<4s32sqq")  # magic, compiler fingerprint, source mtime_ns, size
_COMPILER_FILES = ("opcodes.py", "code.py", "assembler.py", "scopes.py",
                   "match_runtime.py", "cache.py")
_COMPILER_PACKAGES = ("compiler", "passes")
_fingerprint: bytes | None = None


def sha256(data: bytes = b""):
    """`hashlib.sha256(data)`, the same digest, without importing hashlib: loading its OpenSSL
    module takes ~2.5 ms, a tenth of jitvm's start-up.  CPython's own implementation is slower
    (~3 ms per MB against OpenSSL's 0.5) but a run hashes far less: ~150 KB of compiler sources
    here, 40-450 KB of IR and object files in the machine-code cache (jit/code_cache.py)."""
    try:
        from _sha256 import sha256 as new  # CPython 3.11's built-in implementation
    except ImportError:  # (named _sha2 from 3.12 on)
        from hashlib import sha256 as new
    return new(data)


def compiler_fingerprint() -> bytes:
    global _fingerprint
    if _fingerprint is None:
        digest = sha256(__version__.encode())
        here = os.path.dirname(os.path.abspath(__file__))
        names = list(_COMPILER_FILES)
        for package in _COMPILER_PACKAGES:
            folder = os.path.join(here, package)
            names += sorted(os.path.join(package, n) for n in os.listdir(folder)
                            if n.endswith(".py"))
        for name in names:
            try:
                with open(os.path.join(here, name), "rb") as fh:
                    digest.update(fh.read())
            except OSError:
                pass
        _fingerprint = digest.digest()
    return _fingerprint


def cache_path(source_path: str) -> str:
    folder, name = os.path.split(source_path)
    stem = os.path.splitext(name)[0]
    return os.path.join(folder, "__pycache__", f"{stem}.jitvm-{__version__}.jvc")


# -- code objects as plain tuples --------------------------------------------------------------


def to_tuple(code: CodeObject) -> tuple:
    consts = tuple((1, to_tuple(c)) if isinstance(c, CodeObject) else (0, c)
                   for c in code.consts)
    return (code.name, code.qualname, code.filename, code.firstlineno, int(code.flags),
            code.argcount, code.posonlyargcount, code.kwonlyargcount, code.varnames,
            code.cellvars, code.freevars, code.names, consts,
            tuple((int(op), arg) for op, arg in code.instructions),
            tuple(tuple(p) for p in code.positions),
            tuple(tuple(e) for e in code.exceptiontable), code.stacksize, code.cell2arg,
            code.docstring)


def from_tuple(data: tuple, filename: str) -> CodeObject:
    """Rebuild a code object; `filename` is the path the source is being loaded from now (as
    CPython does for .pyc files, so tracebacks name the file as the user gave it)."""
    (name, qualname, _filename, firstlineno, flags, argcount, posonly, kwonly, varnames,
     cellvars, freevars, names, consts, instructions, positions, table, stacksize, cell2arg,
     docstring) = data
    return CodeObject(
        name=name, qualname=qualname, filename=filename, firstlineno=firstlineno,
        flags=CodeFlags(flags), argcount=argcount, posonlyargcount=posonly,
        kwonlyargcount=kwonly, varnames=varnames, cellvars=cellvars, freevars=freevars,
        names=names,
        consts=tuple(from_tuple(c, filename) if kind else c for kind, c in consts),
        instructions=tuple((Op(op), arg) for op, arg in instructions),
        positions=tuple(Position(*p) for p in positions),
        exceptiontable=tuple(ExceptionEntry(*e) for e in table), stacksize=stacksize,
        cell2arg=cell2arg, docstring=docstring)


# -- reading and writing -----------------------------------------------------------------------


def _read(path: str, source_path: str, mtime_ns: int, size: int) -> tuple | None:
    try:
        with open(path, "rb") as fh:
            data = fh.read()
        magic, fingerprint, cached_mtime, cached_size = _HEADER.unpack_from(data)
        if (magic != MAGIC or fingerprint != compiler_fingerprint()
                or cached_mtime != mtime_ns or cached_size != size):
            return None
        code, warned = marshal.loads(data[_HEADER.size:])
        return from_tuple(code, source_path), warned
    except Exception:  # corrupt, truncated or from another format: recompile
        return None


def _write(path: str, code: CodeObject, warned: list, mtime_ns: int, size: int) -> None:
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        header = _HEADER.pack(MAGIC, compiler_fingerprint(), mtime_ns, size)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            fh.write(header + marshal.dumps((to_tuple(code), tuple(warned))))
        os.replace(tmp, path)  # atomic: readers never see half a file
    except OSError:
        pass  # an unwritable folder is simply not cached


def load_code(source_path: str, use_cache: bool = True, script: bool = False) -> CodeObject:
    """The code object for a source file, from the cache when valid.  A `script` (the program
    run as __main__) shows its compile-time SyntaxWarnings even from the cache: CPython compiles
    the script it runs every time."""
    from .runner import read_source
    st = os.stat(source_path)
    path = cache_path(source_path)
    if use_cache:
        cached = _read(path, source_path, st.st_mtime_ns, st.st_size)
        if cached is not None:
            if script and cached[1]:
                from .compiler import syntax_warnings
                syntax_warnings.show(cached[1], source_path)
            return cached[0]
    # The compiler is imported only here: a program whose bytecode is cached never needs it.
    from .compiler import compile_source
    warned = []
    code = compile_source(read_source(source_path), source_path, warned=warned)
    if use_cache:
        _write(path, code, warned, st.st_mtime_ns, st.st_size)
    return code
