"""Altair charts of data already aggregated by claims.views (a few hundred rows at most, at any size).

Titles are written by the page (as headings), so the charts carry none and keep their full width.
"""
from __future__ import annotations

import altair as alt
import pandas as pd

from claims.schema import CERTAINTY_LEVELS
from claims.store.statuses import status_colors

# From sure to unsure: blues for what is stated or attributed, warm colours for what the text does not vouch for.
CERTAINTY_COLORS = ["#1f5f8b", "#6aa6cf", "#f2b84b", "#e8772e", "#c23b22"]
SPEAKER_PICK = "pick"  # name of the bar chart's selection, read back by the app
_ROW = alt.Step(24)  # one bar or cell a row: every label stays readable
_COUNT_AXIS = alt.Axis(tickMinStep=1, format=",d")  # 1,000,000, not 1000000
_LABELS = alt.Axis(labelLimit=220, labelOverlap=False)
# Axis and legend words in English; each chart takes `words` in the page's language. Codes in the data are
# shown through their "<column>_label" column when the page adds one.
WORDS = {"claims": "claims", "share": "share of the speaker's claims", "about": "actor spoken about",
         "speaker": "speaker"}


def _f(data: pd.DataFrame, column: str) -> str:
    """The field to show for a column: its label column when the page added one."""
    return f"{column}_label" if f"{column}_label" in data.columns else column


def speaker_bars(data: pd.DataFrame, words: dict[str, str] | None = None) -> alt.Chart:
    """Claims per speaker; a click on a bar selects that speaker."""
    w = {**WORDS, **(words or {})}
    pick = alt.selection_point(name=SPEAKER_PICK, fields=["speaker"], on="click")
    return (alt.Chart(data)
            .mark_bar(cursor="pointer")
            .encode(x=alt.X("claims:Q", title=w["claims"], axis=_COUNT_AXIS),
                    y=alt.Y(f"{_f(data, 'speaker')}:N", sort="-x", title=None, axis=_LABELS),
                    color=alt.value("#1f5f8b"),
                    opacity=alt.condition(pick, alt.value(1.0), alt.value(0.45)),
                    tooltip=[alt.Tooltip(f"{_f(data, 'speaker')}:N", title=w["speaker"]),
                             alt.Tooltip("claims:Q", title=w["claims"])])
            .add_params(pick)
            .properties(height=_ROW))


def certainty_mix(data: pd.DataFrame, order: list[str], level_names: dict[str, str] | None = None,
                  words: dict[str, str] | None = None) -> alt.Chart:
    w = {**WORDS, **(words or {})}
    levels = [(level_names or {}).get(c, c) for c in CERTAINTY_LEVELS]
    speaker, certainty = _f(data, "speaker"), _f(data, "certainty")
    return (alt.Chart(data)
            .mark_bar()
            .encode(x=alt.X("claims:Q", stack="normalize", title=w["share"],
                            axis=alt.Axis(format="%")),
                    y=alt.Y(f"{speaker}:N", sort=order, title=None, axis=_LABELS),
                    color=alt.Color(f"{certainty}:N", scale=alt.Scale(domain=levels, range=CERTAINTY_COLORS),
                                    legend=alt.Legend(orient="bottom", title=None, columns=2,
                                                                    labelLimit=260)),
                    order=alt.Order("order:Q"),
                    tooltip=[alt.Tooltip(f"{speaker}:N", title=w["speaker"]), alt.Tooltip(f"{certainty}:N"),
                             alt.Tooltip("claims:Q", title=w["claims"])])
            .properties(height=_ROW))


def status_bars(data: pd.DataFrame, words: dict[str, str] | None = None) -> alt.Chart:
    w = {**WORDS, **(words or {})}
    field = _f(data, "status")
    domain = list(data[field])
    colors = status_colors()  # statuses.tsv
    return (alt.Chart(data)
            .mark_bar()
            .encode(y=alt.Y(f"{field}:N", sort=domain, title=None, axis=_LABELS),
                    x=alt.X("claims:Q", title=w["claims"], axis=_COUNT_AXIS),
                    color=alt.Color(f"{field}:N", legend=None, scale=alt.Scale(
                        domain=domain, range=[colors.get(s, "#bbbbbb") for s in data["status"]])),
                    tooltip=[alt.Tooltip(f"{field}:N"), alt.Tooltip("claims:Q", title=w["claims"])])
            .properties(height=_ROW))


# Per unit: Vega-Lite time unit of a band, its axis label and its tooltip label.
_PERIODS = {"day": ("yearmonthdate", "%d %b %Y", "%d %b %Y"),
            "week": ("yearmonthdate", "%d %b", "week of %d %b %Y"),
            "month": ("yearmonth", "%b %Y", "%B %Y"),
            "year": ("year", "%Y", "%Y")}


def over_time(data: pd.DataFrame, unit: str, words: dict[str, str] | None = None) -> alt.Chart:
    """Claims per period (one labelled band each, at most ~50: views.time_unit picks the period)."""
    w = {**WORDS, **(words or {})}
    time_unit, label, tip = _PERIODS[unit]
    return (alt.Chart(data)
            .mark_bar()
            .encode(x=alt.X("period:O", timeUnit=time_unit, title=None,
                            axis=alt.Axis(format=label, labelAngle=0 if data["period"].nunique() <= 12 else -45)),
                    y=alt.Y("claims:Q", title=w["claims"], stack=True, axis=_COUNT_AXIS),
                    # two columns wide enough for « Reported speech with a quote » / « Discours rapporté avec citation »
                    color=alt.Color(f"{_f(data, 'kind')}:N", legend=alt.Legend(orient="bottom", title=None,
                                                                                 columns=2, labelLimit=260)),
                    tooltip=[alt.Tooltip("period:T", title=w.get(unit, unit), format=tip),
                             alt.Tooltip(f"{_f(data, 'kind')}:N"), alt.Tooltip("claims:Q", title=w["claims"])])
            .properties(height=220))


def speaker_about(data: pd.DataFrame, words: dict[str, str] | None = None) -> alt.Chart:
    w = {**WORDS, **(words or {})}
    return (alt.Chart(data)
            .mark_rect()
            .encode(x=alt.X("about:N", title=w["about"], sort="-color",
                            axis=alt.Axis(labelAngle=-35, labelLimit=160, labelOverlap=False)),
                    y=alt.Y(f"{_f(data, 'speaker')}:N", title=w["speaker"], sort="-color", axis=_LABELS),
                    color=alt.Color("claims:Q", scale=alt.Scale(scheme="blues"),
                                    legend=alt.Legend(title=w["claims"], format="d", tickMinStep=1)),
                    tooltip=[alt.Tooltip(f"{_f(data, 'speaker')}:N", title=w["speaker"]),
                             alt.Tooltip("about:N", title=w["about"]),
                             alt.Tooltip("claims:Q", title=w["claims"])])
            .properties(height=_ROW, width=alt.Step(56)))
