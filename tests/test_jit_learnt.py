"""What a deopt teaches the feedback (deopt.py `_learn_big_ints`, `_drop_stale`): ints that
grow past 64 bits, and call sites that meet a second function or a method of another class.

Native code keeps ints in 64 bits and deoptimizes when one would not fit: an operator's
result overflows, or an operand or a call's result it guarded to be a 64-bit int is bigger
(the interpreter's feedback says `int` for both).  The deopt is exact either way; these
tests are about what comes after: the instruction's feedback learns that it meets big ints
and the code is made again at once with Python ints there, so a sum or a factorial that
grows past 2**63 costs a few deopts, not one per iteration or call until the code is
dropped (it used to be: 20 s against CPython's 1 s for the first program below).
"""

from __future__ import annotations

import json
import textwrap

import pytest

from difftest import compare, run_cpython, run_jitvm

ACCUMULATORS = textwrap.dedent("""\
    acc = 0
    for i in range(200000):
        acc += i * i * i * i          # the product overflows, then the sum
    print(acc, acc.bit_length())

    a, b = 0, 1
    n = 0
    while b < 10 ** 60:               # both locals grow past 64 bits
        a, b = b, a + b
        n += 1
    print(n, a % 1000007)
""")

CALLS = textwrap.dedent("""\
    def fact(n):
        r = 1
        for i in range(2, n + 1):
            r *= i
        return r

    def fib(n):
        a, b = 0, 1
        for _ in range(n):
            a, b = b, a + b
        return a

    def digits(n):
        return len(str(fact(n)))      # a big int returned to a compiled caller

    total = 0
    for k in range(1, 300):
        total += fact(k % 90) % 1000003 + fib(k) % 1009 + digits(k % 40)
    print(total)
    print(fact(25), fib(100), -fact(21) * 3)
""")


def _run(tmp_path, src, threshold):
    path = tmp_path / "prog.py"
    path.write_text(src, encoding="utf-8")
    stats = tmp_path / "stats.json"
    result = run_jitvm(path, options=("--jit-threshold", threshold, "--jit-log",
                                      "--stats-json", str(stats)))
    assert not compare(run_cpython(path), result, f"threshold {threshold}")
    return result, json.loads(stats.read_text())


@pytest.mark.parametrize("threshold", ["0", "5", "200"])
@pytest.mark.parametrize("src", [ACCUMULATORS, CALLS], ids=["accumulators", "calls"])
def test_ints_growing_past_64_bits_are_learnt(tmp_path, src, threshold):
    result, split = _run(tmp_path, src, threshold)
    assert "learnt: " in result.stderr
    # A few deopts per operator that grows, not one per iteration or call.
    assert split["deopts"] <= 30, split
    assert "blacklisted" not in result.stderr and "backing off" not in result.stderr


SHAPES = textwrap.dedent("""\
    class Circle:
        def __init__(self, r):
            self.r = r
        def area(self):
            return 3.0 * self.r * self.r
    class Rect:
        def __init__(self, w, h):
            self.w, self.h = w, h
        def area(self):
            return self.w * self.h
    def double(x):
        return 2 * x
    def triple(x):
        return 3 * x
    def apply(f, n):
        return f(n) + 1
    shapes = [Circle(1.5)] * 3000 + [Rect(2.0, 0.5), Circle(0.5)] * 3000
    total = 0.0
    for s in shapes:
        total += s.area()                 # one class, then two
    print(total)
    t = 0
    for i in range(6000):
        t += apply(double if i < 3000 else triple, i)   # one callee, then another
    print(t)
""")


@pytest.mark.parametrize("threshold", ["0", "5", "200"])
def test_a_second_method_or_callee_is_learnt_at_once(tmp_path, threshold):
    # Before, each deoptimized until the code was dropped (50 deopts), then backed off.
    result, split = _run(tmp_path, SHAPES, threshold)
    assert "calls a method of another class" in result.stderr
    assert split["deopts"] <= 6, split
    assert "dropped:" not in result.stderr and "backing off" not in result.stderr


