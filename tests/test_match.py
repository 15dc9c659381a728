"""Differential tests of the `match` statement (PEP 634): each snippet must behave exactly as
under CPython 3.11 (same stdout, exit status and last stderr line).

The snippets run in parallel (one CPython and one jitvm subprocess each) the first time any of
them is asked for; each test then just compares its pair of results.
"""

from __future__ import annotations

import os
import tempfile
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from difftest import compare, program_files, run_cpython, run_jitvm

SNIPPETS: dict[str, str] = {}


def snippet(name: str, src: str):
    SNIPPETS[name] = textwrap.dedent(src).lstrip("\n")


# -- literal, capture, wildcard and value patterns ---------------------------------------------

snippet("literals", """
    def f(v):
        match v:
            case 0:
                return "zero"
            case -1:
                return "minus one"
            case 2.5:
                return "two and a half"
            case 1+2j:
                return "complex"
            case -3-4j:
                return "negative complex"
            case "hello" "world":
                return "helloworld"
            case b"raw":
                return "bytes"
            case _:
                return "other"
    for v in [0, 0.0, -1, 2.5, 1+2j, -3-4j, "helloworld", b"raw", "raw", [], -0.0, 0j]:
        print(repr(v), f(v))
""")

snippet("singletons_use_is", """
    def f(v):
        match v:
            case None:
                return "None"
            case True:
                return "True"
            case False:
                return "False"
            case 1:
                return "one"
            case 0:
                return "zero"
        return "fell through"
    for v in [None, True, False, 1, 0, 1.0, 0.0, "", []]:
        print(repr(v), f(v))
""")

snippet("capture_and_binding_after_match", """
    x = "before"
    match 42:
        case 1:
            print("no")
        case x:
            print("captured", x)
    print("after", x)
    y = "unchanged"
    match 5:
        case 1 | 2:
            y = "changed"
    print(y)
    match (1, 2):
        case (a, b):
            pass
    print(a + b)
    match "s":
        case _:
            print("wildcard")
    print("_" in globals())
""")

snippet("value_patterns", """
    import math
    from enum import Enum, auto

    class Color(Enum):
        RED = auto()
        GREEN = auto()
        BLUE = auto()

    class Consts:
        LIMIT = 10
        class Inner:
            NAME = "inner"

    def name(c):
        match c:
            case Color.RED:
                return "red"
            case Color.GREEN | Color.BLUE:
                return "green or blue"
            case math.pi:
                return "pi"
            case Consts.LIMIT:
                return "limit"
            case Consts.Inner.NAME:
                return "inner name"
            case _:
                return "unknown"
    for c in [Color.RED, Color.GREEN, Color.BLUE, math.pi, 10, 10.0, "inner", 3]:
        print(c, name(c))
""")

snippet("eq_order_and_truthiness", """
    class Weird:
        def __eq__(self, other):
            print("Weird.__eq__", other)
            return Truthy(other == 2)
        __hash__ = None

    class Truthy:
        def __init__(self, v):
            self.v = v
        def __bool__(self):
            print("bool ->", self.v)
            return self.v

    for v in [Weird()]:
        match v:
            case 1:
                print("one")
            case 2:
                print("two")

    class Rev:
        def __eq__(self, other):
            print("Rev.__eq__ called with", type(other).__name__)
            return NotImplemented
    match 3:
        case 4:
            print("no")
        case _:
            print("done")
""")

# -- sequence patterns ---------------------------------------------------------------------------

snippet("sequence_basic", """
    import array
    from collections import deque

    def f(v):
        match v:
            case []:
                return "empty"
            case [x]:
                return f"one {x}"
            case [x, y]:
                return f"two {x} {y}"
            case (x, y, z):
                return f"three {x} {y} {z}"
            case [_, _, _, _]:
                return "four"
            case _:
                return "not matched"
    for v in [[], [1], (1, 2), [1, 2, 3], range(4), deque([5, 6]), array.array("i", [7]),
              "ab", b"ab", bytearray(b"ab"), {1: 2}, {1, 2}, memoryview(b"xy"), [1] * 5, 12]:
        print(type(v).__name__, f(v))
""")

