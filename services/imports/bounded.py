"""Running a parser where a hostile file cannot hurt the program.

A Python thread cannot be interrupted, so a parser that loops or swallows
memory on a reader thread would hold the program hostage. The parser runs in a
child process instead: a fresh interpreter (`python -I -m services.imports.child`,
never a fork of the Qt process) that limits its own address space, CPU time and
the size of any file it writes before it calls the parser, and that is killed
when it runs past its wall-clock time. Its answer comes back as JSON (plain
data, never pickle) through a private temporary file, whose size the child's
file limit bounds.

Over budget: OverBudget with code "timeout", "too_large" (memory, or a file
larger than allowed) or "unreadable" (the parser failed in a way nobody
foresaw: the reason goes to the log, the officer gets a sentence)."""

from __future__ import annotations

import json
import logging
import math
import os
import signal
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from services.imports.child import EXIT_FILE_TOO_LARGE

log = logging.getLogger(__name__)
MiB = 1024 * 1024
FAILURES = ("timeout", "too_large", "unreadable")
MAX_ANSWER_BYTES = 1024 * MiB


@dataclass(frozen=True)
class Budget:
    seconds: float = 60.0  # wall clock, the child's start included
    memory_bytes: int = 1536 * MiB  # the child's address space (RLIMIT_AS)
    file_bytes: int = 256 * MiB  # the largest file the child may write, its answer included (RLIMIT_FSIZE)


class OverBudget(Exception):
    """The parser did not finish within its budget (code: timeout, too_large or unreadable)."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


# A frozen build (packaging/) has no `python -c`: its own program runs the child
# when given this as its only argument (packaging/entry_client.py).
FROZEN_CHILD_ARG = "--watchroom-bounded-child"


def child_command() -> list[str]:
    """-I: no PYTHON* variables, no user site, not the current folder on sys.path;
    the folder this program's packages were imported from is put first instead."""
    if getattr(sys, "frozen", False):
        return [sys.executable, FROZEN_CHILD_ARG]
    root = str(Path(__file__).resolve().parents[2])
    code = f"import sys; sys.path.insert(0, {root!r}); from services.imports.child import main; main()"
    return [sys.executable, "-I", "-c", code]


_SIGNALS = {signal.SIGXFSZ: "too_large", signal.SIGXCPU: "timeout", signal.SIGKILL: "too_large"}


def run_bounded(target: str, *args: Any, budget: Budget = Budget()) -> Any:
    """`target` ("package.module:function") called with `args` (JSON-able) in a
    child process; returns what it returned (JSON-able) or raises OverBudget."""
    request = json.dumps({
        "target": target, "args": list(args), "memory_bytes": int(budget.memory_bytes),
        "cpu_seconds": math.ceil(budget.seconds) + 1, "file_bytes": int(budget.file_bytes),
    }).encode("utf-8")
    with tempfile.TemporaryFile() as answer, tempfile.TemporaryFile() as errors:
        try:
            proc = subprocess.Popen(child_command(), stdin=subprocess.PIPE, stdout=answer, stderr=errors,
                                    close_fds=True)
        except OSError as exc:
            raise OverBudget("unreadable", f"the checker did not start: {exc}") from exc
        try:
            proc.communicate(request, timeout=budget.seconds)
        except subprocess.TimeoutExpired:
            raise OverBudget("timeout", f"still running after {budget.seconds:g} s") from None
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        size = os.fstat(answer.fileno()).st_size
        if size > min(budget.file_bytes, MAX_ANSWER_BYTES):
            raise OverBudget("too_large", f"an answer of {size} bytes")
        answer.seek(0)
        data = answer.read(size)
        errors.seek(0)
        stderr = errors.read(4000).decode("utf-8", "replace")
    return _reply(target, proc.returncode, data, stderr)


def _reply(target: str, returncode: int, data: bytes, stderr: str) -> Any:
    if returncode == EXIT_FILE_TOO_LARGE:
        raise OverBudget("too_large", "an answer over the file budget")
    if returncode < 0:
        code = _SIGNALS.get(-returncode, "unreadable")
        log.warning("bounded %s ended by signal %s (%s) %s", target, -returncode, code, stderr[-1000:])
        raise OverBudget(code, f"signal {-returncode}")
    try:
        reply = json.loads(data.decode("utf-8")) if data else None
    except (ValueError, RecursionError):
        reply = None
    if not isinstance(reply, dict) or not ("value" in reply or "failure" in reply):
        log.warning("bounded %s gave no answer (exit %s): %s", target, returncode, stderr[-1000:])
        raise OverBudget("unreadable", f"exit {returncode}")
    if "failure" in reply:
        code = reply["failure"] if reply["failure"] in FAILURES else "unreadable"
        detail = str(reply.get("detail", ""))[-2000:]
        (log.warning if code == "unreadable" else log.info)("bounded %s: %s %s", target, code, detail)
        raise OverBudget(code, detail)
    return reply["value"]


def plain_result(result) -> dict:
    """An importer's result as JSON-able data, in the child (dataclasses.asdict
    deep-copies every record: a quarter of a second for 10,000 rows)."""
    return {"records": result.records, "errors": [dict(vars(e)) for e in result.errors],
            "file_error": result.file_error}


def bounded_import(target: str, args: list, result_type: type, error_type: type, budget: Budget):
    """An importer's checked result (records, errors, file_error) computed by
    `target` in a child process; over budget, a result with that file_error and
    nothing to import."""
    try:
        plain = run_bounded(target, *args, budget=budget)
        return result_type(records=[dict(r) for r in plain["records"]],
                           errors=[error_type(**e) for e in plain["errors"]],
                           file_error=str(plain["file_error"]))
    except OverBudget as over:
        return result_type(file_error=over.code)
    except (KeyError, TypeError, ValueError):
        log.warning("bounded %s answered a malformed result", target)
        return result_type(file_error="unreadable")
