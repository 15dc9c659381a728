from .util import normalize, clamp

VERSION = "2.1"


class Engine:
    def __init__(self, name, power=50):
        self.name = normalize(name)
        self.power = clamp(power, 0, 100)

    def boost(self, amount):
        self.power = clamp(self.power + amount, 0, 100)
        return self.power

    def __repr__(self):
        return f"Engine({self.name!r}, power={self.power})"
