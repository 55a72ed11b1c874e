"""The search page's form: what the visitor typed, cleaned so any input gives a page."""

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

#: Longer queries are cut to this many characters (a query is words, not a document).
MAX_QUERY_LENGTH = 200

SORT_RELEVANCE = "relevans"
SORT_NEWEST = "nyeste"


def clean_query_text(text):
    """Drop control characters (NUL breaks some engines) and squeeze whitespace."""
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if category in {"Cc", "Cf", "Cs", "Co", "Cn"}:
            kept.append(" ")
        else:
            kept.append(char)
    return " ".join("".join(kept).split())


class SearchForm(forms.Form):
    """The query (``q``) and the sort order; facets are read by knowledge.search.facets."""

    q = forms.CharField(label=_("Search"), required=False, strip=False)
    sorter = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(SORT_RELEVANCE, _("Best match")), (SORT_NEWEST, _("Newest first"))],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.was_shortened = False

    def clean_q(self):
        text = clean_query_text(self.cleaned_data.get("q") or "")
        if len(text) > MAX_QUERY_LENGTH:
            self.was_shortened = True
            text = text[:MAX_QUERY_LENGTH].rstrip()
        return text

    def clean_sorter(self):
        return self.cleaned_data.get("sorter") or SORT_RELEVANCE

    @property
    def query(self):
        return (
            self.cleaned_data.get("q", "")
            if self.is_bound and hasattr(self, "cleaned_data")
            else ""
        )

    @property
    def sort(self):
        data = getattr(self, "cleaned_data", {})
        return data.get("sorter") or SORT_RELEVANCE

    def messages(self):
        """Notes for the visitor about how their input was understood."""
        notes = []
        if self.was_shortened:
            notes.append(
                _("Your search was shortened to the first %(limit)d characters.")
                % {"limit": MAX_QUERY_LENGTH}
            )
        if self.is_bound and "sorter" in self.errors:
            notes.append(_("Unknown sort order; showing the best matches first."))
        return notes
