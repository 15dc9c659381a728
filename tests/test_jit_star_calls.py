"""Calls with unpacked arguments and functions with *args, **kwargs or keyword-only
parameters, compiled natively (test_jit.run: CPython, then jitvm at several thresholds;
output, exit status and the last stderr line must agree):

* a function whose parameters are not all plain positional ones is entered with its
  parameters' values once the call bound them (VM.call_function, with the interpreter's
  errors); a native caller passing positional arguments packs the extra ones into the
  `*args` tuple itself (frontend_calls.pack_varargs) and calls it directly;
* `f(*args)`, `f(*args, **kwargs)`, `[*a, *b]` (CALL_FUNCTION_EX, DICT_MERGE, LIST_EXTEND,
  LIST_TO_TUPLE) run natively: PyObject_Call for a tuple, else the interpreter's handler
  as a host helper (frontend_star.py); a callable that needs its caller's frame
  (`locals`...) is left to the interpreter.
"""

from __future__ import annotations

from test_fused_helpers import compiled_line, compiled_lines
from test_jit import MID_RUN, run

DECORATED = """
def memoize(f):
    cache = {}
    def wrapper(*args):
        if args not in cache:
            cache[args] = f(*args)
        return cache[args]
    return wrapper

@memoize
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)

def logged(f):
    calls = []
    def inner(*args, **kwargs):
        calls.append(len(args) + len(kwargs))
        return f(*args, **kwargs)
    inner.calls = calls
    return inner

@logged
def scale(x, y=2, *, k=3):
    return x * y + k

def head(first, *rest):
    return first + len(rest)

def opts(a, b=10, *more, c, d=4, **extra):
    return a + b + sum(more) + c * d + len(extra)

def grow(*args):
    s = 0
    for a in args:
        s = s * 3 + a
    return s

def call_with(f, *args, **kwargs):
    return f(*args, **kwargs)

class P:
    def __init__(self, *xs, scale=1):
        self.xs = [x * scale for x in xs]
    def total(self, *extra):
        return sum(self.xs) + sum(extra)

def work(n):
    t = 0
    for i in range(n):
        t += scale(i, k=i % 5) + scale(i) + scale(x=i, y=3)
        t += head(i, i, i) + head(i)
        t += opts(i, c=2) + opts(i, 1, 2, 3, c=1, d=0, z=5, w=6)
        t += call_with(opts, i, c=i % 3) + call_with(head, *[i, 1, 2])
        t += P(i, i + 1, scale=2).total(1, 2) + P().total()
        t += grow(i, i, i, i) + grow(*range(i % 7))
    return t

print(work(3000), len(scale.calls), paths(100, 100) % 1000003)
big = 0
for i in range(200):
    big += grow(*range(i % 50))  # (past 2**63: Python ints from there)
print(big)
"""


def test_decorators_forwarding_args_and_kwargs_run_natively():
    run(DECORATED, thresholds=MID_RUN, compiled=("memoize.<locals>.wrapper", "head", "opts",
                                                  "logged.<locals>.inner", "work"),
        compiled_upto=1)
    line = compiled_line(DECORATED, "paths", "--jit-threshold", "100")
    assert "calls wrapper" not in line, line  # the wrapper's own machine code


def test_binding_errors_are_the_interpreters():
    run("""
    def head(first, *rest):
        return first + len(rest)
    def opts(a, b=10, *more, c, d=4, **extra):
        return a + b + sum(more) + c * d + len(extra)
    def scale(x, y=2, *, k=3):
        return x * y + k
    def grow(*args):
        return len(args)
    def call_with(f, *args, **kwargs):
        return f(*args, **kwargs)
    for i in range(300):
        call_with(head, i, 2)
        call_with(opts, i, c=1)
        scale(i, k=2)
    for bad in [lambda: head(), lambda: opts(1), lambda: scale(1, 2, 3),
                lambda: scale(1, x=2), lambda: call_with(head, *5),
                lambda: call_with(head, 1, **{"first": 2}),
                lambda: call_with(opts, 1, c=1, **[1]), lambda: grow(**{"a": 1}),
                lambda: call_with(head, **{"first": 1, "rest": 2})]:
        try:
            bad()
        except TypeError as e:
            print("TypeError", e)
    """, thresholds=MID_RUN)


def test_frame_builtins_and_generators_with_star_parameters():
    """`f(*args)` where f is `locals` (it needs the caller's frame) and generator
    functions with *args (interpreted bodies) keep CPython's behaviour."""
    run("""
    def peek(*args):
        return locals()
    def call_with(f, *args):
        return f(*args)
    for i in range(300):
        r = call_with(peek, i, 2)
    print(r)
    def countdown(*args, step=2):
        n = args[0]
        while n > 0:
            yield n
            n -= step
    for i in range(300):
        s = sum(countdown(i)) + sum(countdown(i, step=3))
    print(s)
    g = vars
    class O:
        pass
    o = O()
    o.a = 1
    for i in range(200):
        v = call_with(g, o)
    print(v)
    """, thresholds=MID_RUN)


