"""Loading the object files LLVM makes into this process, without LLVM.

In: the bytes of an ELF relocatable object for x86-64 (what `TargetMachine.emit_object`
makes of a module, or what the machine-code cache kept of it), and a function giving the
address of each symbol the object uses but does not define: a C-API function
(`PyNumber_Add`), a libm function (`fmod`), a function of a module loaded earlier.
Out: the object's code and data in memory of this process, relocated and protected (code
read+execute, constants read-only, data read+write), and the address of each symbol it
defines.

Why not let LLVM load it (MCJIT's RuntimeDyld does exactly this): LLVM lives in llvmlite's
shared library, and loading that library costs ~30 ms and ~40 MB of resident memory.  A run
whose machine code all comes from the cache (code_cache.py) then never loads LLVM at all.
And since freshly compiled modules are loaded the same way, this one path is exercised by
every run, cold or warm.

What it handles is what LLVM emits for jitvm's modules with the JIT's code model (large:
every address is a 64-bit absolute, so code may sit anywhere in the address space and call
anything): sections `.ltext`/`.text` (code), `.rodata.cst*`/`.lrodata` (constants),
`.lbss`/`.ldata`/`.bss`/`.data` (the relocation table, cached dict versions), common
symbols, and the relocations R_X86_64_64, PC64, PC32/PLT32 and 32/32S (the 32-bit ones only
within the object).  `.eh_frame` is not loaded: nothing unwinds through jitvm's machine code
(no C++ exceptions; Python errors are return values).  Anything else raises `Unsupported`,
and the engine falls back to LLVM's own loader for that object; a host that is not x86-64
Linux uses LLVM's loader for every object (`supported()`).
"""

from __future__ import annotations

import ctypes
import mmap
import platform
import struct
import sys

_EHDR = struct.Struct("<16sHHIQQQIHHHHHH")
_SHDR = struct.Struct("<IIQQQQIIQQ")
_SYM = struct.Struct("<IBBHQQ")
_RELA = struct.Struct("<QQq")

EM_X86_64 = 62
ET_REL = 1
SHT_PROGBITS, SHT_SYMTAB, SHT_STRTAB, SHT_RELA, SHT_NOBITS, SHT_REL = 1, 2, 3, 4, 8, 9
SHF_WRITE, SHF_ALLOC, SHF_EXECINSTR = 1, 2, 4
SHN_UNDEF, SHN_ABS, SHN_COMMON = 0, 0xFFF1, 0xFFF2
STB_LOCAL, STB_WEAK = 0, 2
STT_SECTION = 3
R_X86_64_64, R_X86_64_PC32, R_X86_64_PLT32 = 1, 2, 4
R_X86_64_32, R_X86_64_32S, R_X86_64_PC64 = 10, 11, 24

PAGE = mmap.PAGESIZE

# Code and data loaded are never unloaded (as with MCJIT): machine code may be running, or
# be called later through an address some other module holds.
_mappings: list = []


class Unsupported(Exception):
    """The object holds something this loader does not handle (LLVM's loader is used)."""


class UnresolvedSymbol(Unsupported):
    pass


def supported() -> bool:
    """Can objects be loaded here (x86-64 Linux)?"""
    return sys.platform.startswith("linux") and platform.machine() in ("x86_64", "AMD64")


_libc = None


def _c():
    global _libc
    if _libc is None:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.mprotect.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
        libc.mprotect.restype = ctypes.c_int
        libc.dlsym.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        libc.dlsym.restype = ctypes.c_void_p
        _libc = libc
    return _libc


def process_symbol(name: str) -> int | None:
    """The address of `name` in this process (the executable and the libraries it loaded,
    as the dynamic linker sees them: CPython's C-API, libm), or None."""
    return _c().dlsym(None, name.encode())


def _align(n: int, a: int) -> int:
    return (n + a - 1) & -a if a > 1 else n


class _Section:
    __slots__ = ("index", "name", "type", "flags", "offset", "size", "align", "at")

    def __init__(self, index, name, type_, flags, offset, size, align):
        self.index, self.name, self.type, self.flags = index, name, type_, flags
        self.offset, self.size, self.align = offset, size, max(align, 1)
        self.at = None  # offset in the mapping, once placed


