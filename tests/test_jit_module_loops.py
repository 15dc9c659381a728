"""Loops at module level compile (on-stack replacement), with the module's variables in
registers: written to the module's dict before anything that may read them (a call, an
operation that may run Python code, a signal handler), checked for changes after it, and
written back whenever native code hands over to the interpreter (module_loops.py).

Every program runs under CPython and under jitvm at thresholds 0, 1 and 5; the log must show
the module's loop entered natively.
"""

from __future__ import annotations

import time

from test_jit import jit_log, run

THRESHOLDS = ("0", "1", "5")


def module_run(src, thresholds=THRESHOLDS, entered=True, **kwargs):
    results = run(src, thresholds=thresholds, **kwargs)
    for threshold, result in results.items():
        log = jit_log(result.stderr)
        if entered:
            assert any(line.startswith("OSR entry: <module>") for line in log), \
                f"threshold {threshold}: the module's loop never ran natively:\n" + "\n".join(log)
    return results


def test_numeric_loops_at_module_level():
    results = module_run("""
        import math
        N = 20000
        total = 0
        acc = 0.0
        for i in range(N):
            total += (i * i) % 7 - (i // 3) % 5
            acc += math.sqrt(i) * 0.5
        print(total, acc, i)
        n = 0
        x = 1
        while n < 200:
            x = x * 3 + 1          # overflows 64 bits: continues with Python's big ints
            n += 1
        print(n, x % 1000003, x.bit_length())
        for k in range(10, -10, -3):
            total -= k
        print(total, k)
    """)
    assert "compiled: <module>(" in results["0"].stderr


def test_callees_see_and_change_the_module_variables():
    module_run("""
        counter = 0
        total = 0
        def show():
            return total            # reads the loop's variable: written before each call
        def bump():
            global counter
            counter += 1            # assigns one: the loop goes on from the dict
        def square(x):
            return x * x
        seen = []
        for i in range(3000):
            total += square(i) % 11
            if i % 500 == 0:
                seen.append(show() == total)
                bump()
            if i % 700 == 0:
                counter += 10
        print(total, counter, seen)
    """)


def test_print_and_host_calls_in_a_module_loop():
    module_run("""
        words = []
        s = ""
        for i in range(40):
            s += str(i % 10)
            if i % 8 == 0:
                print(i, s, len(s))
            words.append(s[-3:])
        print(len(words), words[:5], s)
    """)


def test_variables_after_an_exception_in_the_loop():
    module_run("""
        total = 0
        last = None
        for i in range(1, 300):
            try:
                total += 1000 // (i % 50)
            except ZeroDivisionError as e:
                last = (i, total, str(e))
        print(total, last, i)
        try:
            for j in range(100):
                total += j
                if j == 77:
                    raise ValueError(j)
        except ValueError as e:
            print("stopped at", e, j, total)
        print(total)
    """)


def test_types_change_and_names_appear_late():
    module_run("""
        acc = 0
        for i in range(100):
            acc += i
            if i == 60:
                acc = acc / 7          # an int becomes a float
            if i == 80:
                late = i * 2           # bound only from here on
        print(acc, late)
        flag = True
        for i in range(50):
            flag = not flag
            if i == 40:
                flag = "done"          # a bool becomes a str
        print(flag)
        for q in range(0):
            pass
        try:
            print(q)
        except NameError as e:
            print("NameError", e)
    """)


def test_builtins_shadowed_and_deleted_names():
    module_run("""
        out = []
        for i in range(30):
            out.append(max(i, 7))
            if i == 20:
                max = min               # from here on `max` is the module's
        print(out[-12:])
        del max
        print(max(3, 4))
        gone = 5
        for i in range(20):
            gone += i
            if i == 10:
                del gone
                gone = 100
        print(gone)
    """)


def test_module_seen_through_globals_and_main():
    module_run("""
        import __main__
        def peek():
            return __main__.total, globals()["total"]
        total = 0
        for i in range(200):
            total += i
            if i % 50 == 0:
                print(peek())
        for i in range(100):
            total += 1
            if i == 50:
                globals()["total"] = -1000
        print(total)
    """)


def test_nested_loops_and_lists_at_module_level():
    module_run("""
        n = 30
        grid = [[0] * n for _ in range(n)]
        for y in range(n):
            for x in range(n):
                grid[y][x] = (x * y) % 7
        best = 0
        for row in grid:
            s = 0
            for v in row:
                s += v
            if s > best:
                best = s
        print(best, sum(sum(r) for r in grid), y, x)
    """)


