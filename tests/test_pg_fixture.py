"""The project starts its own PostgreSQL for the server tests."""

import uuid

from sqlalchemy import create_engine, text


def test_postgres_cluster_answers(postgres):
    url = postgres.create_database("t_" + uuid.uuid4().hex[:8])
    engine = create_engine(url)
    with engine.connect() as con:
        assert con.execute(text("select 1 + 1")).scalar() == 2
    engine.dispose()
