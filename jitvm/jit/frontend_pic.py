"""Bytecode → JIT IR for `obj.name(args)` where `name` is a method of the receiver's class: a
direct call of the method's machine code, and at a call site that saw several classes a
polymorphic inline cache (a mixin of the translator, with frontend_calls).

The interpreter's feedback at the LOAD_ATTR (`owner_types`) names the classes it saw there;
the jitvm function each finds for `name` (CPython's lookup: the MRO's dicts) is a target.

* One target, and the site never met a class it could not call so: `bound_function`
  (frontend_objects.py) guards CPython's lookup to find that function unbound; anything else
  deoptimizes, which teaches the feedback the receiver's class (deopt.py), and the code is
  made again with both.
* Two to four targets, or a site that met another class (the `object` marker deopt.py adds):
  `method.lookup` (CPython's `_PyObject_GetMethod`, as LOAD_METHOD looks up) also says which
  target it found unbound, and the call dispatches on that to the target's machine code.
  Anything else (an unknown class's method, an instance attribute that shadows the method,
  a method rebound since, a class with its own `__getattribute__` or `__getattr__`) is
  called through the C-API as the interpreter would call it: no deopt, so a megamorphic
  site still runs natively.  Square inheriting Rect.area is Rect.area's branch.
* `super().name(args)` (a site that saw only super objects): the interpreter records the
  functions of the bound methods LOAD_ATTR made there (`call_targets`); the attribute is
  looked up as LOAD_ATTR does (`method.lookup_bound`) and a bound method of one of those
  functions calls its machine code with the method's object (`method.self`).

The branches' results meet in one slot: unboxed when every target returns the same kind of
number (and the interpreter saw only that type here: the C-API call's result is guarded to
be one too), else as objects.  A deopt inside a target resumes after the call, as for any
direct call (`native_call_boxed`).
"""

from __future__ import annotations

from ..opcodes import OPCODES, Flag, Op
from .deopt import BIG_INTS
from .frontend import Const, NotCompilable
from .frontend_entries import ObjRef, PolyMethod, Released, is_boxed, is_number, value_kind
from .ir import Block, Value
from .types import BOOL, BOXED, FLOAT, INT, OBJ

MAX_TARGETS = 4  # more distinct methods at one site: a call through the C-API only
MEGAMORPHIC = object  # in owner_types: the site met a class it did not call directly
_PYTHON_TYPE = {INT: int, FLOAT: float, BOOL: bool}


