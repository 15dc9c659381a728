# raise ... from ..., __cause__, __suppress_context__, raise from None.
class ConfigError(Exception):
    pass

def load(cfg, key):
    try:
        return cfg[key]
    except KeyError as e:
        raise ConfigError(f"missing setting {key!r}") from e

try:
    load({}, "port")
except ConfigError as e:
    print("ConfigError:", e)
    print("cause:", repr(e.__cause__), "context:", repr(e.__context__))
    print("suppress:", e.__suppress_context__)

def convert(s):
    try:
        return int(s)
    except ValueError:
        raise TypeError("expected numeric string") from None

try:
    convert("abc")
except TypeError as e:
    print("TypeError:", e, e.__cause__, type(e.__context__).__name__, e.__suppress_context__)

try:
    raise RuntimeError("top") from ValueError("root")
except RuntimeError as e:
    print(e, "<-", e.__cause__, e.__context__)

def chain_depth(e):
    depth = 0
    while e is not None:
        print("  " * depth + type(e).__name__ + ": " + str(e))
        e = e.__cause__ or e.__context__
        depth += 1

try:
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ValueError("level 2") from e
    except ValueError as e:
        raise KeyError("level 3")
except KeyError as e:
    chain_depth(e)

try:
    raise ValueError("x") from KeyError
except ValueError as e:
    print(type(e.__cause__).__name__, e.__cause__.args)
try:
    raise ValueError("bad") from 42
except TypeError as e:
    print("TypeError:", e)
