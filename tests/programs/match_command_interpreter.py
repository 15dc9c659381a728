"""A small command interpreter for an inventory shell, dispatching with `match`.

Exercises sequence patterns over str.split(), literal and OR patterns, star captures, guards,
AS patterns, break/continue inside cases and a command loop inside a function with return.
"""

import shlex


class Shell:
    def __init__(self):
        self.items: dict[str, int] = {}
        self.history: list[str] = []
        self.aliases: dict[str, list[str]] = {}
        self.undo_stack: list[tuple] = []

    def run(self, script: str) -> int:
        executed = 0
        for raw in script.splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            words = shlex.split(line)
            match words:
                case [name, *rest] if name in self.aliases:
                    words = self.aliases[name] + rest
            executed += 1
            result = self.execute(words)
            match result:
                case "quit":
                    print("bye")
                    break
                case ("error", message):
                    print(f"error: {message}")
                    continue
                case None:
                    pass
                case text:
                    print(text)
            self.history.append(line)
        return executed

    def execute(self, words: list[str]):
        match words:
            case ["quit" | "exit"]:
                return "quit"
            case ["add", item, count] if count.isdigit():
                self.undo_stack.append(("add", item, int(count)))
                self.items[item] = self.items.get(item, 0) + int(count)
                return f"added {count} {item}"
            case ["add", item]:
                return self.execute(["add", item, "1"])
            case ["add", *_]:
                return ("error", "usage: add ITEM [COUNT]")
            case ["remove" | "rm" as verb, item] if item in self.items:
                count = self.items.pop(item)
                self.undo_stack.append(("remove", item, count))
                return f"{verb}: dropped {item} ({count})"
            case ["remove" | "rm", item]:
                return ("error", f"no such item: {item!r}")
            case ["list"]:
                if not self.items:
                    return "(empty)"
                return "\n".join(f"  {k}: {v}" for k, v in sorted(self.items.items()))
            case ["list", "--min", n] if n.isdigit():
                kept = {k: v for k, v in self.items.items() if v >= int(n)}
                return ", ".join(sorted(kept)) or "(none)"
            case ["alias", name, "=", *expansion] if expansion:
                self.aliases[name] = expansion
                return f"alias {name} -> {' '.join(expansion)}"
            case ["undo"]:
                match self.undo_stack:
                    case []:
                        return ("error", "nothing to undo")
                    case [*_, ("add", item, count)]:
                        self.undo_stack.pop()
                        self.items[item] -= count
                        if not self.items[item]:
                            del self.items[item]
                        return f"undid add of {count} {item}"
                    case [*_, ("remove", item, count)]:
                        self.undo_stack.pop()
                        self.items[item] = count
                        return f"restored {item}"
            case ["history", *opts]:
                match opts:
                    case []:
                        return "\n".join(f"{i:3} {h}" for i, h in enumerate(self.history, 1))
                    case ["--last", n] if n.isdigit():
                        return "\n".join(self.history[-int(n):])
                    case _:
                        return ("error", f"bad history options {opts}")
            case ["echo", *parts]:
                return " ".join(parts)
            case [cmd, *_]:
                return ("error", f"unknown command {cmd!r}")
            case []:
                return None


SCRIPT = """
# stock the shelves
add apple 3
add pear
add banana 12
add
list
alias stock = add widget
stock 5
stock
list --min 5
rm pear
remove pear
undo
undo
list
echo "hello   world" again
history --last 3
history --bogus
frobnicate now
undo
undo
undo
undo
undo
undo
list
quit
echo never printed
"""

if __name__ == "__main__":
    shell = Shell()
    n = shell.run(SCRIPT)
    print("commands executed:", n)
    print("final items:", shell.items)
