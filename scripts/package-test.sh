#!/usr/bin/env bash
# `make package-test`: proves the two Debian packages work on a machine that never
# saw the source. Usage: scripts/package-test.sh BUILD_DIR
#
# 1. A minimal Debian 12 (bookworm) root made with debootstrap from the mirror this
#    machine's apt uses, cached in BUILD_DIR/package-test/bookworm-base; every run
#    works on a fresh copy of it (BUILD_DIR/package-test/root).
# 2. Inside it (chroot): apt-get install ./cunxiao-server_*.deb ./cunxiao_*.deb, their
#    dependencies resolved from Debian; the server started the way its systemd unit
#    does (user cunxiao, /etc/default/cunxiao-server, init, then serve over TLS with a
#    local CA); a school, a head's account, cunxiao-cli enrolled, one record put,
#    synced and found by `cunxiao-server export`; the app's offscreen --self-test.
# 3. Upgrade to a repacked higher version (data, settings and enrolment kept, the
#    server starts on the migrated data), remove (data kept), purge (data and user gone).
#
# Prints PASS/FAIL per step and exits non-zero if any step failed. Needs root
# (chroot, mount); runs itself under sudo otherwise. Slow the first time
# (debootstrap, then the Qt runtime from the mirror); the downloaded .debs are
# kept in BUILD_DIR/package-test/apt-archives.
set -uo pipefail

