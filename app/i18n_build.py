"""Compiles resources/i18n/*_<lang>.ts into one watchroom_<lang>.qm (run by setup)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

I18N_DIR = Path(__file__).resolve().parent.parent / "resources" / "i18n"


def lrelease() -> str:
    local = Path(sys.executable).with_name("pyside6-lrelease")
    return str(local) if local.exists() else (shutil.which("pyside6-lrelease") or "pyside6-lrelease")


def build() -> list[Path]:
    groups: dict[str, list[Path]] = defaultdict(list)
    for ts in sorted(I18N_DIR.glob("*.ts")):
        lang = "_".join(ts.stem.split("_")[-2:])  # incident_log_zh_CN -> zh_CN
        groups[lang].append(ts)
    built = []
    for lang, files in groups.items():
        out = I18N_DIR / f"watchroom_{lang}.qm"
        subprocess.run([lrelease(), "-silent", *map(str, files), "-qm", str(out)], check=True)
        built.append(out)
    return built


if __name__ == "__main__":
    for path in build():
        print(f"[i18n] {path.relative_to(I18N_DIR.parent.parent)}")
