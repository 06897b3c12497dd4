#!/usr/bin/env bash
# qmllint over every QML file: the app's (qml/) and the Quick tests'
# (tests/app/qml/), against the built module "Cunxiao" (BUILD/app/Cunxiao: its
# qmldir and the qmltypes of the C++ models and controllers), so bindings to
# C++ properties and between the QML types are checked. Any warning fails.
# The warning levels are in .qmllint.ini at the root (two are off, with why).
# Also not counted: what Qt 6.4's qmllint cannot know about JavaScript values
# it has a C++ type for (Qt 6.5 and later read these): members of a
# QVariantMap (report.county.expected), Array methods of a QVariantList or
# QStringList (periods.slice(), forms.concat()), QUrl's toString, and a
# qint64 property's type. These are listed (as "not counted") but pass.
# Run by `make lint` and by ctest (qmllint), after the app is built.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=$(cd "${1:-build}" && pwd)
QTBIN=${QTBIN:-$(qtpaths6 --query QT_HOST_BINS 2>/dev/null || echo /usr/lib/qt6/bin)}
QMLDIR=$("$QTBIN/qtpaths6" --query QT_INSTALL_QML 2>/dev/null || echo /usr/lib/x86_64-linux-gnu/qt6/qml)
[ -f "$BUILD/app/Cunxiao/qmldir" ] || { echo "qmllint: $BUILD/app/Cunxiao/qmldir missing; build cunxiao_app_lib first" >&2; exit 2; }
mapfile -t files < <(find qml tests/app/qml -name '*.qml' | sort)
resources=()
for q in "$BUILD"/app/.rcc/qmake_Cunxiao.qrc "$BUILD"/app/.rcc/cunxiao_app_lib_raw_qml_*.qrc; do
  resources+=(--resource "$q")
done
out=$("$QTBIN/qmllint" --bare -I "$BUILD/app" -I "$QMLDIR" "${resources[@]}" "${files[@]}" 2>&1) && status=0 || status=$?
qt64='Property "[^"]*" not found on type "(QVariantMap|QVariantList|QStringList|QUrl)"|Type is a list\. You cannot access "[^"]*" from here|Type "qlonglong" of property "[^"]*" not found'
known=$(grep -E '^Warning' <<<"$out" | grep -cE "$qt64" || true)
real=$(grep -E '^Warning' <<<"$out" | grep -vE "$qt64" || true)
if [ -n "$real" ] || { [ "$status" != 0 ] && [ "$known" = 0 ]; }; then
  echo "$out"
  echo "qmllint: $(grep -c . <<<"$real") warnings in ${#files[@]} QML files" >&2
  exit 1
fi
echo "qmllint: ${#files[@]} QML files, no warnings ($known not counted: Qt 6.4 does not type JavaScript values, see the top of scripts/qmllint.sh)"
