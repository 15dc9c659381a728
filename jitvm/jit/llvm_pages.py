"""Giving back the pages of LLVM's code that compiling touched.

In: the path of the shared library LLVM is in (llvmlite's, 178 MB, LLVM linked in).  Out:
`release()`, which unmaps from this process the pages of that library's code and read-only
data it has touched; the next use of LLVM maps again, from the page cache, the ones it needs.

Why: most of the resident memory of a run that compiles is LLVM's own machine code, not
data.  Loading LLVM maps ~38 MB of it (its static initializers are spread over the whole
library), the passes map ~12 MB more and the code generation ~25 MB more: the kernel maps
a 64 KB window around every page touched, and those stay mapped until the process ends.
So the peak of a run that compiled one small function was ~105 MB, of which 30 MB was
anonymous memory (Python's and LLVM's heap).  Released after loading, after the passes and
after the code generation, only one step's code is mapped at a time (bench/README.md,
2026-11-22, *a run that compiles*).

Only mappings that cannot be written and hold no page of their own (`Private_Dirty` 0) are
released: for those, MADV_DONTNEED drops the mapping of page-cache pages and nothing else —
their contents are the file's.  (The relocated `.data.rel.ro`, which is read-only once
relocated but holds this process's pointers, is dirty, hence never touched.)  It is safe
while another thread runs LLVM: a page it needs is faulted in again.  Linux only; elsewhere
`release()` does nothing.
"""

from __future__ import annotations

import ctypes
import os
import sys

MADV_DONTNEED = 4


class LibraryPages:
    def __init__(self, path: str):
        """The clean, read-only mappings of the library at `path` (read once: LLVM's code
        is mapped when the library loads and stays where it is)."""
        self.ranges: list[tuple[int, int]] = []
        self._madvise = None
        if not sys.platform.startswith("linux"):
            return
        try:
            self.ranges = _clean_readonly(os.path.realpath(path))
            libc = ctypes.CDLL(None, use_errno=True)
            self._madvise = libc.madvise
        except (OSError, AttributeError, ValueError):
            self.ranges = []
            return
        self._madvise.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
        self._madvise.restype = ctypes.c_int

    def release(self):
        """Unmap the pages of LLVM's code and read-only data this process has touched."""
        for start, end in self.ranges:
            self._madvise(start, end - start, MADV_DONTNEED)


def _clean_readonly(path: str) -> list[tuple[int, int]]:
    """The address ranges of `path`'s mappings that are not writable and have no private
    dirty page (from /proc/self/smaps)."""
    ranges = []
    current = None  # [start, end, permissions, file] of the mapping being read
    with open("/proc/self/smaps") as smaps:
        for line in smaps:
            fields = line.split()
            if not fields[0].endswith(":"):  # a mapping's header: range perms offset dev inode [path]
                low, high = fields[0].split("-")
                current = (int(low, 16), int(high, 16), fields[1],
                           fields[5] if len(fields) > 5 else "")
            elif fields[0] == "Private_Dirty:" and current is not None:
                start, end, perms, file = current
                if file == path and "w" not in perms and fields[1] == "0":
                    ranges.append((start, end))
    return ranges
