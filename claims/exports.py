"""The claims as a newsroom reads them in a file: which columns, in which order, under which header,
with words instead of codes — one definition for the command line and the dashboard, for CSV, the
`;` CSV of French Excel and `.xlsx`.

Columns come in reading order (date, outlet, speaker, claim, certainty, markers, status, verdict note,
sources, article URL), then what a reviewer checks the extraction with, then ids and offsets. Headers
and the words for statuses, kinds, certainty levels and marker types come from the label catalogue
(claims/data/labels.tsv, group `column` for headers), in English or French.

Everything works on Arrow tables holding the store's columns (claims.store.queries.REVIEW_COLUMNS,
list columns as JSON text), so a million claims are rendered with Arrow's compute, each distinct
code or marker list turned into words once. No store import: claims.store.export reads and writes.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import IO

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from claims.labels import DEFAULT_LANGUAGE, label
from claims.safe import neutralise_arrow, neutralise_frame


@dataclass(frozen=True)
class ExportColumn:
    name: str  # the column's code (its header is label("column", name))
    source: str  # the store column it is made from
    how: str  # text | date | label:<group> | markers | list | number | int | id


EXPORT_COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn("date", "published", "date"),  # published, else the day it was ingested: one date column
    ExportColumn("outlet", "outlet", "text"),
    ExportColumn("speaker", "speaker", "text"),
    ExportColumn("claim", "claim", "text"),
    ExportColumn("certainty", "certainty", "label:certainty"),
    ExportColumn("markers", "certainty_markers", "markers"),
    ExportColumn("status", "status", "label:status"),
    ExportColumn("note", "note", "text"),
    ExportColumn("sources", "evidence_urls", "list"),  # the verdict's source links, when the store has them
    ExportColumn("url", "url", "text"),
    ExportColumn("reviewer", "reviewer", "text"),
    ExportColumn("reviewed_at", "reviewed_at", "id"),
    ExportColumn("kind", "kind", "label:kind"),
    ExportColumn("speaker_mention", "speaker_mention", "text"),
    ExportColumn("speaker_type", "speaker_type", "label:speaker_type"),
    ExportColumn("speaker_resolution", "speaker_resolution", "label:resolution"),
    ExportColumn("speaker_confidence", "speaker_confidence", "number"),
    ExportColumn("cue", "cue", "text"),
    ExportColumn("about", "about", "list"),
    ExportColumn("article_title", "article_title", "text"),
    ExportColumn("text", "text", "text"),
    ExportColumn("sentence_text", "sentence_text", "text"),
    ExportColumn("claim_id", "claim_id", "id"),
    ExportColumn("article_id", "article_id", "text"),
    ExportColumn("cluster_id", "cluster_id", "id"),
    ExportColumn("version", "version", "int"),
    ExportColumn("paragraph", "paragraph", "int"),
    ExportColumn("sentence", "sentence", "int"),
    ExportColumn("start", "start", "int"),
    ExportColumn("end", "end", "int"),
    ExportColumn("speaker_start", "speaker_start", "int"),
    ExportColumn("speaker_end", "speaker_end", "int"),
    ExportColumn("cue_start", "cue_start", "int"),
    ExportColumn("cue_end", "cue_end", "int"),
)
EXPORT_NAMES = [c.name for c in EXPORT_COLUMNS]
# store columns the export reads (evidence_urls only where the store has it)
SOURCE_COLUMNS = list(dict.fromkeys([c.source for c in EXPORT_COLUMNS] + ["ingested_at"]))
_JSON_SOURCES = ("certainty_markers", "about", "evidence_urls")
# made by the tool (ids, dates, words of the catalogue, numbers): no formula to neutralise
_GENERATED = [c.name for c in EXPORT_COLUMNS if c.how in ("id", "date", "int", "number") or c.how.startswith("label")]
LIST_SEPARATOR = "; "
XLSX_MAX_ROWS = 1_048_575  # Excel's sheet limit, less the header row
_XLSX_MAX_CELL = 32_767
_XLSX_WIDTHS = {"date": 11, "outlet": 16, "speaker": 22, "claim": 70, "certainty": 14, "markers": 30, "status": 14,
                "note": 30, "sources": 30, "url": 30, "text": 50, "sentence_text": 60, "article_title": 30}


def headers(lang: str = DEFAULT_LANGUAGE) -> list[str]:
    """The header of each export column in `lang` (claims/data/labels.tsv, group column)."""
    return [label("column", c.name, lang) for c in EXPORT_COLUMNS]


def markers_words(markers: list[dict], lang: str = DEFAULT_LANGUAGE) -> str:
    """'aurait tenté (conditional); Selon certaines sources (vague source)', the types as words."""
    return LIST_SEPARATOR.join(f"{m['text']} ({label('marker', m['type'], lang)})" for m in markers)


def reading_table(table: pa.Table | pa.RecordBatch, lang: str = DEFAULT_LANGUAGE, *,
                  decimal_comma: bool = False) -> pa.Table:
    """The store's columns (`SOURCE_COLUMNS`, lists as JSON text) → EXPORT_COLUMNS in reading order, as
    text a person reads, under their `lang` headers; text cells neutralised against spreadsheet formulas."""
    if isinstance(table, pa.RecordBatch):
        table = pa.Table.from_batches([table])
    n = table.num_rows
    out = []
    for col in EXPORT_COLUMNS:
        source = table.column(col.source) if col.source in table.column_names else pa.nulls(n, pa.string())
        out.append(_render(col, source, table, lang, decimal_comma))
    rendered = pa.table(out, names=EXPORT_NAMES)
    rendered = neutralise_arrow(rendered, skip=_GENERATED)
    return rendered.rename_columns(headers(lang))


def _render(col: ExportColumn, source, table: pa.Table, lang: str, decimal_comma: bool):
    if col.how == "date":
        published = pc.utf8_slice_codeunits(pc.fill_null(source.cast(pa.string()), ""), 0, 10)
        ingested = pc.utf8_slice_codeunits(pc.fill_null(table.column("ingested_at").cast(pa.string()), ""), 0, 10) \
            if "ingested_at" in table.column_names else published
        return pc.if_else(pc.equal(published, ""), ingested, published)
    if col.how.startswith("label:"):
        group = col.how.split(":", 1)[1]
        return _per_distinct(source, lambda v: label(group, v, lang) if v else "")
    if col.how == "markers":
        return _per_distinct(source, lambda v: markers_words(json.loads(v), lang) if v else "")
    if col.how == "list":
        return _per_distinct(source, lambda v: LIST_SEPARATOR.join(map(str, json.loads(v))) if v else "")
    if col.how == "number":
        text = pc.fill_null(pc.cast(source, pa.string()), "")
        return pc.replace_substring(text, ".", ",") if decimal_comma else text
    if col.how == "int":
        return pc.cast(source, pa.int64())
    return pc.fill_null(source.cast(pa.string()), "")


def _per_distinct(column, to_text) -> pa.Array:
    """`to_text` on each distinct value of a string column once, spread back to the rows."""
    column = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    encoded = pc.dictionary_encode(pc.fill_null(column.cast(pa.string()), ""))
    texts = [to_text(v) for v in encoded.dictionary.to_pylist()]
    return pc.take(pa.array(texts, pa.string()), encoded.indices)


def frame_to_arrow(df: pd.DataFrame) -> pa.Table:
    """A store frame (claims.store.queries.review_frame: lists decoded) → the Arrow columns
    reading_table reads, lists back as JSON text."""
    columns = {}
    for name in SOURCE_COLUMNS:
        if name not in df:
            continue
        values = df[name]
        if name in _JSON_SOURCES:
            values = [json.dumps(v, ensure_ascii=False) if isinstance(v, list) else (v or "") for v in values]
            columns[name] = pa.array(values, pa.string())
        elif pd.api.types.is_integer_dtype(values):
            columns[name] = pa.array(values.to_numpy(), pa.int64())
        elif pd.api.types.is_float_dtype(values):
            columns[name] = pa.array(values.to_numpy(), pa.float64())
        else:
            columns[name] = pa.array(values.fillna("").astype(str).tolist(), pa.string())
    return pa.table(columns)


def write_csv(tables: Iterable[pa.Table], fh: IO[bytes], *, lang: str = DEFAULT_LANGUAGE,
              excel_fr: bool = False, bom: bool = False) -> int:
    """Reading-order tables (reading_table) to an open binary file as CSV; `excel_fr`: `;`-separated
    (what French Excel splits on), with a BOM. Returns the rows written."""
    import pyarrow.csv as pa_csv

    delimiter = ";" if excel_fr else ","
    fh.write(csv_header(lang, excel_fr=excel_fr, bom=bom))
    options = pa_csv.WriteOptions(include_header=False, delimiter=delimiter)
    n = 0
    for table in tables:
        pa_csv.write_csv(table, fh, options)
        n += table.num_rows
    return n


def csv_rows(table: pa.Table, delimiter: str = ",", into: pa.Buffer | None = None) -> tuple[pa.Buffer, np.ndarray]:
    """A reading-order table as CSV bytes, exactly as Arrow's CSV writer writes it (strings quoted,
    quotes doubled, numbers bare), and where each row starts in them (one offset a row, plus the end),
    so that rows can be put in article order by moving byte ranges.

    A row ends with a newline right after its last cell, a number (EXPORT_COLUMNS ends with offsets);
    a newline inside a quoted text that looks the same is rare, and then the rows are measured cell by
    cell instead. `into`: a writable buffer to write the bytes in when they fit (no buffer of their own)."""
    import pyarrow.csv as pa_csv

    options = pa_csv.WriteOptions(include_header=False, delimiter=delimiter)
    data = None
    if into is not None:
        try:
            with pa.FixedSizeBufferWriter(into) as sink:
                pa_csv.write_csv(table, sink, options)
                data = into.slice(0, sink.tell())
        except OSError:  # more than the room left: a buffer of their own
            data = None
    if data is None:
        sink = pa.BufferOutputStream()
        pa_csv.write_csv(table, sink, options)
        data = sink.getvalue()
    raw = np.frombuffer(data, dtype=np.uint8)
    ends = _newlines(raw)
    if len(ends) != table.num_rows:  # newlines inside texts: keep those after a number or an empty cell
        before = raw[np.maximum(ends - 1, 0)]
        ends = ends[((before >= 48) & (before <= 57)) | (before == ord(delimiter))]
    if len(ends) == table.num_rows:
        return data, np.concatenate([[0], ends + 1]).astype(np.int64)
    offsets = _measured_rows(table)
    if offsets[-1] != data.size:  # a cell the writer wrote otherwise than counted: never cut a row wrong
        raise RuntimeError(f"CSV rows do not add up: {offsets[-1]} bytes counted, {data.size} written")
    return data, offsets


def _newlines(raw: np.ndarray, step: int = 1 << 22) -> np.ndarray:
    """Where the newlines are in `raw`, 4 MB at a time: one comparison of a whole batch (65 MB for 100,000
    claims) takes a 65 MB temporary array of fresh memory each time, ten times slower on this machine."""
    parts = [np.flatnonzero(raw[a: a + step] == 10) + a for a in range(0, len(raw), step)]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def _measured_rows(table: pa.Table) -> np.ndarray:
    """Where each row starts in the CSV of `table`, from its cells' lengths (quotes doubled)."""
    lengths = np.full(table.num_rows, table.num_columns, dtype=np.int64)  # the delimiters and the newline
    for column in table.columns:
        column = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
        if pa.types.is_string(column.type) or pa.types.is_large_string(column.type):
            column = pc.fill_null(column, "")
            cells = pc.add(pc.add(pc.binary_length(column), pc.count_substring(column, '"')), 2)
        else:
            cells = pc.binary_length(pc.fill_null(pc.cast(column, pa.string()), ""))
        lengths += cells.to_numpy(zero_copy_only=False).astype(np.int64, copy=False)
    offsets = np.zeros(table.num_rows + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    return offsets


def csv_header(lang: str = DEFAULT_LANGUAGE, *, excel_fr: bool = False, bom: bool = False) -> bytes:
    """The header line (with a BOM for Excel) of a CSV export."""
    delimiter = ";" if excel_fr else ","
    line = delimiter.join(_csv_quote(h, delimiter) for h in headers(lang)) + "\n"
    return ("\ufeff" if bom or excel_fr else "").encode() + line.encode("utf-8")


def _csv_quote(text: str, delimiter: str) -> str:
    return f'"{text.replace(chr(34), chr(34) * 2)}"' if re.search(f'[{delimiter}"\n\r]', text) else text


_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def write_xlsx(tables: Iterable[pa.Table], fh: IO[bytes] | str, *, lang: str = DEFAULT_LANGUAGE) -> int:
    """Reading-order tables to an `.xlsx` workbook (openpyxl, streamed: write-only): one sheet, a bold
    header row that stays in view, column widths set; every text cell goes through
    claims.safe.neutralise_frame. Returns the rows written; more than Excel's sheet holds is refused."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(label("column", "sheet", lang))
    ws.freeze_panes = "A2"
    for i, col in enumerate(EXPORT_COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = _XLSX_WIDTHS.get(col.name, 14)
    bold = Font(bold=True)
    row = []
    for h in headers(lang):
        cell = WriteOnlyCell(ws, value=h)
        cell.font = bold
        row.append(cell)
    ws.append(row)
    n = 0
    for table in tables:
        if n + table.num_rows > XLSX_MAX_ROWS:
            raise ValueError(f"{n + table.num_rows:,} claims: more than an Excel sheet holds ({XLSX_MAX_ROWS:,}); "
                             "export them as CSV")
        df = neutralise_frame(table.to_pandas(), copy=False)
        for values in df.itertuples(index=False, name=None):
            ws.append([_xlsx_value(v) for v in values])
        n += table.num_rows
    wb.save(fh)
    return n


def _xlsx_value(value):
    """A cell openpyxl can write: no XML control character, at most Excel's 32,767 characters."""
    if isinstance(value, str):
        value = _ILLEGAL_XML.sub("\ufffd", value)
        return value if len(value) <= _XLSX_MAX_CELL else value[: _XLSX_MAX_CELL - 1] + "…"
    return value
