"""What every export and print in the views calls so the platform's audit
hears of it (services/audit/local_events.py): an outbox operation written on
the mirror writer, sent at the next exchange. The composition root installs
the recorder; without one (a panel built alone in a test) nothing is recorded."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QWidget

from services.audit.contract import EXPORT, PRINT

log = logging.getLogger(__name__)
_installed: tuple | None = None  # (TaskRunner, LocalAudit)


def install(runner, local_audit) -> None:
    global _installed
    _installed = (runner, local_audit) if local_audit is not None else None


def exported(parent: QWidget | None, what: str, target: str = "", *, entity: str = "", entity_id: str = "",
             count: int = 0) -> None:
    """After a file was written: `what` it was (report_pdf, cap, geojson ...), the file's path or name."""
    _record(parent, EXPORT, what, target, entity, entity_id, count)


def printed(parent: QWidget | None, what: str, target: str = "", *, entity: str = "", entity_id: str = "",
            count: int = 0) -> None:
    """After a document went to a printer (`target`: the printer's name)."""
    _record(parent, PRINT, what, target, entity, entity_id, count)


def _record(parent, action: str, what: str, target: str, entity: str, entity_id: str, count: int) -> None:
    if _installed is None:
        return
    from views.common.gui_op import GuiOp

    runner, local_audit = _installed
    GuiOp(parent, runner, local_audit.record, action, what, entity, entity_id, target, count) \
        .failure(lambda exc: log.warning("the %s of %s was not recorded for the audit: %s", action, what, exc)) \
        .run()
