"""jitvm: a Python virtual machine written in Python.

Source → tokens → AST → jitvm bytecode (`compiler`), run by a stack-based interpreter
(`interpreter`, `handlers`).  See docs/ARCHITECTURE.md for the map.
"""

__version__ = "0.1.0"

from .api import compile_source, run_file, run_source  # noqa: E402

__all__ = ["__version__", "compile_source", "run_file", "run_source"]
