"""Bytecode → JIT IR for calls and operators on boxed values (a mixin of the translator, with
frontend_objects).

Calls: builtins on lists (len, sum, min, max, enumerate, list, tuple) and list methods
(append, pop) compile natively; a jitvm function is a direct native call when it compiles;
anything else is called through the C-API (`call_object`) with boxed arguments, its result
unboxed behind a type guard when the interpreter saw one numeric type there.  Operators on
objects are the C-API's (PyNumber_*, PyObject_RichCompare), or, where the interpreter saw
numbers, guarded unboxing and the numeric operation.
"""

from __future__ import annotations

import builtins
import sys

from ..frame_builtins import FRAME_BUILTINS
from ..handlers.control import _enter_context
from ..opcodes import COMPARE_OPS, FV_SPEC, Op
from .deopt import BIG_INTS, CALLEE_CHANGED
from .module_loops import YIELD_EXIT
from .frontend import (BUILTINS, MATH_FLOAT_FUNCTIONS, Const, MaybeUnbound, NotCompilable,
                       RangeArgs, State, _BINARY, _CMP_NAMES, _callable_name, _kind)
from .frontend_entries import (COMPOSITES, FROM_CLASS, NOT_MINE, NUMERIC, BoundFunction,
                               Enumerate, GenCall, MadeGen, Method, ObjRef, PolyMethod,
                               Released, SeqIter,
                               Zip, _cap,
                               _one_of, is_boxed, is_number, value_kind)
from .frontend_pic import PicSteps
from .ir import Block, Value
from .types import BOOL, BOXED, FLOAT, INT, LIST, NONE, OBJ, TUPLE, Seq, join_elem

# Builtins that need the caller's frame: never called from native code.
_FRAME_BUILTINS = tuple(FRAME_BUILTINS)
# What a call of these makes, guessed where the interpreter has not run it yet (compiled
# before the first execution: `--jit-threshold 0`, or a call not reached while warming up).
# `n = int(sys.argv[1])` then holds an int, not an object every later use of n operates on
# through the C-API.  A guess is guarded: another type, or an int beyond 64 bits, deoptimizes
# after the call, and the feedback learns it.
_RESULT_GUESSES = {int: INT, float: FLOAT, len: INT, bool: BOOL, ord: INT, hash: INT,
                   round: INT, list: Seq(LIST), sorted: Seq(LIST), tuple: Seq(TUPLE)}
_MODULE_RESULT_GUESSES = {"time": {"time": FLOAT, "perf_counter": FLOAT,
                                   "monotonic": FLOAT, "process_time": FLOAT},
                          "random": {"random": FLOAT, "uniform": FLOAT, "randint": INT,
                                     "randrange": INT, "gauss": FLOAT}}


def _result_guess(target, args) -> object:
    """The kind a call of `target` (a constant) is guessed to make, if the interpreter saw
    it make nothing yet (see _RESULT_GUESSES), or None."""
    try:
        guess = _RESULT_GUESSES.get(target)
    except TypeError:  # (an unhashable callable)
        return None
    if guess is not None:
        # (round(x, n) of a float is a float; int(), float() of nothing are 0 and 0.0)
        return guess if target is not round or len(args) == 1 else None
    name = getattr(target, "__name__", None)
    if not isinstance(name, str):
        return None
    for module, names in _MODULE_RESULT_GUESSES.items():
        if name in names and getattr(sys.modules.get(module), name, None) is target:
            return names[name]
    return None


