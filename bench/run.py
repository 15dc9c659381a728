#!/usr/bin/env python3
"""Benchmark runner for jitvm: CPython vs the jitvm interpreter vs the jitvm JIT.

Every selected program runs under every selected configuration, interleaved (for each repeat,
one run of each configuration in turn) so that machine noise hits all configurations alike.
Each run is a whole process, timed with `time.perf_counter` around `subprocess.run`; the report
gives the median and the min-max spread over the repeats, and ratios of medians.  Every run's
stdout is checked against CPython's.

    python bench/run.py [--size small|medium|large] [--repeat K] [--configs cpython,interp,jit]
                        [--only fib,loops] [--threshold N[,N...]] [--ns-per-instr] [--json out.json]
                        [--timeout S] [--list]

Exit status: 0 if everything ran and every output matched CPython's; 1 if any output differed
(MISMATCH) or any run failed.  A configuration whose options the VM rejects ("No such option")
is skipped with a note and does not count as a failure.  Standard library only.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
PROGRAMS_DIR = BENCH_DIR / "programs"

# Problem size (the program's argv[1]) per program and size name: small ~0.1-0.3 s of CPython
# (a smoke run), medium ~1-2 s, large ~5 s.  Calibrated on 2026-11-21 with CPython 3.11.7 on
# the development machine (x86_64, 2 CPUs, shared: load ~2 during calibration, so expect
# +-20%), using `bench/run.py --configs cpython --repeat 5` (whole-process medians).
SIZES: dict[str, dict[str, int]] = {
    "fib": {
        "small": 30,  # CPython 0.14 s (2026-11-21)
        "medium": 35,  # CPython 1.02 s (2026-11-21)
        "large": 38,  # CPython 4.6 s (2026-11-21)
    },
    "loops": {
        "small": 1_400,  # CPython 0.18 s (2026-11-21)
        "medium": 6_000,  # CPython 1.44 s (2026-11-21)
        "large": 10_500,  # CPython 4.2 s (2026-11-21)
    },
    "mandelbrot": {
        "small": 250,  # CPython 0.17 s (2026-11-21)
        "medium": 800,  # CPython 1.33 s (2026-11-21)
        "large": 1_550,  # CPython 4.7 s (2026-11-21)
    },
    "nbody": {
        "small": 50_000,  # CPython 0.21 s (2026-11-21)
        "medium": 400_000,  # CPython 1.37 s (2026-11-21)
        "large": 1_500_000,  # CPython 4.9 s (2026-11-21)
    },
    "nbody_lists": {
        "small": 30_000,  # CPython ~0.15 s (2026-11-21)
        "medium": 250_000,  # CPython 1.06-1.12 s (2026-11-21)
        "large": 850_000,  # CPython 3.3 s (2026-11-21)
    },
    "spectral_norm": {
        "small": 150,  # CPython 0.13 s (2026-11-21)
        "medium": 500,  # CPython 1.24 s (2026-11-21)
        "large": 1_000,  # CPython 4.7 s (2026-11-21)
    },
    "collatz": {
        "small": 30_000,  # CPython 0.22 s (2026-11-21)
        "medium": 200_000,  # CPython 1.46 s (2026-11-21)
        "large": 630_000,  # CPython 4.8 s (2026-11-21)
    },
    "sieve": {
        "small": 2_000_000,  # CPython 0.18 s (2026-11-21)
        "medium": 20_000_000,  # CPython 1.57 s (2026-11-21)
        "large": 60_000_000,  # CPython 4.7 s (2026-11-21)
    },
    "matmul": {
        "small": 150,  # CPython 0.14 s (2026-11-21)
        "medium": 350,  # CPython 1.57 s (2026-11-21)
        "large": 500,  # CPython 4.9 s (2026-11-21)
    },
    "fannkuch": {
        "small": 8,  # CPython 0.075 s (2026-11-21)
        "medium": 9,  # CPython 0.47 s (2026-11-21); n! steps: 10 is already the large size
        "large": 10,  # CPython 5.2 s (2026-11-21)
    },
    "dispatch": {
        "small": 1_500_000,  # CPython 0.15 s (2026-11-21)
        "medium": 20_000_000,  # CPython 1.31 s (2026-11-21)
        "large": 70_000_000,  # CPython 4.4 s (2026-11-21)
    },
    "stats": {
        "small": 6_000,  # CPython ~0.25 s (2026-11-21)
        "medium": 45_000,  # CPython 1.4-1.8 s (2026-11-21, loaded machine)
        "large": 150_000,  # CPython ~5 s (2026-11-21, estimated from medium)
    },
    "particles": {
        "small": 20_000,  # CPython ~0.25 s CPU (2026-11-21, loaded machine)
        "medium": 150_000,  # CPython 1.5 s CPU (2026-11-21, loaded machine)
        "large": 500_000,  # CPython ~5 s (2026-11-21, estimated from medium)
    },
    "kmeans": {
        "small": 10,  # CPython 0.16 s (2026-11-21)
        "medium": 120,  # CPython ~1.2 s (2026-11-21, loaded machine)
        "large": 450,  # CPython 4.9 s (2026-11-21, loaded machine)
    },
    "decorators": {
        "small": 20_000,  # CPython 0.12 s CPU (2026-11-22, loaded machine)
        "medium": 1_500_000,  # CPython ~1.2 s (2026-11-22, estimated from small/100,000)
        "large": 6_000_000,  # CPython ~5 s (2026-11-22, estimated)
    },
    "toplevel": {
        "small": 300_000,  # CPython 0.22 s CPU (2026-11-21, loaded machine)
        "medium": 3_000_000,  # CPython 1.5 s CPU (2026-11-21, loaded machine)
        "large": 10_000_000,  # CPython ~5 s (2026-11-21, estimated from medium)
    },
}

CONFIG_NAMES = ("cpython", "interp", "jit", "jit-bg")  # also the round-robin order within a repeat
STARTUP = "startup"  # pseudo-program: an empty file, for start-up time
INSTR_RE = re.compile(r"^instructions executed: (\d+)\s*$", re.MULTILINE)


# --- configurations --------------------------------------------------------------------------


@dataclass
class Config:
    name: str
    options: list[str] = field(default_factory=list)  # options of `jitvm run`
    note: str = ""  # shown under the table (fallbacks, skips, failures)
    status: str = "ok"  # "ok", "skipped" (options rejected) or "failed" (VM does not run)

    @property
    def prefix(self) -> list[str]:
        """The command line before the program path."""
        if self.name == "cpython":
            return [sys.executable]
        return [sys.executable, "-m", "jitvm", "run", *self.options]

    def describe(self) -> str:
        return " ".join(["python"] + self.prefix[1:] + ["PROG", "ARG"])


# Bytecode cache for the runs: set by main() to a directory of the run's own.  Timings should
# reflect an installed VM, whose modules load from .pyc files, even where PYTHONDONTWRITEBYTECODE
# is set; a separate prefix keeps the .pyc files out of the source tree.
PYCACHE_PREFIX: str | None = None


def subprocess_env() -> dict[str, str]:
    """The environment for every run: the repository root first on PYTHONPATH, so that
    `-m jitvm` is the working tree's VM whether or not it is installed; .pyc caching on."""
    env = dict(os.environ)
    paths = [str(REPO_ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
    env["PYTHONPATH"] = os.pathsep.join(paths)
    if PYCACHE_PREFIX is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = PYCACHE_PREFIX
    return env


def rejected_option(result: RunResult, options: list[str]) -> bool:
    """Did the VM refuse one of `options`?  Either click's "No such option", or (with
    `ignore_unknown_options`) the option taken for the program: "can't open file '--no-jit'"."""
    if result.returncode in (0, None):
        return False
    if "No such option" in result.stderr:
        return True
    return "can't open file" in result.stderr and any(f"'{o}'" in result.stderr for o in options)


def resolve_configs(names: list[str], threshold: int, empty: Path, timeout: float) -> list[Config]:
    """Build the selected configurations, probing each one by running the empty file.

    The probe finds out whether the VM accepts the configuration's options (falling back or
    skipping with a note if not) and, as a side effect, warms the .pyc cache (untimed)."""
    configs = []
    thresholds = threshold if isinstance(threshold, list) else [threshold]
    expanded = []
    for name in names:
        if name == "jit" and len(thresholds) > 1:  # a sweep: one configuration per threshold
            expanded += [(f"jit@{t}", ["--jit-threshold", str(t)]) for t in thresholds]
        else:
            options = {"cpython": [], "interp": ["--no-jit"],
                       "jit": ["--jit-threshold", str(thresholds[0])],
                       "jit-bg": ["--jit-threshold", str(thresholds[0]), "--jit-background"]}
            expanded.append((name, options[name]))
    for name, options in expanded:
        config = Config(name, options)
        probe = run_once(config.prefix + [str(empty)], timeout)
        if name == "interp" and rejected_option(probe, config.options):
            config.options = []
            config.note = "--no-jit rejected by jitvm: interp runs plain `jitvm run`"
            probe = run_once(config.prefix + [str(empty)], timeout)
        if rejected_option(probe, config.options):
            config.status = "skipped"
            config.note = f"skipped: jitvm rejects its options ({probe.error})"
        elif probe.error:
            config.status = "failed"
            who = "CPython" if name == "cpython" else "jitvm"
            config.note = f"{who} failed on an empty file: {probe.error}"
        configs.append(config)
    return configs


# --- running ---------------------------------------------------------------------------------


@dataclass
class RunResult:
    seconds: float
    returncode: int | None  # None: timed out
    stdout: str
    stderr: str
    error: str = ""  # empty if the run succeeded
    peak_mb: float | None = None  # the process's peak resident memory (max RSS), if known


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def run_once(command: list[str], timeout: float) -> RunResult:
    """Run `command` once: its wall time, output and peak memory.  The output goes to
    temporary files and the process is reaped with `os.wait4`, whose resource usage gives
    the peak resident memory of that one process (where `os.wait4` exists: POSIX)."""
    if not hasattr(os, "wait4"):
        return _run_once_portable(command, timeout)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        try:
            proc = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=out, stderr=err,
                                    cwd=REPO_ROOT, env=subprocess_env())
        except OSError as exc:
            return RunResult(time.perf_counter() - start, -1, "", str(exc), str(exc))
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # (reaped here, not by Popen)
        stdout, stderr = _read_back(out), _read_back(err)
    peak_mb = usage.ru_maxrss / 1024  # KiB on Linux
    if seconds >= timeout and proc.returncode < 0:
        return RunResult(seconds, None, "", stderr, f"timed out after {timeout:g} s", peak_mb)
    error = ""
    if proc.returncode != 0:
        error = f"exit status {proc.returncode}: {last_line(stderr) or '(no stderr)'}"
    return RunResult(seconds, proc.returncode, stdout, stderr, error, peak_mb)


def _read_back(file) -> str:
    file.seek(0)
    return file.read().decode(errors="replace")


def _run_once_portable(command: list[str], timeout: float) -> RunResult:
    start = time.perf_counter()
    try:
        proc = subprocess.run(
            command,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=REPO_ROOT,
            env=subprocess_env(),
        )
    except subprocess.TimeoutExpired as exc:
        seconds = time.perf_counter() - start
        stderr = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else ""
        return RunResult(seconds, None, "", stderr or "", f"timed out after {timeout:g} s")
    except OSError as exc:
        return RunResult(time.perf_counter() - start, -1, "", str(exc), str(exc))
    seconds = time.perf_counter() - start
    error = ""
    if proc.returncode != 0:
        error = f"exit status {proc.returncode}: {last_line(proc.stderr) or '(no stderr)'}"
    return RunResult(seconds, proc.returncode, proc.stdout, proc.stderr, error)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


@dataclass
class Cell:
    """The runs of one program under one configuration."""

    times: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)  # peak resident memory per run, MB
    error: str = ""  # set at the first failed run; no further runs are made
    mismatch: bool = False

    @property
    def median(self) -> float | None:
        return statistics.median(self.times) if self.times and not self.error else None

    def to_json(self) -> dict:
        return {
            "times": self.times,
            "median": self.median,
            "min": min(self.times) if self.times else None,
            "max": max(self.times) if self.times else None,
            "peak_mb": self.peaks,
            "error": self.error or None,
            "output_matches_cpython": None if self.error else not self.mismatch,
        }


