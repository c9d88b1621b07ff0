"""Reference platform server (FastAPI): the other end of the sync contract."""
