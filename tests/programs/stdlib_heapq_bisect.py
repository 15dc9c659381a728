# heapq and bisect.
import heapq
import bisect

data = [5, 1, 8, 3, 9, 2, 7]
h = list(data)
heapq.heapify(h)
print(h[0], [heapq.heappop(h) for _ in range(3)], h[0])
heapq.heappush(h, 0)
print(heapq.heappop(h), len(h))
print(heapq.nlargest(3, data), heapq.nsmallest(2, data), heapq.nlargest(2, ["bb", "a", "ccc"], key=len))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0])))
print(heapq.heappushpop([1, 5], 3), heapq.heapreplace([1, 5], 3))
tasks = []
for prio, name in [(3, "write"), (1, "plan"), (2, "code"), (1, "coffee")]:
    heapq.heappush(tasks, (prio, name))
while tasks:
    print(heapq.heappop(tasks))
def heapsort(items):
    h = []
    for x in items:
        heapq.heappush(h, x)
    return [heapq.heappop(h) for _ in range(len(h))]
print(heapsort([9, -1, 4, 4, 0, 12]))
def kth_largest(nums, k):
    h = nums[:k]
    heapq.heapify(h)
    for n in nums[k:]:
        if n > h[0]:
            heapq.heapreplace(h, n)
    return h[0]
print(kth_largest([3, 2, 1, 5, 6, 4], 2))

sorted_list = [1, 3, 3, 5, 8, 13]
print(bisect.bisect_left(sorted_list, 3), bisect.bisect_right(sorted_list, 3), bisect.bisect(sorted_list, 4))
bisect.insort(sorted_list, 4)
bisect.insort_left(sorted_list, 3)
print(sorted_list)
def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
print(bisect.bisect_left([10, 20, 30], 25, lo=0, hi=2))
records = [(1, "a"), (4, "d"), (9, "i")]
keys = [r[0] for r in records]
print(records[bisect.bisect_left(keys, 4)])
print(bisect.bisect_left(records, 5, key=lambda r: r[0]))
