"""Polite, robust HTTP for pages and feeds (requests + urllib3's Retry).

A user agent that names the tool, robots.txt honoured for what is fetched without being asked for
(feed items: `get(…, robots=True)`), a connect and read timeout and a deadline for the whole download,
a few retries with exponential back-off (and Retry-After) on connection errors, timeouts and 429/5xx,
a cap on the size of a page (streamed, stopped at the cap), at most `per_host` downloads at once from
one site, conditional GETs (ETag / Last-Modified) for feeds. Every failure is a FetchError whose
message names the URL and the problem.
"""
from __future__ import annotations

import re
import threading
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import TypeVar
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

ROBOTS_NAME = "claims"  # the name robots.txt rules address this tool by
T = TypeVar("T")
R = TypeVar("R")


def user_agent() -> str:
    from claims import __version__

    return f"claims/{__version__} (fact-claim tracking for newsrooms; python-requests)"


@dataclass
class FetchSettings:
    timeout: float = 20.0  # seconds to connect, and between two bytes of the answer
    deadline: float = 60.0  # seconds for a whole download (a server trickling bytes is given up)
    retries: int = 2  # after the first try, on connection errors, timeouts, 429 and 5xx
    backoff: float = 1.0  # seconds; doubled at each retry (urllib3's backoff_factor)
    max_bytes: int = 10_000_000  # a bigger page is not a news article: stopped there
    per_host: int = 2  # downloads at once from one site
    workers: int = 8  # downloads at once in all


class FetchError(Exception):
    """A URL that could not be read; the message names it and says why."""

    def __init__(self, message: str, *, permanent: bool = False):
        super().__init__(message)
        self.permanent = permanent  # worth no retry next round (404, a PDF, a page too big)


@dataclass
class Page:
    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str = ""
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


_PERMANENT_STATUSES = {400, 401, 403, 404, 405, 406, 410, 451}


