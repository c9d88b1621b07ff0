"""Every table the platform's code declares, for comparing with the revisions
(tests/server/test_schema.py, server/schema/draft.py). Apart from server/schema
so that the schema upgrade, which server/db.py runs, never imports the models."""

from __future__ import annotations

import importlib
import pkgutil

from sqlalchemy import MetaData


def model_metadata() -> MetaData:
    """Each server module is imported (a table in any of them counts), then the one
    declarative metadata they share is returned."""
    import server
    from server.db import Base

    for module in pkgutil.walk_packages(server.__path__, "server."):
        if not module.name.startswith("server.schema"):
            importlib.import_module(module.name)
    return Base.metadata
