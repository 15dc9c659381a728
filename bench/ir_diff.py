"""Is the LLVM IR the JIT builds the same in two checkouts?  For changes meant to make
compiling faster without changing the machine code.

    python bench/ir_diff.py BASE_TREE [TREE] [--out DIR] [--sizes small,medium]
                            [--programs a.py,b.py] [--jobs 2]

Runs every program in bench/programs at the given sizes (the default threshold, 1000) and
some tests/programs/*.py at --jit-threshold 0, once under each tree (`python -m jitvm run
--dump-ir --dump-dir ...`, PYTHONPATH the tree, a fixed hash seed, no machine-code cache),
then compares the dumped files byte for byte: the IR as built (`*.ll`) and the optimized
IR (`*.opt.ll`).  Prints one line per run and exits 1 on any difference.  TREE defaults to
the checkout this script is in.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import filecmp
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(HERE, "bench"))

# tests/programs that compile many functions at threshold 0 (lists, objects, calls,
# generators, strings, try/with, module-level loops) and whose JIT does not depend on threads.
PROGRAMS = ("algo_dijkstra.py", "algo_game_of_life.py", "algo_matrix.py", "algo_nqueens.py",
            "algo_sorting.py", "algo_sudoku.py", "algo_tokenizer_parser.py",
            "class_polynomial.py", "class_matrix_operators.py", "cliff_big_ints.py",
            "cliff_gauss_determinant.py", "cliff_float_integrate.py",
            "cliff_enumerate_zip.py", "cliff_exceptions_parse.py")


def runs(sizes: list[str], programs: list[str]) -> list[tuple]:
    """(label, options of `jitvm run`, program relative to the tree, its argv) per run."""
    from run import SIZES
    out = []
    for size in sizes:
        for name in SIZES:
            out.append((f"{name}-{size}", [], os.path.join("bench", "programs", f"{name}.py"),
                        [str(SIZES[name][size])]))
    for prog in programs:
        out.append((f"{prog[:-3]}-t0", ["--jit-threshold", "0"],
                    os.path.join("tests", "programs", prog), []))
    return out


def dump(tree: str, label: str, options: list[str], file: str, argv: list[str],
         out: str) -> str:
    """Run one program under `tree`, its IR dumped into out/label; an error message or ""."""
    folder = os.path.join(out, label)
    shutil.rmtree(folder, ignore_errors=True)
    env = dict(os.environ, PYTHONPATH=tree, PYTHONHASHSEED="0", JITVM_NO_JIT_CACHE="1")
    done = subprocess.run(
        [sys.executable, "-m", "jitvm", "run", "--dump-ir", "--dump-dir", folder, *options,
         os.path.join(tree, file), *argv],
        cwd=tree, env=env, capture_output=True, text=True, timeout=900)
    if done.returncode:
        return f"exit {done.returncode}: {done.stderr[-300:]}"
    return ""


def compare(a: str, b: str) -> tuple[int, list[str]]:
    names_a = set(os.listdir(a)) if os.path.isdir(a) else set()
    names_b = set(os.listdir(b)) if os.path.isdir(b) else set()
    problems = [f"only in base: {n}" for n in sorted(names_a - names_b)]
    problems += [f"only in tree: {n}" for n in sorted(names_b - names_a)]
    for name in sorted(names_a & names_b):
        if not filecmp.cmp(os.path.join(a, name), os.path.join(b, name), shallow=False):
            problems.append(f"differs: {name}")
    return len(names_a & names_b), problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("tree", nargs="?", default=HERE)
    parser.add_argument("--out", default="/tmp/jitvm-ir-diff")
    parser.add_argument("--sizes", default="small,medium")
    parser.add_argument("--programs", default=",".join(PROGRAMS))
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    todo = runs([s for s in args.sizes.split(",") if s],
                [p for p in args.programs.split(",") if p])
    trees = {"base": os.path.abspath(args.base), "tree": os.path.abspath(args.tree)}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        futures = {(which, label): pool.submit(dump, tree, label, options, file, argv,
                                               os.path.join(args.out, which))
                   for label, options, file, argv in todo for which, tree in trees.items()}
    bad = 0
    files = 0
    for label, *_ in todo:
        errors = [f"{w}: {futures[w, label].result()}" for w in trees
                  if futures[w, label].result()]
        count, problems = compare(os.path.join(args.out, "base", label),
                                  os.path.join(args.out, "tree", label))
        files += count
        problems = errors + problems
        bad += bool(problems)
        print(f"{label:40} {count:3} files  " + ("same" if not problems else "; ".join(problems)))
    print(f"\n{len(todo)} runs, {files} files compared, {bad} with differences")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
