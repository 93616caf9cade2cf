"""RSS and Atom feeds (feedparser): the items' links, titles and dates.

feedparser reads every RSS version, RSS 1.0 (RDF) and Atom, mends the common faults of real feeds
(wrong encodings, undeclared entities, HTML in titles) and normalises the dates.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urljoin

from claims.articles import ArticleError

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml",
              "text/xml", "application/feed+xml")
FEED_SUFFIXES = (".rss", ".atom", ".xml")


@dataclass
class FeedItem:
    link: str
    title: str = ""
    published: str = ""  # ISO date from the feed, used when the page itself gives none


@dataclass
class Feed:
    source: str
    title: str = ""
    items: list[FeedItem] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def looks_like_feed(content_type: str, data: bytes) -> bool:
    """A feed by its declared type, or by its first element (servers often say text/html or text/plain)."""
    if content_type in FEED_TYPES:
        return True
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml"):
        head = head[head.find(b"?>") + 2:].lstrip()
    while head.startswith(b"<!--"):  # comments before the root element
        head = head[head.find(b"-->") + 3:].lstrip()
    return head.startswith((b"<rss", b"<feed", b"<rdf:rdf", b"<rdf"))


def parse_feed(data: bytes, source: str, base_url: str = "") -> Feed:
    """The feed's items, in feed order; raises ArticleError naming `source` when it is not a feed."""
    import feedparser  # imported when a feed is read

    parsed = feedparser.parse(data, response_headers={"content-location": base_url} if base_url else None)
    if not parsed.get("version") and not parsed.entries:
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")() or str(
            parsed.get("bozo_exception") or "no <rss> or <feed> element")
        raise ArticleError(f"{source}: not an RSS or Atom feed ({reason})")
    feed = Feed(source=source, title=parsed.feed.get("title", ""))
    for n, entry in enumerate(parsed.entries, 1):
        link = _entry_link(entry)
        if not link:
            feed.problems.append(f"{source}: item {n} ({entry.get('title', 'untitled')!r}) has no link; skipped")
            continue
        feed.items.append(FeedItem(link=urljoin(base_url, link) if base_url else link,
                                   title=entry.get("title", ""), published=_date(entry)))
    return feed


def _entry_link(entry) -> str:
    """The item's article: its alternate link (Atom), else its link, else a guid that is a permalink."""
    for link in entry.get("links", []):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"].strip()
    if entry.get("link"):
        return entry["link"].strip()
    guid = entry.get("id", "")
    return guid if entry.get("guidislink") and guid.startswith(("http://", "https://")) else ""


def _date(entry) -> str:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else ""


def read_feeds_file(text: str) -> list[str]:
    """Feeds and URLs of a feeds file: one a line; blank lines and # comments ignored."""
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
