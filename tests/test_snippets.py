"""Differential tests on short inline programs covering edge cases.

Each snippet is run under CPython and under jitvm (see difftest.check_source);
stdout, the exit status and the last line of stderr must agree.  Snippets are
grouped by topic; the ids are the snippet names.
"""

import textwrap

import pytest

from difftest import MODES, check_source, mode_id

SNIPPETS = []  # list of (name, source, stdin)


def snippet(name, src, stdin=None):
    SNIPPETS.append((name, textwrap.dedent(src).lstrip("\n"), stdin))


# --------------------------------------------------------------------------
# Integer and float operator edge cases
# --------------------------------------------------------------------------

snippet("int_near_2_63", """
    M = 2 ** 63
    for v in [M - 1, M, M + 1, -M, -M - 1, -M + 1]:
        print(v, v + 1, v - 1, v * 2, v * -1, -v, abs(v), v // 2, v % 7, v // -3, v % -3)
    print((M - 1) * (M - 1), (-M) * (-M), (-M) // -1, (M - 1) + (M - 1), -M - M)
    print(9223372036854775807 + 1, -9223372036854775808 - 1, 3037000500 * 3037000500)
""")

snippet("int_near_2_64", """
    N = 2 ** 64
    for v in [N - 1, N, N + 1, -N, -N + 1]:
        print(v, v >> 1, v << 1, v & 0xFFFF, v | 1, v ^ (N - 1), ~v, v // 10, v % 10)
    print(N * N, N // 3, N % 1000000007, divmod(N, -7), divmod(-N, 7), pow(N, 2, 10 ** 9))
    print(int(float(N)), float(N - 1) == float(N), hex(N - 1), bin(N)[:6], len(bin(N)))
""")

snippet("int_shift_boundaries", """
    print(1 << 62, 1 << 63, 1 << 64, 1 << 65, (1 << 63) >> 63, (1 << 64) >> 1)
    print(-1 << 63, -1 << 64, (-1 << 63) >> 62, (-2 ** 63) >> 1, (2 ** 63 - 1) << 1, 5 << 0, 5 >> 0)
    print(-1 >> 1, -1 >> 64, -5 >> 1, -(2 ** 100) >> 99, 12345 >> 100, -12345 >> 100)
    x = 3
    x <<= 62
    print(x, type(x).__name__)
""")

snippet("negative_shift_count", """
    for fn in [lambda: 1 << -1, lambda: 1 >> -1, lambda: 0 << -5, lambda: (2 ** 70) >> -1]:
        try:
            print(fn())
        except ValueError as e:
            print("ValueError:", e)
""")

snippet("floordiv_mod_negative_ints", """
    for a in (-7, -6, -1, 0, 1, 6, 7, 2 ** 65 + 3, -(2 ** 65) - 3):
        row = []
        for b in (-3, -2, 2, 3, 2 ** 64):
            row.append(f"{a // b},{a % b}")
        print(a, " ".join(row))
""")

snippet("floordiv_mod_negative_floats", """
    for a in (-7.5, -0.0, 0.0, 7.5, 1e-310, -1e300):
        for b in (-2.0, 2.0, 0.3, -0.3, float("inf"), -float("inf")):
            print(a, b, repr(a // b), repr(a % b))
""")

snippet("divmod_mixed", """
    print(divmod(-7, 2.5), divmod(7, -2.5), divmod(2 ** 70, -3), divmod(-1, 2 ** 70))
    print(divmod(True, 2), divmod(-0.0, 1), divmod(0.0, -1), divmod(5, float("inf")), divmod(-5, float("inf")))
    print(divmod(1.0, 0.1), 1 // 0.1, 1 % 0.1, 0.5 // 0.1)
""")

snippet("pow_three_args", """
    print(pow(2, 100, 1000007), pow(-2, 3, 5), pow(3, -1, 11), pow(2, 0, 1), pow(7, -2, 13), pow(5, 3, -7))
    print(pow(2 ** 70, 2 ** 10, 10 ** 9 + 7), pow(-1, 2 ** 100, 3), pow(0, 0, 5))
    for args in [(2, -1, 4), (2, 1.5, 3), (2, 3, 0), (2.0, 3, 5)]:
        try:
            print(pow(*args))
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
""")

snippet("pow_negative_exponents", """
    print(2 ** -1, (-2) ** -3, 10 ** -3, 2 ** -1074 == 5e-324, 0 ** 0, 0.0 ** 0, (-1) ** -1)
    print(type(2 ** -1).__name__, type(2 ** 2).__name__, (-8) ** (1 / 3), (-1) ** 0.5)
    print(1.5 ** 2, 2 ** 0.5, (-2.0) ** 2, 4 ** -0.5, 10.0 ** -400)
    for fn in [lambda: 0 ** -1, lambda: 0.0 ** -1, lambda: 2.0 ** 5000, lambda: (-0.0) ** -1]:
        try:
            print(fn())
        except (ZeroDivisionError, OverflowError) as e:
            print(type(e).__name__, e)
""")

snippet("division_by_zero_messages", """
    cases = [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 1.0 // 0.0,
             lambda: 1.0 % 0, lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: 1 / False,
             lambda: 5 % False, lambda: (2 ** 80) // 0, lambda: 0.0 / 0.0, lambda: 1j / 0]
    for fn in cases:
        try:
            print(fn())
        except ZeroDivisionError as e:
            print("ZeroDivisionError:", e)
""")

snippet("negative_zero", """
    import math
    nz = -0.0
    print(nz, repr(nz), str(nz), 0.0 * -1, -0.0 + 0.0, 0.0 - 0.0, -0.0 - 0.0, abs(nz), -nz)
    print(round(-0.4), round(-0.4, 0), round(-0.0, 1), nz == 0.0, math.copysign(1, nz), nz.hex())
    print([nz], (nz,), {nz: 1}, {0.0: "a", nz: "b"}, f"{nz:+}", f"{nz:.0f}", "%.1f" % nz, int(nz))
    print(-0.0 * 5, 0.0 * -5, -0.0 / 4, 0.0 / -4, -1e-320 * 1e-10, max(0.0, nz), min(nz, 0.0))
    print(complex(0, nz), -(0j), math.atan2(nz, -1.0), math.sqrt(nz), nz ** 3)
""")

snippet("nan_comparisons", """
    nan = float("nan")
    x = nan
    print(nan == nan, nan != nan, nan < 1, nan >= 1, x == x, x is x, nan in [nan], float("nan") in [float("nan")])
    print(max(nan, 1), max(1, nan), min(nan, 1), sorted([3, nan, 1])[1] != sorted([3, nan, 1])[1])
    print([nan] == [nan], (nan,) == (nan,), {nan: 1}[nan], len({nan, nan}), len({float("nan"), float("nan")}))
    print(nan + 1, nan * 0, -nan, abs(nan), repr(nan), str(-nan), round(nan, 2), nan ** 0, 1 ** nan)
""")