class CallSteps(PicSteps):
    """Calls and operators (see the module docstring)."""

    # -- dicts and strings ------------------------------------------------------------------------

    def _build_map(self, index, arg, locals_, stack):
        return self._dict(index, locals_, stack, None, 2 * arg)

    def _build_const_key_map(self, index, arg, locals_, stack):
        keys = stack.pop()
        return self._dict(index, locals_, stack, keys.value, arg)

    def _dict(self, index, locals_, stack, keys, count):
        items = stack[len(stack) - count:] if count else []
        if any(isinstance(e, (RangeArgs,) + COMPOSITES) for e in items):
            self.fail("a dict of iterators", index)
        del stack[len(stack) - count:]
        redo = self.deopt_point(index, locals_, stack + items + (
            [Const(keys)] if keys is not None else []), reason="boxing")
        boxed = [self.box(e, index, redo) for e in items]
        key_args = [ObjRef(keys)] if keys is not None else []
        made = self.kind_value("build.dict", [boxed] + key_args, OBJ,
                               self.error_point(index, locals_, stack, boxed), owned=True)
        for value in boxed:
            self.release(value)
        stack.append(made)
        return None

    def _build_set(self, index, arg, locals_, stack):
        items = stack[len(stack) - arg:] if arg else []
        if any(isinstance(e, (RangeArgs,) + COMPOSITES) for e in items):
            self.fail("a set of iterators", index)
        del stack[len(stack) - arg:]
        redo = self.deopt_point(index, locals_, stack + items, reason="boxing")
        boxed = [self.box(e, index, redo) for e in items]
        made = self.kind_value("build.set", [boxed], OBJ,
                               self.error_point(index, locals_, stack, boxed), owned=True)
        for value in boxed:
            self.release(value)
        stack.append(made)
        return None

    def _format_value(self, index, arg, locals_, stack):
        spec = stack.pop() if arg & FV_SPEC else None
        value = stack.pop()
        if isinstance(value, (RangeArgs,) + COMPOSITES):
            self.fail("formatting an iterator", index)
        pre = stack + [value] + ([spec] if spec is not None else [])
        redo = self.deopt_point(index, locals_, pre, reason="boxing")
        boxed = self.box(value, index, redo)
        spec_value = self.materialize(spec, index) if spec is not None else None
        operands = [boxed] + ([spec_value] if spec_value is not None else [])
        text = self.kind_value("format", [boxed, spec_value, arg & 3], OBJ,
                               self.error_point(index, locals_, stack, operands), owned=True)
        for v in operands:
            self.release(v)
        stack.append(text)
        return None

    def _build_string(self, index, arg, locals_, stack):
        parts = [self.materialize(e, index) for e in stack[len(stack) - arg:]]
        del stack[len(stack) - arg:]
        text = self.kind_value("join.str", [parts], OBJ,
                               self.error_point(index, locals_, stack, parts), owned=True)
        for v in parts:
            self.release(v)
        stack.append(text)
        return None

    # -- operators --------------------------------------------------------------------------------

    def _binary(self, index, op, locals_, stack):
        a, b = stack[-2], stack[-1]
        if not (is_boxed(a) or is_boxed(b) or isinstance(a, Const) and is_number(b)
                or isinstance(b, Const) and is_number(a) or self.meets_big_ints(index, a, b)):
            return NOT_MINE
        name = _BINARY[op]
        guess = self._operand_guess(index, [a, b])
        if guess is not None:
            del stack[-2:]
            deopt = self.deopt_point(index, locals_, stack + [a, b], reason="operand type")
            x, y = (self._unbox_operand(v, t, deopt) for v, t in zip((a, b), guess))
            if self.catches(index):  # (a zero divisor raises for the handler)
                self.raise_if_zero(name, x, y, index, locals_, stack)
            stack.append(self.binary(name, x, y, self.deopt_point(
                index, locals_, stack + [x, y], reason=op.name), index))
            return None
        dunder = self.dunder_target(index, op, a, b)
        if dunder is not None:
            try:
                return self.dunder_call(index, op, a, b, dunder, locals_, stack)
            except NotCompilable:
                pass
        slot = self._appended_local(index, op, a, stack)
        del stack[-2:]
        redo = self.deopt_point(index, locals_, stack + [a, b], reason="boxing")
        if slot is not None:  # `s += t` on a str local: appended in place, as CPython does
            y = self.box(b, index, redo)
            result = self.kind_value("append_local", [slot, y], OBJ,
                                     self.error_point(index, locals_, stack, [y]), owned=True)
            self.release(y)
            stack.append(result)
            return None
        x, y = self.box(a, index, redo), self.box(b, index, redo)
        kind = _sequence_result(name, a, b, op.name.startswith("INPLACE"))
        inplace = "inplace_" if op.name.startswith("INPLACE") else ""
        result = self.kind_value(f"number.{inplace}{name}", [x, y], kind,
                                 self.error_point(index, locals_, stack, [x, y]), owned=True)
        if any(isinstance(v, Value) and v.id in self.mixed for v in (a, b)):
            self.mixed.add(result.id)  # (of a value whose type varies: no guesses either)
        self.release(x)
        self.release(y)
        stack.append(result if kind is not OBJ else self.unbox_result(result, index, locals_,
                                                                     stack))
        return None

    def _appended_local(self, index, op, a, stack):
        """The slot of local `s` in `s += t; s` (INPLACE_ADD then STORE_FAST to the local
        the left operand was loaded from, nothing else on the stack borrowing it): CPython
        appends a str in place there when the local holds the only reference."""
        if op != Op.INPLACE_ADD or not (is_boxed(a) and a.type is OBJ and not a.owned) \
                or (str, str) not in self.feedback("operand_types", index):
            return None  # (the interpreter saw strings appended here)
        after = self.code.instructions[index + 1] if index + 1 < len(self.code.instructions) \
            else (None, None)
        if after[0] != Op.STORE_FAST or a.source is None:
            return None
        if a.source != self._local_slot(after[1], OBJ):
            return None
        if any(isinstance(e, Value) and e is not a and getattr(e, "source", None) == a.source
               for e in stack):
            return None
        return a.source

    def dunder_target(self, index, op, a, b):
        """`a + b` where the interpreter saw one pair of types (A, B) here, A an ordinary
        class whose `__add__` is a jitvm function and B that class or a number: CPython
        then calls A.__add__(a, b) first (B is no subclass of A, so its reflected method
        does not go first), which native code can call directly.  (class, B, function)."""
        if not getattr(self.jit, "method_calls", False) or not (
                is_boxed(a) and a.type is OBJ and (is_boxed(b) and b.type is OBJ
                                                   or is_number(b))):
            return None
        seen = self.feedback("operand_types", index)
        if len(seen) != 1:
            return None
        cls, other = next(iter(seen))
        method = _DUNDERS.get(_BINARY[op])
        if method is None or type(cls) is not type or not cls.__flags__ & _HEAPTYPE:
            return None
        if not (other is cls or other in (int, float, bool)) \
                or is_number(b) and FROM_CLASS.get(other) is not b.type:
            return None
        inplace = op.name.startswith("INPLACE")
        if inplace and _lookup(cls, "__i" + method[2:]) is not None:
            return None  # (its in-place method goes first)
        target = _lookup(cls, method)
        if not self.jit.is_jitvm_function(target):
            return None
        return cls, other, target, method

    def dunder_call(self, index, op, a, b, dunder, locals_, stack):
        """The operator method's machine code, called directly after guards on the
        operands' classes; a NotImplemented result goes on with the rest of CPython's
        protocol (`_reflected`)."""
        cls, other, target, method = dunder
        kinds = (OBJ, value_kind(b))
        callee = self.jit.specialization(target, kinds, index, self.code)
        if callee.exits:
            raise NotCompilable("leaves native code")
        del stack[-2:]
        pre = stack + [a, b]
        deopt = self.deopt_point(index, locals_, pre, reason="operand type")
        self.emit("guard_dunder", [a, ObjRef(cls), method, ObjRef(target)], None, deopt)
        if is_boxed(b):
            self.emit("guard_dunder", [b, ObjRef(other), method, ObjRef(_lookup(other, method))],
                      None, deopt)
        # The operands stay ours until the end (lent to the calls); a deopt in the method
        # hands the owned ones to the bridge to release.
        lent_a, lent_b = (self.kind_value("cast", [v], value_kind(v), owned=False)
                          if is_boxed(v) and v.owned else v for v in (a, b))
        owned = [Released(v) for v in (a, b) if is_boxed(v) and v.owned]
        result = self.native_call_boxed(target, [lent_a, lent_b], index, locals_,
                                        stack + owned)
        if not is_boxed(result):
            self.release(a)
            self.release(b)
            stack.append(result)
            return None
        # NotImplemented: the rest of binary_op1 (the other operand's reflected method)
        slot = self.fn.slot(f"$op{index}", OBJ) if self.fn is not None else None
        self.emit("store", [slot, result])
        name = self.current_name
        failed = self.emit("same", [result, self.const_object(NotImplemented)], BOOL)
        self.emit("br", [failed, f"{name}.{index}.other", f"{name}.{index}.done"])
        if self.fn is not None:
            block = Block(f"{name}.{index}.other", index)
            self.fn.blocks.append(block)
            self.block = block
        redo = self.deopt_point(index, locals_, stack + owned, reason="boxing")
        boxed_b = self.box(lent_b, index, redo)
        other_result = self.kind_value(
            "call_object", [ObjRef(_reflected), [self.const_object(_BINARY[op]), lent_a,
                                                 boxed_b]],
            OBJ, self.error_point(index, locals_, stack, [a, b]), owned=True)
        self.emit("decref", [self.emit("load", [slot], OBJ)])  # (the NotImplemented)
        self.emit("store", [slot, other_result])
        self.emit("jump", [f"{name}.{index}.done"])
        if self.fn is not None:
            block = Block(f"{name}.{index}.done", index)
            self.fn.blocks.append(block)
            self.block = block
        value = self.kind_value("load", [slot], OBJ, owned=True)
        self.release(a)
        self.release(b)
        stack.append(value)
        return None

    def _unary(self, index, op, locals_, stack):
        a = stack[-1]
        if not is_boxed(a):
            return NOT_MINE
        stack.pop()
        if op == Op.UNARY_NOT:
            truth = self.object_truth(a, index, locals_, stack)
            stack.append(self.emit("not", [truth], BOOL))
            return None
        name = {Op.UNARY_NEGATIVE: "neg", Op.UNARY_POSITIVE: "pos", Op.UNARY_INVERT: "invert"}[op]
        result = self.kind_value(f"number.{name}", [a], OBJ,
                                 self.error_point(index, locals_, stack, [a]), owned=True)
        self.release(a)
        stack.append(result)
        return None

    def meets_big_ints(self, index, *operands) -> bool:
        """Did native code meet ints beyond 64 bits at this operator (deopt.py learnt it:
        an operand, or the result that overflowed)?  Then its int operands are boxed and
        the operation done on Python ints (PyNumber_Multiply...), its result an object."""
        return BIG_INTS in self.feedback("operand_types", index) and all(
            is_number(v) and v.type is not FLOAT or is_boxed(v) or isinstance(v, Const)
            for v in operands)

    def _operand_guess(self, index, operands, compare=False):
        """Numeric types the interpreter saw for boxed operands here, if always the same."""
        if not all(is_number(v) or is_boxed(v) and v.type is OBJ for v in operands):
            return None
        seen = self.feedback("operand_types", index)
        if not seen and any(isinstance(v, Value) and v.id in self.mixed for v in operands):
            return None  # a widened value's type varies: do not guess it
        if not seen and index in getattr(self.code, "caller_ops", ()):
            return None  # a fused consumer's step (fused.py): its item's type is unknown
        if not seen:
            # Nothing recorded (compiled before it ran): guess that an object meets a number
            # of its own type, as in `total += f(x)`.  Not in a comparison: `self.x < 0` with
            # a float x is as common as with an int, and a wrong guess deoptimizes every time.
            numbers = [v.type for v in operands if is_number(v)]
            if not numbers or compare:
                self.unprofiled(index, "operand_types")  # (learnt by running it)
                return None
            guess = FLOAT if FLOAT in numbers else INT
            return [v.type if is_number(v) else guess for v in operands]
        if len(seen) != 1:
            return None
        classes = next(iter(seen))
        guess = [FROM_CLASS.get(c) for c in classes]
        if None in guess or any(is_number(v) and v.type is not t
                                for v, t in zip(operands, guess)):
            return None
        return guess

    def _unbox_operand(self, v, jtype, deopt):
        if is_number(v):
            return v
        self.emit("guard_type", [v, jtype], None, deopt)
        value = self.emit(f"unbox.{jtype}", [v], jtype, deopt)
        self.release(v)
        return value

    def _compare_op(self, index, arg, locals_, stack):
        a, b = stack[-2], stack[-1]
        if not (is_boxed(a) or is_boxed(b)):
            return NOT_MINE
        name = _CMP_NAMES[COMPARE_OPS[arg]]
        guess = self._operand_guess(index, [a, b], compare=True)
        del stack[-2:]
        if guess is not None:
            deopt = self.deopt_point(index, locals_, stack + [a, b], reason="operand type")
            x, y = (self._unbox_operand(v, t, deopt) for v, t in zip((a, b), guess))
            stack.append(self.compare(name, x, y))
            return None
        redo = self.deopt_point(index, locals_, stack + [a, b], reason="boxing")
        x, y = self.box(a, index, redo), self.box(b, index, redo)
        result = self.kind_value(f"richcompare.{name}", [x, y], OBJ,
                                 self.error_point(index, locals_, stack, [x, y]), owned=True)
        self.release(x)
        self.release(y)
        following = index + 1 < len(self.code.instructions) and \
            self.code.instructions[index + 1][0]
        if following in (Op.JUMP_IF_FALSE_OR_POP, Op.JUMP_IF_TRUE_OR_POP):
            # A chained comparison (`"a" <= ch <= "z"`) keeps the result for `and`: it is
            # a bool unless a rich comparison method returned something else.
            result = self._unbox_operand(result, BOOL, self.deopt_point(
                index + 1, locals_, stack + [result], reason="operand type"))
        stack.append(result)
        return None

    def _is_op(self, index, arg, locals_, stack):
        a, b = stack[-2], stack[-1]
        if not any(is_boxed(e) or isinstance(e, Const) for e in (a, b)):
            return NOT_MINE
        del stack[-2:]
        if isinstance(a, Const) and isinstance(b, Const):
            same = self.emit("const", [BOOL, (a.value is b.value) != bool(arg)], BOOL)
        elif is_number(a) or is_number(b):
            other = b if is_number(a) else a
            if not (isinstance(other, Const) or is_boxed(other) and other.type is not OBJ):
                self.fail("`is` between a number and an object", index)
            self.release(other)  # an unboxed number is never that object
            same = self.emit("const", [BOOL, bool(arg)], BOOL)
        else:
            x, y = self.materialize(a, index), self.materialize(b, index)
            same = self.emit("same", [x, y], BOOL)
            self.release(x)
            self.release(y)
            if arg:
                same = self.emit("not", [same], BOOL)
        stack.append(same)
        return None

    def _contains_op(self, index, arg, locals_, stack):
        item, container = stack[-2], stack[-1]
        container = self.as_object(container)  # `c in "aeiou"`, a global dict or set
        if not is_boxed(container):
            return NOT_MINE
        del stack[-2:]
        redo = self.deopt_point(index, locals_, stack + [item, container], reason="boxing")
        boxed = self.box(item, index, redo)
        found = self.emit("contains", [container, boxed], BOOL,
                          self.error_point(index, locals_, stack, [boxed, container]))
        self.release(boxed)
        self.release(container)
        stack.append(self.emit("not", [found], BOOL) if arg else found)
        return None

    def _jump_if(self, index, arg, locals_, stack):
        top = stack[-1]
        if isinstance(top, Const) and _static_truth(top.value) is not None:
            stack[-1] = self.emit("const", [BOOL, _static_truth(top.value)], BOOL)
            return NOT_MINE  # (a branch on a constant: LLVM keeps one side)
        if not is_boxed(top):
            return NOT_MINE
        stack[-1] = self.object_truth(top, index, locals_, stack[:-1])
        return NOT_MINE  # the numeric translation branches on the bool

    def object_truth(self, v: Value, index, locals_, stack) -> Value:
        truth = self.truth_of(v, index, locals_, stack)
        self.release(v)
        return truth

    def truth_of(self, v: Value, index, locals_, stack) -> Value:
        """The truth of a boxed value (`stack`: the entries below it)."""
        if v.type in (LIST, TUPLE):
            size = self.emit("len.seq", [v], INT)
            truth = self.emit("truth.int", [size], BOOL)
        elif self.promoted is not None:
            # A module-level loop: a truth test that could run Python code (a __bool__)
            # would have to write the module's variables first, which a branch cannot; an
            # object of a builtin type (a bool, a number, a string, a container) is tested
            # in place, anything else goes to the interpreter at the test.
            self.emit("guard_classes", [v, ObjRef(_PLAIN_TRUTH)], None, self.deopt_point(
                index, locals_, stack + [v], reason="the truth of a program's object"))
            truth = self.emit("truth.obj", [v], BOOL,
                              self.error_point(index, locals_, stack, [v], quiet=True))
        else:
            truth = self.emit("truth.obj", [v], BOOL,
                              self.error_point(index, locals_, stack, [v]))
        return truth

    def _jump_or_pop(self, index, arg, locals_, stack):
        """`x and y`, `x or y`, a chained comparison: the object's truth decides; the path
        that jumps keeps the object as the expression's value, the other drops it."""
        top = stack[-1]
        jump_if = self.code.instructions[index][0] == Op.JUMP_IF_TRUE_OR_POP
        if isinstance(top, Const) and _static_truth(top.value) is not None:  # `"a" or b`
            jumps = _static_truth(top.value) == jump_if
            entries = list(stack) if jumps else stack[:-1]
            target = arg if jumps else index + 1
            self._spill(entries, [target], lambda: self.deopt_point(index, locals_, stack,
                                                                    reason="boxing"))
            state = State(tuple(locals_), tuple(_kind(e) for e in entries))
            self.emit("jump", [self._block_name(target, state)])
            return [(target, state)]
        if not is_boxed(top):
            return NOT_MINE
        below = stack[:-1]
        truth = self.truth_of(top, index, locals_, below)
        name = self.current_name
        self.emit("br", [truth, f"{name}.true", f"{name}.false"])
        outcomes = []
        for label, value in ((f"{name}.true", True), (f"{name}.false", False)):
            if self.fn is not None:
                block = Block(label, index)
                self.fn.blocks.append(block)
                self.block = block
            entries = list(stack) if value == jump_if else list(below)
            target = arg if value == jump_if else index + 1
            self._spill(entries, [target], lambda: self.deopt_point(index, locals_, stack,
                                                                    reason="boxing"))
            if value != jump_if:
                self.release(top)  # (after the spill: a failed boxing there still has it)
            state = State(tuple(locals_), tuple(_kind(e) for e in entries))
            self.emit("jump", [self._block_name(target, state)])
            outcomes.append((target, state))
        return outcomes

    # -- calls ----------------------------------------------------------------------------------

    def _call_function(self, index, arg, locals_, stack):
        return self._call(index, arg, locals_, stack, None)

    def _call_function_kw(self, index, arg, locals_, stack):
        names = stack[-1]
        if not isinstance(names, Const):
            self.fail("keyword names the JIT cannot see", index)
        return self._call(index, arg, locals_, stack, names)

    def _call(self, index, argc, locals_, stack, names):
        depth = argc + 1 + (names is not None)
        callee = stack[-depth]
        args = stack[len(stack) - depth + 1:len(stack) - (names is not None)]
        if isinstance(callee, MadeGen):  # a generator expression fused into its consumer
            return self.call_genexpr(index, argc, locals_, stack, names)
        if args and isinstance(args[0], GenCall):
            return self.call_consumer(index, argc, locals_, stack)
        numeric = all(is_number(a) for a in args)
        if names is None and isinstance(callee, Const) and callee.value is range:
            objects = [i for i, a in enumerate(args) if is_boxed(a) and a.type is OBJ]
            if objects:  # range(n) with n from a cell or a call: most likely an int
                deopt = self.deopt_point(index, locals_, list(stack), reason="operand type")
                base = len(stack) - len(args)
                for i in objects:
                    stack[base + i] = self._unbox_operand(args[i], INT, deopt)
            return NOT_MINE
        del stack[-depth:]
        pre = stack + [callee] + args + ([names] if names is not None else [])
        if names is None and numeric and isinstance(callee, Const) and _numeric_builtin(
                callee.value):
            try:
                stack.append(self.builtin_call(callee.value, args, self.deopt_point(
                    index, locals_, pre, reason=f"{_callable_name(callee.value)}() raised"),
                    index))
                return None
            except NotCompilable:
                pass  # e.g. round(x, 2): called as any Python callable
        if names is not None:  # keywords to a jitvm function: passed by position
            positional = self.keywords_to_positions(callee, args, names.value)
            if positional is not None:
                result = self.native_object_call(index, callee, positional, locals_, stack,
                                                 pre)
                if result is not NOT_MINE:
                    if result is not None:
                        stack.append(result)
                    return None
        if names is None and is_boxed(callee) and callee.type is OBJ:
            target = self.one_callee(index)
            if target is not None and all(isinstance(a, Value) for a in args):
                try:
                    result = self.speculated_call(index, callee, target, args, locals_, stack,
                                                  pre)
                except NotCompilable:
                    result = NOT_MINE
                if result is not NOT_MINE:
                    if result is not None:
                        stack.append(result)
                    return None
        if names is None:
            result = self.native_object_call(index, callee, args, locals_, stack, pre)
            if result is not NOT_MINE:
                if result is not None:
                    stack.append(result)
                return None
        stack.append(self.host_call(index, callee, args, names, locals_, stack, pre))
        return None

    def one_callee(self, index):
        """The one jitvm function the interpreter saw this call site call, if it saw one;
        or, where it saw several functions of one code object that differ only in their
        closures (a nested function made again at each call of its parent: a recursive
        `place(r + 1)`), one of them, marked by `by_code`."""
        seen = self.feedback("call_targets", index)
        if len(seen) == 1 and self.jit.is_jitvm_function(next(iter(seen))):
            return next(iter(seen))
        if not seen or len(seen) != 1 and not all(type(t) is tuple for t in seen) \
                or len({t[1:] for t in seen if type(t) is tuple}) != 1:
            return None
        first = next(iter(seen))
        if type(first) is not tuple:
            return None
        _, code, namespace = first
        if code.cellvars or not code.freevars:
            return None
        return _ByCode(self.jit.representative(code, namespace.d))

    def speculated_call(self, index, callee, target, args, locals_, stack, pre):
        """`fn(args)` where `fn`, a value (an argument, a local: a callback), was always the
        same jitvm function: checked to be that function, then its machine code called
        directly (another callee deoptimizes before the call)."""
        by_code = isinstance(target, _ByCode)
        if by_code:
            target = target.function
            if len(args) != target._code.argcount:
                raise NotCompilable("a closure called with its defaults")
        callee_fn = self.jit.specialization(  # (NotCompilable: called through the C-API)
            target, tuple(value_kind(a) for a in args), index, self.code)
        if callee_fn.exits:
            raise NotCompilable("leaves native code")
        changed = self.deopt_point(index, locals_, pre,
                                   reason=f"{CALLEE_CHANGED} {target.__qualname__}")
        if not by_code:
            same = self.emit("same", [callee, self.const_object(target)], BOOL)
            self.emit("guard_true", [same], None, changed)
            known = self.const_object(target)  # (borrowed: the code keeps it alive)
            pre = [known if entry is callee else entry for entry in pre]
            self.release(callee)
            return self.native_call_boxed(target, args, index, locals_, stack, pre)
        # a function of that code: its cells are its closure's, read from it
        self.emit("guard_classes", [callee, ObjRef((type(target),))], None, changed)
        code = self.kind_value("getattr", [callee, "_code"], OBJ, None, owned=True)
        same = self.emit("same", [code, self.const_object(target._code)], BOOL)
        self.emit("guard_true", [same], None, changed)
        self.emit("decref", [code])
        cells = self.kind_value("getattr", [callee, "__closure__"], OBJ, None, owned=True)
        cells = self.kind_value("cast", [cells], Seq(TUPLE), owned=True)
        result = self.native_call_boxed(target, args, index, locals_,
                                        stack + ([Released(callee)] if callee.owned else []),
                                        pre, cells=cells)
        self.release(callee)
        return result

    def native_object_call(self, index, callee, args, locals_, stack, pre):
        """Calls compiled natively: builtins on lists, list methods, jitvm functions.
        Returns the result entry (None: pushes nothing), or NOT_MINE for a host call."""
        if isinstance(callee, Method):
            return self.method_call(index, callee, args, locals_, pre)
        if isinstance(callee, PolyMethod):
            return self.poly_call(index, callee, args, locals_, stack, pre)
        if isinstance(callee, BoundFunction):
            args = [callee.recv] + list(args)
            if all(isinstance(a, _BOUND_ARGS) for a in args):
                try:
                    return self.native_call_boxed(callee.target, args, index, locals_, stack,
                                                  pre)
                except NotCompilable:
                    pass
            if any(isinstance(a, _MARKERS) for a in args):
                return NOT_MINE  # (the call through the C-API, with its keywords)
            # not compiled natively: the function called with the receiver first, as the
            # bound method would call it
            return self.host_call(index, Const(callee.target), args, None, locals_, stack, pre)
        if not isinstance(callee, Const):
            return NOT_MINE
        target = callee.value
        seqs = [a for a in args if is_boxed(a) and a.type in (LIST, TUPLE)]
        if target is len and len(args) == 1 and is_boxed(args[0]):
            if args[0].type is OBJ:
                size = self.emit("len.obj", [args[0]], INT,
                                 self.error_point(index, locals_, stack, args))
            else:
                size = self.emit("len.seq", [args[0]], INT)
            self.release(args[0])
            return size
        if _one_of(target, sum, min, max) and len(args) == 1 and seqs \
                and args[0].elem in NUMERIC:
            seq = args[0]
            rtype = INT if target is sum and seq.elem is not FLOAT else seq.elem
            result = self.emit(f"{target.__name__}.{seq.type}", [seq, seq.elem], rtype,
                               self.deopt_point(index, locals_, pre,
                                                reason=f"{target.__name__}() of elements"))
            self.release(seq)
            return result
        if target is zip and args and len(seqs) == len(args) and len(args) <= 4 \
                and names_free(args):
            return Zip(tuple(self.take(a) for a in args))  # stepped natively (for loops)
        if target is enumerate and args and seqs and args[0] is seqs[0] and (
                len(args) == 1 or len(args) == 2 and is_number(args[1])
                and args[1].type is not FLOAT):
            start = self.to_int(args[1]) if len(args) == 2 else self.emit("const", [INT, 0], INT)
            return Enumerate(self.take(args[0]), start)
        if _one_of(target, list, tuple) and len(args) == 1:
            jtype = LIST if target is list else TUPLE
            if isinstance(args[0], RangeArgs):
                r = args[0]
                return self.kind_value(f"range.{jtype}", [r.start, r.stop, r.step],
                                       Seq(jtype, INT), self.deopt_point(
                                           index, locals_, pre, reason="boxing"), owned=True)
            if seqs:
                result = self.kind_value(f"copy.{jtype}", [args[0]], Seq(jtype, args[0].elem),
                                         self.deopt_point(index, locals_, pre,
                                                          reason="boxing"), owned=True)
                self.release(args[0])
                return result
            return NOT_MINE
        if self.jit.is_jitvm_function(target) and all(isinstance(a, _BOUND_ARGS + (Const,))
                                                      for a in args):
            # (a constant argument — a string, None, a global function passed on — as the
            # borrowed object it is: what the callee is specialised for, OBJ)
            args = [self.const_entry(a) for a in args]
            try:
                return self.native_call_boxed(target, args, index, locals_, stack, pre)
            except NotCompilable:
                return NOT_MINE
        init = self.constructor_init(target)
        if init is not None and all(isinstance(a, Value) for a in args):
            try:
                return self.construct(index, target, init, args, locals_, stack, pre)
            except NotCompilable:
                return NOT_MINE
        return NOT_MINE

    def constructor_init(self, cls):
        """The jitvm __init__ that `cls(...)` runs, if native code can make the object: a
        class of metaclass `type` that takes object's __new__ (so the object is made the
        same way whatever the arguments) and has a jitvm function as __init__."""
        if not getattr(self.jit, "method_calls", False) or type(cls) is not type \
                or getattr(cls, "__abstractmethods__", None):
            return None
        new = init = None
        for klass in cls.__mro__:
            if new is None and "__new__" in klass.__dict__:
                new = klass.__dict__["__new__"]
            if init is None and "__init__" in klass.__dict__:
                init = klass.__dict__["__init__"]
        if new is not object.__dict__["__new__"] or not self.jit.is_jitvm_function(init):
            return None
        return init

    def keywords_to_positions(self, callee, args, kwnames):
        """The arguments of a call with keywords to a jitvm function, method or constructor,
        in parameter order, when they fill a run of its leading positional parameters (the
        rest from its defaults, see with_defaults); else None (a call through the C-API,
        which also reports any mistake in them)."""
        if isinstance(callee, BoundFunction):
            target, implicit = callee.target, 1
        elif isinstance(callee, Const) and self.jit.is_jitvm_function(callee.value):
            target, implicit = callee.value, 0
        elif isinstance(callee, Const) and self.constructor_init(callee.value) is not None:
            target, implicit = self.constructor_init(callee.value), 1
        else:
            return None
        code = target._code
        if not code.simple_args:
            return _bind_keywords(code, implicit, args, kwnames)
        params = code.varnames[implicit:code.argcount]
        count = len(args) - len(kwnames)
        if count > len(params):
            return None
        slots = list(args[:count]) + [None] * (len(params) - count)
        for name, value in zip(kwnames, args[count:]):
            if name not in params:
                return None
            at = params.index(name)
            if at < count or at + implicit < code.posonlyargcount or slots[at] is not None:
                return None
            slots[at] = value
        filled = len(slots)
        while filled and slots[filled - 1] is None:
            filled -= 1
        if any(slot is None for slot in slots[:filled]):
            return None  # (a gap: a default between given arguments)
        return slots[:filled]

    def with_defaults(self, target, args, index, locals_, pre, implicit=0):
        """`args` (after `implicit` ones the caller adds: the new object of a constructor)
        completed with `target`'s default values for the positional parameters a call leaves
        out.  Guarded: the function must still have that tuple of defaults when the call
        runs (else the interpreter makes the call)."""
        code = target._code
        missing = code.argcount - implicit - len(args)
        defaults = target.__defaults__ or ()
        if missing <= 0 or not code.simple_args or missing > len(defaults):
            return args  # (too few arguments: a TypeError, which the interpreter raises)
        values = defaults[len(defaults) - missing:]
        current = self.kind_value("getattr", [self.const_object(target), "__defaults__"],
                                  OBJ, None, owned=True)  # (a slot that is always set)
        same = self.emit("same", [current, self.const_object(defaults)], BOOL)
        self.emit("guard_true", [same], None, self.deopt_point(
            index, locals_, pre, reason=f"{target.__qualname__}.__defaults__ changed"))
        self.emit("decref", [current])
        return list(args) + [self.constant(v) if type(v) in FROM_CLASS
                             else self.const_object(v) for v in values]

    def construct(self, index, cls, init, args, locals_, stack, pre):
        """`cls(args)` made natively, as type.__call__ makes it: object's __new__, then the
        machine code of `init` with the new object first.  The class must still make its
        objects that way when the call runs (checked first: else the interpreter makes the
        call); a deopt in `init` resumes after the call with the object already pushed.
        An `init` with a closure (the `__class__` cell of one that calls `super()`) gets
        its cells; one with cells of its own stays a Python callable."""
        if init._code.cellvars:
            raise NotCompilable("an __init__ with cells: called as a Python callable")
        args = self.with_defaults(init, args, index, locals_, pre, implicit=1)
        kinds = (OBJ,) + tuple(value_kind(a) for a in args)
        callee = self.jit.specialization(init, kinds, index, self.code)
        if callee.exits or callee.return_type is not NONE:
            raise NotCompilable("its __init__ does not run natively to its end")
        self.emit("guard_constructor", [ObjRef(cls), ObjRef(init)], None, self.deopt_point(
            index, locals_, pre, reason=f"{cls.__qualname__}() makes objects another way"))
        # (its closure's cells, made before the object: a redo there has nothing to drop)
        cells = [self.new_cells(init, [], index, locals_, pre)] if init._code.freevars else []
        obj = self.kind_value("new_object", [ObjRef(cls)], OBJ,
                              self.error_point(index, locals_, stack + [
                                  Released(c) for c in cells]), owned=True)
        deopt = self.deopt_point(index, locals_, stack + [obj], after_call=True,
                                 reason="callee deopt", quiet=self.quiet_callee(callee))
        if deopt is not None:
            deopt.constructs = True
        if self.fn is not None:
            self.fn.callees[callee.name] = callee
        lent = self.kind_value("cast", [obj], OBJ, owned=False)  # (the call consumes none)
        self.emit("call", [callee.name, [lent] + list(args) + cells], None, deopt)
        return obj

    def method_call(self, index, method, args, locals_, pre):
        seq = method.recv
        if method.name == "append" and len(args) == 1:
            self.refine_local(method.source, args[0], locals_)
            redo = self.deopt_point(index, locals_, pre, reason="boxing")
            self.emit("append.list", [seq, self.materialize(args[0], index)], None, redo)
            self.release(seq)
            return Const(None)
        if method.name == "pop" and len(args) <= 1 and all(
                is_number(a) and a.type is not FLOAT for a in args):
            at = self.to_int(args[0]) if args else self.emit("const", [INT, -1], INT)
            deopt = self.deopt_point(index, locals_, pre, reason="pop")
            item = self.emit("getitem.list", [seq, at], OBJ, deopt)
            value = self.read_element(item, seq.elem, self.deopt_point(
                index, locals_, pre, reason="element type"))
            self.emit("del.list", [seq, at])
            self.release(seq)
            return value
        return NOT_MINE

    def refine_local(self, slot, item, locals_):
        """`lst.append(item)` or `lst[i] = item` on a local list tells what its elements are
        likely to be (objects, once it holds items of two kinds)."""
        if slot is None:
            return
        i = self.code.varnames.index(slot[0])
        kind = locals_[i]
        maybe = isinstance(kind, MaybeUnbound)
        base = kind.type if maybe else kind
        if not isinstance(base, Seq):
            return
        item_kind = _cap(value_kind(item)) if isinstance(item, Value) else OBJ
        if base.elem is None:
            refined = Seq(base.type, item_kind)
        elif base.elem != item_kind and base.elem is not OBJ:
            # an int stored into a list of floats: its reads can no longer expect floats
            # (each would deoptimize), they read objects
            refined = Seq(base.type, OBJ)
        else:
            return
        locals_[i] = MaybeUnbound(refined) if maybe else refined

    def native_call_boxed(self, target, args, index, locals_, stack, pre=None, cells=None):
        """A direct native call of a compiled jitvm function (arguments borrowed: the callee
        takes its own references).  With `pre` (the stack before the call), parameters the
        call leaves out take the function's default values.  `cells`: the tuple of cells
        to pass (a closure's, read at run time), else they are made from `target`'s."""
        if target._code.has_cells and pre is None:
            raise NotCompilable("a closure: called as a Python callable")
        if pre is not None and cells is None:
            args = self.with_defaults(target, args, index, locals_, pre)
        bound = not target._code.simple_args
        if bound:  # (the layout first: nothing is made until the callee is known)
            args = self.bound_layout(target, args, pre)
        kinds = tuple(_entry_kind(a) for a in args)
        callee = self.jit.specialization(target, kinds, index, self.code, bound=bound)
        if callee.exits:
            raise NotCompilable("leaves native code")
        if bound:
            args = [self.pack(a, index, locals_, stack, pre) for a in args]
        if cells is not None:
            args = list(args) + [cells]
        elif target._code.has_cells:
            args = list(args) + [self.new_cells(target, args, index, locals_, pre)]
        deopt = self.deopt_point(index, locals_, stack, after_call=True, reason="callee deopt",
                                 quiet=self.quiet_callee(callee))
        if self.fn is not None:
            self.fn.callees[callee.name] = callee
        rtype = callee.return_type
        if rtype is NONE:
            self.emit("call", [callee.name, list(args)], None, deopt)
            return Const(None)
        kind = Seq(rtype, getattr(callee, "return_elem", None)) if rtype in (LIST, TUPLE) \
            else rtype
        result = self.kind_value("call", [callee.name, list(args)], kind, deopt,
                                 owned=rtype in BOXED)
        if getattr(callee, "returns_mixed", False):
            self.mixed.add(result.id)  # its returns differ in type: no operand guess
        return result

    def bound_layout(self, target, args, pre):
        """The parameters' values of a call of a function with `*args`, `**kwargs` or
        keyword-only parameters: as given when the call was bound by keyword
        (`_bind_keywords`); else positional arguments bound as CPython binds them, the
        first ones to the named parameters, the rest to the `*args` tuple, and an empty
        `**kwargs` dict.  Star/StarStar entries stand for what `pack` makes."""
        code = target._code
        if pre is None:
            raise NotCompilable("a call that does not bind its arguments")
        if any(isinstance(a, _MARKERS) for a in args):  # (bound by keyword)
            return list(args)
        if code.kwonlyargcount or not code.has_varargs or len(args) < code.argcount:
            raise NotCompilable("parameters the call does not fill by position")
        bound = list(args[:code.argcount]) + [Star(list(args[code.argcount:]))]
        if code.has_varkw:
            bound.append(StarStar((), []))
        return bound

    def const_entry(self, entry):
        """A call's entry with its constants as borrowed objects (inside the `*args`,
        `**kwargs` and keyword-only entries of a call bound by keyword too)."""
        if isinstance(entry, Const):
            return self.const_object(entry.value)
        if isinstance(entry, Star):
            return Star([self.const_entry(v) for v in entry.values])
        if isinstance(entry, StarStar):
            return StarStar(entry.names, [self.const_entry(v) for v in entry.values])
        if isinstance(entry, Named):
            return Named(self.const_entry(entry.value))
        return entry

    def pack(self, entry, index, locals_, stack, pre):
        """A parameter's value: an argument, or the `*args` tuple / `**kwargs` dict a call
        bound by keyword makes (`_bind_keywords`)."""
        if isinstance(entry, Star):
            redo = self.deopt_point(index, locals_, pre, reason="boxing")
            elem = None
            for value in entry.values:
                elem = join_elem(elem, value_kind(value))
            return self.kind_value("build.tuple", [[self.materialize(v, index)
                                                    for v in entry.values]],
                                   Seq(TUPLE, _cap(elem)), redo, owned=True)
        if isinstance(entry, Named):
            return entry.value
        if isinstance(entry, StarStar):
            redo = self.deopt_point(index, locals_, pre, reason="boxing")
            boxed = [self.box(v, index, redo) for v in entry.values]
            made = self.kind_value("build.dict", [boxed] + ([ObjRef(entry.names)]
                                                            if entry.names else []),
                                   OBJ, self.error_point(index, locals_, stack), owned=True)
            for value in boxed:
                self.release(value)
            return made
        return entry

    def new_cells(self, target, args, index, locals_, pre):
        """The cells tuple a native call of `target` passes (its fresh cells, those of
        arguments holding them, then its closure's), as the interpreter makes it."""
        code = target._code
        closure = target.__closure__ or ()
        if len(closure) != len(code.freevars):
            raise NotCompilable("a closure that does not fit its code")
        values = [None] * len(code.cellvars)
        for cell_index, arg_index in code.cell2arg:
            values[cell_index] = args[arg_index]
        if any(v is not None and not isinstance(v, Value) for v in values):
            raise NotCompilable("an argument the JIT cannot put in a cell")
        redo = self.deopt_point(index, locals_, pre, reason="boxing")
        return self.kind_value("new_cells", [values, [self.const_object(c) for c in closure]],
                               Seq(TUPLE), redo, owned=True)

    def host_call(self, index, callee, args, names, locals_, stack, pre):
        """Call any Python callable through the C-API, with boxed arguments."""
        if isinstance(callee, BoundFunction):  # the function, with the receiver first
            callee, args = Const(callee.target), [callee.recv] + list(args)
        if isinstance(callee, Const):
            target = callee.value
            # (`super()` in a method is compiled as super(__class__, self): no frame needed)
            if any(target is f for f in _FRAME_BUILTINS) or (
                    target is builtins.super and not args):
                self.fail(f"{_callable_name(target)}() needs the caller's frame", index)
            if not callable(target):
                self.fail(f"calling a {type(target).__name__}", index)
        if any(isinstance(a, COMPOSITES) and not isinstance(a, (Method, Zip))
               and not (isinstance(a, SeqIter) and a.count is None) for a in args):
            self.fail("passing an iterator to a Python callable", index)
        redo = self.deopt_point(index, locals_, pre, reason="boxing")
        if isinstance(callee, Const):
            function = ObjRef(callee.value)
        else:
            function = self.box(callee, index, redo)
        boxed = [self.box(a, index, redo) for a in args]
        operands = [function, boxed] + ([ObjRef(names.value)] if names is not None else [])
        result = self.kind_value("call_object", operands, OBJ,
                                 self.error_point(index, locals_, stack), owned=True)
        # A list comprehension just made here makes a list.
        made = getattr(callee, "source", None)
        listcomp = isinstance(made, tuple) and made[0] == "made" and made[1].name == "<listcomp>"
        guess = Seq(LIST) if listcomp else (
            _result_guess(callee.value, args) if isinstance(callee, Const) else None)
        return self.unbox_result(result, index, locals_, stack, guess)

    # -- with ------------------------------------------------------------------------------------

    def _before_with(self, index, arg, locals_, stack):
        """`with`: the interpreter's own BEFORE_WITH (a host helper called through the C-API)
        looks up __enter__/__exit__ on the type and calls __enter__; its pair becomes the
        bound __exit__ (called on the normal path by the CALL_FUNCTION that follows the body)
        and __enter__'s result.  The exceptional path is the handler's: interpreted."""
        manager = stack[-1]
        if isinstance(manager, (RangeArgs,) + COMPOSITES):
            self.fail("an iterator as a context manager", index)
        redo = self.deopt_point(index, locals_, list(stack), reason="boxing")
        stack.pop()
        boxed = self.box(manager, index, redo)
        pair = self.kind_value("call_object", [ObjRef(_with_enter), [boxed]], Seq(TUPLE, OBJ),
                               self.error_point(index, locals_, stack), owned=True)
        for i in range(2):
            item = self.emit("item.tuple", [pair, self.emit("const", [INT, i], INT)], OBJ)
            stack.append(self.newref(item))
        self.release(pair)
        return None

    def _yield(self, index, arg, locals_, stack):
        """`yield` in a generator's loop entered by OSR: the interpreter takes the frame
        back at the instruction and suspends it (an expected exit: not counted)."""
        if self.generator_mode:  # the whole body runs natively (frontend_generators)
            return self.native_yield(index, locals_, stack)
        if isinstance(stack[-1], (RangeArgs,) + COMPOSITES):
            self.fail("yielding an iterator", index)
        self.emit("exit", [repr(YIELD_EXIT)], None,
                  self.deopt_point(index, locals_, stack, reason=YIELD_EXIT))
        return []

    def _raise(self, index, arg, locals_, stack):
        """`raise`: always an exception, so native code hands the frame to the interpreter at
        the instruction, which raises it (not a side exit: nothing is left uncompiled, and
        the deopt is not counted, see JIT._resume)."""
        if any(isinstance(e, (RangeArgs,) + COMPOSITES) for e in stack[len(stack) - arg:]):
            self.fail("raising an iterator", index)
        self.emit("exit", ["'raise'"], None,
                  self.deopt_point(index, locals_, stack, reason="raise"))
        return []


