"""The native calling convention and the CPython object layout, shared by the lowering and the
ctypes bridge.

Every compiled specialisation is  `i32 f(i64* ctx, <args>, i64* out)`  and returns OK (the
result is in *out), DEOPT (its frame state, and those of native frames it was called from, are
in the deopt buffer) or ERROR (a Python exception is set: a signal handler raised).  DEOPT
with an exception set means a Python callable raised it in native code: the deopt records
rebuild the frames, and the bridge raises it at the instruction that called.  `ctx` is an
array of i64:
"""

import ctypes
import sys
import types

OK, DEOPT, ERROR = 0, 1, 2
YIELDED = 3  # a generator's body suspended at a `yield` (frontend_generators.py)
# A generator body's state block (i64 words): the resume index, the deopt point id of the
# `yield` it suspended at; what the machine code of `next` reads (generator_ir.py): running,
# the body's address (0: resumed by the Python path), the host table, the VM, whether the
# body's end is the generator's with no value (then `next` finishes it itself); the
# parameters, then one word per slot (frontend_generators.py)
STATE_INDEX, STATE_POINT, STATE_RUNNING, STATE_BODY, STATE_TABLE, STATE_VM = range(6)
STATE_EXHAUSTS, STATE_PARAMS = 6, 7
STATE_DONE = -2  # the resume index once `next` finished it (generators.py: FINISHED too)

CTX_DEPTH = 0  # native frames still allowed (the recursion budget); each entry takes one
CTX_TICKS = 1  # loop back-edges until the next check for signals (Ctrl-C)
CTX_BUFFER = 2  # address of the deopt buffer (i64 words)
CTX_USED = 3  # words used in the deopt buffer
CTX_STACK_LIMIT = 4  # lowest stack address native frames may use (0: the first frame sets it)
CTX_STACK_BUDGET = 5  # bytes of C stack native code may use below its first frame
CTX_THREAD = 6  # address of the thread's interpreter.ThreadState (native exception handlers)
CTX_LEVEL = 7  # entries into native code running on this thread (nested: jit/__init__.py `_run`)
CTX_LEVELS = 8  # per entry running, 3 words: frames granted, words a record of them takes at
                # most, buffer words reserved by outer entries (read by the next level's entry)
MAX_NESTING = 64  # native code entered again from Python callables it called: at most this
                  # deep (each level takes some C stack outside the native frames' budget)
CTX_WORDS = CTX_LEVELS + 3 * MAX_NESTING

SIGNAL_CHECK_INTERVAL = 1 << 14

# CPython 3.11, 64-bit: PyObject {refcnt, type}, PyVarObject {+ size}, then the payload.
REFCNT, TYPE, SIZE = 0, 8, 16
LIST_ITEMS = 24  # PyListObject.ob_item (a PyObject**)
TUPLE_ITEMS = 24  # PyTupleObject.ob_item[] (inline)
FLOAT_VALUE = 16  # PyFloatObject.ob_fval
LONG_DIGITS = 24  # PyLongObject.ob_digit[] (30-bit digits in uint32)
DIGIT_BITS = 30
CELL_CONTENTS = 16  # PyCellObject.ob_ref
ITER_INDEX = 16  # it_index of a list or tuple iterator
METHOD_FUNC = 16  # PyMethodObject.im_func (a bound method's function)
METHOD_SELF = 24  # PyMethodObject.im_self
# CPython's cached small ints, -5..256: one array of PyLongObjects, SMALL_INT_SIZE bytes apart
# (the int 0 is at index 5), so native code boxes them without a call.
SMALL_INT_MIN, SMALL_INT_MAX, SMALL_INT_SIZE = -5, 256, 32
DICT_VERSION = 24  # PyDictObject.ma_version_tag (uint64: changes on every write)


def check_layout() -> bool:
    """Does this CPython lay out objects as the native code reads them?"""
    if sys.version_info[:2] != (3, 11) or ctypes.sizeof(ctypes.c_void_p) != 8:
        return False
    def word(obj, offset):  # noqa: E306
        return ctypes.c_int64.from_address(id(obj) + offset).value
    probe = [1.5, 2]
    big = 2 ** 40 + 5
    items = ctypes.c_void_p.from_address(id(probe) + LIST_ITEMS).value
    pair = (7, 8)
    cell = (lambda: probe).__closure__[0]
    bound = types.MethodType(check_layout, probe)
    moved = iter(probe)
    next(moved)
    namespace = {}
    versions = [word(namespace, DICT_VERSION)]
    namespace["x"] = 1
    versions.append(word(namespace, DICT_VERSION))
    return (versions[0] != versions[1] and word(probe, TYPE) == id(list) and word(probe, SIZE) == 2
            and ctypes.c_void_p.from_address(items).value == id(probe[0])
            and ctypes.c_double.from_address(id(probe[0]) + FLOAT_VALUE).value == 1.5
            and ctypes.c_void_p.from_address(id(pair) + TUPLE_ITEMS + 8).value == id(pair[1])
            and word(big, SIZE) == 2
            and ctypes.c_uint32.from_address(id(big) + LONG_DIGITS).value == big % 2**30
            and ctypes.c_uint32.from_address(id(big) + LONG_DIGITS + 4).value == big >> 30
            and ctypes.c_void_p.from_address(id(cell) + CELL_CONTENTS).value == id(probe)
            and word(moved, ITER_INDEX) == 1 and word(iter(pair), ITER_INDEX) == 0
            and word(bound, METHOD_FUNC) == id(check_layout)
            and word(bound, METHOD_SELF) == id(probe)
            and all(id(int(str(v))) == id(0) + SMALL_INT_SIZE * v
                    for v in range(SMALL_INT_MIN, SMALL_INT_MAX + 1)))


