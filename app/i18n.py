"""Installs the UI language: Simplified Chinese by default, English second."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from services.paths import RESOURCES_DIR

I18N_DIR = RESOURCES_DIR / "i18n"  # the checkout's or the bundle's (services/paths.py)
QM_NAME = "watchroom_{lang}.qm"
log = logging.getLogger(__name__)


def install_language(app: QApplication, language: str) -> list[QTranslator]:
    """Source strings are English; for zh_CN load our catalogue and Qt's own."""
    translators: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return translators
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase_zh_CN", qt_dir), (QM_NAME.format(lang=language)[:-3], str(I18N_DIR))):
        tr = QTranslator(app)
        if tr.load(name, folder):
            app.installTranslator(tr)
            translators.append(tr)
        else:
            log.warning("translation %s not found in %s", name, folder)
    return translators
