"""Compile-time pieces of the boxed-value translation: the kinds of Values, and the stack
entries made of Values that have no single object yet (a list iterator and its index, an
enumerate, a bound list method, slice bounds).  Each entry has `parts()` (its Values, in
deopt-record order; boxed ones are owned), `kind()` (what the type walk compares) and
`rebuild(values)` (the Python object the interpreter expects when native code deoptimizes).
"""

from __future__ import annotations

import ctypes
import dataclasses
import types
from dataclasses import dataclass
from typing import Any

from .abi import ITER_INDEX
from .bridge_objects import RELEASED
from .frontend import _callable_name
from .ir import Value
from .types import BOOL, BOXED, FLOAT, INT, LIST, OBJ, TUPLE, Seq

NOT_MINE = object()  # step_objects: a numeric instruction, for the numeric translation
NUMERIC = (INT, FLOAT, BOOL)
FROM_CLASS = {int: INT, float: FLOAT, bool: BOOL}


def value_kind(v: Value):
    """The kind of a Value: its JType, or for a list or tuple a Seq with its element guess."""
    return Seq(v.type, v.elem) if v.type in (LIST, TUPLE) else v.type


def is_boxed(entry) -> bool:
    return isinstance(entry, Value) and entry.type in BOXED


def is_number(entry) -> bool:
    return isinstance(entry, Value) and entry.type in NUMERIC


@dataclass(frozen=True)
class SeqIter:
    """An iterator over a list or tuple (`seq`, owned) at `index`; with `count`, the
    enumerate() around it."""

    seq: Value
    index: Value
    count: Value | None = None

    def parts(self):
        return [self.seq, self.index] + ([self.count] if self.count is not None else [])

    def kind(self):
        return ("seqiter", value_kind(self.seq), self.count is not None)

    @staticmethod
    def rebuild(values):
        seq, index, *count = values
        it = iter(seq)
        # Not __setstate__: it clamps the index to len(seq), but a list the loop shrank may
        # grow again before the next step, and CPython's iterator then goes on from its own
        # index (as box_seqiter does in native code).
        ctypes.c_ssize_t.from_address(id(it) + ITER_INDEX).value = index
        return enumerate(it, count[0]) if count else it


@dataclass(frozen=True)
class Enumerate:
    """`enumerate(seq, start)` called but not yet iterated."""

    seq: Value
    start: Value

    def parts(self):
        return [self.seq, self.start]

    def kind(self):
        return ("enumerate", value_kind(self.seq))

    @staticmethod
    def rebuild(values):
        return enumerate(*values)


@dataclass(frozen=True)
class Pair:
    """The (count, item) tuple enumerate() yields, until UNPACK_SEQUENCE takes it apart."""

    count: Value
    item: Value

    def parts(self):
        return [self.count, self.item]

    def kind(self):
        return ("pair", value_kind(self.item))

    @staticmethod
    def rebuild(values):
        return tuple(values)


@dataclass(frozen=True)
class Method:
    """`seq.name` looked up (append, pop), not yet called."""

    recv: Value
    name: str
    source: Any = dataclasses.field(default=None, compare=False)  # the local it came from

    @property
    def label(self) -> str:
        return f"method.{self.name}"

    def parts(self):
        return [self.recv]

    def kind(self):
        return ("method", value_kind(self.recv), self.name)

    def rebuild(self, values):
        return getattr(values[0], self.name)


@dataclass(frozen=True)
class SliceArgs:
    """BUILD_SLICE's start, stop (and step): ints or Const(None)."""

    items: tuple

    def parts(self):
        return [v for v in self.items if isinstance(v, Value)]

    def kind(self):
        return ("slice",) + tuple(v.type if isinstance(v, Value) else None for v in self.items)

    def rebuild(self, values):
        values = iter(values)
        return slice(*(next(values) if isinstance(v, Value) else None for v in self.items))


@dataclass(frozen=True)
class BoundFunction:
    """`obj.name`, where `name` is a jitvm function of obj's class (`target`), looked up as
    LOAD_METHOD looks it up and not yet called: the call runs the function's machine code
    with `obj` first.  `recv` may be borrowed from a local (see `own_borrowed`)."""

    recv: Value
    target: Any

    def parts(self):
        return [self.recv]

    def kind(self):
        return ("bound", value_kind(self.recv), self.target)

    def rebuild(self, values):
        return types.MethodType(self.target, values[0])  # what LOAD_ATTR made


@dataclass(frozen=True)
class PolyMethod:
    """`obj.name` at a call site that saw several classes: CPython's method lookup made
    (`attr`, owned), and `which` of the jitvm functions `targets` it found unbound (-1: none,
    `attr` is what LOAD_ATTR makes: a bound method, an instance attribute...).  The call
    dispatches on `which` (frontend_pic.py).  `recv` is owned.  With `bound`, `attr` is
    what LOAD_ATTR makes (a super object's bound method): `which` names the bound method's
    function, `recv` its object."""

    recv: Value
    attr: Value
    which: Value
    targets: tuple
    bound: bool = False  # `attr` is a bound method whatever it is (`super().name`)

    def parts(self):
        return [self.recv, self.attr, self.which]

    def kind(self):
        return ("poly", value_kind(self.recv), self.targets, self.bound)

    def rebuild(self, values):
        recv, attr, which = values
        if which < 0 or self.bound:
            return attr  # what LOAD_ATTR made
        return types.MethodType(attr, recv)


