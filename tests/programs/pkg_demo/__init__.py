"""A demo package with relative imports."""
from .core import Engine, VERSION
from . import util

print("pkg_demo initialised")

__all__ = ["Engine", "VERSION", "make_engine"]


def make_engine(name):
    return Engine(util.normalize(name))
