"""The claims table (status and note editable in place), a claim's evidence, history and cluster."""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from claims.evidence import evidence_segments
from claims.safe import escape_markdown, http_url
from claims.views import SORTS, View, appearances
from dashboard import data

PAGE_SIZES = (50, 100, 250, 500)
_TABLE_COLUMNS = ["status", "speaker", "claim", "certainty", "markers_text", "note", "kind", "article_title",
                  "claim_id"]
_EDITABLE = ("status", "note")


def _editor_key() -> str:
    return f"editor_{st.session_state.get('editor_gen', 0)}"


def _flash(kind: str, message: str) -> None:
    st.session_state.setdefault("flash", []).append((kind, message))


def _save(db: str, claim_id: str, status: str, version: int, note: str, reviewer: str) -> None:
    """Save one verdict through the store's conflict check; the outcome is shown after the rerun."""
    error = data.save_status(db, claim_id, status, version, note, reviewer)
    _flash("error", error) if error else _flash("ok", f"Saved: {claim_id} → {status}")


def show_flash() -> None:
    """Messages from the last save, shown once after the rerun that saved."""
    for kind, message in st.session_state.pop("flash", []):
        if kind == "ok":
            st.toast(message, icon="✅")
        else:
            st.error(escape_markdown(message), icon="⚠️")  # names a database the user typed


def apply_table_edits(db: str, reviewer: str) -> None:
    """Save the cells edited in the table (statuses and notes) against the versions the reviewer saw,
    then start a fresh editor so the table shows what the store now holds."""
    state = st.session_state.get(_editor_key())
    shown = st.session_state.get("editor_rows")  # [(claim_id, version, status, note)] as displayed
    if not state or not shown or not state.get("edited_rows"):
        return
    if not reviewer:
        _flash("error", "Not saved: enter your name in the sidebar first (it signs every verdict).")
    else:
        for pos, change in state["edited_rows"].items():
            claim_id, version, status, note = shown[int(pos)]
            new_status, new_note = change.get("status", status), change.get("note", note)
            if (new_status, new_note) == (status, note) or not new_status:
                continue
            _save(db, claim_id, new_status, version, new_note or "", reviewer)
    st.session_state["editor_gen"] = st.session_state.get("editor_gen", 0) + 1


