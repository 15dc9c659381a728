"""The ctypes bridge's side of boxed values: what a live value is to the JIT, and turning
deopt-record words back into Python objects.

A deopt record carries a boxed value as the address of an object whose reference the record
owns; `from_word` takes that reference over (the object is neither leaked nor freed early).
Compile-time stack entries (range and list iterators, enumerate, bound methods) are rebuilt
as the objects the interpreter would have on its stack.
"""

from __future__ import annotations

import ctypes
import struct
import sys
from types import CellType

from .types import BOOL, BOXED, FLOAT, INT, LIST, NONE, OBJ, TUPLE, Seq, guess_elem, kind_of

_decref = ctypes.pythonapi.Py_DecRef
_decref.argtypes = [ctypes.c_void_p]
_decref.restype = None
_LIST_ITERATOR = type(iter([]))
_UNSHARED = 4  # references to an iterator on the stack that nothing else holds (see below)
_TUPLE_ITERATOR = type(iter(()))


def steal(address: int):
    """The object at `address`, taking over the reference the caller owned."""
    obj = ctypes.cast(address, ctypes.py_object).value  # a new reference...
    _decref(address)  # ... so the record's own is released
    return obj


def from_word(word: int, jtype):
    # (identity tests only, ints first: this is on the path of every native call's result,
    # and hashing an enum member runs Python code)
    if jtype is INT:
        return word
    if jtype is FLOAT:
        return struct.unpack("<d", struct.pack("<q", word))[0]
    if jtype is BOOL:
        return bool(word)
    if jtype is NONE:
        return None
    if jtype is OBJ or jtype is LIST or jtype is TUPLE:
        return steal(word)
    return word


def live_kind(value, objects: bool = True):
    """The kind the JIT gives a live argument or local (None: it does not take it)."""
    kind = kind_of(value)
    if not objects and kind not in (INT, FLOAT, BOOL):
        return None
    return kind


def _zip_entry_kind(value):
    """A zip of unshared list and tuple iterators all at one position: stepped natively
    (frontend_entries.ZipIter), its kind and parts (the sequences, the index)."""
    reduced = value.__reduce__()
    iterators = reduced[1]
    if len(reduced) != 2 or not 1 <= len(iterators) <= 4:
        return None
    seqs, index = [], None
    for it in iterators:
        # (references: the zip's tuple, `reduced`'s tuple, `it` and getrefcount's argument)
        if type(it) not in (_LIST_ITERATOR, _TUPLE_ITERATOR) or sys.getrefcount(it) > 4:
            return None
        inner = it.__reduce__()
        if len(inner) != 3 or index is not None and inner[2] != index:
            return None  # (exhausted, or not in step)
        seqs.append(inner[1][0])
        index = inner[2]
    if len({id(s) for s in seqs}) != len(seqs):
        return None
    kinds = tuple(Seq(LIST if type(s) is list else TUPLE, guess_elem(s)) for s in seqs)
    return ("zipiter", kinds), seqs + [index]


def stack_entry_kind(value):
    """For an iterator over a list or tuple (or enumerate of one) on an interpreter stack: its
    kind and the arguments an on-stack-replacement entry takes for it; otherwise None.

    Native code iterates by index, a copy of the iterator's position: an iterator that
    something else can reach too (a variable, for a `next(it)` in the loop) is not taken.
    Unshared, it has _UNSHARED references: the interpreter's stack, the caller's loop
    variable, `value` here and getrefcount's argument."""
    count = None
    if sys.getrefcount(value) > _UNSHARED:
        return None
    if type(value) is zip:
        return _zip_entry_kind(value)
    if type(value) is enumerate:
        _, (inner, count) = value.__reduce__()
        value = inner  # (the enumerate's reference instead of the stack's)
        if type(count) is not int or not -2**63 <= count < 2**63 - 1:
            return None
        if sys.getrefcount(value) > _UNSHARED:
            return None
    if type(value) not in (_LIST_ITERATOR, _TUPLE_ITERATOR):
        return None
    reduced = value.__reduce__()
    if len(reduced) != 3:  # exhausted
        return None
    _, (seq,), index = reduced
    jtype = LIST if type(seq) is list else TUPLE
    if type(seq) not in (list, tuple):
        return None
    kind = ("seqiter", Seq(jtype, guess_elem(seq)), count is not None)
    return kind, [seq, index] + ([count] if count is not None else [])


