from ..util import clamp as _clamp

LIMIT = _clamp(500, 0, 255)
