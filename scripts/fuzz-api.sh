#!/usr/bin/env bash
# Fuzzes the JSON API with schemathesis against its own OpenAPI document (GET /api/v1/openapi.json).
#
#   scripts/fuzz-api.sh path/to/voronka [extra `st run` options...]
#
# Starts `voronka serve --demo` on a free port of 127.0.0.1 with its data in a temporary directory, signs in as the
# administrator (the one-time password it prints) and as a demo sales rep, then runs schemathesis (installed from
# PyPI when missing) twice: the read-only operations as the rep (role filtering), then every operation as the admin.
# The server is stopped and the data removed at exit. Exits non-zero when schemathesis reports a failure or the
# server dies; the last line is "N passed, N failed" (JUnit test cases: one per API operation, plus one for the
# stateful phase; summed over both runs).
#
# Knobs: FUZZ_MAX_EXAMPLES (test cases per operation and phase, default 25), FUZZ_SEED (default 1),
# FUZZ_WORKERS (default 2), FUZZ_REPORT_DIR (keep the JUnit and NDJSON reports there), FUZZ_SKIP_REP=1.
set -euo pipefail

if [ $# -lt 1 ] || [ ! -x "$1" ]; then echo "usage: $0 path/to/voronka [st run options...]" >&2; exit 2; fi
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift

MAX_EXAMPLES=${FUZZ_MAX_EXAMPLES:-25}
SEED=${FUZZ_SEED:-1}
WORKERS=${FUZZ_WORKERS:-2}

if ! python3 -c 'import schemathesis' 2>/dev/null; then
  echo "== installing schemathesis from PyPI"
  python3 -m pip install -q 'schemathesis>=4,<5'
fi
ST=(python3 -m schemathesis.cli) # the `st` entry point, whether or not pip's script directory is on PATH

WORK=$(mktemp -d /tmp/voronka-fuzz.XXXXXX)
REPORTS=${FUZZ_REPORT_DIR:-$WORK/reports}
mkdir -p "$REPORTS"
REPORTS=$(cd "$REPORTS" && pwd)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
BASE=http://127.0.0.1:$PORT/api/v1
LOG=$WORK/server.log

echo "== starting voronka on 127.0.0.1:$PORT (demo company, 300 deals)"
"$BIN" serve --demo --demo-deals 300 --data "$WORK/data" --host 127.0.0.1 --port "$PORT" >"$LOG" 2>&1 &
SERVER_PID=$!

ready=
for _ in $(seq 1 240); do # 240 × 0.5 s = 120 s
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
  if curl -fsS --max-time 2 "$BASE/health" 2>/dev/null | grep -q '"analytics":"ready"'; then ready=1; break; fi
  sleep 0.5
done
if [ -z "$ready" ]; then
  tr '\r' '\n' <"$LOG" | tail -n 30 >&2
  echo "voronka did not report \"analytics\":\"ready\" within 120 s" >&2
  exit 1
fi

# The first start prints "  password: <one-time password>" for admin@voronka.local, and
# "Demo company loaded: ... sign in with password <password>" for the demo users.
ADMIN_PASSWORD=$(sed -n 's/^ *password: *\([^ ]*\).*/\1/p' "$LOG" | head -n 1)
DEMO_PASSWORD=$(grep -o 'sign in with password [^ ]*' "$LOG" | head -n 1 | awk '{print $NF}' || true)
if [ -z "$ADMIN_PASSWORD" ]; then cat "$LOG" >&2; echo "no admin password in the server's output" >&2; exit 1; fi

login() { # email password -> token
  curl -fsS --max-time 10 -X POST "$BASE/auth/login" -H 'Content-Type: application/json' \
    -d "$(python3 -c 'import json,sys; print(json.dumps({"email": sys.argv[1], "password": sys.argv[2]}))' "$1" "$2")" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
ADMIN_TOKEN=$(login admin@voronka.local "$ADMIN_PASSWORD")
REP_TOKEN=
if [ -n "$DEMO_PASSWORD" ] && [ "${FUZZ_SKIP_REP:-}" != 1 ]; then
  REP_EMAIL=$(curl -fsS --max-time 10 "$BASE/users?role=sales_rep&limit=1" -H "Authorization: Bearer $ADMIN_TOKEN" \
    | python3 -c 'import json,sys; items=json.load(sys.stdin)["items"]; print(items[0]["email"] if items else "")')
  [ -z "$REP_EMAIL" ] || REP_TOKEN=$(login "$REP_EMAIL" "$DEMO_PASSWORD") || REP_TOKEN= # optional: the admin run goes on without
fi

COMMON=(
  -c not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance
  # coverage: boundary values (extreme dates, long strings, min/max numbers); stateful: chains via inferred links
  --phases examples,coverage,fuzzing,stateful
  --max-examples "$MAX_EXAMPLES" --seed "$SEED" --workers "$WORKERS"
  --generation-database none --request-timeout 20 --no-color
  --report junit,ndjson
)
# Operations that would end the fuzzer's own session mid-run (everything after them would answer 401):
EXCLUDE=(
  --exclude-operation-id logout          # POST /auth/logout revokes the token of the request
  --exclude-operation-id revoke_token    # DELETE /tokens/{id} can hit the caller's own session token (small ids)
  --exclude-operation-id update_me       # PATCH /me can change the caller's password and end its sessions
  --exclude-operation-id reset_password  # POST /users/{id}/password ends every session of that user (id 1 is the admin)
)

status=0
total_passed=0
total_failed=0
tally() { # junit file label -> "passed failed"
  python3 - "$1" "$2" <<'EOF'
import sys, xml.etree.ElementTree as ET
cases = ET.parse(sys.argv[1]).getroot().iter("testcase")
passed = failed = skipped = 0
for c in cases:
    tags = {child.tag for child in c}
    if tags & {"failure", "error"}: failed += 1
    elif "skipped" in tags: skipped += 1
    else: passed += 1
print(f"== {sys.argv[2]}: {passed} test cases passed, {failed} failed, {skipped} skipped", file=sys.stderr)
print(passed + skipped, failed)
EOF
}
run_pass() { # label token extra-options...
  local label=$1 token=$2; shift 2
  local dir=$REPORTS/$label rc=0
  mkdir -p "$dir"
  echo "== schemathesis ($label)"
  # From the temporary directory: schemathesis keeps a crash cache in ./.schemathesis, which must not land in the repository.
  (cd "$WORK" && timeout 900 "${ST[@]}" run "$BASE/openapi.json" -H "Authorization: Bearer $token" "${COMMON[@]}" --report-dir "$dir" "$@") || rc=$?
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "== voronka died during the $label run; its last output:" >&2
    tr '\r' '\n' <"$LOG" | tail -n 40 >&2
    status=1
  fi
  local junit counts
  junit=$(ls -t "$dir"/junit-*.xml 2>/dev/null | head -n 1 || true) # the newest, when FUZZ_REPORT_DIR is reused
  if [ -n "$junit" ]; then
    counts=$(tally "$junit" "$label")
    total_passed=$((total_passed + ${counts% *}))
    total_failed=$((total_failed + ${counts#* }))
  else
    total_failed=$((total_failed + 1))
  fi
  [ "$rc" = 0 ] || status=1
}

START=$(date +%s)
# The rep's run only reads, so it goes first, before the admin's run changes (or deactivates) users.
[ -z "$REP_TOKEN" ] || run_pass sales_rep "$REP_TOKEN" --include-method GET "$@"
run_pass admin "$ADMIN_TOKEN" "${EXCLUDE[@]}" "$@"
echo "== fuzzing took $(( $(date +%s) - START )) s"
[ "$total_failed" = 0 ] || status=1
echo "$total_passed passed, $total_failed failed"
exit "$status"
