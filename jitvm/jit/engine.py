"""The llvmlite engine: LLVM's target machine and passes, the machine-code cache, and the
loading of machine code into this process.

In: JitFunctions (a function and the callees compiled with it).  Out: machine code, and the
address of each function.  Every module is verified, optimized with the new pass manager at
the chosen level (0-3, see `Engine.optimize`), and made into an object file by the target
machine; loader.py loads the object (later modules call earlier functions directly: the
loader resolves their symbols, and C-API functions, when it loads a module).  The IR as
built is kept per module, the optimized IR and the assembly are made again when asked for
(`--dump-ir`/`--dump-asm` and `jitvm ir`).

The IR is address-free: whatever of this process the code uses (objects it compares
against or passes to the C-API, the dicts of global guards, counters) is loaded from the
module's relocation table `@jitvm.relocs.<module>`, an array of i64 the engine fills once
the module is loaded, before any function of it runs.  So the IR text identifies the
machine code, and the object file LLVM made for it can be kept on disk and loaded by a later
run instead of compiling (code_cache.py).  The loads are marked `!invariant.load` (the table
never changes once code runs), so LLVM hoists them out of loops and merges repeated ones.
(An address written into the IR would not be unsafe — the text, hence the key, would hold
this process's address — but no other process would ever find that machine code.)

LLVM itself (llvmlite.binding: a shared library of ~30 ms and ~40 MB to load) is loaded only
when a module has to be compiled: the host's description the IR and the cache key need
(triple, CPU, features) is remembered in the cache folder (code_cache.host_description),
and a cached object is loaded by loader.py.  So a run whose machine code all comes from the
cache never loads LLVM; it does not lower either (warm_cache.py: the same object files found
by the JIT IR), and never imports llvmlite.ir or the lowering modules.  Once loaded, the
pages of LLVM's own code are given back after loading and after each step (passes, code
generation) of each module (llvm_pages.py): they were most of a compiling run's memory.
"""

from __future__ import annotations

import ctypes
import marshal
import os
import sys
import time

from . import loader, warm_cache
from .abi import DICT_VERSION
from .code_cache import (MachineCodeCache, default_folder, host_description,
                         source_fingerprint)
from .ir import JitFunction

# Bump when the relocation table or anything else the cached object files rely on changes
# in a way the IR text and the fingerprint of engine.py/code_cache.py would not show.
# 2: objects made by the target machine and loaded by loader.py (1: MCJIT's).
LOWERING_VERSION = "2"
RELOCS = "jitvm.relocs."  # + module name: the relocation table's symbol

_llvm = None
_llvm_pages = None  # llvm_pages.LibraryPages: LLVM's code, given back after each step


def llvm_binding():
    """llvmlite.binding, loaded and initialized on first use."""
    global _llvm, _llvm_pages
    if _llvm is None:
        import llvmlite.binding as binding
        from llvmlite.binding import ffi

        from .llvm_pages import LibraryPages
        binding.initialize_native_target()
        binding.initialize_native_asmprinter()
        # LLVM's code pages are given back after each step (llvm_pages.py), unless
        # JITVM_KEEP_LLVM_PAGES=1: ~7 ms less CPU per module compiled, ~37 MB more at the
        # peak (bench/README.md, 2026-11-22)
        if os.environ.get("JITVM_KEEP_LLVM_PAGES", "") in ("", "0"):
            _llvm_pages = LibraryPages(getattr(ffi.lib, "_name", ""))  # (its path)
            _llvm_pages.release()  # (what its static initializers touched: not needed again)
        _llvm = binding
    return _llvm


def release_llvm_pages():
    """Unmap the pages of LLVM's code the last step of compiling touched (llvm_pages.py):
    the passes map ~24 MB of it and the code generation ~36 MB, so one step at a time."""
    if _llvm_pages is not None:
        _llvm_pages.release()


