# while loops with else, break and continue.
n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print("collatz steps:", steps)

def find_divisor(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            print(f"  {n} divisible by {d}")
            break
        d += 1
    else:
        print(f"  {n} is prime")
        return None
    return d

for n in [15, 17, 49, 97, 1]:
    print(n, find_divisor(n))

i = 0
total = 0
while i < 20:
    i += 1
    if i % 3 == 0:
        continue
    if i > 15:
        break
    total += i
print("total:", total, "i:", i)

count = 0
while count < 3:
    count += 1
else:
    print("while-else ran, count =", count)

while False:
    print("never")
else:
    print("else of never-run loop")

stack = [1, 2, 3]
while stack:
    print("pop", stack.pop())

a, b = 0, 1
fibs = []
while True:
    a, b = b, a + b
    if a > 100:
        break
    fibs.append(a)
print(fibs)

x = 5
while x:
    x -= 1
    if x == 2:
        continue
    print("x", x)
