#!/usr/bin/env bash
# Mixed load on one server: list reads, record reads, dashboards, writes (new companies, deal amounts), stage moves,
# and one import of a generated 20,000-row Maven CRM sales_pipeline.csv started at a third of the run, all at once,
# each kind on its own connections and paced (benchmarks/mixed_load.py, Python standard library only). Samples the
# server's resident memory every 10 s. Prints a Markdown table for BENCHMARKS.md; exits 1 when any request failed.
#
# Usage: benchmarks/mixed-load.sh DATA_DIR [SECONDS=600] [BIN=.build-release/release/voronka]
#        DATA_DIR: a SQLite data directory filled by `voronka demo` (benchmarks/demo-load.sh).
#        The release binary is not built here; build it with
#          swift build -c release --scratch-path .build-release --product voronka
#        Environment: PORT (18091), SERVE_LOG (/tmp/voronka-mixed-load-serve.log), MAVEN_TEMPLATE (the rows the
#        import file repeats; default ../shared/data/maven-crm/sales_pipeline.csv beside the repository, a built-in few when missing),
#        MIXED_LOAD_ARGS (more arguments for mixed_load.py, e.g. "--set list=4/0 --set dashboard=2/2": connections/rate,
#        0 for closed loop; see benchmarks/mixed_load.py --help).
# Every run leaves its writes in the database: new companies, changed amounts, moved deals, and 20,000 imported deals
# (in the pipeline "Maven CRM (mixed load)", created by the first run).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
DATA=$1
DURATION=${2:-600}
BIN=${3:-.build-release/release/voronka}
PORT=${PORT:-18091}
SERVE_LOG=${SERVE_LOG:-/tmp/voronka-mixed-load-serve.log}
TEMPLATE=${MAVEN_TEMPLATE:-$(cd .. && pwd)/shared/data/maven-crm/sales_pipeline.csv}

if [ ! -x "$BIN" ]; then
  echo "error: no server binary at $BIN. Build the release binary with" >&2
  echo "  swift build -c release --scratch-path .build-release --product voronka" >&2
  echo "(its path: swift build -c release --scratch-path .build-release --product voronka --show-bin-path), or pass BIN." >&2
  exit 2
fi
[ -f "$DATA/voronka.sqlite" ] || { echo "error: $DATA/voronka.sqlite does not exist (fill it with voronka demo --data $DATA)" >&2; exit 2; }
[[ $DURATION =~ ^[0-9]+$ ]] && [ "$DURATION" -gt 0 ] || { echo "error: SECONDS must be a positive whole number, not $DURATION" >&2; exit 2; }
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "error: something already answers on port $PORT (set PORT)" >&2; exit 2
fi

TOKEN=$("$BIN" token create --data "$DATA" --email admin@voronka.local --name mixed)
"$BIN" serve --data "$DATA" --port "$PORT" > "$SERVE_LOG" 2>&1 &
PID=$!
cleanup() {
  if kill -0 "$PID" 2>/dev/null; then
    kill "$PID" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
echo "server: pid $PID on port $PORT ($BIN serve --data $DATA), log $SERVE_LOG" >&2

# The server answers at once and builds the analytics snapshot in the background: wait for it (a million deals take
# minutes on a release build), at most 15 minutes.
started=$(date +%s)
ready=""
while [ $(( $(date +%s) - started )) -lt 900 ]; do
  kill -0 "$PID" 2>/dev/null || { echo "error: the server exited; the end of its log:" >&2; tail -20 "$SERVE_LOG" >&2; exit 1; }
  health=$(curl -s --max-time 5 "http://127.0.0.1:$PORT/api/v1/health" || true)
  case "$health" in *'"analytics":"ready"'*) ready=1; break ;; esac
  sleep 1
done
[ -n "$ready" ] || { echo "error: analytics not ready after 15 minutes (last health: ${health:-none})" >&2; exit 1; }
echo "server ready after $(( $(date +%s) - started )) s: $health" >&2

rc=0
# shellcheck disable=SC2086  # MIXED_LOAD_ARGS is split into arguments on purpose
python3 benchmarks/mixed_load.py --base "http://127.0.0.1:$PORT" --token "$TOKEN" --pid "$PID" \
  --seconds "$DURATION" --template "$TEMPLATE" ${MIXED_LOAD_ARGS:-} || rc=$?
if ! kill -0 "$PID" 2>/dev/null; then
  echo "error: the server is no longer running; the end of its log:" >&2; tail -20 "$SERVE_LOG" >&2; rc=1
fi
exit $rc
