"""`jitvm compare`: one program run on host CPython, the jitvm interpreter and jitvm's JIT.

In: a program path, its arguments and the options of the command.  Out: a table on stdout
(wall time with its spread, speedups, JIT compile time, code objects compiled, deopts), an
optional JSON document with the same data, and an exit status: 0 when every run printed the
same stdout and ended with the same exit status as the first CPython run, 1 when any differed
(reported loudly, with a diff excerpt) or failed, 2 for a usage error.

Each run is a whole process timed with `time.perf_counter` around `subprocess.run`, so times
include start-up and compilation, as a user waiting for the program sees them.  The
configurations are interleaved within each repetition (one run of each in turn), so that the
machine's noise hits all of them alike.  JIT figures come from the jitvm child itself
(`jitvm run --stats-json PATH`).
"""

from __future__ import annotations

import difflib
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field

STATS_KEYS = ("wall_ms", "interp_ms", "native_ms", "compile_ms", "compiled", "not_compiled",
              "osr_entries", "deopts")
# Commands that may simply be absent from a machine: a missing one is a note, not an error.
OPTIONAL_COMMANDS = ("pypy3", "pypy")
DIFF_LINES = 20  # lines of a stdout diff shown per mismatch


class CompareError(Exception):
    """A usage error: the message is shown as it is and the command exits with status 2."""


@dataclass
class Run:
    wall_s: float
    status: int | None  # None: timed out
    stdout: bytes
    stderr: bytes
    stats: dict | None = None  # what `jitvm run --stats-json` wrote


@dataclass
class Row:
    key: str  # "cpython", "interp", "jit" or "withN:COMMAND" (the Nth --with)
    label: str
    prefix: list[str]  # the command line before the program path and its arguments
    stats_file: bool = False  # a jitvm child: ask it for --stats-json
    runs: list[Run] = field(default_factory=list)

    def command(self, program: str, args: list[str], stats_path: str | None) -> list[str]:
        extra = ["--stats-json", stats_path] if stats_path else []
        return [*self.prefix, *extra, program, *args]

    def median(self) -> float:
        return statistics.median(r.wall_s for r in self.runs)


@dataclass
class Mismatch:
    row: Row
    index: int  # which run of the row
    what: str  # one line: what differs
    detail: str  # a diff or stderr excerpt
    timed_out: bool = False


# --- the configurations -----------------------------------------------------------------------


def make_rows(jit_threshold: int, extra: tuple[str, ...]) -> tuple[list[Row], list[str]]:
    """The rows to run and the notes for the rows skipped.  Raises CompareError for an
    extra command that cannot be found (except PyPy, which a machine may simply lack)."""
    jitvm = [sys.executable, "-m", "jitvm", "run"]
    rows = [Row("cpython", f"CPython {platform.python_version()}", [sys.executable]),
            Row("interp", "jitvm interpreter", [*jitvm, "--no-jit"], stats_file=True),
            Row("jit", "jitvm JIT",
                [*jitvm, "--jit-threshold", str(jit_threshold)], stats_file=True)]
    notes = []
    for number, text in enumerate(extra, 1):
        words = shlex.split(text)
        if not words:
            raise CompareError("--with needs a command, e.g. --with pypy3")
        found = shutil.which(words[0])
        if found is None:
            if words[0] in OPTIONAL_COMMANDS:
                notes.append(f"{words[0]}: not found on PATH, row skipped "
                             f"(install PyPy to compare with it)")
                continue
            raise CompareError(f"--with {text!r}: command {words[0]!r} not found on PATH")
        rows.append(Row(f"with{number}:{text}", text, [found, *words[1:]]))
    return rows, notes


def prime_bytecode_cache(program: str):
    """Compile the program once, untimed, so that the first jitvm run does not pay for
    writing `__pycache__/*.jvc` and the later ones do not skip it."""
    try:
        from .cache import load_code
        load_code(os.path.abspath(program))
    except Exception:  # noqa: BLE001 - the timed runs will show what is wrong with it
        pass


def child_env() -> dict:
    """The environment of every run: string hashing fixed (unless the user fixed it), so
    that set iteration order is the same in every process and outputs can be compared."""
    env = dict(os.environ)
    env.setdefault("PYTHONHASHSEED", "0")
    return env


