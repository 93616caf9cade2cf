"""The claims table (status and note editable in place, with undo), a claim's evidence, corrections,
verdict, history and cluster. Every code is shown as its label (claims/data/labels.tsv)."""
from __future__ import annotations

import html
import time

import pandas as pd
import streamlit as st

from claims.evidence import evidence_segments
from claims.labels import label, readable_time
from claims.review_log import readable, timeline
from claims.safe import escape_markdown, http_url
from claims.schema import ANONYMOUS, KINDS
from claims.store.statuses import needs_evidence
from claims.views import SORTS, View, appearances
from dashboard import actor, checked, data
from dashboard.i18n import lang, message, name, namer, t, timezone
from dashboard.widgets import keep_choice

PAGE_SIZES = (50, 100, 250, 500)
UNDO_SECONDS = 15  # how long a status picked in the table can be undone from the bar above it
_TABLE_COLUMNS = ["status", "checked", "speaker", "claim", "certainty", "markers_text", "note", "kind", "article_title",
                  "claim_id"]
_HEADERS = {"status": "status", "checked": "checked", "speaker": "speaker", "claim": "claim", "certainty": "certainty",
            "markers_text": "markers", "note": "note", "kind": "kind", "article_title": "article", "claim_id": "id"}
_EDITABLE = ("status", "note")


def _editor_key() -> str:
    return f"editor_{st.session_state.get('editor_gen', 0)}"


def _flash(kind: str, text: str) -> None:
    st.session_state.setdefault("flash", []).append((kind, text))


def speaker_name(value: str, language: str | None = None) -> str:
    """A speaker as a person reads it: the article's own statements and a missing speaker in words."""
    if value in ("article", "", None, ANONYMOUS):  # the extractor's words for these: labels, in the page's language
        return label("speaker", value or "none", language or lang())
    return value


def markers_text(markers: list[dict]) -> str:
    """'aurait (conditionnel); selon certaines sources (source vague)': marker types as words."""
    return "; ".join(f"{m['text']} ({name('marker', m['type'])})" for m in markers)


def quote(text: str, limit: int = 60) -> str:
    """A claim named in a message: « its first words… », not its id."""
    text = " ".join((text or "").split())
    return f"« {text if len(text) <= limit else text[:limit - 1].rstrip() + '…'} »"


