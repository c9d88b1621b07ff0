#!/usr/bin/env bash
# `make package-vm-test` (root, a Debian mirror for the first run; never part of `make test`):
# the packages under a running systemd, in a Debian 12 VM (qemu-system-x86_64, KVM or TCG, booted with
# -kernel/-initrd from a debootstrap root, packaging/vm_image.sh) driven over SSH on a loopback-only
# forward (QEMU's user network with restrict=on: the VM reaches nothing). The .deb files are copied in
# and installed with dpkg, offline. Checks, each printed with its result and seconds:
#   server 0.1.0: enabled and active, /api/v1/health, admin password file 0600, schema at head;
#   incidents posted as admin; kill -9 of the main PID: Restart= brings it back, data intact;
#   a reboot: enabled, up again, data intact; an upgrade to 0.1.1 (VM_UPGRADE_DEB, or 0.1.0 re-wrapped
#   with a no-op Alembic revision 0005) by dpkg -i over the running 0.1.0: restarted, migrated, data intact;
#   the client's watchroom-mirror.service enabled against it: active, mirror synced the incidents;
#   apt remove keeps /var/lib/watchroom, apt purge deletes it.
# The log: var/vm-test/vm-test.log (the VM's console: var/vm-test/console.log).
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$PWD
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' pyproject.toml | head -1)
NEXT=${VM_UPGRADE_VERSION:-${VERSION%.*}.$((${VERSION##*.} + 1))}
ARCH=$(dpkg --print-architecture)
VM_DIR=${VM_DIR:-/var/tmp/watchroom-vm-bookworm}
OUT=$REPO/var/vm-test
SERVER_DEB=$REPO/dist/watchroom-server_${VERSION}_${ARCH}.deb
CLIENT_DEB=$REPO/dist/watchroom_${VERSION}_${ARCH}.deb
[ "$(id -u)" = 0 ] || { echo "vm test: needs root (debootstrap, /dev/kvm)" >&2; exit 2; }
[ -f "$SERVER_DEB" ] && [ -f "$CLIENT_DEB" ] || { echo "vm test: no packages in dist/: make package first" >&2; exit 2; }
rm -rf "$OUT" && mkdir -p "$OUT"
exec > >(tee "$OUT/vm-test.log") 2>&1
T0=$SECONDS
FAILED=0

need() {  # $1: command, $2: Debian package
    command -v "$1" >/dev/null && return 0
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends "$2" >/dev/null 2>&1 \
        || { apt-get update -qq && apt-get install -y -qq --no-install-recommends "$2" >/dev/null; }
}
need qemu-system-x86_64 qemu-system-x86
need qemu-img qemu-utils
need debootstrap debootstrap
need ssh openssh-client
need mkfs.ext4 e2fsprogs
# KVM when it can boot Debian's kernel. This machine's /dev/kvm is kvm_pvm (PVM: guests must be
# PVM-built kernels; Debian's stops in its decompressor, after "Probing EDD"), so there, and wherever
# /dev/kvm is missing, QEMU emulates the CPU (TCG): the same VM, several times slower.
ACCEL=${VM_ACCEL:-auto}
if [ "$ACCEL" = auto ]; then
    if [ -w /dev/kvm ] && [ ! -d /sys/module/kvm_pvm ]; then ACCEL=kvm; else ACCEL=tcg; fi
fi
if [ "$ACCEL" = kvm ]; then
    # -arch-capabilities: nested KVM often refuses MSR 0x10a ("failed to set MSR 0x10a").
    QEMU_ACCEL=(-enable-kvm -cpu host,-arch-capabilities)
else
    QEMU_ACCEL=(-accel tcg,thread=multi -cpu max)
fi
echo "vm test: QEMU accelerator $ACCEL ($([ -d /sys/module/kvm_pvm ] && echo '/dev/kvm is kvm_pvm' || echo "/dev/kvm $([ -w /dev/kvm ] && echo usable || echo absent)"))"

bash packaging/vm_image.sh "$CLIENT_DEB"

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
check() {  # $1: name, $2: start time, $3: ok|FAIL, $4: detail
    printf '%-48s %-4s %6ss  %s\n' "$1" "$3" "$(secs "$2")" "$4"
    [ "$3" = ok ] || FAILED=1
}

# The VM: a copy-on-write layer over the cached base image, fresh each run.
qemu-img create -q -f qcow2 -b "$VM_DIR/base.img" -F raw "$OUT/disk.qcow2" 12G
SSH_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
SSH=(ssh -q -i "$VM_DIR/id_ed25519" -p "$SSH_PORT" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null
     -o ConnectTimeout=5 -o ServerAliveInterval=5 -o BatchMode=yes root@127.0.0.1)
vm() { "${SSH[@]}" "$@"; }
put() { scp -q -i "$VM_DIR/id_ed25519" -P "$SSH_PORT" -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
    -o BatchMode=yes "$@" root@127.0.0.1:/root/; }
qemu-system-x86_64 "${QEMU_ACCEL[@]}" -m 3072 -smp 2 -display none -monitor none \
    -kernel "$VM_DIR/vmlinuz" -initrd "$VM_DIR/initrd.img" -append "root=/dev/vda rw console=ttyS0" \
    -drive "file=$OUT/disk.qcow2,if=virtio,format=qcow2" \
    -nic "user,model=virtio-net-pci,restrict=on,hostfwd=tcp:127.0.0.1:$SSH_PORT-:22" \
    -serial "file:$OUT/console.log" -pidfile "$OUT/qemu.pid" >"$OUT/qemu.log" 2>&1 &
QEMU_PID=$!
cleanup() { kill "$QEMU_PID" 2>/dev/null || true; }
trap cleanup EXIT

wait_ssh() {  # $1: seconds
    local t=$SECONDS
    while [ $((SECONDS - t)) -lt "$1" ]; do
        kill -0 "$QEMU_PID" 2>/dev/null || { echo "qemu stopped: $(tail -5 "$OUT/qemu.log")"; return 1; }
        vm true 2>/dev/null && return 0
        sleep 1
    done
    return 1
}
t=$(now)
if wait_ssh 180; then
    state=$(vm systemctl is-system-running --wait 2>/dev/null || true)
    check "boot: systemd up, ssh answers" "$t" ok "$(vm uname -r), system $state"
else
    check "boot: systemd up, ssh answers" "$t" FAIL "no ssh in 180 s; console: $(tail -5 "$OUT/console.log" | tr '\r\n' '  ')"
    exit 1
fi
boot1=$(vm cat /proc/sys/kernel/random/boot_id)

# The upgrade: VM_UPGRADE_DEB (a real build, e.g. `make package VERSION=0.1.1`), or else the same
# payload as $NEXT with a no-op Alembic revision 0005 (postinst's `db upgrade` must take the
# database there), packed quickly (gzip -1).
t=$(now)
newest_revision() { dpkg-deb -c "$1" | grep -o 'schema/migrations/versions/[0-9]*_' | grep -o '[0-9][0-9]*' | sort | tail -1; }
if [ -n "${VM_UPGRADE_DEB:-}" ]; then
    NEXT_DEB=$(realpath "$VM_UPGRADE_DEB")
    NEXT=$(dpkg-deb -f "$NEXT_DEB" Version)
    how="given: $VM_UPGRADE_DEB"
else
    RE=$OUT/rewrap && rm -rf "$RE" && mkdir -p "$RE"
    dpkg-deb -R "$SERVER_DEB" "$RE/pkg"
    sed -i "s/^Version: .*/Version: $NEXT/" "$RE/pkg/DEBIAN/control"
    cat >"$RE/pkg/opt/watchroom-server/_internal/server/schema/migrations/versions/0005_vm_test_noop.py" <<PY
"""A no-op revision of packaging/vm_test.sh's upgrade package: proves postinst ran db upgrade.

Revision ID: 0005
Revises: 0004
"""
revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
PY
    NEXT_DEB=$OUT/watchroom-server_${NEXT}_${ARCH}.deb
    dpkg-deb --root-owner-group -Zgzip -z1 -b "$RE/pkg" "$NEXT_DEB" >/dev/null && rm -rf "$RE"
    how="re-wrapped $VERSION + no-op revision 0005"
fi
REV_NOW=$(newest_revision "$SERVER_DEB")
REV_NEXT=$(newest_revision "$NEXT_DEB")
check "upgrade package $NEXT" "$t" ok "$how, $(du -h "$NEXT_DEB" | cut -f1), schema $REV_NOW -> $REV_NEXT"

t=$(now)
put "$SERVER_DEB" "$CLIENT_DEB" "$NEXT_DEB" packaging/vm_api.py
check "packages copied into the VM" "$t" ok "3 files"

api() { vm python3 /root/vm_api.py "$@"; }
field() { vm systemctl show -p "$2" --value "$1"; }
running_ok() {  # $1: unit: "enabled active" or what it is
    printf '%s %s' "$(vm systemctl is-enabled "$1" 2>/dev/null || true)" "$(vm systemctl is-active "$1" 2>/dev/null || true)"
}
same_data() {  # $1: label; compares the incidents' codes with the ones seeded
    local got
    got=$(api codes 2>&1 || true)
    if [ "$got" = "$CODES" ]; then echo ok; else echo "FAIL: $1: $got"; fi
}

# ---- install 0.1.0 ----
t=$(now)
if vm dpkg -i "/root/$(basename "$SERVER_DEB")" >"$OUT/install.log" 2>&1; then
    check "dpkg -i watchroom-server $VERSION" "$t" ok "$(grep -c . "$OUT/install.log") lines of output"
else
    check "dpkg -i watchroom-server $VERSION" "$t" FAIL "$(tail -5 "$OUT/install.log" | tr '\n' ' ')"
    exit 1
fi
t=$(now)
state=$(running_ok watchroom-server.service)
[ "$state" = "enabled active" ] && r=ok || r=FAIL
check "unit enabled and active" "$t" "$r" "$state"
t=$(now)
h=$(api health 60 2>&1) && r=ok || r=FAIL
check "/api/v1/health answers" "$t" "$r" "$h"
t=$(now)
m=$(vm "stat -c '%a %U' /etc/watchroom/admin-password" 2>&1 || true)
[ "$m" = "600 root" ] && r=ok || r=FAIL
check "postinst: admin password file" "$t" "$r" "$m"
t=$(now)
cur=$(vm runuser -u watchroom -- /usr/bin/watchroom-server db current --db /var/lib/watchroom/platform/platform.db 2>&1 || true)
case "$cur" in *"$REV_NOW"*head*) r=ok ;; *) r=FAIL ;; esac
check "postinst: schema at head" "$t" "$r" "$cur"
t=$(now)
s=$(api seed 5 a 2>&1) && r=ok || r=FAIL
CODES=$(api codes 2>&1 || true)
check "5 incidents posted as admin" "$t" "$r" "$s; $CODES"

# ---- kill -9: Restart=always ----
t=$(now)
pid1=$(field watchroom-server.service MainPID)
n1=$(field watchroom-server.service NRestarts)
vm kill -9 "$pid1"
pid2=$pid1
for _ in $(seq 60); do
    pid2=$(field watchroom-server.service MainPID)
    [ "$pid2" != "$pid1" ] && [ "$pid2" != 0 ] && break
    sleep 0.5
done
h=$(api health 60 2>&1) || h="FAIL $h"
n2=$(field watchroom-server.service NRestarts)
d=$(same_data "after kill -9")
[ "$pid2" != "$pid1" ] && [ "$pid2" != 0 ] && [ "$n2" -gt "$n1" ] && [ "$d" = ok ] && [ "${h#FAIL}" = "$h" ] \
    && r=ok || r=FAIL
check "kill -9 main PID: restarted, data intact" "$t" "$r" "PID $pid1 -> $pid2, NRestarts $n1 -> $n2, data $d"

# ---- reboot ----
t=$(now)
vm systemctl reboot 2>/dev/null || true
for _ in $(seq 60); do vm true 2>/dev/null || break; sleep 1; done
if wait_ssh 180; then
    boot2=$(vm cat /proc/sys/kernel/random/boot_id)
    vm systemctl is-system-running --wait >/dev/null 2>&1 || true
    state=$(running_ok watchroom-server.service)
    h=$(api health 60 2>&1) || h="FAIL $h"
    d=$(same_data "after the reboot")
    [ "$boot2" != "$boot1" ] && [ "$state" = "enabled active" ] && [ "$d" = ok ] && [ "${h#FAIL}" = "$h" ] \
        && r=ok || r=FAIL
    check "reboot: enabled, up again, data intact" "$t" "$r" "boot id changed: $([ "$boot2" != "$boot1" ] && echo yes || echo no), $state, data $d"
else
    check "reboot: enabled, up again, data intact" "$t" FAIL "no ssh after the reboot"
    exit 1
fi

# ---- upgrade to $NEXT over the running $VERSION ----
t=$(now)
pid1=$(field watchroom-server.service MainPID)
pw1=$(vm cat /etc/watchroom/admin-password)
# postinst's `watchroom-server db upgrade` says "<before> -> <after>" or "...: already the newest".
if [ "$REV_NOW" != "$REV_NEXT" ]; then migrated="$REV_NOW.*-> .*$REV_NEXT"; else migrated="$REV_NEXT.*already the newest"; fi
vm dpkg -i "/root/$(basename "$NEXT_DEB")" >"$OUT/upgrade.log" 2>&1 && ok=1 || ok=0
ver=$(vm dpkg-query -W -f '\${Version}' watchroom-server)
h=$(api health 60 2>&1) || h="FAIL $h"
pid2=$(field watchroom-server.service MainPID)
state=$(running_ok watchroom-server.service)
cur=$(vm runuser -u watchroom -- /usr/bin/watchroom-server db current --db /var/lib/watchroom/platform/platform.db 2>&1 || true)
pw2=$(vm cat /etc/watchroom/admin-password)
d=$(same_data "after the upgrade")
[ "$ok" = 1 ] && [ "$ver" = "$NEXT" ] && [ "$pid2" != "$pid1" ] && [ "$state" = "enabled active" ] \
    && [ "${h#FAIL}" = "$h" ] && [ "$pw1" = "$pw2" ] && [ "$d" = ok ] && grep -q "$migrated" "$OUT/upgrade.log" \
    && case "$cur" in *"$REV_NEXT"*head*) true ;; *) false ;; esac && r=ok || r=FAIL
