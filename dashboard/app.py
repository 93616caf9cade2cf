"""claims — the fact-checking desk's dashboard.

    streamlit run dashboard/app.py [-- --db FILE_OR_URL]

A thin page: the data comes from claims/ (store, views, exports) through dashboard/data.py.
"""
from __future__ import annotations

import streamlit as st

from claims import views
from claims.labels import DEFAULT_LANGUAGE, LANGUAGES
from claims.safe import escape_markdown
from claims.store import StoreError
from claims.store.export import (
    BROWSER_EXPORT_ROWS,
    BROWSER_XLSX_ROWS,
    export_command,
    export_view,
    verdict_statuses,
)
from dashboard import charts, data, review, sidebar, upload
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
    cols[0].metric("Claims", f"{h['claims']:,}")
    cols[1].metric("Speakers", f"{h['speakers']:,}", help="Named people, governments and organisations")
    cols[2].metric("Unverified", f"{h['unverified']:,}")
    cols[3].metric("Hedged or anonymous", f"{h['hedged_or_anonymous']:,}",
                   help="Certainty hedged, alleged (journalistic conditional) or unsourced, or an anonymous speaker")


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
                            help="schema.org ClaimReview JSON-LD for the claims in view that have a verdict")
    if big:
        cols[5].caption(f"{len(view):,} claims in view: too many to download from the browser "
                        f"(up to {BROWSER_EXPORT_ROWS:,}). Export them with the command line:")
        st.code(export_command(data.store(db).name, filters, f"{name}.csv"), language="bash", wrap_lines=True)
    elif big_xlsx:
        cols[5].caption(f"Exports hold the {len(view):,} claims in view. For an Excel workbook of them all:")
        st.code(export_command(data.store(db).name, filters, f"{name}.xlsx"), language="bash", wrap_lines=True)
    else:
        cols[5].caption(f"Exports hold the {len(view):,} claims in view, with their status and note.")


def _charts(view: views.View, statuses: list[str]) -> None:
    if not len(view):
        st.info("No claims in this view.")
        return
    per_speaker = views.claims_per_speaker(view)
    left, right = st.columns(2, gap="large")
    left.markdown("##### Claims per speaker  \n:gray[click a bar to show only that speaker]")
    left.altair_chart(charts.speaker_bars(per_speaker), key="speaker_chart", on_select="rerun",
                      selection_mode=charts.SPEAKER_PICK, width="stretch")
    right.markdown("##### Certainty mix per speaker  \n:gray[share of each speaker's claims]")
    right.altair_chart(charts.certainty_mix(views.certainty_by_speaker(view), list(per_speaker["speaker"])),
                       width="stretch")
    left, right = st.columns(2, gap="large")
    left.markdown("##### Verification status")
    left.altair_chart(charts.status_bars(views.status_counts(view, statuses)), width="stretch")
    heading = right.empty()
    has_published = len(views.claims_over_time(view, "published")[0]) > 0
    by = right.radio("Date", ["published", "ingested"], index=0 if has_published else 1, horizontal=True,
                     key="time_by", label_visibility="collapsed",
                     help="Publication date from the article's metadata, or the day it was added here")
    over, unit = views.claims_over_time(view, by)
    heading.markdown(f"##### Claims per {unit}")
    if len(over):
        right.altair_chart(charts.over_time(over, unit), width="stretch")
    else:
        right.caption(f"No claim in view has a {by} date.")
    pairs = views.speaker_about(view)
    if len(pairs):
        st.markdown("##### Who speaks about whom  \n:gray[claims by speaker and by the actors they name]")
        st.altair_chart(charts.speaker_about(pairs), width="content")


def _repeated(db: str) -> None:
    clusters = data.repeated_claims(db)
    if not len(clusters):
        st.info("No claim appears in more than one article yet.")
        return
    st.caption("The same or nearly the same statement in several articles. Open one of its claims to set a "
               "verdict on all its appearances at once.")
    st.dataframe(clusters, hide_index=True, width="stretch")


def main() -> None:
    db, is_default = data.db_from_args()
    try:
        store = data.store(db)
        data.ensure_sample(db, is_default)
    except StoreError as err:
        st.error(f"Cannot open the claims database: {escape_markdown(str(err))}")
        st.stop()
    st.html(CSS)
    sidebar.database(store.name, store.upgraded)
    reviewer = sidebar.ask_reviewer()
    review.apply_table_edits(db, reviewer)
    claims = data.claim_set(db)
    upload.uploader(db)
    st.title("Claims · fact-checking desk")
    review.show_flash()
    if not len(claims):
        st.info(f"The database {escape_markdown(store.name)} holds no claims yet. Add articles with “Add articles” "
                "in the sidebar, or run `claims ingest PATH --db …`.")
        return
    statuses = store.statuses
    sidebar.init_from_url(claims)
    _chart_click()
    filters = sidebar.draw(claims, statuses, claims.titles)
    view = claims.view(filters)  # cached by filter: a rerun that changes no filter recomputes nothing
    _metrics(view)
    _downloads(db, view, filters)
    # Only the open tab is drawn: charts and the repeated-claims query cost nothing until asked for.
    tab_claims, tab_charts, tab_repeated = st.tabs(["Claims", "Charts", "Repeated claims"], key="tab",
                                                   on_change="rerun")
    open_claim = None
    with tab_claims:
        if len(view):
            page = review.claims_table(db, view, statuses, reviewer)
            st.divider()
            open_claim = review.claim_detail(db, view, page, statuses, reviewer)
        else:
            st.info("No claim matches these filters.")
    if tab_charts.open:
        with tab_charts:
            _charts(view, statuses)
    if tab_repeated.open:
        with tab_repeated:
            _repeated(db)
    sidebar.sync_url(filters, open_claim)


if __name__ == "__main__":  # streamlit runs the page as __main__; a process spawned from it must not run it again
    main()
