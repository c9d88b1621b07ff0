#!/usr/bin/env bash
# The Debian 12 VM of `make package-vm-test` (packaging/vm_test.sh): a debootstrap root with
# systemd, Debian's kernel and openssh, the client package's Depends fetched into it on the host
# (the VM itself has no network but a loopback-only SSH forward), made once into VM_DIR
# (default /var/tmp/watchroom-vm-bookworm): root/ (the tree), base.img (ext4, no partition table),
# vmlinuz, initrd.img and id_ed25519 (root's key into it). Removing VM_DIR makes it all again.
#   $1: the client .deb whose Depends go into the image.
set -euo pipefail
VM_DIR=${VM_DIR:-/var/tmp/watchroom-vm-bookworm}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
CLIENT_DEB=$1
ROOT=$VM_DIR/root
[ "$(id -u)" = 0 ] || { echo "vm image: needs root" >&2; exit 2; }
[ -f "$VM_DIR/base.img" ] && [ -f "$VM_DIR/vmlinuz" ] && exit 0
mkdir -p "$VM_DIR"

if [ ! -x "$ROOT/usr/bin/dpkg" ] || [ ! -e "$ROOT/lib/systemd/systemd" ] || [ ! -e "$VM_DIR/.bootstrapped" ]; then
    rm -rf "$ROOT"
    echo "[vm image] debootstrap bookworm (systemd, kernel, openssh) into $ROOT"
    debootstrap --variant=minbase \
        --include=systemd-sysv,udev,dbus,linux-image-amd64,initramfs-tools,openssh-server,adduser,tzdata,ca-certificates,curl,python3,procps,iproute2,apt \
        bookworm "$ROOT" "$MIRROR" >"$VM_DIR/debootstrap.log" 2>&1 \
        || { tail -20 "$VM_DIR/debootstrap.log"; exit 1; }
    touch "$VM_DIR/.bootstrapped"
fi

# The client's Depends (names only: the version constraints are Debian 12's anyway), so that the
# VM installs the client with dpkg from the copied file, offline.
deps=$(dpkg-deb -f "$CLIENT_DEB" Depends | tr ',' '\n' | sed 's/(.*)//; s/|.*//; s/ //g' | grep -v '^$' | tr '\n' ' ')
mountpoint -q "$ROOT/proc" || mount -t proc proc "$ROOT/proc"
trap 'umount "$ROOT/proc" 2>/dev/null || true' EXIT
echo "[vm image] the client's Depends into the image"
chroot "$ROOT" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive LANG=C.UTF-8 \
    sh -c "apt-get update -qq && apt-get install -y -qq --no-install-recommends $deps && apt-get clean" \
    >"$VM_DIR/client-deps.log" 2>&1 || { tail -20 "$VM_DIR/client-deps.log"; exit 1; }
umount "$ROOT/proc"; trap - EXIT

# Boot: root on /dev/vda, the console on the serial port, DHCP from QEMU's user network (sshd).
echo watchroom-vm >"$ROOT/etc/hostname"
printf '127.0.0.1 localhost\n127.0.1.1 watchroom-vm\n' >"$ROOT/etc/hosts"
printf '/dev/vda / ext4 defaults,errors=remount-ro 0 1\n' >"$ROOT/etc/fstab"
mkdir -p "$ROOT/etc/systemd/network"
printf '[Match]\nName=en*\n\n[Network]\nDHCP=yes\n' >"$ROOT/etc/systemd/network/20-wired.network"
chroot "$ROOT" systemctl enable systemd-networkd.service serial-getty@ttyS0.service ssh.service >/dev/null 2>&1
rm -f "$ROOT/etc/machine-id" && touch "$ROOT/etc/machine-id"   # a fresh one at first boot
[ -f "$VM_DIR/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C watchroom-vm-test -f "$VM_DIR/id_ed25519"
install -d -m 0700 "$ROOT/root/.ssh"
install -m 0600 "$VM_DIR/id_ed25519.pub" "$ROOT/root/.ssh/authorized_keys"
cp -L "$ROOT/vmlinuz" "$VM_DIR/vmlinuz"
cp -L "$ROOT/initrd.img" "$VM_DIR/initrd.img"
echo "[vm image] base.img (ext4 from the tree, 8 GB sparse)"
rm -f "$VM_DIR/base.img.tmp"
mkfs.ext4 -q -F -L watchroom-vm -d "$ROOT" "$VM_DIR/base.img.tmp" 8G
mv "$VM_DIR/base.img.tmp" "$VM_DIR/base.img"
echo "[vm image] made in $VM_DIR"
