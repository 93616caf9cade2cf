"""Articles from the web: feeds, article URLs, saved pages, JSON lines and CSV tables, and `watch`,
against a local web server (Python's http.server on 127.0.0.1) serving real-looking French news pages."""
from __future__ import annotations

import hashlib
import http.server
import re
import threading
from pathlib import Path

import pytest
from sqlalchemy import select

from claims.extract import extract, iter_extracted
from claims.sources.fetch import FetchSettings
from claims.store import open_store

WEB = Path(__file__).parent / "data" / "web"
FAST = FetchSettings(timeout=1.0, deadline=10.0, retries=1, backoff=0.05)  # the page that never answers: ~2 s
PAGES = {  # path → fixture file
    "/": "accueil.html",
    "/politique/2019/05/14/retraites-borne-calendrier.html": "retraites.html",
    "/sante/hopital-rupture.html": "hopital.html",
    "/international/2023/12/13/cop-accord-minima.html": "climat.html",
    "/rss.xml": "rss.xml",
    "/atom.xml": "atom.xml",
}
RETRAITES = "/politique/2019/05/14/retraites-borne-calendrier.html"
HOPITAL = "/sante/hopital-rupture.html"
CLIMAT = "/international/2023/12/13/cop-accord-minima.html"
# what the pages' chrome says (menus, banners, related and most-read blocks): never a claim
CHROME = ["cookie", "Larcher", "mobilisation", "PSG", "Météo", "Nantes", "Commission nationale", "Brocéliande",
          "Giec", "Greenpeace", "abonn", "newsletter", "17 milliards", "délégué à la protection"]
BIG = 20_000_000


class Site:
    """The server's state: the requests it got, the watched feed's items; `stop` frees the hanging page."""

    def __init__(self):
        self.base = ""
        self.log: list[tuple[str, int, str]] = []  # (path, status, user agent)
        self.watch_items: list[str] = [RETRAITES]
        self.stop = threading.Event()
        self.correction = ""  # a paragraph the newsroom adds to the Borne article after publication
        self.flaky_left = 1  # /flaky answers 503 this many times, then the article
        self.in_flight = 0
        self.most_in_flight = 0
        self.lock = threading.Lock()

    def render(self, name: str) -> bytes:
        page = (WEB / name).read_text(encoding="utf-8").replace("{{BASE}}", self.base)
        if name == "retraites.html" and self.correction:
            page = page.replace("</div>\n  <div class=\"article__tags\">",
                                f"  <p>{self.correction}</p>\n  </div>\n  <div class=\"article__tags\">")
        return page.encode("utf-8")

    def watch_feed(self) -> bytes:
        items = "".join(f"<item><title>{p}</title><link>{self.base}{p}?utm_source=rss</link></item>"
                        for p in self.watch_items)
        return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Suivi</title>'
                f"<link>{self.base}/</link>{items}</channel></rss>").encode()

    def fetched(self, path: str) -> int:
        """How many times a page was sent in full."""
        return sum(1 for p, status, _ in self.log if p.split("?")[0] == path and status == 200)


