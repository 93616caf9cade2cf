"""Reading schema.org ClaimReview (https://schema.org/ClaimReview) in the forms fact-checkers publish it.

Accepted: one JSON-LD object, a list of them, an `@graph`, a DataFeed (`dataFeedElement`, whose items
hold a ClaimReview directly or under `item`), JSON lines of ClaimReview objects, and the project's own
export (claims.store.export.claim_reviews: a list). No store or NLP import: parsing is pure.

A malformed item is named (source and item index) and skipped; the others are read.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field

from claims.safe import http_url

MAX_BYTES = 50_000_000  # a ClaimReview feed bigger than this is not a feed


@dataclass
class Check:
    """One published fact-check, as the store keeps it."""

    url: str
    claim_reviewed: str
    rating: str = ""  # the publisher's words (reviewRating.alternateName): Faux, Trompeur, Vrai …
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    author: str = ""  # the organisation that published the check
    date: str = ""  # datePublished, as given (ISO 8601 expected)
    language: str = ""
    claim_author: str = ""  # itemReviewed.author: who made the claim
    appearance_url: str = ""  # where the claim appeared (itemReviewed.appearance / firstAppearance)
    source: str = ""  # file or URL it was imported from

    @property
    def check_id(self) -> str:
        return check_id(self.url) if self.url else check_id(f"{self.author}|{self.date}|{self.claim_reviewed}")

    def as_row(self) -> dict:
        return {"check_id": self.check_id, **asdict(self)}


def check_id(url: str) -> str:
    """A check is known by its URL: 16 hex digits of its hash, a short key for the matches table. (A
    ClaimReview without a URL, like this project's own export, is known by its author, date and claim.)"""
    return hashlib.sha1(url.strip().encode("utf-8")).hexdigest()[:16]


@dataclass
class Parsed:
    checks: list[Check] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _types(obj: dict) -> set[str]:
    t = obj.get("@type", ())
    return {t} if isinstance(t, str) else {x for x in t if isinstance(x, str)} if isinstance(t, list) else set()


def _is_claim_review(obj: object) -> bool:
    return isinstance(obj, dict) and bool(_types(obj) & {"ClaimReview", "schema:ClaimReview",
                                                         "http://schema.org/ClaimReview",
                                                         "https://schema.org/ClaimReview"})


def _text(value: object) -> str:
    """A text property: a string, a {name}/{@value} object or the first of a list."""
    if isinstance(value, list):
        value = next((v for v in value if v), "")
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("headline") or ""
    return " ".join(value.split()) if isinstance(value, str) else str(value) if isinstance(value, int | float) else ""


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", ".").strip())
        except ValueError:
            return None
    return None


def _url_of(value: object) -> str:
    if isinstance(value, list):
        return next((u for u in (_url_of(v) for v in value) if u), "")
    if isinstance(value, dict):
        return http_url(value.get("url") if isinstance(value.get("url"), str) else "") or ""
    return http_url(value) if isinstance(value, str) else ""


def to_check(obj: dict, source: str) -> Check:
    """A ClaimReview object → Check; ValueError says what is missing or wrong."""
    url = obj.get("url") or obj.get("@id") or ""
    if url and (not isinstance(url, str) or not http_url(url.strip())):
        raise ValueError(f"url {str(url)[:80]!r} is not an http(s) URL")
    claim = _text(obj.get("claimReviewed"))
    if not claim:
        raise ValueError("no claimReviewed")
    if not url and not (_text(obj.get("author")) and _text(obj.get("datePublished"))):
        raise ValueError("no url, nor an author and a date to know the check by")
    rating = obj.get("reviewRating") or {}
    if isinstance(rating, list):
        rating = rating[0] if rating else {}
    if not isinstance(rating, dict):
        raise ValueError("reviewRating is not an object")
    name = _text(rating.get("alternateName")) or _text(rating.get("name"))
    value = _number(rating.get("ratingValue"))
    if not name and value is None:
        raise ValueError("reviewRating has neither alternateName nor ratingValue")
    item = obj.get("itemReviewed") or {}
    if isinstance(item, list):
        item = item[0] if item else {}
    item = item if isinstance(item, dict) else {}
    language = obj.get("inLanguage") or ""
    if isinstance(language, dict):
        language = language.get("alternateName") or language.get("name") or ""
    return Check(
        url=url.strip(), claim_reviewed=claim, rating=name, rating_value=value,
        best_rating=_number(rating.get("bestRating")), worst_rating=_number(rating.get("worstRating")),
        author=_text(obj.get("author")), date=_text(obj.get("datePublished"))[:40],
        language=str(language)[:20], claim_author=_text(item.get("author")),
        appearance_url=_url_of(item.get("appearance")) or _url_of(item.get("firstAppearance")), source=source)


def _items(doc: object) -> Iterator[object]:
    """The candidate ClaimReview items of one JSON document, in order, whatever the wrapping."""
    if isinstance(doc, list):
        for x in doc:
            yield from _items(x) if isinstance(x, dict) and not _is_claim_review(x) and _wrapper(x) else [x]
        return
    if not isinstance(doc, dict):
        yield doc
        return
    if _is_claim_review(doc):
        yield doc
        return
    wrapped = _wrapper(doc)
    if wrapped is None:
        yield doc  # reported as not a ClaimReview
        return
    if "@graph" in doc:  # a page's graph holds its WebPage, Organization… nodes too: only its ClaimReviews count
        wrapped = [x for x in wrapped if _is_claim_review(x)]
    for x in wrapped:
        if isinstance(x, dict) and not _is_claim_review(x) and isinstance(x.get("item"), dict | list):
            inner = x["item"]  # DataFeedItem {"item": ClaimReview}
            yield from (inner if isinstance(inner, list) else [inner])
        else:
            yield x


def _wrapper(doc: dict) -> list | None:
    for key in ("@graph", "dataFeedElement", "itemListElement"):
        if isinstance(doc.get(key), list):
            return doc[key]
    return None


def _is_json(line: str) -> bool:
    try:
        json.loads(line)
    except json.JSONDecodeError:
        return False
    return True


def parse_text(text: str, source: str) -> Parsed:
    """Every ClaimReview in `text` (JSON or JSON lines) read from `source` (named in problems)."""
    out = Parsed()
    text = text.lstrip("\ufeff")
    if not text.strip():
        out.problems.append(f"{source}: empty, no ClaimReview in it")
        return out
    try:
        docs: list[tuple[str, object]] = [("", json.loads(text))]
    except json.JSONDecodeError as err:
        lines = text.splitlines()
        if sum(1 for ln in lines if ln.strip()) < 2 or not _is_json(next(ln for ln in lines if ln.strip())):
            # one JSON document with an error (not JSON lines: its first line is no document by itself)
            out.problems.append(f"{source}: not JSON ({err.msg} at line {err.lineno}, column {err.colno})")
            return out
        docs = []
        for n, line in enumerate(lines, 1):  # JSON lines: a bad line is named, the others are read
            if not line.strip():
                continue
            try:
                docs.append((f"line {n}", json.loads(line)))
            except json.JSONDecodeError as line_err:
                out.problems.append(f"{source}: line {n}: not JSON ({line_err.msg}); skipped")
    index = 0
    for where, doc in docs:
        for item in _items(doc):
            index += 1
            place = f"{source}: item {index}" + (f" ({where})" if where else "")
            if not _is_claim_review(item):
                kind = ", ".join(sorted(_types(item))) if isinstance(item, dict) else f"a JSON {type(item).__name__}"
                out.problems.append(f"{place}: not a ClaimReview ({kind or 'no @type'}); skipped")
                continue
            try:
                out.checks.append(to_check(item, source))
            except ValueError as err:
                out.problems.append(f"{place}: {err}; skipped")
    if not index and not out.problems:
        out.problems.append(f"{source}: no ClaimReview in it")
    return out


def decode(data: bytes, source: str) -> str:
    """Bytes of a feed as text: UTF-8 (with or without BOM), else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def read_source(name: str, timeout: float = 30) -> Parsed:
    """The ClaimReview items of a file or an http(s) URL; a source that cannot be read is a problem,
    never an exception."""
    from pathlib import Path

    if http_url(name):
        import urllib.request

        try:
            req = urllib.request.Request(name, headers={"User-Agent": "claims-import-checks",
                                                        "Accept": "application/ld+json, application/json"})
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                data = resp.read(MAX_BYTES + 1)
        except (OSError, ValueError) as err:
            return Parsed(problems=[f"{name}: cannot download ({getattr(err, 'reason', None) or err})"])
    else:
        path = Path(name)
        if not path.is_file():
            return Parsed(problems=[f"{name}: {'is a folder' if path.is_dir() else 'no such file'}"])
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        except OSError as err:
            return Parsed(problems=[f"{name}: cannot read ({err.strerror or err})"])
    if len(data) > MAX_BYTES:
        return Parsed(problems=[f"{name}: over {MAX_BYTES // 1_000_000} MB, not read"])
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Parsed(problems=[f"{name}: a binary file, not JSON"])
    return parse_text(decode(data, name), name)
