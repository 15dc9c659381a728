"""Objects of ordinary classes made and filled in native code: `self.x = x` adding an
attribute to the object's values array as CPython 3.11's STORE_ATTR_INSTANCE_VALUE does
(lower_calls.op_setattr_cached), and the fallbacks whenever that would not be what
PyObject_SetAttr does.

Every program runs under CPython, under jitvm with --no-jit and at several JIT thresholds
(test_jit.run), and must print the same: the values, `vars(obj)` (whose order is the values'
insertion order), reference counts and when objects die.
"""

from __future__ import annotations

import tempfile
import textwrap
from pathlib import Path

from difftest import check_source, run_jitvm
from test_jit import MID_RUN, run

THRESHOLDS = MID_RUN + ("1000",)


def same(src: str, compiled=()) -> None:
    check_source(src, options=("--no-jit",))
    run(src, thresholds=THRESHOLDS, compiled=compiled, compiled_upto=5)


def _dumped_ir(src: str) -> str:
    with tempfile.TemporaryDirectory(prefix="jitvm_attrs_") as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(textwrap.dedent(src), encoding="utf-8")
        result = run_jitvm(path, options=("--dump-jit-ir", "--jit-threshold", "100"))
        assert result.returncode == 0, result.stderr
        return result.stderr


def test_the_fast_paths_are_in_the_code_made():
    ir = _dumped_ir("""
    class Vec:
        def __init__(self, x, y):
            self.x = x
            self.y = y
        def add(self, o):
            return Vec(self.x + o.x, self.y + o.y)
    class Pair:
        __slots__ = ("a", "b")
        def __init__(self, a):
            self.a = a
            self.b = a
    def run(n):
        v, w = Vec(0.0, 1.0), Vec(0.5, 0.5)
        p = Pair(1)
        for i in range(n):
            v = v.add(w)
            p.b = p.a + i
        return v.x, p.b
    print(run(3000))
    """)
    assert "setattr.cached %" in ir and ", x, %" in ir  # __init__'s new attributes
    assert "load_method %" in ir and "add, add, Vec, None, 2" in ir  # no lookup needed
    assert "guard_constructor Vec, __init__" in ir
    assert "getattr.slot %" in ir and "setattr.slot %" in ir


def test_new_attributes_in_either_order_keep_cpythons_insertion_order():
    same("""
    class A:
        def __init__(self, x, y, first):
            if first:
                self.x = x
                self.y = y
            else:
                self.y = y
                self.x = x
            self.z = x + y
    def make(n):
        out = []
        for i in range(n):
            a = A(i, i * 0.5, i % 3 == 0)
            if i % 400 == 0:
                out.append(list(a.__dict__.items()))
                delattr(a, "x")
                a.x = -1
                out.append(list(a.__dict__))
        return out, a.x, a.y, a.z
    print(make(3000))
    """, compiled=("make",))


def test_deleting_and_adding_again_many_times_on_one_object():
    same("""
    class P:
        def __init__(self):
            self.a = 0
            self.b = 1
    def churn(p, n):
        t = 0
        for i in range(n):
            delattr(p, "a")
            p.a = i
            if i % 2:
                delattr(p, "b")
                p.b = -i
            t += p.a + p.b
        return t, list(p.__dict__.items())
    print(churn(P(), 5000))
    """, compiled=("churn",))


def test_adding_attributes_when_the_class_or_the_object_changes():
    same("""
    log = []
    class P:
        def __init__(self, x):
            self.x = x
            self.y = x * 2
    class Q(P):
        pass
    def make(n):
        out = []
        for i in range(n):
            if i == 300:
                P.y = 5                            # a plain class attribute: still stored
            if i == 600:
                P.y = property(lambda s: 1, lambda s, v: log.append(v))   # a setter now
            if i == 900:
                del P.y
            if i == 1200:
                P.__setattr__ = lambda s, n, v: (log.append(n), object.__setattr__(s, n, v))
            if i == 1500:
                del P.__setattr__
            p = (Q if i % 7 == 0 else P)(i)
            out.append((type(p).__name__, list(p.__dict__.items())))
        return out[::97], len(log), log[-3:]
    print(make(2000))
    """)


