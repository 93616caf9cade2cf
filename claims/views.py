"""Views of stored claims for the review desk: filters, facet counts, headline numbers, chart data.

The claims are held as categorical codes and numpy arrays (`ClaimSet`, read column by column from
the store), each filter's rows and aggregates computed once and cached by filter (`View`), so a
click on a million-claim desk stays well under a second. The dashboard only displays what these
functions return.
"""
from __future__ import annotations

import functools
import inspect
import json
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cached_property

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from claims.lexicon import fold, load_lexicon, strip_accents
from claims.schema import CERTAINTY_LEVELS, MARKER_TYPES, certainty_rank, markers_to_text

UNSURE_LEVELS = ("hedged", "alleged", "unsourced")  # the certainty levels a reviewer looks at first
_RANK = {level: certainty_rank(level) for level in CERTAINTY_LEVELS}  # for Series.map on many rows

# Facets of the sidebar: filter name → column it reads (list columns are exploded).
FACETS: dict[str, str] = {
    "speaker": "speaker", "found": "speaker_resolution", "about": "about", "kind": "kind",
    "certainty": "certainty", "marker": "marker_types", "status": "status", "article": "article_id",
    "checked": "checked",  # "checked before" (an earlier verdict matches) or "not yet": ClaimSet.mark_checked
}
CHECKED, NOT_CHECKED = "checked before", "not yet"
_LIST_FACETS = ("about", "marker", "certainty")
# The certainty facet finds a claim by every sign it carries, not only by its level (the least sure
# sign): a conditional attributed to « certaines sources » is unsourced, and alleged too.
_SIGN_LEVELS = {"hedge": "hedged", "conditional": "alleged", "vague_source": "unsourced"}


@dataclass
class Filters:
    """What the reviewer has chosen; an empty list means no restriction."""

    speaker: list[str] = field(default_factory=list)
    found: list[str] = field(default_factory=list)  # how the speaker was found (speaker_resolution)
    about: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    certainty: list[str] = field(default_factory=list)
    marker: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    article: list[str] = field(default_factory=list)
    checked: list[str] = field(default_factory=list)  # CHECKED and/or NOT_CHECKED
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""
    not_claims: bool = False  # also show the rows a reviewer marked « not a claim » (hidden by default)

    def key(self) -> tuple:
        """Hashable form, for caches."""
        return tuple(tuple(v) if isinstance(v, list) else v for v in (getattr(self, f.name) for f in fields(self)))

    def to_params(self) -> dict[str, str | list[str]]:
        """URL query parameters (lists repeat their key), leaving out what is not set."""
        out: dict[str, str | list[str]] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool):
                if value:
                    out[f.name] = "1"
            elif isinstance(value, date):
                out[f.name] = value.isoformat()
            elif value:
                out[f.name] = value
        return out

    @classmethod
    def from_params(cls, get_all) -> Filters:
        """From query parameters; `get_all(key)` returns every value of a key (st.query_params.get_all)."""
        kwargs: dict = {}
        for name in FACETS:
            kwargs[name] = [v for v in get_all(name) if v]
        for name in ("date_from", "date_to"):
            values = get_all(name)
            try:
                kwargs[name] = date.fromisoformat(values[0]) if values else None
            except ValueError:
                kwargs[name] = None  # a hand-edited link with a bad date: ignore that filter
        text = get_all("text")
        kwargs["text"] = text[0] if text else ""
        kwargs["not_claims"] = (get_all("not_claims") or [""])[0].lower() in ("1", "true", "yes")
        return cls(**kwargs)

    def describe(self) -> str:
        """Short slug of the active filters, for export file names: speaker-mike-pompeo_status-false."""
        parts = []
        for name in FACETS:
            values = getattr(self, name)
            if values:
                parts.append(f"{name}-" + "+".join(_slug(v) for v in values[:3]) + ("+more" if len(values) > 3 else ""))
        if self.date_from or self.date_to:
            parts.append(f"{self.date_from or ''}--{self.date_to or ''}")
        if self.text:
            parts.append("text-" + _slug(self.text))
        if self.not_claims:
            parts.append("with-not-claims")
        return "_".join(parts)[:150].strip("_-") or "all"


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(value.lower())).strip("-")[:40]


