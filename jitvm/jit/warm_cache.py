"""Machine code found without lowering: a second key into the machine-code cache, made from
the JIT IR, so that a warm run (one whose machine code is in the cache) skips lowering to
LLVM IR and printing it.

In: a module's JitFunctions after the passes.  Out: a `Description` — the key, a sha256 over
everything lowering reads from them, and the live objects they refer to by position — and,
for a module that was lowered, the *recipe* stored with its object file: where each slot of
the relocation table gets its address (an object by its position in the description, a
well-known object, an interned string, an engine counter) and what lowering wrote into the
JitFunctions that the bridge reads later (`record_slots`, `record_words`, each deopt
point's `slotted`, the raise points it added).  In a later run, the same key and a recipe
that resolves gives the machine code, the relocation table's contents and those effects,
exactly as lowering would have made them.

What lowering depends on, and where it is in the key:
* the JitFunctions' structure: every op, argument, value (type, ownership, its identity as
  an object), slot, deopt point (all its fields), guard, callee (symbol and signature),
  function index (written into deopt records), symbol name: walked field by field, not the
  text form (which shows a constant or a guard by name only);
* the objects they refer to: only their type and, for numbers, strings, bytes and tuples of
  them, their value (lowering reads a tuple's items, embeds numbers); their identity goes
  to the relocation table, so the recipe names, for each slot, *every* position holding
  that object in the module that was lowered: a later run checks that those positions hold
  one object, that different slots hold different objects and that no other position holds
  one of them (lowering shares a slot between uses of one object) — else it is a miss;
* the engine: module name, whether guards read dict version tags, and (MachineCodeCache's
  context) opt level, LLVM, host, Python; the sources of the JIT package (lowering, the IR's
  classes, the entries' `parts()`): every jitvm/jit/*.py file's name, size and time.
Whatever fails to resolve or check is a miss, and the module is lowered and compiled (or
found by its LLVM IR) as before.
"""

from __future__ import annotations

import ctypes
import dataclasses
import marshal
import os
import struct
import sys
import types

from ..cache import sha256
from .ir import DeoptPoint, Guard, JitFunction, Op, Value
from .types import JType, Seq

FORMAT = 1
# Objects lowering uses by themselves (not named by the IR): positions 0.. of a description.
KNOWN = (None, True, False, (), "", 0, object, type, range, str, int, float, bool, list,
         tuple, types.MethodType)
_SCALARS = (int, float, str, bytes, complex, bool, type(None))
_TYPE_TEXT = {t: t.value for t in JType}  # (faster than the enum's own `value`)

_fingerprint = None


def sources_fingerprint() -> str:
    """A hash of the JIT package's sources, by each file's name, size and modification time
    (read once per process): what Python itself checks before it runs a module's cached
    bytecode, so the code running is the code these name.  (Hashing their content, 480 KB,
    took 2-5 ms, as much as lowering a small module.)"""
    global _fingerprint
    if _fingerprint is None:
        digest = sha256()
        try:
            with os.scandir(os.path.dirname(os.path.abspath(__file__))) as entries:
                files = sorted((e.name, e.stat()) for e in entries if e.name.endswith(".py"))
        except OSError:
            files = [("?", None)]
        for name, st in files:
            size, mtime = (st.st_size, st.st_mtime_ns) if st is not None else (-1, -1)
            digest.update(f"{name}\0{size}\0{mtime}\0".encode())
        _fingerprint = digest.hexdigest()
    return _fingerprint


class Unresolvable(Exception):
    """The module's relocations or lowering's effects cannot be described from the IR."""


class Description:
    def __init__(self, key: bytes, objects: list, points: list[DeoptPoint]):
        self.key = key
        self.objects = objects  # live objects by position (KNOWN first)
        self.points = points  # the deopt points met, in walk order


