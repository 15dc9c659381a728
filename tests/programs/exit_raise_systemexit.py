# raise SystemExit(2) from inside nested calls; except Exception does not catch it.
def inner():
    print("inner raising SystemExit")
    raise SystemExit(2)

def outer():
    try:
        inner()
    except Exception:
        print("not caught by except Exception")
    finally:
        print("outer finally")

print("start")
outer()
print("not reached")
