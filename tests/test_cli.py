"""The command line on real files: outputs, exit codes, messages."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
from conftest import ROOT, SEEDS


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claims", *args], cwd=cwd, capture_output=True, text=True)


def test_extract_to_csv_and_jsonl(tmp_path):
    out = tmp_path / "claims.csv"
    res = run("extract", str(SEEDS), "-o", str(out), "--processes", "1")
    assert res.returncode == 0, res.stderr
    df = pd.read_csv(out)
    assert len(df) > 20 and "Mike Pompeo" in set(df["speaker"])
    assert df["certainty_markers"].fillna("").str.contains(r"aurait tenté \(conditional\)").any()
    out = tmp_path / "claims.jsonl"
    assert run("extract", str(SEEDS), "-o", str(out), "--quiet").returncode == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    markers = [m for r in rows for m in r["certainty_markers"]]
    assert {"text", "type"} <= set(markers[0]) and isinstance(rows[0]["about"], list)


def test_nothing_readable_exits_non_zero_and_names_the_file(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    res = run("extract", str(empty), "-o", str(tmp_path / "o.csv"))
    assert res.returncode != 0
    assert "empty.txt: the file is empty" in res.stderr


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"\x00\x00")
    good = tmp_path / "good.txt"
    good.write_text("Selon la police, trois personnes ont été arrêtées.", encoding="utf-8")
    res = run("extract", str(tmp_path), "-o", str(tmp_path / "o.csv"))
    assert res.returncode == 0
    assert "bad.txt: this is a binary file" in res.stderr
    assert len(pd.read_csv(tmp_path / "o.csv")) == 1


def test_wrong_output_suffix_is_refused(tmp_path):
    res = run("extract", str(SEEDS), "-o", str(tmp_path / "o.xlsx"))
    assert res.returncode != 0 and "must end in .csv or .jsonl" in res.stderr


def test_a_python_without_the_requirements_is_told_what_to_install():
    # pandas made unimportable, as on a bare system Python
    blocked = "import sys; sys.modules['pandas'] = None; import claims; claims.extract"
    res = subprocess.run([sys.executable, "-c", blocked], cwd=ROOT, capture_output=True, text=True)
    assert res.returncode == 1
    last = res.stderr.strip().splitlines()[-1]
    assert last.startswith("ImportError: claims needs 'pandas'") and "pip install -r requirements.txt -e ." in last
