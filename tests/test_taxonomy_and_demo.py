"""The shipped taxonomy and the demo generator."""

from __future__ import annotations

import pytest

from services.demo_data import DemoGenerator
from services.incidents.bulk import load_batch, raise_code_counters
from services.incidents.model import Category
from services.incidents.repository import IncidentQuery
from services.incidents.taxonomy import TaxonomyError, load_taxonomy
from tests.helpers import draft


def test_shipped_taxonomy_has_all_four_categories():
    tax = load_taxonomy()
    assert {c.code for c in tax.categories} == set(Category)
    assert tax.type("landslide").category == Category.NATURAL
    assert tax.type("fire").name == "火灾"


def test_broken_taxonomy_is_reported(tmp_path):
    f = tmp_path / "t.toml"
    f.write_text('[[category]]\ncode = "natural"\ntypes = [{code = "a"}, {code = "a"}]\n', encoding="utf-8")
    with pytest.raises(TaxonomyError):
        load_taxonomy(f)


def test_demo_data_loads_and_new_codes_follow_it(incident_service, mirror, clock):
    gen = DemoGenerator(incident_service.taxonomy, seed=1)
    demo = gen.generate(120, clock.now(), entries_per_incident=6)
    load_batch(mirror, demo.incidents, demo.entries)
    raise_code_counters(mirror, "CQ", gen.code_counters(demo))
    assert incident_service.count(IncidentQuery()) == 120
    lats = [i["lat"] for i in demo.incidents]
    assert all(28 < lat < 32 for lat in lats)  # around Chongqing
    top = max(int(i["code"].split("-")[2]) for i in demo.incidents if i["code"].startswith("CQ-2026-"))
    new = incident_service.create_incident(draft(clock), "a")
    assert new.code == f"CQ-2026-{top + 1:04d}"
    some = demo.incidents[0]
    assert incident_service.timeline(some["id"])[0].kind.value == "system"
    assert incident_service.search(some["title"][:5])
