#!/usr/bin/env bash
# make format (rewrites) / make format-check (fails on a diff): clang-format
# over every C and C++ file git tracks, but vendored code (third_party/) and
# the fuzz corpus. The style is .clang-format at the root.
#
# QML is not rewritten: Qt 6.4's qmlformat turns every object literal into one
# key per line and moves `//:` translator comments away from their qsTr(), so
# QML is held to qmllint instead (make lint). See DEVELOPERS.md "Style".
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-fix}
mapfile -t files < <(git ls-files '*.cpp' '*.h' '*.c' | grep -v -e '^third_party/' -e '^fuzz/corpus/')
case "$MODE" in
  fix)   clang-format -i "${files[@]}" ;;
  check)
    if ! clang-format --dry-run --Werror "${files[@]}" 2>/tmp/cx-format.$$; then
      grep -E '^[^ ].*: (error|warning):' /tmp/cx-format.$$ | cut -d: -f1 | sort -u | sed 's/^/needs formatting: /'
      rm -f /tmp/cx-format.$$
      echo "run 'make format' and commit the result" >&2
      exit 1
    fi
    rm -f /tmp/cx-format.$$
    echo "format-check: ${#files[@]} files formatted" ;;
  *) echo "usage: scripts/format.sh fix|check" >&2; exit 2 ;;
esac