@dataclass
class ProgramResult:
    name: str
    path: Path
    arg: str | None  # None: no argument (the start-up pseudo-program)
    cells: dict[str, Cell] = field(default_factory=dict)
    reference: str | None = None  # CPython's stdout
    instructions: int | None = None  # from `jitvm run --stats` (interp options)
    instructions_note: str = ""

    def command(self, config: Config, *extra: str) -> list[str]:
        args = [] if self.arg is None else [self.arg]
        return config.prefix + list(extra) + [str(self.path)] + args

    def median(self, config_name: str) -> float | None:
        cell = self.cells.get(config_name)
        return cell.median if cell else None

    def ratio(self, numerator: str, denominator: str) -> float | None:
        """Ratio of medians; None if either is missing or printed the wrong output."""
        cells = [self.cells.get(numerator), self.cells.get(denominator)]
        if any(cell is None or cell.mismatch for cell in cells):
            return None
        a, b = self.median(numerator), self.median(denominator)
        return a / b if a is not None and b else None


class Runner:
    def __init__(self, configs: list[Config], repeat: int, timeout: float):
        self.configs = configs
        self.active = [c for c in configs if c.status == "ok"]
        self.repeat = repeat
        self.timeout = timeout
        self.mismatches: list[str] = []
        self.failures: list[str] = []

    def label(self, result: ProgramResult) -> str:
        return result.name if result.arg is None else f"{result.name} {result.arg}"

    def check_output(self, result: ProgramResult, config: Config, run: RunResult) -> None:
        cell = result.cells[config.name]
        if result.reference is None or run.stdout == result.reference or cell.mismatch:
            return
        cell.mismatch = True
        expected, got = result.reference.splitlines(), run.stdout.splitlines()
        differing = [i for i, (e, g) in enumerate(zip(expected, got)) if e != g]
        where = differing[0] if differing else min(len(expected), len(got))
        exp_line = expected[where] if where < len(expected) else "<end of output>"
        got_line = got[where] if where < len(got) else "<end of output>"
        message = (
            f"MISMATCH: {self.label(result)} under {config.name}: stdout differs from CPython's "
            f"at line {where + 1}: expected {exp_line!r}, got {got_line!r}"
        )
        self.mismatches.append(message)
        progress("!" * 78 + "\n" + message + "\n" + "!" * 78)

    def fail(self, result: ProgramResult, config: Config, run: RunResult) -> None:
        result.cells[config.name].error = run.error
        who = "CPython" if config.name == "cpython" else "jitvm"
        message = f"{who} failed: {self.label(result)} under {config.name}: {run.error}"
        self.failures.append(message)
        progress(message)

    def measure(self, result: ProgramResult) -> None:
        """Time `result`'s program under every active configuration, interleaved."""
        label = self.label(result)
        if not any(c.name == "cpython" for c in self.active):
            # CPython is not being timed, but its output is the reference: run it once.
            ref = run_once(result.command(Config("cpython")), self.timeout)
            if ref.error:
                self.failures.append(f"CPython failed: {label} (reference run): {ref.error}")
                progress(self.failures[-1])
            else:
                result.reference = ref.stdout
        for config in self.active:
            result.cells[config.name] = Cell()
        for i in range(self.repeat):
            for config in self.active:
                cell = result.cells[config.name]
                if cell.error:
                    continue
                run = run_once(result.command(config), self.timeout)
                if run.error:
                    self.fail(result, config, run)
                    continue
                if config.name == "cpython" and result.reference is None:
                    result.reference = run.stdout
                cell.times.append(run.seconds)
                if run.peak_mb is not None:
                    cell.peaks.append(run.peak_mb)
                self.check_output(result, config, run)
                progress(f"[{label}] {config.name} {i + 1}/{self.repeat}: {run.seconds:.3f} s")

    def count_instructions(self, result: ProgramResult) -> None:
        """One extra interp run with --stats, for the instruction count (never timed)."""
        interp = next((c for c in self.active if c.name == "interp"), None)
        if interp is None or result.cells["interp"].error:
            result.instructions_note = "no interp run"
            return
        run = run_once(result.command(interp, "--stats"), self.timeout)
        if run.error:
            result.instructions_note = f"--stats run failed: {run.error}"
            progress(f"jitvm failed: {self.label(result)} under interp --stats: {run.error}")
            return
        self.check_output(result, interp, run)
        match = INSTR_RE.search(run.stderr)
        if match is None:
            result.instructions_note = "no 'instructions executed: N' line on stderr"
        else:
            result.instructions = int(match.group(1))
        progress(f"[{self.label(result)}] interp --stats: {result.instructions} instructions")


