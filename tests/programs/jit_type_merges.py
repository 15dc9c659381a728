"""Locals and stack entries whose type differs between paths or loop iterations: an int
accumulator that becomes a float, int/float at an if-join, None then a number, bools as ints,
loops that run zero times.  Every result is printed with repr (an int stays an int)."""


def mean(xs):
    total = 0
    for x in xs:
        total += x
    return total / len(xs) if xs else 0


def total_of(xs):
    total = 0
    for x in xs:
        total += x
    return total


def variance(xs):
    n = 0
    s = 0
    sq = 0
    for x in xs:
        n += 1
        s += x
        sq += x * x
    if n == 0:
        return 0
    m = s / n
    return sq / n - m * m


def mixed_join(n):
    acc = 0
    for i in range(n):
        acc += i / 2 if i % 3 == 0 else i
    return acc


def if_join(n):
    results = []
    for i in range(n):
        if i % 2:
            v = i * 1.5
        else:
            v = i
        results.append(v)
    return results


def halve_until_small(x):
    while x > 10:
        x = x / 2
    return x


def best_of(xs):
    best = None
    for x in xs:
        if best is None or x > best:
            best = x
    return best


def first_negative(xs):
    found = None
    for x in xs:
        if x < 0:
            found = x
            break
    return found


def count_true(flags):
    count = False
    for f in flags:
        count = count + f
    return count


def bool_then_int(n):
    x = True
    for i in range(n):
        x = x + i
    return x


def int_or_float_return(n):
    if n > 3:
        return n * 0.5
    return n


def maybe_none(n):
    if n % 2:
        return None
    return n // 2


def ternary_sum(n):
    total = 0
    for i in range(n):
        total = total + (1.0 if i % 2 else 1)
    return total


def power_sum(n):
    total = 0
    for i in range(n):
        total += 2 ** i if i < 70 else 0.5
    return total


def widen_param(x, n):
    for i in range(n):
        x = x + 0.25
    return x


def nested_loops(rows):
    grand = 0
    for row in rows:
        sub = 0
        for v in row:
            sub += v
        grand += sub
    return grand


def halves(n):
    if n <= 0:
        return 0
    return halves(n - 1) + 0.5


def chain(n):
    if n == 0:
        return None
    x = chain(n - 1)
    return n if x is None else x + n / 2


def main():
    for _ in range(3):
        print(repr(mean([1.5, 2.5, 3.0])), repr(mean([])), repr(mean([1, 2, 4])))
        print(repr(total_of([])), repr(total_of([0.5, 0.25])), repr(total_of([1, 2])),
              repr(total_of([1, 2.5])))
        print(repr(variance([1.0, 2.0, 4.0])), repr(variance([])), repr(variance([3, 5])))
        print(repr(mixed_join(0)), repr(mixed_join(1)), repr(mixed_join(10)),
              repr(mixed_join(100)))
        print(repr(if_join(5)))
        print(repr(halve_until_small(5)), repr(halve_until_small(100)),
              repr(halve_until_small(7.5)))
        print(repr(best_of([])), repr(best_of([3.0, 1.0, 7.5])), repr(best_of([2, 9, 4])))
        print(repr(first_negative([1.0, 2.0])), repr(first_negative([1.0, -2.5, -3.0])))
        print(repr(count_true([])), repr(count_true([True, False, True])))
        print(repr(bool_then_int(0)), repr(bool_then_int(4)))
        print(repr(int_or_float_return(2)), repr(int_or_float_return(7)))
        print(repr(maybe_none(3)), repr(maybe_none(8)))
        print(repr(ternary_sum(0)), repr(ternary_sum(1)), repr(ternary_sum(2)),
              repr(ternary_sum(7)))
        print(repr(power_sum(3)), repr(power_sum(66)), repr(power_sum(72)))
        print(repr(widen_param(1, 0)), repr(widen_param(1, 3)), repr(widen_param(True, 2)))
        print(repr(nested_loops([[1, 2.5], [], [3]])), repr(nested_loops([])))
        print(repr(halves(0)), repr(halves(3)), repr(chain(0)), repr(chain(1)), repr(chain(4)))


main()
