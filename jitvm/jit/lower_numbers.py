"""JIT IR → LLVM IR for unboxed numbers (a mixin of lower.FunctionLowering).

In: the machine operations of ints, floats and bools (`iadd`, `ifloordiv`, `fmod`, `ipow`,
`libm`, `icmp.lt`, `ifcmp.eq`, ...).  Out: their LLVM IR with Python's exact semantics:
overflow, zero divisors, out-of-range conversions and math errors branch to the op's deopt
block; floor division and float divmod round as Python's do; int/float comparisons are exact
(`define_int_float_order`), and int ** int squares with overflow checks (`define_int_power`).
"""

from __future__ import annotations

from llvmlite import ir

from .llvm_build import Builder
from .types import BOOL, FLOAT

I64 = ir.IntType(64)
I32 = ir.IntType(32)
I1 = ir.IntType(1)
F64 = ir.DoubleType()

EXACT_FLOAT_INT = 2 ** 53  # ints up to this size convert to float exactly

_ICMP = {"lt": "<", "le": "<=", "eq": "==", "ne": "!=", "gt": ">", "ge": ">="}


class NumberLowering:
    """Lowering of the numeric operations (see passes/jit/specialize_types for their names)."""

    # integers: every result that could leave 64 bits deoptimizes instead

    def _overflowing(self, b, op, intrinsic):
        x, y = (self.v(a) for a in op.args)
        pair = intrinsic(x, y)
        self.guarded(b, b.extract_value(pair, 1), op.deopt)
        return b.extract_value(pair, 0)

    def op_iadd(self, b, op):
        return self._overflowing(b, op, b.sadd_with_overflow)

    def op_isub(self, b, op):
        return self._overflowing(b, op, b.ssub_with_overflow)

    def op_imul(self, b, op):
        return self._overflowing(b, op, b.smul_with_overflow)

    # `.nsw`: the range analysis proved the result fits (LLVM's "no signed wrap")

    def op_iadd_nsw(self, b, op):
        return b.add(*(self.v(a) for a in op.args), flags=["nsw"])

    def op_isub_nsw(self, b, op):
        return b.sub(*(self.v(a) for a in op.args), flags=["nsw"])

    def op_imul_nsw(self, b, op):
        return b.mul(*(self.v(a) for a in op.args), flags=["nsw"])

    def op_ineg_nsw(self, b, op):
        return b.sub(ir.Constant(I64, 0), self.v(op.args[0]), flags=["nsw"])

    # range loops: the loop variable is the counter; the next counter is an addition
    # (guarded, unless eliminate_overflow_checks made it range_next.nsw)

    def op_range_value(self, b, op):
        return self.v(op.args[0])

    op_range_next = op_iadd
    op_range_next_nsw = op_iadd_nsw

    def _divisor_checks(self, b, op, x, y):
        zero = b.icmp_signed("==", y, ir.Constant(I64, 0))
        overflow = b.and_(b.icmp_signed("==", x, ir.Constant(I64, -2 ** 63)),
                          b.icmp_signed("==", y, ir.Constant(I64, -1)))
        self.guarded(b, b.or_(zero, overflow), op.deopt)

    def op_ifloordiv(self, b, op):
        x, y = (self.v(a) for a in op.args)
        self._divisor_checks(b, op, x, y)
        q = b.sdiv(x, y)
        r = b.srem(x, y)
        adjust = b.and_(b.icmp_signed("!=", r, ir.Constant(I64, 0)),
                        b.icmp_signed("<", b.xor(r, y), ir.Constant(I64, 0)))
        return b.sub(q, b.zext(adjust, I64))

    def op_imod(self, b, op):
        x, y = (self.v(a) for a in op.args)
        self._divisor_checks(b, op, x, y)
        r = b.srem(x, y)
        adjust = b.and_(b.icmp_signed("!=", r, ir.Constant(I64, 0)),
                        b.icmp_signed("<", b.xor(r, y), ir.Constant(I64, 0)))
        return b.select(adjust, b.add(r, y), r)

    def op_itruediv(self, b, op):
        x, y = (self.v(a) for a in op.args)
        limit = ir.Constant(I64, EXACT_FLOAT_INT)
        inexact = b.or_(self._abs_above(b, x, limit), self._abs_above(b, y, limit))
        self.guarded(b, b.or_(inexact, b.icmp_signed("==", y, ir.Constant(I64, 0))), op.deopt)
        return b.fdiv(b.sitofp(x, F64), b.sitofp(y, F64))

    def _abs_above(self, b, x, limit):
        return b.or_(b.icmp_signed(">", x, limit), b.icmp_signed("<", x, b.neg(limit)))

    def op_ishl(self, b, op):
        x, n = (self.v(a) for a in op.args)
        negative = b.icmp_signed("<", n, ir.Constant(I64, 0))
        big = b.icmp_signed(">=", n, ir.Constant(I64, 64))
        nonzero = b.icmp_signed("!=", x, ir.Constant(I64, 0))
        # x << n for n >= 64 is 0 only for x == 0; otherwise it leaves 64 bits.
        self.guarded(b, b.or_(negative, b.and_(big, nonzero)), op.deopt)
        shift = b.select(big, ir.Constant(I64, 0), n)
        shifted = b.shl(x, shift)
        lost = b.icmp_signed("!=", b.ashr(shifted, shift), x)
        self.guarded(b, lost, op.deopt)
        return shifted

    def op_ishr(self, b, op):
        x, n = (self.v(a) for a in op.args)
        self.guarded(b, b.icmp_signed("<", n, ir.Constant(I64, 0)), op.deopt)
        capped = b.select(b.icmp_signed(">", n, ir.Constant(I64, 63)), ir.Constant(I64, 63), n)
        return b.ashr(x, capped)

    def op_ineg(self, b, op):
        (x,) = (self.v(a) for a in op.args)
        self.guarded(b, b.icmp_signed("==", x, ir.Constant(I64, -2 ** 63)), op.deopt)
        return b.neg(x)

    def op_iinvert(self, b, op):
        return b.not_(self.v(op.args[0]))

    def op_iand(self, b, op):
        return b.and_(*(self.v(a) for a in op.args))

    def op_ior(self, b, op):
        return b.or_(*(self.v(a) for a in op.args))

    def op_ixor(self, b, op):
        return b.xor(*(self.v(a) for a in op.args))

    op_band, op_bor, op_bxor = op_iand, op_ior, op_ixor

    # floats: IEEE arithmetic is Python's; only division by zero and the floor rules need care

    def op_fadd(self, b, op):
        return b.fadd(*(self.v(a) for a in op.args))

    def op_fsub(self, b, op):
        return b.fsub(*(self.v(a) for a in op.args))

    def op_fmul(self, b, op):
        return b.fmul(*(self.v(a) for a in op.args))

    def op_fneg(self, b, op):
        return b.fneg(self.v(op.args[0]))

    def _zero_divisor(self, b, op, y):
        self.guarded(b, b.fcmp_ordered("==", y, ir.Constant(F64, 0.0)), op.deopt)

    def op_fdiv(self, b, op):
        x, y = (self.v(a) for a in op.args)
        self._zero_divisor(b, op, y)
        return b.fdiv(x, y)

    def _float_divmod(self, b, x, y):
        """CPython's float_divmod (Objects/floatobject.c), returning (floordiv, mod)."""
        mod = b.frem(x, y)
        div = b.fdiv(b.fsub(x, mod), y)
        zero = ir.Constant(F64, 0.0)
        mod_nonzero = b.fcmp_unordered("!=", mod, zero)
        signs_differ = b.xor(b.fcmp_ordered("<", y, zero), b.fcmp_ordered("<", mod, zero))
        fix = b.and_(mod_nonzero, signs_differ)
        mod = b.select(fix, b.fadd(mod, y), mod)
        div = b.select(fix, b.fsub(div, ir.Constant(F64, 1.0)), div)
        mod = b.select(mod_nonzero, mod, self.intrinsic(b, "llvm.copysign.f64", [zero, y]))
        floordiv = self.intrinsic(b, "llvm.floor.f64", [div])
        floordiv = b.select(b.fcmp_ordered(">", b.fsub(div, floordiv), ir.Constant(F64, 0.5)),
                            b.fadd(floordiv, ir.Constant(F64, 1.0)), floordiv)
        div_nonzero = b.fcmp_unordered("!=", div, zero)
        floordiv = b.select(div_nonzero, floordiv,
                            self.intrinsic(b, "llvm.copysign.f64", [zero, b.fdiv(x, y)]))
        return floordiv, mod

    def op_ffloordiv(self, b, op):
        x, y = (self.v(a) for a in op.args)
        self._zero_divisor(b, op, y)
        return self._float_divmod(b, x, y)[0]

    def op_fmod(self, b, op):
        x, y = (self.v(a) for a in op.args)
        self._zero_divisor(b, op, y)
        return self._float_divmod(b, x, y)[1]

    def intrinsic(self, b, name: str, args):
        fnty = ir.FunctionType(F64, [F64] * len(args))
        return b.call(self.owner.external(name, fnty), args)

    # builtins and math

    def op_fabs(self, b, op):
        return self.intrinsic(b, "llvm.fabs.f64", [self.v(op.args[0])])

    def op_iabs(self, b, op):
        (x,) = (self.v(a) for a in op.args)
        self.guarded(b, b.icmp_signed("==", x, ir.Constant(I64, -2 ** 63)), op.deopt)
        return b.select(b.icmp_signed("<", x, ir.Constant(I64, 0)), b.neg(x), x)

    def _extreme(self, b, op, greater: bool):
        """max keeps the first of equal items and replaces it only by a strictly greater one
        (min: smaller), so NaNs behave as in CPython."""
        current, other = (self.v(a) for a in op.args)
        if op.opcode.startswith("f"):
            better = b.fcmp_ordered(">" if greater else "<", other, current)
        elif op.args[0].type is BOOL:
            better = b.icmp_unsigned(">" if greater else "<", other, current)
        else:
            better = b.icmp_signed(">" if greater else "<", other, current)
        return b.select(better, other, current)

    def op_fmax(self, b, op):
        return self._extreme(b, op, True)

    def op_fmin(self, b, op):
        return self._extreme(b, op, False)

    op_imax, op_imin = op_fmax, op_fmin

    def _float_to_int(self, b, op, rounded):
        """An integral double to int; NaN, infinities and values beyond int64 deoptimize (the
        interpreter raises, or makes a big int)."""
        limit = ir.Constant(F64, 9223372036854775808.0)
        outside = b.or_(b.fcmp_unordered(">=", rounded, limit),
                        b.fcmp_unordered("<", rounded, b.fneg(limit)))
        self.guarded(b, outside, op.deopt)  # unordered comparisons also catch NaN
        return b.fptosi(rounded, I64)

    def op_ftoi(self, b, op):
        return self._float_to_int(b, op, self.intrinsic(b, "llvm.trunc.f64",
                                                        [self.v(op.args[0])]))

    op_ftrunc = op_ftoi

    def op_fround(self, b, op):  # round(x): halves to even, as CPython
        return self._float_to_int(b, op, self.intrinsic(b, "llvm.roundeven.f64",
                                                        [self.v(op.args[0])]))

    def op_ffloor(self, b, op):
        return self._float_to_int(b, op, self.intrinsic(b, "llvm.floor.f64",
                                                        [self.v(op.args[0])]))

    def op_fceil(self, b, op):
        return self._float_to_int(b, op, self.intrinsic(b, "llvm.ceil.f64",
                                                        [self.v(op.args[0])]))

    def _math_error(self, b, op, args, result):
        """CPython's math module: a NaN from non-NaN arguments is a ValueError, an infinity
        from finite ones an OverflowError/ValueError; either way the interpreter raises."""
        any_nan = ir.Constant(I1, 0)
        all_finite = ir.Constant(I1, 1)
        inf = ir.Constant(F64, float("inf"))
        for x in args:
            any_nan = b.or_(any_nan, b.fcmp_unordered("uno", x, x))
            all_finite = b.and_(all_finite, b.fcmp_ordered("<", self.intrinsic(
                b, "llvm.fabs.f64", [x]), inf))
        made_nan = b.and_(b.fcmp_unordered("uno", result, result), b.not_(any_nan))
        made_inf = b.and_(b.fcmp_ordered("==", self.intrinsic(b, "llvm.fabs.f64", [result]),
                                         inf), all_finite)
        self.guarded(b, b.or_(made_nan, made_inf), op.deopt)

    def op_libm(self, b, op):
        name, *values = op.args
        args = [self.v(v) for v in values]
        result = b.call(self.owner.external(name, ir.FunctionType(F64, [F64] * len(args))),
                        args)
        self._math_error(b, op, args, result)
        return result

    def op_fpow(self, b, op):
        x, y = (self.v(a) for a in op.args)
        zero = ir.Constant(F64, 0.0)
        # 0.0 ** negative raises; negative ** non-integer is complex: leave both to CPython.
        to_zero = b.and_(b.fcmp_ordered("==", x, zero), b.fcmp_ordered("<", y, zero))
        fractional = b.fcmp_ordered("!=", self.intrinsic(b, "llvm.floor.f64", [y]), y)
        complex_result = b.and_(b.fcmp_ordered("<", x, zero), fractional)
        self.guarded(b, b.or_(to_zero, complex_result), op.deopt)
        result = b.call(self.owner.external("pow", ir.FunctionType(F64, [F64, F64])), [x, y])
        self._math_error(b, op, [x, y], result)
        return result

    def op_ipow(self, b, op):
        x, y = (self.v(a) for a in op.args)
        # A negative exponent gives a float: the interpreter computes it.
        self.guarded(b, b.icmp_signed("<", y, ir.Constant(I64, 0)), op.deopt)
        pair = b.call(self.owner.addresses.int_power(), [x, y])
        self.guarded(b, b.extract_value(pair, 1), op.deopt)
        return b.extract_value(pair, 0)

    # conversions, truth and comparisons

    def op_btoi(self, b, op):
        return b.zext(self.v(op.args[0]), I64)

    def op_itof(self, b, op):
        return b.sitofp(self.v(op.args[0]), F64)

    def op_not(self, b, op):
        return b.xor(self.v(op.args[0]), ir.Constant(I1, 1))

    def truth(self, b, op):
        (x,) = op.args
        if x.type is FLOAT:
            return b.fcmp_unordered("!=", self.v(x), ir.Constant(F64, 0.0))
        return b.icmp_signed("!=", self.v(x), ir.Constant(I64, 0))

    def op_range_more(self, b, op):
        current, stop, step = (self.v(a) for a in op.args)
        up = b.icmp_signed(">", step, ir.Constant(I64, 0))
        return b.select(up, b.icmp_signed("<", current, stop), b.icmp_signed(">", current, stop))

    def compare(self, b, op):
        kind, name = op.opcode.split(".")
        x, y = (self.v(a) for a in op.args)
        if kind == "icmp":
            return b.icmp_signed(_ICMP[name], x, y)
        if kind == "fcmp":
            if name == "ne":
                return b.fcmp_unordered("!=", x, y)
            return b.fcmp_ordered(_ICMP[name], x, y)
        return self.int_float_compare(b, name, x, y)

    def int_float_compare(self, b, name, x, y):
        """Exact int-versus-float comparison, as CPython's float_richcompare does it."""
        order = b.call(self.owner.addresses.int_float_order(), [x, y])
        c = lambda v: ir.Constant(I32, v)  # noqa: E731
        if name == "lt":
            return b.icmp_signed("==", order, c(-1))
        if name == "le":
            return b.or_(b.icmp_signed("==", order, c(-1)), b.icmp_signed("==", order, c(0)))
        if name == "eq":
            return b.icmp_signed("==", order, c(0))
        if name == "ne":
            return b.icmp_signed("!=", order, c(0))
        if name == "gt":
            return b.icmp_signed("==", order, c(1))
        return b.or_(b.icmp_signed("==", order, c(1)), b.icmp_signed("==", order, c(0)))


