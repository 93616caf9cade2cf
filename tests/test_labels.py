"""The labels catalogue (claims/data/labels.tsv) names every code a person can meet, in English and French."""
from __future__ import annotations

from claims.datafiles import read_table
from claims.labels import LANGUAGES, label, labels, pick_language, readable_time
from claims.schema import CERTAINTY_LEVELS, KINDS, MARKER_TYPES, SPEAKER_TYPES
from claims.store.statuses import status_names
from claims.views import FACETS, SORTS


def test_every_code_shown_to_a_person_has_a_label_in_each_language():
    wanted = {"status": status_names(), "kind": list(KINDS), "certainty": list(CERTAINTY_LEVELS),
              "marker": list(MARKER_TYPES), "marker_filter": [*MARKER_TYPES, "none"],
              "speaker_type": list(SPEAKER_TYPES), "filter": list(FACETS), "sort": list(SORTS),
              "resolution": [r["resolution"] for r in read_table("resolutions.tsv")],
              "history": ["status", "speaker", "kind", "not_claim"]}
    for group, codes in wanted.items():
        for lang in LANGUAGES:
            named = labels(group, lang)
            missing = [c for c in codes if not named.get(c)]
            assert not missing, f"{group} ({lang}): no label for {missing}"
            assert not [v for v in named.values() if "_" in v], f"{group} ({lang}): a label reads like a code"
    rows = read_table("labels.tsv")
    assert all(r["en"] and r["fr"] for r in rows), [r for r in rows if not (r["en"] and r["fr"])]
    assert len({(r["group"], r["code"]) for r in rows}) == len(rows), "a code is labelled twice"


def test_language_and_times_as_a_reader_wants_them():
    assert pick_language("fr", "en-US") == "fr"  # ?lang= wins
    assert pick_language(None, "fr_CA") == "fr" and pick_language("", "de-DE") == "en"
    assert pick_language("xx", None) == "en"
    assert label("status", "mostly_true", "fr") == "Plutôt vrai"
    assert label("status", "some_new_status", "fr") == "some new status"  # never a raw code
    assert readable_time("2026-11-25T16:31:00+00:00", "Europe/Paris", "fr") == "25 nov. 2026, 17:31"
    assert readable_time("2026-07-01T22:10:00+00:00", "America/New_York", "en") == "1 Jul 2026, 18:10"
    assert readable_time("2019-03-04", "Europe/Paris", "en") == "4 Mar 2019"  # a day stays a day
    assert readable_time("2026-11-25T16:31:00+00:00", "Not/AZone") == "25 Nov 2026, 16:31"  # UTC then
    assert readable_time("hier", None) == "hier" and readable_time("", None) == ""
