"""Export (CAP 1.2 that passes the OASIS schema and this program's check),
GB/T 35965.1 identifiers, and enveloped signatures: signed by the centre,
verified on import, a tampered message or a certificate from a CA the centre
does not trust refused."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from lxml import etree

from services.warnings import cap_schema
from services.warnings.cap_check import check_document
from services.warnings.cap_export import export_cap
from services.warnings.cap_sign import Signer
from services.warnings.identifiers import is_gb_identifier, new_identifier
from services.warnings.model import Area, Circle, EarlyWarning, Reference, Translation

SENT = datetime(2024, 6, 1, 1, 30, 5, 123456, tzinfo=UTC)  # 09:30:05.123456 in Chongqing


def drafted(**kw) -> EarlyWarning:
    base = EarlyWarning(
        id="w-1", identifier=new_identifier("500000", "416", SENT, 0), sender="cq-yjj@example.cn", sent=SENT,
        origin="local", issue_state="issued", sender_name="重庆市应急管理局", event="山洪", event_code="flood",
        cap_category="Geo", colour="red", urgency="Immediate", severity="Extreme", certainty="Likely",
        headline="重庆市发布山洪灾害红色预警", description="<b>不是标记</b> & 照原样", instruction="立即转移",
        areas=(Area("綦江区", polygons=(((28.9, 106.6), (29.1, 106.7), (28.95, 106.9), (28.9, 106.6)),),
                    circles=(Circle(29.0, 106.65, 8.5),), geocodes=("500110",), altitude=0.0, ceiling=1200.0),),
        effective=SENT, onset=SENT + timedelta(hours=1), expires=SENT + timedelta(hours=24),
    )  # fmt: skip
    return replace(base, **kw)


def test_identifier_in_the_gb_form_in_beijing_time():
    when = datetime(2024, 12, 31, 16, 0, 1, tzinfo=UTC)  # 2025-01-01 00:00:01 Beijing
    assert new_identifier("500000", "416", when, 3) == "50000041600000_20250101000001_3"
    assert new_identifier("500103", "41612345", when, 0) == "50010341612345_20250101000001_0"
    assert is_gb_identifier(new_identifier("500103", "416123", when, 9))
    for bad in [("5000", "416", when, 0), ("500000", "41", when, 0), ("500000", "416", when, 10),
                ("500000", "416", when.replace(tzinfo=None), 0)]:  # fmt: skip
        with pytest.raises(ValueError):
            new_identifier(*bad)


def test_export_passes_the_schema_with_offsets_and_whole_seconds():
    data = export_cap(drafted())
    root = etree.fromstring(data)
    assert cap_schema.schema().validate(root)
    text = data.decode()
    assert "<sent>2024-06-01T09:30:05+08:00</sent>" in text and "Z<" not in text and ".123" not in text
    assert "&lt;b&gt;不是标记&lt;/b&gt; &amp; 照原样" in text
    assert "<valueName>GB/T 2260</valueName>" in text and "<valueName>预警级别</valueName>" in text
    assert text.count("<info>") == 1  # no English filled


def test_export_round_trip_through_check_document():
    w = drafted(english=Translation("en-US", "Flash flood", "Red flash flood warning", "Heavy rain", "Evacuate now"))
    result = check_document(export_cap(w), now=SENT)
    assert result.clean, result.errors
    assert result.recommendations == []
    [back] = result.warnings
    assert back.identifier == w.identifier and back.sent == SENT.replace(microsecond=0)
    assert (back.colour, back.event_code, back.areas, back.description) == (w.colour, "flood", w.areas, w.description)
    assert back.english == w.english and back.expires == w.expires.replace(microsecond=0)
    assert back.onset == w.onset.replace(microsecond=0)


def test_export_in_another_zone_and_of_an_update_and_a_cancel():
    w = drafted()
    update = drafted(identifier=new_identifier("500000", "416", SENT + timedelta(hours=2), 0), msg_type="Update",
                     sent=SENT + timedelta(hours=2), references=(Reference(w.sender, w.identifier, w.sent),))  # fmt: skip
    text = export_cap(update, zone="Asia/Urumqi").decode()
    assert "<sent>2024-06-01T09:30:05+06:00</sent>" in text
    assert f"<references>{w.sender},{w.identifier},2024-06-01T07:30:05+06:00</references>" in text
    known = {(w.sender, w.identifier)}
    result = check_document(text.encode(), now=SENT, known=lambda r: (r.sender, r.identifier) in known)
    assert result.clean and result.recommendations == []
    assert result.warnings[0].references == (Reference(w.sender, w.identifier, SENT.replace(microsecond=0)),)
    cancel = drafted(msg_type="Cancel", identifier=new_identifier("500000", "416", SENT, 1),
                     references=(Reference(w.sender, w.identifier, w.sent),))  # fmt: skip
    assert check_document(export_cap(cancel), now=SENT).clean


def test_export_refuses_a_warning_without_identifier():
    with pytest.raises(ValueError):
        export_cap(drafted(identifier=""))


def test_signed_export_verifies_and_names_the_signer(centre):
    signer = Signer.from_files(centre.key, centre.cert)
    data = export_cap(drafted(), signer=signer)
    assert cap_schema.schema().validate(etree.fromstring(data))
    result = check_document(data, now=SENT, trust=centre.ca)
    assert result.clean and result.recommendations == []
    w = result.warnings[0]
    assert w.signature == "valid" and "CN=重庆市应急指挥中心" in w.signed_by
    # without trust anchors: intact, but the signer is not vouched for
    loose = check_document(data, now=SENT)
    assert loose.clean and [f.code for f in loose.recommendations] == ["rec.signature_unanchored"]
    assert check_document(export_cap(drafted()), now=SENT).warnings[0].signature == ""


def test_tampered_signed_message_is_refused(centre):
    data = export_cap(drafted(), signer=Signer.from_files(centre.key, centre.cert))
    tampered = data.replace("立即转移".encode(), "不必转移".encode())
    for trust in (centre.ca, None):
        result = check_document(tampered, now=SENT, trust=trust)
        assert not result.valid and [f.code for f in result.errors] == ["signature.invalid"]
        assert "签名" in result.errors[0].message


def test_signature_by_a_certificate_the_centre_does_not_trust_is_refused(centre, stranger):
    data = export_cap(drafted(), signer=Signer.from_files(stranger.key, stranger.cert))
    result = check_document(data, now=SENT, trust=centre.ca)
    assert not result.valid and [f.code for f in result.errors] == ["signature.invalid"]
    assert "不受信任" in result.errors[0].message


def _with_certificate(signed: bytes, pem_path) -> bytes:
    body = b"".join(pem_path.read_bytes().splitlines()[1:-1])
    return re.sub(rb"(<ds:X509Certificate>)[^<]*(</ds:X509Certificate>)", rb"\g<1>" + body + rb"\g<2>", signed)


def test_signature_with_a_key_that_does_not_match_its_certificate_is_refused(centre, stranger):
    with pytest.raises(ValueError):
        export_cap(drafted(), signer=Signer(stranger.key.read_bytes(), centre.cert.read_bytes()))
    signed = export_cap(drafted(), signer=Signer.from_files(stranger.key, stranger.cert))
    data = _with_certificate(signed, centre.cert)  # the centre's certificate, a stranger's signature
    assert data != signed
    for trust in (centre.ca, None):
        result = check_document(data, now=SENT, trust=trust)
        assert not result.valid and [f.code for f in result.errors] == ["signature.invalid"]
