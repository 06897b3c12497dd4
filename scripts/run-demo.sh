#!/usr/bin/env bash
# `make run`: a local bureau with a demo county, then the app signed in as a
# school head (or, without a display or app, a scripted cunxiao-cli session that
# shows an edit syncing). Ctrl-C stops everything this script started.
set -euo pipefail
BUILD=${1:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN=$ROOT/$BUILD
DEMO=$BIN/demo
SERVER=$BIN/server/cunxiao-server
CLI=$BIN/sync/cli/cunxiao-cli
APP=$BIN/app/cunxiao
PORT=${CUNXIAO_PORT:-8443}
DEMO_USER=${CUNXIAO_DEMO_USER:-zhang.wei}
DEMO_PASSWORD=${CUNXIAO_DEMO_PASSWORD:-cunxiao-demo}

pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  echo "stopped."
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$DEMO"
# A local CA and a server certificate for localhost, made once.
if [ ! -f "$DEMO/ca.pem" ]; then
  echo "making a local certificate authority in $DEMO"
  openssl req -x509 -newkey rsa:2048 -nodes -keyout "$DEMO/ca.key" -out "$DEMO/ca.pem" -days 3650 \
    -subj "/CN=Cunxiao demo CA" 2>/dev/null
  openssl req -newkey rsa:2048 -nodes -keyout "$DEMO/server.key" -out "$DEMO/server.csr" -subj "/CN=localhost" 2>/dev/null
  printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n' > "$DEMO/ext.cnf"
  openssl x509 -req -in "$DEMO/server.csr" -CA "$DEMO/ca.pem" -CAkey "$DEMO/ca.key" -CAcreateserial \
    -out "$DEMO/server.pem" -days 3650 -extfile "$DEMO/ext.cnf" 2>/dev/null
fi
if [ ! -f "$DEMO/data/.demo-ready" ]; then
  rm -rf "$DEMO/data"
  "$SERVER" demo "$DEMO/data" --forms "$ROOT/forms/county" | tee "$DEMO/accounts.txt"
  touch "$DEMO/data/.demo-ready"
fi

"$SERVER" serve "$DEMO/data" --listen 127.0.0.1:$PORT --tls-cert "$DEMO/server.pem" --tls-key "$DEMO/server.key" \
  > "$DEMO/server.out" 2> "$DEMO/server.log" &
pids+=($!)
for _ in $(seq 100); do grep -q "listening on" "$DEMO/server.out" 2>/dev/null && break; sleep 0.1; done
grep "listening on" "$DEMO/server.out" || { cat "$DEMO/server.log"; exit 1; }
URL=https://localhost:$PORT
echo "bureau server: $URL (log: $DEMO/server.log); demo accounts: $DEMO/accounts.txt"

have_display() { [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] || [ -n "${QT_QPA_PLATFORM:-}" ]; }
if [ -x "$APP" ] && have_display; then
  printf '%s\n' "$DEMO_PASSWORD" > "$DEMO/.password"
  chmod 600 "$DEMO/.password"
  echo "starting the app signed in as $DEMO_USER"
  "$APP" --data-dir "$DEMO/app" --server "$URL" --ca "$DEMO/ca.pem" --user "$DEMO_USER" \
    --password-file "$DEMO/.password" &
  pids+=($!)
  wait "${pids[-1]}"
  exit 0
fi

[ -x "$APP" ] && echo "(no display: showing the command-line client instead of the app)"
A=$DEMO/cli-head.db B=$DEMO/cli-teacher.db
run() { echo "\$ cunxiao-cli $*"; "$CLI" "$@"; }
# Each device's data is encrypted; the demo devices unlock with this PIN (docs/security.md).
export CUNXIAO_DEVICE_PIN=${CUNXIAO_DEVICE_PIN:-246810}
echo "(the demo devices' PIN is $CUNXIAO_DEVICE_PIN: CUNXIAO_DEVICE_PIN unlocks their encrypted data)"
rm -f "$A"* "$B"*
TEACHER=${CUNXIAO_DEMO_TEACHER:-li.na}
echo "$DEMO_PASSWORD" | run --db "$A" enroll "$URL" --user "$DEMO_USER" --password-stdin --ca "$DEMO/ca.pem"
echo "$DEMO_PASSWORD" | run --db "$B" enroll "$URL" --user "$TEACHER" --password-stdin --ca "$DEMO/ca.pem"
run --db "$A" sync
run --db "$B" sync
ID=$("$CLI" --db "$A" put pupils - name=王小红 gender=女 grade=3 class=1 guardian=王建国 left_behind=true)
echo "\$ cunxiao-cli --db head put pupils - name=王小红 ...   -> $ID"
run --db "$A" get pupils "$ID"
run --db "$A" sync
run --db "$B" sync
run --db "$B" get pupils "$ID"
run --db "$B" status
echo
echo "The edit made on the head's device reached the teacher's through the bureau."
echo "The server keeps running until Ctrl-C."
wait "${pids[0]}"
