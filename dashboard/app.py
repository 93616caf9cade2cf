"""claims — the fact-checking desk's dashboard.

    streamlit run dashboard/app.py [-- --db FILE_OR_URL]

A thin page: the data comes from claims/ (store, views, exports) through dashboard/data.py.
"""
from __future__ import annotations

import streamlit as st

from claims import views
from claims.labels import DEFAULT_LANGUAGE, LANGUAGES, readable_time
from claims.safe import escape_markdown
from claims.store import StoreError
from claims.store.export import (
    BROWSER_EXPORT_ROWS,
    BROWSER_XLSX_ROWS,
    export_command,
    export_view,
    verdict_statuses,
)
from dashboard import actor, charts, checked, data, i18n, review, sidebar, upload
from dashboard.i18n import name, t
from dashboard.style import CSS

st.set_page_config(page_title="claims · fact-checking desk", page_icon="🔎", layout="wide")


def _chart_click() -> None:
    """A click on a speaker's bar (previous run) becomes the speaker filter."""
    state = st.session_state.get("speaker_chart") or {}
    picked = [p.get("speaker") for p in (state.get("selection") or {}).get(charts.SPEAKER_PICK, []) if p.get("speaker")]
    if picked and picked != st.session_state.get("_picked"):
        sidebar.pick_speaker(picked[0])
    st.session_state["_picked"] = picked


def _metrics(view) -> None:
    h = views.headline(view)
    cols = st.columns(4)
    cols[0].metric(t("metric_claims"), f"{h['claims']:,}")
    cols[1].metric(t("metric_speakers"), f"{h['speakers']:,}", help=t("metric_speakers_help"))
    cols[2].metric(t("metric_unverified"), f"{h['unverified']:,}")
    cols[3].metric(t("metric_unsure"), f"{h['hedged_or_anonymous']:,}", help=t("metric_unsure_help"))


def _lang() -> str:
    """The language of exported headers and words: the page's (?lang=fr), else English."""
    lang = st.session_state.get("lang") or st.query_params.get("lang") or DEFAULT_LANGUAGE
    return lang if lang in LANGUAGES else DEFAULT_LANGUAGE


