"""The machine-code cache: the object files LLVM makes, kept on disk, so that a later run
compiling the same module skips LLVM (parse, verify, optimize, code generation).

In: a module's LLVM IR as built, which is address-free (everything of this process the code
needs, objects, counters, is read from the module's relocation table, filled when the module
is loaded: see engine.py), and the object file LLVM made from it.  Out, in a later run: that
object file, when the same IR text meets the same LLVM set up the same way.

The key is a sha256 over the IR text and everything else LLVM's output depends on (the
context the engine gives: opt level, llvmlite and LLVM versions, target triple, host CPU name
and features, Python's version, and a fingerprint of engine.py and this file, where the pass
pipeline and the relocation table are defined).  The same key means the same machine code,
so a hit is safe by construction, and nothing ever needs invalidating: whatever would change
the machine code changes the IR text or that context, hence the key.

Where: `$JITVM_CACHE_DIR`, else `$XDG_CACHE_HOME/jitvm/machine-code`, else
`~/.cache/jitvm/machine-code`: one folder per user rather than `__pycache__` next to the
program, since machine code belongs to what got hot with which types (a function of a
module imported by several programs is shared), the program's folder may not be writable,
and one folder is easy to bound.  It holds about MAX_BYTES at most: now and then (one store
in CHECK_EVERY) a store measures it, and if it holds more, removes the least recently used
files (a hit refreshes its file's time).  Deleting the folder is always safe.

The key needs the host as LLVM describes it (triple, CPU name and features), and asking LLVM
means loading it (~30 ms, ~40 MB).  So the description is remembered in the folder, in a
file named by a fingerprint of the machine (the processor's identification and feature
flags from /proc/cpuinfo, Python's and llvmlite's versions): the same fingerprint means
the same answer, and a run whose machine code all comes from the cache never loads LLVM.
Where there is no /proc/cpuinfo to read, LLVM is asked every time.

A file is a header (magic, format, key, length and sha256 of the object) and the object.
One whose header or checksum does not match is ignored (and later overwritten): LLVM must
never see a truncated or damaged object, it would crash the process.  Files are written to a
temporary name and renamed (atomic); a folder that cannot be read or written is simply not
cached: nothing here ever fails a run.
"""

from __future__ import annotations

import os
import platform
import struct
import sys
import time

from ..cache import sha256  # hashlib.sha256 without loading OpenSSL (~2.5 ms)

MAGIC = b"JVMO"
FORMAT = 1
_HEADER = struct.Struct("<4sI32sQ32s")  # magic, format, key, object length, object sha256
MAX_BYTES = 64 * 1024 * 1024
# One store in this many (by its key) measures the folder and trims it: measuring costs a
# stat per file (~10 ms for a thousand), too much to pay for every module compiled.
CHECK_EVERY = 16
STALE_TMP_SECONDS = 3600  # a temporary file this old was left by a process that died
SUFFIX = ".o"


def default_folder() -> str:
    folder = os.environ.get("JITVM_CACHE_DIR")
    if folder:
        return folder
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "jitvm", "machine-code")


_CPU_FIELDS = ("vendor_id", "cpu family", "model", "model name", "stepping", "flags",
               "cpu implementer", "cpu architecture", "cpu variant", "cpu part", "features")


