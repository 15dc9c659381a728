"""Runtime objects that jitvm owns: functions, generators and class creation.

Everything else a program touches (ints, strings, lists, modules, classes once built) is a host
Python object.  A jitvm `Function` is an ordinary host callable, so host code can call it
(`sorted(key=f)`, `map(f, …)`, dunder methods invoked by host operators) and it binds as a
method like a Python function.  Cells are the host's own cell objects (`types.CellType`), which
is what lets `type.__new__` fill the `__class__` cell for zero-argument `super()`.
"""

from __future__ import annotations

import collections.abc
import sys
import types
import weakref
from threading import get_ident
from typing import TYPE_CHECKING, Any

from .code import CodeFlags, CodeObject

if TYPE_CHECKING:
    from .interpreter import VM


class Function:
    """A function compiled by jitvm: a code object plus globals, defaults and closure.

    Its state lives in slots, not in `__dict__`, because `functools.wraps` copies one
    function's `__dict__` into another's; `__dict__` holds only what user code sets."""

    __slots__ = ("_vm", "_code", "_profile", "__globals__", "__name__", "__qualname__",
                 "__defaults__", "__kwdefaults__", "__closure__", "__annotations__",
                 "__dict__", "__weakref__")

    def __init__(self, vm: VM, code: CodeObject, globals: dict, defaults: tuple = (),
                 kwdefaults: dict | None = None, closure: tuple = (),
                 annotations: dict | None = None):
        self._vm = vm
        self._code = code
        self._profile = vm.profile_for(code)
        self.__globals__ = globals
        self.__name__ = code.name
        self.__qualname__ = code.qualname
        self.__doc__ = code.docstring
        self.__module__ = globals.get("__name__")
        self.__defaults__ = defaults or None
        self.__kwdefaults__ = kwdefaults
        self.__closure__ = closure or None
        self.__annotations__ = annotations if annotations is not None else {}

    def __call__(self, *args, **kwargs):
        # (no keywords: None, which lets a hot function's call go native)
        return self._vm.call_function(self, list(args), kwargs or None)

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return types.MethodType(self, obj)

    def __repr__(self) -> str:
        return f"<function {self.__qualname__} at {id(self):#x}>"

    @property
    def __code__(self) -> types.CodeType:
        """A host code object with this function's parameters, flags, names and place: what
        inspect.signature, inspect.isgeneratorfunction and `co_argcount` readers look at.
        It is only a description: its bytecode does nothing."""
        return host_code(self._code)

    def __reduce__(self):
        # Like CPython's functions: pickled (and deep-copied) by reference, as
        # module.qualname; pickle checks the name finds this very object.
        return self.__qualname__

    @property
    def __jitvm_code__(self) -> CodeObject:
        return self._code


def _stub():
    pass


_CPYTHON_FLAGS = ((CodeFlags.VARARGS, 0x04), (CodeFlags.VARKEYWORDS, 0x08),
                  (CodeFlags.GENERATOR, 0x20), (CodeFlags.COROUTINE, 0x80),
                  (CodeFlags.ASYNC_GENERATOR, 0x200))


def host_code(code: CodeObject) -> types.CodeType:
    """The host code object describing `code` (made once per code object)."""
    described = code.__dict__.get("_host_code")
    if described is None:
        # CPython's co_varnames leave out cells that are not parameters; its flag values
        # differ from jitvm's for coroutines.
        nargs = code.total_args
        varnames = tuple(name for i, name in enumerate(code.varnames)
                         if i < nargs or name not in code.cellvars)
        flags = 0x03 | (0x10 if "<locals>" in code.qualname else 0)  # OPTIMIZED|NEWLOCALS, NESTED
        for ours, cpython in _CPYTHON_FLAGS:
            if code.flags & ours:
                flags |= cpython
        described = _stub.__code__.replace(
            co_name=code.name, co_qualname=code.qualname, co_filename=code.filename,
            co_firstlineno=code.firstlineno, co_flags=flags,
            co_argcount=code.argcount, co_posonlyargcount=code.posonlyargcount,
            co_kwonlyargcount=code.kwonlyargcount, co_nlocals=len(varnames),
            co_varnames=varnames, co_cellvars=code.cellvars, co_freevars=code.freevars)
        object.__setattr__(code, "_host_code", described)  # a cache, not part of its value
    return described


