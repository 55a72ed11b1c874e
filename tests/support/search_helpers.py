"""Small helpers shared by the search page tests."""

import re

from django.urls import reverse

SEARCH_URL = reverse("knowledge:search")
_RESULT_TITLE = re.compile(r'<li class="result">\s*<h3><a href="[^"]*">([^<]*)</a>')


def result_titles(response):
    """Titles of the results on a search page, in order (HTML as the visitor gets it)."""
    import html

    return [html.unescape(t) for t in _RESULT_TITLE.findall(response.content.decode())]


def facet(response, key):
    """{label: count} of one facet on the page's context."""
    outcome = response.context["outcome"]
    for f in outcome.facets:
        if f.parameter == key:
            return {str(v.label): v.count for v in f.values}
    raise AssertionError(f"no facet {key}")


def search(client, **params):
    return client.get(SEARCH_URL, params)