def test_objects_whose_values_became_a_dict_before_the_attribute_is_added():
    same("""
    class P:
        def __init__(self, x, peek):
            if peek:
                d = vars(self)                     # the values array becomes a dict
                d["early"] = 1
            self.x = x
            self.y = -x
    def make(n):
        ps = [P(i, i % 5 == 0) for i in range(n)]
        return [list(vars(p).items()) for p in ps[:12]], sum(p.x + p.y for p in ps)
    print(make(3000))
    """)


def test_more_attributes_than_shared_keys_hold():
    fields = "\n".join(f"            self.a{i} = k + {i}" for i in range(40))
    same(f"""
    class Wide:
        def __init__(self, k):
{fields}
    def make(n):
        t = 0
        for k in range(n):
            w = Wide(k)
            t += w.a0 + w.a29 + w.a39
        return t, list(vars(w))[-3:], len(vars(w))
    print(make(2000))
    """)


def test_classes_with_slots_or_their_own_dict_handling():
    same("""
    class S:
        __slots__ = ("x", "y")
        def __init__(self, x):
            self.x = x
            self.y = x + 1
    class D(dict):
        def __init__(self, x):
            self.x = x
    def make(n):
        t = 0
        for i in range(n):
            s = S(i)
            d = D(i)
            t += s.x + s.y + d.x
        return t
    print(make(3000))
    """)


def test_reference_counts_and_lifetimes_of_stored_values():
    same("""
    import sys, weakref
    class Box:
        def __init__(self, item, other):
            self.item = item
            self.other = other
    class Item:
        pass
    def make(item, n):
        last = None
        for i in range(n):
            last = Box(item, [i])
        return last
    def overwrite(box, n):
        for i in range(n):
            box.other = Item()
            box.item = box.other
    item = Item()
    before = sys.getrefcount(item)
    last = make(item, 3000)
    print(sys.getrefcount(item) - before, last.other)
    dead = []
    probe = Item()
    ref = weakref.ref(probe, lambda r: dead.append("probe freed"))
    box = Box(probe, None)
    del probe
    print(dead)
    overwrite(box, 2000)
    print(dead, type(box.item).__name__, box.item is box.other)
    del last, box
    print(sys.getrefcount(item) - before)
    """)


# -- method lookups skipped for objects of the class a site saw (LOAD_METHOD_WITH_VALUES) ------


def test_instance_attributes_named_as_the_method_appear_later():
    same("""
    class V:
        def __init__(self, x):
            self.x = x
        def get(self):
            return self.x
    def total(vs, n):
        t = 0
        for i in range(n):
            v = vs[i % len(vs)]
            if i == 1500:
                vs[3].get = lambda: 1000          # a new key in V's shared keys
            if i == 2000:
                vs[5].__dict__["get"] = lambda: 5000   # an object with a dict of its own
            if i == 2500:
                delattr(vs[3], "get")
            t += v.get()
        return t
    print(total([V(i) for i in range(10)], 3000))
    """, compiled=("total",))


def test_some_instances_have_the_methods_name_in_their_values():
    same("""
    class V:
        def __init__(self, x, shadow):
            self.x = x
            if shadow:
                self.get = lambda: -x
        def get(self):
            return self.x
    def total(vs, n):
        t = 0
        for i in range(n):
            t += vs[i % len(vs)].get()
        return t
    vs = [V(i, i % 4 == 0) for i in range(12)]
    print(total(vs, 3000))
    del vs[0].get
    print(total(vs, 3000))
    """, compiled=("total",))


def test_the_class_changes_under_a_method_site():
    same("""
    class V:
        count = 0
        def __init__(self, x):
            self.x = x
        def get(self):
            return self.x
    class W(V):
        pass
    log = []
    def total(vs, n):
        t = 0
        for i in range(n):
            V.count += 1                          # the class changes at every step
            if i == 1000:
                V.get = lambda self: 2 * self.x
            if i == 1500:
                V.__getattribute__ = lambda self, name: (log.append(name),
                                                         object.__getattribute__(self, name))[1]
            if i == 2000:
                del V.__getattribute__
            if i == 2500:
                W.get = lambda self: -1
            t += vs[i % len(vs)].get()
        return t, V.count, len(log)
    print(total([V(1), W(2), V(3)], 3000))
    """)


