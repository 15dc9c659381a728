# Regular expressions.
import re

text = "Contact: alice@example.com, bob.smith@mail.org; phone 555-1234 or 555-9876."
print(re.findall(r"[\w.]+@[\w.]+\.\w+", text))
print(re.findall(r"(\d{3})-(\d{4})", text))
m = re.search(r"(?P<user>\w+)@(?P<domain>[\w.]+)", text)
print(m.group(), m.group("user"), m.group(2), m.groupdict(), m.span(), m.start("domain"))
print(re.sub(r"\d", "#", text))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "x@y and p@q"))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "a1 b22 c333"))
print(re.split(r"[,;]\s*", "a, b;c,d"), re.split(r"(\s)", "x y"), re.split(r"\s+", "  lead"))
print(re.match(r"\d+", "123abc").group(), re.match(r"\d+", "abc"), re.fullmatch(r"[a-z]+", "abc") is not None)
pat = re.compile(r"^(\w+)\s*=\s*(.*?)\s*$", re.MULTILINE)
config = """name = demo
 version=1.2
debug =   true  """
print(pat.findall(config))
print(dict(pat.findall(config)))
for mm in re.finditer(r"\b[A-Z]\w*", "Alpha beta Gamma delta Epsilon"):
    print(mm.group(), mm.start(), mm.end())
print(re.findall(r"(?i)hello", "Hello HELLO hello"), re.IGNORECASE == re.I)
print(re.escape("a.b*c"), re.sub(r"\s+", " ", "  many   spaces \t here "))
print(re.subn(r"o", "0", "foo boo"), re.findall(r"a*", "baaac"))
date = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
m = date.match("2024-03-15 tail")
print(m.groups(), m.group(0), m.group(1, 3), m.lastindex)
tokens = re.findall(r"\d+\.\d+|\d+|[-+*/()]", "3.5 + (12 * 4) - 7/2")
print(tokens)
print(bool(re.search(r"^\s*$", "   ")), re.sub(r"(?<=\d)(?=(\d{3})+$)", ",", "1234567"))
print(re.findall(r"<(.+?)>", "<a><bb><c>"), re.findall(r"<(.+)>", "<a><bb><c>"))
try:
    re.compile("(unclosed")
except re.error as e:
    print("re.error:", e)