snippet("inf_arithmetic", """
    inf = float("inf")
    print(inf - inf, inf * 0, inf / inf, 1 / inf, -1 / inf, inf + inf, -inf * -inf, inf * -1)
    print(inf // 1, inf % 5, 5 % inf, -5 % inf, 5 // inf, -5 // inf, inf > 10 ** 400, -inf < -(10 ** 400))
    print(inf == float("infinity"), repr(-inf), f"{inf:10.2f}|", "%e" % inf, int(1e308), float(10 ** 308))
    for fn in [lambda: int(inf), lambda: float(10 ** 400), lambda: 10 ** 400 / 1, lambda: round(inf)]:
        try:
            print(fn())
        except OverflowError as e:
            print("OverflowError:", e)
    print(10 ** 400 / 10 ** 399, (10 ** 300) // 1e299, 2.0 ** 1023 * 2.0 == float("inf"))
""")

snippet("round_variants", """
    print(round(0.5), round(1.5), round(2.5), round(-1.5), round(-2.5), round(2.675, 2), round(1.005, 2))
    print(round(123.456, -1), round(123.456, -2), round(5, -1), round(15, -1), round(25, -1), round(-25, -1))
    print(round(1.0), type(round(1.5)).__name__, type(round(1.5, 0)).__name__, round(2 ** 70 + 1, -10))
    print(round(0.1 + 0.2, 15), round(1e20, 2), round(-0.5), round(0.49999999999999994), round(7, 2), round(True))
    try:
        round(float("nan"))
    except ValueError as e:
        print("ValueError:", e)
""")

snippet("int_float_equality", """
    print(2 ** 53 + 1 == float(2 ** 53), 2 ** 53 == float(2 ** 53), 2 ** 53 + 1 > float(2 ** 53))
    print(2 ** 1000 == float(2 ** 1000), 2 ** 1024 > 1e308, 10 ** 400 > float("inf"), 10 ** 400 < float("inf"))
    print((2 ** 53 + 1) < float(2 ** 53 + 2), 0.1 == 1 / 10, 1e16 + 1 == 1e16, 9007199254740993 == 9007199254740992.0)
    print(hash(2 ** 53) == hash(float(2 ** 53)), {2 ** 53: "i"}[float(2 ** 53)], 1 == 1.0 == True, sorted([2, 1.5, True, 2.0]))
    print(3 == 3.0000000000000001, -0 == -0.0, int(0.1 * 3 * 10), 0.1 * 3, max(1, 1.0), max(1.0, 1))
""")

snippet("bool_arithmetic", """
    print(True + True, True / 2, -True, ~False, ~True, True << 3, True ** 10, True & 3, True | 2, True ^ True)
    print(sum([True] * 5), True == 1.0, hash(True) == hash(1), isinstance(True, int), True * "ab", [1, 2][True])
    print(repr(True & True), repr(True | False), repr(True ^ 1), type(True + 0).__name__, divmod(True, True))
    print(int(True), float(True), str(True), True is not False, False < True, max(True, 0.5), -False)
""")

snippet("numeric_literals", """
    print(0_0, 1_0.5e1_0, 0xFF_FF, 0o7_7, 0b1_0, 1e-0, 1j, 1_000j, 0.5e-3, .5, 5., 0e0, 00, 1E3)
    print(0x7FFFFFFFFFFFFFFF, 0xFFFFFFFFFFFFFFFF, 0x10000000000000000, 1e309, -1e309, 2.5e-324, 4.9e-324)
""")

snippet("int_parsing", """
    for s, base in [("  -0b101 ", 0), ("1_0", 10), ("\u0661\u0662\u0663", 10), ("+0", 10), ("0777", 8),
                    ("z", 36), ("Z", 36), ("-0x_ff", 0), ("000", 0), ("10", 2)]:
        print(repr(s), base, int(s, base))
    for s, base in [("08", 0), ("1__0", 10), ("2", 2), ("", 10), ("0x", 16), ("12", 1), ("1", 37)]:
        try:
            print(int(s, base))
        except ValueError as e:
            print("ValueError:", e)
    for bad in [None, [1], "1.5", 1.5j]:
        try:
            print(int(bad))
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
""")

snippet("float_parsing", """
    for s in ["1_000.5", "  .5", "5.", "-inf", "nAn", "1e500", "-1e-500", "+1.5E+2", "0x1p3", "infinity", " 3 "]:
        try:
            print(repr(s), repr(float(s)))
        except ValueError as e:
            print(repr(s), "ValueError:", e)
    print(repr(1e-323), repr(1e23), repr(1.1), repr(2.2 + 1.1), repr(1 / 3), repr(100.0), repr(1e16), repr(123456789012345678.0))
""")

snippet("big_int_ops", """
    a = 10 ** 50
    print(a // 7, -a // 7, a % -7, -a % 7, 3 ** 200 % 10 ** 9, (a + 1).bit_length(), divmod(-10 ** 30, 10 ** 10 + 1))
    print(a * a // (a - 1), (a ** 3) // (a ** 2), pow(a, 3) == a * a * a, abs(-a), -(-a), +a == a)
    print(sum(range(10 ** 6, 10 ** 6 + 10)), int(str(a)[::-1] or 0), str(a).count("0"), 7 ** 77 % 1000)
    print(a & (a - 1), a | 12345, (-a) & 0xFFFFFFFF, ~a, (-a) ^ a, a >> 100, (-a) >> 100, a.to_bytes(21, "big")[:3])
""")

snippet("int_str_digit_limit", """
    import sys
    print(sys.get_int_max_str_digits())
    try:
        print(len(str(10 ** 5000)))
    except ValueError as e:
        print("ValueError:", e)
    try:
        int("9" * 5000)
    except ValueError as e:
        print("ValueError:", e)
    print(len(hex(10 ** 5000)), len(str(10 ** 4000)))
""")

snippet("bitwise_negative_big", """
    print(-(2 ** 100) & 0xFFFF, ~(2 ** 100), (2 ** 100) ^ -1, -(2 ** 70) | 5, (-(2 ** 70)) >> 3)
    print(-1 & 0xFF, -256 & 0xFF, -1 ^ 0xFF, -(2 ** 64) & (2 ** 64 - 1), (-(2 ** 64) - 1) & (2 ** 64 - 1))
    print(0 & -1, -12 | 3, -12 ^ -3, (2 ** 63) & -(2 ** 63), (2 ** 63 - 1) | -(2 ** 63))
""")

snippet("complex_numbers", """
    print(complex(0, -0.0), -1j, 1j * 1j, (1 + 2j) * (3 - 4j), (1 + 2j) / (1 - 1j), abs(3 + 4j), (1 + 1j) ** 2)
    print(complex("1e3-2j"), complex(1.5), 2j.real, 2j.imag, (1 + 2j).conjugate(), 1 + 2j == complex(1, 2))
    print(repr(complex(-0.0, 0.0)), repr(0j), repr(-0j), repr(complex(1, float("inf"))), 1j ** 0, 0j ** 0)
    try:
        print((1 + 1j) < (2 + 2j))
    except TypeError as e:
        print("TypeError:", e)
""")

snippet("operator_precedence", """
    x, y = 2, 3
    print(-2 ** 2, (-2) ** 2, 2 ** -1, -x ** -y, not 1 == 2, not 1 in [2], 1 | 2 ^ 3 & 4, 1 + 2 << 3)
    print(1 if 0 else 2 if 0 else 3, 2 * 3 % 4, 2 ** 3 ** 2, -3 // 2, -(3 // 2), 10 - 2 - 3, 2 / 2 * 3)
    print(1 < 2 == 2 > 1, (1 < 2) == (2 > 1), 1 and 2 or 3, 0 and 1 or 2, not 0 and 1, ~1 + 1, ~-1)
    print(3 & 5 == 1, (3 & 5) == 1, 1 << 2 + 1, "a" + "b" * 2, [1] * 2 + [3], 5 - -5, - - 5, + - + 5)
""")

