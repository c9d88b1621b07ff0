"""`python -m server.schema.draft "what changes"` (or `make schema-revision MSG=...`):
writes a draft revision in server/schema/migrations/versions/, numbered after the head, with
what the models declare and the revisions do not make yet. Alembic compares the
models with a scratch SQLite database upgraded to the head (or --db URL, e.g. a
scratch PostgreSQL one). A draft is a start: read it, write the data migration
it cannot guess, and test it (tests/server/test_schema.py)."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from sqlalchemy import create_engine

from server.schema import ALEMBIC_RUN, alembic_config, head_revision, upgrade
from server.schema.models import model_metadata


def next_revision_id(head: str) -> str:
    return f"{int(head) + 1:04d}" if head else "0001"


def draft(message: str, url: str | None = None) -> Path | None:
    """The path of the draft written, None when the models add nothing."""
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    metadata = model_metadata()
    with tempfile.TemporaryDirectory(prefix="watchroom-draft-") as tmp:
        engine = create_engine(url or f"sqlite:///{Path(tmp) / 'draft.db'}")
        try:
            with engine.begin() as conn:
                upgrade(conn)
                if not compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), metadata):
                    return None
                with ALEMBIC_RUN:
                    script = command.revision(alembic_config(conn, metadata=metadata), message=message,
                                              autogenerate=True, rev_id=next_revision_id(head_revision()))
        finally:
            engine.dispose()
    return Path(script.path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m server.schema.draft", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("message", help="what the revision changes, a few words (names the file)")
    parser.add_argument("--db", default=None, help="a scratch database URL to compare on (default: SQLite)")
    args = parser.parse_args(argv)
    written = draft(args.message, args.db)
    print(written or "the models and the revisions agree: nothing to draft")
    return 0


if __name__ == "__main__":
    sys.exit(main())