# --- running ------------------------------------------------------------------------------------


def run_once(row: Row, program: str, args: list[str], stdin: bytes | None, timeout: float | None,
             workdir: str, number: int) -> Run:
    stats_path = os.path.join(workdir, f"stats-{number}.json") if row.stats_file else None
    command = row.command(program, args, stats_path)
    start = time.perf_counter()
    try:
        done = subprocess.run(command, input=stdin or b"",
                              capture_output=True, timeout=timeout, env=child_env())
        status, stdout, stderr = done.returncode, done.stdout, done.stderr
    except subprocess.TimeoutExpired as exc:
        status, stdout, stderr = None, exc.stdout or b"", exc.stderr or b""
    wall = time.perf_counter() - start
    stats = None
    if stats_path and os.path.exists(stats_path):
        try:
            with open(stats_path) as fh:
                stats = json.load(fh)
        except (OSError, ValueError):
            stats = None
    return Run(wall, status, stdout, stderr, stats)


class Progress:
    """One line on stderr, rewritten for every run — only on a terminal, so that piped or
    redirected output stays clean."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self.width = 0

    def show(self, text: str):
        if self.enabled:
            text = text[:shutil.get_terminal_size().columns - 1]  # a wrapped line stays behind
            sys.stderr.write("\r" + text.ljust(self.width))
            sys.stderr.flush()
            self.width = len(text)

    def done(self):
        if self.enabled and self.width:
            sys.stderr.write("\r" + " " * self.width + "\r")
            sys.stderr.flush()


def run_all(rows: list[Row], program: str, args: list[str], repeat: int, stdin: bytes | None,
            timeout: float | None, progress: Progress):
    """Run every row `repeat` times, interleaved: repetition by repetition, each row once."""
    total = repeat * len(rows)
    with tempfile.TemporaryDirectory(prefix="jitvm-compare-") as workdir:
        for rep in range(repeat):
            for i, row in enumerate(rows):
                number = rep * len(rows) + i + 1
                last = ""
                if row.runs:
                    last = f" (last: {format_seconds(row.runs[-1].wall_s)})"
                progress.show(f"jitvm compare: run {number}/{total}, repetition "
                              f"{rep + 1}/{repeat}: {row.label}{last} ...")
                row.runs.append(run_once(row, program, args, stdin, timeout, workdir, number))
    progress.done()


# --- checking the outputs -------------------------------------------------------------------


def describe_status(run: Run) -> str:
    return "timed out" if run.status is None else f"exit status {run.status}"


def find_mismatches(rows: list[Row], timeout: float | None) -> list[Mismatch]:
    """Every run that timed out, and every finished run whose stdout or exit status differs
    from the first finished CPython run's."""
    found = [Mismatch(row, index, f"timed out after {timeout:g} s", tail(run.stderr),
                      timed_out=True)
             for row in rows for index, run in enumerate(row.runs) if run.status is None]
    reference = next((run for run in rows[0].runs if run.status is not None), None)
    if reference is None:
        return found
    for row in rows:
        for index, run in enumerate(row.runs):
            if run is reference or run.status is None:
                continue
            problems = []
            detail = ""
            if run.status != reference.status:
                problems.append(f"{describe_status(run)} instead of "
                                f"{describe_status(reference)}")
                detail = tail(run.stderr)
            if run.stdout != reference.stdout:
                problems.append("stdout differs")
                detail = stdout_diff(reference.stdout, run.stdout, rows[0].label, row.label) + \
                    ("\n" + detail if detail else "")
            if problems:
                found.append(Mismatch(row, index, "; ".join(problems), detail))
    return found


def stdout_diff(want: bytes, got: bytes, want_name: str, got_name: str) -> str:
    lines = list(difflib.unified_diff(
        want.decode("utf-8", "replace").splitlines(),
        got.decode("utf-8", "replace").splitlines(),
        f"stdout of {want_name}", f"stdout of {got_name}", lineterm="", n=1))
    shown = lines[:DIFF_LINES]
    if len(lines) > DIFF_LINES:
        shown.append(f"... ({len(lines) - DIFF_LINES} more diff lines)")
    return "\n".join(shown)


