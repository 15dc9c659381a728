"""The llvmlite engine: one object owns the target machine, the pass builder and MCJIT.

In: JitFunctions (a function and the callees compiled with it).  Out: machine code, and the
address of each function.  Every module is verified, optimized with the new pass manager at
the chosen level (0-3, see `Engine.optimize`), then added to one MCJIT engine, so later
modules call earlier functions directly.  The IR as built, the optimized IR and the assembly
are kept per module for `--dump-ir`/`--dump-asm` and `jitvm ir`.
"""

from __future__ import annotations

import ctypes
import sys
import time
from dataclasses import dataclass

import llvmlite.binding as llvm
from llvmlite import ir

from .ir import JitFunction
from .lower import (DICT_VERSION_OFFSET, I32, I64, I8, ModuleLowering,
                    define_int_float_order, define_int_power)

_initialized = False


def _initialize():
    global _initialized
    if not _initialized:
        llvm.initialize_native_target()
        llvm.initialize_native_asmprinter()
        _initialized = True


def dict_version_readable() -> bool:
    """Does CPython's dict version tag sit where the guards read it?  (CPython 3.11 layout.)"""
    probe = {}
    read = lambda: ctypes.c_uint64.from_address(id(probe) + DICT_VERSION_OFFSET).value  # noqa
    before = read()
    probe["x"] = 1
    middle = read()
    probe["x"] = 2
    return before != middle != read()


@dataclass
class CompiledModule:
    built_ir: str
    optimized_ir: str | None  # not kept when compiled in the background (nothing dumps it)
    milliseconds: float
    target_machine: object

    @property
    def assembly(self) -> str:
        """The machine code as assembly, made only when asked for: emitting it is a second
        code generation (MCJIT makes its own), as long again as the rest of compiling."""
        module = llvm.parse_assembly(self.optimized_ir)
        return self.target_machine.emit_assembly(module)


class Engine:
    def __init__(self, opt_level: int = 2):
        _initialize()
        self.opt_level = opt_level
        target = llvm.Target.from_default_triple()
        self.target_machine = target.create_target_machine(
            cpu=llvm.get_host_cpu_name(), features=llvm.get_host_cpu_features().flatten(),
            opt=opt_level, jit=True)
        self._mcjit = None
        self._keepalive: list = []  # objects whose addresses compiled code embeds
        self.use_dict_versions = dict_version_readable()
        self.modules = 0
        # Counters native code increments (read by --stats).
        self.counters = {"boxed_calls": ctypes.c_int64(0)}

    def compile(self, functions: list[JitFunction], function_index) -> CompiledModule:
        """Machine code for `functions`, with the IR as built and optimized (the assembly is
        made only when asked for)."""
        start = time.perf_counter()
        built = self.lower(functions, function_index)
        return self.generate(built, functions, start)

    def lower(self, functions: list[JitFunction], function_index) -> str:
        """The LLVM IR of `functions` as text (Python work: done where the GIL is held)."""
        module = ir.Module(name=f"jitvm{self.modules}")
        module.triple = llvm.get_process_triple()
        self.modules += 1
        helpers = _Helpers(module, self)
        lowering = ModuleLowering(module, function_index, helpers)
        for fn in functions:
            lowering.lower(fn)
        return str(module)

    def generate(self, built: str, functions: list[JitFunction], start: float,
                 keep_text: bool = True) -> CompiledModule:
        """LLVM's part: parse, verify, optimize, make machine code, and set each function's
        `address`.  Almost all of it runs in LLVM with the GIL released, so it can run on
        another thread; it makes few calls, since each one has to take the GIL back."""
        parsed = llvm.parse_assembly(built)
        parsed.verify()
        self.optimize(parsed)
        optimized = str(parsed) if keep_text else None
        if self._mcjit is None:
            self._mcjit = llvm.create_mcjit_compiler(parsed, self.target_machine)
        else:
            self._mcjit.add_module(parsed)
        self._mcjit.finalize_object()
        self._keepalive.append(parsed)
        for fn in functions:
            fn.address = self._mcjit.get_function_address(fn.name)
        return CompiledModule(built, optimized, (time.perf_counter() - start) * 1000,
                              self.target_machine)

    def optimize(self, module):
        """LLVM's passes at `opt_level`: 0 none; 1 and 2 (the default) jitvm's pipeline: the
        functions marked alwaysinline (the guard checks) inlined, then LLVM's O1 function
        simplification pipeline (SROA, EarlyCSE, InstCombine, SimplifyCFG, LICM, loop
        rotation and induction variables...) on each function; 3 LLVM's whole O3 module
        pipeline.  (The levels differ in code generation too: the target machine's level is
        `opt_level`.)  jitvm's pipeline costs about 40% of LLVM's O2 module pipeline, which
        was the default until measured to make no faster code here: see bench/README.md."""
        if not self.opt_level:
            return
        if self.opt_level >= 3:
            tuning = llvm.create_pipeline_tuning_options(speed_level=self.opt_level)
            builder = llvm.create_pass_builder(self.target_machine, tuning)
            builder.getModulePassManager().run(module, builder)
            return
        builder = llvm.create_pass_builder(self.target_machine,
                                           llvm.create_pipeline_tuning_options(speed_level=1))
        inline = llvm.create_new_module_pass_manager()
        inline.add_always_inliner_pass()
        inline.run(module, builder)
        simplify = builder.getFunctionPassManager()
        for function in module.functions:
            if not function.is_declaration:
                simplify.run(function, builder)


