"""Giving back the pages of LLVM's code that compiling touched.

In: the path of the shared library LLVM is in (llvmlite's, 178 MB, LLVM linked in).  Out:
`release()`, which unmaps from this process the pages of that library's code and read-only
data it has touched; the next use of LLVM maps again, from the page cache, the ones it needs.

Why: most of the resident memory of a run that compiles is LLVM's own machine code, not
data.  Loading LLVM maps ~38 MB of it (its static initializers are spread over the whole
library), the passes ~24 MB and the code generation ~36 MB (15 MB of it the same pages):
the kernel maps a 64 KB window around every page touched, and those stayed mapped until
the process ended.  So the peak of a run that compiled one small function was ~105 MB, of
which 30 MB was anonymous memory (Python's and LLVM's heap).  Released after loading,
after the passes and after the code generation, only one step's code is mapped at a time:
65-84 MB at the peak for the medium benchmarks, for ~7 ms of CPU per module
(bench/README.md, 2026-11-22, *a run that compiles*).

Only the segments the ELF file maps without write permission (code, read-only data, symbol
tables) are released: for those, MADV_DONTNEED drops the mapping of page-cache pages and
nothing else, since their contents are always the file's.  The relocated read-only data
(`PT_GNU_RELRO`, written by the dynamic loader, then made read-only) is part of a writable
segment, so it is never touched.  It is safe while another thread runs LLVM: a page it
needs is faulted in again.  Linux only (ELF, /proc/self/maps); elsewhere, or for a file it
does not understand, `release()` does nothing.
"""

from __future__ import annotations

import ctypes
import os
import struct
import sys

MADV_DONTNEED = 4
PT_LOAD = 1
PF_W = 2


class LibraryPages:
    def __init__(self, path: str):
        """The read-only segments of the library at `path`, where this process maps them
        (found once: a loaded library stays where it is)."""
        self.ranges: list[tuple[int, int]] = []
        self._madvise = None
        if not sys.platform.startswith("linux"):
            return
        try:
            self.ranges = _readonly_segments(os.path.realpath(path))
            madvise = ctypes.CDLL(None, use_errno=True).madvise
        except (OSError, AttributeError, ValueError, struct.error):
            self.ranges = []
            return
        madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
        madvise.restype = ctypes.c_int
        self._madvise = madvise

    def release(self):
        """Unmap the pages of LLVM's code and read-only data this process has touched."""
        for start, end in self.ranges:
            self._madvise(start, end - start, MADV_DONTNEED)


def _readonly_segments(path: str) -> list[tuple[int, int]]:
    """The address ranges of `path`'s loadable segments without write permission, each
    checked to lie within a mapping of that file that is not writable."""
    mappings = []  # (start, end, writable, file offset)
    with open("/proc/self/maps") as maps:
        for line in maps:
            fields = line.split(maxsplit=5)
            if len(fields) == 6 and fields[5].rstrip("\n") == path:
                low, high = fields[0].split("-")
                mappings.append((int(low, 16), int(high, 16), "w" in fields[1],
                                 int(fields[2], 16)))
    if not mappings:
        return []
    page = os.sysconf("SC_PAGE_SIZE")
    segments = _load_segments(path)
    # The load address: where the segment read from offset 0 is mapped, less its address.
    first = min((m for m in mappings if m[3] == 0), default=None)
    zero = [s for s in segments if s[0] == 0]
    if first is None or not zero:
        return []
    base = first[0] - (zero[0][1] & -page)
    ranges = []
    for _offset, vaddr, memsz, flags in segments:
        if flags & PF_W:
            continue
        start = base + (vaddr & -page)
        end = base + ((vaddr + memsz + page - 1) & -page)
        if any(low <= start and end <= high and not writable
               for low, high, writable, _ in mappings):
            ranges.append((start, end))
    return ranges


def _load_segments(path: str) -> list[tuple[int, int, int, int]]:
    """(file offset, address, size in memory, flags) of each PT_LOAD of a 64-bit
    little-endian ELF file."""
    with open(path, "rb") as elf:
        header = elf.read(64)
        if header[:4] != b"\x7fELF" or header[4] != 2 or header[5] != 1:
            raise ValueError("not a 64-bit little-endian ELF file")
        phoff, = struct.unpack_from("<Q", header, 32)
        phentsize, phnum = struct.unpack_from("<HH", header, 54)
        elf.seek(phoff)
        table = elf.read(phentsize * phnum)
    segments = []
    for i in range(phnum):
        kind, flags, offset, vaddr, _paddr, _filesz, memsz = struct.unpack_from(
            "<IIQQQQQ", table, i * phentsize)
        if kind == PT_LOAD:
            segments.append((offset, vaddr, memsz, flags))
    return segments
