"""Handlers for operators and comparisons, and for building containers and strings."""

from __future__ import annotations

import itertools
import operator

from ..opcodes import BINARY_OPS, FV_SPEC, UNARY_OPS, Op

from .registry import HANDLERS, _popn, handles


# -- operators -------------------------------------------------------------------------------------
# The commonest operators are spelled out (an inline `+` is faster than calling operator.add);
# the rest are made from the operator module by _binary / _unary below.


@handles(Op.BINARY_ADD)
def BINARY_ADD(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] + b


@handles(Op.BINARY_SUBTRACT)
def BINARY_SUBTRACT(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] - b


@handles(Op.BINARY_MULTIPLY)
def BINARY_MULTIPLY(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] * b


@handles(Op.BINARY_MODULO)
def BINARY_MODULO(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] % b


@handles(Op.INPLACE_ADD)
def INPLACE_ADD(f, arg):
    s = f.stack
    b = s.pop()
    a = s[-1]
    a += b  # (not a + b even for ints: `1 += "s"` names the operator `+=`)
    s[-1] = a


@handles(Op.BINARY_SUBSCR)
def BINARY_SUBSCR(f, arg):
    s = f.stack
    key = s.pop()
    s[-1] = s[-1][key]


@handles(Op.STORE_SUBSCR)
def STORE_SUBSCR(f, arg):
    s = f.stack
    key = s.pop()
    obj = s.pop()
    obj[key] = s.pop()


@handles(Op.DELETE_SUBSCR)
def DELETE_SUBSCR(f, arg):
    s = f.stack
    key = s.pop()
    del s.pop()[key]


@handles(Op.BUILD_SLICE)
def BUILD_SLICE(f, n):
    f.stack.append(slice(*_popn(f.stack, n)))


@handles(Op.UNARY_NOT)
def UNARY_NOT(f, arg):
    s = f.stack
    s[-1] = not s[-1]


def _binary(fn):
    def binary(f, arg):
        s = f.stack
        b = s.pop()
        s[-1] = fn(s[-1], b)
    binary.__name__ = fn.__name__
    return binary


def _unary(fn):
    def unary(f, arg):
        s = f.stack
        s[-1] = fn(s[-1])
    unary.__name__ = fn.__name__
    return unary


for _suffix, _sym, _name, _iname in BINARY_OPS:
    HANDLERS.setdefault(Op["BINARY_" + _suffix], _binary(getattr(operator, _name)))
    HANDLERS.setdefault(Op["INPLACE_" + _suffix], _binary(getattr(operator, _iname)))
for _suffix, _sym, _name in UNARY_OPS:
    HANDLERS.setdefault(Op["UNARY_" + _suffix], _unary(getattr(operator, _name)))


def COMPARE_LT(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] < b


def COMPARE_LE(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] <= b


def COMPARE_EQ(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] == b


def COMPARE_NE(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] != b


def COMPARE_GT(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] > b


def COMPARE_GE(f, arg):
    s = f.stack
    b = s.pop()
    s[-1] = s[-1] >= b


# Indexed like opcodes.COMPARE_OPS; the linker picks one per COMPARE_OP instruction.
COMPARE_HANDLERS = (COMPARE_LT, COMPARE_LE, COMPARE_EQ, COMPARE_NE, COMPARE_GT, COMPARE_GE)
HANDLERS[Op.COMPARE_OP] = COMPARE_LT  # the table's entry; link() specialises by argument


@handles(Op.IS_OP)
def IS_OP(f, invert):
    s = f.stack
    b = s.pop()
    s[-1] = (s[-1] is not b) if invert else (s[-1] is b)


@handles(Op.CONTAINS_OP)
def CONTAINS_OP(f, invert):
    s = f.stack
    container = s.pop()
    s[-1] = (s[-1] not in container) if invert else (s[-1] in container)


# -- building containers and strings ---------------------------------------------------------------


@handles(Op.BUILD_TUPLE)
def BUILD_TUPLE(f, n):
    f.stack.append(tuple(_popn(f.stack, n)))


@handles(Op.BUILD_LIST)
def BUILD_LIST(f, n):
    f.stack.append(_popn(f.stack, n))


@handles(Op.BUILD_SET)
def BUILD_SET(f, n):
    f.stack.append(set(_popn(f.stack, n)))


@handles(Op.BUILD_MAP)
def BUILD_MAP(f, n):
    items = _popn(f.stack, 2 * n)
    result = {}
    for i in range(0, 2 * n, 2):
        result[items[i]] = items[i + 1]
    f.stack.append(result)


