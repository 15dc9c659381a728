"""The run-time side of the `match` statement: interpreting pattern descriptors.

`match(subject, descriptor, values)` is what MATCH_PATTERN calls.  The descriptor (built by
`jitvm.match`, which documents its format) is a tree of tuples; `values` holds the values of
the pattern's non-literal expressions that the compiled code evaluated up front.  The result is
the tuple of captured values (in the order the compiled code stores them), None when the
subject does not match, or, for a pattern that needs a value it has not been given yet, a
`Pending` (an int: the index of the value wanted).  The compiled code evaluates that value and
calls `match(pending, "resume", value)` to carry on where matching stopped.

Every step is CPython 3.11's (Python/ceval.c MATCH_* and the code Python/compile.c emits):

* sequences: the type's Py_TPFLAGS_SEQUENCE flag (list, tuple, range, memoryview, deque,
  array, collections.abc.Sequence subclasses and registered classes; never str, bytes or
  bytearray); a length check; then elements by iteration (unpacking), or, when the pattern's
  star is a wildcard (`[a, *_, z]`), by indexing with non-negative indices;
* mappings: Py_TPFLAGS_MAPPING; `len(m) >= number of keys`; keys looked up with
  `m.get(key, <sentinel>)` (so `__missing__` is never triggered); duplicate keys are a
  ValueError; `**rest` is a dict copy without the matched keys;
* classes: `isinstance`; positional sub-patterns name attributes through `__match_args__`, or
  match the subject itself for the "match self" builtins (bool, bytearray, bytes, dict, float,
  frozenset, int, list, set, str, tuple and their subclasses, unless they define
  `__match_args__`); all attributes are read before any sub-pattern is matched; a missing
  attribute is no match;
* `==` for literals and value patterns (subject on the left), `is` for None/True/False.
"""

from __future__ import annotations

from itertools import islice

_SEQUENCE = 1 << 5  # Py_TPFLAGS_SEQUENCE
_MAPPING = 1 << 6  # Py_TPFLAGS_MAPPING
_HEAPTYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE
_MATCH_SELF = 1 << 22  # _Py_TPFLAGS_MATCH_SELF
_MISSING = object()
_LEAVES = frozenset("WCLS")


def match(subject, pattern, values):
    if pattern.__class__ is str:  # "resume": subject is a Pending, values the value it wanted
        return _step(subject._gen, subject._caps, values)
    root, lazy = pattern
    caps = []
    if lazy:
        return _step(_g(subject, root, values, caps), caps, None)
    return tuple(caps) if _m(subject, root, values, caps) else None


class Pending(int):
    """A match waiting for the value at index int(self)."""


def _step(gen, caps, value):
    cause = None
    try:
        need = gen.send(value)
    except StopIteration as stop:
        return tuple(caps) if stop.value else None
    except RuntimeError as exc:
        # PEP 479 turned a StopIteration from user code (an __eq__, a property) into a
        # RuntimeError on its way out of the matcher's generator; CPython lets it through.
        if not (isinstance(exc.__cause__, StopIteration)
                and str(exc) == "generator raised StopIteration"):
            raise
        cause = exc.__cause__
    if cause is not None:
        raise cause
    pending = Pending(need)
    pending._gen = gen
    pending._caps = caps
    return pending


# -- helpers shared by both matchers ----------------------------------------------------------


def tp_name(t: type) -> str:
    """A type's C-level tp_name, which CPython's error messages use: `Point` for a class
    statement's class, `collections.OrderedDict` for a built-in type of a module."""
    try:
        import ctypes
        offset = 2 * ctypes.sizeof(ctypes.c_ssize_t) + ctypes.sizeof(ctypes.c_void_p)
        name = ctypes.c_char_p.from_address(id(t) + offset).value
        if name:
            return name.decode("utf-8")
    except Exception:
        pass
    if t.__flags__ & _HEAPTYPE or t.__module__ == "builtins":
        return t.__name__
    return f"{t.__module__}.{t.__name__}"


