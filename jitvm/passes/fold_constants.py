"""Constant folding: an operator applied to constants becomes one constant.

In: an instruction list.  Out: a new one where each group `LOAD_CONST a; [LOAD_CONST b;] OP`
(or `LOAD_CONST a1 … an; BUILD_TUPLE n`) that `RULES` covers is one `LOAD_CONST result`, as
CPython's AST optimizer folds `3 + 4 * 2`, `-1`, `not ()`, `'abc'[1]` and `(1, (2, 3))`.

Invariant: the program computes the same values, of exactly the same types, and raises the same
exceptions at the same instructions.  So a group is folded only when

* it is straight-line code under one handler: no label inside it (nothing jumps into the
  middle) and every instruction carries the same `handler` tag;
* its constants are plain immutable values (numbers, strings, bytes, None, ..., and tuples and
  frozensets of those): folding never runs user code;
* computing it raises nothing and warns nothing (`1/0` stays, to raise at run time at its line);
* the result stays small: CPython's limits (ints of 128 bits, strings and bytes of 4096 items,
  tuples of 256 items and 1024 nested items) are checked before computing `*`, `**` and `<<`,
  and no operator's result may exceed them unless an operand already did (`-` applied to a
  200-digit literal folds; `'a' * 4000 + 'b' * 4000` does not).  A tuple display folds at
  any size: it is no bigger than its source.

The new LOAD_CONST has the operator's position and handler.  One left-to-right scan reaches the
fixpoint: a folded constant lands where its operator was, before anything that could use it.
"""

from __future__ import annotations

import operator
import types
import warnings
from dataclasses import dataclass
from typing import Any, Callable

from ..code import Instr
from ..opcodes import Op

# CPython's folding limits (Python/ast_opt.c).
MAX_INT_BITS = 128
MAX_COLLECTION_SIZE = 256
MAX_STR_SIZE = 4096
MAX_TOTAL_ITEMS = 1024


# -- guards: CPython's safe_multiply, safe_power, safe_lshift and safe_mod ----------------------


def _items_left(value, limit: int) -> int:
    """`limit` minus the items of `value`, nested tuples and frozensets counted; < 0: too many."""
    if isinstance(value, (tuple, frozenset)):
        limit -= len(value)
        for item in value:
            if limit < 0:
                break
            limit = _items_left(item, limit)
    return limit


