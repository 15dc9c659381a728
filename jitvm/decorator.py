"""`@jitvm.jit`: a function of an ordinary Python module, run on jitvm (the JIT included).

In: a host Python function.  Out: a jitvm `Function` made from the same source, with the host
function's globals (the module's own namespace, read live), defaults and attributes, plus
inspection methods (`inspect_ir`, `inspect_llvm`, `inspect_asm`, `inspect_bytecode`, `stats`).

Because the result *is* a jitvm function, the interpreter and the JIT treat it like any
function of a jitvm program: decorated functions calling each other through the module's
globals become direct native calls once hot.  Host code calls it through `Function.__call__`,
which goes to the function's `_vm`; a decorated function's `_vm` is a `_HostEntry`, the VM as
host callers see it, which counts calls, passes keyword arguments and defaults positionally
(so that such calls can run natively too) and gives exceptions the traceback of the user's
source lines.

One VM and JIT are shared by every function decorated with the same settings.  What cannot
run this way is refused at decoration time with a TypeError that says why: closures, generator
and async functions, functions whose source is not available, functions wrapped by another
decorator first.
"""

from __future__ import annotations

import ast
import inspect
import sys
import textwrap
import threading
import types
from typing import (Callable, Generic, Literal, ParamSpec, TypedDict, TypeVar, Union,
                    overload)

from .api import DEFAULT_JIT_THRESHOLD, _new_vm, _program_traceback
from .code import CodeObject
from .compiler import compile_source
from .interpreter import VM
from .objects import Function

__all__ = ["FunctionStats", "JittedFunction", "SpecializationStats", "TypesSpec", "jit"]

P = ParamSpec("P")
R = TypeVar("R")

# Argument types for inspection: (int, float), ("int", "float") or "int,float".
TypesSpec = Union[str, tuple[Union[type, str], ...], list[Union[type, str]]]
Log = Union[bool, Callable[[str], None]]


class SpecializationStats(TypedDict):
    """One specialisation the JIT made (or tried) for a decorated function."""

    types: tuple[str, ...]  # argument types, e.g. ("int", "float"); loop-entry locals for OSR
    kind: Literal["call", "osr"]  # a whole call, or an entry at a hot loop (on-stack replacement)
    line: int | None  # for "osr": the line of the loop header
    compiled: bool
    returns: str | None  # the native return type
    deopts: int  # times native code gave the frame back to the interpreter
    blacklisted: bool  # deoptimized too often: the function stays interpreted for these types
    reason: str | None  # why it was not compiled


class FunctionStats(TypedDict):
    """What `f.stats()` returns."""

    name: str
    threshold: int | None  # the JIT threshold (None: the JIT is off)
    calls: int  # calls from Python code (not counting calls from jitvm code)
    native_calls: int  # ... of which started in native code
    interpreted_calls: int
    executions: int  # calls plus loop iterations the interpreter counted (hotness)
    compile_ms: float  # time spent compiling this function's machine code
    deopts: int
    specializations: list[SpecializationStats]


class JittedFunction(Generic[P, R]):
    """The type of what `@jitvm.jit` returns: the function, callable as before, plus
    inspection.  (At run time it is a jitvm function; this class is for type checkers.)"""

    __name__: str
    __qualname__: str
    __wrapped__: Callable[P, R]

    def __call__(self, *args: P.args, **kwargs: P.kwargs) -> R: ...

    def inspect_bytecode(self) -> str:
        """The jitvm bytecode of the function."""
        ...

    def inspect_ir(self, types: TypesSpec | None = None) -> str:
        """The JIT IR of the function specialised for `types`."""
        ...

    def inspect_llvm(self, types: TypesSpec | None = None, optimized: bool = True) -> str:
        """The LLVM IR of the function specialised for `types`."""
        ...

    def inspect_asm(self, types: TypesSpec | None = None) -> str:
        """The machine code of the function specialised for `types`."""
        ...

    def stats(self) -> FunctionStats:
        """Calls, specialisations, compile time and deopts so far."""
        ...


# -- the decorator -----------------------------------------------------------------------------


@overload
def jit(func: Callable[P, R], /) -> JittedFunction[P, R]: ...


@overload
def jit(*, threshold: int = DEFAULT_JIT_THRESHOLD, opt_level: int = 2, log: Log = False
        ) -> Callable[[Callable[P, R]], JittedFunction[P, R]]: ...


