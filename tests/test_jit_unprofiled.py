"""Soft exits: code compiled before the interpreter ran it (`--jit-threshold 0`, or a branch
the warm-up never took) has no type feedback at a method call, an attribute, an operator on
objects or a call's result.  Native code leaves at such an instruction the first time it gets
there (ir.UNPROFILED), the interpreter runs it with its type recorders, and the code is made
again for what they saw (frontend.unprofiled, deopt.Deoptimization._unprofiled): at
threshold 0 an object-oriented program ends up calling its methods' machine code directly,
as it does when compiled after a warm-up.  A soft exit is not a deopt: it is neither counted
nor logged as one, and nothing runs twice."""

from __future__ import annotations

from test_jit import jit_log, run

PARTICLES = """
    class Vec:
        def __init__(self, x, y):
            self.x = x
            self.y = y
        def add(self, other):
            return Vec(self.x + other.x, self.y + other.y)
        def scale(self, k):
            return Vec(self.x * k, self.y * k)
    class Particle:
        def __init__(self, pos, vel):
            self.pos = pos
            self.vel = vel
        def step(self, dt, gravity):
            self.vel = self.vel.add(gravity.scale(dt))
            self.pos = self.pos.add(self.vel.scale(dt))
            if self.pos.y < 0.0:
                print("bounce", round(self.pos.x, 6))
                self.pos = Vec(self.pos.x, -self.pos.y)
                self.vel = Vec(self.vel.x, -0.9 * self.vel.y)
    def simulate(particles, steps, dt):
        gravity = Vec(0.0, -9.81)
        for _ in range(steps):
            for p in particles:
                p.step(dt, gravity)
        return sum(p.pos.x + p.pos.y for p in particles)
    ps = [Particle(Vec(i * 0.5, 1.0 + i), Vec(1.0, 0.0)) for i in range(4)]
    print(round(simulate(ps, 1500, 0.002), 6))
"""


def test_methods_without_feedback_are_learnt_and_called_natively():
    results = run(PARTICLES, thresholds=("0",))
    log = jit_log(results["0"].stderr)
    assert any(line.startswith("learnt: Particle.step at line") and "has run" in line
               for line in log), log
    # made again after running: step calls the machine code of Vec's methods directly
    assert any(line.startswith("compiled: Particle.step(obj, float, obj)")
               and "calls the machine code of Vec.add, Vec.scale" in line
               and "not run yet at line 15" not in line for line in log), log
    assert not any(line.startswith(("deopt: Particle", "deopt: Vec", "deopt: simulate"))
                   for line in log), log


def test_soft_exits_are_not_counted_as_deopts():
    from difftest import run_jitvm
    import tempfile, textwrap
    from pathlib import Path
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "prog.py"
        path.write_text(textwrap.dedent(PARTICLES))
        result = run_jitvm(path, options=("--stats", "--jit-threshold", "0"))
    assert result.returncode == 0, result.stderr
    # (--stats lists the deopts by guard: none of the methods' soft exits is one)
    assert "deopt: Particle" not in result.stderr and "deopt: Vec" not in result.stderr \
        and "deopt: simulate" not in result.stderr, result.stderr


def test_a_branch_first_taken_late_runs_once():
    # The branch with the print is compiled before it ever ran: its first run leaves native
    # code after the print's arguments... never before its effects twice.
    run("""
        class Box:
            def __init__(self, v):
                self.v = v
        def walk(items):
            total = 0.0
            for i, b in enumerate(items):
                if i % 997 == 996:
                    print("at", i, b.v, b.v * 2.5)   # first reached late: no feedback
                    b.v = b.v * 2.5
                total += b.v
            return total
        items = [Box(float(k % 13)) for k in range(5000)]
        print(walk(items))
        print(walk(items))
    """, thresholds=("0", "1", "5"))


def test_many_unprofiled_sites_stay_correct_past_the_budget():
    # More first-run sites than the code's budget of re-makes: the rest stays generic.
    src = ["class P:", "    pass", "def f(objs):", "    s = 0.0"]
    for k in range(12):
        src.append(f"    s += objs[{k}].a{k} * 1.5")
    src += ["    return s", "objs = []", "for k in range(12):", "    o = P()",
            "    for j in range(12):", "        setattr(o, 'a%d' % j, float(j + k))",
            "    objs.append(o)", "for _ in range(3):", "    print(f(objs))"]
    run("\n".join(src), thresholds=("0", "1"))


def test_an_object_a_loop_entered_by_osr_drops_is_freed_at_once():
    # An OSR entry takes over the frame's references to its locals (it used to borrow them,
    # so the interpreter frame kept the value a local held at entry alive until native code
    # handed the frame back: its __del__ ran at the loop's end, not when it was replaced).
    run("""
        class O:
            def __init__(self, n):
                self.n = n
            def __del__(self):
                print("del", self.n)
        def f():
            x = O(-1)
            for i in range(40):
                x = O(i)
                print("at", i)
            print("end")
        f()
        y = O(-2)
        for i in range(30):
            y = O(100 + i)
            print("module", i)
        del y
        print("done")
    """, thresholds=("0", "1", "5", "10"))
