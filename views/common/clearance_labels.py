"""What the views say about 密级 (services/clearance.py): the level names the
platform gave this workstation, the choice a form offers (公开 up to the
workstation's clearance, never above: the platform would refuse it) and the
badge text (none for 公开)."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from services.clearance import PUBLIC, name_of

translate = QCoreApplication.translate


class Levels:
    """The levels this workstation may mark and see, and their names."""

    def __init__(self, clearance: int, names: dict[int, str]):
        self.clearance, self.names = clearance, dict(names)

    def name(self, level: int) -> str:
        return name_of(level, self.names)

    def badge(self, level: int) -> tuple[str, int] | None:
        """(text, rank) of the badge a list shows; None for 公开."""
        return (self.name(level), level) if level > PUBLIC else None

    def badge_text(self, level: int) -> str:
        """The badge a list shows ("" for 公开; a value that is no level shows none
        rather than failing inside a paint)."""
        return self.name(level) if isinstance(level, int) and level > PUBLIC else ""

    def offered(self) -> list[int]:
        return list(range(PUBLIC, self.clearance + 1))


class LevelCombo(QComboBox):
    """公开 up to the workstation's clearance; the record's level preselected."""

    def __init__(self, levels: Levels, current: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("level_combo")
        for level in levels.offered():
            self.addItem(levels.name(level), level)
        self.setToolTip(translate("Clearance", "Classification level: who may see this record. "
                                               "You can mark it up to your own clearance."))
        found = self.findData(min(current, levels.clearance))
        self.setCurrentIndex(max(found, 0))

    def level(self) -> int:
        return int(self.currentData())


def field_label() -> str:
    return translate("Clearance", "Classification")


def problem_message(code: str) -> str:
    if code == "above_clearance":
        return translate("Clearance", "This classification is above the clearance of this workstation "
                                      "or account; choose a lower one.")
    return translate("Clearance", "The classification is not valid.")


def marking(levels: Levels, level: int) -> str:
    """The marking a report carries on every page, "内部" / "秘密" ("" for 公开)."""
    return levels.name(level) if level > PUBLIC else ""


def purge_notice(purged: int, purged_at: datetime | None, tz: tzinfo) -> str:
    """What the status bar says after the mirror dropped records its workstation
    may no longer hold (services/sync/clearance_purge.py); "" when none was."""
    if not purged or purged_at is None:
        return ""
    return (translate("Clearance", "%1 records above this workstation's clearance removed at %2")
            .replace("%1", str(purged)).replace("%2", purged_at.astimezone(tz).strftime("%H:%M")))