class _Walk:
    """Writes the JitFunctions as a list of tokens; collects the live objects they refer to
    (by position) and the deopt points (by order met)."""

    def __init__(self):
        self.out: list[str] = []
        self.objects: list = list(KNOWN)
        self.points: list[DeoptPoint] = []
        self.seen: dict[int, int] = {}  # id of an IR object → its number (identity)
        self._keep: list = []  # (what `seen` numbers stays alive while walking)
        self.local_numbers: dict = {}  # a deopt point's local → its number
        self.local_lines: dict = {}  # a deopt point's locals, as numbers → their number

    def value(self, x):
        cls = type(x)
        if cls is Value:
            self.val(x)
            return
        handler = _HANDLERS.get(cls)
        if handler is None:
            handler = _handler_for(cls)
        handler(self, x)

    def ir_object(self, x) -> bool:
        """Write a back-reference if `x` was met before (True); else number it."""
        number = self.seen.get(id(x))
        if number is not None:
            self.out.append(f"@{number}")
            return True
        self.seen[id(x)] = len(self.seen)
        self._keep.append(x)
        return False

    def live(self, x):
        """An object of the process: its position, type, and value if plain."""
        self.objects.append(x)
        cls = type(x)
        if cls in _SCALARS:
            self.out.append(f"o{cls.__name__}:{x!r}")
            if x != x or cls is complex:  # (a NaN's sign and payload: repr hides them)
                self.out.append(struct.pack("<dd", x.real, x.imag).hex())
        else:
            self.out.append(f"o{cls.__module__}.{cls.__qualname__}")

    def plain(self, x):
        self.out.append(repr(x))

    def jtype(self, x):
        self.out.append(_TYPE_TEXT[x])

    def seq(self, x):
        self.out.append(f"S{x!r}")

    def tuple_(self, x):
        if _is_slot(x):
            # A slot ("x", int): the JIT's own (never an object of the program)
            self.out.append(f"{x[0]}:{_TYPE_TEXT[x[1]]}")
            return
        # Anything else may be an object lowering uses (a constant; the classes a guard
        # checks, whose items lowering reads): a position, and its items.
        self.objects.append(x)
        self.out.append("(")
        for item in x:
            if type(item) is tuple:
                self.tuple_(item)
            else:
                self.live(item)
        self.out.append(")")

    def list_(self, x):
        self.out.append("[")
        for item in x:
            self.value(item)
        self.out.append("]")

    def val(self, x: Value):
        number = self.seen.get(id(x))
        if number is not None:
            self.out.append(f"@{number}")
            return
        self.seen[id(x)] = len(self.seen)
        self._keep.append(x)
        self.out.append(f"%{x.id}:{_TYPE_TEXT[x.type]}:{x.owned:d}")
        if x.elem is not None or x.source is not None:
            self.value(x.elem)
            self.value(x.source)

    def point(self, x: DeoptPoint):
        if self.ir_object(x):
            return
        self.points.append(x)
        self.out.append("P" + ",".join([repr(getattr(x, f)) for f in _POINT_PLAIN]))
        self.locals_(x.locals)
        self.list_(x.stack)
        self.value(getattr(x, "slotted", None))

    def locals_(self, entries: list):
        """A deopt point's locals: each a slot, None, or ("maybe", flag slot, slot).  Each
        different local is written once, with a number; each different list of them too
        (the points of a function mostly have the same few)."""
        if self.ir_object(entries):
            return
        numbers = self.local_numbers
        try:
            line = tuple(map(numbers.__getitem__, entries))
        except KeyError:
            for entry in entries:
                if entry not in numbers:
                    self.out.append(f"L{len(numbers)}={_local_text(entry)}")
                    numbers[entry] = len(numbers)
            line = tuple(map(numbers.__getitem__, entries))
        known = self.local_lines.get(line)
        if known is None:
            known = self.local_lines[line] = len(self.local_lines)
            self.out.append(f"N{known}=" + ",".join(map(str, line)))
        else:
            self.out.append(f"N{known}")

    def op(self, x: Op):
        self.out.append(x.opcode)
        for arg in x.args:
            self.value(arg)
        if x.result is not None:
            self.val(x.result)
        if x.deopt is not None:
            self.point(x.deopt)
        self.out.append(";")

    def guard(self, x: Guard):
        if self.ir_object(x):
            return
        self.out.append("G")
        for f in _fields(Guard):
            if f == "expected":
                # The global's value: lowering embeds its address only, so it is an object
                # of the process, whatever its type (a list is not walked item by item).
                self.live(x.expected)
            else:
                self.value(getattr(x, f))

    def function_ref(self, x: JitFunction):
        self.out.append(f"F{x.name}:{x.argtypes}:{x.return_type}")

    def dataclass_(self, x):
        if self.ir_object(x):
            return
        self.out.append(type(x).__qualname__)
        for f in _fields(type(x)):
            self.value(getattr(x, f))

    def unknown(self, x):
        raise Unresolvable(f"a {type(x).__module__}.{type(x).__qualname__} in the JIT IR")

    def constant(self, x):
        """An object of the program an ObjRef or a Const names."""
        if self.ir_object(x):
            return
        self.out.append(type(x).__qualname__)
        obj = x.obj if type(x).__name__ == "ObjRef" else x.value
        if type(obj) is tuple:
            self.tuple_(obj)
        else:
            self.live(obj)