snippet("sequence_star", """
    def f(v):
        match v:
            case [first, *middle, last]:
                return ("fml", first, middle, last)
            case [*only]:
                return ("only", only)
    for v in [[1], [1, 2], (1, 2, 3, 4), range(3), []]:
        print(f(v))

    def g(v):
        match v:
            case [1, *_]:
                return "starts with 1"
            case [*_, 9]:
                return "ends with 9"
            case [a, *_, b, c]:
                return ("a..bc", a, b, c)
            case [*_]:
                return "any sequence"
            case _:
                return "not a sequence"
    for v in [[1, 5], (0, 9), [4, 5, 6, 7, 8], [0, 1], [], "19"]:
        print(g(v))

    match (1, 2, 3):
        case (*head, tail):
            print(type(head).__name__, head, tail)
""")

snippet("sequence_custom_abc", """
    import collections.abc

    class Seq(collections.abc.Sequence):
        def __init__(self, *items):
            self.items = items
        def __len__(self):
            print("len")
            return len(self.items)
        def __getitem__(self, i):
            print("getitem", i)
            return self.items[i]

    match Seq(1, 2, 3):
        case [a, *_, b]:
            print("subscript path", a, b)
    match Seq(1, 2, 3):
        case [a, *rest]:
            print("unpack path", a, rest)
    match Seq(1, 2):
        case [a, b]:
            print("exact", a, b)

    class Registered:
        def __len__(self):
            return 2
        def __getitem__(self, i):
            if i >= 2:
                raise IndexError(i)
            return i * 10
    collections.abc.Sequence.register(Registered)
    match Registered():
        case [x, y]:
            print("registered", x, y)

    class NotRegistered(Registered):
        pass
    class Plain:
        def __len__(self):
            return 2
        def __getitem__(self, i):
            return i
    for v in [NotRegistered(), Plain()]:
        match v:
            case [x, y]:
                print("sequence", type(v).__name__)
            case _:
                print("not a sequence", type(v).__name__)
""")

snippet("sequence_nested", """
    def walk(tree):
        match tree:
            case [("leaf", value)]:
                return f"single leaf {value}"
            case [("node", [left, right]), *more]:
                return f"node {walk([left])} / {walk([right])} +{len(more)}"
            case [("leaf", v), ("leaf", w)]:
                return f"leaves {v} {w}"
            case [x]:
                return f"single {x!r}"
            case _:
                return "?"
    print(walk([("leaf", 1)]))
    print(walk([("leaf", 1), ("leaf", 2)]))
    print(walk([("node", [("leaf", 3), ("leaf", 4)]), 0, 0]))
    print(walk([[1, 2]]))
""")

# -- mapping patterns ----------------------------------------------------------------------------

snippet("mapping_basic", """
    from collections import OrderedDict, defaultdict
    from types import MappingProxyType

    def f(v):
        match v:
            case {"type": "point", "x": x, "y": y}:
                return f"point {x},{y}"
            case {"type": "circle", "r": r, **rest}:
                return f"circle {r} {rest}"
            case {1: one, 2: _} if False:
                return "unreachable"
            case {}:
                return f"some mapping {len(v)}"
            case _:
                return "not a mapping"
    print(f({"type": "point", "x": 1, "y": 2, "extra": 0}))
    print(f({"type": "circle", "r": 5, "color": "red", "z": 1}))
    print(f({"type": "point", "x": 1}))
    print(f(OrderedDict(type="circle", r=1)))
    print(f(MappingProxyType({"type": "circle", "r": 2})))
    print(f([("type", "point")]))
    d = defaultdict(list)
    print(f(d), dict(d))
    match {"a": 1}:
        case {**rest}:
            print("rest copy", rest, rest is not None)
""")

