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

__version__ = "0.1.0"

# The JIT package first: importing a submodule binds its name on the package, and `jitvm.jit`
# must stay the decorator (the JIT itself is `jitvm.jit.JIT` through `from jitvm.jit import`).
from . import jit as _jit_package  # noqa: E402,F401
from .api import DEFAULT_JIT_THRESHOLD, compile_source, run_file, run_source  # noqa: E402
from .decorator import (FunctionStats, JittedFunction, SpecializationStats,  # noqa: E402
                        TypesSpec, jit)

__all__ = ["DEFAULT_JIT_THRESHOLD", "FunctionStats", "JittedFunction", "SpecializationStats",
           "TypesSpec", "__version__", "compile_source", "jit", "load_ipython_extension",
           "run_file", "run_source"]


def load_ipython_extension(ipython) -> None:
    """`%load_ext jitvm` in IPython or Jupyter: registers the `%%jitvm` cell magic (see
    `jitvm.magic`).  IPython is imported only here, never by `import jitvm`."""
    from .magic import load_ipython_extension as load
    load(ipython)