class Star:
    """The `*args` tuple of a call bound by keyword, made at the call (`values`)."""

    __slots__ = ("values",)

    def __init__(self, values):
        self.values = values


class StarStar:
    """The `**kwargs` dict of a call bound by keyword (`names`, `values`)."""

    __slots__ = ("names", "values")

    def __init__(self, names, values):
        self.names, self.values = names, values


class Named:
    """A keyword-only parameter's value, given by keyword (`value`)."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


_MARKERS = (Star, StarStar, Named)  # (a call bound by keyword has at least one)
_BOUND_ARGS = (Value,) + _MARKERS


def _entry_kind(entry):
    """The kind of a parameter's value (bound_layout's entries)."""
    if isinstance(entry, Star):
        elem = None
        for value in entry.values:
            elem = join_elem(elem, value_kind(value))
        return Seq(TUPLE, _cap(elem))
    if isinstance(entry, StarStar):
        return OBJ
    return value_kind(entry.value if isinstance(entry, Named) else entry)


def _bind_keywords(code, implicit, args, kwnames):
    """The parameters' values of a call with keywords to a function with `*args`,
    `**kwargs` or keyword-only parameters (after `implicit` ones the caller adds), as
    CPython binds them, when every named parameter gets a value from the call (defaults
    are the interpreter's business); else None (a call through the C-API, which also
    reports any mistake)."""
    names = code.varnames
    positional = names[implicit:code.argcount]
    kwonly = names[code.argcount:code.argcount + code.kwonlyargcount]
    count = len(args) - len(kwnames)
    given = list(args[:count])
    extra = given[len(positional):]
    if extra and not code.has_varargs:
        return None
    slots = given[:len(positional)] + [None] * (len(positional) - min(count, len(positional)))
    named = [None] * len(kwonly)
    star_names, star_values = [], []
    for name, value in zip(kwnames, args[count:]):
        if name in positional and positional.index(name) + implicit >= code.posonlyargcount:
            at = positional.index(name)
            if slots[at] is not None:
                return None  # (given twice: the interpreter's TypeError)
            slots[at] = value
        elif name in kwonly:
            named[kwonly.index(name)] = value
        elif code.has_varkw:
            star_names.append(name)
            star_values.append(value)
        else:
            return None
    if any(v is None or not isinstance(v, (Value, Const))
           for v in slots + named + extra + star_values):
        return None
    bound = slots + [Named(v) for v in named]
    if code.has_varargs:
        bound.append(Star(extra))
    if code.has_varkw:
        bound.append(StarStar(tuple(star_names), star_values))
    return bound


def _with_enter(manager):
    """(bound __exit__, __enter__()) of a context manager, with the interpreter's errors."""
    entries = [manager]
    _enter_context(entries, "__enter__", "__exit__", "context manager")
    return tuple(entries)