class Fetcher:
    """One HTTP session for a run; thread-safe for `get` (requests' pool, one semaphore per host)."""

    def __init__(self, settings: FetchSettings | None = None):
        self.settings = settings or FetchSettings()
        s = self.settings
        retry = Retry(total=s.retries, connect=s.retries, read=s.retries, status=s.retries,
                      backoff_factor=s.backoff, status_forcelist=(429, 500, 502, 503, 504),
                      allowed_methods=frozenset({"GET", "HEAD"}), respect_retry_after_header=True,
                      raise_on_status=False)
        self.session = requests.Session()
        adapter = HTTPAdapter(max_retries=retry, pool_connections=16, pool_maxsize=max(s.workers, 4))
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)
        self.session.headers.update({
            "User-Agent": user_agent(),
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                      "application/xml;q=0.9,*/*;q=0.5",
            "Accept-Language": "fr,fr-FR;q=0.9,en;q=0.5",
        })
        self._hosts: dict[str, threading.Semaphore] = {}
        self._lock = threading.Lock()
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}  # site → rules, or why unread
        self._robots_locks: dict[str, threading.Lock] = {}

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _host_slot(self, url: str) -> threading.Semaphore:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            return self._hosts.setdefault(host, threading.Semaphore(self.settings.per_host))

    def get(self, url: str, *, etag: str = "", last_modified: str = "", robots: bool = False) -> Page:
        """The page at `url` (304 when the ETag / Last-Modified given still hold); raises FetchError.
        `robots`: first check that the site's robots.txt lets this tool fetch it (for pages nobody asked
        for by name: a feed's items)."""
        s = self.settings
        if robots:
            self._check_robots(url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        with self._host_slot(url):
            try:
                with self.session.get(url, headers=headers, timeout=(s.timeout, s.timeout), stream=True,
                                      allow_redirects=True) as resp:
                    return self._read(url, resp)
            except FetchError:
                raise
            except requests.exceptions.RetryError as err:
                raise FetchError(f"{url}: the server kept failing ({_reason(err)}); gave up after "
                                 f"{s.retries + 1} tries") from None
            except (requests.exceptions.Timeout, requests.exceptions.ConnectionError) as err:
                if _is_timeout(err):
                    raise FetchError(f"{url}: no answer within {s.timeout:g} s (tried {s.retries + 1} times)") from None
                raise FetchError(f"{url}: cannot connect ({_reason(err)})") from None
            except requests.exceptions.RequestException as err:
                raise FetchError(f"{url}: {_reason(err)}") from None

    def _check_robots(self, url: str) -> None:
        """RFC 9309: rules read once per site; a robots.txt that is missing (4xx) allows everything, one
        that cannot be read (5xx, no answer) allows nothing for now."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            lock = self._robots_locks.setdefault(site, threading.Lock())
        with lock:  # one download of robots.txt per site, however many items wait for it
            rules = self._robots.get(site)
            if rules is None:
                rules = self._robots[site] = self._read_robots(site)
        if isinstance(rules, str):
            raise FetchError(f"{url}: {rules}; not fetched")
        if not rules.can_fetch(ROBOTS_NAME, url):
            raise FetchError(f"{url}: the site's robots.txt asks tools like this one not to fetch it; skipped",
                             permanent=True)

    def _read_robots(self, site: str) -> urllib.robotparser.RobotFileParser | str:
        rules = urllib.robotparser.RobotFileParser(site + "/robots.txt")
        try:
            page = self.get(site + "/robots.txt")
        except FetchError as err:
            if "HTTP 4" in str(err):
                rules.allow_all = True
                return rules
            return f"the site's robots.txt cannot be read ({str(err).split(': ', 1)[-1]})"
        rules.parse(page.body[:500_000].decode("utf-8", "replace").splitlines())
        return rules

    def _read(self, url: str, resp: requests.Response) -> Page:
        s = self.settings
        page = Page(url=url, final_url=resp.url, status=resp.status_code,
                    content_type=resp.headers.get("Content-Type", "").split(";")[0].strip().lower(),
                    etag=resp.headers.get("ETag", ""), last_modified=resp.headers.get("Last-Modified", ""),
                    headers=dict(resp.headers))
        if resp.status_code == 304:
            return page
        if resp.status_code >= 400:
            raise FetchError(f"{url}: HTTP {resp.status_code} {resp.reason or ''}".rstrip(),
                             permanent=resp.status_code in _PERMANENT_STATUSES)
        declared = resp.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > s.max_bytes:
            raise FetchError(f"{url}: {int(declared):,} bytes is more than the {s.max_bytes:,}-byte limit for a "
                             "page; not downloaded", permanent=True)
        chunks, size, started = [], 0, time.monotonic()
        try:
            for chunk in resp.iter_content(chunk_size=65_536):
                size += len(chunk)
                if size > s.max_bytes:
                    raise FetchError(f"{url}: more than the {s.max_bytes:,}-byte limit for a page; download "
                                     "stopped", permanent=True)
                if time.monotonic() - started > s.deadline:
                    raise FetchError(f"{url}: download not finished after {s.deadline:g} s; given up")
                chunks.append(chunk)
        except requests.exceptions.RequestException as err:
            if _is_timeout(err):
                raise FetchError(f"{url}: the server stopped sending within {s.timeout:g} s") from None
            raise FetchError(f"{url}: the download broke off ({_reason(err)})") from None
        page.body = b"".join(chunks)
        return page

    def map(self, fn: Callable[[T], R], items: Iterable[T]) -> Iterator[tuple[T, R | Exception]]:
        """(item, fn(item) or the exception it raised) as each is done, `workers` at a time."""
        items = list(items)
        if not items:
            return
        with ThreadPoolExecutor(max_workers=min(self.settings.workers, len(items)),
                                thread_name_prefix="claims-fetch") as pool:
            futures = {pool.submit(fn, item): item for item in items}
            try:
                for future in as_completed(futures):
                    try:
                        yield futures[future], future.result()
                    except Exception as err:  # noqa: BLE001 - reported with its item by the caller
                        yield futures[future], err
            finally:  # Ctrl-C or a caller that stops early: queued downloads are not started
                for f in futures:
                    f.cancel()


def _is_timeout(err: BaseException) -> bool:
    seen = set()
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        if isinstance(err, (TimeoutError, requests.exceptions.Timeout)) or "timed out" in str(err).lower() \
                or "timeout" in type(err).__name__.lower():
            return True
        err = err.__cause__ or err.__context__ or (err.args[0] if err.args and isinstance(err.args[0],
                                                                                        BaseException) else None)
    return False


def _reason(err: BaseException) -> str:
    """The innermost cause, in one short line (requests nests urllib3's errors in its own)."""
    inner = err
    while inner.args and isinstance(inner.args[0], BaseException):
        inner = inner.args[0]
    reason = getattr(inner, "reason", None)
    text = str(reason if reason is not None else inner)
    text = text.split(": ", 1)[-1] if "Max retries exceeded" in text else text
    # urllib3's "HTTPConnection(host='…', port=9): Failed to establish a new connection: [Errno 111] Connection
    # refused" says the URL again and the errno: a person reads "Connection refused"
    text = re.sub(r"^\w*HTTPS?Connection\w*\(.*?\):\s*", "", text)
    text = re.sub(r"^Failed to establish a new connection:\s*", "", text)
    return re.sub(r"^\[Errno -?\d+\]\s*", "", text)
