#!/bin/sh
# Runs a command with a real Secret Service of its own: a private D-Bus session
# bus and a gnome-keyring-daemon with an unlocked keyring in a throwaway home,
# so tests of the keystore binding (tests/app/tst_keystore, docs/security.md)
# run the same on a desktop, on CI (root, no session) and never touch the
# person's own keyring. Usage: with-secret-service.sh COMMAND [ARG...]
set -eu
for tool in dbus-run-session gnome-keyring-daemon; do
    command -v "$tool" >/dev/null || { echo "with-secret-service.sh: $tool is missing (make deps installs it)" >&2; exit 1; }
done
dir=$(mktemp -d "${TMPDIR:-/tmp}/cunxiao-keyring.XXXXXX")
trap 'rm -rf "$dir"' EXIT INT TERM
mkdir -p "$dir/home" "$dir/data" "$dir/config" "$dir/cache" "$dir/run"
chmod 700 "$dir/run"
export HOME="$dir/home" XDG_DATA_HOME="$dir/data" XDG_CONFIG_HOME="$dir/config" XDG_CACHE_HOME="$dir/cache" \
    XDG_RUNTIME_DIR="$dir/run"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL
# --unlock makes the "login" keyring (the default collection) from the password on stdin.
dbus-run-session -- sh -c 'printf %s cunxiao-test-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null && "$@"' sh "$@"