def jit(func=None, /, *, threshold: int = DEFAULT_JIT_THRESHOLD, opt_level: int = 2,
        log: Log = False):
    """Run a function on jitvm, compiling it to machine code once it is hot.

    Use as `@jitvm.jit` or `@jitvm.jit(threshold=N, opt_level=L, log=True)`.  The function is
    compiled by jitvm's compiler from its source and runs on jitvm's interpreter; once its
    calls plus loop iterations reach `threshold` (default 1000; 0 compiles at the first call)
    the JIT compiles it for the argument types it is called with (ints, floats, bools) at LLVM
    optimization level `opt_level`.  It reads the module's globals live, keeps its defaults,
    and raises the exceptions CPython would, with tracebacks of its own source lines.  `log`
    prints one line per JIT event to stderr (or passes it to a callable).

    Functions decorated with the same settings share one VM and JIT, so calls between them
    are native.  Raises TypeError for what jitvm cannot take over: closures (functions that
    read variables of an enclosing function), generators, async functions, functions whose
    source is not available (typed at a plain `python` prompt, made by `exec`) and functions
    already wrapped by another decorator (put `@jitvm.jit` closest to `def`)."""
    if func is not None and not callable(func):
        raise TypeError(f"jitvm.jit() takes a function or keyword options, not {func!r} "
                        f"(write @jitvm.jit(threshold={func!r}))")
    if not isinstance(threshold, int) or isinstance(threshold, bool) or threshold < 0:
        raise ValueError(f"threshold must be an int >= 0, not {threshold!r}")
    if opt_level not in (0, 1, 2, 3):
        raise ValueError(f"opt_level must be 0, 1, 2 or 3, not {opt_level!r}")

    def decorate(f):
        return _take_over(f, _runtime(threshold, opt_level, log))

    return decorate if func is None else decorate(func)


# -- shared VMs --------------------------------------------------------------------------------

_RUNTIMES: dict[tuple, VM] = {}
_RUNTIMES_LOCK = threading.Lock()


def _runtime(threshold: int | None, opt_level: int = 2, log: Log = False) -> VM:
    """The process's VM (and JIT) for these settings; `threshold` None: no JIT."""
    key = (threshold, opt_level, log)
    with _RUNTIMES_LOCK:
        vm = _RUNTIMES.get(key)
        if vm is None:
            if log is True:
                def log(line: str):
                    print(f"[jit] {line}", file=sys.stderr)
            vm = _RUNTIMES[key] = _new_vm(threshold, opt_level, log or None)
        return vm


def _vm_of(func: Function) -> VM:
    vm = func._vm
    return vm.vm if isinstance(vm, _HostEntry) else vm


# -- taking a host function over ----------------------------------------------------------------


def _take_over(f, vm: VM) -> Function:
    if isinstance(f, Function):
        return adopt(f)  # already a jitvm function (defined in a %%jitvm cell, say)
    name = getattr(f, "__qualname__", repr(f))
    if not isinstance(f, types.FunctionType):
        hint = (" (put @jitvm.jit below @staticmethod/@classmethod)"
                if isinstance(f, (staticmethod, classmethod)) else "")
        raise TypeError(f"jitvm.jit takes a function defined with def or lambda, not "
                        f"{type(f).__name__} {name}{hint}")
    _refuse_unsupported(f, name)
    code = _compile_function(f, name)
    func = Function(vm, code, f.__globals__, f.__defaults__ or (),
                    dict(f.__kwdefaults__) if f.__kwdefaults__ else None, (),
                    dict(f.__annotations__))
    func.__qualname__ = f.__qualname__
    func.__module__ = f.__module__
    func.__doc__ = f.__doc__
    func.__dict__.update(f.__dict__)
    func.__wrapped__ = f  # inspect.signature and help() follow it to the original
    return adopt(func)


def adopt(func: Function) -> Function:
    """Give a jitvm function what decorated functions have: calls from host code through a
    `_HostEntry`, and the inspection methods (those not set already)."""
    if not isinstance(func._vm, _HostEntry):
        func._vm = _HostEntry(func._vm, func)
    tools = _Tools(func)
    for method in ("inspect_bytecode", "inspect_ir", "inspect_llvm", "inspect_asm", "stats"):
        func.__dict__.setdefault(method, getattr(tools, method))
    return func