def _unpack(s, size: int, star: int) -> list:
    """UNPACK_SEQUENCE size (star < 0) or UNPACK_EX: the elements, a list at the star."""
    if star < 0:
        if s.__class__ is tuple and len(s) == size:
            return s
        if s.__class__ is list and len(s) == size:
            return s[:]  # a snapshot, as on CPython's stack: sub-patterns may mutate s
        items = list(islice(iter(s), size + 1))
        if len(items) < size:
            raise ValueError(f"not enough values to unpack (expected {size}, got {len(items)})")
        if len(items) > size:
            raise ValueError(f"too many values to unpack (expected {size})")
        return items
    after = size - star - 1
    it = iter(s)
    head = list(islice(it, star))
    if len(head) < star:
        raise ValueError(f"not enough values to unpack (expected at least {size - 1}, "
                         f"got {len(head)})")
    rest = list(it)
    if len(rest) < after:
        raise ValueError(f"not enough values to unpack (expected at least {size - 1}, "
                         f"got {star + len(rest)})")
    cut = len(rest) - after
    head.append(rest[:cut])
    head.extend(rest[cut:])
    return head


def _match_keys(s, keys: list):
    """MATCH_KEYS: the values of `keys` in mapping `s`, or None if one is missing."""
    if not keys:
        return ()
    get = s.get
    seen = set()
    out = []
    for key in keys:
        hash(key)
        if key in seen:
            raise ValueError(f"mapping pattern checks duplicate key ({key!r})")
        seen.add(key)
        value = get(key, _MISSING)
        if value is _MISSING:
            return None
        out.append(value)
    return out


def _rest(s, keys: list) -> dict:
    """`**rest`: a copy of the mapping without the matched keys (BUILD_MAP; DICT_UPDATE;
    DELETE_SUBSCR for each key)."""
    rest = {}
    failed = not isinstance(s, dict) and not hasattr(s, "keys")
    if not failed:
        try:
            rest.update(s)
        except AttributeError:
            failed = True
    if failed:  # DICT_UPDATE's message (raised outside the handler: no chained context)
        raise TypeError(f"'{tp_name(type(s))}' object is not a mapping")
    for key in keys:
        del rest[key]
    return rest


def _class_check(s, cls) -> bool:
    if not isinstance(cls, type):
        raise TypeError("called match pattern must be a type")
    return isinstance(s, cls)


def _class_attrs(s, cls, npos: int, kwnames: tuple):
    """MATCH_CLASS after the isinstance check: the attributes the sub-patterns match, or None
    when one is missing."""
    seen = set()
    attrs = []
    if npos:
        match_self = False
        try:
            match_args = cls.__match_args__
        except AttributeError:
            match_args = _MISSING
        if match_args is _MISSING:
            match_args = ()
            match_self = bool(cls.__flags__ & _MATCH_SELF)
        elif match_args.__class__ is not tuple:
            raise TypeError(f"{tp_name(cls)}.__match_args__ must be a tuple "
                            f"(got {tp_name(type(match_args))})")
        allowed = 1 if match_self else len(match_args)
        if allowed < npos:
            plural = "" if allowed == 1 else "s"
            raise TypeError(f"{tp_name(cls)}() accepts {allowed} positional sub-pattern{plural} "
                            f"({npos} given)")
        if match_self:
            attrs.append(s)
        else:
            for i in range(npos):
                name = match_args[i]
                if name.__class__ is not str:
                    raise TypeError(f"__match_args__ elements must be strings "
                                    f"(got {tp_name(type(name))})")
                value = _class_attr(s, cls, name, seen)
                if value is _MISSING:
                    return None
                attrs.append(value)
    for name in kwnames:
        value = _class_attr(s, cls, name, seen)
        if value is _MISSING:
            return None
        attrs.append(value)
    return attrs


def _class_attr(s, cls, name: str, seen: set):
    if name in seen:
        raise TypeError(f"{tp_name(cls)}() got multiple sub-patterns for attribute {name!r}")
    seen.add(name)
    try:
        return getattr(s, name)
    except AttributeError:
        return _MISSING


# -- the matcher for patterns whose values are all known --------------------------------------