class PicSteps:
    """Method calls (see the module docstring)."""

    def method_entry(self, index, owner, name, locals_, stack):
        """The stack entry for `owner.name` when the call that follows can run a method's
        machine code directly: a BoundFunction (one target) or a PolyMethod; else None."""
        if not getattr(self.jit, "method_calls", False) or not is_boxed(owner) \
                or owner.type is not OBJ:
            return None
        seen = self.feedback("owner_types", index)
        classes = [cls for cls in seen if cls is not MEGAMORPHIC]
        if not seen and _call_next(self.code, index) is not None:
            self.unprofiled(index, "owner_types")  # (which method: learnt by running it)
        if not classes:
            return None
        call = _call_next(self.code, index)
        if call is None:
            return None
        if seen == {super}:  # `super().name(...)`: the functions of the methods it made
            targets = [t for t in self.feedback("call_targets", index)
                       if self.jit.is_jitvm_function(t)]
            if call != Op.CALL_FUNCTION or not 0 < len(targets) <= MAX_TARGETS:
                return None
            return self.poly_method(index, owner, name, _sorted(targets), locals_, stack,
                                    bound=True)
        found = [_class_method(cls, name) for cls in classes]
        targets = []
        for target in found:
            if self.jit.is_jitvm_function(target) and not any(target is t for t in targets):
                targets.append(target)
        if not targets or len(targets) > MAX_TARGETS:
            return None
        if len(targets) == 1 and MEGAMORPHIC not in seen and \
                all(self.jit.is_jitvm_function(t) for t in found):
            return self.bound_function(index, owner, name, targets[0], locals_, stack)
        if call != Op.CALL_FUNCTION:
            return None  # (keywords: each target takes them in its own order)
        return self.poly_method(index, owner, name, _sorted(targets), locals_, stack)

    def poly_method(self, index, owner, name, targets, locals_, stack, bound=False):
        """`owner.name` looked up as LOAD_METHOD looks it up: the attribute (a target
        unbound, else what LOAD_ATTR makes) and which target it is (-1: none).  `bound`:
        looked up as LOAD_ATTR does, which target the bound method it made calls, and that
        method's object (the receiver)."""
        owner = self.take(owner)
        which_slot = self.fn.slot(f"$which{index}", INT) if self.fn is not None else None
        lookup = "method.lookup_bound" if bound else "method.lookup"
        attr = self.kind_value(lookup, [owner, name, [ObjRef(t) for t in targets],
                                        which_slot], OBJ,
                               self.error_point(index, locals_, stack, [owner]), owned=True)
        which = self.emit("load", [which_slot], INT)
        if bound:  # (the super object is done with: the bound method holds the receiver)
            recv = self.newref(self.kind_value("method.self", [attr, which], OBJ))
            self.release(owner)
            owner = recv
        return PolyMethod(owner, attr, which, targets, bound)

    def poly_call(self, index, poly, args, locals_, stack, pre):
        """The call of a PolyMethod: one branch per target (its machine code, with the
        receiver first), one for anything else (the attribute called through the C-API);
        the result joined in a slot."""
        args = [self.const_object(a.value) if isinstance(a, Const) else a for a in args]
        values = all(isinstance(a, Value) for a in args)
        natives = [self._native_callee(t, args, index) if values else None
                   for t in poly.targets]
        kind = self._joined_kind(index, natives)
        slot = self.fn.slot(f"$pic{index}", kind) if self.fn is not None else None
        name = f"{self.current_name}.{index}.pic"
        for i, (target, callee) in enumerate(zip(poly.targets, natives)):
            here = self.emit("const", [INT, i], INT)
            self.emit("br", [self.compare("eq", poly.which, here), f"{name}{i}",
                             f"{name}{i}.not"])
            self._enter(f"{name}{i}", index)
            if callee is not None:
                cells = self.new_cells(target, [], index, locals_, pre) \
                    if target._code.freevars else None  # (the branch's own function's)
                result = self.native_call_boxed(target, [poly.recv] + list(args), index,
                                                locals_, stack + [Released(poly.attr)],
                                                pre, cells=cells)
            else:  # called as the bound method would call it
                result = self._api_call(ObjRef(target), [poly.recv] + list(args), index,
                                        locals_, stack + [Released(poly.attr)], pre)
            self.release(poly.attr)  # (the function: its class holds it; so does the code)
            self.emit("store", [slot, self._as_kind(result, kind, index, locals_, stack)])
            self.emit("jump", [f"{name}.done"])
            self._enter(f"{name}{i}.not", index)
        # none of them: what the lookup made, called as the interpreter calls it (CPython's
        # LOAD_METHOD drops the receiver before the call when the lookup bound nothing)
        result = self._api_call(poly.attr, list(args), index, locals_, stack, pre,
                                before=poly.recv)
        self.emit("store", [slot, self._as_kind(result, kind, index, locals_, stack)])
        self.emit("jump", [f"{name}.done"])
        self._enter(f"{name}.done", index)
        joined = self.kind_value("load", [slot], kind, owned=kind in BOXED)
        if kind is OBJ and len({getattr(c, "return_type", None) for c in natives}) > 1:
            self.mixed.add(joined.id)  # its type varies: no operand guess without feedback
        return joined

    # -- helpers ----------------------------------------------------------------------------

    def _enter(self, label, index):
        if self.fn is not None:
            block = Block(label, index)
            self.fn.blocks.append(block)
            self.block = block

    def _native_callee(self, target, args, index):
        """The specialisation of `target` a branch calls, or None (the branch calls it
        through the C-API): it must take the arguments as given (no defaults to fill in,
        no cells of its own: its closure's are passed) and run natively to its end."""
        code = target._code
        if code.cellvars or not code.simple_args or code.argcount != 1 + len(args):
            return None
        kinds = (OBJ,) + tuple(value_kind(a) for a in args)
        try:
            callee = self.jit.specialization(target, kinds, index, self.code)
        except NotCompilable:
            return None
        return None if callee.exits else callee

    def _joined_kind(self, index, natives):
        """One kind of number when every target returns it natively and the interpreter saw
        no other result here; else objects."""
        kinds = {getattr(c, "return_type", None) for c in natives}
        if len(kinds) != 1:
            return OBJ
        kind = next(iter(kinds))
        if kind not in _PYTHON_TYPE:
            return OBJ
        seen = self.feedback("result_types", index)
        if any(t is not _PYTHON_TYPE[kind] for t in seen):
            return OBJ
        if kind is INT and BIG_INTS in self.feedback("operand_types", index):
            return OBJ
        return kind

    def _api_call(self, function, args, index, locals_, stack, pre, before=None):
        """`function(*args)` through the C-API (boxed arguments; `function` a Value is
        consumed); `before`: an owned reference released just before the call; `stack`: the
        entries below the call, for its exception."""
        redo = self.deopt_point(index, locals_, pre, reason="boxing")
        boxed = [self.box(a, index, redo) for a in args]
        if before is not None:
            self.release(before)
        return self.kind_value("call_object", [function, boxed], OBJ,
                               self.error_point(index, locals_, stack), owned=True)

    def _as_kind(self, result, kind, index, locals_, stack):
        """A branch's result as the joined kind (an owned reference for objects)."""
        if not isinstance(result, Value):  # a target that returns None
            return self.newref(self.const_object(None)) if kind is OBJ else result
        if kind is OBJ:
            if is_number(result):
                return self.box(result, index, self.deopt_point(
                    index + 1, locals_, stack + [result], reason="boxing"))
            return result if result.type is OBJ else \
                self.kind_value("cast", [result], OBJ, owned=True)
        if result.type is kind:
            return result
        deopt = self.deopt_point(index + 1, locals_, stack + [result], reason="result type")
        self.emit("guard_type", [result, kind], None, deopt)
        value = self.emit(f"unbox.{kind}", [result], kind, deopt)
        self.emit("decref", [result])
        return value