_FLAG_REASONS = ((inspect.CO_GENERATOR, "a generator function"),
                 (inspect.CO_COROUTINE, "an async function"),
                 (inspect.CO_ASYNC_GENERATOR, "an async generator function"))


def _refuse_unsupported(f: types.FunctionType, name: str):
    prefix = f"jitvm.jit cannot take over {name}: it is"
    for flag, what in _FLAG_REASONS:
        if f.__code__.co_flags & flag:
            raise TypeError(f"{prefix} {what}; jitvm.jit compiles plain functions")
    if hasattr(f, "__wrapped__"):
        raise TypeError(f"{prefix} wrapped by another decorator; put @jitvm.jit closest to "
                        f"`def`")
    free = f.__code__.co_freevars
    if free:
        if "__class__" in free:
            raise TypeError(f"{prefix} a method using super() or __class__, which needs its "
                            f"class's cell")
        names = ", ".join(free)
        raise TypeError(f"{prefix} a closure: it reads {names} from an enclosing function; "
                        f"jitvm.jit takes functions that use only their arguments and globals "
                        f"(pass {names} as {'an argument' if len(free) == 1 else 'arguments'}, "
                        f"or define the function at module level)")


def _compile_function(f: types.FunctionType, name: str) -> CodeObject:
    """`f`'s source compiled by jitvm, at its own lines and columns in its own file."""
    try:
        lines, first = inspect.getsourcelines(f)
    except (OSError, TypeError) as exc:
        raise TypeError(f"jitvm.jit cannot take over {name}: its source is not available "
                        f"({exc}); jitvm compiles functions from their source, so define it "
                        f"in a file, a notebook cell or IPython") from None
    first = max(first, 1)
    # A method is compiled inside a class of its class's name, so that `self.__x` is
    # name-mangled as CPython does it.
    parts = f.__qualname__.split(".")
    classname = parts[-2] if len(parts) > 1 and parts[-2] != "<locals>" else None
    source = _module_source(lines, first, f.__code__.co_name, classname)
    filename = f.__code__.co_filename
    try:
        module = compile_source(source, filename)
    except SyntaxError as exc:
        raise TypeError(f"jitvm.jit cannot take over {name}: its source does not compile on "
                        f"its own ({exc.msg}, line {exc.lineno})") from None
    host = f.__code__
    nargs = host.co_argcount + host.co_kwonlyargcount + \
        bool(host.co_flags & inspect.CO_VARARGS) + bool(host.co_flags & inspect.CO_VARKEYWORDS)
    outer = [module] + [c for c in module.consts if isinstance(c, CodeObject)
                        and c.name == classname]
    found = [c for code in outer for c in code.consts if isinstance(c, CodeObject)
             and c.name == host.co_name and c.varnames[:nargs] == host.co_varnames[:nargs]]
    if len(found) != 1:
        raise TypeError(f"jitvm.jit cannot take over {name}: its source was not found where "
                        f"Python says it is ({filename}:{first}; was the file changed?)")
    return found[0]


def _module_source(lines: list[str], first: int, name: str, classname: str | None) -> str:
    """Module source holding just the function, at its original lines and columns: blank
    lines before it, and if it is indented, a block around it (`class <classname>:` for a
    method, else `if 1:`) whose header takes the line above; decorators blanked out."""
    text = "".join(lines)
    if text[:1] in (" ", "\t"):
        if first < 2:
            text = textwrap.dedent(text)  # no line above: columns shift, lines stay
        else:
            text, first = (f"class {classname}:\n" if classname else "if 1:\n") + text, first - 1
    source = "\n" * (first - 1) + text
    # Decorators would run again; the host already applied them (and @jitvm.jit is one).
    tree = ast.parse(source)
    blank = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == name and node.decorator_list:
            blank.update(range(node.decorator_list[0].lineno, node.lineno))
    if not blank:
        return source
    out = source.splitlines(keepends=True)
    for lineno in blank:
        out[lineno - 1] = "\n"
    return "".join(out)


