# sorted and list.sort with key=lambda and a key function.
import random
random.seed(55)
people = [("n%d" % i, random.randint(18, 90), random.uniform(1.5, 2.0)) for i in range(3000)]
by_age = sorted(people, key=lambda p: p[1])
by_both = sorted(people, key=lambda p: (p[1], -p[2]))
print(by_age[0][1], by_age[-1][1], by_both[0][0])
nums = [random.randint(0, 10**6) for _ in range(5000)]
nums.sort(key=lambda v: (v % 1000, v))
print(nums[:5])
def keyf(v):
    return bin(v).count("1")
pop = sorted(nums[:2000], key=keyf)
print(pop[:3], pop[-3:])
ranked = sorted(range(len(nums)), key=lambda i: nums[i])[:5]
print(ranked)