snippet("string_multiplication_edges", """
    print(repr("ab" * -1), repr("ab" * 0), [1] * -5, (1,) * 0, "x" * True, 3 * "ab", b"ab" * 2, bytearray(b"z") * 3)
    try:
        "ab" * 1.5
    except TypeError as e:
        print("TypeError:", e)
""")

# --------------------------------------------------------------------------
# Evaluation order
# --------------------------------------------------------------------------

snippet("eval_order_call_args", """
    def t(label, value=None):
        print("eval", label)
        return value if value is not None else label
    def f(*args, **kwargs):
        return args, kwargs
    print(f(t("a"), t("b"), c=t("c"), *t("d", [1, 2]), e=t("e"), **t("g", {"h": 1})))
    print(t("callee", f)(t("x"), y=t("y")))
""")

snippet("eval_order_dict_display", """
    def t(label):
        print("eval", label)
        return label
    d = {t("k1"): t("v1"), t("k2"): t("v2"), **{t("k3"): t("v3")}, t("k1"): t("v1-again")}
    print(d)
    print({"a": 1, **{"a": 2}, "a": 3}, {**{"x": 1}, "x": 2})
    s = {t("s1"), t("s2")}
    l = [t("l1"), *[t("l2")], t("l3")]
""")

snippet("eval_order_assignment", """
    log = []
    def t(label, value):
        log.append(label)
        return value
    data = [0, 0, 0]
    t("target-obj", data)[t("index", 1)] = t("value", 42)
    print(log, data)
    log.clear()
    a = b = t("rhs", [])
    print(log, a is b)
    log.clear()
    x, y = t("pair", (1, 2))
    i = 0
    i, data[i] = 2, 99
    print(log, i, data)
""")

snippet("eval_order_binary_ops", """
    def t(label, v):
        print("eval", label)
        return v
    print(t("a", 1) + t("b", 2) * t("c", 3) - t("d", 4) ** t("e", 2))
    print(t("f", [1]) + t("g", [2]), t("h", 0) or t("i", 5), t("j", 1) and t("k", 0) or t("l", 7))
    print(t("m", 2) if t("cond", True) else t("n", 3))
""")

snippet("chained_comparison_middle_once", """
    calls = []
    def mid():
        calls.append("mid")
        return 5
    print(1 < mid() < 10, calls)
    print(10 < mid() < 1, calls)
    def side(n):
        print("side", n)
        return n
    print(side(1) < side(0) < side(2))
    print(side(1) == side(1) != side(2) < side(3))
""")

snippet("augassign_subscript_once", """
    log = []
    data = {"k": [0, 0]}
    def obj():
        log.append("obj")
        return data
    def key():
        log.append("key")
        return "k"
    def idx():
        log.append("idx")
        return 1
    obj()[key()][idx()] += 10
    print(log, data)
    log.clear()
    obj()[key()] += [7]
    print(log, data)
""")

snippet("augassign_attribute_once", """
    class Box:
        def __init__(self):
            self._v = 1
        @property
        def v(self):
            print("get v")
            return self._v
        @v.setter
        def v(self, value):
            print("set v", value)
            self._v = value
    box = Box()
    def get_box():
        print("get_box called")
        return box
    get_box().v += 5
    get_box().v *= 2
    print(box._v)
""")

snippet("augassign_error_names_inplace_operator", """
    def g(a, b):
        a += b
        return a
    for i in range(20):
        g(i, 1)
    for a, b in [(2, "s"), (1.5, None), ("s", 1)]:
        try:
            g(a, b)
        except TypeError as e:
            print(e)
    x = [1]
    try:
        x[0] += "s"
    except TypeError as e:
        print(e)
""")

snippet("augassign_inplace_dunders", """
    class Acc:
        def __init__(self):
            self.items = []
        def __iadd__(self, other):
            print("iadd", other)
            self.items.append(other)
            return self
        def __add__(self, other):
            print("add", other)
            return "plain add"
    a = Acc()
    b = a
    a += 1
    print(a is b, a.items)
    class NoIadd:
        def __add__(self, other):
            print("add used for +=")
            return 42
    n = NoIadd()
    n += 1
    print(n)
    t = ([1],)
    try:
        t[0] += [2]
    except TypeError as e:
        print("TypeError:", e)
    print(t)
""")

snippet("for_target_forms", """
    class O:
        pass
    o = O()
    for o.x in range(3):
        pass
    print(o.x)
    d = {}
    for d["k"] in "ab":
        pass
    print(d)
    a = [0, 0]
    for a[0], a[1] in [(1, 2), (3, 4)]:
        pass
    print(a)
    for i, (j, *k) in enumerate([(1, 2, 3), (4,)]):
        print(i, j, k)
""")

snippet("star_args_ordering", """
    def f(*args, **kwargs):
        return args, kwargs
    print(f(*[1], 2, *[3], k=4, *[5]))
    print(f(**{"a": 1}, b=2, **{"c": 3}))
    print(f(*(), **{}), f(*"ab", *b"c"))
""")

# --------------------------------------------------------------------------
# Scoping
# --------------------------------------------------------------------------

snippet("class_scope_not_visible_in_methods", """
    x = "global"
    class C:
        x = "class"
        def m(self):
            return x
        def n(self):
            return C.x
        g = (lambda: x)()
    print(C().m(), C().n(), C.g)
""")

snippet("comprehension_in_class_body", """
    class C:
        n = 3
        ok = [i for i in range(n)]
        try:
            bad = [n for i in range(2)]
        except NameError as e:
            bad = str(e)
        gen_first = list(i * 2 for i in range(n))
    print(C.ok, C.bad, C.gen_first)
""")

snippet("nonlocal_nested", """
    def a():
        x = 0
        def b():
            def c():
                nonlocal x
                x += 1
                return x
            return c() + c()
        r = b()
        return r, x
    print(a())
    def f():
        x = 1
        class C:
            nonlocal x
            x = 2
        return x
    print(f())
""")

snippet("unbound_local_message", """
    x = 10
    def f():
        print(x)
        x = 5
    try:
        f()
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    def g():
        def inner():
            return y
        try:
            inner()
        except NameError as e:
            print(type(e).__name__, e)
        y = 1
    g()
""")

snippet("name_error_message", """
    try:
        undefined_thing
    except NameError as e:
        print(e, e.args, getattr(e, "name", None))
    def f():
        return also_undefined
    try:
        f()
    except NameError as e:
        print(e)
""")

snippet("uncaught_name_error_suggestion", """
    value = 1
    print("before")
    print(valeu)
""")

snippet("uncaught_attribute_error_suggestion", """
    class Config:
        def __init__(self):
            self.timeout = 5
    c = Config()
    print(c.timeout)
    print(c.timeuot)
""")

snippet("except_name_cleared", """
    e = "outer value"
    try:
        raise ValueError("x")
    except ValueError as e:
        print("in handler:", e)
    try:
        print(e)
    except NameError as err:
        print("NameError:", err)
""")

