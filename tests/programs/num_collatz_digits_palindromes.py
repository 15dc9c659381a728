def collatz_len(n, cache):
    steps = 0
    m = n
    path = []
    while m != 1 and m not in cache:
        path.append(m)
        m = m // 2 if m % 2 == 0 else 3 * m + 1
        steps += 1
    base = cache.get(m, 0)
    for i, v in enumerate(reversed(path)):
        cache[v] = base + i + 1
    return base + steps

def digit_sum(n):
    s = 0
    while n:
        n, d = divmod(n, 10)
        s += d
    return s

def digital_root(n):
    while n >= 10:
        n = digit_sum(n)
    return n

def reverse_num(n):
    r = 0
    neg = n < 0
    n = abs(n)
    while n > 0:
        r = r * 10 + n % 10
        n //= 10
    return -r if neg else r

def is_palindrome(n):
    return n >= 0 and reverse_num(n) == n

def lychrel_steps(n, limit=60):
    for i in range(limit):
        n += reverse_num(n)
        if is_palindrome(n):
            return i + 1, n
    return None, n

def main():
    cache = {1: 0}
    best = (0, 0)
    for n in range(1, 3000):
        l = collatz_len(n, cache)
        if l > best[0]:
            best = (l, n)
    print(best, len(cache), collatz_len(27, cache), collatz_len(2**62 + 1, cache))
    print(digit_sum(2**100), digit_sum(0), digital_root(2**200), digital_root(7))
    print(reverse_num(12345), reverse_num(-120), reverse_num(10**19 + 7))
    print([n for n in range(100, 200) if is_palindrome(n)])
    print(lychrel_steps(87), lychrel_steps(89), lychrel_steps(196, 30)[0])
    fact = 1
    for k in range(1, 60):
        fact *= k
        if k in (20, 21, 25, 59):
            print(k, fact, digit_sum(fact), len(str(fact)))

main()