@handles(Op.BUILD_CONST_KEY_MAP)
def BUILD_CONST_KEY_MAP(f, n):
    keys = f.stack.pop()
    f.stack.append(dict(zip(keys, _popn(f.stack, n))))


@handles(Op.BUILD_STRING)
def BUILD_STRING(f, n):
    f.stack.append("".join(_popn(f.stack, n)))


_CONVERSIONS = (None, str, repr, ascii)


@handles(Op.FORMAT_VALUE)
def FORMAT_VALUE(f, flags):
    s = f.stack
    spec = s.pop() if flags & FV_SPEC else ""
    value = s.pop()
    convert = _CONVERSIONS[flags & 3]
    if convert is not None:
        value = convert(value)
    s.append(value if type(value) is str and not spec else format(value, spec))


@handles(Op.LIST_APPEND)
def LIST_APPEND(f, i):
    s = f.stack
    value = s.pop()
    s[-i].append(value)


@handles(Op.SET_ADD)
def SET_ADD(f, i):
    s = f.stack
    value = s.pop()
    s[-i].add(value)


@handles(Op.MAP_ADD)
def MAP_ADD(f, i):
    s = f.stack
    value = s.pop()
    key = s.pop()
    s[-i][key] = value


def _check_iterable(value, what="Value after *"):
    if not (hasattr(value, "__iter__") or hasattr(value, "__getitem__")):
        raise TypeError(f"{what} must be an iterable, not {type(value).__name__}")


@handles(Op.LIST_EXTEND)
def LIST_EXTEND(f, i):
    s = f.stack
    value = s.pop()
    _check_iterable(value)
    s[-i].extend(value)


@handles(Op.SET_UPDATE)
def SET_UPDATE(f, i):
    s = f.stack
    value = s.pop()
    _check_iterable(value)
    s[-i].update(value)


@handles(Op.DICT_UPDATE)
def DICT_UPDATE(f, i):
    s = f.stack
    value = s.pop()
    if not hasattr(value, "keys"):
        raise TypeError(f"'{type(value).__name__}' object is not a mapping")
    s[-i].update(value)


@handles(Op.DICT_MERGE)
def DICT_MERGE(f, i):
    s = f.stack
    value = s.pop()
    target = s[-i]
    func = s[-i - 2]  # below the positional-arguments tuple: the callable
    if not hasattr(value, "keys"):
        raise TypeError(f"{_func_str(func)} argument after ** must be a mapping, "
                        f"not {type(value).__name__}")
    for key in value.keys():
        if key in target:
            raise TypeError(f"{_func_str(func)} got multiple values for keyword argument "
                            f"'{key}'")
        target[key] = value[key]


def _func_str(func) -> str:
    """How CPython names a callable in call errors (`_PyObject_FunctionStr`)."""
    qualname = getattr(func, "__qualname__", None)
    if qualname is None:
        return type(func).__name__ + " object"
    module = getattr(func, "__module__", None)
    if isinstance(module, str) and module != "builtins":
        return f"{module}.{qualname}()"
    return qualname + "()"


@handles(Op.LIST_TO_TUPLE)
def LIST_TO_TUPLE(f, arg):
    s = f.stack
    s[-1] = tuple(s[-1])


def _unpack_error(value, expected: int, got: int | None, at_least=False):
    if got is None:
        return ValueError(f"too many values to unpack (expected {expected})")
    return ValueError(f"not enough values to unpack (expected {'at least ' if at_least else ''}"
                      f"{expected}, got {got})")


def _iterate(value):
    if not (hasattr(value, "__iter__") or hasattr(value, "__getitem__")):
        raise TypeError(f"cannot unpack non-iterable {type(value).__name__} object")
    return iter(value)


@handles(Op.UNPACK_SEQUENCE)
def UNPACK_SEQUENCE(f, n):
    s = f.stack
    value = s.pop()
    if (type(value) is tuple or type(value) is list) and len(value) == n:
        s.extend(value[::-1])
        return
    items = list(itertools.islice(_iterate(value), n + 1))
    if len(items) != n:
        raise _unpack_error(value, n, len(items) if len(items) < n else None)
    items.reverse()
    s.extend(items)


@handles(Op.UNPACK_EX)
def UNPACK_EX(f, arg):
    before, after = arg & 0xFF, arg >> 8
    s = f.stack
    items = list(_iterate(s.pop()))
    if len(items) < before + after:
        raise _unpack_error(None, before + after, len(items), at_least=True)
    middle = items[before:len(items) - after]
    parts = items[:before] + [middle] + items[len(items) - after:]
    parts.reverse()
    s.extend(parts)
