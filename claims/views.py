"""Views of stored claims for the review desk: filters, facet counts, headline numbers, chart data.

Everything is pandas on the frame `Store.claims_frame` returns, computed once per load (`ClaimSet`)
so that filtering 100,000 claims and aggregating them for charts stays well under a second.
The dashboard only displays what these functions return.
"""
from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field, fields
from datetime import date

import numpy as np
import pandas as pd

from claims.lexicon import fold, strip_accents
from claims.schema import CERTAINTY_LEVELS, certainty_rank, markers_to_text

# Marker facet: the marker types of claims.schema.MARKER_TYPES, named for a reviewer, plus "none".
MARKER_LABELS: dict[str, str] = {
    "conditional": "journalistic conditional (aurait, serait)",
    "vague_source": "anonymous or vague source",
    "hedge": "hedge (censé, semble, environ)",
    "evidential": "attribution (selon, d'après)",
    "none": "no marker",
}
UNSURE_LEVELS = ("hedged", "alleged", "unsourced")  # the certainty levels a reviewer looks at first
_RANK = {level: certainty_rank(level) for level in CERTAINTY_LEVELS}  # for Series.map on many rows

# Facets of the sidebar: filter name → column it reads (list columns are exploded).
FACETS: dict[str, str] = {
    "speaker": "speaker", "about": "about", "kind": "kind", "certainty": "certainty",
    "marker": "marker_types", "status": "status", "article": "article_id",
}
_LIST_FACETS = ("about", "marker")


@dataclass
class Filters:
    """What the reviewer has chosen; an empty list means no restriction."""

    speaker: list[str] = field(default_factory=list)
    about: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    certainty: list[str] = field(default_factory=list)
    marker: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    article: list[str] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""

    def to_params(self) -> dict[str, str | list[str]]:
        """URL query parameters (lists repeat their key), leaving out what is not set."""
        out: dict[str, str | list[str]] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, date):
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
        return "_".join(parts)[:150].strip("_-") or "all"