def test_a_signal_handler_sees_and_assigns_module_variables():
    start = time.monotonic()
    module_run("""
        import signal
        stop = False
        count = 0
        def handler(signum, frame):
            global stop
            if count > 0:           # reads the loop's variable
                stop = True         # ends the loop: the native loop notices
        signal.signal(signal.SIGALRM, handler)
        signal.setitimer(signal.ITIMER_REAL, 0.05, 0.05)
        while not stop:
            count += 1
        signal.setitimer(signal.ITIMER_REAL, 0)
        print("stopped", count > 0, stop)
    """, timeout=30)
    assert time.monotonic() - start < 25


def test_a_callee_that_keeps_deoptimizing_backs_off_with_its_native_caller():
    # `always` overflows on every call (-2**63 // -1: not an overflow the feedback learns,
    # unlike a growing product, test_jit_learnt.py); its native caller (the module's loop)
    # is charged too once it is dropped, so both back off instead of deoptimizing on every
    # iteration.
    results = module_run("""
        LOW = -9223372036854775807 - 1
        def always(x):
            return x // -1
        total = 0
        for i in range(100_000):
            total += always(LOW + i * 0)
        print(total)
    """, thresholds=("0",), timeout=120)
    log = jit_log(results["0"].stderr)
    assert "dropped: always keeps deoptimizing" in log, log
    assert any(line.startswith("backing off: the loop of <module>") for line in log), log
    assert sum(line.startswith("deopt: always") for line in log) < 1000


def test_enumerate_and_zip_of_builtin_iterators_run_natively_at_module_level():
    # enumerate(zip(a, b)) at module level: its next runs no program code, checked when the
    # loop is entered (the inner iterators of an enumerate or zip are fixed when it is
    # made). An enumerate or zip over a generator reading the loop's variables is not:
    # that loop stays interpreted, and one made inside the native loop is stepped as an
    # escape (the variables written first), like a generator.
    results = module_run("""
        a = [i * 7 % 11 for i in range(3000)]
        b = [i * 5 % 13 for i in range(3000)]
        q = 0
        for i, (x, y) in enumerate(zip(a, b)):
            if x > y:
                q += i % 7
        print(q)
        count = 0
        def gen():
            for k in range(3000):
                yield count          # reads the module variable the loop writes
        seen = 0
        for i, v in enumerate(gen()):
            count += 1
            seen += v
        print(count, seen)
        total = 0
        for x, v in zip(a, gen()):
            count += 2
            total += v - x
        print(total)
        inner = 0
        for i, x in enumerate(a[:200]):
            for j, v in enumerate(gen()):
                count += 1
                inner += v % 3
                if j == 3:
                    break
        print(inner, count)
    """, thresholds=("0", "1", "5", "100"), timeout=120)
    for threshold in ("1", "100"):  # (the line of the enumerate(zip()) loop: 5)
        log = jit_log(results[threshold].stderr)
        assert any(line.startswith("OSR entry: <module>") and line.endswith(":5")
                   for line in log), log


def test_loops_over_generators_and_program_iterators_run_natively_at_module_level():
    # A generator's (or map()'s, or a class's __next__) next may run the program's code,
    # which may read the loop's variables or assign them: the step writes the variables to
    # the module's dict first and deoptimizes after it if the dict changed, as a call does.
    results = module_run("""
        def gen(n):
            global total
            for i in range(n):
                if i % 1000 == 999:
                    total += 1          # assigns a variable the loop also writes
                yield i
        total = 0
        acc = 0
        for x in gen(5000):
            acc += x
            total += 2
        print(acc, total)
        def reader(n):
            for i in range(n):
                yield acc2 + i         # reads the loop's variable
        acc2 = 0
        for y in reader(3000):
            acc2 = (acc2 + y) % 1000003
        print(acc2)
        class Counter:
            def __init__(self, n):
                self.i, self.n = 0, n
            def __iter__(self):
                return self
            def __next__(self):
                global seen
                if self.i >= self.n:
                    raise StopIteration
                self.i += 1
                if self.i % 500 == 0:
                    seen = s2
                return self.i
        s2, seen = 0, -1
        for v in Counter(4000):
            s2 += v
        print(s2, seen)
        m = 0
        for v in map(lambda t: t * m, range(3000)):
            m += 1
            if v > 10**6:
                break
        print(m, v)
        def bad(n):
            for i in range(n):
                yield 10 // (n - 1 - i - 100)
        q = 0
        try:
            for z in bad(2000):
                q += z
        except ZeroDivisionError as e:
            print("caught", q, e)
        tot = 0
        for i in range(300):
            for j in gen(i):          # an inner loop over a generator
                tot += j
        print(tot, total)
    """, thresholds=("0", "1", "5", "100"), timeout=120)
    for threshold in ("1", "100"):
        log = jit_log(results[threshold].stderr)
        for line in (10, 18, 35, 39, 49, 54):
            assert any(entry.startswith("OSR entry: <module>") and entry.endswith(f":{line}")
                       for entry in log), (line, log)
