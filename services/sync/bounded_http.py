"""Answers from a platform, read with a cap on their size after decompression:
a hostile server (or anyone between it and an http:// workstation) cannot make
a small gzip answer expand into gigabytes in this process's memory. The body is
inflated here, never more than the cap at a time (httpx's own decoder inflates
a whole network chunk at once, which a bomb turns into a gigabyte)."""

from __future__ import annotations

import zlib

import httpx

MAX_ANSWER_BYTES = 64 * 1024 * 1024  # a 5,000-change page of large records is a few MB


class AnswerRefused(Exception):
    """Too large once decompressed, or in an encoding this client did not ask for."""


def _inflater(encoding: str):
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return None
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(31)
    if encoding == "deflate":
        return zlib.decompressobj()
    raise AnswerRefused(f"the answer is in an encoding that was not asked for: {encoding[:40]}")


async def bounded(client: httpx.AsyncClient, method: str, url: str, *, limit: int = MAX_ANSWER_BYTES,
                  headers: dict | None = None, **kwargs) -> httpx.Response:
    """Like client.request(), with the body inflated as it arrives and refused past `limit`."""
    headers = {**(headers or {}), "Accept-Encoding": "gzip, deflate"}
    request = client.build_request(method, url, headers=headers, **kwargs)
    response = await client.send(request, stream=True)
    body = bytearray()
    try:
        if response.is_stream_consumed:  # built in memory already (a test transport's answer)
            if len(response.content) > limit:
                raise AnswerRefused(f"the answer is larger than {limit} bytes once decompressed")
            return response
        inflater = _inflater(response.headers.get("content-encoding", ""))
        async for chunk in response.aiter_raw():
            while chunk:
                if inflater is None:
                    body += chunk
                    chunk = b""
                else:
                    body += inflater.decompress(chunk, limit + 1 - len(body))
                    chunk = inflater.unconsumed_tail
                if len(body) > limit:
                    raise AnswerRefused(f"the answer is larger than {limit} bytes once decompressed")
        if inflater is not None:
            body += inflater.flush()
            if len(body) > limit:
                raise AnswerRefused(f"the answer is larger than {limit} bytes once decompressed")
    except zlib.error as exc:
        raise httpx.DecodingError(f"the answer could not be decompressed: {exc}", request=request) from exc
    finally:
        await response.aclose()
    kept = [(k, v) for k, v in response.headers.multi_items()
            if k.lower() not in ("content-encoding", "content-length", "transfer-encoding")]
    return httpx.Response(response.status_code, headers=kept, content=bytes(body), request=request)
