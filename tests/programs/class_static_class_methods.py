# staticmethod and classmethod, alternative constructors.
class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        y, m, d = map(int, s.split("-"))
        return cls(y, m, d)
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def days_in_month(self):
        if self.m == 2:
            return 29 if self.is_leap(self.y) else 28
        return 30 if self.m in (4, 6, 9, 11) else 31
    def __repr__(self):
        return f"{type(self).__name__}({self.y:04d}-{self.m:02d}-{self.d:02d})"

class MyDate(Date):
    pass

d = Date.from_string("2024-02-10")
print(d, d.days_in_month())
md = MyDate.from_string("2023-02-01")
print(md, md.days_in_month(), type(md).__name__)
print(Date.is_leap(1900), Date.is_leap(2000), d.is_leap(2023))
print([Date(2021, m, 1).days_in_month() for m in range(1, 13)])

class Counter:
    total = 0
    @classmethod
    def increment(cls):
        cls.total += 1
        return cls.total
    @staticmethod
    def describe():
        return "a counter"
class SubCounter(Counter):
    pass
Counter.increment()
SubCounter.increment()
SubCounter.increment()
print(Counter.total, SubCounter.total, Counter.describe(), SubCounter().describe())

class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius
    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)
    @staticmethod
    def c_to_f(c):
        return c * 9 / 5 + 32
t = Temperature.from_fahrenheit(212)
print(t.celsius, Temperature.c_to_f(37), t.c_to_f(0))
sm = Date.__dict__["is_leap"]
cm = Date.__dict__["from_string"]
print(type(sm).__name__, type(cm).__name__, sm.__func__(2020))
print(Date.from_string.__self__ is Date, MyDate.from_string.__self__ is MyDate)
f = staticmethod(lambda x: x + 1)
class Holder:
    inc = f
print(Holder.inc(1), Holder().inc(2))
