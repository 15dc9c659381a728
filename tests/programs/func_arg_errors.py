# TypeError messages for bad calls must match CPython exactly.
def f(x):
    return x

def g(a, b):
    return a + b

def h(a, b=2, *, c):
    return a + b + c

def k(*, only):
    return only

class C:
    def method(self, x):
        return x

def attempt(label, fn):
    try:
        fn()
        print(label, "-> no error")
    except TypeError as e:
        print(label, "->", e)

attempt("missing one", lambda: f())
attempt("missing two", lambda: g())
attempt("missing b", lambda: g(1))
attempt("too many", lambda: g(1, 2, 3))
attempt("too many f", lambda: f(1, 2))
attempt("unexpected kw", lambda: f(y=1))
attempt("multiple values", lambda: g(1, a=2))
attempt("missing kwonly", lambda: h(1))
attempt("too many with default", lambda: h(1, 2, 3))
attempt("kwonly positional", lambda: k(1))
attempt("method too many", lambda: C().method(1, 2))
attempt("method missing", lambda: C().method())
attempt("len wrong", lambda: len())
attempt("len two", lambda: len([], []))
five = 5
attempt("int not callable", lambda: five())
text = "abc"
attempt("str not callable", lambda: text())
attempt("bad unpack", lambda: f(*5))
attempt("bad kw unpack", lambda: f(**[1]))

def three(a, b, c):
    return a
attempt("missing three", lambda: three())
attempt("missing b and c", lambda: three(1))
