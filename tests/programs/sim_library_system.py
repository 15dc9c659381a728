# Library management: classes, properties, exceptions, sorting and reporting.
class LibraryError(Exception):
    pass

class Book:
    def __init__(self, isbn, title, author, year):
        self.isbn, self.title, self.author, self.year = isbn, title, author, year
        self.borrower = None
        self.history = []
    @property
    def available(self):
        return self.borrower is None
    def __repr__(self):
        return f"<{self.title} ({self.year})>"

class Member:
    LIMIT = 2
    def __init__(self, name):
        self.name = name
        self.books = []
    def __str__(self):
        return f"{self.name}[{', '.join(b.title for b in self.books)}]"

class Library:
    def __init__(self):
        self.books = {}
        self.members = {}
    def add_book(self, *args):
        book = Book(*args)
        self.books[book.isbn] = book
    def join(self, name):
        self.members[name] = Member(name)
    def checkout(self, name, isbn):
        member, book = self.members.get(name), self.books.get(isbn)
        if member is None:
            raise LibraryError(f"no member {name!r}")
        if book is None:
            raise LibraryError(f"no book {isbn}")
        if not book.available:
            raise LibraryError(f"{book.title!r} is already borrowed by {book.borrower.name}")
        if len(member.books) >= Member.LIMIT:
            raise LibraryError(f"{name} has reached the limit of {Member.LIMIT}")
        book.borrower = member
        member.books.append(book)
        book.history.append(name)
    def checkin(self, isbn):
        book = self.books[isbn]
        if book.available:
            raise LibraryError(f"{book.title!r} was not borrowed")
        book.borrower.books.remove(book)
        book.borrower = None

lib = Library()
for args in [(1, "Dune", "Herbert", 1965), (2, "Emma", "Austen", 1815), (3, "Ulysses", "Joyce", 1922),
             (4, "Beloved", "Morrison", 1987), (5, "Persuasion", "Austen", 1817)]:
    lib.add_book(*args)
for name in ["ann", "ben"]:
    lib.join(name)
actions = [("out", "ann", 1), ("out", "ben", 1), ("out", "ann", 2), ("out", "ann", 3), ("in", None, 1),
           ("out", "ben", 1), ("out", "zed", 4), ("out", "ben", 9), ("in", None, 4), ("in", None, 2), ("out", "ann", 5)]
for kind, who, isbn in actions:
    try:
        if kind == "out":
            lib.checkout(who, isbn)
            print(f"{who} borrowed {lib.books[isbn]!r}")
        else:
            lib.checkin(isbn)
            print(f"returned {lib.books[isbn]!r}")
    except LibraryError as e:
        print("  error:", e)
for m in lib.members.values():
    print(m)
print("available:", sorted((b for b in lib.books.values() if b.available), key=lambda b: b.year))
by_author = {}
for b in lib.books.values():
    by_author.setdefault(b.author, []).append(b.title)
print(dict(sorted(by_author.items())))
print({b.title: b.history for b in lib.books.values() if b.history})