check "dpkg -i $NEXT over running $VERSION" "$t" "$r" "version $ver, PID $pid1 -> $pid2, $state, postinst: $(grep -- '->\|already the newest' "$OUT/upgrade.log" | head -1), now: $cur, same admin password: $([ "$pw1" = "$pw2" ] && echo yes || echo no), data $d"

# ---- the client's warm mirror service against it ----
if [ "${VM_MIRROR:-1}" = 1 ]; then
    t=$(now)
    if vm dpkg -i "/root/$(basename "$CLIENT_DEB")" >"$OUT/client-install.log" 2>&1; then
        check "dpkg -i watchroom $VERSION (client)" "$t" ok "$(vm systemctl is-enabled watchroom-mirror.service 2>/dev/null || true) (not enabled by the package)"
    else
        check "dpkg -i watchroom $VERSION (client)" "$t" FAIL "$(tail -5 "$OUT/client-install.log" | tr '\n' ' ')"
    fi
    t=$(now)
    mirror_pw="Mr-$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')-Q"
    printf '%s\n' "$mirror_pw" | vm runuser -u watchroom -- /usr/bin/watchroom-server \
        --db /var/lib/watchroom/platform/platform.db --create-user backup-mirror --role viewer >/dev/null
    # The package's mirror.toml names an HTTPS platform with certificates; here: the VM's own platform on loopback.
    vm "sed -i -e 's#^url = .*#url = \"http://127.0.0.1:8765\"#' -e '/^ca_file\|^client_cert\|^client_key\|^auth_mode/d' /etc/watchroom/mirror.toml \
        && sed -i 's#^WATCHROOM_MIRROR_PLATFORM_PASSWORD=.*#WATCHROOM_MIRROR_PLATFORM_PASSWORD=$mirror_pw#' /etc/watchroom/mirror.env \
        && systemctl enable --now watchroom-mirror.service" >"$OUT/mirror.log" 2>&1 || true
    # The unit logs its sync status to the journal; once online, the encrypted mirror's cursor
    # (watchroom status --json, as the unit's user, once: a start of the client takes long without KVM)
    # must stand at the platform's latest change.
    online=""
    for _ in $(seq 100); do
        online=$(vm "journalctl -u watchroom-mirror.service -o cat | grep '\"state\": \"online\"' | tail -1" 2>/dev/null || true)
        [ -n "$online" ] && break
        sleep 3
    done
    latest=$(api health 30 | python3 -c 'import json,sys; print(json.load(sys.stdin)["health"]["latest_seq"])' 2>/dev/null || echo "?")
    status=$(vm "set -a; . /etc/watchroom/mirror.env; set +a; cd /; runuser -u watchroom -- env HOME=/var/lib/watchroom/mirror \
        WATCHROOM_MIRROR_PASSPHRASE=\$WATCHROOM_MIRROR_PASSPHRASE /usr/bin/watchroom --config /etc/watchroom/mirror.toml status --json" 2>>"$OUT/mirror.log" || true)
    echo "$status" >>"$OUT/mirror.log"
    seen=$(echo "$status" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["encrypted"], max(c["after_seq"] for c in r["cursors"]))' 2>/dev/null || echo "no status")
    state=$(running_ok watchroom-mirror.service)
    [ "$state" = "enabled active" ] && [ -n "$online" ] && [ "$seen" = "True $latest" ] && r=ok || r=FAIL
    check "watchroom-mirror.service: active, synced" "$t" "$r" "$state, journal: ${online:0:60}..., mirror encrypted and at seq: $seen, platform at $latest"
    t=$(now)
    vm env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq watchroom >>"$OUT/mirror.log" 2>&1 && r=ok || r=FAIL
    left=$(vm ls /var/lib/watchroom 2>&1 || true)
    [ "$left" = platform ] || r=FAIL
    check "apt purge watchroom: mirror gone, platform kept" "$t" "$r" "/var/lib/watchroom: $left"
