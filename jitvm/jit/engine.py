"""The llvmlite engine: one object owns the target machine, the pass builder and MCJIT.

In: JitFunctions (a function and the callees compiled with it).  Out: machine code, and the
address of each function.  Every module is verified, optimized with the new pass manager at
the chosen level (0-3, see `Engine.optimize`), then added to one MCJIT engine, so later modules call earlier
functions directly (by symbol: MCJIT links them, and C-API functions, when it loads a module).
The IR as built is kept per module, the optimized IR and the assembly are made again when
asked for (`--dump-ir`/`--dump-asm` and `jitvm ir`).

The IR is address-free: whatever of this process the code uses (objects it compares
against or passes to the C-API, the dicts of global guards, counters) is loaded from the
module's relocation table `@jitvm.relocs.<module>`, an array of i64 the engine fills once
MCJIT has loaded the module, before any function of it runs.  So the IR text identifies the
machine code, and the object file LLVM made for it can be kept on disk and loaded by a later
run instead of compiling (code_cache.py).  The loads are marked `!invariant.load` (the table
never changes once code runs), so LLVM hoists them out of loops and merges repeated ones.
(An address written into the IR would not be unsafe — the text, hence the key, would hold
this process's address — but no other process would ever find that machine code.)
"""

from __future__ import annotations

import ctypes
import os
import sys
import time
from dataclasses import dataclass, field

import llvmlite.binding as llvm
from llvmlite import ir

from .code_cache import MachineCodeCache, source_fingerprint
from .ir import JitFunction
from .llvm_text import module_text
from .lower import (DICT_VERSION_OFFSET, I32, I64, I8, ModuleLowering,
                    define_int_float_order, define_int_power)

# Bump when the relocation table or anything else the cached object files rely on changes
# in a way the IR text and the fingerprint of engine.py/code_cache.py would not show.
LOWERING_VERSION = "1"
RELOCS = "jitvm.relocs."  # + module name: the relocation table's symbol

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
class BuiltModule:
    """A module's LLVM IR as built, and the contents of its relocation table."""
    name: str
    text: str
    relocations: list[int] = field(default_factory=list)  # addresses, by slot


@dataclass
class CompiledModule:
    built_ir: str
    _optimized_ir: str | None  # None when compiled in the background or loaded from the cache
    milliseconds: float
    engine: "Engine"
    from_cache: bool = False  # the machine code was loaded from the machine-code cache

    @property
    def optimized_ir(self) -> str:
        """The optimized IR: kept when compiled at once, else made again from the built IR
        (the same pipeline gives the same text)."""
        if self._optimized_ir is None:
            parsed = llvm.parse_assembly(self.built_ir)
            self.engine.optimize(parsed)
            self._optimized_ir = str(parsed)
        return self._optimized_ir

    @property
    def assembly(self) -> str:
        """The machine code as assembly, made only when asked for: emitting it is a second
        code generation (MCJIT makes its own), as long again as the rest of compiling."""
        module = llvm.parse_assembly(self.optimized_ir)
        return self.engine.target_machine.emit_assembly(module)


