"""Running a program: source file → code object → a `__main__` module on the VM.

`run_path` sets up what CPython sets up for a script (`sys.argv`, `sys.path[0]`, a fresh
`__main__` module in `sys.modules`), installs the import hook that makes `.py` modules beside
the script run on jitvm too, and runs the module code.  Errors are left to the caller (the CLI
turns them into CPython's messages and exit codes).
"""

from __future__ import annotations

import builtins
import importlib.machinery
import importlib.util
import linecache
import os
import sys
import types

from . import cache
from .interpreter import VM


class JitvmLoader(importlib.machinery.SourceFileLoader):
    """Loads a module's source with jitvm's compiler (through the bytecode cache) and runs it
    on the VM in the module's namespace."""

    vm: VM  # set on the subclass made for each VM by `install_import_hook`

    def exec_module(self, module):
        code = cache.load_code(self.path)
        self.vm.run_module(code, module.__dict__)


def install_import_hook(vm: VM, roots: list[str]):
    """Modules and packages found under `roots` (the script's folder) run on jitvm; everything
    else (the standard library, installed packages) is imported by the host as usual."""
    roots = [os.path.realpath(r) for r in roots]
    loader = type("JitvmLoader", (JitvmLoader,), {"vm": vm})
    own = os.path.dirname(os.path.realpath(__file__))  # jitvm itself always runs on the host

    def hook(path: str):
        real = os.path.realpath(path or ".")
        if real == own or real.startswith(own + os.sep):
            raise ImportError("jitvm's own package")
        if any(real == r or real.startswith(r + os.sep) for r in roots):
            return importlib.machinery.FileFinder(path, (loader, [".py"]))
        raise ImportError("not a jitvm path")

    hook.jitvm = True
    sys.path_hooks[:] = [h for h in sys.path_hooks if not getattr(h, "jitvm", False)]
    sys.path_hooks.insert(0, hook)
    sys.path_importer_cache.clear()


def read_source(path: str) -> str:
    """A source file's text, decoded as Python does (PEP 263 coding cookies, BOM)."""
    with open(path, "rb") as fh:
        data = fh.read()
    if b"\0" in data:
        raise ValueError("source code cannot contain null bytes")
    return importlib.util.decode_source(data)


def make_main_module(path: str | None) -> types.ModuleType:
    module = types.ModuleType("__main__")
    module.__dict__.update({"__builtins__": builtins, "__file__": path, "__cached__": None})
    if path is None:
        del module.__file__
    sys.modules["__main__"] = module
    return module


def run_path(path: str, argv: list[str], vm: VM | None = None) -> VM:
    """Run the script at `path` as `__main__` with `sys.argv = [path, *argv]`."""
    vm = vm or VM()
    full_path = os.path.abspath(path)  # CPython 3.9+ names the script by its absolute path
    code = cache.load_code(full_path, script=True)
    sys.argv = [path, *argv]
    sys.path[0:0] = [os.path.dirname(full_path)]
    install_import_hook(vm, [sys.path[0]])
    module = make_main_module(full_path)
    vm.run_module(code, module.__dict__)
    return vm


def finalize_main():
    """What CPython does with `__main__` at shutdown: run the atexit callbacks, then clear the
    module's globals (names starting with `_` first), so `__del__` methods of objects the
    program left in globals run — and print — as they would under CPython."""
    import atexit
    atexit._run_exitfuncs()
    module = sys.modules.get("__main__")
    namespace = getattr(module, "__dict__", None)
    if namespace is None or namespace.get("__builtins__") is None:
        return
    _finalize_in_allocation_order(namespace)
    for underscored in (True, False):
        for name in list(namespace):
            if name != "__builtins__" and name.startswith("_") == underscored:
                namespace[name] = None


def _finalize_in_allocation_order(namespace: dict) -> None:
    """CPython drops `__main__` at exit; its globals are a cycle (a function's `__globals__`),
    so the cycle collector finalizes what they hold — every object with a `__del__`, in the
    order the objects were made, the globals still intact — before clearing anything.  jitvm's
    own tables keep the globals alive, so the same finalizers are called here, in the
    collector's order (objects made first first), each once: `PyObject_CallFinalizer` marks
    the object finalized, and the clearing after frees it without calling `__del__` again.
    (Weakref callbacks and objects of classes made outside the program are left to the
    clearing, in the globals' order.)"""
    import ctypes
    import gc
    from .objects import CLASSES_WITH_DEL
    kinds = set(CLASSES_WITH_DEL)
    if not kinds:
        return
    finalizable: dict[type, bool] = {}
    found, seen, work = set(), {id(namespace)}, list(namespace.values())
    while work:  # what the globals hold (the instances of a class with __del__ among it)
        obj = work.pop()
        if id(obj) in seen or not gc.is_tracked(obj) or isinstance(obj, types.ModuleType):
            continue
        seen.add(id(obj))
        cls = type(obj)
        if cls not in finalizable:
            finalizable[cls] = any(c in kinds for c in cls.__mro__)
        if finalizable[cls]:
            found.add(id(obj))
        work.extend(gc.get_referents(obj))
    if not found:
        return
    call_finalizer = ctypes.pythonapi.PyObject_CallFinalizer
    call_finalizer.argtypes, call_finalizer.restype = [ctypes.py_object], None
    # The collector's lists, oldest generation first: the order the objects were made in (a
    # collection now would reorder them, moving what it reaches late to the end).
    ordered = [obj for generation in (2, 1, 0) for obj in gc.get_objects(generation)
               if id(obj) in found]
    for obj in ordered:
        call_finalizer(obj)


def run_source(source: str, filename: str = "<string>", vm: VM | None = None,
               globals: dict | None = None) -> dict:
    """Compile and run `source`; returns the namespace it ran in."""
    vm = vm or VM()
    from .compiler import compile_source
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    code = compile_source(source, filename)
    if globals is None:
        globals = {"__name__": "__main__", "__builtins__": builtins}
    vm.run_module(code, globals)
    return globals