def _search_key(text: str) -> str:
    return strip_accents(fold(text))


def _fold_array(values: pa.Array) -> pa.Array:
    """_search_key on every string of an Arrow array, vectorised (lower case, plain apostrophes and
    spaces, accents dropped, spaces collapsed)."""
    values = pc.utf8_lower(values)
    values = pc.replace_substring(values, "\u2019", "'")
    values = pc.utf8_normalize(values, form="NFD")
    values = pc.replace_substring_regex(values, r"\p{Mn}", "")
    values = pc.replace_substring_regex(values, r"[\s\x{00a0}\x{202f}]+", " ")
    return pc.utf8_trim(values, characters=" ")


def _encode(column: pa.ChunkedArray | pa.Array) -> tuple[pa.Array, np.ndarray]:
    """(distinct values, index of each row's value): each distinct string is then handled once.
    A dictionary column (with one dictionary: Table.unify_dictionaries) is taken as it is."""
    if isinstance(column, pa.ChunkedArray) and pa.types.is_dictionary(column.type):
        if column.num_chunks == 0:
            return pa.array([], pa.string()), np.zeros(0, dtype=np.int32)
        indices = [c.indices.to_numpy(zero_copy_only=False) for c in column.chunks]
        return column.chunk(0).dictionary, np.concatenate(indices)
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    encoded = pc.dictionary_encode(pc.fill_null(column.cast(pa.string()), ""))
    return encoded.dictionary, encoded.indices.to_numpy(zero_copy_only=False)


def _categorical(column: pa.ChunkedArray) -> pd.Categorical:
    """A string column as a categorical whose categories are sorted (so code order is string order)."""
    values, codes = _encode(column)
    names = np.array(values.to_pylist(), dtype=object)
    order = np.argsort(names, kind="stable")
    rank = np.empty(len(order), dtype=np.int32)
    rank[order] = np.arange(len(order), dtype=np.int32)
    return pd.Categorical.from_codes(rank[codes] if len(codes) else codes, categories=names[order])


@dataclass
class _Exploded:
    """A list column, one entry per (row, value): what a list facet filters and counts."""

    rows: np.ndarray  # row position of each entry
    codes: np.ndarray  # value of each entry, an index into `values`
    values: list[str]


def _explode(column: pa.ChunkedArray, to_list, vocabulary: list[str] | None = None) -> _Exploded:
    """JSON list strings → _Exploded; `to_list(decoded)` gives a row's values (each distinct string decoded once)."""
    distinct, codes = _encode(column)
    lists = [to_list(json.loads(v) if v else []) for v in distinct.to_pylist()]
    values = vocabulary or sorted({v for lst in lists for v in lst})
    index = {v: i for i, v in enumerate(values)}
    lengths = np.array([len(lst) for lst in lists], dtype=np.int64)
    flat = np.array([index[v] for lst in lists for v in lst], dtype=np.int32)
    first = np.concatenate([[0], np.cumsum(lengths)[:-1]]).astype(np.int64)
    per_row = lengths[codes] if len(codes) else lengths[:0]
    rows = np.repeat(np.arange(len(codes), dtype=np.int32), per_row)
    within = np.arange(per_row.sum()) - np.repeat(np.cumsum(per_row) - per_row, per_row)
    return _Exploded(rows, flat[np.repeat(first[codes], per_row) + within] if len(flat) else flat, values)


def _marker_types(markers: list[dict]) -> list[str]:
    return sorted({m["type"] for m in markers}) or ["none"]


