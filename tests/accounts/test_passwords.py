"""Where the client's platform password comes from (issue 18 item 2): the OS
keyring first (a test backend here: this machine has none, which is handled),
then the variable password_env names, then the config file only once the
officer has accepted a warning (stored, asked once); the headless mirror logs
a file password and asks on the terminal when there is none."""

from __future__ import annotations

import io
import logging
from types import SimpleNamespace

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from app import sync_wiring
from app.cli import headless_passwords
from app.config import load_config
from services.accounts import credentials
from services.sync.endpoint import Endpoint

URL = "https://platform.example:8443"


class MemoryKeyring(KeyringBackend):
    """A keyring backend kept in memory: the OS one, as far as the client can tell."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.store.get((service, username))

    def set_password(self, service, username, password):
        self.store[(service, username)] = password

    def delete_password(self, service, username):
        self.store.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(before)


@pytest.fixture
def no_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(before)


def _config(tmp_path, extra: str = "") -> object:
    path = tmp_path / "watchroom.toml"
    path.write_text(f'version = 1\n[[sync.endpoint]]\nurl = "{URL}"\nusername = "duty"\n{extra}', encoding="utf-8")
    path.chmod(0o600)
    return load_config(path)


def test_the_keyring_comes_first(tmp_path, memory_keyring, monkeypatch):
    assert credentials.has_keyring() and credentials.store_password(URL, "duty", "from-keyring")
    monkeypatch.setenv("WR_PW", "from-env")
    endpoint = _config(tmp_path, 'password_env = "WR_PW"\npassword = "in-file"\n').endpoints[0]
    assert (endpoint.password, endpoint.password_source) == ("from-keyring", "keyring")
    off = _config(tmp_path, 'keyring = false\npassword_env = "WR_PW"\n').endpoints[0]
    assert (off.password, off.password_source) == ("from-env", "env")


def test_without_a_keyring_the_environment_then_the_file_then_asking(tmp_path, no_keyring, monkeypatch):
    assert not credentials.has_keyring()
    assert credentials.keyring_password(URL, "duty") == ""  # NoKeyringError: handled, nothing found
    assert not credentials.store_password(URL, "duty", "x")
    monkeypatch.setenv("WR_PW", "from-env")
    assert _config(tmp_path, 'password_env = "WR_PW"\n').endpoints[0].password_source == "env"
    monkeypatch.delenv("WR_PW")
    assert _config(tmp_path, 'password_env = "WR_PW"\npassword = "in-file"\n').endpoints[0].password == ""
    in_file = _config(tmp_path, 'password = "in-file"\n').endpoints[0]
    assert (in_file.password, in_file.password_source) == ("in-file", "file")
    asked = _config(tmp_path).endpoints[0]
    assert (asked.password, asked.password_source) == ("", "")


def test_a_broken_keyring_is_treated_as_absent(tmp_path, memory_keyring, monkeypatch):
    def broken(*_args):
        raise RuntimeError("D-Bus is gone")

    monkeypatch.setattr(memory_keyring, "get_password", broken)
    assert credentials.keyring_password(URL, "duty") == ""


class _Mirror:
    def __init__(self):
        self.values: dict[str, str] = {}

    def meta(self, key):
        return self.values.get(key)

    def set_meta(self, items):
        self.values.update(items)


def test_a_file_password_is_used_only_once_accepted_and_asked_once(tmp_path, monkeypatch):
    asked: list[str] = []
    answer = {"accept": False}

    def accept(_parent, path):
        asked.append(path)
        return answer["accept"]

    monkeypatch.setattr("views.accounts.file_password.accept_file_password", accept)
    ctx = SimpleNamespace(config=SimpleNamespace(path=tmp_path / "w.toml"), mirror=_Mirror())
    controller = SimpleNamespace(ctx=ctx, window=None)
    endpoints = [Endpoint(URL, "duty", "in-file", "", "file"), Endpoint(URL + "/b", "duty", "kr", "", "keyring")]
    declined = sync_wiring.SyncController.vetted(controller, endpoints)
    assert [e.password for e in declined] == ["", "kr"]  # asked at log-in instead
    answer["accept"] = True
    assert [e.password for e in sync_wiring.SyncController.vetted(controller, endpoints)] == ["in-file", "kr"]
    assert sync_wiring.SyncController.vetted(controller, endpoints)[0].password == "in-file"
    assert len(asked) == 2  # declined once, accepted once, then stored: never again
    assert sync_wiring.SyncController.vetted(controller, endpoints[1:]) == endpoints[1:]


class _Tty(io.StringIO):
    def isatty(self):
        return True


def test_the_headless_mirror_logs_a_file_password_and_asks_on_the_terminal(monkeypatch, caplog, capsys):
    in_file = Endpoint(URL, "duty", "in-file", "hq", "file")
    with caplog.at_level(logging.WARNING):
        assert headless_passwords([in_file], io.StringIO()) == [in_file]
    assert "config file" in caplog.text and "配置文件" in capsys.readouterr().err
    missing = Endpoint(URL, "duty", "", "hq", "")
    assert headless_passwords([missing], io.StringIO()) is None  # no terminal: cannot ask
    assert "password_env" in capsys.readouterr().err
    monkeypatch.setattr("getpass.getpass", lambda prompt: "typed-in")
    asked = headless_passwords([missing], _Tty())
    assert asked[0].password == "typed-in" and asked[0].password_source == "terminal"


def test_the_login_dialog_keeps_the_password_in_the_keyring_when_asked(qtbot, memory_keyring, monkeypatch):
    from views.sync_panel.login_dialog import LoginDialog

    shown = LoginDialog(["hq"], "duty", can_store=True)
    qtbot.addWidget(shown)
    assert not shown.store.isHidden() and not shown.store.isChecked()  # offered, never by default
    hidden = LoginDialog(["hq"], "duty", can_store=False)
    qtbot.addWidget(hidden)
    assert hidden.store.isHidden()

    class Dialog:
        DialogCode = LoginDialog.DialogCode

        def __init__(self, *_args, can_store=False, password_optional=False):
            assert can_store  # a keyring exists here
            self.store = SimpleNamespace(isChecked=lambda: True)

        def exec(self):
            return LoginDialog.DialogCode.Accepted

        def credentials(self):
            return "duty", "typed-in-2026"

    monkeypatch.setattr(sync_wiring, "LoginDialog", Dialog)
    ran: list[str] = []
    controller = SimpleNamespace(configured=True, endpoints=[Endpoint(URL, "duty", "", "hq")], window=None,
                                 ctx=SimpleNamespace(config=SimpleNamespace(sync_auth_mode="password")),
                                 logout=lambda quiet=False: None, _run=lambda: ran.append("run"))
    sync_wiring.SyncController.login(controller)
    assert ran == ["run"] and controller.endpoints[0].password == "typed-in-2026"
    assert credentials.keyring_password(URL, "duty") == "typed-in-2026"