OTHER_TYPES = textwrap.dedent("""\
    SYSTEM = [([1.0, 2.0, 3.0], [0.1, 0.2, 0.3], 5.0) for _ in range(5)]
    def advance(n):
        for _ in range(n):
            for r, (vx, vy, vz), m in SYSTEM:   # a list unpacked where a tuple was guessed
                r[0] += 0.01 * vx
    advance(2000)
    print(SYSTEM[0][0])
    MIXED = [(1, 2), [3, 4]] * 10
    def both(n):
        t = 0
        for _ in range(n):
            for a, b in MIXED:                  # lists and tuples in turn
                t += a * b
        return t
    print(both(300))
    def get(d, k):
        return d[k] * 2
    def run(d, n):
        t = 0
        for i in range(n):
            t += get(d, i % 3)                  # an int result, then floats
        return t
    print(run({0: 1, 1: 2, 2: 3}, 2000), run({0: 1.5, 1: 2.5, 2: 0.25}, 2000))
""")


@pytest.mark.parametrize("threshold", ["0", "5", "200"])
def test_other_types_at_a_guard_are_learnt_at_once(tmp_path, threshold):
    # A list unpacked where a tuple was guessed, a call's result of another type: before,
    # a deopt at every entry until the code was dropped and backed off.
    result, split = _run(tmp_path, OTHER_TYPES, threshold)
    assert "unpacks a list" in result.stderr
    assert split["deopts"] <= 12, split
    assert "dropped:" not in result.stderr and "backing off" not in result.stderr


CLOSURE_LISTS = textwrap.dedent("""\
    def heap_sort(a):
        n = len(a)
        def sift(start, end):                   # `a` from a cell: its elements unknown
            root = start
            while 2 * root + 1 < end:
                child = 2 * root + 1
                if child + 1 < end and a[child] < a[child + 1]:
                    child += 1
                if a[root] < a[child]:
                    a[root], a[child] = a[child], a[root]
                    root = child
                else:
                    return
        for s in range(n // 2 - 1, -1, -1):
            sift(s, n)
        for end in range(n - 1, 0, -1):
            a[0], a[end] = a[end], a[0]
            sift(0, end)
    seed = 1
    for rep in range(24):
        data = []
        for _ in range(300):
            seed = (seed * 69069 + 1) % 2**32
            data.append(seed % 1000 if rep % 2 else (seed % 1000) / 7)  # ints, floats in turn
        heap_sort(data)
        print(rep, data[0], data[150], data[-1])
""")


@pytest.mark.parametrize("threshold", ["0", "5", "200"])
def test_elements_of_another_type_in_a_closures_list_are_learnt(tmp_path, threshold):
    # The list's elements were guessed from the feedback at `a[i]`: before, a list of
    # another type deoptimized at every call until the code backed off and was blacklisted
    # (~290 deopts here; 11x CPython's time with 60 sorts of 1500).  Each `a[i]` and each
    # comparison learns once now (MAX_RELEARNS may still make it back off once).
    result, split = _run(tmp_path, CLOSURE_LISTS, threshold)
    assert "int elements" in result.stderr or "float elements" in result.stderr
    assert split["deopts"] <= 60, split
    assert "blacklisted" not in result.stderr


REBOUND_GLOBALS = textwrap.dedent("""\
    def make(k):
        def f(x):
            return x * k + 1
        return f
    fs = [make(2), make(2.5), make(3), make(0.5)]
    t = 0
    for rep in range(24):
        f = fs[rep % 4]                         # rebound before each run of the loop
        for i in range(2000):
            t += f(i)
        print(rep, t)
    SCALE = 1
    def scaled(n):
        s = 0
        for i in range(n):
            s += i * SCALE                      # a global constant that keeps changing
        return s
    for rep in range(24):
        SCALE = rep % 3 + 1
        print(scaled(500))
""")


@pytest.mark.parametrize("threshold", ["0", "5", "200"])
def test_a_global_rebound_again_and_again_is_read_at_each_use(tmp_path, threshold):
    # Before, each run of the loop deoptimized at the guard on `f` (on SCALE) until the
    # loop was blacklisted (9x CPython's time with 40 runs of 20000).
    result, split = _run(tmp_path, REBOUND_GLOBALS, threshold)
    assert "finds global f rebound again" in result.stderr
    assert "finds global SCALE rebound again" in result.stderr
    assert split["deopts"] <= 40, split
    assert "blacklisted" not in result.stderr and "backing off" not in result.stderr
