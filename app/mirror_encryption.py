"""[mirror] encryption for the entry points: the Encryption that open_mirror takes,
and the passphrase asked without a GUI (the headless `watchroom mirror`, scripts, tests).

WATCHROOM_MIRROR_PASSPHRASE is read first (a service unit's credential, a test); else
the terminal is asked, twice for a new passphrase; with neither, no passphrase."""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable

from app.config import AppConfig
from offline_cache.mirror_key import Encryption

PASSPHRASE_ENV = "WATCHROOM_MIRROR_PASSPHRASE"

# What the headless commands print for MirrorKeyError.reason (the GUI's own words,
# translated, are in app/mirror_unlock_dialog.py).
CLI_MESSAGES = {
    "wrong_key": "口令或密钥错误，无法解开本地镜像；镜像文件未作任何改动。 (wrong passphrase or key; the mirror is untouched)",
    "no_passphrase": f"本地镜像已加密，需要口令：请在终端输入，或设置环境变量 {PASSPHRASE_ENV}。 (passphrase needed)",
    "weak_passphrase": "口令太短：至少 8 个字符。 (passphrase too short: 8 characters at least)",
    "no_keyring": "本机没有可用的系统密钥环，无法取得镜像密钥；请改用 [mirror] encryption = \"passphrase\"。 (no OS keyring here)",
    "keyring_missing": "系统密钥环中找不到本地镜像的密钥；镜像文件未作任何改动。 (the keyring has no key for this mirror)",
    "encrypted_but_off": "本地镜像已加密，但配置中 [mirror] encryption = \"off\"；请改回原来的加密方式。 (the mirror is encrypted; encryption is off in the config)",
    "mode_mismatch": "本地镜像的加密方式与配置 [mirror] encryption 不符；请改回原来的方式。 (encryption mode differs from the mirror's)",
    "no_key_record": "本地镜像不是明文数据库，旁边也没有密钥记录文件 (.key.json)：无法打开，文件未作任何改动。 (no key record beside an encrypted mirror)",
    "bad_key_record": "密钥记录文件 (.key.json) 已损坏或被改动，无法打开本地镜像；文件未作任何改动。 (the key record is damaged or edited)",
    "not_encrypted": "本地镜像未加密，无需更换密钥。 (the mirror is not encrypted)",
    "missing_features": "本机的 SQLCipher 缺少全文检索 (FTS5) 或空间索引 (R*Tree)，无法打开加密镜像；请安装随程序提供的 sqlcipher3。 (SQLCipher lacks FTS5 or R*Tree)",
}


def cli_message(reason: str, detail: str = "") -> str:
    text = CLI_MESSAGES.get(reason, "本地镜像无法解密。 (the mirror cannot be decrypted)")
    return f"{text}\n{detail}" if detail and detail != reason else text


def terminal_passphrase(new: bool, env_name: str = PASSPHRASE_ENV) -> str | None:
    """The environment's passphrase, else the terminal's (confirmed when new), else None."""
    env = os.environ.get(env_name)
    if env:
        return env
    if not sys.stdin or not sys.stdin.isatty():
        return None
    try:
        if new:
            print("为本地镜像设置口令（至少 8 个字符）。 Choose a passphrase for the local mirror.", file=sys.stderr)
        first = getpass.getpass("镜像口令 passphrase: ")
        if new and getpass.getpass("再输入一次 again: ") != first:
            print("两次输入的口令不一致。 (the two entries differ)", file=sys.stderr)
            return None
    except (EOFError, KeyboardInterrupt):
        return None
    return first


def mirror_encryption(config: AppConfig, ask: Callable[[bool], str | None] | None = None) -> Encryption:
    """The Encryption of this config; `ask` asks for a passphrase (the terminal's by default)."""
    return Encryption(config.mirror_encryption, ask_passphrase=ask or terminal_passphrase)