def test_references_through_star_calls_are_exact():
    """The packed `*args` tuple, the `**kwargs` dict and `f(*args)`'s call take and drop
    their references as CPython's do: the objects passed live while used and are freed
    once the last reference goes (a leaked reference would keep them; an early release
    would free them while still in use)."""
    run("""
    import weakref
    class T:
        def __init__(self, n):
            self.n = n
    def fwd(*args, **kw):
        return args[0]
    def viaex(f, *args):
        return f(*args)
    def both(f, *args, **kw):
        return f(*args, **kw)
    def loop(n, token):
        s = 0
        for i in range(n):
            x = fwd(token, T(i), k=T(i))
            y = viaex(fwd, token)
            z = [*[token], *(token, T(i))]
            w = both(fwd, token, i, k=T(i))
            s += x.n + y.n + z[0].n + z[2].n + w.n
        return s
    def main():
        token = T(7)
        ref = weakref.ref(token)
        freed = []
        probe = T(0)
        weakref.finalize(probe, freed.append, "probe")
        total = 0
        for rep in range(5):
            total += loop(2000, token) + fwd(probe).n
        del probe
        print(total, freed)
        del token
        print(ref() is None)
    main()
    """, thresholds=MID_RUN, compiled=("fwd", "viaex", "both", "loop"), compiled_upto=1)


def test_imports_inside_a_hot_function_run_natively():
    """`import math` / `from math import sqrt` in a function: the interpreter's handlers
    as host helpers (frontend_imports.py), `__import__` read from the builtins at each
    call, IMPORT_FROM's ImportError.  (A program that replaces `builtins.__import__` is
    not tried here: jitvm's own lazy imports go through it too, interpreted or not.)"""
    run("""
    def dist(a, b):
        import math
        from math import sqrt, pi as PI
        import os.path
        return math.hypot(a, b) + sqrt(a) + PI * 0 + len(os.path.basename("/x/yz"))
    def broken(n):
        try:
            from math import no_such_name
        except ImportError as e:
            return str(e)[:40] + str(n)
    t = 0.0
    for i in range(3000):
        t += dist(i, 2.0)
    print(round(t, 6), broken(3))
    for i in range(200):
        last = broken(i)
    print(last)
    print(round(dist(3, 4.0), 6))
    """, thresholds=MID_RUN, compiled=("dist",), compiled_upto=1)


def test_a_callee_refused_while_compiling_its_caller_is_logged():
    """A function refused as a native callee (here: a class statement in its body) is
    called through the C-API; `--jit-log` says why it is not compiled."""
    src = """
    def dist(a, b):
        class Local:
            pass
        return a + b
    def main():
        t = 0.0
        for i in range(3000):
            t += dist(i, 2.0)
        print(t)
    main()
    """
    log = compiled_lines(src, "--jit-threshold", "10")
    assert any(line.startswith("not compiled: dist(") and "LOAD_BUILD_CLASS" in line
               for line in log), log


def test_starred_assignment_and_dict_unpacking_run_natively():
    run("""
    def split(items):
        first, *rest = items
        *init, last = items
        a, *mid, z = items
        return first + len(rest) + last + len(init) + a + z + sum(mid)
    def merged(d, k):
        e = {**d, "k": k, **{"z": k * 2}}
        return len(e) + e["k"] + e["z"]
    t = 0
    for i in range(3000):
        t += split([i, i + 1, i + 2, i + 3]) + split((i, 1)) + merged({"a": i}, i)
    print(t)
    for bad in [lambda: split([1]), lambda: merged([1], 2), lambda: split(5)]:
        try:
            bad()
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    """, thresholds=MID_RUN, compiled=("split", "merged"), compiled_upto=1)


def test_keyword_calls_into_star_and_keyword_only_parameters_bind_natively():
    """A native caller binds keywords itself: to positional and keyword-only parameters,
    extra positional arguments into the `*args` tuple, extra keywords into the `**kwargs`
    dict (in call order); anything it cannot bind (a default of a keyword-only
    parameter, a keyword given twice) goes through the C-API, with CPython's errors."""
    src = """
    def mix(a, b, *, scale=3):
        return (a * scale + b) % 1009
    def gather(first, *rest, sep=0, **opts):
        return (first, rest, sep, sorted(opts.items()), list(opts))
    class K:
        def __init__(self, x, *, y):
            self.v = x + y
        def m(self, *args, key=None, **kw):
            return len(args) + (key or 0) + len(kw)
    def main(n):
        t = 0
        for i in range(n):
            t += mix(i, t % 7, scale=i % 5) + mix(b=i, a=2, scale=1) + mix(i, 1)
            g = gather(i, 1, 2, sep=3, z=i, a=1)
            t += g[0] + len(g[1]) + g[2] + len(g[3])
            k = K(i, y=2)
            t += k.v + k.m(1, 2, key=3, q=4) + k.m()
        return t, g
    print(main(3000))
    for bad in [lambda: mix(1, 2, scale=3, scale2=4), lambda: mix(1, a=2, scale=1),
                lambda: K(1), lambda: gather(sep=1)]:
        try:
            bad()
        except TypeError as e:
            print("TypeError", e)
    """
    run(src, thresholds=MID_RUN, compiled=("mix", "gather", "main"), compiled_upto=1)
    line = compiled_line(src, "main", "--jit-threshold", "100")
    assert "calls gather" not in line, line  # (mix(i, 1) needs a default: the C-API's)
