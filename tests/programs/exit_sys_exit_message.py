# sys.exit with a string: printed to stderr, exit status 1.
import sys

errors = []
for name in ["alpha", "", "gamma"]:
    if not name:
        errors.append("empty name found")
    else:
        print("ok:", name)
if errors:
    sys.exit("fatal: " + "; ".join(errors))
print("not reached")
