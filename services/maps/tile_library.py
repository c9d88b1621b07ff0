"""The tile sources the map can show: MBTiles files in the tile directory
(imported by the officer, or the cache of an online source). The map asks for
tiles through `provide`, by source name (the file's stem)."""

from __future__ import annotations

import threading
from pathlib import Path

from offline_cache.tiles import Check, TileStore, check_mbtiles, import_mbtiles
from services.maps.online import OnlineSource, TileSourceConfig


class TileLibrary:
    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self._stores: dict[str, TileStore] = {}
        self._online: dict[str, OnlineSource] = {}
        self._lock = threading.Lock()
        self.rescan()

    def rescan(self) -> list[str]:
        """Opens every usable .mbtiles file in the directory; returns the source names."""
        found: dict[str, TileStore] = {}
        if self.directory.is_dir():
            for path in sorted(self.directory.glob("*.mbtiles")):
                if check_mbtiles(path, thorough=False).problem:
                    continue  # not usable (checked in full at import): skipped, never fatal
                found[path.stem] = self._stores.get(path.stem) or TileStore(path)
        with self._lock:
            self._stores = found
        return list(found)

    @property
    def names(self) -> list[str]:
        online = list(self._online)
        return online + [n for n in self._stores if n.removeprefix("cache-") not in online]

    def store(self, name: str) -> TileStore | None:
        source = self._online.get(name)
        return source.cache if source is not None else self._stores.get(name)

    def add_online(self, config: TileSourceConfig) -> OnlineSource:
        """A tile server whose tiles are cached in cache-<name>.mbtiles as they are viewed."""
        cache = TileStore(self.directory / f"cache-{config.name}.mbtiles", writable=True,
                          metadata={"name": config.name, "format": "png", "datum": config.datum,
                                    "maxzoom": config.max_zoom, "attribution": config.attribution})
        source = OnlineSource(config, cache)
        with self._lock:
            self._online[config.name] = source
        return source

    def online(self, name: str) -> OnlineSource | None:
        return self._online.get(name)

    def provide(self, name: str, z: int, x: int, y: int):
        """(bytes, mime) from a file; for an online source, the cached tile or a
        Future of the download (the map answers when it arrives); None if none."""
        source = self._online.get(name)
        if source is not None:
            data = source.cached(z, x, y)
            if data is not None:
                return data, source.cache.mime
            return source.fetch_later(z, x, y)
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
