"""Any mix of inputs → Articles: files and folders (.txt, .md, .html, .htm), tables (.jsonl, .csv),
feeds (a URL or a .xml/.rss/.atom file) and article URLs. Problems are named (file or URL and what is
wrong) and the rest goes on.

URLs are fetched concurrently (claims.sources.fetch); a URL that answers with a feed is read as one and
its items' articles are fetched. The same article reached twice (two feeds, a feed and its link, a
tracking parameter) is read once. `known` lets a caller skip item URLs fetched before (`watch`), and
`feed_state` makes feed requests conditional (ETag / Last-Modified).
"""
from __future__ import annotations

import logging
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tqdm import tqdm

from claims.articles import ARTICLE_SUFFIXES, Article, ArticleError, display_name, find_article_files, read_article
from claims.sources.feeds import FEED_SUFFIXES, looks_like_feed, parse_feed
from claims.sources.fetch import Fetcher, FetchError, FetchSettings, Page
from claims.sources.html import article_from_html
from claims.sources.tables import TABLE_SUFFIXES, read_table_file
from claims.sources.urls import is_url, normalise_url

log = logging.getLogger("claims")
HTML_SUFFIXES = (".html", ".htm")
FOLDER_SUFFIXES = ARTICLE_SUFFIXES + HTML_SUFFIXES  # what a folder is searched for
INPUT_KINDS = ".txt, .md, .html, .htm, .jsonl, .csv, .xml/.rss/.atom feeds, http(s) URLs"
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")


@dataclass
class Fetched:
    """A URL read from the web, as the store keeps it: what became of it."""
    url: str  # normalised, as linked (a feed item's link, or the URL given)
    article_id: str = ""
    problem: str = ""
    permanent: bool = True  # a transient failure (timeout, 5xx) is not recorded: tried again next round


@dataclass
class FeedState:
    url: str
    etag: str = ""
    last_modified: str = ""
    items: int = 0
    not_modified: bool = False
    problem: str = ""


@dataclass
class Inputs:
    articles: list[Article] = field(default_factory=list)
    fetched: list[Fetched] = field(default_factory=list)
    feeds: list[FeedState] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    duplicates: int = 0  # articles reached more than once, read once
    skipped_known: int = 0  # feed items fetched in an earlier run


Progress = Callable[[int, int, str], None]


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def read_inputs(items: Iterable[str | Path], *, settings: FetchSettings | None = None,
                fetcher: Fetcher | None = None, progress: bool | None = None, on_item: Progress | None = None,
                known: Callable[[list[str]], set[str]] | None = None,
                feed_state: dict[str, tuple[str, str]] | None = None) -> Inputs:
    """Read every input; see the module's doc. `progress`: a bar on stderr (default: when it is a
    terminal); `on_item(done, total, name)` is called as each URL is done (the dashboard's bar)."""
    out = Inputs()
    urls: list[str] = []
    feed_files: list[Path] = []
    for item in items:
        text = str(item)
        if is_url(text):
            urls.append(text)
        else:
            _read_path(Path(item), out, feed_files)
    own = fetcher is None
    fetcher = fetcher or Fetcher(settings)
    try:
        pages: list[tuple[str, str, str]] = []  # (url, feed date, feed title) of the articles to fetch
        for path in feed_files:
            _add_feed_items(path, out, pages)
        direct = _fetch_given(fetcher, urls, out, pages, feed_state or {})
        _fetch_pages(fetcher, pages, direct, out, known, progress, on_item)
    finally:
        if own:
            fetcher.close()
    seen: dict[str, Article] = {}
    unique = []
    for article in out.articles:
        first = seen.get(article.article_id)
        if first is not None:
            if article.url:  # one article reached twice (feeds, links, a saved copy): read once
                out.duplicates += 1
                log.info("%s: same article as %s; read once", article.source, first.source)
            else:  # two files named alike in two folders: different articles, one id
                out.problems.append(f"{article.source}: same article id as {first.source}; skipped (rename one "
                                    "of them)")
            continue
        seen[article.article_id] = article
        unique.append(article)
    out.articles = unique
    for msg in out.problems:
        log.warning(msg)
    for article in unique:
        for warning in article.warnings:
            log.warning(warning)
    return out


