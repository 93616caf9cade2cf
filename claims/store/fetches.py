"""What the store knows of the web: URLs fetched (and what became of them) and feeds' validators.

`watch` asks which of a feed's items were fetched before, and records the new ones once their articles
are stored; a crash in between only means fetching them again. No HTTP and no parsing here.
"""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Engine, delete, insert, select

from claims.store import tables as t
from claims.store.reviews import no_nul, now

_IN_CHUNK = 500  # URLs per IN (…): under every database's bound-parameter limit


def fetched_urls(engine: Engine, urls: list[str]) -> set[str]:
    """Those of `urls` (normalised) fetched before."""
    found: set[str] = set()
    with engine.connect() as conn:
        for i in range(0, len(urls), _IN_CHUNK):
            chunk = urls[i: i + _IN_CHUNK]
            found.update(conn.execute(select(t.fetched_urls.c.url).where(t.fetched_urls.c.url.in_(chunk))).scalars())
    return found


def record_fetches(engine: Engine, records: Iterable[tuple[str, str, str]]) -> int:
    """Remember fetched URLs: (url, article id or "", lasting problem or ""); a URL already known is
    updated. One transaction."""
    rows = {url: {"url": no_nul(url), "article_id": article_id, "problem": no_nul(problem), "fetched_at": now()}
            for url, article_id, problem in records}
    if not rows:
        return 0
    with engine.begin() as conn:
        keys = list(rows)
        for i in range(0, len(keys), _IN_CHUNK):
            conn.execute(delete(t.fetched_urls).where(t.fetched_urls.c.url.in_(keys[i: i + _IN_CHUNK])))
        conn.execute(insert(t.fetched_urls), list(rows.values()))
    return len(rows)


def feed_states(engine: Engine, urls: list[str]) -> dict[str, tuple[str, str]]:
    """url → (ETag, Last-Modified) of the feeds among `urls` read before."""
    with engine.connect() as conn:
        rows = conn.execute(select(t.feed_states.c.url, t.feed_states.c.etag, t.feed_states.c.last_modified)
                            .where(t.feed_states.c.url.in_(urls))).all()
    return {r.url: (r.etag, r.last_modified) for r in rows}


def save_feed_state(engine: Engine, url: str, etag: str, last_modified: str) -> None:
    with engine.begin() as conn:
        conn.execute(delete(t.feed_states).where(t.feed_states.c.url == url))
        conn.execute(insert(t.feed_states), {"url": url, "etag": no_nul(etag), "last_modified": no_nul(last_modified),
                                       "checked_at": now()})