class ClaimSet:
    """Every stored claim, held compactly for the review desk: actors, kinds, levels, statuses and
    articles as categoricals, list facets as (row, value) code arrays, the searchable text as folded
    distinct strings. Evidence, notes and the claim text itself are fetched for the rows shown
    (claims.store.columnar), so a million claims fit in a few hundred megabytes.

    `view(filters)` computes a filter's rows once and caches it with everything drawn from it."""

    _CATEGORICAL = ("article_id", "kind", "speaker", "speaker_type", "speaker_resolution", "certainty", "status")

    def __init__(self, claims: pa.Table, articles: pa.Table, texts: Callable[[], pa.Table],
                 review_mark: int = 0):
        """`claims` and `articles`: claims.store.columnar.desk_table; `texts()`: its text_table, read on
        the first text search."""
        self.review_mark = review_mark  # the last review id this set includes
        self._lock = threading.Lock()
        self.ids = claims.column("claim_id").combine_chunks().cast(pa.string())
        self.df = pd.DataFrame({name: _categorical(claims.column(name)) for name in self._CATEGORICAL})
        self.df["start"] = claims.column("start").to_numpy().astype(np.int32)
        # Rows a reviewer marked « not a claim » (0/1 on SQLite, false/true on PostgreSQL): hidden unless asked.
        flag = _categorical(claims.column("not_claim")) if "not_claim" in claims.column_names else None
        self.not_claim = (np.asarray(flag.categories.isin(["1", "true", "True"]))[flag.codes]
                          if flag is not None and len(flag) else np.zeros(len(self.df), dtype=bool))
        # An article's title and dates are read once per article and spread to its claims by code.
        info = articles.to_pandas().set_index("article_id").reindex(self.df["article_id"].array.categories)
        self.titles: dict[str, str] = {a: (t if isinstance(t, str) and t else a) for a, t in info["title"].items()}
        codes = self.codes("article_id")
        self.article_dates: dict[str, pd.Series] = {}  # article id → its published or ingested day
        for name, column in (("published", "published"), ("ingested", "ingested_at")):
            days = pd.to_datetime(info[column].fillna("").str[:10], errors="coerce", format="%Y-%m-%d")
            self.article_dates[name] = days
            self.df[f"{name}_date"] = days.to_numpy(dtype="datetime64[ns]")[codes]
        published = self.df["published_date"].to_numpy()
        self.df["date"] = np.where(np.isnat(published), self.df["ingested_date"].to_numpy(), published)
        self._exploded = {"marker": _explode(claims.column("certainty_markers"), _marker_types,
                                             [*MARKER_TYPES, "none"]),
                          "about": _explode(claims.column("about"), list)}
        self.df["checked"] = pd.Categorical.from_codes(np.ones(len(self.df), dtype=np.int8),
                                                       categories=[CHECKED, NOT_CHECKED])
        self.checked_mark: object = None  # what mark_checked was last given
        self.checked_ids: frozenset[str] = frozenset()  # the claims checked before
        self._exploded["certainty"] = self._certainty_signs()
        self._texts = texts
        self._search: list[tuple[np.ndarray, pa.Array, np.ndarray]] | None = None  # built on the first search
        self._views: dict[tuple, View] = {}
        self._orders: dict[str, np.ndarray] = {}  # sort name → every position in that order
        self._positions: dict[str, int | None] = {}

    def _certainty_signs(self) -> _Exploded:
        """Each claim's level and the level of each of its signs (hedge → hedged, conditional → alleged,
        vague or anonymous source → unsourced), one entry per (claim, level)."""
        levels = list(CERTAINTY_LEVELS)
        has = np.zeros((len(self), len(levels)), dtype=bool)
        own = np.array([levels.index(c) if c in levels else -1 for c in self.df["certainty"].array.categories]
                       + [-1], dtype=np.int64)[self.codes("certainty")]
        known = own >= 0
        has[np.flatnonzero(known), own[known]] = True
        markers = self._exploded["marker"]
        for mtype, level in _SIGN_LEVELS.items():
            if mtype in markers.values:
                has[markers.rows[markers.codes == markers.values.index(mtype)], levels.index(level)] = True
        anonymous = self._isin("speaker_type", ["anonymous"])
        has[anonymous, levels.index("unsourced")] = True
        rows, codes = np.nonzero(has)
        return _Exploded(rows.astype(np.int32), codes.astype(np.int32), levels)

    @classmethod
    def from_store(cls, store) -> ClaimSet:
        """Every claim of the store, read from the columns kept beside a SQLite file when the store still
        holds the same claims (claims.store.desk_cache), with the verdicts saved since applied."""
        from claims.store.columnar import text_table
        from claims.store.desk_cache import desk_tables

        claims_table, articles, read_at = desk_tables(store)
        claims = cls(claims_table, articles, texts=functools.partial(text_table, store), review_mark=read_at)
        mark, _ = store.revision()
        claims.catch_up(mark, store.reviews_since)
        claims.mark_checked(store.checked_claim_ids(), ("loaded", mark))  # the "checked before" facet
        return claims

    def __len__(self) -> int:
        return len(self.df)

    def catch_up(self, review_mark: int, changes_since) -> None:
        """Apply the statuses saved since this set was loaded (`changes_since(mark)` gives the claims'
        current review columns), instead of reloading every claim after each save: only the changed
        rows' status codes are written."""
        with self._lock:
            if review_mark == self.review_mark:
                return
            changes = changes_since(self.review_mark)
            status = dict(zip(changes["claim_id"], changes["status"]))
            hit = pc.is_in(self.ids, value_set=pa.array(list(status), pa.string()))
            rows = np.flatnonzero(hit.to_numpy(zero_copy_only=False))
            column = self.df["status"].array
            new = [status[i] for i in self.ids.take(pa.array(rows)).to_pylist()]
            missing = sorted(set(new) - set(column.categories))
            if missing:  # a status this set has not seen: grow the categories, keeping them sorted
                column = column.add_categories(missing).reorder_categories(sorted([*column.categories, *missing]))
            codes = column.codes.copy()
            codes[rows] = column.categories.get_indexer(new)
            self.df["status"] = pd.Categorical.from_codes(codes, categories=column.categories)
            self.review_mark = review_mark
            self._views.clear()
            self._orders.pop("status", None)

    def mark_checked(self, claim_ids: set[str], mark: object) -> None:
        """Which claims have an earlier verdict (claims.store.checks.checked_claim_ids), given again
        whenever `mark` changes (new matches, new checks, new verdicts)."""
        with self._lock:
            if mark == self.checked_mark:
                return
            hit = pc.is_in(self.ids, value_set=pa.array(sorted(claim_ids), pa.string())).to_numpy(zero_copy_only=False)
            self.df["checked"] = pd.Categorical.from_codes(np.where(hit, 0, 1).astype(np.int8),
                                                           categories=[CHECKED, NOT_CHECKED])
            self.checked_mark = mark
            self.checked_ids = frozenset(claim_ids)
            self._views.clear()

    # -- filtering --------------------------------------------------------------------
    def codes(self, column: str) -> np.ndarray:
        return self.df[column].array.codes

    def _isin(self, column: str, values: list[str]) -> np.ndarray:
        categories = self.df[column].array.categories
        wanted = np.zeros(len(categories) + 1, dtype=bool)  # the last slot: code -1 (no value)
        wanted[categories.get_indexer([v for v in values if v in categories])] = True
        wanted[-1] = False
        return wanted[self.codes(column)]

    def _mask(self, name: str, values: list[str]) -> np.ndarray:
        if name in _LIST_FACETS:
            ex = self._exploded[name]
            wanted = np.isin(np.arange(len(ex.values)), [ex.values.index(v) for v in values if v in ex.values])
            mask = np.zeros(len(self), dtype=bool)
            mask[ex.rows[wanted[ex.codes]]] = True
            return mask
        return self._isin(FACETS[name], values)

    def _search_index(self) -> list[tuple[np.ndarray, pa.Array, np.ndarray]]:
        """Per searched column: (row of each entry, distinct folded strings, index of each entry's string).
        Read on the first search only: a desk that never searches never holds the text."""
        with self._lock:
            if self._search is None:
                table = self._texts()
                rows = pc.index_in(table.column("claim_id"), value_set=self.ids).to_numpy(zero_copy_only=False)
                known = ~np.isnan(rows) if rows.dtype.kind == "f" else rows >= 0  # ids ingested since: not here
                self._search = [(rows[known].astype(np.int64), *self._search_codes(table.column(name), known))
                                for name in ("text", "sentence_text")]
            return self._search

    @staticmethod
    def _search_codes(column: pa.ChunkedArray, known: np.ndarray) -> tuple[pa.Array, np.ndarray]:
        values, codes = _encode(column)
        return _fold_array(values), codes[known]  # each distinct text folded once

    def _text_mask(self, text: str) -> np.ndarray:
        key = _search_key(text)
        mask = np.zeros(len(self), dtype=bool)
        for rows, values, codes in self._search_index():
            hit = pc.match_substring(values, key).to_numpy(zero_copy_only=False)
            mask[rows[hit[codes]]] = True
        return mask

    def masks(self, f: Filters) -> dict[str, np.ndarray]:
        """One boolean mask per active filter."""
        out = {name: self._mask(name, getattr(f, name)) for name in FACETS if getattr(f, name)}
        if f.date_from or f.date_to:
            d = self.df["date"].to_numpy()
            lo = np.datetime64(f.date_from) if f.date_from else np.datetime64("0001-01-01")
            hi = np.datetime64(f.date_to) if f.date_to else np.datetime64("9999-12-31")
            out["date"] = (d >= lo) & (d <= hi)  # NaT compares False: undated claims drop out
        if f.text.strip():
            out["text"] = self._text_mask(f.text)
        if not f.not_claims and self.not_claim.any():
            out["not_claim"] = ~self.not_claim
        return out

    def view(self, f: Filters) -> View:
        """The claims passing `f`, with their counts and chart data: computed once per filter and
        status change, then served from this cache on every rerun (paging, opening a claim…)."""
        key = (f.key(), self.review_mark)
        with self._lock:
            found = self._views.get(key)
        if found is None:
            found = View(self, f)
            with self._lock:
                if len(self._views) >= 16:  # a few filters a session, several sessions: keep the recent ones
                    self._views.pop(next(iter(self._views)))
                self._views[key] = found
        return found

    def filter(self, f: Filters) -> pd.DataFrame:
        """The claims that pass every filter: their ids and compact columns (not the evidence)."""
        return self.view(f).frame()

    def facet_counts(self, f: Filters) -> dict[str, pd.Series]:
        return self.view(f).facet_counts

    def counts(self, name: str, keep: np.ndarray | None = None) -> pd.Series:
        """How many claims (within `keep`) have each value of a facet; values with none left out."""
        if name in _LIST_FACETS:
            ex = self._exploded[name]
            codes = ex.codes if keep is None else ex.codes[keep[ex.rows]]
            values = ex.values
        else:
            column = FACETS[name]
            codes = self.codes(column) if keep is None else self.codes(column)[keep]
            values = list(self.df[column].array.categories)
        counts = pd.Series(np.bincount(codes[codes >= 0], minlength=len(values)), index=values, name="count")
        return counts[counts > 0].sort_values(ascending=False, kind="stable")

    def options(self, name: str) -> list[str]:
        """Every value of a facet in the loaded claims (most frequent first), so a choice never vanishes."""
        counts = self.view(Filters()).facet_counts[name]
        counts = counts[counts.index.astype(str) != ""]
        if name == "certainty":
            return [c for c in CERTAINTY_LEVELS if c in counts.index]
        if name == "found":  # the weakest ways of finding a speaker first: what a reviewer checks
            return sorted((str(v) for v in counts.index), key=speaker_trust)
        return [str(v) for v in counts.index]

    def actors(self) -> list[str]:
        """Every actor the loaded claims name, as speaker or as subject, sorted: what a reviewer picks a
        corrected speaker from (the article itself and empty names left out)."""
        names = set(self.df["speaker"].array.categories) | set(self._exploded["about"].values)
        return sorted((n for n in names if n and n != "article"), key=lambda n: _search_key(n))

    def position(self, claim_id: str) -> int | None:
        """Row of a claim (the opened one: looked up once, then remembered)."""
        if claim_id not in self._positions:
            pos = pc.index(self.ids, claim_id).as_py()
            self._positions = {**dict(list(self._positions.items())[-15:]), claim_id: pos if pos >= 0 else None}
        return self._positions[claim_id]

    @cached_property
    def _date_bounds(self) -> tuple[date, date] | None:
        d = self.df["date"].dropna()
        return (d.min().date(), d.max().date()) if len(d) else None

    def date_bounds(self) -> tuple[date, date] | None:
        return self._date_bounds

    def sort_order(self, mask: np.ndarray, how: str) -> np.ndarray:
        """Positions of the rows in `mask`, in the order of SORTS[how] (every claim is sorted once per
        sort and load; a view keeps its rows of that order)."""
        with self._lock:
            order = self._orders.get(how)
        if order is None:
            order = self._sorted(np.arange(len(self)), how)
            with self._lock:
                self._orders[how] = order
        return order[mask[order]]

    def _sorted(self, rows: np.ndarray, how: str) -> np.ndarray:
        """`rows` (positions) in the order of SORTS[how]; ties in article order."""
        article, start = self.codes("article_id")[rows], self.df["start"].to_numpy()[rows]
        if how == "least certain first":
            rank = np.array([_RANK.get(c, 0) for c in self.df["certainty"].array.categories])
            first = -rank[self.codes("certainty")[rows]]
        elif how in ("speaker", "status"):
            first = self.codes(how)[rows]
        elif how == "weakest speaker first":
            trust = np.array([speaker_trust(c) for c in self.df["speaker_resolution"].array.categories])
            first = trust[self.codes("speaker_resolution")[rows]]
        elif how == "newest first":
            days = self.df["date"].to_numpy()[rows].astype("int64")
            first = np.where(days == np.iinfo("int64").min, np.iinfo("int64").max, -days)  # undated last
        else:
            first = np.zeros(len(rows), dtype=np.int8)
        return rows[np.lexsort((start, article, first))]


