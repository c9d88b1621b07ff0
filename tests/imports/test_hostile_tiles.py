"""MBTiles offered for import: a metadata view that never ends, a tiles view
that never ends and a file named like an online source's cache. The check
ends within its budget with a code, nothing is left behind, and an imported
file never replaces (or hides) an online cache."""

from __future__ import annotations

import sqlite3
import time

from offline_cache.tiles import TileStore, check_mbtiles
from services.maps.online import TileSourceConfig
from services.maps.tile_library import MAX_IMPORT_BYTES, TileLibrary
from tests.imports.hostile import mbtiles, recursive_metadata, recursive_tiles, sparse


def leftovers(library: TileLibrary) -> list:
    folder = library.imported_directory
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_recursive_metadata_view_is_stopped_by_the_time_budget(tmp_path):
    path = recursive_metadata(tmp_path / "loop.mbtiles")
    started = time.monotonic()
    check = check_mbtiles(path, query_seconds=0.5)
    assert check.problem == "timeout" and time.monotonic() - started < 10


def test_importing_it_ends_in_timeout_and_leaves_nothing(tmp_path):
    library = TileLibrary(tmp_path / "tiles")
    name, check = library.add_file(recursive_metadata(tmp_path / "loop.mbtiles"), query_seconds=0.5)
    assert (name, check.problem) == ("", "timeout")
    assert leftovers(library) == [] and library.names == []


def test_a_tiles_view_that_never_ends_is_stopped_while_copying(tmp_path):
    library = TileLibrary(tmp_path / "tiles")
    name, check = library.add_file(recursive_tiles(tmp_path / "slow.mbtiles"), query_seconds=1, copy_seconds=1)
    assert (name, check.problem) == ("", "timeout")
    assert leftovers(library) == []


def test_a_hostile_file_already_in_the_folder_never_holds_up_the_start(tmp_path):
    folder = tmp_path / "tiles"
    folder.mkdir()
    recursive_metadata(folder / "old-import.mbtiles")
    mbtiles(folder / "city.mbtiles")
    started = time.monotonic()
    library = TileLibrary(folder)
    assert library.names == ["city"] and time.monotonic() - started < 15


def test_a_tile_lookup_that_never_ends_answers_no_tile(tmp_path):
    store = TileStore(recursive_tiles(tmp_path / "slow.mbtiles"))
    started = time.monotonic()
    assert store.get(3, 0, 0) is None and time.monotonic() - started < 10


def test_an_imported_file_is_plain_tables_whatever_the_offered_one_was(tmp_path):
    offered = mbtiles(tmp_path / "dedup.mbtiles")
    con = sqlite3.connect(offered)  # the mbutil layout: tiles is a view over images and map
    con.executescript("""
        ALTER TABLE tiles RENAME TO raw;
        CREATE VIEW tiles AS SELECT zoom_level, tile_column, tile_row, tile_data FROM raw;
        CREATE TRIGGER never AFTER INSERT ON raw BEGIN SELECT 1; END;
    """)
    con.close()
    library = TileLibrary(tmp_path / "tiles")
    name, check = library.add_file(offered)
    assert (name, check.problem) == ("dedup", "")
    stored = sqlite3.connect(library.imported_directory / "dedup.mbtiles")
    kinds = {(t, n) for t, n in stored.execute("SELECT type, name FROM sqlite_master")}
    stored.close()
    assert {t for t, _ in kinds} <= {"table", "index"} and ("table", "tiles") in kinds
    assert library.provide("dedup", 3, 6, 2) == (b"png-bytes", "image/png")


def test_an_offered_file_named_like_an_online_cache_never_replaces_it(tmp_path):
    library = TileLibrary(tmp_path / "tiles")
    online = library.add_online(TileSourceConfig("tdt", "http://127.0.0.1:9/{z}/{x}/{y}.png"))
    online.cache.put_many([(3, 6, 2, b"cached-online")])
    cache_file = tmp_path / "tiles" / "cache-tdt.mbtiles"
    before = cache_file.stat().st_ino
    forged = mbtiles(tmp_path / "cache-tdt.mbtiles", tiles=[(3, 6, 2, b"forged")])
    name, check = library.add_file(forged)
    assert check.problem == "" and name not in ("tdt", "cache-tdt") and not name.startswith("cache-")
    assert cache_file.stat().st_ino == before
    assert library.provide("tdt", 3, 6, 2) == (b"cached-online", "image/png")
    assert library.provide(name, 3, 6, 2) == (b"forged", "image/png")
    named_like_the_source = mbtiles(tmp_path / "tdt.mbtiles", tiles=[(3, 6, 2, b"also-forged")])
    name, _ = library.add_file(named_like_the_source)
    assert name != "tdt" and library.names[0] == "tdt"
    assert library.provide("tdt", 3, 6, 2) == (b"cached-online", "image/png")
    assert TileLibrary(tmp_path / "tiles").provide(name, 3, 6, 2) == (b"also-forged", "image/png")


def test_importing_again_under_the_same_name_shows_the_new_file(tmp_path):
    library = TileLibrary(tmp_path / "tiles")
    library.add_file(mbtiles(tmp_path / "city.mbtiles", tiles=[(3, 6, 2, b"old")]))
    assert library.provide("city", 3, 6, 2) == (b"old", "image/png")
    library.add_file(mbtiles(tmp_path / "new" / "city.mbtiles", tiles=[(3, 6, 2, b"new")]))
    assert library.provide("city", 3, 6, 2) == (b"new", "image/png")


def test_a_huge_tile_file_is_refused_before_it_is_read(tmp_path):
    library = TileLibrary(tmp_path / "tiles")
    path = sparse(tmp_path / "huge.mbtiles", MAX_IMPORT_BYTES + 1)
    assert library.add_file(path)[1].problem == "too_large"
    assert leftovers(library) == []
