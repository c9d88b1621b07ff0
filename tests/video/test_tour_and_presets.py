"""Tour paging, the group query behind it, and snapshot attachments, without Qt."""

from __future__ import annotations

import base64

import pytest

from services.cameras.store import CameraStore
from services.incidents.attachments import PICTURE_MAX_BYTES, picture_attachment, picture_bytes
from services.incidents.validation import ValidationError
from services.video.tour import Tour


def test_tour_pages_round_and_keeps_its_place_when_the_wall_changes():
    tour = Tour("g", [f"c{n}" for n in range(10)], per_page=4, dwell_s=1)
    assert tour.dwell_s == 5  # at least five seconds a page
    assert tour.pages == 3 and tour.current() == ["c0", "c1", "c2", "c3"]
    assert tour.advance() == ["c4", "c5", "c6", "c7"]
    assert tour.advance() == ["c8", "c9"]
    assert tour.advance() == ["c0", "c1", "c2", "c3"]
    tour.advance()
    tour.fit(1)  # c4 was first on screen: it still is
    assert tour.current() == ["c4"] and tour.pages == 10
    tour.fit(16)
    assert tour.pages == 1 and tour.current()[0] == "c0"
    assert Tour("g", [], per_page=4).current() == []


def test_a_group_holds_its_subgroups_but_not_its_namesakes(mirror):
    store = CameraStore(mirror)
    store.save_many([
        {"id": "a", "name": "甲", "group_path": "重庆市/渝中区", "main_url": "x", "sub_url": "", "online": True},
        {"id": "b", "name": "乙", "group_path": "重庆市/渝中区/解放碑", "main_url": "x", "sub_url": "", "online": True},
        {"id": "c", "name": "丙", "group_path": "重庆市/渝中区二", "main_url": "x", "sub_url": "", "online": True},
        {"id": "d", "name": "丁", "group_path": "重庆市/渝中区", "main_url": "x", "sub_url": "", "online": False},
        {"id": "e", "name": "戊", "group_path": "重庆市/渝中_区", "main_url": "x", "sub_url": "", "online": True},
    ])
    assert [c.id for c in store.in_group("重庆市/渝中区")] == ["a", "b"]
    assert [c.id for c in store.in_group("/重庆市/渝中区/", online_only=False)] == ["d", "a", "b"]  # by group, then name
    assert len(store.in_group("")) == 4


def test_attachments_take_png_only_within_the_limit_and_detect_damage():
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 100
    attachment = picture_attachment(png, "shot.png")
    assert picture_bytes({"attachment": attachment}) == png
    with pytest.raises(ValidationError) as not_png:
        picture_attachment(b"GIF89a...", "x.gif")
    assert not_png.value.problems[0].code == "not_png"
    with pytest.raises(ValidationError) as big:
        picture_attachment(png + b"\0" * PICTURE_MAX_BYTES, "big.png")
    assert big.value.problems[0].code == "too_large"
    damaged = dict(attachment, base64=base64.b64encode(png[:-1] + b"\1").decode())
    assert picture_bytes({"attachment": damaged}) == b""
    assert picture_bytes({"attachment": dict(attachment, base64="!!")}) == b""
    assert picture_bytes({}) == b"" and picture_bytes({"attachment": "x"}) == b""
