"""Bytecode → JIT IR for calls with unpacked arguments (a mixin of the translator).

    f(*args)              LOAD f; LOAD args; CALL_FUNCTION_EX 0
    f(*args, **kwargs)    LOAD f; LOAD args; BUILD_MAP 0; LOAD kwargs; DICT_MERGE 1;
                          CALL_FUNCTION_EX 1

The forwarding wrapper of a decorator (`def wrapper(*args, **kwargs): return f(*args,
**kwargs)`) is made of these.  Native code calls a host helper through the C-API for each,
which does what the interpreter's handler does (the same checks, errors and messages; a
jitvm function it calls binds its arguments and runs natively when hot: VM.call_function).
A callable that needs its caller's frame (`locals`, `eval`, zero-argument `super`...:
FRAME_BUILTINS) is never called from here: a guard sends that call to the interpreter
before anything happened.
"""

from __future__ import annotations

import builtins

from ..frame_builtins import FRAME_BUILTINS
from ..handlers.operators import _check_iterable, _func_str, _iterate, _unpack_error
from .frontend import Const, RangeArgs
from .frontend_entries import ObjRef, Zip, ZipItem, is_boxed, value_kind
from .ir import Value
from .types import BOOL, INT, LIST, OBJ, TUPLE, Seq

_NEEDS_FRAME = tuple(FRAME_BUILTINS) + (builtins.super,)
_BOXABLE = (Value, Const, RangeArgs, Zip, ZipItem)  # (what `box` makes an object of)


class StarCallSteps:
    """CALL_FUNCTION_EX and DICT_MERGE (see the module docstring)."""

    def _call_function_ex(self, index, arg, locals_, stack):
        depth = 3 if arg & 1 else 2
        entries = stack[-depth:]
        callee = entries[0]
        if not isinstance(callee, (Value, Const)) or not all(
                isinstance(e, _BOXABLE) for e in entries[1:]):
            self.fail("f(*args) with an argument the JIT keeps unboxed", index)
        if isinstance(callee, Const) and any(callee.value is f for f in _NEEDS_FRAME):
            self.fail(f"{callee.value.__name__}() needs the caller's frame", index)
        del stack[-depth:]
        redo = self.deopt_point(index, locals_, stack + entries, reason="boxing")
        boxed = [self.box(callee, index, redo)]
        if not isinstance(callee, Const):
            for needs_frame in _NEEDS_FRAME:  # (a deopt before the call: nothing happened)
                same = self.emit("same", [boxed[0], self.const_object(needs_frame)], BOOL)
                self.emit("guard_true", [self.emit("not", [same], BOOL)], None, redo)
        boxed += [self.box(e, index, redo) for e in entries[1:]]
        if is_boxed(boxed[1]) and boxed[1].type is TUPLE:
            # A tuple (the common case: a wrapper's own *args) needs no check: the call as
            # CPython makes it, PyObject_Call — a jitvm function's tp_call is machine code
            # (hostcall.py), which runs a hot callee natively.
            result = self.kind_value("call_tuple", boxed, OBJ,
                                     self.error_point(index, locals_, stack), owned=True)
        else:
            if depth == 2:
                boxed.append(self.const_object(None))
            result = self.kind_value("call_object", [ObjRef(call_ex), boxed], OBJ,
                                     self.error_point(index, locals_, stack), owned=True)
        stack.append(self.unbox_result(result, index, locals_, stack))
        return None

    def _dict_merge(self, index, arg, locals_, stack):
        value, target = stack[-1], stack[-1 - arg]
        func = stack[-3 - arg] if len(stack) >= 3 + arg else None
        if not (isinstance(value, _BOXABLE) and isinstance(target, (Value, Const))
                and isinstance(func, (Value, Const))):
            self.fail("a ** argument the JIT keeps unboxed", index)
        stack.pop()
        redo = self.deopt_point(index, locals_, stack + [value], reason="boxing")
        # (the dict and the callable stay on the stack: lent to the call, not consumed)
        boxed = [self.lent(target, index, redo), self.box(value, index, redo),
                 self.lent(func, index, redo)]
        done = self.kind_value("call_object", [ObjRef(dict_merge), boxed], OBJ,
                               self.error_point(index, locals_, stack), owned=True)
        self.release(done)  # (None)
        return None


    def _list_extend(self, index, arg, locals_, stack):
        """`[*a, *b]`, `f(*a, *b)`: the interpreter's LIST_EXTEND, a host helper."""
        value, target = stack[-1], stack[-1 - arg]
        if not isinstance(value, _BOXABLE) or not is_boxed(target):
            self.fail("unpacking an iterator the JIT keeps unboxed", index)
        stack.pop()
        redo = self.deopt_point(index, locals_, stack + [value], reason="boxing")
        boxed = [self.lent(target, index, redo), self.box(value, index, redo)]
        done = self.kind_value("call_object", [ObjRef(list_extend), boxed], OBJ,
                               self.error_point(index, locals_, stack), owned=True)
        self.release(done)  # (None)
        stack[-arg] = self.kind_value("cast", [target], Seq(LIST, OBJ), owned=target.owned)
        return None

    def _list_to_tuple(self, index, arg, locals_, stack):
        made = stack[-1]
        if not (is_boxed(made) and made.type is LIST):
            self.fail("LIST_TO_TUPLE of an object the JIT does not know as a list", index)
        stack.pop()
        redo = self.deopt_point(index, locals_, stack + [made], reason="boxing")
        result = self.kind_value("copy.tuple", [made], Seq(TUPLE, made.elem), redo, owned=True)
        self.release(made)
        stack.append(result)
        return None

    def _dict_update(self, index, arg, locals_, stack):
        """`{**a, 'k': v}`: the interpreter's DICT_UPDATE, a host helper."""
        value, target = stack[-1], stack[-1 - arg]
        if not isinstance(value, _BOXABLE) or not is_boxed(target):
            self.fail("a ** entry the JIT keeps unboxed", index)
        stack.pop()
        redo = self.deopt_point(index, locals_, stack + [value], reason="boxing")
        boxed = [self.lent(target, index, redo), self.box(value, index, redo)]
        done = self.kind_value("call_object", [ObjRef(dict_update), boxed], OBJ,
                               self.error_point(index, locals_, stack), owned=True)
        self.release(done)  # (None)
        return None

    def _unpack_ex(self, index, arg, locals_, stack):
        """`first, *rest = seq`: the interpreter's UNPACK_EX, a host helper giving the
        parts in order; pushed the last first, as the interpreter pushes them."""
        value = stack[-1]
        if not isinstance(value, _BOXABLE):
            self.fail("unpacking an iterator the JIT keeps unboxed", index)
        before, after = arg & 0xFF, arg >> 8
        stack.pop()
        redo = self.deopt_point(index, locals_, stack + [value], reason="boxing")
        args = [self.box(value, index, redo), self.const_object(before),
                self.const_object(after)]
        parts = self.kind_value("call_object", [ObjRef(unpack_ex), args], Seq(TUPLE, OBJ),
                                self.error_point(index, locals_, stack), owned=True)
        for i in reversed(range(before + 1 + after)):
            item = self.emit("item.tuple", [parts, self.emit("const", [INT, i], INT)], OBJ)
            stack.append(self.newref(item))
        self.release(parts)
        return None

    def lent(self, entry, index, redo) -> Value:
        """A boxed Value for an entry that stays on the stack (its owner keeps it)."""
        if isinstance(entry, Const):
            return self.const_object(entry.value)
        if is_boxed(entry):
            return self.kind_value("cast", [entry], value_kind(entry), owned=False) \
                if entry.owned else entry
        self.fail("a ** call whose callable the JIT keeps unboxed", index)