def ask_llvm() -> tuple[str, str, str, str]:
    """This host as LLVM describes it: triple, CPU name, CPU features, LLVM's version."""
    llvm = llvm_binding()
    return (llvm.get_process_triple(), llvm.get_host_cpu_name(),
            llvm.get_host_cpu_features().flatten(),
            ".".join(map(str, llvm.llvm_version_info)))


def dict_version_readable() -> bool:
    """Does CPython's dict version tag sit where the guards read it?  (CPython 3.11 layout.)"""
    probe = {}
    read = lambda: ctypes.c_uint64.from_address(id(probe) + DICT_VERSION).value  # noqa
    before = read()
    probe["x"] = 1
    middle = read()
    probe["x"] = 2
    return before != middle != read()


class BuiltModule:
    """A module's LLVM IR as built, and the contents of its relocation table."""

    def __init__(self, name: str, text: str, relocations: list[int]):
        self.name = name
        self.text = text
        self.relocations = relocations  # addresses, by slot
        # (key, recipe): where to store the object file for later runs to find without
        # lowering (warm_cache.py), or None
        self.warm = None


class CompiledModule:
    def __init__(self, built_ir: str | None, optimized_ir: str | None, milliseconds: float,
                 engine: Engine, from_cache: bool = False):
        self.built_ir = built_ir  # None when found without lowering (Engine.find_lowered)
        # None when compiled in the background or loaded from the cache
        self._optimized_ir = optimized_ir
        self.milliseconds = milliseconds
        self.engine = engine
        self.from_cache = from_cache  # the machine code was loaded from the machine-code cache

    @property
    def optimized_ir(self) -> str:
        """The optimized IR: kept when compiled at once, else made again from the built IR
        (the same pipeline gives the same text)."""
        if self._optimized_ir is None:
            parsed = llvm_binding().parse_assembly(self.built_ir)
            self.engine.optimize(parsed)
            self._optimized_ir = str(parsed)
        return self._optimized_ir

    @property
    def assembly(self) -> str:
        """The machine code as assembly, made only when asked for: emitting it is a second
        code generation, as long again as the rest of compiling."""
        module = llvm_binding().parse_assembly(self.optimized_ir)
        return self.engine.target_machine.emit_assembly(module)


def module_text(module) -> str:
    """`str(module)`, printed by llvm_text.py (imported when something is first lowered; a
    module-level name, so that tests/test_llvm_text.py can check every module printed)."""
    from .llvm_text import module_text as text
    return text(module)


