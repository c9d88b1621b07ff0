"""由此新建事件: the call-intake form opened from a warning, with source 系统监测,
the warning's headline as title, its area's centre as the position, its area
descriptions as the place and its onset as the time. The officer checks it and
logs it as any incident; the warning is then linked to it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import tzinfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone

from services.incidents.model import Category, Source
from services.incidents.validation import BODY_MAX, PLACE_MAX, TITLE_MAX
from services.warnings.model import EarlyWarning

CATEGORY_OF = {"Geo": Category.NATURAL, "Met": Category.NATURAL, "Env": Category.NATURAL,
               "Fire": Category.ACCIDENT, "Transport": Category.ACCIDENT, "Infra": Category.ACCIDENT,
               "CBRNE": Category.ACCIDENT, "Safety": Category.ACCIDENT, "Rescue": Category.ACCIDENT,
               "Health": Category.PUBLIC_HEALTH, "Security": Category.SOCIAL_SAFETY}


def centre(warning: EarlyWarning) -> tuple[float, float] | None:
    """The first circle's centre, else the mean of the first polygon's vertices."""
    for area in warning.areas:
        if area.circles:
            return area.circles[0].lat, area.circles[0].lon
    for area in warning.areas:
        for ring in area.polygons:
            points = ring[:-1] if len(ring) > 1 and ring[0] == ring[-1] else ring
            if points:
                return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)
    return None


def _choose(combo, value) -> None:
    for index in range(combo.count()):
        if combo.itemData(index) == value:
            combo.setCurrentIndex(index)
            return


def fill_intake(dialog, warning: EarlyWarning, tz: tzinfo) -> None:
    dialog.title_edit.setText((warning.headline or warning.event)[:TITLE_MAX])
    category = CATEGORY_OF.get(warning.cap_category)
    if category is not None:
        _choose(dialog.category_combo, category.value)
    _choose(dialog.source_combo, Source.SYSTEM)
    dialog.place_edit.setText("、".join(a.description for a in warning.areas if a.description)[:PLACE_MAX])
    point = centre(warning)
    if point is not None:
        dialog.set_position(*point)
    when = (warning.onset or warning.effective or warning.sent).astimezone(tz)
    dialog.occurred_edit.setDateTime(QDateTime(QDate(when.year, when.month, when.day),
                                               QTime(when.hour, when.minute, when.second), QTimeZone.utc()))
    summary = "\n".join(t for t in (warning.headline, warning.description, warning.instruction) if t)
    dialog.summary_edit.setPlainText(summary[:BODY_MAX])
    dialog.reporter_edit.setText((warning.sender_name or warning.sender)[:40])


def open_intake(incidents, runner, author: str, tz: tzinfo, warning: EarlyWarning, parent,
                on_created: Callable[[str], None]):
    from views.incident_log.intake_dialog import IntakeDialog

    dialog = IntakeDialog(incidents, runner, author, tz, parent)
    fill_intake(dialog, warning, tz)
    dialog.sig_incident_created.connect(on_created)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