def tail(stderr: bytes, lines: int = 8) -> str:
    text = stderr.decode("utf-8", "replace").rstrip().splitlines()[-lines:]
    return "\n".join("stderr: " + line for line in text)


# --- the summary --------------------------------------------------------------------------------


def spread(values: list[float]) -> dict:
    return {"median": statistics.median(values), "min": min(values), "max": max(values),
            "stdev": statistics.stdev(values) if len(values) > 1 else 0.0}


def stat_median(row: Row, key: str) -> float | None:
    values = [r.stats[key] for r in row.runs if r.stats and key in r.stats]
    return statistics.median(values) if values else None


def summarize(rows: list[Row], mismatches: list[Mismatch], program: str, args: list[str],
              repeat: int, jit_threshold: int, notes: list[str]) -> dict:
    """The whole comparison as plain data: what `--json` writes and the table shows."""
    by_key = {row.key: row for row in rows}
    cpython, interp = by_key["cpython"].median(), by_key["interp"].median()
    bad = {(m.row.key, m.index) for m in mismatches}
    timed_out = {m.row.key for m in mismatches if m.timed_out}
    data_rows = []
    for row in rows:
        median = row.median()
        entry = {
            "key": row.key, "label": row.label,
            "command": row.command(program, args, "PATH" if row.stats_file else None),
            "wall_s": spread([r.wall_s for r in row.runs]),
            "speedup_vs_cpython": cpython / median if median else None,
            "speedup_vs_interp": interp / median if median else None,
            "identical": not any((row.key, i) in bad for i in range(len(row.runs))),
            "timed_out": row.key in timed_out,
            "runs": [{"wall_s": r.wall_s, "exit_status": r.status, "stats": r.stats}
                     for r in row.runs],
        }
        if row.stats_file:
            entry.update({key: stat_median(row, key) for key in STATS_KEYS})
        data_rows.append(entry)
    if any(row.stats_file and not r.stats and r.status is not None
           for row in rows for r in row.runs):
        notes = notes + ["some jitvm runs wrote no statistics (`jitvm run --stats-json`): "
                         "their JIT columns show '?'"]
    return {
        "program": program, "args": args, "repeat": repeat, "jit_threshold": jit_threshold,
        "python": sys.executable, "python_version": platform.python_version(),
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs, {platform.system()}",
        "pythonhashseed": child_env()["PYTHONHASHSEED"],
        "identical": not mismatches,
        "rows": data_rows,
        "mismatches": [{"key": m.row.key, "label": m.row.label, "run": m.index + 1,
                        "what": m.what, "detail": m.detail, "timed_out": m.timed_out}
                       for m in mismatches],
        "notes": notes,
    }


def format_seconds(seconds: float) -> str:
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 0.1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds * 1000:.1f} ms"


def format_wall(wall: dict) -> str:
    """Median and (min-max), the spread in the median's unit: `58.3 ms (56.0-59.7)`."""
    median = format_seconds(wall["median"])
    if wall["min"] == wall["max"]:
        return median
    number, unit = median.split()
    scale = 1 if unit == "s" else 1000
    digits = len(number.partition(".")[2])
    low, high = (f"{wall[k] * scale:.{digits}f}" for k in ("min", "max"))
    return f"{median} ({low}-{high})"


def format_speedup(ratio: float | None, same: bool) -> str:
    if ratio is None:
        return "?"
    if same:
        return "1.0x"
    factor = ratio if ratio >= 1 else 1 / ratio
    text = f"{factor:.1f}x" if round(factor, 1) < 10 else f"{factor:.0f}x"
    return text + (" faster" if ratio >= 1 else " slower")


def _jit_cell(entry: dict, key: str, fmt) -> str:
    if entry["key"] != "jit":
        return "-"
    value = entry[key]
    return "?" if value is None else fmt(value)


