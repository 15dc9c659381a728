# Inventory / order processing simulation with dataclasses and dict aggregation.
from dataclasses import dataclass, field

@dataclass
class Product:
    sku: str
    name: str
    price: float
    stock: int = 0

@dataclass
class Order:
    order_id: int
    customer: str
    lines: list = field(default_factory=list)
    status: str = "new"
    def total(self, catalog):
        return round(sum(catalog[sku].price * qty for sku, qty in self.lines), 2)

class OutOfStock(Exception):
    pass

class Warehouse:
    def __init__(self, products):
        self.catalog = {p.sku: p for p in products}
        self.revenue = 0.0
        self.events = []
    def restock(self, sku, qty):
        self.catalog[sku].stock += qty
        self.events.append(f"restock {sku} +{qty}")
    def fulfil(self, order):
        for sku, qty in order.lines:
            if self.catalog[sku].stock < qty:
                order.status = "backordered"
                raise OutOfStock(f"order {order.order_id}: need {qty} x {sku}, have {self.catalog[sku].stock}")
        for sku, qty in order.lines:
            self.catalog[sku].stock -= qty
        order.status = "shipped"
        amount = order.total(self.catalog)
        self.revenue += amount
        self.events.append(f"ship #{order.order_id} {amount:.2f}")
        return amount

wh = Warehouse([Product("A1", "Widget", 2.50, 10), Product("B2", "Gadget", 12.99, 3), Product("C3", "Doohickey", 0.75, 100)])
orders = [
    Order(1, "ann", [("A1", 4), ("C3", 10)]),
    Order(2, "bob", [("B2", 2)]),
    Order(3, "cy", [("B2", 2), ("A1", 1)]),
    Order(4, "ann", [("A1", 6)]),
    Order(5, "dee", [("A1", 1)]),
]
pending = []
for o in orders:
    try:
        print(f"order {o.order_id}: shipped {wh.fulfil(o):.2f}")
    except OutOfStock as e:
        print("  ", e)
        pending.append(o)
wh.restock("B2", 5)
wh.restock("A1", 2)
for o in pending:
    try:
        print(f"retry {o.order_id}: shipped {wh.fulfil(o):.2f}")
    except OutOfStock as e:
        print("   still waiting:", e)
print(f"revenue: {wh.revenue:.2f}")
for p in wh.catalog.values():
    print(f"  {p.sku} {p.name:<10} {p.stock:>4} @ {p.price:>6.2f}")
by_customer = {}
for o in orders:
    if o.status == "shipped":
        by_customer[o.customer] = by_customer.get(o.customer, 0) + o.total(wh.catalog)
print({k: round(v, 2) for k, v in sorted(by_customer.items())})
print([(o.order_id, o.status) for o in orders])
print(wh.events)
print(orders[0])
