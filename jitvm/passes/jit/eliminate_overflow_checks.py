"""Overflow-check elimination by range analysis.

In: a specialized JitFunction.  Out: the same function where an int operation whose result
provably fits 64 bits loses its overflow guard: `iadd` becomes `iadd.nsw` (LLVM's "no signed
wrap"), likewise `isub`, `imul`, `ineg` and a range loop's `range_next`.

The analysis gives every int value an interval [lo, hi]:

* constants are exact; a bool used as an int is [0, 1]; arguments and call results are
  anything that fits 64 bits;
* a slot holds the hull of everything stored into it (found by iterating to a fixed point;
  a bound that keeps growing — an accumulator, a counter — is widened to the int64 limit on
  that side, so a counter that only goes up keeps its lower bound);
* a `range()` loop variable (`range_value current, stop, step`) lies in [start, stop - 1]
  when the step is positive and in [stop + 1, start] when it is negative: that is what
  `range_more` tested before the loop body runs;
* + - * and negation follow interval arithmetic; `x & m` with m >= 0 lies in [0, m];
  `x % m` with m > 0 lies in [0, m - 1].

So in `for i in range(n): ... i + 1 ...` neither the counter's increment nor `i + 1` can
overflow, and with a constant bound (`range(1000)`) neither can `i * i`.

Invariant: an operation is rewritten only when its exact (unbounded) result interval lies
within int64; nothing else changes.
"""

from __future__ import annotations

from ...jit.ir import Op
from ...jit.types import BOOL, INT

_MIN, _MAX = -2 ** 63, 2 ** 63 - 1
FULL = (_MIN, _MAX)
_WIDEN_AFTER = 2  # a slot's interval may grow this often before a growing side goes to ±2**63

UNCHECKED = {"iadd": "iadd.nsw", "isub": "isub.nsw", "imul": "imul.nsw", "ineg": "ineg.nsw",
             "range_next": "range_next.nsw"}


def run(fn):
    intervals = analyze(fn)
    for op in fn.ops():
        if op.opcode in UNCHECKED and _fits(_exact(op, intervals)):
            op.opcode = UNCHECKED[op.opcode]
            op.deopt = None
    return fn


def analyze(fn) -> dict:
    """The interval of every int value (Value → (lo, hi)), slots iterated to a fixed point."""
    slots: dict = {}
    growth: dict = {}
    # Only ops with an int or bool result and int stores take part (listed once: a float
    # loop has few of them, and the walk repeats until the slots settle).
    relevant = [op for op in fn.ops() if op.result is not None and op.result.type in (INT, BOOL)
                or op.opcode == "store" and op.args[0][1] is INT]
    while True:
        intervals: dict = {}
        changed = False
        for op in relevant:
            if op.result is not None and op.result.type in (INT, BOOL):
                intervals[op.result] = _clip(_exact(op, intervals, slots))
            if op.opcode == "store" and op.args[0][1] is INT:
                slot, value = op.args
                stored = intervals.get(value, FULL)
                before = slots.get(slot)
                after = stored if before is None else _hull(before, stored)
                if after != before:
                    growth[slot] = growth.get(slot, 0) + 1
                    if growth[slot] > _WIDEN_AFTER:  # still growing: widen that side
                        after = (_MIN if after[0] < before[0] else after[0],
                                 _MAX if after[1] > before[1] else after[1])
                    slots[slot] = after
                    changed = True
        if not changed:
            return intervals


def _exact(op: Op, intervals: dict, slots: dict | None = None):
    """The interval of `op`'s result as unbounded integers (before any overflow guard)."""
    get = lambda v: intervals.get(v, FULL)  # noqa: E731
    code, args = op.opcode, op.args
    if code == "const":
        return (int(args[1]), int(args[1])) if args[0] in (INT, BOOL) else FULL
    if code == "load":
        return (slots or {}).get(args[0], FULL) if args[0][1] is INT else (0, 1)
    if op.result is not None and op.result.type is BOOL:
        return (0, 1)
    if code == "btoi":
        return (0, 1)
    if code in ("iadd", "iadd.nsw", "range_next", "range_next.nsw"):
        (a, b), (c, d) = get(args[0]), get(args[1])
        return (a + c, b + d)
    if code in ("isub", "isub.nsw"):
        (a, b), (c, d) = get(args[0]), get(args[1])
        return (a - d, b - c)
    if code in ("imul", "imul.nsw"):
        (a, b), (c, d) = get(args[0]), get(args[1])
        products = (a * c, a * d, b * c, b * d)
        return (min(products), max(products))
    if code in ("ineg", "ineg.nsw"):
        a, b = get(args[0])
        return (-b, -a)
    if code == "iand":
        masks = [get(a)[1] for a in args if get(a)[0] >= 0]
        return (0, min(masks)) if masks else FULL
    if code == "imod":
        lo, hi = get(args[1])
        if lo > 0:
            return (0, hi - 1)
        if hi < 0:
            return (lo + 1, 0)
        return FULL
    if code == "range_value":
        (clo, chi), (slo, shi), (plo, phi) = (get(a) for a in args)
        if plo > 0:  # current < stop
            lo, hi = clo, min(chi, shi - 1)
        elif phi < 0:  # current > stop
            lo, hi = max(clo, slo + 1), chi
        else:
            lo, hi = clo, chi
        return (lo, max(lo, hi))  # (lo > hi only where the body cannot run)
    return FULL


def _fits(interval) -> bool:
    return _MIN <= interval[0] and interval[1] <= _MAX


def _clip(interval):
    """What a value can hold at run time: a result outside int64 deoptimized instead."""
    lo, hi = interval
    lo, hi = max(lo, _MIN), min(hi, _MAX)
    return (lo, hi) if lo <= hi else FULL


def _hull(a, b):
    return (min(a[0], b[0]), max(a[1], b[1]))
