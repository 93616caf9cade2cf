"""Stored claims read as Arrow columns, in the order the database keeps them.

Reading in storage order (no ORDER BY) lets SQLite walk its table file front to back instead of
jumping from the (article_id, start) index to each row (a million claims: 2.7 s instead of 4.9 s);
exports restore the documented order by sorting in Arrow. The dashboard's own reads (the compact
desk, the rows shown) go through SQLAlchemy's driver; only the export command uses ADBC (see
record_batches for why).
"""
from __future__ import annotations

import functools
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from sqlalchemy import Boolean, Float, Integer, Select, String, cast, func, literal_column, select

from claims.store import tables as t
from claims.store.db import Store
from claims.store.queries import REVIEW_COLUMNS
from claims.store.queries import review_frame as _review_frame

ORDER = [("article_id", "ascending"), ("start", "ascending")]  # the documented row order of every export
# What the dashboard holds for every claim (the article's title and dates come once per article);
# the claim and sentence text are read for searching, evidence and review text fetched for the rows shown.
DESK_COLUMNS = ["claim_id", "article_id", "start", "kind", "speaker", "speaker_type", "speaker_resolution",
                "certainty", "certainty_markers", "about", "status", "not_claim"]
ARTICLE_COLUMNS = ["article_id", "title", "published", "ingested_at"]
_SEP = "\x1f"  # unit separator: never in a name, a kind or a JSON list
_ROW = "\x1d"  # group separator: between rows joined by the database
_SUB = "\x1e"  # record separator: between the low-cardinality columns packed in one part
_PACKED = [n for n in DESK_COLUMNS if n not in ("claim_id", "article_id", "start")]
_NULL_TEXT = "\x1c"  # file separator: a NULL text read through ADBC (_text_typed), made null again in Arrow
PARALLEL_SLICE_ROWS = 200_000  # the fewest claims a forked export process is worth starting for
_IN_CHUNK = 900  # ids per IN (…) query: under SQLite's bound-parameter limit on every version


def record_batches(store: Store, query: Select, chunk_rows: int = 100_000, *,
                   adbc: bool = False) -> Iterator[pa.RecordBatch]:
    """The rows of `query` as Arrow record batches.

    `adbc=True` (SQLite only) reads through ADBC, rows straight into Arrow: the fastest path, for a
    process that does nothing else with the file (the export command). ADBC links its own copy of
    SQLite, and two copies in one process release each other's POSIX locks, which turns into
    "disk I/O error" for the other connections: the dashboard reads through SQLAlchemy's own driver,
    streaming rows in chunks and turning each chunk into Arrow columns."""
    if adbc and store.is_sqlite:
        import adbc_driver_sqlite.dbapi as adbc_sqlite

        query, nullable = _text_typed(query)
        sql = str(query.compile(dialect=store.engine.dialect, compile_kwargs={"literal_binds": True}))
        with adbc_sqlite.connect(store.sqlite_path) as conn, conn.cursor() as cur:
            # Wait for a lock as the store's own connections do (ADBC's default: fail at once with "database
            # is locked", seen when forked readers open the file while another connection sets up the WAL).
            cur.execute("PRAGMA busy_timeout = 30000")
            cur.fetchall()
            # Big batches: a table of ~1,000 small chunks makes every later take() three times slower.
            cur.adbc_statement.set_options(**{"adbc.sqlite.query.batch_rows": str(chunk_rows)})
            cur.execute(sql)
            for batch in cur.fetch_record_batch():
                yield _nulls_back(batch, nullable)
        return
    schema = _schema(query)  # from the table definition: no chunk typed null
    with store.engine.connect() as conn:
        if store.is_sqlite:  # the DB-API cursor itself: SQLAlchemy's row objects would double the cost
            cursor = conn.connection.cursor()
            cursor.execute(str(query.compile(dialect=store.engine.dialect, compile_kwargs={"literal_binds": True})))
            while rows := cursor.fetchmany(chunk_rows):
                yield pa.RecordBatch.from_arrays([pa.array(col, f.type) for col, f in zip(zip(*rows), schema)],
                                                 schema=schema)
            cursor.close()
            return
        result = conn.execution_options(stream_results=True, yield_per=chunk_rows).execute(query)
        for rows in result.partitions():
            yield pa.RecordBatch.from_arrays([pa.array(col, f.type) for col, f in zip(zip(*rows), schema)],
                                             schema=schema)


