"""Constructs of ordinary programs that used to keep a whole function (or loop) out of native
code — a performance cliff, 10-40x slower than CPython — now compiled (found by running
benchmark-style programs, tests/programs/cliff_*.py).  Each test checks CPython's output and
that the function compiled without side exits (test_jit.run)."""

from __future__ import annotations

from test_jit import run


def test_global_dict_set_and_str_used_in_a_function():
    # A global dict or set was a compile-time constant the object steps did not take: `n in
    # cache`, `cache[n]`, `cache[n] = v`, `for k in D` made the function "not compiled".
    run("""
        cache = {1: 1}
        SEEN = set()
        DIGITS = "0123456789"
        def collatz(n):
            if n in cache:
                return cache[n]
            r = 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)
            cache[n] = r
            return r
        def mark(n):
            SEEN.add(n % 7)
            return len(SEEN) + (n in SEEN)
        def digit(n):
            return DIGITS[n % 10] + DIGITS[-1]
        def total():
            t = 0
            for k in cache:
                t += k
            return t
        def vowels(s):
            c = 0
            for ch in s:
                if ch in "aeiou":
                    c += 1
                if ch not in "xyz":
                    c += 10
            return c
        print([collatz(i) for i in range(1, 30)], total())
        print([mark(i) for i in range(10)], digit(1234), vowels("an example text"))
        cache = {}  # rebound: the guard sends the next calls to the interpreter
        print(collatz(6), total())
        try:
            DIGITS = None
            digit(3)
        except TypeError as e:
            print("TypeError:", e)
    """, thresholds=("0", "1", "5"), compiled=("collatz", "mark", "digit", "total", "vowels"))


def test_list_item_assignment_with_an_index_from_a_tuple():
    # `dist[v] = nd` with `v` unpacked from a tuple (an object): was a side exit at every store.
    run("""
        def relax(n, edges):
            dist = [10 ** 9] * n
            dist[0] = 0
            for rep in range(3):
                for u, v, w in edges:
                    nd = dist[u] + w
                    if nd < dist[v]:
                        dist[v] = nd
            return dist
        edges = [((i * 7) % 50, (i * 13) % 50, i % 17) for i in range(200)]
        print(relax(50, edges))
        def put(lst, k, v):
            lst[k] = v
            return lst
        print(put([1, 2, 3], True, "x"), put([1, 2, 3], -1, 2.5))
        for bad in (1.5, "a", 10):
            try:
                put([1, 2], bad, 0)
            except (TypeError, IndexError) as e:
                print(type(e).__name__, e)
        try:
            put((1, 2), 0, 0)
        except TypeError as e:
            print("TypeError:", e)
    """, thresholds=("0", "1", "5"), compiled=("relax",))


def test_dict_and_set_comprehensions_and_set_displays():
    # MAP_ADD, SET_ADD and BUILD_SET were side exits: a comprehension deoptimized at its first
    # item, every time, until it was blacklisted and interpreted.
    run("""
        class K:
            def __init__(self, v): self.v = v
            def __hash__(self):
                if self.v == 7:
                    raise ValueError("bad hash %d" % self.v)
                return hash(self.v)
            def __eq__(self, o): return self.v == o.v
            def __repr__(self): return "K(%d)" % self.v
        def squares(n):
            return {i % 5: i * 0.5 for i in range(n) if i % 3}
        def residues(n):
            return {i * 7 % 13 for i in range(n)}
        def display(a, b):
            return {a, b, a + 1, 2.5, "x"}
        def keys(n):
            try:
                return {K(i): i for i in range(n)}
            except ValueError as e:
                return str(e)
        def members(n):
            try:
                return {K(i) for i in range(n)}
            except ValueError as e:
                return str(e)
        def unhashable(n):
            try:
                return {[n], n}
            except TypeError as e:
                return str(e)
        for r in range(3):
            print(squares(20), sorted(residues(40)), sorted(display(r, 2 * r), key=str))
            print(keys(5), keys(9), len(members(5)), members(9), unhashable(r))
        print({k: v for k, v in zip("abc", range(3))}, {(i, j) for i in range(2) for j in range(2)})
    """, thresholds=("0", "1", "5"),
        compiled=("squares.<locals>.<dictcomp>", "residues.<locals>.<setcomp>", "display"))