def _sequence_result(name, a, b, inplace):
    """The kind of `a + b` or `a * b` when that builds a list or tuple; OBJ otherwise."""
    seqs = [v for v in (a, b) if is_boxed(v) and v.type in (LIST, TUPLE)]
    if name == "mul" and len(seqs) == 1 and any(is_number(v) and v.type is not FLOAT
                                                for v in (a, b)):
        return value_kind(seqs[0])
    if name == "add" and len(seqs) == 2 and seqs[0] is a:
        if a.type is b.type or inplace and a.type is LIST:
            return Seq(a.type, join_elem(a.elem, b.elem))
    return OBJ




# Types whose truth runs no program code (a module-level loop tests them in place).
_PLAIN_TRUTH = (bool, int, float, str, bytes, list, tuple, dict, set, frozenset, type(None))


class _ByCode:
    """A call site's callees: functions of one code object (see CallSteps.one_callee)."""

    def __init__(self, function):
        self.function = function


_HEAPTYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE: a class defined by a program
_DUNDERS = {"add": "__add__", "sub": "__sub__", "mul": "__mul__", "truediv": "__truediv__",
            "floordiv": "__floordiv__", "mod": "__mod__", "pow": "__pow__"}
_SYMBOLS = {"add": "+", "sub": "-", "mul": "*", "truediv": "/", "floordiv": "//", "mod": "%",
            "pow": "** or pow()"}


