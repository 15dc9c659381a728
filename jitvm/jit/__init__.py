"""The JIT: hot jitvm functions compiled to machine code through llvmlite.

In: a jitvm `Function` the interpreter is about to call, whose code object is hot (its count
of calls plus loop back-edges has reached the threshold), and the types of the arguments.
Out: the call's result, computed by native code — or, when native code deoptimizes, by the
interpreter continuing from the exact instruction where native code stopped.

    bytecode ──frontend.translate──▶ JIT IR ──lower──▶ LLVM IR ──engine──▶ machine code
                                                                            │ ctypes
    interpreter ◀── deopt records (frame state) ◀──────────────────────────┘

A specialisation is keyed by (code object, argument types); one that cannot be compiled is
remembered with its reason, and one that keeps deoptimizing is dropped (the function stays
interpreted), so no program falls off a performance cliff (deopt.py: deoptimization, back-off).
"""

from __future__ import annotations

import ctypes
import os
import threading
import time
from functools import partial

from ..code import CodeFlags
from ..interpreter import NOT_HANDLED, UNBOUND, Frame
from ..opcodes import Op
from ..objects import Function
from .abi import (CTX_BUFFER, CTX_DEPTH, CTX_LEVEL, CTX_LEVELS, CTX_STACK_BUDGET,
                  CTX_STACK_LIMIT, CTX_THREAD, CTX_TICKS, CTX_USED, CTX_WORDS, DEOPT,
                  DICT_VERSION, MAX_NESTING, OK, YIELDED, check_layout, check_attribute_layout,
                  mark_method_descriptor)
from .bridge_objects import (cells_param as _cells_param, from_word as _from_word,
                             internal_error as _internal_error, live_kind,
                             make_cells as _make_cells,
                             stack_entry_kind)
from .deopt import (BACKOFF, MAX_DEOPTS, MAX_RETRIES,  # noqa: F401 (the JIT's constants)
                    REBINDS_LEARNT, Deoptimization)
from .hostcall import HostCalls
from .generators import (DICT_ITERATORS, GeneratorBodies, GeneratorOSR, NativeGenerator,
                         install_native_next)
from .install import install as _install
from .module_loops import ModuleViews
from .ir import JitFunction, NotCompilable, format_function
from ..passes.jit import run_jit_pipeline
from .types import BOOL, BOXED, FLOAT, INT, LIST, NONE, OBJ, TUPLE, jtype_of

# Iterators whose next() cannot run a program's code (of builtin containers): a module-level
# loop steps them without writing its variables first (frontend_sequences).
PLAIN_ITERATORS = tuple(type(iter(x)) for x in ("", b"", [], (), {}, set(), range(0),
                                                {}.keys(), {}.values(), {}.items()))
# enumerate() and zip() of plain iterators are plain too (their inner iterators are fixed when
# they are made: an OSR entry checks them, _plain_iterator).
COMPOSED_ITERATORS = (enumerate, zip)


def _plain_iterator(it, depth: int = 0) -> bool:
    """Does `it`'s next run no program code: a builtin iterator, or an enumerate() or zip()
    of such (looked into with __reduce__, which runs none either)?"""
    if type(it) in PLAIN_ITERATORS:
        return True
    if type(it) in COMPOSED_ITERATORS and depth < 4:
        inner = it.__reduce__()[1]
        return all(_plain_iterator(i, depth + 1)
                   for i in (inner[:1] if type(it) is enumerate else inner))
    return False


# (The front end, frontend*.py, is imported where compiling needs it: not at start-up.)

NATIVE_DEPTH_CAP = 20_000  # native frames use the C stack: never more than this many ...
NATIVE_STACK_BYTES = 2 * 1024 * 1024  # ... nor more than this much of it (of Linux's 8 MiB;
                                      # a quarter of a smaller thread stack)
DEOPT_BUFFER_WORDS = 1 << 20


_CONSUMERS = {"sum": sum, "min": min, "max": max, "any": any, "all": all, "list": list,
              "tuple": tuple, "sorted": sorted}
_CONSUMER_IDS = {id(fn): name for name, fn in _CONSUMERS.items()}


# (Not dicts: compiling may import a module, and a loop over sys.modules would see it
# change size.)
_SIZED_ITERATORS = frozenset(type(iter(x)) for x in ([], (), range(1), "", b"", bytearray()))
FUSE_MIN_ITEMS = 64  # interpreted `sum(genexpr)` & co run fused over this many items at least


_SORTED_KEYWORDS = frozenset({"key", "reverse"})
# (compiled by jitvm: its loop gets hot, and `key(x)` then calls the key's machine code)
_KEY_MAPPER = """
def sorted_keys(key, items):
    keys = []
    for x in items:
        keys.append(key(x))
    return keys
"""


