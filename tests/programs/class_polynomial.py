# A Polynomial class with operator overloading, evaluation, derivative and pretty printing.
class Polynomial:
    def __init__(self, coeffs):
        coeffs = list(coeffs)
        while len(coeffs) > 1 and coeffs[-1] == 0:
            coeffs.pop()
        self.c = coeffs or [0]
    @property
    def degree(self):
        return len(self.c) - 1
    def __call__(self, x):
        result = 0
        for coef in reversed(self.c):
            result = result * x + coef
        return result
    def __add__(self, other):
        other = other if isinstance(other, Polynomial) else Polynomial([other])
        n = max(len(self.c), len(other.c))
        return Polynomial([(self.c[i] if i < len(self.c) else 0) + (other.c[i] if i < len(other.c) else 0) for i in range(n)])
    __radd__ = __add__
    def __neg__(self):
        return Polynomial([-x for x in self.c])
    def __sub__(self, other):
        return self + (-other if isinstance(other, Polynomial) else Polynomial([-other]))
    def __mul__(self, other):
        if not isinstance(other, Polynomial):
            return Polynomial([x * other for x in self.c])
        out = [0] * (len(self.c) + len(other.c) - 1)
        for i, a in enumerate(self.c):
            for j, b in enumerate(other.c):
                out[i + j] += a * b
        return Polynomial(out)
    __rmul__ = __mul__
    def __pow__(self, n):
        result = Polynomial([1])
        for _ in range(n):
            result = result * self
        return result
    def __eq__(self, other):
        return isinstance(other, Polynomial) and self.c == other.c
    def derivative(self):
        return Polynomial([i * c for i, c in enumerate(self.c)][1:])
    def __repr__(self):
        return f"Polynomial({self.c})"
    def __str__(self):
        terms = []
        for power in range(self.degree, -1, -1):
            coef = self.c[power]
            if coef == 0 and self.degree > 0:
                continue
            sign = "-" if coef < 0 else "+"
            mag = abs(coef)
            body = ("" if mag == 1 and power else str(mag)) + ("x" if power else "") + (f"^{power}" if power > 1 else "")
            terms.append((sign, body))
        first_sign, first = terms[0]
        return ("-" if first_sign == "-" else "") + first + "".join(f" {s} {b}" for s, b in terms[1:])

x = Polynomial([0, 1])
p = 3 * x ** 2 - 2 * x + 1
q = x ** 3 - 1
print(p, "|", q, "|", repr(p), p.degree)
print(p + q, "|", p - q, "|", p * q)
print(p(2), q(2), (p * q)(2), p(0.5), [p(i) for i in range(5)])
print(p.derivative(), "|", q.derivative(), "|", q.derivative().derivative().derivative())
print((x + 1) ** 5)
print((x - 1) * (x + 1) == x ** 2 - 1, p == q, Polynomial([0, 0, 0]), Polynomial([]).degree)
print(-p, "|", 1 + x, "|", x * 0)
def newton(poly, guess, steps=20):
    d = poly.derivative()
    for _ in range(steps):
        guess -= poly(guess) / d(guess)
    return round(guess, 10)
print(newton(x ** 2 - 2, 1.0), newton(x ** 3 - 2 * x - 5, 2.0))
