#!/bin/sh
# make bench: runs the benchmarks of BUILD_DIR, prints their tables on stdout and
# writes BUILD_DIR/bench/results.json (docs/village.md). Not part of make test.
set -eu
BUILD=${1:-build}
OUT="$BUILD/bench"
mkdir -p "$OUT"
cmake --build "$BUILD" -j "${JOBS:-2}" --target bench_sync bench_encryption bench_wire >/dev/null 2>&1 || true
cmake --build "$BUILD" -j "${JOBS:-2}" --target bench_forms >/dev/null 2>&1 || true
cmake --build "$BUILD" -j "${JOBS:-2}" --target bench_app >/dev/null 2>&1 || true
cmake --build "$BUILD" -j "${JOBS:-2}" --target bench_load cunxiao-server >/dev/null 2>&1 || true
cmake --build "$BUILD" -j "${JOBS:-2}" --target bench_connections >/dev/null 2>&1 || true
cmake --build "$BUILD" -j "${JOBS:-2}" --target bench_bureau cunxiao-server >/dev/null 2>&1 || true
cmake --build "$BUILD" -j "${JOBS:-2}" --target bench_export >/dev/null 2>&1 || true

SYNC_JSON=null
if [ -x "$BUILD/bench/sync/bench_sync" ]; then
    echo "== bench_sync: lan, village (40 kbit/s, 600 ms), village-cutting (+ cut every 50 KB)"
    echo "   rt-ratio = requests / round trips needed; t-ratio = seconds / (round trip + payload / bandwidth)"
    "$BUILD/bench/sync/bench_sync" --json "$OUT/sync.json" ${BENCH_SYNC_ARGS:-}
    SYNC_JSON=$(cat "$OUT/sync.json")
else
    echo "bench_sync was not built (tests disabled?)" >&2
fi

WIRE_JSON=null
if [ -x "$BUILD/bench/sync/bench_wire" ]; then
    echo
    echo "== bench_wire: first download and first upload of a rich school against zstd -19 --long of its records (issue 15)"
    echo "   B-ratio = wire bytes / limit bytes; t-ratio = seconds / (round trip + limit bytes / bandwidth)"
    "$BUILD/bench/sync/bench_wire" --json "$OUT/wire.json" ${BENCH_WIRE_ARGS:-}
    WIRE_JSON=$(cat "$OUT/wire.json")
fi

ENC_JSON=null
if [ -x "$BUILD/bench/sync/bench_encryption" ]; then
    echo
    echo "== bench_encryption: encrypted replica and photos vs the same build without a key (docs/security.md)"
    "$BUILD/bench/sync/bench_encryption" --json "$OUT/encryption.json"
    ENC_JSON=$(cat "$OUT/encryption.json")
fi

CONN_JSON=null
if [ -x "$BUILD/bench/server/bench_connections" ]; then
    echo
    echo "== bench_connections: RSS per idle TLS connection (2,000), fast sync alone vs beside 1,000 slow (docs/server.md)"
    "$BUILD/bench/server/bench_connections" --json "$OUT/connections.json"
    CONN_JSON=$(cat "$OUT/connections.json")
fi

BUREAU_JSON=null
if [ -x "$BUILD/bench/bureau/bench_bureau" ]; then
    echo
    echo "== bench_bureau: a county (100 schools, 200,000 pupils, 400,000 visits) to the bureau's desktop, and its pages (docs/bureau.md)"
    "$BUILD/bench/bureau/bench_bureau" --json "$OUT/bureau.json" ${BENCH_BUREAU_ARGS:-}
    BUREAU_JSON=$(cat "$OUT/bureau.json")
fi

EXPORT_JSON=null
if [ -x "$BUILD/bench/server/bench_export" ]; then
    echo
    echo "== bench_export: cunxiao-server export of 200,000 pupils, time and peak RSS per format (docs/server.md)"
    "$BUILD/bench/server/bench_export" --json "$OUT/export.json"
    EXPORT_JSON=$(cat "$OUT/export.json")
fi

printf '{"sync": %s, "wire": %s, "encryption": %s, "connections": %s, "bureau": %s, "export": %s}\n' "$SYNC_JSON" "$WIRE_JSON" "$ENC_JSON" "$CONN_JSON" "$BUREAU_JSON" "$EXPORT_JSON" > "$OUT/results.json"

# bench_forms (the forms engineer's) merges its "forms" key into the same file.
FORMS=$(find "$BUILD/bench/forms" -maxdepth 1 -name bench_forms -type f 2>/dev/null | head -n 1 || true)
if [ -n "$FORMS" ] && [ -x "$FORMS" ]; then
    echo
    echo "== bench_forms"
    "$FORMS" "$OUT/results.json"
fi
echo
echo "results: $OUT/results.json"

if [ -x "$BUILD/bench/app/bench_app" ]; then
    echo "== bench_app: cold start, a 200-field form, a roster of 20,000 pupils"
    QT_QPA_PLATFORM=offscreen "$BUILD/bench/app/bench_app" "$OUT/results.json"
    echo
fi

if [ -x "$BUILD/bench/load/bench_load" ]; then
    echo
    scripts/bench-server.sh "$BUILD"
fi
