"""What used to be a 500 is a 4xx with a reason (issue 19, class 8): numbers past
64 bits in a query, bytes that are not ASCII in a bearer token, NUL and control
characters in ids; and the OpenAPI document resolves every reference and
declares what each route can answer, so clients generated from it work."""

from __future__ import annotations

from typing import Any

import pytest

from services.sync.wire import API_PREFIX

BIG = str(2**64)


@pytest.mark.parametrize("path,params", [
    ("/changes", {"after": BIG}),
    ("/changes", {"after": "9" * 400}),
    ("/snapshot", {"entity": "incident", "as_of": BIG}),
    ("/walls/w1/commands", {"after": BIG}),
    ("/walls/w1/report", {"after_version": BIG}),
])  # fmt: skip
def test_numbers_past_64_bits_in_a_query_are_422(client, tokens, path, params):
    response = client.get(API_PREFIX + path, params=params, headers=tokens["duty_officer"])
    assert response.status_code == 422, response.text


@pytest.mark.parametrize("token", ["Bearer 中文令牌".encode(), b"Bearer \xff\xfe\x00abc", b"Bearer " + b"a" * 20000,
                                   b"Bearer abc.\xe9"])
def test_a_bearer_token_that_is_not_ascii_or_too_long_is_401(client, token):
    response = client.get(API_PREFIX + "/changes", headers={"Authorization": token})
    assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("method,path,kwargs", [
    ("get", "/snapshot", {"params": {"entity": "incident", "after_id": "a\x00b"}}),
    ("post", "/orders/%00abc/status", {"json": {"status": "acknowledged"}}),
    ("post", "/conferences/c1/participants/%1b%5b31m", {"json": {"joined": True}}),
    ("post", "/walls/w1/commands", {"json": {"id": "x", "kind": "focus_incident", "incident_id": "i\x00"}}),
])  # fmt: skip
def test_nul_and_control_characters_in_ids_are_422(client, tokens, method, path, kwargs):
    response = getattr(client, method)(API_PREFIX + path, headers=tokens["duty_officer"], **kwargs)
    assert response.status_code == 422, response.text


def test_a_body_that_is_not_utf8_is_a_4xx(client, tokens):
    for path in ("/auth/login", "/ops", "/walls/w1/commands"):
        response = client.post(API_PREFIX + path, content=b"{\xff\xfe}", headers={**tokens["duty_officer"],
                                                                                "Content-Type": "application/json"})
        assert 400 <= response.status_code < 500, (path, response.text)


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return own + [r for value in node.values() for r in _refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in _refs(value)]
    return []


def test_the_openapi_document_resolves_every_reference(client):
    spec = client.get("/openapi.json").json()
    assert "$defs" not in str(spec)  # the fuzzer's `#/$defs/Op`: every schema is a component
    for ref in _refs(spec):
        assert ref.startswith("#/"), ref
        node: Any = spec
        for part in ref[2:].split("/"):
            assert part in node, f"unresolvable {ref}"
            node = node[part]


def test_every_route_declares_what_it_can_answer(client):
    spec = client.get("/openapi.json").json()
    open_routes = {API_PREFIX + "/health", API_PREFIX + "/auth/login"}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            declared = set(operation["responses"])
            if path not in open_routes:
                assert {"401", "403"} <= declared, (method, path)
            if operation.get("parameters") or operation.get("requestBody"):
                assert "422" in declared, (method, path)
            if operation.get("requestBody"):
                assert {"400", "413"} <= declared, (method, path)
            assert "503" in declared, (method, path)  # the database unreachable (server/db_outage.py)
    login = spec["paths"][API_PREFIX + "/auth/login"]["post"]["responses"]
    assert {"401", "429", "503"} <= set(login)
    assert "log-ins at once" in login["503"]["description"] and "database" in login["503"]["description"]
