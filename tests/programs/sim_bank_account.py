# Bank simulation with classes, exceptions and transaction history.
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.owner} cannot withdraw {amount:.2f}; balance is {account.balance:.2f}")
        self.amount = amount

class Account:
    _next_number = 1000
    interest_rate = 0.0

    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance
        self.number = Account._next_number
        Account._next_number += 1
        self.history = [("open", balance)]

    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
        return self.balance

    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self.balance

    def month_end(self):
        interest = round(self.balance * self.interest_rate / 12, 2)
        if interest:
            self.balance += interest
            self.history.append(("interest", interest))

    def __str__(self):
        return f"{type(self).__name__}#{self.number} {self.owner:<6} {self.balance:>10.2f}"

class Savings(Account):
    interest_rate = 0.05
    def withdraw(self, amount):
        if len([h for h in self.history if h[0] == "withdraw"]) >= 2:
            raise PermissionError("savings withdrawal limit reached")
        return super().withdraw(amount)

class Checking(Account):
    overdraft = 100.0
    def withdraw(self, amount):
        if amount > self.balance + self.overdraft:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
        return self.balance

class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, cls, owner, initial=0.0):
        acct = cls(owner, initial)
        self.accounts[acct.number] = acct
        return acct
    def transfer(self, src, dst, amount):
        try:
            self.accounts[src].withdraw(amount)
        except (InsufficientFunds, PermissionError) as e:
            print("  transfer failed:", e)
            return False
        self.accounts[dst].deposit(amount)
        return True
    def report(self):
        for acct in sorted(self.accounts.values(), key=lambda a: a.number):
            print(" ", acct)
        print("  total:", f"{sum(a.balance for a in self.accounts.values()):.2f}")

bank = Bank()
alice = bank.open(Savings, "alice", 1000)
bob = bank.open(Checking, "bob", 50)
carol = bank.open(Account, "carol")
print(bank.transfer(bob.number, carol.number, 120))
print(bank.transfer(bob.number, carol.number, 100))
print(bank.transfer(alice.number, bob.number, 200))
print(bank.transfer(alice.number, bob.number, 10))
print(bank.transfer(alice.number, bob.number, 10))
try:
    carol.deposit(-5)
except ValueError as e:
    print("ValueError:", e)
for month in range(3):
    for acct in bank.accounts.values():
        acct.month_end()
bank.report()
for acct in (alice, bob, carol):
    print(acct.owner, acct.history)
