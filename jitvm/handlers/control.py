"""Handlers for control flow: jumps and loops, calls, generators and coroutines,
exceptions and with, imports, pattern matching."""

from __future__ import annotations

import sys
import types

from ..frame_builtins import FRAME_BUILTINS
from ..match_runtime import match
from ..interpreter import NOT_HANDLED, Signal
from ..objects import Function, Generator
from ..opcodes import CF_KWARGS, MF_ANNOTATIONS, MF_CLOSURE, MF_DEFAULTS, MF_KWDEFAULTS, Op

from .registry import MISSING, _BuiltinType, _MethodType, _popn, handles
from .operators import _func_str
from .values import _mapping_get


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
    target, index, weight = arg
    profile = f.profile
    profile.count += weight  # 1, more for a long loop body (handlers.back_edge_weight)
    jit = f.vm.jit
    if profile.count >= jit.threshold:
        outcome = jit.osr(f, target, index)
        if outcome is not None:
            kind, value = outcome
            if kind == "return":
                f.stack.append(value)
                return Signal.RETURN
            if kind == "yield":  # a generator's body went native at its `yield` (jit/generators)
                f.stack.append(value)
                return Signal.YIELD
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
    cls = type(func)
    if cls is Function:
        return f.vm.call_function(func, args, kwargs, f.ts)
    if cls is _MethodType and type(func.__func__) is Function:
        args.insert(0, func.__self__)
        return f.vm.call_function(func.__func__, args, kwargs, f.ts)
    if cls is _BuiltinType and func in FRAME_BUILTINS:
        return FRAME_BUILTINS[func](f, *args, **(kwargs or {}))
    if kwargs:
        if func is sorted and f.vm.jit is not None:  # sorted(..., key=f): JIT.sorted_by_keys
            result = f.vm.jit.sorted_by_keys(args, kwargs)
            if result is not NOT_HANDLED:
                return result
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
    cls = type(func)
    if cls is Function:
        s[-1] = f.vm.call_function(func, args, None, f.ts)
    elif cls is _MethodType and type(func.__func__) is Function:
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
    if type(args) is not tuple:  # f(*iterable) passes the iterable itself
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
    _enter_context(f.stack, "__aenter__", "__aexit__", "asynchronous context manager")


def _enter_context(s: list, enter_name: str, exit_name: str, protocol: str):
    """Replace the manager on TOS by its bound exit method and what its enter method
    returned, looking both up on the type as CPython does."""
    manager = s.pop()
    cls = type(manager)
    enter = getattr(cls, enter_name, None)
    exit_ = getattr(cls, exit_name, None)
    if enter is None or exit_ is None:
        raise TypeError(f"'{cls.__name__}' object does not support the {protocol} protocol")
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
    _enter_context(f.stack, "__enter__", "__exit__", "context manager")


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