def _local_text(entry) -> str:
    if entry is None:
        return "-"
    if _is_slot(entry):
        return f"{entry[0]}:{entry[1].value}"
    if (type(entry) is tuple and len(entry) == 3 and entry[0] == "maybe"
            and _is_slot(entry[1]) and _is_slot(entry[2])):
        return f"?{entry[1][0]}:{entry[1][1].value}/{entry[2][0]}:{entry[2][1].value}"
    raise Unresolvable(f"a deopt point's local: {entry!r}")


def _is_slot(x) -> bool:
    return type(x) is tuple and len(x) == 2 and type(x[0]) is str and type(x[1]) is JType


_FIELDS: dict[type, tuple] = {}


def _fields(cls) -> tuple:
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return names


_POINT_PLAIN = tuple(f for f in _fields(DeoptPoint) if f not in ("locals", "stack"))
_HANDLERS = {
    type(None): _Walk.plain, bool: _Walk.plain, JType: _Walk.jtype, Seq: _Walk.seq,
    tuple: _Walk.tuple_, list: _Walk.list_, Value: _Walk.val, DeoptPoint: _Walk.point,
    Op: _Walk.op, Guard: _Walk.guard, JitFunction: _Walk.function_ref,
}


def _handler_for(cls):
    if not cls.__module__.startswith(__package__ + "."):
        handler = _Walk.live
    elif cls.__name__ in _CONSTANTS:
        handler = _Walk.constant
    elif dataclasses.is_dataclass(cls):
        handler = _Walk.dataclass_
    else:
        handler = _Walk.unknown
    _HANDLERS[cls] = handler
    return handler


_CONSTANTS = {"ObjRef", "Const"}  # the JIT's names for objects of the program


def describe(functions: list[JitFunction], function_index, module_name: str,
             context: bytes) -> Description | None:
    """The module's key and the objects it names; None if it cannot have one."""
    walk = _Walk()
    try:
        _walk_module(walk, functions, function_index, module_name)
    except Unresolvable:
        return None
    digest = sha256(context)
    digest.update(b"\0warm\0" + sources_fingerprint().encode() + b"\0")
    digest.update("\0".join(walk.out).encode("utf-8", "surrogatepass"))
    return Description(digest.digest(), walk.objects, walk.points)


def _walk_module(walk: _Walk, functions: list[JitFunction], function_index,
                 module_name: str):
    out = walk.out
    out.append(module_name)
    for fn in functions:
        out.append(f"F{fn.name}:{function_index(fn)}:{fn.argtypes}:{fn.return_type}:"
                   f"{fn.osr_entry}:{fn.record_words}:{len(fn.deopts)}")
        walk.value(getattr(fn, "record_slots", None))
        walk.list_(list(fn.slots))
        for symbol, callee in fn.callees.items():
            out.append(symbol)
            walk.function_ref(callee)
        walk.list_(fn.guards)
        walk.list_(fn.deopts)
        for block in fn.blocks:
            out.append(f"B{block.name}:{block.pc}")
            for op in block.ops:
                walk.op(op)


# -- the recipe: made after lowering, used instead of it -------------------------------------

def recipe(description: Description, functions: list[JitFunction], slots: list,
           before: list[int]) -> bytes:
    """What the module's machine code needs besides the object file, as bytes (marshal of
    plain values).  `slots`: per relocation slot, the object lowering asked for, or a
    Counter; `before`: each function's count of deopt points before lowering."""
    positions: dict[int, list[int]] = {}
    for at, obj in enumerate(description.objects):
        positions.setdefault(id(obj), []).append(at)
    table = []
    for entry in slots:
        if isinstance(entry, Counter):
            table.append(("c", entry.name))
            continue
        sources = positions.get(id(entry), [])
        interned = isinstance(entry, str) and sys.intern(entry) is entry
        if not sources and not interned:
            raise Unresolvable(f"a {type(entry).__name__} the IR does not name")
        table.append(("o", tuple(sources), entry if interned else None))
    point_number = {id(p): n for n, p in enumerate(description.points)}
    effects, slotted = [], []
    for at, (fn, count) in enumerate(zip(functions, before)):
        added = []
        for q in fn.deopts[count:]:
            source = next((p for p in description.points if p.stack is q.stack
                           and p.locals is q.locals and q == _raised(p, q.id)), None)
            if source is None:
                raise Unresolvable("a deopt point lowering added")
            added.append(point_number[id(source)])
            if getattr(q, "slotted", None) is not None:
                slotted.append(((at, len(added) - 1), _slot_names(q.slotted)))
        effects.append((getattr(fn, "record_slots", None) is not None, fn.record_words,
                        tuple(added)))
    for n, p in enumerate(description.points):
        if getattr(p, "slotted", None) is not None:
            slotted.append((n, _slot_names(p.slotted)))
    return marshal.dumps((FORMAT, tuple(table), tuple(effects), tuple(slotted)))


