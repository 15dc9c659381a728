"""Execution counters and type feedback: what the interpreter records for the JIT."""

from jitvm.compiler import compile_source
from jitvm.interpreter import VM
from jitvm.opcodes import Op

SOURCE = """
def f(a, b):
    t = 0
    for i in range(a):
        t = t + i * b
    return t
def g(n):
    return n
f(10, 2)
f(10, 2.5)
for _ in range(5):
    g(1)
"""


def run(profile_limit=1000):
    vm = VM(profile_limit=profile_limit)
    module = compile_source(SOURCE, "p.py")
    vm.run_module(module, {"__name__": "m"})
    by_name = {code.name: (code, profile) for code, profile in vm.profiles.items()}
    return by_name


def test_counts_calls_and_loop_back_edges():
    profiles = run()
    assert profiles["g"][1].count == 5  # five calls, no loop
    assert profiles["f"][1].count == 2 + 20  # two calls plus ten back-edges each
    assert profiles["<module>"][1].count == 1 + 5  # one run plus the for loop's back-edges


def test_records_argument_operand_and_loop_types():
    code, profile = run()["f"]
    assert profile.arg_types == {(int, int), (int, float)}
    mul = next(i for i, (op, _) in enumerate(code.instructions) if op == Op.BINARY_MULTIPLY)
    assert profile.operand_types[mul] == {(int, int), (int, float)}
    loop_header = next(arg for op, arg in code.instructions if op == Op.JUMP_BACKWARD)
    local_types = profile.loop_types[loop_header]
    assert (int, float, float, int) in local_types  # a, b, t, i after a float iteration


def test_no_feedback_once_warm():
    code, profile = run(profile_limit=0)["f"]
    assert profile.count == 22
    assert not profile.arg_types and not any(profile.operand_types.values())