def _links(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _save(db: str, claim_id: str, status: str, version: int, note: str, reviewer: str,
          urls: list[str] | None = None, text: str = "") -> bool:
    """Save one verdict through the store's conflict check; the outcome is shown after the rerun.
    A verdict that needs a note or a source link (statuses.tsv) is refused without one."""
    named = quote(text) if text else claim_id
    if needs_evidence(status, note, urls):
        _flash("error", message("needs_evidence", status=name("status", status), claim=named))
        return False
    error = data.save_status(db, claim_id, status, version, note, reviewer, urls)
    if error:
        _flash("error", message("not_saved", error=error))
    else:
        _flash("ok", message("saved", claim=named, status=name("status", status)))
    return not error


def show_flash() -> None:
    """Messages from the last save, shown once after the rerun that saved (in a slot that is always there,
    so that they do not shift the page below them)."""
    slot = st.container()
    for kind, text in st.session_state.pop("flash", []):
        if kind == "ok":
            st.toast(text, icon=":material/check_circle:")
        else:
            slot.error(escape_markdown(text), icon=":material/error:")  # names a database the user typed


def apply_table_edits(db: str, reviewer: str) -> None:
    """Save the cells edited in the table (statuses and notes) against the versions the reviewer saw,
    keep what each claim had for the undo bar, then start a fresh editor showing what the store holds."""
    state = st.session_state.get(_editor_key())
    shown = st.session_state.get("editor_rows")  # [(claim_id, version, status, note, urls, text)] as displayed
    if not state or not shown or not state.get("edited_rows"):
        return
    if not reviewer:
        _flash("error", message("name_first"))
    else:
        undo = []
        for pos, change in state["edited_rows"].items():
            claim_id, version, status, note, urls, text = shown[int(pos)]
            new_status, new_note = change.get("status", status), change.get("note", note)
            if (new_status, new_note) == (status, note) or not new_status:
                continue
            if _save(db, claim_id, new_status, version, new_note or "", reviewer, urls, text) and new_status != status:
                undo.append({"claim_id": claim_id, "status": status, "note": note, "urls": urls,
                             "version": version + 1, "new_status": new_status, "text": text})
        if undo:
            st.session_state["undo"] = {"claims": undo, "at": time.time()}
    st.session_state["editor_gen"] = st.session_state.get("editor_gen", 0) + 1


def _undo(db: str, reviewer: str, undo: dict) -> None:
    for u in undo["claims"]:
        error = data.undo_status(db, u["claim_id"], u["status"], u["version"], u["note"], u["urls"], reviewer)
        if error:
            _flash("error", message("not_saved", error=error))
        else:
            _flash("ok", message("undone", claim=quote(u["text"]), status=name("status", u["status"])))


@st.fragment(run_every=1.0)
def _undo_bar(db: str, reviewer: str) -> None:
    """The statuses just picked in the table, with an Undo button for UNDO_SECONDS (redrawn each second,
    so the offer goes away by itself)."""
    undo = st.session_state.get("undo")
    if not undo or time.time() - undo["at"] > UNDO_SECONDS:
        # Gone: one full rerun drops this fragment, and its timer with it (a timer left running would
        # rerun the page every second).
        if st.session_state.pop("undo", None) is not None:
            st.rerun()
        return
    left, right = st.columns([5, 1], vertical_alignment="center")
    saved = ", ".join(message("just_saved", claim=quote(u["text"]), status=name("status", u["new_status"]))
                      for u in undo["claims"])
    left.info(f"{saved} ({int(UNDO_SECONDS - (time.time() - undo['at'])) + 1} s)", icon=":material/undo:")
    if right.button(t("undo"), key="undo_button", help=t("undo_help"), width="stretch"):
        st.session_state.pop("undo", None)
        _undo(db, reviewer, undo)
        st.rerun()


def claims_table(db: str, view: View, statuses: list[str], reviewer: str) -> pd.DataFrame:
    """The sorted, paginated table; returns the rows shown (read from the store, so the page shows
    what is saved now)."""
    left, mid, right = st.columns([2, 1, 1])
    keep_choice("sort")  # labels in the page's language
    how = left.selectbox(t("sort"), SORTS, key="sort", format_func=namer("sort"))
    size = mid.selectbox(t("page_size"), PAGE_SIZES, index=1, key="page_size")
    pages = max(1, -(-len(view) // size))
    if st.session_state.get("page", 1) > pages:  # the view shrank under the page the reviewer was on
        st.session_state["page"] = 1
    page_no = right.number_input(t("page", pages=pages), min_value=1, max_value=pages, value=1, key="page") \
        if pages > 1 else 1
    page = data.rows(db, view.page(how, page_no, size))
    page["checked"] = ["✓" if i in view.claims.checked_ids else "" for i in page["claim_id"]]
    st.session_state["editor_rows"] = list(zip(page["claim_id"], page["version"], page["status"], page["note"],
                                               page["evidence_urls"], page["text"]))
    # One slot that is always there: a message coming and going must not shift the elements below it (a
    # shift leaves the old ones on the page, greyed, beside the new ones until the rerun ends).
    slot = st.container()
    if not reviewer:
        slot.info(t("name_first"))
    elif st.session_state.get("undo"):  # the bar, and its timer, only while an undo is offered
        with slot:
            _undo_bar(db, reviewer)
    shown = page[_TABLE_COLUMNS].reset_index(drop=True)
    shown["speaker"] = shown["speaker"].map(speaker_name)
    shown["certainty"] = shown["certainty"].map(lambda c: name("certainty", c))
    shown["kind"] = shown["kind"].map(lambda k: name("kind", k))
    shown["markers_text"] = [markers_text(ms) for ms in page["certainty_markers"]]
    header = {c: name("column", h) for c, h in _HEADERS.items()}
    st.data_editor(
        shown, key=_editor_key(), hide_index=True, width="stretch",
        disabled=[c for c in _TABLE_COLUMNS if c not in _EDITABLE or not reviewer],
        height=min(35 * (len(page) + 1) + 12, 460),
        column_config={
            "status": st.column_config.SelectboxColumn(header["status"], options=statuses, required=True, width=130,
                                                       format_func=namer("status")),
            "note": st.column_config.TextColumn(header["note"], width="small", help=t("note_help")),
            "checked": st.column_config.TextColumn(header["checked"], width=70, help=t("checked_help")),
            "speaker": st.column_config.TextColumn(header["speaker"], width=140),
            "claim": st.column_config.TextColumn(header["claim"], width=430, help=t("claim_help")),
            "certainty": st.column_config.TextColumn(header["certainty"], width=95),
            "markers_text": st.column_config.TextColumn(header["markers_text"], width=190),
            "kind": st.column_config.TextColumn(header["kind"], width="small"),
            "article_title": st.column_config.TextColumn(header["article_title"], width="small"),
            "claim_id": st.column_config.TextColumn(header["claim_id"], width="small"),
        })
    st.caption(t("table_caption", shown=len(page), n=f"{len(view):,}"))
    return page


def _label(row: pd.Series, language: str | None = None) -> str:
    claim = row.get("claim") or row["text"]
    text = claim if len(claim) <= 90 else claim[:89] + "…"
    return f"{speaker_name(row['speaker'], language)} — {text}"


def _labels(rows: pd.DataFrame, ids: list[str], language: str) -> dict[str, str]:
    """Each claim's label in the « Open a claim » list, unique: the browser sends back the label picked, so
    two claims read alike (a story run by two outlets) get their article's title, then their id."""
    names = {i: _label(rows.loc[i], language) for i in ids}
    seen: dict[str, int] = {}
    for text in names.values():
        seen[text] = seen.get(text, 0) + 1
    for i in ids:
        if seen[names[i]] > 1:
            names[i] = f"{names[i]} · {rows.loc[i, 'article_title'] or rows.loc[i, 'article_id']}"
    if len(set(names.values())) < len(names):
        names = {i: f"{text} · {i[:8]}" for i, text in names.items()}
    return names


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
    """Title · outlet · date (or "undated": never the day it was ingested) · link to the original, as HTML
    text: front matter is never read as Markdown (an image or a :red[…] in a date or title would render,
    and make the browser fetch a URL); only an http(s) URL becomes a link."""
    parts = [f"<strong>{html.escape(row['article_title'] or row['article_id'])}</strong>"]
    if row.get("outlet"):
        parts.append(html.escape(row["outlet"]))
    # a date as a person reads it, or "undated": never the day the article was ingested
    parts.append(html.escape(readable_time(row["published"], timezone(), lang())) if row["published"]
                 else f"<em>{html.escape(t('undated'))}</em>")
    url = http_url(row["url"])
    if url:
        parts.append(f'<a href="{html.escape(url)}" target="_blank" rel="noopener noreferrer nofollow">'
                     f"{html.escape(t('original_article'))} ↗</a>")
    return f'<div class="meta">{" · ".join(parts)}</div>'


def _confidence(row: pd.Series) -> str:
    value = row.get("speaker_confidence")
    return f" · {t('fact_confidence')} {float(value):.2f}" \
        if value is not None and pd.notna(value) and row["kind"] != "assertion" else ""


def _link(url: str) -> str:
    return f'<a href="{html.escape(url)}" target="_blank" rel="noopener noreferrer nofollow">{html.escape(url)}</a>'


def claim_facts_html(row: pd.Series) -> str:
    """Speaker (as corrected, and the extractor's when it differs), cue, certainty and status as escaped
    HTML text (nothing from an article is Markdown), every code as its label."""
    def e(value: str) -> str:
        return html.escape(value or "—")

    markers = markers_text(row["certainty_markers"]) if isinstance(row.get("certainty_markers"), list) else ""
    certainty = e(name("certainty", row["certainty"])) + (f" — {e(markers)}" if markers else "")
    status = f"<code>{e(name('status', row['status']))}</code>" + (
        f" {t('fact_by')} {e(row['reviewer'])}" if row["reviewer"] else "")
    lines = [(t("fact_speaker"), f"{e(speaker_name(row['speaker']))} ({e(name('speaker_type', row['speaker_type']))})")]
    extracted = row.get("speaker_extracted") or row["speaker"]
    kind_extracted = row.get("kind_extracted") or row["kind"]
    if extracted != row["speaker"] or kind_extracted != row["kind"]:
        lines.append((t("fact_extracted"), f"{e(speaker_name(extracted))} · {e(name('kind', kind_extracted))}"))
    lines += [(t("fact_written"), e(row["speaker_mention"])),
              (t("fact_resolved"), e(name("resolution", row["speaker_resolution"])) + _confidence(row)),
              (t("fact_cue"), f"{e(row['cue'])} · <strong>{t('fact_kind')}:</strong> {e(name('kind', row['kind']))}"),
              (t("fact_certainty"), certainty), (t("fact_about"), e(row["about_text"])), (t("fact_status"), status)]
    urls = [u for u in (row.get("evidence_urls") or []) if http_url(u)]
    if urls:
        lines.append((t("fact_sources"), "<br>".join(_link(u) for u in urls)))
    if row.get("not_claim"):
        lines.append((t("fact_not_claim"), "✓"))
    return '<div class="facts">' + "<br>".join(f"<strong>{k}:</strong> {v}" for k, v in lines) + "</div>"


def claim_detail(db: str, view: View, page: pd.DataFrame, statuses: list[str], reviewer: str) -> str | None:
    """The open claim: evidence, facts, verdict form, correction, history and other appearances.
    Returns its id.

    The open claim stays open while it is in view (even on another page); otherwise the page's first opens."""
    if "_open_next" in st.session_state:  # a claim just corrected: its label changed, keep it open
        st.session_state["open_claim"] = st.session_state.pop("_open_next")
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
    names = _labels(by_id, ids, lang())
    keep_choice("open_claim")
    claim_id = st.selectbox(t("open_claim"), ids, key="open_claim", format_func=names.get)
    row = by_id.loc[claim_id]

    ev, facts = st.columns([3, 2], gap="large")
    with ev:
        st.html(article_meta_html(row))
        st.html(evidence_html(data.store(db).article_text(row["article_id"]), row))
        st.html(f'<div class="legend">{t("legend")}</div>')
    with facts:
        st.html(claim_facts_html(row))
        if row["speaker"] and row["speaker_type"] not in ("article", "anonymous"):
            st.button(f"{t('actor_page')}: {row['speaker']}", key="actor_from_claim", on_click=actor.open_actor,
                      args=(row["speaker"],), help=t("actor_page_help"))
        _verdict_form(db, row, statuses, reviewer)
        _correction_form(db, row, reviewer, view)
    checked.panel(db, row, reviewer)

    hist = timeline(data.store(db), claim_id)
    with st.expander(t("history", n=len(hist)), expanded=len(hist) > 0):
        if len(hist):
            st.dataframe(readable(hist, lang(), timezone()), hide_index=True, width="stretch")
        else:
            st.caption(t("history_none"))
    _cluster(db, row, statuses, reviewer)
    return claim_id


def _verdict_form(db: str, row: pd.Series, statuses: list[str], reviewer: str) -> None:
    # The version the reviewer saw is kept from the run that drew the form: if someone saves in
    # between, the store refuses this save instead of overwriting theirs.
    seen = st.session_state.get("detail_seen", {})
    with st.form("verdict"):
        status = st.selectbox(t("verdict"), statuses, index=statuses.index(row["status"]) if row["status"] in statuses
                              else 0, key=f"verdict_status_{row['claim_id']}", format_func=namer("status"))
        note = st.text_area(t("note"), value=row["note"], key=f"verdict_note_{row['claim_id']}",
                            placeholder=t("note_placeholder"), height=80)
        urls = st.text_area(t("sources"), value="\n".join(row.get("evidence_urls") or []), height=68,
                            key=f"verdict_urls_{row['claim_id']}", placeholder=t("sources_placeholder"))
        saved = st.form_submit_button(t("save_verdict"), type="primary", disabled=not reviewer)
    if saved:
        version = seen.get(row["claim_id"], row["version"])
        _save(db, row["claim_id"], status, int(version), note, reviewer, _links(urls), row["text"])
        st.session_state["detail_seen"] = {}
        st.rerun()
    st.session_state["detail_seen"] = {row["claim_id"]: int(row["version"])}


def _correction_form(db: str, row: pd.Series, reviewer: str, view: View) -> None:
    """Correct the speaker (a known actor, or a name typed), the kind, or mark the row « not a claim »."""
    cid = row["claim_id"]
    corrected = (row.get("speaker_extracted") or row["speaker"]) != row["speaker"] or \
        (row.get("kind_extracted") or row["kind"]) != row["kind"] or bool(row.get("not_claim"))
    language = lang()
    with st.expander(t("correct") + (" ✎" if corrected else ""), expanded=False):
        actors = view.claims.actors()
        if row["speaker"] not in actors:
            actors = [row["speaker"], *actors]
        with st.form(f"correction_{cid}"):
            picked = st.selectbox(t("correct_speaker"), actors, index=actors.index(row["speaker"]),
                                  key=f"fix_speaker_{cid}", format_func=lambda v: speaker_name(v, language),
                                  help=t("correct_speaker_help"))
            other = st.text_input(t("correct_other"), key=f"fix_other_{cid}",
                                  placeholder=t("correct_other_placeholder"))
            kinds = list(KINDS)
            kind = st.selectbox(t("correct_kind"), kinds, index=kinds.index(row["kind"]) if row["kind"] in kinds else 0,
                                key=f"fix_kind_{cid}", format_func=namer("kind"))
            not_claim = st.checkbox(t("correct_not_claim"), value=bool(row.get("not_claim")),
                                    key=f"fix_not_claim_{cid}")
            note = st.text_input(t("correct_note"), key=f"fix_note_{cid}")
            saved = st.form_submit_button(t("correct_save"), disabled=not reviewer)
        if corrected and st.button(t("correct_reset"), key=f"fix_reset_{cid}", disabled=not reviewer):
            _correct(db, cid, reviewer, row["text"], reset=True)
    if saved:
        speaker = other.strip() or picked
        _correct(db, cid, reviewer, row["text"], speaker=speaker if speaker != row["speaker"] else None,
                 kind=kind if kind != row["kind"] else None,
                 not_claim=not_claim if not_claim != bool(row.get("not_claim")) else None, note=note)


def _correct(db: str, claim_id: str, reviewer: str, text: str, **change) -> None:
    error = data.save_correction(db, claim_id, reviewer, **change)
    if error:
        _flash("error", message("not_saved", error=error))
    else:
        _flash("ok", message("corrected", claim=quote(text)))
        st.session_state["_open_next"] = claim_id
    st.rerun()


def _cluster(db: str, row: pd.Series, statuses: list[str], reviewer: str) -> None:
    others, total = appearances(data.store(db), row)
    with st.expander(t("appearances", n=f"{total:,}"), expanded=total > 0):
        if not total:
            st.caption(t("appearances_none"))
            return
        shown = others[["date", "article_title", "speaker", "claim", "status"]].copy()
        # the publication day, or "undated": never the day the article was ingested
        shown["date"] = [readable_time(p[:10], lang=lang()) if p else t("undated") for p in others["published"]]
        shown["speaker"] = shown["speaker"].map(speaker_name)
        shown["status"] = shown["status"].map(lambda s: name("status", s))
        shown = shown.rename(columns={"date": name("column", "date"), "article_title": name("column", "article"),
                                      "speaker": name("column", "speaker"), "claim": name("column", "claim"),
                                      "status": name("column", "status")})
        st.dataframe(shown, hide_index=True, width="stretch")
        if total > len(others):
            st.caption(t("appearances_first", shown=f"{len(others):,}", n=f"{total:,}"))
        cols = st.columns([2, 3, 2])
        keep_choice("cluster_status")
        status = cols[0].selectbox(t("verdict_all"), statuses, key="cluster_status",
                                   format_func=namer("status"))
        note = cols[1].text_input(t("note_all"), key="cluster_note")
        if cols[2].button(t("apply_all", n=f"{total + 1:,}"), disabled=not reviewer, key="cluster_apply"):
            if needs_evidence(status, note, None):
                _flash("error", message("needs_evidence", status=name("status", status), claim=quote(row["text"])))
            else:
                n = data.save_cluster_status(db, row["cluster_id"], status, note, reviewer)
                _flash("ok", message("saved_all", n=n, status=name("status", status)))
            st.rerun()
