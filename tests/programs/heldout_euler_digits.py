def digit_sum(n):
    return sum(int(c) for c in str(n))


def power_digit_sum(e):
    return digit_sum(2 ** e)


def factorial_digit_sum(n):
    f = 1
    for i in range(2, n + 1):
        f *= i
    return digit_sum(f)


def first_fib_with_digits(d):
    a, b, i = 1, 1, 2
    limit = 10 ** (d - 1)
    while b < limit:
        a, b = b, a + b
        i += 1
    return i


def self_powers(n, mod):
    t = 0
    for i in range(1, n + 1):
        t = (t + pow(i, i, mod)) % mod
    return t


def max_digit_sum(n):
    best = 0
    for a in range(1, n):
        p = 1
        for b in range(1, n):
            p *= a
            s = digit_sum(p)
            if s > best:
                best = s
    return best


def amicable(n):
    divsum = [0] * n
    for i in range(1, n):
        for j in range(2 * i, n, i):
            divsum[j] += i
    total = 0
    for a in range(2, n):
        b = divsum[a]
        if b != a and b < n and divsum[b] == a:
            total += a
    return total


def champernowne(k):
    parts = []
    length = 0
    i = 1
    while length < k:
        s = str(i)
        parts.append(s)
        length += len(s)
        i += 1
    digs = "".join(parts)
    p = 1
    pos = 1
    while pos <= k:
        p *= int(digs[pos - 1])
        pos *= 10
    return p


def digit_fifth_powers():
    pw = [d ** 5 for d in range(10)]
    total = 0
    for n in range(10, 200000):
        s = 0
        m = n
        while m:
            s += pw[m % 10]
            m //= 10
        if s == n:
            total += n
    return total


print(power_digit_sum(15), power_digit_sum(1000), factorial_digit_sum(100))
print(first_fib_with_digits(3), first_fib_with_digits(100), first_fib_with_digits(300))
print(self_powers(1000, 10 ** 10), self_powers(100, 2 ** 64))
print(max_digit_sum(40), amicable(10000), champernowne(100000))
print(digit_fifth_powers())
