"""Bytecode → JIT IR for `import` inside a function (a mixin of the translator).

    import math                IMPORT_NAME math (level 0, fromlist None); STORE_FAST math
    from math import sqrt      IMPORT_NAME math (fromlist ('sqrt',)); IMPORT_FROM sqrt; ...

A function that imports what it uses (`def f(): import math ...`) runs the import at every
call; it used to leave native code there.  Native code calls the interpreter's handlers as
host helpers through the C-API: `__import__` looked up in the builtins at each call (the
program may replace it), with the function's globals and no locals, as CPython passes
them; IMPORT_FROM with its fallback to `sys.modules` and its ImportError.  (At module level
an import stays with the interpreter.)
"""

from __future__ import annotations

import sys

from .frontend_entries import NOT_MINE, ObjRef
from .types import OBJ

_MISSING = object()


class ImportSteps:
    """IMPORT_NAME and IMPORT_FROM in a function (see the module docstring)."""

    def _import_name(self, index, arg, locals_, stack):
        if self.promoted is not None:  # (module level: the interpreter's, with its locals)
            return NOT_MINE
        level, fromlist = stack[-2], stack[-1]
        del stack[-2:]
        redo = self.deopt_point(index, locals_, stack + [level, fromlist], reason="boxing")
        args = [self.const_object(self.code.names[arg]), self.box(level, index, redo),
                self.box(fromlist, index, redo), self.const_object(self.globals),
                self.const_object(self.builtins)]
        stack.append(self.kind_value("call_object", [ObjRef(import_name), args], OBJ,
                                     self.error_point(index, locals_, stack), owned=True))
        return None

    def _import_from(self, index, arg, locals_, stack):
        if self.promoted is not None:
            return NOT_MINE
        module = stack[-1]
        lent = self.kind_value("cast", [module], OBJ, owned=False)  # (it stays on the stack)
        args = [lent, self.const_object(self.code.names[arg])]
        stack.append(self.kind_value("call_object", [ObjRef(import_from), args], OBJ,
                                     self.error_point(index, locals_, stack), owned=True))
        return None


def import_name(name, level, fromlist, globals_, builtins_):
    """IMPORT_NAME as the interpreter's handler does it (handlers/control.py), in a
    function: no locals."""
    import_ = builtins_.get("__import__", _MISSING)
    if import_ is _MISSING:
        raise ImportError("__import__ not found")
    return import_(name, globals_, None, fromlist, level)


def import_from(module, name):
    """IMPORT_FROM as the interpreter's handler does it (handlers/control.py)."""
    value = getattr(module, name, _MISSING)
    if value is _MISSING:
        module_name = getattr(module, "__name__", None)
        value = sys.modules.get(f"{module_name}.{name}", _MISSING)
        if value is _MISSING:
            location = getattr(module, "__file__", None) or "unknown location"
            raise ImportError(f"cannot import name '{name}' from '{module_name}' ({location})",
                              name=module_name, path=getattr(module, "__file__", None))
    return value