class View:
    """The claims one filter leaves, and everything the page draws from them, each computed on first use."""

    def __init__(self, claims: ClaimSet, f: Filters):
        self.claims, self.filters = claims, f
        self._masks = claims.masks(f)
        self.mask = _combine(self._masks, len(claims))
        self.rows = np.flatnonzero(self.mask)
        self._orders: dict[str, np.ndarray] = {}
        self.cache: dict[tuple, object] = {}  # aggregates of this view (_per_view)

    def __len__(self) -> int:
        return len(self.rows)

    def ids(self) -> pa.Array:
        return self.claims.ids.take(pa.array(self.rows))

    def contains(self, claim_id: str) -> bool:
        pos = self.claims.position(claim_id)
        return pos is not None and bool(self.mask[pos])

    def frame(self) -> pd.DataFrame:  # for tests and scripts: the page never builds it
        """The view's rows: claim ids and the compact columns."""
        out = self.claims.df.iloc[self.rows].reset_index(drop=True)
        out.insert(0, "claim_id", self.ids().to_pylist())
        return out

    def page(self, how: str, number: int, size: int) -> list[str]:
        """Claim ids of page `number` (from 1) of `size` rows, sorted as SORTS[how]."""
        if how not in self._orders:
            self._orders[how] = self.claims.sort_order(self.mask, how)
        rows = self._orders[how][(number - 1) * size: number * size]
        return self.claims.ids.take(pa.array(rows)).to_pylist()

    @cached_property
    def facet_counts(self) -> dict[str, pd.Series]:
        """For each facet, how many claims each value would give with the other filters kept
        (the usual faceted-search counts, so a reviewer sees what a click would leave)."""
        n = len(self.claims)
        return {name: self.claims.counts(name, _combine(self._masks, n, skip=name) if self._masks else None)
                for name in FACETS}



