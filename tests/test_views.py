"""Filters, facet counts, chart data and evidence of the review desk (claims.views, claims.evidence)."""
from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from conftest import SEED, ingest

from claims.articles import Article
from claims.evidence import evidence_segments
from claims.extract import extract_rows
from claims.store import open_store
from claims.views import (
    ClaimSet,
    Filters,
    appearances,
    certainty_by_speaker,
    claims_over_time,
    claims_per_speaker,
    headline,
    speaker_about,
    table_rows,
    time_unit,
)


@pytest.fixture
def store(tmp_path):
    s = open_store(str(tmp_path / "views.db"))
    ingest(s, [SEED])
    return s


@pytest.fixture
def claims(store) -> ClaimSet:
    return ClaimSet.from_store(store)


def test_filters_survive_a_round_trip_through_the_url():
    f = Filters(speaker=["Mike Pompeo", "Trump"], marker=["conditional"], date_from=date(2026, 1, 2), text="Caracas")
    params = f.to_params()
    assert params == {"speaker": ["Mike Pompeo", "Trump"], "marker": ["conditional"], "date_from": "2026-01-02",
                      "text": "Caracas"}
    back = Filters.from_params(lambda k: params.get(k, []) if isinstance(params.get(k), list)
                               else [params[k]] if k in params else [])
    assert back == f
    assert Filters.from_params(lambda k: ["not-a-date"] if k == "date_to" else []).date_to is None
    assert f.describe() == "speaker-mike-pompeo+trump_marker-conditional_2026-01-02--_text-caracas"
    assert Filters().describe() == "all"


def test_list_facets_text_search_and_markers(store, claims):
    about = table_rows(store, list(claims.filter(Filters(about=["Nicolás Maduro"]))["claim_id"]))
    assert len(about) == 4 and all("Nicolás Maduro" in a for a in about["about"])
    cond = claims.filter(Filters(marker=["conditional"]))
    assert list(cond["speaker"]) == ["anonymous source"]
    assert "aurait tenté" in table_rows(store, list(cond["claim_id"])).iloc[0]["markers_text"]
    # case and accents do not matter in the search
    assert set(claims.filter(Filters(text="ETATS-UNIS"))["claim_id"]) == set(
        claims.filter(Filters(text="États-Unis"))["claim_id"]) != set()
    none = claims.filter(Filters(marker=["none"]))
    assert len(none) + len(claims.filter(Filters(marker=["conditional", "vague_source", "hedge", "evidential"]))) \
        == len(claims)


def test_facet_counts_keep_the_other_filters_but_not_their_own(claims):
    f = Filters(speaker=["Mike Pompeo"], kind=["direct"])
    counts = claims.facet_counts(f)
    assert counts["kind"].to_dict() == {"direct": 2, "indirect": 1, "according_to": 1}  # all of Pompeo's kinds
    directs = claims.filter(Filters(kind=["direct"]))
    assert counts["speaker"]["Mike Pompeo"] == 2 and counts["speaker"].sum() == len(directs)
    assert counts["status"].to_dict() == {"unverified": 2}
    assert len(claims.filter(f)) == 2


def test_date_range_filters_on_the_published_or_ingested_day(claims):
    today = claims.date_bounds()[0]
    assert len(claims.filter(Filters(date_from=today, date_to=today))) == len(claims)
    assert len(claims.filter(Filters(date_from=date(1999, 1, 1), date_to=date(1999, 12, 31)))) == 0


