import sys


def process(records):
    total = 0
    for i, r in enumerate(records):
        if r < 0:
            print(f"bad record {i}: {r}", file=sys.stderr)
            sys.exit(3)
        total += r
    return total


data = [i % 17 for i in range(2000)]
print(process(data))
print(process(data[:500]))
data[1500] = -4
print(process(data))
print("not reached")