snippet("mapping_get_protocol", """
    import collections.abc

    class Logged(dict):
        def get(self, key, default=None):
            print("get", key)
            return super().get(key, default)
        def __getitem__(self, key):
            print("getitem", key)
            return super().__getitem__(key)

    match Logged(a=1, b=2, c=3):
        case {"a": 1, "z": _}:
            print("no")
        case {"b": b, **rest}:
            print("b", b, sorted(rest.items()))

    class M(collections.abc.Mapping):
        def __init__(self, d):
            self.d = d
        def __getitem__(self, k):
            print("M getitem", k)
            return self.d[k]
        def __len__(self):
            return len(self.d)
        def __iter__(self):
            return iter(self.d)
    match M({"x": 1, "y": 2}):
        case {"x": x, **others}:
            print("x", x, others)
""")

snippet("mapping_value_keys", """
    class Keys:
        A = "a"
        B = "b"
        ONE = 1
        TRUE = True

    match {"a": 1, "b": 2}:
        case {Keys.A: 1, Keys.B: v}:
            print("value keys", v)
    try:
        match {1: "x", 2: "y"}:
            case {Keys.ONE: _, Keys.TRUE: _}:
                print("no")
    except ValueError as e:
        print("ValueError", e)
    match {1: "x"}:
        case {Keys.ONE: _, Keys.TRUE: _}:
            print("length check first")
        case _:
            print("too short, keys never compared")
""")

snippet("mapping_unhashable_key_error", """
    class K:
        L = []
    match {1: 2}:
        case {K.L: 1}:
            print("no")
""")

# -- class patterns ------------------------------------------------------------------------------

snippet("class_match_args_dataclass", """
    from dataclasses import dataclass

    @dataclass
    class Point:
        x: int
        y: int

    @dataclass
    class Line:
        start: Point
        end: Point

    def f(v):
        match v:
            case Point(0, 0):
                return "origin"
            case Point(0, y):
                return f"on y axis at {y}"
            case Point(x=0) | Point(y=0):
                return "impossible"
            case Point(x, y=0):
                return f"on x axis at {x}"
            case Line(Point(x1, y1), Point(x2, y2)) if x1 == x2:
                return f"vertical line at x={x1}"
            case Line(start=Point(x=x0), end=p):
                return f"line from x={x0} to {p}"
            case Point():
                return f"point {v}"
            case _:
                return "other"
    for v in [Point(0, 0), Point(0, 3), Point(4, 0), Point(1, 1), Line(Point(1, 2), Point(1, 5)),
              Line(Point(0, 1), Point(3, 3)), (0, 0)]:
        print(f(v))
    print(Point.__match_args__)
""")

snippet("class_keyword_attributes", """
    class Obj:
        def __init__(self, **kw):
            self.__dict__.update(kw)

    def f(o):
        match o:
            case Obj(kind="a", value=v):
                return f"a {v}"
            case Obj(kind="b"):
                return "b without caring about value"
            case Obj(missing=_):
                return "has missing"
            case Obj():
                return "plain obj"
    print(f(Obj(kind="a", value=1)))
    print(f(Obj(kind="b")))
    print(f(Obj(kind="a")))
    print(f(Obj(missing=None)))
    print(f(Obj()))

    class Prop:
        @property
        def p(self):
            raise AttributeError("nope")
        @property
        def q(self):
            print("q read")
            return 1
    match Prop():
        case Prop(q=1, p=_):
            print("no")
        case Prop(q=q):
            print("q =", q)
""")

snippet("class_attribute_order", """
    class Loud:
        __match_args__ = ("a", "b")
        def __getattr__(self, name):
            print("getattr", name)
            if name == "missing":
                raise AttributeError(name)
            return name.upper()

    match Loud():
        case Loud("X", c=_):
            print("no")
        case Loud(a, b, c=c):
            print(a, b, c)
    match Loud():
        case Loud(x="X", missing=_, y=_):
            print("no")
        case _:
            print("stopped at missing")
""")

