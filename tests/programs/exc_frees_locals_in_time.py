# Objects local to a function that raised are freed as soon as the exception is handled, as in
# CPython (their __del__ runs then): jitvm's own host frames once kept the exception in a
# reference cycle, and deoptimization kept the finished frames, until a later collection.


class Resource:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("free", self.name)


def fail(name):
    r = Resource(name)
    raise ValueError(name)


try:
    fail("module-level")
except ValueError:
    print("handled at module level")
print("after module-level")


def caller(name):
    try:
        fail(name)
    except ValueError as e:
        print("caught", e)
    print("after", name)


caller("in-function")


def nested(name):
    holder = Resource(name + "-outer")
    try:
        try:
            fail(name + "-inner")
        finally:
            print("finally of", name)
    except ValueError:
        pass
    print("end of nested")


nested("nested")


def lines():
    try:
        yield 1
        yield 2
    finally:
        print("generator closed")


def consume():
    for v in lines():
        if v == 1:
            raise KeyError("stop")


try:
    consume()
except KeyError:
    print("consume stopped")

for i in range(3):
    try:
        fail(f"loop-{i}")
    except ValueError:
        print("handled", i)
print("done")
