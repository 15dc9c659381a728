"""Helper module imported by import_helper*.py (not a test program itself)."""
print("helper_utils imported, __name__ =", __name__)

GREETING = "hello"
_private = "underscored"
call_count = 0


def shout(s):
    global call_count
    call_count += 1
    return s.upper() + "!"


def mean(values):
    return sum(values) / len(values)


class Stack:
    def __init__(self):
        self._items = []

    def push(self, x):
        self._items.append(x)
        return self

    def pop(self):
        return self._items.pop()

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return f"Stack({self._items})"


if __name__ == "__main__":
    print("this never runs when imported")
