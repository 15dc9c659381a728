"""Code that reads like scripts, compiled natively (test_jit.run: CPython, then jitvm at
several thresholds; output, exit status and the last stderr line must agree):

* `x and y`, `x or y` and chained comparisons whose operands are objects (strings, dicts);
* globals holding objects (a dict used as a cache, a string, an instance), and globals that
  functions assign (`global count; count += 1`), read from the module's dict at each use;
* calls of a function held in a variable or argument (a callback), speculated on the one
  function the interpreter saw there;
* operators on objects of a program's class, calling its `__add__`... machine code.
"""

from __future__ import annotations

from test_fused_helpers import compiled_line, compiled_lines
from test_jit import MID_RUN, run


def test_and_or_and_chained_comparisons_on_objects():
    src = """
    def caesar(s, k):
        out = []
        for ch in s:
            if "a" <= ch <= "z":
                out.append(chr((ord(ch) - 97 + k) % 26 + 97))
            else:
                out.append(ch)
        return "".join(out)
    def pick(d, k, xs):
        return (d.get(k) or 0, xs and xs[0], (d.get(k) and "yes") or "no", [] or None,
                "a" or 1, 1 < k <= 5, xs or None)
    text = "hello world, abc xyz! " * 200
    for i in range(300):
        r = pick({1: 5, 3: 0}, i % 5, [] if i % 2 else [7])
        c = caesar(text, 13)
    print(caesar(c, 13) == text, caesar("Hi, there!", 3), r, pick({}, 2, [0]))
    class W:
        def __bool__(self):
            raise ValueError("no truth")
    try:
        print(W() and 1)
    except ValueError as e:
        print("caught", e)
    """
    run(src, thresholds=MID_RUN, compiled=("caesar", "pick"), compiled_upto=1)
    line = compiled_line(src, "caesar", "--jit-threshold", "100")
    assert "exits to the interpreter" not in line, line


def test_globals_holding_objects_and_globals_that_functions_assign():
    run("""
    cache = {1: 1}
    vowels = "aeiou"
    count = 0
    total = 0.0
    class Cfg:
        scale = 3
        def twice(self, x):
            return 2 * x
    cfg = Cfg()
    def collatz_len(n):
        if n in cache:
            return cache[n]
        r = 1 + collatz_len(n // 2 if n % 2 == 0 else 3 * n + 1)
        cache[n] = r
        return r
    def inc(k):
        global count, total
        count += 1
        total += k * 0.5
        if count == 700:
            total = 2**70
    def score(w):
        return sum(1 for ch in w if ch in vowels) + cfg.scale + cfg.twice(len(w))
    best = 0
    for i in range(1, 3000):
        best = max(best, collatz_len(i))
        inc(i)
        best += score("banana") - score("banana")
    print(best, len(cache), count, total)
    def reset():
        global cache, count
        cache = {1: 1}
        del count
    reset()
    print(collatz_len(27), len(cache))
    try:
        inc(1)
    except NameError as e:
        print("NameError", e)
    """, thresholds=MID_RUN, compiled=("collatz_len", "inc"), compiled_upto=1)


def test_callbacks_call_the_function_they_hold_natively():
    src = """
    def sq(x):
        return x * x
    def cube(x):
        return x * x * x
    def apply(fn, n):
        t = 0
        for i in range(n):
            t += fn(i)
        return t
    def simpson(f, a, b, n):
        h = (b - a) / n
        s = f(a) + f(b)
        for i in range(1, n):
            s += (4 if i % 2 else 2) * f(a + i * h)
        return s * h / 3
    print(apply(sq, 3000), apply(sq, 10), round(simpson(sq, 0.0, 3.0, 3000), 6))
    print(apply(cube, 3000), apply(abs, 100), apply(lambda x: 2**62, 3))
    for j in range(40):
        r = apply(lambda x: x + j, 100)
    print(r)
    """
    run(src, thresholds=MID_RUN, compiled=("apply", "simpson"), compiled_upto=1)
    line = compiled_line(src, "simpson", "--jit-threshold", "100")
    assert "calls" not in line, line  # sq's machine code, called directly


