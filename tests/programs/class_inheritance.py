# Single inheritance, overriding, isinstance/issubclass, polymorphism.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def describe(self):
        return f"{type(self).__name__}({self.name}): {self.speak()}"

class Dog(Animal):
    sound = "Woof"

class Cat(Animal):
    sound = "Meow"
    def speak(self):
        return Animal.speak(self) + " (purr)"

class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return super().speak().replace("Woof", "Yip")

animals = [Animal("Generic"), Dog("Rex"), Cat("Tom"), Puppy("Bit", 1)]
for a in animals:
    print(a.describe())
print(isinstance(animals[3], Dog), isinstance(animals[3], Animal), isinstance(animals[1], Cat))
print(issubclass(Puppy, Animal), issubclass(Cat, Dog), issubclass(Dog, Dog), issubclass(bool, int))
print(Puppy.__bases__[0].__name__, Puppy.__mro__[-1].__name__, [c.__name__ for c in Puppy.__mro__])
print(isinstance(3, (str, int)), isinstance("s", (list, tuple)))

class Shape:
    def area(self):
        raise NotImplementedError("subclass must implement area")
    def __str__(self):
        return f"{type(self).__name__} with area {self.area():.2f}"

class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h

class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)

class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2

for s in [Rect(2, 3), Square(4), Circle(1)]:
    print(s)
try:
    Shape().area()
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(sorted([Rect(2, 3), Square(2), Circle(1)], key=lambda s: s.area())[0])
class MyList(list):
    def sum(self):
        return sum(self)
ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.sum(), len(ml), isinstance(ml, list), type(ml).__name__)
class MyDict(dict):
    def __missing__(self, key):
        return key * 2
md = MyDict(a=1)
print(md["a"], md["zz"], md)
