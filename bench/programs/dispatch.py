"""Dispatch: a tight while loop over a few integer locals, dominated by LOAD/STORE of locals,
small-int arithmetic, compares and jumps.  Meant to measure the interpreter's cost per bytecode
instruction (see `run.py --ns-per-instr`), not any particular operation.

Usage: python dispatch.py [N]    runs N iterations and prints the final values of the locals.
"""

import sys


def dispatch(n):
    i = 0
    a = 1
    b = 0
    c = 0
    while i < n:
        b = b + a
        if b > 1000:
            b = b - 1000
            c = c + 1
        a = a + 1
        if a > 7:
            a = 1
        i = i + 1
    print(a)
    print(b)
    print(c)


def main():
    n = 200000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    dispatch(n)


main()
