"""One short handler per opcode, and the linker that threads a code object.

A handler is `handler(frame, arg) -> None | int | Signal`: None falls through to the next
instruction, an int jumps there, a Signal returns or yields (see interpreter.py).  `link(code)`
turns a code object into direct-threaded code: a list of (handler, argument) with arguments
resolved ahead of time, so LOAD_CONST's argument is the constant itself, LOAD_GLOBAL's the name
string, and COMPARE_OP is specialised into one handler per comparison.

Handlers never raise a user-visible exception inside a host `except` block: the host would
chain its own KeyError or ValueError as `__context__`, which CPython never shows.
"""

from __future__ import annotations

import itertools
import operator
import sys
import types

from .code import CodeObject
from .frame_builtins import FRAME_BUILTINS
from .match_runtime import match
from .interpreter import UNBOUND, Signal
from .objects import Function, Generator
from .opcodes import (BINARY_OPS, CF_KWARGS, FV_SPEC, MF_ANNOTATIONS, MF_CLOSURE,
                      MF_DEFAULTS, MF_KWDEFAULTS, OPCODES, UNARY_OPS, Arg, Op)

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


# -- stack manipulation ----------------------------------------------------------------------------


@handles(Op.NOP)
def NOP(f, arg):
    return None


@handles(Op.POP_TOP)
def POP_TOP(f, arg):
    f.stack.pop()


@handles(Op.ROT_TWO)
def ROT_TWO(f, arg):
    s = f.stack
    s[-1], s[-2] = s[-2], s[-1]


@handles(Op.ROT_THREE)
def ROT_THREE(f, arg):
    s = f.stack
    s.insert(-2, s.pop())


@handles(Op.ROT_FOUR)
def ROT_FOUR(f, arg):
    s = f.stack
    s.insert(-3, s.pop())


@handles(Op.DUP_TOP)
def DUP_TOP(f, arg):
    s = f.stack
    s.append(s[-1])


@handles(Op.DUP_TOP_TWO)
def DUP_TOP_TWO(f, arg):
    s = f.stack
    s.extend(s[-2:])


# -- constants and names ---------------------------------------------------------------------------


@handles(Op.LOAD_CONST)
def LOAD_CONST(f, value):
    f.stack.append(value)


@handles(Op.LOAD_FAST)
def LOAD_FAST(f, i):
    value = f.fast[i]
    if value is UNBOUND:
        raise _unbound_local(f.code.varnames[i])
    f.stack.append(value)


@handles(Op.STORE_FAST)
def STORE_FAST(f, i):
    f.fast[i] = f.stack.pop()


@handles(Op.DELETE_FAST)
def DELETE_FAST(f, i):
    if f.fast[i] is UNBOUND:
        raise _unbound_local(f.code.varnames[i])
    f.fast[i] = UNBOUND


def _unbound_local(name: str) -> UnboundLocalError:
    return UnboundLocalError(
        f"cannot access local variable '{name}' where it is not associated with a value")


def _cell_contents(f, i):
    try:
        return f.cells[i].cell_contents
    except ValueError:
        pass
    code = f.code
    if i < len(code.cellvars):
        raise _unbound_local(code.cellvars[i])
    name = code.freevars[i - len(code.cellvars)]
    raise NameError(f"cannot access free variable '{name}' where it is not associated with a "
                    "value in enclosing scope", name=name)


@handles(Op.LOAD_DEREF)
def LOAD_DEREF(f, i):
    f.stack.append(_cell_contents(f, i))


@handles(Op.STORE_DEREF)
def STORE_DEREF(f, i):
    f.cells[i].cell_contents = f.stack.pop()


@handles(Op.DELETE_DEREF)
def DELETE_DEREF(f, i):
    _cell_contents(f, i)
    del f.cells[i].cell_contents


@handles(Op.LOAD_CLOSURE)
def LOAD_CLOSURE(f, i):
    f.stack.append(f.cells[i])


@handles(Op.LOAD_CLASSDEREF)
def LOAD_CLASSDEREF(f, i):
    code = f.code
    name = (code.cellvars + code.freevars)[i]
    value = _mapping_get(f.locals, name)
    f.stack.append(_cell_contents(f, i) if value is MISSING else value)


