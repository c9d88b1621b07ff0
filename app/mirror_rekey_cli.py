"""`watchroom rekey [--to keyring|passphrase]`: the encrypted mirror under a new key.

The current key comes as at start ([mirror] encryption; WATCHROOM_MIRROR_PASSPHRASE
or the terminal), the new passphrase from WATCHROOM_MIRROR_NEW_PASSPHRASE or the
terminal (twice). Run it with the client and `watchroom mirror` closed."""

from __future__ import annotations

import argparse
import sys

from app.config import AppConfig
from app.mirror_encryption import mirror_encryption, terminal_passphrase
from offline_cache.mirror_key import MODES, Encryption

NEW_PASSPHRASE_ENV = "WATCHROOM_MIRROR_NEW_PASSPHRASE"


def add_parser(sub) -> None:
    rk = sub.add_parser("rekey", help="re-encrypt the local mirror under a new key or passphrase")
    rk.add_argument("--to", choices=[m for m in MODES if m != "off"],
                    help="keep the new key this way (default: as [mirror] encryption says)")


def new_passphrase(new: bool) -> str | None:
    """Never the current passphrase's variable: the new one has its own, or the terminal."""
    return terminal_passphrase(new, NEW_PASSPHRASE_ENV)


def run_rekey(config: AppConfig, args: argparse.Namespace) -> int:
    from offline_cache.mirror_rekey import rekey

    if config.mirror_encryption == "off":
        print("配置中 [mirror] encryption = \"off\"：镜像未加密，无需更换密钥。 (encryption is off)", file=sys.stderr)
        return 2
    target = args.to or config.mirror_encryption
    rekey(config.mirror_path, mirror_encryption(config), Encryption(target, ask_passphrase=new_passphrase))
    print(f"本地镜像已用新密钥重新加密 (re-encrypted: {target})。")
    if target != config.mirror_encryption:
        print(f"请把配置改为 [mirror] encryption = \"{target}\"。 (set encryption = \"{target}\" in the config)")
    return 0