# --- reporting -------------------------------------------------------------------------------


def fmt_seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def fmt_ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}x"


def fmt_cell(cell: Cell | None) -> str:
    if cell is None:
        return "-"
    if cell.error:
        return "TIMEOUT" if cell.error.startswith("timed out") else "FAILED"
    text = f"{fmt_seconds(cell.median)} [{min(cell.times):.3f}-{max(cell.times):.3f}]"
    return text + (" MISMATCH" if cell.mismatch else "")


def geomean(values: list[float]) -> float | None:
    return statistics.geometric_mean(values) if values else None


def format_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in [header] + rows) for i in range(len(header))]

    def line(row: list[str]) -> str:
        # First column left-aligned (names), the rest right-aligned (numbers).
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:], widths[1:])]
        return "  ".join(cells).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule] + [line(row) for row in rows])


def memory_table(results: list[ProgramResult], configs: list[Config]) -> str | None:
    """The largest peak resident memory (max RSS) of any run, per program and configuration."""
    names = [c.name for c in configs if c.status == "ok"]
    if not any(cell.peaks for r in results for cell in r.cells.values()):
        return None
    rows = []
    for r in results:
        row = [r.name, "-" if r.arg is None else r.arg]
        for n in names:
            cell = r.cells.get(n)
            row.append(f"{max(cell.peaks):.0f}" if cell and cell.peaks else "-")
        rows.append(row)
    return format_table(["program", "arg"] + [f"{n} peak MB" for n in names], rows)


