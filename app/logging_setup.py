"""Logging to a rotating file (and stderr), so a shift's problems can be read later."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path


def setup_logging(level: str, log_file: Path, *, to_stderr: bool = True) -> Path | None:
    root = logging.getLogger()
    root.setLevel(level)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    for handler in list(root.handlers):
        root.removeHandler(handler)
    written: Path | None = None
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        fh = logging.handlers.RotatingFileHandler(
            log_file, maxBytes=5 * 1024 * 1024, backupCount=10, encoding="utf-8"
        )
        fh.setFormatter(fmt)
        root.addHandler(fh)
        written = log_file
    except OSError as exc:
        # A read-only or full disk must not stop the program from starting.
        logging.basicConfig(level=level)
        logging.getLogger(__name__).warning("cannot write log file %s: %s", log_file, exc)
    if to_stderr:
        sh = logging.StreamHandler()
        sh.setFormatter(fmt)
        sh.setLevel(logging.WARNING if level != "DEBUG" else logging.DEBUG)
        root.addHandler(sh)
    return written
