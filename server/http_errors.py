"""What the platform answers when it says no, and what its OpenAPI document
promises: every status a route can return is declared with its body, every
reference resolves (the ops body is the wire's OpBatch, placed among the
document's schemas instead of carrying its own `$defs`), and a validation error
names the field and the rule but never echoes what was sent (a password, or
megabytes of it). Imports nothing of the project but the wire schemas."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from services.sync.wire import OpBatch

MESSAGES = {
    204: "Nothing new in time", 400: "The body is not readable (not UTF-8 JSON)",
    401: "No token, or one that is invalid, expired or revoked", 403: "This account may not do this",
    404: "No such record", 409: "In conflict with what exists (a name taken, or one's own account)", 413: "Request body too large", 422: "A parameter or the body is not usable",
    429: "Too many failed log-ins from here: wait (Retry-After)",
    503: "Too many log-ins at once: try again in a moment (Retry-After)",
}  # fmt: skip


class ErrorMessage(BaseModel):
    """An error's reason, in English."""

    detail: str


class FieldProblem(BaseModel):
    loc: list[str | int]
    msg: str
    type: str


class ValidationProblems(BaseModel):
    """What is wrong with which parameter or field (never the value sent), or a
    sentence saying why the request cannot be used."""

    detail: list[FieldProblem] | str


def errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    """The `responses` of a route that may answer these error statuses."""
    out: dict[int | str, dict[str, Any]] = {}
    for code in codes:
        if code == 422:
            out[code] = {"model": ValidationProblems, "description": MESSAGES[code]}
        elif code == 204:
            out[code] = {"description": MESSAGES[code]}
        else:
            out[code] = {"model": ErrorMessage, "description": MESSAGES[code]}
    return out


async def _validation_failed(_request: Request, exc: RequestValidationError) -> JSONResponse:
    problems = [{"loc": [p if isinstance(p, int) else str(p)[:64] for p in e.get("loc", ())][:10],
                 "msg": str(e.get("msg", ""))[:300], "type": str(e.get("type", ""))[:64]}
                for e in exc.errors()[:20]]
    return JSONResponse({"detail": problems}, status_code=422)


def install(app: FastAPI) -> None:
    """The validation handler and the OpenAPI document, on `app`."""
    app.add_exception_handler(RequestValidationError, _validation_failed)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _document(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _document(app: FastAPI) -> dict[str, Any]:
    doc = get_openapi(title=app.title, version=app.version, routes=app.routes)
    schemas = doc.setdefault("components", {}).setdefault("schemas", {})
    ops = OpBatch.model_json_schema(ref_template="#/components/schemas/{model}")
    schemas.update(ops.pop("$defs", {}))
    schemas["OpBatch"] = ops
    # FastAPI's own HTTPValidationError carries the rejected input: ours does not.
    for path in doc.get("paths", {}).values():
        for operation in path.values():
            answer = operation.get("responses", {}).get("422")
            if answer is not None:
                answer["content"] = {"application/json": {"schema": {"$ref": "#/components/schemas/ValidationProblems"}}}
    _declare_outage(doc)
    schemas.setdefault("ValidationProblems", ValidationProblems.model_json_schema(
        ref_template="#/components/schemas/{model}"))
    schemas.setdefault("FieldProblem", FieldProblem.model_json_schema())
    schemas["ValidationProblems"].pop("$defs", None)
    return doc


OUTAGE = "The platform's database cannot be reached at the moment: try again (Retry-After)"


def _declare_outage(doc: dict[str, Any]) -> None:
    """Any route that reads or writes the database may answer 503 while it cannot be
    reached (server/db_outage.py): said once here for every operation."""
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorMessage"}}}
    for path in doc.get("paths", {}).values():
        for operation in path.values():
            responses = operation.setdefault("responses", {})
            if "503" in responses:
                responses["503"]["description"] += "; or: " + OUTAGE
            else:
                responses["503"] = {"description": OUTAGE, "content": error}
    doc["components"]["schemas"].setdefault("ErrorMessage", ErrorMessage.model_json_schema())