def _mapping_get(mapping, name):
    if mapping.__class__ is dict:
        return mapping.get(name, MISSING)
    try:
        return mapping[name]
    except KeyError:
        return MISSING


def _name_error(name: str) -> NameError:
    return NameError(f"name '{name}' is not defined", name=name)


@handles(Op.LOAD_GLOBAL)
def LOAD_GLOBAL(f, name):
    value = f.globals.get(name, MISSING)
    if value is MISSING:
        value = f.builtins.get(name, MISSING)
        if value is MISSING:
            raise _name_error(name)
    f.stack.append(value)


@handles(Op.STORE_GLOBAL)
def STORE_GLOBAL(f, name):
    f.globals[name] = f.stack.pop()


@handles(Op.DELETE_GLOBAL)
def DELETE_GLOBAL(f, name):
    if f.globals.pop(name, MISSING) is MISSING:
        raise _name_error(name)


@handles(Op.LOAD_NAME)
def LOAD_NAME(f, name):
    value = _mapping_get(f.locals, name)
    if value is MISSING:
        value = f.globals.get(name, MISSING)
        if value is MISSING:
            value = f.builtins.get(name, MISSING)
            if value is MISSING:
                raise _name_error(name)
    f.stack.append(value)


@handles(Op.STORE_NAME)
def STORE_NAME(f, name):
    f.locals[name] = f.stack.pop()


@handles(Op.DELETE_NAME)
def DELETE_NAME(f, name):
    missing = False
    try:
        del f.locals[name]
    except KeyError:
        missing = True
    if missing:
        raise _name_error(name)


@handles(Op.LOAD_ATTR)
def LOAD_ATTR(f, name):
    s = f.stack
    s[-1] = getattr(s[-1], name)


@handles(Op.STORE_ATTR)
def STORE_ATTR(f, name):
    s = f.stack
    obj = s.pop()
    setattr(obj, name, s.pop())


@handles(Op.DELETE_ATTR)
def DELETE_ATTR(f, name):
    delattr(f.stack.pop(), name)


# -- operators -------------------------------------------------------------------------------------
# The commonest operators are spelled out (an inline `+` is faster than calling operator.add);
# the rest are made from the operator module by _binary / _unary below.


@handles(Op.BINARY_ADD)
def BINARY_ADD(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] + b


@handles(Op.BINARY_SUBTRACT)
def BINARY_SUBTRACT(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] - b


@handles(Op.BINARY_MULTIPLY)
def BINARY_MULTIPLY(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] * b


@handles(Op.BINARY_MODULO)
def BINARY_MODULO(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] % b


@handles(Op.INPLACE_ADD)
def INPLACE_ADD(f, arg):
    s = f.stack
    b = s.pop()
    a = s[-1]
    if a.__class__ is int or a.__class__ is float:
        s[-1] = a + b
    else:
        a += b
        s[-1] = a


@handles(Op.BINARY_SUBSCR)
def BINARY_SUBSCR(f, arg):
    s = f.stack
    key = s.pop()
    s[-1] = s[-1][key]


@handles(Op.STORE_SUBSCR)
def STORE_SUBSCR(f, arg):
    s = f.stack
    key = s.pop()
    obj = s.pop()
    obj[key] = s.pop()


@handles(Op.DELETE_SUBSCR)
def DELETE_SUBSCR(f, arg):
    s = f.stack
    key = s.pop()
    del s.pop()[key]


@handles(Op.BUILD_SLICE)
def BUILD_SLICE(f, n):
    f.stack.append(slice(*_popn(f.stack, n)))


@handles(Op.UNARY_NOT)
def UNARY_NOT(f, arg):
    s = f.stack
    s[-1] = not s[-1]


def _binary(fn):
    def binary(f, arg):
        s = f.stack
        b = s.pop()
        s[-1] = fn(s[-1], b)
    binary.__name__ = fn.__name__
    return binary


def _unary(fn):
    def unary(f, arg):
        s = f.stack
        s[-1] = fn(s[-1])
    unary.__name__ = fn.__name__
    return unary


for _suffix, _sym, _name, _iname in BINARY_OPS:
    HANDLERS.setdefault(Op["BINARY_" + _suffix], _binary(getattr(operator, _name)))
    HANDLERS.setdefault(Op["INPLACE_" + _suffix], _binary(getattr(operator, _iname)))