def _sorted(targets) -> tuple:
    """The same feedback makes the same code, whatever the set's order."""
    return tuple(sorted(targets, key=lambda t: (t.__module__ or "", t.__qualname__,
                                                t._code.firstlineno)))


def _class_method(cls, name):
    """What CPython's lookup of `name` finds on instances of `cls` without running code (the
    MRO's dicts), or None where it would run some (a __getattribute__ or __getattr__)."""
    if cls.__getattribute__ is not object.__getattribute__ or hasattr(cls, "__getattr__"):
        return None
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    return None



def _call_next(code, index):
    """The call (CALL_FUNCTION or CALL_FUNCTION_KW) of what the instruction at `index`
    pushed, if the instructions after it only push the call's arguments, with no jump;
    else None."""
    depth = 0  # entries pushed above it
    for op, arg in code.instructions[index + 1:]:
        if op == Op.CALL_FUNCTION and arg == depth or \
                op == Op.CALL_FUNCTION_KW and arg + 1 == depth:
            return op
        info = OPCODES[op]
        if info.flags & (Flag.JUMP | Flag.TERMINAL | Flag.YIELDS | Flag.PSEUDO):
            return None
        pops = info.pops(arg) if callable(info.pops) else info.pops
        if pops > depth:
            return None  # something else takes it
        depth += info.effect(arg)
    return None