RELEASED = object()  # what a Released entry (frontend_entries.py) rebuilds to: no entry


def rebuild_entry(entry, word):
    """A stack entry of a deopt point as the Python object the interpreter expects; `word()`
    gives the record's word for each of its parts in turn."""
    from .frontend import Const, RangeArgs, RangeIter  # (not at start-up: see jit/__init__)
    from .frontend_entries import COMPOSITES
    if isinstance(entry, Const):
        return entry.value
    if isinstance(entry, (RangeArgs, RangeIter)):
        made = range(word(), word(), word())
        return made if isinstance(entry, RangeArgs) else iter(made)
    if isinstance(entry, COMPOSITES):
        return entry.rebuild([from_word(word(), part.type) for part in entry.parts()])
    return from_word(word(), entry.type)


def cells_param(code) -> tuple:
    """A function with cells takes them as one more argument, a tuple."""
    return (TUPLE,) if code.has_cells else ()


def make_cells(func, args: list) -> tuple:
    """The cells of a call, as the interpreter makes them: fresh cells (those of arguments
    filled in), then the function's closure."""
    code = func._code
    if not code.cellvars:  # only the closure's cells: the tuple the function holds
        return func.__closure__ or ()
    cells = [CellType() for _ in code.cellvars]
    for cell_index, arg_index in code.cell2arg:
        cells[cell_index].cell_contents = args[arg_index]
    return tuple(cells) + tuple(func.__closure__ or ())


def object_summary(fn) -> str:
    """What the log says about a specialisation's boxed values: its element type guards, the
    Python callables it calls through the C-API, and the methods it calls directly."""
    guards = 0
    called: list[str] = []
    direct: list[str] = []  # methods and __init__s called natively (frontend_pic.py)
    for block in fn.blocks:
        for op in block.ops:
            if op.opcode == "guard_type":
                guards += 1
            elif op.opcode == "call_object":
                name = str(op.args[0]) if hasattr(op.args[0], "obj") else "a method"
                if name not in called:
                    called.append(name)
            elif op.opcode in ("method.lookup", "method.lookup_bound"):  # (frontend_pic.py)
                site = "a dispatch on " + " | ".join(t.obj.__qualname__ for t in op.args[2])
                if site not in direct:
                    direct.append(site)
            elif op.opcode in ("load_method", "guard_constructor", "guard_dunder"):
                name = op.args[{"load_method": 2, "guard_constructor": 1,
                                "guard_dunder": 3}[op.opcode]].obj.__qualname__
                if name not in direct:
                    direct.append(name)
    parts = []
    if guards:
        parts.append(f"{guards} type guard{'s' if guards > 1 else ''}")
    if called:
        parts.append("calls " + ", ".join(called))
    if direct:
        parts.append("calls the machine code of " + ", ".join(direct))
    return "; " + ", ".join(parts) if parts else ""


def internal_error(exc: Exception, code) -> Exception:
    """A bug in the JIT met while compiling `code`: the code stays interpreted (the program's
    output must not depend on the JIT), and --jit-log says what happened.  (A
    NotCompilable.)"""
    import traceback
    from .frontend import NotCompilable
    where = traceback.extract_tb(exc.__traceback__)[-1]
    return NotCompilable(f"internal error in the JIT: {type(exc).__name__}: {exc} "
                         f"[{where.filename}:{where.lineno}]", code)