class JIT(Deoptimization, HostCalls, GeneratorBodies, GeneratorOSR):
    def __init__(self, vm, threshold: int = 1000, opt_level: int = 2, log=None,
                 dump: frozenset = frozenset(), dump_dir: str | None = None,
                 background: bool = False, cache: bool = True,
                 learn_unprofiled: bool = False):
        self.vm = vm
        self.dump = dump  # stages to dump as code compiles: "jit-ir", "llvm", "opt", "asm"
        self.dump_dir = dump_dir
        self.threshold = threshold
        self.opt_level = opt_level
        self._engine = None
        # Machine code from the on-disk cache when it has it (jit/code_cache.py); off with
        # JITVM_NO_JIT_CACHE set (to anything but "" or "0").
        self.cache = cache and os.environ.get("JITVM_NO_JIT_CACHE", "") in ("", "0")
        self.log = log  # a callable taking one line, or None
        self.specializations: dict[tuple, JitFunction | Exception] = {}  # or NotCompilable
        self._told: set = set()  # keys whose NotCompilable was logged ("not compiled:")
        self.functions: list[JitFunction] = []  # by index, for deopt records
        self._index: dict[JitFunction, int] = {}
        self._lock = threading.RLock()  # one compilation at a time: llvmlite is not thread-safe
        self.compiled_modules = []
        self._respecialized: dict = {}  # code object → argument kinds tried again
        self._relearned: dict = {}  # code object → specialisations made again (deopt.py)
        # Soft exits at instructions not run yet (frontend.unprofiled): in a run, not for
        # `jitvm ir` or the decorator; code object → the instructions where one was taken.
        self.learn_unprofiled = learn_unprofiled
        self.unprofiled_taken: dict = {}
        # (code object, argument classes) of a dropped specialisation → [count at which to
        # compile it again, retries so far, its specialisation key]
        self._backoff: dict = {}
        self.stats = {"compiled": 0, "compile_ms": 0.0, "osr_entries": 0, "deopts": 0,
                      "not_compiled": 0, "element_deopts": 0, "native_ms": 0.0,
                      "background_ms": 0.0, "cache_hits": 0,
                      "not_lowered": 0}  # (cache hits found by their JIT IR: warm_cache.py)
        # Machine code made by a compiler thread (background.py) while the interpreter goes
        # on; never at threshold 0 (code is compiled before it first runs) nor when dumping.
        self.background = background and threshold > 0 and not dump
        self._compiler = None
        self.deopts_by_guard: dict[str, int] = {}  # "f at file:line (reason)" → count
        self._module_views = ModuleViews()  # module-level loops (module_loops.py)
        # Time native calls entered from the interpreter (--stats): two clock reads a call.
        self.timed = False
        # Native code reads lists, tuples and numbers in CPython 3.11's layout; elsewhere
        # it only takes ints, floats and bools.
        self.objects = check_layout()
        # `obj.method(...)` calls a jitvm method's machine code directly (frontend_objects.py)
        self.method_calls = self.objects and mark_method_descriptor(Function)
        # `obj.x` of an ordinary object reads its values array (frontend_objects.py)
        self.attribute_reads = self.objects and check_attribute_layout()
        # The native bridge calls from the host take (hostcall.py): this JIT's table in it
        # (None: not made yet, False: none), and its `host(func, *args)`.
        self._host = None
        self.host_call = None
        self.record_words = 1  # the most words a deopt record of any compiled function takes
        self._key_mappers: dict = {}  # key function's code -> its sorted_keys (sorted_by_keys)
        self._fused: dict = {}  # (genexpr code, consumer) → its fused code (fused.py)
        self._stored_globals: dict = {}  # id(module dict) → (its size, names functions assign)
        self._rebound_globals: dict = {}  # id(module dict) → {name: times a guard met it rebound}

    @property
    def engine(self):
        """The LLVM engine, made on first use (importing llvmlite costs start-up time)."""
        if self._engine is None:
            from .engine import Engine
            self._engine = Engine(self.opt_level, cache=self.cache)
        return self._engine

    @property
    def boxed_calls(self) -> int:
        """Calls native code made through the C-API to Python callables."""
        return self._engine.counters["boxed_calls"].value if self._engine is not None else 0

    def say(self, line: str):
        if self.log is not None:
            self.log(line)

    @staticmethod
    def is_jitvm_function(obj) -> bool:
        return type(obj) is Function

    # -- specialisations ---------------------------------------------------------------------

    def function_index(self, fn: JitFunction) -> int:
        return self._index[fn]

    def specialization(self, func: Function, argtypes: tuple, index=None, caller=None,
                       bound: bool = False) -> JitFunction:
        """The specialisation of `func` for `argtypes`, compiling it (and its callees) if
        needed.  Raises NotCompilable.  Called recursively for callees while translating.
        `bound`: `argtypes` are those of the parameters' values after the call bound them
        (VM.call_function); a function whose parameters are not all plain positional ones
        (*args, **kwargs, keyword-only) has no other entry, so a native caller passing
        positional arguments calls it through the C-API."""
        from .frontend import NotCompilable
        if not bound and not func._code.simple_args:
            raise NotCompilable(f"calls {func.__qualname__}, whose parameters are not all "
                                f"plain positional ones", caller, index)
        key = (func._code, argtypes)
        known = self.specializations.get(key)
        if isinstance(known, NotCompilable):
            raise NotCompilable(f"calls {func.__qualname__}, which cannot be compiled: "
                                f"{known}", caller, index)
        if known is not None:
            if isinstance(known, JitFunction) and known.deopt_count > MAX_DEOPTS:
                if known.stale and self._relearn(func._code, known):
                    return self._translate(func, argtypes)  # (made again for what it learnt)
                raise NotCompilable(f"calls {func.__qualname__}, which keeps deoptimizing",
                                    caller, index)  # (a call through the interpreter instead)
            return known
        return self._translate(func, argtypes)

    def _translate(self, func: Function, argtypes: tuple) -> JitFunction:
        from .frontend import NotCompilable, translate
        code = func._code
        key = (code, argtypes)
        name = f"{code.qualname}.{'_'.join(str(t) for t in argtypes)}.{len(self.functions)}"
        name = "".join(c if c.isascii() and c.isalnum() or c in "._" else "_" for c in name)
        last = None
        # The return type of a recursive call is unknown while its function is translated:
        # assume one, translate, and check the assumption; a wrong guess is thrown away with
        # every specialisation made during the attempt.
        guesses = _return_guesses(argtypes)
        for assumed in guesses:  # (grows: a wrong guess tells the type to try next)
            before_keys = set(self.specializations)
            before_count = len(self.functions)
            fn = JitFunction(name, code, tuple(jtype_of(k) for k in argtypes) + _cells_param(code),
                             return_type=assumed)
            fn.arg_kinds = argtypes  # with the element guesses of list and tuple arguments
            fn.globals = func.__globals__
            fn.builtins = self.vm.builtins
            self.specializations[key] = fn
            self._index[fn] = len(self.functions)
            self.functions.append(fn)
            try:
                translate(self, name, code, func.__globals__, argtypes, assumed, fn)
                if fn.return_type is assumed or not _reaches(fn, fn):
                    return run_jit_pipeline(fn)
                last = NotCompilable(f"return type {fn.return_type} differs from the assumed "
                                     f"{assumed}", code)
                if fn.return_type not in guesses:  # a list or tuple (merge sort's result)
                    guesses.insert(guesses.index(assumed) + 1, fn.return_type)
            except NotCompilable as exc:
                last = exc
            for new_key in set(self.specializations) - before_keys:
                del self.specializations[new_key]
            for dropped in self.functions[before_count:]:
                del self._index[dropped]
            del self.functions[before_count:]
        # Cache the reason without its traceback: its frames would keep arguments alive.
        self.specializations[key] = last.with_traceback(None)
        raise last

    def compile_for_call(self, func: Function, argtypes: tuple) -> JitFunction | None:
        key = (func._code, argtypes)
        if func._code.generator:  # (its body: not a callee native code may call)
            key += ("generator",)
        known = self.specializations.get(key)
        if known is not None:
            # (Its `cfunc` is None while it is being compiled: by the compiler thread, or by
            # this thread further up.  The caller checks.)
            if not isinstance(known, JitFunction):
                if key not in self._told:  # (refused while compiling a caller: say why)
                    self._told.add(key)
                    self.stats["not_compiled"] += 1
                    self.say(f"not compiled: {func._code.qualname}"
                             f"({', '.join(map(str, argtypes))}): {known}")
                return None
            if not hasattr(known, "host_thunk") and known.cfunc is not None:
                self._add_thunk(known)  # compiled as a callee; now called from the host
            return known
        with self._lock:
            if key in self.specializations:
                return self.compile_for_call(func, argtypes)
            start = time.perf_counter()
            try:
                return self._compile_for_call(func, argtypes, key)
            finally:  # translating, the passes and LLVM: all of it is compile time
                self.stats["compile_ms"] += (time.perf_counter() - start) * 1e3

    def _compile_for_call(self, func: Function, argtypes: tuple, key) -> JitFunction | None:
        code = func._code
        try:
            if code.generator:  # its body, resumable (generators.py)
                fn = self.specializations[key] = self.generator_specialization(func, argtypes)
            else:
                fn = self.specialization(func, argtypes, bound=True)
                fn.host_entry = True  # (given a thunk for the host bridge when installed)
            self._finish(fn)
            if code.generator:
                install_native_next(self)
        except Exception as exc:  # noqa: BLE001 - a JIT bug must not become the program's
            if not isinstance(exc, NotCompilable):
                exc = _internal_error(exc, code)
            self.stats["not_compiled"] += 1
            self._told.add(key)
            self.specializations[key] = exc.with_traceback(None)
            self.say(f"not compiled: {code.qualname}({', '.join(map(str, argtypes))}): {exc}")
            return None
        return fn

    def _finish(self, fn: JitFunction, then=None):
        """Generate machine code for `fn` and the callees not compiled yet: now, or on the
        compiler thread (then `fn.cfunc` stays None until it is installed; `then()` is
        called once it is)."""
        pending = [f for f in self._closure(fn) if not getattr(f, "scheduled", False)]
        for f in pending:
            f.scheduled = True
        try:
            if not self.background:
                # (the LLVM IR is only needed to dump it: without, a module in the
                # machine-code cache is found by its JIT IR and not lowered)
                self._install(pending, self.engine.compile(pending, self.function_index,
                                                           need_ir=bool(self.dump)))
                return
            if self._compiler is None:
                from .background import BackgroundCompiler
                self._compiler = BackgroundCompiler(self)
            self._compiler.hand_over(pending, then)
        except BaseException:
            for f in pending:  # a later module will have to define them itself
                f.scheduled = False
            raise

    def close(self):
        """Stop compiling in the background (at exit): queued work is dropped."""
        if self._compiler is not None:
            self._compiler.close()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the background compilations handed over so far (tests, tools)."""
        return self._compiler is None or self._compiler.wait(timeout)

    def _install(self, pending: list[JitFunction], compiled):
        if self._host is None:
            self._make_host()
        for f in pending:  # (functions the interpreter calls: the host bridge may too)
            if getattr(f, "host_entry", False):
                self._add_thunk(f, now=True)
        _install(self, pending, compiled)

    def _closure(self, fn: JitFunction) -> list[JitFunction]:
        seen, order, work = set(), [], [fn]
        while work:
            f = work.pop()
            if f.name in seen:
                continue
            seen.add(f.name)
            order.append(f)
            work.extend(f.callees.values())
        return order

    # -- on-stack replacement ----------------------------------------------------------------

    def osr(self, f, header: int, jump_index: int):
        """At a hot loop back-edge of interpreter frame `f`: run the rest of the frame natively
        from the loop header.  Returns None (stay interpreted), ("return", value) when the
        frame finished, or ("resume", index) when native code handed the frame back."""
        code = f.code
        if f.pending_deopt is not None:  # this frame deoptimized last time: was it an error?
            self._settle_deopt(*f.pending_deopt, f.first_fault)
            f.pending_deopt = None
        if f.ts.in_jit:
            return None  # re-entered from a signal handler: stay interpreted for now
        fast = f.fast
        if f.locals is not None:  # module level: its variables in registers (module_loops)
            if f.locals is not f.globals or not self.objects:
                self.stats["not_compiled"] += 1
                self.say(f"not compiled: the loop of {code.qualname} at {code.filename}:"
                         f"{code.line_of(header)}: its variables live in a class body's "
                         f"(or exec's) namespace; a loop inside a function compiles")
                return self._no_osr(f, jump_index, header)
            code = self._module_views.view_for(code, header, f.locals)
            fast = [f.locals.get(name, UNBOUND) for name in code.promoted]
        if code.generator and f.locals is None \
                and not self._generator_loop(code, header, jump_index):
            return self.generator_osr(f, header, jump_index)  # (its loop yields: generators.py)
        if code.generator and not self._generator_loop(code, header, jump_index) \
                or code.has_cells and not self.objects:
            return self._no_osr(f, jump_index, header)
        local_types, args, positions = [], [], []
        for i, value in enumerate(fast):
            if value is UNBOUND:
                local_types.append(None)
                continue
            jtype = self.live_kind(value)
            if f.locals is not None and (jtype is None or jtype is FLOAT and value != value):
                # A module variable holding a big int, or a nan: an object (unboxed, a nan
                # would become a new object wherever it is boxed, and `nan in [nan]` fails)
                jtype = OBJ
            if jtype is None:
                return self._no_osr(f, jump_index, header)
            local_types.append(jtype)
            positions.append((i, len(args)))
            args.append(value)
        value = None
        stack_kinds, steps = [], []
        for value in f.stack:
            steps.append(None)
            if type(value) is _RANGE_ITERATOR:
                _, (whole,), done = value.__reduce__()
                parts = (whole.start + done * whole.step, whole.stop, whole.step)
                if not all(-2**63 <= p < 2**63 for p in parts):
                    return self._no_osr(f, jump_index, header)
                stack_kinds.append("rangeiter")
                args.extend(parts)
                if whole.step in (1, -1):  # compiled in as a constant (the usual steps)
                    steps[-1] = whole.step
                continue
            entry = stack_entry_kind(value) if self.objects else None
            if entry is not None:  # an iterator over a list or tuple
                kind, parts = entry
                stack_kinds.append(kind)
                args.extend(parts)
                continue
            jtype = self.live_kind(value)
            if jtype is None or f.locals is not None and type(value) in COMPOSED_ITERATORS \
                    and not _plain_iterator(value):
                # (at module level, the entry loop's enumerate() or zip() is stepped as a
                # builtin iterator: one of a generator, whose next runs the program's code,
                # stays interpreted; a generator itself is stepped as an escape)
                return self._no_osr(f, jump_index, header)
            stack_kinds.append(jtype)
            args.append(value)
        key = ("osr", code, header, tuple(local_types), tuple(stack_kinds), tuple(steps))
        fn = self.specializations.get(key)
        if isinstance(fn, JitFunction) and fn.stale and self._relearn(code, fn):
            fn = None  # a deopt taught its feedback something: made again now
        if fn is None:
            f.ts.in_jit = True
            then = None
            if self.background:  # a plain loop until the entry is installed, then OSR again
                from .background import reopen_osr
                then = reopen_osr(f.instrs, jump_index)
                self._no_osr(f, jump_index, header)
            try:
                with self._lock:
                    start = time.perf_counter()
                    try:
                        fn = self.specializations.get(key) or self._compile_osr(
                            f, code, header, key, local_types, stack_kinds, then)
                    except Exception as exc:  # noqa: BLE001 - see _compile_for_call
                        fn = self.specializations[key] = _internal_error(exc, code)
                        self.say(f"not compiled: OSR entry of {code.qualname}: {fn}")
                    self.stats["compile_ms"] += (time.perf_counter() - start) * 1e3
            finally:
                f.ts.in_jit = False
        if not isinstance(fn, JitFunction):
            return self._no_osr(f, jump_index, header)
        if fn.deopt_count > MAX_DEOPTS:
            return self._osr_back_off(f, jump_index, header, key)
        if fn.cfunc is None:
            return None  # another thread is compiling it
        self.say(f"OSR entry: {code.qualname} at {code.filename}:{code.line_of(header)}")
        self.stats["osr_entries"] += 1
        if code.has_cells:
            args.append(tuple(f.cells))
        if f.locals is not None:  # compiling may have run a signal handler: still the same?
            args.append(ctypes.c_int64.from_address(id(f.locals) + DICT_VERSION).value)
            if any(f.locals.get(name, UNBOUND) is not value
                   for name, value in zip(code.promoted, fast)):
                return None
        # The locals that are objects go to native code with their references (stolen: its
        # entry takes them over), not borrowed from this frame, which would keep each one
        # alive until native code hands the frame back: an object the loop drops is freed
        # then, as in CPython (its __del__, its weakref callbacks).
        stolen = []
        for i, position in positions:
            if fn.argtypes[position] in BOXED:
                obj = args[position]
                _incref(obj)
                args[position] = id(obj)
                stolen.append((i, position))
                if f.locals is None:
                    fast[i] = UNBOUND  # (a module's variables stay in its dict)
        obj = fast = None
        status, value = self._run(fn, args, f.ts, into=f,
                                  stolen=frozenset(p for _, p in stolen))
        if status is None:  # not entered: the references back where they were
            for i, position in stolen:
                obj = ctypes.cast(args[position], ctypes.py_object).value
                _decref(obj)
                if f.locals is None:
                    f.fast[i] = obj
            return None
        return ("return" if status == OK else "resume"), value

    def _generator_loop(self, code, header: int, jump_index: int) -> bool:
        """A loop of a generator runs natively (entered by OSR) when it has no `yield` of
        its own: native code then goes on until the generator's next `yield`, where the
        interpreter takes the frame back (a side exit) and suspends it.  A loop that yields
        goes to `generator_osr` instead (generators.py): the whole body goes native."""
        key = ("generator loop", code, header, jump_index)
        known = self._fused.get(key)
        if known is None:
            known = self._fused[key] = (
                code.generator == CodeFlags.GENERATOR and self.objects  # (not coroutines)
                and not any(op in (Op.YIELD_VALUE, Op.YIELD_FROM)
                            for op, _ in code.instructions[header:jump_index]))
        return known

    def _compile_osr(self, f, code, header, key, local_types, stack_kinds, then=None):
        """The OSR entry of the loop at `header` of `code` (f's code, or at module level its
        view with the module's variables as locals)."""
        from .frontend import NotCompilable, State, translate
        argtypes = _entry_argtypes(local_types, stack_kinds)
        name = f"{code.qualname}.osr{header}.{len(self.functions)}"
        name = "".join(c if c.isascii() and c.isalnum() or c in "._" else "_" for c in name)
        if getattr(code, "promoted", None) is not None:
            argtypes.append(INT)  # the module dict's version tag the entry values are from
        fn = JitFunction(name, code, tuple(argtypes) + _cells_param(code), return_type=None)
        fn.globals, fn.builtins, fn.osr_entry = f.globals, self.vm.builtins, header
        self._index[fn] = len(self.functions)
        self.functions.append(fn)
        try:
            translate(self, name, code, f.globals, tuple(argtypes), None, fn,
                      osr=(header, State(tuple(local_types), tuple(stack_kinds))),
                      range_steps=key[5], steal_locals=True)
            run_jit_pipeline(fn)
        except NotCompilable as exc:
            self.specializations[key] = exc.with_traceback(None)
            self.say(f"not compiled: OSR entry of {code.qualname} at line "
                     f"{code.line_of(header)}: {exc}")
            return self.specializations[key]
        self.specializations[key] = fn
        self._finish(fn, then)
        return fn

    def run_fused(self, f, func: Function, consumer, iterator, index: int):
        """The interpreter at `consumer(genexpr)` (superinstructions._call_genexpr), the call
        at `index`: `func`, the generator expression's function, was just made and called
        with `iterator`.  Runs the fused code (fused.py) in a frame of its own from its loop
        header, as native code enters it, and returns the consumer's result; its loop gets
        hot and compiled by OSR like any other.  NOT_HANDLED when `consumer` is not a builtin
        that fuses, the generator expression does not fuse, or it iterates over fewer than
        FUSE_MIN_ITEMS items of a builtin sequence (or over anything else)."""
        name = _CONSUMER_IDS.get(id(consumer))
        if name is None or _CONSUMERS[name] is not consumer:
            return NOT_HANDLED
        # Only over a long builtin sequence: the fused loop gets hot at once, and its OSR
        # entry (~20 µs) would cost a short one more than the generator does.  (Checked
        # before anything is imported: the iterator exists already, and one over
        # sys.modules would fail on a module added now.)
        if type(iterator) not in _SIZED_ITERATORS or iterator.__length_hint__() < FUSE_MIN_ITEMS:
            return NOT_HANDLED
        from .fused import fusable
        code = func._code
        key = ("fusable", code)
        ok = self._fused.get(key)
        if ok is None:
            ok = self._fused[key] = fusable(code)
        if not ok:
            return NOT_HANDLED
        fused = self.fused_code(code, name)
        vm = self.vm
        profile = vm.profile_for(fused)
        frame = Frame(vm, f.ts, fused, vm.instrs_for(fused, profile), func.__globals__,
                      vm.builtins, None, profile)
        fast = [UNBOUND] * len(fused.varnames)  # (`.0` unbound, as native code enters it)
        if name == "sum":
            fast[-2] = 0
        elif name in ("list", "tuple", "sorted"):
            fast[-2] = []
        elif name in ("min", "max"):
            fast[-1] = False
        frame.fast = fast
        frame.cells = list(func.__closure__ or ())
        frame.stack = [iterator]
        frame.pc = fused.fused_header
        ts = f.ts
        ts.depth += 1
        try:
            if ts.depth > vm.recursion_limit:
                raise RecursionError("maximum recursion depth exceeded")
            return vm.run_frame(frame)
        except BaseException:
            f.fault_index = index  # (the consumer's call raised it, as in CPython)
            raise
        finally:
            ts.depth -= 1

    def sorted_by_keys(self, args: list, kwargs: dict):
        """The interpreter at `sorted(iterable, key=f)` (f a jitvm function; `reverse=` too):
        the keys are computed by a jitvm loop of its own, `[f(x) for x in items]`, whose call
        of f gets hot and runs natively (OSR, a direct native call of f's machine code),
        instead of CPython's sort calling f through the host -> jitvm bridge for every item
        (~2 µs each).  Then the copy is sorted with the keys handed back in order
        (`key=partial(next, iter(keys))`): list.sort calls its key once per item, first to last,
        before it compares anything, so the comparisons, the result and any exception are
        CPython's.  NOT_HANDLED for anything else (a short list, other keywords)."""
        key = kwargs.get("key")
        if len(args) != 1 or type(key) is not Function or not kwargs.keys() <= _SORTED_KEYWORDS:
            return NOT_HANDLED
        iterable = args[0]
        if type(iterable) in (list, tuple, range) and len(iterable) < FUSE_MIN_ITEMS:
            return NOT_HANDLED
        items = list(iterable)
        mapper = self._key_mappers.get(key._code)
        if mapper is None:
            mapper = self._key_mappers[key._code] = self._key_mapper()
        try:
            keys = mapper(key, items)
        except BaseException as exc:  # (the mapper's own frames are not the program's)
            entries = getattr(exc, "__dict__", {}).get("_jitvm_tb")
            if entries:
                entries[:] = [e for e in entries if e[0] is not mapper._code]
            raise
        # (key(item) is next(keys, item): the next key, in C)
        items.sort(key=partial(next, iter(keys)), reverse=kwargs.get("reverse", False))
        return items

    def _key_mapper(self) -> Function:
        """A jitvm function that maps a key function over a list (one per key function's
        code, so that its call site stays monomorphic)."""
        from ..compiler import compile_source
        namespace = {"__name__": __name__, "__builtins__": __builtins__}
        code = compile_source(_KEY_MAPPER, "<sorted keys>")
        self.vm.run_module(code, namespace)
        return namespace["sorted_keys"]

    def fused_code(self, code, consumer: str):
        """Generator expression `code` fused with `consumer` (sum, min...: see fused.py)."""
        fused = self._fused.get((code, consumer))
        if fused is None:
            from .fused import fuse
            fused = self._fused[(code, consumer)] = fuse(code, consumer)
        return fused

    def stored_globals(self, namespace: dict) -> frozenset:
        """Names of `namespace` that a function of it assigns (STORE_GLOBAL in the code of
        its functions and of its classes' methods): compiled code reads those from the dict
        at each use.  Remembered per module until it gains or loses a name."""
        key = id(namespace)
        known = self._stored_globals.get(key)
        if known is not None and known[0] == len(namespace):
            return known[1]
        from ..opcodes import Op
        codes, names = set(), set()
        for value in list(namespace.values()):
            functions = [value] if type(value) is Function else [
                v for v in getattr(value, "__dict__", {}).values() if type(v) is Function] \
                if issubclass(type(value), type) else []  # (not isinstance: __class__)
            for func in functions:
                for code in func._code.walk():
                    if code not in codes:
                        codes.add(code)
                        names.update(code.names[arg] for op, arg in code.instructions
                                     if op in (Op.STORE_GLOBAL, Op.DELETE_GLOBAL))
        found = frozenset(names)
        self._stored_globals[key] = (len(namespace), found)
        return found

    def rebound_global(self, namespace: dict, name: str) -> bool:
        """Has compiled code found the global `name` of `namespace` rebound more than once (a
        module-level `f = choices[k]` before each run of a hot loop calling `f`)?  Then code
        compiled after reads it from the dict at each use, as a global a function assigns."""
        return self._rebound_globals.get(id(namespace), {}).get(name, 0) >= REBINDS_LEARNT

    def representative(self, code, globals_: dict) -> Function:
        """A function of `code` (no closure, no defaults) that specialisations of its code
        are made for, where native code calls closures of that code (frontend_calls)."""
        key = ("representative", code, id(globals_))
        known = self._fused.get(key)
        if known is None:
            known = self._fused[key] = Function(self.vm, code, globals_)
        return known

    def cell_maker(self, count: int):
        """A host function making `count` fresh cells followed by a closure's (native code
        calls it for a comprehension with cells of its own: frontend_fused.py)."""
        maker = self._fused.get(("cells", count))
        if maker is None:
            from types import CellType

            def make_cells(closure, count=count):
                return tuple([CellType() for _ in range(count)]) + closure

            maker = self._fused[("cells", count)] = make_cells
        return maker

    def fused_specialization(self, fused, header: int, globals_, local_types: tuple,
                             stack_kinds: tuple, steps: tuple, caller=None, index=None
                             ) -> JitFunction:
        """The entry of `fused` at its loop header for these local types and iterator
        kind, translated (its machine code is made with the caller's).  Raises
        NotCompilable."""
        from .frontend import NotCompilable, State, translate
        key = ("fused", fused, header, local_types, stack_kinds, steps)
        known = self.specializations.get(key)
        if isinstance(known, NotCompilable):
            raise NotCompilable(f"{fused.qualname} cannot be compiled: {known}", caller, index)
        if known is not None:
            if known.deopt_count > MAX_DEOPTS:
                raise NotCompilable("a fused generator expression keeps deoptimizing",
                                    caller, index)
            if known.return_type is None:  # still being translated: its body calls itself
                raise NotCompilable("a comprehension entry reached again while it is "
                                    "translated (recursion)", caller, index)
            return known
        argtypes = _entry_argtypes(local_types, stack_kinds)
        name = f"{fused.qualname}.{getattr(fused, 'fused_consumer', 'entry')}." \
               f"{len(self.functions)}"
        name = "".join(c if c.isascii() and c.isalnum() or c in "._" else "_" for c in name)
        fn = JitFunction(name, fused, tuple(argtypes) + _cells_param(fused), return_type=None)
        fn.globals, fn.builtins, fn.osr_entry = globals_, self.vm.builtins, header
        self.specializations[key] = fn
        self._index[fn] = len(self.functions)
        self.functions.append(fn)
        try:
            translate(self, name, fused, globals_, tuple(argtypes), None, fn,
                      osr=(header, State(local_types, stack_kinds)),
                      range_steps=steps)
            run_jit_pipeline(fn)
        except NotCompilable as exc:
            self.specializations[key] = exc.with_traceback(None)
            raise
        return fn

    def _no_osr(self, f, jump_index: int, header: int):
        """Stop trying OSR at this back-edge: it goes back to being a plain jump."""
        from ..handlers import JUMP_BACKWARD
        f.instrs[jump_index] = (JUMP_BACKWARD, header)
        return None

    # -- calling native code -----------------------------------------------------------------

    def try_call(self, func: Function, args: list, ts):
        """Run a call natively if it can be; NOT_HANDLED leaves it to the interpreter.

        This is on the path of every call to a hot function, so it is kept lean: the
        specialisation is cached on the code's profile by the arguments' Python types, and
        the context and result cell are preallocated per thread."""
        if ts.in_jit:  # e.g. a signal handler run while compiling: interpret it
            return NOT_HANDLED
        if len(args) < func._code.argcount:  # the defaults fill the rest (read now)
            args = _with_defaults(func, args)
            if args is None:
                return NOT_HANDLED
        natives = func._profile.natives
        key = tuple(map(type, args))
        if func._code.generator and not DICT_ITERATORS.isdisjoint(key):
            return NOT_HANDLED  # (see generators.DICT_ITERATORS)
        fn = natives.get(key, _MISSING)
        if fn is _MISSING:
            ts.in_jit = True
            try:
                fn = natives[key] = self._specialization_for_call(func, args)
            finally:
                ts.in_jit = False
        if fn is None or fn.cfunc is None:
            if fn is None and self._backoff and self._retry(func, key):
                return self.try_call(func, args, ts)
            return NOT_HANDLED
        if fn.deopt_count > MAX_DEOPTS:
            dropped = fn
            natives[key] = fn = self._respecialize(func, args, fn)
            if fn is None:
                self._back_off(func, key, dropped)
                return NOT_HANDLED
            if fn.cfunc is None:
                return NOT_HANDLED  # being compiled (by another thread)
        for i in fn.int_params:
            if not -_INT64 <= args[i] < _INT64:
                return NOT_HANDLED  # a big int: the interpreter's business
        if func._code.generator:  # its body runs natively when resumed (generators.py)
            return NativeGenerator(self.vm, func, self, fn, args)
        if func._code.has_cells:
            args = args + [_make_cells(func, args)]
        status, value = self._run(fn, args, ts)
        if status is None:
            return NOT_HANDLED
        if status == OK and func._profile.host is None and self._host \
                and func._code.simple_args:
            self._host.offer(func, fn)  # its next calls: natively (hostcall.py)
        return value

    def _run(self, fn: JitFunction, args, ts, into=None, stolen=frozenset()):
        """Call native code.  Returns (OK, its result), (DEOPT, the result of the frames
        finished in the interpreter, or with `into` (OSR) the index to resume at), or (None,
        None) when native code is nested too deeply already.

        Native code may call Python callables, which may call native code again: a nested
        entry keeps the outer one's stack limit and recursion budget, and restores them.  A
        signal handler may also run jitvm code natively at any bytecode, even while an outer
        entry is still reading its deopt records, or between an entry's return and its read
        of the result: each entry writes its records after the ones pending in the buffer
        (from `first` on), and each nesting level has a result cell of its own."""
        ctx, buffer, ctx_address, cells = ts.native or self._context(ts)
        first = ctx[CTX_USED]  # deopt records of an outer entry still being read end here
        # Entries into native code running on this thread: counted in the context, where
        # the host bridge's native entries (hostcall.py) count theirs too.
        level = ctx[CTX_LEVEL]
        budget = self.vm.recursion_limit - ts.depth
        # Each native frame writes one record when it deoptimizes, so the frames granted
        # must fit in the buffer, after the records pending and those the frames of outer
        # entries, still on the C stack, will write; one record more is kept for the frame
        # that finds the budget exhausted (it deoptimizes at once).
        words = self.record_words
        at = CTX_LEVELS + 3 * level  # (frames granted, words a record, words reserved)
        if level:
            if level >= MAX_NESTING:
                return None, None
            depth, limit = ctx[CTX_DEPTH], ctx[CTX_STACK_LIMIT]
            frames = depth if depth < budget else budget
            outer_frames, outer_words, outer_reserved = ctx[at - 3:at]
            reserved = outer_reserved + (outer_frames - depth) * outer_words
        else:
            frames = NATIVE_DEPTH_CAP if NATIVE_DEPTH_CAP < budget else budget
            reserved = 0
            ctx[CTX_STACK_LIMIT] = 0  # the first native frame sets it
        room = (DEOPT_BUFFER_WORDS - first - reserved) // words - 1
        if room < frames:
            if room < 0:
                return None, None  # no room for even one record: interpret this call
            frames = room
        ctx[CTX_DEPTH] = frames
        # (This level's words, then the count: nothing between the two stores can run
        # Python code, nor a nested entry that would take this level's words for its own.)
        ctx[at:at + 3] = frames, words, reserved
        ctx[CTX_LEVEL] = level + 1
        # Each nesting level has a result cell of its own: a signal handler may run native
        # code between this entry's return and its read of the cell (CPython checks for
        # signals right after a call), and its result must not land in this one's.
        while len(cells) <= level:  # (a handler may have run since CTX_LEVEL was set, nested)
            cell = ctypes.c_int64()
            cells.append((cell, ctypes.byref(cell), ctypes.c_double.from_buffer(cell)))
        out, out_ref, out_float = cells[level]
        if fn.boxed_params:  # objects go by address; `args` keeps them alive meanwhile
            args = args[:]
            for i in fn.boxed_params:
                if i not in stolen:  # (an OSR entry's locals: addresses already, see osr)
                    args[i] = id(args[i])
        error = None
        timed = self.timed or into is not None  # (an OSR entry is timed always: it is rare)
        if timed:
            start = time.perf_counter()
        try:
            status = fn.cfunc(ctx_address, *args, out_ref)
            word = out.value if fn.return_type is not FLOAT else out_float.value
        except BaseException as exc:  # raised in native code (by a Python callable it called)
            if ctx[CTX_USED] == first:
                raise
            error, status = exc, DEOPT
        finally:
            if timed:
                self.stats["native_ms"] += (time.perf_counter() - start) * 1e3
            ctx[CTX_LEVEL] = level
            if level:
                ctx[CTX_DEPTH], ctx[CTX_STACK_LIMIT] = depth, limit
        if status == YIELDED:  # a generator's body (generators.py): the value's address
            return YIELDED, out.value
        if status == OK:
            if fn.return_type is FLOAT:  # (the result cell read as a double: no struct)
                return OK, word
            return OK, _from_word(word, fn.return_type)
        if status != DEOPT:
            raise SystemError("native code returned an unknown status")  # never: see abi.py
        return DEOPT, self._resume(ctx, buffer, first, ts, into=into, error=error)

    def _specialization_for_call(self, func: Function, args: list):
        argtypes = []
        for arg in args:
            jtype = self.live_kind(arg)
            if jtype is None:
                return None
            argtypes.append(jtype)
        return self.compile_for_call(func, tuple(argtypes))

    def live_kind(self, value):
        """The kind of an argument or a local: a number, a list or tuple (with a guess of its
        elements), or None."""
        return live_kind(value, self.objects)

    def _context(self, ts):
        """This thread's native context: (ctx array, deopt buffer, ctx address, result cells
        by nesting level)."""
        # (8 MB of zeros in anonymous memory of its own, made resident only where a deopt
        # writes: a ctypes array zeroes all of it, 8 MB of every run's peak memory)
        import mmap  # (already imported by loader.py, which loaded the code about to run)
        buffer = (ctypes.c_int64 * DEOPT_BUFFER_WORDS).from_buffer(
            mmap.mmap(-1, DEOPT_BUFFER_WORDS * 8))
        ctx = (ctypes.c_int64 * CTX_WORDS)()
        ctx[CTX_TICKS] = 1 << 14
        ctx[CTX_BUFFER] = ctypes.addressof(buffer)
        ctx[CTX_THREAD] = id(ts)  # (the VM keeps its thread states)
        thread_stack = threading.stack_size()  # 0: the platform default (8 MiB on Linux)
        ctx[CTX_STACK_BUDGET] = min(NATIVE_STACK_BYTES, thread_stack // 4) if thread_stack \
            else NATIVE_STACK_BYTES
        # (the result cells, one per nesting level: (cell, reference to it, the cell as a
        # double): see `_run`)
        ts.native = (ctx, buffer, ctypes.addressof(ctx), [])
        if self._host:
            self._host.register(ts, ctypes.addressof(ctx))
        return ts.native

    # -- inspection ---------------------------------------------------------------------------

    def stage_text(self, functions: list[JitFunction], compiled, stage: str) -> str:
        if stage == "jit-ir":
            return "\n\n".join(format_function(f) for f in functions)
        return {"llvm": compiled.built_ir, "opt": compiled.optimized_ir,
                "asm": compiled.assembly}[stage]


_RANGE_ITERATOR = type(iter(range(0)))
_MISSING = object()
_INT64 = 2 ** 63
# Reference counts by address (a ctypes py_object argument would ask the object for its
# __class__, which may run the program's __getattribute__).
_Py_IncRef, _Py_DecRef = ctypes.pythonapi.Py_IncRef, ctypes.pythonapi.Py_DecRef
_Py_IncRef.argtypes = _Py_DecRef.argtypes = [ctypes.c_void_p]
_Py_IncRef.restype = _Py_DecRef.restype = None


def _incref(obj):
    _Py_IncRef(id(obj))


def _decref(obj):
    _Py_DecRef(id(obj))


def _entry_argtypes(local_types, stack_kinds) -> list:
    """The parameters of an entry at a loop header: its bound locals, then its stack
    entries (a range iterator as three ints, a list or tuple iterator as its parts)."""
    argtypes = [jtype_of(t) for t in local_types if t is not None]
    for kind in stack_kinds:
        if kind == "rangeiter":
            argtypes.extend([INT, INT, INT])
        elif isinstance(kind, tuple) and kind[0] == "zipiter":  # (sequence kinds): a zip
            argtypes.extend([jtype_of(k) for k in kind[1]] + [INT])
        elif isinstance(kind, tuple):  # ("seqiter", sequence kind, with a count)
            argtypes.extend([jtype_of(kind[1]), INT] + ([INT] if kind[2] else []))
        else:
            argtypes.append(jtype_of(kind))
    return argtypes


def _return_guesses(argtypes):
    first = FLOAT if FLOAT in argtypes else INT
    # OBJ last: a function whose returns differ in type returns a boxed value (frontend_widen)
    return [first, FLOAT if first is INT else INT, BOOL, NONE, LIST, TUPLE, OBJ]


def _reaches(start: JitFunction, target: JitFunction) -> bool:
    """Does `start` call `target`, directly or through other compiled functions?"""
    seen, work = set(), list(start.callees.values())
    while work:
        f = work.pop()
        if f is target:
            return True
        if f.name not in seen:
            seen.add(f.name)
            work.extend(f.callees.values())
    return False


def _with_defaults(func: Function, args: list) -> list | None:
    """A positional call's arguments completed with the function's defaults, as
    bind_arguments completes them; None if the call is not that simple (the interpreter
    binds it, and raises if it must)."""
    code = func._code
    defaults = func.__defaults__ or ()
    missing = code.argcount - len(args)
    if not code.simple_args or missing > len(defaults):
        return None
    return args + list(defaults[len(defaults) - missing:])
