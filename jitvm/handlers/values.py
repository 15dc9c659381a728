"""Handlers that move values: the stack, constants, locals, cells, globals, names and
attributes."""

from __future__ import annotations


from ..interpreter import UNBOUND
from ..opcodes import Op

from .registry import MISSING, handles


# -- stack manipulation ----------------------------------------------------------------------------


@handles(Op.NOP)
def NOP(f, arg):
    return None


@handles(Op.POP_TOP)
def POP_TOP(f, arg):
    f.stack.pop()


@handles(Op.ROT_TWO)
def ROT_TWO(f, arg):
    s = f.stack
    s[-1], s[-2] = s[-2], s[-1]


@handles(Op.ROT_THREE)
def ROT_THREE(f, arg):
    s = f.stack
    s.insert(-2, s.pop())


@handles(Op.ROT_FOUR)
def ROT_FOUR(f, arg):
    s = f.stack
    s.insert(-3, s.pop())


@handles(Op.DUP_TOP)
def DUP_TOP(f, arg):
    s = f.stack
    s.append(s[-1])


@handles(Op.DUP_TOP_TWO)
def DUP_TOP_TWO(f, arg):
    s = f.stack
    s.extend(s[-2:])


# -- constants and names ---------------------------------------------------------------------------


@handles(Op.LOAD_CONST)
def LOAD_CONST(f, value):
    f.stack.append(value)


@handles(Op.LOAD_FAST)
def LOAD_FAST(f, i):
    value = f.fast[i]
    if value is UNBOUND:
        raise _unbound_local(f.code.varnames[i])
    f.stack.append(value)


@handles(Op.STORE_FAST)
def STORE_FAST(f, i):
    f.fast[i] = f.stack.pop()


@handles(Op.DELETE_FAST)
def DELETE_FAST(f, i):
    if f.fast[i] is UNBOUND:
        raise _unbound_local(f.code.varnames[i])
    f.fast[i] = UNBOUND


def _unbound_local(name: str) -> UnboundLocalError:
    return UnboundLocalError(
        f"cannot access local variable '{name}' where it is not associated with a value")


def _cell_contents(f, i):
    try:
        return f.cells[i].cell_contents
    except ValueError:
        pass
    code = f.code
    if i < len(code.cellvars):
        raise _unbound_local(code.cellvars[i])
    name = code.freevars[i - len(code.cellvars)]
    raise NameError(f"cannot access free variable '{name}' where it is not associated with a "
                    "value in enclosing scope", name=name)


@handles(Op.LOAD_DEREF)
def LOAD_DEREF(f, i):
    f.stack.append(_cell_contents(f, i))


@handles(Op.STORE_DEREF)
def STORE_DEREF(f, i):
    f.cells[i].cell_contents = f.stack.pop()


@handles(Op.DELETE_DEREF)
def DELETE_DEREF(f, i):
    _cell_contents(f, i)
    del f.cells[i].cell_contents


@handles(Op.LOAD_CLOSURE)
def LOAD_CLOSURE(f, i):
    f.stack.append(f.cells[i])


@handles(Op.LOAD_CLASSDEREF)
def LOAD_CLASSDEREF(f, i):
    code = f.code
    name = (code.cellvars + code.freevars)[i]
    value = _mapping_get(f.locals, name)
    f.stack.append(_cell_contents(f, i) if value is MISSING else value)


def _mapping_get(mapping, name):
    if type(mapping) is dict:
        return mapping.get(name, MISSING)
    try:
        return mapping[name]
    except KeyError:
        return MISSING


def _name_error(name: str) -> NameError:
    return NameError(f"name '{name}' is not defined", name=name)


@handles(Op.LOAD_GLOBAL)
def LOAD_GLOBAL(f, name):
    value = f.globals.get(name, MISSING)
    if value is MISSING:
        value = f.builtins.get(name, MISSING)
        if value is MISSING:
            raise _name_error(name)
    f.stack.append(value)


@handles(Op.STORE_GLOBAL)
def STORE_GLOBAL(f, name):
    f.globals[name] = f.stack.pop()


@handles(Op.DELETE_GLOBAL)
def DELETE_GLOBAL(f, name):
    if f.globals.pop(name, MISSING) is MISSING:
        raise _name_error(name)


@handles(Op.LOAD_NAME)
def LOAD_NAME(f, name):
    value = _mapping_get(f.locals, name)
    if value is MISSING:
        value = f.globals.get(name, MISSING)
        if value is MISSING:
            value = f.builtins.get(name, MISSING)
            if value is MISSING:
                raise _name_error(name)
    f.stack.append(value)


@handles(Op.STORE_NAME)
def STORE_NAME(f, name):
    f.locals[name] = f.stack.pop()


@handles(Op.DELETE_NAME)
def DELETE_NAME(f, name):
    missing = False
    try:
        del f.locals[name]
    except KeyError:
        missing = True
    if missing:
        raise _name_error(name)


@handles(Op.LOAD_ATTR)
def LOAD_ATTR(f, name):
    s = f.stack
    s[-1] = getattr(s[-1], name)


@handles(Op.STORE_ATTR)
def STORE_ATTR(f, name):
    s = f.stack
    obj = s.pop()
    setattr(obj, name, s.pop())


@handles(Op.DELETE_ATTR)
def DELETE_ATTR(f, name):
    delattr(f.stack.pop(), name)
