class Stack:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
    def pop(self):
        if not self.items:
            raise IndexError("pop from empty stack")
        return self.items.pop()
    def top(self):
        return self.items[-1]
    def peek(self):
        return self.top()
    def __len__(self):
        return len(self.items)
    def is_empty(self):
        return len(self.items) == 0

def eval_rpn(tokens):
    st = Stack()
    for t in tokens:
        if t in "+-*/":
            b = st.pop()
            a = st.pop()
            if t == "+":
                st.push(a + b)
            elif t == "-":
                st.push(a - b)
            elif t == "*":
                st.push(a * b)
            else:
                st.push(a / b)
        else:
            st.push(float(t) if "." in t else int(t))
    return st.top()

def balanced(s):
    st = Stack()
    pairs = {")": "(", "]": "[", "}": "{"}
    for ch in s:
        if ch in "([{":
            st.push(ch)
        elif ch in pairs:
            if st.is_empty() or st.pop() != pairs[ch]:
                return False
    return st.is_empty()

def next_greater(xs):
    st = Stack()
    res = [-1] * len(xs)
    for i, x in enumerate(xs):
        while not st.is_empty() and xs[st.peek()] < x:
            res[st.pop()] = x
        st.push(i)
    return res

for r in range(3):
    print(eval_rpn("3 4 + 2 * 7 /".split()), eval_rpn("2 3 4 * + 1.5 -".split()), eval_rpn(["9999999999", "9999999999", "*"]))
    print(balanced("([]{()})"), balanced("([)]"), balanced(""), balanced("(("))
    print(next_greater([4, 5, 2, 25, 7, 1.5, 30]), next_greater(list(range(10, 0, -1)))[:3])
    try:
        eval_rpn(["+"])
    except IndexError as e:
        print("IE", e)
    try:
        eval_rpn(["1", "0", "/"])
    except ZeroDivisionError as e:
        print("ZDE", e)