def instance_slot_offset(cls, name: str) -> int | None:
    """Where instances of `cls` keep their __slots__ slot `name` (found by writing a marker
    into it), or None."""
    if sys.version_info[:2] != (3, 11) or ctypes.sizeof(ctypes.c_void_p) != 8:
        return None
    probe, marker = cls.__new__(cls), ValueError("probe")
    setattr(probe, name, marker)
    for offset in range(16, 16 + 8 * len(cls.__slots__), 8):
        if ctypes.c_void_p.from_address(id(probe) + offset).value == id(marker):
            return offset
    return None


def thread_exc_info_offset(cls) -> int | None:
    """Where `cls` (interpreter.ThreadState) keeps `exc_info`, the exception being handled,
    which native exception handlers read and write in place (lower_handlers.py): the offset
    of its __slots__ slot in the object (CPython orders slots by name), or None if it cannot
    be found."""
    if sys.version_info[:2] != (3, 11) or ctypes.sizeof(ctypes.c_void_p) != 8:
        return None
    probe, marker = cls(), ValueError("probe")
    probe.exc_info = marker
    for offset in range(16, 16 + 8 * len(cls.__slots__), 8):
        if ctypes.c_void_p.from_address(id(probe) + offset).value == id(marker):
            return offset
    return None


TYPE_FLAGS = 168  # PyTypeObject.tp_flags (unsigned long)
TYPE_NEW = 312  # PyTypeObject.tp_new
METHOD_DESCRIPTOR = 1 << 17  # Py_TPFLAGS_METHOD_DESCRIPTOR


def mark_method_descriptor(cls) -> bool:
    """Give `cls` (jitvm's Function) CPython's Py_TPFLAGS_METHOD_DESCRIPTOR: a promise that
    `cls.__get__(obj, type)` makes a bound method calling the function with `obj` first.
    That holds for a jitvm function (its `__get__` returns `types.MethodType(f, obj)`), and
    with the flag CPython's method lookup (`_PyObject_GetMethod`, LOAD_METHOD) finds a jitvm
    function on a class without binding it: native code then calls the function's own
    machine code with the receiver (frontend_objects.py).  Checks too that `tp_new` is where
    native code reads it, to make objects of plain classes (frontend_calls.construct).  False
    if this CPython does not lay types out as expected (then nothing is changed)."""
    if not check_layout():
        return False

    class Probe:
        def __init__(self):
            pass

    def new_of(t):
        return ctypes.c_void_p.from_address(id(t) + TYPE_NEW).value

    made = ctypes.PYFUNCTYPE(ctypes.py_object, ctypes.py_object, ctypes.py_object,
                             ctypes.c_void_p)(new_of(object))(Probe, (), None)
    if new_of(Probe) != new_of(object) or new_of(int) == new_of(object) \
            or type(made) is not Probe:
        return False
    flags = ctypes.c_ulong.from_address(id(cls) + TYPE_FLAGS)
    if flags.value != cls.__flags__:
        return False
    flags.value |= METHOD_DESCRIPTOR
    return cls.__flags__ & METHOD_DESCRIPTOR != 0


# Instance attributes of ordinary classes (CPython 3.11): an object whose type has a managed
# dict keeps its attributes in a values array (a pointer just before the object) indexed as
# the type's shared keys (`ht_cached_keys`) order their names; the type's version tag changes
# whenever the type or a base changes.
TYPE_GETATTRO = 144  # PyTypeObject.tp_getattro
TYPE_SETATTRO = 152  # PyTypeObject.tp_setattro
TYPE_DESCR_SET = 280  # PyTypeObject.tp_descr_set
TYPE_VERSION = 384  # PyTypeObject.tp_version_tag (uint32)
HEAP_CACHED_KEYS = 872  # PyHeapTypeObject.ht_cached_keys
OBJECT_VALUES = -32  # _PyObject_ValuesPointer: PyDictValues* (values[i] at +8 i), or NULL
MANAGED_DICT_POINTER = -24  # _PyObject_ManagedDictPointer: the object's dict once made, or NULL
KEYS_ENTRIES = 24  # PyDictKeysObject.dk_nentries (shared keys only grow: never deleted)
MANAGED_DICT = 1 << 4  # Py_TPFLAGS_MANAGED_DICT
VALID_VERSION_TAG = 1 << 19  # Py_TPFLAGS_VALID_VERSION_TAG


