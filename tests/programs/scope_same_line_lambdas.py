# Several lambdas and comprehensions on one line, in places where CPython's symbol tables
# list them in another order than the code runs them: dict display keys before values, a
# dict comprehension's value before its key, an assignment's targets before its value.


def display():
    x = 10
    return {(lambda a: a + 1)(1): (lambda: x)(), (lambda b: b * 2)(2): (lambda c=5: c + x)()}


def dict_comp():
    y = 3
    return {(lambda: y)() + k: (lambda z: z + y)(k) for k in range(3)}


def assign_targets():
    n = 3
    d = {}
    d[(lambda: "key")()] = (lambda a: a + n)(1)
    pair = [0, 0]
    pair[(lambda: 0)()], pair[(lambda i: i)(1)] = (lambda: n)(), (lambda b: b)(5)
    return d, pair


def comprehensions():
    rows = [[1, 2], [3]]
    return {tuple(r for r in row): [v * 2 for v in row] for row in rows}


class Ops:
    table = {(lambda: "neg")(): (lambda v: -v), (lambda: "sq")(): (lambda w: w * w)}

    def apply(self, name, v):
        return self.table[name](v)


print(display())
print(dict_comp())
print(assign_targets())
print(comprehensions())
print(Ops().apply("neg", 4), Ops().apply("sq", 4))
