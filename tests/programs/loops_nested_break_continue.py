# Nested loops with break/continue and flags.
for i in range(1, 4):
    for j in range(1, 4):
        if j == i:
            continue
        print(f"{i}{j}", end=" ")
    print()

found = None
for i in range(2, 10):
    for j in range(2, 10):
        if i * j == 42:
            found = (i, j)
            break
    if found:
        break
print("found", found)

def first_pair_sum(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return i, j
    return None
print(first_pair_sum([2, 7, 11, 15], 9), first_pair_sum([1, 2], 10))

table = []
for row in range(1, 6):
    line = []
    for col in range(1, 6):
        line.append(row * col)
    table.append(line)
for line in table:
    print(" ".join(f"{v:3d}" for v in line))

count = 0
for a in range(5):
    for b in range(5):
        for c in range(5):
            if a + b + c == 6:
                count += 1
            elif a + b + c > 6:
                break
print("triples summing to 6:", count)

primes = []
for n in range(2, 50):
    for p in primes:
        if p * p > n:
            primes.append(n)
            break
        if n % p == 0:
            break
    else:
        primes.append(n)
print(primes)

outer = 0
while outer < 3:
    inner = 0
    while True:
        inner += 1
        if inner > outer:
            break
    print("outer", outer, "inner", inner)
    outer += 1
