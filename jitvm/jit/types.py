"""JIT value types, and how they cross the ctypes bridge (their LLVM types are in lower.py).

The JIT specialises code on the types the interpreter observed.  Unboxed types live in
registers: `int` is a 64-bit signed integer (a Python int that fits; every operation that could
leave that range is guarded), `float` is an IEEE double (exactly a Python float), `bool` is one
bit.  `obj`, `list` and `tuple` are boxed: a `PyObject*` (of any class, exactly a list, exactly
a tuple); `none` is the type of a function that returns None.

The type walk tracks a little more than the JType of a list or tuple: a `Seq` kind also carries
a guess of its elements' kind (from the values seen when the code was specialised, or from how
the list was built).  The guess is only a speculation: every element read checks the element's
type and deoptimizes when it differs.
"""

from __future__ import annotations

import ctypes
import enum
from dataclasses import dataclass
from typing import Any


class JType(enum.Enum):
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    NONE = "none"
    OBJ = "obj"
    LIST = "list"
    TUPLE = "tuple"

    def __str__(self) -> str:
        return self.value

    # Hashed by identity (enum members are singletons, compared by identity): Enum's own
    # `__hash__` is a Python function, and JTypes key the slot and type tables the front
    # end, the passes and the lowering look up tens of thousands of times a module.
    __hash__ = object.__hash__


INT, FLOAT, BOOL, NONE, OBJ = JType.INT, JType.FLOAT, JType.BOOL, JType.NONE, JType.OBJ
LIST, TUPLE = JType.LIST, JType.TUPLE
BOXED = frozenset({OBJ, LIST, TUPLE})  # PyObject* in native code

# Python type → JIT type, for the types the JIT unboxes.
FROM_PYTHON = {int: INT, float: FLOAT, bool: BOOL, type(None): NONE}
TO_PYTHON = {INT: int, FLOAT: float, BOOL: bool}

# How each type crosses the ctypes bridge (bools travel as one byte; LLVM types: lower.py).
# Boxed values cross as addresses (the caller holds a reference for the call): ctypes'
# py_object would ask an object for its `__class__`, which runs a user `__getattribute__`.
CTYPES = {INT: ctypes.c_int64, FLOAT: ctypes.c_double, BOOL: ctypes.c_int8,
          OBJ: ctypes.c_void_p, LIST: ctypes.c_void_p, TUPLE: ctypes.c_void_p}


@dataclass(frozen=True)
class Seq:
    """The kind of a list or tuple value: its JType and a guess of its elements' kind (a
    JType, another Seq, or None when nothing is known)."""

    type: JType
    elem: Any = None

    def __str__(self) -> str:
        return f"{self.type}[{self.elem}]" if self.elem is not None else str(self.type)


SEQ_DEPTH = 3  # guesses nest at most this deep (a list of lists of lists)


def jtype_of(kind) -> JType:
    """The JType of a kind (a Seq's container type; a JType is its own)."""
    return kind.type if isinstance(kind, Seq) else kind


def join_elem(a, b):
    """Two guesses of an element kind, merged: the known one wins; different ones disagree
    (OBJ: read as an object of unknown type)."""
    if a is None or a == b:
        return b
    if b is None:
        return a
    if isinstance(a, Seq) and isinstance(b, Seq) and a.type is b.type:
        return Seq(a.type, join_elem(a.elem, b.elem))
    return OBJ


def guess_elem(seq, levels: int = SEQ_DEPTH, sample: int = 8):
    """A guess of the element kind of a live list or tuple, from a few of its items (the
    first and the last ones)."""
    if levels <= 0:
        return OBJ
    items = seq if len(seq) <= 2 * sample else list(seq[:sample]) + list(seq[-sample:])
    classes = {type(item) for item in items}
    if len(classes) == 1 and list not in classes and tuple not in classes:
        # One class of scalars (the usual case, on the path of every OSR entry and every
        # call with a list): the join below, without its walk.
        cls = classes.pop()
        if cls is int:
            return INT if all(-2**63 <= item < 2**63 for item in items) else OBJ
        return FLOAT if cls is float else BOOL if cls is bool else OBJ
    guess = None
    for item in items:
        guess = join_elem(guess, element_kind(item, levels - 1))
    return guess


def element_kind(value, levels: int = SEQ_DEPTH):
    """The kind of a value read from a list: OBJ for what the JIT does not unbox."""
    kind = kind_of(value, levels)
    return OBJ if kind is None else kind


def kind_of(value, levels: int = SEQ_DEPTH):
    """The kind the JIT gives a live argument: a JType, a Seq with a guess of its elements,
    OBJ for any other object, or None for an int beyond 64 bits (the interpreter's)."""
    cls = type(value)
    if cls is int:
        return INT if -2**63 <= value < 2**63 else None
    if cls is float:
        return FLOAT
    if cls is bool:
        return BOOL
    if cls is list:
        return Seq(LIST, guess_elem(value, levels))
    if cls is tuple:
        return Seq(TUPLE, guess_elem(value, levels))
    return OBJ
