"""Files the program creates are 0600 and its folders 0700 (DESIGN: "Hostile
input, everywhere"), whatever the umask: the log (and each rotation), saved
layouts, tile caches (with their -wal/-shm) and imported tiles; files of an
older version left readable to others are tightened; a config holding a
password that others can read is warned about. Exported PDFs are the
officer's choice and are not covered here."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat

import pytest

from offline_cache.file_modes import private_dir, private_file, private_sqlite

pytestmark = pytest.mark.usefixtures("wide_umask")


@pytest.fixture
def wide_umask():
    """The umask most desktops have (022): what made files world-readable."""
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_helpers_create_private_folders_and_files(tmp_path):
    folder = private_dir(tmp_path / "a" / "b")
    assert mode(tmp_path / "a") == mode(folder) == 0o700
    assert mode(private_file(folder / "f")) == 0o600
    old = tmp_path / "old.txt"
    old.write_text("x")
    assert mode(old) == 0o644
    assert mode(private_file(old)) == 0o600
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    private_dir(shared)
    assert mode(shared) == 0o755  # an existing folder may be shared on purpose: left as it is


def test_a_sqlite_file_and_its_wal_and_shm_are_private(tmp_path):
    path = private_sqlite(tmp_path / "db" / "x.db")
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE t (x)")
    con.execute("INSERT INTO t VALUES (1)")
    con.commit()
    assert {p.name: mode(p) for p in (tmp_path / "db").iterdir()} == {"x.db": 0o600, "x.db-wal": 0o600,
                                                                       "x.db-shm": 0o600}
    con.close()


def test_logs_and_their_rotations_are_private(tmp_path):
    from app.logging_setup import setup_logging

    old = tmp_path / "logs" / "watchroom.log.1"
    old.parent.mkdir()
    old.write_text("from an older version\n")
    log_file = tmp_path / "logs" / "watchroom.log"
    root = logging.getLogger()
    saved = list(root.handlers), root.level
    try:
        assert setup_logging("INFO", log_file, to_stderr=False) == log_file
        logging.getLogger("t").warning("值班")
        [handler] = root.handlers
        handler.doRollover()
        logging.getLogger("t").warning("交接班")
        handler.close()
    finally:
        for h in list(root.handlers):
            root.removeHandler(h)
        for h in saved[0]:
            root.addHandler(h)
        root.setLevel(saved[1])
    assert {p.name: mode(p) for p in log_file.parent.iterdir()} == {
        "watchroom.log": 0o600, "watchroom.log.1": 0o600, "watchroom.log.2": 0o600}


def test_a_new_log_folder_is_private(tmp_path):
    from app.logging_setup import setup_logging

    root = logging.getLogger()
    saved = list(root.handlers), root.level
    try:
        setup_logging("INFO", tmp_path / "new" / "logs" / "w.log", to_stderr=False)
        for h in list(root.handlers):
            h.close()
    finally:
        for h in list(root.handlers):
            root.removeHandler(h)
        for h in saved[0]:
            root.addHandler(h)
        root.setLevel(saved[1])
    assert mode(tmp_path / "new") == mode(tmp_path / "new" / "logs") == 0o700
    assert mode(tmp_path / "new" / "logs" / "w.log") == 0o600


def test_saved_layouts_are_private(tmp_path):
    from app.workspace.layout_store import SavedLayout, SavedWindow, layout_path, save_layout

    path = layout_path(tmp_path, "duty")
    save_layout(path, SavedLayout("duty", [SavedWindow("main", "A", (0, 0, 1920, 1080), (0, 0, 800, 600))]))
    assert mode(path.parent) == 0o700 and mode(path) == 0o600
    path.chmod(0o644)  # written by an older version
    save_layout(path, SavedLayout("duty", [SavedWindow("main", "A", (0, 0, 1920, 1080), (0, 0, 900, 600))]))
    assert mode(path) == 0o600


def test_tile_caches_and_imported_tiles_are_private(tmp_path):
    from offline_cache.tiles import TileStore
    from services.maps.online import TileSourceConfig
    from services.maps.tile_library import TileLibrary

    library = TileLibrary(tmp_path / "tiles")
    source = library.add_online(TileSourceConfig("tdt", "http://127.0.0.1:9/{z}/{x}/{y}.png"))
    source.cache.put_many([(3, 6, 2, b"png")])
    offered = TileStore(tmp_path / "offered.mbtiles", writable=True, metadata={"format": "png"})
    offered.put_many([(3, 6, 2, b"png")])
    offered.close()
    name, check = library.add_file(tmp_path / "offered.mbtiles")
    assert check.problem == ""
    tiles = tmp_path / "tiles"
    assert mode(tiles) == mode(tiles / "imported") == 0o700
    assert {p.name: mode(p) for p in tiles.iterdir() if p.is_file()} == {
        "cache-tdt.mbtiles": 0o600, "cache-tdt.mbtiles-wal": 0o600, "cache-tdt.mbtiles-shm": 0o600}
    assert mode(tiles / "imported" / f"{name}.mbtiles") == 0o600
    source.close()


def test_an_old_world_readable_cache_is_tightened(tmp_path):
    from offline_cache.tiles import TileStore

    path = tmp_path / "cache-x.mbtiles"
    sqlite3.connect(path).close()
    path.chmod(0o644)
    TileStore(path, writable=True).close()
    assert mode(path) == 0o600


CONFIG = """config_version = 1
[[sync.endpoint]]
url = "https://platform.example:8443"
username = "duty1"
{password}
"""


@pytest.mark.parametrize("password,file_mode,warned", [
    ('password = "s3cret"', 0o644, True),
    ('password = "s3cret"', 0o640, True),
    ('password = "s3cret"', 0o600, False),
    ('password_env = "WATCHROOM_PASSWORD"', 0o644, False),
])
def test_a_config_holding_a_password_readable_by_others_is_warned_about(tmp_path, capsys, caplog, password,
                                                                       file_mode, warned):
    from app.config import load_config

    path = tmp_path / "config.toml"
    path.write_text(CONFIG.format(password=password), encoding="utf-8")
    path.chmod(file_mode)
    with caplog.at_level(logging.WARNING, logger="app.config"):
        config = load_config(path)
    assert config.endpoints[0].username == "duty1"
    err = capsys.readouterr().err
    assert ("含有密码" in err and "chmod 600" in err and len(err.strip().splitlines()) == 1) == warned
    assert any("readable by other accounts" in r.getMessage() for r in caplog.records) == warned
    assert mode(path) == file_mode  # warned, never changed behind the officer's back


def test_the_mirror_and_its_wal_and_shm_are_private(tmp_path):
    from offline_cache.database import open_mirror

    mirror = open_mirror(tmp_path / "data" / "mirror.db")
    try:
        with mirror.write() as s:
            s.execute(__import__("sqlalchemy").text("INSERT INTO mirror_meta(key, value) VALUES ('t', '1')"))
        files = {p.name: mode(p) for p in (tmp_path / "data").iterdir()}
    finally:
        mirror.close()
    assert mode(tmp_path / "data") == 0o700
    assert all(m == 0o600 for m in files.values()), files
    assert {"mirror.db", "mirror.db-wal", "mirror.db-shm"} <= set(files)
