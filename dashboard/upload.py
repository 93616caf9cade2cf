"""Adding articles from the browser: .txt/.md uploads, extracted and stored with a progress bar."""
from __future__ import annotations

import streamlit as st

from claims.articles import ArticleError, article_from_bytes
from claims.safe import escape_markdown
from claims.store import ingest_summary
from dashboard import data


def uploader(db: str) -> None:
    with st.sidebar.expander("Add articles", expanded=False):
        gen = st.session_state.get("upload_gen", 0)
        files = st.file_uploader("Articles (.txt or .md, UTF-8)", type=["txt", "md"], accept_multiple_files=True,
                                 key=f"upload_{gen}",
                                 help="A .md file may start with front matter: title, date, outlet, url.")
        if files and st.button(f"Extract and store {len(files)} file{'s' if len(files) > 1 else ''}",
                               type="primary", key="upload_go"):
            _ingest(db, files)
            st.session_state["upload_gen"] = gen + 1
            st.rerun()
        for kind, message in st.session_state.get("upload_report", []):
            (st.success if kind == "ok" else st.warning)(escape_markdown(message))  # file names are the user's


def _ingest(db: str, files) -> None:
    report: list[tuple[str, str]] = []
    articles = []
    for f in files:
        try:
            article = article_from_bytes(f.getvalue(), f.name)
        except ArticleError as err:
            report.append(("error", str(err)))
            continue
        report += [("error", w) for w in article.warnings]
        articles.append(article)
    if articles:
        bar = st.progress(0.0, text="Extracting…")

        def step(done: int, total: int, name: str) -> None:
            bar.progress(done / total, text=f"{done}/{total}: {name}")

        refused: list[str] = []
        totals = data.add_articles(db, articles, progress=step, problems=refused)
        bar.empty()
        report.insert(0, ("ok", ingest_summary(totals)))
        report += [("error", message) for message in refused]
    st.session_state["upload_report"] = report