for _suffix, _sym, _name in UNARY_OPS:
    HANDLERS.setdefault(Op["UNARY_" + _suffix], _unary(getattr(operator, _name)))


def COMPARE_LT(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] < b


def COMPARE_LE(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] <= b


def COMPARE_EQ(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] == b


def COMPARE_NE(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] != b


def COMPARE_GT(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] > b


def COMPARE_GE(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] >= b


# Indexed like opcodes.COMPARE_OPS; the linker picks one per COMPARE_OP instruction.
COMPARE_HANDLERS = (COMPARE_LT, COMPARE_LE, COMPARE_EQ, COMPARE_NE, COMPARE_GT, COMPARE_GE)
HANDLERS[Op.COMPARE_OP] = COMPARE_LT  # the table's entry; link() specialises by argument


@handles(Op.IS_OP)
def IS_OP(f, invert):
    s = f.stack
    b = s.pop()
    s[-1] = (s[-1] is not b) if invert else (s[-1] is b)


@handles(Op.CONTAINS_OP)
def CONTAINS_OP(f, invert):
    s = f.stack
    container = s.pop()
    s[-1] = (s[-1] not in container) if invert else (s[-1] in container)


# -- building containers and strings ---------------------------------------------------------------


@handles(Op.BUILD_TUPLE)
def BUILD_TUPLE(f, n):
    f.stack.append(tuple(_popn(f.stack, n)))


@handles(Op.BUILD_LIST)
def BUILD_LIST(f, n):
    f.stack.append(_popn(f.stack, n))


@handles(Op.BUILD_SET)
def BUILD_SET(f, n):
    f.stack.append(set(_popn(f.stack, n)))


@handles(Op.BUILD_MAP)
def BUILD_MAP(f, n):
    items = _popn(f.stack, 2 * n)
    result = {}
    for i in range(0, 2 * n, 2):
        result[items[i]] = items[i + 1]
    f.stack.append(result)


@handles(Op.BUILD_CONST_KEY_MAP)
def BUILD_CONST_KEY_MAP(f, n):
    keys = f.stack.pop()
    f.stack.append(dict(zip(keys, _popn(f.stack, n))))


@handles(Op.BUILD_STRING)
def BUILD_STRING(f, n):
    f.stack.append("".join(_popn(f.stack, n)))


_CONVERSIONS = (None, str, repr, ascii)


@handles(Op.FORMAT_VALUE)
def FORMAT_VALUE(f, flags):
    s = f.stack
    spec = s.pop() if flags & FV_SPEC else ""
    value = s.pop()
    convert = _CONVERSIONS[flags & 3]
    if convert is not None:
        value = convert(value)
    s.append(value if value.__class__ is str and not spec else format(value, spec))


@handles(Op.LIST_APPEND)
def LIST_APPEND(f, i):
    s = f.stack
    value = s.pop()
    s[-i].append(value)


@handles(Op.SET_ADD)
def SET_ADD(f, i):
    s = f.stack
    value = s.pop()
    s[-i].add(value)


@handles(Op.MAP_ADD)
def MAP_ADD(f, i):
    s = f.stack
    value = s.pop()
    key = s.pop()
    s[-i][key] = value


def _check_iterable(value, what="Value after *"):
    if not (hasattr(value, "__iter__") or hasattr(value, "__getitem__")):
        raise TypeError(f"{what} must be an iterable, not {type(value).__name__}")


@handles(Op.LIST_EXTEND)
def LIST_EXTEND(f, i):
    s = f.stack
    value = s.pop()
    _check_iterable(value)
    s[-i].extend(value)


@handles(Op.SET_UPDATE)
def SET_UPDATE(f, i):
    s = f.stack
    value = s.pop()
    _check_iterable(value)
    s[-i].update(value)


@handles(Op.DICT_UPDATE)
def DICT_UPDATE(f, i):
    s = f.stack
    value = s.pop()
    if not hasattr(value, "keys"):
        raise TypeError(f"'{type(value).__name__}' object is not a mapping")
    s[-i].update(value)