def _text_typed(query: Select) -> tuple[Select, set[str]]:
    """`query` with its nullable text columns read as text even when NULL, and their names.

    ADBC's SQLite driver types each column by the values of the first batch it reads, and takes a column that is
    NULL all through it for an integer: the first text after that fails the whole read ("Type mismatch in column
    30: expected INT64 but got STRING/BINARY", apache/arrow-adbc#581). A store of a million claims meets it as
    soon as a verdict's source links, a cluster or a readable claim first appears past the first batch. NULL is
    read as _NULL_TEXT, a character no stored text holds, and made null again by _nulls_back."""
    nullable = {c.name for c in query.selected_columns
                if isinstance(c.type, String) and getattr(c, "nullable", True)}
    if not nullable:
        return query, nullable
    columns = [func.coalesce(c, func.char(ord(_NULL_TEXT))).label(c.name) if c.name in nullable else c
               for c in query.selected_columns]
    return query.with_only_columns(*columns, maintain_column_froms=True), nullable


def _nulls_back(batch: pa.RecordBatch, nullable: set[str]) -> pa.RecordBatch:
    """The batch with _NULL_TEXT made null again in the `nullable` columns (_text_typed)."""
    if not nullable:
        return batch
    columns = [pc.if_else(pc.equal(col, _NULL_TEXT), pa.scalar(None, col.type), col) if name in nullable else col
               for name, col in zip(batch.schema.names, batch.columns)]
    return pa.RecordBatch.from_arrays(columns, names=batch.schema.names)


def read_table(store: Store, query: Select, transform: Callable[[pa.RecordBatch], pa.RecordBatch] | None = None,
               ) -> pa.Table:
    """`query`'s rows as one Arrow table, each batch passed through `transform` as it arrives."""
    batches = [transform(b) if transform else b for b in record_batches(store, query)]
    if not batches:
        empty = pa.RecordBatch.from_pylist([], schema=_schema(query))
        batches = [transform(empty) if transform else empty]
    return pa.Table.from_batches(batches).unify_dictionaries()


def _schema(query: Select) -> pa.Schema:
    """The Arrow types of `query`'s columns as SQLite hands them over (a boolean is an integer there)."""
    return pa.schema([(c.name, pa.int64() if isinstance(c.type, (Integer, Boolean)) else
                       pa.float64() if isinstance(c.type, Float) else pa.string()) for c in query.selected_columns])


def desk_table(store: Store) -> tuple[pa.Table, pa.Table]:
    """(every claim's DESK_COLUMNS in storage order, every article's ARTICLE_COLUMNS).

    Reading a million rows costs per value handed to Python, so the database joins a claim's columns
    into one string (JSON never holds a raw control character, names and kinds hold none): the id, the
    offset, the article, then the low-cardinality rest (kind … status) as one part that Arrow
    dictionary-encodes, so that only its distinct values are split into columns."""
    c = t.claims.c
    row = func.coalesce(c.claim_id, "")
    for name in ("start", "article_id", *_PACKED):
        row = row + (_SEP if name in ("start", "article_id", _PACKED[0]) else _SUB) + func.coalesce(
            cast(c[name], String), "")
    table = _read_rows(store, row, functools.partial(_split, names=["claim_id", "start", "article_id", "packed"],
                                                     ints=("start",), keep=("claim_id",)))
    columns = {name: table.column(name) for name in ("claim_id", "article_id", "start")}
    packed = table.column("packed")
    distinct = packed.chunk(0).dictionary if packed.num_chunks else pa.array([], pa.string())
    parts = pc.split_pattern(distinct, _SUB, max_splits=len(_PACKED) - 1)
    for i, name in enumerate(_PACKED):  # each column: the distinct combinations' value, encoded again
        encoded = pc.dictionary_encode(pc.list_element(parts, i)) if len(distinct) else pa.array([], pa.string())
        values = encoded.dictionary if len(distinct) else encoded
        per_combo = encoded.indices if len(distinct) else pa.array([], pa.int32())
        columns[name] = pa.chunked_array(
            [pa.DictionaryArray.from_arrays(pc.take(per_combo, ch.indices), values) for ch in packed.chunks],
            type=pa.dictionary(pa.int32(), pa.string()))
    articles = read_table(store, select(*[t.articles.c[n] for n in ARTICLE_COLUMNS]))
    return pa.table(columns), articles


