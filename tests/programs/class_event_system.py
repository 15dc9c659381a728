# An event/observer system using decorators, weak coupling, class-level registries and kwargs forwarding.
class EventBus:
    def __init__(self):
        self._handlers = {}
        self.history = []
    def on(self, event, *, priority=0):
        def register(fn):
            self._handlers.setdefault(event, []).append((priority, len(self._handlers.get(event, [])), fn))
            return fn
        return register
    def emit(self, event, **payload):
        self.history.append(event)
        results = []
        handlers = sorted(self._handlers.get(event, []), key=lambda h: (-h[0], h[1]))
        for _, _, fn in handlers:
            try:
                result = fn(**payload)
            except StopPropagation as stop:
                results.append(f"stopped: {stop}")
                break
            except Exception as exc:
                results.append(f"{fn.__name__} failed: {type(exc).__name__}: {exc}")
            else:
                results.append(result)
        return results

class StopPropagation(Exception):
    pass

bus = EventBus()

@bus.on("order")
def log_order(item, qty, **_):
    return f"log {qty} x {item}"

@bus.on("order", priority=10)
def validate(item, qty, **_):
    if qty <= 0:
        raise StopPropagation(f"invalid quantity {qty}")
    return "valid"

@bus.on("order", priority=5)
def price(item, qty, unit_price=1.0, **_):
    return f"total {qty * unit_price:.2f}"

@bus.on("order", priority=-1)
def flaky(item, **_):
    return {"apple": "ok"}[item]

print(bus.emit("order", item="apple", qty=3, unit_price=0.5))
print(bus.emit("order", item="pear", qty=2))
print(bus.emit("order", item="apple", qty=0))
print(bus.emit("unknown"))
print(bus.history)

class Observable:
    def __init__(self):
        self._observers = []
    def subscribe(self, fn):
        self._observers.append(fn)
        return lambda: self._observers.remove(fn)
    def notify(self, *args):
        for fn in list(self._observers):
            fn(*args)

class Stock(Observable):
    def __init__(self, symbol, price):
        super().__init__()
        self.symbol, self._price = symbol, price
    @property
    def price(self):
        return self._price
    @price.setter
    def price(self, new):
        old, self._price = self._price, new
        if new != old:
            self.notify(self.symbol, old, new)

s = Stock("ACME", 10.0)
alerts = []
unsub = s.subscribe(lambda sym, old, new: alerts.append(f"{sym}: {old} -> {new}"))
s.subscribe(lambda sym, old, new: alerts.append("BIG MOVE") if abs(new - old) / old > 0.1 else None)
s.price = 10.5
s.price = 10.5
s.price = 12.0
unsub()
s.price = 9.0
print(alerts)