def _handler(site: Site):
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet
            pass

        def _send(self, body: bytes, ctype: str, status: int = 200, etag: str = "") -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if etag:
                self.send_header("ETag", etag)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            path = self.path.split("?")[0]
            agent = self.headers.get("User-Agent", "")
            if path.startswith("/lente/"):  # answers after 0.3 s: how many at once does the client ask?
                with site.lock:
                    site.in_flight += 1
                    site.most_in_flight = max(site.most_in_flight, site.in_flight)
                site.stop.wait(0.3)
                with site.lock:
                    site.in_flight -= 1
                site.log.append((path, 200, agent))
                self._send(site.render("hopital.html"), "text/html; charset=utf-8")
                return
            if path == "/ancien-site/hopital.html":  # an old site: Latin-1, said by the server only
                page = site.render("hopital.html").decode().replace('<meta charset="utf-8">', "")
                site.log.append((path, 200, agent))
                self._send(page.encode("cp1252"), "text/html; charset=ISO-8859-1")
                return
            if path == "/flaky.html" and site.flaky_left > 0:
                site.flaky_left -= 1
                site.log.append((path, 503, agent))
                self._send(b"<html><body>Service indisponible</body></html>", "text/html", 503)
                return
            if path == "/flaky.html":
                path = HOPITAL
            if path.startswith("/lent/"):  # never answers (until the test ends)
                site.log.append((path, 0, agent))
                site.stop.wait(60)
                return
            if path.startswith("/enorme/"):  # 20 MB of page, no Content-Length: the client must stop reading
                site.log.append((path, 200, agent))
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.end_headers()
                chunk = b"<p>" + b"Un paragraphe qui ne finit jamais. " * 1800 + b"</p>\n"
                try:
                    self.wfile.write(b"<html><body><article>")
                    for _ in range(BIG // len(chunk) + 1):
                        self.wfile.write(chunk)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                return
            if path.endswith(".pdf"):
                site.log.append((path, 200, agent))
                self._send(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\ntrailer<<>>\n%%EOF\n",
                           "application/pdf")
                return
            if path == "/robots.txt":
                site.log.append((path, 200, agent))
                self._send(b"User-agent: *\nDisallow: /prive/\n\nUser-agent: GPTBot\nDisallow: /\n", "text/plain")
                return
            if path == "/watch.xml":
                body, ctype = site.watch_feed(), "application/rss+xml"
            elif path in PAGES:
                name = PAGES[path]
                body = site.render(name)
                ctype = "application/rss+xml" if name == "rss.xml" else (
                    "application/atom+xml" if name == "atom.xml" else "text/html; charset=utf-8")
            else:
                site.log.append((path, 404, agent))
                self._send(b"<html><body><h1>Page introuvable</h1></body></html>", "text/html", 404)
                return
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"' if path.endswith(".xml") else ""
            if etag and self.headers.get("If-None-Match") == etag:
                site.log.append((path, 304, agent))
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return
            site.log.append((path, 200, agent))
            self._send(body, ctype, etag=etag)

    return Handler


@pytest.fixture
def site():
    state = Site()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    state.stop.set()
    server.shutdown()
    server.server_close()


def extractor(articles, problems):
    return iter_extracted(articles, processes=1, progress=False, problems=problems)


def _collect(store, items, **kw):
    from claims.collect import collect

    return collect(store, items, extractor, settings=FAST, progress=False, **kw)


@pytest.fixture(scope="module")
def expected() -> dict[str, set[str]]:
    """The claims of each article read as the plain text its reporter wrote."""
    df = extract([WEB / "retraites.txt", WEB / "hopital.txt", WEB / "climat.txt"], processes=1, progress=False)
    return {name: set(df[df.article_id == name].text) for name in ("retraites", "hopital", "climat")}


def test_feeds_give_their_articles_statements_with_metadata_and_name_the_bad_items(site, tmp_path, expected):
    store = open_store(str(tmp_path / "claims.db"))
    result = _collect(store, [f"{site.base}/rss.xml", f"{site.base}/atom.xml"])

    df = store.claims_frame()
    assert df.article_id.nunique() == 2  # two feeds, three links to each article: stored once each
    by_title = {t: g for t, g in df.groupby("article_title")}
    retraites = by_title["Retraites : Élisabeth Borne refuse de reculer sur le calendrier"]
    hopital = by_title["Santé : l'hôpital public au bord de la rupture"]
    assert set(retraites.text) == expected["retraites"] and len(expected["retraites"]) >= 6
    assert set(hopital.text) == expected["hopital"] and len(expected["hopital"]) >= 4
    for text in df.text:
        assert not any(word.lower() in text.lower() for word in CHROME), text
    assert (retraites.outlet.iloc[0], retraites.published.iloc[0], retraites.url.iloc[0]) == (
        "Le Courrier du Matin", "2019-05-14", site.base + RETRAITES)
    # no canonical link: the URL as linked, tracking parameters (utm_*, fbclid) removed
    assert (hopital.outlet.iloc[0], hopital.published.iloc[0], hopital.url.iloc[0]) == (
        "La Gazette de l'Ouest", "2022-08-23", site.base + HOPITAL)
    # the article's text is the page's, paragraphs and « » kept, and nothing else
    with store.engine.connect() as conn:
        from claims.store import tables as t

        stored = dict(conn.execute(select(t.articles.c.title, t.articles.c.text)).all())
        fetched_at = conn.execute(select(t.articles.c.fetched_at)).scalars().all()
    assert stored[retraites.article_title.iloc[0]] == (WEB / "retraites.txt").read_text(encoding="utf-8").strip()
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", f) for f in fetched_at)

    problems = "\n".join(result.problems)
    assert f"{site.base}/: a home page, not an article; give the articles' URLs or the site's feed (its feed: " \
           f"{site.base}/rss.xml)" in problems
    assert f"{site.base}/documents/rapport-cour-des-comptes.pdf: a PDF document" in problems
    assert f"{site.base}/politique/article-retire.html: HTTP 404" in problems
    assert f"{site.base}/lent/article.html: no answer within 1 s" in problems
    assert f"{site.base}/enorme/article.html: more than the 10,000,000-byte limit" in problems
    assert f"{site.base}/prive/brouillon.html: the site's robots.txt asks tools like this one not to fetch it" \
           in problems
    assert len(result.problems) == 6 and site.fetched("/prive/brouillon.html") == 0
    assert site.fetched("/robots.txt") == 1  # read once for the site
    assert all(agent.startswith("claims/") for _, _, agent in site.log)  # the tool names itself

    # the same feeds again: nothing added
    again = _collect(store, [f"{site.base}/rss.xml", f"{site.base}/atom.xml"])
    assert (again.totals["new"], again.totals["changed"], again.totals["claims_added"]) == (0, 0, 0)
    assert len(store.claims_frame()) == len(df)


def test_a_link_with_tracking_parameters_and_a_saved_page_are_the_article_already_stored(site, tmp_path):
    store = open_store(str(tmp_path / "claims.db"))
    first = _collect(store, [f"{site.base}{HOPITAL}?utm_source=newsletter&utm_medium=email&fbclid=AbC"])
    assert first.totals["new"] == 1
    saved = tmp_path / "hopital.html"  # no canonical link: saved pages are named by their file
    saved_retraites = tmp_path / "page-sauvegardee.html"
    saved_retraites.write_bytes(site.render("retraites.html"))  # canonical link: named by its URL
    second = _collect(store, [f"{site.base}{HOPITAL}?xtor=RSS-3208#commentaires", saved_retraites,
                              f"{site.base}{RETRAITES}?gclid=xyz"])
    assert (second.totals["new"], second.totals["unchanged"], second.inputs.duplicates) == (1, 1, 1)
    assert not saved.exists() and store.article_count() == 2


def test_a_saved_page_without_a_date_is_undated_not_dated_today(tmp_path):
    from claims.sources.inputs import read_inputs

    inputs = read_inputs([WEB / "tribune.html", WEB / "accueil.html"])
    [article] = inputs.articles
    assert article.published == ""
    assert article.outlet == "Le Journal des Régions"
    assert article.url == "https://www.journal-des-regions.fr/transports/bus-electriques-villes-moyennes.html"
    assert article.article_id.startswith("journal-des-regions.fr-")
    assert "« Aucune ville moyenne ne sera oubliée »" in article.text and "cookies" not in article.text
    assert inputs.problems == [f"{WEB / 'accueil.html'}: not an article (the page says it is a 'website': a home "
                               "page or an index); skipped"]
    df = extract([WEB / "tribune.html"], processes=1, progress=False)  # the API takes pages too
    assert set(df.article_id) == {article.article_id} and "Aucune ville moyenne ne sera oubliée" in set(df.text)
    assert not any("TGV" in t for t in df.text)


def test_watch_ingests_only_the_new_item_of_the_second_round_and_resumes_after_a_restart(site, db_url):
    from claims.collect import watch

    store = open_store(db_url)
    feed = f"{site.base}/watch.xml"
    lines: list[str] = []

    def say(line: str) -> None:
        lines.append(line)
        if len(lines) == 1:
            site.watch_items.append(CLIMAT)  # published between the two rounds

    rounds = watch(store, [feed], extractor, every=0, rounds=2, settings=FAST, say=say)
    assert [(r.totals["new"], r.totals["unchanged"]) for r in rounds] == [(1, 0), (1, 0)]
    assert site.fetched(RETRAITES) == 1 and site.fetched(CLIMAT) == 1  # round two fetched only the new item
    assert store.article_count() == 2
    assert len(lines) == 2 and "round 2: 1 feed; 1 item seen before; 1 new" in lines[1]

    # a new `watch` (after a crash or Ctrl-C) knows what was fetched; the unchanged feed answers 304
    store = open_store(db_url)
    [third] = watch(store, [feed], extractor, every=0, rounds=1, settings=FAST, say=lines.append)
    assert third.inputs.feeds[0].not_modified and third.totals == {}
    assert (site.fetched(RETRAITES), site.fetched(CLIMAT)) == (1, 1)
    assert ("/watch.xml", 304) in [(p, s) for p, s, _ in site.log]
    assert "1 feed (1 unchanged)" in lines[-1]


def test_watch_command_line(site, tmp_path, capsys):
    from claims.cli import main

    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# the desk's feeds\n{site.base}/atom.xml\n\n", encoding="utf-8")
    db = str(tmp_path / "desk.db")
    assert main(["watch", "--feeds", str(feeds), "--every", "1s", "--rounds", "2", "--timeout", "2", "--db", db]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "round 1: 1 feed; 2 new" in out[0] and "round 2: 1 feed (1 unchanged); 0 new" in out[1]
    assert main(["watch", "--every", "soon", site.base]) == 2
    assert "--every 'soon': not a duration" in capsys.readouterr().err


def test_ingest_command_reads_urls_and_feeds(site, tmp_path, capsys, caplog):
    from claims.cli import main

    db = str(tmp_path / "desk.db")
    assert main(["ingest", f"{site.base}/atom.xml", "--db", db, "--quiet", "--timeout", "2"]) == 0
    assert "2 new, 0 changed, 0 unchanged articles" in capsys.readouterr().err
    assert main(["ingest", f"{site.base}{RETRAITES}?utm_campaign=x", "--db", db, "--quiet"]) == 0
    assert "0 new, 0 changed, 1 unchanged articles" in capsys.readouterr().err
    assert main(["ingest", f"{site.base}/nulle-part.html", "--db", db, "--quiet"]) == 1
    assert "no article could be read" in capsys.readouterr().err
    assert f"{site.base}/nulle-part.html: HTTP 404" in caplog.text  # logged: on stderr from the command


def test_jsonl_and_csv_tables_of_articles(tmp_path):
    import json

    from claims.sources.inputs import read_inputs

    body = (WEB / "climat.txt").read_text(encoding="utf-8")
    jsonl = tmp_path / "export.jsonl"
    jsonl.write_text("\n".join([
        json.dumps({"text": body, "title": "Climat : la COP s'achève", "published": "2023-12-13",
                    "outlet": "Le Courrier du Matin",
                    "url": "https://www.courrier.example/cop.html?utm_source=x"}, ensure_ascii=False),
        json.dumps({"text": (WEB / "hopital.txt").read_text(encoding="utf-8"), "id": "hopital-2022",
                    "date": "fin août 2022"}, ensure_ascii=False),
        "{not json",
        json.dumps({"title": "sans texte"}),
    ]), encoding="utf-8")
    csv_file = tmp_path / "articles.csv"
    retraites = (WEB / "retraites.txt").read_text(encoding="utf-8")
    csv_file.write_text('text;published;outlet;rubrique\n"' + retraites.replace('"', '""') + '";14/05/2019;AFP;'
                        'politique\n', encoding="utf-8-sig")
    bad = tmp_path / "sans_texte.csv"
    bad.write_text("titre,contenu\nRetraites,« Nous n'avons pas l'intention de reculer »\n", encoding="utf-8")

    inputs = read_inputs([jsonl, csv_file, bad])
    arts = {a.article_id: a for a in inputs.articles}
    assert len(arts) == 3 and {"articles-2", "hopital-2022"} < set(arts)  # a row without url or id: file-line
    cop = next(a for a in inputs.articles if a.url)
    assert (cop.url, cop.outlet, cop.published) == ("https://www.courrier.example/cop.html", "Le Courrier du Matin",
                                                    "2023-12-13")
    assert arts["articles-2"].published == "2019-05-14" and arts["articles-2"].outlet == "AFP"
    assert arts["articles-2"].text == retraites
    assert arts["hopital-2022"].published == "fin août 2022" and "is not YYYY-MM-DD" in arts["hopital-2022"].warnings[0]
    assert next(i for i in arts if i.startswith("courrier.example-")) == cop.article_id  # from its URL
    problems = "\n".join(inputs.problems)
    assert f"{jsonl} line 3: not JSON" in problems and f"{jsonl} line 4: no text; skipped" in problems
    assert f"{csv_file}: columns ignored: rubrique" in problems
    assert f"{bad}: no `text` column (columns found: 'titre', 'contenu')" in problems
    df = extract(articles=inputs.articles, processes=1, progress=False)
    assert "Nous n'avons pas l'intention de reculer" in set(df[df.article_id == "articles-2"].text)


def test_claimreview_gives_the_articles_url_and_date(site, tmp_path):
    from claims.store.export import claim_reviews

    store = open_store(str(tmp_path / "claims.db"))
    _collect(store, [f"{site.base}{RETRAITES}?utm_source=x"])
    claim = store.claims_frame().iloc[0]
    store.set_status(claim.claim_id, "false", version=int(claim.version), reviewer="ana")
    [review] = claim_reviews(store.claims_frame(status=["false"]))
    [appearance] = review["itemReviewed"]["appearance"]
    assert (appearance["url"], appearance["datePublished"]) == (site.base + RETRAITES, "2019-05-14")


def test_dashboard_adds_urls_and_saved_pages_naming_each_failure(site, tmp_path, monkeypatch):
    import sys as _sys

    from streamlit.testing.v1 import AppTest

    db = str(tmp_path / "desk.db")
    open_store(db).engine.dispose()
    monkeypatch.setenv("CLAIMS_DB", db)
    main = _sys.modules["__main__"]
    try:
        at = AppTest.from_file(str(Path(__file__).parent.parent / "dashboard" / "app.py"), default_timeout=120).run()
        at.text_area(key="upload_urls_0").set_value(
            f"{site.base}{HOPITAL}?utm_source=x\n{site.base}/introuvable.html\nftp://example.org/a").run()
        at.file_uploader[0].set_value([("page.html", site.render("retraites.html"), "text/html")]).run()
        at.button(key="upload_go").click().run()
        assert not at.exception, [e.value for e in at.exception]
        shown = [re.sub(r"\\(.)", r"\1", m.value) for m in [*at.success, *at.warning]]
    finally:
        _sys.modules["__main__"] = main
    assert any("2 new" in m for m in shown), shown
    assert any(f"{site.base}/introuvable.html: HTTP 404" in m for m in shown)
    assert any("ftp://example.org/a: not an http(s) URL" in m for m in shown)
    df = open_store(db).claims_frame()
    assert set(df.url) == {site.base + HOPITAL, site.base + RETRAITES}
    assert open_store(db).fetched_urls([site.base + HOPITAL]) == {site.base + HOPITAL}


def test_fetching_retries_a_failing_server_and_asks_one_site_two_pages_at_a_time(site):
    from claims.sources.fetch import Fetcher

    with Fetcher(FAST) as fetcher:
        page = fetcher.get(f"{site.base}/flaky.html")  # 503, then the page after a back-off
        assert page.status == 200 and b"rupture" in page.body
        assert [s for p, s, _ in site.log if p in ("/flaky.html", HOPITAL)] == [503, 200]  # served as HOPITAL
        results = list(fetcher.map(fetcher.get, [f"{site.base}/lente/{n}.html" for n in range(6)]))
    assert all(r.status == 200 for _, r in results) and len(results) == 6
    assert site.most_in_flight == FAST.per_host == 2  # 8 workers, but at most 2 at once on one site


def test_a_server_that_refuses_the_connection_is_named_in_words():
    import socket

    from claims.sources.fetch import Fetcher, FetchError

    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    url = f"http://127.0.0.1:{port}/x"
    with Fetcher(FAST) as fetcher, pytest.raises(FetchError) as err:
        fetcher.get(url)
    assert str(err.value) == f"{url}: cannot connect (Connection refused)"


def test_watch_stops_cleanly_on_ctrl_c(site, tmp_path):
    from claims.collect import watch

    store = open_store(str(tmp_path / "claims.db"))
    lines: list[str] = []

    def say(line: str) -> None:
        lines.append(line)
        if len(lines) == 1:
            raise KeyboardInterrupt  # as Ctrl-C between two rounds

    rounds = watch(store, [f"{site.base}/watch.xml"], extractor, every=3600, settings=FAST, say=say)
    assert len(rounds) == 1 and lines[-1].startswith("stopped after 1 round; the next `watch` goes on from there")
    assert store.fetched_urls([site.base + RETRAITES]) == {site.base + RETRAITES}


def test_the_claim_detail_says_undated_rather_than_giving_the_ingestion_day(monkeypatch):
    import pandas as pd

    from dashboard.review import article_meta_html

    row = pd.Series({"article_title": "Transports", "article_id": "a", "published": "", "outlet": "Le Journal",
                     "url": "https://www.journal.example/a.html", "ingested_at": "2026-11-25T10:00:00+00:00"})
    out = article_meta_html(row)
    assert "<em>undated</em>" in out and "2026" not in out and "Le Journal" in out
    assert '<a href="https://www.journal.example/a.html"' in out
    assert "original article ↗</a>" in out
    monkeypatch.setattr("dashboard.i18n.lang", lambda: "fr")  # the page in French
    out = article_meta_html(row)
    assert "<em>non daté</em>" in out and "article original ↗</a>" in out


def test_a_latin_1_page_keeps_its_accents_and_typography(site):
    from claims.sources.inputs import read_inputs

    [article] = read_inputs([f"{site.base}/ancien-site/hopital.html"], settings=FAST).articles
    assert article.text == (WEB / "hopital.txt").read_text(encoding="utf-8").strip()


def test_the_watch_command_stops_cleanly_when_the_service_manager_says_so(site, tmp_path):
    import os
    import signal
    import subprocess
    import sys

    site.watch_items = []  # an empty feed: no extraction, the process stays light
    proc = subprocess.Popen([sys.executable, "-m", "claims", "watch", f"{site.base}/watch.xml", "--every", "1h",
                             "--db", str(tmp_path / "desk.db")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=Path(__file__).parent.parent)
    first = proc.stdout.readline()  # the first round is done: the process waits for the next
    assert "round 1: 1 feed" in first
    os.kill(proc.pid, signal.SIGTERM)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0 and "stopped after 1 round" in out and "Traceback" not in err


def test_an_article_changed_at_the_source_is_extracted_again_and_keeps_its_verdicts(site, tmp_path):
    store = open_store(str(tmp_path / "claims.db"))
    _collect(store, [site.base + RETRAITES])
    claim = store.claims_frame().set_index("text").loc["Nous n'avons pas l'intention de reculer"]
    store.set_status(claim.claim_id, "false", version=int(claim.version), note="démenti", reviewer="ana")
    site.correction = ("« Le calendrier ne bougera pas », a répété mercredi le ministre du Travail, "
                       "Olivier Dussopt.")
    again = _collect(store, [site.base + RETRAITES])
    assert (again.totals["changed"], again.totals["claims_added"], again.totals["claims_removed"]) == (1, 1, 0)
    df = store.claims_frame().set_index("text")
    assert df.loc["Le calendrier ne bougera pas", "speaker"] == "Olivier Dussopt"
    kept = df.loc["Nous n'avons pas l'intention de reculer"]
    assert (kept.status, kept.note, kept.reviewer) == ("false", "démenti", "ana")
