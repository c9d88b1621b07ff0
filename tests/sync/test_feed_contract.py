"""The client checks platform records with the same contract as local input
(issue 19, class 7): stream URLs that would make FFmpeg or libVLC read local
files or run programs are refused with the reason, and the rest applies."""

from __future__ import annotations

import pytest

from app.config import ConfigError, load_config
from app.record_kinds import client_record_kinds
from services.cameras.store import CameraStore
from services.sync import apply, refusals
from services.sync.wire import Change
from tests.helpers import KINDS


def camera(n: int, url: str) -> Change:
    data = {"id": f"cam-{n}", "name": f"解放碑{n}号", "group_path": "渝中区", "main_url": url, "sub_url": "",
            "ptz": False, "online": True, "platform": "", "lat": 29.55, "lon": 106.57}
    return Change(seq=n, entity="camera", entity_id=data["id"], version=1, data=data)


HOSTILE_URLS = ["file:///etc/passwd", "pipe:cat /etc/shadow", "concat:a.ts|b.ts", "javascript:alert(1)",
                "rtsp://cam\x00.example/live", "//no-scheme/live", "rtmp://cdn.example/live"]


@pytest.mark.parametrize("url", HOSTILE_URLS)
def test_a_camera_url_of_a_scheme_we_do_not_open_is_refused(mirror, clock, url):
    good = camera(1, "rtsp://10.1.2.3:554/main")
    apply.apply_page(mirror, KINDS, "c", [good, camera(2, url)], 2, clock.now())
    assert [c.id for c in CameraStore(mirror).all()] == ["cam-1"]
    [refused] = refusals.recent(mirror)
    assert (refused.entity, refused.record_id) == ("camera", "cam-2") and "main_url" in refused.reason


def test_a_centre_may_add_a_scheme_in_its_config(mirror, clock, tmp_path):
    cfg = tmp_path / "c.toml"
    cfg.write_text('config_version = 1\n[video]\nurl_schemes = ["rtmp"]\n', encoding="utf-8")
    kinds = client_record_kinds(load_config(cfg).url_schemes)
    apply.apply_page(mirror, kinds, "c", [camera(1, "rtmp://cdn.example/live")], 1, clock.now())
    assert [c.id for c in CameraStore(mirror).all()] == ["cam-1"]
    cfg.write_text('config_version = 1\n[video]\nurl_schemes = ["file"]\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(cfg)


def test_a_conference_video_url_is_checked_like_a_camera_url(mirror, clock):
    data = {"id": "conf-1", "incident_id": "i-1", "title": "会商", "state": "open", "opened_by": "",
            "opened_at": "2026-11-22T08:00:00+00:00", "closed_at": "", "updated_at": "2026-11-22T08:00:00+00:00",
            "participants": [{"id": "p1", "kind": "site", "name": "万州", "video_url": "file:///etc/passwd",
                              "joined": True, "muted": False, "speaking": False}]}
    apply.apply_page(mirror, KINDS, "c", [Change(seq=1, entity="conference", entity_id="conf-1", version=1,
                                                 data=data)], 1, clock.now())
    [refused] = refusals.recent(mirror)
    assert refused.entity == "conference" and "video_url" in refused.reason
