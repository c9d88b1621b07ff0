"""Two processes opening a new mirror at once (defect 6 of the repair issue): a
`log incident` and a `status` started together on a fresh file both succeed,
and the mirror is created once."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from offline_cache.database import open_mirror
from services.incidents.repository import IncidentQuery
from services.incidents.service import IncidentService

ROOT = Path(__file__).resolve().parents[1]


def test_processes_opening_a_new_mirror_together_all_succeed(tmp_path):
    for round_ in range(3):
        folder = tmp_path / f"r{round_}"
        folder.mkdir()
        cfg = folder / "c.toml"
        cfg.write_text(f'config_version = 1\n[site]\ncode = "CQ"\n[mirror]\npath = "{folder / "m.db"}"\n'
                       f'[logging]\nfile = "{folder / "w.log"}"\n', encoding="utf-8")
        base = [sys.executable, "-m", "app", "--config", str(cfg)]
        commands = [[*base, "log", "incident", "--title", f"并发建库{n}", "--category", "accident"]
                    for n in range(3)] + [[*base, "status", "--json"] for _ in range(3)]
        procs = [subprocess.Popen(c, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for c in commands]
        outcomes = [(p.wait(60), *p.communicate()) for p in procs]
        assert [rc for rc, _out, _err in outcomes] == [0] * 6, [err[-600:] for _rc, _out, err in outcomes]
        codes = sorted(json.loads(out)["code"] for _rc, out, _err in outcomes[:3])
        assert codes == ["CQ-2026-0001", "CQ-2026-0002", "CQ-2026-0003"]
        mirror = open_mirror(folder / "m.db")
        try:
            assert mirror.health.moved_aside_to is None
            from services.incidents.deadlines import load_rules
            from services.incidents.taxonomy import load_taxonomy

            svc = IncidentService(mirror, load_taxonomy(), load_rules(), site_code="CQ")
            assert svc.count(IncidentQuery()) == 3
        finally:
            mirror.close()
        assert not list(folder.glob("m.corrupt-*"))