def _split(batch: pa.RecordBatch, names: list[str], ints: tuple[str, ...] = (),
           keep: tuple[str, ...] = ()) -> pa.RecordBatch:
    """A batch of one joined string a row → its columns: `ints` as integers, `keep` as plain strings,
    the others dictionary-encoded."""
    parts = pc.split_pattern(batch.column(0), _SEP, max_splits=len(names) - 1)
    columns = []
    for i, name in enumerate(names):
        col = pc.list_element(parts, i)
        if name in ints:
            col = pc.cast(col, pa.int64())
        elif name not in keep:
            col = pc.dictionary_encode(col)
        columns.append(col)
    return pa.RecordBatch.from_arrays(columns, names=names)


def text_table(store: Store) -> pa.Table:
    """claim_id, text and sentence_text of every claim, the texts dictionary-encoded (read like desk_table)."""
    c = t.claims.c
    row = c.claim_id + _SEP + func.coalesce(c.text, "") + _SEP + func.coalesce(c.sentence_text, "")
    return _read_rows(store, row, functools.partial(_split, names=["claim_id", "text", "sentence_text"],
                                                    keep=("claim_id",)))


def _read_rows(store: Store, row, transform: Callable[[pa.RecordBatch], pa.RecordBatch],
               chunk_rows: int = 100_000) -> pa.Table:
    """One joined string a claim (`row`, an SQL expression) → a table, each batch through `transform`.

    SQLite also joins the rows: one string per 100,000 claims (by rowid range) instead of one per claim
    halves the time Python spends receiving them (a million claims: 2.1 s instead of 4.0 s)."""
    if not store.is_sqlite:
        return read_table(store, select(row.label("row")), transform)
    rowid = literal_column("claims.rowid")
    batches = []
    with store.engine.connect() as conn:
        lo, hi = _rowid_range(conn)
        for start in range(lo or 0, (hi or -1) + 1, chunk_rows):
            joined = conn.execute(select(func.group_concat(row, _ROW)).where(
                rowid >= start, rowid < start + chunk_rows)).scalar()
            if joined:
                rows = pc.list_flatten(pc.split_pattern(pa.array([joined]), _ROW))
                batches.append(transform(pa.RecordBatch.from_arrays([rows], names=["row"])))
    if not batches:
        batches = [transform(pa.RecordBatch.from_arrays([pa.array([], pa.string())], names=["row"]))]
    return pa.Table.from_batches(batches).unify_dictionaries()


def _rowid_range(conn) -> tuple[int | None, int | None]:
    """The claims' lowest and highest rowid. Asked apart: SQLite finds a lone min() or max() of the rowid at the ends
    of the table's tree, but scans every row for the two in one SELECT (0.1 s at a million claims, not 1 ms)."""
    rowid = literal_column("claims.rowid")
    return (conn.execute(select(func.min(rowid)).select_from(t.claims)).scalar(),
            conn.execute(select(func.max(rowid)).select_from(t.claims)).scalar())


def review_batches(store: Store, *, status: Iterable[str] | None = None, speaker: Iterable[str] | None = None,
                   ids: pa.Array | None = None, adbc: bool = False,
                   chunk_rows: int = 100_000) -> Iterator[pa.RecordBatch]:
    """REVIEW_COLUMNS of the chosen claims in article order, read in storage order and reordered
    `chunk_rows` at a time (the claims are held once, never twice)."""
    query = store.claims_query(status, speaker, None).order_by(None)
    batches = []
    for batch in record_batches(store, query, adbc=adbc):
        if ids is not None:
            batch = batch.filter(pc.is_in(batch.column("claim_id"), value_set=ids))
        batches.append(batch.select(REVIEW_COLUMNS))
    if not batches:
        return
    table = pa.Table.from_batches(batches)
    del batches
    if in_article_order(table):
        yield from table.to_batches(chunk_rows)  # stored in article order already (ingested in that order)
        return
    order = pa.array(article_order(table.select([k for k, _ in ORDER])))
    for i in range(0, len(order), chunk_rows):
        yield from table.take(order[i:i + chunk_rows]).to_batches()