def _downloads(db: str, view: views.View, filters: views.Filters) -> None:
    name = f"claims_{filters.describe()}"
    counts = views.status_counts(view, [])
    reviewed = int(counts.loc[counts["status"].isin(list(verdict_statuses())), "claims"].sum())
    big = len(view) > BROWSER_EXPORT_ROWS  # Streamlit holds a download whole in memory: big ones go by the CLI
    lang = _lang()
    cols = st.columns([1, 1.3, 1, 1, 1.4, 2])
    # Callables: the file is built from the store only when clicked, so a view costs nothing until then.
    # CSV, Excel (FR) and .xlsx hold the same columns as `claims export` (claims.exports.EXPORT_COLUMNS).
    buttons = [("⬇ CSV", "csv", f"{name}.csv", "text/csv", "Comma-separated, UTF-8 with a BOM"),
               ("⬇ CSV Excel (FR)", "excel-fr", f"{name}.fr.csv", "text/csv",
                "Separated by ; with decimal commas: what French Excel opens in columns"),
               ("⬇ Excel", "xlsx", f"{name}.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "An .xlsx workbook"),
               ("⬇ JSONL", "jsonl", f"{name}.jsonl", "application/jsonl", "One JSON record a claim, every column")]
    big_xlsx = len(view) > BROWSER_XLSX_ROWS  # a workbook takes ~1 s per 3,000 claims to write
    for col, (label_, fmt, file_name, mime, help_) in zip(cols, buttons):
        too_big = big or fmt == "xlsx" and big_xlsx
        if fmt == "xlsx" and big_xlsx:
            help_ += f"; up to {BROWSER_XLSX_ROWS:,} claims here, more with `claims export --format xlsx`"
        col.download_button(label_, lambda fmt=fmt: export_view(data.store(db), view.ids(), fmt, lang), file_name,
                            mime, key=f"dl_{fmt}", on_click="ignore", disabled=too_big, width="stretch",
                            help=help_)
    cols[4].download_button(f"⬇ ClaimReview ({reviewed:,})",
                            lambda: export_view(data.store(db), view.ids(), "claimreview"),
                            f"{name}.claimreview.json", "application/ld+json", key="dl_claimreview",
                            on_click="ignore", disabled=reviewed == 0 or big, width="stretch",
                            help=t("claimreview_help"))
    if big:
        cols[5].caption(t("too_many", n=f"{len(view):,}", limit=f"{BROWSER_EXPORT_ROWS:,}"))
        st.code(export_command(data.store(db).name, filters, f"{name}.csv"), language="bash", wrap_lines=True)
    elif big_xlsx:
        cols[5].caption(t("exports_xlsx_cli", n=f"{len(view):,}"))
        st.code(export_command(data.store(db).name, filters, f"{name}.xlsx"), language="bash", wrap_lines=True)
    else:
        cols[5].caption(t("exports_hold", n=f"{len(view):,}"))


def _labelled(df, *columns: str):
    """A copy of chart data with a "<column>_label" column (words in the page's language) for each code column."""
    df = df.copy()
    groups = {"status": "status", "certainty": "certainty", "kind": "kind"}
    for column in columns:
        if column == "speaker":
            df["speaker_label"] = df["speaker"].map(review.speaker_name)
        else:
            df[f"{column}_label"] = df[column].map(lambda c, g=groups[column]: name(g, c))
    return df


def _charts(view: views.View, statuses: list[str]) -> None:
    if not len(view):
        st.info(t("no_claims_view"))
        return
    words = {"claims": t("axis_claims"), "share": t("axis_share"), "about": t("axis_about"),
             "speaker": name("column", "speaker").lower(),
             **{u: name("unit", u) for u in ("day", "week", "month", "year")}}
    per_speaker = _labelled(views.claims_per_speaker(view), "speaker")
    left, right = st.columns(2, gap="large")
    left.markdown(f"##### {t('chart_speakers')}  \n:gray[{t('chart_speakers_hint')}]")
    left.altair_chart(charts.speaker_bars(per_speaker, words), key="speaker_chart", on_select="rerun",
                      selection_mode=charts.SPEAKER_PICK, width="stretch")
    right.markdown(f"##### {t('chart_mix')}  \n:gray[{t('chart_mix_hint')}]")
    right.altair_chart(charts.certainty_mix(_labelled(views.certainty_by_speaker(view), "speaker", "certainty"),
                                            list(per_speaker["speaker_label"]),
                                            {c: name("certainty", c) for c in views.CERTAINTY_LEVELS}, words),
                       width="stretch")
    left, right = st.columns(2, gap="large")
    left.markdown(f"##### {t('chart_status')}")
    left.altair_chart(charts.status_bars(_labelled(views.status_counts(view, statuses), "status"), words),
                      width="stretch")
    heading = right.empty()
    has_published = len(views.claims_over_time(view, "published")[0]) > 0
    dates = {b: t(f"date_{b}") for b in ("published", "ingested")}
    by = right.radio(t("date_published"), list(dates), index=0 if has_published else 1,
                     horizontal=True, key="time_by", label_visibility="collapsed", help=t("date_help"),
                     format_func=dates.get)
    over, unit = views.claims_over_time(view, by)
    heading.markdown(f"##### {t('chart_time', unit=name('unit', unit))}")
    if len(over):
        right.altair_chart(charts.over_time(_labelled(over, "kind"), unit, words), width="stretch")
    else:
        right.caption(t("no_date", by=t(f"date_{by}")))
    pairs = views.speaker_about(view)
    if len(pairs):
        st.markdown(f"##### {t('chart_about')}  \n:gray[{t('chart_about_hint')}]")
        st.altair_chart(charts.speaker_about(_labelled(pairs, "speaker"), words), width="content")


def _repeated(db: str) -> None:
    clusters = data.repeated_claims(db)
    if not len(clusters):
        st.info(t("repeated_none"))
        return
    st.caption(t("repeated_help"))
    clusters = clusters.copy()
    for column in ("first_seen", "last_seen"):  # a day or a UTC time: as the reviewer reads dates
        clusters[column] = [readable_time(v, i18n.timezone(), i18n.lang()) for v in clusters[column]]
    st.dataframe(clusters, hide_index=True, width="stretch",
                 column_config={c: st.column_config.Column(name("column", c)) for c in clusters.columns})


def main() -> None:
    db, is_default = data.db_from_args()
    try:
        store = data.store(db)
        data.ensure_sample(db, is_default)
    except StoreError as err:
        st.error(i18n.message("unreadable_db", error=escape_markdown(str(err))))
        st.stop()
    st.html(CSS)
    i18n.init_language()
    sidebar.language()
    sidebar.database(store.name, store.upgraded)
    reviewer = sidebar.ask_reviewer()
    review.apply_table_edits(db, reviewer)
    try:
        claims = data.claim_set(db)
    except StoreError as err:  # the file's check, run while the claims were read, found it damaged
        st.error(i18n.message("unreadable_db", error=escape_markdown(str(err))))
        st.stop()
    upload.uploader(db)
    checked.importer(db)
    if not actor.requested():
        st.title(t("title"))
    review.show_flash()
    if not len(claims):
        st.info(t("empty_store", name=escape_markdown(store.name)))
        return
    statuses = store.statuses
    pending = data.sync_checked(db, claims)  # which claims were checked before (compares what is new)
    if actor.requested():  # ?actor=Name: the actor's page, shareable by its link
        actor.page(db, claims, actor.requested(), statuses)
        return
    sidebar.init_from_url(claims)
    _chart_click()
    filters = sidebar.draw(claims, statuses, claims.titles)
    if len(filters.speaker) == 1:
        st.sidebar.button(t("actor_open", name=filters.speaker[0]), key="actor_from_filter", on_click=actor.open_actor,
                          args=(filters.speaker[0],), width="stretch")
    if pending:
        st.sidebar.caption(t("pending_matches", n=f"{pending:,}"))
    view = claims.view(filters)  # cached by filter: a rerun that changes no filter recomputes nothing
    _metrics(view)
    _downloads(db, view, filters)
    # Only the open tab is drawn: charts and the repeated-claims query cost nothing until asked for.
    tab_claims, tab_charts, tab_repeated = st.tabs([t("tab_claims"), t("tab_charts"), t("tab_repeated")], key="tab",
                                                   on_change="rerun")
    open_claim = None
    with tab_claims:
        if len(view):
            page = review.claims_table(db, view, statuses, reviewer)
            st.divider()
            open_claim = review.claim_detail(db, view, page, statuses, reviewer)
        else:
            st.info(t("no_match"))
    if tab_charts.open:
        with tab_charts:
            _charts(view, statuses)
    if tab_repeated.open:
        with tab_repeated:
            _repeated(db)
    sidebar.sync_url(filters, open_claim, reviewer)


if __name__ == "__main__":  # streamlit runs the page as __main__; a process spawned from it must not run it again
    main()
