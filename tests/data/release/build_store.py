"""Builds the fixture stores made by the previous release (commit 93d73e3, before schema migrations).

Run with that release's code on the path, never with the current code:

    git archive 93d73e3 | tar -x -C /tmp/release
    PYTHONPATH=/tmp/release .venv/bin/python tests/data/release/build_store.py sqlite:///tests/data/release/store_93d73e3.db
    PYTHONPATH=/tmp/release .venv/bin/python tests/data/release/build_store.py "postgresql+psycopg://…?options=-csearch_path%3Drelease_93d73e3"
    pg_dump --schema=release_93d73e3 --no-owner --no-privileges --inserts … > tests/data/release/store_93d73e3.pg.sql
    (then the psql meta-commands, lines starting with a backslash such as \restrict, removed)

tests/test_migrations.py opens the results with the current code and finds everything this script
wrote: two verdicts on Pompeo's claim (PERSONS_HISTORY there) and an orphaned review.
"""
import sys
from pathlib import Path

from claims.articles import read_article
from claims.extract import extract_rows
from claims.store import open_store

HERE = Path(__file__).resolve().parent
SEED = HERE.parent.parent.parent / "claims" / "data" / "seeds" / "000_ba259b4d1716a856.txt"

store = open_store(sys.argv[1])
article = read_article(SEED)
store.ingest([article], extract_rows([article]))
df = store.claims_frame()
by_text = {r.text: r for r in df.itertuples()}
pompeo = by_text["Les Russes doivent partir"]
v = store.set_status(pompeo.claim_id, "in_review", version=1, note="à vérifier", reviewer="ana")
store.set_status(pompeo.claim_id, "false", version=v, note="Aucune source, démenti de Moscou", reviewer="bob")
iran = next(r for r in df.itertuples() if "implication iranienne" in r.text)
store.set_status(iran.claim_id, "misleading", version=1, note="contexte manquant", reviewer="ana")
# the sentence is removed from the article: its review stays, orphaned
edited = article.text.replace("En outre, celui-ci a fustigé l’implication iranienne et cubaine dans le conflit. ", "")
assert edited != article.text
changed = type(article)(article_id=article.article_id, text=edited, source=article.source)
store.ingest([changed], extract_rows([changed]))
print(store.claim(pompeo.claim_id)["version"], len(store.claims_frame()))
