"""Every (context, source) lupdate finds in the tracked app/, views/ and widgets/
sources has a finished zh_CN translation in one of resources/i18n/*.ts."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pairs(ts: Path, finished: bool) -> set[tuple[str, str]]:
    out = set()
    for context in ET.parse(ts).getroot().iter("context"):
        for msg in context.iter("message"):
            tr = msg.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete") \
                and "".join(tr.itertext()).strip()
            if done or not finished:
                out.add((context.findtext("name"), msg.findtext("source")))
    return out


def test_every_string_has_a_finished_chinese_translation(tmp_path):
    sources = subprocess.run(["git", "ls-files", "app/*.py", "views/*.py", "widgets/*.py"], cwd=ROOT,
                             check=True, capture_output=True, text=True).stdout.split()
    extracted = tmp_path / "all.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), *sources, "-ts", str(extracted), "-silent"], cwd=ROOT, check=True)
    wanted = pairs(extracted, finished=False)
    assert len(wanted) > 500  # lupdate read the sources
    done = set().union(*(pairs(ts, finished=True) for ts in (ROOT / "resources" / "i18n").glob("*_zh_CN.ts")))
    missing = sorted(wanted - done)
    assert not missing, f"{len(missing)} without a zh_CN translation:\n" + "\n".join(f"{c}: {s}" for c, s in missing)