# `type(f).__name__` is "function" in CPython; programs print it.
Function.__name__ = Function.__qualname__ = "function"
Function.__module__ = "builtins"


class _Suspendable:
    """A jitvm frame that runs a step at a time (send/throw/close): the machinery shared by
    generators and coroutines."""

    def __init__(self, vm: VM, frame, func: Function):
        self._vm = vm
        self._frame = frame  # None once finished
        self._started = False
        self._running = False
        self._exc_state = None  # the exception being handled inside, while suspended
        self.__name__ = func.__name__
        self.__qualname__ = func.__qualname__

    @property
    def gi_running(self) -> bool:
        return self._running

    @property
    def gi_suspended(self) -> bool:
        """Paused at a yield (what inspect.getgeneratorstate asks)."""
        return self._started and self._frame is not None and not self._running

    @property
    def gi_frame(self):
        return self._frame

    @property
    def gi_yieldfrom(self):
        """The iterator a suspended `yield from` delegates to, if any."""
        frame = self._frame
        if frame is None or not self._started or not frame.at_yield_from():
            return None
        return frame.stack[-1]

    def send(self, value):
        if self._frame is None:
            raise StopIteration
        if not self._started:
            if value is not None:
                raise TypeError("can't send non-None value to a just-started generator")
        else:
            self._frame.stack.append(value)
        return self._resume(None)

    def throw(self, typ, val=None, tb=None):
        if isinstance(typ, BaseException):
            exc = typ
        elif isinstance(typ, type) and issubclass(typ, BaseException):
            exc = typ() if val is None else (val if isinstance(val, typ) else typ(val))
        else:
            raise TypeError("exceptions must be classes or instances deriving from "
                            "BaseException, not " + type(typ).__name__)
        if self._frame is None:
            raise exc
        inner = self.gi_yieldfrom
        if inner is not None:
            # Delegate to the iterator of a suspended `yield from` first, as CPython does.
            try:
                if isinstance(exc, GeneratorExit):
                    close = getattr(inner, "close", None)
                    if close is not None:
                        close()
                else:
                    throw = getattr(inner, "throw", None)
                    if throw is not None:
                        value = throw(exc)
                        return value
            except StopIteration as stop:
                self._frame.stack[-1] = stop.value  # the yield from expression's value
                self._frame.pc += 1
                return self._resume(None)
            except BaseException as raised:
                exc = raised
        return self._resume(exc)

    def close(self):
        if self._frame is None:
            return
        if not self._started:
            self._frame = None
            return
        try:
            self.throw(GeneratorExit)
        except (GeneratorExit, StopIteration) as done:
            # Its traceback's host frames hold the exception in their locals (a cycle) and,
            # through f_back, whatever called close: when that is a finalizer run by the
            # garbage collector, the generator running then would stay alive until the next
            # collection (its `finally` late).  Dropping the traceback breaks the cycle.
            done.__traceback__ = None
            return
        raise RuntimeError("generator ignored GeneratorExit")

    def __del__(self):
        if self._frame is not None and self._started:
            self.close()

    def _resume(self, exc: BaseException | None):
        if self._running:
            raise ValueError("generator already executing")
        frame = self._frame
        vm = self._vm
        self._started = True
        self._running = True
        ts = vm._thread_states.get(get_ident())  # runs in the thread that resumes it
        if ts is None:
            ts = vm.thread_state()
        frame.ts = ts
        frame.generator = self  # (what the JIT's OSR turns native: jit/generators.py)
        outer_exc = ts.exc_info
        ts.exc_info = self._exc_state
        ts.depth += 1  # (vm._enter, inlined: this is on the path of every item)
        try:
            if ts.depth > vm.recursion_limit:
                raise RecursionError("maximum recursion depth exceeded")
            value = vm.run_frame(frame, exc)
        except StopIteration as stop:
            self._frame = None
            raise RuntimeError("generator raised StopIteration") from stop
        except BaseException:
            self._frame = None
            raise
        finally:
            frame.generator = None
            ts.depth -= 1
            self._exc_state = ts.exc_info
            ts.exc_info = outer_exc
            self._running = False
        if frame.finished:
            self._frame = None
            if value is None:
                raise StopIteration
            raise StopIteration(value)
        return value