snippet("closure_cells_shared", """
    def make():
        count = 0
        def inc():
            nonlocal count
            count += 1
            return count
        def get():
            return count
        return inc, get
    inc, get = make()
    inc(); inc()
    print(get(), inc.__name__, get.__closure__[0].cell_contents, len(inc.__closure__))
    fns = [lambda i=i: i for i in range(3)]
    late = [lambda: i for i in range(3)]
    print([f() for f in fns], [f() for f in late])
""")

snippet("walrus_scope", """
    def f():
        [y := i for i in range(3)]
        return y
    print(f())
    total = 0
    data = [1, 2, 3]
    print([total := total + d for d in data], total)
    print([(n, sq) for n in range(6) if (sq := n * n) % 2], sq)
""")

snippet("global_and_del", """
    g = 1
    def f():
        global g
        g += 1
        del g
    f()
    print("g" in globals())
    def h():
        global newname
        newname = "created"
    h()
    print(newname)
""")

snippet("qualnames", """
    def outer():
        def inner():
            pass
        class K:
            def m(self):
                pass
        return inner, K
    inner, K = outer()
    print(outer.__qualname__, inner.__qualname__, K.__qualname__, K.m.__qualname__, (lambda: 0).__qualname__)
    print(inner.__name__, K.__name__, K.m.__name__, K.__module__)
""")

snippet("class_dunder_class_cell", """
    class A:
        def who(self):
            return __class__.__name__
        def sup(self):
            return super().__repr__ is not None
    class B(A):
        pass
    print(B().who(), B().sup())
""")

# --------------------------------------------------------------------------
# try / finally / exceptions
# --------------------------------------------------------------------------

snippet("finally_return_overrides", """
    def f():
        try:
            return 1
        finally:
            return 2
    def g():
        try:
            raise KeyError("lost")
        finally:
            return "swallowed"
    def h():
        for i in range(3):
            try:
                return i
            finally:
                if i < 2:
                    continue
        return "loop ended"
    print(f(), g(), h())
""")

snippet("finally_break_continue", """
    def f():
        out = []
        for i in range(5):
            try:
                if i == 3:
                    raise ValueError(i)
                out.append(i)
            finally:
                if i == 3:
                    break
        return out
    print(f())
    def g():
        out = []
        for i in range(4):
            try:
                out.append(i)
                if i % 2:
                    continue
                out.append("even")
            finally:
                out.append("f")
        return out
    print(g())
""")

snippet("return_value_captured_before_finally", """
    def f():
        x = [1]
        try:
            return x
        finally:
            x.append(2)
            x = "rebound"
    def g():
        n = 1
        try:
            return n
        finally:
            n = 100
    print(f(), g())
""")

snippet("nested_try_reraise", """
    def f():
        try:
            try:
                raise ValueError("inner")
            except ValueError:
                raise
            finally:
                print("inner finally")
        except ValueError as e:
            print("outer caught", e)
            raise TypeError("converted") from e
    try:
        f()
    except TypeError as e:
        print(e, "<-", repr(e.__cause__), e.__context__ is e.__cause__)
""")

snippet("exception_context_chain", """
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            {}["k"]
    except KeyError as e:
        print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
    try:
        try:
            1 / 0
        except ZeroDivisionError:
            raise ValueError("v") from None
    except ValueError as e:
        print(repr(e.__context__), e.__suppress_context__)
""")

snippet("exception_str_repr", """
    for e in [KeyError("k"), KeyError("a", "b"), KeyError(), KeyError(("t",)), ValueError(), ValueError(""),
              OSError(2, "No such file"), OSError("plain"), Exception(1, 2), StopIteration(5), SystemExit(3),
              UnicodeError("u"), IndexError(None)]:
        print(type(e).__name__, repr(str(e)), repr(e), e.args)
""")

snippet("custom_exception_attributes", """
    class AppError(Exception):
        def __init__(self, code, msg):
            super().__init__(msg)
            self.code = code
        def __str__(self):
            return f"[{self.code}] {self.args[0]}"
    try:
        raise AppError(404, "missing")
    except AppError as e:
        print(e, repr(e), e.args, e.code, isinstance(e, Exception))
""")

snippet("uncaught_empty_message", """
    print("about to fail")
    raise ValueError
""")

snippet("uncaught_keyerror_empty_string", """
    d = {}
    d[""]
""")

snippet("uncaught_custom_str", """
    class Boom(Exception):
        def __str__(self):
            return "custom message from __str__"
    raise Boom("ignored")
""")

snippet("uncaught_str_fails", """
    class Bad(Exception):
        def __str__(self):
            raise RuntimeError("nope")
    raise Bad()
""")

snippet("uncaught_in_generator", """
    def gen():
        yield 1
        raise LookupError("from generator")
    for v in gen():
        print(v)
""")

snippet("uncaught_exception_group_free_tuple_args", """
    raise RuntimeError("a", 1)
""")

snippet("raise_non_exception", """
    for thing in [5, "str", None, object]:
        try:
            raise thing
        except TypeError as e:
            print("TypeError:", e)
""")

snippet("except_tuple_and_order", """
    def classify(exc):
        try:
            raise exc
        except (KeyError, IndexError):
            return "lookup"
        except ArithmeticError as e:
            return "arith " + type(e).__name__
        except Exception:
            return "other"
    print([classify(e) for e in (KeyError(), IndexError(), ZeroDivisionError(), OverflowError(), TypeError())])
""")

snippet("recursion_error_caught", """
    def down(n):
        return down(n + 1)
    try:
        down(0)
    except RecursionError as e:
        print(type(e).__name__, str(e).startswith("maximum recursion depth exceeded"))
    def fine(n):
        return 0 if n == 0 else 1 + fine(n - 1)
    print(fine(200))
""")

snippet("assert_behaviour", """
    calls = []
    def msg():
        calls.append(1)
        return "message"
    assert True, msg()
    try:
        assert 0, msg()
    except AssertionError as e:
        print(repr(e), calls)
    try:
        assert []
    except AssertionError as e:
        print(repr(e), e.args)
    print(__debug__)
""")

# --------------------------------------------------------------------------
# Generators
# --------------------------------------------------------------------------

snippet("generator_close_semantics", """
    def g():
        try:
            yield 1
            yield 2
        finally:
            print("finally ran")
    it = g()
    print(it.close())
    it = g()
    next(it)
    print(it.close())
    print(next(it, "exhausted"))
    def stubborn():
        try:
            yield 1
        finally:
            yield 2
    s = stubborn()
    next(s)
    try:
        s.close()
    except RuntimeError as e:
        print("RuntimeError:", e)
""")

snippet("generator_throw_variants", """
    def g():
        try:
            yield 1
        except ValueError as e:
            print("caught", e)
            yield "after"
    it = g()
    next(it)
    print(it.throw(ValueError("v1")))
    try:
        it.throw(KeyError("k"))
    except KeyError as e:
        print("propagated", repr(e))
    try:
        it.throw(ValueError("dead"))
    except ValueError as e:
        print("thrown into finished generator:", e)
    fresh = g()
    try:
        fresh.throw(TypeError("unstarted"))
    except TypeError as e:
        print("unstarted:", e, next(fresh, "done"))
""")

snippet("generator_already_executing", """
    def g():
        yield me.send(None)
    me = g()
    try:
        next(me)
    except ValueError as e:
        print("ValueError:", e)
""")