def test_headline_and_chart_data(store, claims):
    view = claims.view(Filters())
    stored = store.claims_frame()
    h = headline(view)
    assert h["claims"] == len(stored) and h["unverified"] == len(stored)
    assert h["speakers"] == stored.loc[~stored["speaker_type"].isin(["article", "unknown"]), "speaker"].nunique()
    assert h["hedged_or_anonymous"] == 3  # relativement, censée, the anonymous US sources
    per = claims_per_speaker(view, top=3)
    assert list(per["claims"]) == sorted(per["claims"], reverse=True) and len(per) == 3
    assert per.iloc[0]["claims"] == stored["speaker"].value_counts().iloc[0]
    pairs = speaker_about(view)
    assert not (pairs["speaker"] == pairs["about"]).any()
    expected = stored[["speaker", "about"]].explode("about").dropna()
    expected = expected[expected["speaker"] != expected["about"]].value_counts()
    assert pairs.set_index(["speaker", "about"])["claims"].to_dict() == expected.to_dict()
    mix = certainty_by_speaker(view).set_index(["speaker", "certainty"])["claims"]
    assert mix.to_dict() == stored.groupby(["speaker", "certainty"]).size()[mix.index].to_dict()
    assert headline(view) is h  # computed once per filter: the rerun reads it from the cached view
    assert claims.view(Filters()) is view


def test_a_verdict_is_caught_up_without_a_reload(store, claims):
    row = store.claims_frame(speaker=["Mike Pompeo"]).iloc[0]
    store.set_status(row["claim_id"], "false", version=int(row["version"]), note="démenti", reviewer="ana")
    mark = store.revision()[0]
    before = claims.view(Filters())
    claims.catch_up(mark, store.reviews_since)
    assert claims.review_mark == mark
    assert list(claims.filter(Filters(status=["false"]))["claim_id"]) == [row["claim_id"]]
    assert claims.facet_counts(Filters())["status"].to_dict() == {"unverified": len(claims) - 1, "false": 1}
    assert claims.view(Filters()) is not before  # views of the old statuses are dropped
    now = table_rows(store, [row["claim_id"]]).iloc[0]
    assert (now["status"], now["note"], now["reviewer"], now["version"]) == ("false", "démenti", "ana", 2)
    assert appearances(store, now)[1] == 0


def test_evidence_segments_cover_the_paragraph_and_label_each_part():
    text = "Titre\n\nD'après Jean Dupont, <script>alert(1)</script> la dette aurait doublé. Fin.\n\nAutre."
    art = Article(article_id="x", text=text)
    rows = extract_rows([art])
    row = next(r for r in rows if r["kind"] == "according_to")
    segs = evidence_segments(text, row)
    assert "".join(s.text for s in segs) == text[art.paragraphs[1][0]:art.paragraphs[1][1]]
    labelled = {s.text: s.labels for s in segs}
    assert "speaker" in labelled["Jean Dupont"]
    assert any("marker" in s.labels and "aurait" in s.text for s in segs)
    assert any("claim" in s.labels and "dette" in s.text for s in segs)


def test_claims_over_time_picks_the_period_from_the_span(tmp_path, year_batch):
    store = open_store(str(tmp_path / "year.db"))
    store.ingest(*year_batch)
    year = ClaimSet.from_store(store)
    over, unit = claims_over_time(year.view(Filters()), "published")
    assert unit == "month" and over["claims"].sum() == len(year)
    assert list(over["period"].drop_duplicates()) == sorted(over["period"].unique())
    assert {p.day for p in over["period"]} == {1} and over["period"].nunique() == 12  # one bar a month
    spring = year.view(Filters(date_from=date(2025, 3, 1), date_to=date(2025, 7, 31)))
    over, unit = claims_over_time(spring, "published")
    assert unit == "week" and {p.weekday() for p in over["period"]} == {0}  # weeks start on Monday
    assert over["claims"].sum() == len(spring) > 0
    one_day = claims_over_time(year.view(Filters(date_from=date(2025, 1, 3), date_to=date(2025, 1, 3))),
                               "published")
    assert one_day[1] == "day" and list(one_day[0]["period"].unique()) == [pd.Timestamp("2025-01-03")]
    assert time_unit(pd.Timestamp("2020-01-01"), pd.Timestamp("2026-01-01")) == "year"
