"""Plain executemany inserts for pages of rows: the ORM's per-row bookkeeping
costs more than SQLite's own work when a catch-up writes thousands of rows."""

from __future__ import annotations

from sqlalchemy.orm import Session


def insert_many(s: Session, table: str, rows: list[dict]) -> None:
    columns = list(rows[0])
    quoted = ", ".join(f'"{c}"' for c in columns)  # a column may be a keyword (warnings.references)
    sql = f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' * len(columns))})"
    s.connection().exec_driver_sql(sql, [tuple(r[c] for c in columns) for r in rows])
