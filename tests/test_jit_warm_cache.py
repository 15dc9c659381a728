"""The machine-code cache found by the JIT IR (jitvm/jit/warm_cache.py): a second run of a
program takes its machine code from the cache without lowering to LLVM IR (`not_lowered` in
`--stats-json`), and behaves exactly as the first; whatever lowering would do differently
(opt level, the objects the code names and which of them are the same object) is a miss.

Every test gets a cache folder of its own (JITVM_CACHE_DIR).
"""

from __future__ import annotations

import contextlib
import importlib
import io
import json
import textwrap
from pathlib import Path

import pytest

from difftest import compare, run_cpython, run_jitvm

PROGRAMS = Path(__file__).parent / "programs"

# Guards on globals (one rebound later: a deopt), C-API calls (`print`, `len`), a global
# list read and written, floats boxed, an overflow that deoptimizes, a function compiled in
# an earlier module called from a later one, an exception caught in compiled code.
PROGRAM = textwrap.dedent("""\
    TABLE = [3, 1, 4, 1, 5]

    def helper(x):
        return x * 3 + 1

    def show(n):
        total = 0
        for v in TABLE:
            total += v * n
        print("show", n, total, len(TABLE), n * 0.5)
        return total

    def square(x):
        return x * x

    def uses_helper(n):
        s = 0
        for i in range(n):
            s += helper(i)
        return s

    def careful(xs):
        out = 0
        for x in xs:
            try:
                out += 100 // x
            except ZeroDivisionError:
                out -= 1
        return out

    print(helper(2))
    print(show(2), show(3))
    TABLE.append(9)
    print(show(4))
    print(square(12), square(3_000_000_000), square(2 ** 40))
    print(uses_helper(10))
    print(careful([5, 0, 3, 0, 7]))

    def helper(x):
        return -x

    print(uses_helper(10))
""")


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("JITVM_CACHE_DIR", str(folder))
    monkeypatch.delenv("JITVM_NO_JIT_CACHE", raising=False)
    return folder


def _program(tmp_path, src: str, name: str = "prog.py") -> Path:
    path = tmp_path / name
    path.write_text(src, encoding="utf-8")
    return path


def _run(tmp_path, path, *options):
    """Run `path` (threshold 0 unless `options` say) with stats: (result, stats)."""
    stats = tmp_path / "stats.json"
    result = run_jitvm(path, options=("--jit-threshold", "0", "--stats-json", str(stats),
                                      *options))
    return result, json.loads(stats.read_text())


@pytest.mark.parametrize("threshold", ["0", "3"])
def test_second_run_is_not_lowered(tmp_path, cache_dir, threshold):
    path = _program(tmp_path, PROGRAM)
    expected = run_cpython(path)
    first, split = _run(tmp_path, path, "--jit-threshold", threshold)
    assert not compare(expected, first, "cold")
    assert split["compiled"] >= 4 and split["cache_hits"] == split["not_lowered"] == 0
    second, split2 = _run(tmp_path, path, "--jit-threshold", threshold)
    assert not compare(expected, second, "warm")
    assert split2["not_lowered"] == split2["cache_hits"] == split2["compiled"] \
        == split["compiled"]
    assert split2["deopts"] == split["deopts"] >= 1
    assert not split2["llvm_loaded"]


def test_what_lowering_depends_on_misses(tmp_path, cache_dir):
    """Another opt level is other machine code; asking for the LLVM IR lowers (the IR-text
    key finds LLVM's object file then)."""
    path = _program(tmp_path, PROGRAM)
    expected = run_cpython(path)
    _run(tmp_path, path)
    result, split = _run(tmp_path, path, "--opt-level", "1")
    assert not compare(expected, result) and split["cache_hits"] == split["not_lowered"] == 0
    result, split = _run(tmp_path, path, "--opt-level", "1")
    assert not compare(expected, result) and split["not_lowered"] == split["compiled"]
    result, split = _run(tmp_path, path, "--dump-ir")
    assert not compare(expected, result) and split["not_lowered"] == 0
    assert split["cache_hits"] == split["compiled"] and "; ---- llvm:" in result.stderr


# The same JIT IR but for the objects named (both builtin functions): with `g = f` the
# code shares one relocation slot for them, otherwise it has two.
ALIASES = textwrap.dedent("""\
    f = hex
    g = {g}

    def h(n):
        s = 0
        for i in range(n):
            s += len(f(i)) * 10 + len(g(i))
        return s

    print(h(100), f(99), g(99))
""")


