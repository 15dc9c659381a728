import math

def newton_sqrt(a, tol=1e-12):
    if a < 0:
        raise ValueError("negative")
    if a == 0:
        return 0.0
    x = a if a > 1 else 1.0
    steps = 0
    while True:
        nx = 0.5 * (x + a / x)
        steps += 1
        if abs(nx - x) <= tol * nx:
            return nx, steps
        x = nx

def isqrt(n):
    if n < 2:
        return n
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x

def bisect(f, lo, hi, n=60):
    flo = f(lo)
    for _ in range(n):
        mid = (lo + hi) / 2
        fm = f(mid)
        if (fm < 0) == (flo < 0):
            lo, flo = mid, fm
        else:
            hi = mid
    return (lo + hi) / 2

def poly(x):
    return x ** 3 - 2 * x - 5

def trapezoid(f, a, b, n):
    h = (b - a) / n
    s = (f(a) + f(b)) / 2
    for i in range(1, n):
        s += f(a + i * h)
    return s * h

def main():
    for a in (2, 10, 0.25, 1e10, 12345678901234567890):
        print(a, newton_sqrt(a), math.sqrt(a))
    try:
        newton_sqrt(-1)
    except ValueError as e:
        print("error:", e)
    for n in (0, 1, 15, 16, 10**20, 2**127 - 1, 3**80):
        r = isqrt(n)
        print(n, r, r * r <= n < (r + 1) ** 2, r == math.isqrt(n))
    print(f"{bisect(poly, 2, 3):.15f}")
    print(f"{bisect(math.cos, 0, 3):.15f}", math.pi / 2)
    print(f"{bisect(lambda x: x * x - 2, 0, 2):.12f}")
    for n in (10, 100, 1000):
        print(n, f"{trapezoid(math.sin, 0, math.pi, n):.10f}", f"{trapezoid(poly, 0, 2, n):.10f}")
    print(trapezoid(lambda x: 1, 0, 3, 3), trapezoid(abs, -1, 1, 4))

main()
