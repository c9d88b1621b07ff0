"""Every user-facing string has a Simplified Chinese translation, and the
compiled catalogue loads."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "resources" / "i18n"


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    out: dict[tuple[str, str], str | None] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for msg in context.iter("message"):
            tr = msg.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete")
            out[(name, msg.findtext("source"))] = tr.text if done and tr.text else None
    return out


def test_every_source_string_is_translated_to_chinese(tmp_path):
    sources = [str(p) for d in ("app", "views", "widgets") for p in (ROOT / d).rglob("*.py")]
    extracted = tmp_path / "all.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-silent", *sources, "-ts", str(extracted)], check=True, cwd=ROOT)
    wanted = set(messages(extracted))
    translated: dict[tuple[str, str], str | None] = {}
    for ts in I18N.glob("*_zh_CN.ts"):
        translated.update({k: v for k, v in messages(ts).items() if v})
    missing = sorted(f"{ctx}: {src}" for ctx, src in wanted if not translated.get((ctx, src)))
    assert missing == [], "untranslated strings:\n" + "\n".join(missing)


def test_compiled_catalogue_translates(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from app.i18n_build import build

    build()
    tr = QTranslator()
    assert tr.load("watchroom_zh_CN", str(I18N))
    QCoreApplication.installTranslator(tr)
    try:
        assert QCoreApplication.translate("Labels", "Final report") == "终报"
        assert QCoreApplication.translate("Labels", "EXERCISE") == "演练"
    finally:
        QCoreApplication.removeTranslator(tr)
