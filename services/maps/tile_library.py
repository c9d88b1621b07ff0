"""The tile sources the map can show: MBTiles files in the tile directory
(imported by the officer, or the cache of an online source). The map asks for
tiles through `provide`, by source name (the file's stem)."""

from __future__ import annotations

import threading
from pathlib import Path

from offline_cache.tiles import Check, TileStore, check_mbtiles, import_mbtiles


class TileLibrary:
    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self._stores: dict[str, TileStore] = {}
        self._lock = threading.Lock()
        self.rescan()

    def rescan(self) -> list[str]:
        """Opens every usable .mbtiles file in the directory; returns the source names."""
        found: dict[str, TileStore] = {}
        if self.directory.is_dir():
            for path in sorted(self.directory.glob("*.mbtiles")):
                if check_mbtiles(path).problem:
                    continue  # damaged since import: skipped, never fatal
                found[path.stem] = self._stores.get(path.stem) or TileStore(path)
        with self._lock:
            self._stores = found
        return list(found)

    @property
    def names(self) -> list[str]:
        return list(self._stores)

    def store(self, name: str) -> TileStore | None:
        return self._stores.get(name)

    def provide(self, name: str, z: int, x: int, y: int) -> tuple[bytes, str] | None:
        store = self._stores.get(name)
        if store is None:
            return None
        data = store.get(z, x, y)
        return (data, store.mime) if data is not None else None

    def add_file(self, source: Path) -> tuple[str, Check]:
        """Checks and imports a file chosen by the officer: (source name, check).
        A file that fails the check is not copied."""
        check = check_mbtiles(source)
        if check.problem:
            return "", check
        target = import_mbtiles(source, self.directory)
        self.rescan()
        return target.stem, check
