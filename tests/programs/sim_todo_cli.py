# A command-driven todo manager processing a scripted session (also reads sys.argv for a prefix).
import sys

class TodoList:
    def __init__(self):
        self.items = []
        self.next_id = 1
    def add(self, text, priority="normal"):
        item = {"id": self.next_id, "text": text, "done": False, "priority": priority}
        self.items.append(item)
        self.next_id += 1
        return item["id"]
    def find(self, ident):
        for item in self.items:
            if item["id"] == ident:
                return item
        raise KeyError(f"no todo with id {ident}")
    def complete(self, ident):
        self.find(ident)["done"] = True
    def remove(self, ident):
        self.items.remove(self.find(ident))
    def render(self, show_done=True):
        order = {"high": 0, "normal": 1, "low": 2}
        lines = []
        for item in sorted(self.items, key=lambda i: (i["done"], order[i["priority"]], i["id"])):
            if item["done"] and not show_done:
                continue
            mark = "x" if item["done"] else " "
            lines.append(f"[{mark}] #{item['id']:<2} {item['priority']:<6} {item['text']}")
        return "\n".join(lines) or "(empty)"

prefix = sys.argv[1] if len(sys.argv) > 1 else ">"
session = """
add Buy milk
add! Fix the roof
add- Water plants
add Call mom
done 2
list
remove 3
done 9
frobnicate
list pending
remove 1
done 4
list
"""
todos = TodoList()
for line in session.strip().splitlines():
    print(prefix, line)
    cmd, _, arg = line.partition(" ")
    try:
        if cmd.startswith("add"):
            prio = {"add": "normal", "add!": "high", "add-": "low"}[cmd]
            print("  added", todos.add(arg, prio))
        elif cmd == "done":
            todos.complete(int(arg))
        elif cmd == "remove":
            todos.remove(int(arg))
        elif cmd == "list":
            print(todos.render(show_done=arg != "pending"))
        else:
            raise ValueError(f"unknown command {cmd!r}")
    except (KeyError, ValueError) as e:
        print("  error:", e.args[0])
print(sum(1 for i in todos.items if i["done"]), "done of", len(todos.items))
