#!/usr/bin/env python3
"""The analytics metric definitions as SQL, run by DuckDB in memory over `voronka export` CSV files, timed and set
against Voronka's own timings (from voronka-analytics-bench) in the same run; spot-checks that figures agree.

Usage: benchmarks/analytics_duckdb.py EXPORT_DIR AS_OF VORONKA_BENCH.json VORONKA_DASHBOARD.json [--runs N]
(benchmarks/analytics-duckdb.sh runs everything.)
"""
import datetime
import json
import pathlib
import sys
import time

import duckdb

SQL = pathlib.Path(__file__).with_name("analytics-sql")
# DuckDB query -> the Voronka metric function computing the same definition.
QUERIES = [
    ("01_conversion_by_cohort", "conversion"),
    ("02_stage_to_stage", "stage_conversion"),
    ("03_time_in_stage", "time_in_stage"),
    ("04_velocity", "velocity"),
    ("05_response_times", "response_times"),
    ("06_weighted_pipeline", "forecast"),
    ("07_learned_stage_rates", "forecast"),
    ("08_yearly_buyers", "yearly_buyers"),
]


def main(argv):
    runs = 3
    if "--runs" in argv:
        i = argv.index("--runs")
        runs = int(argv[i + 1])
        del argv[i:i + 2]
    if len(argv) != 5:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    export_dir, as_of, bench_path, dashboard_path = argv[1:]
    asof = datetime.datetime.fromisoformat(as_of).replace(tzinfo=datetime.timezone.utc).timestamp() + 86_399
    bench = json.load(open(bench_path))
    dashboard = json.load(open(dashboard_path))

    con = duckdb.connect(":memory:")
    con.execute("SET TimeZone = 'UTC'")
    start = time.perf_counter()
    con.execute((SQL / "00_load.sql").read_text().replace("{dir}", export_dir))
    load_s = time.perf_counter() - start
    sizes = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("leads", "deals", "stage_entries")}
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    print(f"DuckDB {duckdb.__version__}, in memory, {threads} threads; "
          f"loaded in {load_s:.1f} s: {sizes['leads']:,} leads, {sizes['deals']:,} deals, {sizes['stage_entries']:,} stage entries")

    results, timings = {}, {}
    for name, _ in QUERIES:
        text = (SQL / f"{name}.sql").read_text().replace("{asof}", repr(asof))
        best = float("inf")
        for _ in range(runs):
            t = time.perf_counter()
            rows = con.execute(text).fetchall()
            best = min(best, time.perf_counter() - t)
        results[name], timings[name] = rows, best * 1000

    metric = bench["metric"]
    print("\nVoronka ms: the metric's own function (it builds its own filter scope); ratio = DuckDB / Voronka")
    print(f"{'metric (DuckDB query)':28} {'DuckDB ms':>10} {'Voronka ms':>11} {'ratio':>8}")
    for name, fn in QUERIES:
        ours = metric[fn]["median_ms"]
        print(f"{name:28} {timings[name]:10.1f} {ours:11.1f} {timings[name] / max(ours, 0.01):7.1f}x")
    duck_total = sum(timings.values())
    dash = bench["dashboard"]["all"]["median_ms"]
    print(f"{'all eight queries':28} {duck_total:10.1f}")
    print(f"Voronka full dashboard (all 13 metrics, no filter): {dash:.1f} ms median -> DuckDB's eight queries take "
          f"{duck_total / dash:.0f}x as long")
    for name, row in bench["dashboard"].items():
        print(f"  dashboard {name}: median {row['median_ms']} ms, min {row['min_ms']} ms")

    print("\nSpot checks (DuckDB against Voronka's dashboard):")
    checks = []

    # Conversion cohorts: leads and wins per month.
    ours = {c["cohort"]: (c["leads"], c["won"]) for c in dashboard["conversion"]["cohorts"]}
    theirs = {r[0]: (r[1], r[2]) for r in results["01_conversion_by_cohort"]}
    same = sum(1 for k in theirs if ours.get(k) == theirs[k])
    checks.append(("conversion: cohorts with equal leads and wins", same, len(theirs), same == len(theirs) == len(ours)))

    # Weighted pipeline by month (configured probabilities).
    ours = {m["month"]: (m["deals"], m["weightedConfigured"]) for m in dashboard["forecast"]["months"]}
    theirs = {r[0]: (r[1], r[3]) for r in results["06_weighted_pipeline"]}
    same = sum(1 for k, (n, w) in theirs.items() if k in ours and ours[k][0] == n and abs(ours[k][1] - w) <= 0.01 + 1e-9 * abs(w))
    checks.append(("forecast: months with equal deals and weighted amount", same, len(theirs), same == len(theirs)))

    # Learned stage rates: closed and won deals per stage.
    ours = {s["stageID"]: (s["closedDeals"], s["wonDeals"]) for s in dashboard["forecast"]["stages"]}
    theirs = {r[0]: (r[1], r[2]) for r in results["07_learned_stage_rates"]}
    same = sum(1 for k in theirs if ours.get(k) == theirs[k])
    checks.append(("forecast: stages with equal closed and won history", same, len(theirs), same == len(theirs)))

    # Response times overall.
    overall = dashboard["responseTimes"]["overall"]
    row = next(r for r in results["05_response_times"] if r[0] is None)
    ok = (overall["leads"], overall["answered"], overall["breaches"]) == (row[1], row[2], row[5]) \
        and abs(overall["medianHours"] - row[3]) <= 0.005 and abs(overall["p90Hours"] - row[4]) <= 0.005
    checks.append(("response times overall: leads, answered, median, p90, breaches", int(ok), 1, ok))

    # Stage to stage: deals reaching each step.
    ours = {(p["pipelineID"], s["step"]): s["reached"] for p in dashboard["stageConversion"]["pipelines"] for s in p["steps"]}
    theirs = {(r[0], r[1]): r[2] for r in results["02_stage_to_stage"]}
    same = sum(1 for k in theirs if ours.get(k) == theirs[k])
    checks.append(("stage to stage: steps with equal deals reached", same, len(theirs), same == len(theirs)))

    # Yearly buyers.
    n = results["08_yearly_buyers"][0][0]
    checks.append((f"yearly buyers: {n} (DuckDB) against {dashboard['yearlyBuyers']['count']} (Voronka)", int(n == dashboard["yearlyBuyers"]["count"]), 1,
                   n == dashboard["yearlyBuyers"]["count"]))

    for text, same, total, ok in checks:
        print(f"  {'agree' if ok else 'DIFFER'}: {text} ({same} of {total})")


if __name__ == "__main__":
    main(sys.argv)
