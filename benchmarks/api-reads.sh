#!/usr/bin/env bash
# Read endpoints at scale: serves a demo database (release build) and measures list requests with wrk.
# Reference: the foundation issue's measurement on this machine kind, listing 100 deals through SQLKit at
# about 900 requests/s (through Fluent models about 350/s); the ratio printed is ours / 900.
# Usage: benchmarks/api-reads.sh [DATA_DIR]   (a directory filled by benchmarks/demo-load.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-/tmp/voronka-bench-1000000}
REFERENCE=900
PORT=18089
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
# The release build in .build-release, as the other benchmarks use; BIN=path overrides it (a copy kept aside).
if [ -z "${BIN:-}" ]; then
  swift build -c release --scratch-path .build-release --product voronka >/dev/null
  BIN=$(swift build -c release --scratch-path .build-release --product voronka --show-bin-path)/voronka
fi
ADMIN=$($BIN token create --data "$DATA" --email admin@voronka.local --name bench)
REP_EMAIL=$($BIN user list --data "$DATA" | awk -F'\t' '$3 == "sales_rep" && !found { print $2; found = 1 }')
REP=$($BIN token create --data "$DATA" --email "$REP_EMAIL" --name bench)
$BIN serve --data "$DATA" --port $PORT > /tmp/voronka-bench-serve.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
# The server answers at once and builds the analytics snapshot in the background; measure reads after that.
for _ in $(seq 1 900); do
  health=$(curl -sf "http://127.0.0.1:$PORT/api/v1/health" || true)
  case "$health" in *'"analytics":"ready"'*) break ;; esac
  sleep 1
done
curl -s "http://127.0.0.1:$PORT/api/v1/health"; echo
DEEP=$(printf '[900000,900000]' | base64 | tr '+/' '-_' | tr -d '=')
echo "| request | as | requests/s | p99 ms | ratio to $REFERENCE/s |"
echo "| --- | --- | ---: | ---: | ---: |"
run() {
  local who=$1 token=$2 path=$3
  local out
  out=$(wrk -t2 -c${CONNECTIONS:-16} -d${SECONDS_PER_RUN:-8}s --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/$path")
  local rps p99
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  local non2xx
  non2xx=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
  [ -n "$non2xx" ] && { echo "error: $path answered $non2xx non-2xx responses" >&2; exit 1; }
  python3 -c "import sys; rps=float(sys.argv[1]); p=sys.argv[2]; ms=float(p[:-2]) if p.endswith('ms') else float(p[:-1])*1000 if p.endswith('s') else float(p[:-2])/1000; print(f'| GET /api/v1/{sys.argv[3]} | {sys.argv[4]} | {rps:,.0f} | {ms:.1f} | {rps/$REFERENCE:.2f} |')" "$rps" "$p99" "$path" "$who"
}
run admin "$ADMIN" "deals?limit=100"
run admin "$ADMIN" "deals?limit=100&sort=-amount"
run admin "$ADMIN" "deals?limit=100&cursor=$DEEP"
run admin "$ADMIN" "deals?limit=100&stage_id=8&created_at_from=2025-01-01"
run rep "$REP" "deals?limit=100"
run admin "$ADMIN" "deals/500000"
