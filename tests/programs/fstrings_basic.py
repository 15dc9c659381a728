# f-strings: expressions, conversions, = specifier, nesting, quoting.
name = "Ada"
age = 36
pi = 3.14159265
items = [1, 2, 3]
print(f"{name} is {age}")
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"{age + 1} {age * 2} {items[0]} {items[-1]} {len(items)}")
print(f"{name=}", f"{age=}", f"{age + 1 = }", f"{pi=:.2f}", f"{items=!s}")
print(f"{'nested quotes'} {'yes' if age > 30 else 'no'} {'single' + 'x' * 0}" + f' {"double"}')
print(f"{{literal braces}} {{{age}}}")
d = {"key": "value"}
print(f"{d['key']} {d}")
print(f"{(lambda x: x * 2)(21)} {[i for i in range(3)]} {sum(i for i in range(4))}")
print(f"{name.upper()} {name.lower()[::-1]} {name:>10} {name:*^11}")
width, prec = 10, 3
print(f"[{pi:{width}.{prec}f}] [{pi:<{width}}] [{age:0{width}d}]")
print(f"{3 > 2} {None} {True and 'ok'}")
class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return f"P({self.x!r})"
    def __str__(self):
        return f"<P {self.x}>"
    def __format__(self, spec):
        return f"P-formatted[{spec}]"
p = P("z")
print(f"{p} {p!r} {p!s} {p:abc}")
print(f"multi {name}"
      f" line {age}")
print(f"{'a' 'b'}", f"{1_000_000:_}", f"{255:#x} {255:#o} {255:#b} {255:X}")
print(f"{-0.0} {1e20} {1e-7} {float('inf')}")
nested = f"outer {f'inner {name}'} end"
print(nested)
for i in range(3):
    print(f"{i:>3}|{i ** 2:<4}|{'*' * i}")
print(f"{age!r:>6}|{name!r:^9}|")
print(f"{'newline'}\n{'second'}")