def define_int_power(module: ir.Module) -> ir.Function:
    """{i64, i1} ipow(i64 x, i64 y >= 0): x ** y by squaring, and whether it overflowed."""
    result_type = ir.LiteralStructType([I64, I1])
    fn = ir.Function(module, ir.FunctionType(result_type, [I64, I64]), "jitvm.int_power")
    fn.linkage = "internal"
    x, y = fn.args
    entry = fn.append_basic_block("entry")
    loop = fn.append_basic_block("loop")
    body = fn.append_basic_block("body")
    done = fn.append_basic_block("done")
    b = Builder(entry)
    b.branch(loop)
    b.position_at_end(loop)
    result = b.phi(I64)
    base = b.phi(I64)
    exponent = b.phi(I64)
    overflow = b.phi(I1)
    result.add_incoming(ir.Constant(I64, 1), entry)
    base.add_incoming(x, entry)
    exponent.add_incoming(y, entry)
    overflow.add_incoming(ir.Constant(I1, 0), entry)
    b.cbranch(b.icmp_signed(">", exponent, ir.Constant(I64, 0)), body, done)
    b.position_at_end(body)
    odd = b.trunc(exponent, I1)
    product = b.smul_with_overflow(result, base)
    new_result = b.select(odd, b.extract_value(product, 0), result)
    rest = b.ashr(exponent, ir.Constant(I64, 1))
    # Squaring the base overflows harmlessly when no multiplication will use it any more.
    square = b.smul_with_overflow(base, base)
    base_used = b.icmp_signed(">", rest, ir.Constant(I64, 0))
    new_overflow = b.or_(overflow, b.or_(b.and_(odd, b.extract_value(product, 1)),
                                         b.and_(base_used, b.extract_value(square, 1))))
    result.add_incoming(new_result, body)
    base.add_incoming(b.extract_value(square, 0), body)
    exponent.add_incoming(rest, body)
    overflow.add_incoming(new_overflow, body)
    b.branch(loop)
    b.position_at_end(done)
    pair = b.insert_value(ir.Constant(result_type, ir.Undefined), result, 0)
    b.ret(b.insert_value(pair, overflow, 1))
    return fn