@pytest.mark.parametrize("order", [("hex", "oct", "hex"), ("oct", "hex", "oct")])
def test_objects_named_by_the_ir_decide(tmp_path, cache_dir, order):
    for g in order:
        path = _program(tmp_path, ALIASES.format(g=g))
        result, split = _run(tmp_path, path)
        assert not compare(run_cpython(path), result, g)
        assert split["compiled"] >= 1


def test_a_changed_callee_or_global(tmp_path, cache_dir):
    """A caller's machine code calls its callee by symbol: with the callee changed, the
    callee's module is a miss and the caller's may hit; the output is always right."""
    src = textwrap.dedent("""\
        SCALE = {scale}

        def helper(x):
            return x * {k} + SCALE

        def outer(n):
            return sum([helper(i) for i in range(n)])

        print(outer(5), helper(2))
        print(outer(7))
    """)
    for rep in range(2):
        for k, scale in ((3, 1), (5, 1), (3, 2.5), (3, "1")):
            if scale == "1":
                src_k = src.replace("+ SCALE", "+ len(SCALE)").format(k=k, scale='"1"')
            else:
                src_k = src.format(k=k, scale=scale)
            path = _program(tmp_path, src_k)
            result, split = _run(tmp_path, path)
            assert not compare(run_cpython(path), result, f"{k} {scale} run {rep}")
            if rep:
                assert split["not_lowered"] == split["compiled"]
            else:  # (the comprehension's code may be the same as the last variant's)
                assert split["not_lowered"] < split["compiled"]


# A global list guarded by the code (a graph's adjacency lists): the key names the list,
# never its items, so a run on other data finds the same machine code, and describing a
# module costs nothing per item (it once walked all of them: 85 ms for 48,000 tuples).
GRAPH = textwrap.dedent("""\
    import sys

    def graph(seed):
        return [[((i * seed + k) % 300, (i + k * seed) % 9) for k in range(6)]
                for i in range(300)]

    ADJ = graph(int(sys.argv[1]))

    def reach(src):
        dist = [-1] * len(ADJ)
        dist[src] = 0
        todo = [src]
        while todo:
            u = todo.pop()
            for v, w in ADJ[u]:
                if dist[v] < 0 or dist[u] + w < dist[v]:
                    dist[v] = dist[u] + w
                    todo.append(v)
        return sum(dist), max(dist)

    print([reach(s) for s in range(0, 300, 37)])
""")


def test_a_global_list_is_named_not_walked(tmp_path, cache_dir):
    path = _program(tmp_path, GRAPH)
    splits = []
    for seed in (7, 11, 7):
        stats = tmp_path / "stats.json"
        result = run_jitvm(path, args=(seed,), options=("--jit-threshold", "0",
                                                       "--stats-json", str(stats)))
        assert not compare(run_cpython(path, args=(seed,)), result, f"seed {seed}")
        splits.append(json.loads(stats.read_text()))
    assert splits[0]["compiled"] >= 2 and splits[0]["not_lowered"] == 0
    for split in splits[1:]:  # (other items, the same code: every module found)
        assert split["not_lowered"] == split["compiled"] == splits[0]["compiled"]


@pytest.mark.parametrize("name", ["algo_sudoku", "class_dunder_arith", "class_inheritance",
                                  "algo_huffman", "algo_dijkstra"])
def test_corpus_programs_twice(tmp_path, cache_dir, name):
    path = PROGRAMS / f"{name}.py"
    expected = run_cpython(path)
    first, split = _run(tmp_path, path)
    assert not compare(expected, first, "cold")
    second, split2 = _run(tmp_path, path)
    assert not compare(expected, second, "warm")
    assert split2["not_lowered"] == split2["compiled"] == split["compiled"]


def test_background_compilation_finds_without_lowering(tmp_path, cache_dir):
    src = textwrap.dedent("""\
        def work(n):
            total = 0
            for i in range(n):
                total += i * i % 7
            return total
        s = 0
        for rep in range(200):
            s += work(2000)
        print(s)
    """)
    path = _program(tmp_path, src)
    expected = run_cpython(path)
    splits = []
    for _ in range(2):
        result, split = _run(tmp_path, path, "--jit-threshold", "5", "--jit-background")
        assert not compare(expected, result, "background")
        splits.append(split)
    assert splits[0]["not_lowered"] == 0 and splits[1]["not_lowered"] >= 1