if [ $# -ne 1 ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
if [ "$(id -u)" != 0 ]; then
    exec sudo -- "$0" "$@"
fi

SRC=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$(cd "$1" && pwd) || { echo "package-test: no build directory $1" >&2; exit 2; }
WORK=$BUILD/package-test
BASE=$WORK/bookworm-base
ROOT=$WORK/root
ARCHIVES=$WORK/apt-archives
LOG=$WORK/log
SUITE=bookworm
export LC_ALL=C.UTF-8

mkdir -p "$WORK" "$ARCHIVES" "$LOG"
rm -f "$LOG"/*.log   # this run's logs only

# ------------------------------------------------------------------ reporting
failures=0
passes=0
results=()
pass() { passes=$((passes + 1)); results+=("PASS  $1"); echo "PASS  $1"; }
fail() { failures=$((failures + 1)); results+=("FAIL  $1"); echo "FAIL  $1"; [ $# -gt 1 ] && echo "      $2"; return 0; }
skip() { results+=("SKIP  $1"); echo "SKIP  $1"; }
note() { echo "----  $*"; }
# step NAME COMMAND...: runs the command, its output to $LOG/NN-name.log.
stepno=0
step() {
    local name=$1; shift
    stepno=$((stepno + 1))
    local log; log=$LOG/$(printf %02d $stepno)-$(echo "$name" | tr -c 'A-Za-z0-9\n' '-' | cut -c1-50).log
    if "$@" >"$log" 2>&1; then
        pass "$name"
        return 0
    fi
    fail "$name" "see $log:"
    tail -n 15 "$log" | sed 's/^/      | /'
    return 1
}
summary() {
    echo
    echo "package-test summary ($passes passed, $failures failed):"
    printf '  %s\n' "${results[@]}"
    echo "logs: $LOG"
}

# ------------------------------------------------------ mounts (never leaked)
mounted=()
mount_in() {   # mount_in TARGET mount-args...
    local target=$1; shift
    mkdir -p "$target"
    mount "$@" "$target" && mounted+=("$target")
}
under_root_mounts() {   # every mount point at or under $1, deepest first
    awk -v r="$1" '$5 == r || index($5, r "/") == 1 { print $5 }' /proc/self/mountinfo | sort -r
}
unmount_all() {
    local m
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do
        umount "${mounted[$i]}" 2>/dev/null || umount -l "${mounted[$i]}" 2>/dev/null || true
    done
    mounted=()
    for d in "$ROOT" "$BASE"; do
        for m in $(under_root_mounts "$d"); do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done
    done
}
# rm -rf only a tree with nothing mounted in it (a bound /dev must never be emptied).
safe_rm() {
    local d=$1
    [ -e "$d" ] || return 0
    if [ -n "$(under_root_mounts "$d")" ]; then
        echo "package-test: refusing to delete $d: still mounted: $(under_root_mounts "$d" | tr '\n' ' ')" >&2
        return 1
    fi
    rm -rf --one-file-system "$d"
}
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi
    unmount_all
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ------------------------------------------- the mirror this machine's apt uses
# First enabled "deb" entry for $SUITE (and $SUITE-security) in sources.list(.d):
# one-line *.list and deb822 *.sources.
apt_sources() {
    local f
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
        [ -f "$f" ] || continue
        awk '$1 == "deb" { sub(/^deb +(\[[^]]*\] +)?/, ""); print $1, $2 }' "$f"
    done
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -f "$f" ] || continue
        awk 'function flush() { if (types ~ /(^| )deb( |$)/ && enabled != "no") { n = split(uris, u, " "); m = split(suites, s, " "); for (i = 1; i <= n; i++) for (j = 1; j <= m; j++) print u[i], s[j] } types = uris = suites = enabled = "" }
             /^[ \t]*$/ { flush(); next }
             /^#/ { next }
             tolower($1) == "types:"  { $1 = ""; types = $0 }
             tolower($1) == "uris:"   { $1 = ""; uris = $0 }
             tolower($1) == "suites:" { $1 = ""; suites = $0 }
             tolower($1) == "enabled:" { enabled = tolower($2) }
             END { flush() }' "$f"
    done
}
MIRROR=$(apt_sources | awk -v s="$SUITE" '$2 == s { print $1; exit }')
SECURITY=$(apt_sources | awk -v s="$SUITE-security" '$2 == s { print $1; exit }')
if [ -z "$MIRROR" ]; then
    echo "package-test: no '$SUITE' entry in /etc/apt/sources.list(.d); cannot pick a mirror" >&2
    exit 1
fi
note "mirror: $MIRROR (security: ${SECURITY:-none})"

# ------------------------------------------------------- the cached base root
if [ ! -f "$BASE/.package-test-complete" ]; then
    "$SRC/scripts/install-deps.sh" debootstrap || { echo "package-test: cannot install debootstrap" >&2; exit 1; }
    safe_rm "$BASE" || exit 1
    note "debootstrap $SUITE into $BASE (once; cached)"
    if ! debootstrap --variant=minbase --include=systemd,init-system-helpers,openssl,ca-certificates \
            "$SUITE" "$BASE" "$MIRROR" >"$LOG/00-debootstrap.log" 2>&1; then
        fail "debootstrap $SUITE" "see $LOG/00-debootstrap.log"
        tail -n 20 "$LOG/00-debootstrap.log" | sed 's/^/      | /'
        unmount_all
        summary
        exit 1
    fi
    {
        echo "deb $MIRROR $SUITE main"
        echo "deb $MIRROR $SUITE-updates main"
        [ -n "$SECURITY" ] && echo "deb $SECURITY $SUITE-security main"
    } >"$BASE/etc/apt/sources.list"
    rm -f "$BASE"/var/cache/apt/archives/*.deb
    touch "$BASE/.package-test-complete"
    unmount_all
else
    note "reusing the cached $SUITE root $BASE"
fi

# ------------------------------------------------------------- the packages
server_deb=$(ls -t "$BUILD"/cunxiao-server_*.deb 2>/dev/null | head -n 1)
app_deb=$(ls -t "$BUILD"/cunxiao_*.deb 2>/dev/null | head -n 1)
if [ -z "$server_deb" ] || [ -z "$app_deb" ]; then
    echo "package-test: no cunxiao-server_*.deb and cunxiao_*.deb in $BUILD (run make package)" >&2
    exit 1
fi
note "packages: $(basename "$server_deb") $(basename "$app_deb")"
app_has_gui=no
app_files=$(dpkg-deb -c "$app_deb")   # (not piped into grep -q: pipefail and SIGPIPE)
case "$app_files" in *" ./usr/bin/cunxiao"$'\n'*|*" ./usr/bin/cunxiao") app_has_gui=yes ;; esac

# ----------------------------------------------------- a fresh copy of it
safe_rm "$ROOT" || exit 1
cp -a "$BASE" "$ROOT"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf" 2>/dev/null || true
# No daemon may start inside the chroot (no systemd runs there anyway).
printf '#!/bin/sh\nexit 101\n' >"$ROOT/usr/sbin/policy-rc.d"
chmod 755 "$ROOT/usr/sbin/policy-rc.d"
mount_in "$ROOT/proc" -t proc proc
mount_in "$ROOT/sys" -t sysfs sysfs
mount_in "$ROOT/dev" --bind /dev
mount_in "$ROOT/dev/pts" --bind /dev/pts
mount_in "$ROOT/var/cache/apt/archives" --bind "$ARCHIVES"
mkdir -p "$ROOT/tmp/debs"

inroot() { chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LC_ALL=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"; }
inroot_sh() { inroot /bin/sh -exc "$1"; }
DATA=/var/lib/cunxiao
as_cunxiao() { inroot setpriv --reuid=cunxiao --regid=cunxiao --init-groups "$@"; }

cp "$server_deb" "$app_deb" "$ROOT/tmp/debs/"
SERVER_DEB=/tmp/debs/$(basename "$server_deb")
APP_DEB=/tmp/debs/$(basename "$app_deb")

# ----------------------------------------------------------------- install
step "apt-get update in a clean $SUITE root" inroot apt-get update -q
step "apt-get install ./cunxiao-server_*.deb ./cunxiao_*.deb (deps from Debian)" \
    inroot apt-get install -y -q "$SERVER_DEB" "$APP_DEB" || { summary; exit 1; }
inroot dpkg-query -W -f='      installed ${Package} ${Version}\n' cunxiao cunxiao-server

check_server_install() {
    inroot_sh '
        getent passwd cunxiao
        test "$(stat -c %U:%G:%a /var/lib/cunxiao)" = cunxiao:cunxiao:750
        test -f /var/lib/cunxiao/cunxiao.db
        test "$(stat -c %U /var/lib/cunxiao/cunxiao.db)" = cunxiao
        test -f /etc/default/cunxiao-server
        grep -qx /etc/default/cunxiao-server /var/lib/dpkg/info/cunxiao-server.conffiles
        test -f /lib/systemd/system/cunxiao-server.service
        test -L /etc/systemd/system/multi-user.target.wants/cunxiao-server.service
        test -f /usr/share/man/man8/cunxiao-server.8.gz
        test -f /usr/share/doc/cunxiao-server/examples/nginx-cunxiao.conf
        ls /usr/share/cunxiao/forms/county/*.json
        cunxiao-server --help'
}
check_app_install() {
    inroot_sh '
        test -x /usr/bin/cunxiao-cli
        test -f /usr/share/applications/org.cunxiao.Cunxiao.desktop
        grep -qx "Name\[zh_CN\]=村校" /usr/share/applications/org.cunxiao.Cunxiao.desktop
        test -f /usr/share/metainfo/org.cunxiao.Cunxiao.metainfo.xml
        test -f /usr/share/icons/hicolor/scalable/apps/org.cunxiao.Cunxiao.svg'
}
step "server postinst: user cunxiao, /var/lib/cunxiao initialised and owned by it, unit enabled, files in place" \
    check_server_install
if [ "$app_has_gui" = yes ]; then
    step "app package: cunxiao-cli, desktop entry (Name[zh_CN]=村校), metainfo, icon" check_app_install
else
    step "app package (built without the app): cunxiao-cli" inroot test -x /usr/bin/cunxiao-cli
fi
if inroot test -x /usr/bin/systemd-analyze; then
    step "systemd-analyze verify cunxiao-server.service" \
        inroot_sh 'out=$(systemd-analyze verify /lib/systemd/system/cunxiao-server.service 2>&1 || true)
            echo "$out"
            # (man is not installed in this root: the Documentation= check is not ours to fail)
            ! echo "$out" | grep -v "Command .man " | grep -i cunxiao'
fi

# ------------------------------------------- TLS: a local CA, like docs/install.md
make_cert() {
    inroot_sh '
        install -d -m 0750 -o root -g cunxiao /etc/cunxiao/tls
        cd /etc/cunxiao/tls
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 \
            -keyout /root/ca.key -out ca.pem -subj "/CN=Cunxiao package-test CA"
        openssl req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
            -keyout server.key -out /root/server.csr -subj "/CN=localhost"
        printf "subjectAltName=DNS:localhost,IP:127.0.0.1\n" >/root/san.ext
        openssl x509 -req -in /root/server.csr -CA ca.pem -CAkey /root/ca.key -CAcreateserial \
            -days 30 -extfile /root/san.ext -out server.pem
        chgrp cunxiao server.key && chmod 640 server.key
        # The administrator edits the settings (a conffile): TLS, and port 0 (any
        # free port: this root shares the machine'"'"'s network).
        sed -i -e "s|^CUNXIAO_LISTEN=.*|CUNXIAO_LISTEN=127.0.0.1:0|" \
               -e "s|^CUNXIAO_TLS_CERT=.*|CUNXIAO_TLS_CERT=/etc/cunxiao/tls/server.pem|" \
               -e "s|^CUNXIAO_TLS_KEY=.*|CUNXIAO_TLS_KEY=/etc/cunxiao/tls/server.key|" \
               -e "s|^CUNXIAO_THREADS=.*|CUNXIAO_THREADS=4|" /etc/default/cunxiao-server
        echo "# edited by package-test" >>/etc/default/cunxiao-server
    '
}
step "openssl: local CA and server certificate; TLS set in /etc/default/cunxiao-server" make_cert

# --------------------------------------------- the server, as its unit runs it
URL=
start_server() {   # like cunxiao-server.service: user cunxiao, EnvironmentFile, ExecStartPre, ExecStart
    # $1: HOST:PORT instead of CUNXIAO_LISTEN (port 0 in the settings: a restart keeps the port)
    local out=$ROOT/tmp/server.out err=$ROOT/tmp/server.err listen=${1:-}
    : >"$out"; : >"$err"
    chroot "$ROOT" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LC_ALL=C.UTF-8 \
        setpriv --reuid=cunxiao --regid=cunxiao --init-groups /bin/sh -ec '
            set -a; . /etc/default/cunxiao-server; set +a
            [ -z "$1" ] || export CUNXIAO_LISTEN="$1"
            export CUNXIAO_DATA=/var/lib/cunxiao
            umask 027
            /usr/bin/cunxiao-server init /var/lib/cunxiao
            exec /usr/libexec/cunxiao-server/cunxiao-server-start' sh "$listen" >"$out" 2>"$err" &
    server_pid=$!
    local i
    for i in $(seq 1 100); do
        URL=$(sed -n 's/^cunxiao-server listening on \(.*\)$/\1/p' "$out")
        [ -n "$URL" ] && { echo "server pid $server_pid at $URL"; cat "$out"; return 0; }
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "the server did not start:"; cat "$out" "$err"
    server_pid=
    return 1
}
stop_server() {
    [ -n "$server_pid" ] || return 0
    kill -TERM "$server_pid"
    wait "$server_pid"
    local rc=$?
    server_pid=
    return $rc
}

SCHOOL=5323010001
step "cunxiao-server init on the packaged data directory (as user cunxiao)" \
    as_cunxiao cunxiao-server init $DATA
step "admin add-school and add-user (as user cunxiao)" inroot_sh "
    setpriv --reuid=cunxiao --regid=cunxiao --init-groups cunxiao-server admin $DATA add-school \
        --id $SCHOOL --name 龙泉镇中心学校 --county 云岭县
    printf 'pkg-test-pass\n' | setpriv --reuid=cunxiao --regid=cunxiao --init-groups \
        cunxiao-server admin $DATA add-user --user zhang.wei --role head --schools $SCHOOL --password-stdin
    setpriv --reuid=cunxiao --regid=cunxiao --init-groups cunxiao-server admin $DATA publish-form \
        /usr/share/cunxiao/forms/county/school_basic_info.json"
step "server starts as user cunxiao over TLS (ExecStartPre init + cunxiao-server-start)" start_server
case "$URL" in https://*) ;; *) [ -n "$URL" ] && fail "server serves HTTPS" "it says $URL" ;; esac

RECORD=
enroll_put_sync() {
    inroot_sh "
        rm -f /root/head.db*
        export CUNXIAO_DEVICE_PIN=246810
        echo pkg-test-pass | cunxiao-cli --db /root/head.db enroll '$URL' --user zhang.wei \
            --password-stdin --ca /etc/cunxiao/tls/ca.pem
        cunxiao-cli --db /root/head.db put pupils - name=王小红 grade=3 >/root/record-id
        cat /root/record-id
        cunxiao-cli --db /root/head.db sync
        cunxiao-cli --db /root/head.db status"
}
if [ -n "$URL" ]; then
    step "cunxiao-cli enroll (local CA), put one record, sync" enroll_put_sync
    RECORD=$(cat "$ROOT/root/record-id" 2>/dev/null | tr -d '\n')
fi
export_has_record() {   # the record, by id and name, in the server's export
    [ -n "$RECORD" ] || { echo "no record id"; return 1; }
    local out
    out=$(as_cunxiao cunxiao-server export $DATA pupils --school $SCHOOL --format jsonl) || return 1
    echo "$out"
    echo "$out" | grep "$RECORD" | grep -q 王小红
}
step "cunxiao-server export finds the synced record" export_has_record
if inroot test -x /usr/bin/sqlite3; then
    step "online backup with sqlite3 .backup while serving (as in docs/install.md)" inroot_sh "
        install -d -o cunxiao -g cunxiao -m 0750 /var/backups/cunxiao
        setpriv --reuid=cunxiao --regid=cunxiao --init-groups \\
            sqlite3 $DATA/cunxiao.db '.backup /var/backups/cunxiao/backup.db'
        test \"\$(sqlite3 /var/backups/cunxiao/backup.db 'pragma integrity_check')\" = ok
        test \"\$(sqlite3 /var/backups/cunxiao/backup.db 'select count(*) from records')\" -ge 1"
else
    skip "online backup: sqlite3 (Recommends of cunxiao-server) not installed"
fi
step "server stops cleanly on SIGTERM" stop_server

# ------------------------------------------------------------------ the app
step "cunxiao-cli --help" inroot cunxiao-cli --help
if [ "$app_has_gui" = yes ]; then
    step "cunxiao --version" inroot env QT_QPA_PLATFORM=offscreen cunxiao --version
    step "QT_QPA_PLATFORM=offscreen cunxiao --self-test" inroot_sh '
        install -d -m 0700 /tmp/xdg-runtime
        export QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/xdg-runtime HOME=/root
        timeout 300 cunxiao --self-test'
else
    skip "cunxiao --self-test: $(basename "$app_deb") has no /usr/bin/cunxiao (built without the app)"
fi

# ------------------------------------------------------------------ upgrade
# The same package with a higher version (as a rebuild with a new Debian revision would be).
repack_higher() {
    local dir=$WORK/repack
    safe_rm "$dir" && mkdir -p "$dir"
    dpkg-deb -R "$server_deb" "$dir/pkg"
    local v; v=$(sed -n 's/^Version: //p' "$dir/pkg/DEBIAN/control")
    sed -i "s/^Version: .*/Version: ${v}+pkgtest1/" "$dir/pkg/DEBIAN/control"
    dpkg-deb -Zxz --root-owner-group -b "$dir/pkg" "$ROOT/tmp/debs/cunxiao-server_${v}+pkgtest1_upgrade.deb"
    echo "$v -> ${v}+pkgtest1"
}
step "repack cunxiao-server with a higher version" repack_higher
upgrade() {
    local new; new=$(ls "$ROOT"/tmp/debs/cunxiao-server_*+pkgtest1_upgrade.deb) || return 1
    inroot apt-get install -y -q "/tmp/debs/$(basename "$new")" &&
    inroot dpkg-query -W -f='${Version}\n' cunxiao-server | grep -q '+pkgtest1'
}
step "upgrade cunxiao-server (apt-get install of the higher version)" upgrade
step "after upgrade: data, administrator's settings, owner and enabled unit kept" inroot_sh "
    grep -q '^# edited by package-test' /etc/default/cunxiao-server
    grep -q '^CUNXIAO_TLS_CERT=/etc/cunxiao/tls/server.pem' /etc/default/cunxiao-server
    test \"\$(stat -c %U /var/lib/cunxiao/cunxiao.db)\" = cunxiao
    test -L /etc/systemd/system/multi-user.target.wants/cunxiao-server.service"
