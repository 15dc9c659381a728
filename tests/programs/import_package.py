# Importing a package, its submodules and sub-packages.
import pkg_demo
from pkg_demo import Engine, make_engine
from pkg_demo.util import clamp
import pkg_demo.core as core

print(pkg_demo.VERSION, pkg_demo.__doc__)
e = make_engine("  Big   Red  Engine ")
print(e, e.boost(30), e.boost(100), e)
print(Engine("x", 500), clamp(-5, 0, 10), core.Engine is Engine)
print(pkg_demo.util.normalize("A  B"), pkg_demo.__name__, core.__name__)
print(sorted(pkg_demo.__all__))
from pkg_demo import *
print(VERSION, make_engine("star import").name)