snippet("class_match_self_builtins", """
    from collections import OrderedDict

    def kind(v):
        match v:
            case bool(b):
                return f"bool {b}"
            case int(i):
                return f"int {i}"
            case float(f) | complex(real=f):
                return f"number {f}"
            case str(s):
                return f"str {s!r}"
            case bytes(b) | bytearray(b):
                return f"binary {b!r}"
            case list([first, *_]):
                return f"list starting {first}"
            case tuple(t):
                return f"tuple {t}"
            case dict({"k": k}):
                return f"dict with k={k}"
            case set(s) | frozenset(s):
                return f"set of {len(s)}"
            case _:
                return "other"
    for v in [True, 3, 2.5, 1j, "hi", b"b", bytearray(b"ba"), [9, 8], [], (1,), {"k": 0},
              OrderedDict(k=1), {1}, frozenset(), None]:
        print(kind(v))

    class MyInt(int):
        pass
    class MyStr(str):
        __match_args__ = ("upper_name",)
        upper_name = "CLASS ATTR"
    match MyInt(5):
        case int(n):
            print("subclass of int matches itself", n, type(n).__name__)
    match MyStr("x"):
        case MyStr(u):
            print("own __match_args__", u)
""")

snippet("class_isinstance_and_abc", """
    import collections.abc
    import numbers

    def f(v):
        match v:
            case collections.abc.Sized(__len__=l) if not isinstance(v, str):
                return f"sized {l()}"
            case numbers.Integral():
                return "integral"
            case numbers.Real(real=r):
                return f"real {r}"
            case _:
                return "other"
    for v in [[1, 2], "abc", 4, 2.5, None]:
        print(f(v))

    class Meta(type):
        def __instancecheck__(cls, obj):
            print("instancecheck", obj)
            return obj == 7
    class Seven(metaclass=Meta):
        pass
    for v in [6, 7]:
        match v:
            case Seven():
                print(v, "is a Seven")
            case _:
                print(v, "is not")
""")

snippet("class_error_not_a_type", """
    f = len
    match 1:
        case f():
            print("no")
""")

snippet("class_error_too_many_positional", """
    class P:
        __match_args__ = ("x", "y")
        x = y = 0
    match P():
        case P(1, 2, 3):
            print("no")
""")

snippet("class_error_no_match_args", """
    class P:
        pass
    try:
        match P():
            case P(1):
                print("no")
    except TypeError as e:
        print("TypeError:", e)
    try:
        match 1:
            case int(1, 2):
                print("no")
    except TypeError as e:
        print("TypeError:", e)
    from collections import OrderedDict
    match OrderedDict():
        case OrderedDict(a, b):
            print("no")
""")

snippet("class_error_match_args_not_tuple", """
    class P:
        __match_args__ = ["x"]
        x = 1
    match P():
        case P(x):
            print("no")
""")

snippet("class_error_match_args_elements", """
    class P:
        __match_args__ = ("x", 2)
        x = 1
    match P():
        case P(a, b):
            print("no")
""")

snippet("class_error_duplicate_attribute", """
    class P:
        __match_args__ = ("x",)
        x = 1
    match P():
        case P(1, x=1):
            print("no")
""")

snippet("class_not_instance_skips_checks", """
    class P:
        __match_args__ = ["bad"]
    match 5:
        case P(1, 2, 3):
            print("no")
        case _:
            print("isinstance fails first, no error")
""")

# -- or, as, guards --------------------------------------------------------------------------------

