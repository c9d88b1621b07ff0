"""Set-based statements for a batch's hundreds of rows, short enough to run
under the platform's write lock (server/app.py write_locked).

On PostgreSQL a row set goes in as one JSON text (`json_populate_recordset`)
and an id set as one array (`= ANY`): one placeholder whatever the batch size.
The plain forms (an executemany, `IN (:1, ..., :500)`) cost a message per row
or a statement text psycopg has to parse anew for every batch size, which was
about half of a 500-op batch's time under the lock (issue 20's profile, README).
SQLite, whose writer holds the database lock anyway, keeps the plain forms.
Imports nothing of the project, so every feature can use it."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, any_, bindparam, insert, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Session


def _conn(target: Session | Connection) -> Connection:
    return target.connection() if isinstance(target, Session) else target


def is_postgres(target: Session | Connection) -> bool:
    return _conn(target).dialect.name == "postgresql"


def among(target: Session | Connection, column: Any, values: Collection[Any]) -> ColumnElement[bool]:
    """`column IN values`: on PostgreSQL `column = ANY(:array)`, one parameter."""
    if not is_postgres(target):
        return column.in_(list(values))
    return column == any_(bindparam(None, list(values), type_=ARRAY(column.type)))


def insert_rows(target: Session | Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Inserts `rows` (column name -> value) in one statement on PostgreSQL. A
    column a row leaves out gets what the ORM's bulk insert would give it: its
    scalar default, or NULL for a nullable column with no default; anything
    else (a callable or server default, an unknown name) goes the plain way."""
    if not rows:
        return
    conn = _conn(target)
    names = list(dict.fromkeys(name for row in rows for name in row))
    names += [c.name for c in table.columns if c.name not in names and c.default is not None]
    columns = _columns(table, names, rows) if is_postgres(conn) else None
    if columns is None:
        _plain(conn, table, rows)
        return
    # One JSON text for the lot, encoded in C and decoded by PostgreSQL into the
    # table's row type: cheaper here than an array per column, dumped in Python.
    try:
        records = json.dumps([dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)],
                             ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    except (TypeError, ValueError):  # a value JSON does not carry as it is (a time object, NaN)
        _plain(conn, table, rows)
        return
    preparer = conn.dialect.identifier_preparer
    table_name, listed = preparer.format_table(table), ", ".join(preparer.quote(name) for name in names)
    conn.execute(text(f"INSERT INTO {table_name} ({listed}) SELECT {listed} "  # noqa: S608 - names from the schema
                      f"FROM json_populate_recordset(NULL::{table_name}, :records)"), {"records": records})


def _columns(table: Table, names: list[str], rows: Sequence[Mapping[str, Any]]) -> list[list[Any]] | None:
    """The values of each of `names`, row by row, or None when one cannot be known here."""
    columns: list[list[Any]] = []
    for name in names:
        if name not in table.c:
            return None
        column = table.c[name]
        if all(name in row for row in rows):
            columns.append([row[name] for row in rows])
            continue
        if column.default is not None and getattr(column.default, "is_scalar", False):
            fallback = column.default.arg
        elif column.default is None and column.server_default is None and column.nullable:
            fallback = None
        else:
            return None
        columns.append([row.get(name, fallback) for row in rows])
    return columns


def _plain(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """An executemany per run of rows with the same columns (as the ORM's bulk insert)."""
    start = 0
    while start < len(rows):
        keys = rows[start].keys()
        end = start + 1
        while end < len(rows) and rows[end].keys() == keys:
            end += 1
        conn.execute(insert(table), [dict(row) for row in rows[start:end]])
        start = end


def next_seqs(target: Session | Connection, table: Table, column: str, count: int) -> list[int]:
    """`count` values of a serial column's sequence, ascending (PostgreSQL only):
    the caller writes them in its order, so no guarantee on the order a
    multi-row INSERT draws its defaults is needed."""
    conn = _conn(target)
    values = conn.execute(text("SELECT nextval(pg_get_serial_sequence(:t, :c)) FROM generate_series(1, :n)"),
                          {"t": table.name, "c": column, "n": count}).scalars().all()
    return sorted(values)