@dataclass(frozen=True)
class Released:
    """Not a stack entry: an owned reference a deopt point hands to the bridge only to be
    released (the interpreter's stack no longer holds it there: the receiver of a method
    lookup that found something else)."""

    value: Value

    def parts(self):
        return [self.value]

    def kind(self):
        return ("released", value_kind(self.value))

    def rebuild(self, values):
        return RELEASED


@dataclass(frozen=True)
class Zip:
    """`zip(a, b, ...)` of lists and tuples (`seqs`, owned), called but not yet iterated."""

    seqs: tuple

    def parts(self):
        return list(self.seqs)

    def kind(self):
        return ("zip", tuple(value_kind(s) for s in self.seqs))

    @staticmethod
    def rebuild(values):
        return zip(*values)


@dataclass(frozen=True)
class ZipIter:
    """A zip of list and tuple iterators all at `index` (native code steps them together;
    CPython's zip holds one iterator per sequence, each at the same position)."""

    seqs: tuple
    index: Value

    def parts(self):
        return list(self.seqs) + [self.index]

    def kind(self):
        return ("zipiter", tuple(value_kind(s) for s in self.seqs))

    @staticmethod
    def rebuild(values):
        *seqs, index = values
        return zip(*[SeqIter.rebuild([seq, index]) for seq in seqs])


@dataclass(frozen=True)
class ZipItem:
    """The tuple a zip yields, until UNPACK_SEQUENCE takes it apart (`items`: Values)."""

    items: tuple

    def parts(self):
        return list(self.items)

    def kind(self):
        return ("zipitem", tuple(value_kind(v) for v in self.items))

    @staticmethod
    def rebuild(values):
        return tuple(values)


@dataclass(frozen=True)
class MadeGen:
    """A generator expression's function, made by MAKE_FUNCTION but not yet: native code
    calls its body fused with the builtin that consumes it (fused.py), so the function
    object is only made if the interpreter takes over before that call."""

    code: Any
    closure: Value | None  # the tuple of cells it closes over (owned), if any
    vm: Any = dataclasses.field(compare=False)
    globals: Any = dataclasses.field(compare=False)
    site: Any = dataclasses.field(compare=False)  # (consumer name, sum's start Const or None)

    def parts(self):
        return [self.closure] if self.closure is not None else []

    def kind(self):
        return ("madegen", self.code)

    def rebuild(self, values):
        from ..objects import Function
        closure = values[0] if values else None
        return Function(self.vm, self.code, self.globals, (), None, closure or (), None)


@dataclass(frozen=True)
class GenCall:
    """A generator expression called with its iterator (`it`: a Value, SeqIter or
    RangeIter) but not yet run: the argument of the builtin it is fused with, whose fused
    entry is `entry`."""

    made: MadeGen
    it: Any
    entry: Any = dataclasses.field(compare=False)

    def parts(self):
        return self.made.parts() + _entry_parts(self.it)

    def kind(self):
        return ("gencall", self.made.kind(), _entry_kind(self.it))

    def rebuild(self, values):
        count = len(self.made.parts())
        function = self.made.rebuild(values[:count])
        return function(_rebuild_part(self.it, values[count:]))


def _entry_parts(entry):
    return list(entry.parts()) if hasattr(entry, "parts") else [entry]


def _entry_kind(entry):
    return entry.kind() if hasattr(entry, "kind") else value_kind(entry)


def _rebuild_part(entry, values):
    if isinstance(entry, Value):
        return values[0]
    if hasattr(entry, "rebuild"):
        return entry.rebuild(values)
    return iter(range(*values))  # a RangeIter


COMPOSITES = (SeqIter, Enumerate, Pair, Method, SliceArgs, BoundFunction, Released, MadeGen,
              GenCall, Zip, ZipIter, ZipItem, PolyMethod)
COMPOSITE_KINDS = frozenset({"seqiter", "enumerate", "pair", "method", "bound", "zip",
                             "zipiter", "zipitem"})


class ObjRef:
    """A Python object named in an operation (a callable, a constant): shown by name."""

    def __init__(self, obj):
        self.obj = obj

    def __str__(self) -> str:
        if isinstance(self.obj, (str, int, float, tuple)) or self.obj is None:
            return repr(self.obj)
        return _callable_name(self.obj)



def _cap(kind, levels: int = 3):
    """An element guess nested at most `levels` deep (deeper: OBJ)."""
    if not isinstance(kind, Seq):
        return kind
    if levels == 0:
        return OBJ
    return Seq(kind.type, _cap(kind.elem, levels - 1))



def _one_of(target, *objects) -> bool:
    return any(target is obj for obj in objects)


