#!/usr/bin/env bash
# Loads the demo company into a fresh SQLite database with a release build and reports time and sizes.
# Usage: benchmarks/demo-load.sh [DEALS] [DATA_DIR]   (defaults: 1000000, /tmp/voronka-bench-<DEALS>)
set -euo pipefail
cd "$(dirname "$0")/.."
DEALS=${1:-1000000}
DATA=${2:-/tmp/voronka-bench-$DEALS}
swift build -c release --scratch-path .build-release --product voronka >/dev/null
BIN=$(swift build -c release --scratch-path .build-release --product voronka --show-bin-path)/voronka
rm -rf "$DATA"
start=$(date +%s.%N)
/usr/bin/time -v "$BIN" demo --data "$DATA" --deals "$DEALS" --as-of 2026-11-20 2> >(grep -E "Maximum resident|Elapsed" >&2)
end=$(date +%s.%N)
python3 - "$start" "$end" "$DEALS" <<'PY'
import sys
start, end, deals = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"demo --deals {deals}: {end - start:.1f} s wall, {deals / (end - start):,.0f} deals/s")
PY
ls -la "$DATA"