def _m(s, node, values, caps) -> bool:
    tag = node[0]
    if tag == "C":
        caps.append(s)
        return True
    if tag == "L":
        return True if s == node[1] else False
    if tag == "W":
        return True
    if tag == "Q":
        if not type(s).__flags__ & _SEQUENCE:
            return False
        _, size, star, kind, items = node
        if star < 0:
            if not len(s) == size:
                return False
        elif size > 1 and not len(s) >= size - 1:
            return False
        if kind == 1:
            for index, sub in items:
                item = s[index] if index >= 0 else s[len(s) + index]
                if not _m(item, sub, values, caps):
                    return False
        elif kind == 2:
            for item, sub in zip(_unpack(s, size, star), items):
                if not _m(item, sub, values, caps):
                    return False
        return True
    if tag == "K":
        _, cls, npos, kwnames, subs = node
        if not _class_check(s, values[cls]):
            return False
        attrs = _class_attrs(s, values[cls], npos, kwnames)
        if attrs is None:
            return False
        for item, sub in zip(attrs, subs):
            if not _m(item, sub, values, caps):
                return False
        return True
    if tag == "S":
        return s is node[1]
    if tag == "V":
        return True if s == values[node[1]] else False
    if tag == "M":
        if not type(s).__flags__ & _MAPPING:
            return False
        _, keys, subs, rest = node
        if not keys and not rest:
            return True
        if keys and not len(s) >= len(keys):
            return False
        keys = [values[k[1]] if k[0] == "V" else k[1] for k in keys]
        found = _match_keys(s, keys)
        if found is None:
            return False
        for item, sub in zip(found, subs):
            if not _m(item, sub, values, caps):
                return False
        if rest:
            caps.append(_rest(s, keys))
        return True
    if tag == "O":
        for alt, perm in zip(node[1], node[2]):
            sub_caps = []
            if _m(s, alt, values, sub_caps):
                caps.extend([sub_caps[i] for i in perm])
                return True
        return False
    if tag == "A":
        if not _m(s, node[1], values, caps):
            return False
        caps.append(s)
        return True
    raise SystemError(f"bad pattern descriptor {node!r}")


# -- the matcher for patterns that evaluate some values on demand ------------------------------
# The same steps as _m, as a generator: `yield index` asks the compiled code for a value.


def _g(s, node, values, caps):
    tag = node[0]
    if tag in _LEAVES:
        return _m(s, node, values, caps)
    if tag == "V":
        index = node[1]
        value = values[index] if index < len(values) else (yield index)
        return True if s == value else False
    if tag == "Q":
        if not type(s).__flags__ & _SEQUENCE:
            return False
        _, size, star, kind, items = node
        if star < 0:
            if not len(s) == size:
                return False
        elif size > 1 and not len(s) >= size - 1:
            return False
        if kind == 1:
            for index, sub in items:
                item = s[index] if index >= 0 else s[len(s) + index]
                if not (yield from _g(item, sub, values, caps)):
                    return False
        elif kind == 2:
            for item, sub in zip(_unpack(s, size, star), items):
                if not (yield from _g(item, sub, values, caps)):
                    return False
        return True
    if tag == "K":
        _, index, npos, kwnames, subs = node
        cls = values[index] if index < len(values) else (yield index)
        if not _class_check(s, cls):
            return False
        attrs = _class_attrs(s, cls, npos, kwnames)
        if attrs is None:
            return False
        for item, sub in zip(attrs, subs):
            if not (yield from _g(item, sub, values, caps)):
                return False
        return True
    if tag == "M":
        if not type(s).__flags__ & _MAPPING:
            return False
        _, key_nodes, subs, rest = node
        if not key_nodes and not rest:
            return True
        if key_nodes and not len(s) >= len(key_nodes):
            return False
        keys = []
        for kind, arg in key_nodes:
            if kind == "V":
                keys.append(values[arg] if arg < len(values) else (yield arg))
            else:
                keys.append(arg)
        found = _match_keys(s, keys)
        if found is None:
            return False
        for item, sub in zip(found, subs):
            if not (yield from _g(item, sub, values, caps)):
                return False
        if rest:
            caps.append(_rest(s, keys))
        return True
    if tag == "O":
        for alt, perm in zip(node[1], node[2]):
            sub_caps = []
            if (yield from _g(s, alt, values, sub_caps)):
                caps.extend([sub_caps[i] for i in perm])
                return True
        return False
    if tag == "A":
        if not (yield from _g(s, node[1], values, caps)):
            return False
        caps.append(s)
        return True
    raise SystemError(f"bad pattern descriptor {node!r}")
