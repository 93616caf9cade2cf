"""The desk's settings that go into what it publishes: its name and where its fact-checks live.

Each is read from an environment variable, and the commands that use it take an option of the same
meaning (`claims export --desk-name … --review-url …`), which wins.

- `CLAIMS_DESK_NAME`: the name signing ClaimReview records (`author`), e.g. "Les Décodeurs".
- `CLAIMS_REVIEW_URL`: the address of a claim's published check, with `{claim_id}` where its id goes,
  e.g. `https://desk.example/checks/{claim_id}` (ClaimReview `url`). Unset: no `url` is published.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from claims.safe import http_url

DEFAULT_DESK_NAME = "claims fact-checking desk"
PLACEHOLDER = "{claim_id}"


class SettingError(ValueError):
    """A setting that cannot be used; the message names it and says why."""


@dataclass(frozen=True)
class DeskSettings:
    desk_name: str = DEFAULT_DESK_NAME
    review_url: str = ""  # template with {claim_id}, or "" for none

    def review_url_for(self, claim_id: str) -> str:
        """The check's address for this claim ("" when no template is set)."""
        return self.review_url.replace(PLACEHOLDER, claim_id) if self.review_url else ""


def check_review_url(template: str, where: str) -> str:
    """`template` when it is an http(s) address holding {claim_id}; else a SettingError naming `where`."""
    if not template:
        return ""
    if PLACEHOLDER not in template:
        raise SettingError(f"{where}: {template!r} has no {PLACEHOLDER} where the claim's id goes "
                           f"(e.g. https://desk.example/checks/{PLACEHOLDER})")
    if not http_url(template.replace(PLACEHOLDER, "x")):
        raise SettingError(f"{where}: {template!r} is not an http(s) address")
    return template


def desk_settings(desk_name: str | None = None, review_url: str | None = None) -> DeskSettings:
    """The settings: the arguments when given, else $CLAIMS_DESK_NAME and $CLAIMS_REVIEW_URL, else defaults."""
    name = (desk_name if desk_name is not None else os.environ.get("CLAIMS_DESK_NAME", "")).strip()
    if review_url is not None:
        url = check_review_url(review_url.strip(), "--review-url")
    else:
        url = check_review_url(os.environ.get("CLAIMS_REVIEW_URL", "").strip(), "CLAIMS_REVIEW_URL")
    return DeskSettings(desk_name=name or DEFAULT_DESK_NAME, review_url=url)