@handles(Op.DICT_MERGE)
def DICT_MERGE(f, i):
    s = f.stack
    value = s.pop()
    target = s[-i]
    func = s[-i - 2]  # below the positional-arguments tuple: the callable
    if not hasattr(value, "keys"):
        raise TypeError(f"{_func_str(func)} argument after ** must be a mapping, "
                        f"not {type(value).__name__}")
    for key in value.keys():
        if key in target:
            raise TypeError(f"{_func_str(func)} got multiple values for keyword argument "
                            f"'{key}'")
        target[key] = value[key]


def _func_str(func) -> str:
    """How CPython names a callable in call errors (`_PyObject_FunctionStr`)."""
    qualname = getattr(func, "__qualname__", None)
    if qualname is None:
        return type(func).__name__ + " object"
    module = getattr(func, "__module__", None)
    if isinstance(module, str) and module != "builtins":
        return f"{module}.{qualname}()"
    return qualname + "()"


@handles(Op.LIST_TO_TUPLE)
def LIST_TO_TUPLE(f, arg):
    s = f.stack
    s[-1] = tuple(s[-1])


def _unpack_error(value, expected: int, got: int | None, at_least=False):
    if got is None:
        return ValueError(f"too many values to unpack (expected {expected})")
    return ValueError(f"not enough values to unpack (expected {'at least ' if at_least else ''}"
                      f"{expected}, got {got})")


def _iterate(value):
    if not (hasattr(value, "__iter__") or hasattr(value, "__getitem__")):
        raise TypeError(f"cannot unpack non-iterable {type(value).__name__} object")
    return iter(value)


@handles(Op.UNPACK_SEQUENCE)
def UNPACK_SEQUENCE(f, n):
    s = f.stack
    value = s.pop()
    if (value.__class__ is tuple or value.__class__ is list) and len(value) == n:
        s.extend(value[::-1])
        return
    items = list(itertools.islice(_iterate(value), n + 1))
    if len(items) != n:
        raise _unpack_error(value, n, len(items) if len(items) < n else None)
    items.reverse()
    s.extend(items)


@handles(Op.UNPACK_EX)
def UNPACK_EX(f, arg):
    before, after = arg & 0xFF, arg >> 8
    s = f.stack
    items = list(_iterate(s.pop()))
    if len(items) < before + after:
        raise _unpack_error(None, before + after, len(items), at_least=True)
    middle = items[before:len(items) - after]
    parts = items[:before] + [middle] + items[len(items) - after:]
    parts.reverse()
    s.extend(parts)


# -- jumps and loops -------------------------------------------------------------------------------


@handles(Op.JUMP_FORWARD)
def JUMP_FORWARD(f, target):
    return target


@handles(Op.JUMP_BACKWARD)
def JUMP_BACKWARD(f, target):
    f.profile.count += 1
    return target


def JUMP_BACKWARD_OSR(f, arg):
    """JUMP_BACKWARD when the JIT is on: a hot loop may continue in native code."""
    target, index = arg
    profile = f.profile
    profile.count += 1
    jit = f.vm.jit
    if profile.count >= jit.threshold:
        outcome = jit.osr(f, target, index)
        if outcome is not None:
            kind, value = outcome
            if kind == "return":
                f.stack.append(value)
                return Signal.RETURN
            return value
    return target


@handles(Op.POP_JUMP_IF_FALSE)
def POP_JUMP_IF_FALSE(f, target):
    if not f.stack.pop():
        return target
    return None


@handles(Op.POP_JUMP_IF_TRUE)
def POP_JUMP_IF_TRUE(f, target):
    if f.stack.pop():
        return target
    return None


@handles(Op.JUMP_IF_FALSE_OR_POP)
def JUMP_IF_FALSE_OR_POP(f, target):
    s = f.stack
    if not s[-1]:
        return target
    s.pop()
    return None


@handles(Op.JUMP_IF_TRUE_OR_POP)
def JUMP_IF_TRUE_OR_POP(f, target):
    s = f.stack
    if s[-1]:
        return target
    s.pop()
    return None


@handles(Op.GET_ITER)
def GET_ITER(f, arg):
    s = f.stack
    s[-1] = iter(s[-1])


@handles(Op.FOR_ITER)
def FOR_ITER(f, target):
    s = f.stack
    value = next(s[-1], MISSING)  # MISSING: the iterator is exhausted
    if value is MISSING:
        s.pop()
        return target
    s.append(value)
    return None


