"""Runs blocking service calls off the Qt thread and hands results back on it.

Writes go through one single-thread executor so the mirror has a single writer
and operations keep their order; reads use a small pool. Callbacks never leave
the GUI thread: workers only see a token, so a dialog's last reference can
never be dropped (and the dialog deleted) on a worker thread."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal
from shiboken6 import Shiboken

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


def _alive(obj: object) -> bool:
    """False for a Qt object whose C++ side has been deleted (a closed panel)."""
    return not isinstance(obj, QObject) or Shiboken.isValid(obj)


class _Delivery(QObject):
    # Emitted from a worker thread; Qt queues it onto the thread this object lives in.
    sig_done = Signal(int, object, bool)  # token, value or exception, is_error


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="mirror-writer")
        self._readers = ThreadPoolExecutor(2, thread_name_prefix="mirror-reader")
        self._delivery = _Delivery(self)
        self._delivery.sig_done.connect(self._on_done)
        self._tokens = itertools.count(1)
        self._callbacks: dict[int, tuple[Callback | None, Callback | None, QObject | None]] = {}
        self._closed = False

    @property
    def writer_executor(self) -> ThreadPoolExecutor:
        """The single mirror writer, shared with the sync engine."""
        return self._writer

    @property
    def busy(self) -> bool:
        return bool(self._callbacks)

    def write(self, fn: Callable[..., Any], *args: Any, on_done: Callback | None = None,
              on_error: Callback | None = None, owner: QObject | None = None,
              **kwargs: Any) -> Future:
        """`owner`: the widget the callbacks belong to; if it is gone when the
        result arrives, the callbacks are skipped (the write itself still happened)."""
        return self._submit(self._writer, fn, args, kwargs, on_done, on_error, owner)

    def read(self, fn: Callable[..., Any], *args: Any, on_done: Callback | None = None,
             on_error: Callback | None = None, owner: QObject | None = None,
             **kwargs: Any) -> Future:
        return self._submit(self._readers, fn, args, kwargs, on_done, on_error, owner)

    def _submit(self, pool, fn, args, kwargs, on_done, on_error, owner) -> Future:
        if self._closed:  # a timer firing while the program shuts down
            future: Future = Future()
            future.cancel()
            return future
        token = next(self._tokens)
        future = pool.submit(fn, *args, **kwargs)
        self._callbacks[token] = (on_done, on_error, owner)
        emit = self._delivery.sig_done.emit

        def finished(f: Future) -> None:
            exc = f.exception()
            if exc is not None:
                emit(token, exc, True)
            else:
                emit(token, f.result(), False)

        future.add_done_callback(finished)
        return future

    def _on_done(self, token: int, value: object, is_error: bool) -> None:
        on_done, on_error, owner = self._callbacks.pop(token, (None, None, None))
        callback = on_error if is_error else on_done
        if is_error and callback is None:
            log.error("background task failed", exc_info=value)
            return
        if callback is None or not _alive(owner) or not _alive(getattr(callback, "__self__", None)):
            return
        callback(value)

    def shutdown(self) -> None:
        self._closed = True
        self._writer.shutdown(wait=True)
        self._readers.shutdown(wait=True)
