"""The camera catalog: CSV and GB/T 28181 Catalog imports (all or nothing,
hostile XML refused), the group tree with online counts, nearest cameras,
and the catalog travelling between mirrors through the platform."""

from __future__ import annotations

import pytest

from services.cameras.importing import import_camera_csv, import_gb28181_catalog
from services.cameras.store import CameraStore, stream_protocol

CSV = ("设备编号,名称,所属分组,纬度,经度,主码流,子码流,云台,在线\n"
       "50010300001310000001,解放碑东口,重庆市/渝中区/解放碑,29.5570,106.5770,"
       "rtsp://10.1.1.5/main,rtsp://10.1.1.5/sub,是,是\n"
       "50010300001310000002,朝天门广场,重庆市/渝中区/朝天门,29.5640,106.5860,"
       "http://10.1.1.6/live.m3u8,,否,否\n")

CATALOG = """<?xml version="1.0" encoding="GB2312"?>
<Response><CmdType>Catalog</CmdType><SN>17</SN><DeviceID>50010000002000000001</DeviceID>
<SumNum>3</SumNum><DeviceList Num="3">
<Item><DeviceID>50010300002000000001</DeviceID><Name>渝中区分组</Name><ParentID>50010000002000000001</ParentID></Item>
<Item><DeviceID>50010300001320000007</DeviceID><Name>较场口球机</Name><Manufacturer>海康</Manufacturer>
<CivilCode>500103</CivilCode><ParentID>50010300002000000001</ParentID><Status>ON</Status>
<Longitude>106.5712</Longitude><Latitude>29.5521</Latitude><Info><PTZType>1</PTZType></Info></Item>
<Item><DeviceID>50010300001310000008</DeviceID><Name>七星岗枪机</Name><Status>OFF</Status>
<Longitude>106.5600</Longitude><Latitude>29.5580</Latitude></Item>
</DeviceList></Response>"""


def test_csv_catalog_in_utf8_and_gbk():
    for raw in (CSV.encode("utf-8-sig"), CSV.encode("gbk")):
        result = import_camera_csv(raw)
        assert result.ok, result.errors
        first, second = result.records
        assert (first["ptz"], first["online"], first["sub_url"]) == (True, True, "rtsp://10.1.1.5/sub")
        assert (second["online"], second["sub_url"]) == (False, "http://10.1.1.6/live.m3u8")


@pytest.mark.parametrize("line,field,code", [
    (",无编号,,,,,,,", "id", "required"),
    ("X1,甲,,29.5,,,,,", "lat", "not_a_number"),
    ("X1,甲,,106.5,29.5,,,,", "lat", "swapped"),
    ("X1,甲,,29.5,106.5,ftp://x/y,,,", "main_url", "bad_url"),
    ("X1,甲,,29.5,106.5,,,也许,", "ptz", "not_yes_no"),
    ("50010300001310000001,重复,,,,,,,", "id", "duplicate"),
])
def test_one_bad_camera_refuses_the_whole_list(line, field, code):
    result = import_camera_csv((CSV + line + "\n").encode())
    assert result.records == [] and [(e.row, e.field, e.code) for e in result.errors] == [(4, field, code)]


def test_a_gb28181_catalog_in_gb2312_gives_the_cameras_not_the_groups():
    result = import_gb28181_catalog(CATALOG.encode("gb2312"), "rtsp://gateway:554/{id}")
    assert result.ok, (result.errors, result.file_error)
    ball, fixed = result.records
    assert (ball["name"], ball["ptz"], ball["online"], ball["platform"]) == ("较场口球机", True, True, "海康")
    assert ball["main_url"] == "rtsp://gateway:554/50010300001320000007"
    assert (fixed["online"], fixed["lat"], fixed["lon"]) == (False, 29.558, 106.56)


@pytest.mark.parametrize("raw,code", [
    (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
     b"<Response>&b;</Response>", "hostile_xml"),
    (b'<!DOCTYPE r SYSTEM "file:///etc/passwd"><Response/>', "hostile_xml"),
    (b"<Response><CmdType>Catalog</CmdType><DeviceList>", "not_xml"),
    (b"<Response><CmdType>Keepalive</CmdType></Response>", "not_catalog"),
    (b'<?xml version="1.0" encoding="no-such-codec"?><Response/>', "encoding"),
    (b"<Response><CmdType>Catalog</CmdType><DeviceList/></Response>", "empty"),
])
def test_hostile_or_malformed_catalogs_are_refused(raw, code):
    assert import_gb28181_catalog(raw).file_error == code


def test_group_counts_nearest_and_search(mirror, events, clock):
    store = CameraStore(mirror, events, clock)
    store.save_many(import_camera_csv(CSV.encode()).records)
    store.save_many(import_gb28181_catalog(CATALOG.encode("gb2312"), "rtsp://gw/{id}").records)
    groups = store.groups()
    assert groups[""] == (4, 2) and groups["重庆市/渝中区"] == (2, 1)
    nearest = store.nearest(29.5560, 106.5760, limit=3)
    assert [c.name for c, _ in nearest] == ["解放碑东口", "较场口球机"]  # online ones only
    assert nearest[0][1] < nearest[1][1]
    assert [c.name for c in store.search("朝天门")] == ["朝天门广场"]
    assert stream_protocol("rtsp://a/b") == "rtsp" and stream_protocol("http://a/b.m3u8?t=1") == "hls"
    assert stream_protocol("http://a/live.flv") == "http-flv" and stream_protocol("http://a/ts") == "http-ts"


def test_the_catalog_reaches_another_mirror(tmp_path, clock):
    from tests.server.live_server import start_live_server
    from tests.sync.livesync import add_users, make_client

    live = start_live_server("sqlite:///" + str(tmp_path / "platform.db"))
    add_users(live)
    a = make_client(tmp_path / "a.db", [live.url], clock, site="A")
    b = make_client(tmp_path / "b.db", [live.url], clock, site="B")
    try:
        CameraStore(a.mirror, clock=clock).save_many(import_camera_csv(CSV.encode()).records)
        assert a.sync() and b.sync()
        got = {c.id: (c.name, c.online, c.sub_url) for c in CameraStore(b.mirror).all()}
        assert got == {c.id: (c.name, c.online, c.sub_url) for c in CameraStore(a.mirror).all()}
        assert len(got) == 2
    finally:
        a.close()
        b.close()
        live.stop()
