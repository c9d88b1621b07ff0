"""Checking one CAP file inside the bounded child process (services/imports/bounded.py):
the file read with a size limit, check_document run on it, and the result as
plain JSON (warnings in their wire form), so a hostile file can only cost the
child its budget. `known`: the record ids of the messages the mirror has
(an Update's reference is known when its id is among them)."""

from __future__ import annotations

from typing import Any

from services.warnings.wire import record_of, reference_id

MAX_FILE_BYTES = 10 * 1024 * 1024 + 1  # one past the intake's limit, so it says "too large"


def check_file(path: str, known: list[str], trust: str = "") -> dict[str, Any]:
    """`trust`: the PEM file of CA certificates a signature must chain to ([warnings] trust), "" for none."""
    from pathlib import Path

    from services.warnings.cap_check import check_document

    with open(path, "rb") as f:
        data = f.read(MAX_FILE_BYTES)
    ids = frozenset(known)
    result = check_document(data, source_name=path.rsplit("/", 1)[-1], known=lambda ref: reference_id(ref) in ids,
                            trust=Path(trust) if trust else None)
    return {
        "valid": result.valid, "refused": result.refused,
        "errors": [str(f) for f in result.errors], "recommendations": [str(f) for f in result.recommendations],
        "warnings": [record_of(w) for w in result.warnings],
    }  # fmt: skip
