# The global statement and module-level state.
count = 0
items = []

def increment():
    global count
    count += 1

def append_only(x):
    items.append(x)  # mutation needs no global

def rebind_items():
    global items
    items = ["rebound"]

for _ in range(3):
    increment()
print(count)
append_only(1)
append_only(2)
print(items)
rebind_items()
print(items)

def create_global():
    global created
    created = "made inside function"

create_global()
print(created)

def reads_global():
    return count * 10
print(reads_global())

def local_shadow():
    count = -1
    return count
print(local_shadow(), count)

def del_global():
    global created
    del created

del_global()
try:
    print(created)
except NameError as e:
    print("NameError:", e)

config = {"debug": False}
def set_debug():
    config["debug"] = True
set_debug()
print(config)

x = 1
def nested_global():
    x = 2
    def inner():
        global x
        x = 3
        return x
    inner()
    return x
print(nested_global(), x)
print("globals has count:", "count" in globals(), globals()["count"])