def load(obj: bytes, resolve) -> dict[str, int]:
    """Load `obj` (an ELF relocatable object) into fresh memory; `resolve(name)` gives the
    address of an undefined symbol, or None.  Returns {name: address} of the global symbols
    the object defines."""
    if len(obj) < _EHDR.size:
        raise Unsupported("not an ELF object")
    (ident, e_type, machine, _version, _entry, _phoff, shoff, _flags, _ehsize, _phentsize,
     _phnum, shentsize, shnum, shstrndx) = _EHDR.unpack_from(obj)
    if (ident[:4] != b"\x7fELF" or ident[4] != 2 or ident[5] != 1 or e_type != ET_REL
            or machine != EM_X86_64 or shentsize != _SHDR.size):
        raise Unsupported("not an x86-64 ELF relocatable object")
    headers = [_SHDR.unpack_from(obj, shoff + i * shentsize) for i in range(shnum)]
    names_at = headers[shstrndx][4]

    def cstr(at: int) -> str:
        return obj[at:obj.index(b"\0", at)].decode()

    sections = [_Section(i, cstr(names_at + h[0]), h[1], h[2], h[4], h[5], h[8])
                for i, h in enumerate(headers)]
    symtab = next((s for s in sections if s.type == SHT_SYMTAB), None)
    if any(s.type == SHT_REL for s in sections):
        raise Unsupported("REL relocations")

    # Place the sections: code, then constants, then data, each group on pages of its own
    # (so that each can be protected as it should be).
    groups = ([], [], [])  # execute, read-only, read-write
    for s in sections:
        if not s.flags & SHF_ALLOC or s.type not in (SHT_PROGBITS, SHT_NOBITS):
            continue  # .eh_frame (SHT_X86_64_UNWIND), notes, symbol and string tables
        if s.flags & SHF_EXECINSTR:
            groups[0].append(s)
        elif s.flags & SHF_WRITE or s.type == SHT_NOBITS:
            groups[2].append(s)
        else:
            groups[1].append(s)
    symbols = []
    if symtab is not None:
        strings_at = headers[symtab.index][6]
        strings_at = sections[strings_at].offset
        for i in range(symtab.size // _SYM.size):
            st_name, info, _other, shndx, value, size = _SYM.unpack_from(
                obj, symtab.offset + i * _SYM.size)
            symbols.append([cstr(strings_at + st_name) if st_name else "", info, shndx,
                            value, size, None])
    commons = []
    size = 0
    bounds = []
    for group in groups:
        size = _align(size, PAGE)
        start = size
        for s in group:
            size = _align(size, s.align)
            s.at = size
            size += s.size
        if group is groups[2]:
            for sym in symbols:
                if sym[2] == SHN_COMMON:  # value: alignment, size: size
                    size = _align(size, max(sym[3], 1))
                    commons.append((sym, size))
                    size += sym[4]
        bounds.append((start, size))
    size = max(_align(size, PAGE), PAGE)

    mapping = mmap.mmap(-1, size, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS,
                        prot=mmap.PROT_READ | mmap.PROT_WRITE)
    base = ctypes.addressof(ctypes.c_char.from_buffer(mapping))
    image = bytearray(size)
    for group in groups:
        for s in group:
            if s.type == SHT_PROGBITS:
                image[s.at:s.at + s.size] = obj[s.offset:s.offset + s.size]

    # Symbol addresses.
    for sym, at in commons:
        sym[5] = base + at
    defined = {}
    for sym in symbols:
        name, info, shndx, value, _size, address = sym
        if address is not None:
            pass
        elif shndx == SHN_UNDEF:
            if not name:
                address = 0
            else:
                address = resolve(name)
                if address is None:
                    if info >> 4 != STB_WEAK:
                        raise UnresolvedSymbol(name)
                    address = 0
        elif shndx == SHN_ABS:
            address = value
        elif shndx < len(sections) and sections[shndx].at is not None:
            address = base + sections[shndx].at + value
        else:
            address = None  # in a section not loaded (.eh_frame): only its relocations use it
        sym[5] = address
        if address is not None and info >> 4 != STB_LOCAL and shndx != SHN_UNDEF and name:
            defined[name] = address

    # Relocations of the loaded sections.
    for rel in sections:
        if rel.type != SHT_RELA:
            continue
        target = sections[headers[rel.index][7]]
        if target.at is None:
            continue  # relocations of .eh_frame
        for i in range(rel.size // _RELA.size):
            offset, info, addend = _RELA.unpack_from(obj, rel.offset + i * _RELA.size)
            kind, index = info & 0xFFFFFFFF, info >> 32
            symbol = symbols[index][5] if index else 0
            if symbol is None:
                raise Unsupported(f"relocation against {symbols[index][0]!r}, not loaded")
            at = target.at + offset
            place = base + at
            if kind == R_X86_64_64:
                struct.pack_into("<Q", image, at, (symbol + addend) & 0xFFFFFFFFFFFFFFFF)
            elif kind == R_X86_64_PC64:
                struct.pack_into("<Q", image, at, (symbol + addend - place)
                                 & 0xFFFFFFFFFFFFFFFF)
            elif kind in (R_X86_64_PC32, R_X86_64_PLT32):
                value = symbol + addend - place
                if not -2**31 <= value < 2**31:
                    raise Unsupported(f"PC32 relocation out of range ({symbols[index][0]})")
                struct.pack_into("<i", image, at, value)
            elif kind == R_X86_64_32:
                value = symbol + addend
                if not 0 <= value < 2**32:
                    raise Unsupported("R_X86_64_32 relocation out of range")
                struct.pack_into("<I", image, at, value)
            elif kind == R_X86_64_32S:
                value = symbol + addend
                if not -2**31 <= value < 2**31:
                    raise Unsupported("R_X86_64_32S relocation out of range")
                struct.pack_into("<i", image, at, value)
            else:
                raise Unsupported(f"relocation type {kind}")

    mapping[:] = image
    libc = _c()
    for (start, end), prot in zip(bounds, (mmap.PROT_READ | mmap.PROT_EXEC, mmap.PROT_READ,
                                           None)):
        if prot is not None and end > start:
            length = _align(end, PAGE) - start
            if libc.mprotect(base + start, length, prot) != 0:
                raise OSError(ctypes.get_errno(), "mprotect failed")
    _mappings.append(mapping)
    return defined
