"""A claim's "Checked before" panel: the earlier verdicts it matches, and applying one (confirmed,
signed by the reviewer, its source in the note and the history)."""
from __future__ import annotations

import html

import pandas as pd
import streamlit as st

from claims.checks.apply import source_note
from claims.labels import readable_time
from claims.safe import escape_markdown, http_url
from claims.store.statuses import verdict_statuses
from dashboard import data
from dashboard.i18n import lang, message, name, namer, t

_PENDING = "apply_earlier"  # session key: (claim_id, ref_kind, ref_id) of the match awaiting confirmation


def _quote(text: str, limit: int = 60) -> str:
    """« The claim's first words… » for a message (as review.quote, which imports this module)."""
    text = " ".join((text or "").split())
    return f"« {text if len(text) <= limit else text[:limit - 1].rstrip() + '…'} »"


def _line(m: pd.Series) -> str:
    """Verdict · who · when · link, as escaped HTML (a publisher's words are text, never Markdown)."""
    verdict = html.escape(str(m["verdict"] or m["status"] or "—"))
    parts = [f"<strong>{verdict}</strong>"]
    if m["status"] and name("status", m["status"]).casefold() != verdict.casefold():  # not « Faux (Faux) »
        parts.append(f"({html.escape(name('status', m['status']))})")
    parts.append(html.escape(t("checked_by", who=m["by"] or "—")))
    if m["date"]:  # the day it was published or given, as a person reads it
        parts.append(html.escape(readable_time(str(m["date"])[:10], lang=lang())))
    url = http_url(m["url"])
    if url:
        what = t("checked_link_check") if m["ref_kind"] == "check" else t("checked_link_article")
        parts.append(f'<a href="{html.escape(url)}" target="_blank" rel="noopener noreferrer nofollow">{what}</a>')
    kind = html.escape(name("ref_kind", m["ref_kind"]))
    said = html.escape(m["claim"] or "")
    author = f" — {html.escape(m['claim_author'])}" if m["claim_author"] else ""
    return (f'<div class="checked"><span class="meta">{kind} · {t("checked_match")} {float(m["score"]):.2f}</span><br>'
            f"« {said} »{author}<br>{' · '.join(parts)}</div>")


def panel(db: str, row: pd.Series, reviewer: str) -> None:
    matches = data.earlier_verdicts(db, row["claim_id"])
    title = t("checked_before")
    with st.expander(f"{title} ({len(matches)})" if len(matches) else t("checked_not_yet", title=title),
                     expanded=len(matches) > 0):
        if not len(matches):
            st.caption(t("checked_none"))
            return
        for i, m in matches.head(10).iterrows():
            left, right = st.columns([5, 1.4])
            left.html(_line(m))
            right.button(t("apply_earlier"), key=f"apply_{row['claim_id']}_{i}", disabled=not reviewer,
                         help=t("apply_help"),
                         on_click=st.session_state.__setitem__,
                         args=(_PENDING, (row["claim_id"], m["ref_kind"], m["ref_id"])))
        if not reviewer:
            st.caption(t("apply_name_first"))
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
        st.markdown(f"**{t('apply_title')}**")
        status = st.selectbox(t("apply_status"), verdicts, index=verdicts.index(suggested),
                              format_func=namer("status"), key="apply_status")
        note = st.text_area(t("apply_note"), value=row["note"] or "", key="apply_note")
        st.caption(escape_markdown(source_note(match)))
        ok = st.form_submit_button(t("apply_confirm", status=name("status", status), reviewer=reviewer or "—"),
                                   type="primary", disabled=not reviewer)
        cancel = st.form_submit_button(t("cancel"))
    if cancel:
        st.session_state.pop(_PENDING, None)
        st.rerun()
    if ok:
        error = data.apply_earlier_verdict(db, row["claim_id"], match, status, int(row["version"]), note, reviewer)
        st.session_state.pop(_PENDING, None)
        st.session_state.setdefault("flash", []).append(
            ("error", error) if error else
            ("ok", message("saved_earlier", claim=_quote(row["text"]), status=name("status", status))))
        st.rerun()


def importer(db: str) -> None:
    """Sidebar: import published fact-checks (ClaimReview files); they are compared with the claims at once."""
    with st.sidebar.expander(t("import_checks"), expanded=False):
        gen = st.session_state.get("checks_gen", 0)
        files = st.file_uploader(t("import_files"), type=["json", "jsonld", "jsonl"],
                                 accept_multiple_files=True, key=f"checks_{gen}", help=t("import_help"))
        go = t("import_go", n=len(files)) if len(files or []) > 1 else t("import_go_one")
        if files and st.button(go, type="primary", key="checks_go"):
            st.session_state["checks_report"] = data.import_checks(db, [(f.name, f.getvalue()) for f in files])
            st.session_state["checks_gen"] = gen + 1
            st.rerun()
        for kind, message in st.session_state.get("checks_report", []):
            (st.success if kind == "ok" else st.warning)(escape_markdown(message))  # file names are the user's
