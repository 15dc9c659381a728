"""Regression tests for generator expressions fused into their consumer and list
comprehensions called at their loop (jitvm/jit/fused.py, frontend_fused.py), each found by
differential programs (tests/programs/fused_*.py hold the broader ones; the feature's own
tests are in test_jit_fused.py)."""

from __future__ import annotations

from test_jit import MID_RUN, run


def test_sum_with_a_constant_start_compiles():
    # sum(gen, 0.0): the start arrives as a number Value, not a Const
    run("""
        def g(v):
            return sum((x for x in v), 0.0), sum((x * 2 for x in v), 1)
        for i in range(50):
            r = g(list(range(i % 7)))
        print(r, g([True, 2.5]), g([]))
        """, thresholds=MID_RUN, compiled=["g", "g.<locals>.<genexpr>"])


def test_boxed_accumulator_starts_cleared():
    # min/max of objects: .acc holds a reference once bound; its slot must start NULL, or
    # the first store releases whatever the stack held there (a crash, here at the second
    # fused call of the function)
    run("""
        def strs(v):
            a = min(c for c in v)
            b = max(c * 2 for c in v)
            return a, b
        for i in range(20):
            print(strs(["h", "e", "y"]), strs("hello"))
        """, thresholds=MID_RUN, compiled=["strs"])


def test_a_list_iterator_passed_to_a_callable_does_not_keep_its_list():
    # a comprehension the JIT does not enter at its loop (here: its entry would leave native
    # code) gets the list's iterator boxed: box.seqiter must release the list reference the
    # stack entry held (the iterator holds its own), or every call leaks one
    run("""
        import sys
        def f(v, o):
            return [x for x in v if x is o], list(x for x in v), sorted(x for x in v if x is not o)
        v = [3, 1, 2]
        o = object()
        for i in range(100):
            f(v, o)
        base = sys.getrefcount(v)
        for i in range(1000):
            f(v, o)
        print(sys.getrefcount(v) - base, f(v, o))
        """, thresholds=MID_RUN, compiled=["f"])


def test_an_error_of_the_body_keeps_the_iterator_while_its_traceback_lives():
    # CPython's generator frame holds its iterator in `.0`, and the traceback holds the
    # frame: an inner generator's `finally` runs once the `except` block is done, not
    # before it (fused code is entered with `.0` unbound and the iterator on its stack)
    run("""
        def gen(tag):
            try:
                yield 1
                yield 0
            finally:
                print("gen finally", tag)
        def f():
            try:
                return sum(10 // x for x in gen("sum"))
            except ZeroDivisionError:
                print("caught")
            try:
                return any(10 // x for x in gen("any") if x < 1)
            except ZeroDivisionError:
                print("caught")
            print("after except")
        for i in range(5):
            f()
        """, thresholds=MID_RUN, compiled=["f"])


def test_a_recursive_comprehension_entry_is_no_internal_error():
    # tree -> its listcomp's entry -> tree -> the same entry, still being translated (its
    # return type unknown): was an AttributeError, which left a half-made tree(obj) that
    # broke the next compile (IndexError in lowering); both "internal error", interpreted
    results = run("""
        def tree(n):
            return [tree(k) for k in range(n)]
        def fib(n):
            return n if n < 2 else sum(fib(n - k) for k in (1, 2))
        print(len(str(tree(6))), fib(12))
        """, thresholds=("0", "1", "2", "3", "5", "10"))
    for threshold, result in results.items():
        assert "internal error" not in result.stderr, (threshold, result.stderr)