def in_article_order(keys: pa.Table) -> bool:
    """Whether the rows of `keys` (article_id, start) already come in ORDER: one comparison of each row
    with the next instead of a sort (a stable sort of rows in order leaves them where they are)."""
    n = keys.num_rows
    if n < 2:
        return True
    article = keys.column("article_id").combine_chunks()
    start = keys.column("start").combine_chunks()
    here, after = article.slice(0, n - 1), article.slice(1)
    ok = pc.or_(pc.less(here, after),
                pc.and_(pc.equal(here, after), pc.less_equal(start.slice(0, n - 1), start.slice(1))))
    return pc.all(pc.fill_null(ok, False)).as_py()  # a null key: sorted the long way


def article_order(keys: pa.Table) -> np.ndarray:
    """The row numbers of `keys` (article_id, start) in ORDER, ties in their order (a stable sort).

    Sorted as one integer a row (the article's rank among the distinct ids, then the offset): 0.04 s for a
    million claims instead of 0.2 s for Arrow's sort on the string and the number."""
    article = keys.column("article_id").combine_chunks()
    start = keys.column("start").combine_chunks()
    if article.null_count or start.null_count or not len(start):
        return pc.sort_indices(keys, sort_keys=ORDER).to_numpy().astype(np.int64)
    encoded = pc.dictionary_encode(article)
    rank = np.empty(len(encoded.dictionary), dtype=np.int64)
    rank[pc.sort_indices(encoded.dictionary).to_numpy()] = np.arange(len(encoded.dictionary))
    offsets = start.to_numpy().astype(np.int64)
    low = int(offsets.min())
    span = int(offsets.max()) - low + 1
    if len(rank) * span >= 1 << 62:  # the key would not fit in 64 bits
        return pc.sort_indices(keys, sort_keys=ORDER).to_numpy().astype(np.int64)
    return np.argsort(rank[encoded.indices.to_numpy()] * span + (offsets - low), kind="stable")


def write_in_article_order(store: Store, render: Callable[[pa.RecordBatch, pa.Buffer | None],
                                                         tuple[pa.Buffer, np.ndarray]],
                           write: Callable[[memoryview], object], *, status: Iterable[str] | None = None,
                           speaker: Iterable[str] | None = None, ids: pa.Array | None = None,
                           adbc: bool = False, chunk_rows: int = 10_000, processes: int = 1,
                           columns: Iterable[str] = REVIEW_COLUMNS) -> int:
    """Read the chosen claims in storage order, turn each batch into bytes as it arrives (`render(batch,
    room)` gives the bytes and where each row starts in them, written in `room` when they fit, e.g.
    claims.exports.csv_rows), and `write` the rows' bytes in article order; returns the rows written.
    `render` gets the `columns` (of REVIEW_COLUMNS) it asks for.

    Only the rendered bytes (in one growing region, each batch's appended as it is rendered) and the
    sort keys are held, and only those bytes are reordered: one column, not every column. With
    `processes` > 1 (SQLite through ADBC, Linux), slices of the table are read and rendered at once by
    forked processes, each writing its bytes to a temporary file that this one appends."""
    source = claim_source(store, status, speaker, [*columns, *(k for k, _ in ORDER)])
    if processes > 1 and adbc and store.is_sqlite and sys.platform.startswith("linux"):
        with tempfile.TemporaryDirectory(prefix="claims-export-") as folder:
            rendered = _render_in_processes(store, source, render, ids, processes, Path(folder))
    else:
        rendered = _Rendered(reserve=_expected_bytes(store))
        _render_slice(store, source, render, ids, adbc, rendered)
    return rendered.write_ordered(write, chunk_rows)


class ClaimSource(NamedTuple):
    """What a render reads: `query`, the claims' own columns, then `articles`' columns joined in Arrow."""
    query: Select
    columns: list[str]
    articles: pa.Table | None  # article_id and the articles' columns asked for, one row an article

    def batches(self, store: Store, query: Select, adbc: bool) -> Iterator[pa.RecordBatch]:
        """The rows of `query` (this source's query, or a slice of it) with their articles' columns."""
        for batch in record_batches(store, query, adbc=adbc):
            if self.articles is not None:
                batch = _join_articles(batch, self.articles)
            yield batch


