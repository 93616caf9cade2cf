"""Adding articles from the browser: .txt/.md/.html uploads and article or feed URLs, read, extracted
and stored with a progress bar; each file or URL that fails is named with its problem."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from claims.articles import ArticleError, article_from_bytes
from claims.safe import escape_markdown
from claims.store import ingest_summary
from dashboard import data
from dashboard.i18n import t

_HTML = (".html", ".htm")


def uploader(db: str) -> None:
    with st.sidebar.expander(t("add_articles"), expanded=False):
        gen = st.session_state.get("upload_gen", 0)
        files = st.file_uploader(t("add_files"), type=["txt", "md", "html", "htm"],
                                 accept_multiple_files=True, key=f"upload_{gen}", help=t("add_files_help"))
        urls_text = st.text_area(t("add_urls"), key=f"upload_urls_{gen}",
                                 placeholder="https://www.example.fr/politique/article.html\nhttps://www.example.fr/rss.xml")
        urls = [line.strip() for line in (urls_text or "").splitlines() if line.strip()]
        count = len(files or []) + len(urls)
        if count and st.button(t("add_go", n=count) if count > 1 else t("add_go_one"), type="primary", key="upload_go"):
            _ingest(db, files or [], urls)
            st.session_state["upload_gen"] = gen + 1
            st.rerun()
        for kind, message in st.session_state.get("upload_report", []):
            (st.success if kind == "ok" else st.warning)(escape_markdown(message))  # file names are the user's


def _ingest(db: str, files, urls: list[str]) -> None:
    from claims.sources.inputs import html_bytes_article, read_inputs
    from claims.sources.urls import is_url

    report: list[tuple[str, str]] = []
    articles = []
    for f in files:
        try:
            data_ = f.getvalue()
            article = html_bytes_article(data_, f.name) if Path(f.name).suffix.lower() in _HTML \
                else article_from_bytes(data_, f.name)
        except ArticleError as err:
            report.append(("error", str(err)))
            continue
        report += [("error", w) for w in article.warnings]
        articles.append(article)
    inputs = None
    report += [("error", f"{u}: not an http(s) URL") for u in urls if not is_url(u)]
    urls = [u for u in urls if is_url(u)]
    if urls:
        bar = st.progress(0.0, text=t("add_fetching"))

        def fetched(done: int, total: int, name: str) -> None:
            bar.progress(done / total, text=f"{done}/{total}: {name}")

        inputs = read_inputs(urls, progress=False, on_item=fetched)
        bar.empty()
        report += [("error", message) for message in inputs.problems]
        known = {a.article_id for a in articles}
        articles += [a for a in inputs.articles if a.article_id not in known]
    if articles:
        bar = st.progress(0.0, text=t("add_extracting"))

        def step(done: int, total: int, name: str) -> None:
            bar.progress(done / total, text=f"{done}/{total}: {name}")

        refused: list[str] = []
        totals = data.add_articles(db, articles, progress=step, problems=refused)
        bar.empty()
        report.insert(0, ("ok", ingest_summary(totals)))
        report += [("error", message) for message in refused]
        if inputs is not None:  # a later `claims watch` of the same feeds skips what was read here
            from claims.collect import remember

            stored = {a.article_id for a in inputs.articles if not any(m.startswith(f"{a.source}: ") for m in refused)}
            remember(data.store(db), inputs, stored)
    st.session_state["upload_report"] = report
