# try/except/else/finally ordering, nested.
def run(x):
    log = []
    try:
        log.append("try")
        if x == "raise":
            raise ValueError("boom")
        if x == "other":
            raise KeyError("k")
    except ValueError as e:
        log.append(f"except {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log

print(run("ok"))
print(run("raise"))
try:
    run("other")
except KeyError as e:
    print("propagated KeyError", e)

def nested(level):
    try:
        print("  outer try")
        try:
            print("  inner try")
            if level == 1:
                raise ValueError("inner error")
            if level == 2:
                raise TypeError("type error")
        except ValueError:
            print("  inner except")
            if level == 1:
                raise RuntimeError("from inner handler")
        else:
            print("  inner else")
        finally:
            print("  inner finally")
    except (RuntimeError, TypeError) as e:
        print("  outer except", type(e).__name__, e)
    finally:
        print("  outer finally")

for lvl in range(3):
    print("level", lvl)
    nested(lvl)

def finally_with_return():
    try:
        return "from try"
    finally:
        print("  finally runs before return")
print(finally_with_return())

count = 0
for i in range(3):
    try:
        if i == 1:
            continue
        count += 10
    finally:
        count += 1
print("count", count)

def cleanup_order():
    resources = []
    try:
        resources.append("a")
        try:
            resources.append("b")
            raise IOError("disk")
        finally:
            resources.append("release b")
    except IOError as e:
        resources.append(f"handled {e}")
    finally:
        resources.append("release a")
    return resources
print(cleanup_order())
try:
    pass
finally:
    print("finally after empty try")
