"""Code compiled before the interpreter ran it (`--jit-threshold 0`) has no type feedback:
the result of a call of `int()`, `float()`, `len()`, `round(x)`, `time.perf_counter()`,
`random.random()`... is guessed from the callee (frontend_calls._RESULT_GUESSES), so that
`n = int(sys.argv[1])` makes `f(n)` a call of f's int specialisation, not of one on objects.
A wrong guess (an int beyond 64 bits, a class whose __round__ makes something else) is a
guarded deopt after the call; the output is CPython's either way."""

from __future__ import annotations

from test_jit import jit_log, run


def compiled_signatures(result) -> list[str]:
    return [line.split(" in ")[0] for line in jit_log(result.stderr)
            if line.startswith("compiled: ")]


def test_a_size_read_with_int_makes_the_callee_an_int_specialisation():
    results = run("""
        import sys
        def work(n, scale):
            total = 0
            x = 0.0
            for i in range(n):
                total += i % 7
                x += scale
            return total, x
        def main():
            n = int("30000" if len(sys.argv) < 2 else sys.argv[1])
            scale = float("0.5")
            print(work(n, scale), round(2.5), round(7.25, 1))
        main()
    """, thresholds=("0", "1"))
    signatures = compiled_signatures(results["0"])
    assert "compiled: work(int, float) -> tuple" in signatures, signatures


def test_wrong_guesses_deoptimize_after_the_call():
    run("""
        class Weird:
            def __round__(self):
                return "rounded"
            def __index__(self):
                return 5
        def use(v):
            return v * 2
        def main():
            big = int("9" * 30)           # beyond 64 bits
            print(use(big), big + 1)
            print(use(round(Weird())))    # round() of a class: a str
            print(use(int(7.9)), use(len("abc")), use(float("inf")))
            for k in range(3):
                print(use(int(str(10 ** (k * 10)))))
        main()
    """, thresholds=("0", "1", "5"))


def test_time_and_random_results_are_guessed():
    results = run("""
        import random, time
        def f(a, b):
            return a < 2.0 and b >= 1
        def main():
            random.seed(3)
            t0 = time.perf_counter()
            ok = 0
            for _ in range(2000):
                if f(random.random(), random.randint(1, 6)):
                    ok += 1
            print(ok, time.perf_counter() - t0 >= 0.0)
        main()
    """, thresholds=("0",))
    signatures = compiled_signatures(results["0"])
    assert "compiled: f(float, int) -> bool" in signatures, signatures
