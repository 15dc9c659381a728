# Bank simulation: objects in a dict, methods calling methods, max(key=lambda).
import random

class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)

    def withdraw(self, amount):
        if amount > self.balance:
            return False
        self.balance -= amount
        self.history.append(-amount)
        return True

class Bank:
    def __init__(self):
        self.accounts = {}

    def open(self, name):
        acc = Account(name, 100)
        self.accounts[name] = acc
        return acc

    def transfer(self, a, b, amount):
        src = self.accounts[a]
        dst = self.accounts[b]
        if src.withdraw(amount):
            dst.deposit(amount)
            return True
        return False

    def total(self):
        return sum(a.balance for a in self.accounts.values())

random.seed(99)
bank = Bank()
names = ["acc%d" % i for i in range(50)]
for n in names:
    bank.open(n)
ok = 0
for i in range(8000):
    a = names[random.randrange(50)]
    b = names[random.randrange(50)]
    if bank.transfer(a, b, random.randint(1, 30)):
        ok += 1
print(ok, bank.total())
richest = max(bank.accounts.values(), key=lambda acc: acc.balance)
print(richest.owner, richest.balance, len(richest.history))
