# Everyday logging: levels, logger hierarchy, handlers, formatters and %-style arguments (no call-site fields).
import io
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.INFO, format="%(levelname)s:%(name)s:%(message)s")
root = logging.getLogger()
log = logging.getLogger("shop")
log.debug("not shown at INFO")
log.info("opening with %d items and %s", 3, ["a", "b"])
log.warning("low stock: %(item)s=%(qty)d", {"item": "apple", "qty": 2})
log.error("payment failed for order %05d", 42)

audit = logging.getLogger("shop.audit")
buffer = io.StringIO()
handler = logging.StreamHandler(buffer)
handler.setFormatter(logging.Formatter("[%(levelname).1s] %(name)s - %(message)s"))
handler.setLevel(logging.WARNING)
audit.addHandler(handler)
audit.info("goes to root only")
audit.warning("goes to both")
audit.propagate = False
audit.error("buffer only")
print("buffer:", buffer.getvalue().splitlines())
print(log.getEffectiveLevel(), logging.getLevelName(logging.WARNING), log.isEnabledFor(logging.DEBUG), audit.parent.name)

class ContextFilter(logging.Filter):
    def __init__(self):
        super().__init__()
        self.count = 0
    def filter(self, record):
        self.count += 1
        record.msg = f"#{self.count} {record.msg}"
        return "secret" not in record.getMessage()
f = ContextFilter()
log.addFilter(f)
log.info("first")
log.info("a secret message")
log.info("third")
print("filter saw", f.count, "records")
log.removeFilter(f)
try:
    1 / 0
except ZeroDivisionError:
    logging.getLogger("errors").error("computation failed: %s", "division")
logging.disable(logging.CRITICAL)
log.critical("suppressed by disable")
logging.disable(logging.NOTSET)
log.info("enabled again")
print(logging.getLogger("shop") is log, logging.getLogger("shop.audit").name, [h.__class__.__name__ for h in root.handlers])