snippet("generator_and_coroutine_states", """
    import asyncio, inspect
    def g():
        print("inside:", inspect.getgeneratorstate(me))
        yield 1
    me = g()
    print(inspect.getgeneratorstate(me), me.gi_suspended)
    next(me)
    print(inspect.getgeneratorstate(me), me.gi_suspended)
    list(me)
    print(inspect.getgeneratorstate(me), me.gi_suspended)
    closed = g()
    closed.close()
    print(inspect.getgeneratorstate(closed))
    async def c():
        await asyncio.sleep(0)
    co = c()
    print(inspect.getcoroutinestate(co), co.cr_suspended)
    co.send(None)
    print(inspect.getcoroutinestate(co), co.cr_suspended)
    co.close()
    print(inspect.getcoroutinestate(co))
""")

snippet("function_code_and_signature", """
    import asyncio, functools, inspect
    def f(a, /, b: int = 2, *args, c, d=4, **kw) -> str:
        x = 1
        def g():
            return a + x
        return g
    async def co():
        pass
    def gen(v):
        yield v
    for fn in (f, f(1, c=2), co, gen, lambda q=1: q):
        c = fn.__code__
        print(fn.__name__, c.co_argcount, c.co_posonlyargcount, c.co_kwonlyargcount,
              c.co_varnames, c.co_cellvars, c.co_freevars, c.co_flags, c.co_name, c.co_qualname)
    print(inspect.signature(f), inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(f),
          inspect.iscoroutinefunction(co), asyncio.iscoroutinefunction(co))
    bound = inspect.signature(f).bind(1, c=3)
    bound.apply_defaults()
    print(bound.arguments)
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*a, **k):
            return fn(*a, **k)
        return wrapper
    class K:
        @deco
        def m(self, x, *, y=1):
            pass
    print(inspect.signature(K.m), inspect.signature(K().m), inspect.signature(K.m, follow_wrapped=False))
""")

snippet("generator_finalized_by_gc_while_another_runs", """
    import gc
    def ignore_close():
        try:
            yield 1
        except GeneratorExit:
            yield "refusing"
    def make_garbage():
        g = ignore_close()
        next(g)
        try:
            g.close()
        except RuntimeError as e:
            err = e  # the generator is now in a cycle: only the collector finalizes it
    def res(name):
        try:
            for i in range(3):
                if i == 1:
                    gc.collect()
                yield i
        finally:
            print("release", name)
    make_garbage()
    g = res("B")
    print(next(g), next(g))
    del g
    print("deleted")
""")

snippet("generator_send_unstarted", """
    def g():
        x = yield 1
        print("got", x)
        yield x * 2
    it = g()
    try:
        it.send(5)
    except TypeError as e:
        print("TypeError:", e)
    print(it.send(None), it.send(21))
""")

snippet("generator_stopiteration_to_runtimeerror", """
    def g():
        yield 1
        next(iter([]))
    try:
        print(list(g()))
    except RuntimeError as e:
        print("RuntimeError:", e, type(e.__cause__).__name__)
    def h():
        return "value"
        yield
    try:
        next(h())
    except StopIteration as e:
        print("StopIteration value", e.value, e.args)
""")

snippet("yield_from_delegates_throw_close", """
    def inner():
        try:
            while True:
                try:
                    x = yield
                    print("inner got", x)
                except KeyError:
                    print("inner handled KeyError")
        finally:
            print("inner finally")
    def outer():
        r = yield from inner()
        print("never", r)
    o = outer()
    next(o)
    o.send("a")
    o.throw(KeyError)
    o.send("b")
    o.close()
    print("closed")
""")

snippet("yield_from_return_value_and_iterables", """
    def inner(n):
        for i in range(n):
            yield i
        return n * 10
    def outer():
        a = yield from inner(2)
        b = yield from inner(1)
        c = yield from [7, 8]
        return a, b, c
    g = outer()
    print(list(g))
    g = outer()
    try:
        while True:
            next(g)
    except StopIteration as e:
        print(e.value)
""")

snippet("genexpr_first_iter_eager", """
    try:
        gen = (x for x in 5)
    except TypeError as e:
        print("TypeError at creation:", e)
    def noisy():
        print("iterable built")
        return [1, 2]
    g = (x * 2 for x in noisy())
    print("generator created")
    print(list(g))
""")

snippet("generator_finally_on_exhaustion_and_break", """
    def g():
        try:
            yield from range(3)
        finally:
            print("cleanup")
    for x in g():
        print(x)
    print(sum(g()))
""")

# --------------------------------------------------------------------------
# Classes and data model
# --------------------------------------------------------------------------

snippet("hash_minus_one", """
    class A:
        def __hash__(self):
            return -1
    class B:
        def __hash__(self):
            return 2 ** 70
    print(hash(A()), hash(-1), hash(-2), hash(B()) == hash(2 ** 70), hash(True), hash(0.0) == hash(-0.0))
    class C:
        def __hash__(self):
            return "no"
    try:
        hash(C())
    except TypeError as e:
        print("TypeError:", e)
""")

snippet("eq_notimplemented_fallback", """
    class A:
        def __eq__(self, other):
            return NotImplemented
    a = A()
    print(a == a, a == A(), a != a, a != A(), a == 1, 1 == a)
    class B:
        def __eq__(self, other):
            print("B.__eq__")
            return True
    print(B() != B(), 1 == B(), B() == 1)
""")

snippet("reflected_operator_priority", """
    class A:
        def __add__(self, other):
            return "A.__add__"
        def __radd__(self, other):
            return "A.__radd__"
        def __lt__(self, other):
            return "A.__lt__"
        def __gt__(self, other):
            return "A.__gt__"
    class B(A):
        def __radd__(self, other):
            return "B.__radd__"
        def __gt__(self, other):
            return "B.__gt__"
    print(A() + B(), B() + A(), A() + A(), 1 + A(), A() < B(), B() < A(), 5 < A())
    class C:
        pass
    try:
        C() + C()
    except TypeError as e:
        print("TypeError:", e)
    try:
        C() < 1
    except TypeError as e:
        print("TypeError:", e)
""")

snippet("bool_len_protocol_errors", """
    class BadBool:
        def __bool__(self):
            return 1
    class BadLen:
        def __len__(self):
            return "3"
    class NegLen:
        def __len__(self):
            return -1
    for obj in [BadBool(), BadLen(), NegLen()]:
        try:
            print(bool(obj))
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
    class LenOnly:
        def __len__(self):
            return 0
    print(bool(LenOnly()), not LenOnly(), "yes" if LenOnly() else "no")
""")

snippet("index_protocol", """
    class I:
        def __init__(self, v):
            self.v = v
        def __index__(self):
            return self.v
    data = list(range(10))
    print(data[I(3)], data[I(1):I(8):I(2)], bin(I(5)), hex(I(255)), range(I(4)), "ab" * I(2), [0] * I(3))
    print(operator_index := __import__("operator").index(I(7)), (7).__index__())
    try:
        data[1.0]
    except TypeError as e:
        print("TypeError:", e)
""")

snippet("getitem_with_slices_and_tuples", """
    class Show:
        def __getitem__(self, key):
            return key
    s = Show()
    print(s[1], s[1:2], s[::3], s[1:2, 3], s[..., None], s[:, ::-1], s["k"], s[()])
""")