def test_constructors_when_the_class_or_its_base_changes():
    same("""
    class Base:
        def __init__(self, x):
            self.x = x
    class Sub(Base):
        pass
    def make(n):
        t = 0
        for i in range(n):
            Base.made = i                          # (a change to the class: a new tag)
            if i == 1000:
                Base.__init__ = lambda self, x: setattr(self, "x", x * 10)
            if i == 1500:
                Sub.__init__ = lambda self, x: setattr(self, "x", -x)
            if i == 2000:
                Base.__new__ = lambda cls, x: object.__new__(cls)
            t += Sub(i).x + Base(i).x
        return t
    print(make(3000))
    """)


def test_a_branch_never_taken_while_warming_up_reads_where_the_other_sites_did():
    same("""
    class P:
        def __init__(self, x, v):
            self.x = x
            self.v = v
    class Q:
        def __init__(self, x):
            self.v = 0.5
            self.x = x
    def run(ps, n):
        t = 0.0
        for i in range(n):
            p = ps[i % len(ps)]
            p.x += p.v
            if i > 1500:                     # (never run before the code is compiled)
                t += p.x * p.v
                p.v = -p.v
        return t
    print(run([P(1.0, 0.25), P(2.0, 0.5)], 3000))
    print(run([P(1.0, 0.25), Q(2.0)], 3000))
    """)


# -- `__slots__` members read and written in place (LOAD_ATTR_SLOT, STORE_ATTR_SLOT) ------------


def test_slots_read_and_written_in_place_and_their_fallbacks():
    same("""
    class V:
        __slots__ = ("x", "y")
        def __init__(self, x, y):
            self.x = x
            self.y = y
        def __add__(self, o):
            return V(self.x + o.x, self.y + o.y)
    class W(V):
        __slots__ = ("z",)
    log = []
    def run(vs, n):
        t = 0.0
        for i in range(n):
            v = vs[i % len(vs)]
            if i == 1000:
                delattr(vs[1], "y")                 # unset: AttributeError
            if i == 1500:
                V.y = property(lambda s: 7.0, lambda s, val: log.append(val))
            if i == 2000:
                V.__getattribute__ = lambda s, name: 1.0
            if i == 2200:
                delattr(V, "__getattribute__")
            if i == 2400:
                vs.append(W(5.0, 6.0))              # another class
            if i == 2600:
                V.__setattr__ = lambda s, name, val: log.append(name)
            try:
                t += v.x + v.y
                v.x = v.x + 0.5
                v.y = i * 0.25
            except AttributeError as e:
                log.append(str(e))
                vs[1].y = 0.0
        return t, len(log), log[-3:]
    print(run([V(1.0, 2.0), V(3.0, 4.0)], 3000))
    class U:
        __slots__ = ("x", "y")
        def __init__(self, x, y):
            self.x = x
            self.y = y
        def __add__(self, o):
            return U(self.x + o.x, self.y + o.y)
    a = U(1.0, 2.0)
    for k in range(2000):
        a = a + U(0.5, -0.5)
    print(a.x, a.y)
    """)


def test_reference_counts_of_objects_in_slots():
    same("""
    import sys, weakref
    class Holder:
        __slots__ = ("item", "other")
        def __init__(self, item):
            self.item = item
    class Item:
        pass
    def churn(h, item, n):
        for i in range(n):
            h.other = Item()
            h.item = item
            h.item = h.other
        return h.item
    item = Item()
    before = sys.getrefcount(item)
    h = Holder(item)
    dead = []
    probe = Item()
    ref = weakref.ref(probe, lambda r: dead.append("freed"))
    h.other = probe
    del probe
    churn(h, item, 3000)
    print(dead, sys.getrefcount(item) - before, h.item is h.other)
    del h
    print(sys.getrefcount(item) - before)
    """)


def test_operator_methods_rebound_on_a_base_class_mid_loop():
    same("""
    class Base:
        def __init__(self, x):
            self.x = x
        def __add__(self, o):
            return type(self)(self.x + o.x)
        def __mul__(self, k):
            return type(self)(self.x * k)
    class Sub(Base):
        pass
    def run(n):
        a, b = Sub(1), Sub(2)
        t = 0
        for i in range(n):
            Base.tick = i                       # (a change to the classes: new tags)
            if i == 1000:
                Base.__add__ = lambda s, o: Sub(s.x - o.x)
            if i == 1500:
                Sub.__mul__ = lambda s, k: NotImplemented
            if i == 2000:
                delattr(Sub, "__mul__")
            c = a + b
            try:
                c = c * 2
            except TypeError as e:
                t += 1
            t += c.x
        return t
    print(run(3000))
    """)
