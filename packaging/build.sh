#!/usr/bin/env bash
# `make package`: the client and the platform server frozen with PyInstaller (onedir), then
# packed into dist/watchroom_<version>_<arch>.deb and dist/watchroom-server_<version>_<arch>.deb
# with dpkg-deb --root-owner-group (no debhelper, no root). packaging/README.md says why and how.
# SKIP_FREEZE=1 reuses build/pyinstaller/dist (repacking only).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=.venv/bin/python
# VERSION=x.y.z overrides pyproject.toml's (an upgrade package to try, e.g. `make package VERSION=0.1.1`).
VERSION=${VERSION:-$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')}
ARCH=$(dpkg --print-architecture)
FROZEN=build/pyinstaller/dist
STAGE=build/deb
mkdir -p dist

# PyInstaller comes from the `package` extra (pyproject.toml), into this checkout's .venv.
"$PY" -c 'import PyInstaller' 2>/dev/null || "$PY" -m pip install -q -e ".[package]"

freeze() {  # $1: spec name
    local t0=$SECONDS
    echo "[package] freezing $1 (PyInstaller onedir)"
    "$PY" -m PyInstaller --noconfirm --clean --log-level WARN --distpath "$FROZEN" \
        --workpath build/pyinstaller/work "packaging/$1.spec" >"build/pyinstaller-$1.log" 2>&1 \
        || { tail -40 "build/pyinstaller-$1.log"; exit 1; }
    echo "[package] $1 frozen in $((SECONDS - t0)) s"
}
if [ "${SKIP_FREEZE:-0}" != 1 ] || [ ! -x "$FROZEN/watchroom/watchroom" ] || [ ! -x "$FROZEN/watchroom-server/watchroom-server" ]; then
    mkdir -p build
    freeze watchroom
    freeze watchroom-server
fi

glibc_needed() {  # the newest GLIBC_x.y symbol version any ELF file of a bundle asks for
    find "$1" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
        | { xargs -0 objdump -T 2>/dev/null || true; } | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1
}

stage() {  # $1: package name, $2: bundle folder, $3: Depends (without libc6), $4: packaging/deb/ folder
    local name=$1 bundle=$2 depends=$3 dir="$STAGE/$1"
    rm -rf "$dir"
    mkdir -p "$dir/opt" "$dir/usr/bin" "$dir/usr/share/doc/$name"
    cp -a "packaging/deb/$4/root/." "$dir/"
    cp -a "$FROZEN/$bundle" "$dir/opt/$bundle"
    cp packaging/README.md "$dir/opt/$bundle/README.packaging.md"
    ln -s "/opt/$bundle/$bundle" "$dir/usr/bin/$bundle"
    printf 'Watchroom %s, built %s from commit %s.\n' "$VERSION" "$(date -u +%F)" \
        "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" >"$dir/usr/share/doc/$name/README"
    mkdir -p "$dir/DEBIAN"
    cp -a "packaging/deb/$4/DEBIAN/." "$dir/DEBIAN/"
    local libc size
    libc=$(glibc_needed "$dir/opt/$bundle")
    size=$(du -sk --exclude=DEBIAN "$dir" | cut -f1)
    cat >"$dir/DEBIAN/control" <<CONTROL
Package: $name
Version: $VERSION
Architecture: $ARCH
Maintainer: Watchroom team <watchroom@localhost>
Installed-Size: $size
Depends: libc6 (>= $libc), adduser, tzdata, $depends
Section: misc
Priority: optional
Homepage: https://localhost/watchroom
CONTROL
    cat "packaging/deb/$4/description" >>"$dir/DEBIAN/control"
    chmod -R u+rwX,go+rX,go-w "$dir"
    chmod 0755 "$dir/DEBIAN" "$dir"/DEBIAN/p*
}

# The client: libVLC (video tiles), the CJK font, and the X11/xcb, GL and NSS libraries the
# bundled Qt and QtWebEngine load from the system (the same list scripts/setup.sh installs).
CLIENT_DEPENDS="libvlc5, vlc-plugin-base, vlc-plugin-video-output, fonts-noto-cjk, libxcb-cursor0, libxcb-icccm4, \
libxcb-image0, libxcb-keysyms1, libxcb-render-util0, libxcb-xinerama0, libxcb-xkb1, libxcb-randr0, libxcb-shape0, \
libxcb-xfixes0, libxkbcommon-x11-0, libxkbcommon0, libegl1, libgl1, libopengl0, libfontconfig1, libdbus-1-3, \
libglib2.0-0, libnss3, libxcomposite1, libxdamage1, libxrandr2, libxtst6, libxkbfile1, libasound2, libxshmfence1, \
libxcb1, libxcb-dri3-0, libdrm2, libwayland-client0, libwayland-cursor0, libwayland-egl1, libwayland-server0"
SERVER_DEPENDS="ca-certificates"

system_packages() {  # the Debian packages of the libraries a bundle links but does not carry
    local dir=$1 have need soname path
    have=$(find "$dir" -name '*.so*' -printf '%f\n' | sort -u)
    need=$(find "$dir" -type f \( -name '*.so*' -o -perm -u+x \) -print0 | { xargs -0 readelf -d 2>/dev/null || true; } \
        | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
    for soname in $(comm -23 <(echo "$need") <(echo "$have")); do
        path=$(/sbin/ldconfig -p | grep -m1 -P "^\t\Q$soname\E " | sed 's/.*=> //') || true
        [ -n "$path" ] && dpkg -S "$(readlink -f "$path")" 2>/dev/null | head -1 | cut -d: -f1
    done | sort -u | grep -v '^libc6$' || true
}
check_depends() {  # $1: bundle folder, $2: Depends: every linked system library's package must be there
    local missing=()
    for pkg in $(system_packages "$1"); do
        case ", $2, " in *", $pkg, "* | *", $pkg ("*) ;; *) missing+=("$pkg") ;; esac
    done
    [ ${#missing[@]} -eq 0 ] || { echo "[package] $1 links libraries of ${missing[*]}: add them to Depends in build.sh"; exit 1; }
}
check_depends "$FROZEN/watchroom" "$CLIENT_DEPENDS"
check_depends "$FROZEN/watchroom-server" "$SERVER_DEPENDS"

t0=$SECONDS
stage watchroom watchroom "$CLIENT_DEPENDS" client
# QtWebEngine makes this folder (0700, empty) at its first start as root: shipped empty, dpkg owns it
# and a purge leaves nothing behind in /opt.
mkdir -p "$STAGE/watchroom/opt/watchroom/_internal/PySide6/Qt/resources/locales"
install -D -m 0644 packaging/icon.svg "$STAGE/watchroom/usr/share/icons/hicolor/scalable/apps/watchroom.svg"
QT_QPA_PLATFORM=offscreen "$PY" packaging/render_icon.py packaging/icon.svg \
    "$STAGE/watchroom/usr/share/icons/hicolor/256x256/apps/watchroom.png" 256
stage watchroom-server watchroom-server "$SERVER_DEPENDS" server

for name in watchroom watchroom-server; do
    out="dist/${name}_${VERSION}_${ARCH}.deb"
    dpkg-deb --root-owner-group -Zxz -z2 --threads-max="$(nproc)" --build "$STAGE/$name" "$out" >/dev/null
    echo "[package] $out: $(du -h "$out" | cut -f1) (installed $(du -sh --exclude=DEBIAN "$STAGE/$name" | cut -f1))"
done
echo "[package] packed in $((SECONDS - t0)) s"
