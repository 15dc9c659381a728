# Interval problems: merging, scheduling meeting rooms, and a sweep line over events.
import heapq

def merge(intervals):
    out = []
    for start, end in sorted(intervals):
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return out

print(merge([[1, 3], [2, 6], [8, 10], [15, 18]]))
print(merge([[1, 4], [4, 5]]), merge([]), merge([[5, 7], [1, 2], [2, 3], [6, 8]]))

def min_rooms(meetings):
    rooms = []
    assignment = {}
    free_ids = []
    next_id = 0
    for start, end, name in sorted(meetings):
        while rooms and rooms[0][0] <= start:
            _, rid = heapq.heappop(rooms)
            heapq.heappush(free_ids, rid)
        if free_ids:
            rid = heapq.heappop(free_ids)
        else:
            rid = next_id
            next_id += 1
        assignment[name] = rid
        heapq.heappush(rooms, (end, rid))
    return next_id, assignment

meetings = [(9, 10, "standup"), (9, 12, "workshop"), (10, 11, "1:1"), (11, 13, "lunch"), (12, 14, "review"), (13, 15, "demo")]
print(min_rooms(meetings))

def max_non_overlapping(intervals):
    chosen, end = [], float("-inf")
    for s, e in sorted(intervals, key=lambda iv: (iv[1], iv[0])):
        if s >= end:
            chosen.append((s, e))
            end = e
    return chosen
print(max_non_overlapping([(1, 4), (3, 5), (0, 6), (5, 7), (3, 9), (5, 9), (6, 10), (8, 11), (8, 12), (2, 14), (12, 16)]))

def busiest_time(intervals):
    events = []
    for s, e in intervals:
        events.append((s, 1))
        events.append((e, -1))
    events.sort()
    cur = best = 0
    best_at = None
    for t, delta in events:
        cur += delta
        if cur > best:
            best, best_at = cur, t
    return best, best_at
print(busiest_time([(s, e) for s, e, _ in meetings]))
def free_slots(busy, day=(9, 17)):
    slots, cursor = [], day[0]
    for s, e in merge([list(b) for b in busy]):
        if s > cursor:
            slots.append((cursor, s))
        cursor = max(cursor, e)
    if cursor < day[1]:
        slots.append((cursor, day[1]))
    return slots
print(free_slots([(9, 10), (12, 13), (10, 11), (15, 16)]))
