"""The passphrase asked at start for an encrypted mirror, and the GUI's refusal in
Chinese when the passphrase is wrong (the program stops, the file untouched)."""

from __future__ import annotations

import os

from PySide6.QtWidgets import QDialog

from app.mirror_unlock_dialog import PassphraseDialog, ask_passphrase, mirror_key_message

SHOTS = os.environ.get("WATCHROOM_SHOTS")  # a folder: the dialogs are saved there to look at


def shot(widget, name: str) -> None:
    if SHOTS:
        widget.grab().save(os.path.join(SHOTS, name))


def test_new_passphrase_needs_length_and_the_same_twice(qtbot, qapp):
    from app.i18n import install_language

    translators = install_language(qapp, "zh_CN")
    try:
        dialog = PassphraseDialog(new=True)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.first.setText("short")
        dialog.second.setText("short")
        dialog._accept()
        assert "至少 8 个字符" in dialog.problem.text() and dialog.result() != QDialog.DialogCode.Accepted
        dialog.first.setText("shelter laptop 7")
        dialog.second.setText("shelter laptop 8")
        dialog._accept()
        assert dialog.problem.text() == "两次输入的口令不一致。"
        shot(dialog, "mirror_passphrase_new.png")
        dialog.second.setText("shelter laptop 7")
        dialog._accept()
        assert dialog.result() == QDialog.DialogCode.Accepted and dialog.passphrase() == "shelter laptop 7"
        unlock = PassphraseDialog(new=False)
        qtbot.addWidget(unlock)
        unlock.show()
        assert unlock.windowTitle() == "本地镜像口令" and not unlock.second.isVisible()
        shot(unlock, "mirror_passphrase_unlock.png")
        assert mirror_key_message("wrong_key").startswith("口令或密钥错误")
        assert "系统密钥环" in mirror_key_message("no_keyring")
    finally:
        for tr in translators:
            qapp.removeTranslator(tr)


def test_environment_passphrase_skips_the_dialog(monkeypatch):
    monkeypatch.setenv("WATCHROOM_MIRROR_PASSPHRASE", "from the unit file")
    assert ask_passphrase(new=True) == "from the unit file"


def test_program_starts_on_an_encrypted_mirror_with_demo_data(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    cfg = tmp_path / "config.toml"
    cfg.write_text('config_version = 1\n[site]\ncode = "CQ"\n[mirror]\npath = "mirror.db"\n'
                   'encryption = "passphrase"\n[logging]\nfile = "watchroom.log"\n', encoding="utf-8")
    shot_path = Path(SHOTS or tmp_path) / "encrypted_demo.png"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WATCHROOM_MIRROR_PASSPHRASE="demo passphrase")
    result = subprocess.run([sys.executable, "-m", "app", "--config", str(cfg), "--demo", "--screenshot",
                             str(shot_path)], cwd=Path(__file__).resolve().parents[2], env=env,
                            capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stdout + result.stderr
    assert shot_path.stat().st_size > 20_000
    assert not (tmp_path / "mirror.db").read_bytes().startswith(b"SQLite format 3")
    assert (tmp_path / "mirror.db.key.json").exists()


def test_wrong_passphrase_stops_the_client_before_any_window(tmp_path, monkeypatch):
    import pytest

    from app.composition import build_context
    from app.config import AppConfig
    from offline_cache.mirror_key import MirrorKeyError

    config = AppConfig(path=tmp_path / "c.toml", mirror_path=tmp_path / "m.db", mirror_encryption="passphrase")
    build_context(config, ask_passphrase=lambda new: "right passphrase").close()
    with pytest.raises(MirrorKeyError) as err:
        build_context(config, ask_passphrase=lambda new: "wrong passphrase")
    assert err.value.reason == "wrong_key"
    assert (tmp_path / "m.db").exists() and not list(tmp_path.glob("m.corrupt-*"))


def test_a_wrong_passphrase_typed_in_the_dialog_is_asked_again(qapp, tmp_path, monkeypatch):
    from types import SimpleNamespace

    import app.mirror_unlock_dialog as dialog_module
    from offline_cache.mirror_key import MirrorKeyError

    monkeypatch.delenv("WATCHROOM_MIRROR_PASSPHRASE", raising=False)
    typed = iter(["first try", "second try", "third try"])
    monkeypatch.setattr(dialog_module, "ask_passphrase", lambda new: next(typed))
    boxes = []
    monkeypatch.setattr(dialog_module.QMessageBox, "warning", lambda *a: boxes.append(("warning", a[2])))
    monkeypatch.setattr(dialog_module.QMessageBox, "critical", lambda *a: boxes.append(("critical", a[2])))

    def build(config, ask_passphrase):
        if ask_passphrase(False) != "second try":
            raise MirrorKeyError("wrong_key")
        return "context"

    config = SimpleNamespace(mirror_path=tmp_path / "m.db")
    assert dialog_module.build_unlocked(build, config) == "context"
    assert [kind for kind, _ in boxes] == ["warning"]
    typed = iter(["a", "b", "c"])
    boxes.clear()
    assert dialog_module.build_unlocked(build, config) is None
    assert [kind for kind, _ in boxes] == ["warning", "warning", "critical"]
