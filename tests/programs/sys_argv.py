# Reading command-line arguments (the harness passes arguments).
import sys

print("argc:", len(sys.argv))
print("script name ends with .py:", sys.argv[0].endswith(".py"))
args = sys.argv[1:]
print("args:", args)
numbers = []
flags = {}
for a in args:
    if a.startswith("--"):
        key, _, value = a[2:].partition("=")
        flags[key] = value or True
    else:
        try:
            numbers.append(int(a))
        except ValueError:
            print("not a number:", a)
print("numbers:", numbers, "sum:", sum(numbers))
print("flags:", flags)
if flags.get("verbose"):
    for i, n in enumerate(numbers):
        print(f"  #{i}: {n} squared is {n * n}")
print(type(sys.argv).__name__, all(isinstance(a, str) for a in sys.argv))
