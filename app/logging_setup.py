"""Logging to a rotating file (and stderr), so a shift's problems can be read later.
The log says what the watch room handled: it is created 0600 in a 0700 folder
(when this program creates the folder), and so is every file rotation opens;
log files an older version left readable to others are tightened."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from offline_cache.file_modes import open_private, private_dir, tighten


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A RotatingFileHandler whose files (the first, and each after a rollover) are 0600."""

    def _open(self):
        return open_private(Path(self.baseFilename), self.mode, encoding=self.encoding)


def setup_logging(level: str, log_file: Path, *, to_stderr: bool = True) -> Path | None:
    root = logging.getLogger()
    root.setLevel(level)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s")
    for handler in list(root.handlers):
        root.removeHandler(handler)
    written: Path | None = None
    try:
        private_dir(log_file.parent)
        for old in [log_file, *log_file.parent.glob(log_file.name + ".*")]:
            tighten(old)
        fh = PrivateRotatingFileHandler(
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