def _combine(masks: dict[str, np.ndarray], n: int, skip: str | None = None) -> np.ndarray:
    mask = np.ones(n, dtype=bool)
    for name, m in masks.items():
        if name != skip:
            mask &= m
    return mask


# -- headline numbers and chart data (all aggregated here, so charts never see raw rows) ---------------
def _per_view(fn):
    """Compute a view's aggregate once: later reruns on the same filters read it from the view."""
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def cached(view: View, *args, **kwargs):
        bound = signature.bind(view, *args, **kwargs)
        bound.apply_defaults()
        key = (fn.__name__, *[tuple(a) if isinstance(a, list) else a for a in list(bound.arguments.values())[1:]])
        if key not in view.cache:
            view.cache[key] = fn(view, *args, **kwargs)
        return view.cache[key]
    return cached


@_per_view
def headline(view: View) -> dict[str, int]:
    claims, rows = view.claims, view.rows

    def where(column: str, values) -> np.ndarray:  # rows of the view whose value is in `values`
        return np.isin(claims.df[column].array.categories, list(values))[claims.codes(column)[rows]]

    named = claims.codes("speaker")[rows][~where("speaker_type", ["article", "unknown"])]
    unsure = where("certainty", UNSURE_LEVELS) | where("speaker_type", ["anonymous"])
    return {"claims": len(rows), "speakers": int(np.count_nonzero(np.bincount(named))) if len(named) else 0,
            "unverified": int(where("status", ["unverified"]).sum()), "hedged_or_anonymous": int(unsure.sum())}


