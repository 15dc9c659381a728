# from-imports of a helper module, star import and __all__.
from helper_shapes import Circle, Square as Sq, area_of
from helper_shapes import *

print(area_of(Circle(1)), area_of(Sq(3)), REGISTRY)
print([area_of(s) for s in (Circle(2), Square(2))])
try:
    not_exported()
except NameError as e:
    print("NameError:", e)
from helper_shapes import not_exported
print(not_exported())
try:
    from helper_shapes import does_not_exist
except ImportError as e:
    print("ImportError:", e)
import helper_shapes
print(helper_shapes.Circle is Circle, helper_shapes.math.sqrt(16))
try:
    import helper_missing_module
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e)
from helper_utils import shout
print(shout("from import"))
