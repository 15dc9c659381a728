# Custom exception hierarchies with extra attributes and __str__.
class AppError(Exception):
    """Base class for application errors."""

class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message

class NotFoundError(AppError):
    def __init__(self, kind, ident):
        self.kind, self.ident = kind, ident
        super().__init__(kind, ident)
    def __str__(self):
        return f"{self.kind} #{self.ident} not found"

class InsufficientFunds(AppError):
    def __init__(self, needed, available):
        super().__init__(needed, available)
        self.shortfall = needed - available

errors = [ValidationError("email", "invalid format"), NotFoundError("user", 42), InsufficientFunds(100, 30), AppError("generic"), AppError()]
for err in errors:
    try:
        raise err
    except ValidationError as e:
        print("validation", e.field, "|", e, "|", e.args)
    except NotFoundError as e:
        print("not found", e.args, "|", e, "|", repr(e))
    except AppError as e:
        print("app error", type(e).__name__, e.args, repr(str(e)), getattr(e, "shortfall", None))

print(issubclass(ValidationError, AppError), issubclass(AppError, Exception), issubclass(AppError, BaseException))
print(ValidationError.__mro__[1].__name__, AppError.__doc__)

class WithDefault(Exception):
    def __init__(self, msg="default message"):
        super().__init__(msg)
try:
    raise WithDefault
except WithDefault as e:
    print(e)

class NoArgsStored(Exception):
    def __init__(self, a, b):
        self.a, self.b = a, b
try:
    raise NoArgsStored(1, 2)
except NoArgsStored as e:
    print(repr(str(e)), e.args, e.a + e.b)

class HttpError(Exception):
    code = 500
    def __str__(self):
        return f"HTTP {self.code}: {self.args[0] if self.args else ''}"
class NotFound(HttpError):
    code = 404
for cls in (HttpError, NotFound):
    try:
        raise cls("page")
    except HttpError as e:
        print(e, isinstance(e, NotFound))
print(str(KeyError("k")), str(KeyError("a", "b")), str(KeyError()), repr(ValueError("v", 1)))
