"""The tile sources the map can show: MBTiles files in the tile directory (the
cache of an online source, cache-<name>.mbtiles, and files imported by older
versions) and in its imported/ folder (files imported by the officer). The map
asks for tiles through `provide`, by source name (the file's stem).

An imported file never lands beside the online caches: it goes to imported/
under a name that is neither cache-… nor an online source's name, so it can
neither replace a cache file nor hide one. It is checked and copied in a
child process under a time and memory budget (offline_cache.tiles.copy_checked
via services/imports/bounded.py): call add_file from a reader, never from the
mirror writer."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import threading
from pathlib import Path

from offline_cache.file_modes import private_dir, private_file
from offline_cache.tiles import QUERY_SECONDS, Check, TileStore, check_mbtiles, check_seconds
from services.imports.bounded import Budget, OverBudget, run_bounded
from services.maps.online import OnlineSource, TileSourceConfig

MiB = 1024 * 1024
MAX_IMPORT_BYTES = 16 * 1024 * MiB
FREE_MARGIN_BYTES = 512 * MiB  # an import never fills the disk the mirror lives on
IMPORTED = "imported"
CACHE_PREFIX = "cache-"
_UNSAFE = re.compile(r"[^\w\-]+")  # the same letters a configured source name may use


class TileLibrary:
    def __init__(self, directory: Path):
        self.directory = Path(directory)
        self._stores: dict[str, TileStore] = {}
        self._online: dict[str, OnlineSource] = {}
        self._lock = threading.Lock()
        self.rescan()

    @property
    def imported_directory(self) -> Path:
        return self.directory / IMPORTED

    def rescan(self) -> list[str]:
        """Opens every usable .mbtiles file; returns the source names. Imported
        files come after the others, so an officer's file of the same name as an
        old one is the one shown; an online source always comes first."""
        found: dict[str, TileStore] = {}
        paths = sorted(self.directory.glob("*.mbtiles")) + sorted(self.imported_directory.glob("*.mbtiles"))
        for path in paths:
            if not path.is_file() or check_mbtiles(path, thorough=False).problem:
                continue  # not usable (checked in full at import): skipped, never fatal
            known = self._stores.get(path.stem)
            try:
                found[path.stem] = known if known is not None and known.path == path else TileStore(path)
            except sqlite3.Error:
                continue
        with self._lock:
            self._stores = found
        return list(found)

    @property
    def names(self) -> list[str]:
        online = list(self._online)
        return online + [n for n in self._stores if n not in online and n.removeprefix(CACHE_PREFIX) not in online]

    def store(self, name: str) -> TileStore | None:
        source = self._online.get(name)
        return source.cache if source is not None else self._stores.get(name)

    def add_online(self, config: TileSourceConfig) -> OnlineSource:
        """A tile server whose tiles are cached in cache-<name>.mbtiles as they are viewed."""
        private_dir(self.directory)
        cache = TileStore(self.directory / f"{CACHE_PREFIX}{config.name}.mbtiles", writable=True,
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

    def import_name(self, offered: Path) -> str:
        """The source name an offered file gets: its stem in the letters a source
        name may use, never cache-… and never the name of an online source."""
        name = _UNSAFE.sub("_", Path(offered).stem).strip("_-")[:60] or "tiles"
        if name.startswith(CACHE_PREFIX):
            name = "imported-" + name
        while name in self._online:
            name += "-imported"
        return name

    def add_file(self, source: Path, *, query_seconds: float = QUERY_SECONDS,
                 copy_seconds: float | None = None) -> tuple[str, Check]:
        """Checks and imports a file chosen by the officer: (source name, check).
        A file that fails the check leaves nothing behind."""
        source = Path(source)
        try:
            size = source.stat().st_size
        except OSError as exc:
            return "", Check("missing", str(exc))
        if not source.is_file():
            return "", Check("missing", "not a regular file")
        folder = private_dir(self.imported_directory)
        room = shutil.disk_usage(folder).free - FREE_MARGIN_BYTES
        if size > MAX_IMPORT_BYTES or size > room:
            return "", Check("too_large", f"{size} bytes")
        name = self.import_name(source)
        target = folder / f"{name}.mbtiles"
        tmp = private_file(folder / f".{name}.mbtiles.importing")
        whole = check_seconds(size) if copy_seconds is None else copy_seconds
        budget = Budget(seconds=2 * whole + 6 * query_seconds + 10, memory_bytes=1024 * MiB,
                        file_bytes=min(max(room, MiB), MAX_IMPORT_BYTES * 2))
        try:
            answer = run_bounded("offline_cache.tiles:copy_checked", str(source), str(tmp), query_seconds,
                                 copy_seconds, budget.file_bytes, budget=budget)
            check = Check(str(answer["problem"]), str(answer["detail"])[:500], dict(answer["metadata"]))
            if check.problem:
                return "", check
            os.replace(tmp, target)
        except OverBudget as over:
            return "", Check(over.code, over.detail[-500:])
        except (KeyError, TypeError, ValueError):
            return "", Check("unreadable", "malformed answer")
        finally:
            tmp.unlink(missing_ok=True)
        with self._lock:
            self._stores.pop(name, None)  # a re-imported file is opened anew
        self.rescan()
        return name, check

