"""`jitvm warmup` (also `jitvm compare --warmup`): the JIT kicking in, seen call by call.

In: a program, one of its functions, the function's arguments (Python literals) and a number
of iterations.  The program is loaded as a module — `__name__` is not "__main__", so a
guarded `main()` does not run — and the function is called that many times, each call timed
with `time.perf_counter`, in three separate processes: host CPython, the jitvm interpreter and
jitvm with the JIT (whose log marks the call during which code was compiled, entered by OSR
or deoptimized).  Out: a text chart of time per call on a log scale, a summary, optionally a
PNG plot (matplotlib, the `plot` extra) and a JSON document; exit status 0 when the three
printed the same output and returned the same values, 1 when not or when a run failed, 2 for a
usage error.

The child side (`python -m jitvm.warmup SPEC`) is in this module too: `child_main`.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import types

from .compare import child_env, format_speedup

# In the order they are shown; they run JIT first (the most interesting, and the first to say
# when the function is missing), the slow interpreter last.
CONFIGS = (("cpython", f"CPython {platform.python_version()}", "C"),
           ("interp", "jitvm interpreter", "I"),
           ("jit", "jitvm JIT", "J"))
RUN_ORDER = ("jit", "cpython", "interp")
MAX_ROWS = 60  # more iterations than this are shown in groups (the median of each)
REPR_LIMIT = 200  # characters of each return value kept for the comparison
LOG_LINES_KEPT = 5  # JIT log lines kept per iteration


class WarmupError(Exception):
    """A usage error: shown as it is, exit status 2."""


class MissingFunction(Exception):
    """The program defines no such function (the child says so; exit status 2)."""


def parse_call_args(text: str) -> tuple:
    """`--args "30, 2.5"` → (30, 2.5): Python literals, comma-separated."""
    text = text.strip().removesuffix(",")
    if not text:
        return ()
    try:
        value = ast.literal_eval(f"({text},)")
    except (ValueError, SyntaxError):
        raise WarmupError(f"--args {text!r}: not comma-separated Python literals "
                          f"(numbers, strings, tuples, lists, dicts...)") from None
    return value


# --- the child: one configuration in its own process -------------------------------------------


def _load_module(spec: dict, vm) -> types.ModuleType:
    """The program as a module named after its file, run on `vm` (or on the host if None)."""
    path = os.path.abspath(spec["program"])
    name = os.path.splitext(os.path.basename(path))[0]
    if name in sys.modules or not name.isidentifier():
        name = "__warmup__"
    sys.argv = [spec["program"], *spec["argv"]]
    sys.path[0:0] = [os.path.dirname(path)]
    module = types.ModuleType(name)
    module.__file__ = path
    sys.modules[name] = module
    if vm is None:
        with open(path, "rb") as fh:
            source = fh.read()
        exec(compile(source, path, "exec"), module.__dict__)
    else:
        from .cache import load_code
        from .runner import install_import_hook
        install_import_hook(vm, [sys.path[0]])
        vm.run_module(load_code(path), module.__dict__)
    return module


def _find_function(module: types.ModuleType, dotted: str):
    target = module
    for part in dotted.split("."):
        target = getattr(target, part, None)
        if target is None:
            break
    if not callable(target):
        names = sorted(name for name, value in vars(module).items()
                       if callable(value) and not isinstance(value, type)
                       and getattr(value, "__module__", None) == module.__name__)
        known = f"; its functions: {', '.join(names)}" if names else ""
        raise MissingFunction(f"no function {dotted!r} in {module.__file__}{known}")
    return target


def _short_repr(value) -> str:
    text = repr(value)
    return text if len(text) <= REPR_LIMIT else text[:REPR_LIMIT] + "..."


def child_main(spec: dict) -> int:
    """Load the program, call the function, write times and JIT events to spec["out"]."""
    mode = spec["mode"]
    vm = None
    log: list[str] = []
    if mode != "cpython":
        from .cli import _share_exc_info, _share_recursion_limit
        from .errors import install_traceback_hook
        from .interpreter import VM
        vm = VM()
        if mode == "jit":
            from .jit import JIT
            vm.jit = JIT(vm, threshold=spec["threshold"], log=log.append,
                         learn_unprofiled=True)
        _share_recursion_limit(vm)
        _share_exc_info(vm)
        install_traceback_hook()
    result = {"mode": mode, "times_s": [], "results": [], "events": [], "stopped_early": False}

    def note_events(iteration: int, seen: int) -> int:
        if len(log) > seen:
            lines = log[seen:]
            kept = lines[:LOG_LINES_KEPT]
            if len(lines) > LOG_LINES_KEPT:
                kept.append(f"(and {len(lines) - LOG_LINES_KEPT} more JIT events)")
            result["events"].append({"iteration": iteration, "log": kept,
                                     "stats": dict(vm.jit.stats)})
        return len(log)

    status = 0
    phase = "while loading"
    try:
        module = _load_module(spec, vm)
        seen = note_events(0, 0)  # 0: while the module itself ran
        function = _find_function(module, spec["function"])
        call_args = parse_call_args(spec["args"])
        if vm is not None and hasattr(function, "__jitvm_code__"):
            # Call it the way jitvm code calls a function (positional arguments, no keyword
            # dict), the path on which the JIT enters native code.
            def function(*args, _call=vm.call_function, _f=function):
                return _call(_f, list(args), None)
        spent = 0.0
        phase = "in a timed call"
        for iteration in range(1, spec["iterations"] + 1):
            start = time.perf_counter()
            value = function(*call_args)
            elapsed = time.perf_counter() - start
            result["times_s"].append(elapsed)
            result["results"].append(_short_repr(value))
            seen = note_events(iteration, seen)
            spent += elapsed
            if spent > spec["budget"] and iteration < spec["iterations"]:
                result["stopped_early"] = True
                break
    except MissingFunction as exc:
        result["error"] = str(exc)
        status = 2
    except SystemExit as exc:
        result["error"] = f"the program called sys.exit({exc.code!r}) {phase}"
        status = 1
    except BaseException as exc:  # noqa: BLE001 - reported, as the program's or jitvm's
        sys.stdout.flush()
        import traceback
        if vm is None:
            traceback.print_exception(exc)
            result["error"] = f"{type(exc).__name__}: {exc}"
        else:
            from .errors import format_exception, is_user_exception
            if is_user_exception(exc):
                sys.stderr.write(format_exception(exc))
                result["error"] = f"{type(exc).__name__}: {exc}"
            else:
                traceback.print_exception(exc)
                result["error"] = (f"jitvm: internal error (a bug in jitvm, not in your "
                                   f"program): {type(exc).__name__}: {exc}")
        status = 1
    if vm is not None and vm.jit is not None:
        result["jit_stats"] = dict(vm.jit.stats)
    sys.stdout.flush()
    with open(spec["out"], "w") as fh:
        json.dump(result, fh)
    return status


# --- the parent: run the three, check, show ------------------------------------------------------


def run_child(spec: dict, timeout: float | None) -> tuple[dict, subprocess.CompletedProcess]:
    command = [sys.executable, "-m", "jitvm.warmup", json.dumps(spec)]
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, env=child_env(),
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return {"error": f"timed out after {timeout} s", "times_s": []}, None
    try:
        with open(spec["out"]) as fh:
            return json.load(fh), done
    except (OSError, ValueError):
        err = done.stderr.decode("utf-8", "replace").strip().splitlines()[-8:]
        return {"error": f"exit status {done.returncode}\n" + "\n".join(err),
                "times_s": []}, done


def compile_iterations(events: list[dict]) -> list[int]:
    """The iterations (0: loading the module) during which the JIT compiled something."""
    return [e["iteration"] for e in events if any(line.startswith("compiled:")
                                                  for line in e["log"])]


def format_ms(seconds: float) -> str:
    ms = seconds * 1000
    if ms >= 100:
        return f"{ms:.0f} ms"
    if ms >= 10:
        return f"{ms:.1f} ms"
    if ms >= 0.1:
        return f"{ms:.2f} ms"
    return f"{ms * 1000:.1f} us"


def _groups(count: int, max_rows: int) -> list[tuple[int, int]]:
    """Iterations 1..count as at most max_rows consecutive (first, last) groups."""
    if count <= max_rows:
        return [(i, i) for i in range(1, count + 1)]
    size = math.ceil(count / max_rows)
    return [(first, min(first + size - 1, count)) for first in range(1, count + 1, size)]


def format_tick(seconds: float) -> str:
    """A decade as a short axis label: 1us, 10us, 100us, 1ms, ..., 1s, 10s."""
    for unit, scale in (("s", 1), ("ms", 1e-3), ("us", 1e-6), ("ns", 1e-9)):
        if seconds >= scale * 0.999:
            return f"{seconds / scale:.0f}{unit}"
    return f"{seconds:.0e}s"


def _axis(low: float, high: float, width: int):
    """A log-scale axis over decades of seconds: position of a value, and the tick line."""
    lo, hi = math.floor(math.log10(low)), math.ceil(math.log10(high))
    if hi == lo:
        hi += 1

    def column(value: float) -> int:
        return round((math.log10(value) - lo) / (hi - lo) * (width - 1))

    ticks = [" "] * (width + 8)
    for decade in range(lo, hi + 1):
        label = format_tick(10.0 ** decade)
        at = column(10.0 ** decade)
        if all(c == " " for c in ticks[max(0, at - 1):at + len(label) + 1]):
            ticks[at:at + len(label)] = label
    return column, "".join(ticks).rstrip()


def _new_lines(event: dict, seen: set) -> list[str]:
    """The JIT log lines of an iteration not already shown (an OSR entry repeats every call)."""
    fresh = [line for line in event["log"] if line not in seen]
    seen.update(fresh)
    return fresh


SHORT_NAMES = {"cpython": "CPython", "interp": "interp", "jit": "JIT"}


def format_chart(data: dict, width: int) -> str:
    configs = [(key, c["label"], c["mark"], c["times_s"]) for key, c in data["configs"].items()
               if c["times_s"]]
    every = [t for *_, times in configs for t in times if t > 0]
    if not every:
        return "(no timings)"
    column, ticks = _axis(min(every), max(every), width)
    jit_events = {e["iteration"]: e for e in data["configs"].get("jit", {}).get("events", [])}
    seen: set[str] = set()
    count = max(len(times) for *_, times in configs)
    label_width = max(4, len(str(count)) * 2 + 1)
    head = f"{'call':>{label_width}}" + "".join(f"{SHORT_NAMES[key]:>10}"
                                                 for key, *_ in configs) + "   "
    lines = [head + " " + ticks]
    if 0 in jit_events and _new_lines(jit_events[0], seen):
        lines.append(" " * len(head) + "^ while loading the module: " +
                     "; ".join(jit_events[0]["log"]))
    for first, last in _groups(count, MAX_ROWS):
        label = str(first) if first == last else f"{first}-{last}"
        cells, bar = [], [" "] * width
        for _, _, mark, times in configs:
            chunk = [t for t in times[first - 1:last] if t > 0]
            if not chunk:
                cells.append(f"{'-':>10}")
                continue
            value = statistics.median(chunk)
            cells.append(f"{format_ms(value):>10}")
            at = column(value)
            bar[at] = "*" if bar[at] != " " else mark
        lines.append(f"{label:>{label_width}}{''.join(cells)}   |{''.join(bar).rstrip()}")
        for iteration in range(first, last + 1):
            fresh = _new_lines(jit_events[iteration], seen) if iteration in jit_events else []
            if fresh:
                where = f"call {iteration}: " if first != last else ""
                lines.append(" " * len(head) + f"^ {where}{'; '.join(fresh)}")
    legend = "   ".join(f"{mark} {label}" for _, label, mark, _ in configs)
    lines.append(f"time per call, log scale: {legend}   (* several at once)")
    return "\n".join(lines)


def steady_state(times: list[float], after: int) -> tuple[int, list[float]]:
    """The settled calls: the later half of those after iteration `after` (the last compile;
    native code takes a few calls to reach its speed), as (first call number, times)."""
    rest = len(times) - after
    first = after + rest // 2 if rest > 1 else max(len(times) - 1, 0)
    return first + 1, times[first:]


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else many or one + 's'}"


def format_summary(data: dict) -> str:
    configs = data["configs"]
    lines = []
    cpython = configs["cpython"]["times_s"]
    base_c = statistics.median(cpython) if cpython else None
    for key in ("cpython", "interp"):
        times = configs[key]["times_s"]
        if times:
            line = f"{configs[key]['label']:<20} median {format_ms(statistics.median(times))} " \
                   f"per call"
            if key == "interp" and base_c:
                line += f" ({format_speedup(base_c / statistics.median(times), False)} " \
                        f"than CPython)"
            lines.append(line)
    jit = configs["jit"]
    if jit["times_s"]:
        compiled_at = data["compile_iterations"]
        after = max(compiled_at) if compiled_at else 0
        first, settled = steady_state(jit["times_s"], after)
        steady = statistics.median(settled)
        span = f"call {first}" if first == len(jit["times_s"]) else \
            f"calls {first}-{len(jit['times_s'])}"
        versus = []  # against the same calls of the others, warmed up as well
        for key, name in (("cpython", "CPython"), ("interp", "the interpreter")):
            same_calls = configs[key]["times_s"][first - 1:]
            if same_calls and steady:
                ratio = statistics.median(same_calls) / steady
                versus.append(f"{format_speedup(ratio, False)} than {name}")
        stats = jit.get("jit_stats", {})
        totals = (f"{stats.get('compiled', '?')} compiled in {stats.get('compile_ms', 0):.1f} "
                  f"ms, {plural(stats.get('osr_entries', 0), 'OSR entry', 'OSR entries')}, "
                  f"{plural(stats.get('deopts', 0), 'deopt')}")
        indent = " " * 21
        if compiled_at:
            calls = [str(i) for i in compiled_at if i]
            where = " and ".join((["while loading the module"] if 0 in compiled_at else []) +
                                 ([f"during call{'s' if len(calls) > 1 else ''} "
                                   f"{', '.join(calls)}"] if calls else []))
            lines.append(f"{jit['label']:<20} compiled {where} ({totals})")
            lines.append(f"{indent}{span}: median {format_ms(steady)} per call, "
                         f"{', '.join(versus)} over the same calls")
        else:
            lines.append(f"{jit['label']:<20} compiled nothing in {len(jit['times_s'])} calls "
                         f"({totals}); {span}: median {format_ms(steady)} per call")
        refused = dict.fromkeys(line for event in jit["events"] for line in event["log"]
                                if line.startswith(("not compiled", "dropped", "backing off",
                                                    "blacklisted")))
        lines += [f"{indent}{line}" for line in refused]
        if not compiled_at and not refused:
            lines.append(f"{indent}A function compiles once its calls plus loop iterations "
                         f"reach the threshold ({data['jit_threshold']}): try more --iterations "
                         f"or a lower --jit-threshold.")
    for key, config in configs.items():
        if config.get("stopped_early"):
            lines.append(f"note: {config['label']} stopped after {len(config['times_s'])} of "
                         f"{data['iterations']} calls (--budget {data['budget']} s)")
    return "\n".join(lines)


def check_outputs(data: dict, stdouts: dict[str, bytes]) -> list[str]:
    """What differs from CPython: the printed output or the values returned."""
    problems = []
    reference = data["configs"]["cpython"]
    for key, config in data["configs"].items():
        if key == "cpython":
            continue
        if stdouts[key] != stdouts["cpython"]:
            problems.append(f"{config['label']}: stdout differs from CPython's")
        for i, (want, got) in enumerate(zip(reference["results"], config["results"])):
            if want != got:
                problems.append(f"{config['label']}: call {i + 1} returned {got} where "
                                f"CPython returned {want}")
                break
    return problems


def have_matplotlib() -> bool:
    return importlib.util.find_spec("matplotlib") is not None


def save_plot(data: dict, path: str):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(9, 5))
    styles = {"cpython": ("tab:blue", "o"), "interp": ("tab:gray", "s"), "jit": ("tab:red", "^")}
    for key, config in data["configs"].items():
        times = config["times_s"]
        if times:
            color, marker = styles[key]
            ax.plot(range(1, len(times) + 1), [t * 1000 for t in times], marker=marker,
                    markersize=3, color=color, label=config["label"])
    for i, iteration in enumerate(data["compile_iterations"]):
        ax.axvline(max(iteration, 0.5), color="tab:red", linestyle=":", alpha=0.7,
                   label="JIT compiled" if i == 0 else None)
    ax.set_yscale("log")
    from matplotlib.ticker import MaxNLocator
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("call")
    ax.set_ylabel("time per call (ms, log scale)")
    ax.set_title(f"{data['call']} in {os.path.basename(data['program'])}: warm-up "
                 f"(JIT threshold {data['jit_threshold']})")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def warmup_command(program: str, function: str, argv: list[str], call_args: str,
                   iterations: int, jit_threshold: int, budget: float,
                   plot: str | None = None, json_path: str | None = None,
                   timeout: float | None = None) -> int:
    """`jitvm warmup`: run the three children, check, print; returns the exit status."""
    try:
        shown = ", ".join(map(repr, parse_call_args(call_args)))
        call = f"{function}({shown if len(shown) <= 40 else shown[:37] + '...'})"
        if plot is not None and not have_matplotlib():
            raise WarmupError("--plot needs matplotlib, which is not installed: "
                              "pip install 'jitvm[plot]'  (or: pip install matplotlib)")
    except WarmupError as exc:
        print(f"jitvm warmup: {exc}", file=sys.stderr)
        return 2
    data = {"program": program, "argv": list(argv), "function": function, "args": call_args,
            "call": call, "iterations": iterations, "jit_threshold": jit_threshold,
            "budget": budget, "python_version": platform.python_version(), "configs": {}}
    stdouts: dict[str, bytes] = {}
    results: dict[str, dict] = {}
    tty = sys.stderr.isatty()
    with tempfile.TemporaryDirectory(prefix="jitvm-warmup-") as workdir:
        for key, label, mark in sorted(CONFIGS, key=lambda c: RUN_ORDER.index(c[0])):
            if tty:
                sys.stderr.write(f"\rjitvm warmup: {iterations} calls of {call} on {label} ...")
                sys.stderr.flush()
            spec = {"mode": key, "program": program, "argv": list(argv), "function": function,
                    "args": call_args, "iterations": iterations, "threshold": jit_threshold,
                    "budget": budget, "out": os.path.join(workdir, f"{key}.json")}
            result, done = run_child(spec, timeout)
            if tty:
                sys.stderr.write("\r" + " " * 78 + "\r")
            if "error" in result:
                if done is not None and done.stderr:
                    sys.stderr.write(done.stderr.decode("utf-8", "replace"))
                print(f"jitvm warmup: {label}: {result['error']}", file=sys.stderr)
                return 2 if done is not None and done.returncode == 2 else 1
            stdouts[key] = done.stdout
            results[key] = {"label": label, "mark": mark, **result}
    data["configs"] = {key: results[key] for key, *_ in CONFIGS}
    full_path = os.path.abspath(program)
    for event in data["configs"]["jit"]["events"]:  # the JIT names files by absolute path
        event["log"] = [line.replace(full_path, program) for line in event["log"]]
    data["compile_iterations"] = compile_iterations(data["configs"]["jit"]["events"])
    problems = check_outputs(data, stdouts)
    data["identical"] = not problems
    data["problems"] = problems
    out = sys.stderr if json_path == "-" else sys.stdout
    width = max(30, min(60, shutil.get_terminal_size((100, 24)).columns - 45))
    print(f"jitvm warmup: {call} from {program}, {iterations} calls each, JIT threshold "
          f"{jit_threshold}", file=out)
    print("", file=out)
    print(format_chart(data, width), file=out)
    print("", file=out)
    print(format_summary(data), file=out)
    if problems:
        print("!" * 78 + "\n!!! RESULTS DIFFER\n" + "!" * 78, file=out)
        for problem in problems:
            print(f"* {problem}", file=out)
    else:
        print("outputs: identical (printed output and every returned value)", file=out)
    if plot is not None:
        save_plot(data, plot)
        print(f"plot written to {plot}", file=out)
    if json_path is not None:
        text = json.dumps(data, indent=2)
        if json_path == "-":
            print(text)
        else:
            with open(json_path, "w") as fh:
                fh.write(text + "\n")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(child_main(json.loads(sys.argv[1])))
