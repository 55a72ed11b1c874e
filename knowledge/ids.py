"""Ids in addresses: what a visitor may type where a page id goes, checked in one place.

Databases hold ids far below 10**12; a longer number (or 2**63 and up, which SQLite cannot even
compare) is no id of ours, so it is refused as "not found" or "bad request" before any query.
"""

import re

MAX_ID_DIGITS = 12
_ID = re.compile(rf"^[0-9]{{1,{MAX_ID_DIGITS}}}$")


def parse_id(text):
    """The id in text as an int, or None when text is not a plausible id."""
    text = str(text).strip()
    if not _ID.match(text):
        return None
    value = int(text)
    return value if value >= 1 else None


class PageIdConverter:
    """<page_id:name> in URL patterns: 1 to 12 digits, so a huge number is a plain 404."""

    regex = rf"[0-9]{{1,{MAX_ID_DIGITS}}}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)
