# import of a helper module placed beside the program.
import helper_utils
import helper_utils as hu

print(helper_utils is hu)
print(helper_utils.GREETING, helper_utils.shout("hi"), hu.shout("again"), hu.call_count)
print(helper_utils.mean([1, 2, 3, 4]))
s = helper_utils.Stack().push(1).push(2)
print(s, len(s), s.pop(), s)
print(helper_utils.__name__, helper_utils.__doc__)
print(sorted(n for n in dir(helper_utils) if not n.startswith("__")))
helper_utils.GREETING = "changed"
import helper_utils
print("re-import is cached:", helper_utils.GREETING)
import sys
print("in sys.modules:", "helper_utils" in sys.modules)
print(type(helper_utils).__name__)
