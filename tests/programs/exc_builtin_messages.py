# Messages of common built-in exceptions must match CPython.
def attempt(label, fn):
    try:
        result = fn()
        print(label, "->", result)
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)

class Foo:
    pass

nothing = None
five = 5
pair = [1, 2]
idx = 1.0

def assign_item(obj):
    obj[0] = "x"
    return obj

def delete_item(obj):
    del obj[0]

attempt("index list", lambda: [1, 2, 3][10])
attempt("index tuple", lambda: (1,)[5])
attempt("index str", lambda: "abc"[9])
attempt("key", lambda: {"a": 1}["b"])
attempt("key tuple", lambda: {}[(1, 2)])
attempt("attr int", lambda: (5).foo)
attempt("attr instance", lambda: Foo().bar)
attempt("attr class", lambda: Foo.baz)
attempt("attr module", lambda: __import__("math").nope)
attempt("int parse", lambda: int("12x"))
attempt("int base", lambda: int("z", 8))
attempt("float parse", lambda: float("abc"))
attempt("add types", lambda: 1 + "a")
attempt("add list int", lambda: [1] + 1)
attempt("sub str", lambda: "a" - "b")
attempt("mul", lambda: [1] * 1.5)
attempt("unary", lambda: -"x")
attempt("call none", lambda: nothing())
attempt("subscript int", lambda: five[0])
attempt("subscript none", lambda: nothing[0])
attempt("item assign str", lambda: assign_item("abc"))
attempt("list index float", lambda: pair[idx])
attempt("list remove", lambda: [1, 2].remove(3))
attempt("list pop empty", lambda: [].pop())
attempt("list index", lambda: [1, 2].index(9))
attempt("dict popitem", lambda: {}.popitem())
attempt("set remove", lambda: set().remove(1))
attempt("set pop", lambda: set().pop())
attempt("tuple index", lambda: (1, 2).index(3))
attempt("str index", lambda: "abc".index("d"))
attempt("next exhausted", lambda: next(iter([])))
attempt("div zero", lambda: 5 // 0)
attempt("mod zero", lambda: 5 % 0)
attempt("float div", lambda: 5.0 / 0)
attempt("chr range", lambda: chr(-1))
attempt("unhashable", lambda: {[]: 1})
attempt("len int", lambda: len(5))
attempt("iter int", lambda: iter(5))
attempt("sorted mixed", lambda: sorted([1, "a"]))
attempt("max empty", lambda: max([]))
attempt("min empty", lambda: min([]))
attempt("int none", lambda: int(None))
attempt("str join", lambda: ",".join([1, 2]))
attempt("import", lambda: __import__("no_such_module_xyz"))
attempt("tuple assign", lambda: assign_item((1, 2)))
attempt("tuple del", lambda: delete_item((1, 2)))
attempt("int assign", lambda: assign_item(5))
attempt("list assign", lambda: assign_item([]))
attempt("dict keys change", lambda: [d := {1: 1}, [d.__setitem__(k + 1, 0) for k in d]])
attempt("round str", lambda: round("1.5"))
attempt("abs str", lambda: abs("x"))
attempt("range float", lambda: range(1.5))
attempt("getattr non-str", lambda: getattr(1, 2))
