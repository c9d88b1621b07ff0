"""知识检索: one search over plan texts and regulation texts together, in
Chinese as the incident search works: 3+ characters through the trigram
indexes (plan_fts, regulation_fts), 1-2 characters by LIKE over the few
hundred plans and regulations (a trigram index cannot match shorter terms).
Each hit carries a snippet around the first match, cut in SQL so a 400,000
character text never leaves the database whole."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from offline_cache.database import Mirror

FTS_MIN_CHARS = 3
SNIPPET_BEFORE = 24
SNIPPET_LENGTH = 90
MAX_HITS = 200
PLAN, REGULATION = "plan", "regulation"
_TABLES = {PLAN: ("plans", "plan_fts"), REGULATION: ("regulations", "regulation_fts")}


@dataclass(frozen=True)
class Hit:
    kind: str  # plan / regulation
    id: str
    title: str
    snippet: str  # the text around the first match, on one line ("" when only the title matched)
    in_title: bool


def _query(kind: str, fts: bool) -> str:
    table, index = _TABLES[kind]
    where = (f"pk IN (SELECT rowid FROM {index} WHERE {index} MATCH :phrase)" if fts else
             "(title LIKE :pattern ESCAPE '\\' OR full_text LIKE :pattern ESCAPE '\\')")
    # instr over lower(): SQLite lowers ASCII only, so positions stay those of the text.
    return (f"SELECT id, title, instr(lower(title), lower(:term)) > 0 AS in_title, "
            f"substr(full_text, max(1, instr(lower(full_text), lower(:term)) - {SNIPPET_BEFORE}), "
            f"{SNIPPET_LENGTH}) AS snippet, instr(lower(full_text), lower(:term)) AS at "
            f"FROM {table} WHERE {where} LIMIT :limit")


def _like(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def search(mirror: Mirror, term: str, limit: int = MAX_HITS) -> list[Hit]:
    """Plans and regulations whose title or text holds `term`; title hits first."""
    term = " ".join(term.split())
    if not term:
        return []
    fts = len(term) >= FTS_MIN_CHARS
    params = {"term": term, "phrase": '"' + term.replace('"', '""') + '"', "pattern": _like(term), "limit": limit}
    hits: list[Hit] = []
    with mirror.read() as s:
        for kind in (PLAN, REGULATION):
            for r in s.execute(text(_query(kind, fts)), params):
                snippet = " ".join((r.snippet or "").split()) if r.at else ""
                if snippet and r.at > SNIPPET_BEFORE + 1:
                    snippet = "…" + snippet
                hits.append(Hit(kind, r.id, r.title, snippet, bool(r.in_title)))
    hits.sort(key=lambda h: (not h.in_title, h.kind != PLAN, h.title))
    return hits[:limit]