def machine_fingerprint() -> str | None:
    """A hash of what LLVM's description of this host depends on, or None if unknown."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as fh:
            lines = fh.read().split("\n\n", 1)[0].splitlines()  # the first processor
    except OSError:
        return None
    fields = sorted(line for line in lines if line.split(":", 1)[0].strip().lower()
                    in _CPU_FIELDS)
    if not fields:
        return None
    import llvmlite
    digest = sha256("\n".join([llvmlite.__version__, sys.version, platform.machine(),
                               *fields]).encode())
    return digest.hexdigest()[:32]


def host_description(folder: str, ask) -> tuple[str, ...]:
    """`ask()` (LLVM's description of this host: triple, CPU, features, LLVM version),
    remembered in `folder` under the machine's fingerprint."""
    fingerprint = machine_fingerprint()
    if fingerprint is None:
        return tuple(ask())
    path = os.path.join(folder, f"host-{fingerprint}.txt")
    try:
        with open(path, encoding="utf-8") as fh:
            lines = fh.read().split("\n")
        if len(lines) == 5 and lines[4] == "" and all(lines[:4]):
            return tuple(lines[:4])
    except OSError:
        pass
    answer = tuple(ask())
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(folder, exist_ok=True)
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write("".join(f"{line}\n" for line in answer))
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
    return answer


def source_fingerprint(*paths: str) -> str:
    """A hash of the files that decide what LLVM is asked to do with a module's IR."""
    digest = sha256()
    for path in paths:
        try:
            with open(path, "rb") as fh:
                digest.update(fh.read())
        except OSError:
            digest.update(b"?")
    return digest.hexdigest()


class MachineCodeCache:
    def __init__(self, context: str, folder: str | None = None, max_bytes: int = MAX_BYTES,
                 check_every: int = CHECK_EVERY):
        self.context = context.encode()
        self.folder = folder or default_folder()
        self.max_bytes = max_bytes
        self.check_every = check_every

    def key(self, ir_text: str) -> bytes:
        digest = sha256(self.context)
        digest.update(b"\0")
        digest.update(ir_text.encode())
        return digest.digest()

    def _path(self, key: bytes) -> str:
        return os.path.join(self.folder, key.hex() + SUFFIX)

    def load(self, key: bytes) -> bytes | None:
        """The object file stored under `key`, or None (missing, damaged, unreadable)."""
        path = self._path(key)
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError:
            return None
        if len(data) < _HEADER.size:
            return None
        magic, version, stored_key, length, checksum = _HEADER.unpack_from(data)
        obj = data[_HEADER.size:]
        if (magic != MAGIC or version != FORMAT or stored_key != key or length != len(obj)
                or sha256(obj).digest() != checksum):
            return None
        try:
            os.utime(path)  # recently used: the last to go when the folder is trimmed
        except OSError:
            pass
        return obj

    def store(self, key: bytes, obj: bytes) -> None:
        path = self._path(key)
        data = _HEADER.pack(MAGIC, FORMAT, key, len(obj), sha256(obj).digest()) + obj
        tmp = f"{path}.{os.getpid()}.tmp"
        try:
            os.makedirs(self.folder, exist_ok=True)
            with open(tmp, "wb") as fh:
                fh.write(data)
            os.replace(tmp, path)  # readers see the old file or the whole new one
        except OSError:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            return
        # Not `random`: the program shares the host's modules, and its random numbers must not
        # depend on what got compiled.  A key's first byte is as good a die.
        if key[0] % self.check_every == 0:
            self._trim()

    def _entries(self) -> list[tuple[float, int, str]]:
        """(time, size, path) of each cached file; stale temporary files are removed."""
        entries = []
        try:
            names = os.listdir(self.folder)
        except OSError:
            return entries
        stale = time.time() - STALE_TMP_SECONDS
        for name in names:
            path = os.path.join(self.folder, name)
            try:
                st = os.stat(path)
                if name.endswith(".tmp") and st.st_mtime < stale:
                    os.unlink(path)
            except OSError:
                continue
            if name.endswith(SUFFIX):
                entries.append((st.st_mtime, st.st_size, path))
        return entries

    def _trim(self):
        """If the folder holds more than `max_bytes`, remove the least recently used files
        until it holds 3/4 of that."""
        entries = sorted(self._entries())
        total = sum(size for _, size, _ in entries)
        if total <= self.max_bytes:
            return
        for _, size, path in entries:
            if total <= self.max_bytes * 3 // 4:
                break
            try:
                os.unlink(path)
                total -= size
            except OSError:
                pass