def claim_source(store: Store, status: Iterable[str] | None, speaker: Iterable[str] | None,
                 columns: Iterable[str]) -> ClaimSource:
    """claims_query without its join: the claims' own columns among `columns` (of REVIEW_COLUMNS), filtered
    the same way, and the articles' columns among them read once, joined to each batch in Arrow. SQLite
    looking up each claim's article cost a fifth of the read (a million claims through ADBC: 2.8 s with
    the join and every review column, 2.2 s without the join and with only the export's columns)."""
    full = store.claims_query(status, speaker, None).order_by(None)
    columns = [n for n in dict.fromkeys(columns) if n in full.selected_columns]
    own = [c for c in full.selected_columns if c.name in columns and c.name in t.claims.c]
    joined = [n for n in columns if n not in t.claims.c]
    query = select(*own).select_from(t.claims)
    if full.whereclause is not None:
        query = query.where(full.whereclause)
    articles = None
    if joined:
        articles = read_table(store, select(t.articles.c.article_id, *[t.articles.c[n] for n in joined]))
    return ClaimSource(query, columns, articles)


def _join_articles(batch: pa.RecordBatch, articles: pa.Table) -> pa.RecordBatch:
    """The batch with its articles' columns (a claim without its article is left out, as by a join)."""
    at = pc.index_in(batch.column("article_id"), value_set=articles.column("article_id"))
    if at.null_count:
        batch, at = batch.filter(pc.is_valid(at)), at.drop_null()
    names = [n for n in articles.column_names if n != "article_id"]
    return pa.RecordBatch.from_arrays([*batch.columns, *(articles.column(n).take(at).combine_chunks() for n in names)],
                                      names=[*batch.schema.names, *names])


def _expected_bytes(store: Store) -> int:
    """Room for the rendered rows of every claim: a CSV holds about 0.7 byte a byte of the SQLite file (a
    million claims: 646 MB from 888 MB), so the file's size, reserved once, saves growing (copying) the
    region twice; a PostgreSQL store starts at 256 MB and grows."""
    path = Path(store.sqlite_path) if store.is_sqlite else None
    size = path.stat().st_size if path is not None and path.is_file() else 0
    return max(1 << 28, size + (1 << 26))


