"""Regulations (法规/规章) at one workstation and the knowledge search: the
contract refuses what either end would refuse, the client kind takes a
platform row and refuses a bad one, their texts import from DOCX/PDF/TXT in
the bounded child (a zip bomb, a PDF that is not one and a text over 400,000
characters refused), and one search finds plan and regulation texts together
with 1, 2 and 3+ character Chinese queries, each hit with a snippet."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sqlalchemy import select

from offline_cache.schema import OutboxRow
from services.plans import knowledge
from services.plans.files import example_plans
from services.plans.regulation_contract import MAX_TEXT, check_regulation
from services.plans.regulation_kind import regulation_values
from services.plans.regulations import RegulationStore, example_regulations
from services.plans.store import PlanStore
from services.plans.text_import import import_regulation_text
from services.records.feed_checks import FeedError

FLOOD_PLAN = "8d0f3c2a-5b7e-4f1d-9a6c-0e2b7d4c1a01"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture
def library(mirror, clock, events):
    PlanStore(mirror, events, clock).save_many(example_plans(), share=False)
    store = RegulationStore(mirror, events, clock)
    store.save_many(example_regulations(), share=False)
    return store


def test_the_examples_are_marked_and_attached_to_the_example_plans():
    regulations = example_regulations()
    assert len(regulations) == 2
    for r in regulations:
        assert r["example"] is True and "示例" in r["title"] and "示例" in r["full_text"]
        assert "不是任何机关发布" in r["full_text"]  # written for this project, never a real text
        assert check_regulation(r) == []
    assert {p for r in regulations for p in r["plan_ids"]} == {p["id"] for p in example_plans()}


def test_the_contract_lists_every_problem_by_field():
    bad = {"id": "r1", "title": " ", "issuer": "x" * 101, "doc_number": "a\x00b", "effective_date": "2026-02-30",
           "plan_ids": ["p1", "p1", 5], "full_text": "x" * (MAX_TEXT + 1), "example": "yes", "colour": "red"}
    found = {(p.path, p.code) for p in check_regulation(bad)}
    assert found == {("title", "required"), ("issuer", "too_long"), ("doc_number", "control_character"),
                     ("effective_date", "bad_date"), ("plan_ids[1]", "duplicate"), ("plan_ids[2]", "bad_id"),
                     ("full_text", "too_long"), ("example", "not_bool"), ("colour", "unknown_key")}
    assert check_regulation({"id": "r1", "title": "办法", "effective_date": ""}) == []
    assert [p.code for p in check_regulation({"id": "r1", "title": "办法", "effective_date": "2026/05/01"})] == \
        ["bad_date"]


def test_saving_queues_an_operation_and_lists_by_plan(mirror, clock, events):
    store = RegulationStore(mirror, events, clock)
    seen = []
    events.subscribe(seen.append)
    record = example_regulations()[1]
    assert store.save_many([record]) == (1, 0)
    with mirror.read() as s:
        [op] = s.scalars(select(OutboxRow).where(OutboxRow.entity == "regulation")).all()
        assert op.op == "create"
    assert [r.title for r in store.for_plan(FLOOD_PLAN)] == ["城市排水防涝应急管理办法（示例）"]
    assert store.for_plan("no-such-plan") == []
    assert store.get(record["id"]).pending_sync is True
    assert any(getattr(e, "entity", "") == "regulation" for e in seen)
    edited = dict(record, doc_number="示例府令〔2026〕2号")
    assert store.save_many([edited]) == (0, 1)
    assert store.save_many([edited]) == (0, 0)  # unchanged: nothing queued
    assert store.get(record["id"]).doc_number == "示例府令〔2026〕2号"


def test_the_client_kind_takes_a_platform_row_and_refuses_a_bad_one():
    row = dict(example_regulations()[0], updated_at="2026-12-06T08:00:00.000+00:00",
               updated_by_account="admin", updated_workstation="ws-1")
    values = regulation_values(row, 3)
    assert values["version"] == 3 and json.loads(values["plan_ids"]) == row["plan_ids"]
    for field, value in (("effective_date", "2026-13-01"), ("plan_ids", "p1"), ("title", ""),
                         ("full_text", "x" * (MAX_TEXT + 1))):
        with pytest.raises(FeedError):
            regulation_values(dict(row, **{field: value}), 1)
    with pytest.raises(FeedError):
        regulation_values({k: v for k, v in row.items() if k != "doc_number"}, 1)


def _docx(text: str) -> bytes:
    xml = f'<?xml version="1.0"?><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>' \
          '</w:body></w:document>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", xml.encode("utf-8"))
    return buf.getvalue()


def test_regulation_text_imports_and_its_refusals(tmp_path):
    (tmp_path / "办法.docx").write_bytes(_docx("第一条 为规范城市排水防涝（示例）"))
    assert import_regulation_text(tmp_path / "办法.docx").text == "第一条 为规范城市排水防涝（示例）"
    (tmp_path / "gbk.txt").write_bytes("第二条 本办法适用于建成区。".encode("gbk"))
    assert import_regulation_text(tmp_path / "gbk.txt").text == "第二条 本办法适用于建成区。"
    (tmp_path / "utf16.txt").write_bytes("第三条".encode("utf-16"))
    assert import_regulation_text(tmp_path / "utf16.txt").file_error == "encoding"
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<a>" + b"0" * (60 * 1024 * 1024) + b"</a>")
    (tmp_path / "bomb.docx").write_bytes(bomb.getvalue())
    assert import_regulation_text(tmp_path / "bomb.docx").file_error == "zip_bomb"
    (tmp_path / "fake.pdf").write_bytes(b"PK\x03\x04 a zip named .pdf")
    assert import_regulation_text(tmp_path / "fake.pdf").file_error == "not_pdf"
    (tmp_path / "long.txt").write_text("条" * (MAX_TEXT + 1), encoding="utf-8")
    assert import_regulation_text(tmp_path / "long.txt").file_error == "too_long"  # refused, not cut
    (tmp_path / "max.txt").write_text("条" * MAX_TEXT, encoding="utf-8")
    assert len(import_regulation_text(tmp_path / "max.txt").text) == MAX_TEXT


def hits(library, term):
    return [(h.kind, h.title) for h in library.search(term)]


def test_one_character_finds_plans_and_regulations(library):
    found = hits(library, "涝")
    assert ("plan", "城市内涝灾害应急预案（示例）") in found
    assert ("regulation", "城市排水防涝应急管理办法（示例）") in found
    assert all("危险化学品" not in title for _, title in found)
    assert found[0][1].find("涝") >= 0  # title hits first


def test_two_characters_and_snippets(library):
    [plan, regulation] = library.search("泵车")
    assert plan.kind == "plan" and regulation.kind == "regulation"
    assert "泵车" in plan.snippet and "泵车" in regulation.snippet
    assert len(regulation.snippet) <= knowledge.SNIPPET_LENGTH + 1
    assert hits(library, "封堵") == [("regulation", "危险化学品事故应急处置规定（示例）")]


def test_three_or_more_characters_use_the_trigram_index(library):
    found = library.search("上风向疏散")
    assert {h.kind for h in found} == {"plan", "regulation"}
    assert all("上风向疏散" in h.snippet for h in found)
    assert hits(library, "排水防涝应急管理办法") == [("regulation", "城市排水防涝应急管理办法（示例）")]
    assert library.search("二十七厘米")[0].snippet.startswith("…")  # cut before the hit
    assert library.search("地震海啸") == [] and library.search("  ") == []
    assert library.search('"注入"') == [] and library.search("50%") == []  # quotes and LIKE signs are text