def timing_table(results: list[ProgramResult], configs: list[Config]) -> str:
    names = [c.name for c in configs if c.status == "ok"]
    show_slowdown = "cpython" in names and "interp" in names
    jits = [n for n in names if n.startswith("jit")] if "cpython" in names else []
    header = ["program", "arg"] + [f"{n} median [min-max] s" for n in names]
    if show_slowdown:
        header.append("interp/cpython")
    header += [f"cpython/{n}" for n in jits]
    rows = []
    slowdowns, speedups = [], {n: [] for n in jits}
    for r in results:
        row = [r.name, "-" if r.arg is None else r.arg] + [fmt_cell(r.cells.get(n)) for n in names]
        slowdown = r.ratio("interp", "cpython")
        if r.name != STARTUP:
            slowdowns += [slowdown] if slowdown else []
        if show_slowdown:
            row.append(fmt_ratio(slowdown))
        for n in jits:
            speedup = r.ratio("cpython", n)
            if r.name != STARTUP and speedup:
                speedups[n].append(speedup)
            row.append(fmt_ratio(speedup))
        rows.append(row)
    if (show_slowdown or jits) and len([r for r in results if r.name != STARTUP]) > 1:
        row = ["geomean (programs)", ""] + [""] * len(names)
        if show_slowdown:
            row.append(fmt_ratio(geomean(slowdowns)))
        row += [fmt_ratio(geomean(speedups[n])) for n in jits]
        rows.append(row)
    return format_table(header, rows)