class _HostEntry:
    """The VM as host code sees a decorated function: `Function.__call__` (the path of every
    call from host code, and the only reader of `Function._vm`) calls `call_function` here.
    Anything else is the VM's."""

    __slots__ = ("vm", "func", "calls", "native_calls")

    def __init__(self, vm: VM, func: Function):
        self.vm = vm
        self.func = func
        self.calls = 0
        self.native_calls = 0

    def __getattr__(self, name: str):
        return getattr(self.vm, name)

    def call_function(self, func: Function, args: list, kwargs: dict | None, ts=None):
        __tracebackhide__ = True  # noqa: F841 (read by IPython and pytest)
        self.calls += 1
        vm = self.vm
        if kwargs or len(args) != func._code.argcount:
            positional = _positional(func, args, kwargs)
            if positional is not None:
                args, kwargs = positional, None
        kwargs = kwargs or None
        key = tuple([arg.__class__ for arg in args]) if kwargs is None else None
        try:
            result = vm.call_function(func, args, kwargs, ts)
        except BaseException as exc:
            tb = _program_traceback(exc)
            if tb is None:
                raise
            raise exc.with_traceback(tb)
        if key is not None and _ran_natively(func, key, args):
            self.native_calls += 1
        return result


def _ran_natively(func: Function, key: tuple, args: list) -> bool:
    """Did the JIT take this call (the test `JIT.try_call` makes, after the fact)?"""
    native = func._profile.natives.get(key)
    if native is None or native.cfunc is None:
        return False
    for arg in args:
        if arg.__class__ is int and not -_INT64 <= arg < _INT64:
            return False  # a big int: the interpreter ran it
    return True


_INT64 = 2 ** 63


def _positional(func: Function, args: list, kwargs: dict | None) -> list | None:
    """The call's arguments as one positional list, defaults filled in, when the function
    takes only plain parameters; None when binding needs the interpreter (which also raises
    CPython's errors for wrong calls)."""
    code = func._code
    argcount = code.argcount
    if not code.simple_args or len(args) > argcount:
        return None
    full = list(args)
    names = code.varnames
    defaults = func.__defaults__ or ()
    first_default = argcount - len(defaults)
    used = 0
    for i in range(len(args), argcount):
        if kwargs and i >= code.posonlyargcount and names[i] in kwargs:
            full.append(kwargs[names[i]])
            used += 1
        elif i >= first_default:
            full.append(defaults[i - first_default])
        else:
            return None
    if kwargs and used != len(kwargs):
        return None
    return full


# -- inspection ----------------------------------------------------------------------------------


class _Tools:
    """The inspection methods a decorated function carries."""

    def __init__(self, func: Function):
        self._func = func

    def inspect_bytecode(self) -> str:
        """The jitvm bytecode of the function (what `jitvm dis` prints for it)."""
        from .dis import disassemble
        return disassemble(self._func._code)

    def inspect_ir(self, types: TypesSpec | None = None) -> str:
        """The JIT IR of the function specialised for argument `types` — (int, float) or
        "int,float"; by default the types it was called with — as `jitvm ir` prints it.
        Functions it calls natively follow.  If the JIT cannot compile it: why, and where."""
        return stage_text(self._func, types, "jit-ir")

    def inspect_llvm(self, types: TypesSpec | None = None, optimized: bool = True) -> str:
        """The LLVM IR of the function specialised for `types`, after LLVM's optimization
        passes (or as jitvm built it, with `optimized=False`)."""
        return stage_text(self._func, types, "opt" if optimized else "llvm")

    def inspect_asm(self, types: TypesSpec | None = None) -> str:
        """The machine code (assembly text) of the function specialised for `types`."""
        return stage_text(self._func, types, "asm")

    def stats(self) -> FunctionStats:
        """Calls so far, the specialisations the JIT made (or could not make) with their
        types, compile time and deopts, and how many calls from Python ran natively."""
        return function_stats(self._func)


def stage_text(func: Function, types: TypesSpec | None, stage: str,
               opt_level: int | None = None) -> str:
    """`func` specialised for `types` at one JIT stage ("jit-ir", "llvm", "opt", "asm").

    A throwaway JIT does the work, so inspecting never changes what runs; the function's
    globals are read as they are now."""
    from .inspect import Specialisation
    from .jit import JIT
    from .jit.frontend import NotCompilable
    vm = _vm_of(func)
    argtypes = _argtypes(func, types)
    if opt_level is None:
        opt_level = vm.jit.opt_level if vm.jit is not None else 2
    jit = JIT(vm, threshold=0, opt_level=opt_level)
    try:
        fn = jit.specialization(func, argtypes)
    except NotCompilable as exc:
        return f"not compiled: {exc}"
    return Specialisation(jit, jit._closure(fn)).text(stage)


