"""Docstring of the module_dunders program."""
# Module-level dunder names, __file__ and sys attributes that scripts commonly use.
import os
import sys

print(__name__, __doc__)
print(os.path.basename(__file__), os.path.isabs(__file__) or "relative", __spec__ is None, __package__)
print(os.path.basename(sys.argv[0]), os.path.dirname(os.path.abspath(__file__)) == os.getcwd())
print(sys.version_info[:2], sys.version_info.major, sys.maxsize, sys.byteorder, sys.float_info.max)
print(type(__builtins__).__name__ in ("module", "dict"), "print" in dir(__builtins__) if not isinstance(__builtins__, dict) else "print" in __builtins__)
here = os.path.dirname(os.path.abspath(__file__))
print(os.path.exists(os.path.join(here, "module_dunders.py")), os.path.splitext(os.path.basename(__file__)))
print(sys.modules["__main__"].__doc__ == __doc__, "os" in sys.modules, sys.path[0] == here)
def show_globals():
    return sorted(k for k in globals() if not k.startswith("__"))
print(show_globals())
