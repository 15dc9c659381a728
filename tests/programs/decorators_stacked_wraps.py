# Stacked decorators and functools.wraps preserving metadata.
import functools

def bold(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        return "<b>" + fn(*a, **k) + "</b>"
    return wrapper

def italic(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        return "<i>" + fn(*a, **k) + "</i>"
    return wrapper

@bold
@italic
def text(s):
    """Return the text."""
    return s

print(text("hi"))
print(text.__name__, text.__doc__)
print(text.__wrapped__("raw"))
print(text.__wrapped__.__wrapped__("rawest"))

@italic
@bold
def text2(s):
    return s
print(text2("order"))

order = []
def mark(label):
    order.append("deco-factory " + label)
    def deco(fn):
        order.append("apply " + label)
        @functools.wraps(fn)
        def w():
            order.append("call " + label)
            return fn()
        return w
    return deco

@mark("outer")
@mark("inner")
def target():
    order.append("target body")
    return 1

target()
print("\n".join(order))

def no_wraps(fn):
    def wrapper():
        return fn()
    return wrapper

@no_wraps
def plain():
    """doc"""
print(plain.__name__, plain.__doc__)

class CountCalls:
    def __init__(self, fn):
        functools.update_wrapper(self, fn)
        self.fn = fn
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.fn(*args)

@CountCalls
def sq(x):
    """square"""
    return x * x
print(sq(3), sq(4), sq.calls, sq.__name__, sq.__doc__)
