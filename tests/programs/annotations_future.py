# from __future__ import annotations: annotations are stored as strings, never evaluated.
from __future__ import annotations

def f(x: UndefinedType, y: list[int] = None) -> SomethingElse:
    return x

print(f(5), f.__annotations__)

class Node:
    next: Node | None
    value: int
    def link(self, other: Node) -> Node:
        self.next = other
        return self
print(Node.__annotations__, Node.link.__annotations__)
counter: int = 0
print(__annotations__)
