"""server/pg_bulk.py: a row set in one statement on PostgreSQL stores what the
plain executemany stores (defaults, NULLs, awkward text), on both databases."""

from __future__ import annotations

import pytest
from sqlalchemy import (
    Boolean,
    Column,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    insert,
    select,
    text,
)

from server import pg_bulk

META = MetaData()
THINGS = Table(
    "bulk_things", META,
    Column("id", String(36), primary_key=True),
    Column("name", String(100), default="无名"),
    Column("count", Integer, default=0),
    Column("score", Float, nullable=True),
    Column("flag", Boolean, default=False),
    Column("note", String(200), nullable=True),
)  # fmt: skip
AWKWARD = ['引号"和\\反斜杠', "{\"json\": [1, 2]}", "'; DROP TABLE bulk_things; --", "换行\n制表\t", "😀 emoji"]


@pytest.fixture
def engine(db_url):
    engine = create_engine(db_url)
    META.create_all(engine)
    yield engine
    engine.dispose()


def test_rows_keep_their_values_and_get_the_defaults_they_leave_out(engine):
    rows = [{"id": f"r{n}", "name": name, "score": 1.5 * n, "flag": n % 2 == 0} for n, name in enumerate(AWKWARD)]
    rows.append({"id": "bare"})  # every other column left out: defaults and NULLs
    rows.append({"id": "counted", "count": 7, "note": None})
    with engine.begin() as conn:
        pg_bulk.insert_rows(conn, THINGS, rows)
        pg_bulk.insert_rows(conn, THINGS, [])  # nothing: no statement
    with engine.connect() as conn:
        got = {r.id: r for r in conn.execute(select(THINGS))}
    assert len(got) == len(rows)
    for n, name in enumerate(AWKWARD):
        r = got[f"r{n}"]
        assert (r.name, r.count, r.score, r.flag, r.note) == (name, 0, 1.5 * n, n % 2 == 0, None)
    assert (got["bare"].name, got["bare"].count, got["bare"].score, got["bare"].flag) == ("无名", 0, None, False)
    assert (got["counted"].count, got["counted"].name) == (7, "无名")


def test_a_value_json_cannot_carry_goes_the_plain_way(engine):
    with engine.begin() as conn:
        pg_bulk.insert_rows(conn, THINGS, [{"id": "nan", "score": float("nan")}, {"id": "one", "score": 1.0}])
        conn.execute(insert(THINGS), [{"id": "plain", "score": float("nan")}])
    with engine.connect() as conn:
        scores = dict(conn.execute(select(THINGS.c.id, THINGS.c.score)).all())
    assert scores["one"] == 1.0
    assert repr(scores["nan"]) == repr(scores["plain"])  # NaN (NULL on SQLite) as the executemany stores it


def test_among_selects_the_ids_asked_for(engine):
    with engine.begin() as conn:
        pg_bulk.insert_rows(conn, THINGS, [{"id": f"r{n}"} for n in range(600)])
        wanted = {f"r{n}" for n in range(0, 600, 3)} | {"absent"}
        found = set(conn.execute(select(THINGS.c.id).where(pg_bulk.among(conn, THINGS.c.id, wanted))).scalars())
        assert found == wanted - {"absent"}
        assert not list(conn.execute(select(THINGS.c.id).where(pg_bulk.among(conn, THINGS.c.id, []))))


def test_seqs_are_drawn_ascending_and_distinct(engine):
    if engine.dialect.name != "postgresql":
        pytest.skip("a serial column's sequence is PostgreSQL's")
    serial = Table("bulk_serial", MetaData(), Column("seq", Integer, primary_key=True, autoincrement=True))
    serial.create(engine)
    with engine.begin() as conn:
        first = pg_bulk.next_seqs(conn, serial, "seq", 500)
        second = pg_bulk.next_seqs(conn, serial, "seq", 3)
        conn.execute(text("INSERT INTO bulk_serial DEFAULT VALUES"))
        after = conn.execute(text("SELECT max(seq) FROM bulk_serial")).scalar_one()
    assert first == sorted(set(first)) and len(first) == 500
    assert second[0] > first[-1] and after > second[-1]
