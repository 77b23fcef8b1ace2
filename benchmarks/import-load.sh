#!/usr/bin/env bash
# Import benchmark: a generated Salesforce export (Opportunity + OpportunityHistory) of N deals imported into an empty
# SQLite database by a release build, then imported again (a no-op). Prints the tool's own report with rows per second.
# Usage: benchmarks/import-load.sh [N=1000000]     (figures in BENCHMARKS.md)
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
WORK=/tmp/voronka-import-bench-$N
rm -rf "$WORK" && mkdir -p "$WORK"
python3 benchmarks/import_generate.py "$N" "$WORK/export"
swift build -c release --scratch-path .build-release --product voronka
BIN=$(swift build -c release --scratch-path .build-release --product voronka --show-bin-path)/voronka
echo "== first import (empty database)"
/usr/bin/time -v "$BIN" import --data "$WORK/data" "$WORK/export/Opportunity.csv" "$WORK/export/OpportunityHistory.csv" 2> "$WORK/time1.txt" | tail -8
grep -E "Elapsed|Maximum resident" "$WORK/time1.txt"
echo "== the same export again"
/usr/bin/time -v "$BIN" import --data "$WORK/data" "$WORK/export/Opportunity.csv" "$WORK/export/OpportunityHistory.csv" 2> "$WORK/time2.txt" | tail -6
grep -E "Elapsed|Maximum resident" "$WORK/time2.txt"
ls -l "$WORK/data"