def _read_path(path: Path, out: Inputs, feed_files: list[Path]) -> None:
    name = display_name(path)
    suffix = path.suffix.lower()
    if path.is_file() and suffix in FEED_SUFFIXES:
        feed_files.append(path)
        return
    if path.is_file() and suffix in TABLE_SUFFIXES:
        try:
            out.articles.extend(read_table_file(path, out.problems))
        except ArticleError as err:
            out.problems.append(str(err))
        return
    if path.is_file() and suffix not in FOLDER_SUFFIXES:
        out.problems.append(f"{name}: not an article input (expected {INPUT_KINDS})")
        return
    files, problems = find_article_files([path], FOLDER_SUFFIXES)
    out.problems.extend(problems)
    for f in files:
        try:
            out.articles.append(read_html_file(f) if f.suffix.lower() in HTML_SUFFIXES else read_article(f))
        except ArticleError as err:
            out.problems.append(str(err))


def read_html_file(path: Path) -> Article:
    """A saved web page: its canonical URL, when it has one, names the article; else its file name."""
    from claims.articles import MAX_BYTES

    name = display_name(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES * 2:
            raise ArticleError(f"{name}: {size:,} bytes is larger than the {MAX_BYTES * 2:,}-byte limit for a page")
        data = path.read_bytes()
    except OSError as err:
        raise ArticleError(f"{name}: cannot read the file ({err.strerror or err})") from None
    return html_bytes_article(data, name)


def html_bytes_article(data: bytes, name: str, url: str = "") -> Article:
    """An article from a page's bytes (a saved file, an upload)."""
    if not data.strip():
        raise ArticleError(f"{name}: the file is empty")
    if data[:5] == b"%PDF-":
        raise ArticleError(f"{name}: a PDF document, not a web page; skipped")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(f"{name}: this is a binary file, not a web page")
    return article_from_html(data, url=url, source=name, fallback_id=Path(name).stem)


def _add_feed_items(path: Path, out: Inputs, pages: list[tuple[str, str, str]]) -> None:
    name = display_name(path)
    try:
        data = path.read_bytes()
        feed = parse_feed(data, name)
    except OSError as err:
        out.problems.append(f"{name}: cannot read the file ({err.strerror or err})")
        return
    except ArticleError as err:
        out.problems.append(str(err))
        return
    out.problems.extend(feed.problems)
    if not feed.items:
        out.problems.append(f"{name}: a feed with no items")
    pages.extend((item.link, item.published, feed.title) for item in feed.items)


def _fetch_given(fetcher: Fetcher, urls: list[str], out: Inputs, pages: list[tuple[str, str, str]],
                 feed_state: dict[str, tuple[str, str]]) -> dict[str, tuple[Page, str]]:
    """Fetch the URLs given: feeds add their items to `pages`; the other pages are returned, keyed by
    their normalised URL, to be read as articles with the feeds' items."""
    direct: dict[str, tuple[Page, str]] = {}

    def get(url: str) -> Page:
        etag, modified = feed_state.get(url, ("", ""))
        return fetcher.get(url, etag=etag, last_modified=modified)

    for url, result in fetcher.map(get, list(dict.fromkeys(urls))):
        if isinstance(result, Exception):
            out.problems.append(str(result) if isinstance(result, FetchError) else f"{url}: {result}")
            if url in feed_state:
                out.feeds.append(FeedState(url, *feed_state[url], problem=str(result)))
            continue
        if result.not_modified:  # only a feed is asked conditionally
            out.feeds.append(FeedState(url, *feed_state[url], not_modified=True))
            continue
        if looks_like_feed(result.content_type, result.body):
            try:
                feed = parse_feed(result.body, url, base_url=result.final_url)
            except ArticleError as err:
                out.problems.append(str(err))
                continue
            out.problems.extend(feed.problems)
            out.feeds.append(FeedState(url, result.etag, result.last_modified, items=len(feed.items)))
            pages.extend((item.link, item.published, feed.title) for item in feed.items)
        else:
            direct[normalise_url(url)] = (result, url)
    return direct


def _fetch_pages(fetcher: Fetcher, pages: list[tuple[str, str, str]], direct: dict[str, tuple[Page, str]],
                 out: Inputs, known, progress: bool | None, on_item: Progress | None) -> None:
    """Read the articles: the pages fetched already (URLs given) and the feeds' items (fetched here),
    each URL once, minus those `known` (fetched in an earlier run)."""
    todo: dict[str, tuple[str, str]] = {}  # normalised URL → (URL as linked, the feed's date)
    for link, published, _ in pages:
        todo.setdefault(normalise_url(link), (link, published))
    for norm in direct:
        todo.pop(norm, None)
    if known is not None and todo:
        seen = known(list(todo))
        out.skipped_known = len(seen)
        todo = {k: v for k, v in todo.items() if k not in seen}
    total = len(todo) + len(direct)
    show = progress if progress is not None else (total > 1 and sys.stderr.isatty())
    bar = tqdm(total=total, unit="page", desc="fetching", disable=not show, file=sys.stderr)
    done = 0

    def finish(norm: str, link: str, result: Article | Exception) -> None:
        nonlocal done
        done += 1
        bar.update(1)
        if isinstance(result, Article):
            out.articles.append(result)
            out.fetched.append(Fetched(norm, result.article_id))
        else:
            message = str(result) if isinstance(result, (FetchError, ArticleError)) else f"{link}: {result}"
            out.problems.append(message)
            out.fetched.append(Fetched(norm, problem=message,
                                       permanent=not isinstance(result, FetchError) or result.permanent))
        if on_item:
            on_item(done, total, link)

    try:
        for norm, (page, link) in direct.items():
            try:
                finish(norm, link, page_article(page, link))
            except ArticleError as err:
                finish(norm, link, err)

        def get(norm: str) -> Article:
            link, published = todo[norm]
            return page_article(fetcher.get(link, robots=True), link, published)

        for norm, result in fetcher.map(get, list(todo)):
            finish(norm, todo[norm][0], result)
    finally:
        bar.close()


def page_article(page: Page, link: str, published: str = "") -> Article:
    """The article of a fetched page; ArticleError for a PDF, an image, a home page, a page without text."""
    kind = page.content_type
    if kind == "application/pdf" or page.body[:5] == b"%PDF-":
        raise ArticleError(f"{link}: a PDF document, not a web page; skipped")
    if kind not in _HTML_TYPES and not kind.endswith("html"):
        raise ArticleError(f"{link}: not a web page ({kind}); skipped")
    if not page.body.strip():
        raise ArticleError(f"{link}: the page is empty")
    return article_from_html(_decoded(page), url=page.final_url or link, source=link, fetched_at=now_iso(),
                             published=published)


def _decoded(page: Page) -> bytes | str:
    """The page as text when the server names its encoding (HTTP's charset comes before the page's own
    <meta>, as in browsers); else its bytes, for trafilatura to detect the encoding."""
    import codecs

    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", page.headers.get("Content-Type", ""), re.I)
    if not m:
        return page.body
    try:
        codec = codecs.lookup(m.group(1))
    except LookupError:
        return page.body
    if codec.name in ("utf-8", "iso8859-1", "latin-1"):  # ISO-8859-1 is read as Windows-1252, as browsers do
        codec = codecs.lookup("cp1252") if codec.name != "utf-8" else codec
    return page.body.decode(codec.name, errors="replace")
