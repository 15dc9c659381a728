# The traceback module: formatted tracebacks printed to stdout (file names are relative to this script).
import os
import traceback

def level3(x):
    return 10 / x

def level2(x):
    return level3(x - 1) * 2

def level1(x):
    return level2(x)

def short(path):
    return os.path.basename(path)

try:
    level1(1)
except ZeroDivisionError as e:
    tb = traceback.extract_tb(e.__traceback__)
    for frame in tb:
        print(short(frame.filename), frame.lineno, frame.name, repr(frame.line))
    print(traceback.format_exception_only(type(e), e))
    print("".join(traceback.format_exception_only(e)).strip())
    text = traceback.format_exc()
    lines = text.splitlines()
    print(lines[0])
    print(lines[-1])
    print(sum(1 for line in lines if line.strip().startswith("File")), "frames")

def chained():
    try:
        {}["missing"]
    except KeyError as e:
        raise ValueError("wrapped") from e

try:
    chained()
except ValueError as e:
    lines = traceback.format_exception(e)
    print(len(lines) > 3, lines[-1].strip())
    print(any("direct cause" in line for line in lines))
    stack = traceback.extract_tb(e.__traceback__)
    print([f.name for f in stack], [f.lineno for f in stack])

def where_am_i():
    frame = traceback.extract_stack(limit=2)[0]
    return frame.name, frame.lineno

print(where_am_i())
