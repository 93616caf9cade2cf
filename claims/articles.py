"""Reading articles from files: encodings, titles, paragraphs, and clear errors.

Offsets everywhere refer to `Article.text`, the file's text exactly as decoded.
"""
from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_BYTES = 5_000_000  # larger files are not news articles; refusing them keeps memory bounded
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
_FINAL_PUNCT = ".!?…:;»\"”"
_TAG = re.compile(r"<[^>]{0,200}>")
_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.S)


class ArticleError(Exception):
    """An article that cannot be read; the message names the file and the problem."""


@dataclass
class Article:
    article_id: str
    text: str
    title: str = ""
    published: str = ""
    outlet: str = ""
    url: str = ""
    source: str = ""  # where it was read from
    fetched_at: str = ""  # when it was downloaded (ISO 8601, UTC), for an article read from the web
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.paragraphs:
            self.paragraphs = split_paragraphs(self.text, self.body_start)
        if not self.title:
            self.title = guess_title(self.text[self.body_start:])

    @property
    def body_start(self) -> int:
        m = _FRONT_MATTER.match(self.text)
        return m.end() if m else 0

    @property
    def text_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def split_paragraphs(text: str, start: int = 0) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks separated by blank lines, trimmed."""
    spans = []
    pos = start
    for m in [*_PARAGRAPH_BREAK.finditer(text, start), None]:
        end = m.start() if m else len(text)
        chunk = text[pos:end]
        lead = len(chunk) - len(chunk.lstrip())
        s, e = pos + lead, pos + len(chunk.rstrip())
        if e > s:
            spans.append((s, e))
        if m:
            pos = m.end()
    return spans


def guess_title(text: str) -> str:
    """The first line when it has no final punctuation (a headline), else ''."""
    first = text.strip().split("\n", 1)[0].strip().lstrip("#").strip()
    if first and first[-1] not in _FINAL_PUNCT and len(first) <= 300:
        return first
    return ""


_UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Text of a file: UTF-8 (with or without BOM), UTF-16 with its BOM, else Windows-1252 with a
    warning. A stray NUL past the start (binary files have them early) becomes U+FFFD, one character
    for one so offsets hold: no database or spreadsheet takes NUL in text."""
    if not data.strip():
        raise ArticleError(f"{name}: the file is empty")
    text, warnings = _decode(data, name)
    if "\x00" in text:
        text = text.replace("\x00", "\ufffd")
        warnings.append(f"{name}: NUL bytes in the text, replaced by \ufffd")
    if not text.strip():
        raise ArticleError(f"{name}: the file is empty")
    return text, warnings


def _decode(data: bytes, name: str) -> tuple[str, list[str]]:
    encoding = _UTF16_BOMS.get(data[:2])
    if encoding:
        try:
            return data[2:].decode(encoding), []
        except UnicodeDecodeError as err:
            raise ArticleError(f"{name}: starts as UTF-16 but is not (undecodable byte {err.start + 2})") from None
    if b"\x00" in data[:8192]:
        raise ArticleError(f"{name}: this is a binary file, not a text article")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        where = f"byte {err.start}"
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise ArticleError(f"{name}: not UTF-8 and not Windows-1252 text (undecodable {where})") from None
    return text, [f"{name}: not valid UTF-8 ({where}); read as Windows-1252 — check accents"]


def display_name(path: str | Path) -> str:
    """A file name as text that can be printed and stored: a name whose bytes are not UTF-8 (caf\\xe9.txt
    from an old Windows archive) is read as Windows-1252, as the file contents are."""
    raw = os.fsencode(path)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _front_matter(text: str) -> dict[str, str]:
    m = _FRONT_MATTER.match(text)
    meta = {}
    if m:
        for line in m.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta


def read_bytes(path: Path, limit: int, what: str = "") -> bytes:
    """A file's bytes, or ArticleError naming it when it is over `limit` bytes or cannot be read."""
    name = display_name(path)
    try:
        size = path.stat().st_size
        if size > limit:
            raise ArticleError(f"{name}: {size:,} bytes is larger than the {limit:,}-byte limit{what}")
        return path.read_bytes()
    except OSError as err:
        raise ArticleError(f"{name}: cannot read the file ({err.strerror or err})") from None


def read_article(path: str | Path) -> Article:
    """Read one .txt/.md article; raise ArticleError naming the file when it cannot be used."""
    path = Path(path)
    return article_from_bytes(read_bytes(path, MAX_BYTES, " for one article"), display_name(path))


