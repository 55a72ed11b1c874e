"""The English messages of Wagtail's and Django admin's catalogues, to find the ones a screen
shows untranslated: the server's templates (domain "django") and the admin's JavaScript
(domain "djangojs", served by Wagtail's JavaScriptCatalog view at /admin/jsi18n/)."""

import re
from pathlib import Path

import django
import wagtail

# Placeholders of a python-format message, which the page shows filled in.
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[sd]|\{[^}]*\}")
# Words that are the same in Danish; a catalogue need not translate them.
# "Dashboard" and "Upload" are the words Wagtail's own Danish translation uses.
SAME_IN_DANISH = {
    "Status",
    "Administrator",
    "Team",
    "OK",
    "Logo",
    "Filter",
    "Format",
    "E-mail",
    "Dashboard",
    "Upload",
}


def catalogues(domain, django_admin=True):
    found = list(Path(wagtail.__file__).parent.glob(f"**/locale/en/LC_MESSAGES/{domain}.po"))
    admin = Path(django.__file__).parent / f"contrib/admin/locale/en/LC_MESSAGES/{domain}.po"
    return found + ([admin] if django_admin and admin.exists() else [])


def english_messages(domains=("django",), django_admin=True):
    """(plain msgids, [(formatted msgid, pattern that matches it filled in)]); django_admin=False
    leaves out Django's own admin, whose scripts the Wagtail admin does not load."""
    plain, formatted = set(), []
    for po in [po for domain in domains for po in catalogues(domain, django_admin)]:
        text = po.read_text(encoding="utf-8")
        for block in text.split("\n\n"):
            match = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
            if not match:
                continue
            msgid = "".join(re.findall(r'"(.*)"', match.group(1)))
            msgid = msgid.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")
            if len(msgid) < 3 or not re.search(r"[A-Za-z]{2}", msgid) or msgid in SAME_IN_DANISH:
                continue
            if "-format" in block and PLACEHOLDER.search(msgid):
                parts = PLACEHOLDER.split(msgid)
                if sum(len(p.strip()) for p in parts) >= 6:
                    formatted.append((msgid, re.compile(".+?".join(map(re.escape, parts)) + "$")))
            elif "<" not in msgid:
                plain.add(msgid)
    return plain, formatted
