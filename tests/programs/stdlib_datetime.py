# datetime with fixed dates (no clock access).
from datetime import date, datetime, timedelta, time

d = date(2024, 2, 28)
print(d, d + timedelta(days=1), d + timedelta(days=2), d.weekday(), d.isoweekday(), d.strftime("%A %d %B %Y"))
print(date(2023, 12, 31) - date(2023, 1, 1), (date(2025, 1, 1) - date(2024, 1, 1)).days)
dt = datetime(2024, 3, 15, 13, 45, 30)
print(dt, dt.isoformat(), dt.strftime("%Y-%m-%d %H:%M"), dt.date(), dt.time(), dt.hour, dt.minute)
print(dt + timedelta(hours=12, minutes=20), dt - timedelta(weeks=2), dt.replace(year=2000))
print(datetime.strptime("2021-07-04 09:30", "%Y-%m-%d %H:%M"), date.fromisoformat("2020-02-29"))
td = timedelta(days=1, hours=3, minutes=4, seconds=5)
print(td, td.total_seconds(), td * 2, td // 2, -td, timedelta(seconds=90) < timedelta(minutes=2))
print(repr(td), repr(date(2024, 1, 2)), repr(time(7, 5)))
def age(born, today):
    years = today.year - born.year
    if (today.month, today.day) < (born.month, born.day):
        years -= 1
    return years
print(age(date(1990, 6, 15), date(2024, 6, 14)), age(date(1990, 6, 15), date(2024, 6, 15)))
start = date(2024, 1, 1)
mondays = [start + timedelta(days=i) for i in range(31) if (start + timedelta(days=i)).weekday() == 0]
print([m.day for m in mondays])
meetings = [datetime(2024, 5, 1, 9), datetime(2024, 4, 30, 17), datetime(2024, 5, 1, 8, 30)]
print([m.strftime("%b %d %H:%M") for m in sorted(meetings)], max(meetings) - min(meetings))
import calendar
print(calendar.isleap(2024), calendar.monthrange(2024, 2), calendar.month_name[3], calendar.day_abbr[0])
print(calendar.month(2024, 2))
