"""Targeted tests of the JIT: native code must print exactly what CPython prints.

Every program runs once under CPython and under jitvm with `--jit-log` at one or more JIT
thresholds: 0 compiles every function before its first call, small thresholds (1, 5) switch
from the interpreter to native code in the middle of the run, 100 mostly stays interpreted.
stdout, exit status and the last stderr line must agree with CPython (difftest.compare), and
the log must show that the functions under test really were compiled (and, where the point of
the test is a deoptimization, that native code really deoptimized) — so a test cannot pass
just because everything silently stayed in the interpreter.

Bugs found in jitvm are kept as minimal `xfail(strict=True)` tests, each naming the bug.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from difftest import REPO_ROOT, _env, compare, last_error_line, run_cpython, run_jitvm

MID_RUN = ("0", "1", "5", "100")  # thresholds for tests where the switch point matters


def run(src: str, thresholds=("0",), compiled=(), deopted=(), timeout=60,
        compiled_upto: int = 1) -> dict:
    """Run SRC under CPython and under jitvm (`--jit-log --jit-threshold T` for each T) and
    assert they agree.  For every threshold up to `compiled_upto`, every name in `compiled`
    must have a `compiled: NAME(` log line for a specialisation without side exits; for
    threshold 0, every name in `deopted` must have a `deopt: NAME ` line (the log names only
    the innermost native frame of a deoptimization).  Returns {threshold: jitvm Result}.

    (This is difftest.check_source with one CPython run shared by all thresholds, plus the
    JIT log checks.)"""
    src = textwrap.dedent(src)
    results = {}
    with tempfile.TemporaryDirectory(prefix="jitvm_jit_") as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(src, encoding="utf-8")
        expected = run_cpython(path, timeout=timeout)
        assert expected.returncode != -999, expected.stderr
        for threshold in thresholds:
            actual = run_jitvm(path, options=("--jit-log", "--jit-threshold", str(threshold)),
                               timeout=timeout)
            problems = compare(expected, actual, f"prog.py [jit threshold {threshold}]")
            if problems:
                numbered = "\n".join(f"{i:4}  {line}"
                                     for i, line in enumerate(src.splitlines(), 1))
                pytest.fail("\n".join(problems) + "\n--- source ---\n" + numbered,
                            pytrace=False)
            log = jit_log(actual.stderr)
            if int(threshold) <= compiled_upto:
                for name in compiled:
                    assert any(line.startswith(f"compiled: {name}(")
                               and "exits to the interpreter" not in line for line in log), \
                        f"{name} was not compiled (without side exits) at threshold " \
                        f"{threshold}; JIT log:\n" + "\n".join(log)
            if int(threshold) == 0:
                for name in deopted:
                    assert any(line.startswith(f"deopt: {name} ") for line in log), \
                        f"{name} never deoptimized; JIT log:\n" + "\n".join(log)
            results[str(threshold)] = actual
    return results


def jit_log(stderr: str) -> list[str]:
    """The `[jit] ...` lines of stderr, without the prefix."""
    return [line[len("[jit] "):] for line in stderr.splitlines() if line.startswith("[jit] ")]


# -- exact semantics on the native path ----------------------------------------------------------


def test_int_overflow_deoptimizes_and_continues_with_big_ints():
    run("""
        def add(a, b):
            return a + b
        def sub(a, b):
            return a - b
        def mul(a, b):
            return a * b
        def neg(a):
            return -a
        def accumulate(n, step):
            t = 0
            for i in range(n):
                t += step
            return t
        M = 2**63 - 1
        # in range: stays native
        print(add(M - 1, 1), sub(-M, 1), mul(2**31, 2**31), mul(-(2**62), 2), neg(M))
        # one past the edge: must deoptimize and give Python's big int
        print(add(M, 1), add(-M - 1, -1), sub(-M - 1, 1), sub(M, -1))
        print(mul(2**32, 2**31), mul(-(2**62), -2), mul(M, M), neg(-M - 1))
        # mid-loop: t passes 2**63 at the third iteration, the loop ends in the interpreter
        print(accumulate(10, 2**62), accumulate(10, -(2**62)), accumulate(3, 2**61))
    """, thresholds=MID_RUN, compiled=("add", "sub", "mul", "neg", "accumulate"),
        deopted=("add", "sub", "mul", "neg", "accumulate"))


def test_floor_division_and_modulo_sign_combinations():
    run("""
        def fdiv(a, b):
            return a // b
        def mod(a, b):
            return a % b
        ints = [7, -7, 3, -3, 1, -1, 2**63 - 1, -(2**63)]
        for a in ints:
            print(a, [(fdiv(a, b), mod(a, b)) for b in ints])
        floats = [7.5, -7.5, 2.0, -2.0, 5.0, -3.0, 0.0, -0.0, 1e-310, 1e308,
                  float("inf"), float("-inf"), float("nan")]
        for a in floats:
            print(repr(a), [(fdiv(a, b), mod(a, b)) for b in floats if b != 0])
        # the results CPython signs carefully
        print(-0.0 % 5.0, 5.0 % -3.0, -7.5 // 2.0, 0.0 // -1.0, -0.0 // 1.0, 0.0 % -2.0)
        print(fdiv(-0.0, 5.0), mod(-0.0, 5.0), mod(5.0, -3.0), fdiv(-7.5, 2.0))
        print(fdiv(0.0, -1.0), fdiv(-0.0, 1.0), mod(0.0, -2.0), mod(-1.0, float("inf")))
        print(fdiv(1.0, float("-inf")), mod(1.0, float("-inf")), fdiv(-1.0, float("inf")))
        # mixed int and float operands, and bools
        print(fdiv(7, -2.0), mod(-7, 2.5), fdiv(7.5, -2), mod(2**63 - 1, 0.5))
        print(fdiv(True, -2), mod(True, -2), fdiv(-9, True), mod(False, 3.5))
        # the one int quotient that leaves 64 bits
        print(fdiv(-(2**63), -1), mod(-(2**63), -1))
    """, thresholds=("0", "5"), compiled=("fdiv", "mod"))


def test_true_division_of_ints_is_correctly_rounded():
    run("""
        def div(a, b):
            return a / b
        print(div(1, 3), div(-7, 2), div(7, -2), div(0, -5), div(-0, 5), div(10**15, 7))
        print(div(2**53, 3), div(-(2**53), 7), div(2**53 - 1, 2**53))
        # beyond 2**53 a naive int->double conversion rounds first: CPython does not
        print(div(2**53 + 1, 1), div(2**63 - 1, 3), div(-(2**63), 3), div(2**62 + 1, 2**62))
        print(div(2**63 - 1, 2**63 - 2), div(1, 2**63 - 1), div(-(2**63), -(2**63)))
        print(div(9007199254740993, 9007199254740993), div(10**18 + 1, 10**18))
        print(div(True, 2), div(3, True), div(2.5, 2), div(5, 0.5), div(-0.0, 3))
    """, thresholds=("0", "5"), compiled=("div",))


ZERO_DIVISIONS = [
    ("1 // 0", "fdiv(1, 0)"), ("1 % 0", "mod(1, 0)"), ("1 / 0", "div(1, 0)"),
    ("1.0 // 0.0", "fdiv(1.0, 0.0)"), ("1.0 % -0.0", "mod(1.0, -0.0)"),
    ("1.0 / 0.0", "div(1.0, 0.0)"), ("1 // 0.0", "fdiv(1, 0.0)"), ("2.5 % 0", "mod(2.5, 0)"),
    ("True / False", "div(True, False)"), ("0 % False", "mod(0, False)"),
    ("nan / 0", "div(float('nan'), 0)"), ("inf // -0.0", "fdiv(float('inf'), -0.0)"),
]
ZERO_DIVISION_FUNCTIONS = """
def fdiv(a, b):
    return a // b
def mod(a, b):
    return a % b
def div(a, b):
    return a / b
print(fdiv(7, 2), mod(7, 2), div(7, 2))   # compile them (threshold 0) on a plain call
"""


def test_division_by_zero_caught_with_cpython_message():
    calls = "\n".join(f"""
try:
    print({call})
except ZeroDivisionError as e:
    print({text!r}, "->", type(e).__name__, e)""" for text, call in ZERO_DIVISIONS)
    run(ZERO_DIVISION_FUNCTIONS + calls, thresholds=("0", "1"),
        compiled=("fdiv", "mod", "div"), deopted=("fdiv", "mod", "div"))


@pytest.mark.parametrize("call", [call for _, call in ZERO_DIVISIONS[:7]])
def test_division_by_zero_uncaught(call):
    results = run(ZERO_DIVISION_FUNCTIONS + f"print('before')\nprint({call})\nprint('after')\n",
                  compiled=("fdiv", "mod", "div"))
    assert results["0"].returncode == 1
    assert last_error_line(results["0"].stderr).startswith("ZeroDivisionError: ")


def test_shifts():
    run("""
        def shl(a, n):
            return a << n
        def shr(a, n):
            return a >> n
        # in range
        print(shl(1, 62), shl(-1, 63), shl(3, 0), shl(0, 64), shl(0, 1000), shl(-5, 60))
        print(shr(-1, 1), shr(-5, 100), shr(5, 100), shr(-(2**63), 63), shr(2**63 - 1, 62))
        print(shr(-(2**63), 64), shr(12345, 0), shr(-12345, 3), shl(True, True), shr(True, 0))
        # out of 64 bits: Python's big ints
        print(shl(1, 63), shl(-1, 64), shl(2**62, 1), shl(3, 62), shl(1, 64), shl(-3, 200))
        # negative counts
        for a, n in [(1, -1), (0, -1), (-8, -(2**63)), (5, -1)]:
            for f in (shl, shr):
                try:
                    print(f(a, n))
                except ValueError as e:
                    print(f.__name__, a, n, type(e).__name__, e)
    """, thresholds=("0", "5"), compiled=("shl", "shr"), deopted=("shl", "shr"))


def test_negative_shift_count_uncaught():
    results = run("""
        def shr(a, n):
            return a >> n
        print(shr(16, 2))
        print(shr(16, -2))
    """, compiled=("shr",), deopted=("shr",))
    assert last_error_line(results["0"].stderr) == "ValueError: negative shift count"


def test_mixed_int_float_comparisons_are_exact():
    run("""
        def lt(a, b):
            return a < b
        def le(a, b):
            return a <= b
        def eq(a, b):
            return a == b
        def ne(a, b):
            return a != b
        def gt(a, b):
            return a > b
        def ge(a, b):
            return a >= b
        ops = (lt, le, eq, ne, gt, ge)
        def row(a, b):
            print(repr(a), repr(b), *[f(a, b) for f in ops], *[f(b, a) for f in ops])
        row(2**53 + 1, float(2**53))          # == would be True after a naive conversion
        row(2**53, float(2**53))
        row(2**53 - 1, 9007199254740992.0)
        row(9007199254740993, 9007199254740992.0)
        row(2**63 - 1, 2.0**63)
        row(-(2**63), -(2.0**63))
        row(-(2**63) + 1, -(2.0**63))
        row(2**62 + 1, 4.611686018427388e18)
        row(0, -0.0)
        row(0, 0.0)
        row(-1, -0.5)
        row(3, 3.5)
        row(-3, -3.5)
        row(1, float("nan"))
        row(0, float("nan"))
        row(2**63 - 1, float("inf"))
        row(-(2**63), float("-inf"))
        row(True, 1.0)
        row(False, -0.0)
        row(float("nan"), float("nan"))
        row(-0.0, 0.0)
        row(float("inf"), float("inf"))
        row(1e308, float("inf"))
    """, thresholds=("0", "5"), compiled=("lt", "le", "eq", "ne", "gt", "ge"))


def test_bool_arithmetic_and_results():
    run("""
        def add(a, b):
            return a + b
        def neg(a):
            return -a
        def pos(a):
            return +a
        def inv(a):
            return ~a
        def band(a, b):
            return a & b
        def bor(a, b):
            return a | b
        def bxor(a, b):
            return a ^ b
        def mul(a, b):
            return a * b
        def fdiv(a, b):
            return a // b
        def mod(a, b):
            return a % b
        def div(a, b):
            return a / b
        def notb(a):
            return not a
        for a in (True, False):
            print(repr(neg(a)), repr(pos(a)), repr(inv(a)), repr(notb(a)))
            for b in (True, False):
                # & | ^ of two bools is a bool; everything else is an int (or float)
                print(repr(add(a, b)), repr(band(a, b)), repr(bor(a, b)), repr(bxor(a, b)),
                      repr(mul(a, b)), repr(mul(a, 2.5)), repr(add(a, -0.0)))
        print(repr(fdiv(True, True)), repr(mod(True, True)), repr(div(True, True)))
        print(repr(band(True, 3)), repr(bor(False, 4)), repr(bxor(True, 1)),
              repr(add(True, 2**63 - 1)))
    """, thresholds=("0", "5"), compiled=("add", "neg", "pos", "inv", "band", "bor", "bxor",
                                          "mul", "notb"))


def test_float_results_print_like_cpython():
    run("""
        def poly(x, y):
            return x * x - 3.0 * y + x / 7.0
        def comb(x, y):
            return (x + y) * (x - y)
        for x, y in [(0.1, 0.2), (1e16, 1.0), (1e308, 1e308), (-0.0, 0.0), (-0.0, -0.0),
                     (5e-324, 2.5e-324), (1.5, float("inf")), (float("inf"), float("inf")),
                     (float("nan"), 1.0), (2.0**53, 1.0), (1 / 3, 2 / 3), (123456.789, 1e-9)]:
            print(repr(poly(x, y)), repr(comb(x, y)), repr(comb(y, x)))
        print(poly(3, 4), comb(3, 4), comb(0.1, 3))
    """, thresholds=("0", "5"), compiled=("poly", "comb"))


def test_chained_comparisons_and_or_not():
    run("""
        def chain(a, b, c):
            return a < b < c
        def chain_eq(a, b, c):
            return a == b != c
        def chain_mixed(a, b, c):
            return a <= b > c
        def first_true(a, b):
            return a or b
        def first_false(a, b):
            return a and b
        def both(a, b, c):
            return a and b or c
        def negate(a):
            return not a
        for a, b, c in [(1, 2, 3), (1, 2, 2), (3, 2, 1), (1, 1, 2), (2, 2, 2), (-1, 0, 1),
                        (0.5, 1.5, 1.0), (1.0, float("nan"), 2.0), (-0.0, 0.0, 0.5)]:
            print(chain(a, b, c), chain_eq(a, b, c), chain_mixed(a, b, c))
        # and/or return an operand, not a bool
        for a, b in [(0, 5), (3, 5), (3, 0), (0, 0), (-1, 2**63 - 1)]:
            print(first_true(a, b), first_false(a, b), both(a, b, 7), negate(a))
        for a, b in [(0.0, 2.5), (-0.0, 0.0), (0.0, -0.0), (float("nan"), 1.0), (1.5, -0.0)]:
            print(repr(first_true(a, b)), repr(first_false(a, b)), repr(both(a, b, 9.0)),
                  negate(a))
        print(first_true(True, False), first_false(True, False), negate(False), negate(0.0))
    """, thresholds=("0", "5"),
        compiled=("chain", "chain_eq", "chain_mixed", "first_true", "first_false", "both",
                  "negate"))


def test_divmod_unpacked_at_once_runs_natively_with_cpythons_semantics():
    run("""
        def digits_sum(n):
            s = 0
            while n:
                n, r = divmod(n, 10)
                s += r
            return s
        def mixed(a, b):
            q, r = divmod(a, b)     # unpacked at once: compiled as // and %
            t = divmod(a, 3)        # kept as a tuple: CPython's divmod, through the C-API
            return q * 100 + r, t
        tot = 0
        for i in range(3000):
            tot += digits_sum(i) + mixed(i, 7 - i % 5)[0]
        print(tot, mixed(-7, 2), mixed(7, -2), mixed(2**62, 3), mixed(True, 2))
        for b in (0, 2, -2**63):
            try:
                print(mixed(5, b), mixed(-2**63, b))
            except ZeroDivisionError as e:
                print("ZeroDivisionError", e)
        print(divmod(7.5, 2), divmod(-7, 2.5))
    """, thresholds=MID_RUN, compiled=("digits_sum", "mixed"))


def test_builtins_math_and_powers_at_their_edges():
    run("""
        import math
        def show(f, *args):
            try:
                print(f.__name__, *map(repr, args), repr(f(*args)))
            except Exception as e:
                print(f.__name__, *map(repr, args), type(e).__name__, e)
        def to_int(a):
            return int(a)
        def rnd(a):
            return round(a)
        def floor(a):
            return math.floor(a)
        def sqrt(a):
            return math.sqrt(a)
        def absolute(a):
            return abs(a)
        def power(a, b):
            return a ** b
        def smallest(a, b):
            return min(a, b)
        for a in (0.5, 1.5, 2.5, -0.5, -2.5, 0.49999999999999994, 1e300, -1e300,
                  float("inf"), float("nan"), -0.0, 2.0**63, 7, -(2**63)):
            for f in (to_int, rnd, floor, sqrt, absolute):
                show(f, a)
        for a, b in [(2, 10), (2, 62), (2, 63), (-2, 63), (2, -1), (0, -1), (0.0, -1),
                     (-8.0, 0.5), (-8, 1 / 3), (10.0, 400), (-1, 2**62), (1.5, 2),
                     (float("nan"), 0), (0, 0), (3, 40)]:
            show(power, a, b)
        for a, b in [(1, 1.0), (1.0, 1), (-0.0, 0.0), (0.0, -0.0), (float("nan"), 1.0),
                     (1.0, float("nan")), (2**63 - 1, -(2**63)), (True, 0)]:
            show(smallest, a, b)
    """, thresholds=("0", "5"), compiled=("to_int", "rnd", "floor", "sqrt", "absolute",
                                          "power", "smallest"))


def test_int_of_a_float_and_an_int_float_comparison_in_one_function():
    # Both need llvm.trunc.f64 in one module (it was once declared twice: DuplicatedNameError).
    run("""
        def f(a, b):
            return int(a) + (a < b)
        print(f(0.5, 0))
    """, compiled=("f",))


# -- deoptimization ------------------------------------------------------------------------------


def test_deopt_mid_loop_after_the_program_printed():
    run("""
        def tri(n, start):
            t = start
            i = 0
            while i < n:
                t += i * i
                i += 1
            return t
        def step(x, k):
            return x * k + 1
        print("before")
        print(tri(100, 0))
        print(tri(100, 2**63 - 1000))   # overflows at i = 15, finishes in the interpreter
        print("between")
        x = 1
        for n in range(30):
            x = step(x, 7)                # the call that crosses 2**63 deoptimizes
            print(n, x)
        print(tri(5, 1), "after")
    """, thresholds=MID_RUN, compiled=("tri", "step"), deopted=("tri", "step"))


def test_several_deopts_in_a_row():
    run("""
        def mul(a, b):
            return a * b
        def mad(a, b, c):
            t = a * b
            return t + c
        for k in range(12):
            print(mul(2**62 + k, 4), mad(2**40, 2**30 + k, 1), mad(3, 4, 2**63 - 1 - k % 3))
        print(mul(6, 7), mad(2, 3, 4))
    """, thresholds=("0", "5"), compiled=("mul", "mad"), deopted=("mul", "mad"))


def test_deopt_deep_in_native_recursion():
    run("""
        def deep(n, x):
            if n == 0:
                return x * x * x          # overflows for a large x, 300 frames down
            return deep(n - 1, x) + 1
        def doubling(n):
            if n == 0:
                return 1
            return doubling(n - 1) * 2    # overflows on the way back up, at n = 63
        def fact(n):
            if n <= 1:
                return 1
            return n * fact(n - 1)
        print(deep(300, 5))
        print(deep(300, 2**30))
        print(deep(300, 7))
        print(doubling(10), doubling(62), doubling(63), doubling(100))
        print([fact(n) for n in (0, 1, 5, 20, 21, 25, 30)])
        print(fact(20) // fact(18))
    """, thresholds=("0", "5"), compiled=("deep", "doubling", "fact"),
        deopted=("deep", "doubling", "fact"))


def test_mutual_recursion_results_flow_back_after_deopt():
    run("""
        def even_sum(n, acc):
            if n == 0:
                return acc
            return odd_sum(n - 1, acc * 2 + 1)
        def odd_sum(n, acc):
            if n == 0:
                return -acc
            return even_sum(n - 1, acc * 2)
        for n in (0, 1, 10, 60, 61, 62, 63, 64, 100, 10):
            print(n, even_sum(n, 1), odd_sum(n, 1))
    """, thresholds=("0", "5"), compiled=("even_sum", "odd_sum"), deopted=("even_sum",))


def test_callee_deopt_restores_the_callers_loop_and_pending_values():
    # When a callee deoptimizes, every native caller resumes in the interpreter after the
    # call: its range iterator, and the operands already on its stack, must come back.
    run("""
        def sq(x):
            return x * x                    # overflows for |x| > 3037000499
        def total(n, base):
            t = 0
            for i in range(n, 0, -1):
                t = t + 1000 * i + sq(base + i)   # t and 1000*i are on the stack
            return t
        def args(a, b):
            return pair(a + 1, sq(b), a - 1)      # callee and two args on the stack
        def pair(x, y, z):
            return x * 3 + y - z
        print(total(5, 10), total(5, 3037000495), total(3, 2**40))
        print(args(1, 2), args(7, 2**33), args(-5, -(2**62)))
    """, thresholds=("0", "5"), compiled=("sq", "total", "args", "pair"), deopted=("sq",))


def test_return_from_inside_loops():
    run("""
        def first_square_above(n, k):
            for i in range(n):
                for j in range(i):
                    if i * j > k:
                        return i * 100 + j
            return -1
        def countdown(n):
            while n > -100:
                n -= 1
                if n < 0:
                    return n
            return 99
        for n, k in [(10, 20), (3, 100), (0, 0), (50, 2000)]:
            print(first_square_above(n, k))
        print(countdown(10), countdown(0))
    """, thresholds=("0", "5"), compiled=("first_square_above", "countdown"))


def test_runaway_recursion_raises_recursion_error_and_recovers():
    run("""
        def runaway(n):
            return runaway(n + 1) + 1
        def down(n):
            if n == 0:
                return 0
            return down(n - 1) + 1
        print(down(50))
        for attempt in range(3):
            try:
                runaway(0)
            except RecursionError as e:
                print("caught", type(e).__name__, e)
        print(down(500), down(10))
    """, thresholds=("0", "5"), compiled=("runaway", "down"))


def test_runaway_recursion_uncaught():
    results = run("""
        def runaway(n):
            return runaway(n + 1) + 1
        print("start")
        runaway(0)
    """, compiled=("runaway",))
    assert results["0"].returncode == 1
    assert last_error_line(results["0"].stderr) == \
        "RecursionError: maximum recursion depth exceeded"


def test_recursion_limit_boundary_is_cpythons():
    run("""
        import sys
        def down(n):
            if n == 0:
                return 0
            return 1 + down(n - 1)
        sys.setrecursionlimit(300)
        for n in range(290, 302):
            try:
                print(n, down(n))
            except RecursionError:
                print(n, "RecursionError")
    """, thresholds=("0", "5"), compiled=("down",))


def test_deep_recursion_runs_natively_under_a_raised_limit():
    results = run("""
        import sys
        def down(n):
            if n == 0:
                return 0
            return 1 + down(n - 1)
        sys.setrecursionlimit(5000)
        print(down(4000))
        print(down(3999) + down(1))
    """, compiled=("down",))
    log = jit_log(results["0"].stderr)
    assert not [line for line in log if line.startswith("deopt:")], \
        "recursion 4000 deep should run natively to the end:\n" + "\n".join(log)


# Native frames live on the C stack: besides a frame count, a byte budget keeps deep native
# recursion from overflowing it (the recursion continues in the interpreter).


def test_deep_native_recursion_in_a_thread_with_a_small_stack():
    run("""
        import sys, threading
        sys.setrecursionlimit(100000)
        def down(n):
            if n == 0:
                return 0
            return 1 + down(n - 1)
        def main():
            print(down(15000))
        threading.stack_size(512 * 1024)
        t = threading.Thread(target=main)
        t.start()
        t.join()
    """, compiled=("down",))


def test_deep_native_recursion_of_a_function_with_a_large_frame():
    body = "\n".join(f"    v{i} = n * {i} + v{i - 1}" for i in range(1, 50))
    run(f"""
import sys
sys.setrecursionlimit(100000)
def big(n):
    v0 = n
{body}
    if n == 0:
        return 0
    return big(n - 1) + (v49 & 1)
print(big(25000))
""", compiled=("big",))


# Each native frame writes a record when it deoptimizes: 20,000 frames of a function with
# 70 locals would fill the deopt buffer 1.3 times over (they wrote past it, silently: a wrong
# result).  An entry now grants only as many frames as their records fit in the buffer.


def test_deep_native_recursion_deoptimizing_at_the_bottom_fits_the_deopt_buffer():
    names = [f"v{i}" for i in range(70)]
    body = "\n".join(f"    {name} = {i + 1}" for i, name in enumerate(names))
    run(f"""
import sys
sys.setrecursionlimit(100000)
def f(n, x):
{body}
    if n == 0:
        return x * 4611686018427387904 * 4  # overflows int64 at the bottom: every frame deopts
    return f(n - 1, x) + {" + ".join(names)}
for i in range(3):
    print(f(10, 1))
print(f(16000, 1))
""", compiled=("f",))


# -- globals -------------------------------------------------------------------------------------


def test_rebinding_a_global_function_takes_effect_in_compiled_callers():
    run("""
        def f(x):
            return x + 1
        def g(n):
            t = 0
            for i in range(n):
                t += f(i)
            return t
        print(g(5))
        def times_ten(x):
            return x * 10
        f = times_ten
        print(g(5))
        def halve(x):
            return x / 2       # a different return type too
        f = halve
        print(g(5))
        f = abs                # not a jitvm function at all
        print(g(5))
        del f
        try:
            print(g(5))
        except NameError as e:
            print("NameError", e)
        def f(x):
            return -x
        print(g(5), g(6))
    """, thresholds=("0", "5"), compiled=("g",), deopted=("g",))


def test_rebinding_global_constants_and_module_attributes():
    run("""
        import math
        K = 3
        def f(x):
            return x * K
        def g(x):
            return math.sqrt(x) + math.pi
        def h(n):
            t = 0
            for i in range(n):
                t += f(i)
            return t
        print(f(2), g(4.0), h(4))
        K = 2.5
        print(f(2), h(4))
        K = 2**70                 # a big int: not unboxed
        print(f(2), h(4))
        K = True
        print(f(2), h(4))
        math.pi = 3
        print(g(4.0))
        math.sqrt = lambda x: -1.0
        print(g(4.0))
        del K
        try:
            print(f(2))
        except NameError as e:
            print("NameError", e)
        K = "ab"
        print(f(2))
    """, thresholds=("0", "5"), compiled=("f", "g", "h"), deopted=("f", "g"))


@pytest.mark.xfail(strict=True, reason="jitvm bug: jitvm's own code resolves names in the "
                   "host builtins module, which the program shares: after the program rebinds "
                   "builtins.range, the JIT's translate() calls the program's lambda for "
                   "`params = iter(range(len(argtypes)))`, emits `arg 100`, and lowering "
                   "fails with 'IndexError: tuple index out of range', raised as if by the "
                   "program")
def test_rebinding_a_builtin_takes_effect_in_compiled_callers():
    run("""
        import builtins
        def h(n):
            s = 0
            for i in range(n):
                s += i
            return s
        print(h(4))
        builtins.range = lambda *args: [100, 200]
        print(h(4))
        def later(x):             # compiled after the rebinding
            return x + 1
        print(later(1))
    """, compiled=("h", "later"))


# -- range loops and control flow ----------------------------------------------------------------


def test_range_loops():
    run("""
        def walk(a, b, c):
            t = 0
            n = 0
            for i in range(a, b, c):
                t = t * 3 + i
                n += 1
            return t * 1000 + n
        def last(a, b, c):
            x = -1
            for i in range(a, b, c):
                x = i
            return x
        def upto(n):
            t = 0
            for i in range(n):
                t += i
            return t
        def from_to(a, b):
            t = 0
            for i in range(a, b):
                t += i
            return t
        M = 2**63 - 1
        for a, b, c in [(0, 10, 1), (10, 0, -1), (10, 0, -3), (0, 0, 1), (5, 5, -1),
                        (0, -5, 1), (-5, 5, 2), (5, -5, -2), (7, 3, 1), (3, 7, -1),
                        (M - 5, M, 2), (-M - 1, -M + 5, 2), (-M + 5, -M - 1, -2),
                        (M - 2, M, 10**6), (0, M, M), (-M - 1, M, M), (M, -M - 1, -M - 1),
                        (1, 2, -(2**63)), (3, 10, 0)]:
            try:
                print(a, b, c, walk(a, b, c), last(a, b, c))
            except ValueError as e:
                print(a, b, c, type(e).__name__, e)
        print(upto(0), upto(-3), upto(1), upto(1000), from_to(5, 5), from_to(-3, 4),
              from_to(4, -3))
    """, thresholds=("0", "5"), compiled=("walk", "last", "upto", "from_to"))


def test_break_continue_and_else_on_loops():
    run("""
        def find(n, k):
            for i in range(n):
                if i * i > k:
                    r = i
                    break
            else:
                r = -1
            return r
        def skip(n):
            s = 0
            i = 0
            while i < n:
                i += 1
                if i % 3 == 0:
                    continue
                if i > 50:
                    break
                s += i
            else:
                s = -s
            return s
        def nested(n, m):
            t = 0
            for i in range(n):
                for j in range(i, m, 2):
                    if j == 7:
                        continue
                    if i * j > 40:
                        break
                    t += i * j
                else:
                    t += 1000
                j = 0
                while j < i:
                    j += 1
                    if j == 3:
                        break
                else:
                    t -= 1
            return t
        for n, k in [(10, 20), (3, 100), (0, 0), (100, 9800)]:
            print(find(n, k))
        for n in (0, 10, 49, 50, 51, 100):
            print(skip(n))
        for n, m in [(0, 0), (3, 10), (10, 3), (6, 12), (12, 30)]:
            print(nested(n, m))
    """, thresholds=("0", "5"), compiled=("find", "skip", "nested"))


def test_on_stack_replacement_into_long_loops():
    # Functions called once: only their loops' back-edges make them hot, so native code is
    # entered in the middle of the loop (OSR), and may deoptimize back into the same frame.
    results = run("""
        def once(n, big):
            t = 0
            f = 0.5
            flag = False
            for i in range(n):
                t += i * big
                f = f * 1.0001 + i
                flag = not flag
            return t + int(flag) + f
        def nested(n):
            acc = 0
            for i in range(n):
                j = 0
                while j < n:
                    acc += i ^ j
                    j += 1
            return acc
        def grows(n):
            x = 1
            k = 0
            while k < n:
                x = x * 3 + 1          # leaves 64 bits at k = 40
                k += 1
            return x
        print(once(1000, 3))
        print(once(1000, 2**55))       # overflows mid-loop, after the OSR entry
        print(nested(60))
        print(grows(10), grows(200))
    """, thresholds=("0", "5", "100"), compiled=("once", "nested", "grows"), compiled_upto=5)
    log = jit_log(results["5"].stderr)
    for name in ("once", "nested", "grows"):
        assert any(line.startswith(f"OSR entry: {name} ") for line in log), \
            f"no OSR entry into {name}:\n" + "\n".join(log)


# A local bound on only some paths into a join ("may be unbound") must keep its value at the
# side exit that follows (the JIT once dropped it: UnboundLocalError although it was assigned).


def test_local_assigned_in_one_branch_survives_the_side_exit():
    run("""
        def f(n):
            if n > 0:
                x = n
            return x
        print(f(1))
    """, compiled=("f",))


def test_loop_variable_read_after_the_loop():
    run("""
        def f(n):
            for i in range(n):
                pass
            return i
        print(f(5))
    """, compiled=("f",))


def test_local_assigned_in_a_loop_under_osr():
    run("""
        def once(n):
            t = 0
            for i in range(n):
                t += i
                if i == n - 1:
                    last = i
            return t + last
        print(once(1000))
    """, thresholds=("5",), compiled=("once",), compiled_upto=5)


# -- specialisation on argument types ------------------------------------------------------------


def test_argument_types_changing_between_calls():
    results = run("""
        def f(x):
            y = x * 2
            return y - x / 4
        def g(a, b):
            return a + b * 2
        def show(v):
            print(repr(f(v)), repr(g(v, v)), repr(g(v, 1)), repr(g(1.5, v)))
        # (no loop: a loop here would compile and call show() with an `obj` of each type)
        show(1); show(1.5); show(True); show(2**62); show(False)
        show(-0.0); show(2**70); show(1); show(0.1); show(True)
    """, thresholds=("0", "1", "5"), compiled=("f", "g"))
    log = jit_log(results["0"].stderr)
    for signature in ("f(int)", "f(float)", "f(bool)", "g(int, int)", "g(float, float)",
                      "g(bool, bool)", "g(float, int)", "g(bool, int)", "g(float, bool)"):
        assert any(line.startswith(f"compiled: {signature}") for line in log), \
            f"no specialisation {signature}:\n" + "\n".join(log)


def test_threads_running_native_code_and_deoptimizing():
    run("""
        import threading
        def fact(n):
            if n <= 1:
                return 1
            return n * fact(n - 1)           # deoptimizes from n = 21
        def work(k, out):
            s = 0
            for i in range(200):
                s += fact(i % 30) % 1000003 + k
            out[k] = s
        out = {}
        threads = [threading.Thread(target=work, args=(k, out)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        print(sorted(out.items()))
    """, thresholds=("0", "3"), compiled=("fact",), deopted=("fact",))


# -- Ctrl-C --------------------------------------------------------------------------------------

SPIN = """
import os, signal, sys
def spin(stop):
    n = 0
    while n != stop:
        n += 1
    return n
def work(n):
    t = 0
    for i in range(n):
        t += i
    return t
spin(10)  # compiled now (threshold 0), before any timer starts: spin(-1) spins for good
"""


def _timed_run(src: str, timeout: float = 20):
    """Like run() at threshold 0, also asserting both runs end within a few seconds."""
    start = time.monotonic()
    results = run(src, compiled=("spin",), timeout=timeout)
    elapsed = time.monotonic() - start
    assert elapsed < 10, f"took {elapsed:.1f}s: the compiled loop was not interrupted promptly"
    return results["0"]


def test_ctrl_c_from_an_alarm_interrupts_a_compiled_loop():
    result = _timed_run(SPIN + """
signal.signal(signal.SIGALRM, lambda signum, frame: os.kill(os.getpid(), signal.SIGINT))
signal.setitimer(signal.ITIMER_REAL, 0.2)
print("spinning", flush=True)
spin(-1)
""")
    assert result.returncode == -signal.SIGINT
    assert last_error_line(result.stderr) == "KeyboardInterrupt"


def test_keyboard_interrupt_in_a_compiled_loop_can_be_caught():
    _timed_run(SPIN + """
signal.signal(signal.SIGALRM, signal.default_int_handler)
signal.setitimer(signal.ITIMER_REAL, 0.2)
try:
    spin(-1)
except KeyboardInterrupt:
    print("interrupted")
print(work(100), work(10))   # compiled code still works afterwards
""")


def test_keyboard_interrupt_in_a_native_callee_is_caught_by_the_native_caller():
    # The callee's signal check raises; its native caller has a try/finally around the call:
    # the caller deoptimizes at the call with the exception, and its handlers run.
    run("""
        import signal
        def spin(stop):
            i = 0
            while i != stop:
                i += 1
            return i
        def guarded(k):
            try:
                spin(-1)
            except KeyboardInterrupt:
                return "caught in guarded %d" % k
            finally:
                print("finally", k)
            return "not reached"
        spin(10)
        signal.signal(signal.SIGALRM, signal.default_int_handler)
        for k in range(3):
            signal.setitimer(signal.ITIMER_REAL, 0.1)
            print(guarded(k))
    """, compiled=("spin", "guarded"), timeout=30)


def test_keyboard_interrupt_deep_in_native_recursion_then_recursion_still_works():
    start = time.monotonic()
    run("""
        import signal
        def spin_at_bottom(n, stop):
            if n == 0:
                i = 0
                while i != stop:
                    i += 1
                return i
            return spin_at_bottom(n - 1, stop) + 1
        def down(n):
            if n == 0:
                return 0
            return 1 + down(n - 1)
        signal.signal(signal.SIGALRM, signal.default_int_handler)
        spin_at_bottom(3, 10)                # compiled before the timers start
        for k in range(3):
            signal.setitimer(signal.ITIMER_REAL, 0.1)
            try:
                spin_at_bottom(500, -1)      # interrupted 501 native frames down
            except KeyboardInterrupt:
                print("interrupted", k)
        print(down(900))                     # the recursion budget was given back
        try:
            down(2000)
        except RecursionError as e:
            print("RecursionError", e)
    """, compiled=("spin_at_bottom", "down"), timeout=20)
    assert time.monotonic() - start < 15


def test_ctrl_c_sent_to_the_process_interrupts_a_compiled_loop():
    src = SPIN + 'print("spinning", flush=True)\nspin(-1)\n'
    with tempfile.TemporaryDirectory(prefix="jitvm_jit_") as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(src)
        env = _env()
        env["PYTHONPATH"] = str(REPO_ROOT)
        outcomes = []
        for cmd in ([sys.executable, str(path)],
                    [sys.executable, "-m", "jitvm", "run", "--jit-log", "--jit-threshold", "0",
                     str(path)]):
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True, env=env, cwd=tmp)
            try:
                assert proc.stdout.readline() == "spinning\n"
                time.sleep(0.2)
                proc.send_signal(signal.SIGINT)
                out, err = proc.communicate(timeout=5)
            finally:
                proc.kill()
                proc.communicate()
            outcomes.append((proc.returncode, last_error_line(err)))
    assert outcomes[0] == (-signal.SIGINT, "KeyboardInterrupt")  # what CPython does
    assert outcomes[1] == outcomes[0]
    assert any(line.startswith("compiled: spin(") for line in jit_log(err))


def test_ctrl_c_from_another_thread_interrupts_a_compiled_loop():
    # The timer thread needs the GIL to send the signal: compiled loops must let it run.
    result = _timed_run(SPIN + """
import threading
threading.Timer(0.2, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
print("spinning", flush=True)
spin(-1)
""", timeout=5)
    assert result.returncode == -signal.SIGINT


# -- signal handlers that run jitvm code while native code is running -------------------------


def test_signal_handler_calling_compiled_code_during_a_native_loop():
    # The handler runs inside the native loop (PyErr_CheckSignals at a back-edge) and makes
    # nested native calls that deoptimize; the outer native function then deoptimizes too,
    # and must resume from its own record, not from one the nested calls left behind.
    run("""
        import signal
        def big(x):
            return x * x          # deoptimizes for x = 2**40
        def handler(signum, frame):
            big(2**40)
        def spin(n, limit):
            t = 0
            i = 0
            while i < limit:
                t += i
                i += 1
            return t + n * n      # deoptimizes for n = 2**40
        print(spin(3, 10), big(5))     # compile both before the timer starts
        signal.signal(signal.SIGALRM, handler)
        signal.setitimer(signal.ITIMER_REAL, 0.001, 0.001)
        r = spin(2**40, 10_000_000)
        signal.setitimer(signal.ITIMER_REAL, 0)
        print(r)
    """, compiled=("spin",), deopted=("spin",))  # the handler's own calls are interpreted


def test_signal_handler_running_native_code_while_deopt_records_are_read():
    # A handler (compiled, deoptimizing in a native call) fires every 0.2 ms, also while the
    # bridge reads the 400 records of a deep deoptimization: it must write its own records
    # after those, not over them (it used to: garbage frames, TypeErrors, segfaults).
    run("""
        import signal, sys
        sys.setrecursionlimit(5000)
        def big(x):
            return x * x              # deoptimizes for x = 2**40
        def handler(signum, frame):
            big(2**40)
        def down(n, m):
            if n == 0:
                return m * m          # deoptimizes for m = 2**40: 400 native frames unwind
            return down(n - 1, m) + 1
        print(down(3, 3), big(5), handler(0, None))   # compiled before the timer starts
        signal.signal(signal.SIGALRM, handler)
        signal.setitimer(signal.ITIMER_REAL, 0.0002, 0.0002)
        total = 0
        for k in range(40):
            total += down(400, 2**40) % 1000
        signal.setitimer(signal.ITIMER_REAL, 0)
        print(total)
    """, compiled=("down", "handler"), deopted=("down",))


def test_signal_handler_native_call_keeps_the_recursion_limit():
    run("""
        import sys, signal
        def tick(x):
            return x + 1
        def handler(signum, frame):
            tick(1)
        def rec(n, spin):
            if n == 0:
                return 0
            if n == spin:          # spin here long enough for the alarm to fire
                i = 0
                while i < 5_000_000:
                    i += 1
            return rec(n - 1, spin) + 1
        print(rec(3, -1), tick(0))        # compile both before the timer starts
        sys.setrecursionlimit(1000)
        signal.signal(signal.SIGALRM, handler)
        signal.setitimer(signal.ITIMER_REAL, 0.001, 0.001)
        try:
            print(rec(1500, 700))         # 1500 deep: over the limit
        except RecursionError as e:
            print("RecursionError", e)
        signal.setitimer(signal.ITIMER_REAL, 0)
    """, compiled=("rec", "tick"))


def test_signal_handler_calling_jitvm_code_during_the_first_compilation():
    run("""
        import signal
        def h(x):
            return x + 1
        calls = 0
        def handler(signum, frame):
            global calls
            calls = h(calls)
        def work(n):
            t = 0
            for i in range(n):
                t += i
            return t
        signal.signal(signal.SIGALRM, handler)
        signal.setitimer(signal.ITIMER_REAL, 0.01)
        try:
            print(work(1000))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    """, compiled=("work",))


@pytest.mark.parametrize("opt_level", ["0", "2"])
def test_a_loop_calling_native_code_does_not_use_up_the_native_stack(opt_level):
    # Each call's result cell and argument arrays live in the caller's prologue: an `alloca`
    # at the call would take stack on every iteration, until the native stack budget
    # reported "native recursion limit" and the callee deoptimized (or was blacklisted).
    src = textwrap.dedent("""
        def fib(n):
            if n < 2:
                return n
            return fib(n - 1) + fib(n - 2)
        def main():
            t = 0
            for i in range(400_000):
                t += fib(i & 3) + len([i])
            print(t)
        main()
    """)
    with tempfile.TemporaryDirectory(prefix="jitvm_jit_") as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(src, encoding="utf-8")
        result = run_jitvm(path, options=("--jit-log", "--jit-threshold", "100",
                                          "--opt-level", opt_level), timeout=120)
    assert result.stdout == f"{sum((0, 1, 1, 2)) * 100_000 + 400_000}\n", result.stderr
    log = jit_log(result.stderr)
    assert not [line for line in log if line.startswith("deopt")], log
    assert any(line.startswith("OSR entry: main") for line in log), log


def test_a_specialisation_that_keeps_deoptimizing_backs_off_and_is_compiled_again():
    # A phase where every call deoptimizes (-2**63 // -1 overflows 64 bits: an overflow
    # the feedback does not learn, unlike the growing ones of test_jit_bigints.py) drops
    # the specialisation; after BACKOFF more calls it is compiled again, and the phase
    # with small results runs natively (no cliff). A function that never stops
    # deoptimizing is dropped MAX_RETRIES times, then stays interpreted for good.
    # The calls come from the interpreter: the loops are in a generator, never compiled.
    results = run("""
        LOW = -9223372036854775807 - 1
        def scale(x):
            return x // -1 + 1
        def always(x):
            return x // -1
        def driver():
            total = 0
            for i in range(60):
                total += scale(LOW)            # overflows: deopts until dropped
            for i in range(12_000):
                total += scale(i)              # after the back-off: native again
            yield total
            for i in range(300_000):
                total += always(LOW)           # always overflows
            yield total
        for total in driver():
            print(total)
    """, thresholds=("0",), timeout=120)
    log = jit_log(results["0"].stderr)
    events = [line.split(":")[0] for line in log
              if line.startswith(("dropped", "backing off", "retrying", "blacklisted"))
              and "scale" in line]
    assert events == ["dropped", "backing off", "retrying"], log
    last_deopt = max(i for i, line in enumerate(log) if line.startswith("deopt: scale"))
    assert last_deopt < log.index("retrying: scale"), "the small phase deoptimized"
    always = [line.split(":")[0] for line in log
              if "always" in line and not line.startswith(("deopt", "compiled"))]
    assert always == ["dropped", "backing off", "retrying"] * 4 + ["dropped", "blacklisted"], \
        always


def test_a_loop_whose_osr_entry_keeps_deoptimizing_backs_off_and_is_entered_again():
    # The first 200 iterations overflow 64 bits in native code (the OSR entry deoptimizes at
    # each); the entry is dropped, the loop runs interpreted for BACKOFF iterations (both
    # back-edges of the if/else), then it is compiled and entered again for the rest.
    results = run("""
        def main():
            total = 0
            low = -9223372036854775807 - 1
            for i in range(60_000):
                if i < 200:
                    total += (low + i * 0) // -1 % 1000
                else:
                    total += i % 7
            print(total)
        main()
    """, thresholds=("0",), timeout=120)
    log = jit_log(results["0"].stderr)
    events = [line.split(":")[0] for line in log
              if line.startswith(("dropped", "backing off", "retrying", "blacklisted"))]
    assert events == ["dropped", "backing off", "retrying"], log
    retry = next(i for i, line in enumerate(log) if line.startswith("retrying"))
    assert any(line.startswith("OSR entry: main") for line in log[retry:]), log
    assert not any(line.startswith("deopt") for line in log[retry:]), log


def test_a_loop_in_a_class_body_says_why_it_is_not_compiled():
    # (A loop at module level compiles: tests/test_jit_module_loops.py.)
    results = run("""
        class Table:
            total = 0
            for i in range(5000):
                total += i
        print(Table.total)
    """, thresholds=("0",))
    log = jit_log(results["0"].stderr)
    assert any(line.startswith("not compiled: the loop of Table") and "a loop inside a "
               "function compiles" in line for line in log), log


def test_a_long_loop_body_gets_hot_in_fewer_iterations():
    # 60 statements of 4 instructions: one iteration counts 3 (handlers.back_edge_weight),
    # so 50 iterations reach a threshold of 100; a short loop needs its 100 iterations.
    # A call of a function as long counts 3 as well.
    from jitvm.handlers import BODY_PER_COUNT, back_edge_weight
    assert back_edge_weight(10, 10 + 2 * BODY_PER_COUNT) == 2
    assert back_edge_weight(10, 10 + 2 * BODY_PER_COUNT - 1) == 1
    assert back_edge_weight(0, 5) == 1
    body = "\n".join(f"        x = x * 3 % 1009 + {k}" for k in range(60))
    straight = "\n".join(f"    x = x * 3 % 1009 + {k}" for k in range(60))
    src = f"def f(n):\n    x = 1\n    for i in range(n):\n{body}\n    return x\n" \
          "print(f(50))\n" \
          f"def h(x):\n{straight}\n    return x\n" \
          "print([h(k) for k in range(50)][-3:])\n" \
          "def g(n):\n    x = 1\n    for i in range(n):\n        x = x * 3 % 1009\n" \
          "    return x\nprint(g(50))\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long_body.py"
        path.write_text(src)
        result = run_jitvm(path, options=("--jit-threshold", "100", "--jit-log"))
        assert not compare(run_cpython(path), result, "threshold 100")
    log = jit_log(result.stderr)
    assert any(line.startswith("OSR entry: f") for line in log)
    assert not any(line.startswith("OSR entry: g") for line in log)
    assert any(line.startswith("compiled: h(int)") for line in log)  # a call counts 3