def _slug(value: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", strip_accents(value.lower())).strip("-")[:40]


def _search_key(text: str) -> str:
    return strip_accents(fold(text))


class ClaimSet:
    """A loaded claims frame with what filtering needs precomputed (dates, search text, exploded lists)."""

    def __init__(self, df: pd.DataFrame, review_mark: int = 0):
        self.review_mark = review_mark  # the last review id this frame includes
        self._lock = threading.Lock()
        df = df.reset_index(drop=True).copy()
        df["marker_types"] = [sorted({m["type"] for m in ms}) or ["none"] for ms in df["certainty_markers"]]
        df["markers_text"] = [markers_to_text(ms) for ms in df["certainty_markers"]]
        df["about_text"] = ["; ".join(a) for a in df["about"]]
        published = pd.to_datetime(df["published"].str[:10], errors="coerce", format="%Y-%m-%d")
        ingested = pd.to_datetime(df.get("ingested_at", pd.Series("", index=df.index)).str[:10], errors="coerce",
                                  format="%Y-%m-%d")
        df["published_date"], df["ingested_date"] = published, ingested
        df["date"] = published.fillna(ingested)  # the filter's date: published when known
        df["certainty_rank"] = df["certainty"].map(_RANK).fillna(0)
        self.df = df
        self._search = pd.Series([_search_key(f"{a} {b}") for a, b in zip(df["text"], df["sentence_text"])],
                                 index=df.index)
        self._exploded = {name: df[FACETS[name]].explode().dropna() for name in _LIST_FACETS}

    def __len__(self) -> int:
        return len(self.df)

    def catch_up(self, review_mark: int, changes_since) -> None:
        """Apply the verdicts saved since this frame was loaded (`changes_since(mark)` gives the claims'
        current review columns), instead of reloading every claim after each save."""
        with self._lock:
            if review_mark == self.review_mark:
                return
            changes = changes_since(self.review_mark)
            rows = self.df.index[self.df["claim_id"].isin(changes["claim_id"])]
            current = changes.set_index("claim_id").loc[self.df.loc[rows, "claim_id"]]
            df = self.df.copy()  # readers of the old frame keep a consistent one
            for name in ("status", "note", "reviewer", "reviewed_at"):
                df.loc[rows, name] = current[name].fillna("").astype(str).to_numpy()
            df.loc[rows, "version"] = current["version"].astype("int64").to_numpy()
            self.df, self.review_mark = df, review_mark

    # -- filtering --------------------------------------------------------------------
    def _mask(self, name: str, values: list[str]) -> np.ndarray:
        if name in _LIST_FACETS:
            long = self._exploded[name]
            mask = np.zeros(len(self.df), dtype=bool)
            mask[long.index[long.isin(values)].to_numpy()] = True
            return mask
        return self.df[FACETS[name]].isin(values).to_numpy()

    def masks(self, f: Filters) -> dict[str, np.ndarray]:
        """One boolean mask per active filter."""
        out = {name: self._mask(name, getattr(f, name)) for name in FACETS if getattr(f, name)}
        if f.date_from or f.date_to:
            d = self.df["date"]
            lo = pd.Timestamp(f.date_from) if f.date_from else d.min()
            hi = pd.Timestamp(f.date_to) if f.date_to else d.max()
            out["date"] = d.between(lo, hi).to_numpy()
        if f.text.strip():
            out["text"] = self._search.str.contains(_search_key(f.text), regex=False).to_numpy()
        return out

    @staticmethod
    def _combine(masks: dict[str, np.ndarray], n: int, skip: str | None = None) -> np.ndarray:
        mask = np.ones(n, dtype=bool)
        for name, m in masks.items():
            if name != skip:
                mask &= m
        return mask

    def filter(self, f: Filters) -> pd.DataFrame:
        """The claims that pass every filter."""
        return self.df[self._combine(self.masks(f), len(self.df))]

    def facet_counts(self, f: Filters) -> dict[str, pd.Series]:
        """For each facet, how many claims each value would give with the other filters kept
        (the usual faceted-search counts, so a reviewer sees what a click would leave)."""
        masks = self.masks(f)
        out = {}
        for name, column in FACETS.items():
            keep = self._combine(masks, len(self.df), skip=name)
            if name in _LIST_FACETS:
                long = self._exploded[name]
                values = long[keep[long.index.to_numpy()]]
            else:
                values = self.df[column][keep]
            out[name] = values.value_counts()
        return out

    def options(self, name: str) -> list[str]:
        """Every value of a facet in the loaded claims (most frequent first), so a choice never vanishes."""
        if name in _LIST_FACETS:
            counts = self._exploded[name].value_counts()
        else:
            counts = self.df[FACETS[name]].value_counts()
        counts = counts[counts.index.astype(str) != ""]
        if name == "certainty":
            return [c for c in CERTAINTY_LEVELS if c in counts.index]
        return [str(v) for v in counts.index]

    def date_bounds(self) -> tuple[date, date] | None:
        d = self.df["date"].dropna()
        return (d.min().date(), d.max().date()) if len(d) else None


# -- headline numbers and chart data (all aggregated here, so charts never see raw rows) ---------------
def headline(view: pd.DataFrame) -> dict[str, int]:
    named = view["speaker"][~view["speaker_type"].isin(["article", "unknown"])]
    unsure = view["certainty"].isin(UNSURE_LEVELS) | (view["speaker_type"] == "anonymous")
    return {"claims": len(view), "speakers": int(named.nunique()),
            "unverified": int((view["status"] == "unverified").sum()), "hedged_or_anonymous": int(unsure.sum())}


def claims_per_speaker(view: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    counts = view.groupby("speaker").size().rename("claims").reset_index()
    return counts.sort_values(["claims", "speaker"], ascending=[False, True]).head(top).reset_index(drop=True)


def certainty_by_speaker(view: pd.DataFrame, top: int = 15) -> pd.DataFrame:
    speakers = claims_per_speaker(view, top)["speaker"]
    part = view[view["speaker"].isin(speakers)]
    out = part.groupby(["speaker", "certainty"]).size().rename("claims").reset_index()
    out["order"] = out["certainty"].map(_RANK)
    return out


def status_counts(view: pd.DataFrame, statuses: list[str]) -> pd.DataFrame:
    counts = view["status"].value_counts().reindex(statuses, fill_value=0)
    extra = view["status"][~view["status"].isin(statuses)].value_counts()  # retired statuses still show
    return pd.concat([counts, extra]).rename_axis("status").rename("claims").reset_index()


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


def claims_over_time(view: pd.DataFrame, by: str = "published") -> tuple[pd.DataFrame, str]:
    """Claims per period and kind, `by` "published" or "ingested"; the period (day, week, month or
    year) follows the span of the view. Returns (period, kind, claims) rows and the unit."""
    column = "published_date" if by == "published" else "ingested_date"
    dated = view.dropna(subset=[column])
    if not len(dated):
        return pd.DataFrame(columns=["period", "kind", "claims"]), "day"
    unit = time_unit(dated[column].min(), dated[column].max())
    periods = bucket(dated[column], unit).rename("period")
    out = dated.groupby([periods, dated["kind"]]).size().rename("claims").reset_index()
    return out, unit


def speaker_about(view: pd.DataFrame, top: int = 12) -> pd.DataFrame:
    """Who speaks about whom: (speaker, about, claims) for the most frequent pairs."""
    pairs = view[["speaker", "about"]].explode("about").dropna()
    pairs = pairs[pairs["about"] != pairs["speaker"]]
    out = pairs.groupby(["speaker", "about"]).size().rename("claims").reset_index()
    return out.sort_values("claims", ascending=False).head(top * top).reset_index(drop=True)


SORTS: dict[str, tuple[list[str], list[bool]]] = {
    "article order": (["article_id", "start"], [True, True]),
    "least certain first": (["certainty_rank", "article_id", "start"], [False, True, True]),
    "speaker": (["speaker", "article_id", "start"], [True, True, True]),
    "status": (["status", "article_id", "start"], [True, True, True]),
    "newest first": (["date", "article_id", "start"], [False, True, True]),
}


def sorted_view(view: pd.DataFrame, how: str) -> pd.DataFrame:
    by, ascending = SORTS[how]
    return view.sort_values(by, ascending=ascending, kind="stable", na_position="last")


def appearances(claims: ClaimSet, row: pd.Series) -> pd.DataFrame:
    """The other claims of the same cluster (the same or nearly the same content elsewhere)."""
    df = claims.df
    if not row.get("cluster_id"):
        return df.iloc[0:0]
    same = df[(df["cluster_id"] == row["cluster_id"]) & (df["claim_id"] != row["claim_id"])]
    return same.sort_values(["date", "article_id"])
