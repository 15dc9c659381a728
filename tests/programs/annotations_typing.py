# Type annotations and the typing module as used in modern code.
from typing import Any, Callable, Dict, Generic, List, Optional, Protocol, Tuple, TypeVar, Union, get_type_hints
from dataclasses import dataclass

T = TypeVar("T")
Number = Union[int, float]

count: int = 0
names: List[str] = ["a", "b"]
maybe: Optional[int]
print(__annotations__)

def scale(values: List[Number], factor: float = 2.0) -> List[float]:
    return [v * factor for v in values]

print(scale([1, 2.5]), scale.__annotations__)

def apply(fn: Callable[[int], int], x: int) -> int:
    return fn(x)
print(apply(lambda v: v + 1, 41), sorted(apply.__annotations__))

class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []
    def push(self, item: T) -> "Stack[T]":
        self.items.append(item)
        return self
    def pop(self) -> Optional[T]:
        return self.items.pop() if self.items else None

s: Stack[int] = Stack()
s.push(1).push(2)
print(s.pop(), s.pop(), s.pop(), Stack[int].__name__ if hasattr(Stack[int], "__name__") else "alias")

class Greeter(Protocol):
    def greet(self, name: str) -> str: ...

class English:
    def greet(self, name: str) -> str:
        return f"Hello, {name}"

def welcome(g: Greeter, who: str) -> str:
    return g.greet(who)
print(welcome(English(), "typing"))

@dataclass
class Config:
    name: str
    retries: int = 3
    tags: Tuple[str, ...] = ()
    extra: Dict[str, Any] = None

print(Config("svc"), Config.__annotations__)
print(get_type_hints(scale))

class Annotated:
    x: int
    y: str = "default"
    def method(self, a: "Annotated") -> None:
        pass
print(Annotated.__annotations__, Annotated.y, hasattr(Annotated, "x"))
print(get_type_hints(Annotated.method))
def no_annotations(a, b):
    pass
print(no_annotations.__annotations__)
x: int = "annotations are not enforced"
print(x, List[int], Optional[str], Dict[str, List[int]])
