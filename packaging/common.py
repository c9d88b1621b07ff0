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
