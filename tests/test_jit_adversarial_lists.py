"""Adversarial list programs for the JIT: the boxed-value code (lists, reference counts, element
guards, calls into Python callables) meeting the JIT-IR passes, deoptimization and OSR.

Each case is the minimal reproducer of a bug found by comparing CPython with jitvm at
thresholds 0, 1, 2, 5 and 50 (see test_jit.run: output, exit status and the last stderr line
must agree, and the log shows what was compiled).
"""

from __future__ import annotations

import pytest

from test_jit import run

ALL = ("0", "1", "2", "5", "50")


@pytest.mark.xfail(strict=True, reason=(
    "a float is unboxed to a double in native code and boxed again as a new object, so "
    "identity is lost: `nan in [nan]` (CPython's containment tests identity first) is False; "
    "keeping float identity needs floats that stay boxed where identity can be observed"))
def test_a_nan_keeps_its_identity_through_native_code():
    run("""
        def contains(xs, v):
            return v in xs
        nan = float('nan')
        print(contains([nan], nan), [nan].count(nan))
    """, compiled=("contains",))
