"""A web page (fetched, or saved as .html) → an Article, with trafilatura.

trafilatura finds the article's main text among the site's chrome (menus, cookie banners, related
articles, comments, scripts) and its metadata: title, publication date (htmldate: the page's own
date markup, never the day it was read), site name, canonical URL. Paragraphs are kept (one blank line
between two) and the text is the page's own, « » and all.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

from claims.articles import Article, ArticleError, web_article

MIN_ARTICLE_CHARS = 200  # less main text than this (a two-line brief has more) is a teaser or an error page
_NOT_ARTICLE_TYPES = {"website", "profile", "video.other", "video", "music.song", "book"}
_DATE_PARAMS = {"extensive_search": False, "original_date": True}  # only dates the page states


def _trafilatura():
    import trafilatura  # imported when a page is read: `claims export` never pays for it

    return trafilatura


def article_from_html(data: bytes | str, *, url: str = "", source: str = "", fetched_at: str = "",
                      published: str = "", outlet: str = "", fallback_id: str = "") -> Article:
    """The article of a page. `url`: where it was read (its canonical URL, when the page gives one, is
    used instead); `published`/`outlet`: what a feed said, used when the page says nothing; `fallback_id`:
    the id when neither gives a URL (a saved page without canonical link: its file name).
    Raises ArticleError naming `source` when the page is no article (a home page, an index, an empty page)."""
    name = source or url or fallback_id
    doc = _trafilatura().bare_extraction(
        data, url=url or None, with_metadata=True, include_comments=False, include_tables=False,
        favor_precision=True, deduplicate=False, date_extraction_params=_DATE_PARAMS)
    if doc is None:
        raise ArticleError(f"{name}: no article text found in this page")
    text = _paragraphs(doc.text or "")
    title = (doc.title or "").strip()
    canonical = _http(doc.url) or _http(url)
    path = urlsplit(canonical).path if canonical else ""
    if canonical and path in ("", "/"):
        raise ArticleError(f"{name}: a home page, not an article; give the articles' URLs or the site's feed"
                           + _feeds_hint(data, canonical))
    if (doc.pagetype or "").lower() in _NOT_ARTICLE_TYPES:
        raise ArticleError(f"{name}: not an article (the page says it is a {doc.pagetype!r}: a home page or an "
                           "index); skipped" + _feeds_hint(data, canonical))
    if len(text) < MIN_ARTICLE_CHARS:
        raise ArticleError(f"{name}: not an article ({len(text)} characters of main text: a teaser, an index or "
                           "an error page, or a paywall or cookie wall hiding the text); skipped")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"  # the headline is the article's first paragraph, as in a text file
    return web_article(text, url=canonical, title=title, published=(doc.date or "") or published,
                       outlet=(doc.sitename or "").strip() or outlet, source=name, fetched_at=fetched_at,
                       fallback_id=fallback_id)


def _paragraphs(text: str) -> str:
    """trafilatura's text has a line a paragraph; an article has a blank line between paragraphs."""
    lines = (re.sub(r"[ \t]+\n", "\n", line).strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _http(url: str | None) -> str:
    return url if url and url.lower().startswith(("http://", "https://")) else ""


_ALTERNATE = re.compile(r"<link\b[^>]*>", re.I)
_FEED_TYPE = re.compile(r"""type\s*=\s*["']application/(rss|atom)\+xml["']""", re.I)
_HREF = re.compile(r"""href\s*=\s*["']([^"']+)["']""", re.I)


def _feeds_hint(data: bytes | str, base: str) -> str:
    """ " (its feeds: …)" from the page's <link rel="alternate" type="application/rss+xml"> tags, else ""."""
    from urllib.parse import urljoin

    head = data[:200_000].decode("utf-8", "replace") if isinstance(data, bytes) else data[:200_000]
    feeds = []
    for tag in _ALTERNATE.findall(head):
        href = _HREF.search(tag)
        if "alternate" in tag.lower() and _FEED_TYPE.search(tag) and href:
            feed = urljoin(base, href.group(1)) if base else href.group(1)
            if _http(feed):
                feeds.append(feed)
    return f" (its feed{'s' if len(feeds) > 1 else ''}: {', '.join(dict.fromkeys(feeds))})" if feeds else ""