class Engine:
    def __init__(self, opt_level: int = 2, cache: bool = False):
        """`cache`: load machine code from the machine-code cache when it has it, and store
        what is compiled (code_cache.py).  Nothing of LLVM is loaded here."""
        self.opt_level = opt_level
        self._host = None
        self.cache = None
        if cache:
            folder = default_folder()
            self._host = host_description(folder, ask_llvm)
            import llvmlite
            here = os.path.dirname(os.path.abspath(__file__))
            self.cache = MachineCodeCache("\n".join(map(str, (
                LOWERING_VERSION, opt_level, llvmlite.__version__, *self._host, sys.version,
                source_fingerprint(os.path.join(here, "engine.py"),
                                   os.path.join(here, "code_cache.py"))))), folder)
        self._target_machine = None
        self._mcjit = None  # LLVM's own loader, for objects loader.py does not handle
        self.symbols: dict[str, int] = {}  # the symbols of every module loaded
        self._keepalive: list = []  # objects whose addresses compiled code embeds
        self.use_dict_versions = dict_version_readable()
        self.modules = 0
        self.llvm_compiles = 0  # modules LLVM compiled (the others came from the cache)
        self.lowered = 0  # modules lowered to LLVM IR (the others: warm_cache.py)
        # Counters native code increments (read by --stats).
        self.counters = {"boxed_calls": ctypes.c_int64(0)}

    @property
    def host(self) -> tuple[str, str, str, str]:
        """(triple, CPU name, CPU features, LLVM version): remembered in the cache folder
        when there is one (code_cache.host_description), else asked of LLVM."""
        if self._host is None:
            self._host = ask_llvm()
        return self._host

    @property
    def target_machine(self):
        """LLVM's target machine for this host (loads LLVM).  `jit=True`: the large code
        model, so machine code may be loaded anywhere and call anything (loader.py)."""
        if self._target_machine is None:
            llvm = llvm_binding()
            _triple, cpu, features, _version = self.host
            self._target_machine = llvm.Target.from_default_triple().create_target_machine(
                cpu=cpu, features=features, opt=self.opt_level, jit=True)
        return self._target_machine

    def compile(self, functions: list[JitFunction], function_index,
                need_ir: bool = True) -> CompiledModule:
        """Machine code for `functions`, with the IR as built (the optimized IR and the
        assembly are made only when asked for; with `need_ir` the optimized IR is kept as
        compiled) — unless `need_ir` is false and the machine-code cache has the module
        under its JIT IR: then nothing is lowered (`built_ir` is None)."""
        start = time.perf_counter()
        description = self.describe(functions, function_index)
        if not need_ir and description is not None:
            found = self.find_lowered(description, functions, start)
            if found is not None:
                return found
        built = self.lower(functions, function_index, description)
        return self.generate(built, functions, start, keep_text=need_ir)

    def describe(self, functions: list[JitFunction], function_index):
        """The module's key in the machine-code cache by its JIT IR (warm_cache.py), or
        None without a cache.  Made before lowering, which adds to the JitFunctions."""
        if self.cache is None:
            return None
        try:
            return warm_cache.describe(functions, function_index, f"jitvm{self.modules}",
                                       self.cache.context + b"\0%d" % self.use_dict_versions)
        except Exception:  # noqa: BLE001 - IR the walk does not know: found by its LLVM IR
            return None

    def find_lowered(self, description, functions: list[JitFunction], start: float
                     ) -> CompiledModule | None:
        """The machine code of a module lowered by an earlier run, loaded and its relocation
        table filled from the recipe stored with it, lowering's effects on `functions`
        made — or None (not cached, or the recipe does not fit: lower it)."""
        data = self.cache.load(description.key)
        if data is None:
            return None
        try:
            recipe, obj = marshal.loads(data)
        except (EOFError, ValueError, TypeError):
            return None
        try:
            resolved = warm_cache.resolve(description, functions, recipe, self.counters)
        except Exception:  # noqa: BLE001 - a recipe that does not fit is a miss
            resolved = None
        if resolved is None:
            return None
        words, keep, apply_effects = resolved
        name = f"jitvm{self.modules}"
        self.modules += 1
        self._keepalive.extend(keep)
        self._link(obj, name, words, functions)
        apply_effects()
        return CompiledModule(None, None, (time.perf_counter() - start) * 1000, self,
                              from_cache=True)

    def lower(self, functions: list[JitFunction], function_index,
              description=None) -> BuiltModule:
        """The LLVM IR of `functions` as text, with the contents of its relocation table
        (Python work: done where the GIL is held); with `description` (the module's JIT-IR
        key), the recipe to store its machine code under that key too."""
        # (Imported here: a run whose machine code all comes from the cache never lowers,
        # and needs neither llvmlite.ir nor the lowering modules, ~10 ms to import.)
        from llvmlite import ir

        from .lower import ModuleLowering
        from .lower_runtime import Helpers
        module = ir.Module(name=f"jitvm{self.modules}")
        module.triple = self.host[0]
        self.modules += 1
        self.lowered += 1
        before = [len(fn.deopts) for fn in functions]
        helpers = Helpers(module, self)
        lowering = ModuleLowering(module, function_index, helpers)
        for fn in functions:
            lowering.lower(fn)
        helpers.finish()
        built = BuiltModule(module.name, module_text(module), helpers.relocations)
        if description is not None:
            try:
                built.warm = (description.key, warm_cache.recipe(
                    description, functions, helpers.sources, before))
            except Exception:  # noqa: BLE001 - (Unresolvable, or a bug of the recipe's)
                pass  # found by its LLVM IR only
        return built

    def generate(self, built: BuiltModule, functions: list[JitFunction], start: float,
                 keep_text: bool = True) -> CompiledModule:
        """LLVM's part: parse, verify, optimize, make machine code — or take the machine
        code of the same IR from the cache —, then load it, fill the relocation table, and
        set each function's `address`.  LLVM's part runs with the GIL released, so it can
        run on another thread; it makes few calls, since each one has to take the GIL
        back."""
        key = self.cache.key(built.text) if self.cache is not None else None
        obj = self.cache.load(key) if key is not None else None
        from_cache = obj is not None
        optimized = None
        if obj is None:
            llvm = llvm_binding()
            parsed = llvm.parse_assembly(built.text)
            parsed.name = built.name
            parsed.verify()
            self.optimize(parsed)
            optimized = str(parsed) if keep_text else None
            release_llvm_pages()
            obj = self.target_machine.emit_object(parsed)
            release_llvm_pages()
            self.llvm_compiles += 1
            if key is not None:
                self.cache.store(key, obj)
        if built.warm is not None and self.cache is not None:
            warm_key, recipe = built.warm
            self.cache.store(warm_key, marshal.dumps((recipe, obj)))
        self._link(obj, built.name, built.relocations, functions)
        return CompiledModule(built.text, optimized, (time.perf_counter() - start) * 1000,
                              self, from_cache=from_cache)

    def _link(self, obj: bytes, name: str, relocations: list[int],
              functions: list[JitFunction]):
        """Load module `name`'s object file, fill its relocation table, and set each
        function's `address`."""
        names = [fn.name for fn in functions]
        if relocations:
            names.append(RELOCS + name)
        symbols = self._load(obj, names)
        if relocations:
            words = (ctypes.c_uint64 * len(relocations)).from_address(symbols[RELOCS + name])
            words[:] = relocations
        for fn in functions:
            fn.address = symbols[fn.name]

    def machine_code(self, build, names: list[str], described: str) -> dict[str, int]:
        """Machine code for a module made outside the lowering (hostcall.py's bridge and
        thunks); the addresses of `names`.  `described` says all its IR depends on (its
        builder's source, the layouts it reads): the cache's key is made of it, so a module
        the cache has is not even built (`build()` makes the llvmlite module)."""
        key = self.cache.key("described:\n" + described) if self.cache is not None else None
        obj = self.cache.load(key) if key is not None else None
        if obj is None:
            module = build()
            module.triple = self.host[0]
            parsed = llvm_binding().parse_assembly(str(module))
            parsed.verify()
            self.optimize(parsed)
            release_llvm_pages()
            obj = self.target_machine.emit_object(parsed)
            release_llvm_pages()
            if key is not None:
                self.cache.store(key, obj)
        return self._load(obj, names)

    def _load(self, obj: bytes, names: list[str]) -> dict[str, int]:
        """Load an object file; the addresses of its symbols (at least `names`)."""
        if loader.supported():
            try:
                defined = loader.load(obj, self._resolve)
            except loader.Unsupported:
                pass  # something only LLVM's loader handles
            else:
                self.symbols.update(defined)
                return defined
        llvm = llvm_binding()
        if self._mcjit is None:
            self._mcjit = llvm.create_mcjit_compiler(llvm.parse_assembly(""),
                                                     self.target_machine)
        for name, address in self.symbols.items():
            llvm.add_symbol(name, address)  # what loader.py loaded, for MCJIT to link
        self._mcjit.add_object_file(llvm.ObjectFileRef.from_data(obj))
        self._mcjit.finalize_object()
        defined = {name: self._mcjit.get_global_value_address(name) for name in names}
        self.symbols.update(defined)
        return defined

    def _resolve(self, name: str) -> int | None:
        """The address of a symbol an object uses: a function of a module loaded earlier,
        else one of the process (the C-API, libm)."""
        address = self.symbols.get(name)
        return address if address is not None else loader.process_symbol(name)

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
        llvm = llvm_binding()
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
