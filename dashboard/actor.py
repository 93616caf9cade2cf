"""An actor's page (?actor=Mike+Pompeo): claims over time, verdict record, certainty mix, who they speak
about, their claims checked before. The data comes from claims.actors."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from claims.actors import actor_record
from claims.labels import readable_time
from claims.safe import escape_markdown
from claims.schema import CERTAINTY_LEVELS
from claims.views import ClaimSet
from dashboard import charts, data
from dashboard.i18n import lang, name, t

PARAM = "actor"


def open_actor(actor: str) -> None:
    """Show the page of `name` (a button's callback): the URL then names it, so the link can be shared."""
    st.query_params[PARAM] = actor


def close_actor() -> None:
    if PARAM in st.query_params:
        del st.query_params[PARAM]


def requested() -> str | None:
    return st.query_params.get(PARAM) or None


def _labelled(df: pd.DataFrame, **groups: str) -> pd.DataFrame:
    """A copy of chart data with a "<column>_label" column (words in the page's language) per code column."""
    df = df.copy()
    for column, group in groups.items():
        df[f"{column}_label"] = df[column].map(lambda c, g=group: name(g, c))
    return df


def page(db: str, claims: ClaimSet, actor: str, statuses: list[str]) -> None:
    st.button(t("back_to_desk"), on_click=close_actor, key="actor_back")
    known = claims.options("speaker")
    if actor not in known:
        st.title(escape_markdown(actor))
        st.warning(t("actor_unknown", name=escape_markdown(actor)))
        return
    rec = actor_record(claims, data.store(db), actor, statuses)
    words = {"claims": t("axis_claims"), "share": t("axis_share"), "about": t("axis_about"),
             "speaker": name("column", "speaker").lower(),
             **{u: name("unit", u) for u in ("day", "week", "month", "year")}}
    st.title(escape_markdown(actor))
    cols = st.columns(4)
    cols[0].metric(t("metric_claims"), f"{rec.claims:,}")
    cols[1].metric(t("actor_verdicts"), f"{rec.verdicts:,}")
    cols[2].metric(t("checked_before"), f"{len(rec.checked):,}")
    cols[3].metric(t("actor_about_n"), f"{len(rec.about):,}")
    st.caption(t("actor_link", name=escape_markdown(actor)))

    left, right = st.columns(2, gap="large")
    left.markdown(f"##### {t('actor_time', unit=name('unit', rec.unit))}")
    if len(rec.over_time):
        left.altair_chart(charts.over_time(_labelled(rec.over_time, kind="kind"), rec.unit, words), width="stretch")
    else:
        left.caption(t("actor_undated"))
    right.markdown(f"##### {t('verdict_record')}")
    right.altair_chart(charts.status_bars(_labelled(rec.statuses, status="status"), words), width="stretch")

    left, right = st.columns(2, gap="large")
    left.markdown(f"##### {t('certainty_mix')}")
    levels = {c: name("certainty", c) for c in CERTAINTY_LEVELS}
    left.altair_chart(charts.certainty_mix(_labelled(rec.certainty, certainty="certainty"), [actor], levels, words),
                      width="stretch")
    right.markdown(f"##### {t('speaks_about')}")
    if len(rec.about):
        right.altair_chart(_about_bars(rec.about, words), width="stretch")
    else:
        right.caption(t("actor_about_none"))

    st.markdown(f"##### {t('actor_record_title')}")
    if len(rec.record):
        shown = rec.record.assign(status=rec.record["status"].map(lambda s: name("status", s)),
                                  reviewed=[readable_time(v, lang=lang()) for v in rec.record["reviewed"]])
        st.dataframe(shown, hide_index=True, width="stretch", key="actor_record", column_config={
            **{c: st.column_config.Column(name("column", c)) for c in ("status", "claim", "reviewer", "reviewed",
                                                                       "note")},
            "check": st.column_config.LinkColumn(name("column", "check"), display_text=t("link_check")),
            "article": st.column_config.LinkColumn(name("column", "article"), display_text=t("link_article"))})
    else:
        st.caption(t("actor_record_none"))
    st.markdown(f"##### {t('checked_before')}")
    if len(rec.checked):
        shown = rec.checked.assign(status=rec.checked["status"].map(lambda s: name("status", s)),
                                   date=[readable_time(str(v)[:10], lang=lang()) if v else "" for v in
                                         rec.checked["date"]])
        st.dataframe(shown, hide_index=True, width="stretch", key="actor_checked", column_config={
            **{c: st.column_config.Column(name("column", c)) for c in ("claim", "verdict", "by", "date")},
            "link": st.column_config.LinkColumn(name("column", "link"), display_text=t("link_open")),
            "status": st.column_config.TextColumn(name("column", "status_now")),
            "claim_id": None})  # an internal id: the claim's words say which it is
    else:
        st.caption(t("actor_checked_none"))


def _about_bars(about: pd.DataFrame, words: dict[str, str]) -> alt.Chart:
    return alt.Chart(about.head(20)).mark_bar(color="#6aa6cf").encode(
        x=alt.X("claims:Q", title=words["claims"], axis=alt.Axis(format=",d", tickMinStep=1)),
        y=alt.Y("about:N", sort="-x", title=None, axis=alt.Axis(labelLimit=220)),
        tooltip=[alt.Tooltip("about:N", title=words["about"]), alt.Tooltip("claims:Q", title=words["claims"])]
    ).properties(height=alt.Step(26))
