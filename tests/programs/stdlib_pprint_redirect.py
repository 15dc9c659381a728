# pprint formatting and capturing print output with contextlib.redirect_stdout / sys.stdout swapping.
import contextlib
import io
import pprint
import sys

data = {"name": "inventory", "items": [{"sku": f"A{i}", "qty": i * 7, "tags": ["x"] * (i % 3)} for i in range(4)],
        "meta": {"created": "2024-01-01", "version": (1, 2, 3), "flags": {"beta": True, "dark": False}}}
pprint.pprint(data)
pprint.pprint(data, width=50, depth=2)
print(pprint.pformat(list(range(30)), width=40, compact=True))
print(pprint.pformat({"b": 1, "a": 2}), pprint.pformat({"b": 1, "a": 2}, sort_dicts=False))

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured line 1")
    print("captured", 2, sep="-")
    pprint.pprint({"k": [1, 2]})
captured = buf.getvalue()
print("captured text:", repr(captured))

original = sys.stdout
sys.stdout = io.StringIO()
print("into a swapped stdout")
swapped = sys.stdout.getvalue()
sys.stdout = original
print("restored; swapped had", repr(swapped))

def noisy(n):
    for i in range(n):
        print(f"noise {i}")
    return n * 2
out = io.StringIO()
with contextlib.redirect_stdout(out):
    result = noisy(3)
print(result, out.getvalue().splitlines())
err = io.StringIO()
with contextlib.redirect_stderr(err):
    print("to stderr", file=sys.stderr)
print("stderr captured:", repr(err.getvalue()))
