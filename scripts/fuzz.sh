#!/bin/sh
# Builds the libFuzzer targets (fuzz/) with clang, ASan and UBSan in build-fuzz,
# runs each for FUZZ_SECONDS (default 60) on its corpus (fuzz/corpus/TARGET),
# prints executions and crashes per target, and exits non-zero on any crash.
#   FUZZ_SECONDS=300 scripts/fuzz.sh            all targets
#   FUZZ_TARGETS="fuzz_protocol" scripts/fuzz.sh  some
# Crash inputs are kept in build-fuzz/crashes/TARGET/; each one found becomes a
# regression input in tests/badinput/crashes/TARGET/ (see docs/testing.md).
set -eu
cd "$(dirname "$0")/.."
SRC=$(pwd)
BUILD=${FUZZ_BUILD:-build-fuzz}
SECONDS_EACH=${FUZZ_SECONDS:-60}
JOBS=${FUZZ_JOBS:-2}
CC=${FUZZ_CC:-clang}
CXX=${FUZZ_CXX:-clang++}
ALL="fuzz_protocol fuzz_merge fuzz_import fuzz_form_definition fuzz_expression fuzz_xlsform"
TARGETS=${FUZZ_TARGETS:-$ALL}

if [ ! -f "$BUILD/build.ninja" ]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" \
    -DCUNXIAO_FUZZ=ON -DCUNXIAO_BUILD_APP=OFF -DCUNXIAO_BUILD_TESTS=OFF \
    -DCUNXIAO_SANITIZE=address,undefined,fuzzer-no-link
fi
cmake --build "$BUILD" -j "$JOBS" --target $TARGETS

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
RESULTS=$BUILD/fuzz-results-$$.txt
: > "$RESULTS"
FAILED=0
for t in $TARGETS; do
  corpus="$BUILD/corpus/$t"          # grows while fuzzing; the seeds stay in fuzz/corpus
  crashes="$BUILD/crashes/$t"
  mkdir -p "$corpus" "$crashes"
  dict=""
  [ -f "fuzz/$t.dict" ] && dict="-dict=fuzz/$t.dict"
  log="$BUILD/$t.log"
  marker="$BUILD/.started-$t"
  touch "$marker"
  echo "== $t: ${SECONDS_EACH}s"
  set +e
  "$BUILD/fuzz/$t" -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=20 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$crashes/" $dict "$corpus" "fuzz/corpus/$t" > "$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  [ -n "$execs" ] || execs=$(grep -o 'Done [0-9]* runs' "$log" | tail -n 1 | grep -o '[0-9]*' || true)
  found=$(find "$crashes" -type f -newer "$marker" \( -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' -o -name 'leak-*' \) | wc -l)
  if [ "$rc" -ne 0 ] && [ "$found" -eq 0 ]; then found=1; fi
  [ "$found" -gt 0 ] && FAILED=1 && tail -n 40 "$log"
  printf '%-22s %14s %8s\n' "$t" "${execs:-?}" "$found" >> "$RESULTS"
done
echo
printf '%-22s %14s %8s\n' target executions crashes
cat "$RESULTS"
if [ "$FAILED" -ne 0 ]; then
  echo "crashes found: inputs in $BUILD/crashes/; add each to tests/badinput/crashes/TARGET/ with its fix" >&2
  exit 1
fi