def _counted(view: View, *columns: str) -> pd.DataFrame:
    """Claims of the view per combination of these categorical columns (only combinations present)."""
    claims = view.claims
    cats = [claims.df[c].array.categories for c in columns]
    size = int(np.prod([len(c) for c in cats]))
    key = np.zeros(len(view), dtype=np.int64)
    for c, categories in zip(columns, cats):
        key = key * len(categories) + claims.codes(c)[view.rows]
    if size <= 4 * len(key) + 1_000_000:  # a count per possible combination: no sort of the rows
        n = np.bincount(key, minlength=size)
        uniq = np.flatnonzero(n)
        n = n[uniq]
    else:
        uniq, n = np.unique(key, return_counts=True)
    out = {}
    for c, categories in reversed(list(zip(columns, cats))):
        out[c] = np.asarray(categories)[uniq % len(categories)]
        uniq = uniq // len(categories)
    return pd.DataFrame({c: out[c] for c in columns} | {"claims": n})


@_per_view
def claims_per_speaker(view: View, top: int = 15) -> pd.DataFrame:
    counts = _counted(view, "speaker")
    return counts.sort_values(["claims", "speaker"], ascending=[False, True]).head(top).reset_index(drop=True)

# Time buckets of the over-time chart, chosen from the span of the view so a chart has at most ~50 bars.
TIME_UNITS: tuple[tuple[str, int], ...] = (("day", 45), ("week", 7 * 45), ("month", 4 * 366), ("year", 10**9))


