"""URLs: which inputs are URLs, and the one normalised form an article's id is made from."""
from __future__ import annotations

import hashlib
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from claims.datafiles import read_table

_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_url(item: str) -> bool:
    """An http(s) URL (a command-line argument or a line of a feeds file), as opposed to a path."""
    return item.lower().startswith(("http://", "https://")) and bool(urlsplit(item).netloc)


@lru_cache(maxsize=1)
def _tracking() -> tuple[frozenset[str], tuple[str, ...]]:
    rows = read_table("tracking_params.tsv")
    exact = frozenset(r["param"].lower() for r in rows if r["match"] == "exact")
    prefixes = tuple(r["param"].lower() for r in rows if r["match"] == "prefix")
    return exact, prefixes


def is_tracking(param: str) -> bool:
    exact, prefixes = _tracking()
    name = param.lower()
    return name in exact or name.startswith(prefixes)


def normalise_url(url: str) -> str:
    """The URL that names an article: scheme and host in lower case, default port, fragment and
    tracking parameters (claims/data/tracking_params.tsv) removed, the other parameters sorted, an
    empty path made "/". Two links to one article give one string."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    port = parts.port if parts.port and parts.port != _DEFAULT_PORTS.get(scheme) else None
    netloc = host + (f":{port}" if port else "")
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking(k))
    return urlunsplit((scheme, netloc, parts.path or "/", urlencode(query), ""))


def url_article_id(url: str) -> str:
    """A stable article id from a URL: the site's name, readable, and a hash of the normalised URL
    (www.lemonde.fr/…/x.html → lemonde.fr-1f3a…)."""
    norm = normalise_url(url)
    host = (urlsplit(norm).hostname or "web").removeprefix("www.")
    return f"{host}-{hashlib.sha256(norm.encode('utf-8')).hexdigest()[:16]}"


def site_name(url: str) -> str:
    """The host without www., the outlet's name when a page does not give one."""
    return (urlsplit(url).hostname or "").removeprefix("www.")