def _lookup(cls, name):
    """`name` looked up on a class as CPython's slots look it up (the MRO's dicts)."""
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    return None


def _reflected(op: str, a, b):
    """What CPython's binary operator does after a's method returned NotImplemented (b is
    of a's class or a number): b's reflected method if b's class differs, else a
    TypeError with CPython's message."""
    if type(b) is not type(a):
        method = _lookup(type(b), "__r" + _DUNDERS[op][2:])
        if method is not None:
            result = method(b, a)
            if result is not NotImplemented:
                return result
    raise TypeError(f"unsupported operand type(s) for {_SYMBOLS[op]}: "
                    f"'{type(a).__name__}' and '{type(b).__name__}'")


def _static_truth(value):
    """The truth of a constant whose type has no __bool__ or __len__ of a program's: None,
    numbers, strings, bytes, tuples of those; else None (decided when it runs)."""
    if value is None or type(value) in (bool, int, float, complex, str, bytes):
        return bool(value)
    if type(value) is tuple and all(_static_truth(v) is not None for v in value):
        return bool(value)
    return None


def names_free(args) -> bool:
    """No argument appears twice (each part of a composite owns its reference)."""
    return len({id(a) for a in args}) == len(args)


def _numeric_builtin(target) -> bool:
    import math
    return (any(target is f for f in BUILTINS) or any(target is f for f in MATH_FLOAT_FUNCTIONS)
            or any(target is f for f in (math.floor, math.ceil, math.trunc)))