step "after upgrade: export still has the record" export_has_record
step "after upgrade: server starts (init migrates the data) on the same address" start_server "${URL#https://}"
if [ -n "$server_pid" ]; then
    step "cunxiao-cli sync against the upgraded server" inroot_sh "
        export CUNXIAO_DEVICE_PIN=246810
        cunxiao-cli --db /root/head.db put pupils - name=李小梅 grade=2
        cunxiao-cli --db /root/head.db sync"
    stop_server || true
fi
step "reinstall the same version (apt-get install --reinstall)" inroot apt-get install -y -q --reinstall \
    "/tmp/debs/$(basename "$(ls "$ROOT"/tmp/debs/cunxiao-server_*+pkgtest1_upgrade.deb)")"
step "after reinstall: export still has the record" export_has_record

# ------------------------------------------------------- remove, then purge
step "apt-get remove cunxiao-server" inroot apt-get remove -y -q cunxiao-server
step "after remove: data, user and settings kept, binary gone" inroot_sh "
    test ! -e /usr/bin/cunxiao-server
    test -f /var/lib/cunxiao/cunxiao.db
    getent passwd cunxiao
    test -f /etc/default/cunxiao-server"
step "install again after remove: the data is still served" inroot apt-get install -y -q "$SERVER_DEB"
step "after reinstall: export still has the record" export_has_record
step "apt-get purge cunxiao-server" inroot apt-get purge -y -q cunxiao-server
step "after purge: /var/lib/cunxiao, user cunxiao, settings and unit links gone" inroot_sh "
    test ! -e /var/lib/cunxiao
    ! getent passwd cunxiao
    ! getent group cunxiao
    test ! -e /etc/default/cunxiao-server
    test ! -e /etc/systemd/system/multi-user.target.wants/cunxiao-server.service
    test ! -e /etc/systemd/system/cunxiao-server.service
    ! dpkg-query -W -f='\${Status}\n' cunxiao-server 2>/dev/null | grep -qx 'install ok installed'"
step "apt-get purge cunxiao (the app)" inroot_sh "apt-get purge -y -q cunxiao; test ! -e /usr/bin/cunxiao-cli"

cleanup
trap - EXIT
summary
[ "$failures" -eq 0 ]
