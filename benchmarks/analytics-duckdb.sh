#!/usr/bin/env bash
# The analytics benchmark on the demo company: Voronka's snapshot build, dashboard, metrics and journal application
# (voronka-analytics-bench, release build), then the same metric definitions as SQL in DuckDB over `voronka export`
# CSV files, in the same run, with ratios and spot checks. Figures go to BENCHMARKS.md.
#
# Usage: benchmarks/analytics-duckdb.sh [DATA_DIR] [AS_OF]   (defaults: /tmp/voronka-bench-1000000, 2026-11-20;
#        make the data with benchmarks/demo-load.sh). Needs python3 with duckdb (pip install duckdb).
#        Environment: EXPORT (CSV directory, reused when it holds journal.csv), OUT (results), SCRATCH (build directory).
# Builds and heavy runs take /work/swiftlock when it exists (the shared machine's build lock).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-/tmp/voronka-bench-1000000}
AS_OF=${2:-2026-11-20}
EXPORT=${EXPORT:-$DATA-export}
OUT=${OUT:-/tmp/voronka-analytics-bench}
SCRATCH=${SCRATCH:-.build-release}
LOCK=""; [ -x /work/swiftlock ] && LOCK=/work/swiftlock
mkdir -p "$OUT"

python3 -c 'import duckdb' 2>/dev/null || python3 -m pip install -q duckdb
$LOCK swift build -c release --scratch-path "$SCRATCH" --product voronka >/dev/null
$LOCK swift build -c release --scratch-path "$SCRATCH" --product voronka-analytics-bench >/dev/null
# Copies, so that a rebuild meanwhile does not replace the binaries under a long run.
cp "$SCRATCH/release/voronka" "$SCRATCH/release/voronka-analytics-bench" "$OUT/"

echo "== migrate (M0006 adds the journal's stage-entry index the snapshot reads)"
$LOCK "$OUT/voronka" migrate --data "$DATA"

if [ ! -s "$EXPORT/journal.csv" ]; then
  echo "== voronka export to $EXPORT"
  rm -rf "$EXPORT"
  $LOCK /usr/bin/time -f "export: %e s, %M KB peak" "$OUT/voronka" export --data "$DATA" --out "$EXPORT"
fi

echo "== Voronka: snapshot from SQLite, dashboard, metrics, journal entries"
$LOCK /usr/bin/time -v "$OUT/voronka-analytics-bench" "$DATA/voronka.sqlite" --as-of "$AS_OF" --dump "$OUT/dashboard.json" \
  > "$OUT/bench.json" 2> "$OUT/bench.time"
cat "$OUT/bench.json"
grep -E "Maximum resident|Elapsed" "$OUT/bench.time"

echo "== DuckDB: the same definitions as SQL"
$LOCK python3 benchmarks/analytics_duckdb.py "$EXPORT" "$AS_OF" "$OUT/bench.json" "$OUT/dashboard.json"