def call_ex(func, args, kwargs):
    """CALL_FUNCTION_EX as the interpreter's handler does it (handlers/control.py)."""
    if type(args) is not tuple and not (hasattr(args, "__iter__")
                                        or hasattr(args, "__getitem__")):
        raise TypeError(f"{_func_str(func)} argument after * must be an iterable, "
                        f"not {type(args).__name__}")
    if kwargs is None:
        return func(*args)
    return func(*args, **kwargs)


def list_extend(target, value):
    """LIST_EXTEND as the interpreter's handler does it (handlers/operators.py)."""
    _check_iterable(value)
    target.extend(value)


def dict_update(target, value):
    """DICT_UPDATE as the interpreter's handler does it (handlers/operators.py)."""
    if not hasattr(value, "keys"):
        raise TypeError(f"'{type(value).__name__}' object is not a mapping")
    target.update(value)


def unpack_ex(value, before, after):
    """UNPACK_EX as the interpreter's handler does it (handlers/operators.py): the parts
    in order, the starred one a list."""
    items = list(_iterate(value))
    if len(items) < before + after:
        raise _unpack_error(None, before + after, len(items), at_least=True)
    return tuple(items[:before] + [items[before:len(items) - after]]
                 + items[len(items) - after:])


def dict_merge(target, value, func):
    """DICT_MERGE as the interpreter's handler does it (handlers/operators.py)."""
    if not hasattr(value, "keys"):
        raise TypeError(f"{_func_str(func)} argument after ** must be a mapping, "
                        f"not {type(value).__name__}")
    for key in value.keys():
        if key in target:
            raise TypeError(f"{_func_str(func)} got multiple values for keyword argument "
                            f"'{key}'")
        target[key] = value[key]
