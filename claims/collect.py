"""Inputs into the store: one round of reading (files, tables, feeds, URLs), extraction and storing,
with the store told what was fetched; and `watch`, such rounds every few minutes.

A round records a fetched URL only once its article is stored (or when it failed for good: a 404, a
PDF, a home page), and a feed's ETag / Last-Modified only after its items are: a crash in between means
fetching them again next time, never missing them.
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from claims.articles import Article
from claims.sources.fetch import FetchSettings
from claims.sources.inputs import Inputs, read_inputs
from claims.sources.urls import is_url
from claims.store import Store, ingest_summary

log = logging.getLogger("claims")
Batches = Iterator[tuple[list[Article], list[dict]]]
Extractor = Callable[[list[Article], list[str]], Batches]  # (articles, problems) → (articles, rows) batches


@dataclass
class Round:
    """What one round did."""
    inputs: Inputs
    totals: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One line: feeds read, items, what the store got, problems."""
        feeds = self.inputs.feeds
        unchanged = sum(f.not_modified for f in feeds)
        parts = []
        if feeds:
            parts.append(f"{len(feeds)} feed{'s' if len(feeds) != 1 else ''}"
                         + (f" ({unchanged} unchanged)" if unchanged else ""))
        if self.inputs.skipped_known:
            n = self.inputs.skipped_known
            parts.append(f"{n} item{'s' if n != 1 else ''} seen before")
        parts.append(ingest_summary(self.totals))
        if self.problems:
            parts.append(f"{len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}")
        return "; ".join(parts)


def collect(store: Store, items: Iterable[str], extractor: Extractor, *, settings: FetchSettings | None = None,
            only_new: bool = False, progress: bool | None = None, on_item=None) -> Round:
    """Read `items`, extract and store the articles, and tell the store what was fetched.
    `only_new`: skip feed items fetched before and ask feeds conditionally (watch)."""
    items = [str(i) for i in items]
    urls = [i for i in items if is_url(i)]
    inputs = read_inputs(items, settings=settings, progress=progress, on_item=on_item,
                         known=store.fetched_urls if only_new else None,
                         feed_state=store.feed_states(urls) if only_new and urls else None)
    problems = list(inputs.problems)
    stored: set[str] = set()

    def tracked(batches: Batches) -> Batches:
        for articles, rows in batches:
            yield articles, rows
            stored.update(a.article_id for a in articles)  # resumed once the store has written them

    totals = store.ingest_batches(tracked(extractor(inputs.articles, problems)), problems) if inputs.articles \
        else {}
    remember(store, inputs, stored)
    return Round(inputs, totals, problems)


def remember(store: Store, inputs: Inputs, stored: set[str]) -> None:
    """Record the URLs whose articles are stored, or that failed for good; then the feeds' validators,
    unless an item failed for now (a timeout): the feed must then be read in full again."""
    store.record_fetches((f.url, f.article_id, f.problem) for f in inputs.fetched
                         if (f.article_id and f.article_id in stored) or (f.problem and f.permanent))
    if any(not f.permanent for f in inputs.fetched):
        return
    for feed in inputs.feeds:
        if not feed.problem and not feed.not_modified and (feed.etag or feed.last_modified):
            store.save_feed_state(feed.url, feed.etag, feed.last_modified)


def parse_every(text: str) -> float:
    """'15m', '90s', '1h', '2h30m' or a number of seconds → seconds."""
    import re

    text = text.strip().lower()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return float(text)
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*([hms])", text)
    if not parts or "".join(f"{n}{u}" for n, u in parts) != re.sub(r"\s+", "", text):
        raise ValueError(f"{text!r}: not a duration (examples: 15m, 90s, 1h, 2h30m)")
    return sum(float(n) * {"h": 3600, "m": 60, "s": 1}[u] for n, u in parts)


def watch(store: Store, items: list[str], extractor: Extractor, *, every: float, rounds: int | None = None,
          settings: FetchSettings | None = None, say: Callable[[str], None] = print,
          stop: threading.Event | None = None) -> list[Round]:
    """Rounds of `collect(only_new=True)` every `every` seconds (from the start of one to the next),
    `rounds` of them or until `stop` is set or Ctrl-C; one line said a round. Returns the rounds done."""
    stop = stop or threading.Event()
    done: list[Round] = []
    try:
        while not stop.is_set() and (rounds is None or len(done) < rounds):
            started = time.monotonic()
            result = collect(store, items, extractor, settings=settings, only_new=True, progress=False)
            done.append(result)
            say(f"{datetime.now().astimezone():%Y-%m-%d %H:%M:%S} round {len(done)}: {result.line()}")
            if rounds is not None and len(done) >= rounds:
                break
            stop.wait(max(0.0, every - (time.monotonic() - started)))
    except KeyboardInterrupt:
        say(f"stopped after {len(done)} round{'s' if len(done) != 1 else ''}; the next `watch` "
            "goes on from there")
    return done
