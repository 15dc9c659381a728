"""Bytecode → JIT IR for unboxed numbers and control flow (a mixin of the translator, whose
`step` runs when frontend_objects' `step_objects` left the instruction alone).

In: one instruction with the types of the locals and the stack entries before it.  Out: the
IR for it on ints, floats and bools — constants, locals, operators, comparisons, branches and
jumps, returns, globals, `for` over `range(...)`, builtins and math functions on numbers,
direct calls to jitvm functions — or NotCompilable (a side exit there).
"""

from __future__ import annotations

import math

from ..opcodes import COMPARE_OPS, Op
from ..passes.jit import specialize_types
from .frontend import (MATH, MATH_FLOAT_FUNCTIONS, Const, MaybeUnbound, RangeArgs, RangeIter,
                       State, _BINARY, _CMP_NAMES, _callable_name, _is_builtin, _is_number,
                       _kind)
from .frontend_entries import NOT_MINE, Pair
from .ir import Block, Guard, Value
from .types import BOOL, FLOAT, FROM_PYTHON, INT, NONE


class NumberSteps:
    """The translator's own instruction steps (mixed into frontend._Translator)."""

    def step(self, index: int, op: Op, arg: int, locals_: list, stack: list):
        """Translate one instruction.  Returns None to continue in the block, or the list of
        (successor index, State) when the instruction ends the block."""
        code = self.code
        outcome = self.step_objects(index, op, arg, locals_, stack)
        if outcome is not NOT_MINE:
            return outcome
        if op == Op.NOP:
            return None
        if op == Op.POP_TOP:
            stack.pop()
            return None
        if op == Op.ROT_TWO:
            stack[-1], stack[-2] = stack[-2], stack[-1]
            return None
        if op == Op.ROT_THREE:
            stack.insert(-2, stack.pop())
            return None
        if op == Op.DUP_TOP:
            stack.append(stack[-1])
            return None
        if op == Op.DUP_TOP_TWO:
            stack.extend(stack[-2:])
            return None
        if op == Op.LOAD_CONST:
            value = code.consts[arg]
            if _is_number(value):
                stack.append(self.constant(value))
            elif value is None:
                stack.append(Const(None))
            else:
                self.fail(f"constant of type {type(value).__name__}", index)
            return None
        if op == Op.LOAD_FAST:
            jtype = locals_[arg]
            if jtype is None:
                self.fail(f"local {code.varnames[arg]!r} is unbound", index)
            if isinstance(jtype, MaybeUnbound):
                # Unbound at run time: the interpreter raises UnboundLocalError here.
                bound = self.emit("load", [self._bound_slot(arg, jtype.type)], BOOL)
                self.emit("guard_true", [bound], None,
                          self.deopt_point(index, locals_, stack, reason="unbound local"))
                jtype = jtype.type
            stack.append(self.load_local(arg, jtype))
            return None
        if op == Op.STORE_FAST:
            value = stack.pop()
            if not isinstance(value, Value):
                self.fail("storing a non-numeric value in a local", index)
            self.emit("store", [self._local_slot(arg, value.type), value])
            if (arg, value.type) in self.maybe_locals:
                self.emit("store", [self._bound_slot(arg, value.type),
                                    self.emit("const", [BOOL, True], BOOL)])
            locals_[arg] = value.type
            return None
        if op in _BINARY:
            b, a = stack.pop(), stack.pop()
            if not (isinstance(a, Value) and isinstance(b, Value)):
                self.fail(f"{op.name} on non-numeric values", index)
            if self.catches(index):  # (a zero divisor raises for the handler)
                self.raise_if_zero(_BINARY[op], a, b, index, locals_, stack)
            deopt = self.deopt_point(index, locals_, stack + [a, b], reason=op.name)
            stack.append(self.binary(_BINARY[op], a, b, deopt, index))
            return None
        if op in (Op.UNARY_NEGATIVE, Op.UNARY_POSITIVE, Op.UNARY_INVERT, Op.UNARY_NOT):
            a = stack.pop()
            if not isinstance(a, Value):
                self.fail(f"{op.name} on a non-numeric value", index)
            deopt = self.deopt_point(index, locals_, stack + [a], reason=op.name)
            stack.append(self.unary(op, a, deopt, index))
            return None
        if op == Op.COMPARE_OP:
            b, a = stack.pop(), stack.pop()
            if not (isinstance(a, Value) and isinstance(b, Value)):
                self.fail("comparing non-numeric values", index)
            stack.append(self.compare(_CMP_NAMES[COMPARE_OPS[arg]], a, b))
            return None
        if op in (Op.POP_JUMP_IF_FALSE, Op.POP_JUMP_IF_TRUE):
            top = self._numeric(stack.pop(), index)
            cond = self.truth(top)
            self._spill(stack, [arg, index + 1], lambda: self.deopt_point(
                index, locals_, stack + [top], reason="boxing"))
            if_true, if_false = (arg, index + 1) if op == Op.POP_JUMP_IF_TRUE else (index + 1, arg)
            state = State(tuple(locals_), tuple(_kind(e) for e in stack))
            self.emit("br", [cond, self._block_name(if_true, state),
                             self._block_name(if_false, state)])
            return [(arg, state), (index + 1, state)]
        if op in (Op.JUMP_IF_FALSE_OR_POP, Op.JUMP_IF_TRUE_OR_POP):
            top = self._numeric(stack[-1], index)
            cond = self.truth(top)
            self._spill(stack, [arg, index + 1], lambda: self.deopt_point(
                index, locals_, stack, reason="boxing"))
            jump_state = State(tuple(locals_), tuple(_kind(e) for e in stack))
            fall_state = State(tuple(locals_), tuple(_kind(e) for e in stack[:-1]))
            jump_if = op == Op.JUMP_IF_TRUE_OR_POP
            # The fall-through block expects one entry fewer: it reloads only what it needs.
            targets = (arg, index + 1) if jump_if else (index + 1, arg)
            self.emit("br", [cond] + [self._block_name(t, jump_state if t == arg else fall_state)
                                      for t in targets])
            return [(arg, jump_state), (index + 1, fall_state)]
        if op in (Op.JUMP_FORWARD, Op.JUMP_BACKWARD):
            self._spill(stack, [arg], lambda: self.deopt_point(arg, locals_, stack,
                                                               reason="boxing"))
            if op == Op.JUMP_BACKWARD and self.promoted is not None:  # frontend_module
                names, point = self.signal_names(arg, locals_, stack)
                self.emit("check_signals", names, None, point)
            elif op == Op.JUMP_BACKWARD:
                self.emit("check_signals", [], None,
                          self.deopt_point(arg, locals_, stack, reason="signal"))
            state = State(tuple(locals_), tuple(_kind(e) for e in stack))
            self.emit("jump", [self._block_name(arg, state)])
            return [(arg, state)]
        if op == Op.RETURN_VALUE:
            value = stack.pop()
            if isinstance(value, Const) and value.value is None:
                self.return_types.add(NONE)
                self.emit("ret", [])
            elif isinstance(value, Value):
                self.return_types.add(value.type)
                self.emit("ret", [value])
            else:
                self.fail("returning a non-numeric value", index)
            return []
        if op == Op.LOAD_GLOBAL:
            name = code.names[arg]
            target = self.resolve_global(name, index)
            if not (target is math or _is_builtin(target) or self.jit.is_jitvm_function(target)
                    or _is_number(target)):
                self.fail(f"global {name!r} is a {type(target).__name__}", index)
            in_globals = name in self.globals
            self.guard(name, self.globals, self.builtins if not in_globals else None, name,
                       target, self.deopt_point(index, locals_, stack,
                                                reason=f"global {name} rebound"))
            stack.append(self.constant(target) if _is_number(target) else Const(target))
            return None
        if op == Op.LOAD_ATTR:
            owner = stack.pop()
            name = code.names[arg]
            if not (isinstance(owner, Const) and owner.value is math and name in MATH):
                self.fail(f"attribute {name!r} of a value the JIT cannot see", index)
            target = getattr(math, name)
            self.guard(f"math.{name}", math.__dict__, None, name, target,
                       self.deopt_point(index, locals_, stack + [owner],
                                        reason=f"math.{name} rebound"))
            stack.append(self.constant(target) if _is_number(target) else Const(target))
            return None
        if op == Op.CALL_FUNCTION:
            args = stack[len(stack) - arg:]
            del stack[len(stack) - arg:]
            callee = stack.pop()
            if not isinstance(callee, Const):
                self.fail("calling a value the JIT cannot see", index)
            if callee.value is range:
                stack.append(self.range_call(args, index, locals_, stack, callee))
                return None
            if not all(isinstance(a, Value) for a in args):
                self.fail("calling with non-numeric arguments", index)
            if not self.jit.is_jitvm_function(callee.value):
                deopt = self.deopt_point(index, locals_, stack + [callee] + args,
                                         reason=f"{_callable_name(callee.value)}() raised")
                stack.append(self.builtin_call(callee.value, args, deopt, index))
                return None
            result = self.native_call(callee.value, args, index, locals_, stack)
            if result is not None:
                stack.append(result)
            else:
                stack.append(Const(None))
            return None
        if op == Op.GET_ITER:
            top = stack.pop()
            if not isinstance(top, RangeArgs):
                self.fail("iterating over something other than range()", index)
            stack.append(RangeIter(top.start, top.stop, top.step))
            return None
        if op == Op.FOR_ITER:
            it = stack.pop()
            if not isinstance(it, RangeIter):
                self.fail("for loop over something other than range()", index)
            full = stack + [it]
            self._spill(full, [arg], lambda: self.deopt_point(index, locals_, full,
                                                              reason="boxing"))
            stack[:] = full[:-1]
            more = self.emit("range_more", [it.current, it.stop, it.step], BOOL)
            exit_state = State(tuple(locals_), tuple(_kind(e) for e in stack))
            body_name = f"{self.current_name}.body"
            self.emit("br", [more, body_name, self._block_name(arg, exit_state)])
            # The loop body continues in a sub-block of this instruction.
            if self.fn is not None:
                body = Block(body_name, index)
                self.fn.blocks.append(body)
                self.block = body
            # The loop variable: `current`, now known to lie between start and stop (what
            # eliminate_overflow_checks uses to drop guards on the counter and on its uses).
            value = self.emit("range_value", [it.current, it.stop, it.step], INT)
            deopt = self.deopt_point(index, locals_, stack + [it], reason="range overflow")
            following = self.emit("range_next", [value, it.step], INT, deopt)
            stack.append(RangeIter(following, it.stop, it.step))
            stack.append(value)
            self._spill(stack, [index + 1], lambda: self.deopt_point(index + 1, locals_, stack,
                                                                     reason="boxing"))
            state = State(tuple(locals_), tuple(_kind(e) for e in stack))
            self.emit("jump", [self._block_name(index + 1, state)])
            return [(arg, exit_state), (index + 1, state)]
        self.fail(f"{op.name} is not supported by the JIT yet", index)

    def guard(self, label, namespace, fallback, name, expected, deopt):
        if self.fn is not None:
            guard = Guard(label, namespace, fallback, name, expected)
            self.fn.guards.append(guard)
            self.emit("guard", [guard], None, deopt)

    def constant(self, value) -> Value:
        jtype = FROM_PYTHON[type(value)]
        return self.emit("const", [jtype, value], jtype)

    def builtin_call(self, target, args, deopt, index) -> Value:
        """Builtins and math functions on numbers, with CPython's errors as deopts."""
        types = [a.type for a in args]
        name = _callable_name(target)
        if target is abs and len(args) == 1:
            if types[0] is FLOAT:
                return self.emit("fabs", args, FLOAT)
            return self.emit("iabs", [self.to_int(args[0])], INT, deopt)
        if target in (min, max) and len(args) >= 2:
            if len(set(types)) != 1:
                self.fail(f"{name}() of mixed types", index)
            result = args[0]
            for other in args[1:]:
                result = self.emit(f"{'f' if types[0] is FLOAT else 'i'}{name}", [result, other],
                                   types[0] if types[0] is not BOOL else BOOL)
            return result
        if target is divmod and len(args) == 2 and FLOAT not in types \
                and tuple(self.code.instructions[index + 1]) == (Op.UNPACK_SEQUENCE, 2):
            # `q, r = divmod(a, b)` on ints: the pair is never made (a zero divisor
            # deoptimizes, and the interpreter's divmod raises)
            a, b = (self.to_int(x) for x in args)
            return Pair(self.binary("floordiv", a, b, deopt, index),
                        self.binary("mod", a, b, deopt, index))
        if target is float and len(args) == 1:
            return self.to_float(args[0])
        if target is int and len(args) == 1:
            if types[0] is FLOAT:
                return self.emit("ftoi", args, INT, deopt)
            return self.to_int(args[0])
        if target is bool and len(args) == 1:
            return self.truth(args[0])
        if target is round and len(args) == 1:
            if types[0] is FLOAT:
                return self.emit("fround", args, INT, deopt)
            return self.to_int(args[0])
        if target in (math.floor, math.ceil, math.trunc) and len(args) == 1:
            if types[0] is FLOAT:
                return self.emit(f"f{name}", args, INT, deopt)
            return self.to_int(args[0])
        if any(target is f for f in MATH_FLOAT_FUNCTIONS) and len(args) == \
                MATH_FLOAT_FUNCTIONS[target]:
            return self.emit("libm", [name] + [self.to_float(a) for a in args], FLOAT, deopt)
        self.fail(f"{name}() is not supported by the JIT yet", index)

    def _numeric(self, entry, index):
        if not isinstance(entry, Value):
            self.fail("testing the truth of a non-numeric value", index)
        return entry

    # -- operations -----------------------------------------------------------------------------

    def binary(self, name: str, a: Value, b: Value, deopt, index: int) -> Value:
        return self.generic(name, [a, b], deopt, index)

    def unary(self, op: Op, a: Value, deopt, index: int) -> Value:
        if op == Op.UNARY_POSITIVE:
            return self.to_int(a) if a.type is BOOL else a
        name = {Op.UNARY_NOT: "not", Op.UNARY_NEGATIVE: "neg", Op.UNARY_INVERT: "invert"}[op]
        return self.generic(name, [a], deopt, index)

    def compare(self, name: str, a: Value, b: Value) -> Value:
        return self.generic(name, [a, b], None, None)

    def generic(self, name: str, args: list[Value], deopt, index) -> Value:
        """A generic operation `py.NAME` on typed values; the specialize_types pass picks its
        machine form.  Its result type comes from the same rules."""
        try:
            jtype = specialize_types.result_type(name, tuple(a.type for a in args))
        except specialize_types.Unsupported as exc:
            self.fail(str(exc), index)
        return self.emit(f"py.{name}", args, jtype, deopt)

    def range_call(self, args, index, locals_, stack, callee):
        if not 1 <= len(args) <= 3 or not all(isinstance(a, Value) and a.type in (INT, BOOL)
                                               for a in args):
            self.fail("range() with arguments that are not ints", index)
        ints = [self.to_int(a) for a in args]
        if len(ints) == 1:
            ints = [self.emit("const", [INT, 0], INT), ints[0]]
        if len(ints) == 2:
            ints.append(self.emit("const", [INT, 1], INT))
        # range(..., 0) raises ValueError: let the interpreter do it.
        self.emit("guard_nonzero", [ints[2]], None,
                  self.deopt_point(index, locals_, stack + [callee] + list(args),
                                   reason="range() step is zero"))
        return RangeArgs(*ints)

    def native_call(self, target, args, index, locals_, stack):
        argtypes = tuple(a.type for a in args)
        callee = self.jit.specialization(target, argtypes, index, self.code)
        if callee.exits:
            self.fail(f"calls {callee.code.qualname}, which leaves native code "
                      f"({callee.exits[0][1]})", index)
        deopt = self.deopt_point(index, locals_, stack, after_call=True, reason="callee deopt",
                                 quiet=self.quiet_callee(callee))
        if self.fn is not None:
            self.fn.callees[callee.name] = callee
        rtype = callee.return_type
        return self.emit("call", [callee.name, list(args)], rtype if rtype is not NONE else None,
                         deopt) if rtype is not NONE else self._call_none(callee, args, deopt)

    def _call_none(self, callee, args, deopt):
        self.emit("call", [callee.name, list(args)], None, deopt)
        return None
