"""The whole program starts in Chinese with demo data and draws its main window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def write_config(tmp_path: Path) -> Path:
    cfg = tmp_path / "config.toml"
    cfg.write_text(
        'config_version = 1\n[site]\ncode = "CQ"\n[operator]\nname = "值班员 测试"\n'
        '[mirror]\npath = "mirror.db"\n[logging]\nfile = "watchroom.log"\n',
        encoding="utf-8",
    )
    return cfg


def test_program_starts_with_demo_data_and_saves_a_screenshot(tmp_path):
    shot = tmp_path / "shot.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "app", "--config", str(write_config(tmp_path)), "--demo",
         "--screenshot", str(shot)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert shot.exists() and shot.stat().st_size > 20_000
    assert (tmp_path / "mirror.db").exists()
    assert (tmp_path / "watchroom.log").exists()


def test_bad_config_file_exits_with_a_message(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[ui]\nlanguage = 'fr'\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "app", "--config", str(bad)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "配置文件有误" in result.stderr


@pytest.fixture
def chinese(qapp):
    from app.i18n import install_language
    from app.i18n_build import build

    build()
    from PySide6.QtCore import QLocale

    before = QLocale()
    translators = install_language(qapp, "zh_CN")
    yield
    for tr in translators:
        qapp.removeTranslator(tr)
    QLocale.setDefault(before)


def test_main_window_is_in_chinese_and_lists_demo_incidents(qtbot, tmp_path, chinese):
    from app.composition import build_context, seed_demo_if_empty
    from app.config import load_config
    from app.main_window import MainWindow

    ctx = build_context(load_config(write_config(tmp_path)))
    try:
        assert seed_demo_if_empty(ctx, count=60) == 60
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.show()
        assert window.windowTitle() == "应急值守指挥调度客户端"
        assert "离线" in window.network_label.text()
        qtbot.waitUntil(lambda: window.incident_log.table.model().rowCount() == 60, timeout=5000)
        assert window.overview.count_labels
        window.close()
    finally:
        ctx.close()


def test_f2_opens_call_intake_from_anywhere_in_the_window(qtbot, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from app.composition import build_context
    from app.config import load_config
    from app.main_window import MainWindow
    from views.incident_log.intake_dialog import IntakeDialog

    ctx = build_context(load_config(write_config(tmp_path)))
    try:
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        with qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        window.overview.due_list.setFocus()
        qtbot.keyClick(window.overview.due_list, Qt.Key.Key_F2)
        qtbot.waitUntil(
            lambda: any(isinstance(w, IntakeDialog) and w.isVisible()
                        for w in QApplication.topLevelWidgets()),
            timeout=3000,
        )
        for w in QApplication.topLevelWidgets():
            if isinstance(w, IntakeDialog):
                w.close()
        window.close()
    finally:
        ctx.close()