# -- functions and calls ---------------------------------------------------------------------------


@handles(Op.MAKE_FUNCTION)
def MAKE_FUNCTION(f, flags):
    s = f.stack
    code = s.pop()
    closure = s.pop() if flags & MF_CLOSURE else ()
    annotations = s.pop() if flags & MF_ANNOTATIONS else None
    kwdefaults = s.pop() if flags & MF_KWDEFAULTS else None
    defaults = s.pop() if flags & MF_DEFAULTS else ()
    s.append(Function(f.vm, code, f.globals, defaults, kwdefaults, closure, annotations))


def _call(f, func, args: list, kwargs):
    cls = func.__class__
    if cls is Function:
        return f.vm.call_function(func, args, kwargs, f.ts)
    if cls is _MethodType and func.__func__.__class__ is Function:
        args.insert(0, func.__self__)
        return f.vm.call_function(func.__func__, args, kwargs, f.ts)
    if cls is _BuiltinType and func in FRAME_BUILTINS:
        return FRAME_BUILTINS[func](f, *args, **(kwargs or {}))
    if kwargs:
        return func(*args, **kwargs)
    return func(*args)


@handles(Op.CALL_FUNCTION)
def CALL_FUNCTION(f, argc):
    s = f.stack
    if argc:
        args = s[-argc:]
        del s[-argc:]
    else:
        args = []
    func = s[-1]
    cls = func.__class__
    if cls is Function:
        s[-1] = f.vm.call_function(func, args, None, f.ts)
    elif cls is _MethodType and func.__func__.__class__ is Function:
        args.insert(0, func.__self__)
        s[-1] = f.vm.call_function(func.__func__, args, None, f.ts)
    elif cls is _BuiltinType and func in FRAME_BUILTINS:
        s[-1] = FRAME_BUILTINS[func](f, *args)
    else:
        s[-1] = func(*args)


@handles(Op.CALL_FUNCTION_KW)
def CALL_FUNCTION_KW(f, argc):
    s = f.stack
    names = s.pop()
    args = _popn(s, argc)
    npos = argc - len(names)
    kwargs = dict(zip(names, args[npos:]))
    s[-1] = _call(f, s[-1], args[:npos], kwargs)


@handles(Op.CALL_FUNCTION_EX)
def CALL_FUNCTION_EX(f, flags):
    s = f.stack
    kwargs = s.pop() if flags & CF_KWARGS else None
    args = s.pop()
    if args.__class__ is not tuple:  # f(*iterable) passes the iterable itself
        if not (hasattr(args, "__iter__") or hasattr(args, "__getitem__")):
            raise TypeError(f"{_func_str(s[-1])} argument after * must be an iterable, "
                            f"not {type(args).__name__}")
    s[-1] = _call(f, s[-1], list(args), kwargs)


@handles(Op.RETURN_VALUE)
def RETURN_VALUE(f, arg):
    return Signal.RETURN


@handles(Op.LOAD_BUILD_CLASS)
def LOAD_BUILD_CLASS(f, arg):
    f.stack.append(f.vm.build_class)


# -- generators ------------------------------------------------------------------------------------


@handles(Op.YIELD_VALUE)
def YIELD_VALUE(f, arg):
    return Signal.YIELD


@handles(Op.GET_YIELD_FROM_ITER)
def GET_YIELD_FROM_ITER(f, arg):
    s = f.stack
    if not isinstance(s[-1], (Generator, types.GeneratorType)):
        s[-1] = iter(s[-1])


@handles(Op.YIELD_FROM)
def YIELD_FROM(f, arg):
    s = f.stack
    sent = s.pop()
    inner = s[-1]
    done = False
    try:
        value = next(inner) if sent is None else inner.send(sent)
    except StopIteration as stop:
        done, value = True, stop.value
    if done:
        s[-1] = value
        return None
    s.append(value)
    return Signal.YIELD_FROM


# -- coroutines ------------------------------------------------------------------------------------


@handles(Op.GET_AWAITABLE)
def GET_AWAITABLE(f, arg):
    s = f.stack
    obj = s[-1]
    await_ = getattr(type(obj), "__await__", None)
    if await_ is None:
        raise TypeError(f"object {type(obj).__name__} can't be used in 'await' expression")
    iterator = await_(obj)
    if not hasattr(iterator, "__next__"):
        raise TypeError(f"__await__() returned non-iterator of type "
                        f"'{type(iterator).__name__}'")
    s[-1] = iterator


