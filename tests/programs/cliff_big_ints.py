# Big ints: factorial digits, 2**500, Fibonacci past 64 bits, a sum of cubes.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r

f = fact(300)
s = 0
for ch in str(f):
    s += int(ch)
print(s)

def power_digit_sum(b, e):
    return sum(int(c) for c in str(b ** e))
print(power_digit_sum(2, 500))

# fibonacci with big ints
a, b = 0, 1
idx = 1
while len(str(b)) < 100:
    a, b = b, a + b
    idx += 1
print(idx)
tot = 0
for n in range(1, 3000000, 1000):
    tot += n * n * n
print(tot)