def _shared_keys(cls) -> int | None:
    """The address of `cls`'s shared keys (its instances' values arrays follow them), or
    None if its instances keep no values arrays."""
    if type(cls) is not type or not cls.__flags__ & MANAGED_DICT \
            or not cls.__flags__ & (1 << 9):  # (a heap type)
        return None
    keys = ctypes.c_void_p.from_address(id(cls) + HEAP_CACHED_KEYS).value
    if not keys or ctypes.c_uint8.from_address(keys + 10).value != 2:  # DICT_KEYS_SPLIT
        return None
    return keys


def shared_keys_count(cls) -> int | None:
    """How many names `cls`'s shared keys hold (they only grow), or None."""
    keys = _shared_keys(cls)
    return None if keys is None else ctypes.c_ssize_t.from_address(keys + KEYS_ENTRIES).value


def shared_key_index(cls, name: str) -> int | None:
    """Where instances of `cls` keep attribute `name` in their values array (its position in
    the class's shared keys), or None."""
    keys = _shared_keys(cls)
    if keys is None:
        return None
    count = ctypes.c_ssize_t.from_address(keys + KEYS_ENTRIES).value
    entries = keys + 32 + (1 << ctypes.c_uint8.from_address(keys + 9).value)
    key = sys.intern(name)
    for i in range(count):
        if ctypes.c_void_p.from_address(entries + 16 * i).value == id(key):
            return i
    return None


MEMBER_DEF = 40  # PyMemberDescrObject.d_member (a PyMemberDef*: name, type, offset, flags)
T_OBJECT_EX = 16  # a PyMemberDef's type: an object, AttributeError while unset (`__slots__`)


def slot_offset(descr) -> int | None:
    """Where a `__slots__` member `descr` keeps its object in an instance (a PyObject* at
    that offset, NULL while unset), or None if it is another kind of member (read-only,
    audited, not an object)."""
    if type(descr) is not types.MemberDescriptorType:
        return None
    member = ctypes.c_void_p.from_address(id(descr) + MEMBER_DEF).value
    if not member or ctypes.c_int.from_address(member + 8).value != T_OBJECT_EX \
            or ctypes.c_int.from_address(member + 24).value != 0:  # (flags)
        return None
    return ctypes.c_ssize_t.from_address(member + 16).value


def check_attribute_layout() -> bool:
    """Do ordinary objects keep their attributes where native code reads them?"""
    if not check_layout():
        return False

    class Probe:
        def __init__(self):
            self.first = 1.5
            self.second = "x"

    probe = Probe()
    getattr(Probe, "first", None)  # (a lookup gives the type a valid version tag)
    tag = ctypes.c_uint32.from_address(id(Probe) + TYPE_VERSION)
    before = tag.value
    values = ctypes.c_void_p.from_address(id(probe) + OBJECT_VALUES).value
    ok = (shared_key_index(Probe, "second") == 1 and values is not None
          and ctypes.c_void_p.from_address(values + 8).value == id(probe.second)
          and before != 0 and Probe.__flags__ & VALID_VERSION_TAG
          and ctypes.c_void_p.from_address(id(property) + TYPE_DESCR_SET).value
          and not ctypes.c_void_p.from_address(id(type(len)) + TYPE_DESCR_SET).value
          and ctypes.c_void_p.from_address(id(Probe) + TYPE_GETATTRO).value
          == ctypes.c_void_p.from_address(id(object) + TYPE_GETATTRO).value
          == ctypes.cast(ctypes.pythonapi.PyObject_GenericGetAttr, ctypes.c_void_p).value
          and ctypes.c_void_p.from_address(id(Probe) + TYPE_SETATTRO).value
          == ctypes.c_void_p.from_address(id(object) + TYPE_SETATTRO).value
          == ctypes.cast(ctypes.pythonapi.PyObject_GenericSetAttr, ctypes.c_void_p).value)
    # the values' insertion order: indices in bytes growing down from values - 3, their
    # count at values - 2 (lower_attributes.add_to_insertion_order)
    order = ctypes.string_at(values - 4, 3) == bytes([1, 0, 2])
    pointer = ctypes.c_void_p.from_address(id(probe) + MANAGED_DICT_POINTER)
    dict_made = pointer.value is None and probe.__dict__ is not None \
        and pointer.value == id(probe.__dict__) \
        and ctypes.c_void_p.from_address(id(probe) + OBJECT_VALUES).value is None
    class Slotted:
        __slots__ = ("first", "second")

    slotted = Slotted()
    slotted.second = probe
    offset = slot_offset(Slotted.second)
    slots = offset is not None and slot_offset(Slotted.first) is not None \
        and ctypes.c_void_p.from_address(id(slotted) + offset).value == id(probe) \
        and ctypes.c_void_p.from_address(id(slotted) + slot_offset(Slotted.first)).value \
        is None and slot_offset(type(len).__self__) is None \
        and slot_offset(BaseException.__dict__["__suppress_context__"]) is None
    Probe.other = 1  # a change to the type drops its tag
    return bool(ok and order and dict_made and slots) and (
        tag.value != before or not Probe.__flags__ & VALID_VERSION_TAG)