# -- the checks of a recipe against this process's objects -------------------------------------


def _lowered_modules(tmp_path, monkeypatch):
    """Run PROGRAM in this process at threshold 0: for each module lowered, (description,
    functions, recipe, the relocation table lowering filled, the engine)."""
    from jitvm.interpreter import VM
    from jitvm.runner import run_path
    jit_package = importlib.import_module("jitvm.jit")
    engine_module = importlib.import_module("jitvm.jit.engine")
    monkeypatch.setenv("JITVM_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("JITVM_NO_JIT_CACHE", raising=False)
    modules = []
    lower = engine_module.Engine.lower

    def recording(self, functions, function_index, description=None):
        built = lower(self, functions, function_index, description)
        if built.warm is not None:
            modules.append((description, functions, built.warm[1], built.relocations, self))
        return built

    monkeypatch.setattr(engine_module.Engine, "lower", recording)
    path = _program(tmp_path, PROGRAM)
    vm = VM()
    vm.jit = jit_package.JIT(vm, threshold=0)
    with contextlib.redirect_stdout(io.StringIO()):
        run_path(str(path), [], vm)
    return modules


def test_a_recipe_resolves_to_the_relocations_lowering_made(tmp_path, monkeypatch):
    warm = importlib.import_module("jitvm.jit.warm_cache")
    modules = _lowered_modules(tmp_path, monkeypatch)
    assert len(modules) >= 4
    objects_named = 0
    for description, functions, recipe, relocations, engine in modules:
        words, keep, _ = warm.resolve(description, functions, recipe, engine.counters)
        assert words == relocations
        objects_named += len(keep)
    assert objects_named >= 10


def test_a_recipe_that_does_not_fit_is_a_miss(tmp_path, monkeypatch):
    """Positions that held one object hold two; two slots' objects are one; an object of a
    slot appears at a position the recipe does not name: lowering would have made other
    code, so none of them resolves."""
    import marshal
    warm = importlib.import_module("jitvm.jit.warm_cache")
    modules = _lowered_modules(tmp_path, monkeypatch)
    tried = set()
    for description, functions, recipe, relocations, engine in modules:
        _, table, _, _ = marshal.loads(recipe)
        slots = [entry[1] for entry in table if entry[0] == "o" and entry[1]]

        def resolves(objects) -> bool:
            changed = warm.Description(description.key, objects, description.points)
            return warm.resolve(changed, functions, recipe, engine.counters) is not None

        assert resolves(list(description.objects))
        for sources in slots:
            if len(sources) >= 2:  # one position gets another object
                objects = list(description.objects)
                objects[sources[-1]] = object()
                assert not resolves(objects)
                tried.add("split")
        if len(slots) >= 2:  # the second slot's positions hold the first's object
            objects = list(description.objects)
            for at in slots[1]:
                objects[at] = objects[slots[0][0]]
            assert not resolves(objects)
            tried.add("merged")
        named = {at for sources in slots for at in sources}
        free = [at for at in range(len(warm.KNOWN), len(description.objects))
                if at not in named]
        if slots and free:  # a position the recipe does not name holds a slot's object
            objects = list(description.objects)
            objects[free[0]] = objects[slots[0][0]]
            assert not resolves(objects)
            tried.add("unnamed")
    assert tried == {"split", "merged", "unnamed"}


def test_a_warm_run_loads_nothing_of_lowering(tmp_path, cache_dir):
    """Neither llvmlite.ir nor the lowering modules are imported when nothing is lowered."""
    path = _program(tmp_path, textwrap.dedent("""\
        import sys

        def f(n):
            return sum([i * i for i in range(n)])

        print(f(50), sorted(m for m in ("llvmlite.ir", "llvmlite.binding", "jitvm.jit.lower",
                                        "jitvm.jit.lower_runtime") if m in sys.modules))
    """))
    first, split = _run(tmp_path, path)
    assert first.stdout == ("40425 ['jitvm.jit.lower', 'jitvm.jit.lower_runtime', "
                            "'llvmlite.binding', 'llvmlite.ir']\n")
    second, split = _run(tmp_path, path)
    assert second.stdout == "40425 []\n" and split["not_lowered"] == split["compiled"] >= 1