def test_chained_comparison_of_objects():
    # `"a" <= ch <= "z"` keeps the first result for `and`: an object, which was a side exit.
    run("""
        class W:
            def __init__(self, v): self.v = v
            def __lt__(self, o): return [self.v] if self.v < o.v else []
            def __le__(self, o):
                if self.v == 99:
                    raise KeyError("le %d" % self.v)
                return self.v <= o.v
        def caesar(s, k):
            out = []
            for ch in s:
                if "a" <= ch <= "z":
                    out.append(chr((ord(ch) - 97 + k) % 26 + 97))
                else:
                    out.append(ch)
            return "".join(out)
        def ordered(xs):
            return [xs[i] < xs[i + 1] < xs[i + 2] for i in range(len(xs) - 2)]
        def within(xs):
            try:
                return [W(0) <= x <= W(50) for x in xs]
            except KeyError as e:
                return repr(e)
        for r in range(3):
            print(caesar("hello, world xyz", 3), ordered(["a", "c", "b", "d"]))
            print(ordered([W(1), W(2), W(3), W(2)]), within([W(1), W(60)]), within([W(99)]))
    """, thresholds=("0", "1", "5"), compiled=("caesar",))


def test_recursive_function_returning_a_list():
    # The return type of a recursive call was guessed among numbers, None and obj, never
    # list: merge sort stayed interpreted, and its loop was entered by OSR on every call.
    run("""
        def merge_sort(a):
            if len(a) <= 1:
                return a
            mid = len(a) // 2
            l = merge_sort(a[:mid])
            r = merge_sort(a[mid:])
            out = []
            i = j = 0
            while i < len(l) and j < len(r):
                if l[i] <= r[j]:
                    out.append(l[i])
                    i += 1
                else:
                    out.append(r[j])
                    j += 1
            out.extend(l[i:])
            out.extend(r[j:])
            return out
        def pairs(n):
            if n == 0:
                return ()
            return pairs(n - 1) + (n,)
        data = [(i * 7919) % 1000 for i in range(300)]
        print(merge_sort(data) == sorted(data), merge_sort(data)[:5], merge_sort([2.5, 1, 3]))
        print(pairs(10))
    """, thresholds=("0", "1", "5"), compiled=("merge_sort",))


def test_super_in_a_method():
    # The compiler makes `super()` in a method super(__class__, self): no frame is needed, so
    # such a method compiles (it was refused as "super() needs the caller's frame").
    run("""
        class Base:
            def __init__(self, x):
                self.x = x
            def size(self):
                return self.x
        class Child(Base):
            def __init__(self, x, y):
                super().__init__(x)
                self.y = y
            def size(self):
                return super().size() + self.y
        class Other(Child):
            def size(self):
                return super(Child, self).size() * 10
        t = 0
        for i in range(50):
            t += Child(i, 1).size() + Other(i, 2).size()
        print(t, Other(1, 1).size())
        try:
            super(Child, 5)
        except TypeError as e:
            print("TypeError:", e)
    """, thresholds=("0", "1", "5"), compiled=("Child.__init__", "Child.size"))


def test_comparison_without_feedback_does_not_guess_an_int():
    # Compiled before it ran (threshold 0 or 1), `self.x < 0` guessed that the attribute was
    # an int like the 0: with floats every call deoptimized until the method was dropped and
    # backed off (17x slower than CPython); the comparison is now made on the objects.
    # (Arithmetic still guesses: `self.v * dt` with an int dt and a float v deoptimizes.)
    results = run("""
        class P:
            def __init__(self, x, v):
                self.x = x
                self.v = v
            def step(self, dt):
                self.x += self.v * dt
                if self.x < 0 or self.x > 100:
                    self.v = -self.v
        ps = [P(i * 0.5, 1.5) for i in range(20)]
        for t in range(200):
            for p in ps:
                p.step(0.5)
        print([p.x for p in ps[::5]])
    """, thresholds=("0", "1"), compiled=("P.step",))
    from test_jit import jit_log
    for result in results.values():
        assert not any(line.startswith("deopt: P.step") for line in jit_log(result.stderr))