def article_from_bytes(data: bytes, name: str) -> Article:
    """An article from a file's bytes (an upload, a file read): `name` gives its id and error messages."""
    if len(data) > MAX_BYTES:
        raise ArticleError(f"{name}: {len(data):,} bytes is larger than the {MAX_BYTES:,}-byte limit for one article")
    suffix = Path(name).suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise ArticleError(f"{name}: not an article file (expected {' or '.join(ARTICLE_SUFFIXES)})")
    text, warnings = decode(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta = _front_matter(text)
    article = Article(
        article_id=Path(name).stem,
        text=text,
        title=meta.get("title", ""),
        published=meta.get("date", meta.get("published", "")),
        outlet=meta.get("outlet", ""),
        url=meta.get("url", ""),
        source=name,
        warnings=warnings,
    )
    if not article.paragraphs or not any(c.isalpha() for c in _TAG.sub(" ", text[article.body_start:])):
        raise ArticleError(f"{name}: no text to read (only spaces, markup or symbols)")
    return article


def web_article(text: str, *, url: str = "", title: str = "", published: str = "", outlet: str = "",
                source: str = "", fetched_at: str = "", fallback_id: str = "") -> Article:
    """An article read from the web, a saved page or a table of articles. Its id comes from its URL
    (normalised: tracking parameters dropped), so the same article reached from a feed, from its link or
    from a saved copy is one article; without a URL, `fallback_id`."""
    from claims.sources.urls import normalise_url, site_name, url_article_id

    name = source or url or fallback_id
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "\ufffd")
    if not text.strip():
        raise ArticleError(f"{name}: no text to read")
    if not url and not fallback_id:
        raise ArticleError(f"{name}: neither a URL nor an id to name the article by")
    article = Article(article_id=url_article_id(url) if url else fallback_id, text=text, title=title.strip(),
                      published=published.strip(), outlet=outlet.strip() or (site_name(url) if url else ""),
                      url=normalise_url(url) if url else "", source=name, fetched_at=fetched_at)
    if not article.paragraphs or not any(c.isalpha() for c in text):
        raise ArticleError(f"{name}: no text to read (only spaces or symbols)")
    return article


def find_article_files(paths: Iterable[str | Path], suffixes: tuple[str, ...] = ARTICLE_SUFFIXES,
                       ) -> tuple[list[Path], list[str]]:
    """Article files (ending in one of `suffixes`) under the given files and folders, sorted; and the
    problems met."""
    wanted = ", ".join(suffixes[:-1]) + " or " + suffixes[-1] if len(suffixes) > 1 else suffixes[0]
    files: list[Path] = []
    problems: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(_folder_articles(p, problems, suffixes))
            if not found:
                problems.append(f"{display_name(p)}: no {wanted} articles in this folder")
            files.extend(found)
        elif p.is_file():
            if p.suffix.lower() not in suffixes:
                problems.append(f"{display_name(p)}: not an article file (expected {wanted})")
            else:
                files.append(p)
        elif p.is_symlink():
            problems.append(_bad_link(p))
        else:
            problems.append(f"{display_name(p)}: no such file or folder")
    return files, problems


def _folder_articles(folder: Path, problems: list[str], suffixes: tuple[str, ...] = ARTICLE_SUFFIXES,
                     ) -> Iterator[Path]:
    """Article files in a folder and its subfolders, links followed; a link that leads nowhere, or
    back to a folder already read (a loop), is named in `problems` and skipped."""
    seen = {os.path.realpath(folder)}
    for root, dirs, names in os.walk(folder, followlinks=True, onerror=lambda err: problems.append(
            f"{display_name(err.filename)}: cannot read this folder ({err.strerror})")):
        for d in list(dirs):
            real = os.path.realpath(Path(root) / d)
            if real in seen:
                problems.append(f"{display_name(Path(root) / d)}: a symbolic link that loops back to a folder "
                                "already read; skipped")
                dirs.remove(d)
            seen.add(real)
        for name in sorted(names):
            f = Path(root) / name
            if f.is_symlink() and not f.exists():
                problems.append(_bad_link(f))
            elif f.is_file() and f.suffix.lower() in suffixes:
                yield f


def _bad_link(link: Path) -> str:
    try:
        link.resolve(strict=True)
    except RuntimeError:  # Python 3.11 reports a loop this way
        return f"{display_name(link)}: a symbolic link that loops back on itself; skipped"
    except OSError as err:
        if err.errno == errno.ELOOP:
            return f"{display_name(link)}: a symbolic link that loops back on itself; skipped"
    return f"{display_name(link)}: a symbolic link to nothing (its target is missing); skipped"


def iter_articles(paths: Iterable[str | Path], problems: list[str] | None = None) -> Iterator[Article]:
    """Articles read from files and folders; problems are logged and appended, never raised."""
    problems = [] if problems is None else problems
    files, found_problems = find_article_files(paths)
    problems.extend(found_problems)
    for msg in found_problems:
        log.warning(msg)
    seen: dict[str, Path] = {}
    for f in files:
        try:
            article = read_article(f)
        except ArticleError as err:
            problems.append(str(err))
            log.warning(str(err))
            continue
        if article.article_id in seen:
            msg = (f"{display_name(f)}: same article id as {display_name(seen[article.article_id])}; "
                   "skipped (rename one of them)")
            problems.append(msg)
            log.warning(msg)
            continue
        seen[article.article_id] = f
        for w in article.warnings:
            log.warning(w)
        yield article
