"""Reading articles from files: encodings, titles, paragraphs, and clear errors.

Offsets everywhere refer to `Article.text`, the file's text exactly as decoded.
"""
from __future__ import annotations

import hashlib
import logging
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


def decode(data: bytes, name: str) -> tuple[str, list[str]]:
    """Text of a file: UTF-8 (with or without BOM), else Windows-1252 with a warning."""
    if not data.strip():
        raise ArticleError(f"{name}: the file is empty")
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


def _front_matter(text: str) -> dict[str, str]:
    m = _FRONT_MATTER.match(text)
    meta = {}
    if m:
        for line in m.group(1).splitlines():
            key, sep, value = line.partition(":")
            if sep:
                meta[key.strip().lower()] = value.strip().strip("\"'")
    return meta


def read_article(path: str | Path) -> Article:
    """Read one .txt/.md article; raise ArticleError naming the file when it cannot be used."""
    path = Path(path)
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleError(f"{name}: {size:,} bytes is larger than the {MAX_BYTES:,}-byte limit for one article")
        data = path.read_bytes()
    except OSError as err:
        raise ArticleError(f"{name}: cannot read the file ({err.strerror or err})") from None
    return article_from_bytes(data, name)


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


def find_article_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[str]]:
    """Article files under the given files and folders, sorted; and the problems met."""
    files: list[Path] = []
    problems: list[str] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in ARTICLE_SUFFIXES)
            if not found:
                problems.append(f"{p}: no .txt or .md articles in this folder")
            files.extend(found)
        elif p.is_file():
            if p.suffix.lower() not in ARTICLE_SUFFIXES:
                problems.append(f"{p}: not an article file (expected {' or '.join(ARTICLE_SUFFIXES)})")
            else:
                files.append(p)
        else:
            problems.append(f"{p}: no such file or folder")
    return files, problems


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
            msg = f"{f}: same article id as {seen[article.article_id]}; skipped (rename one of them)"
            problems.append(msg)
            log.warning(msg)
            continue
        seen[article.article_id] = f
        for w in article.warnings:
            log.warning(w)
        yield article
