#!/usr/bin/env python3
"""Reference Kaplan-Meier estimate for "kaplan-meier v1", in plain Python (no numpy), to check
VoronkaAnalytics' Metrics.kaplanMeier against (and, later, against lifelines).

Input: CSV lines "day,event" where day is whole days since the lead arrived (floor) and event is 1 for a win,
0 for censoring (still open at the as-of date, or, by default, closed without a win: censored at its age on the
as-of date). Output: one line per day with a win: day, at_risk, events, censored, conversion, lower, upper
(conversion = 1 - S(day), a 95 % band from Greenwood's variance clipped to [0, 1], 6 decimals), the same fields as
CurvePoint. Ties: a day's wins come before its censorings.

Usage: scripts/km_reference.py leads.csv      or      scripts/km_reference.py --self-test
"""
import csv
import math
import sys


def kaplan_meier(observations):
    """observations: iterable of (day, event). Returns a list of dicts, one per day with an event."""
    events, censored = {}, {}
    total = 0
    for day, event in observations:
        total += 1
        bucket = events if event else censored
        bucket[day] = bucket.get(day, 0) + 1
    points = []
    at_risk, survival, greenwood = total, 1.0, 0.0
    for day in sorted(set(events) | set(censored)):
        e, c = events.get(day, 0), censored.get(day, 0)
        if e:
            survival *= 1 - e / at_risk
            if at_risk > e:
                greenwood += e / (at_risk * (at_risk - e))
            se = survival * math.sqrt(greenwood) if survival > 0 else 0.0
            conversion = 1 - survival
            points.append({"day": day, "at_risk": at_risk, "events": e, "censored": c,
                           "conversion": round(conversion, 6),
                           "lower": round(max(0.0, conversion - 1.96 * se), 6),
                           "upper": round(min(1.0, conversion + 1.96 * se), 6)})
        at_risk -= e + c
    return points


def self_test():
    # The hand-worked case of KaplanMeierTests: wins on days 2, 5, 5; one open and one junked lead censored at 100.
    points = kaplan_meier([(2, 1), (5, 1), (100, 0), (100, 0), (5, 1)])
    assert [p["conversion"] for p in points] == [0.2, 0.6], points
    assert [p["at_risk"] for p in points] == [5, 4], points
    assert points[0]["upper"] == 0.550615 and points[0]["lower"] == 0, points
    # Censored at the close (day 1) instead: 0.25, 0.75.
    points = kaplan_meier([(2, 1), (5, 1), (100, 0), (1, 0), (5, 1)])
    assert [p["conversion"] for p in points] == [0.25, 0.75], points
    assert kaplan_meier([]) == []
    print("ok")


def main(argv):
    if len(argv) == 2 and argv[1] == "--self-test":
        self_test()
        return
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    with open(argv[1], newline="") as f:
        rows = [(int(r[0]), int(r[1])) for r in csv.reader(f) if r and not r[0].startswith("day")]
    print("day,at_risk,events,censored,conversion,lower,upper")
    for p in kaplan_meier(rows):
        print(",".join(str(p[k]) for k in ("day", "at_risk", "events", "censored", "conversion", "lower", "upper")))


if __name__ == "__main__":
    main(sys.argv)
