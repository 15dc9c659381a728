"""Developer tools: `python -m jitvm.tools opcodes` regenerates docs/OPCODES.md."""

from __future__ import annotations

from ..opcodes import OPCODES, Flag


def _effect(value) -> str:
    if callable(value):
        return "n"
    return str(value)


def opcode_reference() -> str:
    """docs/OPCODES.md, generated from the opcode table."""
    lines = [
        "# jitvm opcodes",
        "",
        "Generated from `jitvm/opcodes.py` by `python -m jitvm.tools opcodes`; do not edit.",
        "Stack effects are (pops → pushes); `n` depends on the argument.",
        "",
        "| # | name | argument | stack | flags | meaning |",
        "|---|------|----------|-------|-------|---------|",
    ]
    for info in OPCODES:
        flags = ", ".join(f.name.lower() for f in Flag if f and f in info.flags and f.name)
        stack = f"{_effect(info.pops)} → {_effect(info.pushes)}"
        if info.jump_pushes is not None:
            stack += f" (jump: → {_effect(info.jump_pushes)})"
        lines.append(f"| {info.code} | `{info.name}` | {info.arg.value} | {stack} | {flags} "
                     f"| {info.doc} |")
    return "\n".join(lines) + "\n"
