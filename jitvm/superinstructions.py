"""Superinstructions: common instruction pairs fused into one handler when code is linked.

The bytecode is unchanged (`jitvm dis` shows it as compiled); only the interpreter's threaded
code changes, so each fused pair costs one dispatch instead of two.  A pair is fused only when

* its second instruction is not a jump target nor an exception handler entry (execution never
  starts in the middle of a pair), and
* only the first instruction can raise, so an exception is still reported at the right
  instruction: compare+branch, operator+store, call+pop.

One instruction is specialised on its neighbours instead: the call that makes a generator
expression passed straight to `sum`, `min`... (`_call_genexpr`).  A load+load pair that finds an unset
  local falls back to executing just the first load, so the second raises from its own index.

A fused handler returns the index after the pair, so the dispatch loop treats it as a jump.
"""

from __future__ import annotations

import operator

from .code import CodeObject
from .interpreter import NOT_HANDLED, UNBOUND
from .objects import Function
from .opcodes import BINARY_OPS, COMPARE_OPS, Op

_COMPARE_FUNCS = dict(zip(range(len(COMPARE_OPS)), (operator.lt, operator.le, operator.eq,
                                                     operator.ne, operator.gt, operator.ge)))


def _load_fast_load_fast(f, arg):
    a, b, after = arg
    fast = f.fast
    x = fast[a]
    y = fast[b]
    if x is UNBOUND or y is UNBOUND:
        return after - 2 + _load_one(f, a)
    s = f.stack
    s.append(x)
    s.append(y)
    return after


def _load_one(f, a):
    """Fallback for a fused load+load: run only the first LOAD_FAST (which may raise)."""
    from .handlers import LOAD_FAST
    LOAD_FAST(f, a)
    return 1


def _load_fast_load_const(f, arg):
    a, value, after = arg
    x = f.fast[a]
    if x is UNBOUND:
        return after - 2 + _load_one(f, a)
    s = f.stack
    s.append(x)
    s.append(value)
    return after


def _compare_jump(fn, jump_if: bool):
    def compare_and_branch(f, arg):
        target, after = arg
        s = f.stack
        b = s.pop()
        if bool(fn(s.pop(), b)) is jump_if:
            return target
        return after
    return compare_and_branch


def _lt_jump_if_false(f, arg):  # the commonest loop test, spelled out
    target, after = arg
    s = f.stack
    b = s.pop()
    if s.pop() < b:
        return after
    return target


def _binary_store(fn):
    def operate_and_store(f, arg):
        slot, after = arg
        s = f.stack
        b = s.pop()
        f.fast[slot] = fn(s.pop(), b)
        return after
    return operate_and_store


def _add_store(f, arg):
    slot, after = arg
    s = f.stack
    b = s.pop()
    f.fast[slot] = s.pop() + b
    return after


def _call_pop(f, arg):
    argc, after = arg
    from .handlers import CALL_FUNCTION
    CALL_FUNCTION(f, argc)
    f.stack.pop()
    return after


def _call_genexpr(f, arg):
    """GET_ITER; CALL_FUNCTION 1 (this one: makes a generator); CALL_FUNCTION 1 (a consumer):
    when the call makes a generator expression (a temporary no code can reach) and the
    consumer is one of the builtins the JIT fuses (sum, min, max, any, all, list, tuple,
    sorted), the JIT runs the fused code instead (jit/fused.py: one loop, no generator,
    compiled by OSR when it gets hot) and both calls are done; otherwise just this call.
    (Not a pair: the consumer's call keeps its own handler and feedback.)"""
    _argc, index, after = arg
    s = f.stack
    func = s[-2]
    if type(func) is Function and func._code.name == "<genexpr>" and f.vm.jit is not None:
        result = f.vm.jit.run_fused(f, func, s[-3], s[-1], index + 1)
        if result is not NOT_HANDLED:
            del s[-2:]
            s[-1] = result
            return after
    from .handlers import CALL_FUNCTION
    return CALL_FUNCTION(f, 1)


_BINARY_STORE = {}
for _suffix, _sym, _name, _iname in BINARY_OPS:
    _BINARY_STORE[Op["BINARY_" + _suffix]] = _binary_store(getattr(operator, _name))
    _BINARY_STORE[Op["INPLACE_" + _suffix]] = _binary_store(getattr(operator, _iname))
_BINARY_STORE[Op.BINARY_ADD] = _add_store


def _iadd_store(f, arg):
    """`s += t; s` stored back: for strings, the frame's reference to the old string goes
    first, so that CPython's eval loop running this handler appends in place (the string
    `a` has no other reference: `s += piece` in a loop is linear, as in CPython)."""
    slot, after = arg
    s = f.stack
    b = s.pop()
    a = s.pop()
    if type(a) is str and type(b) is str:
        fast = f.fast
        if fast[slot] is a:
            fast[slot] = None
        a += b
        fast[slot] = a
        return after
    f.fast[slot] = operator.iadd(a, b)
    return after


_BINARY_STORE[Op.INPLACE_ADD] = _iadd_store


def fuse(code: CodeObject, threaded: list) -> int:
    """Replace fusable pairs in `threaded` (in place); returns how many were fused."""
    instrs = code.instructions
    targets = {arg for op, arg in instrs
               if op in (Op.JUMP_FORWARD, Op.JUMP_BACKWARD, Op.POP_JUMP_IF_FALSE,
                         Op.POP_JUMP_IF_TRUE, Op.JUMP_IF_FALSE_OR_POP, Op.JUMP_IF_TRUE_OR_POP,
                         Op.FOR_ITER)}
    targets |= {entry.target for entry in code.exceptiontable}
    fused = 0
    i = 0
    while i + 1 < len(instrs):
        (op, arg), (op2, arg2) = instrs[i], instrs[i + 1]
        after = i + 2
        handler = None
        if i + 1 not in targets:
            if op == Op.LOAD_FAST and op2 == Op.LOAD_FAST:
                handler, new_arg = _load_fast_load_fast, (arg, arg2, after)
            elif op == Op.LOAD_FAST and op2 == Op.LOAD_CONST:
                handler, new_arg = _load_fast_load_const, (arg, code.consts[arg2], after)
            elif op == Op.COMPARE_OP and op2 in (Op.POP_JUMP_IF_FALSE, Op.POP_JUMP_IF_TRUE):
                if COMPARE_OPS[arg] == "<" and op2 == Op.POP_JUMP_IF_FALSE:
                    handler = _lt_jump_if_false
                else:
                    handler = _compare_jump(_COMPARE_FUNCS[arg], op2 == Op.POP_JUMP_IF_TRUE)
                new_arg = (arg2, after)
            elif op in _BINARY_STORE and op2 == Op.STORE_FAST:
                handler, new_arg = _BINARY_STORE[op], (arg2, after)
            elif op == Op.CALL_FUNCTION and op2 == Op.POP_TOP:
                handler, new_arg = _call_pop, (arg, after)
        if handler is None and op == op2 == Op.CALL_FUNCTION and arg == arg2 == 1 and i > 0 \
                and instrs[i - 1][0] == Op.GET_ITER and i + 1 not in targets:
            threaded[i] = (_call_genexpr, (1, i, after))  # (one instruction, not a pair)
            i += 1
        elif handler is not None:
            threaded[i] = (handler, new_arg)
            fused += 1
            i += 2
        else:
            i += 1
    return fused
