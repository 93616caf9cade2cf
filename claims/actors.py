"""An actor's page: their claims over time, verdict record, certainty mix, who they speak about and
their claims checked before — all drawn from the desk's claim set and the store (no display here)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from claims import views
from claims.safe import http_url
from claims.store.statuses import verdict_statuses
from claims.views import CHECKED, ClaimSet, Filters

LIST_LIMIT = 500  # rows of a list on the page (the counts cover every claim)


@dataclass
class ActorRecord:
    name: str
    claims: int
    over_time: pd.DataFrame  # period, kind, claims
    unit: str  # day, week, month or year
    certainty: pd.DataFrame  # speaker, certainty, claims, order
    statuses: pd.DataFrame  # status, claims
    verdicts: int  # claims with a verdict (true, false, misleading…)
    about: pd.DataFrame  # about, claims
    record: pd.DataFrame  # their claims with a verdict: status, claim, reviewer, reviewed, note, check, article
    checked: pd.DataFrame  # their claims with an earlier verdict: claim, verdict, by, date, link, status now


def actor_record(claims: ClaimSet, store, name: str, statuses: list[str]) -> ActorRecord:
    view = claims.view(Filters(speaker=[name]))
    over, unit = views.claims_over_time(view, "published")
    if not len(over):
        over, unit = views.claims_over_time(view, "ingested")
    about = views.speaker_about(view, top=50)
    about = about[about["speaker"] == name][["about", "claims"]].reset_index(drop=True)
    frame = view.frame()
    verdicts = list(verdict_statuses())
    judged = frame[frame["status"].isin(verdicts)]["claim_id"].head(LIST_LIMIT).tolist()
    checked_ids = frame[frame["checked"] == CHECKED]["claim_id"].head(LIST_LIMIT).tolist()
    counts = views.status_counts(view, statuses)
    return ActorRecord(name, len(view), over, unit, views.certainty_by_speaker(view), counts,
                       int(counts.loc[counts["status"].isin(verdicts), "claims"].sum()), about,
                       _record(store, judged), _checked(store, checked_ids))


def _best_check(store, claim_id: str) -> dict | None:
    found = store.earlier_verdicts(claim_id)
    return found.iloc[0].to_dict() if len(found) else None


def _record(store, ids: list[str]) -> pd.DataFrame:
    columns = ["status", "claim", "reviewer", "reviewed", "note", "check", "article"]
    if not ids:
        return pd.DataFrame(columns=columns)
    rows = views.table_rows(store, ids)
    checks = [_best_check(store, i) for i in rows["claim_id"]]
    return pd.DataFrame({
        "status": rows["status"], "claim": rows["text"], "reviewer": rows["reviewer"],
        "reviewed": rows["reviewed_at"].str[:10], "note": rows["note"],
        "check": [http_url(c["url"]) if c and c["ref_kind"] == "check" else "" for c in checks],
        "article": [http_url(u) for u in rows["url"].fillna("")]}).reset_index(drop=True)


def _checked(store, ids: list[str]) -> pd.DataFrame:
    columns = ["claim", "verdict", "by", "date", "link", "status", "claim_id"]
    if not ids:
        return pd.DataFrame(columns=columns)
    rows = views.table_rows(store, ids)
    out = []
    for r in rows.itertuples():
        best = _best_check(store, r.claim_id)
        if best is None:  # the verdict it matched was taken back since
            continue
        out.append({"claim": r.text, "verdict": best["verdict"], "by": best["by"], "date": best["date"],
                    "link": http_url(best["url"]), "status": r.status, "claim_id": r.claim_id})
    return pd.DataFrame(out, columns=columns)


def speakers_named(claims: ClaimSet) -> np.ndarray:
    """Every speaker of the desk (for the actor picker), most claims first."""
    return np.asarray(claims.options("speaker"), dtype=object)