class _Helpers:
    """Per-module runtime helpers the lowering asks for: global guards, exact comparisons."""

    def __init__(self, module: ir.Module, engine: Engine):
        self.module = module
        self.engine = engine
        self._order = None
        self._power = None
        self._checks: dict = {}

    def keep(self, obj):
        """Compiled code embeds the address of `obj`: keep it alive as long as the code."""
        self.engine._keepalive.append(obj)

    def counter(self, name: str):
        """A pointer to the engine's run-time counter `name` (an i64 the JIT reports)."""
        address = ctypes.addressof(self.engine.counters[name])
        return ir.Constant(I64, address).inttoptr(I64.as_pointer())

    def int_power(self) -> ir.Function:
        if self._power is None:
            self._power = define_int_power(self.module)
        return self._power

    def int_float_order(self) -> ir.Function:
        if self._order is None:
            self._order = define_int_float_order(self.module)
        return self._order

    def guard_check(self, fn: JitFunction, guard) -> ir.Function:
        """i32 check(): 1 while the guarded name still holds the object the code was
        compiled against.  The fast path compares dict version tags."""
        key = (fn.name, guard.label)
        if key in self._checks:
            return self._checks[key]
        module = self.module
        expected = guard.expected
        globals_ = guard.namespace
        builtins_ = guard.fallback if guard.fallback is not None else guard.namespace
        name_obj = sys.intern(guard.name)
        self.engine._keepalive.extend([expected, globals_, builtins_, name_obj])
        ptr = I8.as_pointer()
        symbol = f"jitvm.guard.{fn.name}.{guard.label}"
        check = ir.Function(module, ir.FunctionType(I32, []), symbol)
        check.linkage = "internal"
        check.attributes.add("alwaysinline")  # a load and two compares on its fast path
        b = ir.IRBuilder(check.append_basic_block("entry"))
        as_ptr = lambda obj: b.inttoptr(ir.Constant(I64, id(obj)), ptr)  # noqa: E731
        getitem = module.globals.get("PyDict_GetItem") or ir.Function(
            module, ir.FunctionType(ptr, [ptr, ptr]), "PyDict_GetItem")
        slow = check.append_basic_block("slow")
        if self.engine.use_dict_versions:
            def version_of(d):
                return b.load(b.inttoptr(ir.Constant(I64, id(d) + DICT_VERSION_OFFSET),
                                         I64.as_pointer()))

            cached_g = ir.GlobalVariable(module, I64, f"{symbol}.gv")
            cached_b = ir.GlobalVariable(module, I64, f"{symbol}.bv")
            for cached, d in ((cached_g, globals_), (cached_b, builtins_)):
                cached.linkage = "internal"
                cached.initializer = ir.Constant(
                    I64, ctypes.c_uint64.from_address(id(d) + DICT_VERSION_OFFSET).value)
            gv, bv = version_of(globals_), version_of(builtins_)
            same = b.and_(b.icmp_unsigned("==", gv, b.load(cached_g)),
                          b.icmp_unsigned("==", bv, b.load(cached_b)))
            fast = check.append_basic_block("fast")
            b.cbranch(same, fast, slow)
            b.position_at_end(fast)
            b.ret(ir.Constant(I32, 1))
        else:
            b.branch(slow)
        b.position_at_end(slow)
        found = b.call(getitem, [as_ptr(globals_), as_ptr(name_obj)])
        missing = b.icmp_unsigned("==", found, ir.Constant(ptr, None))
        from_builtins = check.append_basic_block("builtins")
        compare = check.append_basic_block("compare")
        b.cbranch(missing, from_builtins, compare)
        b.position_at_end(from_builtins)
        builtin = b.call(getitem, [as_ptr(builtins_), as_ptr(name_obj)])
        b.branch(compare)
        b.position_at_end(compare)
        value = b.phi(ptr)
        value.add_incoming(found, slow)
        value.add_incoming(builtin, from_builtins)
        same_object = b.icmp_unsigned("==", value, as_ptr(expected))
        if self.engine.use_dict_versions:
            remember = check.append_basic_block("remember")
            done = check.append_basic_block("done")
            b.cbranch(same_object, remember, done)
            b.position_at_end(remember)
            b.store(version_of(globals_), cached_g)
            b.store(version_of(builtins_), cached_b)
            b.branch(done)
            b.position_at_end(done)
        b.ret(b.zext(same_object, I32))
        self._checks[key] = check
        return check
