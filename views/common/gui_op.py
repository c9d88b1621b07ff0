"""One path for GUI work: run a service call on the mirror's single writer (or a
large read on a reader), then update the view on the GUI thread. Modelled on
Anki's `CollectionOp(parent, op).success(...).run_in_background()`:

    GuiOp(self, self.runner, self.dispatch.advance, order_id, status, author) \\
        .success(self._on_step_recorded).run()

- The op runs off the GUI thread, so a write waiting for the mirror (a sync
  catch-up holds it for a while) never freezes the window.
- `success(value)` and `failure(exc)` run on the GUI thread and only while
  `parent` exists: a dialog closed meanwhile gets nothing (the write happened).
- Without `failure`, a failed write is told to the officer in a message box
  over `parent`, in their words (write_error_text). Services write in one
  transaction, so a failure leaves the data as it was. A failed read without
  `failure` is logged (the view says what it could not show).
- The callbacks wait in the task runner's table, touched only on the GUI
  thread; a worker sees only the op and its arguments. So pass service methods
  and plain values as the op, never a lambda that captures a widget: a worker
  would drop the last reference to it, and Qt would delete it from there (a
  crash seen when a future held the last reference to a dialog).
- With no runner (a panel built on its own, as some tests do) the op runs at
  once on the calling thread, through the same callbacks."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMessageBox, QWidget
from shiboken6 import Shiboken

from services.errors import NotFound, StorageError, ValidationError
from views.common.labels import problem_message, storage_message
from views.common.messages import warn
from views.common.task_runner import TaskRunner

log = logging.getLogger(__name__)
T = TypeVar("T")


def write_error_text(exc: BaseException) -> str:
    """What went wrong with a write, for the officer; nothing was changed."""
    if isinstance(exc, ValidationError):
        return "\n".join(problem_message(p) for p in exc.problems)
    if isinstance(exc, StorageError):
        return storage_message(exc.problem.value)
    if isinstance(exc, NotFound):
        return QCoreApplication.translate(
            "GuiOp", "The record is no longer in the local database; nothing was changed.")
    if isinstance(exc, RuntimeError) and "shutdown" in str(exc):
        return QCoreApplication.translate("GuiOp", "The program is closing; nothing was changed.")
    log.error("write failed", exc_info=exc)
    return QCoreApplication.translate("GuiOp", "The change could not be saved: %1").replace(
        "%1", str(exc) or type(exc).__name__)


def show_write_error(parent: QWidget | None, exc: BaseException, title: str = "") -> QMessageBox:
    """A message box over `parent` that does not block (tests and timers go on)."""
    return warn(parent if isinstance(parent, QWidget) else None,
                title or QCoreApplication.translate("GuiOp", "Not saved"), write_error_text(exc))


class GuiOp(Generic[T]):
    """A write (or a large read) for a view: `.success()`, `.failure()`, then `.run()`."""

    def __init__(self, parent: QObject | None, runner: TaskRunner | None, op: Callable[..., T],
                 *args: Any, **kwargs: Any):
        self.parent, self.runner = parent, runner
        self.op, self.args, self.kwargs = op, args, kwargs
        self._success: Callable[[T], Any] | None = None
        self._failure: Callable[[BaseException], Any] | None = None
        self._title = ""
        self._read = False

    def success(self, fn: Callable[[T], Any]) -> GuiOp[T]:
        self._success = fn
        return self

    def failure(self, fn: Callable[[BaseException], Any]) -> GuiOp[T]:
        self._failure = fn
        return self

    def titled(self, title: str) -> GuiOp[T]:
        """The title of the message box a failure shows (the panel's name)."""
        self._title = title
        return self

    def as_read(self) -> GuiOp[T]:
        """On a reader rather than the writer (a large read)."""
        self._read = True
        return self

    def run(self) -> Future:
        if self.runner is None:
            return self._run_here()
        submit = self.runner.read if self._read else self.runner.write
        try:
            return submit(self.op, *self.args, on_done=self._done, on_error=self._error,
                          owner=self.parent, **self.kwargs)
        except RuntimeError as exc:  # the executor shut down while the program closes
            self._error(exc)
            future: Future = Future()
            future.set_exception(exc)
            return future

    def _run_here(self) -> Future:
        future: Future = Future()
        try:
            value = self.op(*self.args, **self.kwargs)
        except Exception as exc:  # noqa: BLE001 - handed to the failure callback, as from a worker
            future.set_exception(exc)
            self._error(exc)
            return future
        future.set_result(value)
        self._done(value)
        return future

    def _alive(self) -> bool:
        return not isinstance(self.parent, QObject) or Shiboken.isValid(self.parent)

    def _done(self, value: T) -> None:
        if self._success is not None and self._alive():
            self._success(value)

    def _error(self, exc: BaseException) -> None:
        if not self._alive():
            return
        if self._failure is not None:
            self._failure(exc)
        elif self._read:
            log.error("background read failed", exc_info=exc)
        else:
            show_write_error(self.parent if isinstance(self.parent, QWidget) else None, exc, self._title)