def ns_table(results: list[ProgramResult]) -> str:
    """Per program: instructions, interp median, ns per instruction (also with the start-up
    time taken off) and the slowdown against CPython.  The start-up row compares the two
    start-up times only."""
    startup = next((r for r in results if r.name == STARTUP), None)
    startup_interp = startup.median("interp") if startup else None
    header = ["program", "arg", "instructions", "cpython median s", "interp median s",
              "ns/instr", "ns/instr minus start-up", "interp/cpython"]
    rows = []
    for r in results:
        interp, n = r.median("interp"), r.instructions
        per_instr = minus_startup = "-"
        if interp is not None and n and r.name != STARTUP:
            per_instr = f"{interp / n * 1e9:.1f}"
            if startup_interp is not None:
                minus_startup = f"{(interp - startup_interp) / n * 1e9:.1f}"
        count = f"{n:,}" if n is not None else (r.instructions_note or "-")
        rows.append([r.name, "-" if r.arg is None else r.arg, count,
                     fmt_seconds(r.median("cpython")), fmt_seconds(interp), per_instr,
                     minus_startup, fmt_ratio(r.ratio("interp", "cpython"))])
    return format_table(header, rows)


def machine_info() -> dict:
    return {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor(),
        "cpu_count": os.cpu_count(),
        "python": sys.version,
        "executable": sys.executable,
    }


