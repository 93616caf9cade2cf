"""Tables of articles: JSON lines (.jsonl) and CSV files, one article a line or row.

Columns: `text` (required), and optional `title`, `url`, `published` (or `date`), `outlet`, `id`.
An article with a URL gets the URL's id (the same article as its page); else `id`, else the file's
name and the row number. CSV: UTF-8 (with or without BOM), comma, semicolon or tab separated.
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path

from claims.articles import MAX_BYTES, Article, ArticleError, decode, display_name, read_bytes, web_article

TABLE_SUFFIXES = (".jsonl", ".csv")
KNOWN_COLUMNS = ("text", "title", "url", "published", "date", "outlet", "id")
MAX_TABLE_BYTES = 2_000_000_000  # read a line at a time: only a whole file this big is refused


def read_table_file(path: str | Path, problems: list[str]) -> Iterator[Article]:
    """The articles of a .jsonl or .csv file; a bad row is named (file and line) in `problems` and
    skipped; a file that cannot be a table of articles raises ArticleError naming it."""
    path = Path(path)
    name = display_name(path)
    data = read_bytes(path, MAX_TABLE_BYTES)
    text, warnings = decode(data, name)
    problems.extend(warnings)
    rows = _jsonl_rows(text, name) if path.suffix.lower() == ".jsonl" else _csv_rows(text, name, problems)
    for line, row in rows:
        if isinstance(row, str):  # a line that is not a JSON object: its message
            problems.append(row)
            continue
        try:
            yield _article(row, name, path.stem, line)
        except ArticleError as err:
            problems.append(str(err))


def _article(row: dict, name: str, stem: str, line: int) -> Article:
    where = f"{name} line {line}"
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ArticleError(f"{where}: no text; skipped")
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise ArticleError(f"{where}: the text is larger than the {MAX_BYTES:,}-byte limit for one article; skipped")
    url = _field(row, "url")
    if url and not url.lower().startswith(("http://", "https://")):
        raise ArticleError(f"{where}: the url {url[:80]!r} is not an http(s) URL; skipped")
    article = web_article(text, url=url, title=_field(row, "title"), published="", outlet=_field(row, "outlet"),
                          source=where, fallback_id=_field(row, "id") or f"{stem}-{line}")
    written = _field(row, "published") or _field(row, "date")
    article.published = iso_date(written)
    if written and not article.published:
        article.published = written  # kept as written; the dashboard counts it as undated
        article.warnings.append(f"{where}: the date {written[:40]!r} is not YYYY-MM-DD nor DD/MM/YYYY; stored as "
                                "written, the dashboard will show the article as undated")
    return article


_ISO = re.compile(r"\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?)?")
_FRENCH = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})")


def iso_date(value: str) -> str:
    """An ISO 8601 date as given, a French DD/MM/YYYY (or DD.MM.YYYY) as YYYY-MM-DD, else ""."""
    value = value.strip()
    if _ISO.fullmatch(value):
        return value
    m = _FRENCH.fullmatch(value)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31:
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    return ""


def _field(row: dict, key: str) -> str:
    value = row.get(key)
    return "" if value is None else str(value).strip()


def _jsonl_rows(text: str, name: str) -> Iterator[tuple[int, dict | str]]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            yield n, f"{name} line {n}: not JSON ({err.msg}); skipped"
            continue
        yield n, (row if isinstance(row, dict) else f"{name} line {n}: not a JSON object; skipped")


def _csv_rows(text: str, name: str, problems: list[str]) -> Iterator[tuple[int, dict | str]]:
    header = text.split("\n", 1)[0]
    try:
        dialect = csv.Sniffer().sniff(header, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    columns = [c.strip().lower() for c in (reader.fieldnames or [])]
    if "text" not in columns:
        found = ", ".join(repr(c) for c in columns[:12]) or "none"
        raise ArticleError(f"{name}: no `text` column (columns found: {found}); a CSV of articles needs a `text` "
                           f"column, and may have {', '.join(KNOWN_COLUMNS[1:])}")
    unknown = [c for c in columns if c and c not in KNOWN_COLUMNS]
    if unknown:
        problems.append(f"{name}: columns ignored: {', '.join(unknown)} (known: {', '.join(KNOWN_COLUMNS)})")
    reader.fieldnames = columns
    while True:
        start = reader.line_num + 1  # a row's first line (a quoted text spans several)
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            yield start, f"{name} line {start}: not CSV ({err}); the rest of the file is skipped"
            return
        yield start, row
