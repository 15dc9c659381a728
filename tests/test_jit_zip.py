"""zip() of lists and tuples stepped natively (frontend_sequences._for_iter_zip): no zip
object, no tuple per step where the loop unpacks it; the lists are read live, as CPython's
list iterators read them.  Every program runs under CPython and under jitvm (test_jit.run)."""

from __future__ import annotations

from test_fused_helpers import compiled_line
from test_jit import MID_RUN, run


def test_loops_over_zip_unpack_natively():
    src = """
    def f(a, b):
        t = 0.0
        for x, y in zip(a, b):
            t += x * y
        s = sum(x - y for x, y in zip(a, b))
        kept = []
        for p in zip(a, b, a):
            kept.append(p)
        return t, s, kept[-1:], list(zip(a, b))[:1], dict(zip(b, a))
    for i in range(400):
        out = f([1.5, 2.0, 3.0, 4.0], [2.0, 0.5, 1.0])
    print(out, f([], [1]), f((1, 2), [3, 4]), f([1, 2**62], [2**62, 4]))
    """
    run(src, thresholds=MID_RUN, compiled=("f",), compiled_upto=1)
    line = compiled_line(src, "f", "--jit-threshold", "100")
    assert "zip" not in line.split("calls", 1)[-1].replace("zip, list", "").replace(
        "zip, dict", ""), line


def test_zip_over_lists_that_change_in_the_loop():
    run("""
    def f(a, b):
        out = []
        for x, y in zip(a, b):
            out.append(x + y)
            if len(a) < 8:
                a.append(x * 2)
            if y > 2:
                b.pop()
        return out
    for i in range(300):
        r = f([1, 2, 3], [1, 2, 3, 4, 5])
    print(r, f([1.5, 2], [0.5, 3, 9, 9]), f([], []), f([1], [2.5, "x"]))
    same = [1, 2, 3]
    print(f(same, same))
    """, thresholds=MID_RUN)


def test_zip_items_of_other_types_and_errors():
    run("""
    def f(a, b):
        return [x * y for x, y in zip(a, b)]
    for i in range(300):
        f([1, 2], [3, 4])
    print(f([1, "ab"], [3, 2]), f([[1]], [2]))
    try:
        f([1, None], [2, 3])
    except TypeError as e:
        print("caught", e)
    """, thresholds=MID_RUN)