def define_int_float_order(module: ir.Module) -> ir.Function:
    """i32 order(i64 x, double y): -1, 0 or 1 as x <, ==, > y exactly; 2 if y is NaN."""
    fn = ir.Function(module, ir.FunctionType(I32, [I64, F64]), "jitvm.int_float_order")
    fn.linkage = "internal"
    x, y = fn.args
    b = Builder(fn.append_basic_block("entry"))
    c = lambda v: ir.Constant(I32, v)  # noqa: E731
    nan = b.append_basic_block("nan")
    small = b.append_basic_block("small")
    large = b.append_basic_block("large")
    b.cbranch(b.fcmp_unordered("uno", y, y), nan, small)
    b.position_at_end(nan)
    b.ret(c(2))
    b.position_at_end(small)
    limit = ir.Constant(I64, EXACT_FLOAT_INT)
    exact = b.and_(b.icmp_signed("<=", x, limit), b.icmp_signed(">=", x, b.neg(limit)))
    exact_block = b.append_basic_block("exact")
    b.cbranch(exact, exact_block, large)
    b.position_at_end(exact_block)
    fx = b.sitofp(x, F64)
    b.ret(b.select(b.fcmp_ordered("<", fx, y), c(-1),
                   b.select(b.fcmp_ordered(">", fx, y), c(1), c(0))))
    # |x| > 2**53: compare with y's integer part (y is beyond int64 when it is that large).
    b.position_at_end(large)
    top = ir.Constant(F64, 9223372036854775808.0)
    above = b.append_basic_block("above")
    below = b.append_basic_block("below")
    inside = b.append_basic_block("inside")
    b.cbranch(b.fcmp_ordered(">=", y, top), above, below)
    b.position_at_end(above)
    b.ret(c(-1))
    b.position_at_end(below)
    under = b.append_basic_block("under")
    b.cbranch(b.fcmp_ordered("<", y, b.fneg(top)), under, inside)
    b.position_at_end(under)
    b.ret(c(1))
    b.position_at_end(inside)
    trunc_fn = module.globals.get("llvm.trunc.f64") or ir.Function(
        module, ir.FunctionType(F64, [F64]), "llvm.trunc.f64")
    trunc = b.call(trunc_fn, [y])
    whole = b.fptosi(trunc, I64)
    frac = b.fsub(y, trunc)
    by_whole = b.select(b.icmp_signed("<", x, whole), c(-1),
                        b.select(b.icmp_signed(">", x, whole), c(1), c(0)))
    by_frac = b.select(b.fcmp_ordered(">", frac, ir.Constant(F64, 0.0)), c(-1),
                       b.select(b.fcmp_ordered("<", frac, ir.Constant(F64, 0.0)), c(1), c(0)))
    b.ret(b.select(b.icmp_signed("==", by_whole, c(0)), by_frac, by_whole))
    return fn
