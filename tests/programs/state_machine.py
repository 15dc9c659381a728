# Finite state machines: a vending machine and a regex-like recognizer.
class VendingMachine:
    PRICES = {"cola": 150, "chips": 100, "candy": 65}
    def __init__(self):
        self.state = "idle"
        self.credit = 0
        self.log = []
    def event(self, kind, value=None):
        handler = getattr(self, f"on_{self.state}_{kind}", None)
        if handler is None:
            self.log.append(f"[{self.state}] ignored {kind}")
            return
        old = self.state
        handler(value)
        self.log.append(f"[{old}] {kind}({value}) -> {self.state}, credit={self.credit}")
    def on_idle_coin(self, v):
        self.credit += v
        self.state = "has_credit"
    def on_has_credit_coin(self, v):
        self.credit += v
    def on_has_credit_select(self, item):
        price = self.PRICES.get(item)
        if price is None:
            self.log.append(f"  unknown item {item}")
        elif price > self.credit:
            self.log.append(f"  need {price - self.credit} more for {item}")
        else:
            self.credit -= price
            self.log.append(f"  dispense {item}")
            self.state = "has_credit" if self.credit else "idle"
    def on_has_credit_refund(self, _):
        self.log.append(f"  refund {self.credit}")
        self.credit = 0
        self.state = "idle"

vm = VendingMachine()
for ev in [("select", "cola"), ("coin", 100), ("select", "cola"), ("coin", 25), ("coin", 25),
           ("select", "cola"), ("coin", 100), ("select", "candy"), ("select", "gum"), ("refund", None), ("refund", None)]:
    vm.event(*ev)
print("\n".join(vm.log))

# A table-driven recognizer for signed decimal numbers like -12.5e3
TRANSITIONS = {
    ("start", "sign"): "signed", ("start", "digit"): "int", ("signed", "digit"): "int",
    ("int", "digit"): "int", ("int", "dot"): "dot", ("dot", "digit"): "frac", ("frac", "digit"): "frac",
    ("int", "exp"): "exp", ("frac", "exp"): "exp", ("exp", "sign"): "exp_sign", ("exp", "digit"): "exp_int",
    ("exp_sign", "digit"): "exp_int", ("exp_int", "digit"): "exp_int",
}
ACCEPT = {"int", "frac", "exp_int"}
def classify(ch):
    if ch.isdigit(): return "digit"
    if ch in "+-": return "sign"
    if ch == ".": return "dot"
    if ch in "eE": return "exp"
    return "other"
def recognize(s):
    state = "start"
    trace = [state]
    for ch in s:
        state = TRANSITIONS.get((state, classify(ch)))
        if state is None:
            return False, trace + ["REJECT"]
        trace.append(state)
    return state in ACCEPT, trace
for s in ["42", "-12.5e3", "3.", "+.5", "1e", "7E-2", "12a", ""]:
    ok, trace = recognize(s)
    print(f"{s!r:10} {ok!s:5} {' > '.join(trace)}")

traffic = {"green": ("yellow", 3), "yellow": ("red", 1), "red": ("green", 4)}
state, t, timeline = "red", 0, []
while t < 20:
    nxt, duration = traffic[state]
    timeline.append(f"{t:2}:{state}")
    t += duration
    state = nxt
print(" ".join(timeline))