fi

# ---- remove keeps the data, purge deletes it ----
t=$(now)
vm env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq watchroom-server >"$OUT/remove.log" 2>&1 && r=ok || r=FAIL
db=$(vm "stat -c '%U %s bytes' /var/lib/watchroom/platform/platform.db" 2>&1 || true)
active=$(vm systemctl is-active watchroom-server.service 2>/dev/null || true)
[ -n "${db##*No such*}" ] && [ "$active" != active ] || r=FAIL
check "apt remove: stopped, data kept" "$t" "$r" "service $active, platform.db: $db"
t=$(now)
vm env DEBIAN_FRONTEND=noninteractive apt-get purge -y -qq watchroom-server >>"$OUT/remove.log" 2>&1 && r=ok || r=FAIL
gone=$(vm "ls -d /var/lib/watchroom /etc/watchroom /etc/default/watchroom-server 2>/dev/null" || true)
[ -z "$gone" ] || r=FAIL
check "apt purge: data deleted" "$t" "$r" "left: ${gone:-nothing}"

t=$(now)
vm systemctl poweroff 2>/dev/null || true
for _ in $(seq 60); do kill -0 "$QEMU_PID" 2>/dev/null || break; sleep 1; done
kill -0 "$QEMU_PID" 2>/dev/null && r=FAIL || r=ok
check "VM powered off" "$t" "$r" ""
printf '{"vm_test_s": %d, "failed": %d}\n' $((SECONDS - T0)) "$FAILED"
[ "$FAILED" = 0 ] && echo "vm test: passed" || { echo "vm test: FAILED (log: $OUT/vm-test.log)"; exit 1; }