def format_table(data: dict) -> str:
    header = ["configuration", "wall time (min-max)", "vs CPython", "vs interp", "compiling",
              "compiled", "deopts", "output"]
    body = []
    for entry in data["rows"]:
        body.append([
            entry["label"], format_wall(entry["wall_s"]),
            format_speedup(entry["speedup_vs_cpython"], entry["key"] == "cpython"),
            format_speedup(entry["speedup_vs_interp"], entry["key"] == "interp"),
            _jit_cell(entry, "compile_ms", lambda v: f"{v:.1f} ms"),
            _jit_cell(entry, "compiled", lambda v: f"{v:g}"),
            _jit_cell(entry, "deopts", lambda v: f"{v:g}"),
            "TIMEOUT" if entry["timed_out"] else "same" if entry["identical"] else "DIFFERS",
        ])
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = []
    for line in [header, *body]:
        cells = [line[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(line[1:], widths[1:])]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "-" * max(map(len, lines)))
    return "\n".join(lines)


def format_report(data: dict) -> str:
    program = " ".join([data["program"], *map(shlex.quote, data["args"])])
    runs = f"{data['repeat']} run{'s' if data['repeat'] != 1 else ''} of each, interleaved"
    out = [f"jitvm compare: {program}  ({runs}; JIT threshold {data['jit_threshold']})", "",
           format_table(data), ""]
    reference = next((run["exit_status"] for run in data["rows"][0]["runs"]
                      if run["exit_status"] is not None), None)
    if data["identical"]:
        out.append(f"outputs: identical (stdout and exit status {reference}, every run of "
                   f"every configuration)")
    else:
        title = []
        if any(not m["timed_out"] for m in data["mismatches"]):
            title.append("OUTPUTS DIFFER: not every run printed what CPython printed")
        if any(m["timed_out"] for m in data["mismatches"]):
            title.append("RUNS TIMED OUT")
        out += ["!" * 78, f"!!! {'; '.join(title)}", "!" * 78]
        if reference is None:
            out.append("No CPython run finished: there is no output to compare with.")
        detailed = set()  # one diff per configuration is enough; other runs get a line
        for m in data["mismatches"]:
            out.append(f"* {m['label']}, run {m['run']}: {m['what']}")
            if m["detail"] and m["key"] not in detailed:
                detailed.add(m["key"])
                out.append("    " + m["detail"].replace("\n", "\n    "))
        if any(m["key"] == "cpython" and not m["timed_out"] for m in data["mismatches"]):
            out.append("CPython itself printed different things in different runs: the "
                       "program's output is not deterministic (time, id(), randomness, hash "
                       "order?), so jitvm cannot be compared on it.")
        elif data["repeat"] == 1 and any(not m["timed_out"] for m in data["mismatches"]):
            out.append("(If the program prints something that changes from run to run, "
                       "--repeat 2 or more shows CPython disagreeing with itself.)")
    for note in data["notes"]:
        out.append(f"note: {note}")
    return "\n".join(out)


# --- the command ----------------------------------------------------------------------------


def compare_command(program: str, args: list[str], repeat: int, jit_threshold: int,
                    extra: tuple[str, ...] = (), json_path: str | None = None,
                    timeout: float | None = None, stdin_path: str | None = None) -> int:
    """`jitvm compare`: run, check, print; returns the exit status."""
    try:
        rows, notes = make_rows(jit_threshold, extra)
        stdin = None
        if stdin_path is not None:
            try:
                with open(stdin_path, "rb") as fh:
                    stdin = fh.read()
            except OSError as exc:
                raise CompareError(f"--stdin {stdin_path!r}: {exc.strerror}") from None
    except CompareError as exc:
        print(f"jitvm compare: {exc}", file=sys.stderr)
        return 2
    prime_bytecode_cache(program)
    run_all(rows, program, list(args), repeat, stdin, timeout, Progress(sys.stderr.isatty()))
    mismatches = find_mismatches(rows, timeout)
    data = summarize(rows, mismatches, program, list(args), repeat, jit_threshold, notes)
    report = format_report(data)
    # With `--json -` stdout carries only the JSON; the table goes to stderr.
    print(report, file=sys.stderr if json_path == "-" else sys.stdout)
    if json_path is not None:
        text = json.dumps(data, indent=2)
        if json_path == "-":
            print(text)
        else:
            with open(json_path, "w") as fh:
                fh.write(text + "\n")
    return 0 if data["identical"] else 1
