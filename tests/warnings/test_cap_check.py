"""check_document on CAP files written for the tests: valid alerts in three
encodings, every rule a schema cannot express, hostile documents refused before
parsing, Update and Cancel chains, Atom and RSS feeds with a bad alert among
good ones."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from services.warnings import cap_intake
from services.warnings.cap_check import check_document
from services.warnings.model import Reference

DATA = Path(__file__).parent / "data"
NOW = datetime(2024, 6, 1, 4, 0, tzinfo=UTC)  # noon in Chongqing, while the test alerts stand


def read(name: str) -> bytes:
    return (DATA / name).read_bytes()


def check(data: bytes, **kw):
    return check_document(data, now=NOW, **kw)


def codes(findings) -> list[str]:
    return [f.code for f in findings]


VALID = read("valid_alert.xml").decode("utf-8")


def test_valid_alert_gives_one_warning_with_colour_area_and_utc_times():
    result = check(read("valid_alert.xml"), source_name="folder/a.xml")
    assert result.valid and result.clean and result.errors == []
    assert result.recommendations == []
    [w] = result.warnings
    assert (w.identifier, w.sender, w.msg_type, w.colour, w.severity) == (
        "50000041600000_20240601100000_1", "cq-meteo@cma.gov.cn", "Alert", "orange", "Severe")
    assert w.sent == datetime(2024, 6, 1, 2, 0, tzinfo=UTC) and w.expires == datetime(2024, 6, 2, 2, 0, tzinfo=UTC)
    assert w.areas[0].geocodes == ("500103",) and w.areas[0].polygons[0][0] == (29.55, 106.50)
    assert (w.origin, w.issue_state, w.source_name, w.language) == ("external", "received", "folder/a.xml", "zh-CN")


@pytest.mark.parametrize("name", ["valid_gbk.xml", "valid_gb2312.xml"])
def test_gbk_and_gb2312_as_declared(name):
    result = check(read(name))
    assert result.clean, result.errors
    assert result.warnings[0].headline == "重庆市气象台发布暴雨橙色预警"
    if name == "valid_gb2312.xml":  # a GBK-only character in a document declared GB2312
        assert result.warnings[0].sender_name == "重庆市气象台（朱镕）"


def test_iso_8859_1_as_declared_and_colour_from_an_english_parameter():
    result = check(read("valid_latin1.xml"))
    assert result.clean, result.errors
    w = result.warnings[0]
    assert w.areas[0].description == "Köln" and "25 l/m²" in w.description
    assert w.colour == "yellow" and w.areas[0].circles[0].radius_km == 12.5


def test_undeclared_encoding_that_is_not_utf8_is_refused_with_a_reason():
    result = check(read("undeclared_gbk.xml"))
    assert not result.valid and codes(result.errors) == ["intake.undeclared_encoding"]
    assert "未声明编码" in result.errors[0].message


def test_bytes_that_do_not_match_the_declared_encoding_and_unknown_encodings():
    bad = VALID.encode("gbk")  # declared UTF-8
    assert codes(check(bad).errors) == ["intake.bad_bytes"]
    assert codes(check(VALID.replace('"UTF-8"', '"EBCDIC-CP-US"').encode()).errors) == ["intake.encoding"]
    assert codes(check(b"\xff\xfe<\x00a\x00").errors) == ["intake.encoding"]


@pytest.mark.parametrize("name, code", [
    ("billion_laughs.xml", "intake.doctype"),
    ("external_entity.xml", "intake.doctype"),
    ("doctype_only.xml", "intake.doctype"),
    ("processing_instruction.xml", "intake.processing_instruction"),
    ("xinclude.xml", "intake.external_reference"),
])  # fmt: skip
def test_hostile_documents_are_refused_before_parsing(name, code, monkeypatch):
    def no_parser():
        raise AssertionError("a hostile document reached the XML parser")

    monkeypatch.setattr(cap_intake, "parser", no_parser)
    result = check(read(name))
    assert not result.valid and codes(result.errors) == [code] and result.warnings == []


def test_entity_declaration_without_doctype_deep_nesting_many_elements_and_huge_are_refused():
    assert codes(check(b'<?xml version="1.0"?><!ENTITY x "y"><alert/>').errors) == ["intake.entity"]
    for tag in ("a", "预警"):
        deep = f"<{tag}>" * (cap_intake.MAX_DEPTH + 1) + f"</{tag}>" * (cap_intake.MAX_DEPTH + 1)
        assert codes(check(deep.encode()).errors) == ["intake.too_deep"]
    attrs = '<a x=">">' * (cap_intake.MAX_DEPTH + 1)  # a '>' inside a quoted value does not end the tag
    assert codes(check(attrs.encode()).errors) == ["intake.too_deep"]
    many = "<a>" + "<b/>" * cap_intake.MAX_ELEMENTS + "</a>"
    assert codes(check(many.encode()).errors) == ["intake.too_many_elements"]
    huge = b"<a>" + b"x" * cap_intake.MAX_BYTES + b"</a>"
    assert codes(check(huge).errors) == ["intake.too_large"]


def test_broken_xml_and_other_documents_are_errors_not_crashes():
    assert codes(check(b"<alert><unclosed></alert>").errors) == ["intake.syntax"]
    assert codes(check(b"").errors) == ["intake.empty"]
    assert codes(check(b"<html><body/></html>").errors) == ["document.kind"]
    cap11 = VALID.replace("cap:1.2", "cap:1.1").encode()
    assert codes(check(cap11).errors) == ["schema.not_cap12"]


def test_schema_errors_are_in_chinese_with_the_element_path():
    result = check(VALID.replace("<severity>Severe", "<severity>Dire").encode())
    [error] = result.errors
    assert not result.valid and error.path == "alert/info[1]/severity"
    assert error.code == "schema.schemav_cvc_enumeration_valid" and "取值不在 CAP 1.2 允许的值之中" in error.message
    missing = check(VALID.replace("<status>Actual</status>", "").encode())
    assert missing.errors[0].path == "alert/msgType" and "缺少必需的元素" in missing.errors[0].message


def test_z_and_fractional_seconds_and_deprecated_values_are_accepted_with_recommendations():
    data = (VALID.replace("10:00:00+08:00</sent>", "02:00:00Z</sent>")
            .replace("<expires>2024-06-02T10:00:00+08:00", "<expires>2024-06-02T10:00:00.250+08:00")
            .replace("<certainty>Likely", "<certainty>Very Likely"))  # fmt: skip
    result = check(data.encode())
    assert result.clean, result.errors
    assert {"rec.time_z", "rec.time_fraction", "rec.deprecated_value"} <= set(codes(result.recommendations))
    w = result.warnings[0]
    assert w.sent == datetime(2024, 6, 1, 2, 0, tzinfo=UTC) and w.certainty == "Likely"
    assert w.expires == datetime(2024, 6, 2, 2, 0, tzinfo=UTC) and w.checks


def test_a_colour_where_cap_has_its_severity_is_read_as_the_colour():
    result = check(VALID.replace("<severity>Severe", "<severity>Red").replace(
        "<parameter><valueName>预警级别</valueName><value>橙色</value></parameter>", "").encode())
    assert result.clean and result.warnings[0].colour == "red" and result.warnings[0].severity == "Extreme"
    assert "rec.severity_colour" in codes(result.recommendations)


def test_colour_from_headline_when_no_parameter_and_a_recommendation_when_none():
    no_param = VALID.replace("<parameter><valueName>预警级别</valueName><value>橙色</value></parameter>", "")
    assert check(no_param.encode()).warnings[0].colour == "orange"  # 发布暴雨橙色预警
    plain = no_param.replace("暴雨橙色预警", "暴雨预警")
    result = check(plain.encode())
    assert result.clean and result.warnings[0].colour == "" and "rec.colour_missing" in codes(result.recommendations)


SCOPE = "<scope>Public</scope>"
POLY = "29.55,106.50 29.58,106.58 29.53,106.60 29.55,106.50"
RULES = [
    ("polygon_open", VALID.replace(POLY, "29.55,106.50 29.58,106.58 29.53,106.60 29.56,106.51"), "rule.polygon_open"),
    ("polygon_3_points", VALID.replace(POLY, "29.55,106.50 29.58,106.58 29.55,106.50"), "rule.polygon_points"),
    ("polygon_format", VALID.replace(POLY, "29.55;106.50 29.58"), "rule.polygon_format"),
    ("latitude_range", VALID.replace(POLY, "99.55,106.50 29.58,106.58 29.53,106.60 99.55,106.50"), "rule.coordinates"),
    ("circle_radius_0", VALID.replace(f"<polygon>{POLY}</polygon>", "<circle>29.55,106.50 0</circle>"), "rule.circle_radius"),
    ("circle_longitude", VALID.replace(f"<polygon>{POLY}</polygon>", "<circle>29.55,206.50 5</circle>"), "rule.coordinates"),
    ("restriction_public", VALID.replace(SCOPE, SCOPE + "<restriction>内部</restriction>"), "rule.restriction_scope"),
    ("addresses_public", VALID.replace(SCOPE, SCOPE + "<addresses>a b</addresses>"), "rule.addresses_scope"),
    ("private_no_addresses", VALID.replace(SCOPE, "<scope>Private</scope>"), "rule.addresses_missing"),
    ("ceiling_no_altitude", VALID.replace("</geocode>", "</geocode><ceiling>3000</ceiling>"), "rule.ceiling_without_altitude"),
    ("identifier_space", VALID.replace("<identifier>50000041600000", "<identifier>500000 41600000"), "rule.identifier_chars"),
    ("identifier_comma", VALID.replace("<identifier>50000041600000", "<identifier>500000,41600000"), "rule.identifier_chars"),
    ("identifier_lt", VALID.replace("<identifier>50000041600000", "<identifier>500000&lt;41600000"), "rule.identifier_chars"),
    ("sender_amp", VALID.replace("<sender>cq-meteo", "<sender>cq&amp;meteo"), "rule.sender_chars"),
    ("references_pair", VALID.replace(SCOPE, SCOPE + "<references>a,b</references>"), "rule.references"),
    ("references_time", VALID.replace(SCOPE, SCOPE + "<references>a,b,2024-13-01T10:00:00+08:00</references>"), "rule.references"),
    ("update_without_references", VALID.replace("<msgType>Alert", "<msgType>Update"), "rule.references_missing"),
    ("ack_is_not_a_warning", VALID.replace("<msgType>Alert", "<msgType>Ack"), "rule.not_a_warning"),
    ("geocode_not_6_digits", VALID.replace("<value>500103</value>", "<value>5001</value>"), "rule.geocode"),
    ("control_character", VALID.replace("降雨量", "降雨量&#x1;"), "intake.syntax"),
    ("alert_without_info", VALID.split("<info>")[0] + "</alert>", "rule.no_info"),
]  # fmt: skip


@pytest.mark.parametrize("data, code", [pytest.param(d, c, id=i) for i, d, c in RULES])
def test_each_rule_a_schema_cannot_express_refuses_the_message(data, code):
    result = check(data.encode())
    assert not result.valid and result.warnings == []
    assert code in codes(result.errors), result.errors
    assert all(f.path.startswith("alert") or not f.path for f in result.errors)


def test_recommendations_are_listed_and_the_message_accepted():
    data = (VALID.replace("<expires>2024-06-02T10:00:00+08:00</expires>", "")
            .replace("<scope>Public", "<scope>Restricted"))  # fmt: skip
    result = check(data.encode())
    assert result.clean and len(result.warnings) == 1
    assert {"rec.expires_missing", "rec.restriction_missing"} <= set(codes(result.recommendations))
    expired = check(read("valid_alert.xml").replace(b"2024-06-02", b"2024-05-30")).recommendations
    assert "rec.expires_before_start" in codes(expired)


def test_update_and_cancel_chain_against_what_the_program_knows():
    first = check(read("valid_alert.xml")).warnings[0]
    store = {(first.sender, first.identifier)}

    def known(ref: Reference) -> bool:
        return (ref.sender, ref.identifier) in store

    update = check(read("update.xml"), known=known)
    assert update.clean and codes(update.recommendations) == []
    [u] = update.warnings
    assert u.msg_type == "Update" and u.colour == "red" and u.references == (
        Reference(first.sender, first.identifier, first.sent),)
    assert u.areas[0].geocodes == ("500103", "500105")
    cancel = check(read("cancel.xml"), known=known)  # refers to the update, which the store has not taken in
    assert cancel.clean and codes(cancel.recommendations) == ["rec.reference_unknown"]
    assert "没有收到过" in cancel.recommendations[0].message
    store.add((u.sender, u.identifier))
    cancel = check(read("cancel.xml"), known=known)
    assert cancel.clean and cancel.recommendations == [] and cancel.warnings[0].msg_type == "Cancel"


def test_atom_feed_imports_the_good_alerts_and_refuses_the_bad_one_with_reasons():
    result = check(read("feed_atom.xml"), known=lambda ref: False)
    assert result.valid and not result.clean
    assert (result.alerts, result.refused, len(result.warnings)) == (4, 2, 2)
    assert [w.msg_type for w in result.warnings] == ["Alert", "Update"]
    # the update refers to the alert earlier in the same feed: known, no recommendation
    assert "rec.reference_unknown" not in codes(result.recommendations)
    by_path = {f.path.split("/")[0]: f.code for f in result.errors}
    assert by_path == {"entry[3]": "rule.polygon_open", "entry[4]": "feed.no_alert"}
    assert "feed.partly_refused" in codes(result.recommendations)


def test_rss_feed_with_cdata_and_embedded_alerts():
    result = check(read("feed_rss.xml"))
    assert result.clean and [w.colour for w in result.warnings] == ["orange", "red"]


def test_a_hostile_alert_inside_a_feed_is_refused_alone():
    feed = read("feed_rss.xml").decode().replace(
        '<![CDATA[<?xml version="1.0" encoding="UTF-8"?>', '<![CDATA[<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>')
    result = check(feed.encode())
    assert result.valid and result.refused == 1 and len(result.warnings) == 1
    assert codes(result.errors) == ["intake.doctype"] and result.errors[0].path == "item[1]/content"


def test_event_types_map_to_the_taxonomy_only_when_clear():
    from services.incidents.taxonomy import load_taxonomy
    from services.warnings import cap_profile

    types = {t.code for c in load_taxonomy().categories for t in c.types}
    assert {code for _word, code in cap_profile.EVENT_TYPES} <= types
    assert cap_profile.event_type("地质灾害气象风险", []) == ""
    assert cap_profile.event_type("台风", []) == "typhoon"
    assert cap_profile.event_type("某事件", [("GB/T 35561", "11C01")]) == "earthquake"
    landslide = check(VALID.replace("<event>暴雨", "<event>滑坡").encode()).warnings[0]
    assert landslide.event_code == "landslide"
