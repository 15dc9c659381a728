# The operator module.
import operator as op
from functools import reduce

print(op.add(2, 3), op.sub(2, 3), op.mul(4, 5), op.truediv(7, 2), op.floordiv(7, 2), op.mod(-7, 3), op.pow(2, 8))
print(op.neg(5), op.pos(-5), op.abs(-3), op.not_(0), op.truth([1]), op.inv(5), op.invert(0))
print(op.lt(1, 2), op.le(2, 2), op.eq(1, 1.0), op.ne("a", "b"), op.gt(1, 2), op.ge(3, 3))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.lshift(1, 4), op.rshift(256, 2))
print(op.concat("ab", "cd"), op.contains([1, 2], 2), op.countOf([1, 1, 2], 1), op.indexOf("abc", "c"))
print(reduce(op.mul, range(1, 8)), reduce(op.or_, [1, 2, 4, 8]))
pairs = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(pairs, key=op.itemgetter(1)), sorted(pairs, key=op.itemgetter(0)))
print(op.itemgetter(0, 2)("xyz"), op.itemgetter(slice(1, None))([1, 2, 3]), op.itemgetter("k")({"k": "v"}))
class P:
    def __init__(self, name, age):
        self.name, self.age = name, age
    def greet(self, other):
        return f"{self.name} greets {other}"
people = [P("Ann", 30), P("Bob", 25), P("Cy", 35)]
print([p.name for p in sorted(people, key=op.attrgetter("age"))])
print(op.attrgetter("name", "age")(people[0]), op.methodcaller("greet", "you")(people[1]))
print(list(map(op.methodcaller("upper"), ["a", "b"])), op.methodcaller("split", ",")("a,b"))
lst = [1, 2, 3]
op.setitem(lst, 0, 10)
op.delitem(lst, 1)
print(lst, op.getitem(lst, -1))
x = [1]
y = op.iadd(x, [2])
print(x, y is x)
print(list(map(op.add, [1, 2], [10, 20])), list(map(op.neg, [1, -2])))
table = {"+": op.add, "-": op.sub, "*": op.mul, "/": op.truediv, "**": op.pow}
for sym in ["+", "-", "*", "/", "**"]:
    print(f"6 {sym} 3 = {table[sym](6, 3)}")
print(op.index(5), op.is_(None, None), op.is_not(1, None), op.length_hint([1, 2, 3]))