snippet("or_patterns_binding_order", """
    def f(v):
        match v:
            case (x, 1) | (1, x):
                return ("one and", x)
            case [a, b] | {"a": a, "b": b}:
                return ("a b", a, b)
            case {"first": y, "second": x} | (x, y, _):
                return ("x y", x, y)
            case int() | str():
                return "int or str"
        return None
    for v in [(5, 1), (1, 6), [2, 3], {"a": 7, "b": 8}, {"first": 1, "second": 2}, (3, 4, 5),
              9, "s", 1.5]:
        print(f(v))
""")

snippet("as_patterns", """
    def f(v):
        match v:
            case [int() as a, (str() | bytes()) as b] as whole:
                return ("typed", a, b, whole)
            case (1 | 2 | 3) as small:
                return ("small", small)
            case {"k": [_, *_] as items}:
                return ("items", items)
            case (x as y) if x is y:
                return ("same", x)
    for v in [[1, "a"], (2, b"b"), 2, {"k": [1, 2]}, {"k": []}, "z"]:
        print(f(v))
""")

snippet("guards", """
    log = []
    def check(name, result):
        log.append(name)
        return result

    def f(v):
        match v:
            case [x, y] if check("guard1", x > y):
                return "descending"
            case [x, y] if (s := x + y) > 10:
                return f"big sum {s}"
            case [x, _] if check("guard3", False):
                return "never"
            case [x, y]:
                return f"x={x} y={y}"
            case n if n == 0:
                return "zero"
            case _ if check("last guard", v == "z"):
                return "z"
        return "no case"
    for v in [[3, 1], [5, 9], [1, 2], 0, "z", "q"]:
        print(f(v), log)
        log.clear()

    match [1, 2]:
        case [a, b] if a > b:
            pass
    print("bound by failed guard:", a, b)
""")

# -- control flow ---------------------------------------------------------------------------------

snippet("loops_break_continue", """
    commands = ["add 1", "add 2", "skip", "mul 10", "bad", "add 5", "stop", "add 100"]
    total = 0
    for line in commands:
        match line.split():
            case ["add", n]:
                total += int(n)
            case ["mul", n]:
                total *= int(n)
            case ["skip"]:
                continue
            case ["stop"]:
                break
            case _:
                print("unknown", line)
                continue
        print("total now", total)
    else:
        print("no stop")
    print("final", total)

    i = 0
    while True:
        i += 1
        match i % 3, i:
            case (0, n) if n > 6:
                print("break at", n)
                break
            case (0, _):
                continue
            case (r, n):
                print("rem", r, "at", n)
""")

snippet("functions_return_and_generators", """
    def classify(seq):
        for item in seq:
            match item:
                case int(n) if n < 0:
                    return f"first negative {n}"
                case str():
                    return "found a string"
        return "nothing"
    print(classify([1, 2, -3, 4]))
    print(classify([1, "a"]))
    print(classify([]))

    def gen(items):
        for item in items:
            match item:
                case (k, v):
                    yield f"{k}={v}"
                case [*parts]:
                    yield from parts
                case other:
                    yield repr(other)
    print(list(gen([("a", 1), [2, 3], "s"])))

    def in_try(v):
        try:
            match v:
                case 0:
                    return "zero"
                case [x]:
                    return 1 / x
        finally:
            print("finally for", v)
        return "end"
    print(in_try(0))
    print(in_try([4]))
    print(in_try("q"))
    try:
        in_try([0])
    except ZeroDivisionError as e:
        print("caught", e)
""")

snippet("nested_match_and_scopes", """
    def outer(v):
        found = None
        def inner():
            nonlocal found
            match v:
                case {"deep": [*_, {"value": found}]}:
                    pass
        inner()
        return found
    print(outer({"deep": [1, 2, {"value": "x"}]}))
    print(outer({}))

    g = None
    def setg(v):
        global g
        match v:
            case [g, *_]:
                pass
    setg([5, 6])
    print(g)

    class C:
        match (1, 2):
            case (__private, other):
                pass
        def get(self):
            return self.__private
    print(C().get(), C.other, hasattr(C, "_C__private"))

    def nested(a, b):
        match a:
            case int():
                match b:
                    case int():
                        return "both ints"
                    case _:
                        return "a int"
            case _:
                return "a not int"
    print(nested(1, 2), nested(1, "x"), nested("x", 1))

    print([(lambda v: [r for r in [v]])(i) for i in range(2)])
""")

