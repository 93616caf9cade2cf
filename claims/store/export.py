"""Exports of stored claims: CSV (also `;`-separated for French Excel), .xlsx, JSONL, and ClaimReview
JSON-LD for claims with a verdict. The columns of CSV and .xlsx are claims.exports.EXPORT_COLUMNS."""
from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator

import pandas as pd

from claims.export_formats import FORMATS, SUFFIXES, TABLE_FORMATS
from claims.exports import frame_to_arrow, reading_table, write_csv, write_xlsx
from claims.labels import DEFAULT_LANGUAGE
from claims.readable import claim_or_sentence
from claims.safe import http_url
from claims.schema import write_frames, write_stream
from claims.settings import DeskSettings, desk_settings
from claims.store.db import Store
from claims.store.statuses import verdict_statuses

__all__ = ["FORMATS", "SUFFIXES", "claim_reviews", "export", "export_bytes", "export_store", "verdict_statuses"]


def claim_reviews(df: pd.DataFrame, settings: DeskSettings | None = None) -> list[dict]:
    """schema.org ClaimReview records (https://schema.org/ClaimReview) for reviewed claims: signed with
    the desk's name, at the check's address when the desk has set one (claims.settings), dated by the
    verdict."""
    settings = settings or desk_settings()
    verdicts = verdict_statuses()
    out = []
    for r in df[df["status"].isin(list(verdicts))].itertuples():
        v = verdicts[r.status]
        author_type = "Person" if r.speaker_type == "person" else "Organization"
        appearance = {"@type": "CreativeWork", "headline": r.article_title or r.article_id}
        if http_url(getattr(r, "url", "")):  # never a javascript: or data: link from front matter
            appearance["url"] = r.url
        if r.published:
            appearance["datePublished"] = r.published
        review_url = settings.review_url_for(r.claim_id)
        out.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            **({"url": review_url} if review_url else {}),
            "claimReviewed": claim_or_sentence(getattr(r, "claim", ""), r.sentence_text) or r.text,
            "datePublished": (r.reviewed_at or "")[:10],
            "author": {"@type": "Organization", "name": settings.desk_name},
            "itemReviewed": {"@type": "Claim", "author": {"@type": author_type, "name": r.speaker or "unknown"},
                             "appearance": [appearance]},
            "reviewRating": {"@type": "Rating", "ratingValue": int(v["rating"]), "bestRating": 5, "worstRating": 1,
                             "alternateName": v["label"]},
            **({"reviewBody": r.note} if r.note else {}),
            **_citations(getattr(r, "evidence_urls", None)),
        })
    return out


def _citations(urls) -> dict:
    """The verdict's source links as ClaimReview `citation` (only http(s) links are published)."""
    links = [u for u in (urls if isinstance(urls, list) else []) if http_url(u)]
    return {"citation": [{"@type": "CreativeWork", "url": u} for u in links]} if links else {}


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; one of: {', '.join(FORMATS)}")


def export(source: pd.DataFrame | Iterable[pd.DataFrame], path: str, fmt: str, bom: bool = False,
           lang: str = DEFAULT_LANGUAGE, settings: DeskSettings | None = None) -> int:
    """Write a frame, or a stream of frames (Store.iter_claims_frames), to `path` as `fmt`;
    returns the number of records written."""
    _check_format(fmt)
    if not path.endswith(SUFFIXES[fmt]):
        raise ValueError(f"{path}: a {fmt} export must end in {' or '.join(SUFFIXES[fmt])}")
    frames = [source] if isinstance(source, pd.DataFrame) else source
    if fmt == "claimreview":
        records = [rec for df in frames for rec in claim_reviews(df, settings)]
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(records, fh, ensure_ascii=False, indent=2)
        return len(records)
    if fmt in TABLE_FORMATS:
        with open(path, "wb") as fh:
            return _write_table(fmt, (frame_to_arrow(df) for df in frames), fh, bom, lang)
    return write_frames(frames, path, bom=bom)


def _write_table(fmt: str, tables: Iterable, fh, bom: bool, lang: str) -> int:
    """Store columns as Arrow tables → the reading-order file `fmt` (csv, excel-fr, xlsx) on `fh`."""
    excel_fr = fmt == "excel-fr"
    rendered = (reading_table(t, lang, decimal_comma=excel_fr) for t in tables)
    if fmt == "xlsx":
        return write_xlsx(rendered, fh, lang=lang)
    return write_csv(rendered, fh, lang=lang, excel_fr=excel_fr, bom=bom)


