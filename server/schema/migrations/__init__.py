"""The platform's Alembic script folder (env.py, script.py.mako, versions/), run by
server/schema on a connection it hands in."""
