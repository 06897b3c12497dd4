#!/usr/bin/env bash
# make lint: the project's own code against its lint rules; fails on any finding.
#   1. no colour outside qml/components/Theme.qml (scripts/check-qml-colours.sh);
#   2. qmllint over every QML file with the module's type information
#      (scripts/qmllint.sh);
#   3. clang-tidy (.clang-tidy at the root) over every C++ file of
#      BUILD/compile_commands.json under app/ sync/ server/ tests/ bench/ fuzz/:
#      not third_party/, not the generated moc/qrc/qml-cache files in BUILD.
# Needs a configured and built BUILD (the tests' .moc files are generated).
# JOBS clang-tidy processes run in parallel (default: the number of cores).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
JOBS=${JOBS:-$(nproc)}
[ -f "$BUILD/compile_commands.json" ] || { echo "lint: no $BUILD/compile_commands.json; run 'make build' first" >&2; exit 2; }

scripts/check-qml-colours.sh
scripts/qmllint.sh "$BUILD"

root=$PWD
mapfile -t files < <(python3 -c '
import json, re, sys
root = sys.argv[2]
own = re.compile(re.escape(root) + r"/(app|sync|server|tests|bench|fuzz)/")
for e in json.load(open(sys.argv[1])):
    f = e["file"] if e["file"].startswith("/") else e["directory"] + "/" + e["file"]
    if own.match(f):
        print(f)' "$BUILD/compile_commands.json" "$root" | sort -u)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
start=$(date +%s)
status=0
printf '%s\n' "${files[@]}" | xargs -P "$JOBS" -n 1 clang-tidy -p "$BUILD" --quiet >"$log" 2>/dev/null || status=$?
if [ -s "$log" ]; then
  cat "$log"
fi
n=$(grep -cE ': (warning|error): ' "$log" || true)
echo "clang-tidy: ${#files[@]} files, $n findings, $(( $(date +%s) - start )) s with $JOBS jobs"
if [ "$status" != 0 ] || [ "$n" != 0 ]; then
  echo "lint: fix the findings above, or, for a check that is noise here, disable it in .clang-tidy with the reason" >&2
  exit 1
fi