def _multiply_ok(a, b) -> bool:
    if isinstance(b, int) and isinstance(a, (tuple, frozenset, str, bytes)):
        a, b = b, a  # n * seq and seq * n are limited alike
    if isinstance(a, int) and isinstance(b, int):
        return not (a and b) or a.bit_length() + b.bit_length() <= MAX_INT_BITS
    if isinstance(a, int) and isinstance(b, (tuple, frozenset)) and b:
        return (0 <= a <= MAX_COLLECTION_SIZE // len(b)
                and (a == 0 or _items_left(b, MAX_TOTAL_ITEMS // a) >= 0))
    if isinstance(a, int) and isinstance(b, (str, bytes)) and b:
        return 0 <= a <= MAX_STR_SIZE // len(b)
    return True


def _power_ok(a, b) -> bool:
    if isinstance(a, int) and isinstance(b, int) and a and b > 0:
        return a.bit_length() <= MAX_INT_BITS // b
    return True


def _lshift_ok(a, b) -> bool:
    if isinstance(a, int) and isinstance(b, int) and a and b:
        return 0 < b <= MAX_INT_BITS and a.bit_length() <= MAX_INT_BITS - b
    return True


def _mod_ok(a, b) -> bool:
    return not isinstance(a, (str, bytes))  # '%' formatting can make a string of any size


def _always(*operands) -> bool:
    return True


# -- the rules -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    arity: int | None  # constants consumed; None: the instruction's argument (BUILD_TUPLE n)
    compute: Callable[..., Any]
    guard: Callable[..., bool] = _always  # False: the result would be too big to compute
    limit_result: bool = True  # False: the result is no bigger than the source that makes it


RULES: dict[Op, Rule] = {
    Op.UNARY_POSITIVE: Rule(1, operator.pos),  # +c
    Op.UNARY_NEGATIVE: Rule(1, operator.neg),  # -c  (-0.0 stays a float)
    Op.UNARY_INVERT: Rule(1, operator.invert),  # ~c
    Op.UNARY_NOT: Rule(1, operator.not_),  # not c  → True / False
    Op.BINARY_ADD: Rule(2, operator.add),  # a + b  (True + 1 → 2, an int)
    Op.BINARY_SUBTRACT: Rule(2, operator.sub),  # a - b
    Op.BINARY_MULTIPLY: Rule(2, operator.mul, _multiply_ok),  # a * b, bounded
    Op.BINARY_TRUE_DIVIDE: Rule(2, operator.truediv),  # a / b  (1/2 → 0.5; 1/0 not folded)
    Op.BINARY_FLOOR_DIVIDE: Rule(2, operator.floordiv),  # a // b
    Op.BINARY_MODULO: Rule(2, operator.mod, _mod_ok),  # a % b, numbers only
    Op.BINARY_POWER: Rule(2, operator.pow, _power_ok),  # a ** b, bounded
    Op.BINARY_LSHIFT: Rule(2, operator.lshift, _lshift_ok),  # a << b, bounded
    Op.BINARY_RSHIFT: Rule(2, operator.rshift),  # a >> b
    Op.BINARY_AND: Rule(2, operator.and_),  # a & b
    Op.BINARY_OR: Rule(2, operator.or_),  # a | b
    Op.BINARY_XOR: Rule(2, operator.xor),  # a ^ b
    Op.BINARY_SUBSCR: Rule(2, operator.getitem),  # c[i]  ('abc'[1] → 'b')
    Op.BUILD_TUPLE: Rule(None, lambda *items: items, limit_result=False),  # (c1, …, cn)
}
# BINARY_MATRIX_MULTIPLY: no constant type implements `@`.  INPLACE_*: their left operand is a
# variable, never a constant.


# -- values that may be folded -------------------------------------------------------------------

_PLAIN_TYPES = frozenset({int, bool, float, complex, str, bytes, type(None), types.EllipsisType})


def _is_plain(value) -> bool:
    """An immutable built-in value: operators on it run no user code and it can be cached."""
    if type(value) in (tuple, frozenset):
        return all(_is_plain(item) for item in value)
    return type(value) in _PLAIN_TYPES


def _size(value) -> tuple[str, int] | None:
    """What CPython's limits measure: (kind, size), or None for values of bounded size."""
    if isinstance(value, int):
        return "int", value.bit_length()
    if isinstance(value, (str, bytes)):
        return "str", len(value)
    if isinstance(value, (tuple, frozenset)):
        return "collection", len(value)
    return None


_LIMITS = {"int": MAX_INT_BITS, "str": MAX_STR_SIZE, "collection": MAX_COLLECTION_SIZE}


def _small_enough(result, operands) -> bool:
    """Within CPython's limits, or no bigger than an operand of the same kind already was."""
    size = _size(result)
    if size is None:
        return True
    kind, n = size
    return n <= max([_LIMITS[kind]] + [s[1] for s in map(_size, operands) if s and s[0] == kind])


def evaluate(rule: Rule, operands: list) -> tuple[bool, Any]:
    """(True, result) if `rule` may be folded over these constants, else (False, None)."""
    if not all(_is_plain(v) for v in operands) or not rule.guard(*operands):
        return False, None
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a warning belongs to run time, like an exception
        try:
            result = rule.compute(*operands)
        except Exception:  # it raises: leave it to raise at run time, at its line
            return False, None
    if not _is_plain(result) or (rule.limit_result and not _small_enough(result, operands)):
        return False, None
    return True, result


# -- the pass ------------------------------------------------------------------------------------


def _operands(out: list, n: int, handler) -> list | None:
    """The constants of the last `n` items of `out`, if they are all LOAD_CONSTs under
    `handler` (so no label separates them from the operator)."""
    if n > len(out):
        return None
    tail = out[len(out) - n:]
    if not all(isinstance(i, Instr) and i.op == Op.LOAD_CONST and i.handler is handler
               for i in tail):
        return None
    return [i.arg for i in tail]


def run(instrs: list) -> list:
    out: list = []
    for item in instrs:
        rule = RULES.get(item.op) if isinstance(item, Instr) else None
        if rule is not None:
            n = item.arg if rule.arity is None else rule.arity
            operands = _operands(out, n, item.handler)
            if operands is not None:
                ok, value = evaluate(rule, operands)
                if ok:
                    del out[len(out) - n:]
                    out.append(Instr(Op.LOAD_CONST, value, item.pos, item.handler))
                    continue
        out.append(item)
    return out
