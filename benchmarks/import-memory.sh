#!/usr/bin/env bash
# The server's memory during a large import through the API (hardening issue: within 1 GB above its idle size, and
# given back afterwards). Generates a Salesforce export of N deals (benchmarks/import_generate.py; the default makes
# about 197 MB, under the default upload limit of 200 MB), starts the release build on an empty data directory, uploads both files to POST /api/v1/imports,
# samples the server's resident memory every second until the import has finished and for 20 s after, and prints
# idle, peak and after figures.
# Usage: benchmarks/import-memory.sh [N=390000] [BIN=.build-release/release/voronka]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-390000}
BIN=${2:-.build-release/release/voronka}
[ -x "$BIN" ] || { echo "no binary at $BIN; build it: swift build -c release --scratch-path .build-release --product voronka" >&2; exit 2; }
WORK=$(mktemp -d /tmp/voronka-import-memory.XXXXXX)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
PID=
trap '[ -n "$PID" ] && kill $PID 2>/dev/null; rm -rf "$WORK"' EXIT
python3 benchmarks/import_generate.py "$N" "$WORK/export" >/dev/null
BYTES=$(cat "$WORK"/export/*.csv | wc -c)
PASSWORD=$("$BIN" user add --data "$WORK/data" --name Admin --email admin@bench.local --role admin | awk '{print $NF}')
"$BIN" serve --data "$WORK/data" --port "$PORT" > "$WORK/serve.log" 2>&1 &
PID=$!
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$PORT/api/v1/health" | grep -q ready && break; sleep 0.2; done
TOKEN=$(curl -s -X POST "http://127.0.0.1:$PORT/api/v1/auth/login" -H 'content-type: application/json' \
  -d "{\"email\":\"admin@bench.local\",\"password\":\"$PASSWORD\"}" | python3 -c 'import sys, json; print(json.load(sys.stdin)["token"])')
rss() { awk '/VmRSS/ { print int($2 / 1024) }' "/proc/$PID/status"; }
sleep 3
IDLE=$(rss)
PEAK=$IDLE
( while kill -0 $PID 2>/dev/null; do echo "$(date +%s) $(rss)"; sleep 1; done ) > "$WORK/rss.txt" &
SAMPLER=$!
START=$(date +%s.%N)
ID=$(curl -s -X POST "http://127.0.0.1:$PORT/api/v1/imports" -H "authorization: Bearer $TOKEN" \
  -F files=@"$WORK/export/Opportunity.csv" -F files=@"$WORK/export/OpportunityHistory.csv" \
  | python3 -c 'import sys, json; d = json.load(sys.stdin); print(d["id"]) if "id" in d else sys.exit("upload refused: %s" % d)')
UPLOADED=$(date +%s.%N)
while curl -s "http://127.0.0.1:$PORT/api/v1/imports/$ID" -H "authorization: Bearer $TOKEN" | grep -q '"state":"running"'; do sleep 1; done
DONE=$(date +%s.%N)
STATE=$(curl -s "http://127.0.0.1:$PORT/api/v1/imports/$ID" -H "authorization: Bearer $TOKEN" | python3 -c 'import sys, json; d=json.load(sys.stdin); r=d.get("result") or {}; print(d["state"], r.get("rows_read", ""), d.get("error", ""))')
sleep 20
AFTER=$(rss)
kill $SAMPLER 2>/dev/null || true
PEAK=$(awk '{ if ($2 > m) m = $2 } END { print m }' "$WORK/rss.txt")
echo "RSS MB by second since the upload began: $(awk -v s="${START%.*}" '{ printf "%ds %d, ", $1 - s, $2 }' "$WORK/rss.txt" | sed 's/, $//')"
python3 - "$N" "$BYTES" "$IDLE" "$PEAK" "$AFTER" "$START" "$UPLOADED" "$DONE" "$STATE" <<'PY'
import sys
n, size, idle, peak, after = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
start, uploaded, done = float(sys.argv[6]), float(sys.argv[7]), float(sys.argv[8])
print(f"| deals | upload | state | upload s | import s | idle MB | peak MB | peak above idle MB | 20 s after MB |")
print(f"| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
print(f"| {n:,} | {size / 2**20:.0f} MB | {sys.argv[9]} | {uploaded - start:.1f} | {done - uploaded:.1f} | {idle} | {peak} | {peak - idle} | {after} |")
PY
