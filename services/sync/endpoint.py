"""A platform endpoint the client exchanges with (HQ, the backup site), as the
config names it and the sync engine uses it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Endpoint:
    url: str
    username: str
    password: str
    name: str = ""
    # Where the password came from: keyring, env, file (the officer must accept it), or "" (ask).
    password_source: str = ""
