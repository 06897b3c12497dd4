#!/usr/bin/env bash
# Colours live in one place, qml/components/Theme.qml (DEVELOPERS.md "Style").
# Fails, naming file and line, when any other QML file (the app's
# and the tests') writes a colour as a literal: a hex string ("#1B6B4A",
# "#80000000") or Qt.rgba/rgb/hsla/hsva. The named "white" and "transparent"
# are allowed. Run by `make lint` and by ctest (qml_colours_only_in_theme).
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(find qml tests -name "*.qml" ! -path qml/components/Theme.qml | sort)
if found=$(grep -nHE -e "[\"']#[0-9A-Fa-f]{3,8}[\"']" -e 'Qt\.(rgba|rgb|hsla|hsva)\(' "${files[@]}"); then
  echo "$found"
  echo "colours belong in qml/components/Theme.qml: add a named property there and use Theme.<name>" >&2
  exit 1
fi
echo "qml colours: ${#files[@]} QML files, no colour outside Theme.qml"
