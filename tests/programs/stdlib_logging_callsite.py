# logging formats that use the caller's function name and line number (frame introspection), and warnings capture.
import logging
import sys
import warnings

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG,
                    format="%(levelname)-7s %(name)s %(module)s.%(funcName)s:%(lineno)d | %(message)s")
log = logging.getLogger("app")

def load(path):
    log.debug("loading %s", path)
    if not path.endswith(".cfg"):
        log.warning("unexpected extension in %r", path)
    return {"path": path}

class Service:
    def __init__(self):
        self.log = logging.getLogger("app.service")
    def start(self, n):
        self.log.info("starting with n=%d", n)
        try:
            return 10 / n
        except ZeroDivisionError:
            self.log.error("bad n", exc_info=False)
            return None

load("settings.cfg")
load("settings.txt")
svc = Service()
print(svc.start(4), svc.start(0))
log.setLevel(logging.WARNING)
log.info("hidden")
log.warning("visible after setLevel")
child = logging.getLogger("app.child")
child.propagate = True
child.critical("from child: %s", {"k": 1})
logging.getLogger("other").info("root level is DEBUG so this shows")

def deprecated():
    warnings.warn("deprecated() is old", DeprecationWarning, stacklevel=2)
    return "result"

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    deprecated()
    warnings.warn("plain user warning")
for w in caught:
    print(w.category.__name__, str(w.message), w.lineno, w.filename.endswith("stdlib_logging_callsite.py"))
