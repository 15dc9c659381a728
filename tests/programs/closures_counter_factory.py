# Closure-based objects: bank account, memoizer, event registry.
def make_account(balance):
    log = []
    def deposit(amount):
        nonlocal balance
        balance += amount
        log.append(("dep", amount))
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            log.append(("fail", amount))
            return None
        balance -= amount
        log.append(("wd", amount))
        return balance
    def history():
        return list(log)
    return {"deposit": deposit, "withdraw": withdraw, "history": history}

acct = make_account(50)
print(acct["deposit"](25))
print(acct["withdraw"](100))
print(acct["withdraw"](70))
print(acct["history"]())

def memoize(fn):
    cache = {}
    calls = [0]
    def wrapper(n):
        if n not in cache:
            calls[0] += 1
            cache[n] = fn(n)
        return cache[n]
    wrapper.calls = calls
    return wrapper

@memoize
def slow_square(n):
    return n * n

print([slow_square(i % 4) for i in range(10)], "computed", slow_square.calls[0])

def registry():
    handlers = []
    def on(fn):
        handlers.append(fn)
        return fn
    def fire(x):
        return [h(x) for h in handlers]
    return on, fire

on, fire = registry()

@on
def double(x):
    return x * 2

@on
def negate(x):
    return -x

print(fire(7))
print(double(4), negate(4))

def make_id_gen(prefix):
    n = 0
    def next_id():
        nonlocal n
        n += 1
        return f"{prefix}-{n:03d}"
    return next_id
a, b = make_id_gen("A"), make_id_gen("B")
print(a(), a(), b(), a(), b())
