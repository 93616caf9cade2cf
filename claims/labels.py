"""Labels a person reads in place of codes (claims/data/labels.tsv), in English and French."""
from __future__ import annotations

from functools import cache

from claims.datafiles import read_table

LANGUAGES = ("en", "fr")
DEFAULT_LANGUAGE = "en"


@cache
def _catalogue() -> dict[tuple[str, str], dict[str, str]]:
    return {(row["group"], row["code"]): row for row in read_table("labels.tsv")}


def label(group: str, code: str, lang: str = DEFAULT_LANGUAGE) -> str:
    """The label of `code` in `group` for `lang`; English when that language has none, else the code
    made readable (underscores become spaces) so a new code never shows as a raw identifier."""
    row = _catalogue().get((group, code))
    if row is None:
        return str(code).replace("_", " ")
    return row.get(lang) or row.get(DEFAULT_LANGUAGE) or str(code).replace("_", " ")


def labels(group: str, lang: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """Every code of `group` with its label, in the catalogue's order."""
    return {code: label(group, code, lang) for (g, code) in _catalogue() if g == group}


def pick_language(asked: str | None = None, locale: str | None = None) -> str:
    """The language to show: the one asked for (?lang=fr, the sidebar's switch) when the catalogue has
    it, else the browser's (a locale such as fr-FR or fr_CA), else English."""
    for candidate in (asked, locale):
        code = (candidate or "").strip().lower().replace("_", "-").split("-")[0]
        if code in LANGUAGES:
            return code
    return DEFAULT_LANGUAGE


def readable_time(iso: str | None, tz: str | None = None, lang: str = DEFAULT_LANGUAGE) -> str:
    """An ISO 8601 time stored by the tool (UTC) as a person reads it, in their time zone (an IANA name
    such as Europe/Paris; UTC when unknown): '25 Nov 2026, 17:31' / '25 nov. 2026, 17:31'. A date alone
    stays a date; what is not a time is returned as it is."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    if not iso:
        return ""
    try:
        when = datetime.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    day_only = len(str(iso)) <= 10
    if not day_only:
        try:
            zone = ZoneInfo(tz) if tz else UTC
        except (ZoneInfoNotFoundError, ValueError):
            zone = UTC
        when = (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(zone)
    day = f"{when.day} {label('month', str(when.month), lang)} {when.year}"
    return day if day_only else f"{day}, {when:%H:%M}"