class Engine:
    def __init__(self, opt_level: int = 2, cache: bool = False):
        """`cache`: load machine code from the machine-code cache when it has it, and store
        what is compiled (code_cache.py)."""
        _initialize()
        self.opt_level = opt_level
        target = llvm.Target.from_default_triple()
        cpu, features = llvm.get_host_cpu_name(), llvm.get_host_cpu_features().flatten()
        self.target_machine = target.create_target_machine(
            cpu=cpu, features=features, opt=opt_level, jit=True)
        self._mcjit = None
        self.cache = None
        if cache:
            import llvmlite
            here = os.path.dirname(os.path.abspath(__file__))
            self.cache = MachineCodeCache("\n".join(map(str, (
                LOWERING_VERSION, opt_level, llvmlite.__version__, llvm.llvm_version_info,
                llvm.get_process_triple(), cpu, features, sys.version,
                source_fingerprint(os.path.join(here, "engine.py"),
                                   os.path.join(here, "code_cache.py"))))))
        self._made: dict[str, bytes] = {}  # module name → object file MCJIT just made
        self._keepalive: list = []  # objects whose addresses compiled code embeds
        self.use_dict_versions = dict_version_readable()
        self.modules = 0
        # Counters native code increments (read by --stats).
        self.counters = {"boxed_calls": ctypes.c_int64(0)}

    def compile(self, functions: list[JitFunction], function_index) -> CompiledModule:
        """Machine code for `functions`, with the IR as built (the optimized IR and the
        assembly are made only when asked for)."""
        start = time.perf_counter()
        built = self.lower(functions, function_index)
        return self.generate(built, functions, start)

    def lower(self, functions: list[JitFunction], function_index) -> BuiltModule:
        """The LLVM IR of `functions` as text, with the contents of its relocation table
        (Python work: done where the GIL is held)."""
        module = ir.Module(name=f"jitvm{self.modules}")
        module.triple = llvm.get_process_triple()
        self.modules += 1
        helpers = _Helpers(module, self)
        lowering = ModuleLowering(module, function_index, helpers)
        for fn in functions:
            lowering.lower(fn)
        helpers.finish()
        return BuiltModule(module.name, module_text(module), helpers.relocations)

    def generate(self, built: BuiltModule, functions: list[JitFunction], start: float,
                 keep_text: bool = True) -> CompiledModule:
        """LLVM's part: parse, verify, optimize, make machine code — or load the machine
        code of the same IR from the cache —, fill the relocation table, and set each
        function's `address`.  Almost all of it runs in LLVM with the GIL released, so it
        can run on another thread; it makes few calls, since each one has to take the GIL
        back."""
        if self._mcjit is None:
            # Made with an empty module, so that every module is loaded the same way, and
            # the object cache's callback is set before any code is generated.
            self._mcjit = llvm.create_mcjit_compiler(llvm.parse_assembly(""),
                                                     self.target_machine)
            if self.cache is not None:
                self._mcjit.set_object_cache(self._notify, None)
        key = self.cache.key(built.text) if self.cache is not None else None
        obj = self.cache.load(key) if key is not None else None
        optimized = None
        if obj is not None:
            loaded = llvm.ObjectFileRef.from_data(obj)
            self._mcjit.add_object_file(loaded)
            self._mcjit.finalize_object()
        else:
            parsed = llvm.parse_assembly(built.text)
            parsed.name = built.name  # (how the object cache's callback tells modules apart)
            parsed.verify()
            self.optimize(parsed)
            optimized = str(parsed) if keep_text else None
            self._mcjit.add_module(parsed)
            self._mcjit.finalize_object()
            self._keepalive.append(parsed)
            made = self._made.pop(built.name, None)
            self._made.clear()
            if key is not None and made is not None:
                self.cache.store(key, made)
        if built.relocations:
            table = self._mcjit.get_global_value_address(RELOCS + built.name)
            words = (ctypes.c_uint64 * len(built.relocations)).from_address(table)
            words[:] = built.relocations
        for fn in functions:
            fn.address = self._mcjit.get_function_address(fn.name)
        return CompiledModule(built.text, optimized, (time.perf_counter() - start) * 1000,
                              self, from_cache=obj is not None)

    def _notify(self, module, obj: bytes):
        """MCJIT made the object file of `module` (called back while finalizing)."""
        self._made[module.name] = obj

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
    """Per-module runtime helpers the lowering asks for: addresses of this process (through
    the relocation table), global guards, exact comparisons."""

    def __init__(self, module: ir.Module, engine: Engine):
        self.module = module
        self.engine = engine
        self._order = None
        self._power = None
        self._checks: dict = {}
        self.relocations: list[int] = []  # the relocation table's contents, by slot
        self._slots: dict[int, int] = {}  # address → slot
        self._table = None

    def keep(self, obj):
        """Compiled code uses the address of `obj`: keep it alive as long as the code."""
        self.engine._keepalive.append(obj)

    def address(self, b: ir.IRBuilder, address: int, ty=I8.as_pointer()) -> ir.Value:
        """`address` (of something of this process) as a `ty`, loaded from the relocation
        table where `b` is."""
        slot = self._slots.get(address)
        if slot is None:
            slot = self._slots[address] = len(self.relocations)
            self.relocations.append(address)
        if self._table is None:
            # Declared as one i64 until `finish` knows the table's length.  Its linkage stays
            # external: an internal global nobody stores to would be folded to its zeros.
            self._table = ir.GlobalVariable(self.module, I64, RELOCS + self.module.name)
        word = b.load(b.gep(self._table, [ir.Constant(I64, slot)]) if slot else self._table)
        word.set_metadata("invariant.load", self.module.add_metadata([]))
        return b.inttoptr(word, ty)

    def object(self, b: ir.IRBuilder, obj) -> ir.Value:
        """A pointer to `obj` (kept alive as long as the code)."""
        self.keep(obj)
        return self.address(b, id(obj))

    def counter(self, b: ir.IRBuilder, name: str):
        """A pointer to the engine's run-time counter `name` (an i64 the JIT reports)."""
        return self.address(b, ctypes.addressof(self.engine.counters[name]), I64.as_pointer())

    def finish(self):
        """Give the relocation table its length, now that every slot is known (the loads
        index it as i64s: with LLVM's opaque pointers, the same pointer)."""
        if self._table is not None:
            self._table.value_type = ir.ArrayType(I64, len(self.relocations))
            self._table.initializer = ir.Constant(self._table.value_type, None)

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
        as_ptr = lambda obj: self.object(b, obj)  # noqa: E731
        getitem = module.globals.get("PyDict_GetItem") or ir.Function(
            module, ir.FunctionType(ptr, [ptr, ptr]), "PyDict_GetItem")
        slow = check.append_basic_block("slow")
        if self.engine.use_dict_versions:
            def version_of(d):
                at = b.gep(self.object(b, d), [ir.Constant(I64, DICT_VERSION_OFFSET)])
                return b.load(b.bitcast(at, I64.as_pointer()))

            cached_g = ir.GlobalVariable(module, I64, f"{symbol}.gv")
            cached_b = ir.GlobalVariable(module, I64, f"{symbol}.bv")
            for cached in (cached_g, cached_b):
                cached.linkage = "internal"
                # No dict's version is 0: the first check takes the slow path, and remembers.
                cached.initializer = ir.Constant(I64, 0)
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
