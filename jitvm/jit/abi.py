"""The native calling convention, shared by the lowering and the ctypes bridge.

Every compiled specialisation is  `i32 f(i64* ctx, <args>, i64* out)`  and returns OK (the
result is in *out), DEOPT (its frame state, and those of native frames it was called from, are
in the deopt buffer) or ERROR (a Python exception is set).  `ctx` is an array of i64:
"""

OK, DEOPT, ERROR = 0, 1, 2

CTX_DEPTH = 0  # native frames still allowed (the recursion budget); each entry takes one
CTX_TICKS = 1  # loop back-edges until the next check for signals (Ctrl-C)
CTX_BUFFER = 2  # address of the deopt buffer (i64 words)
CTX_USED = 3  # words used in the deopt buffer
CTX_STACK_LIMIT = 4  # lowest stack address native frames may use (0: the first frame sets it)
CTX_STACK_BUDGET = 5  # bytes of C stack native code may use below its first frame
CTX_WORDS = 6

SIGNAL_CHECK_INTERVAL = 1 << 14