def test_operators_of_a_class_call_its_methods_natively():
    src = """
    class Vec:
        def __init__(self, x, y):
            self.x = x
            self.y = y
        def __add__(self, o):
            return Vec(self.x + o.x, self.y + o.y)
        def __sub__(self, o):
            return Vec(self.x - o.x, self.y - o.y)
        def __mul__(self, k):
            if not isinstance(k, (int, float)):
                return NotImplemented
            return Vec(self.x * k, self.y * k)
        def __rmul__(self, k):
            return self * k
        def __repr__(self):
            return f"Vec({self.x}, {self.y})"
    class Other:
        def __rmul__(self, v):
            return "other-rmul"
    def step(ps, vs):
        acc = Vec(0.0, 0.0)
        for p, v in zip(ps, vs):
            acc = acc + (p - v) * 0.5
            acc += v * 2
        return acc
    ps = [Vec(i * 0.5, -i) for i in range(10)]
    vs = [Vec(1.0, i * 0.25) for i in range(10)]
    for i in range(300):
        r = step(ps, vs)
    print(r)
    def mul(a, b):
        return a * b
    for i in range(300):
        mul(Vec(1, 2), 3)
    print(mul(Vec(1, 2), 3), mul(Vec(1, 2), Other()), mul(3, Vec(1, 2)))
    try:
        mul(Vec(1, 2), Vec(3, 4))
    except TypeError as e:
        print("caught", e)
    Vec.__mul__ = lambda self, k: "patched"
    print(mul(Vec(1, 2), 3))
    """
    run(src, thresholds=MID_RUN, compiled=("step",), compiled_upto=1)
    line = compiled_line(src, "step", "--jit-threshold", "100")
    assert "Vec.__add__" in line and "Vec.__mul__" in line, line


def test_module_level_loops_with_predicates_and_string_iteration():
    src = """
    def is_pal(s):
        return s == s[::-1]
    def to_base(n, b):
        digits = "0123456789abcdef"
        s = ""
        while n > 0:
            s = digits[n % b] + s
            n //= b
        return s or "0"
    count = 0
    for n in range(1, 3000):
        if is_pal(str(n)) and is_pal(to_base(n, 2)):
            count += 1
    h = 0
    text = ",".join(to_base(i, 16) for i in range(2000))
    for ch in text:
        h = (h * 31 + ord(ch)) % 1000000007
    class Odd:
        def __bool__(self):
            global count
            count += 100
            return True
    for n in range(5):
        if Odd() and n:
            count += 1
    print(count, h)
    """
    run(src, thresholds=MID_RUN)
    log = [line for line in compiled_lines(src, "--jit-threshold", "100")
           if line.startswith("compiled: <module>(")]
    assert len(log) >= 2 and not any("exits" in line for line in log), log


def test_lists_indexed_by_objects_and_holding_ints_and_floats():
    src = """
    import heapq
    adj = [[((i * 7 + k) % 50, (i + k) % 9 + 1) for k in range(4)] for i in range(50)]
    def dijkstra(src):
        dist = [float("inf")] * 50
        dist[src] = 0
        pq = [(0, src)]
        while pq:
            d, u = heapq.heappop(pq)
            if d > dist[u]:
                continue
            for v, w in adj[u]:
                nd = d + w
                if nd < dist[v]:
                    dist[v] = nd
                    heapq.heappush(pq, (nd, v))
        return dist
    tot = 0
    for s in range(200):
        tot += sum(dijkstra(s % 50))
    print(tot, dijkstra(3)[:5])
    flags = [0, 1, 2]
    print(flags[True], [10, 20][False])
    """
    run(src, thresholds=MID_RUN, compiled=("dijkstra",), compiled_upto=1)
    log = compiled_lines(src, "--jit-threshold", "100")
    assert not [line for line in log if line.startswith(("deopt:", "dropped", "black"))], log


