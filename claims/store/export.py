"""Exports of stored claims: CSV, JSONL, and ClaimReview JSON-LD for claims with a verdict."""
from __future__ import annotations

import io
import json
from collections.abc import Iterable

import pandas as pd

from claims.safe import http_url, neutralise_arrow
from claims.schema import list_to_text, markers_to_text, write_frames, write_stream
from claims.store.db import Store
from claims.store.queries import REVIEW_COLUMNS
from claims.store.statuses import verdict_statuses

# each format and the file names it may be written to
SUFFIXES = {"csv": (".csv",), "jsonl": (".jsonl",), "claimreview": (".json", ".jsonld")}
FORMATS = tuple(SUFFIXES)
# columns whose values the tool makes (ids, fixed vocabularies, its own timestamps): no formula to neutralise
_GENERATED = ("claim_id", "kind", "speaker_type", "certainty", "status", "reviewed_at", "cluster_id", "ingested_at",
              "not_claim")
__all__ = ["FORMATS", "SUFFIXES", "claim_reviews", "export", "export_bytes", "export_store", "verdict_statuses"]


def claim_reviews(df: pd.DataFrame, desk: str = "claims fact-checking desk") -> list[dict]:
    """schema.org ClaimReview records (https://schema.org/ClaimReview) for reviewed claims."""
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
        out.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "claimReviewed": r.text,
            "datePublished": (r.reviewed_at or "")[:10],
            "author": {"@type": "Organization", "name": desk},
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


def export(source: pd.DataFrame | Iterable[pd.DataFrame], path: str, fmt: str, bom: bool = False) -> int:
    """Write a frame, or a stream of frames (Store.iter_claims_frames), to `path` as `fmt`;
    returns the number of records written."""
    _check_format(fmt)
    if not path.endswith(SUFFIXES[fmt]):
        raise ValueError(f"{path}: a {fmt} export must end in {' or '.join(SUFFIXES[fmt])}")
    frames = [source] if isinstance(source, pd.DataFrame) else source
    if fmt == "claimreview":
        records = [rec for df in frames for rec in claim_reviews(df)]
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(records, fh, ensure_ascii=False, indent=2)
        return len(records)
    return write_frames(frames, path, bom=bom)


def export_store(store: Store, path: str, fmt: str, *, status: Iterable[str] | None = None,
                 speaker: Iterable[str] | None = None, bom: bool = False, ids=None) -> int:
    """Export stored claims (optionally filtered, or only those whose id is in the pyarrow array `ids`)
    to `path`; returns the number of records.

    CSV from a SQLite store goes through Arrow (ADBC reads the rows into Arrow batches in storage order,
    Arrow sorts them into article order and its CSV writer writes them; nothing becomes a Python object
    but the distinct marker lists): a million claims in a few seconds. Everything else streams pandas
    frames of 100,000 rows."""
    if fmt == "csv" and store.is_sqlite and path.endswith(".csv"):
        return _csv_via_arrow(store, path, status, speaker, bom, ids)
    if ids is not None:
        from claims.store.columnar import view_frame

        return export([view_frame(store, ids)], path, fmt, bom=bom)
    return export(store.iter_claims_frames(status=status, speaker=speaker), path, fmt, bom=bom)


def _csv_via_arrow(store: Store, path: str, status, speaker, bom: bool, ids=None) -> int:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pa_csv

    from claims.store.columnar import review_batches

    n = 0
    with open(path, "wb") as fh:
        if bom:
            fh.write("\ufeff".encode())
        writer = None
        for batch in review_batches(store, status=status, speaker=speaker, ids=ids, adbc=True):
            table = pa.Table.from_batches([batch])
            for name, to_text in (("certainty_markers", markers_to_text), ("about", list_to_text),
                                  ("evidence_urls", list_to_text)):
                table = table.set_column(table.schema.get_field_index(name), name,
                                         _json_to_text(table.column(name), to_text))
            flag = table.schema.get_field_index("not_claim")  # 0/1 in SQLite: written as the frame writes a bool
            table = table.set_column(flag, "not_claim", pc.if_else(pc.cast(table.column(flag), pa.bool_()),
                                                                   "True", "False"))
            table = neutralise_arrow(table, skip=_GENERATED)  # no cell starts a spreadsheet formula
            if writer is None:
                writer = pa_csv.CSVWriter(fh, table.schema)
            writer.write_table(table)
            n += table.num_rows
        if writer is None:  # no claims: a header alone, like the other path
            fh.write((",".join(REVIEW_COLUMNS) + "\n").encode())
        else:
            writer.close()
    return n


def _json_to_text(column, to_text):
    """A column of JSON lists → readable text, decoding each distinct value once."""
    import pyarrow as pa
    import pyarrow.compute as pc

    encoded = pc.dictionary_encode(pc.fill_null(column.combine_chunks().cast(pa.string()), ""))
    texts = [to_text(json.loads(v)) if v else "" for v in encoded.dictionary.to_pylist()]
    return pc.take(pa.array(texts, pa.string()), encoded.indices)


def export_bytes(df: pd.DataFrame, fmt: str) -> bytes:
    """The frame exported as `fmt`, in memory (for a download button). CSV carries a BOM so that
    Excel opens it as UTF-8."""
    _check_format(fmt)
    if fmt == "claimreview":
        return json.dumps(claim_reviews(df), ensure_ascii=False, indent=2).encode("utf-8")
    buf = io.StringIO()
    write_stream([df], buf, fmt)
    return ("\ufeff" if fmt == "csv" else "").encode("utf-8") + buf.getvalue().encode("utf-8")


def export_view(store: Store, ids, fmt: str) -> bytes:
    """The claims with these ids (pyarrow array: the dashboard's view) exported as `fmt`, in article order."""
    from claims.store.columnar import view_frame

    return export_bytes(view_frame(store, ids), fmt)


BROWSER_EXPORT_ROWS = 100_000  # a bigger view is exported by the command line (Streamlit holds downloads in memory)


def export_command(db: str, filters, output: str) -> str:
    """The `claims export` command that writes the same view (claims.views.Filters) to `output`."""
    import shlex
    from urllib.parse import urlencode

    view = urlencode(filters.to_params(), doseq=True)
    return (f"python -m claims export --format {'jsonl' if output.endswith('.jsonl') else 'csv'} "
            f"--db {shlex.quote(db)}" + (f" --view {shlex.quote(view)}" if view else "") + f" -o {shlex.quote(output)}")
