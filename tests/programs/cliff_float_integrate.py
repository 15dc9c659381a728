# Simpson's rule with a function passed as an argument; Newton's method.
import math

def f(x):
    return math.sin(x) * math.exp(-x / 5.0) + 0.1 * x * x

def simpson(fn, a, b, n):
    h = (b - a) / n
    s = fn(a) + fn(b)
    for i in range(1, n):
        x = a + i * h
        if i % 2:
            s += 4 * fn(x)
        else:
            s += 2 * fn(x)
    return s * h / 3

def newton(x0):
    x = x0
    for _ in range(50):
        fx = x * x * x - 2 * x - 5
        dfx = 3 * x * x - 2
        x = x - fx / dfx
    return x

print(round(simpson(f, 0.0, 10.0, 20000), 9))
acc = 0.0
for k in range(1000):
    acc += newton(1.0 + k * 0.0001)
print(round(acc, 6))