class Generator(_Suspendable):
    """What calling a generator function returns: a host iterator and generator."""

    __slots__ = ("_block",)  # (a NativeGenerator's state block: jit/generators.py)

    def __iter__(self):
        return self

    def __next__(self):  # (send(None), inlined: this is on the path of every item)
        frame = self._frame
        if frame is None:
            raise StopIteration
        if self._started:
            frame.stack.append(None)
        return self._resume(None)

    def __repr__(self) -> str:
        return f"<generator object {self.__qualname__} at {id(self):#x}>"


collections.abc.Generator.register(Generator)


class Coroutine(_Suspendable):
    """The object an `async def` call returns: a generator frame driven by `await`.

    The event loop drives it with send/throw; what it sees is what the innermost awaitable
    yields (a Future, for asyncio), passed up through each `await` (a YIELD_FROM)."""

    def __await__(self):
        return _CoroutineWrapper(self)

    @property
    def cr_running(self) -> bool:
        return self._running

    @property
    def cr_suspended(self) -> bool:
        return self.gi_suspended

    @property
    def cr_frame(self):
        return self._frame

    @property
    def cr_await(self):
        return self.gi_yieldfrom

    def __repr__(self) -> str:
        return f"<coroutine object {self.__qualname__} at {id(self):#x}>"


class _CoroutineWrapper:
    """What `coroutine.__await__()` returns: an iterator over the coroutine's steps."""

    def __init__(self, coro: Coroutine):
        self._coro = coro

    def __iter__(self):
        return self

    def __next__(self):
        return self._coro.send(None)

    def send(self, value):
        return self._coro.send(value)

    def throw(self, typ, val=None, tb=None):
        return self._coro.throw(typ, val, tb)

    def close(self):
        return self._coro.close()


class AsyncGenerator:
    """The object an `async def` with `yield` returns.

    Its frame suspends two ways: at a `yield` (a value for `async for`) or inside an `await`
    (a YIELD_FROM passing a Future to the event loop).  `__anext__`, `asend`, `athrow` and
    `aclose` return awaitables (`_AsyncGenStep`) that tell the two apart: an `await`
    suspension is passed up to the event loop, a `yield` completes the awaitable."""

    def __init__(self, vm: VM, frame, func: Function):
        self._gen = Generator(vm, frame, func)
        self._hooks_called = False
        self._finalizer = None
        self.__name__ = func.__name__
        self.__qualname__ = func.__qualname__

    def __aiter__(self):
        return self

    def _first_iteration(self):
        if not self._hooks_called:
            self._hooks_called = True
            firstiter, self._finalizer = sys.get_asyncgen_hooks()
            if firstiter is not None:
                firstiter(self)

    def __anext__(self):
        self._first_iteration()
        return _AsyncGenStep(self, None, None)

    def asend(self, value):
        self._first_iteration()
        return _AsyncGenStep(self, value, None)

    def athrow(self, typ, val=None, tb=None):
        self._first_iteration()
        if isinstance(typ, BaseException):
            exc = typ
        else:
            exc = typ() if val is None else (val if isinstance(val, typ) else typ(val))
        return _AsyncGenStep(self, None, exc)

    def aclose(self):
        self._first_iteration()
        return _AsyncGenStep(self, None, GeneratorExit(), closing=True)

    @property
    def ag_running(self) -> bool:
        return self._gen._running

    @property
    def ag_frame(self):
        return self._gen._frame

    def __del__(self):
        gen = self._gen
        if gen._frame is not None and gen._started and self._finalizer is not None:
            self._finalizer(self)

    def __repr__(self) -> str:
        return f"<async_generator object {self.__qualname__} at {id(self):#x}>"


