# Private name mangling (__name) in classes.
class Account:
    __count = 0

    def __init__(self, owner):
        self.__owner = owner
        self.__balance = 0
        Account.__count += 1

    def __audit(self, action):
        return f"[{self.__owner}] {action}"

    def deposit(self, amount):
        self.__balance += amount
        return self.__audit(f"deposit {amount}")

    @property
    def balance(self):
        return self.__balance

    @classmethod
    def count(cls):
        return cls.__count

    def helpers(self):
        get = lambda: self.__balance
        def nested():
            return self.__owner
        return get(), nested(), [self.__owner for _ in range(2)]

a = Account("ann")
print(a.deposit(50), a.balance, Account.count())
print(a.helpers())
print(sorted(k for k in vars(a)))
print(a._Account__balance, a._Account__audit("direct"))
try:
    print(a.__balance)
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(a, "__balance", "getattr is not mangled"), hasattr(a, "_Account__owner"))

class Savings(Account):
    def __init__(self, owner):
        super().__init__(owner)
        self.__balance = "subclass private"
    def both(self):
        return self.__balance, self._Account__balance
s = Savings("bob")
s.deposit(10)
print(s.both(), sorted(vars(s)), Account.count())

class _Leading:
    def __init__(self):
        self.__x = 1
print(sorted(vars(_Leading())))

class Dunder:
    def __init__(self):
        self.__special__ = "not mangled"
        self.__private = "mangled"
print(sorted(vars(Dunder())))

class WithSlots:
    __slots__ = ("__hidden", "visible")
    def __init__(self):
        self.__hidden = 1
        self.visible = 2
print(WithSlots.__slots__, WithSlots()._WithSlots__hidden)

class Outer:
    class __Inner:
        value = "inner"
    def get(self):
        return self.__Inner.value
print(Outer().get(), hasattr(Outer, "_Outer__Inner"))
def __module_level():
    return "module-level names are not mangled outside classes"
class User:
    def call(self):
        try:
            return __module_level()
        except NameError as e:
            return "NameError: " + str(e)
print(User().call())
