#!/usr/bin/env python3
"""The Kaplan-Meier cumulative conversion by lifelines (an independent implementation from PyPI), to check
VoronkaAnalytics' "kaplan-meier v1" against.

Input: a CSV file of lines "day,event" (day: whole days since the lead arrived; event: 1 for a win, 0 for a censoring;
a header line starting with "day" is skipped). Output: one line per day with at least one win,
"day,at_risk,events,conversion", conversion = 1 - S(day) from lifelines.KaplanMeierFitter at full precision (repr).
An input without any win prints the header only. Exit code 3 when lifelines is not installed.

Usage: scripts/km_lifelines.py observations.csv
"""
import csv
import sys

try:
    from lifelines import KaplanMeierFitter
except ImportError:
    print("lifelines is not installed (pip install lifelines)", file=sys.stderr)
    sys.exit(3)


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    with open(argv[1], newline="") as f:
        rows = [(int(r[0]), int(r[1])) for r in csv.reader(f) if r and not r[0].startswith("day")]
    print("day,at_risk,events,conversion")
    if not rows:
        return
    kmf = KaplanMeierFitter()
    kmf.fit([d for d, _ in rows], event_observed=[e for _, e in rows])
    table = kmf.event_table
    survival = kmf.survival_function_["KM_estimate"]
    for day in table.index:
        events = int(table.loc[day, "observed"])
        if events == 0:
            continue
        print(f"{int(day)},{int(table.loc[day, 'at_risk'])},{events},{repr(float(1 - survival.loc[day]))}")


if __name__ == "__main__":
    main(sys.argv)