def claims_table(db: str, view: View, statuses: list[str], reviewer: str) -> pd.DataFrame:
    """The sorted, paginated table; returns the rows shown (read from the store, so the page shows
    what is saved now)."""
    left, mid, right = st.columns([2, 1, 1])
    how = left.selectbox("Sort by", SORTS, key="sort")
    size = mid.selectbox("Rows per page", PAGE_SIZES, index=1, key="page_size")
    pages = max(1, -(-len(view) // size))
    if st.session_state.get("page", 1) > pages:  # the view shrank under the page the reviewer was on
        st.session_state["page"] = 1
    page_no = right.number_input(f"Page (of {pages})", min_value=1, max_value=pages, value=1, key="page") \
        if pages > 1 else 1
    page = data.rows(db, view.page(how, page_no, size))
    st.session_state["editor_rows"] = list(zip(page["claim_id"], page["version"], page["status"], page["note"]))
    if not reviewer:
        st.info("Enter your name in the sidebar to set statuses and notes; it signs every verdict.")
    st.data_editor(
        page[_TABLE_COLUMNS].reset_index(drop=True), key=_editor_key(), hide_index=True, width="stretch",
        disabled=[c for c in _TABLE_COLUMNS if c not in _EDITABLE or not reviewer],
        height=min(35 * (len(page) + 1) + 12, 460),
        column_config={
            "status": st.column_config.SelectboxColumn("status", options=statuses, required=True, width=105),
            "note": st.column_config.TextColumn("note", width="small", help="Your note: sources, reasoning"),
            "speaker": st.column_config.TextColumn("speaker", width=140),
            "claim": st.column_config.TextColumn("claim", width=430,
                                                 help="The claim as a sentence: speaker, verb and content "
                                                      "(the exact span is highlighted in the claim's evidence)"),
            "certainty": st.column_config.TextColumn("certainty", width=85),
            "markers_text": st.column_config.TextColumn("markers", width=190),
            "article_title": st.column_config.TextColumn("article", width="small"),
            "claim_id": st.column_config.TextColumn("id", width="small"),
        })
    st.caption(f"Showing {len(page)} of {len(view):,} claims. Edit a status or a note in the table; it is saved "
               "at once. Open a claim below for its evidence and history.")
    return page


def _label(row: pd.Series) -> str:
    claim = row.get("claim") or row["text"]
    text = claim if len(claim) <= 90 else claim[:89] + "…"
    return f"{row['speaker'] or '?'} — {text}"


def evidence_html(article_text: str, row: pd.Series) -> str:
    """The paragraph with highlights; every piece of article text is escaped."""
    parts = []
    for seg in evidence_segments(article_text, row):
        text = html.escape(seg.text).replace("\n", "<br>")
        if seg.labels:
            classes = " ".join(f"ev-{label}" for label in sorted(seg.labels))
            parts.append(f'<span class="{classes}">{text}</span>')
        else:
            parts.append(text)
    return f'<div class="evidence">{"".join(parts)}</div>'


def article_meta_html(row: pd.Series) -> str:
    """Title · date · source link, as HTML text: front matter is never read as Markdown (an image or a
    :red[…] in a date or title would render, and make the browser fetch a URL); only an http(s) URL
    becomes a link."""
    parts = [f"<strong>{html.escape(row['article_title'] or row['article_id'])}</strong>"]
    if row["published"]:
        parts.append(html.escape(row["published"]))
    url = http_url(row["url"])
    if url:
        parts.append(f'<a href="{html.escape(url)}" target="_blank" rel="noopener noreferrer nofollow">'
                     f"{html.escape(row['outlet'] or 'source')}</a>")
    return f'<div class="meta">{" · ".join(parts)}</div>'


def _confidence(row: pd.Series) -> str:
    value = row.get("speaker_confidence")
    return f" · confidence {float(value):.2f}" if value is not None and pd.notna(value) and row["kind"] != "assertion" \
        else ""


def claim_facts_html(row: pd.Series) -> str:
    """Speaker, cue, certainty and status as escaped HTML text (nothing from an article is Markdown)."""
    def e(value: str) -> str:
        return html.escape(value or "—")

    certainty = e(row["certainty"]) + (f" — {e(row['markers_text'])}" if row["markers_text"] else "")
    status = f"<code>{e(row['status'])}</code>" + (f" by {e(row['reviewer'])}" if row["reviewer"] else "")
    lines = [("Speaker", f"{e(row['speaker'])} ({e(row['speaker_type'])})"), ("As written", e(row["speaker_mention"])),
             ("Resolved by", e(row["speaker_resolution"]) + _confidence(row)),
             ("Cue", f"{e(row['cue'])} · <strong>kind:</strong> {e(row['kind'])}"),
             ("Certainty", certainty), ("About", e(row["about_text"])), ("Status", status)]
    return '<div class="facts">' + "<br>".join(f"<strong>{k}:</strong> {v}" for k, v in lines) + "</div>"


def claim_detail(db: str, view: View, page: pd.DataFrame, statuses: list[str], reviewer: str) -> str | None:
    """The open claim: evidence, facts, verdict form, history and other appearances. Returns its id.

    The open claim stays open while it is in view (even on another page); otherwise the page's first opens."""
    wanted = st.session_state.get("open_claim") or st.query_params.get("claim")
    ids = list(page["claim_id"])
    rows = page
    if wanted and wanted not in ids and view.contains(wanted):
        ids.insert(0, wanted)
        rows = pd.concat([data.rows(db, [wanted]), page], ignore_index=True)
    if not ids:
        return None
    by_id = rows.set_index("claim_id", drop=False)
    if st.session_state.get("open_claim") not in ids:
        st.session_state["open_claim"] = wanted if wanted in ids else ids[0]
    claim_id = st.selectbox("Open a claim", ids, key="open_claim", format_func=lambda i: _label(by_id.loc[i]))
    row = by_id.loc[claim_id]

    ev, facts = st.columns([3, 2], gap="large")
    with ev:
        st.html(article_meta_html(row))
        st.html(evidence_html(data.store(db).article_text(row["article_id"]), row))
        st.html('<div class="legend"><span class="ev-claim">claim</span> <span class="ev-speaker">speaker</span> '
                '<span class="ev-cue">reporting verb</span> <span class="ev-marker">certainty marker</span></div>')
    with facts:
        st.html(claim_facts_html(row))
        _verdict_form(db, row, statuses, reviewer)

    hist = data.store(db).history(claim_id)
    with st.expander(f"History ({len(hist)} change{'s' if len(hist) != 1 else ''})", expanded=len(hist) > 0):
        if len(hist):
            st.dataframe(hist[["at", "reviewer", "old_status", "new_status", "note", "via_cluster", "orphaned"]],
                         hide_index=True, width="stretch")
        else:
            st.caption("No verdict yet.")
    _cluster(db, row, statuses, reviewer)
    return claim_id


def _verdict_form(db: str, row: pd.Series, statuses: list[str], reviewer: str) -> None:
    # The version the reviewer saw is kept from the run that drew the form: if someone saves in
    # between, the store refuses this save instead of overwriting theirs.
    seen = st.session_state.get("detail_seen", {})
    with st.form("verdict"):
        status = st.selectbox("Verdict", statuses, index=statuses.index(row["status"]) if row["status"] in statuses
                              else 0, key=f"verdict_status_{row['claim_id']}")
        note = st.text_area("Note", value=row["note"], key=f"verdict_note_{row['claim_id']}",
                            placeholder="Sources checked, reasoning, links")
        saved = st.form_submit_button("Save verdict", type="primary", disabled=not reviewer)
    if saved:
        version = seen.get(row["claim_id"], row["version"])
        _save(db, row["claim_id"], status, int(version), note, reviewer)
        st.session_state["detail_seen"] = {}
        st.rerun()
    st.session_state["detail_seen"] = {row["claim_id"]: int(row["version"])}


def _cluster(db: str, row: pd.Series, statuses: list[str], reviewer: str) -> None:
    others, total = appearances(data.store(db), row)
    title = f"Other appearances of this claim ({total:,})"
    with st.expander(title, expanded=total > 0):
        if not total:
            st.caption("This claim appears nowhere else in the stored articles.")
            return
        st.dataframe(others[["date", "article_title", "speaker", "claim", "status"]], hide_index=True,
                     width="stretch")
        if total > len(others):
            st.caption(f"The first {len(others):,} of {total:,} are listed.")
        cols = st.columns([2, 3, 2])
        status = cols[0].selectbox("Verdict for all", statuses, key="cluster_status")
        note = cols[1].text_input("Note for all", key="cluster_note")
        if cols[2].button(f"Apply to all {total + 1:,}", disabled=not reviewer, key="cluster_apply"):
            n = data.save_cluster_status(db, row["cluster_id"], status, note, reviewer)
            _flash("ok", f"Saved: {n} appearances → {status}")
            st.rerun()
