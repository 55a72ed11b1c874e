"""Small helpers shared by the search page tests."""

from bs4 import BeautifulSoup
from django.urls import reverse

SEARCH_URL = reverse("knowledge:search")


def result_titles(response):
    """Titles of the results on a search page, in order (HTML as the visitor gets it)."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in soup.select("li.result .card__title a")]


def facet(response, key):
    """{label: count} of one facet on the page's context."""
    outcome = response.context["outcome"]
    for f in outcome.facets:
        if f.parameter == key:
            return {str(v.label): v.count for v in f.values}
    raise AssertionError(f"no facet {key}")


def search(client, **params):
    return client.get(SEARCH_URL, params)
