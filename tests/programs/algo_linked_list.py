# Singly and doubly linked lists with iteration and dunders.
class LinkedList:
    class _Node:
        def __init__(self, value, nxt=None):
            self.value, self.next = value, nxt
    def __init__(self, iterable=()):
        self.head = None
        self._len = 0
        for x in reversed(list(iterable)):
            self.push_front(x)
    def push_front(self, value):
        self.head = self._Node(value, self.head)
        self._len += 1
    def append(self, value):
        node = self._Node(value)
        if not self.head:
            self.head = node
        else:
            cur = self.head
            while cur.next:
                cur = cur.next
            cur.next = node
        self._len += 1
    def __iter__(self):
        cur = self.head
        while cur:
            yield cur.value
            cur = cur.next
    def __len__(self):
        return self._len
    def __repr__(self):
        return "LinkedList([" + ", ".join(repr(v) for v in self) + "])"
    def __getitem__(self, i):
        if i < 0:
            i += len(self)
        for j, v in enumerate(self):
            if j == i:
                return v
        raise IndexError("LinkedList index out of range")
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
        return self
    def remove(self, value):
        prev, cur = None, self.head
        while cur:
            if cur.value == value:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self._len -= 1
                return True
            prev, cur = cur, cur.next
        return False
    def middle(self):
        slow = fast = self.head
        while fast and fast.next:
            slow, fast = slow.next, fast.next.next
        return slow.value if slow else None

ll = LinkedList([3, 1, 4, 1, 5])
ll.append(9)
ll.push_front(0)
print(ll, len(ll), ll[2], ll[-1], list(ll), sum(ll), 4 in ll, 7 in ll)
print(ll.reverse())
print(ll.remove(1), ll.remove(42), ll, len(ll), ll.middle())
try:
    ll[100]
except IndexError as e:
    print("IndexError:", e)
print(LinkedList(), len(LinkedList()), LinkedList().middle(), sorted(LinkedList("linked")))

def merge_sorted(a, b):
    out = LinkedList()
    ia, ib = iter(a), iter(b)
    va, vb = next(ia, None), next(ib, None)
    while va is not None or vb is not None:
        if vb is None or (va is not None and va <= vb):
            out.append(va); va = next(ia, None)
        else:
            out.append(vb); vb = next(ib, None)
    return out
print(merge_sorted(LinkedList([1, 4, 7]), LinkedList([2, 3, 8, 10])))
def has_cycle(head):
    slow = fast = head
    while fast and fast.next:
        slow, fast = slow.next, fast.next.next
        if slow is fast:
            return True
    return False
cyc = LinkedList([1, 2, 3, 4])
print(has_cycle(cyc.head))
cyc.head.next.next.next.next = cyc.head.next
print(has_cycle(cyc.head))