def _argtypes(func: Function, types: TypesSpec | None) -> tuple:
    from .jit.types import BOOL, FLOAT, FROM_PYTHON, INT
    code = func._code
    if types is None:
        return _default_argtypes(func)
    names = {"int": INT, "float": FLOAT, "bool": BOOL}
    words = types.split(",") if isinstance(types, str) else list(types)
    argtypes = []
    for word in words:
        if isinstance(word, str) and word.strip() in names:
            argtypes.append(names[word.strip()])
        elif isinstance(word, type) and word in (int, float, bool):
            argtypes.append(FROM_PYTHON[word])
        elif not (isinstance(word, str) and not word.strip()):
            raise ValueError(f"unknown argument type {word!r}: the JIT specialises on int, "
                             f"float and bool")
    if len(argtypes) != code.argcount:
        raise ValueError(f"{func.__qualname__} takes {code.argcount} positional arguments; "
                         f"types gave {len(argtypes)}")
    return tuple(argtypes)


def _default_argtypes(func: Function) -> tuple:
    """The argument types of the function's compiled specialisations, else of its calls."""
    from .jit.types import FROM_PYTHON, NONE
    code = func._code
    if code.argcount == 0:
        return ()
    jit = _vm_of(func).jit
    seen = []
    if jit is not None:
        seen = [key[1] for key in jit.specializations
                if key[0] is code and len(key[1]) == code.argcount]
    if not seen:
        for classes in func._profile.arg_types:
            jtypes = tuple(FROM_PYTHON.get(c) for c in classes)
            if len(jtypes) == code.argcount and None not in jtypes and NONE not in jtypes:
                seen.append(jtypes)
    seen = list(dict.fromkeys(seen))
    if len(seen) == 1:
        return seen[0]
    if not seen:
        raise ValueError(f"{func.__qualname__} has not been called with int, float or bool "
                         f"arguments yet: give the types, e.g. (int, float) or 'int,float'")
    listed = "; ".join(",".join(map(str, t)) for t in seen)
    raise ValueError(f"{func.__qualname__} has been called with several argument types "
                     f"({listed}): give the types to inspect")


def function_stats(func: Function) -> FunctionStats:
    """Statistics of one jitvm function (decorated or not) from its VM's JIT."""
    code = func._code
    vm = _vm_of(func)
    jit = vm.jit
    entry = func._vm if isinstance(func._vm, _HostEntry) else None
    calls = entry.calls if entry else 0
    native_calls = entry.native_calls if entry else 0
    specs: list[SpecializationStats] = []
    compile_ms = 0.0
    if jit is not None:
        for key, spec in list(jit.specializations.items()):
            osr = key[0] == "osr"
            if (key[1] if osr else key[0]) is not code:
                continue
            argtypes = tuple(str(t) for t in (key[3] if osr else key[1]) if t is not None)
            compiled = not isinstance(spec, Exception) and getattr(spec, "cfunc", None) is not None
            deopts = getattr(spec, "deopt_count", 0)
            specs.append(SpecializationStats(
                types=argtypes, kind="osr" if osr else "call",
                line=code.line_of(key[2]) if osr else None, compiled=compiled,
                returns=str(spec.return_type) if compiled and spec.return_type else None,
                deopts=deopts, blacklisted=deopts > _max_deopts(),
                reason=str(spec) if isinstance(spec, Exception) else None))
        for functions, compiled in jit.compiled_modules:
            mine = sum(1 for f in functions if f.code is code)
            if mine:
                compile_ms += compiled.milliseconds * mine / len(functions)
    return FunctionStats(
        name=func.__qualname__, threshold=jit.threshold if jit is not None else None,
        calls=calls, native_calls=native_calls, interpreted_calls=calls - native_calls,
        executions=func._profile.count, compile_ms=round(compile_ms, 3),
        deopts=sum(s["deopts"] for s in specs), specializations=specs)


def _max_deopts() -> int:
    from .jit import MAX_DEOPTS
    return MAX_DEOPTS