snippet("iter_fallbacks", """
    class GetItemOnly:
        def __getitem__(self, i):
            if i >= 3:
                raise IndexError
            return i * 10
    class NoIter:
        __iter__ = None
    print(list(GetItemOnly()), 20 in GetItemOnly(), 25 in GetItemOnly(), list(reversed([1, 2])))
    try:
        iter(NoIter())
    except TypeError as e:
        print("TypeError:", e)
    class Rev:
        def __len__(self):
            return 3
        def __getitem__(self, i):
            return "abc"[i]
    print(list(reversed(Rev())))
""")

snippet("init_and_new_protocol", """
    class BadInit:
        def __init__(self):
            return 5
    try:
        BadInit()
    except TypeError as e:
        print("TypeError:", e)
    class Other:
        pass
    class Weird:
        def __new__(cls):
            print("__new__")
            return Other()
        def __init__(self):
            print("__init__ (should not run)")
    print(type(Weird()).__name__)
    class Cached:
        _inst = None
        def __new__(cls, *a):
            if cls._inst is None:
                cls._inst = super().__new__(cls)
            return cls._inst
        def __init__(self, v):
            print("init", v)
            self.v = v
    a, b = Cached(1), Cached(2)
    print(a is b, a.v)
""")

snippet("str_repr_protocol_errors", """
    class S:
        def __str__(self):
            return 5
    class R:
        def __repr__(self):
            return None
    for fn in [lambda: str(S()), lambda: repr(R()), lambda: f"{S()}", lambda: print(S())]:
        try:
            fn()
        except TypeError as e:
            print("TypeError:", e)
""")

snippet("class_getitem_and_init_subclass", """
    class Box:
        def __class_getitem__(cls, item):
            return f"Box[{item.__name__}]"
        def __init_subclass__(cls, tag="none", **kw):
            super().__init_subclass__(**kw)
            cls.tag = tag
    class Sub(Box, tag="sub"):
        pass
    print(Box[int], Sub.tag, list[int], dict[str, int])
""")

snippet("slots_errors", """
    class P:
        __slots__ = ("x",)
    p = P()
    try:
        p.y = 1
    except AttributeError as e:
        print("AttributeError:", e)
    try:
        print(p.x)
    except AttributeError as e:
        print("AttributeError:", e)
    p.x = 5
    print(p.x, hasattr(p, "__dict__"))
""")

snippet("mro_conflict_message", """
    class A: pass
    class B(A): pass
    try:
        class C(A, B): pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        class D(int, str): pass
    except TypeError as e:
        print("TypeError:", e)
""")

snippet("method_binding", """
    class C:
        def m(self):
            return "m"
        @staticmethod
        def s():
            return "s"
        @classmethod
        def c(cls):
            return cls.__name__
    obj = C()
    print(type(C.m).__name__, type(obj.m).__name__, obj.m.__self__ is obj, C.m(obj), obj.s(), C.s(), obj.c(), C.c())
    f = obj.m
    print(f(), obj.m == obj.m, obj.m is obj.m, C.__dict__["s"].__class__.__name__)
    try:
        C.m()
    except TypeError as e:
        print("TypeError:", e)
""")

snippet("call_errors_methods_lambdas", """
    class A:
        def m(self, x):
            return x
    f = lambda a: a
    for fn in [lambda: A().m(1, 2), lambda: A().m(), lambda: f(1, z=2), lambda: A()(), lambda: A.m(),
               lambda: f(), lambda: (lambda *, k: k)(1), lambda: sorted([], key=1), lambda: print(end=1)]:
        try:
            fn()
        except TypeError as e:
            print("TypeError:", e)
""")

snippet("getattr_property_fallback", """
    class C:
        @property
        def broken(self):
            raise AttributeError("inner attribute missing")
        def __getattr__(self, name):
            return f"__getattr__({name})"
    c = C()
    print(c.broken, c.other, getattr(c, "x", "default"))
""")

snippet("recursive_repr", """
    l = [1]
    l.append(l)
    d = {"a": 1}
    d["self"] = d
    print(l, d, repr(l), str(d))
    t = ([],)
    t[0].append(t)
    print(t)
""")

snippet("type_three_args", """
    def init(self, v):
        self.v = v
    T = type("T", (object,), {"__init__": init, "double": lambda self: self.v * 2, "k": 1})
    t = T(21)
    print(T.__name__, T.__qualname__, t.double(), T.k, type(t) is T, T.__bases__)
    print(int.__add__(1, 2), (1).__add__(1.0), str.upper("x"), list.__len__([1, 2]), repr(NotImplemented), repr(...))
""")

snippet("dunder_conversions", """
    class N:
        def __int__(self):
            return 7
        def __float__(self):
            return 2.5
        def __complex__(self):
            return 1j
        def __index__(self):
            return 3
        def __round__(self, nd=None):
            return "rounded" if nd is None else f"rounded {nd}"
        def __abs__(self):
            return "abs"
        def __neg__(self):
            return "neg"
    n = N()
    print(int(n), float(n), complex(n), round(n), round(n, 2), abs(n), -n, [10, 20, 30, 40][n])
""")

# --------------------------------------------------------------------------
# Strings, formatting, containers
# --------------------------------------------------------------------------

snippet("fstring_edge_cases", """
    x, width, prec = 3.14159, 10, 3
    name = "Ann"
    print(f"{x!r:>10}|{name!r:^9}|{x:{width}.{prec}f}|{x=:.2f}|{name=!r:>8}|{x = }")
    print(f"{'{'}{'}'}", f"{{{x:.1f}}}", f"{3:{'>'}{5}}", f"{[1, 2][1]}", f"{ {'a': 1}['a'] }", f"{x:e}")
    print(f"{1_000_000:,}", f"{255:#010x}", f"{-42:+06d}", f"{0.000123:.2e}", f"{12:b}", f"{'x':*^5}")
""")

snippet("percent_formatting", """
    print("%.0f %.0f %.0f" % (0.5, 1.5, 2.5), "%5.1e" % 12345, "%x %X %o" % (-255, 255, -8), "%#o %#x" % (8, 255))
    print("%s %r %a" % ("é", "é", "é"), "%c%c" % (72, "i"), "%-5d|%5s|%05.1f" % (3, "ab", 2.25), "%%d")
    print("%(a)s-%(b)03d" % {"a": "x", "b": 7}, "%.3s" % "abcdef", "%*.*f" % (8, 2, 3.14159), "%i" % 3.99)
    for bad in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b")), ("%z", 1)]:
        try:
            print(bad[0] % bad[1])
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
""")

snippet("format_builtin_edges", """
    print(format(1e16, ""), format(1.0, "g"), format(1e-5, ""), format(123456789.0, ""), format(0.1, ".20f"))
    print(format(1234.5, "n"), format(-1, "x"), format(2 ** 64, "_x"), format(12.0, "%"), format(3, ".2f"))
    print(format("s", ""), format(None, ""), "{:>{w}}".format("r", w=4), "{0!r:<6}|".format("q"), "{:=+8.2f}".format(-3.14))
    try:
        format(3, "s")
    except ValueError as e:
        print("ValueError:", e)
""")

snippet("str_repr_escapes", """
    for s in ["plain", "it's", 'say "hi"', "both ' \\"", "tab\\tnew\\nline", "\\x00\\x1f\\x7f", "\\u00e9\\u4e2d",
              "\\U0001F600", "back\\\\slash", "\\r\\x0b\\x0c", "\\u200b", "\\ud800" if False else "ok"]:
        print(repr(s), ascii(s), len(s))
""")