def test_loops_inside_generators_run_natively_between_yields():
    src = """
    def primes():
        found = []
        n = 2
        while True:
            ok = True
            for p in found:
                if p * p > n:
                    break
                if n % p == 0:
                    ok = False
                    break
            if ok:
                found.append(n)
                got = yield n
                if got is not None:
                    n = got
            n += 1
    def take(g, k):
        out = []
        for x in g:
            out.append(x)
            if len(out) == k:
                break
        return out
    g = primes()
    print(take(g, 2000)[-3:], g.send(10**6), next(g))
    def summer(xs):
        total = 0
        try:
            for x in xs:
                total += x
                if total > 10**10:
                    yield total
        finally:
            print("closed", total)
    s = summer(range(10**6))
    print(next(s))
    s.close()
    def big():
        t = 1
        for i in range(100):
            t = t * 3
        yield t
    print(next(big()))
    def gen_err(n):
        acc = 0
        for i in range(n):
            acc += 10 // (n - i - 1)
        yield acc
    print(list(gen_err(3000)))
    """
    run(src, thresholds=MID_RUN)
    log = compiled_lines(src.replace("print(list(gen_err(3000)))", ""), "--jit-threshold", "100")
    assert any(line.startswith("compiled: primes(") for line in log), log
    assert not [line for line in log if line.startswith("deopt: primes")], log


def test_recursive_closures_call_their_machine_code_and_are_not_kept_alive():
    src = """
    class Noisy:
        def __init__(self, n):
            self.n = n
        def __del__(self):
            print("freed", self.n)
    def solve(n):
        count = 0
        cols = [False] * n
        d1 = [False] * (2 * n)
        d2 = [False] * (2 * n)
        witness = Noisy(n)
        def place(r):
            nonlocal count
            if r == n:
                count += 1
                return
            for c in range(n):
                if not cols[c] and not d1[r + c] and not d2[r - c + n]:
                    cols[c] = d1[r + c] = d2[r - c + n] = True
                    place(r + 1)
                    cols[c] = d1[r + c] = d2[r - c + n] = False
        place(0)
        return count
    for n in range(4, 9):
        print(n, solve(n))
        print("after", n)
    """
    run(src, thresholds=MID_RUN, compiled=("solve.<locals>.place",), compiled_upto=1)
    line = compiled_line(src, "solve.<locals>.place", "--jit-threshold", "100")
    assert "calls" not in line, line  # place(r + 1): its own machine code


def test_strings_appended_to_a_local_grow_in_place():
    src = """
    def build(n):
        s = ""
        for i in range(n):
            s += "ab"
            if i == 5:
                keep = s
                s += "!"
        t = "x"
        for i in range(3):
            u = t
            t += str(i)
        v = 1
        for i in range(10):
            v += i
        w = [1]
        for i in range(3):
            w += [i]
        return len(s), keep, t, u, v, w
    for i in range(5):
        print(build(30000 + i))
    """
    run(src, thresholds=MID_RUN, compiled=("build",), compiled_upto=1)


def test_del_of_an_item_or_a_slice_runs_natively():
    """`del xs[0]`, `del d[k]`, `del xs[:2]`, a class's `__delitem__`: PyObject_DelItem,
    with KeyError, IndexError and TypeError raised as CPython raises them."""
    src = """
    def trim(xs, k):
        n = 0
        while len(xs) > k:
            del xs[0]
            n += 1
        return n

    def evict(d, limit):
        gone = 0
        for key in list(d):
            if key % 3 == 0:
                del d[key]
                gone += 1
            if len(d) <= limit:
                break
        return gone

    def chunks(xs):
        out = 0
        while xs:
            out += xs[0] * len(xs)
            del xs[:2]
        return out

    def missing(d, keys):
        errors = 0
        for k in keys:
            try:
                del d[k]
            except KeyError as e:
                errors += 1
                last = e
        return errors, repr(last)

    class Bag:
        def __init__(self):
            self.items = {}
            self.dels = 0
        def __delitem__(self, k):
            self.dels += 1
            self.items.pop(k, None)

    def bag(b, n):
        for i in range(n):
            del b[i]
        return b.dels

    for rep in range(40):
        xs = list(range(100 + rep))
        a = trim(xs, 10)
        d = {i: i * i for i in range(300)}
        g = evict(d, 150)
        c = chunks(list(range(50 + rep)))
        m = missing({i: 1 for i in range(20)}, list(range(0, 40, 3)))
        bg = bag(Bag(), 30)
        if rep % 13 == 0:
            print(rep, a, xs[:3], g, len(d), c, m, bg)
    xs = [1, 2, 3]
    try:
        for i in range(5):
            del xs[5]
    except IndexError as e:
        print("IndexError", e)
    t = (1, 2)
    try:
        del t[0]
    except TypeError as e:
        print("TypeError", e)
    """
    run(src, thresholds=MID_RUN, compiled=("trim", "evict", "chunks", "missing", "bag"),
        compiled_upto=1)
