"""The handler table and what every handler module shares."""

from __future__ import annotations

import types

from ..opcodes import Op



HANDLERS: dict[Op, callable] = {}
MISSING = object()
_MethodType = types.MethodType
_BuiltinType = types.BuiltinFunctionType


def handles(op: Op):
    def register(fn):
        HANDLERS[op] = fn
        return fn
    return register


def _popn(stack: list, n: int) -> list:
    if not n:
        return []
    items = stack[-n:]
    del stack[-n:]
    return items