def time_unit(first: pd.Timestamp, last: pd.Timestamp) -> str:
    """"day" for up to 45 days, "week" up to ~10 months, "month" up to 4 years, else "year"."""
    span = (last - first).days + 1
    return next(unit for unit, days in TIME_UNITS if span <= days)


def bucket(days: pd.Series, unit: str) -> pd.Series:
    """Each date → the first day of its day, week (Monday), month or year."""
    if unit == "day":
        return days
    if unit == "week":
        return days - pd.to_timedelta(days.dt.day_of_week, unit="D")
    return days.dt.to_period("M" if unit == "month" else "Y").dt.start_time


@_per_view
def certainty_by_speaker(view: View, top: int = 15) -> pd.DataFrame:
    speakers = set(claims_per_speaker(view, top)["speaker"])
    out = _counted(view, "speaker", "certainty")
    out = out[out["speaker"].isin(speakers)].reset_index(drop=True)
    out["order"] = out["certainty"].map(_RANK)
    return out


@_per_view
def status_counts(view: View, statuses: list[str]) -> pd.DataFrame:
    counts = _counted(view, "status").set_index("status")["claims"]
    extra = counts[~counts.index.isin(statuses)]  # retired statuses still show
    return pd.concat([counts.reindex(statuses, fill_value=0), extra]).rename_axis("status").rename(
        "claims").reset_index()


