"""An actor's page (?actor=Mike+Pompeo): claims over time, verdict record, certainty mix, who they speak
about, their claims checked before. The data comes from claims.actors."""
from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from claims.actors import actor_record
from claims.labels import label
from claims.safe import escape_markdown
from claims.views import ClaimSet
from dashboard import charts, data

PARAM = "actor"


def open_actor(name: str) -> None:
    """Show the page of `name` (a button's callback): the URL then names it, so the link can be shared."""
    st.query_params[PARAM] = name


def close_actor() -> None:
    if PARAM in st.query_params:
        del st.query_params[PARAM]


def requested() -> str | None:
    return st.query_params.get(PARAM) or None


def page(db: str, claims: ClaimSet, name: str, statuses: list[str]) -> None:
    st.button(label("ui", "back_to_desk"), on_click=close_actor, key="actor_back")
    known = claims.options("speaker")
    if name not in known:
        st.title(escape_markdown(name))
        st.warning(f"No claim of {escape_markdown(name)} in this database.")
        return
    rec = actor_record(claims, data.store(db), name, statuses)
    st.title(escape_markdown(name))
    cols = st.columns(4)
    cols[0].metric("Claims", f"{rec.claims:,}")
    cols[1].metric("With a verdict", f"{rec.verdicts:,}")
    cols[2].metric(label("ui", "checked_before"), f"{len(rec.checked):,}")
    cols[3].metric("Actors spoken about", f"{len(rec.about):,}")
    st.caption(f"Link to this page: `?actor={name}` — copy the address bar to share it.")

    left, right = st.columns(2, gap="large")
    left.markdown(f"##### {label('ui', 'claims_over_time')} (per {rec.unit})")
    if len(rec.over_time):
        left.altair_chart(charts.over_time(rec.over_time, rec.unit), width="stretch")
    else:
        left.caption("No claim is dated.")
    right.markdown(f"##### {label('ui', 'verdict_record')}")
    right.altair_chart(charts.status_bars(rec.statuses), width="stretch")

    left, right = st.columns(2, gap="large")
    left.markdown(f"##### {label('ui', 'certainty_mix')}")
    left.altair_chart(charts.certainty_mix(rec.certainty, [name]), width="stretch")
    right.markdown(f"##### {label('ui', 'speaks_about')}")
    if len(rec.about):
        right.altair_chart(_about_bars(rec.about), width="stretch")
    else:
        right.caption("Their claims name no other actor.")

    st.markdown(f"##### {label('ui', 'verdict_record')}: claims with a verdict")
    if len(rec.record):
        shown = rec.record.assign(status=rec.record["status"].map(lambda s: label("status", s)))
        st.dataframe(shown, hide_index=True, width="stretch", key="actor_record", column_config={
            "check": st.column_config.LinkColumn("published check", display_text="fact-check"),
            "article": st.column_config.LinkColumn("article", display_text="source")})
    else:
        st.caption("None of their claims has a verdict yet.")
    st.markdown(f"##### {label('ui', 'checked_before')}")
    if len(rec.checked):
        shown = rec.checked.assign(status=rec.checked["status"].map(lambda s: label("status", s)))
        st.dataframe(shown, hide_index=True, width="stretch", key="actor_checked", column_config={
            "link": st.column_config.LinkColumn("link", display_text="open"),
            "status": st.column_config.TextColumn("status here")})
    else:
        st.caption("None of their claims matches an earlier verdict.")


def _about_bars(about: pd.DataFrame) -> alt.Chart:
    return alt.Chart(about.head(20)).mark_bar(color="#6aa6cf").encode(
        x=alt.X("claims:Q", title="claims", axis=alt.Axis(format=",d", tickMinStep=1)),
        y=alt.Y("about:N", sort="-x", title=None, axis=alt.Axis(labelLimit=220)), tooltip=["about", "claims"]
    ).properties(height=alt.Step(26))
