#!/usr/bin/env bash
# Search at scale: serves a demo database (release build) and measures `q=` searches with wrk, through the search
# index (SQLite FTS5 trigram tables). The first open of a database made before the index also times the migration that
# fills it. Reference: the plain first page of 100 deals at about 900 requests/s on this machine kind (the foundation
# issue's SQLKit list; see api-reads.sh); the ratio printed is ours / 900.
# Usage: benchmarks/search.sh [DATA_DIR]   (a directory filled by benchmarks/demo-load.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-/tmp/voronka-bench-1000000}
REFERENCE=900
PORT=18090
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
if [ -z "${BIN:-}" ]; then
  swift build -c release --scratch-path .build-release --product voronka >/dev/null
  BIN=$(swift build -c release --scratch-path .build-release --product voronka --show-bin-path)/voronka
fi
start=$(date +%s.%N)
REP_EMAIL=$($BIN user list --data "$DATA" | awk -F'\t' '$3 == "sales_rep" && !found { print $2; found = 1 }')
echo "open (with any pending migration): $(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f} s')" "$start" "$(date +%s.%N)")"
ADMIN=$($BIN token create --data "$DATA" --email admin@voronka.local --name bench)
REP=$($BIN token create --data "$DATA" --email "$REP_EMAIL" --name bench)
$BIN serve --data "$DATA" --port $PORT > /tmp/voronka-bench-serve.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do
  health=$(curl -sf "http://127.0.0.1:$PORT/api/v1/health" || true)
  case "$health" in *'"analytics":"ready"'*) break ;; esac
  sleep 1
done
enc() { python3 -c "import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))" "$1"; }
echo "| request | as | matches (first page) | requests/s | p99 ms | ratio to $REFERENCE/s |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
run() {
  local who=$1 token=$2 path=$3 shown=$4
  local found out rps p99 non2xx
  found=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/$path" | python3 -c "import sys, json; print(len(json.load(sys.stdin)['items']))")
  out=$(wrk -t2 -c${CONNECTIONS:-16} -d${SECONDS_PER_RUN:-8}s --latency -H "Authorization: Bearer $token" "http://127.0.0.1:$PORT/api/v1/$path")
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  p99=$(echo "$out" | awk '$1 == "99%" { print $2 }')
  non2xx=$(echo "$out" | awk '/Non-2xx/ { print $NF }')
  [ -n "$non2xx" ] && { echo "error: $path answered $non2xx non-2xx responses" >&2; exit 1; }
  python3 -c "import sys; rps=float(sys.argv[1]); p=sys.argv[2]; ms=float(p[:-2]) if p.endswith('ms') else float(p[:-1])*1000 if p.endswith('s') else float(p[:-2])/1000; print(f'| GET /api/v1/{sys.argv[3]} | {sys.argv[4]} | {sys.argv[5]} | {rps:,.0f} | {ms:.1f} | {rps/$REFERENCE:.2f} |')" "$rps" "$p99" "$shown" "$who" "$found"
}
run admin "$ADMIN" "companies?limit=50&q=$(enc 'сибирь')" "companies?q=сибирь"
run admin "$ADMIN" "companies?limit=50&q=$(enc 'ООО «Сибирь-Бумага Регион»')" "companies?q=ООО «Сибирь-Бумага Регион»"
run admin "$ADMIN" "companies?limit=50&q=2912345670" "companies?q=2912345670 (tax id)"
run admin "$ADMIN" "contacts?limit=50&q=$(enc '+7 930 969-98-80')" "contacts?q=+7 930 969-98-80"
run admin "$ADMIN" "deals?limit=50&q=$(enc 'вятка-лак')" "deals?q=вятка-лак"
run admin "$ADMIN" "deals?limit=50&q=$(enc 'насос ПН-40')" "deals?q=насос ПН-40"
run admin "$ADMIN" "deals?limit=50&q=$(enc 'пусконаладка')" "deals?q=пусконаладка (a tenth of all deals)"
run rep "$REP" "deals?limit=50&q=$(enc 'насос')" "deals?q=насос"
run admin "$ADMIN" "deals?limit=50&q=$(enc 'зю')" "deals?q=зю (two letters: no trigram)"