def write_json(path: str, args: argparse.Namespace, configs: list[Config],
               results: list[ProgramResult], runner: Runner) -> None:
    data = {
        "date": datetime.datetime.now().isoformat(timespec="seconds"),
        "machine": machine_info(),
        "size": args.size,
        "repeat": args.repeat,
        "threshold": args.threshold,
        "timeout": args.timeout,
        "configs": {
            c.name: {"command": c.prefix, "status": c.status, "note": c.note or None}
            for c in configs
        },
        "results": {
            r.name: {
                "arg": r.arg,
                "configs": {name: cell.to_json() for name, cell in r.cells.items()},
                "interp_over_cpython": r.ratio("interp", "cpython"),
                "cpython_over_jit": r.ratio("cpython", "jit"),
                "instructions": r.instructions,
                "ns_per_instruction": (
                    r.median("interp") / r.instructions * 1e9
                    if r.instructions and r.median("interp") is not None
                    else None
                ),
            }
            for r in results
        },
        "mismatches": runner.mismatches,
        "failures": runner.failures,
    }
    with open(path, "w") as f:
        json.dump(data, f, indent=2)
        f.write("\n")


# --- command line ----------------------------------------------------------------------------


def comma_list(choices: list[str], what: str):
    def parse(text: str) -> list[str]:
        items = [item.strip() for item in text.split(",") if item.strip()]
        unknown = [item for item in items if item not in choices]
        if unknown or not items:
            given = ", ".join(unknown) or "(none given)"
            raise argparse.ArgumentTypeError(
                f"unknown {what}: {given}; choose from {', '.join(choices)}")
        return items

    return parse


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Benchmark CPython vs jitvm (interpreter and JIT) side by side.",
    )
    parser.add_argument("--size", choices=["small", "medium", "large"], default="small",
                        help="problem sizes from the SIZES table (default: small)")
    parser.add_argument("--repeat", type=int, default=3, metavar="K",
                        help="runs per program and configuration (default: 3)")
    parser.add_argument("--configs", type=comma_list(list(CONFIG_NAMES), "configuration"),
                        default=list(CONFIG_NAMES[:3]), metavar="LIST",
                        help="comma-separated subset of cpython,interp,jit,jit-bg (default: "
                             "cpython,interp,jit)")
    parser.add_argument("--only", type=comma_list(list(SIZES) + [STARTUP], "program"),
                        metavar="LIST",
                        help="comma-separated programs to run (default: all, plus the start-up "
                        f"row; name '{STARTUP}' to keep it)")
    parser.add_argument("--threshold", type=lambda text: [int(t) for t in text.split(",")],
                        default=[1000], metavar="N[,N...]",
                        help="the jit configuration's --jit-threshold (default: 1000, jitvm's "
                             "default); several (10,100,1000) run one jit configuration each")
    parser.add_argument("--ns-per-instr", action="store_true",
                        help="also count interp instructions (one extra run with --stats) "
                        "and report ns per instruction")
    parser.add_argument("--json", metavar="FILE", help="write raw timings and medians to FILE")
    parser.add_argument("--timeout", type=float, default=600, metavar="S",
                        help="per-run timeout in seconds (default: 600)")
    parser.add_argument("--list", action="store_true", help="list programs and sizes, then exit")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error("--repeat must be at least 1")
    # Keep the canonical order, so that CPython runs first in every round.
    args.configs = [c for c in CONFIG_NAMES if c in args.configs]
    return args