class _Rendered:
    """Rendered rows in storage order: their bytes one after the other in a region reserved large and
    used only where written (`region`: a fixed window, e.g. of memory shared with forked processes; else
    a private one that grows), where each row starts, and sort keys."""

    def __init__(self, region: np.ndarray | None = None, limit: int | None = None, reserve: int = 1 << 28):
        self.fixed = region is not None
        # np.empty of a big size only reserves: memory is used where rows are written
        self.bytes = region if region is not None else np.empty(reserve, dtype=np.uint8)
        self.limit = limit if limit is not None else len(self.bytes)  # the end of the window rows go in
        self.size = 0
        self.starts: list[np.ndarray] = []
        self.keys: list[pa.RecordBatch] = []
        self.rows = 0
        self.gaps: list[int] = []  # rows rendered before each unused stretch of the region (skip_to)
        self.segments: list[tuple[int, int]] = []  # the region's written stretches before the last (skip_to)
        self.segment_start = 0

    def room(self, at_least: int = 1 << 27) -> pa.Buffer:
        """The free end of the window (at least `at_least` bytes), for a batch to be written in place."""
        if self.limit - self.size < at_least and not self.fixed:
            self._grow(self.size + at_least)
        return pa.py_buffer(self.bytes[self.size: self.limit])

    def _grow(self, needed: int) -> None:
        if self.fixed:
            raise RuntimeError("the export's rows outgrew the memory set aside for them; run it in one process "
                               "(CLAIMS_EXPORT_PROCESSES=1)")
        bigger = np.empty(max(2 * len(self.bytes), needed), dtype=np.uint8)  # touched only where written
        bigger[: self.size] = self.bytes[: self.size]
        self.bytes = bigger
        self.limit = len(bigger)

    def add(self, keys: pa.RecordBatch, data, offsets: np.ndarray) -> None:
        n = int(offsets[-1] - offsets[0])
        in_place = isinstance(data, pa.Buffer) and offsets[0] == 0 and \
            data.address == self.bytes.ctypes.data + self.size
        if not in_place:  # rendered elsewhere (it did not fit): copied in
            if self.size + n > self.limit:
                self._grow(self.size + n)
            self.bytes[self.size: self.size + n] = np.frombuffer(data, dtype=np.uint8, count=n,
                                                                 offset=int(offsets[0]))
        self.placed(keys, offsets[:-1] - offsets[0] + self.size, self.size + n)

    def placed(self, keys: pa.RecordBatch, starts: np.ndarray, end: int) -> None:
        """Rows already written in the region (by a forked process) at `starts`, up to `end`."""
        self.starts.append(np.asarray(starts, dtype=np.int64))
        self.keys.append(keys)
        self.rows += len(starts)
        self.size = end

    def skip_to(self, position: int) -> None:
        """Leave the region up to `position` unused (the next rows start there)."""
        self.starts.append(np.array([self.size], dtype=np.int64))  # a row of its own, never written out
        self.gaps.append(self.rows)
        self.segments.append((self.segment_start, self.size))
        self.segment_start = self.size = position

    def write_ordered(self, write: Callable[[memoryview], object], chunk_rows: int) -> int:
        """`write` the rows in the order of their sort keys."""
        if not self.rows:
            return 0
        keys = pa.Table.from_batches(self.keys)
        if in_article_order(keys):  # stored in article order already (ingested in that order): as they lie
            region = memoryview(self.bytes)
            for begin, end in [*self.segments, (self.segment_start, self.size)]:
                if end > begin:
                    write(region[begin:end])
            return keys.num_rows
        order = article_order(keys)
        # each row's place among the region's rows, which include one for each unused stretch
        where = order + np.searchsorted(np.array(self.gaps, dtype=np.int64), order, side="right") \
            if self.gaps else order
        # One string a row over the region (no copy), then `chunk_rows` at a time in article order:
        # Arrow's take moves each row's bytes in C++ (rows of copied claims can be single rows apart);
        # 10,000 rows (6 MB) a take reuse the same memory, 100,000 (65 MB) took fresh memory each time.
        starts = np.concatenate([*self.starts, [self.size]]).astype(np.int64)
        rows = pa.LargeStringArray.from_buffers(len(starts) - 1, pa.py_buffer(starts), pa.py_buffer(self.bytes))
        where = pa.array(where)
        for i in range(0, len(order), chunk_rows):
            chunk = rows.take(where[i: i + chunk_rows])
            ends = np.frombuffer(chunk.buffers()[1], dtype=np.int64)[chunk.offset: chunk.offset + len(chunk) + 1]
            write(memoryview(chunk.buffers()[2])[int(ends[0]): int(ends[-1])])
        return len(order)


def _render_slice(store: Store, source: ClaimSource, render, ids, adbc: bool, rendered: _Rendered,
                  query: Select | None = None) -> None:
    """The claims `source` reads (`query`: a slice of its query), rendered into `rendered` batch by batch."""
    for batch in source.batches(store, source.query if query is None else query, adbc):
        if ids is not None:
            batch = batch.filter(pc.is_in(batch.column("claim_id"), value_set=ids))
        if batch.num_rows:
            data, offsets = render(batch.select(source.columns), rendered.room())
            rendered.add(batch.select([k for k, _ in ORDER]), data, offsets)