snippet("subject_evaluated_once", """
    calls = 0
    def subject():
        global calls
        calls += 1
        return [1, 2]
    match subject():
        case [3, _]:
            pass
        case (1, x) if x == 3:
            pass
        case [a, b]:
            print("matched", a, b)
    print("calls", calls)
""")

snippet("lazy_value_evaluation", """
    class Meta(type):
        def __getattr__(cls, name):
            print("lookup", name)
            return len(name)
    class K(metaclass=Meta):
        pass

    class Noisy:
        def __init__(self, v):
            self.v = v
        def __eq__(self, other):
            print("eq", self.v, other)
            return self.v == other
        @property
        def prop(self):
            print("prop read")
            return self.v

    for subject in [Noisy(3), [Noisy(1), Noisy(2)], 5, {"a": 1, 4: 2}, "x"]:
        match subject:
            case [K.ab, K.abc] | [K.a, K.abcd]:
                print("case 1")
            case Noisy(prop=K.abc):
                print("case 2")
            case {"a": K.x, K.abcd: y}:
                print("case 3", y)
            case K.abcde:
                print("case 4")
            case _:
                print("no match")

    match 1:
        case [Undefined.x]:
            print("never")
        case {"k": Undefined.y}:
            print("never")
        case int() | Undefined():
            print("an unreachable alternative is never evaluated")
""")

snippet("lazy_value_name_error", """
    match [1]:
        case [Undefined.x]:
            print("never")
""")

snippet("exception_inside_eq", """
    class Bad:
        def __eq__(self, other):
            raise RuntimeError(f"cannot compare with {other!r}")
    try:
        match Bad():
            case 1:
                pass
    except RuntimeError as e:
        print("caught", e)
    class K:
        V = 5
    class Stop:
        def __eq__(self, other):
            raise StopIteration("from __eq__")
    for pattern_kind in range(2):
        try:
            match [Stop()]:
                case [K.V] if pattern_kind == 0:
                    pass
                case [1]:
                    pass
        except StopIteration as e:
            print("StopIteration", e)
    match [Bad()]:
        case [K.V]:
            pass
""")

snippet("unpack_inconsistent_length", """
    import collections.abc
    class Liar(collections.abc.Sequence):
        def __len__(self):
            return 3
        def __getitem__(self, i):
            if i >= 2:
                raise IndexError(i)
            return i
    match Liar():
        case [a, b, c]:
            print("no")
""")

snippet("mapping_rest_not_mapping", """
    import collections.abc
    class NoKeys:
        def __len__(self):
            return 1
        def get(self, key, default=None):
            return 1
        def __getitem__(self, key):
            return 1
    collections.abc.Mapping.register(NoKeys)
    match NoKeys():
        case {"a": 1}:
            print("keys matched without a keys() method")
    match NoKeys():
        case {"a": 1, **rest}:
            print("no")
""")

# -- compile-time errors ----------------------------------------------------------------------

