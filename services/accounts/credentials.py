"""The platform password of a configured endpoint, from the OS keyring where
there is one (`keyring`: Secret Service, Windows Credential Locker, macOS
Keychain), so it need not sit in the config file. A machine without a keyring
backend (a headless server, this CI) answers "" and the caller falls back to
an environment variable, then to asking. Never raises: a locked or broken
keyring is logged and treated as absent."""

from __future__ import annotations

import logging

log = logging.getLogger(__name__)
SERVICE = "watchroom"


def _key(url: str, username: str) -> tuple[str, str]:
    return f"{SERVICE} {url.rstrip('/')}", username


def keyring_password(url: str, username: str) -> str:
    if not username:
        return ""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - a dependency; kept optional for odd installs
        return ""
    try:
        return keyring.get_password(*_key(url, username)) or ""
    except KeyringError as exc:  # NoKeyringError among them: no backend on this machine
        log.info("no password from the keyring for %s: %s", url, exc)
        return ""
    except Exception as exc:  # noqa: BLE001 - a backend's own failure (D-Bus gone, locked)
        log.warning("the keyring could not be read for %s: %s", url, exc)
        return ""


def store_password(url: str, username: str, password: str) -> bool:
    """Keeps the password in the keyring; False where there is none (nothing stored)."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover
        return False
    try:
        keyring.set_password(*_key(url, username), password)
        return True
    except KeyringError as exc:
        log.info("password not stored in the keyring: %s", exc)
        return False
    except Exception as exc:  # noqa: BLE001
        log.warning("the keyring could not store the password: %s", exc)
        return False


def has_keyring() -> bool:
    """Whether a usable backend exists (the login dialog offers to store only then)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:  # pragma: no cover
        return False
    try:
        return not isinstance(keyring.get_keyring(), fail.Keyring)
    except Exception:  # noqa: BLE001
        return False
