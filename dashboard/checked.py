"""A claim's "Checked before" panel: the earlier verdicts it matches, and applying one (confirmed,
signed by the reviewer, its source in the note and the history)."""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from claims.checks.apply import source_note
from claims.labels import label
from claims.safe import escape_markdown, http_url
from claims.store.statuses import verdict_statuses
from dashboard import data

_PENDING = "apply_earlier"  # session key: (claim_id, ref_kind, ref_id) of the match awaiting confirmation


def _line(m: pd.Series) -> str:
    """Verdict · who · when · link, as escaped HTML (a publisher's words are text, never Markdown)."""
    verdict = html.escape(str(m["verdict"] or m["status"] or "—"))
    parts = [f"<strong>{verdict}</strong>"]
    if m["status"]:
        parts.append(f"({html.escape(label('status', m['status']))})")
    parts.append(html.escape(f"by {m['by']}" if m["by"] else "by —"))
    if m["date"]:
        parts.append(html.escape(str(m["date"])[:10]))
    url = http_url(m["url"])
    if url:
        what = "the fact-check" if m["ref_kind"] == "check" else "the article"
        parts.append(f'<a href="{html.escape(url)}" target="_blank" rel="noopener noreferrer nofollow">{what}</a>')
    kind = html.escape(label("ref_kind", m["ref_kind"]))
    said = html.escape(m["claim"] or "")
    author = f" — {html.escape(m['claim_author'])}" if m["claim_author"] else ""
    return (f'<div class="checked"><span class="meta">{kind} · match {float(m["score"]):.2f}</span><br>'
            f"« {said} »{author}<br>{' · '.join(parts)}</div>")


def panel(db: str, row: pd.Series, reviewer: str) -> None:
    matches = data.earlier_verdicts(db, row["claim_id"])
    title = label("ui", "checked_before")
    with st.expander(f"{title} ({len(matches)})" if len(matches) else f"{title}: not yet", expanded=len(matches) > 0):
        if not len(matches):
            st.caption("No published fact-check and no verdict of the desk matches this claim (paraphrases "
                       "included). Import fact-checks with `claims import-checks FILE_OR_URL`.")
            return
        for i, m in matches.head(10).iterrows():
            left, right = st.columns([5, 1.4])
            left.html(_line(m))
            right.button(label("ui", "apply_earlier"), key=f"apply_{row['claim_id']}_{i}", disabled=not reviewer,
                         help="Give this claim the same verdict: you confirm the status first; your name signs it "
                              "and the source goes in the note and the history.",
                         on_click=st.session_state.__setitem__,
                         args=(_PENDING, (row["claim_id"], m["ref_kind"], m["ref_id"])))
        if not reviewer:
            st.caption("Enter your name in the sidebar to apply an earlier verdict (it signs the verdict).")
        pending = st.session_state.get(_PENDING)
        if pending and pending[0] == row["claim_id"]:  # by its ids: a match arriving meanwhile changes no choice
            chosen = matches[(matches["ref_kind"] == pending[1]) & (matches["ref_id"] == pending[2])]
            if len(chosen):
                _confirm(db, row, chosen.iloc[0].to_dict(), reviewer)


def _confirm(db: str, row: pd.Series, match: dict, reviewer: str) -> None:
    """Nothing is written until the reviewer confirms the status (suggested from the earlier verdict)."""
    verdicts = list(verdict_statuses())
    suggested = match["status"] if match["status"] in verdicts else verdicts[0]
    with st.form(f"confirm_{row['claim_id']}"):
        st.markdown("**Apply the earlier verdict to this claim?**")
        status = st.selectbox("Status to give", verdicts, index=verdicts.index(suggested),
                              format_func=lambda s: label("status", s), key="apply_status")
        note = st.text_area("Your note (the source line below is added to it)", value=row["note"] or "",
                            key="apply_note")
        st.caption(escape_markdown(source_note(match)))
        ok = st.form_submit_button(f"Confirm: {label('status', status)}, signed {reviewer or '—'}", type="primary",
                                   disabled=not reviewer)
        cancel = st.form_submit_button("Cancel")
    if cancel:
        st.session_state.pop(_PENDING, None)
        st.rerun()
    if ok:
        error = data.apply_earlier_verdict(db, row["claim_id"], match, status, int(row["version"]), note, reviewer)
        st.session_state.pop(_PENDING, None)
        st.session_state.setdefault("flash", []).append(
            ("error", error) if error else ("ok", f"Saved: {row['claim_id']} → {status} (earlier verdict)"))
        st.rerun()


def importer(db: str) -> None:
    """Sidebar: import published fact-checks (ClaimReview files); they are compared with the claims at once."""
    with st.sidebar.expander("Import fact-checks", expanded=False):
        gen = st.session_state.get("checks_gen", 0)
        files = st.file_uploader("ClaimReview (.json, .jsonld, .jsonl)", type=["json", "jsonld", "jsonl"],
                                 accept_multiple_files=True, key=f"checks_{gen}",
                                 help="JSON-LD as publishers give it: one ClaimReview, a list, an @graph, a DataFeed, "
                                      "or JSON lines. The same from a URL: claims import-checks URL.")
        if files and st.button(f"Import {len(files)} file{'s' if len(files) > 1 else ''}", type="primary",
                               key="checks_go"):
            st.session_state["checks_report"] = data.import_checks(db, [(f.name, f.getvalue()) for f in files])
            st.session_state["checks_gen"] = gen + 1
            st.rerun()
        for kind, message in st.session_state.get("checks_report", []):
            (st.success if kind == "ok" else st.warning)(escape_markdown(message))  # file names are the user's