snippet("str_methods_edges", """
    print("a,b,".split(","), " a  b ".split(" "), " a  b ".split(), "".split(","), "abc".split("abc"))
    print("abc".center(6), "abc".center(7, "*"), "+5".zfill(4), "-".join([]), "x".join("abc"), "aaa".replace("a", "b", 2))
    print("Hello World".swapcase(), "ǅungla".title(), "straße".upper(), "İ".lower().encode(), "ﬁ".upper())
    print("  x  ".strip(), "xxhixx".strip("x"), "abcba".strip("ab"), "a\\tb".expandtabs(), "A1 b2".split("1"))
    print("abc".find("c", -1), "abc".find("", 5), "abc".count(""), "aaaa".count("aa"), "abc"[::-1].upper())
    print("%s" % [1, "a"], str(["a"]), repr(("a",)), "{}".format({"k": "v"}), "é".isalpha(), "٣".isdigit())
""")

snippet("list_sort_stability", """
    data = [("b", 2), ("a", 2), ("c", 1), ("d", 1), ("e", 3)]
    print(sorted(data, key=lambda p: p[1]))
    print(sorted(data, key=lambda p: p[1], reverse=True))
    words = ["Banana", "apple", "cherry", "Apple", "banana"]
    print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
    l = [3, 1, 2]
    print(l.sort(), l, sorted(l, reverse=True), sorted("hello"), sorted({3: 1, 1: 2}))
""")

snippet("sort_errors", """
    try:
        sorted([1, "a", 2])
    except TypeError as e:
        print("TypeError:", e)
    try:
        [3, None].sort()
    except TypeError as e:
        print("TypeError:", e)
    print(sorted([{1, 2}, {1}]), sorted([(1, "b"), (1, "a")]))
""")

snippet("min_max_edges", """
    print(min([], default=None), max([3, 1], key=lambda v: -v), max("a", "b", key=str.upper), min((2, "b"), (2, "a")))
    print(max([1, 3, 3], key=lambda v: v), max([(1, "first"), (1, "second")], key=lambda p: p[0]))
    for fn in [lambda: max([]), lambda: min(), lambda: max(1), lambda: max([], [])]:
        try:
            print(fn())
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
""")

snippet("unpacking_errors", """
    for src in ["a, b = [1, 2, 3]", "a, b, c = [1]", "a, *b, c = [1]", "a, b = 1", "a, b = 'abc'", "(a, b), c = [1, 2], 3"]:
        try:
            exec(src)
            print("ok")
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
""")

snippet("slice_edges", """
    l = list(range(10))
    print(l[-10 ** 20:10 ** 20], l[::10 ** 20], l[10 ** 20:], l[::-10 ** 20], l[5:2], l[-1:-11:-3])
    m = list(range(5))
    m[5:2] = [9]
    print(m)
    m[1:1] = "ab"
    m[::-1] = list(range(len(m)))
    print(m)
    del m[::2]
    print(m, "abcdef"[-2::-2], (1, 2, 3)[::-1], range(10)[3:-3], range(10)[::-3])
""")

snippet("dict_order_and_views", """
    d = dict.fromkeys("abcde", 0)
    del d["b"]
    d["b"] = 1
    d["a"] = 2
    print(d, list(d.items())[-2:], list(reversed(d.keys())))
    k = d.keys()
    d["z"] = 9
    print(len(k), "z" in k, sorted(k - {"a"}), d.get("q", "dflt"), d.setdefault("q", []) is d["q"])
    try:
        for key in d:
            del d[key]
    except RuntimeError as e:
        print("RuntimeError:", e)
""")

snippet("zip_strict_and_map", """
    print(list(zip([1, 2], "ab", strict=True)))
    try:
        list(zip([1, 2], [1], strict=True))
    except ValueError as e:
        print("ValueError:", e)
    try:
        list(zip([1], [1, 2], strict=True))
    except ValueError as e:
        print("ValueError:", e)
    print(list(map(pow, [2, 3], [3, 2, 1])), list(zip(*[])), list(enumerate([], 5)))
""")

snippet("print_options", """
    import sys
    print("a", "b", sep=None, end=None)
    print(*[], sep="x")
    print("x", "y", sep="", end="|\\n")
    print(1, 2, 3, sep=", ", file=sys.stdout, flush=True)
    sys.stdout.write("written directly\\n")
    print("unicode: é ü 日本 🙂")
""")

snippet("input_from_stdin", """
    name = input()
    age = int(input("prompt> "))
    print(f"{name} is {age}")
    rest = []
    try:
        while True:
            rest.append(input())
    except EOFError as e:
        print("EOFError:", e, rest)
""", stdin="Ann\n42\nline three\nline four\n")

snippet("bytes_formatting", """
    print(b"%s-%d-%x" % (b"ab", 5, 255), b"%r" % "q" if False else b"%a" % "q", bytes(range(3)), b"\\x00\\xff\\n'")
    print(b"abc".hex(" "), bytearray(b"xy").upper(), b"a b".split(), b",".join([b"1", b"2"]), b"Z" < b"a")
""")

snippet("builtin_constants", """
    print(repr(...), ... is Ellipsis, repr(NotImplemented), type(None).__name__, None.__class__.__name__)
    print(type(...).__name__, str(None), repr(None), Ellipsis is ..., None is None)
""")

snippet("exec_eval_namespaces", """
    ns = {}
    exec("a = 1\\nb = a + 1\\ndef f(x):\\n    return x * b", ns)
    print(ns["a"], ns["b"], ns["f"](10), sorted(k for k in ns if not k.startswith("__")))
    print(eval("a + b", ns), eval("x * y", {}, {"x": 3, "y": 4}), eval("len('abc')"))
    def f():
        local_var = 5
        return eval("local_var * 2")
    print(f())
""")

snippet("locals_and_globals", """
    def f(a, b=2):
        c = a + b
        return sorted(locals().items())
    print(f(1))
    globals()["dynamic"] = "made via globals()"
    print(dynamic)
    print(sorted(k for k in vars() if not k.startswith("__")))
""")

snippet("mutable_default_shared", """
    def add(item, bucket=[]):
        bucket.append(item)
        return bucket
    print(add(1), add(2), add(3, []), add(4))
    print(add.__defaults__)
""")

snippet("import_inside_function", """
    def f():
        import math
        from collections import Counter as C
        return math.floor(2.7), C("aab").most_common(1)
    print(f())
    try:
        math
    except NameError as e:
        print("NameError:", e)
    import os.path
    print(os.path.basename("/a/b/c.txt"), os.path.splitext("x.tar.gz"))
""")

# --------------------------------------------------------------------------
# Program environment: stdin, files, exit builtins, source text
# --------------------------------------------------------------------------

snippet("stdin_iteration", """
    import sys
    first = sys.stdin.readline()
    print(repr(first))
    total = 0
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        nums = list(map(int, line.split()))
        total += sum(nums)
        print(len(nums), sum(nums))
    print("total", total, repr(sys.stdin.read()))
""", stdin="header line\n1 2 3\n\n10 20\n-5\n")

snippet("stdin_read_all", """
    import sys
    data = sys.stdin.read().split()
    n = int(data[0])
    values = list(map(int, data[1:1 + n]))
    print(n, values, sorted(values), sum(values) / n)
""", stdin="5\n3 1 4\n1 5\n")

