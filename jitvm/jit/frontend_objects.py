"""Bytecode → JIT IR for boxed values: lists and tuples, and calls into any Python callable.

A mixin of `frontend._Translator`: `step_objects` sees every instruction first and translates
the ones that involve boxed values (`obj`, `list`, `tuple`: a PyObject* in native code) or
compile-time entries made of them; it returns NOT_MINE for purely numeric instructions, which
the numeric translation handles.

Lists and tuples.  An element read checks the index (a bad one deoptimizes: the interpreter
raises IndexError with CPython's message), loads the item, checks that its type is exactly
the guessed one (`guard_type`, deoptimizing with reason "element type") and unboxes it; a list
or tuple element becomes an owned reference.  `for x in seq` iterates by index over the live
list, re-reading its size at every step as CPython's list iterator does.

Calls.  A callable the JIT does not compile natively (print, a host function or method, a
jitvm function that stays interpreted) is called through the C-API (`call_object`) with boxed
arguments; its result stays boxed (`obj`), or is unboxed behind a type guard when the
interpreter saw it return one numeric type (deoptimizing *after* the call, with the result on
the stack, when it differs: the call never runs twice).  An exception it raises leaves native
code through a `raises` deopt point: the bridge raises it in the rebuilt frame at the call.

Reference counting (CPython's rules, made explicit as `incref`/`decref` operations):
* a boxed Value is owned (its consumer releases it) or borrowed (`Value.owned`);
* a local's slot owns its object: arguments are increfed on entry, the old value is released
  after a store, locals are released at `return`; a boxed slot holds NULL whenever its local
  holds something else (so `release`, an xdecref, is always right);
* LOAD_FAST borrows from the slot; a store into that local first turns borrowed copies still
  on the stack into owned ones; stack entries that cross blocks (spill slots) are owned;
* an instruction releases the owned operands it consumes after its last guard; a deopt record
  holds owned references (the deopt block increfs borrowed ones), which the bridge takes over.

Cells (closures): a function with cells receives them as one tuple argument; LOAD_DEREF,
STORE_DEREF and LOAD_CLOSURE work on it, MAKE_FUNCTION makes a jitvm function through the
C-API, and deoptimization gives the tuple back to the frame.  Calls and operators are in
frontend_calls, the compile-time entries in frontend_entries.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from ..opcodes import Op
from .abi import shared_key_index, shared_keys_count, slot_offset
from .deopt import BIG_INTS
from .frontend import (BUILTINS, MATH, Const, MaybeUnbound, NotCompilable, RangeArgs, RangeIter,
                       _BINARY, _is_number)
from .frontend_calls import CallSteps
from .frontend_fused import FusionSteps
from .frontend_sequences import SequenceSteps
from .frontend_star import StarCallSteps
from .frontend_imports import ImportSteps
from .frontend_entries import (COMPOSITES, FROM_CLASS, NOT_MINE, NUMERIC, BoundFunction,
                               Enumerate, Method, ObjRef, Pair, Released, SeqIter, SliceArgs,
                               Zip, ZipItem, ZipIter, _cap,
                               is_boxed, is_number, value_kind)
from .ir import Value
from .types import BOOL, BOXED, INT, LIST, NONE, OBJ, TUPLE, Seq, guess_elem, join_elem, jtype_of

_SEQ_METHODS = {"append", "pop"}  # list methods compiled natively


class ObjectSteps(CallSteps, SequenceSteps, FusionSteps, StarCallSteps, ImportSteps):
    """The boxed-value half of the translation (mixed into frontend._Translator)."""

    def step_objects(self, index, op, arg, locals_, stack):
        handler = _STEPS.get(op)
        if handler is None:
            return NOT_MINE
        return handler(self, index, arg, locals_, stack)

    # -- helpers: values and references -----------------------------------------------------

    def _load_composite(self, depth, kind):
        """A compile-time entry reloaded from its spill slots at a block entry."""
        def part(i, k):
            v = self.emit("load", [self._spill_slot(depth, k, f"p{i}")], k)
            v.owned = v.type in BOXED
            return v
        tag = kind[0]
        if tag == "seqiter":
            return SeqIter(part(0, kind[1]), part(1, INT), part(2, INT) if kind[2] else None)
        if tag == "enumerate":
            return Enumerate(part(0, kind[1]), part(1, INT))
        if tag == "pair":
            return Pair(part(0, INT), part(1, kind[1]))
        if tag == "bound":
            return BoundFunction(part(0, kind[1]), kind[2])
        if tag in ("zip", "zipiter", "zipitem"):
            parts = tuple(part(i, k) for i, k in enumerate(kind[1]))
            if tag == "zipitem":
                return ZipItem(parts)
            if tag == "zip":
                return Zip(parts)
            return ZipIter(parts, part(len(parts), INT))
        return Method(part(0, kind[1]), kind[2])

    def osr_composite(self, depth, kind, params):
        """An on-stack-replacement entry: a list or tuple iterator on the stack arrives as its
        sequence, index (and enumerate's count)."""
        if kind[0] == "zipiter":  # (a fused generator expression's entry)
            kinds = list(kind[1]) + [INT]
        elif kind[0] != "seqiter":
            raise NotCompilable("an on-stack replacement entry with this iterator")
        else:
            kinds = [kind[1], INT] + ([INT] if kind[2] else [])
        for i, k in enumerate(kinds):
            value = self.emit(self.param_op, [next(params)], k)
            if value.type in BOXED:
                self.emit("incref", [value])
            self.emit("store", [self._spill_slot(depth, k, f"p{i}"), value])

    def kind_value(self, opcode, args, kind, deopt=None, owned=False) -> Value:
        v = self.emit(opcode, args, kind, deopt)
        v.owned = owned
        return v

    def newref(self, v: Value) -> Value:
        """A new owned reference to a boxed value."""
        copy = self.kind_value("newref", [v], value_kind(v), owned=True)
        return copy

    def take(self, v: Value) -> Value:
        """An owned reference: `v` itself if it is owned."""
        return v if v.owned else self.newref(v)

    def release(self, entry):
        """Drop a stack entry: release the references it owns."""
        if is_boxed(entry):
            if entry.owned:
                self.emit("decref", [entry])
        elif isinstance(entry, COMPOSITES):
            for part in entry.parts():
                self.release(part)

    def materialize(self, entry, index) -> Value:
        """A boxed Value for a stack entry: a constant becomes a (borrowed) object."""
        if isinstance(entry, Value):
            return entry
        if isinstance(entry, Const):
            return self.const_object(entry.value)
        if isinstance(entry, Method):
            obj = self.kind_value("getattr", [entry.recv, entry.name], OBJ, None, owned=True)
            self.release(entry.recv)
            return obj
        if isinstance(entry, BoundFunction):
            self.fail("a method used other than by calling it", index)
        self.fail("a value the JIT cannot box", index)

    def zip_tuple(self, item, redo) -> Value:
        """The tuple a native zip step yields, made (where it is used as a value)."""
        elem = None
        for v in item.items:
            elem = join_elem(elem, value_kind(v))
        return self.kind_value("build.tuple", [list(item.items)], Seq(TUPLE, _cap(elem)),
                               redo, owned=True)

    def const_object(self, obj) -> Value:
        """A borrowed reference to an object that outlives the code (a constant, or a global
        kept alive by its guard)."""
        if type(obj) in (list, tuple):
            kind = Seq(LIST if type(obj) is list else TUPLE, guess_elem(obj))
        else:
            kind = OBJ
        return self.kind_value("const_obj", [ObjRef(obj)], kind)

    def box(self, entry, index, redo) -> Value:
        """A boxed Value for a call argument or a list item (owned when made here)."""
        if is_number(entry):
            return self.kind_value(f"box.{entry.type}", [entry], OBJ,
                                   redo if entry.type is not BOOL else None, owned=True)
        if isinstance(entry, SeqIter) and entry.count is None:  # a real list iterator
            boxed = self.kind_value("box.seqiter", [entry.seq, entry.index], OBJ, redo,
                                    owned=True)
            self.release(entry.seq)  # (the iterator holds its own reference)
            return boxed
        if isinstance(entry, SliceArgs):
            return self.kind_value("box.slice", list(entry.items), OBJ, redo, owned=True)
        if isinstance(entry, ZipItem):
            return self.zip_tuple(entry, redo)
        if isinstance(entry, Zip):  # a real zip object, of the same sequences
            return self.kind_value("call_object", [ObjRef(zip), list(entry.seqs)], OBJ, redo,
                                   owned=True)
        if isinstance(entry, (RangeArgs, RangeIter)):  # a real range (iterator) object
            kind = "range" if isinstance(entry, RangeArgs) else "rangeiter"
            return self.kind_value(f"box.{kind}", [entry.start if kind == "range" else
                                                   entry.current, entry.stop, entry.step],
                                   OBJ, redo, owned=True)
        return self.materialize(entry, index)

    def read_element(self, item: Value, elem, deopt) -> Value:
        """An item (borrowed from its list) as a value of the guessed kind: type-guarded and
        unboxed, or an owned reference."""
        if elem in NUMERIC:
            self.emit("guard_type", [item, elem], None, deopt)
            return self.emit(f"unbox.{elem}", [item], elem, deopt)
        if isinstance(elem, Seq):
            self.emit("guard_type", [item, elem.type], None, deopt)
            return self.newref(self.kind_value("cast", [item], elem))
        return self.newref(item)

    def own_borrowed(self, stack, slot):
        """Before `slot` is overwritten: copies borrowed from it still on the stack take a
        reference of their own."""
        for i, entry in enumerate(stack):
            if is_boxed(entry) and not entry.owned and entry.source == slot:
                stack[i] = self.newref(entry)
            elif isinstance(entry, BoundFunction) and not entry.recv.owned \
                    and entry.recv.source == slot:
                stack[i] = BoundFunction(self.newref(entry.recv), entry.target)

    def error_point(self, index, locals_, stack, operands=(), quiet=False):
        """The instruction at `index` raised (after its operands were popped): its exception
        propagates from there.  The `operands` it still holds go to the interpreter frame
        with it (and are dropped when the exception unwinds it).  `quiet`: the operation
        cannot run Python code (in a module-level loop: no writes of its variables)."""
        held = [v for v in operands if is_boxed(v) and v.owned]
        point = self.deopt_point(index, locals_, stack + held, after_call=True, reason="raised",
                                 quiet=quiet)
        if point is not None:
            point.raises = True
        self.catch_edge(index, locals_, stack + held, point)  # (a `try` here: frontend_handlers)
        return point

    def feedback(self, table: str, index):
        """What the interpreter recorded at `index` (a profile table), read once per
        translation so that both walks see the same."""
        key = (table, index)
        if key not in self.guesses:
            code = getattr(self.code, "module_origin", self.code)  # (a module loop's view)
            origin = getattr(code, "feedback_origin", None)  # fused code: its genexpr's
            if origin is not None:
                code, index = origin[0], origin[1].get(index)
            profile = self.jit.vm.profiles.get(code) if self.jit is not None else None
            seen = getattr(profile, table).get(index) if profile is not None else None
            self.guesses[key] = frozenset(seen) if seen else frozenset()
        return self.guesses[key]

    def result_guess(self, index, default=None):
        """The one type the interpreter saw this instruction produce, if it is a number, a
        list or a tuple: its kind (a list's elements unknown)."""
        seen = self.feedback("result_types", index)
        if len(seen) == 1:
            cls = next(iter(seen))
            if cls is list or cls is tuple:
                return Seq(LIST if cls is list else TUPLE)
            return FROM_CLASS.get(cls)
        return default if not seen else None

    def unbox_result(self, result: Value, index, locals_, stack, default=None) -> Value:
        """A boxed result, unboxed (or known to be a list or tuple) if the interpreter saw one
        such type here (a different one deoptimizes after the instruction, with the result
        on the stack).  `default`: the guess when the interpreter saw nothing."""
        guess = self.result_guess(index, default)
        if guess is None and default is None and not self.feedback("result_types", index) \
                and self.code.instructions[index][0] in _LEARNT_RESULTS:
            self.unprofiled(index, "result_types")  # (what it makes: learnt by running it)
        if guess is None or guess is INT and BIG_INTS in self.feedback("operand_types", index):
            return result  # (an int beyond 64 bits was met here: deopt.py)
        deopt = self.deopt_point(index + 1, locals_, stack + [result], reason="result type")
        self.emit("guard_type", [result, jtype_of(guess)], None, deopt)
        if isinstance(guess, Seq):
            return self.kind_value("cast", [result], guess, owned=True)
        value = self.emit(f"unbox.{guess}", [result], guess, deopt)
        self.emit("decref", [result])
        return value

    # -- locals -------------------------------------------------------------------------------

    def _load_fast(self, index, arg, locals_, stack):
        kind = locals_[arg]
        base = kind.type if isinstance(kind, MaybeUnbound) else kind
        if base is None or jtype_of(base) not in BOXED:
            return NOT_MINE
        if isinstance(kind, MaybeUnbound):
            bound = self.emit("load", [self._bound_slot(arg, base)], BOOL)
            self.emit("guard_true", [bound], None,
                      self.deopt_point(index, locals_, stack, reason="unbound local"))
        v = self.load_local(arg, base)
        v.source = self._local_slot(arg, base)
        if arg in self.widen_locals:
            self.mixed.add(v.id)  # its type varies: no operand guess without feedback
        stack.append(v)
        return None

    def _store_fast(self, index, arg, locals_, stack):
        value = stack[-1]
        if isinstance(value, ZipItem):
            value = stack[-1] = self.zip_tuple(value, self.deopt_point(
                index, locals_, list(stack), reason="boxing"))
        old = locals_[arg]
        old_base = old.type if isinstance(old, MaybeUnbound) else old
        old_boxed = old_base is not None and jtype_of(old_base) in BOXED
        if arg in self.widen_locals:  # its type differs between paths: always an `obj`
            value = stack[-1] = self.widened(value, index, locals_, stack)
        if isinstance(value, Const) and not _is_number(value.value):
            value = stack[-1] = self.const_object(value.value)  # None too: an `obj` local
        if not is_boxed(value) and not old_boxed:
            return NOT_MINE
        if not isinstance(value, Value):
            self.fail("storing a non-numeric value in a local", index)
        stack.pop()
        kind = value_kind(value)
        slot = self._local_slot(arg, kind)
        if old_boxed:
            old_slot = self._local_slot(arg, old_base)
            self.own_borrowed(stack, old_slot)
        if is_boxed(value) and not value.owned:
            self.emit("incref", [value])
        if old_boxed:
            previous = self.emit("load", [old_slot], old_base)
            self.emit("store", [slot, value])
            if old_slot != slot:
                self.emit("clear", [old_slot])
            self.emit("xdecref" if isinstance(old, MaybeUnbound) else "decref", [previous])
        else:
            self.emit("store", [slot, value])
        if (arg, value.type) in self.maybe_locals:
            self.emit("store", [self._bound_slot(arg, value.type),
                                self.emit("const", [BOOL, True], BOOL)])
        locals_[arg] = kind
        return None

    def widened(self, value, index, locals_, stack):
        """`value` (on top of `stack`) as an `obj`, for a widened local or return."""
        if isinstance(value, Value) and value.type in NUMERIC:
            return self.box(value, index, self.deopt_point(index, locals_, stack,
                                                           reason="boxing"))
        if is_boxed(value) and value.type is not OBJ:
            return self.kind_value("cast", [value], OBJ, owned=value.owned)
        if isinstance(value, Const) and value.value is None:
            return self.const_object(None)
        return value

    def release_locals(self, locals_):
        for i, kind in enumerate(locals_):
            base = kind.type if isinstance(kind, MaybeUnbound) else kind
            if base is not None and jtype_of(base) in BOXED:
                self.emit("release", [self._local_slot(i, base)])
        if self.code.has_cells:
            self.emit("release", [self.cells_slot()])

    # -- cells (closures) ---------------------------------------------------------------------
    # A function with cells receives them as one tuple (its own cells, then its closure's),
    # kept in the slot $cells for the whole call; deoptimization hands it to the frame.

    def cells_slot(self):
        return self.fn.slot("$cells", TUPLE) if self.fn is not None else ("$cells", TUPLE)

    def enter_cells(self, param: int):
        cells = self.emit("arg", [param], TUPLE)
        self.emit("incref", [cells])
        self.emit("store", [self.cells_slot(), cells])

    def _cells(self):
        return self.emit("load", [self.cells_slot()], TUPLE)

    def _load_deref(self, index, arg, locals_, stack):
        value = self.kind_value("load_deref", [self._cells(), arg], OBJ, self.deopt_point(
            index, locals_, stack, reason="empty cell"), owned=True)
        stack.append(self.unbox_result(value, index, locals_, stack))
        return None

    def _store_deref(self, index, arg, locals_, stack):
        value = stack.pop()
        if isinstance(value, (RangeArgs,) + COMPOSITES):
            self.fail("storing an iterator in a cell", index)
        item = self.materialize(value, index)
        self.emit("store_deref", [self._cells(), arg, item], None,
                  self.deopt_point(index, locals_, stack + [value], reason="boxing"))
        self.release(item)  # the cell took its own reference
        return None

    def _load_closure(self, index, arg, locals_, stack):
        stack.append(self.kind_value("cell", [self._cells(), arg], OBJ))
        return None

    def _make_function(self, index, arg, locals_, stack):
        from ..objects import Function
        from ..opcodes import MF_ANNOTATIONS, MF_CLOSURE, MF_DEFAULTS, MF_KWDEFAULTS
        if self.make_genexpr(index, arg, stack):  # called next, fused with its consumer
            return None
        code = stack.pop()
        parts = {}
        for flag in (MF_CLOSURE, MF_ANNOTATIONS, MF_KWDEFAULTS, MF_DEFAULTS):
            if arg & flag:
                parts[flag] = stack.pop()
        entries = [parts.get(f) for f in (MF_DEFAULTS, MF_KWDEFAULTS, MF_CLOSURE,
                                          MF_ANNOTATIONS)]
        if not isinstance(code, Const) or any(isinstance(e, (RangeArgs,) + COMPOSITES)
                                              for e in entries):
            self.fail("making a function the JIT cannot see", index)
        pre = stack + [parts[f] for f in (MF_DEFAULTS, MF_KWDEFAULTS, MF_ANNOTATIONS,
                                          MF_CLOSURE) if f in parts] + [code]
        redo = self.deopt_point(index, locals_, pre, reason="boxing")
        args = [self.const_object(self.jit.vm), self.const_object(code.value),
                self.const_object(self.globals)]
        defaults = [Const(()), Const(None), Const(()), Const(None)]
        args += [self.box(e if e is not None else d, index, redo)
                 for e, d in zip(entries, defaults)]
        made = self.kind_value("call_object", [ObjRef(Function), args], OBJ,
                               self.error_point(index, locals_, stack), owned=True)
        made.source = ("made", code.value)  # what calling it will make: see host_call
        stack.append(made)
        return None

    # -- stack ----------------------------------------------------------------------------------

    def _pop_top(self, index, arg, locals_, stack):
        top = stack[-1]
        if not (is_boxed(top) or isinstance(top, COMPOSITES)):
            return NOT_MINE
        self.release(stack.pop())
        return None

    def _dup_top(self, index, arg, locals_, stack):
        top = stack[-1]
        if isinstance(top, COMPOSITES):
            self.fail("copying an iterator", index)
        if not (is_boxed(top) and top.owned):
            return NOT_MINE
        stack.append(self.newref(top))
        return None

    def _dup_top_two(self, index, arg, locals_, stack):
        pair = stack[-2:]
        if not any(isinstance(e, COMPOSITES) or is_boxed(e) and e.owned for e in pair):
            return NOT_MINE
        for entry in pair:
            if isinstance(entry, COMPOSITES):
                self.fail("copying an iterator", index)
            stack.append(self.newref(entry) if is_boxed(entry) and entry.owned else entry)
        return None

    def _load_const(self, index, arg, locals_, stack):
        value = self.code.consts[arg]
        if _is_number(value) or value is None:
            return NOT_MINE
        stack.append(Const(value))  # boxed where it is used as an object
        return None

    def _return_value(self, index, arg, locals_, stack):
        if self.box_returns:  # returns of different types: all return an `obj`
            stack[-1] = self.widened(stack[-1], index, locals_, stack)
        value = stack[-1]
        live = self.code.has_cells or any(
            base is not None and jtype_of(base) in BOXED
            for base in (k.type if isinstance(k, MaybeUnbound) else k for k in locals_))
        if not (live or is_boxed(value) or isinstance(value, COMPOSITES)
                or isinstance(value, Const) and value.value is not None
                or any(is_boxed(e) or isinstance(e, COMPOSITES) for e in stack)):
            return NOT_MINE
        stack.pop()
        if isinstance(value, Const) and value.value is None:
            result = None
        else:
            result = self.materialize(value, index)
            if is_boxed(result):
                result = self.take(result)
        for entry in stack:
            self.release(entry)
        self.release_locals(locals_)
        if result is None:
            self.return_types.add(NONE)
            self.emit("ret", [])
        else:
            self.return_types.add(result.type)
            self.return_elem = join_elem(getattr(self, "return_elem", None), result.elem)
            self.emit("ret", [result])
        return []

    # -- names ----------------------------------------------------------------------------------

    def _load_global(self, index, arg, locals_, stack):
        name = self.code.names[arg]
        if name not in self.globals and name not in self.builtins:
            return NOT_MINE
        if self.promoted is None and name in self.jit.stored_globals(self.globals) \
                or self.jit.rebound_global(self.globals, name):
            return self._load_stored_global(index, name, locals_, stack)
        target = self.resolve_global(name, index)
        if (target is __import__("math") or any(target is b for b in BUILTINS)
                or self.jit.is_jitvm_function(target) or _is_number(target)):
            return NOT_MINE
        in_globals = name in self.globals
        self.guard(name, self.globals, self.builtins if not in_globals else None, name,
                   target, self.deopt_point(index, locals_, stack,
                                            reason=f"global {name} rebound"))
        stack.append(self.global_entry(target))
        return None

    def _load_stored_global(self, index, name, locals_, stack):
        """A global some function assigns (`global n; n += 1`): read from the module's dict
        at each use, not compiled in behind a guard that every assignment would fail; a
        number is unboxed as the type it holds now (another type deoptimizes after the
        load)."""
        value = self.kind_value("load_global", [self.const_object(self.globals),
                                                self.const_object(self.builtins), name], OBJ,
                                self.deopt_point(index, locals_, stack,
                                                 reason=f"global {name} not defined"),
                                owned=True)
        current = self.globals.get(name, self.builtins.get(name))
        self.mixed.add(value.id)
        stack.append(self.unbox_result(value, index, locals_, stack,
                                       FROM_CLASS.get(type(current))))
        return None

    def _store_global(self, index, arg, locals_, stack):
        """`global n; n = ...` in a function: the value boxed into the module's dict."""
        name = self.code.names[arg]
        if self.promoted is not None or isinstance(stack[-1], (RangeArgs,) + COMPOSITES):
            return NOT_MINE
        value = stack.pop()
        redo = self.deopt_point(index, locals_, stack + [value], reason="boxing")
        boxed = self.box(value, index, redo)
        self.emit("store_global", [self.const_object(self.globals), name, boxed], None,
                  self.error_point(index, locals_, stack, [boxed]))
        return None

    def global_entry(self, target):
        """A global's (or a module attribute's) stack entry: callables, modules and None
        stay compile-time constants (calls and attributes resolve on them); a list, a dict,
        a string, any other object is a boxed value (the code keeps it alive)."""
        if target is None or callable(target) or type(target) is ModuleType:
            return Const(target)
        return self.const_object(target)

    def as_object(self, entry):
        """A constant operand that is an object (a string, a tuple...): as a boxed value."""
        if isinstance(entry, Const) and entry.value is not None \
                and not _is_number(entry.value) and not callable(entry.value) \
                and type(entry.value) is not ModuleType:
            return self.const_object(entry.value)
        return entry

    def _load_attr(self, index, arg, locals_, stack):
        owner = stack[-1]
        name = self.code.names[arg]
        if isinstance(owner, Const):
            module = owner.value
            if module is __import__("math") and name in MATH:
                return NOT_MINE
            if type(module) is __import__("types").ModuleType and name in module.__dict__:
                stack.pop()
                target = module.__dict__[name]
                self.guard(f"{module.__name__}.{name}", module.__dict__, None, name, target,
                           self.deopt_point(index, locals_, stack + [owner],
                                            reason=f"{module.__name__}.{name} rebound"))
                if _is_number(target):
                    stack.append(self.constant(target))
                else:
                    stack.append(self.global_entry(target))
                return None
            joined = type(owner.value) is str and name == "join"
            owner = stack[-1] = self.as_object(owner)  # `", ".join`, a global object's
            if joined:  # `", ".join(genexpr)`: fused (frontend_fused.fusion_site)
                result = self.kind_value("getattr", [owner, name], OBJ,
                                         self.error_point(index, locals_, stack[:-1], [owner]),
                                         owned=True)
                stack.pop()
                self.release(owner)
                result.source = ("str.join",)
                stack.append(result)
                return None
        if not is_boxed(owner):
            return NOT_MINE
        stack.pop()
        if is_boxed(owner) and owner.type is LIST and name in _SEQ_METHODS:
            stack.append(Method(self.take(owner), name, owner.source))
            return None
        method = self.method_entry(index, owner, name, locals_, stack)  # (frontend_pic.py)
        if method is not None:
            stack.append(method)
            return None
        obj = self.materialize(owner, index)
        cls = self.attribute_class(index, owner, name)
        slot = self.slot_member(index, owner, name) if cls is None else None
        if cls is not None:  # an instance attribute of one ordinary class: read in place
            result = self.kind_value("getattr.cached", [obj, name, ObjRef(cls),
                                                        shared_key_index(cls, name)], OBJ,
                                     self.error_point(index, locals_, stack, [obj]), owned=True)
        elif slot is not None:  # a `__slots__` member of one class: read in place
            result = self.kind_value("getattr.slot", [obj, name] + slot, OBJ,
                                     self.error_point(index, locals_, stack, [obj]), owned=True)
        else:
            result = self.kind_value("getattr", [obj, name], OBJ,
                                     self.error_point(index, locals_, stack, [obj]), owned=True)
        self.release(obj)
        stack.append(self.unbox_result(result, index, locals_, stack))
        return None

    def attribute_class(self, index, owner, name):
        """The class whose instances the interpreter saw `owner` be here, if it keeps `name`
        in its instances' values arrays (an ordinary class that has assigned it)."""
        if not getattr(self.jit, "attribute_reads", False) or not is_boxed(owner) \
                or owner.type is not OBJ:
            return None
        seen = self.feedback("owner_types", index)
        if not seen:
            self.unprofiled(index, "owner_types")  # (which class: learnt by running it)
            seen = self.owners_of(name)  # (a cold path: the class its name's other sites saw)
        if len(seen) != 1:
            return None
        cls = next(iter(seen))
        if type(cls) is not type or cls.__getattribute__ is not object.__getattribute__ \
                or shared_key_index(cls, name) is None:
            return None
        return cls

    def slot_member(self, index, owner, name):
        """[class, member, offset] when the interpreter saw objects of one class here whose
        attribute `name` is a `__slots__` member (an object kept at that offset in the
        instance: lower_attributes.op_getattr_slot), else None."""
        if not getattr(self.jit, "attribute_reads", False) or not is_boxed(owner) \
                or owner.type is not OBJ:
            return None
        seen = self.feedback("owner_types", index) or self.owners_of(name)
        if len(seen) != 1:
            return None
        cls = next(iter(seen))
        if type(cls) is not type or cls.__getattribute__ is not object.__getattribute__:
            return None
        member = next((k.__dict__[name] for k in cls.__mro__ if name in k.__dict__), None)
        offset = slot_offset(member)
        return None if offset is None else [ObjRef(cls), ObjRef(member), offset]

    def owners_of(self, name):
        """The classes the interpreter saw at every site reading or writing attribute `name`
        in this code: the guess for a site it never ran (a branch not taken while the code
        warmed up, such as a bounce off a wall).  (Only a guess of where to read: the fast
        path checks the class.)"""
        key = ("owners of", name)
        if key not in self.guesses:
            seen = set()
            for i, (op, arg) in enumerate(self.code.instructions):
                if op in (Op.LOAD_ATTR, Op.STORE_ATTR) and self.code.names[arg] == name:
                    seen |= self.feedback("owner_types", i)
            self.guesses[key] = frozenset(seen)
        return self.guesses[key]

    def bound_function(self, index, owner, name, target, locals_, stack):
        """`owner.name` for a direct call of `target`: CPython's method lookup, which must
        find `target` unbound (else the attribute, as LOAD_ATTR makes it, goes to the
        interpreter after this instruction)."""
        if not owner.owned and owner.source is None:
            owner = self.take(owner)  # (borrowed from something other than a local)
        attr = self.kind_value("load_method", [owner, name, ObjRef(target)]
                               + self.method_cache(index, owner, name), OBJ,
                               self.error_point(index, locals_, stack, [owner]), owned=True)
        same = self.emit("same", [attr, self.const_object(target)], BOOL)
        # (after LOAD_ATTR the interpreter's stack holds the attribute, not the owner)
        dropped = [Released(owner)] if owner.owned else []
        self.emit("guard_true", [same], None, self.deopt_point(
            index + 1, locals_, stack + [attr] + dropped, reason=f"method {name} is not "
            f"{target.__qualname__}"))
        self.emit("decref", [attr])  # (the class holds the function; so does the code)
        return BoundFunction(owner, target)

    def method_cache(self, index, owner, name):
        """What lets the method lookup of `owner.name` skip CPython's lookup for objects of
        the one class the interpreter saw there (lower_attributes.op_load_method): that
        class, the name's place in its shared keys (if an instance ever had an attribute of
        that name) and how many names those keys hold.  [] if none."""
        if not getattr(self.jit, "attribute_reads", False):
            return []
        seen = self.feedback("owner_types", index)
        if len(seen) != 1:
            return []
        cls = next(iter(seen))
        count = shared_keys_count(cls)
        if count is None or cls.__getattribute__ is not object.__getattribute__:
            return []
        return [ObjRef(cls), shared_key_index(cls, name), count]

    def _store_attr(self, index, arg, locals_, stack):
        owner, value = stack[-1], stack[-2]
        if not (is_boxed(owner) or isinstance(owner, Const)) or isinstance(
                value, (RangeArgs,) + COMPOSITES):
            return NOT_MINE
        del stack[-2:]
        redo = self.deopt_point(index, locals_, stack + [value, owner], reason="boxing")
        obj = self.materialize(owner, index)
        boxed = self.box(value, index, redo)
        name = self.code.names[arg]
        cls = self.attribute_class(index, owner, name)
        slot = self.slot_member(index, owner, name) if cls is None else None
        if cls is not None:  # an instance attribute of one ordinary class: written in place
            self.emit("setattr.cached", [obj, name, boxed, ObjRef(cls),
                                         shared_key_index(cls, name)], None,
                      self.error_point(index, locals_, stack, [boxed, obj]))
        elif slot is not None:  # a `__slots__` member of one class: written in place
            self.emit("setattr.slot", [obj, name, boxed] + slot, None,
                      self.error_point(index, locals_, stack, [boxed, obj]))
        else:
            self.emit("setattr", [obj, name, boxed], None,
                      self.error_point(index, locals_, stack, [boxed, obj]))
        self.release(boxed)
        self.release(obj)
        return None

# Results worth a soft exit when they have no feedback (frontend.unprofiled): an item or an
# attribute, often a number the code goes on computing with.  Not a call's (of a host
# callable: mostly strings, dicts... which the code made again would not unbox either) nor
# a cell's.
_LEARNT_RESULTS = frozenset((Op.BINARY_SUBSCR, Op.LOAD_ATTR))


def _binary_step(op):
    return lambda self, index, arg, locals_, stack: self._binary(index, op, locals_, stack)


_STEPS: dict[Op, Any] = {
    Op.LOAD_FAST: ObjectSteps._load_fast,
    Op.STORE_FAST: ObjectSteps._store_fast,
    Op.POP_TOP: ObjectSteps._pop_top,
    Op.DUP_TOP: ObjectSteps._dup_top,
    Op.DUP_TOP_TWO: ObjectSteps._dup_top_two,
    Op.LOAD_CONST: ObjectSteps._load_const,
    Op.RETURN_VALUE: ObjectSteps._return_value,
    Op.LOAD_GLOBAL: ObjectSteps._load_global,
    Op.STORE_GLOBAL: ObjectSteps._store_global,
    Op.LOAD_ATTR: ObjectSteps._load_attr,
    Op.BEFORE_WITH: ObjectSteps._before_with,
    Op.RAISE_VARARGS: ObjectSteps._raise,
    Op.YIELD_VALUE: ObjectSteps._yield,
    Op.BINARY_SUBSCR: ObjectSteps._binary_subscr,
    Op.STORE_SUBSCR: ObjectSteps._store_subscr,
    Op.DELETE_SUBSCR: ObjectSteps._delete_subscr,
    Op.BUILD_SLICE: ObjectSteps._build_slice,
    Op.BUILD_LIST: ObjectSteps._build_list,
    Op.BUILD_TUPLE: ObjectSteps._build_tuple,
    Op.UNPACK_SEQUENCE: ObjectSteps._unpack_sequence,
    Op.COMPARE_OP: ObjectSteps._compare_op,
    Op.IS_OP: ObjectSteps._is_op,
    Op.CONTAINS_OP: ObjectSteps._contains_op,
    Op.POP_JUMP_IF_FALSE: ObjectSteps._jump_if,
    Op.POP_JUMP_IF_TRUE: ObjectSteps._jump_if,
    Op.JUMP_IF_FALSE_OR_POP: ObjectSteps._jump_or_pop,
    Op.JUMP_IF_TRUE_OR_POP: ObjectSteps._jump_or_pop,
    Op.GET_ITER: ObjectSteps._get_iter,
    Op.FOR_ITER: ObjectSteps._for_iter,
    Op.CALL_FUNCTION: ObjectSteps._call_function,
    Op.CALL_FUNCTION_KW: ObjectSteps._call_function_kw,
    Op.CALL_FUNCTION_EX: ObjectSteps._call_function_ex,
    Op.DICT_MERGE: ObjectSteps._dict_merge,
    Op.LIST_EXTEND: ObjectSteps._list_extend,
    Op.LIST_TO_TUPLE: ObjectSteps._list_to_tuple,
    Op.DICT_UPDATE: ObjectSteps._dict_update,
    Op.UNPACK_EX: ObjectSteps._unpack_ex,
    Op.IMPORT_NAME: ObjectSteps._import_name,
    Op.IMPORT_FROM: ObjectSteps._import_from,
    Op.LIST_APPEND: ObjectSteps._list_append,
    Op.MAP_ADD: ObjectSteps._map_add,
    Op.SET_ADD: ObjectSteps._set_add,
    Op.LOAD_DEREF: ObjectSteps._load_deref,
    Op.STORE_ATTR: ObjectSteps._store_attr,
    Op.STORE_DEREF: ObjectSteps._store_deref,
    Op.LOAD_CLOSURE: ObjectSteps._load_closure,
    Op.MAKE_FUNCTION: ObjectSteps._make_function,
    Op.BUILD_MAP: ObjectSteps._build_map,
    Op.BUILD_SET: ObjectSteps._build_set,
    Op.BUILD_CONST_KEY_MAP: ObjectSteps._build_const_key_map,
    Op.FORMAT_VALUE: ObjectSteps._format_value,
    Op.BUILD_STRING: ObjectSteps._build_string,
}
_STEPS.update({op: _binary_step(op) for op in _BINARY})
_STEPS.update({op: (lambda op: lambda self, index, arg, locals_, stack: self._unary(
    index, op, locals_, stack))(op)
    for op in (Op.UNARY_NEGATIVE, Op.UNARY_POSITIVE, Op.UNARY_INVERT, Op.UNARY_NOT)})