class _AsyncGenStep:
    """One awaited step of an async generator (`__anext__()`, `asend(v)`, `athrow(e)`,
    `aclose()`)."""

    def __init__(self, agen: AsyncGenerator, value, exc: BaseException | None,
                 closing: bool = False):
        self._agen = agen
        self._value = value
        self._exc = exc
        self._closing = closing
        self._state = 0  # 0: not started, 1: running, 2: done

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def send(self, value):
        if self._state == 2:
            raise RuntimeError("cannot reuse already awaited __anext__()/asend()")
        gen = self._agen._gen
        if self._state == 0:
            self._state = 1
            if self._exc is not None:
                return self._outcome(lambda: gen.throw(self._exc))
            value = self._value
        return self._outcome(lambda: gen.send(value))

    def throw(self, typ, val=None, tb=None):
        if self._state == 2:
            raise RuntimeError("cannot reuse already awaited __anext__()/asend()")
        self._state = 1
        gen = self._agen._gen
        return self._outcome(lambda: gen.throw(typ, val, tb))

    def close(self):
        self._state = 2

    def _outcome(self, step):
        gen = self._agen._gen
        try:
            value = step()
        except StopIteration:
            self._state = 2
            if self._closing:
                raise StopIteration from None
            raise StopAsyncIteration from None
        except StopAsyncIteration:
            self._state = 2
            if self._closing:
                raise StopIteration from None
            raise RuntimeError("async generator raised StopAsyncIteration") from None
        except GeneratorExit:
            self._state = 2
            if self._closing:
                raise StopIteration from None
            raise
        except BaseException:
            self._state = 2
            raise
        frame = gen._frame
        if frame is not None and frame.at_yield_from():
            return value  # inside an `await`: the event loop gets what it awaits
        self._state = 2  # a `yield`: this step's result
        if self._closing:
            raise RuntimeError("async generator ignored GeneratorExit")
        raise StopIteration(value)


collections.abc.Coroutine.register(Coroutine)
collections.abc.AsyncGenerator.register(AsyncGenerator)
for _cls, _name in ((Generator, "generator"), (Coroutine, "coroutine"),
                    (AsyncGenerator, "async_generator")):
    _cls.__name__ = _cls.__qualname__ = _name
    _cls.__module__ = "builtins"
del _cls, _name

# What calling a suspendable code object returns, by its flags (CodeObject.generator).
SUSPENDABLE = {int(CodeFlags.GENERATOR): Generator, int(CodeFlags.COROUTINE): Coroutine,
               int(CodeFlags.ASYNC_GENERATOR): AsyncGenerator}


_IMPLICIT_METHODS = {"__new__": staticmethod, "__init_subclass__": classmethod,
                     "__class_getitem__": classmethod}


def _namespace_get(namespace, key):
    try:
        return namespace[key]
    except KeyError:
        return None


# Classes the program made with a `__del__`: at exit their instances left in `__main__` are
# finalized in CPython's order (runner.finalize_main).
CLASSES_WITH_DEL: weakref.WeakSet = weakref.WeakSet()


def build_class(vm: VM, func: Function, name: str, /, *bases: Any, **kwds: Any):
    """jitvm's `__build_class__`: run the class body in a fresh namespace, then call the
    metaclass, as CPython's builtin does (including `__mro_entries__` and `__prepare__`)."""
    if not isinstance(func, Function):
        raise TypeError("__build_class__: func must be a function")
    if not isinstance(name, str):
        raise TypeError("__build_class__: name is not a string")
    resolved = types.resolve_bases(bases)
    meta, namespace, kwds = types.prepare_class(name, resolved, kwds)
    cell = vm.run_class_body(func, namespace)
    # type.__new__ makes these implicit static/class methods only for host functions.
    for special, wrap in _IMPLICIT_METHODS.items():
        value = _namespace_get(namespace, special)
        if isinstance(value, Function):
            namespace[special] = wrap(value)
    if resolved is not bases:
        namespace["__orig_bases__"] = bases
    cls = meta(name, resolved, namespace, **kwds)
    if isinstance(cls, type) and "__del__" in namespace:
        CLASSES_WITH_DEL.add(cls)
    if isinstance(cell, types.CellType) and isinstance(cls, type):
        try:
            contents = cell.cell_contents
        except ValueError:
            contents = None
        if contents is not cls:
            raise RuntimeError(f"__class__ not set defining {name!r} as {cls!r}. "
                               "Was __classcell__ propagated to type.__new__?")
    return cls
