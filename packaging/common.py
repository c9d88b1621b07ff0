"""What both PyInstaller specs share (packaging/watchroom.spec, watchroom-server.spec):
the project's folders copied into the bundle where services/paths.py looks for them,
and every module of the project's packages, imported by name or lazily."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Never in a package: the tests' and build tools' libraries, and Qt bindings we do not use.
EXCLUDES = ["tkinter", "PyQt5", "PyQt6", "pytest", "_pytest", "schemathesis", "hypothesis", "IPython",
            "matplotlib", "ruff", "importlinter", "grimp", "PyInstaller"]


def tree(src: str, dest: str | None = None, skip_suffixes: tuple[str, ...] = (".pyc",)) -> list[tuple[str, str]]:
    """(file, folder in the bundle) for every file under ROOT/src, keeping its relative place."""
    base = ROOT / src
    out = []
    for path in sorted(base.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix not in skip_suffixes:
            out.append((str(path), str(Path(dest or src) / path.relative_to(base).parent)))
    return out


def resources(client: bool) -> list[tuple[str, str]]:
    """resources/ without the .ts sources (the compiled .qm are what is loaded); the client
    also gets the web vendor files, the map page's own scripts and the fallback basemap."""
    files = tree("resources", skip_suffixes=(".pyc", ".ts"))
    if not client:
        return [f for f in files if "/web/" not in f[0] and "/i18n/" not in f[0] and "/sounds/" not in f[0]]
    basemap = ROOT / "var" / "basemap" / "fallback.geojson"
    vendor = ROOT / "resources" / "web" / "vendor" / "leaflet" / "leaflet.js"
    qm = list((ROOT / "resources" / "i18n").glob("*.qm"))
    for need, how in ((basemap, "scripts/build_basemap.sh"), (vendor, "scripts/fetch_web_assets.sh"),
                      (qm[0] if qm else ROOT / "resources/i18n/*.qm", "python -m app.i18n_build")):
        if not Path(need).is_file():
            raise SystemExit(f"packaging: {need} is missing (run {how}, or make setup)")
    return files + [(str(basemap), "var/basemap")] + tree("widgets/map_view/web")


# Qt's translations kept: Chinese (the UI's language) and English; Chromium's locales likewise.
KEEP_LOCALES = ("zh_CN", "zh-CN", "en", "en-US")


def _needed(path: str) -> set[str]:
    """The DT_NEEDED sonames of an ELF file (readelf, from binutils)."""
    import subprocess

    out = subprocess.run(["readelf", "-d", path], capture_output=True, text=True).stdout
    return {line.split("[", 1)[1].split("]", 1)[0] for line in out.splitlines() if "(NEEDED)" in line}


def trim_qt(binaries, datas):
    """Drops what PySide6's hooks collect for QML (the client has no QML): the qml/ folder,
    the Qt libraries only its plugins need (Qt 3D, Charts, Quick 3D ...: found by following
    DT_NEEDED from everything else, so a library still linked is always kept), and the
    translations and Chromium locales of other languages."""
    def locale_ok(dest: str) -> bool:
        if "/Qt/translations/" not in dest:
            return True
        stem = dest.rsplit("/", 1)[-1].split(".", 1)[0]
        if "/qtwebengine_locales/" in dest:  # Chromium's: de.pak, en-US.pak, zh-CN.pak ...
            return stem in KEEP_LOCALES
        return not any(c in stem for c in ("_", "-")) or any(stem.endswith(loc) for loc in KEEP_LOCALES)

    def qml(entry) -> bool:
        return "/Qt/qml/" in entry[0] or "/Qt/qml/" in entry[1] or any(
            f"/Qt/plugins/{p}/" in entry[1] for p in QML_ONLY_PLUGINS)

    binaries = [b for b in binaries if not qml(b)]
    datas = [d for d in datas if not qml(d) and locale_ok(d[0])]
    qt_libs = {Path(b[1]).name: b[1] for b in binaries if "/Qt/lib/" in b[1]}
    reach: set[str] = set()
    todo = [b[1] for b in binaries if "/Qt/lib/" not in b[1]]
    while todo:
        for soname in _needed(todo.pop()):
            if soname in qt_libs and soname not in reach:
                reach.add(soname)
                todo.append(qt_libs[soname])
    dropped = set(qt_libs) - reach
    print(f"packaging: {len(dropped)} Qt libraries only QML needs are left out: {' '.join(sorted(dropped))}")
    return [b for b in binaries if Path(b[1]).name not in dropped], datas


# Plugin folders only QML, Qt 3D, Qt Location or Qt Quick 3D load.
QML_ONLY_PLUGINS = ("qmltooling", "qmllint", "sceneparsers", "geometryloaders", "renderers", "renderplugins",
                    "geoservices", "position", "sensors", "texttospeech", "scxmldatamodel", "canbus",
                    "assetimporters", "virtualkeyboard", "designer", "qmlls", "webview")


def system_libvlc(binaries):
    """Leaves libVLC to the system (Depends: libvlc5): PyInstaller finds the libvlc.so.5 that
    python-vlc names and copies it, but a copied libvlccore looks for its plugins beside
    itself, finds none, and every stream fails (libvlc_new returns NULL)."""
    return [b for b in binaries if not Path(b[0]).name.startswith(("libvlc.so", "libvlccore.so"))]
