"""One page of the incident list, searched or not, on mirrors of up to a province's
1,000,000 incidents (about twelve million entries).

The list is newest first almost always, and an officer reads its first page. A
search's page is then looked for among the newest incidents before the whole
mirror: a window of the newest N (by report time) is a prefix of the list, so
when it holds a full page, that page is the list's page. Inside a window the
FTS5 indexes are read from the window's lowest pks on (they seek to a rowid),
so a term found in 100,000 entries costs what its hits among the newest cost.
- a term in more than a few percent of incidents: the indexes inside a window of
  the newest incidents sized from that share (at most 100,000), then once more
  sized from what the first window held;
- a common term (火, 交通管制) the windows missed: the newest incidents checked
  one by one (LIKE);
- otherwise, and for every other order: the indexes over the whole mirror, a 1-2
  character term's candidates sorted first and checked a chunk at a time.
"""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from offline_cache.schema import EntryRow, IncidentRow
from services.incidents.model import Incident
from services.incidents.repository import (
    FTS_MIN_CHARS,
    INCIDENT_TABLE,
    IncidentQuery,
    _order,
    _phrase,
    exact_term,
    filtered,
    needs_check,
    response_levels,
    terms_of,
    to_incident,
    with_text,
)

# A term is "common" when it matches this share of the newest incidents or of the
# newest entries; the newest-first walk then finds a page of 200 within its window
# almost surely. Only the newest rows are probed (by pk, which grows with arrival):
# the probe costs the same on a 1,000,000-incident mirror as on a small one.
COMMON_INCIDENT_SHARE = 0.07
COMMON_ENTRY_SHARE = 0.02
PROBED_INCIDENTS = 20_000
PROBED_ENTRIES = 200_000
RECENT_WINDOW = 3000
MAX_WINDOW = 100_000
CHECK_CHUNK = 400
BOUND_STEP = 1000
_ENTRY_BOUNDS: dict[tuple[str, str, int], tuple[int, int]] = {}  # (url, mirror, step) -> (bound, top entry)
# Old incidents loaded late (a catch-up) put low report times on high pks: a window
# whose pks spread over more than this many times its size is not worth reading.
PK_SPREAD = 4


def _index_tables(term: str) -> tuple[str, str, str] | None:
    if len(term) >= FTS_MIN_CHARS:
        return "incident_fts", "entry_fts", _phrase(term)
    tokens = [c for c in term if c.isalnum()]
    if not tokens:
        return None
    return "incident_chars", "entry_chars", _phrase(tokens)


def _bounded_hits(session: Session, table: str, phrase: str, from_rowid: int, limit: int) -> int:
    probe = text(f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {table} MATCH :q AND rowid >= :lo LIMIT :n)")
    return int(session.scalar(probe, {"q": phrase, "lo": from_rowid, "n": limit}) or 0)


def density(session: Session, term: str) -> float:
    """The share of the newest incidents the term is in, estimated from bounded counts
    on the indexes over the newest rows (an entry hit counted as an incident of its
    own: an overestimate at worst, which only makes a window too small to hold a
    page). 1.0 for a term of punctuation only: nothing indexed, only a scan answers."""
    tables = _index_tables(term)
    if tables is None:
        return 1.0
    incident_table, entry_table, phrase = tables
    top_incident = session.scalar(select(func.max(IncidentRow.pk))) or 0
    top_entry = session.scalar(select(func.max(EntryRow.pk))) or 0
    if not top_incident:
        return 0.0
    probed = min(top_incident, PROBED_INCIDENTS)
    limit = max(200, int(probed * COMMON_INCIDENT_SHARE))
    hits = _bounded_hits(session, incident_table, phrase, top_incident - probed + 1, limit)
    if hits >= limit:
        return 1.0
    share = hits / probed
    if top_entry:
        probed_entries = min(top_entry, PROBED_ENTRIES)
        limit = max(1000, int(probed_entries * COMMON_ENTRY_SHARE))
        entry_hits = _bounded_hits(session, entry_table, phrase, top_entry - probed_entries + 1, limit)
        if entry_hits >= limit:
            return 1.0
        share += entry_hits / probed_entries * (top_entry / top_incident)
    return min(share, 1.0)


def is_common(session: Session, term: str) -> bool:
    """交通管制 (in a tenth of all entries) against 槽罐车 (in a few hundred), for a
    few milliseconds whatever the mirror's size."""
    return density(session, term) >= 1.0


def _page_from_recent(session: Session, query: IncidentQuery, offset: int, limit: int):
    """Common terms (火, 渝中, 交通管制) match many thousands of entries; checking
    the newest incidents one by one finds a page long before the index join would.
    Returns None when the window holds too few matches to be sure of the page."""
    window = max(RECENT_WINDOW, 10 * (offset + limit))
    recent = filtered(query, select(IncidentRow.pk)).order_by(*_order(query)).limit(window)
    stmt = select(*INCIDENT_TABLE.c).where(IncidentRow.pk.in_(recent.scalar_subquery()))
    for term in terms_of(query.text):
        stmt = stmt.where(exact_term(term))
    rows = list(session.execute(stmt.order_by(*_order(query)).offset(offset).limit(limit)))
    return rows if len(rows) == limit else None