def export_store(store: Store, path: str, fmt: str, *, status: Iterable[str] | None = None,
                 speaker: Iterable[str] | None = None, bom: bool = False, ids=None,
                 lang: str = DEFAULT_LANGUAGE, settings: DeskSettings | None = None) -> int:
    """Export stored claims (optionally filtered, or only those whose id is in the pyarrow array `ids`)
    to `path`; returns the number of records.

    CSV and .xlsx from a SQLite store go through Arrow (ADBC reads the rows into Arrow batches in storage
    order, Arrow sorts them into article order, renders the reading-order columns and writes them; nothing
    becomes a Python object but the distinct codes and marker lists): a million claims in a few seconds.
    Everything else streams pandas frames of 100,000 rows."""
    _check_format(fmt)
    if fmt in ("csv", "excel-fr") and store.is_sqlite and path.endswith(".csv"):
        return _csv_via_arrow(store, path, fmt, status, speaker, ids, bom, lang)
    if fmt in TABLE_FORMATS and path.endswith(SUFFIXES[fmt]):
        with open(path, "wb") as fh:
            return _write_table(fmt, _store_tables(store, status, speaker, ids), fh, bom, lang)
    if ids is not None:
        from claims.store.columnar import view_frame

        return export([view_frame(store, ids)], path, fmt, bom=bom, lang=lang, settings=settings)
    return export(store.iter_claims_frames(status=status, speaker=speaker), path, fmt, bom=bom, lang=lang,
                  settings=settings)


def _csv_via_arrow(store: Store, path: str, fmt: str, status, speaker, ids, bom: bool, lang: str) -> int:
    """CSV from SQLite: ADBC reads the claims in storage order, each batch is rendered (reading-order
    columns, words, neutralised cells) into CSV bytes by Arrow's writer as it arrives, and the rows'
    bytes are written in article order."""
    from claims.direct_file import DirectFile
    from claims.exports import SOURCE_COLUMNS, csv_header, csv_rows
    from claims.store.columnar import write_in_article_order

    excel_fr = fmt == "excel-fr"
    delimiter = ";" if excel_fr else ","

    def render(batch, room):
        return csv_rows(reading_table(batch, lang, decimal_comma=excel_fr), delimiter, room)

    with DirectFile(path) as out:  # 0.2 s for a million claims' CSV instead of 1.2–1.6 s through the page cache
        out.write(csv_header(lang, excel_fr=excel_fr, bom=bom))
        return write_in_article_order(store, render, out.write, status=status, speaker=speaker, ids=ids, adbc=True,
                                      processes=export_processes(), columns=SOURCE_COLUMNS)


def export_processes() -> int:
    """Processes a big CSV export reads and renders with: this machine's cores, at most 4
    ($CLAIMS_EXPORT_PROCESSES sets it; 1 reads in this process only)."""
    import os

    wanted = os.environ.get("CLAIMS_EXPORT_PROCESSES", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, 4))


def _store_tables(store: Store, status, speaker, ids) -> Iterator:
    """The chosen claims' store columns as Arrow, in article order, 100,000 rows at a time."""
    if store.is_sqlite:
        from claims.store.columnar import review_batches

        yield from review_batches(store, status=status, speaker=speaker, ids=ids, adbc=True)
        return
    if ids is not None:
        from claims.store.columnar import view_frame

        yield frame_to_arrow(view_frame(store, ids))
        return
    for df in store.iter_claims_frames(status=status, speaker=speaker):
        yield frame_to_arrow(df)


def export_bytes(df: pd.DataFrame, fmt: str, lang: str = DEFAULT_LANGUAGE,
                 settings: DeskSettings | None = None) -> bytes:
    """The frame exported as `fmt`, in memory (for a download button). CSV carries a BOM so that
    Excel opens it as UTF-8."""
    _check_format(fmt)
    if fmt == "claimreview":
        return json.dumps(claim_reviews(df, settings), ensure_ascii=False, indent=2).encode("utf-8")
    if fmt in TABLE_FORMATS:
        buf = io.BytesIO()
        _write_table(fmt, [frame_to_arrow(df)], buf, True, lang)
        return buf.getvalue()
    text = io.StringIO()
    write_stream([df], text, fmt)
    return text.getvalue().encode("utf-8")


def export_view(store: Store, ids, fmt: str, lang: str = DEFAULT_LANGUAGE) -> bytes:
    """The claims with these ids (pyarrow array: the dashboard's view) exported as `fmt`, in article order."""
    from claims.store.columnar import view_frame

    return export_bytes(view_frame(store, ids), fmt, lang)


BROWSER_EXPORT_ROWS = 100_000  # a bigger view is exported by the command line (Streamlit holds downloads in memory)
# openpyxl writes some 100,000 cells a second: a bigger .xlsx than this is offered by the command line
BROWSER_XLSX_ROWS = 20_000


def export_command(db: str, filters, output: str) -> str:
    """The `claims export` command that writes the same view (claims.views.Filters) to `output`."""
    import shlex
    from urllib.parse import urlencode

    view = urlencode(filters.to_params(), doseq=True)
    fmt = {".jsonl": "jsonl", ".xlsx": "xlsx"}.get(output[output.rfind("."):], "csv")
    return (f"python -m claims export --format {fmt} "
            f"--db {shlex.quote(db)}" + (f" --view {shlex.quote(view)}" if view else "") + f" -o {shlex.quote(output)}")