def _render_in_processes(store: Store, source: ClaimSource, render, ids, processes: int, folder: Path) -> _Rendered:
    """_render_slice over `processes` slices of rowids, rendered at once: this process renders the first,
    forked ones the others, each into its window of one memory region shared with them (only the keys
    and row starts come back, through files in `folder`)."""
    import mmap
    import multiprocessing

    rowid = literal_column("claims.rowid")
    with store.engine.connect() as conn:
        lo, hi = _rowid_range(conn)
    lo, hi = lo or 0, (hi or 0) + 1
    processes = max(1, min(processes, (hi - lo) // PARALLEL_SLICE_ROWS))  # a small store: no fork
    if processes == 1:
        rendered = _Rendered(reserve=_expected_bytes(store))
        _render_slice(store, source, render, ids, True, rendered)
        return rendered
    bounds = [lo + (hi - lo) * i // processes for i in range(processes + 1)]
    slices = [source.query.where(rowid >= a, rowid < b) for a, b in zip(bounds, bounds[1:])]
    # A CSV row holds at most twice its text (quotes doubled) and a few words: 4× the database is room to
    # spare. The region is only reserved: memory is used where rows are written.
    window = 4 * max(Path(store.sqlite_path).stat().st_size, 1 << 26) // processes
    arena = np.frombuffer(mmap.mmap(-1, window * processes), dtype=np.uint8)
    ctx = multiprocessing.get_context("fork")  # the children share the loaded modules, ids, `render`, the region
    children = []
    for i, sliced in enumerate(slices[1:], start=1):
        child = ctx.Process(target=_render_to_window, daemon=True,
                            args=(store, source, sliced, render, ids, arena[i * window: (i + 1) * window],
                                  folder / str(i)))
        child.start()
        children.append((i, child))
    rendered = _Rendered(arena, limit=window)  # slice 0 at the start of the region, the others at their windows
    _render_slice(store, source, render, ids, True, rendered, slices[0])
    for i, child in children:
        child.join()
        base = folder / str(i)
        if child.exitcode != 0:
            problem = base.with_suffix(".error")
            raise RuntimeError(problem.read_text() if problem.exists() else f"export worker {i} failed")
        if not base.with_suffix(".keys").exists():
            continue  # nothing in that slice
        with pa.OSFile(str(base.with_suffix(".keys"))) as fh:
            table = pa.ipc.open_file(fh).read_all().combine_chunks()
        rendered.skip_to(i * window)
        rendered.placed(table.select([k for k, _ in ORDER]).to_batches()[0],
                        table.column("start_byte").to_numpy() + i * window,
                        i * window + int(table.schema.metadata[b"size"]))
    return rendered


def _render_to_window(store: Store, source: ClaimSource, query: Select, render, ids, window: np.ndarray,
                      base: Path) -> None:
    """In a forked process: render a slice into its window of the shared region; its keys and where
    each row starts go to base.keys."""
    try:
        rendered = _Rendered(window)
        _render_slice(store, source, render, ids, True, rendered, query)
        if not rendered.keys:
            return
        table = pa.Table.from_batches(rendered.keys).append_column(
            "start_byte", pa.array(np.concatenate(rendered.starts)))
        table = table.replace_schema_metadata({"size": str(rendered.size)})
        with pa.OSFile(str(base.with_suffix(".keys")), "wb") as fh, pa.ipc.new_file(fh, table.schema) as out:
            out.write_table(table)
    except BaseException as err:  # noqa: BLE001 - said by the parent, which raises it
        base.with_suffix(".error").write_text(f"{type(err).__name__}: {err}")
        raise


def claims_by_id(store: Store, ids: list[str]) -> pd.DataFrame:
    """The claims with these ids as the store's review frame, in the order of `ids` (a page of the table,
    an opened claim): fetched when shown instead of being held for every claim."""
    frames = []
    for i in range(0, len(ids), _IN_CHUNK):
        # No ORDER BY: SQLite would walk the (article_id, start) index over every claim to honour it.
        query = store.claims_query(None, None, None).order_by(None).where(
            t.claims.c.claim_id.in_(ids[i:i + _IN_CHUNK]))
        with store.engine.connect() as conn:
            frames.append(pd.read_sql(query, conn))
    df = _review_frame(pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=REVIEW_COLUMNS))
    return df.set_index("claim_id", drop=False).reindex(ids).dropna(subset=["claim_id"]).reset_index(drop=True)


def cluster_claims(store: Store, cluster_id: str, limit: int = 200) -> tuple[pd.DataFrame, int]:
    """Up to `limit` claims of a cluster (the same or nearly the same content) as the review frame, in
    article order, and how many it has: a quote repeated 30,000 times is counted, not all read."""
    c = t.claims.c
    # Unordered: the cluster_id index finds the rows (an ORDER BY would walk the article index instead).
    query = store.claims_query(None, None, None).order_by(None).where(c.cluster_id == cluster_id).limit(limit)
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(t.claims).where(c.cluster_id == cluster_id)).scalar()
        df = _review_frame(pd.read_sql(query, conn))
    return df.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True), int(total)


def view_frame(store: Store, ids: pa.Array) -> pd.DataFrame:
    """The claims with these ids (a dashboard view) as the review frame, in article order: a few are
    fetched by id, many by one pass over the table in storage order."""
    if len(ids) <= 20 * _IN_CHUNK:
        df = claims_by_id(store, ids.to_pylist())
        return df.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)
    batches = list(review_batches(store, ids=ids))
    return _review_frame(pa.Table.from_batches(batches).to_pandas() if batches
                         else pd.DataFrame(columns=REVIEW_COLUMNS))