def _slot_names(slots) -> tuple:
    """A deopt point's `slotted` as plain values: (name, type name) or None each."""
    named = []
    for slot in slots:
        if slot is None:
            named.append(None)
        elif (type(slot) is tuple and len(slot) == 2 and type(slot[0]) is str
              and type(slot[1]) is JType):
            named.append((slot[0], slot[1].name))
        else:
            raise Unresolvable("a deopt point's slot")
    return tuple(named)


def _raised(point: DeoptPoint, number: int) -> DeoptPoint:
    """The point lowering makes for a call's `point` that raised (lower.raise_point)."""
    return dataclasses.replace(point, id=number, raises=True, after_call=True,
                               reason="raised")


class Counter:
    """A relocation slot holding an engine counter's address."""

    def __init__(self, name: str):
        self.name = name


def resolve(description: Description, functions: list[JitFunction], data: bytes,
            counters: dict) -> tuple[list[int], list, callable] | None:
    """From a stored recipe: the relocation table's words, the objects to keep alive, and a
    function that applies lowering's effects to `functions` — or None when the recipe does
    not fit this process (then lowering must run)."""
    try:
        version, table, effects, slotted = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return None
    if version != FORMAT or len(effects) != len(functions):
        return None
    objects = description.objects
    words, keep, used = [], [], {}
    for entry in table:
        if entry[0] == "c":
            counter = counters.get(entry[1])
            if counter is None:
                return None
            words.append(ctypes.addressof(counter))
            continue
        _, sources, interned = entry
        # (Loops, not any(): this runs while the program runs, and a program may replace
        # builtins.any — tests/programs/fused_rebound.py does.)
        candidates = []
        for at in sources:
            if at >= len(objects):
                return None
            candidates.append(objects[at])
        named = candidates[0] if candidates else None  # the object the IR names
        for other in candidates:
            if other is not named:
                return None  # (lowering would have given them a slot each)
        obj = named
        if interned is not None:
            # An interned string: lowering may have looked it up by its text (an
            # attribute's name) as well as taken it from the IR, where this run may hold an
            # equal string that is not the interned one.  The IR's string then serves
            # both: the C-API takes any equal string for a name, and the program sees the
            # object its code named.
            if not candidates:
                obj = sys.intern(interned)
            elif type(named) is not str or named != interned:
                return None
        elif not sources:
            return None
        if id(obj) in used:
            return None  # two slots would hold one object: lowering shares one slot
        used[id(obj)] = len(sources)
        words.append(id(obj))
        keep.append(obj)
    # No other position may hold an object of the table: lowering would share its slot.
    for obj in objects:
        expected = used.get(id(obj))
        if expected is not None:
            used[id(obj)] = expected - 1
    for left in used.values():
        if left:
            return None
    points = description.points
    plans = []
    try:
        for fn, (has_record_slots, record_words, added) in zip(functions, effects):
            new_points = [_raised(points[n], len(fn.deopts) + i) for i, n in enumerate(added)]
            plans.append((fn, has_record_slots, record_words, new_points))
        holders = [((plans[where[0]][3][where[1]] if type(where) is tuple else points[where]),
                    [None if s is None else (s[0], JType[s[1]]) for s in names])
                   for where, names in slotted]
    except (IndexError, KeyError, TypeError):
        return None

    def apply():
        for fn, has_record_slots, record_words, new_points in plans:
            if has_record_slots:
                fn.record_slots = list(fn.slots)
            fn.record_words = record_words
            fn.deopts.extend(new_points)
        for point, slots in holders:
            point.slotted = slots
    return words, keep, apply