def _entry_bound(session: Session, from_incident: int) -> int:
    """A pk no entry of an incident from `from_incident` on lies below: the lowest of
    them, read once per thousand incidents and mirror file (a scan of their index, tens
    of milliseconds for 30,000 incidents) and kept. It stays a bound: entries are never
    deleted or edited (append-only) and a new one takes a pk above every other; should
    the top entries ever go, the entries' top pk falling below the one seen drops it."""
    step = from_incident - from_incident % BOUND_STEP
    mirror_id = session.scalar(text("SELECT value FROM mirror_meta WHERE key = 'mirror_id'")) or ""
    top = session.scalar(select(func.max(EntryRow.pk))) or 0
    key = (str(session.get_bind().url), mirror_id, step)
    known = _ENTRY_BOUNDS.get(key)
    if known is not None and top >= known[1]:
        return known[0]
    bound = session.scalar(text(
        "SELECT min(pk) FROM entries INDEXED BY ix_entries_incident_created WHERE incident_pk >= :p"),
        {"p": step}) or 0
    if len(_ENTRY_BOUNDS) >= 1024:
        _ENTRY_BOUNDS.clear()
    _ENTRY_BOUNDS[key] = (bound, top)
    return bound


def _window_pks(session: Session, query: IncidentQuery, offset: int, limit: int, share: float) -> list[int] | None:
    """The page's pks when the newest incidents hold it, else None. The window is
    sized to hold the page three times over at the term's estimated `share`."""
    size = int(3 * (offset + limit) / share) if share > 0 else MAX_WINDOW + 1
    for _attempt in range(2):
        if size > MAX_WINDOW:
            return None  # a rare term: the whole mirror's index hits are few
        pks = _window_of(session, query, offset, limit, size)
        if pks is None or len(pks) == limit:
            return pks
        # The estimate was high (a term in every report of an incident counts often):
        # the next window from what this one held.
        size = int(3 * size * (offset + limit) / max(len(pks) + offset, 1))
    return None


def _window_of(session: Session, query: IncidentQuery, offset: int, limit: int, size: int) -> list[int] | None:
    """The page among the newest `size` incidents (fewer pks than asked: not all of
    it is there); None when a window cannot be used."""
    newest = filtered(query, select(IncidentRow.reported_at)).order_by(*_order(query))
    since = session.scalar(newest.offset(size - 1).limit(1))
    if since is None:
        return None  # fewer incidents than the window: the whole mirror is as cheap
    from_incident = session.scalar(text(  # (not min() by walking the pks from the oldest)
        "SELECT min(pk) FROM incidents INDEXED BY ix_incidents_reported_at WHERE reported_at >= :t"), {"t": since})
    top = session.scalar(select(func.max(IncidentRow.pk))) or 0
    if top - from_incident > PK_SPREAD * size:
        return None
    from_entry = _entry_bound(session, from_incident)
    stmt = with_text(session, query, filtered(query, select(IncidentRow.pk)), (from_incident, from_entry))
    stmt = stmt.where(IncidentRow.reported_at >= since).order_by(*_order(query))
    return list(session.scalars(stmt.offset(offset).limit(limit)))


def _checked_pks(session: Session, query: IncidentQuery, offset: int, limit: int) -> list[int]:
    """The whole mirror's page when a 1-2 character term needs each candidate checked:
    the candidates are sorted first (pks only, no LIKE), then checked a chunk at a
    time in that order until the page is full, instead of every candidate checked
    before the sort."""
    stmt = with_text(session, query, filtered(query, select(IncidentRow.pk)), checked=False)
    checks = [exact_term(t) for t in terms_of(query.text) if needs_check(t)]
    result = session.execute(stmt.order_by(*_order(query)))
    found: list[int] = []
    while len(found) < offset + limit:
        chunk = [row[0] for row in result.fetchmany(CHECK_CHUNK)]
        if not chunk:
            break
        kept = set(session.scalars(select(IncidentRow.pk).where(IncidentRow.pk.in_(chunk), *checks)))
        found += [pk for pk in chunk if pk in kept]
    result.close()
    return found[offset:offset + limit]


def page(session: Session, query: IncidentQuery, offset: int, limit: int) -> list[Incident]:
    rows = None
    pks = None
    newest_first = query.sort == "reported_at" and query.descending
    terms = terms_of(query.text)
    if terms and newest_first:
        # All terms must hold: the rarest decides how far back a page reaches.
        share = min(density(session, t) for t in terms)
        # A common term's share is at least what made it common (the probe stops there).
        pks = _window_pks(session, query, offset, limit, COMMON_INCIDENT_SHARE if share >= 1.0 else share)
        if pks is None and share >= 1.0:
            rows = _page_from_recent(session, query, offset, limit)
    if rows is None:
        if pks is None and any(needs_check(t) for t in terms):
            pks = _checked_pks(session, query, offset, limit)
        if pks is None:
            # Sort narrow (pk only), then load the page's rows: far less to sort.
            stmt = with_text(session, query, filtered(query, select(IncidentRow.pk)))
            pks = list(session.scalars(stmt.order_by(*_order(query)).offset(offset).limit(limit)))
        loaded = session.execute(select(*INCIDENT_TABLE.c).where(IncidentRow.pk.in_(pks)))
        by_pk = {r.pk: r for r in loaded}
        rows = [by_pk[pk] for pk in pks if pk in by_pk]
    levels = response_levels(session, [r.id for r in rows])
    return [to_incident(r, levels.get(r.id, "")) for r in rows]
