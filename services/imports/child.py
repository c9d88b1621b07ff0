"""The child process of bounded.py: reads one request (JSON) on stdin, imports
the target, limits itself (address space, CPU time, file size, no core dump
of a hostile file), runs the target and writes one answer (JSON) on stdout.
Run as `python -I -m services.imports.child`; not a public command."""

from __future__ import annotations

import errno
import importlib
import json
import os
import resource
import sys
import traceback

EXIT_FILE_TOO_LARGE = 3  # the answer did not fit the file budget (Python ignores SIGXFSZ: EFBIG instead)


def _limit(kind: int, soft: int, hard: int | None = None) -> None:
    _, current = resource.getrlimit(kind)
    hard = soft if hard is None else hard
    if current != resource.RLIM_INFINITY:
        soft, hard = min(soft, current), min(hard, current)
    resource.setrlimit(kind, (soft, hard))


def limit_self(memory_bytes: int, cpu_seconds: int, file_bytes: int) -> None:
    _limit(resource.RLIMIT_CORE, 0)
    _limit(resource.RLIMIT_AS, memory_bytes)
    _limit(resource.RLIMIT_CPU, cpu_seconds, cpu_seconds + 5)  # SIGXCPU, then SIGKILL
    _limit(resource.RLIMIT_FSIZE, file_bytes)


def main() -> None:
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    module, _, name = request["target"].partition(":")
    function = getattr(importlib.import_module(module), name)
    limit_self(request["memory_bytes"], request["cpu_seconds"], request["file_bytes"])
    try:
        out = json.dumps({"value": function(*request["args"])}, ensure_ascii=False, allow_nan=False)
    except MemoryError:
        out = json.dumps({"failure": "too_large", "detail": "over the memory budget"})
    except Exception:  # noqa: BLE001 - whatever the parser met, the parent gets a code, never a traceback
        out = json.dumps({"failure": "unreadable", "detail": traceback.format_exc(limit=-8)[-3000:]})
    try:
        sys.stdout.buffer.write(out.encode("utf-8"))
        sys.stdout.flush()
    except OSError as exc:
        if exc.errno != errno.EFBIG:
            raise
        os._exit(EXIT_FILE_TOO_LARGE)


if __name__ == "__main__":
    main()
