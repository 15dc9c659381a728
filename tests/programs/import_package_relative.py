# Relative imports inside a nested sub-package.
from pkg_demo.sub import tools
from pkg_demo.sub import LIMIT
import pkg_demo.sub.tools

print(tools.describe())
print(LIMIT, pkg_demo.sub.tools is tools, pkg_demo.sub.LIMIT)
print(tools.__name__, tools.core.__name__, tools.VERSION)
import sys
print(sorted(m for m in sys.modules if m.startswith("pkg_demo")))
