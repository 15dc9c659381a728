# is / is not / in / not in across container types.
a = [1, 2, 3]
b = a
c = list(a)
print(a is b, a is c, a == c, a is not c, None is None, type(None).__name__)
print(2 in a, 5 in a, 5 not in a, not 5 in a)
print("ell" in "hello", "z" not in "hello", "" in "abc")
d = {"k": 1, "j": 2}
print("k" in d, 1 in d, 1 in d.values(), ("j", 2) in d.items())
print(3 in {1, 2, 3}, 3 in (1, 2), 3 in range(0, 10, 3), 4 in range(0, 10, 3))
print([1] in [[1], [2]], (1, 2) in [(1, 2)], 1.0 in [1], True in [1])
class Bag:
    def __init__(self, items):
        self.items = items
    def __contains__(self, x):
        print("  __contains__", x)
        return x in self.items
bag = Bag([1, 2])
print(1 in bag, 3 not in bag)
class OnlyIter:
    def __iter__(self):
        return iter([10, 20, 30])
print(20 in OnlyIter(), 25 in OnlyIter())
class OnlyGetitem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 7
print(14 in OnlyGetitem(), 15 in OnlyGetitem(), list(OnlyGetitem()))
x = None
if x is None:
    print("x is None")
print(True is True, False is not True)
t = (1, 2)
print(t is t, [] is not [], t is not None)
gen = (i for i in range(10))
print(3 in gen, next(gen), 2 in gen)
try:
    print(1 in 5)
except TypeError as e:
    print("TypeError:", e)
try:
    print([] in {})
except TypeError as e:
    print("TypeError:", e)
