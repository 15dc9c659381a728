"""Loops at module level: their variables are the module's globals, kept in registers.

A loop in a function keeps its variables in fast locals, which native code holds in machine
registers.  At module level every variable lives in the module's dict, where any code may
read or write it at any time — a function the loop calls, a signal handler, `__main__`
imported elsewhere.  Boxing every store into the dict would leave native code barely faster
than the interpreter, so an OSR entry of a module-level loop *promotes* the module's
variables instead:

* `module_view` makes a view of the module's code object in which each promoted name is a
  fast local (`LOAD_NAME x` → `LOAD_FAST`, `STORE_NAME x` → `STORE_FAST`) and every other
  name a global (`LOAD_NAME print` → `LOAD_GLOBAL`, so its guards and direct native calls
  work as in a function).  Instruction indices are unchanged, so feedback, deopt points and
  exception handlers line up with the module's own code.  Promoted: the names the module
  stores and the loop uses that hold no function, class or module now
  (those stay globals, guarded).  An int beyond 64 bits is an `obj` there.
* Native code runs on the registers.  Before anything that may run Python code and so read
  the dict (a call, a C-API operation on an object, a signal handler), it writes the
  variables the code can change (`SyncNames.synced`) into the dict; after it, it checks the
  dict's version tag: a changed dict (the callee assigned a global) deoptimizes after the
  instruction, and the interpreter goes on from the dict.
* Native code runs the loop only: leaving it is a side exit (`LOOP_END`), and the rest of
  the module, which runs once, goes on in the interpreter.
* Leaving native code writes the registers back: a deopt or side exit stores each bound
  promoted variable into the dict (keeping the dict's object where the number is the same,
  bit for bit: `x is y`, `nan in [nan]`), unless its deopt point is one where the dict is
  already authoritative (`DeoptPoint.synced`: during or after such an escape).

What stays as it was: a `__del__` run by a reference count dropping to zero inside the loop
sees the variables as of the last escape.
"""

from __future__ import annotations

import dataclasses
import types

from ..code import CodeObject
from ..objects import Function
from ..opcodes import Op

# At module level the locals are the globals: a name some function declares `global` is
# compiled to LOAD_GLOBAL/STORE_GLOBAL in the module's code too, with the same meaning.
_REWRITE = {Op.LOAD_NAME: (Op.LOAD_FAST, Op.LOAD_GLOBAL),
            Op.STORE_NAME: (Op.STORE_FAST, Op.STORE_GLOBAL),
            Op.LOAD_GLOBAL: (Op.LOAD_FAST, Op.LOAD_GLOBAL),
            Op.STORE_GLOBAL: (Op.STORE_FAST, Op.STORE_GLOBAL),
            Op.DELETE_NAME: (Op.DELETE_FAST, Op.DELETE_GLOBAL),
            Op.DELETE_GLOBAL: (Op.DELETE_FAST, Op.DELETE_GLOBAL)}
_STORES = (Op.STORE_NAME, Op.STORE_GLOBAL)
_DELETES = (Op.DELETE_NAME, Op.DELETE_GLOBAL)
# Side exits that are not deopts (neither logged nor counted): native code runs the loop
# only, and hands back to the interpreter when it ends.
LOOP_END = "the loop ends (the interpreter goes on with the module)"
MODULE_END = "the end of the module (the interpreter finishes it)"
YIELD_EXIT = "yield (the interpreter suspends the generator)"
EXPECTED_EXITS = (LOOP_END, MODULE_END, YIELD_EXIT)


def promotable(value) -> bool:
    """Can a module variable holding `value` live in a register?  Functions, classes and
    modules stay globals: calls of them compile best through guards on the dict."""
    # (type(), not isinstance(): that would ask the object for its __class__)
    return not (callable(value) or issubclass(type(value), (types.ModuleType, Function)))


def stored_names(code: CodeObject) -> list[str]:
    """The names the module code stores, in first-store order."""
    seen: dict[str, None] = {}
    for op, arg in code.instructions:
        if op in _STORES:
            seen.setdefault(code.names[arg])
    return list(seen)


def loop_end(code: CodeObject, header: int) -> int:
    """The last back-edge to `header`: the loop is the instructions from `header` to it."""
    return max(i for i, (op, arg) in enumerate(code.instructions)
               if op == Op.JUMP_BACKWARD and arg == header)


def names_in_loop(code: CodeObject, header: int, ops) -> set[str]:
    """The names the loop's instructions of kinds `ops` name."""
    return {code.names[arg] for op, arg in code.instructions[header:loop_end(code, header) + 1]
            if op in ops}


def module_view(code: CodeObject, promoted: tuple[str, ...], header: int) -> CodeObject:
    """`code` with the `promoted` names as fast locals and the other names as globals (see
    the module docstring).  The view remembers its module code (`module_origin`), the
    instructions of the loop (`loop`: its header and its last back-edge), the promoted
    names, which of them the loop stores (`synced`) and deletes (`deleted`)."""
    slot = {name: i for i, name in enumerate(promoted)}
    instructions = []
    for op, arg in code.instructions:
        if op in _REWRITE:
            name = code.names[arg]
            fast, named = _REWRITE[op]
            instructions.append((fast, slot[name]) if name in slot else (named, arg))
        else:
            instructions.append((op, arg))
    view = dataclasses.replace(code, instructions=tuple(instructions), varnames=promoted)
    stores = names_in_loop(code, header, _STORES)
    object.__setattr__(view, "loop", (header, loop_end(code, header)))
    object.__setattr__(view, "module_origin", code)
    object.__setattr__(view, "promoted", promoted)
    object.__setattr__(view, "synced", frozenset(slot[n] for n in stores if n in slot))
    deleted = names_in_loop(code, header, _DELETES)
    object.__setattr__(view, "deleted", frozenset(slot[n] for n in deleted if n in slot))
    return view


class ModuleViews:
    """The views made so far, one per (module code, loop header, promoted names): an OSR
    entry's specialisations are keyed by its view, so the same view must come back."""

    def __init__(self):
        self._views: dict = {}
        self._used: dict = {}  # (code, header) → the names the loop uses
        self._stored: dict = {}  # module code → the names it stores, in first-store order

    def view_for(self, code: CodeObject, header: int, namespace: dict) -> CodeObject:
        # (on the path of every OSR entry into a module loop: the scans are done once)
        used = self._used.get((code, header))
        if used is None:
            used = self._used[(code, header)] = names_in_loop(code, header, _REWRITE)
        stored = self._stored.get(code)
        if stored is None:
            stored = self._stored[code] = tuple(stored_names(code))
        promoted = tuple(name for name in stored if name in used
                         and (name not in namespace or promotable(namespace[name])))
        key = (code, header, promoted)
        view = self._views.get(key)
        if view is None:
            view = self._views[key] = module_view(code, promoted, header)
        return view
