# if __name__ == "__main__" and module-level structure.
"""Module docstring for main_guard."""
import sys

VERSION = (1, 2, 3)

def helper(x):
    return x * 2

def main(argv):
    print("main called with", len(argv) - 1, "extra args")
    print("doc:", __doc__)
    print("version:", ".".join(map(str, VERSION)))
    print([helper(i) for i in range(5)])
    return 0

print("__name__ is", __name__)
if __name__ == "__main__":
    status = main(sys.argv)
    print("status", status)
else:
    print("imported, not running main")
print("globals defined:", sorted(k for k in globals() if not k.startswith("__")))
print(__builtins__ is not None, type(__name__).__name__)