# Each is one `case` line (plus the cases after it, separated by "/"), in `match x:`.
for _name, _cases in {
    "syntax_irrefutable_capture": "y / 1",
    "syntax_irrefutable_wildcard": "_ / 1",
    "syntax_irrefutable_in_or": "1 | y | 2",
    "syntax_irrefutable_as": "(_ as y) / 2",
    "syntax_or_different_names": "[a, 1] | [1, b]",
    "syntax_duplicate_capture": "[a, {'k': a}]",
    "syntax_duplicate_rest": "{'a': r, **r}",
    "syntax_duplicate_key": "{1: a, True: b}",
    "syntax_duplicate_key_folded": "{-1: a, -1: b}",
    "syntax_duplicate_key_str": "{'a': 1, 'a': 2}",
    "syntax_multiple_stars": "[*a, 1, *b]",
    "syntax_repeated_attribute": "C(a=1, b=2, a=3)",
    "syntax_debug_capture": "[__debug__]",
    "syntax_debug_attribute": "C(__debug__=1)",
    "syntax_or_duplicate_outer": "[a, (1 as a) | (2 as a)]",
}.items():
    _src = "match x:\n" + "".join(f"    case {c.strip()}:\n        pass\n"
                                    for c in _cases.split(" / "))
    SNIPPETS[_name] = 'print("must not run")\n' + _src

snippet("syntax_error_order_in_pattern", """
    print("must not run")
    match x:
        case 1:
            pass
        case [a, (b | b) as a]:
            pass
""")

snippet("irrefutable_allowed_with_guard", """
    for v in [1, 2, 3]:
        match v:
            case x if x == 1:
                print("one")
            case _ if v == 2:
                print("two")
            case 1 | 2:
                print("one or two")
            case other:
                print("other", other)
""")


# -- the harness -----------------------------------------------------------------------------

_RESULTS: dict[str, tuple] = {}
PROGRAMS = [p for p in program_files() if p.name.startswith("match_")]


def _run_pair(name: str):
    if name.endswith(".py"):  # a program of tests/programs
        path = Path(__file__).resolve().parent / "programs" / name
        return run_cpython(path, timeout=60), run_jitvm(path, timeout=60)
    with tempfile.TemporaryDirectory(prefix="jitvm_match_") as tmp:
        path = Path(tmp) / "snippet.py"
        path.write_text(SNIPPETS[name], encoding="utf-8")
        return run_cpython(path, timeout=60), run_jitvm(path, timeout=60)


def _results() -> dict[str, tuple]:
    if not _RESULTS:
        names = list(SNIPPETS) + [p.name for p in PROGRAMS]
        with ThreadPoolExecutor(max_workers=max(2, min(8, os.cpu_count() or 2))) as pool:
            for name, pair in zip(names, pool.map(_run_pair, names)):
                _RESULTS[name] = pair
    return _RESULTS


def _check(name: str, source: str):
    expected, actual = _results()[name]
    assert expected.returncode != -999, expected.stderr
    problems = compare(expected, actual, name)
    if problems:
        numbered = "\n".join(f"{i:4}  {line}" for i, line in enumerate(source.splitlines(), 1))
        pytest.fail("\n".join(problems) + "\n--- source ---\n" + numbered, pytrace=False)


@pytest.mark.parametrize("name", list(SNIPPETS))
def test_snippet(name):
    _check(name, SNIPPETS[name])


@pytest.mark.parametrize("path", PROGRAMS, ids=lambda p: p.name)
def test_match_program(path):
    _check(path.name, path.read_text(encoding="utf-8"))


def test_syntax_errors_are_syntax_errors():
    """The compile-time checks really fail under CPython too (the snippets stay honest)."""
    for name, src in SNIPPETS.items():
        if name.startswith("syntax_"):
            with pytest.raises(SyntaxError):
                compile(src, name, "exec")


def test_descriptors_are_marshal_safe():
    import marshal

    from jitvm.compiler import compile_source
    from jitvm.opcodes import Op

    src = "\n".join(SNIPPETS[name] for name in ("sequence_star", "mapping_basic",
                                                "class_match_args_dataclass", "as_patterns",
                                                "or_patterns_binding_order", "literals"))
    code = compile_source(src, "<test>")
    descriptors = []
    for c in code.walk():
        for op, arg in c.instructions:
            if op == Op.MATCH_PATTERN:
                descriptors.append(c.consts[arg])
    assert descriptors
    for d in descriptors:
        assert marshal.loads(marshal.dumps(d)) == d