@_per_view
def claims_over_time(view: View, by: str = "published") -> tuple[pd.DataFrame, str]:
    """Claims per period and kind, `by` "published" or "ingested"; the period (day, week, month or
    year) follows the span of the view. Returns (period, kind, claims) rows and the unit."""
    # Dates belong to articles: count the view per (article, kind), then date the few article rows.
    per = _counted(view, "article_id", "kind")
    days = view.claims.article_dates["published" if by == "published" else "ingested"]
    per["day"] = days.reindex(per["article_id"]).to_numpy()
    per = per.dropna(subset=["day"])
    if not len(per):
        return pd.DataFrame(columns=["period", "kind", "claims"]), "day"
    unit = time_unit(per["day"].min(), per["day"].max())
    per["period"] = bucket(per["day"], unit)
    return per.groupby(["period", "kind"])["claims"].sum().reset_index(), unit


@_per_view
def speaker_about(view: View, top: int = 12) -> pd.DataFrame:
    """Who speaks about whom: (speaker, about, claims) for the most frequent pairs."""
    claims = view.claims
    ex = claims._exploded["about"]
    inside = view.mask[ex.rows]
    speakers = claims.df["speaker"].array.categories
    same = speakers.get_indexer(ex.values)  # each actor's code as a speaker (-1: never speaks)
    spoke, about = claims.codes("speaker")[ex.rows[inside]], ex.codes[inside]
    keep = same[about] != spoke  # nobody "speaks about" themselves
    key = spoke[keep].astype(np.int64) * len(ex.values) + about[keep]
    pairs, n = np.unique(key, return_counts=True)
    out = pd.DataFrame({"speaker": np.asarray(speakers)[pairs // max(len(ex.values), 1)],
                        "about": np.asarray(ex.values, dtype=object)[pairs % max(len(ex.values), 1)], "claims": n})
    return out.sort_values("claims", ascending=False, kind="stable").head(top * top).reset_index(drop=True)


SORTS = ("article order", "least certain first", "weakest speaker first", "speaker", "status", "newest first")


def speaker_trust(resolution: str) -> float:
    """How far a speaker found this way can be trusted (claims/data/resolutions.tsv); the article's own
    statements are sure of their speaker, an unknown way sits in the middle."""
    return 1.0 if resolution == "article" else load_lexicon().confidence.get(resolution, 0.5)


def table_rows(store, ids: list[str]) -> pd.DataFrame:
    """The claims with these ids, in this order, with everything the table and the detail show
    (read from the store: the desk holds no evidence or note text in memory)."""
    from claims.store.columnar import claims_by_id

    return with_texts(claims_by_id(store, ids))


def with_texts(df: pd.DataFrame) -> pd.DataFrame:
    """Readable markers and actors for a frame of the store's claims."""
    df = df.copy()
    df["markers_text"] = [markers_to_text(ms) for ms in df["certainty_markers"]]
    df["about_text"] = ["; ".join(a) for a in df["about"]]
    published = pd.to_datetime(df["published"].str[:10], errors="coerce", format="%Y-%m-%d")
    df["date"] = published.fillna(pd.to_datetime(df["ingested_at"].str[:10], errors="coerce", format="%Y-%m-%d"))
    return df


def appearances(store, row, limit: int = 200) -> tuple[pd.DataFrame, int]:
    """Other claims of the same cluster (the same or nearly the same content elsewhere): up to `limit`
    of them, sorted by date, and how many there are in all."""
    from claims.store.columnar import cluster_claims

    if not row.get("cluster_id"):
        return with_texts(cluster_claims(store, "", 0)[0]), 0
    same, total = cluster_claims(store, row["cluster_id"], limit + 1)
    same = with_texts(same)
    same = same[same["claim_id"] != row["claim_id"]].head(limit)
    return same.sort_values(["date", "article_id"]).reset_index(drop=True), total - 1
