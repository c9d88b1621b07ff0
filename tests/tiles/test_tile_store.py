"""MBTiles: XYZ in the API, TMS rows in the file; files offered for import are
checked, and imported whole or not at all."""

from __future__ import annotations

import sqlite3

import pytest

from offline_cache.tiles import TileStore, check_mbtiles, tms_row
from services.maps.tile_library import TileLibrary


def make(path, tiles=((3, 6, 2, b"png-bytes"),), fmt="png", datum=None):
    meta = {"name": path.stem, "format": fmt}
    if datum:
        meta["datum"] = datum
    store = TileStore(path, writable=True, metadata=meta)
    store.put_many(list(tiles))
    store.close()
    return path


def test_rows_are_flipped_to_tms_and_back(tmp_path):
    path = make(tmp_path / "a.mbtiles")
    con = sqlite3.connect(path)
    assert con.execute("SELECT zoom_level, tile_column, tile_row FROM tiles").fetchall() == [(3, 6, tms_row(3, 2))]
    con.close()
    store = TileStore(path)
    assert store.get(3, 6, 2) == b"png-bytes" and store.get(3, 6, 5) is None
    assert store.mime == "image/png" and store.datum == "WGS84"
    with pytest.raises(PermissionError):
        store.put_many([(1, 0, 0, b"x")])


def test_a_gcj02_source_says_so(tmp_path):
    assert TileStore(make(tmp_path / "g.mbtiles", datum="GCJ-02")).datum == "GCJ02"


@pytest.mark.parametrize("build,problem", [
    (lambda p: p.write_text("这不是瓦片文件"), "not_sqlite"),
    (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50), "corrupt"),
    (lambda p: sqlite3.connect(p).execute("CREATE TABLE other (x)").connection.commit(), "not_mbtiles"),
    (lambda p: make(p, tiles=()), "no_tiles"),
    (lambda p: make(p, fmt="pbf"), "bad_format"),
])
def test_unusable_files_are_named_for_what_they_are(tmp_path, build, problem):
    path = tmp_path / "offered.mbtiles"
    build(path)
    assert check_mbtiles(path).problem == problem
    assert check_mbtiles(tmp_path / "missing.mbtiles").problem == "missing"


def test_a_truncated_file_is_corrupt(tmp_path):
    path = make(tmp_path / "t.mbtiles", tiles=[(10, x, 5, b"x" * 4000) for x in range(200)])
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    assert check_mbtiles(path).problem in ("corrupt", "not_mbtiles")


def test_the_library_imports_only_good_files_and_serves_them(tmp_path):
    library = TileLibrary(tmp_path / "tiles")
    bad = tmp_path / "bad.mbtiles"
    bad.write_text("nope")
    name, check = library.add_file(bad)
    assert (name, check.problem) == ("", "not_sqlite") and not (tmp_path / "tiles" / "bad.mbtiles").exists()
    name, check = library.add_file(make(tmp_path / "city.mbtiles"))
    assert name == "city" and check.problem == ""
    assert library.provide("city", 3, 6, 2) == (b"png-bytes", "image/png")
    assert library.provide("city", 3, 0, 0) is None and library.provide("nope", 3, 6, 2) is None
    assert not list((tmp_path / "tiles").glob("*.importing"))


def test_an_import_that_fails_midway_leaves_nothing(tmp_path):
    """The copy is refused when it outgrows its room (a full disk): nothing is left behind."""
    library = TileLibrary(tmp_path / "tiles")
    offered = make(tmp_path / "c.mbtiles", tiles=[(10, x, 5, bytes([x % 256]) * 4000) for x in range(300)])
    import services.maps.tile_library as tile_library

    tile_library.FREE_MARGIN_BYTES, saved = 0, tile_library.FREE_MARGIN_BYTES
    try:
        from services.imports import bounded

        real = bounded.run_bounded

        def small_room(target, *args, budget):
            return real(target, *args[:-1], 64 * 1024, budget=budget)

        tile_library.run_bounded = small_room
        name, check = library.add_file(offered)
    finally:
        tile_library.FREE_MARGIN_BYTES = saved
        tile_library.run_bounded = real
    assert (name, check.problem) == ("", "too_large")
    assert list((tmp_path / "tiles" / "imported").iterdir()) == []
