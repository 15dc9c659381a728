"""JIT value types, and how they cross the ctypes bridge (their LLVM types are in lower.py).

The JIT specialises code on the types the interpreter observed.  Unboxed types live in
registers: `int` is a 64-bit signed integer (a Python int that fits; every operation that could
leave that range is guarded), `float` is an IEEE double (exactly a Python float), `bool` is one
bit.  `obj` is a boxed `PyObject*`, reserved for the next step (lists, calls into any Python
callable); `none` is the type of a function that returns None.
"""

from __future__ import annotations

import ctypes
import enum


class JType(enum.Enum):
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    NONE = "none"
    OBJ = "obj"

    def __str__(self) -> str:
        return self.value


INT, FLOAT, BOOL, NONE, OBJ = JType.INT, JType.FLOAT, JType.BOOL, JType.NONE, JType.OBJ

# Python type → JIT type, for the types the JIT unboxes.
FROM_PYTHON = {int: INT, float: FLOAT, bool: BOOL, type(None): NONE}
TO_PYTHON = {INT: int, FLOAT: float, BOOL: bool}

# How each type crosses the ctypes bridge (bools travel as one byte; LLVM types: lower.py).
CTYPES = {INT: ctypes.c_int64, FLOAT: ctypes.c_double, BOOL: ctypes.c_int8,
          OBJ: ctypes.py_object}

