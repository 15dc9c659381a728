# del of names, items, attributes and slices.
x = 5
del x
try:
    x
except NameError as e:
    print("NameError:", e)
lst = [0, 1, 2, 3, 4, 5]
del lst[0]
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError:", e)
class Obj:
    cls_attr = "class"
o = Obj()
o.a = 1
o.b = 2
del o.a
print(hasattr(o, "a"), o.b)
try:
    del o.a
except AttributeError as e:
    print("AttributeError:", e)
a, b, c = 1, 2, 3
del a, b
print(c, "a" in dir(), "c" in dir())
def f():
    y = 1
    del y
    try:
        return y
    except UnboundLocalError as e:
        return "UnboundLocalError: " + str(e)
print(f())
m = [[1, 2], [3, 4]]
del m[0][0], m[1]
print(m)
nested = {"k": {"inner": 1, "keep": 2}}
del nested["k"]["inner"]
print(nested)
class WithDel:
    def __delitem__(self, key):
        print("  __delitem__", key)
    def __delattr__(self, name):
        print("  __delattr__", name)
w = WithDel()
del w[1:2]
del w["k"]
del w.attr
try:
    del lst[10]
except IndexError as e:
    print("IndexError:", e)
for i in range(3):
    tmp = i
del tmp, i
print("loop vars deleted", "tmp" in globals())
try:
    del Obj.cls_attr
    print(hasattr(Obj, "cls_attr"))
    del Obj.cls_attr
except AttributeError as e:
    print("AttributeError:", e)
