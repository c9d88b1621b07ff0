"""轮巡: which group to tour and how long each page stays on the wall."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox

from services.video.tour import DWELL_MAX_S, DWELL_MIN_S


class TourDialog(QDialog):
    def __init__(self, groups: dict[str, tuple[int, int]], parent=None, *, dwell_s: int = 15):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Camera tour"))
        self.setObjectName("tour_dialog")
        self.group_combo = QComboBox(objectName="tour_group")
        for path, (_total, online) in sorted(groups.items()):
            if online:
                label = path or self.tr("All cameras")
                self.group_combo.addItem(self.tr("%1 (%2 online)").replace("%1", label).replace("%2", str(online)),
                                         path)
        self.dwell = QSpinBox(objectName="tour_dwell", minimum=DWELL_MIN_S, maximum=DWELL_MAX_S, value=dwell_s)
        self.dwell.setSuffix(self.tr(" s"))
        form = QFormLayout(self)
        form.addRow(self.tr("Group"), self.group_combo)
        form.addRow(self.tr("Each page for"), self.dwell)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Start tour"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.group_combo.count() > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @property
    def group(self) -> str:
        return self.group_combo.currentData() or ""
