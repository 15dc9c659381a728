"""jitvm: a Python virtual machine written in Python, with a JIT to native code.

Source → tokens → AST → jitvm bytecode (`compiler`), run by a stack-based interpreter
(`interpreter`, `handlers`); hot int/float code is compiled to machine code (`jit`).  See
docs/ARCHITECTURE.md for the map.

The public API, for ordinary Python code:

* `@jitvm.jit` / `@jitvm.jit(threshold=N)`: run a function on jitvm, JIT included;
* `jitvm.run_file(path, argv)`, `jitvm.run_source(source)`: run a program on jitvm;
* `jitvm.compile_source(source)`: jitvm's bytecode for some source;
* `%load_ext jitvm` in IPython/Jupyter: the `%%jitvm` cell magic (needs `jitvm[notebook]`).
"""

import sys
from types import ModuleType
from typing import TYPE_CHECKING

__version__ = "0.1.0"

__all__ = ["DEFAULT_JIT_THRESHOLD", "FunctionStats", "JittedFunction", "SpecializationStats",
           "TypesSpec", "__version__", "compile_source", "jit", "load_ipython_extension",
           "run_file", "run_source"]

# The public API's module for each name, imported on first use (`__getattr__` below): the
# `jitvm` command imports this package too, and a run does not need the decorator's imports.
_LAZY = {"DEFAULT_JIT_THRESHOLD": "api", "compile_source": "api", "run_file": "api",
         "run_source": "api", "FunctionStats": "decorator", "JittedFunction": "decorator",
         "SpecializationStats": "decorator", "TypesSpec": "decorator", "jit": "decorator"}


class _Package(ModuleType):
    """This package's module object.  Importing the JIT subpackage (`from jitvm.jit import
    JIT`: not before a run turns the JIT on) binds it on its parent as `jit`, but `jitvm.jit`
    is the decorator (`__getattr__` below): that one binding is not made."""

    def __setattr__(self, name: str, value) -> None:
        if not (name == "jit" and isinstance(value, ModuleType)):
            super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


if TYPE_CHECKING:  # what type checkers and editors see
    from .api import DEFAULT_JIT_THRESHOLD, compile_source, run_file, run_source
    from .decorator import FunctionStats, JittedFunction, SpecializationStats, TypesSpec, jit


def __getattr__(name: str):
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


def load_ipython_extension(ipython) -> None:
    """`%load_ext jitvm` in IPython or Jupyter: registers the `%%jitvm` cell magic (see
    `jitvm.magic`).  IPython is imported only here, never by `import jitvm`."""
    from .magic import load_ipython_extension as load
    load(ipython)
