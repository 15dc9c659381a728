# Functions as values: map, filter, sorted with keys, reduce, composition.
from functools import reduce

nums = [5, 3, 8, 1, 9, 2]
print(list(map(lambda x: x * 2, nums)))
print(list(filter(lambda x: x % 2, nums)))
print(list(map(pow, [2, 3, 4], [3, 2, 1])))
print(reduce(lambda a, b: a * b, nums))
print(reduce(lambda a, b: a + b, [], 100))
print(sorted(nums, key=lambda x: -x))
words = ["banana", "Apple", "cherry", "date", "Elder"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=lambda w: (len(w), w)))
print(max(words, key=len), min(words, key=len))

def compose(*fns):
    def composed(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return composed

inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(5))

def apply_n(fn, n):
    def run(x):
        for _ in range(n):
            x = fn(x)
        return x
    return run
print(apply_n(dbl, 10)(1))

def curry(fn):
    def first(a):
        def second(b):
            return fn(a, b)
        return second
    return first
print(curry(lambda a, b: a - b)(10)(3))

table = {"add": lambda a, b: a + b, "sub": lambda a, b: a - b, "mul": lambda a, b: a * b}
for name in sorted(table):
    print(name, table[name](7, 3))
print(list(map(str.upper, ["a", "b"])), list(zip(*[[1, 2], [3, 4]])))
