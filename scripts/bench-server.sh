#!/usr/bin/env bash
# make bench (part): what the server carries (issue 12, docs/server.md
# "Capacity"). bench_load seeds a county and simulates N devices against
#   - one instance on the embedded SQLite store,
#   - one and two instances on PostgreSQL (a private cluster started here),
#     two behind HAProxy,
# at N = 100, 1,000, 5,000 concurrent devices, a share of them at 40 kbit/s.
# Loopback only; every run is bounded (BENCH_LOAD_SECONDS, default 20 s).
# BENCH_LOAD_N overrides the device counts ("100 1000").
# Then, per store on one instance, the cost of each kind alone (100 fast
# devices, BENCH_COST_SECONDS each, default 10 s): the server CPU seconds per
# request that the capacity model in docs/server.md is built from.
set -euo pipefail
BUILD=${1:-build}
BUILD=$(cd "$BUILD" && pwd)
SRC=$(cd "$(dirname "$0")/.." && pwd)
LOAD="$BUILD/bench/load/bench_load"
SERVER="$BUILD/server/cunxiao-server"
SECONDS_EACH=${BENCH_LOAD_SECONDS:-20}
NS=${BENCH_LOAD_N:-"100 1000 5000"}
SLOW=${BENCH_LOAD_SLOW:-0.5}
COST_SECONDS=${BENCH_COST_SECONDS:-10}
OUT="$BUILD/bench/load.jsonl"
WORK=$(mktemp -d /tmp/cx-bench-load.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  [ -n "${PGDIR:-}" ] && "$SRC/scripts/pg-test-cluster.sh" stop "$PGDIR" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)" || true
: > "$OUT"
cd "$WORK"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 -keyout key.pem -out cert.pem \
  -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" 2>/dev/null
MAXN=0; for n in $NS; do [ "$n" -gt "$MAXN" ] && MAXN=$n; done

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
start_server() { # LOCATION PORT -> pid in SERVER_PID
  "$SERVER" serve "$1" --listen "127.0.0.1:$2" --tls-cert cert.pem --tls-key key.pem 2>/dev/null >"serve-$2.out" &
  SERVER_PID=$!; PIDS+=("$SERVER_PID")
  for _ in $(seq 100); do grep -q listening "serve-$2.out" 2>/dev/null && return 0; sleep 0.1; done
  echo "cunxiao-server did not start on $2" >&2; return 1
}
run_set() { # LABEL URL PIDS [HEALTH_URLS]
  for n in $NS; do
    "$LOAD" run "$2" --devices devices.json --ca cert.pem --concurrent "$n" --slow-share "$SLOW" \
      --seconds "$SECONDS_EACH" --pids "$3" --label "$1, N=$n" --json "$OUT" --health "${4:-$2}"
  done
}
cost_set() { # LABEL URL PID: each kind alone, 100 fast devices
  for mix in no-change edits download photo; do
    "$LOAD" run "$2" --devices devices.json --ca cert.pem --concurrent 100 --slow-share 0 \
      --seconds "$COST_SECONDS" --pids "$3" --mix "$mix" --label "$1, $mix only" --json "$OUT"
  done
}

echo "== server load: the morning mix (70% no-change, 20% 10-edit, 5% first download, 5% photo chunk), ${SLOW} of devices at 40 kbit/s, ${SECONDS_EACH} s each"

"$LOAD" seed "$WORK/sqlite" --schools 100 --pupils 50 --devices "$MAXN" --out devices.json >/dev/null
P=$(free_port); start_server "$WORK/sqlite" "$P"
run_set "sqlite, 1 instance" "https://127.0.0.1:$P" "$SERVER_PID"
cost_set "sqlite" "https://127.0.0.1:$P" "$SERVER_PID"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true

if [ -x "$SRC/scripts/pg-test-cluster.sh" ] && command -v haproxy >/dev/null; then
  PGDIR="$WORK/pg"; PGPORT=$(free_port)
  "$SRC/scripts/pg-test-cluster.sh" start "$PGDIR" "$PGPORT" >/dev/null
  psql -q "postgresql://cx_test:cx_test@127.0.0.1:$PGPORT/postgres" -c "CREATE DATABASE cx_bench" >/dev/null
  URI="postgresql://cx_test:cx_test@127.0.0.1:$PGPORT/cx_bench"
  "$LOAD" seed "$URI" --schools 100 --pupils 50 --devices "$MAXN" --out devices.json >/dev/null
  P1=$(free_port); start_server "$URI" "$P1"; S1=$SERVER_PID
  run_set "postgresql, 1 instance" "https://127.0.0.1:$P1" "$S1"
  cost_set "postgresql" "https://127.0.0.1:$P1" "$S1"
  P2=$(free_port); start_server "$URI" "$P2"; S2=$SERVER_PID
  LB=$(free_port)
  cat > haproxy.cfg <<CFG
global
  maxconn 8000
defaults
  mode tcp
  timeout connect 2s
  timeout client 300s
  timeout server 300s
frontend devices
  bind 127.0.0.1:$LB
  default_backend instances
backend instances
  balance leastconn
  option httpchk GET /v1/health
  default-server check check-ssl verify none inter 1s
  server one 127.0.0.1:$P1
  server two 127.0.0.1:$P2
CFG
  haproxy -db -f haproxy.cfg >/dev/null 2>&1 & PIDS+=($!)
  sleep 2
  run_set "postgresql, 2 instances + haproxy" "https://127.0.0.1:$LB" "$S1,$S2" "https://127.0.0.1:$P1,https://127.0.0.1:$P2"
fi
echo "results: $OUT"