snippet("files_in_cwd", """
    import os
    with open("data.txt", "w") as fh:
        fh.write("alpha\\nbeta\\n")
        print("gamma", file=fh)
    with open("data.txt") as fh:
        print(fh.readline().rstrip(), fh.read().splitlines())
    with open("data.txt", "a", encoding="utf-8") as fh:
        fh.writelines(["délta\\n"])
    with open("data.txt", encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            print(i, line.rstrip("\\n"))
    with open("data.bin", "wb") as fh:
        fh.write(bytes(range(5)))
    with open("data.bin", "rb") as fh:
        print(fh.read(), os.path.getsize("data.bin"))
    print(os.path.exists("data.txt"), sorted(f for f in os.listdir(".") if f.startswith("data")))
    os.remove("data.txt")
    print(os.path.exists("data.txt"))
    try:
        open("missing.txt")
    except FileNotFoundError as e:
        print("FileNotFoundError:", e)
""")

snippet("exit_builtin", """
    print("using the site-provided exit()")
    exit(2)
""")

snippet("quit_builtin", """
    print("quit() with no argument exits 0")
    quit()
    print("not reached")
""")

snippet("unicode_identifiers", """
    π = 3.14159
    café = "coffee"
    ﬁle = "ligature normalised"  # NFKC turns the ligature into 'fi'
    print(π, café, file, len("naïve"), "straße".upper(), "ÅÄÖ".lower())
    def grüß(名前):
        return f"hallo {名前}"
    print(grüß("世界"), sorted(["é", "e", "z", "É"]))
""")

snippet("source_layout", """
    x = 1; y = 2; z = x + \\
        y
    if z > 2: print("one-line if", z)
    for i in range(2): print("one-line for", i)
    while False: pass
    total = (1 +
             2 +
             3)
    items = [
        1,
        2,  # comment inside a display
    ]
    s = ("implicit "
         "concatenation")
    print(total, items, s)
    class C: pass
    def f(): return "one-line def"
    print(f(), C.__name__)
""")

SNIPPETS.append((
    "source_encoding_latin1",
    "# -*- coding: latin-1 -*-\ns = 'caf\xe9 \xb1 \xbd'\nprint(s, len(s), [hex(ord(c)) for c in s])\n".encode("latin-1"),
    None,
))

SNIPPETS.append((
    "source_utf8_bom",
    b"\xef\xbb\xbfprint('BOM-prefixed source', '\xc3\xa9')\n",
    None,
))

snippet("sys_attributes", """
    import sys
    print(sys.maxsize, sys.version_info[:2], sys.byteorder, sys.float_info.epsilon, sys.int_info.bits_per_digit)
    print(sys.getrecursionlimit() >= 1000, type(sys.argv).__name__, len(sys.argv), sys.stdout.encoding)
""")

snippet("chained_membership_identity", """
    a = [1, 2]
    b = [a, [3]]
    print(1 in a in b, 3 in a in b, a is a in b, None is not None is None, 2 in a not in [[9]])
""")

snippet("del_finalizer_refcount", """
    class Res:
        def __init__(self, name):
            self.name = name
            print("open", name)
        def __del__(self):
            print("close", self.name)
    r = Res("a")
    del r
    print("after del")
    r = Res("b")
    r = Res("c")
    print("after rebinding")
    def scope():
        local = Res("d")
        print("leaving scope")
    scope()
    print("after scope")
    items = [Res("e")]
    items.clear()
    print("end of program")
""")

# --------------------------------------------------------------------------
# match statements
# --------------------------------------------------------------------------

snippet("match_positional_without_match_args", """
    class P:
        def __init__(self):
            self.x = 1
    match P():
        case P(x=1):
            print("keyword pattern ok")
    try:
        match P():
            case P(1):
                pass
    except TypeError as e:
        print("TypeError:", e)
""")

snippet("match_str_not_sequence", """
    for subject in ["ab", b"ab", bytearray(b"ab"), ["a", "b"], ("a", "b"), range(2), iter([1])]:
        match subject:
            case [x, y]:
                print(type(subject).__name__, "sequence", x, y)
            case _:
                print(type(subject).__name__, "not a sequence")
""")

snippet("match_mapping_and_guard_walrus", """
    def f(d):
        match d:
            case {"n": int(n)} if (doubled := n * 2) > 5:
                return f"big {doubled}"
            case {"n": n, **rest}:
                return f"small {n} rest={rest}"
            case _:
                return "other"
    print(f({"n": 5}), f({"n": 1, "extra": 2}), f({}), f([1]))
""")

snippet("match_value_and_or_patterns", """
    import enum
    class C(enum.IntEnum):
        A = 1
        B = 2
    for v in [1, 2, 3, True, 1.0, "1"]:
        match v:
            case C.A:
                print(repr(v), "-> C.A")
            case C.B | 3:
                print(repr(v), "-> C.B or 3")
            case _:
                print(repr(v), "-> nothing")
""")

# --------------------------------------------------------------------------
# Compile-time errors (SyntaxError reported by the compiler, not the parser)
# --------------------------------------------------------------------------

snippet("syntax_return_outside_function", """
    print("never runs")
    return 5
""")

snippet("syntax_break_outside_loop", """
    if True:
        break
""")

snippet("syntax_nonlocal_module_level", """
    print("never runs")
    nonlocal x
""")

snippet("syntax_nonlocal_no_binding", """
    def f():
        nonlocal undefined_here
        return 1
""")

snippet("syntax_used_before_global", """
    counter = 0
    def f():
        print(counter)
        global counter
""")

snippet("syntax_yield_outside_function", """
    x = yield 5
""")

snippet("syntax_star_after_double_star", """
    def f(*a, **k):
        pass
    f(**{}, *[])
""")

snippet("syntax_duplicate_argument", """
    def f(a, a):
        pass
""")

snippet("syntax_continue_in_finally_ok", """
    for i in range(2):
        try:
            pass
        finally:
            continue
    print("continue in finally is legal in 3.8+")
""")

# --------------------------------------------------------------------------
# Exit status
# --------------------------------------------------------------------------

snippet("exit_none", """
    import sys
    print("bye")
    sys.exit(None)
""")

snippet("exit_true", """
    import sys
    sys.exit(True)
""")

snippet("exit_256", """
    import sys
    sys.exit(256)
""")

snippet("exit_minus_one", """
    raise SystemExit(-1)
""")

snippet("exit_list", """
    import sys
    sys.exit([1, 2])
""")

snippet("exit_from_finally_overrides", """
    import sys
    try:
        raise ValueError("original")
    finally:
        sys.exit(4)
""")

snippet("exit_keyboard_interrupt_caught", """
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        print("caught KeyboardInterrupt")
    raise SystemExit("final message")
""")


def _cases():
    for options in MODES:
        for name, src, stdin in SNIPPETS:
            test_id = name if not options else f"{name}-{mode_id(options)}"
            yield pytest.param(src, stdin, options, id=test_id)


@pytest.mark.parametrize("src, stdin, options", list(_cases()))
def test_snippet(src, stdin, options):
    check_source(src, options=options, stdin=stdin)


def test_snippet_count_and_unique_names():
    names = [name for name, _, _ in SNIPPETS]
    assert len(names) == len(set(names)), "duplicate snippet names"
    assert len(SNIPPETS) >= 80