@handles(Op.GET_AITER)
def GET_AITER(f, arg):
    s = f.stack
    obj = s[-1]
    aiter = getattr(type(obj), "__aiter__", None)
    if aiter is None:
        raise TypeError(f"'async for' requires an object with __aiter__ method, got "
                        f"{type(obj).__name__}")
    s[-1] = aiter(obj)


@handles(Op.GET_ANEXT)
def GET_ANEXT(f, arg):
    s = f.stack
    aiter = s[-1]
    anext = getattr(type(aiter), "__anext__", None)
    if anext is None:
        raise TypeError(f"'async for' requires an iterator with __anext__ method, got "
                        f"{type(aiter).__name__}")
    s.append(anext(aiter))


@handles(Op.END_ASYNC_FOR)
def END_ASYNC_FOR(f, arg):
    s = f.stack
    exc = s.pop()
    if not isinstance(exc, StopAsyncIteration):
        raise exc
    s.pop()  # the async iterator


@handles(Op.BEFORE_ASYNC_WITH)
def BEFORE_ASYNC_WITH(f, arg):
    s = f.stack
    manager = s.pop()
    cls = type(manager)
    enter = getattr(cls, "__aenter__", None)
    exit_ = getattr(cls, "__aexit__", None)
    if enter is None or exit_ is None:
        raise TypeError(f"'{cls.__name__}' object does not support the asynchronous context "
                        "manager protocol")
    s.append(_bind(exit_, manager, cls))
    s.append(_bind(enter, manager, cls)())


# -- exceptions and with ---------------------------------------------------------------------------


def _exception_instance(value, what="exceptions must derive from BaseException"):
    if isinstance(value, type) and issubclass(value, BaseException):
        value = value()
        if not isinstance(value, BaseException):
            raise TypeError(f"calling {value!r} should have returned an instance of "
                            "BaseException")
        return value
    if isinstance(value, BaseException):
        return value
    raise TypeError(what)


@handles(Op.RAISE_VARARGS)
def RAISE_VARARGS(f, n):
    s = f.stack
    if n == 0:
        exc = f.ts.exc_info
        if exc is None:
            raise RuntimeError("No active exception to reraise")
        raise exc
    cause = s.pop() if n == 2 else MISSING
    exc = _exception_instance(s.pop())
    if cause is not MISSING:
        exc.__cause__ = None if cause is None else _exception_instance(
            cause, "exception causes must derive from BaseException")
    raise exc


@handles(Op.LOAD_ASSERTION_ERROR)
def LOAD_ASSERTION_ERROR(f, arg):
    f.stack.append(AssertionError)


@handles(Op.PUSH_EXC_INFO)
def PUSH_EXC_INFO(f, arg):
    s = f.stack
    exc = s.pop()
    ts = f.ts
    s.append(ts.exc_info)
    s.append(exc)
    ts.exc_info = exc


@handles(Op.POP_EXCEPT)
def POP_EXCEPT(f, arg):
    f.ts.exc_info = f.stack.pop()


def _check_except_type(typ):
    types_ = typ if isinstance(typ, tuple) else (typ,)
    for t in types_:
        if not (isinstance(t, type) and issubclass(t, BaseException)):
            raise TypeError("catching classes that do not inherit from BaseException is not "
                            "allowed")


@handles(Op.CHECK_EXC_MATCH)
def CHECK_EXC_MATCH(f, arg):
    s = f.stack
    typ = s.pop()
    _check_except_type(typ)
    s.append(isinstance(s[-1], typ))


@handles(Op.RERAISE)
def RERAISE(f, arg):
    raise f.stack.pop()


@handles(Op.BEFORE_WITH)
def BEFORE_WITH(f, arg):
    s = f.stack
    manager = s.pop()
    cls = type(manager)
    enter = getattr(cls, "__enter__", None)
    exit_ = getattr(cls, "__exit__", None)
    if enter is None or exit_ is None:
        raise TypeError(f"'{cls.__name__}' object does not support the context manager "
                        "protocol")
    s.append(_bind(exit_, manager, cls))
    s.append(_bind(enter, manager, cls)())