def list_programs() -> None:
    rows = [[name] + [str(sizes[s]) for s in ("small", "medium", "large")]
            for name, sizes in SIZES.items()]
    print(format_table(["program", "small", "medium", "large"], rows))


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.list:
        list_programs()
        return 0
    names = args.only or [STARTUP] + list(SIZES)
    missing = [n for n in names if n != STARTUP and not (PROGRAMS_DIR / f"{n}.py").exists()]
    if missing:
        print(f"error: missing program files: {', '.join(missing)}", file=sys.stderr)
        return 2

    global PYCACHE_PREFIX
    with tempfile.TemporaryDirectory(prefix="jitvm-bench-") as tmp:
        PYCACHE_PREFIX = str(Path(tmp) / "pycache")
        empty = Path(tmp) / "empty.py"
        empty.write_text("")
        configs = resolve_configs(args.configs, args.threshold, empty, args.timeout)
        for config in configs:
            if config.note:
                progress(f"note: {config.name}: {config.note}")
        runner = Runner(configs, args.repeat, args.timeout)
        results = []
        for name in names:
            if name == STARTUP:
                result = ProgramResult(name, empty, None)
            else:
                path = PROGRAMS_DIR / f"{name}.py"
                result = ProgramResult(name, path, str(SIZES[name][args.size]))
            runner.measure(result)
            if args.ns_per_instr:
                runner.count_instructions(result)
            results.append(result)

    print()
    print(f"jitvm benchmarks: size={args.size}, repeat={args.repeat}, "
          f"{datetime.date.today().isoformat()}, {platform.machine()}, {os.cpu_count()} CPUs, "
          f"Python {platform.python_version()}")
    print()
    print(timing_table(results, configs))
    memory = memory_table(results, configs)
    if memory is not None:
        print()
        print("Peak resident memory (max RSS of the process, the largest over the repeats):")
        print()
        print(memory)
    notes = [f"{c.name}: {c.note}" for c in configs if c.note]
    notes += [f"{c.name} = {c.describe()}" for c in configs if c.status == "ok"]
    print()
    for note in notes:
        print(f"note: {note}")
    if args.ns_per_instr:
        print()
        print("Interpreter cost per bytecode instruction (instructions from one `--stats` run;")
        print("CPython's count is not available, so interp/cpython is its reference):")
        print()
        print(ns_table(results))
    if args.json:
        write_json(args.json, args, configs, results, runner)
        print(f"\nwrote {args.json}")

    failed_configs = [c for c in configs if c.status == "failed"]
    if runner.mismatches:
        print()
        print("!" * 78)
        for message in runner.mismatches:
            print(message)
        print("!" * 78)
    if runner.failures:
        print()
        for message in runner.failures:
            print(f"FAILED: {message}")
    return 1 if runner.mismatches or runner.failures or failed_configs else 0


if __name__ == "__main__":
    sys.exit(main())
