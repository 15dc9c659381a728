# Parsing tokens with try/except ValueError in a hot loop; ZeroDivisionError.
import random
random.seed(19)
tokens = []
for i in range(6000):
    r = random.random()
    if r < 0.7:
        tokens.append(str(random.randint(-500, 500)))
    elif r < 0.9:
        tokens.append("%.3f" % random.uniform(-10, 10))
    else:
        tokens.append(random.choice(["x", "nan?", "", "1e", "--3"]))

ints = 0
floats = 0
bad = 0
total = 0.0
for t in tokens:
    try:
        v = int(t)
        ints += 1
    except ValueError:
        try:
            v = float(t)
            floats += 1
        except ValueError:
            bad += 1
            continue
    total += v
print(ints, floats, bad, round(total, 3))

def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return 0.0
acc = 0.0
for i in range(8000):
    acc += safe_div(i, i % 7)
print(round(acc, 3))
