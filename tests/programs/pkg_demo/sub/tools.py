from .. import core
from ..core import VERSION
from . import LIMIT


def describe():
    e = core.Engine("Sub Tool", 75)
    return f"tools v{VERSION} limit={LIMIT} {e!r}"