def _bind(attr, obj, cls):
    get = getattr(type(attr), "__get__", None)
    return attr if get is None else get(attr, obj, cls)


@handles(Op.WITH_EXCEPT_START)
def WITH_EXCEPT_START(f, arg):
    s = f.stack
    exc = s[-1]
    s.append(s[-3](type(exc), exc, exc.__traceback__))


@handles(Op.SETUP_ANNOTATIONS)
def SETUP_ANNOTATIONS(f, arg):
    if _mapping_get(f.locals, "__annotations__") is MISSING:
        f.locals["__annotations__"] = {}


# -- imports ---------------------------------------------------------------------------------------


@handles(Op.IMPORT_NAME)
def IMPORT_NAME(f, name):
    s = f.stack
    fromlist = s.pop()
    level = s.pop()
    import_ = f.builtins.get("__import__", MISSING)
    if import_ is MISSING:
        raise ImportError("__import__ not found")
    s.append(import_(name, f.globals, f.locals, fromlist, level))


@handles(Op.IMPORT_FROM)
def IMPORT_FROM(f, name):
    s = f.stack
    module = s[-1]
    value = getattr(module, name, MISSING)
    if value is MISSING:
        module_name = getattr(module, "__name__", None)
        value = sys.modules.get(f"{module_name}.{name}", MISSING)
        if value is MISSING:
            location = getattr(module, "__file__", None) or "unknown location"
            raise ImportError(f"cannot import name '{name}' from '{module_name}' ({location})",
                              name=module_name, path=getattr(module, "__file__", None))
    s.append(value)


@handles(Op.IMPORT_STAR)
def IMPORT_STAR(f, arg):
    module = f.stack.pop()
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n in vars(module) if not n.startswith("_")]
    for name in names:
        f.locals[name] = getattr(module, name)


# -- pattern matching ------------------------------------------------------------------------------


@handles(Op.MATCH_PATTERN)
def MATCH_PATTERN(f, pattern):
    s = f.stack
    values = s.pop()
    s[-1] = match(s[-1], pattern, values)


# -- linking ---------------------------------------------------------------------------------------


def link(code: CodeObject, osr: bool = False) -> list:
    """Direct-threaded form of `code`: (handler, resolved argument) per instruction.  With
    `osr`, loop back-edges also try on-stack replacement into compiled code."""
    out = []
    for index, (op, arg) in enumerate(code.instructions):
        kind = OPCODES[op].arg
        if op == Op.JUMP_BACKWARD and osr:
            out.append((JUMP_BACKWARD_OSR, (arg, index)))
        elif op == Op.COMPARE_OP:
            out.append((COMPARE_HANDLERS[arg], arg))
        elif kind is Arg.CONST:
            out.append((HANDLERS[op], code.consts[arg]))
        elif kind is Arg.NAME:
            out.append((HANDLERS[op], code.names[arg]))
        else:
            out.append((HANDLERS[op], arg))
    from .superinstructions import fuse
    fuse(code, out)
    return out


_OPERAND_OPS = frozenset(op for op in Op if op.name.startswith(("BINARY_", "INPLACE_"))
                         and op != Op.BINARY_SUBSCR) | {Op.COMPARE_OP}


def link_profiling(code: CodeObject, profile, threaded: list) -> list:
    """The threaded code with type recorders in front of operators, comparisons and loop
    back-edges; a frame uses it while its code object is warming up."""
    out = list(threaded)
    for index, (op, arg) in enumerate(code.instructions):
        if op in _OPERAND_OPS:
            out[index] = _record_operands(out[index][0], profile.operand_types.setdefault(
                index, set()))
            out[index] = (out[index], threaded[index][1])
        elif op == Op.JUMP_BACKWARD:
            out[index] = (_record_locals(out[index][0], profile.loop_types.setdefault(
                arg, set())), threaded[index][1])
    return out


def _record_operands(handler, seen: set):
    def record_operand_types(f, arg):
        s = f.stack
        seen.add((s[-2].__class__, s[-1].__class__))
        return handler(f, arg)
    return record_operand_types


def _record_locals(handler, seen: set):
    def record_local_types(f, arg):
        seen.add(tuple(value.__class__ for value in f.fast))
        return handler(f, arg)
    return record_local_types
